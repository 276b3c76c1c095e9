//! Commands on the cards of the open board: add, edit, move, delete and
//! restore, and undo/redo of any change. Each runs a model operation
//! (recorded for undo), refreshes what it touched, and tells the user.

use chrono::Datelike;
use leptos::prelude::*;
use uuid::Uuid;

use super::{now, AppState, Revert};
use crate::model::calendar::{self, Dates, Edge};
use crate::model::{CellKey, Direction, Edit, Item, OpError};
use crate::strings as s;
use crate::ui::dom::{add_button_id, focus_card_later, focus_selector_soon};

impl AppState {
    /// A change made now by this browser's person ("Jouw naam").
    pub fn stamp(&self) -> crate::model::Stamp {
        crate::model::Stamp {
            at: now(),
            by: self.author(),
        }
    }

    /// Ctrl+Z: takes back the last change to the open board.
    pub fn undo(&self) {
        self.travel(false);
    }

    /// Ctrl+Shift+Z: does the last undone change again.
    pub fn redo(&self) {
        self.travel(true);
    }

    fn travel(&self, forward: bool) {
        // A board over its bounds is read-only (repair is the way out).
        if self.doc.over_limit.with_untracked(Option::is_some) {
            return;
        }
        self.views.draw_all();
        let Some(patch) = self.doc.travel(forward, self.stamp()) else {
            return;
        };
        self.feedback.clear_notice();
        // What comes back may be over a bound (a board replaced by a file).
        if patch.touches_head() || !self.doc.check_limits() {
            self.rebuild();
        } else {
            let cells = self.views.cell_keys();
            self.sync_cards(patch.item_ids());
            // Only cells whose order changed are touched by sync_cell.
            for cell in cells {
                self.sync_cell(cell);
            }
        }
        self.feedback
            .announce(if forward { s::REDONE } else { s::UNDONE }.to_string());
        self.changed();
        // Focus follows the change: the card that came back or moved, or
        // its cell's "+ Kaart" when it is gone; never the page body. Not
        // while a dialog or a text field has focus (typing goes on there).
        if !crate::ui::dom::dialog_open() && !crate::ui::dom::typing() {
            if let Some((id, cell)) = patch.focus_target(forward) {
                if self.doc.item(id).is_some() {
                    focus_card_later(id);
                } else {
                    let button = add_button_id(cell.0, cell.1);
                    focus_selector_soon(format!("#{button}"));
                }
            }
        }
    }

    /// Adds a card at the end of `cell`; returns its id.
    pub fn add(&self, cell: CellKey, title: &str) -> Result<Uuid, OpError> {
        let id = Uuid::new_v4();
        let stamp = self.stamp();
        self.record("", |b| b.add_item(id, cell, title, stamp))?;
        self.sync_card(id);
        self.sync_cell(cell);
        self.feedback.announce(s::added(&self.doc.title_of(id)));
        self.changed();
        Ok(id)
    }

    /// Changes one field of a card (typing: coalesced for undo, saved when
    /// the typing pauses).
    pub fn edit(&self, id: Uuid, edit: Edit) -> Result<(), OpError> {
        let key = format!("edit {id} {}", edit.field());
        let stamp = self.stamp();
        let result = self.record(&key, |b| b.edit_item(id, edit, stamp));
        match result {
            Ok(changed) => {
                self.feedback.set_edit_error(None);
                if changed {
                    self.sync_card(id);
                    self.changed_typing();
                }
                Ok(())
            }
            Err(e) => {
                self.feedback
                    .set_edit_error(Some(s::op_error(&e).to_string()));
                Err(e)
            }
        }
    }

    /// Moves a card into `cell`, before card `before` (`None`: at the end).
    pub fn move_before(
        &self,
        id: Uuid,
        cell: CellKey,
        before: Option<Uuid>,
    ) -> Result<(), OpError> {
        let index = before.and_then(|b| {
            self.doc.with_board(|board| {
                board
                    .cell_ids(cell)
                    .into_iter()
                    .filter(|x| *x != id)
                    .position(|x| x == b)
            })
        });
        self.move_to(id, cell, index)
    }

    pub fn move_to(&self, id: Uuid, cell: CellKey, index: Option<usize>) -> Result<(), OpError> {
        let stamp = self.stamp();
        let from = self.record("", |b| b.move_item(id, cell, index, stamp))?;
        self.after_move(id, from);
        Ok(())
    }

    /// One keyboard step. Returns false when the card is at the edge.
    pub fn step(&self, id: Uuid, direction: Direction) -> Result<bool, OpError> {
        let stamp = self.stamp();
        let from = self.record("", |b| b.step_item(id, direction, stamp))?;
        match from {
            Some(from) => {
                self.after_move(id, from);
                Ok(true)
            }
            None => {
                self.feedback.announce(s::AT_EDGE.into());
                Ok(false)
            }
        }
    }

    fn after_move(&self, id: Uuid, from: CellKey) {
        let Some(item) = self.doc.item(id) else { return };
        self.sync_card(id);
        self.sync_cell(from);
        self.sync_cell(item.cell());
        // A renumbered cell changes its other cards' ranks, not their order.
        let column = self.doc.meta.with_untracked(|m| m.column_name(item.column));
        self.feedback
            .announce(s::moved(&item.title, item.line, &column));
        self.changed();
    }

    /// Moves an activity to start in another month (the year calendar: a
    /// bar's body dragged, an undated card dropped on a month), keeping its
    /// length.
    pub fn move_to_month(&self, id: Uuid, year: i32, month: u32) {
        let stamp = self.stamp();
        if self
            .record("", |b| b.move_to_month(id, year, month, stamp))
            .is_ok()
        {
            self.after_dates(id, year, None);
        }
    }

    /// Alt+←/→ on an activity in the calendar: a month earlier or later.
    /// `year`: the year shown (an undated one lands in its January).
    pub fn step_month(&self, id: Uuid, delta: i32, year: i32) {
        let stamp = self.stamp();
        if self
            .record("", |b| b.step_month(id, delta, year, stamp))
            .is_ok()
        {
            self.after_dates(id, year, None);
        }
    }

    /// One end of an activity to `month` (1..=12) of `year` (a bar's
    /// handle dragged). False when refused (it would pass the other end;
    /// said why).
    pub fn edge_to_month(&self, id: Uuid, edge: Edge, year: i32, month: u32) -> bool {
        let dates = self.doc.item(id).and_then(|i| edge.to_month(&i, year, month));
        self.set_edge(id, edge, dates, year)
    }

    /// Alt+Shift+←/→ (end) or Ctrl+Shift+←/→ (start) on an activity: that
    /// end a month earlier or later. `year`: the year shown. False when
    /// refused (said why).
    pub fn step_edge(&self, id: Uuid, edge: Edge, delta: i32, year: i32) -> bool {
        let dates = self.doc.item(id).and_then(|i| edge.step(&i, delta));
        self.set_edge(id, edge, dates, year)
    }

    fn set_edge(&self, id: Uuid, edge: Edge, dates: Option<Dates>, year: i32) -> bool {
        let Some(item) = self.doc.item(id) else {
            return false;
        };
        let Some(dates) = dates else {
            self.feedback.announce(match (calendar::span(&item), edge) {
                (None, _) => s::no_dates_yet(&item.title),
                (Some((_, end)), Edge::Start) => s::start_refused(&item.title, end),
                (Some((start, _)), Edge::End) => s::end_refused(&item.title, start),
            });
            return false;
        };
        let stamp = self.stamp();
        match self.record("", |b| b.set_dates(id, dates, stamp)) {
            Ok(_) => {
                self.after_dates(id, year, Some(edge));
                true
            }
            Err(e) => {
                self.feedback.announce(s::op_error(&e).to_string());
                false
            }
        }
    }

    /// After an activity's dates changed in the calendar: its card, the
    /// announcement ("Open dag: 14-11-2017 – 20-11-2017") and, when it
    /// left the year shown, the year of the end that moved (the start for
    /// a move), so it stays in sight (and focus can stay on it).
    fn after_dates(&self, id: Uuid, year: i32, edge: Option<Edge>) {
        let Some(item) = self.doc.item(id) else { return };
        self.sync_card(id);
        self.feedback
            .announce(s::dates_now(&item.title, &s::date_range(item.start, item.end)));
        if let Some((start, end)) = calendar::span(&item) {
            if start.year() > year || end.year() < year {
                let date = if edge == Some(Edge::End) { end } else { start };
                self.nav.calendar_year.set(Some(date.year()));
            }
        }
        self.changed();
    }

    /// Puts a deleted card back where it was.
    pub fn restore_card(&self, item: Item) {
        let id = item.id;
        let title = item.title.clone();
        let stamp = self.stamp();
        let result = self.record("", |b| b.restore_item(item, stamp));
        if result.is_ok() {
            self.sync_card(id);
            if let Some(i) = self.doc.item(id) {
                self.sync_cell(i.cell());
            }
            self.feedback.announce(s::restored(&title));
            self.changed();
            focus_card_later(id);
        }
    }

    /// Deletes a card and moves the focus to a neighbour in its cell, or to
    /// the cell's add button (from the card or from the editor).
    pub fn delete_and_refocus(&self, id: Uuid) -> Result<(), OpError> {
        let Some(cell) = self.doc.item(id).map(|i| i.cell()) else {
            return Err(OpError::UnknownItem);
        };
        let ids = self.cell(cell).get_untracked();
        let pos = ids.iter().position(|x| *x == id).unwrap_or(0);
        let neighbour = ids
            .get(pos + 1)
            .or_else(|| pos.checked_sub(1).and_then(|p| ids.get(p)))
            .copied();
        self.delete(id)?;
        match neighbour {
            Some(n) => focus_card_later(n),
            None => {
                let button = add_button_id(cell.0, cell.1);
                focus_selector_soon(format!("#{button}"));
            }
        }
        Ok(())
    }

    pub fn delete(&self, id: Uuid) -> Result<(), OpError> {
        let stamp = self.stamp();
        let item = self.record("", |b| b.delete_item(id, stamp))?;
        if self.panels.editing.get_untracked() == Some(id) {
            self.panels.editing.set(None);
        }
        self.sync_cell(item.cell());
        let text = s::deleted(&item.title);
        self.feedback.announce(text.clone());
        self.feedback
            .notify(text, Some(Revert::Card(Box::new(item))));
        self.changed();
        Ok(())
    }
}
