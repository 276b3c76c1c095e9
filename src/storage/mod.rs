//! Browser persistence: boards live in localStorage, one key per board in
//! a versioned envelope, plus an index (`library`). Everything but the
//! localStorage calls (`browser`, wasm only) is pure and tested natively.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod encoder;
pub mod library;
pub mod room;

pub use library::{
    board_key, expire, load_board, load_board_raw, open_library, purge_board, read_index,
    save_board, save_encoded, save_index, wipe, Expired, MemoryStore, Opened, SaveError,
    StorageNote, Store, BOARD_PREFIX, INDEX_KEY,
};

use serde::{Deserialize, Serialize};

use crate::exchange::migrate::{migrate_board, storage_body};
use crate::model::{Board, Invalid, Timestamp};

/// Where the first storage version kept its single board. Read once, to
/// migrate it into the per-board keys (see `library::open_library`).
pub const BOARD_KEY: &str = "planbord.v1.bord";
/// Prefix of the keys where unreadable stored data is kept aside.
pub const BACKUP_PREFIX: &str = "planbord.backup.";
/// Schema version written into the envelopes. 1: one board under
/// [`BOARD_KEY`]; 2: one key per board plus an index. Which board format
/// each carries, and the migrations, are `exchange::migrate`'s one list.
pub use crate::exchange::migrate::SCHEMA;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    saved: Timestamp,
    board: &'a Board,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    schema: u32,
    board: serde_json::Value,
}

/// Just the schema number (the rest is skipped, not built).
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

/// The current schema: the board is read straight into the model, without
/// building a JSON tree first (several times faster on a big board).
#[derive(Deserialize)]
struct EnvelopeCurrent {
    board: Board,
}

/// What was found in storage.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Empty,
    Board(Board),
    /// Something is stored but cannot be used. It must be kept aside
    /// (see [`backup_key`]) before anything is written.
    Unreadable {
        raw: String,
        problem: Problem,
    },
}

/// Why stored data could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NotJson(String),
    /// Written by a newer version of Planbord.
    NewerSchema(u32),
    Invalid(Invalid),
}

pub fn encode(board: &Board, now: Timestamp) -> String {
    serde_json::to_string(&EnvelopeOut {
        schema: SCHEMA,
        saved: now,
        board,
    })
    // Not `expect`: that would build the error's Debug code into the wasm.
    .unwrap_or_else(|_| unreachable!("a board always serialises"))
}

pub fn decode(raw: Option<String>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Empty;
    };
    match decode_str(&raw) {
        Ok(board) => Loaded::Board(board),
        Err(problem) => Loaded::Unreadable { raw, problem },
    }
}

/// Reads a stored envelope: the board, checked, or what is wrong with it.
pub fn decode_str(raw: &str) -> Result<Board, Problem> {
    let board = match serde_json::from_str::<SchemaOnly>(raw) {
        Ok(SchemaOnly { schema: SCHEMA }) => match serde_json::from_str::<EnvelopeCurrent>(raw) {
            Ok(e) => Ok(e.board),
            Err(e) => Err(Problem::NotJson(e.to_string())),
        },
        _ => decode_older(raw),
    };
    board.and_then(|mut b| {
        b.validate().map_err(Problem::Invalid)?;
        b.tidy();
        Ok(b)
    })
}

/// An envelope of an earlier (or unknown) schema: migrated as JSON, then
/// read.
fn decode_older(raw: &str) -> Result<Board, Problem> {
    let envelope: EnvelopeIn = match serde_json::from_str(raw) {
        Ok(e) => e,
        Err(e) => return Err(Problem::NotJson(e.to_string())),
    };
    if envelope.schema > SCHEMA {
        return Err(Problem::NewerSchema(envelope.schema));
    }
    let board = migrate_board(envelope.board, storage_body(envelope.schema));
    // Read as text, with the same reader as the current schema: reading
    // from a JSON tree compiled a second reader for every type into the app.
    serde_json::from_str(&board.to_string()).map_err(|e| {
        let e = e.to_string();
        // Without "at line 1 column …" of a text nobody sees.
        Problem::NotJson(e.split(" at line ").next().unwrap_or(&e).to_string())
    })
}

/// The key unreadable data is kept under: unique per moment, so an earlier
/// backup is never overwritten.
pub fn backup_key(now: Timestamp) -> String {
    format!("{BACKUP_PREFIX}{}", crate::model::dates::backup_stamp(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::{TimeZone, Utc};

    fn now() -> Timestamp {
        Utc.timestamp_opt(1_700_000_000, 0).unwrap()
    }

    fn board() -> Board {
        crate::model::testutil::nieuw_west_zuid()
    }

    #[test]
    fn round_trip_gives_the_same_board() {
        let b = board();
        match decode(Some(encode(&b, now()))) {
            Loaded::Board(back) => assert_eq!(back, b),
            other => panic!("expected a board, got {other:?}"),
        }
    }

    #[test]
    fn nothing_stored_is_a_first_visit() {
        assert!(matches!(decode(None), Loaded::Empty));
    }

    #[test]
    fn garbage_is_unreadable_and_kept() {
        match decode(Some("{not json".into())) {
            Loaded::Unreadable { raw, problem } => {
                assert_eq!(raw, "{not json");
                assert!(matches!(problem, Problem::NotJson(_)));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn newer_schema_is_not_touched() {
        let raw = r#"{"schema": 99, "board": {}}"#.to_string();
        assert!(matches!(
            decode(Some(raw)),
            Loaded::Unreadable {
                problem: Problem::NewerSchema(99),
                ..
            }
        ));
    }

    #[test]
    fn invalid_board_is_unreadable() {
        let mut b = board();
        b.items[1].id = b.items[0].id;
        let raw = encode(&b, now());
        assert!(matches!(
            decode(Some(raw)),
            Loaded::Unreadable {
                problem: Problem::Invalid(Invalid::DuplicateItem(_)),
                ..
            }
        ));
        let wrong_type = r#"{"schema": 1, "board": {"id": 5}}"#.to_string();
        assert!(matches!(
            decode(Some(wrong_type)),
            Loaded::Unreadable {
                problem: Problem::NotJson(_),
                ..
            }
        ));
    }

    /// A board exactly as the first version (storage schema 1) saved it.
    const FOUNDATION: &str = include_str!("../../tests/files/storage/v1-foundation.json");

    #[test]
    fn a_board_saved_by_the_first_version_loads_with_its_cards_in_place() {
        let Loaded::Board(b) = decode(Some(FOUNDATION.to_string())) else {
            panic!("the first version's board must load");
        };
        assert_eq!(b.title, "Teamplan Nieuw West Zuid");
        let names: Vec<_> = b.visible_columns().iter().map(|c| c.name.clone()).collect();
        assert_eq!(names, ["Idee", "Gepland", "Bezig", "Afgerond"]);
        assert_eq!(b.settings_updated, b.updated);
        assert!(b.lines.iter().all(|l| l.updated == b.updated));
        let open_dag = b.items.iter().find(|i| i.title == "Open dag").unwrap();
        assert_eq!(open_dag.line, 3);
        assert_eq!(b.column(open_dag.column).unwrap().name, "Gepland");
        assert_eq!(b.tombstones.len(), 1);
    }

    #[test]
    fn backup_keys_differ_per_moment() {
        let a = backup_key(now());
        let b = backup_key(now() + chrono::Duration::milliseconds(1));
        assert!(a.starts_with(BACKUP_PREFIX));
        assert_ne!(a, b);
    }
}
