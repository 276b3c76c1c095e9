//! The one list of migrations of the board format. A board travels in two
//! envelopes, a board file (`version`) and the stored envelope in
//! localStorage (`schema`); both carry the same board body, so a change to
//! the board is one step here, and each envelope says which body version
//! each of its versions carries ([`FILE_VERSIONS`], [`STORAGE_SCHEMAS`]).
//!
//! `BOARD_MIGRATIONS[n - 1]` turns a version-n board body into n + 1. A
//! step only adds or reshapes: it keeps fields it does not know (they are
//! written out again). A format change adds a step, a row to both tables,
//! and a test that reads a board of the old shape.

use serde_json::Value;

type Migration = fn(Value) -> Value;

const BOARD_MIGRATIONS: &[Migration] = &[board_1_to_2, board_2_to_3, board_3_to_4, board_4_to_5];

/// The board body version this app writes.
pub const BOARD_VERSION: u64 = BOARD_MIGRATIONS.len() as u64 + 1;

/// Board file versions, oldest first, with the board body version each
/// carries; the last is written. Version 1 files were written with body 1
/// and, from the same day on, body 2: reading them as body 1 is right for
/// both, since step 1 → 2 only fills what is missing. Version 2 carries
/// body 3 (cards merge field by field), version 3 body 4 (lines have a
/// status and knelpunten, merged field by field), version 4 body 5 (cards
/// have comments and a history).
pub const FILE_VERSIONS: &[(u64, u64)] = &[(1, 1), (2, 3), (3, 4), (4, 5)];

/// Storage envelope schemas, oldest first, with their board body version;
/// the last is written. Schema 1 was one board under one key; schema 2
/// is one key per board plus an index; schemas 3, 4 and 5 the same with
/// bodies 3, 4 and 5.
pub const STORAGE_SCHEMAS: &[(u32, u64)] = &[(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)];

/// The file format version this app writes.
pub const VERSION: u64 = FILE_VERSIONS[FILE_VERSIONS.len() - 1].0;

/// The storage schema this app writes.
pub const SCHEMA: u32 = STORAGE_SCHEMAS[STORAGE_SCHEMAS.len() - 1].0;

/// Brings a board body from version `from` up to [`BOARD_VERSION`].
pub fn migrate_board(mut board: Value, from: u64) -> Value {
    let from = from.clamp(1, BOARD_VERSION);
    for step in &BOARD_MIGRATIONS[(from - 1) as usize..] {
        board = step(board);
    }
    board
}

/// The board body version a file of `version` carries (`version` must be
/// in `1..=VERSION`: the caller checks).
fn file_body(version: u64) -> u64 {
    FILE_VERSIONS
        .iter()
        .rev()
        .find(|(v, _)| *v <= version)
        .map_or(1, |(_, body)| *body)
}

/// The board body version a stored envelope of `schema` carries.
pub fn storage_body(schema: u32) -> u64 {
    STORAGE_SCHEMAS
        .iter()
        .rev()
        .find(|(s, _)| *s <= schema)
        .map_or(1, |(_, body)| *body)
}

/// Brings a whole board file from `from` up to [`VERSION`]: its board
/// through the board migrations, and its `version`.
pub fn migrate(mut file: Value, from: u64) -> Value {
    let body = file_body(from);
    if body < BOARD_VERSION {
        if let Some(board) = file.get_mut("board") {
            *board = migrate_board(board.take(), body);
        }
    }
    if let Some(v) = file.get_mut("version") {
        *v = Value::from(VERSION);
    }
    file
}

/// Board 1 → 2. The first board format had no merge timestamps on the
/// board settings, lines and columns, and no column order: they are filled
/// in from the board's `updated` and the columns' order. Fields already
/// there are left as they are.
fn board_1_to_2(mut board: Value) -> Value {
    let updated = board.get("updated").cloned().unwrap_or(Value::Null);
    let Some(obj) = board.as_object_mut() else {
        return board;
    };
    obj.entry("settings_updated").or_insert(updated.clone());
    if let Some(Value::Array(lines)) = obj.get_mut("lines") {
        for line in lines.iter_mut().filter_map(Value::as_object_mut) {
            line.entry("updated").or_insert(updated.clone());
        }
    }
    if let Some(Value::Array(columns)) = obj.get_mut("columns") {
        for (n, column) in columns
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .enumerate()
        {
            column.entry("rank").or_insert(Value::from(n as f64));
            column.entry("updated").or_insert(updated.clone());
        }
    }
    board
}

/// Board 2 → 3. Cards now carry a stamp per field (`changed`); before,
/// a card had one time for all its fields. Every field of a card changed
/// since it was made gets that time, as one shared stamp (`others`): a
/// merge treats it as changed then, as the old merge did.
fn board_2_to_3(mut board: Value) -> Value {
    if let Some(Value::Array(items)) = board.get_mut("items") {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            let (Some(created), Some(updated)) = (item.get("created"), item.get("updated")) else {
                continue;
            };
            if created != updated && !item.contains_key("changed") {
                let at = updated.clone();
                item.insert("changed".into(), serde_json::json!({ "others": at }));
            }
        }
    }
    board
}

/// Board 3 → 4. Lines may now carry a `status`, `knelpunten` and their
/// stamps (`changed`); a line without them has no status, no knelpunten,
/// and its description keeps the stamp `updated`, so nothing changes. The
/// step exists for the version numbers: an app that does not know these
/// fields would keep them as unknown ones but merge lines whole and not
/// stamp its own edit of a description (an older explicit stamp would then
/// beat it), so it must refuse a board that may have them.
fn board_3_to_4(board: Value) -> Value {
    board
}

/// Board 4 → 5. Cards may now carry `comments` (a thread that merges by
/// union) and a `history` (changes, merged by union within a bound); a
/// card without them has neither, so nothing changes. The step exists for
/// the version numbers: an app that does not know these fields keeps them
/// as unknown ones, taken whole from the copy changed last in a merge, so
/// one copy's comments would be lost; it must refuse such a board.
fn board_4_to_5(board: Value) -> Value {
    board
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_this_app_writes_reads_back_unchanged() {
        // A stored board is written with the newest board body.
        assert_eq!(storage_body(SCHEMA), BOARD_VERSION);
        // A file of the version written runs only steps that leave a
        // current board as it is (version 1: see FILE_VERSIONS).
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let board = crate::model::testutil::nieuw_west_zuid();
        let file: Value = serde_json::from_str(&crate::exchange::export(&board, now)).unwrap();
        assert_eq!(migrate(file.clone(), VERSION), file);
    }

    #[test]
    fn version_tables_go_up() {
        for table in [
            FILE_VERSIONS
                .iter()
                .map(|(v, b)| (*v, *b))
                .collect::<Vec<_>>(),
            STORAGE_SCHEMAS
                .iter()
                .map(|(v, b)| (*v as u64, *b))
                .collect(),
        ] {
            assert!(table
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1));
            assert!(table.iter().all(|(_, b)| (1..=BOARD_VERSION).contains(b)));
        }
    }

    /// A board body of version 1: no merge timestamps on settings, lines
    /// and columns, no column order.
    fn board_v1() -> Value {
        json!({
            "id": "0b7e3c52-4a53-4c1a-9d2f-0e1f2a3b4c5d",
            "title": "Oud bord",
            "updated": "2026-11-01T10:00:00Z",
            "lines": [{"number": 1, "name": "Teamontwikkeling"}],
            "columns": [
                {"id": "a", "name": "Idee"},
                {"id": "b", "name": "Gepland", "rank": 7.0, "updated": "2026-10-01T00:00:00Z"}
            ],
            "onbekend": {"blijft": true}
        })
    }

    #[test]
    fn board_1_to_2_fills_the_merge_timestamps_and_column_order() {
        let b = migrate_board(board_v1(), 1);
        assert_eq!(b["settings_updated"], "2026-11-01T10:00:00Z");
        assert_eq!(b["lines"][0]["updated"], "2026-11-01T10:00:00Z");
        assert_eq!(b["columns"][0]["rank"], 0.0);
        assert_eq!(b["columns"][0]["updated"], "2026-11-01T10:00:00Z");
        // What was there stays, and so do unknown fields.
        assert_eq!(b["columns"][1]["rank"], 7.0);
        assert_eq!(b["columns"][1]["updated"], "2026-10-01T00:00:00Z");
        assert_eq!(b["onbekend"], json!({"blijft": true}));
        // A step is harmless on a board that already has the fields.
        assert_eq!(migrate_board(b.clone(), 1), b);
        assert_eq!(migrate_board(b.clone(), BOARD_VERSION), b);
    }

    #[test]
    fn a_version_1_file_with_a_version_1_board_is_migrated() {
        let file = json!({"format": "planbord", "version": 1, "board": board_v1()});
        let out = migrate(file, 1);
        assert_eq!(out["version"], VERSION);
        assert_eq!(out["board"]["settings_updated"], "2026-11-01T10:00:00Z");
    }

    #[test]
    fn storage_schemas_map_to_their_board() {
        assert_eq!(storage_body(1), 1);
        assert_eq!(storage_body(2), 2);
        assert_eq!(storage_body(3), 3);
        assert_eq!(storage_body(4), 4);
    }

    #[test]
    fn board_2_to_3_gives_every_field_of_a_changed_card_its_time() {
        let board = json!({
            "items": [
                {"id": "x", "created": "2026-01-01T00:00:00Z", "updated": "2026-02-01T00:00:00Z"},
                {"id": "y", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"},
                {"id": "z", "created": "2026-01-01T00:00:00Z", "updated": "2026-03-01T00:00:00Z",
                 "changed": {"title": "2026-03-01T00:00:00Z Anna"}}
            ]
        });
        let b = migrate_board(board, 2);
        assert_eq!(
            b["items"][0]["changed"],
            json!({"others": "2026-02-01T00:00:00Z"})
        );
        assert!(b["items"][1].get("changed").is_none());
        assert_eq!(
            b["items"][2]["changed"],
            json!({"title": "2026-03-01T00:00:00Z Anna"})
        );
    }

    /// A file as the previous release wrote it (version 1, body 2): every
    /// card reads with its fields stamped at its own `updated`, and merges
    /// field by field with a current copy.
    #[test]
    fn a_version_1_file_of_the_previous_release_merges_field_by_field() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut board = crate::model::testutil::nieuw_west_zuid();
        let id = board.items[0].id;
        board
            .edit_item(id, crate::model::Edit::Trekker("OE".into()), now)
            .unwrap();
        let mut file: Value = serde_json::from_str(&crate::exchange::export(&board, now)).unwrap();
        // The old shape: version 1, no stamps.
        file["version"] = json!(1);
        for item in file["board"]["items"].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("changed");
        }
        let text = file.to_string();
        let old = crate::exchange::import(text.as_bytes()).unwrap().board;
        let card = old.item(id).unwrap();
        assert_eq!(card.stamp(crate::model::CardField::Title).at, now);
        assert_eq!(card.stamp(crate::model::CardField::Notes).at, now);
        // A current copy changed the notes later: both changes stand.
        let later = now + chrono::Duration::seconds(60);
        let mut current = board.clone();
        current
            .edit_item(id, crate::model::Edit::Notes("later".into()), later)
            .unwrap();
        let m = crate::model::merge(&old, &current);
        let x = m.item(id).unwrap();
        assert_eq!((x.trekker.as_str(), x.notes.as_str()), ("OE", "later"));
    }

    /// What the release before the line status wrote (file version 2,
    /// storage schema 3) and read at most.
    const BEFORE_LINE_STATUS: (u64, u32) = (2, 3);

    /// What the previous release wrote (file version 3, storage schema 4)
    /// and read at most.
    const PREVIOUS_RELEASE: (u64, u32) = (3, 4);

    /// A board with line status and knelpunten goes out in a version the
    /// previous release refuses (it would merge them wrongly), never in one
    /// it reads.
    #[test]
    fn a_board_with_line_status_is_written_in_a_version_older_apps_refuse() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut board = crate::model::testutil::nieuw_west_zuid();
        board
            .set_line_status(2, Some(crate::model::LineStatus::Aandacht), now)
            .unwrap();
        board
            .set_line_knelpunten(2, "Geen netwerkagenten vrijgemaakt", now)
            .unwrap();
        let file: Value = serde_json::from_str(&crate::exchange::export(&board, now)).unwrap();
        assert!(file["version"].as_u64().unwrap() > BEFORE_LINE_STATUS.0);
        assert_eq!(file["board"]["lines"][1]["status"], "aandacht");
        let stored: Value = serde_json::from_str(&crate::storage::encode(&board, now)).unwrap();
        assert!(stored["schema"].as_u64().unwrap() > BEFORE_LINE_STATUS.1 as u64);
        assert_eq!(board_3_to_4(file["board"].clone()), file["board"]);
        // And this app refuses the next version in turn.
        let mut newer = file.clone();
        newer["version"] = json!(VERSION + 1);
        assert_eq!(
            crate::exchange::import(newer.to_string().as_bytes()),
            Err(crate::exchange::ImportError::Newer {
                version: VERSION + 1
            })
        );
    }

    /// A file exactly as the previous release wrote it (version 2: cards
    /// with stamps, lines without status).
    const V2_FILE: &str = include_str!("../../tests/files/ok/v2-gaasperdam.planbord.json");

    #[test]
    fn a_version_2_file_of_the_previous_release_reads_and_merges_line_by_field() {
        let old = crate::exchange::import(V2_FILE.as_bytes()).unwrap();
        assert_eq!(old.version, 2);
        let b = old.board;
        assert!(b
            .lines
            .iter()
            .all(|l| l.status.is_none() && l.knelpunten.is_empty()));
        assert!(b.lines.iter().all(|l| l.changed.is_empty()));
        assert_eq!(
            b.lines[2].description,
            "Dialoogsessies met de wijk, intern en extern."
        );
        let card = b
            .items
            .iter()
            .find(|i| i.title.starts_with("Team in 4 clusters"))
            .unwrap();
        assert_eq!(
            card.stamp(crate::model::CardField::Trekker).by,
            "Anna de Vries"
        );
        // A current copy sets line 3's status; the old copy's newer
        // description stands beside it.
        let mut current = b.clone();
        current.lines[2].description = "Oud".into();
        current.lines[2].updated = b.created;
        let later = b.updated + chrono::Duration::seconds(60);
        current
            .set_line_status(3, Some(crate::model::LineStatus::OpSchema), later)
            .unwrap();
        let m = crate::model::merge(&b, &current);
        let line = &m.lines[2];
        assert_eq!(
            line.description,
            "Dialoogsessies met de wijk, intern en extern."
        );
        assert_eq!(line.status, Some(crate::model::LineStatus::OpSchema));
    }

    /// Comments and history go out in a version the previous release
    /// refuses (it would keep one copy's thread and drop the other's).
    #[test]
    fn a_board_with_comments_is_written_in_a_version_the_previous_release_refuses() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut board = crate::model::testutil::nieuw_west_zuid();
        let card = board.items[0].id;
        let anna = crate::model::Stamp {
            at: now,
            by: "Anna".into(),
        };
        board
            .add_comment(card, uuid::Uuid::from_u128(77), "Wacht op X", anna.clone())
            .unwrap();
        board
            .edit_item(card, crate::model::Edit::Trekker("OPCO".into()), anna)
            .unwrap();
        let file: Value = serde_json::from_str(&crate::exchange::export(&board, now)).unwrap();
        assert!(file["version"].as_u64().unwrap() > PREVIOUS_RELEASE.0);
        assert_eq!(
            file["board"]["items"][0]["comments"][0]["text"],
            "Wacht op X"
        );
        assert_eq!(
            file["board"]["items"][0]["history"]["changes"][0][1],
            "trekker"
        );
        let stored: Value = serde_json::from_str(&crate::storage::encode(&board, now)).unwrap();
        assert!(stored["schema"].as_u64().unwrap() > PREVIOUS_RELEASE.1 as u64);
        let back = crate::exchange::import(file.to_string().as_bytes())
            .unwrap()
            .board;
        assert_eq!(back, board);
    }

    /// A file as the previous release wrote it (version 3: line status,
    /// no comments or history).
    const V3_FILE: &str = include_str!("../../tests/files/ok/v3-nieuw-west-zuid.planbord.json");

    #[test]
    fn a_version_3_file_reads_without_comments_and_merges_with_a_commented_copy() {
        let old = crate::exchange::import(V3_FILE.as_bytes()).unwrap();
        assert_eq!(old.version, 3);
        let b = old.board;
        assert!(b
            .items
            .iter()
            .all(|i| i.comments.is_empty() && i.history.is_empty()));
        assert_eq!(b.lines[1].status, Some(crate::model::LineStatus::Aandacht));
        let mut current = b.clone();
        let card = current.items[0].id;
        let later = crate::model::Stamp {
            at: b.updated + chrono::Duration::seconds(60),
            by: "Bram".into(),
        };
        current
            .add_comment(
                card,
                uuid::Uuid::from_u128(5),
                "Besproken in OPCO-overleg",
                later,
            )
            .unwrap();
        let m = crate::model::merge(&b, &current);
        assert_eq!(m.items[0].comments.len(), 1);
        assert_eq!(crate::model::merge(&current, &b), m);
    }

    /// A board as the previous release stored it (schema 4).
    const V4_STORED: &str = include_str!("../../tests/files/storage/v4-nieuw-west-zuid.json");

    #[test]
    fn a_board_stored_by_the_previous_release_loads_without_comments() {
        let b = crate::storage::decode_str(V4_STORED).unwrap();
        assert!(b
            .items
            .iter()
            .all(|i| i.comments.is_empty() && i.history.is_empty()));
        let file = crate::exchange::import(V3_FILE.as_bytes()).unwrap().board;
        assert_eq!(b, file, "the same board as the previous release's file");
    }

    /// A board exactly as the previous release stored it (schema 3).
    const V3_STORED: &str = include_str!("../../tests/files/storage/v3-gaasperdam.json");

    #[test]
    fn a_board_stored_by_the_previous_release_loads() {
        let b = crate::storage::decode_str(V3_STORED).unwrap();
        assert_eq!(b.title, "Teamplan Gaasperdam");
        assert_eq!(b.items.len(), 5);
        assert!(b
            .lines
            .iter()
            .all(|l| l.status.is_none() && l.changed.is_empty()));
        let file = crate::exchange::import(V2_FILE.as_bytes()).unwrap().board;
        assert_eq!(b, file, "the same board as the previous release's file");
    }
}
