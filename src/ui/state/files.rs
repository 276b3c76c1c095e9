//! Commands on files: exporting the board (board file, iCalendar, CSV),
//! copying the progress text, and importing a board file (preview, then
//! merge, replace or add as a new board), each undoable from its notice.

use leptos::prelude::*;
use uuid::Uuid;

use super::{
    navigate, now, replace_hash, AppState, ImportPreview, MergeSummary, Outcome, Revert, Route,
};
use crate::exchange::{self, ImportError};
use crate::model::library::duplicate;
use crate::model::{merge, merge_files, Board, MergeReport};
use crate::strings as s;

impl AppState {
    /// Downloads the board as a board file. The file carries the previous
    /// exchange time; this copy then records the export as its latest
    /// exchange (changes after it are "ours" in the next merge).
    pub fn export(&self) {
        let now = now();
        let (name, text) = self.doc.with_board(|b| {
            (
                exchange::file_name(b, now.with_timezone(&chrono::Local).date_naive()),
                exchange::export(b, now),
            )
        });
        if self.offer_file(&name, "application/json", text.as_bytes()) {
            let id = self.doc.id();
            self.doc.update_quietly(|b| b.mark_synced(now));
            self.persist.library.update(|l| l.mark_exported(id, now));
            self.changed();
        }
    }

    /// Downloads the dated activities as an iCalendar file (for Outlook):
    /// of the open board, or with `programme` of every included board
    /// (the team in each event), with the columns and the way of writing
    /// long activities the user chose.
    pub fn export_ics(&self, programme: bool, options: &exchange::ics::IcsOptions) {
        let now = now();
        let today = now.with_timezone(&chrono::Local).date_naive();
        let (name, text) = if programme {
            self.programme.with_included(|boards| {
                (
                    exchange::ics::file_name_programme(today),
                    exchange::ics::export_programme(boards, options, now),
                )
            })
        } else {
            self.doc.with_board(|b| {
                (
                    exchange::ics::file_name(b, today),
                    exchange::ics::export(b, options, now),
                )
            })
        };
        self.offer_file(&name, "text/calendar", text.as_bytes());
    }

    /// What the iCalendar dialog offers first, and every column it can
    /// offer (the open board's, or those of the included boards).
    pub fn ics_choices(&self, programme: bool) -> (exchange::ics::IcsOptions, Vec<String>) {
        if programme {
            self.programme.with_included(|boards| {
                let mut names: Vec<String> = Vec::new();
                for b in boards {
                    for c in b.visible_columns() {
                        if !names.iter().any(|n| n.trim().eq_ignore_ascii_case(c.name.trim())) {
                            names.push(c.name.clone());
                        }
                    }
                }
                (exchange::ics::IcsOptions::standard_programme(boards), names)
            })
        } else {
            self.doc.with_board(|b| {
                let names = b.visible_columns().into_iter().map(|c| c.name.clone()).collect();
                (exchange::ics::IcsOptions::standard(b), names)
            })
        }
    }

    /// Downloads all cards as CSV for Excel.
    pub fn export_csv(&self) {
        let now = now();
        let (name, bytes) = self.doc.with_board(|b| {
            (
                exchange::csv::file_name(b, now.with_timezone(&chrono::Local).date_naive()),
                // Times as the editor shows them: in this computer's zone.
                exchange::csv::export(b, |t| t.with_timezone(&chrono::Local).naive_local()),
            )
        });
        self.offer_file(&name, "text/csv;charset=utf-8", &bytes);
    }

    /// Offers a file for download and says how it went. True when offered.
    fn offer_file(&self, name: &str, mime: &str, bytes: &[u8]) -> bool {
        let ok = crate::ui::dom::download_bytes(name, mime, bytes).is_ok();
        let text = if ok {
            s::exported(name)
        } else {
            s::EXPORT_FAILED.to_string()
        };
        self.feedback.notify(text, None);
        ok
    }

    /// Puts text on the clipboard ("Kopieer voortgang"); where the browser
    /// has no clipboard for this page or refuses, shows it to copy by hand.
    pub fn copy_text(&self, text: String) {
        let feedback = self.feedback;
        let by_hand = self.panels.copy_by_hand;
        let Some(promise) = crate::ui::dom::write_clipboard(&text) else {
            by_hand.set(Some(text));
            return;
        };
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => feedback.notify(s::COPIED.into(), None),
                Err(_) => by_hand.set(Some(text)),
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
                let same_board =
                    self.doc.id() == id && self.nav.route.get_untracked() == Route::Board(id);
                let matching = (!same_board)
                    .then(|| {
                        self.persist
                            .library
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
                // What merging would do, before anything is chosen.
                let revision = self.doc.revision.get_untracked();
                let mut merged = None;
                let forecast = (same_board || matching.is_some())
                    .then(|| self.read_board(id))
                    .flatten()
                    .map(|local| {
                        let (board, report) = merge_files(&local, &imported.board);
                        let outcome = outcome(&local, &imported.board, &board, report);
                        if same_board {
                            merged = Some((revision, std::sync::Arc::new(board)));
                        }
                        outcome
                    });
                self.panels.import_error.set(None);
                self.panels.import_preview.set(Some(ImportPreview {
                    file_name: file_name.to_string(),
                    imported,
                    same_board,
                    matching,
                    per_line,
                    confirming_replace: false,
                    forecast,
                    merged,
                }));
            }
        }
    }

    pub fn import_failed(&self, e: &ImportError) {
        self.panels.import_preview.set(None);
        self.panels.import_error.set(Some(super::panels::Failure {
            text: s::import_error(e),
            details: s::import_error_details(e),
        }));
    }

    /// Merges the previewed file into its board: the open one, or the
    /// matching board in the library, which is opened first (undoable).
    pub fn import_merge(&self) {
        self.settle_storage();
        let Some(preview) = self.panels.import_preview.get_untracked() else {
            return;
        };
        self.panels.import_preview.set(None);
        let incoming = preview.imported.board;
        if !preview.same_board {
            // The bounds first: a refused merge leaves the open board open.
            if let Some(theirs) = self.read_board(incoming.id) {
                if let Err(e) = crate::model::limits::check(&merge(&theirs, &incoming)) {
                    self.panels
                        .import_error
                        .set(Some(s::merge_over_limit(&e).into()));
                    return;
                }
            }
            if preview.matching.is_none() || !self.open_board(incoming.id) {
                return;
            }
            replace_hash(&Route::Board(incoming.id).hash());
        }
        // The preview's merge, if the board did not change since.
        let revision = self.doc.revision.get_untracked();
        let ready = match (preview.merged, preview.forecast) {
            (Some((made_at, board)), Some(outcome)) if preview.same_board && made_at == revision => {
                Some((std::sync::Arc::unwrap_or_clone(board), outcome))
            }
            _ => None,
        };
        let (mut merged, outcome) = ready.unwrap_or_else(|| {
            let local = self.doc.snapshot();
            let (merged, report) = merge_files(&local, &incoming);
            let outcome = outcome(&local, &incoming, &merged, report);
            (merged, outcome)
        });
        if let Err(e) = crate::model::limits::check(&merged) {
            // Two boards within bounds can merge past one (more cards).
            self.panels
                .import_error
                .set(Some(s::merge_over_limit(&e).into()));
            return;
        }
        merged.mark_synced(now());
        self.replace(merged, s::MERGED);
        self.panels
            .merge_summary
            .set(Some(MergeSummary { outcome }));
    }

    /// Puts the previewed board in place of the open one (undoable): the
    /// same board's content is replaced; another board takes its place and
    /// the open board goes to the trash.
    pub fn import_replace(&self) {
        self.settle_storage();
        let Some(preview) = self.panels.import_preview.get_untracked() else {
            return;
        };
        if !preview.same_board && self.must_stay() {
            return;
        }
        self.panels.import_preview.set(None);
        let mut board = preview.imported.board;
        board.mark_synced(now());
        if preview.same_board {
            self.replace(board, s::REPLACED);
            return;
        }
        let old = self.doc.id();
        if preview.matching.is_some() {
            board = duplicate(&board, Uuid::new_v4, &board.title.clone(), now());
        }
        let new = board.id;
        // Stored first: if storage refuses it, the open board stays as it is.
        if let Err(message) = self.store_board(&board) {
            self.panels.import_error.set(Some(message.into()));
            return;
        }
        self.persist.library.update(|l| {
            l.trash(old, now());
        });
        self.show(board);
        self.persist.library.update(|l| l.last_open = Some(new));
        self.save_now();
        navigate(Route::Board(new));
        self.feedback
            .notify(s::REPLACED.into(), Some(Revert::Replaced { old, new }));
    }

    /// Adds the previewed board as a board of its own and opens it. It keeps
    /// its id (so later copies merge with it), unless a board with that id
    /// is already here: then it becomes a separate copy.
    pub fn import_as_new(&self) {
        self.settle_storage();
        let Some(preview) = self.panels.import_preview.get_untracked() else {
            return;
        };
        self.panels.import_preview.set(None);
        let mut board = preview.imported.board;
        if self
            .persist
            .library
            .with_untracked(|l| l.entry(board.id).is_some())
        {
            board = duplicate(&board, Uuid::new_v4, &board.title.clone(), now());
        }
        board.mark_synced(now());
        if let Err(message) = self.store_board(&board) {
            self.panels.import_error.set(Some(message.into()));
            return;
        }
        self.feedback.announce(s::board_created(&board.title));
        navigate(Route::Board(board.id));
    }

    /// Replaces the open board's content; the previous version can be
    /// brought back from the notice.
    pub fn replace(&self, board: Board, message: &str) {
        self.settle_storage();
        let previous = self.doc.snapshot();
        self.record("", |b| *b = board);
        self.panels.close_dialogs();
        self.refresh_all();
        self.feedback.announce(message.to_string());
        self.feedback.notify(
            message.to_string(),
            Some(Revert::Board(Box::new(previous))),
        );
        self.changed();
    }

    /// "Ongedaan maken" in a notice: takes back what the notice reports.
    pub fn revert(&self, revert: Revert) {
        self.settle_storage();
        self.feedback.clear_notice();
        match revert {
            Revert::Card(item) => self.restore_card(*item),
            Revert::Board(board) => {
                self.record("", |b| *b = *board);
                self.refresh_all();
                self.feedback.announce(s::BOARD_RESTORED.into());
                self.changed();
            }
            Revert::Trashed(id) => {
                self.restore_board(id);
            }
            Revert::Replaced { old, new } => {
                self.persist.library.update(|l| {
                    l.trash(new, now());
                    l.restore(old);
                });
                self.save_library();
                navigate(Route::Board(old));
                self.feedback.announce(s::BOARD_RESTORED.into());
            }
        }
    }
}

/// A merge report with what the dialogs show of each card it names.
fn outcome(local: &Board, incoming: &Board, merged: &Board, report: MergeReport) -> Outcome {
    use std::collections::{HashMap, HashSet};
    let mut named: HashSet<Uuid> = HashSet::new();
    named.extend(report.added.iter().chain(&report.removed).copied());
    named.extend(report.updated.iter().map(|u| u.id));
    named.extend(report.conflicts.iter().map(|c| c.id));
    named.extend(report.field_conflicts.iter().map(|c| c.0));
    named.extend(report.duplicates.iter().flat_map(|d| [d.0, d.1]));
    let mut cards = HashMap::new();
    let mut restorable = HashMap::new();
    // Later boards first: the merged title wins over an older one.
    for b in [local, incoming, merged] {
        for i in &b.items {
            if named.contains(&i.id) {
                cards.insert(i.id, (i.title.clone(), i.line));
            }
        }
    }
    for c in report.conflicts.iter().filter(|c| c.deleted) {
        let side = if c.deleted_here { incoming } else { local };
        if let Some(i) = side.items.iter().find(|i| i.id == c.id) {
            restorable.insert(c.id, i.clone());
        }
    }
    Outcome {
        report,
        cards,
        restorable,
    }
}
