//! Reading a board file: all or nothing, with a reason a user can act on.

use serde::Deserialize;
use serde_json::Value;

use super::json_path::{offset, path_at, Segment};
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
    let mut file = if version == VERSION {
        read(text, &value)?
    } else {
        let value = migrate(value, version);
        read(&value.to_string(), &value)?
    };
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

/// Reads the file from its text with the reader stored boards use (one
/// copy of it in the app; numbers read exactly as before). `value` is the
/// same file as JSON, for naming what failed.
fn read(text: &str, value: &Value) -> Result<FileIn, ImportError> {
    match serde_json::from_str(text) {
        Ok(file) => Ok(file),
        // A name twice in one object: JSON as read into `value` keeps the
        // last, as files were always read; the text reader refuses it.
        Err(e) if e.to_string().starts_with("duplicate field") => {
            let text = value.to_string();
            serde_json::from_str(&text).map_err(|e| field_error(value, &text, &e))
        }
        Err(e) => Err(field_error(value, text, &e)),
    }
}

/// Names the field (and the card it belongs to) that failed to read.
fn field_error(file: &Value, text: &str, err: &serde_json::Error) -> ImportError {
    let mut at = offset(text, err.line(), err.column());
    if err.is_syntax() {
        // Only an enum given other than a string (the text is JSON): the
        // reader stands one byte into the value it peeked at.
        at = at.saturating_sub(1);
    }
    let path = path_at(text, at);
    let item = match path.as_slice() {
        [Segment::Key(b), Segment::Key(i), Segment::Index(index), ..]
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
    let field = path[skip.min(path.len())..]
        .iter()
        .map(|s| match s {
            Segment::Index(index) => format!("[{index}]"),
            Segment::Key(key) => format!(".{key}"),
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_string();
    // serde's message without its "at line … column …" tail (positions
    // are what named the field; they refer to nothing the user sees).
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
    fn a_name_twice_in_an_object_keeps_the_last_as_always() {
        let b = crate::exchange::tests::board();
        let text =
            export(&b, now()).replacen("\"title\": ", "\"title\": \"eerst\", \"title\": ", 1);
        assert!(text.contains("\"eerst\""));
        assert_eq!(import(text.as_bytes()).unwrap().board, b);
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

    /// The field an import names, read from the error's position, is the
    /// one tracking the path while reading named (serde_path_to_error, as
    /// imports did before): every value of a worked file replaced in turn
    /// by values of other kinds, and every field left out.
    #[test]
    fn a_failing_field_is_named_as_when_tracking_the_path() {
        let mut file: Value = serde_json::from_str(&exported()).unwrap();
        let extra: Value = serde_json::from_str(WORKED).unwrap();
        for (k, v) in extra["item"].as_object().unwrap() {
            file["board"]["items"][0][k] = v.clone();
        }
        file["board"]["lines"][1]["status"] = "aandacht".into();
        file["board"]["lines"][1]["changed"] = extra["line"].clone();
        file["board"]["tombstones"] = extra["tombstones"].clone();
        file["board"]["items"].as_array_mut().unwrap().truncate(2);
        assert!(import(file.to_string().as_bytes()).is_ok());

        let mut paths = Vec::new();
        leaves(&file, &mut vec![], &mut paths);
        let others: Vec<Value> = serde_json::from_str(
            r#"[5, -1, 1.5, 1e300, "x", "2027-13-01", "geheim", "removed x", true, null,
                [], {}, ["a"], {"k": 1}, [1, 2, 3, 4, 5]]"#,
        )
        .unwrap();
        let mut compared = 0;
        for path in &paths {
            let mut variants: Vec<Value> = others
                .iter()
                .map(|other| {
                    let mut f = file.clone();
                    *at(&mut f, path) = other.clone();
                    f
                })
                .collect();
            if let Some((last, parent)) = path.split_last() {
                let mut f = file.clone();
                if let Some(map) = at(&mut f, parent).as_object_mut() {
                    map.remove(last.as_str());
                    variants.push(f);
                }
            }
            for f in variants {
                let got = match import(f.to_string().as_bytes()) {
                    Err(e @ ImportError::Field { .. }) => Some(e),
                    Ok(_) | Err(ImportError::Invalid(_) | ImportError::OverLimit(_)) => None,
                    // Refused before reading (`format`, `version`).
                    Err(_) => continue,
                };
                let want = tracked(&f);
                // An enum given other than a string: the text reader says
                // "expected value" where the tree said "invalid type".
                let ident = |e: &Option<ImportError>| matches!(e, Some(ImportError::Field { detail, .. }) if detail == "expected value");
                if ident(&got) {
                    let (Some(ImportError::Field { item, field, .. }), Some(want)) = (&got, &want)
                    else {
                        panic!("{path:?}: {got:?} / {want:?}")
                    };
                    let ImportError::Field {
                        item: i, field: n, ..
                    } = want
                    else {
                        unreachable!()
                    };
                    assert_eq!((item, field), (i, n), "{path:?}");
                } else {
                    assert_eq!(got, want, "{path:?}");
                }
                compared += 1;
            }
        }
        assert!(compared > 1_000, "{compared}");
    }

    /// A card and line with every optional part, and tombstones.
    const WORKED: &str = r#"{
      "item": {
        "changed": {
          "trekker": "2026-11-25T11:05:00Z Bram",
          "dates": "2026-11-27T16:40:00Z Anna",
          "labels": { "wijkteam": "2026-11-25T11:05:00Z Bram", "x": "removed 2026-11-25T11:05:00Z Bram" }
        },
        "conflicts": [{
          "field": "dates",
          "value": { "start": "2027-03-17", "end": "2027-03-17" },
          "stamp": "2026-11-26T10:00:00Z Bram",
          "against": "2026-11-27T16:40:00Z Anna"
        }],
        "comments": [
          { "id": "8c1f5a2e-3b7d-4e19-a0c4-5d6e7f809a1b", "at": "2027-03-03T09:12:00Z", "by": "Anna", "text": "X." },
          { "id": "f0714c3d-8e2a-4b6f-9d1c-7a5b3e2f1d0c", "at": "2027-03-05T08:00:00Z", "by": "Anna", "text": "", "deleted": "2027-03-05T08:02:00Z" }
        ],
        "history": {
          "changes": [
            ["2027-03-04T14:40:00Z Bram", "dates", "2027-03-10", "2027-03-17"],
            ["2027-03-01T09:00:00Z Anna", "notes"]
          ],
          "older": { "from": "2026-11-02T09:00:00Z", "to": "2027-01-10T12:00:00Z", "by": ["Anna", "Bram"] }
        }
      },
      "line": { "status": "2027-01-15T08:00:05Z Anna" },
      "tombstones": [{ "id": "2e4a9b6c-1d3f-4a85-b7e2-0c9d8e7f6a5b", "deleted": "2027-03-05T08:02:00Z" }]
    }"#;

    fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        let children: Vec<(String, &Value)> = match v {
            Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            _ => vec![],
        };
        for (k, child) in children {
            path.push(k);
            leaves(child, path, out);
            path.pop();
        }
    }

    fn at<'v>(v: &'v mut Value, path: &[String]) -> &'v mut Value {
        path.iter().fold(v, |v, k| match v {
            Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
            v => &mut v[k.as_str()],
        })
    }

    /// How an import named a failing field while tracking the path.
    fn tracked(file: &Value) -> Option<ImportError> {
        use serde_path_to_error::Segment as S;
        let e = serde_path_to_error::deserialize::<_, FileIn>(file).err()?;
        let segments: Vec<&S> = e.path().iter().collect();
        let item = match segments.as_slice() {
            [S::Map { key: b }, S::Map { key: i }, S::Seq { index }, ..]
                if b == "board" && i == "items" =>
            {
                let title = file["board"]["items"][*index]["title"].as_str();
                Some((*index + 1, title.unwrap_or_default().to_string()))
            }
            _ => None,
        };
        let skip = if item.is_some() { 3 } else { 0 };
        let field: String = segments[skip.min(segments.len())..]
            .iter()
            .map(|s| match s {
                S::Seq { index } => format!("[{index}]"),
                S::Map { key } => format!(".{key}"),
                S::Enum { variant } => format!(".{variant}"),
                S::Unknown => ".?".to_string(),
            })
            .collect();
        let field = field.trim_start_matches('.');
        Some(ImportError::Field {
            item,
            field: if field.is_empty() {
                "?".into()
            } else {
                field.into()
            },
            detail: e.inner().to_string(),
        })
    }
}
