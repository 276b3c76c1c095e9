//! After a model operation: the view signals it touched are set from the
//! board (the card, its old and new cell), the derived figures are told,
//! and the save is scheduled. A whole new board rebuilds every signal.

use leptos::prelude::*;
use uuid::Uuid;

use super::AppState;
use crate::model::{Board, CellKey, Item};
use crate::ui::policy::Pace;

impl AppState {
    /// A card's signal, if the card exists.
    pub fn card(&self, id: Uuid) -> Option<RwSignal<Item>> {
        self.views.card(id)
    }

    /// A cell's ordered card ids (made for an empty cell on first use).
    pub fn cell(&self, key: CellKey) -> RwSignal<Vec<Uuid>> {
        self.views
            .cell(key, || self.doc.with_board(|b| b.cell_ids(key)))
    }

    /// Runs a change on the open board and records it for undo. `key`
    /// names the change for coalescing ("" for never).
    pub(super) fn record<R>(&self, key: &str, f: impl FnOnce(&mut Board) -> R) -> R {
        // A change while a big board is still being drawn: draw it all, so
        // the card lands where the user can see (and focus) it.
        self.views.draw_all();
        self.doc.record(key, f)
    }

    /// Recreates every view signal from the board (first load, replace).
    /// A board over its bounds gets none: it is not drawn.
    pub(super) fn rebuild(&self) {
        if self.doc.check_limits() {
            let matcher = self.nav.filter.with_untracked(|f| f.matcher());
            self.doc
                .with_board(|b| self.views.rebuild(b, &matcher));
            self.views
                .note_filtering(self.nav.filter.with_untracked(|f| !f.is_empty()));
        } else {
            // Not drawn, and no dialog stays open over it (the settings
            // would list every column).
            self.views.clear();
            self.panels.close_dialogs();
        }
        self.drag.renew();
        let dates = self.dates;
        self.views
            .follow_due_basis(move || (dates.done.get(), dates.today.get()));
        self.doc.reset_meta();
        self.views.rebuilt();
    }

    /// The filter changed: each card's "shown" flag follows.
    pub(super) fn apply_filter(&self) {
        let matcher = self.nav.filter.with_untracked(|f| f.matcher());
        self.doc
            .with_board(|b| self.views.apply_filter(b, &matcher));
        self.views
            .note_filtering(self.nav.filter.with_untracked(|f| !f.is_empty()));
    }

    pub(super) fn sync_card(&self, id: Uuid) {
        self.sync_cards([id]);
    }

    /// Several cards, their filter marks shown in one pass.
    pub(super) fn sync_cards(&self, ids: impl IntoIterator<Item = Uuid>) {
        let matcher = self.nav.filter.with_untracked(|f| f.matcher());
        let mut marks = Default::default();
        for id in ids {
            if let Some(item) = self.doc.item(id) {
                let visible = matcher.matches(&item);
                self.views.sync_card(item, visible, &mut marks);
            }
        }
        self.views.mark_filtered(&marks);
    }

    pub(super) fn sync_cell(&self, key: CellKey) {
        let ids = self.doc.with_board(|b| b.cell_ids(key));
        self.views.sync_cell(key, ids);
    }

    /// Every card and cell set from the board (after another copy was
    /// merged in: any of them may have changed).
    pub(super) fn sync_all(&self) {
        // One pass over the board (not a lookup per card).
        let matcher = self.nav.filter.with_untracked(|f| f.matcher());
        let mut marks = Default::default();
        self.doc.with_board(|b| {
            for i in &b.items {
                self.views.sync_card(i.clone(), matcher.matches(i), &mut marks);
            }
            for cell in b.cells() {
                self.views.sync_cell(cell, b.cell_ids(cell));
            }
        });
        self.views.mark_filtered(&marks);
    }

    /// After the whole board was swapped for another version of itself (a
    /// merge, a replace, its undo): with the same lines and columns only
    /// what changed is set, as after another tab's change, so the cards on
    /// screen stay; otherwise, or over a bound, everything is rebuilt.
    pub(super) fn refresh_all(&self) {
        let within = self.doc.over_limit.with_untracked(Option::is_none);
        if within && self.doc.meta_is_current() && self.doc.check_limits() {
            self.sync_all();
        } else {
            self.rebuild();
        }
    }

    /// After a change to the open board: refresh the derived figures and
    /// save once the screen shows the change.
    pub(super) fn changed(&self) {
        self.changed_at(Pace::Change);
    }

    /// As [`changed`](Self::changed), for typing: the save waits until the
    /// typing pauses.
    pub(super) fn changed_typing(&self) {
        self.changed_at(Pace::Typing);
    }

    fn changed_at(&self, pace: Pace) {
        // The first change made here asks for the author's name.
        self.who.note_change();
        self.doc.bump_revision();
        self.doc.refresh_meta();
        self.schedule_save(pace);
    }
}
