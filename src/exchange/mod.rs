//! Board files: the JSON format people mail to each other. Export writes
//! the current version; import reads any version up to it, migrating older
//! ones (see `migrate`), and refuses bad input with a precise reason and no
//! partial result. Unknown fields are kept (forward compatible).

pub mod csv;
pub mod ics;
mod import;
mod json_path;
pub mod migrate;
mod pretty;
pub mod report;

pub use import::{import, ImportError, Imported, MAX_BYTES};
pub use migrate::VERSION;

use serde::Serialize;

use crate::model::{Board, Timestamp};

/// The `format` marker at the top of every board file.
pub const FORMAT: &str = "planbord";

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    exported: Timestamp,
    app: String,
    board: &'a Board,
}

/// The whole board as a pretty-printed UTF-8 JSON board file (a comment
/// or a history change one line each, see `pretty.rs`).
pub fn export(board: &Board, now: Timestamp) -> String {
    pretty::to_string(&FileOut {
        format: FORMAT,
        version: VERSION,
        exported: now,
        app: format!("Planbord {}", env!("CARGO_PKG_VERSION")),
        board,
    })
    // Not `expect`: that would build the error's Debug code into the wasm.
    .unwrap_or_else(|_| unreachable!("a board always serialises"))
}

/// How much of the title goes into a file name (characters).
pub const MAX_NAME_CHARS: usize = 60;

/// File name for an export: the board's title as a slug, and the date,
/// e.g. `teamplan-nieuw-west-zuid-2026-11-28.planbord.json`.
pub fn file_name(board: &Board, date: chrono::NaiveDate) -> String {
    format!(
        "{}-{}.planbord.json",
        slug(&board.title),
        crate::model::dates::iso(date)
    )
}

/// A text as the start of a file name: lower case, letters and digits,
/// single dashes between words, at most [`MAX_NAME_CHARS`] characters
/// (mail and file systems cope); "planbord" when nothing is left.
pub(crate) fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.chars().take(MAX_NAME_CHARS).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "planbord".to_string()
    } else {
        slug.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::{NaiveDate, TimeZone, Utc};

    pub(crate) fn board() -> Board {
        crate::model::testutil::nieuw_west_zuid()
    }

    #[test]
    fn file_name_is_slug_and_date() {
        let mut b = board();
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(
            file_name(&b, d),
            "teamplan-nieuw-west-zuid-2026-11-28.planbord.json"
        );
        b.title = "  Behoud & werving: één/twee?  ".into();
        assert_eq!(
            file_name(&b, d),
            "behoud-werving-één-twee-2026-11-28.planbord.json"
        );
        b.title = "***".into();
        assert_eq!(file_name(&b, d), "planbord-2026-11-28.planbord.json");
        b.title = "é".repeat(400);
        let name = file_name(&b, d);
        assert_eq!(name, format!("{}-2026-11-28.planbord.json", "é".repeat(60)));
        b.title = format!("{}-{}", "a".repeat(59), "b".repeat(10));
        assert_eq!(
            file_name(&b, d),
            format!("{}-2026-11-28.planbord.json", "a".repeat(59))
        );
    }

    #[test]
    fn export_is_pretty_versioned_json() {
        let text = export(&board(), Utc.timestamp_opt(1_800_000_000, 0).unwrap());
        assert!(text.starts_with("{\n  \"format\": \"planbord\",\n  \"version\": 4,"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["board"]["items"].as_array().unwrap().len(), 11);
        assert!(v["board"]["items"][0]["updated"].is_string());
        assert!(v["board"]["tombstones"].is_array());
    }
}
