//! Many boards in one browser: one key per board plus an index, so saving
//! one board never rewrites another. Written against [`Store`], so the
//! logic (first visit, migration from the single-board storage, unreadable
//! data) is tested natively on a [`MemoryStore`].

use crate::model::sort;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{backup_key, decode, decode_str, encode, Loaded, Problem, BOARD_KEY};
use crate::model::library::Library;
use crate::model::{Board, Timestamp};

/// The index of boards (schema 2).
pub const INDEX_KEY: &str = "planbord.v2.borden";
/// Prefix of the per-board keys (schema 2): `planbord.v2.bord.<id>`.
pub const BOARD_PREFIX: &str = "planbord.v2.bord.";

pub fn board_key(id: Uuid) -> String {
    format!("{BOARD_PREFIX}{id}")
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Full,
    Unavailable,
    Other(String),
}

/// Key-value storage: localStorage in the browser, a map in tests.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// Whether `key` holds exactly `value`. A store may answer without
    /// reading the value back in full (the browser's compares its own
    /// copy of what it last wrote or read).
    fn holds(&self, key: &str, value: &str) -> bool {
        self.get(key).as_deref() == Some(value)
    }
    /// Work toward a [`set`](Self::set) of exactly `value` that comes
    /// next, done now (the browser's converts it to a JS string), so the
    /// set itself takes less at once. The caller keeps `value` unchanged
    /// until that set, or calls [`unprepare`](Self::unprepare).
    fn prepare(&mut self, _value: &str) {}
    /// How long the value of `key` is, as the browser counts it (UTF-16
    /// code units; `room`). The browser's answers without reading the
    /// value into wasm.
    fn units_of(&self, key: &str) -> Option<usize> {
        self.get(key).map(|v| super::room::units(&v))
    }
    /// The value made ready with [`prepare`](Self::prepare) is not what
    /// comes next: let it go.
    fn unprepare(&mut self) {}
}

/// An in-memory [`Store`] with an optional size limit (to act out a full
/// storage).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub map: BTreeMap<String, String>,
    pub limit: Option<usize>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        let others: usize = self
            .map
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| k.len() + v.len())
            .sum();
        if self
            .limit
            .is_some_and(|l| others + key.len() + value.len() > l)
        {
            return Err(SaveError::Full);
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

#[derive(Serialize)]
struct IndexOut<'a> {
    schema: u32,
    library: &'a Library,
}

#[derive(Deserialize)]
struct IndexIn {
    schema: u32,
    library: Library,
}

/// Something the user must be told about storage.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageNote {
    /// Unreadable data was copied to `key` (and removed from its place).
    KeptAside { problem: Problem, key: String },
    /// Unreadable data written by a newer Planbord: left alone entirely,
    /// and this window saves nothing.
    Untouched { problem: Problem },
}

pub struct Opened {
    pub library: Library,
    pub notes: Vec<StorageNote>,
    /// False when saving could destroy data (see [`StorageNote::Untouched`]).
    pub may_save: bool,
}

fn keep_aside(
    store: &mut impl Store,
    key: &str,
    raw: &str,
    problem: Problem,
    now: Timestamp,
    notes: &mut Vec<StorageNote>,
) -> bool {
    if matches!(problem, Problem::NewerSchema(_)) {
        notes.push(StorageNote::Untouched { problem });
        return false;
    }
    let backup = format!(
        "{}.{}",
        backup_key(now),
        key.trim_start_matches("planbord.")
    );
    match store.set(&backup, raw) {
        Ok(()) => {
            store.remove(key);
            notes.push(StorageNote::KeptAside {
                problem,
                key: backup,
            });
            true
        }
        Err(_) => {
            notes.push(StorageNote::Untouched { problem });
            false
        }
    }
}

/// Opens the library: the index, else the boards found under their keys,
/// else the single board of the first storage version (migrated), else a
/// first visit (`samples` are stored). Never loses stored data: anything
/// unreadable is kept aside under a backup key first.
pub fn open_library(
    store: &mut impl Store,
    now: Timestamp,
    samples: impl FnOnce() -> Vec<Board>,
) -> Opened {
    let mut notes = Vec::new();
    let mut may_save = true;

    if let Some(raw) = store.get(INDEX_KEY) {
        match serde_json::from_str::<IndexIn>(&raw) {
            Ok(index) if index.schema <= super::SCHEMA => {
                let mut library = index.library;
                // Boards whose key is gone are dropped from the index, and
                // boards the index misses (another tab wrote an older
                // index over a newer one) are added back.
                library
                    .boards
                    .retain(|e| store.get(&board_key(e.id)).is_some());
                for key in store.keys() {
                    let Some(id) = key
                        .strip_prefix(BOARD_PREFIX)
                        .and_then(|id| Uuid::parse_str(id).ok())
                    else {
                        continue;
                    };
                    if library.entry(id).is_none() {
                        if let Loaded::Board(b) = decode(store.get(&key)) {
                            library.record(&b);
                        }
                    }
                }
                return Opened {
                    library,
                    notes,
                    may_save,
                };
            }
            Ok(index) => {
                may_save &= keep_aside(
                    store,
                    INDEX_KEY,
                    &raw,
                    Problem::NewerSchema(index.schema),
                    now,
                    &mut notes,
                );
            }
            Err(e) => {
                // The index is only a summary: keep it aside and rebuild it.
                may_save &= keep_aside(
                    store,
                    INDEX_KEY,
                    &raw,
                    Problem::NotJson(e.to_string()),
                    now,
                    &mut notes,
                );
            }
        }
        if !may_save {
            return Opened {
                library: Library::default(),
                notes,
                may_save,
            };
        }
    }

    // Rebuild from the per-board keys.
    let mut library = Library::default();
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(BOARD_PREFIX))
        .collect();
    sort::sort(&mut keys);
    for key in keys {
        let Some(raw) = store.get(&key) else { continue };
        match decode(Some(raw.clone())) {
            Loaded::Board(b) => library.record(&b),
            Loaded::Unreadable { problem, .. } => {
                may_save &= keep_aside(store, &key, &raw, problem, now, &mut notes);
            }
            Loaded::Empty => {}
        }
    }

    // Migrate the single board of storage version 1.
    if let Some(raw) = store.get(BOARD_KEY) {
        match decode(Some(raw.clone())) {
            Loaded::Board(b) => {
                let written = store.set(&board_key(b.id), &encode(&b, now)).is_ok();
                if written {
                    library.record(&b);
                    library.last_open = Some(b.id);
                    if store.set(INDEX_KEY, &encode_index(&library)).is_ok() {
                        store.remove(BOARD_KEY);
                    }
                }
            }
            Loaded::Unreadable { problem, .. } => {
                may_save &= keep_aside(store, BOARD_KEY, &raw, problem, now, &mut notes);
            }
            Loaded::Empty => {}
        }
    }

    if library.boards.is_empty() && notes.is_empty() {
        // A first visit.
        let boards = samples();
        for b in &boards {
            if store.set(&board_key(b.id), &encode(b, now)).is_ok() {
                library.record(b);
            }
        }
        library.last_open = boards.first().map(|b| b.id);
    }
    if may_save {
        let _ = store.set(INDEX_KEY, &encode_index(&library));
    }
    Opened {
        library,
        notes,
        may_save,
    }
}

pub fn encode_index(library: &Library) -> String {
    serde_json::to_string(&IndexOut {
        schema: super::SCHEMA,
        library,
    })
    // Not `expect`: that would build the error's Debug code into the wasm.
    .unwrap_or_else(|_| unreachable!("an index always serialises"))
}

/// Reads one board. Unreadable data is kept aside and the board dropped
/// from the library (the note says where the data went).
pub fn load_board(
    store: &mut impl Store,
    library: &mut Library,
    id: Uuid,
    now: Timestamp,
) -> Result<Board, Option<StorageNote>> {
    load_board_raw(store, library, id, now).map(|(board, _)| board)
}

/// As [`load_board`], also returning the stored text (read once).
pub fn load_board_raw(
    store: &mut impl Store,
    library: &mut Library,
    id: Uuid,
    now: Timestamp,
) -> Result<(Board, String), Option<StorageNote>> {
    let key = board_key(id);
    let Some(raw) = store.get(&key) else {
        library.forget(id);
        return Err(None);
    };
    match decode_str(&raw) {
        Ok(b) => Ok((b, raw)),
        Err(problem) => {
            let mut notes = Vec::new();
            if keep_aside(store, &key, &raw, problem, now, &mut notes) {
                library.forget(id);
            }
            Err(notes.pop())
        }
    }
}

/// Saves one board and the index (only this board's key is written).
/// Returns the text written for the board.
pub fn save_board(
    store: &mut impl Store,
    library: &mut Library,
    board: &Board,
    now: Timestamp,
) -> Result<String, SaveError> {
    save_encoded(store, library, board, encode(board, now))
}

/// As [`save_board`], with the board already written as `raw` (by
/// [`encode`] or, a slice at a time, by `encoder::Encoder`).
pub fn save_encoded(
    store: &mut impl Store,
    library: &mut Library,
    board: &Board,
    raw: String,
) -> Result<String, SaveError> {
    let key = board_key(board.id);
    let new = library.entry(board.id).is_none();
    store.set(&key, &raw)?;
    library.record(board);
    if let Err(e) = store.set(INDEX_KEY, &encode_index(library)) {
        if new {
            // Not half stored: a new board the index cannot list goes again.
            store.remove(&key);
            library.forget(board.id);
        }
        return Err(e);
    }
    Ok(raw)
}

/// The stored library index, if it can be read.
pub fn read_index(store: &impl Store) -> Option<Library> {
    let raw = store.get(INDEX_KEY)?;
    let index: IndexIn = serde_json::from_str(&raw).ok()?;
    (index.schema <= super::SCHEMA).then_some(index.library)
}

pub fn save_index(store: &mut impl Store, library: &Library) -> Result<(), SaveError> {
    store.set(INDEX_KEY, &encode_index(library))
}

/// Deletes a board for good (it was in the trash).
pub fn purge_board(
    store: &mut impl Store,
    library: &mut Library,
    id: Uuid,
) -> Result<(), SaveError> {
    store.remove(&board_key(id));
    library.forget(id);
    save_index(store, library)
}

/// How long a board stays in the trash before it is deleted for good.
pub const TRASH_DAYS: i64 = 30;
/// How long unreadable data kept aside (backup keys) is kept.
pub const BACKUP_DAYS: i64 = 90;

/// What [`expire`] removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Expired {
    pub boards: usize,
    pub backups: usize,
}

/// When a backup key was made, from its name (see `backup_key`).
fn backup_time(key: &str) -> Option<Timestamp> {
    let rest = key.strip_prefix(super::BACKUP_PREFIX)?;
    // "2026-11-29T15-13-19.123Z" and, for a kept-aside key, ".<what>" after.
    let stamp = rest.get(..24)?;
    crate::model::dates::parse_backup_stamp(stamp).map(|t| t.and_utc())
}

/// Deletes boards that have been in the trash longer than [`TRASH_DAYS`]
/// and backups older than [`BACKUP_DAYS`], so a shared PC does not keep
/// them for ever. The index is saved if a board went.
pub fn expire(
    store: &mut impl Store,
    library: &mut Library,
    now: Timestamp,
) -> Result<Expired, SaveError> {
    let trash_before = now - chrono::Duration::days(TRASH_DAYS);
    let old: Vec<Uuid> = library
        .boards
        .iter()
        .filter(|e| e.trashed.is_some_and(|t| t < trash_before))
        .map(|e| e.id)
        .collect();
    let backup_before = now - chrono::Duration::days(BACKUP_DAYS);
    let backups: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| backup_time(k).is_some_and(|t| t < backup_before))
        .collect();
    for key in &backups {
        store.remove(key);
    }
    for id in &old {
        store.remove(&board_key(*id));
        library.forget(*id);
    }
    if !old.is_empty() {
        save_index(store, library)?;
    }
    Ok(Expired {
        boards: old.len(),
        backups: backups.len(),
    })
}

/// Prefix of every key Planbord writes.
pub const KEY_PREFIX: &str = "planbord.";

/// Removes every key Planbord wrote in this store ("Wis alle gegevens"),
/// and nothing else. Returns how many keys went.
pub fn wipe(store: &mut impl Store) -> usize {
    let keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    for key in &keys {
        store.remove(key);
    }
    keys.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;
    use crate::model::testutil::t;

    fn samples() -> Vec<Board> {
        let mut n = 0u128;
        let mut id = move || {
            n += 1;
            Uuid::from_u128(n)
        };
        vec![
            sample::nieuw_west_zuid(&mut id, t(0)),
            sample::gaasperdam(&mut id, t(0)),
        ]
    }

    #[test]
    fn a_first_visit_stores_both_samples_and_opens_nieuw_west_zuid() {
        let mut store = MemoryStore::default();
        let opened = open_library(&mut store, t(1), samples);
        assert!(opened.notes.is_empty() && opened.may_save);
        let lib = opened.library;
        assert_eq!(lib.active().len(), 2);
        let first = lib.default_board().unwrap();
        assert_eq!(lib.entry(first).unwrap().title, "Teamplan Nieuw West Zuid");
        assert!(store.get(&board_key(first)).is_some());
        assert!(store.get(INDEX_KEY).is_some());
        // A second visit reads the same library.
        let again = open_library(&mut store, t(2), || panic!("no samples twice"));
        assert_eq!(again.library, lib);
    }

    #[test]
    fn the_single_board_of_storage_version_1_migrates_without_loss() {
        let mut old = samples().remove(0);
        old.title = "Ons eigen bord".into();
        old.delete_item(old.items[3].id, t(1)).unwrap();
        let mut store = MemoryStore::default();
        store.set(BOARD_KEY, &encode(&old, t(1))).unwrap();
        let opened = open_library(&mut store, t(2), || panic!("not a first visit"));
        assert!(opened.notes.is_empty());
        let mut lib = opened.library;
        assert_eq!(lib.active().len(), 1);
        assert_eq!(lib.default_board(), Some(old.id));
        let back = load_board(&mut store, &mut lib, old.id, t(3)).unwrap();
        assert_eq!(back, old);
        assert!(
            store.get(BOARD_KEY).is_none(),
            "the old key is gone once copied"
        );
    }

    #[test]
    fn a_board_stored_by_the_first_version_migrates() {
        let raw = include_str!("../../tests/files/storage/v1-foundation.json");
        let mut store = MemoryStore::default();
        store.set(BOARD_KEY, raw).unwrap();
        let mut lib = open_library(&mut store, t(1), || panic!("not a first visit")).library;
        let id = lib.default_board().unwrap();
        let b = load_board(&mut store, &mut lib, id, t(2)).unwrap();
        assert_eq!(b.items.len(), 4);
        assert_eq!(b.tombstones.len(), 1);
        assert!(store.get(BOARD_KEY).is_none());
        // Stored again in the current schema.
        assert!(store
            .get(&board_key(id))
            .unwrap()
            .starts_with(&format!("{{\"schema\":{}", crate::storage::SCHEMA)));
    }

    #[test]
    fn saving_one_board_writes_only_its_key_and_the_index() {
        let mut store = MemoryStore::default();
        let mut lib = open_library(&mut store, t(1), samples).library;
        let before = store.map.clone();
        let id = lib.default_board().unwrap();
        let mut b = load_board(&mut store, &mut lib, id, t(2)).unwrap();
        b.set_settings("Nieuw", "", None, t(3));
        save_board(&mut store, &mut lib, &b, t(3)).unwrap();
        let changed: Vec<&String> = store
            .map
            .iter()
            .filter(|(k, v)| before.get(*k) != Some(v))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(changed, [&board_key(id), &INDEX_KEY.to_string()]);
        assert_eq!(lib.entry(id).unwrap().title, "Nieuw");
    }

    #[test]
    fn an_unreadable_board_is_kept_aside_and_the_others_still_load() {
        let mut store = MemoryStore::default();
        let mut lib = open_library(&mut store, t(1), samples).library;
        let broken = lib.active()[0].id;
        let fine = lib.active()[1].id;
        store.set(&board_key(broken), "{kapot").unwrap();
        let err = load_board(&mut store, &mut lib, broken, t(2)).unwrap_err();
        let Some(StorageNote::KeptAside { key, .. }) = err else {
            panic!("{err:?}")
        };
        assert_eq!(store.get(&key).unwrap(), "{kapot");
        assert!(lib.entry(broken).is_none());
        assert!(load_board(&mut store, &mut lib, fine, t(2)).is_ok());
    }

    #[test]
    fn a_damaged_index_is_kept_aside_and_rebuilt_from_the_boards() {
        let mut store = MemoryStore::default();
        let lib = open_library(&mut store, t(1), samples).library;
        store.set(INDEX_KEY, "niet te lezen").unwrap();
        let opened = open_library(&mut store, t(2), || panic!("not a first visit"));
        assert!(matches!(opened.notes[..], [StorageNote::KeptAside { .. }]));
        let ids = |l: &Library| {
            let mut v: Vec<Uuid> = l.boards.iter().map(|e| e.id).collect();
            v.sort();
            v
        };
        assert_eq!(ids(&opened.library), ids(&lib));
    }

    #[test]
    fn data_from_a_newer_planbord_is_left_alone_and_nothing_is_saved() {
        let mut store = MemoryStore::default();
        store
            .set(INDEX_KEY, r#"{"schema": 9, "library": {"boards": []}}"#)
            .unwrap();
        let before = store.map.clone();
        let opened = open_library(&mut store, t(1), samples);
        assert!(!opened.may_save);
        assert!(matches!(opened.notes[..], [StorageNote::Untouched { .. }]));
        assert_eq!(store.map, before);
    }

    #[test]
    fn a_full_storage_is_reported_and_leaves_the_saved_board_intact() {
        let mut store = MemoryStore::default();
        let mut lib = open_library(&mut store, t(1), samples).library;
        let id = lib.default_board().unwrap();
        let saved = store.get(&board_key(id)).unwrap();
        store.limit = Some(store.map.values().map(|v| v.len() + 60).sum());
        let mut b = load_board(&mut store, &mut lib, id, t(2)).unwrap();
        b.add_item(
            Uuid::from_u128(999),
            (1, b.columns[0].id),
            &"x".repeat(5000),
            t(3),
        )
        .unwrap();
        assert_eq!(
            save_board(&mut store, &mut lib, &b, t(3)),
            Err(SaveError::Full)
        );
        assert_eq!(store.get(&board_key(id)).unwrap(), saved);
    }

    #[test]
    fn a_board_missing_from_the_index_is_listed_again() {
        let mut store = MemoryStore::default();
        let lib = open_library(&mut store, t(1), samples).library;
        let old_index = store.get(INDEX_KEY).unwrap();
        // Another tab adds a board; then a stale index is written over it.
        let mut extra = samples().remove(1);
        extra.id = Uuid::from_u128(777);
        let mut lib2 = lib.clone();
        save_board(&mut store, &mut lib2, &extra, t(2)).unwrap();
        store.set(INDEX_KEY, &old_index).unwrap();
        let again = open_library(&mut store, t(3), || panic!("not a first visit")).library;
        assert!(again.entry(extra.id).is_some());
        assert_eq!(again.boards.len(), 3);
    }

    #[test]
    fn purge_removes_the_board_for_good() {
        let mut store = MemoryStore::default();
        let mut lib = open_library(&mut store, t(1), samples).library;
        let id = lib.active()[0].id;
        lib.trash(id, t(2));
        purge_board(&mut store, &mut lib, id).unwrap();
        assert!(store.get(&board_key(id)).is_none());
        assert!(lib.entry(id).is_none());
    }

    #[test]
    fn old_trash_and_old_backups_expire_and_nothing_else() {
        let mut store = MemoryStore::default();
        let now = t(100 * 86_400);
        let mut opened = open_library(&mut store, now, || {
            vec![
                sample::nieuw_west_zuid(Uuid::new_v4, now),
                sample::gaasperdam(Uuid::new_v4, now),
            ]
        });
        let lib = &mut opened.library;
        let ids: Vec<Uuid> = lib.boards.iter().map(|e| e.id).collect();
        // One trashed 31 days ago, one 29 days ago.
        lib.trash(ids[0], now - chrono::Duration::days(31));
        lib.trash(ids[1], now - chrono::Duration::days(29));
        let old = format!(
            "{}.bord",
            super::super::backup_key(now - chrono::Duration::days(91))
        );
        let young = super::super::backup_key(now - chrono::Duration::days(89));
        store.set(&old, "oud").unwrap();
        store.set(&young, "jong").unwrap();
        store.set("andere-app.sleutel", "blijft").unwrap();
        let expired = expire(&mut store, lib, now).unwrap();
        assert_eq!(
            expired,
            Expired {
                boards: 1,
                backups: 1
            }
        );
        assert!(lib.entry(ids[0]).is_none());
        assert!(store.get(&board_key(ids[0])).is_none());
        assert!(lib.entry(ids[1]).is_some());
        assert!(store.get(&board_key(ids[1])).is_some());
        assert!(store.get(&old).is_none());
        assert_eq!(store.get(&young).as_deref(), Some("jong"));
        assert_eq!(store.get("andere-app.sleutel").as_deref(), Some("blijft"));
        // The index no longer lists the expired board.
        let index = read_index(&store).unwrap();
        assert!(index.entry(ids[0]).is_none());
        // Again: nothing more to do.
        assert_eq!(expire(&mut store, lib, now).unwrap(), Expired::default());
    }

    #[test]
    fn wiping_removes_every_planbord_key_and_only_those() {
        let mut store = MemoryStore::default();
        let now = t(1);
        open_library(&mut store, now, || {
            vec![sample::nieuw_west_zuid(Uuid::new_v4, now)]
        });
        store.set("planbord.instelling.sneltoetsen", "uit").unwrap();
        store.set(&super::super::backup_key(now), "x").unwrap();
        store.set("andere-app", "blijft").unwrap();
        let before = store.keys().len();
        assert_eq!(wipe(&mut store), before - 1);
        assert_eq!(store.keys(), ["andere-app"]);
    }
}
