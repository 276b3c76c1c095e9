//! Storage as the app sees it: the store (localStorage, or memory when the
//! browser gives none), the library of boards, what this tab last wrote,
//! whether a change is waiting for its save, and how full storage is. The
//! save itself, which needs the board and the banners too, is
//! `saving.rs`.

use leptos::prelude::*;

use crate::model::library::Library;
use crate::storage::browser::LocalStore;
use crate::storage::room::{self, Room};
use crate::storage::{self as store, MemoryStore, SaveError, Store};

/// localStorage, or memory when the browser allows no storage.
pub enum AnyStore {
    Local(LocalStore),
    Memory(MemoryStore),
}

impl Store for AnyStore {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            AnyStore::Local(s) => s.get(key),
            AnyStore::Memory(s) => s.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        match self {
            AnyStore::Local(s) => s.set(key, value),
            AnyStore::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        match self {
            AnyStore::Local(s) => s.remove(key),
            AnyStore::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            AnyStore::Local(s) => s.keys(),
            AnyStore::Memory(s) => s.keys(),
        }
    }
    fn holds(&self, key: &str, value: &str) -> bool {
        match self {
            AnyStore::Local(s) => s.holds(key, value),
            AnyStore::Memory(s) => s.holds(key, value),
        }
    }
    fn prepare(&mut self, value: &str) {
        match self {
            AnyStore::Local(s) => s.prepare(value),
            AnyStore::Memory(s) => s.prepare(value),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Persist {
    store: StoredValue<AnyStore, LocalStorage>,
    /// Whether saving is allowed (false when unreadable data could not be
    /// kept aside: writing would destroy it).
    may_save: StoredValue<bool>,
    pub library: RwSignal<Library>,
    /// The open board's stored text as this tab last read or wrote it:
    /// anything else under its key was written by another tab.
    last_written: StoredValue<Option<String>>,
    /// The open board changed since it was last saved: when (ms since the
    /// epoch) the oldest unsaved change was made. Set only when it goes
    /// from none to some and back (shown as `data-opgeslagen`).
    pub unsaved_since: RwSignal<Option<i64>>,
    /// Bumped per scheduled save; a timer that finds a newer one defers.
    save_ticket: StoredValue<u64>,
    /// Bumped per save in slices and per save now: a slice that finds a
    /// newer one stops (that save covers its changes).
    save_run: StoredValue<u64>,
    /// A save in slices is under way (its run is `save_run`): a scheduled
    /// save leaves it to finish, and it saves again after if a change
    /// came meanwhile. Restarting it instead would, under steady input on
    /// a big board, never write at all.
    save_running: StoredValue<bool>,
    /// Storage taken by everything but the open board (UTF-16 units);
    /// `None`: to be counted again (after other boards were written).
    others_used: StoredValue<Option<usize>>,
    /// The storage warning last given (not repeated at the same level).
    room_warned: StoredValue<Option<Room>>,
}

impl Persist {
    pub(super) fn new(store: AnyStore, library: Library, may_save: bool) -> Persist {
        Persist {
            store: StoredValue::new_with_storage(store),
            may_save: StoredValue::new(may_save),
            library: RwSignal::new(library),
            last_written: StoredValue::new(None),
            unsaved_since: RwSignal::new(None),
            save_ticket: StoredValue::new(0),
            save_run: StoredValue::new(0),
            save_running: StoredValue::new(false),
            others_used: StoredValue::new(None),
            room_warned: StoredValue::new(None),
        }
    }

    pub fn with_store<R>(&self, f: impl FnOnce(&mut AnyStore) -> R) -> R {
        self.store
            .try_update_value(f)
            .expect("the store lives as long as the app")
    }

    /// Whether the store is the browser's localStorage (not memory).
    pub fn is_local(&self) -> bool {
        self.store
            .with_value(|st| matches!(st, AnyStore::Local(_)))
    }

    pub fn may_save(&self) -> bool {
        self.may_save.get_value()
    }

    /// Storage holds data this tab cannot read: never write again.
    pub(super) fn stop_saving(&self) {
        self.may_save.set_value(false);
    }

    /// Whether a change to the open board is not (yet) in storage.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved_since
            .try_with_untracked(Option::is_some)
            .unwrap_or(false)
    }

    /// A change was made at `at_ms`: returns when the oldest unsaved one
    /// was made.
    pub(super) fn note_unsaved(&self, at_ms: i64) -> i64 {
        match self.unsaved_since.get_untracked() {
            Some(since) => since,
            None => {
                self.unsaved_since.set(Some(at_ms));
                at_ms
            }
        }
    }

    /// Forgets that the open board has unsaved changes (it was saved, or
    /// another board takes its place).
    pub(super) fn clear_unsaved(&self) {
        if self.has_unsaved() {
            self.unsaved_since.set(None);
        }
    }

    /// A new ticket: timers holding an older one do nothing.
    pub(super) fn next_ticket(&self) -> u64 {
        let ticket = self.save_ticket.get_value() + 1;
        self.save_ticket.set_value(ticket);
        ticket
    }

    /// Ends any save in slices under way (a save now covers it).
    pub(super) fn next_run(&self) -> u64 {
        let run = self.save_run.get_value() + 1;
        self.save_run.set_value(run);
        self.save_running.set_value(false);
        run
    }

    /// Starts a save in slices; `None` while one is under way.
    pub(super) fn start_run(&self) -> Option<u64> {
        if self.save_running.get_value() {
            return None;
        }
        let run = self.next_run();
        self.save_running.set_value(true);
        Some(run)
    }

    /// The save in slices `run` is over (written, failed or given up).
    pub(super) fn end_run(&self, run: u64) {
        if self.run_is(run) {
            self.save_running.set_value(false);
        }
    }

    pub(super) fn run_is(&self, run: u64) -> bool {
        self.save_run.try_get_value() == Some(run)
    }

    pub(super) fn ticket_is(&self, ticket: u64) -> bool {
        self.save_ticket.try_get_value() == Some(ticket)
    }

    pub(super) fn last_written(&self) -> Option<String> {
        self.last_written.get_value()
    }

    pub(super) fn set_last_written(&self, raw: Option<String>) {
        self.last_written.set_value(raw);
    }

    /// Whether `raw` is what this tab last read or wrote.
    pub(super) fn wrote(&self, raw: &str) -> bool {
        self.last_written
            .with_value(|w| w.as_deref() == Some(raw))
    }

    pub(super) fn set_library(&self, library: Library) {
        if self.library.with_untracked(|l| *l != library) {
            self.library.set(library);
        }
    }

    /// Writes the index alone (trash, last opened board, ...). `None` when
    /// saving is off.
    pub(super) fn write_library(&self) -> Option<Result<(), SaveError>> {
        if !self.may_save() {
            return None;
        }
        let library = self.library.get_untracked();
        Some(self.with_store(|st| store::save_index(st, &library)))
    }

    /// Room taken by other keys than `key`, counted once and kept.
    pub(super) fn others_used(&self, key: &str) -> usize {
        match self.others_used.get_value() {
            Some(n) => n,
            None => {
                let n = self.with_store(|st| room::used_except(st, key));
                self.others_used.set_value(Some(n));
                n
            }
        }
    }

    /// Other boards were (or may have been) written: count their room again
    /// at the next save.
    pub(super) fn recount_room(&self) {
        self.others_used.set_value(None);
    }

    pub(super) fn room_warned(&self) -> Option<Room> {
        self.room_warned.get_value()
    }

    pub(super) fn set_room_warned(&self, room: Option<Room>) {
        self.room_warned.set_value(room);
    }
}
