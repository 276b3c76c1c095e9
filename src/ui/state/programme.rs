//! The programme: every board in this browser together (teams × lines,
//! the year plan of all teams, the progress report). This part owns which
//! boards are included (kept in this browser), the year and the report's
//! period and options, and the boards as read for the programme pages; the commands
//! read the boards and set a line's status and knelpunten on any board.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};
use leptos::prelude::*;
use uuid::Uuid;

use super::AppState;
use crate::model::{Board, LineStatus, OpError};
use crate::storage::Store;

/// Where the boards left out of the programme are kept (JSON: a list of
/// ids). New boards are in: the list names the ones the user took out.
pub const EXCLUDED_KEY: &str = "planbord.instelling.programma-zonder";

#[derive(Clone, Copy)]
pub struct Programme {
    /// Boards the user left out, by id.
    pub excluded: RwSignal<BTreeSet<Uuid>>,
    /// Only cards that touch this year count; `None`: all.
    pub year: RwSignal<Option<i32>>,
    /// The report's period: what was done from … to ….
    pub from: RwSignal<NaiveDate>,
    pub to: RwSignal<NaiveDate>,
    /// Whether the report quotes each running activity's newest comment
    /// (off until ticked; like the period, not remembered).
    pub last_comment: RwSignal<bool>,
    /// Every board in the library (not in the trash), read when a
    /// programme page opens; the open board as it is now.
    pub boards: RwSignal<Vec<Board>>,
    /// The line whose status and knelpunten are being edited (board,
    /// line number): from the programme or from a line's header.
    pub editing: RwSignal<Option<(Uuid, u8)>>,
}

impl Programme {
    pub(super) fn new() -> Programme {
        let today = super::dates::today();
        Programme {
            excluded: RwSignal::new(BTreeSet::new()),
            year: RwSignal::new(None),
            // A quarter back: the usual period of a status report.
            from: RwSignal::new(today.checked_sub_months(Months::new(3)).unwrap_or(today)),
            to: RwSignal::new(today),
            last_comment: RwSignal::new(false),
            boards: RwSignal::new(Vec::new()),
            editing: RwSignal::new(None),
        }
    }

    /// Runs `f` over the included boards.
    pub fn with_included<R>(&self, f: impl FnOnce(&[&Board]) -> R) -> R {
        self.excluded.with(|out| {
            self.boards.with(|all| {
                let boards: Vec<&Board> = all.iter().filter(|b| !out.contains(&b.id)).collect();
                f(&boards)
            })
        })
    }
}

impl AppState {
    /// Reads every board of the library for the programme pages, and which
    /// ones the user left out.
    pub fn load_programme(&self) {
        let ids: Vec<Uuid> = self
            .persist
            .library
            .with_untracked(|l| l.active().iter().map(|e| e.id).collect());
        let boards: Vec<Board> = ids.into_iter().filter_map(|id| self.read_board(id)).collect();
        let excluded: BTreeSet<Uuid> = self
            .persist
            .with_store(|st| st.get(EXCLUDED_KEY))
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default();
        self.programme.excluded.set(excluded);
        self.programme.boards.set(boards);
    }

    /// Takes a board into the programme or leaves it out (remembered in
    /// this browser).
    pub fn include_in_programme(&self, id: Uuid, included: bool) {
        self.programme.excluded.update(|out| {
            if included {
                out.remove(&id);
            } else {
                out.insert(id);
            }
        });
        let raw = self
            .programme
            .excluded
            .with_untracked(|out| serde_json::to_string(out).unwrap_or_default());
        self.persist.with_store(|st| {
            let _ = st.set(EXCLUDED_KEY, &raw);
        });
    }

    /// Opens a board (from a programme page) with one card's editor open.
    pub fn open_card_on(&self, board: Uuid, card: Uuid) {
        if self.must_stay() {
            return;
        }
        if self.doc.id() != board && !self.open_board(board) {
            return;
        }
        // The page is the board's before the hash says so: `follow` then
        // finds nothing to do (it would close dialogs on a page change).
        self.nav.route.set(super::Route::Board(board));
        super::navigate(super::Route::Board(board));
        self.panels.editing.set(Some(card));
    }

    /// Sets a line's status and knelpunten on any board: the open one as
    /// an undoable change, another one read, changed and stored. The
    /// Dutch message if it could not be stored.
    pub fn set_line_report(
        &self,
        board: Uuid,
        line: u8,
        status: Option<LineStatus>,
        knelpunten: &str,
    ) -> Result<(), String> {
        let stamp = self.stamp();
        let change = |b: &mut Board| -> Result<(), OpError> {
            b.set_line_status(line, status, stamp.clone())?;
            b.set_line_knelpunten(line, knelpunten, stamp.clone())?;
            Ok(())
        };
        let changed = if self.doc.id() == board {
            self.settings(change)
                .map_err(|e| crate::strings::op_error(&e).to_string())?;
            self.doc.snapshot()
        } else {
            let mut b = self
                .read_board(board)
                .ok_or_else(|| crate::strings::PROGRAMME_BOARD_GONE.to_string())?;
            change(&mut b).map_err(|e| crate::strings::op_error(&e).to_string())?;
            self.store_board(&b)?;
            b
        };
        self.programme.boards.update(|all| {
            if let Some(b) = all.iter_mut().find(|b| b.id == board) {
                *b = changed;
            }
        });
        Ok(())
    }
}
