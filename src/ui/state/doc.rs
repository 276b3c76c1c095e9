//! The open board and its undo history. The plain [`Board`] is the source
//! of truth (not reactive); the few signals here say that it changed.

use leptos::prelude::*;
use uuid::Uuid;

use super::now;
use crate::model::history::{History, Patch};
use crate::model::limits::{self, bounded, Field, OverLimit};
use crate::model::{Board, Column, Item, Line, Timestamp};

/// How many changes can be undone.
pub const HISTORY_STEPS: usize = 200;

/// Board-level data that changes rarely (title, lines, columns).
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub id: Uuid,
    pub title: String,
    pub team: String,
    pub year: Option<i32>,
    pub lines: Vec<Line>,
    pub columns: Vec<Column>,
}

impl Meta {
    fn of(b: &Board) -> Meta {
        Meta {
            id: b.id,
            // Bounded: a board over its bounds still shows its title.
            title: bounded(Field::BoardTitle, &b.title),
            team: bounded(Field::Team, &b.team),
            year: b.year,
            lines: b.lines.iter().map(bounded_line).collect(),
            columns: b
                .visible_columns()
                .into_iter()
                .take(limits::MAX_COLUMNS)
                .cloned()
                .collect(),
        }
    }

    /// Whether this is still what [`Meta::of`] would make of `b`, without
    /// copying anything.
    fn is_of(&self, b: &Board) -> bool {
        // Runs after every change (every keystroke): no copies.
        let line_shown = |m: &Line, l: &Line| {
            m.number == l.number
                && m.updated == l.updated
                && m.extra == l.extra
                && m.status == l.status
                && m.knelpunten == l.knelpunten
                && shows(&m.name, Field::LineName, &l.name)
                && shows(&m.description, Field::LineDescription, &l.description)
        };
        self.id == b.id
            && shows(&self.title, Field::BoardTitle, &b.title)
            && shows(&self.team, Field::Team, &b.team)
            && self.year == b.year
            && self.lines.len() == b.lines.len()
            && self.lines.iter().zip(&b.lines).all(|(m, l)| line_shown(m, l))
            && b
                .visible_columns()
                .into_iter()
                .take(limits::MAX_COLUMNS)
                .eq(self.columns.iter())
    }

    pub fn column_name(&self, id: Uuid) -> String {
        self.columns
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }

    /// The id of the column at this position (as in a cell's `data-col`).
    pub fn column_at(&self, index: usize) -> Option<Uuid> {
        self.columns.get(index).map(|c| c.id)
    }

    pub fn line(&self, number: u8) -> Option<&Line> {
        self.lines.iter().find(|l| l.number == number)
    }

    pub fn line_name(&self, number: u8) -> String {
        self.lines
            .iter()
            .find(|l| l.number == number)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }
}

/// Whether `shown` is what the page shows of `full` (cut to its bound),
/// without copying a text that is within it (nearly always).
fn shows(shown: &str, field: Field, full: &str) -> bool {
    if full.len() <= field.max_chars() {
        shown == full
    } else {
        shown == bounded(field, full)
    }
}

/// A line with its texts within their bounds (what the page shows).
fn bounded_line(l: &Line) -> Line {
    Line {
        name: bounded(Field::LineName, &l.name),
        description: bounded(Field::LineDescription, &l.description),
        ..l.clone()
    }
}

#[derive(Clone, Copy)]
pub struct Doc {
    board: StoredValue<Board>,
    history: StoredValue<History>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Bumped on every change to the open board (for derived figures).
    pub revision: RwSignal<u64>,
    /// Bumped once changes have settled: after the frame that shows them
    /// (or a pause in typing). Figures over the whole board follow this,
    /// so they stay off the path of a move or keystroke.
    pub settled: RwSignal<u64>,
    pub meta: RwSignal<Meta>,
    /// The bound the open board goes over, if any (a board stored before
    /// the bounds, or crafted): it is shown read-only, never drawn, with
    /// export and repair.
    pub over_limit: RwSignal<Option<OverLimit>>,
}

impl Doc {
    pub(super) fn new(board: Board) -> Doc {
        Doc {
            meta: RwSignal::new(Meta::of(&board)),
            board: StoredValue::new(board),
            history: StoredValue::new(History::new(HISTORY_STEPS)),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            revision: RwSignal::new(0),
            settled: RwSignal::new(0),
            over_limit: RwSignal::new(None),
        }
    }

    /// Checks the board against its bounds (linear in its size); true when
    /// it is within them.
    pub(super) fn check_limits(&self) -> bool {
        let over = self.board.with_value(|b| limits::check(b).err());
        let within = over.is_none();
        if self.over_limit.with_untracked(|o| *o != over) {
            self.over_limit.set(over);
        }
        within
    }

    /// Reads the open board without copying it.
    pub fn with_board<R>(&self, f: impl FnOnce(&Board) -> R) -> R {
        self.board.with_value(f)
    }

    pub fn snapshot(&self) -> Board {
        self.board.get_value()
    }

    pub fn id(&self) -> Uuid {
        self.board.with_value(|b| b.id)
    }

    pub fn created(&self) -> Timestamp {
        self.board.with_value(|b| b.created)
    }

    pub fn item(&self, id: Uuid) -> Option<Item> {
        self.board.with_value(|b| b.item(id).cloned())
    }

    pub fn title_of(&self, id: Uuid) -> String {
        self.board
            .with_value(|b| b.item(id).map(|i| i.title.clone()))
            .unwrap_or_default()
    }

    /// Puts another board (or another version of it) in place, without
    /// history: switching boards, or taking in another tab's changes.
    pub(super) fn set(&self, board: Board) {
        self.board.set_value(board);
    }

    /// Changes the board outside the history (bookkeeping such as the
    /// last exchange, which no one undoes).
    pub(super) fn update_quietly<R>(&self, f: impl FnOnce(&mut Board) -> R) -> R {
        self.board.try_update_value(f).expect("board is alive")
    }

    /// Runs a change on the board and records it for undo. `key` names the
    /// change for coalescing ("" for never).
    pub(super) fn record<R>(&self, key: &str, f: impl FnOnce(&mut Board) -> R) -> R {
        let before = self.board.get_value();
        let result = self.update_quietly(f);
        let patch = self
            .board
            .with_value(|after| Patch::between(&before, after));
        let at = now().timestamp_millis();
        self.history.update_value(|h| h.record(key, patch, at));
        self.history_changed();
        result
    }

    /// Undoes (`forward` false) or redoes the last change; the patch that
    /// was applied, if there was one.
    pub(super) fn travel(&self, forward: bool, stamp: crate::model::Stamp) -> Option<Patch> {
        let patch = self
            .board
            .try_update_value(|b| {
                let at = stamp;
                self.history
                    .try_update_value(|h| {
                        if forward {
                            h.redo(b, at)
                        } else {
                            h.undo(b, at)
                        }
                    })
                    .flatten()
            })
            .flatten();
        self.history_changed();
        patch
    }

    /// Another board is shown: nothing to undo.
    pub(super) fn clear_history(&self) {
        self.history.update_value(|h| h.clear());
        self.history_changed();
    }

    fn history_changed(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }

    /// Sets `meta` again if the board's title, lines or columns changed.
    pub(super) fn refresh_meta(&self) {
        let same = self
            .board
            .with_value(|b| self.meta.with_untracked(|m| m.is_of(b)));
        if !same {
            self.meta.set(self.board.with_value(Meta::of));
        }
    }

    /// Whether `meta` still describes the board (same title, lines and
    /// columns).
    pub(super) fn meta_is_current(&self) -> bool {
        self.board
            .with_value(|b| self.meta.with_untracked(|m| m.is_of(b)))
    }

    /// Sets `meta` afresh (the whole board was replaced).
    pub(super) fn reset_meta(&self) {
        self.meta.set(self.board.with_value(Meta::of));
    }

    pub(super) fn bump_revision(&self) {
        self.revision.update(|r| *r += 1);
    }

    pub(super) fn bump_settled(&self) {
        self.settled.update(|n| *n += 1);
    }
}
