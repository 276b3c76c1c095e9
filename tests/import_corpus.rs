//! The import corpus: every file under `tests/files/bad/` is refused with
//! the error its name announces (`<kind>--<what>.json`), every file under
//! `tests/files/ok/` is read; and the parser never panics on any bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use planbord::exchange::{export, import, ImportError, MAX_BYTES};
use planbord::model::limits::{Field, OverLimit};
use proptest::prelude::*;

fn kind(e: &ImportError) -> &'static str {
    match e {
        ImportError::Empty => "empty",
        ImportError::TooLarge { .. } => "too-large",
        ImportError::NotUtf8 => "not-utf8",
        ImportError::NotJson { .. } => "not-json",
        ImportError::TooDeep => "too-deep",
        ImportError::NotPlanbord => "not-planbord",
        ImportError::BadVersion => "bad-version",
        ImportError::Newer { .. } => "newer",
        ImportError::Field { .. } => "field",
        ImportError::Invalid(_) => "invalid",
        ImportError::OverLimit(_) => "over-limit",
    }
}

fn files(dir: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// A card's position and title, a field and serde's message.
fn field(item: Option<(usize, &str)>, field: &str, detail: &str) -> ImportError {
    ImportError::Field {
        item: item.map(|(n, title)| (n, title.to_string())),
        field: field.into(),
        detail: detail.into(),
    }
}

/// Each bad file and the exact error its name (`<kind>--<reason>`) stands
/// for: the variant, and the card, field, position or detail the user is
/// told. A new file needs an entry here.
fn corpus() -> Vec<(&'static str, ImportError)> {
    use planbord::model::Invalid;
    use ImportError::*;
    let card1 = "Team in 4 clusters, elk gekoppeld aan 2 wijken";
    let card2 = "Leiderschapstraject OE en teamleiding";
    let card3 = "Veiligheidsscan per cluster";
    vec![
        ("bad-version--fraction", BadVersion),
        ("bad-version--missing", BadVersion),
        ("bad-version--string", BadVersion),
        ("bad-version--zero", BadVersion),
        ("empty--whitespace", Empty),
        ("empty--zero-bytes", Empty),
        (
            "field--bad-uuid",
            field(
                Some((3, card3)),
                "id",
                "UUID parsing failed: invalid length: found 3",
            ),
        ),
        (
            "field--dutch-date",
            field(Some((2, card2)), "end", "trailing input"),
        ),
        (
            "field--invalid-date",
            field(Some((2, card2)), "start", "input is out of range"),
        ),
        (
            "field--items-object",
            field(
                None,
                "board.items",
                "invalid type: map, expected a sequence",
            ),
        ),
        (
            "field--line-text",
            field(
                Some((1, card1)),
                "line",
                "invalid type: string \"drie\", expected u8",
            ),
        ),
        (
            "field--missing-board",
            field(None, "?", "missing field `board`"),
        ),
        (
            "field--scope-unknown",
            field(
                Some((3, card3)),
                "scope",
                "unknown variant `geheim`, expected `intern` or `extern`",
            ),
        ),
        (
            "field--tags-not-list",
            field(
                Some((2, card2)),
                "tags",
                "invalid type: string \"leiderschap\", expected a sequence",
            ),
        ),
        (
            "field--timestamp-garbage",
            field(None, "board.updated", "input contains invalid characters"),
        ),
        (
            // A title that is not text: the card is named by position only.
            "field--title-number",
            field(
                Some((2, "")),
                "title",
                "invalid type: integer `5`, expected a string",
            ),
        ),
        (
            "invalid--duplicate-comment",
            Invalid(Invalid::DuplicateComment(
                "Jaarkalender activiteiten gemaakt".into(),
            )),
        ),
        (
            "invalid--duplicate-ids",
            Invalid(Invalid::DuplicateItem(card2.into())),
        ),
        (
            "invalid--end-before-start",
            Invalid(Invalid::EndBeforeStart(card2.into())),
        ),
        ("invalid--four-lines", Invalid(Invalid::Lines)),
        (
            "invalid--line-six",
            Invalid(Invalid::UnknownLine(card2.into())),
        ),
        ("invalid--no-columns", Invalid(Invalid::NoColumns)),
        (
            "invalid--time-out-of-range",
            Invalid(Invalid::BadTime("Jaarkalender activiteiten gemaakt".into())),
        ),
        (
            "invalid--unknown-column",
            Invalid(Invalid::UnknownColumn(card2.into())),
        ),
        ("newer--version-99", Newer { version: 99 }),
        ("not-json--html-page", NotJson { line: 1, column: 1 }),
        (
            "not-json--nan",
            NotJson {
                line: 53,
                column: 17,
            },
        ),
        (
            "not-json--trailing-comma",
            NotJson {
                line: 1,
                column: 37,
            },
        ),
        (
            "not-json--truncated",
            NotJson {
                line: 66,
                column: 27,
            },
        ),
        ("not-planbord--array", NotPlanbord),
        ("not-planbord--excalidraw", NotPlanbord),
        ("not-planbord--wrong-format", NotPlanbord),
        ("not-utf8--latin1", NotUtf8),
        ("too-deep--nested-arrays", TooDeep),
    ]
}

#[test]
fn every_bad_file_is_refused_for_the_reason_in_its_name() {
    let bad = files("tests/files/bad");
    let table = corpus();
    let names: Vec<&str> = bad
        .iter()
        .map(|(name, _)| name.strip_suffix(".json").expect("a .json file"))
        .collect();
    let listed: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, listed, "every bad file, and only those, in corpus()");
    for ((name, bytes), (stem, expected)) in bad.iter().zip(table) {
        let (kind_in_name, reason) = stem.split_once("--").expect("<kind>--<reason>");
        assert!(!reason.is_empty(), "{name}: no reason");
        assert_eq!(
            kind(&expected),
            kind_in_name,
            "{name}: the table contradicts the name"
        );
        match import(bytes) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => assert_eq!(e, expected, "{name}"),
        }
    }
}

/// Words of the parsers' English that must never reach the sentence a
/// user reads (they go under "Technische details").
const ENGLISH: [&str; 16] = [
    "invalid",
    "expected",
    "found",
    "while",
    "parsing",
    "missing",
    "unknown",
    "failed",
    "length",
    "variant",
    "character",
    "error",
    "trailing",
    "input",
    "range",
    "UUID",
];

fn english_in(text: &str) -> Vec<&'static str> {
    ENGLISH
        .iter()
        .copied()
        .filter(|w| text.to_lowercase().contains(&w.to_lowercase()))
        .collect()
}

#[test]
fn every_refusal_is_told_in_dutch_with_the_parser_text_apart() {
    let mut with_details = 0;
    for (name, bytes) in files("tests/files/bad") {
        let e = import(&bytes).expect_err(&name);
        let text = planbord::strings::import_error(&e);
        assert_eq!(english_in(&text), Vec::<&str>::new(), "{name}: {text}");
        if let Some(details) = planbord::strings::import_error_details(&e) {
            assert!(!details.is_empty(), "{name}");
            with_details += 1;
        }
    }
    // The parser's own words are kept for whoever helps the user.
    assert!(with_details >= 5, "{with_details}");
}

#[test]
fn damaged_storage_is_told_in_dutch_with_the_parser_text_apart() {
    use planbord::storage::{decode_str, Problem};
    for raw in [
        "{\"schema\":2,\u{1}",
        "{\"schema\": 2, \"board\": {\"id\": \"kort\"}}",
    ] {
        let p = decode_str(raw).expect_err(raw);
        let text = planbord::strings::unreadable_kept(&p, "planbord.backup.x");
        assert_eq!(english_in(&text), Vec::<&str>::new(), "{text}");
        if let Problem::NotJson(detail) = &p {
            assert_eq!(
                planbord::strings::problem_details(&p).as_ref(),
                Some(detail)
            );
        }
    }
}

#[test]
fn every_good_file_is_read_and_round_trips() {
    let good = files("tests/files/ok");
    assert!(!good.is_empty());
    for (name, bytes) in good {
        let first = import(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let again = import(export(&first.board, first.exported.unwrap()).as_bytes()).unwrap();
        assert_eq!(again.board, first.board, "{name}");
        // Files older than version 2 had one time per card: every field of
        // a card gets it (a card never changed keeps its creation time).
        if first.version < 2 {
            for i in &first.board.items {
                for f in planbord::model::CardField::ALL {
                    assert_eq!(i.stamp(f).at, i.updated, "{name}: {f:?} of {}", i.title);
                }
            }
        }
    }
}

#[test]
fn a_version_1_file_keeps_its_content() {
    // The fixture for migrations: when the format changes, this file must
    // still load, migrated, with the same cards.
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/ok/v1-gaasperdam.planbord.json"),
    )
    .unwrap();
    let file = import(&bytes).unwrap();
    assert_eq!(file.version, 1);
    assert_eq!(file.board.title, "Teamplan Gaasperdam");
    let titles: Vec<_> = file.board.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Team in 4 clusters, elk gekoppeld aan 2 wijken",
            "Leiderschapstraject OE en teamleiding",
            "Veiligheidsscan per cluster"
        ]
    );
    assert_eq!(file.board.tombstones.len(), 1);
}

#[test]
fn a_version_2_file_keeps_its_content_and_goes_out_as_the_current_version() {
    // The previous release's format (cards with stamps, lines without a
    // status): it loads with every card and stamp, and is written anew.
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/ok/v2-gaasperdam.planbord.json"),
    )
    .unwrap();
    let file = import(&bytes).unwrap();
    assert_eq!(file.version, 2);
    assert_eq!(file.board.items.len(), 5);
    assert_eq!(file.board.tombstones.len(), 1);
    assert!(file.board.lines.iter().all(|l| l.status.is_none()));
    let out = export(&file.board, file.exported.unwrap());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], planbord::exchange::VERSION);
    assert_eq!(planbord::exchange::VERSION, 4);
    let before: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        v["board"], before["board"],
        "nothing to migrate in the board"
    );
}

#[test]
fn huge_strings_are_refused_for_their_bound_and_long_ones_read() {
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/ok/v1-gaasperdam.planbord.json"),
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let max = Field::Notes.max_chars();
    v["board"]["items"][0]["notes"] = "é".repeat(max).into();
    assert!(import(v.to_string().as_bytes()).is_ok());
    v["board"]["items"][0]["notes"] = "x".repeat(2_000_000).into();
    assert!(matches!(
        import(v.to_string().as_bytes()),
        Err(ImportError::OverLimit(OverLimit::Text {
            field: Field::Notes,
            chars: 2_000_000,
            ..
        }))
    ));
    let too_big = vec![b' '; MAX_BYTES + 1];
    assert!(matches!(
        import(&too_big),
        Err(ImportError::TooLarge { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes);
    }

    #[test]
    fn damaged_good_files_never_panic(
        cut in 0usize..2000,
        flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8),
    ) {
        let mut bytes = fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/files/ok/v1-gaasperdam.planbord.json"),
        ).unwrap();
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        bytes.truncate(bytes.len().saturating_sub(cut));
        let _ = import(&bytes);
    }
}
