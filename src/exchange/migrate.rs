//! Numbered migrations of the board file format. `MIGRATIONS[n - 1]` turns
//! a version-n file into version n + 1, so the current version is one more
//! than the number of migrations. Version 1 is the first format: there are
//! no migrations yet. A format change adds a function here and a test that
//! loads a file of the old version (see `tests/files/`).

use serde_json::Value;

type Migration = fn(Value) -> Value;

const MIGRATIONS: &[Migration] = &[];

/// The file format version this app writes.
pub const VERSION: u64 = MIGRATIONS.len() as u64 + 1;

/// Brings a file's JSON from `from` up to [`VERSION`]. `from` must be in
/// `1..=VERSION` (the caller checks).
pub fn migrate(mut file: Value, from: u64) -> Value {
    for step in &MIGRATIONS[(from - 1) as usize..] {
        file = step(file);
    }
    if let Some(v) = file.get_mut("version") {
        *v = Value::from(VERSION);
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_version_needs_no_migration() {
        let file = serde_json::json!({"format": "planbord", "version": VERSION, "board": {}});
        assert_eq!(migrate(file.clone(), VERSION), file);
    }
}
