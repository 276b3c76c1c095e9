//! Reading a board file: all or nothing, with a reason a user can act on.

use serde::Deserialize;
use serde_json::Value;

use super::migrate::{migrate, VERSION};
use super::FORMAT;
use crate::model::limits::{self, OverLimit};
use crate::model::{Board, Invalid, Timestamp};

/// Files larger than this are refused before parsing (10 MB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// A board file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub board: Board,
    /// The version the file was written in (before migration).
    pub version: u64,
    pub exported: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Too deeply nested to read.
    TooDeep,
    /// JSON, but no `"format": "planbord"` at the top.
    NotPlanbord,
    /// `version` missing or not a positive whole number.
    BadVersion,
    /// Written by a newer Planbord.
    Newer {
        version: u64,
    },
    /// A field has the wrong type or value. `item` is the card's position
    /// (1-based) and title when the field belongs to a card.
    Field {
        item: Option<(usize, String)>,
        field: String,
        detail: String,
    },
    Invalid(Invalid),
    /// Over one of the bounds of `model::limits`.
    OverLimit(OverLimit),
}

#[derive(Deserialize)]
struct FileIn {
    #[serde(default)]
    exported: Option<Timestamp>,
    board: Board,
}

/// Reads a board file's bytes.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotPlanbord);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(ImportError::BadVersion)?;
    if version > VERSION {
        return Err(ImportError::Newer { version });
    }
    let value = migrate(value, version);
    let mut file: FileIn = serde_path_to_error::deserialize(&value)
        .map_err(|e| field_error(&value, e.path(), e.inner()))?;
    // Bounds first: a crafted file must be refused before anything costly.
    limits::check(&file.board).map_err(ImportError::OverLimit)?;
    file.board.validate().map_err(ImportError::Invalid)?;
    file.board.tidy();
    Ok(Imported {
        board: file.board,
        version,
        exported: file.exported,
    })
}

/// Names the field (and the card it belongs to) that failed to read.
fn field_error(
    file: &Value,
    path: &serde_path_to_error::Path,
    err: &serde_json::Error,
) -> ImportError {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let item = match segments.as_slice() {
        [Segment::Map { key: b }, Segment::Map { key: i }, Segment::Seq { index }, ..]
            if b == "board" && i == "items" =>
        {
            let title = file["board"]["items"][*index]["title"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            Some((*index + 1, title))
        }
        _ => None,
    };
    let skip = if item.is_some() { 3 } else { 0 };
    let field = segments[skip.min(segments.len())..]
        .iter()
        .map(|s| match s {
            Segment::Seq { index } => format!("[{index}]"),
            Segment::Map { key } => format!(".{key}"),
            Segment::Enum { variant } => format!(".{variant}"),
            Segment::Unknown => ".?".to_string(),
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string();
    // serde's message without its "at line … column …" tail (the file was
    // already parsed; positions refer to nothing the user sees).
    let detail = err.to_string();
    let detail = detail
        .split(" at line ")
        .next()
        .unwrap_or(&detail)
        .to_string();
    ImportError::Field {
        item,
        field: if field.is_empty() { "?".into() } else { field },
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::export;
    use chrono::{TimeZone, Utc};

    fn now() -> Timestamp {
        Utc.timestamp_opt(1_800_000_000, 0).unwrap()
    }

    fn exported() -> String {
        export(&crate::exchange::tests::board(), now())
    }

    /// A crafted file: the sample with `f` applied to its JSON.
    fn crafted(f: impl FnOnce(&mut Value)) -> Vec<u8> {
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        f(&mut v);
        v.to_string().into_bytes()
    }

    #[test]
    fn crafted_files_over_a_bound_are_refused_quickly_by_name() {
        // 20,000 columns (2 MB): once froze the app on every start.
        let columns = crafted(|v| {
            let proto = v["board"]["columns"][0].clone();
            let cols = v["board"]["columns"].as_array_mut().unwrap();
            for n in 0..20_000u128 {
                let mut c = proto.clone();
                c["id"] = uuid::Uuid::from_u128(n + 1).to_string().into();
                cols.push(c);
            }
        });
        // One card with a million empty labels (3 MB).
        let labels = crafted(|v| {
            v["board"]["items"][0]["tags"] = vec![""; 1_000_000].into();
        });
        // A 5-million-element unknown field.
        let extra = crafted(|v| {
            v["board"]["items"][1]["later"] = vec![0; 5_000_000].into();
        });
        for (name, bytes, want) in [
            ("columns", &columns, "ColumnsKept(20004)"),
            ("labels", &labels, "Labels"),
            ("extra", &extra, "Extra"),
        ] {
            let started = std::time::Instant::now();
            let result = import(bytes);
            let took = started.elapsed();
            match result {
                Err(ImportError::OverLimit(e)) => {
                    assert!(format!("{e:?}").contains(want), "{name}: {e:?}")
                }
                other => panic!("{name}: {:?}", other.map(|i| i.board.items.len())),
            }
            println!("{name}: {} MB refused in {took:?}", bytes.len() / 1_000_000);
        }
    }

    #[test]
    fn export_then_import_gives_the_same_board() {
        let b = crate::exchange::tests::board();
        let back = import(export(&b, now()).as_bytes()).unwrap();
        assert_eq!(back.board, b);
        assert_eq!(back.version, VERSION);
        assert_eq!(back.exported, Some(now()));
    }

    #[test]
    fn a_bom_is_accepted() {
        let text = format!("\u{feff}{}", exported());
        assert!(import(text.as_bytes()).is_ok());
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        v["board"]["kleur"] = "blauw".into();
        v["board"]["items"][0]["prioriteit"] = serde_json::json!({"niveau": 2});
        v["board"]["columns"][0]["wip"] = 3.into();
        let imported = import(v.to_string().as_bytes()).unwrap();
        let again: Value = serde_json::from_str(&export(&imported.board, now())).unwrap();
        assert_eq!(again["board"]["kleur"], "blauw");
        assert_eq!(again["board"]["items"][0]["prioriteit"]["niveau"], 2);
        assert_eq!(again["board"]["columns"][0]["wip"], 3);
    }

    #[test]
    fn a_wrong_field_names_the_card_and_the_field() {
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        v["board"]["items"][2]["start"] = "31-02-2017".into();
        let title = v["board"]["items"][2]["title"]
            .as_str()
            .unwrap()
            .to_string();
        match import(v.to_string().as_bytes()) {
            Err(ImportError::Field { item, field, .. }) => {
                assert_eq!(item, Some((3, title)));
                assert_eq!(field, "start");
            }
            other => panic!("{other:?}"),
        }
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        v["board"]["title"] = 5.into();
        assert!(matches!(
            import(v.to_string().as_bytes()),
            Err(ImportError::Field { item: None, ref field, .. }) if field == "board.title"
        ));
    }

    #[test]
    fn newer_versions_and_foreign_files_are_refused() {
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        v["version"] = (VERSION + 1).into();
        assert_eq!(
            import(v.to_string().as_bytes()),
            Err(ImportError::Newer {
                version: VERSION + 1
            })
        );
        assert_eq!(
            import(br#"{"type": "excalidraw"}"#),
            Err(ImportError::NotPlanbord)
        );
        assert_eq!(
            import(br#"{"format": "planbord", "version": "1"}"#),
            Err(ImportError::BadVersion)
        );
        assert_eq!(import(b"  \n"), Err(ImportError::Empty));
        assert_eq!(import(&[0xff, 0xfe, 0x00]), Err(ImportError::NotUtf8));
        assert!(matches!(
            import(b"{\"format\": \"planbord\",\n  \"version\": 1"),
            Err(ImportError::NotJson { line: 2, .. })
        ));
    }

    #[test]
    fn deep_nesting_and_huge_files_do_not_break_the_parser() {
        let deep = "[".repeat(100_000);
        assert_eq!(import(deep.as_bytes()), Err(ImportError::TooDeep));
        let huge = vec![b' '; MAX_BYTES + 1];
        assert_eq!(
            import(&huge),
            Err(ImportError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
    }

    #[test]
    fn a_broken_invariant_is_refused() {
        let mut v: Value = serde_json::from_str(&exported()).unwrap();
        let first = v["board"]["items"][0]["id"].clone();
        v["board"]["items"][1]["id"] = first;
        assert!(matches!(
            import(v.to_string().as_bytes()),
            Err(ImportError::Invalid(Invalid::DuplicateItem(_)))
        ));
    }
}
