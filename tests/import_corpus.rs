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

#[test]
fn every_bad_file_is_refused_for_the_reason_in_its_name() {
    let bad = files("tests/files/bad");
    assert!(bad.len() >= 20, "the corpus has {} files", bad.len());
    for (name, bytes) in bad {
        let expected = name.split("--").next().unwrap();
        match import(&bytes) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => assert_eq!(kind(&e), expected, "{name}: {e:?}"),
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
