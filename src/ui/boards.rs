//! The part of [`AppState`] that deals with many boards: opening a board
//! (routing), the board list (create, duplicate, rename, trash, restore,
//! purge), board settings, and importing and exporting board files.

use leptos::prelude::*;
use uuid::Uuid;

use super::state::{
    banner_for, empty_board, navigate, now, AppState, ImportPreview, MergeSummary, Route, Undo,
    View,
};
use crate::exchange::{self, ImportError};
use crate::model::filter::Filter;
use crate::model::library::duplicate;
use crate::model::{merge, report, sample, Board, OpError};
use crate::storage as store;
use crate::strings as s;

/// What a new board starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Template,
    Empty,
}

impl AppState {
    // ---- routing ------------------------------------------------------------

    /// Follows the URL: called on every `hashchange`.
    pub fn follow(&self, route: Route, view: View, filter: Filter) {
        if self.filter.with_untracked(|f| *f != filter) {
            self.filter.set(filter);
        }
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
        if self.route.get_untracked() == route {
            return;
        }
        match route {
            Route::List => self.route.set(Route::List),
            Route::Board(id) => {
                if self.board.with_value(|b| b.id) == id
                    && self.library.with_untracked(|l| l.entry(id).is_some())
                {
                    self.route.set(route);
                } else if self.must_stay() {
                    // Back to the open board in the URL too.
                    super::state::replace_hash(&self.url());
                } else if !self.open_board(id) {
                    navigate(Route::List);
                }
            }
        }
        self.close_dialogs();
    }

    /// Presentation mode on or off (with full screen where allowed).
    pub fn toggle_presenting(&self) {
        let on = !self.presenting.get_untracked();
        self.presenting.set(on);
        super::dom::fullscreen(on);
    }

    /// Folds a line to its header, or opens it again.
    pub fn toggle_collapsed(&self, line: u8) {
        self.collapsed.update(|c| {
            if let Some(p) = c.iter().position(|l| *l == line) {
                c.remove(p);
            } else {
                c.push(line);
            }
        });
    }

    /// Changes the filter, and the URL with it (no new history entry).
    pub fn set_filter(&self, f: impl FnOnce(&mut Filter)) {
        self.filter.update(f);
        super::state::replace_hash(&self.url());
    }

    fn close_dialogs(&self) {
        self.editing.set(None);
        self.moving.set(None);
        self.adding.set(None);
        self.settings_open.set(false);
    }

    /// Whether the open board has a change storage would not take (it is
    /// full): opening another board in this window would lose it, so the
    /// user is told to export first.
    pub(super) fn must_stay(&self) -> bool {
        self.flush_save();
        let stay = self.has_unsaved() && self.may_save();
        if stay {
            self.notify(s::UNSAVED_STAY.into(), None);
        }
        stay
    }

    /// Loads a board from storage and shows it. False if it cannot be read.
    pub fn open_board(&self, id: Uuid) -> bool {
        self.settle_storage();
        let mut library = self.library.get_untracked();
        let loaded = self.with_store(|st| store::load_board_raw(st, &mut library, id, now()));
        let ok = match loaded {
            Ok((board, raw)) => {
                library.last_open = Some(id);
                self.last_written.set_value(Some(raw));
                self.show(board);
                true
            }
            Err(note) => {
                if let Some(note) = note {
                    self.banner.set(Some(banner_for(&note)));
                }
                false
            }
        };
        self.set_library(library);
        self.save_library();
        if ok {
            self.route.set(Route::Board(id));
        }
        ok
    }

    /// Makes `board` the open board (switching boards: a fresh history).
    fn show(&self, board: Board) {
        // An undo offered for another board must not act on this one.
        if self.board.with_value(|b| b.id) != board.id {
            self.notice.set(None);
        }
        self.board.set_value(board);
        // Whatever was pending belonged to the board shown before (saved:
        // `must_stay` keeps a board whose save failed).
        self.mark_saved();
        self.history.update_value(|h| h.clear());
        self.history_changed();
        self.close_dialogs();
        self.rebuild();
    }

    /// Stores a board that is not open, and records it in the library.
    fn store_board(&self, board: &Board) {
        self.settle_storage();
        let local = self
            .store
            .with_value(|st| matches!(st, super::state::AnyStore::Local(_)));
        if !self.may_save() && local {
            // Storage holds data this tab must not overwrite (see `save`).
            self.notify(s::STORAGE_LOCKED.into(), None);
            return;
        }
        let mut library = self.library.get_untracked();
        let result = self.with_store(|st| store::save_board(st, &mut library, board, now()));
        if let Ok(raw) = &result {
            if self.board.with_value(|b| b.id == board.id) {
                self.last_written.set_value(Some(raw.clone()));
            }
        }
        if result.is_err() {
            self.save();
        }
        self.set_library(library);
    }

    // ---- the board list -----------------------------------------------------

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
        self.store_board(&board);
        self.announce(s::board_created(&board.title));
        navigate(Route::Board(board.id));
    }

    fn read_board(&self, id: Uuid) -> Option<Board> {
        self.settle_storage();
        if self.board.with_value(|b| b.id == id) {
            return Some(self.board.get_value());
        }
        let mut library = self.library.get_untracked();
        let board = self.with_store(|st| store::load_board(st, &mut library, id, now()));
        self.set_library(library);
        board.ok()
    }

    pub fn duplicate_board(&self, id: Uuid) {
        self.settle_storage();
        let Some(board) = self.read_board(id) else {
            return;
        };
        let copy = duplicate(&board, Uuid::new_v4, &s::copy_title(&board.title), now());
        self.store_board(&copy);
        self.notify(s::board_duplicated(&copy.title), None);
    }

    pub fn rename_board(&self, id: Uuid, title: &str) {
        self.settle_storage();
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        if self.board.with_value(|b| b.id == id) {
            let (team, year) = self.board.with_value(|b| (b.team.clone(), b.year));
            self.record("", |b| b.set_settings(title, &team, year, now()));
            self.changed();
        } else if let Some(mut board) = self.read_board(id) {
            let (team, year) = (board.team.clone(), board.year);
            board.set_settings(title, &team, year, now());
            self.store_board(&board);
        }
    }

    /// Moves a board to the trash (undo: the notice's button).
    pub fn trash_board(&self, id: Uuid) {
        self.settle_storage();
        let title = self
            .library
            .with_untracked(|l| l.entry(id).map(|e| e.title.clone()));
        self.library.update(|l| {
            l.trash(id, now());
        });
        self.save_library();
        if let Some(title) = title {
            self.notify(s::board_trashed(&title), Some(Undo::Trashed(id)));
        }
        if self.route.get_untracked() == Route::Board(id) {
            navigate(Route::List);
        }
    }

    pub fn restore_board(&self, id: Uuid) {
        self.settle_storage();
        self.library.update(|l| {
            l.restore(id);
        });
        self.save_library();
        if let Some(title) = self
            .library
            .with_untracked(|l| l.entry(id).map(|e| e.title.clone()))
        {
            self.announce(s::board_restored(&title));
        }
    }

    /// Deletes a board from the trash for good.
    pub fn purge_board(&self, id: Uuid) {
        self.settle_storage();
        let mut library = self.library.get_untracked();
        let result = self.with_store(|st| store::purge_board(st, &mut library, id));
        self.set_library(library);
        if result.is_ok() {
            self.announce(s::BOARD_PURGED.into());
        }
        // Room was freed: save what storage refused before, or at least
        // say how full it is now.
        self.recount_room();
        if self.has_unsaved() {
            self.save();
        } else {
            self.recheck_room();
        }
    }

    // ---- settings of the open board -------------------------------------------

    /// Runs a settings operation on the open board, then refreshes the
    /// views (columns may have changed) and saves.
    pub fn settings<R>(
        &self,
        f: impl FnOnce(&mut Board) -> Result<R, OpError>,
    ) -> Result<R, OpError> {
        let result = self.record("", f);
        match &result {
            Ok(_) => {
                self.edit_error.set(None);
                self.rebuild();
                self.changed();
            }
            Err(e) => self.edit_error.set(Some(s::op_error(e).to_string())),
        }
        result
    }

    // ---- board files ------------------------------------------------------------

    /// Downloads the board as a board file. The file carries the previous
    /// exchange time; this copy then records the export as its latest
    /// exchange (changes after it are "ours" in the next merge).
    pub fn export(&self) {
        let now = now();
        let (name, text) = self.board.with_value(|b| {
            (
                exchange::file_name(b, now.with_timezone(&chrono::Local).date_naive()),
                exchange::export(b, now),
            )
        });
        if self.offer_file(&name, "application/json", text.as_bytes()) {
            let id = self.board.with_value(|b| b.id);
            self.board.update_value(|b| b.mark_synced(now));
            self.library.update(|l| l.mark_exported(id, now));
            self.changed();
        }
    }

    /// Downloads the dated activities as an iCalendar file (for Outlook).
    pub fn export_ics(&self) {
        let now = now();
        let (name, text) = self.board.with_value(|b| {
            (
                exchange::ics::file_name(b, now.with_timezone(&chrono::Local).date_naive()),
                exchange::ics::export(b, now),
            )
        });
        self.offer_file(&name, "text/calendar", text.as_bytes());
    }

    /// Downloads all cards as CSV for Excel.
    pub fn export_csv(&self) {
        let now = now();
        let (name, bytes) = self.board.with_value(|b| {
            (
                exchange::csv::file_name(b, now.with_timezone(&chrono::Local).date_naive()),
                exchange::csv::export(b),
            )
        });
        self.offer_file(&name, "text/csv;charset=utf-8", &bytes);
    }

    /// Offers a file for download and says how it went. True when offered.
    fn offer_file(&self, name: &str, mime: &str, bytes: &[u8]) -> bool {
        let ok = super::dom::download_bytes(name, mime, bytes).is_ok();
        let text = if ok {
            s::exported(name)
        } else {
            s::EXPORT_FAILED.to_string()
        };
        self.notify(text, None);
        ok
    }

    /// Puts text on the clipboard ("Kopieer voortgang").
    pub fn copy_text(&self, text: String) {
        let state = *self;
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => state.notify(s::COPIED.into(), None),
                Err(_) => state.notify(s::COPY_FAILED.into(), None),
            }
        });
    }

    /// Reads a board file the user picked or dropped, and shows either the
    /// preview or what is wrong with it. Nothing changes on the board yet.
    pub fn open_file(&self, file: web_sys::File) {
        let state = *self;
        let name = file.name();
        if file.size() > exchange::MAX_BYTES as f64 {
            let bytes = file.size() as usize;
            self.import_failed(&ImportError::TooLarge { bytes });
            return;
        }
        leptos::task::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Ok(buffer) = buffer else {
                state.import_failed(&ImportError::NotUtf8);
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            state.preview_bytes(&name, &bytes);
        });
    }

    /// Checks a board file's bytes and shows the preview or the error.
    pub fn preview_bytes(&self, file_name: &str, bytes: &[u8]) {
        match exchange::import(bytes) {
            Err(e) => self.import_failed(&e),
            Ok(imported) => {
                let id = imported.board.id;
                let same_board = self.board.with_value(|b| b.id == id)
                    && self.route.get_untracked() == Route::Board(id);
                let matching = (!same_board)
                    .then(|| {
                        self.library
                            .with_untracked(|l| l.entry(id).map(|e| e.title.clone()))
                    })
                    .flatten();
                let per_line = imported
                    .board
                    .lines
                    .iter()
                    .map(|l| {
                        let n = imported
                            .board
                            .items
                            .iter()
                            .filter(|i| i.line == l.number)
                            .count();
                        (l.number, l.name.clone(), n)
                    })
                    .collect();
                self.import_error.set(None);
                self.import_preview.set(Some(ImportPreview {
                    file_name: file_name.to_string(),
                    imported,
                    same_board,
                    matching,
                    per_line,
                    confirming_replace: false,
                }));
            }
        }
    }

    fn import_failed(&self, e: &ImportError) {
        self.import_preview.set(None);
        self.import_error.set(Some(s::import_error(e)));
    }

    /// Merges the previewed file into its board: the open one, or the
    /// matching board in the library, which is opened first (undoable).
    pub fn import_merge(&self) {
        self.settle_storage();
        let Some(preview) = self.import_preview.get_untracked() else {
            return;
        };
        self.import_preview.set(None);
        let incoming = preview.imported.board;
        if !preview.same_board {
            if preview.matching.is_none() || !self.open_board(incoming.id) {
                return;
            }
            super::state::replace_hash(&Route::Board(incoming.id).hash());
        }
        let local = self.board.get_value();
        let mut merged = merge(&local, &incoming);
        let report = report(&local, &incoming, &merged);
        merged.mark_synced(now());
        self.replace(merged, s::MERGED);
        self.merge_summary.set(Some(MergeSummary { report }));
    }

    /// Puts the previewed board in place of the open one (undoable): the
    /// same board's content is replaced; another board takes its place and
    /// the open board goes to the trash.
    pub fn import_replace(&self) {
        self.settle_storage();
        let Some(preview) = self.import_preview.get_untracked() else {
            return;
        };
        if !preview.same_board && self.must_stay() {
            return;
        }
        self.import_preview.set(None);
        let mut board = preview.imported.board;
        board.mark_synced(now());
        if preview.same_board {
            self.replace(board, s::REPLACED);
            return;
        }
        let old = self.board.with_value(|b| b.id);
        if preview.matching.is_some() {
            board = duplicate(&board, Uuid::new_v4, &board.title.clone(), now());
        }
        let new = board.id;
        self.library.update(|l| {
            l.trash(old, now());
        });
        self.store_board(&board);
        self.show(board);
        self.library.update(|l| l.last_open = Some(new));
        self.save();
        navigate(Route::Board(new));
        self.notify(s::REPLACED.into(), Some(Undo::Replaced { old, new }));
    }

    /// Adds the previewed board as a board of its own and opens it. It keeps
    /// its id (so later copies merge with it), unless a board with that id
    /// is already here: then it becomes a separate copy.
    pub fn import_as_new(&self) {
        self.settle_storage();
        let Some(preview) = self.import_preview.get_untracked() else {
            return;
        };
        self.import_preview.set(None);
        let mut board = preview.imported.board;
        if self.library.with_untracked(|l| l.entry(board.id).is_some()) {
            board = duplicate(&board, Uuid::new_v4, &board.title.clone(), now());
        }
        board.mark_synced(now());
        self.store_board(&board);
        self.announce(s::board_created(&board.title));
        navigate(Route::Board(board.id));
    }

    /// Replaces the open board's content; the previous version can be
    /// brought back from the notice.
    pub fn replace(&self, board: Board, message: &str) {
        self.settle_storage();
        let previous = self.board.get_value();
        self.record("", |b| *b = board);
        self.close_dialogs();
        self.rebuild();
        self.announce(message.to_string());
        self.notify(message.to_string(), Some(Undo::Board(Box::new(previous))));
        self.changed();
    }

    pub fn undo(&self, undo: Undo) {
        self.settle_storage();
        self.notice.set(None);
        match undo {
            Undo::Card(item) => self.restore_card(*item),
            Undo::Board(board) => {
                self.record("", |b| *b = *board);
                self.rebuild();
                self.announce(s::BOARD_RESTORED.into());
                self.changed();
            }
            Undo::Trashed(id) => {
                self.restore_board(id);
            }
            Undo::Replaced { old, new } => {
                self.library.update(|l| {
                    l.trash(new, now());
                    l.restore(old);
                });
                self.save_library();
                navigate(Route::Board(old));
                self.announce(s::BOARD_RESTORED.into());
            }
        }
    }
}
