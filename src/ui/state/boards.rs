//! Commands on many boards: following the URL to a board, the board list
//! (create, duplicate, rename, trash, restore, purge), and the open
//! board's settings.

use leptos::prelude::*;
use uuid::Uuid;

use super::{empty_board, navigate, now, replace_hash, AppState, Revert, Route, View};
use crate::model::filter::Filter;
use crate::model::library::duplicate;
use crate::model::{sample, Board, OpError};
use crate::storage as store;
use crate::strings as s;
use crate::ui::policy;

/// What a new board starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Template,
    Empty,
}

impl AppState {
    /// Follows the URL: called on every `hashchange`.
    pub fn follow(&self, route: Route, view: View, filter: Filter) {
        self.nav.follow_view(view, filter);
        if self.nav.route.get_untracked() == route {
            return;
        }
        match route {
            Route::List => self.nav.route.set(Route::List),
            Route::Programme(_) => {
                // Fresh figures each time the programme opens (the board
                // just left may have changed); not between its pages.
                if !matches!(self.nav.route.get_untracked(), Route::Programme(_)) {
                    self.save_pending();
                    self.load_programme();
                }
                self.nav.route.set(route);
            }
            Route::Board(id) => {
                if self.doc.id() == id
                    && self
                        .persist
                        .library
                        .with_untracked(|l| l.entry(id).is_some())
                {
                    self.nav.route.set(route);
                } else if self.must_stay() {
                    // Back to the open board in the URL too.
                    replace_hash(&self.nav.url());
                } else if !self.open_board(id) {
                    navigate(Route::List);
                }
            }
        }
        self.panels.close_dialogs();
    }

    /// Whether the open board has a change storage would not take (it is
    /// full): opening another board in this window would lose it, so the
    /// user is told to export first.
    pub(super) fn must_stay(&self) -> bool {
        self.save_pending();
        let stay = self.persist.has_unsaved() && self.persist.may_save();
        if stay {
            self.feedback.notify(s::UNSAVED_STAY.into(), None);
        }
        stay
    }

    /// Loads a board from storage and shows it. False if it cannot be read.
    pub fn open_board(&self, id: Uuid) -> bool {
        self.settle_storage();
        let mut library = self.persist.library.get_untracked();
        let loaded = self
            .persist
            .with_store(|st| store::load_board_raw(st, &mut library, id, now()));
        let ok = match loaded {
            Ok((board, raw)) => {
                library.last_open = Some(id);
                self.persist.set_last_written(Some(raw));
                self.show(board);
                true
            }
            Err(note) => {
                if let Some(note) = note {
                    self.feedback.show_banner(policy::banner_for(&note));
                }
                false
            }
        };
        self.persist.set_library(library);
        self.save_library();
        if ok {
            self.nav.route.set(Route::Board(id));
        }
        ok
    }

    /// Makes `board` the open board (switching boards: a fresh history).
    pub(super) fn show(&self, board: Board) {
        // An undo offered for another board must not act on this one.
        if self.doc.id() != board.id {
            self.feedback.clear_notice();
        }
        self.doc.set(board);
        // Whatever was pending belonged to the board shown before (saved:
        // `must_stay` keeps a board whose save failed).
        self.persist.clear_unsaved();
        self.doc.clear_history();
        self.panels.close_dialogs();
        self.rebuild();
    }

    /// Stores a board that is not open, and records it in the library.
    /// Storage refusing it (full) changes nothing; the error is the Dutch
    /// message for the user, for the caller to show where it fits.
    pub(super) fn store_board(&self, board: &Board) -> Result<(), String> {
        self.settle_storage();
        if !self.persist.may_save() && self.persist.is_local() {
            // Storage holds data this tab must not overwrite (see `save_now`).
            return Err(s::STORAGE_LOCKED.into());
        }
        let mut library = self.persist.library.get_untracked();
        let result = self
            .persist
            .with_store(|st| store::save_board(st, &mut library, board, now()));
        match result {
            Ok(raw) => {
                if self.doc.id() == board.id {
                    self.persist.set_last_written(Some(raw));
                }
                self.persist.set_library(library);
                Ok(())
            }
            Err(e) => Err(s::store_failed(&board.title, &e)),
        }
    }

    /// Creates a board and opens it.
    pub fn create_board(&self, start: Start, title: &str, team: &str, year: Option<i32>) {
        self.settle_storage();
        let now = now();
        let title = if title.trim().is_empty() {
            s::default_board_title(team, year)
        } else {
            title.trim().to_string()
        };
        let board = match start {
            Start::Template => sample::template(Uuid::new_v4, &title, team.trim(), year, now),
            Start::Empty => {
                let mut b = empty_board();
                b.set_settings(&title, team.trim(), year, now);
                b
            }
        };
        if let Err(message) = self.store_board(&board) {
            self.feedback.notify(message, None);
            return;
        }
        self.feedback.announce(s::board_created(&board.title));
        navigate(Route::Board(board.id));
    }

    pub(super) fn read_board(&self, id: Uuid) -> Option<Board> {
        self.settle_storage();
        if self.doc.id() == id {
            return Some(self.doc.snapshot());
        }
        let mut library = self.persist.library.get_untracked();
        let board = self
            .persist
            .with_store(|st| store::load_board(st, &mut library, id, now()));
        self.persist.set_library(library);
        board.ok()
    }

    pub fn duplicate_board(&self, id: Uuid) {
        self.settle_storage();
        let Some(board) = self.read_board(id) else {
            return;
        };
        let copy = duplicate(&board, Uuid::new_v4, &s::copy_title(&board.title), now());
        let text = match self.store_board(&copy) {
            Ok(()) => s::board_duplicated(&copy.title),
            Err(message) => message,
        };
        self.feedback.notify(text, None);
    }

    pub fn rename_board(&self, id: Uuid, title: &str) {
        self.settle_storage();
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        if self.doc.id() == id {
            let (team, year) = self.doc.with_board(|b| (b.team.clone(), b.year));
            self.record("", |b| b.set_settings(title, &team, year, now()));
            self.changed();
        } else if let Some(mut board) = self.read_board(id) {
            let (team, year) = (board.team.clone(), board.year);
            board.set_settings(title, &team, year, now());
            if let Err(message) = self.store_board(&board) {
                self.feedback.notify(message, None);
            }
        }
    }

    /// Moves a board to the trash (undo: the notice's button).
    pub fn trash_board(&self, id: Uuid) {
        self.settle_storage();
        let title = self
            .persist
            .library
            .with_untracked(|l| l.entry(id).map(|e| e.title.clone()));
        self.persist.library.update(|l| {
            l.trash(id, now());
        });
        self.save_library();
        if let Some(title) = title {
            self.feedback
                .notify(s::board_trashed(&title), Some(Revert::Trashed(id)));
        }
        if self.nav.route.get_untracked() == Route::Board(id) {
            navigate(Route::List);
        }
    }

    pub fn restore_board(&self, id: Uuid) {
        self.settle_storage();
        self.persist.library.update(|l| {
            l.restore(id);
        });
        self.save_library();
        if let Some(title) = self
            .persist
            .library
            .with_untracked(|l| l.entry(id).map(|e| e.title.clone()))
        {
            self.feedback.announce(s::board_restored(&title));
        }
    }

    /// Deletes a board from the trash for good.
    pub fn purge_board(&self, id: Uuid) {
        self.settle_storage();
        let mut library = self.persist.library.get_untracked();
        let result = self
            .persist
            .with_store(|st| store::purge_board(st, &mut library, id));
        self.persist.set_library(library);
        if result.is_ok() {
            self.feedback.announce(s::BOARD_PURGED.into());
        }
        // Room was freed: save what storage refused before, or at least
        // say how full it is now.
        self.persist.recount_room();
        if self.persist.has_unsaved() {
            self.save_now();
        } else {
            self.recheck_room();
        }
    }

    /// "Wis alle gegevens": removes every key Planbord wrote in this
    /// browser and its offline caches, then starts afresh (a first visit).
    /// Nothing is saved on the way out: the window forgets its changes.
    pub fn wipe_all(&self) {
        self.persist.stop_saving();
        self.persist.clear_unsaved();
        self.persist.with_store(store::wipe);
        self.feedback.announce(s::WIPED.into());
        leptos::task::spawn_local(async {
            // The service worker's caches are named "planbord-…".
            crate::ui::dom::delete_caches("planbord").await;
            // The URL's board is gone: the page opens as on a first visit.
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
    }

    /// Brings the open board within its bounds (`limits::repair`): the
    /// way out of the read-only state. Not undoable (the user was offered
    /// an export first), so no copy of the oversized board is kept.
    pub fn repair_board(&self) {
        self.settle_storage();
        let changed = self.doc.update_quietly(|b| crate::model::limits::repair(b, now()));
        self.doc.clear_history();
        self.rebuild();
        if changed {
            self.feedback.announce(s::BOARD_REPAIRED.into());
            self.feedback.notify(s::BOARD_REPAIRED.into(), None);
            self.changed();
        }
    }

    /// Runs a settings operation on the open board, then refreshes the
    /// views (columns may have changed) and saves.
    pub fn settings<R>(
        &self,
        f: impl FnOnce(&mut Board) -> Result<R, OpError>,
    ) -> Result<R, OpError> {
        let result = self.record("", f);
        match &result {
            Ok(_) => {
                self.feedback.set_edit_error(None);
                self.rebuild();
                self.changed();
            }
            Err(e) => self
                .feedback
                .set_edit_error(Some(s::op_error(e).to_string())),
        }
        result
    }
}
