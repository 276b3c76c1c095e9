//! Saving the open board: scheduled after a change (see
//! `policy::when_to_save`), written merging first what another tab stored,
//! with the room left checked and the user told when it fails. Another
//! tab's writes (the `storage` event) are merged in here too.

use leptos::prelude::*;

use super::{now, AppState};
use crate::model::Board;
use crate::storage::encoder::Encoder;
use crate::storage::room::Room;
use crate::storage::{self as store, SaveError, StorageNote};
use crate::strings as s;
use crate::ui::policy::{self, BannerKind, Pace, SaveWhen};

/// Whether the page is in a background tab or minimised (no frames come).
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.hidden())
}

impl AppState {
    /// Saves the open board soon (see `policy::when_to_save`).
    /// [`save_pending`](Self::save_pending) runs when the page is hidden or
    /// closed, and before anything else reads or writes storage.
    pub(super) fn schedule_save(&self, pace: Pace) {
        let at = now().timestamp_millis();
        let since = self.persist.note_unsaved(at);
        let ticket = self.persist.next_ticket();
        let full = self.feedback.banner_kind() == Some(BannerKind::Full);
        let state = *self;
        let run = move || {
            if state.persist.ticket_is(ticket) {
                state.save_in_slices();
            }
        };
        match policy::when_to_save(pace, at, since, full, page_hidden()) {
            // A timer set in an animation frame runs after that frame's paint.
            SaveWhen::AfterPaint => {
                request_animation_frame(move || set_timeout(run, std::time::Duration::ZERO))
            }
            SaveWhen::In(ms) => set_timeout(run, std::time::Duration::from_millis(ms)),
        }
    }

    /// Saves the open board now if a change is waiting for its save.
    pub fn save_pending(&self) {
        if self.persist.has_unsaved() {
            self.save_now();
        }
    }

    /// Whether a change to the open board is not (yet) in storage.
    pub fn has_unsaved(&self) -> bool {
        self.persist.has_unsaved()
    }

    /// Before another storage operation: saves what is pending and has the
    /// room other keys take counted again at the next save.
    pub(super) fn settle_storage(&self) {
        self.save_pending();
        self.persist.recount_room();
    }

    /// Saves the open board now (its own key and the index). If another
    /// tab wrote this board since this tab last read it, the two are
    /// merged first: no tab overwrites newer data with older.
    pub fn save_now(&self) {
        self.doc.bump_settled();
        crate::ui::dom::timed("planbord-opslaan", || self.merge_and_write());
    }

    /// Saves the open board as [`save_now`](Self::save_now) does, with the
    /// board written a slice of cards at a time between other work, so a
    /// big board's save never holds up input for long. The last slice
    /// checks storage and writes, in one go; if another tab wrote this
    /// board meanwhile, it merges and saves at once instead. A save now
    /// (page hidden, another board opened) takes over from it.
    fn save_in_slices(&self) {
        if !self.persist.has_unsaved() || !self.persist.may_save() {
            return;
        }
        // One under way finishes first and then saves what came after.
        let Some(run) = self.persist.start_run() else {
            return;
        };
        self.doc.bump_settled();
        let revision = self.doc.revision.get_untracked();
        let encoder = Encoder::new(self.doc.snapshot(), now(), uuid::Uuid::new_v4());
        self.save_slice(run, revision, encoder);
    }

    fn save_slice(&self, run: u64, revision: u64, mut encoder: Encoder) {
        let state = *self;
        let done = crate::ui::dom::timed("planbord-opslaan", || {
            let until = js_sys::Date::now() + policy::SAVE_SLICE_MS;
            loop {
                if encoder.step(policy::SAVE_SLICE_CARDS) {
                    break true;
                }
                if js_sys::Date::now() >= until {
                    break false;
                }
            }
        });
        if done {
            // The text made whole, and made ready for storage, in a step
            // of its own: the write is then the write alone.
            let (board, raw) = crate::ui::dom::timed("planbord-opslaan", || {
                let (board, raw) = encoder.finish();
                self.persist.with_store(|st| store::Store::prepare(st, &raw));
                (board, raw)
            });
            set_timeout(
                move || {
                    if state.persist.run_is(run) {
                        crate::ui::dom::timed("planbord-opslaan", || {
                            state.write_encoded(run, revision, board, raw)
                        });
                    } else {
                        // Given up for a save now: the text made ready
                        // for storage is not what comes next.
                        state.persist.with_store(store::Store::unprepare);
                    }
                },
                std::time::Duration::ZERO,
            );
        } else {
            set_timeout(
                move || {
                    if state.persist.run_is(run) {
                        state.save_slice(run, revision, encoder);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    }

    /// The last slice: the board as encoded when the save began, written
    /// if storage still holds what this tab last wrote or read.
    fn write_encoded(&self, run: u64, revision: u64, board: Board, raw: String) {
        if !self.persist.may_save() {
            self.persist.with_store(store::Store::unprepare);
            self.persist.end_run(run);
            return;
        }
        let key = store::board_key(self.doc.id());
        if !self.storage_unchanged(&key) {
            // Another tab wrote this board: merge, then save (at once).
            self.merge_and_write();
            return;
        }
        let current = self.doc.revision.get_untracked() == revision;
        if current {
            // Invalidates any pending timer: this save covers its changes.
            self.persist.next_ticket();
        }
        let mut library = self.persist.library.get_untracked();
        let result = self
            .persist
            .with_store(|st| store::save_encoded(st, &mut library, &board, raw));
        self.persist.set_library(library);
        self.after_write(&key, result, current);
        self.persist.end_run(run);
        if !current {
            // A change made while the slices ran: its own timer found this
            // save under way, so it is saved from here.
            self.schedule_save(Pace::Typing);
        }
    }

    /// Whether storage holds, for `key`, what this tab last wrote or read.
    fn storage_unchanged(&self, key: &str) -> bool {
        match self.persist.last_written() {
            Some(last) => self.persist.with_store(|st| store::Store::holds(st, key, &last)),
            None => self.persist.with_store(|st| store::Store::get(st, key)).is_none(),
        }
    }

    fn after_write(&self, key: &str, result: Result<String, SaveError>, current: bool) {
        match result {
            Ok(raw) => {
                if current {
                    self.persist.clear_unsaved();
                }
                self.report_save(Ok(()));
                self.check_room(key, &raw);
                self.persist.set_last_written(Some(raw));
            }
            Err(e) => self.report_save(Err(e)),
        }
    }

    fn merge_and_write(&self) {
        if !self.persist.may_save() {
            return;
        }
        // Invalidates any pending timer and any save in slices: this save
        // covers their changes.
        self.persist.next_ticket();
        self.persist.next_run();
        self.persist.with_store(store::Store::unprepare);
        let key = store::board_key(self.doc.id());
        let stored = if self.storage_unchanged(&key) {
            None
        } else {
            self.persist.with_store(|st| store::Store::get(st, &key))
        };
        if let Some(raw) = stored.filter(|raw| !self.persist.wrote(raw)) {
            match store::decode(Some(raw)) {
                store::Loaded::Board(theirs) => {
                    self.merge_in(&theirs);
                }
                store::Loaded::Unreadable { problem, .. } => {
                    // Another tab (perhaps a newer Planbord) wrote something
                    // this one cannot read: never write over it.
                    self.refuse_unreadable(problem);
                    return;
                }
                store::Loaded::Empty => {}
            }
        }
        let board = self.doc.snapshot();
        let mut library = self.persist.library.get_untracked();
        let result = self
            .persist
            .with_store(|st| store::save_board(st, &mut library, &board, now()));
        self.persist.set_library(library);
        self.after_write(&key, result, true);
    }

    /// Storage holds a version of the open board this tab cannot read:
    /// saving stops, and the user is told.
    fn refuse_unreadable(&self, problem: crate::storage::Problem) {
        self.persist.stop_saving();
        self.feedback
            .show_banner(policy::banner_for(&StorageNote::Untouched { problem }));
    }

    /// Saves the index alone (trash, last opened board, ...).
    pub(super) fn save_library(&self) {
        if let Some(result) = self.persist.write_library() {
            self.report_save(result);
        }
    }

    /// Tells the user how a save went (see `policy::after_save`).
    pub(super) fn report_save(&self, result: Result<(), SaveError>) {
        if result.is_err() {
            // This message takes the room warning's place: once saving
            // works again, the room is told afresh.
            self.persist.set_room_warned(None);
        }
        let shown = self.feedback.banner_kind();
        self.feedback
            .change_banner(policy::after_save(&result, shown.as_ref()));
    }

    /// Warns (once per level) when storage is filling up, before a save
    /// fails; takes the warning away when there is room again.
    fn check_room(&self, key: &str, raw: &str) {
        let room = Room::with(self.persist.others_used(key), key, raw);
        let shown = self.feedback.banner_kind();
        let decision = policy::room_decision(room, self.persist.room_warned(), shown.as_ref());
        self.persist.set_room_warned(decision.warned);
        self.feedback.change_banner(decision.banner);
    }

    /// How full storage is now, with the open board as last written.
    pub(super) fn recheck_room(&self) {
        let key = store::board_key(self.doc.id());
        if let Some(raw) = self.persist.last_written() {
            self.check_room(&key, &raw);
        }
    }

    /// Takes in another copy of the open board (from another tab): merges
    /// it and refreshes only what changed. Returns whether anything did.
    pub(super) fn merge_in(&self, theirs: &Board) -> bool {
        let local = self.doc.snapshot();
        if theirs.id != local.id {
            return false;
        }
        // A board over its bounds is read-only here: it has no edits of its
        // own, and merging would bring back what a repair elsewhere cut.
        let merged = if self.doc.over_limit.with_untracked(Option::is_some) {
            theirs.clone()
        } else {
            crate::model::merge(&local, theirs)
        };
        if crate::model::canonical(&merged) == crate::model::canonical(&local) {
            return false;
        }
        let was_within = self.doc.over_limit.with_untracked(Option::is_none);
        self.doc.set(merged);
        if was_within && self.doc.check_limits() {
            self.sync_all();
        } else {
            self.rebuild();
        }
        self.doc.bump_revision();
        self.doc.bump_settled();
        self.doc.refresh_meta();
        true
    }

    /// Another tab changed a stored key (the `storage` event).
    pub fn storage_changed(&self, key: &str, value: Option<String>) {
        if key == store::INDEX_KEY && value.is_none() {
            // "Wis alle gegevens" in another tab: this one must not write
            // its boards back. It starts afresh too.
            self.persist.stop_saving();
            self.persist.clear_unsaved();
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
            return;
        }
        let open = store::board_key(self.doc.id());
        if key == open {
            let Some(raw) = value else { return };
            if self.persist.wrote(&raw) {
                return;
            }
            match store::decode(Some(raw.clone())) {
                store::Loaded::Unreadable { problem, .. } => {
                    self.refuse_unreadable(problem);
                    return;
                }
                store::Loaded::Board(theirs) => {
                    self.persist.set_last_written(Some(raw));
                    let theirs_canonical = crate::model::canonical(&theirs);
                    self.merge_in(&theirs);
                    // This tab had something the other had not: store the merge.
                    if self.doc.with_board(crate::model::canonical) != theirs_canonical {
                        self.save_now();
                    }
                    self.feedback.announce(s::UPDATED_ELSEWHERE.into());
                }
                store::Loaded::Empty => {}
            }
        } else if key != store::INDEX_KEY {
            // Another board or a backup: count again at the next save
            // (the index is small, and written with every save).
            self.persist.recount_room();
        }
        if key == store::INDEX_KEY {
            if let Some(mut library) = self.persist.with_store(|st| store::read_index(st)) {
                library.last_open = self.persist.library.with_untracked(|l| l.last_open);
                self.persist.set_library(library);
            }
        }
    }

    /// Switches the single-key shortcuts on or off, for this browser.
    pub fn set_single_keys(&self, on: bool) {
        self.panels.single_keys.set(on);
        let _ = self.persist.with_store(|st| {
            store::Store::set(st, super::SINGLE_KEYS_KEY, if on { "aan" } else { "uit" })
        });
    }
}
