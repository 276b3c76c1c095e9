//! Helpers shared by the tests: fixed times and ids, and sample boards with
//! predictable ids.

use chrono::{TimeZone, Utc};
use uuid::Uuid;

use super::{sample, Board, Timestamp};

/// A fixed moment plus `s` seconds.
pub fn t(s: i64) -> Timestamp {
    Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap()
}

pub fn uid(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// Ids 1, 2, 3, ...
pub fn counter() -> impl FnMut() -> Uuid {
    let mut n = 0u128;
    move || {
        n += 1;
        Uuid::from_u128(n)
    }
}

/// The Nieuw West Zuid sample with ids 1, 2, 3, ... at `t(0)`, dated in
/// 2023, the year of `t(0)` (November: its open activities are late).
pub fn nieuw_west_zuid() -> Board {
    sample::in_year(false, counter(), 2023, t(0))
}

/// A board with every "last changed" time blanked, in canonical order: for
/// comparing content when undo/redo restamp what they put back.
pub fn content(b: &Board) -> Board {
    let mut b = super::canonical(b);
    b.updated = t(0);
    b.settings_updated = t(0);
    for i in &mut b.items {
        i.updated = t(0);
        // Stamps say when, not what: undo stamps what it puts back.
        i.changed = Default::default();
        // The log records undo and redo as changes of their own.
        i.history = Default::default();
        i.tags.sort();
    }
    // An undone add leaves a tombstone (so a merge does not bring the card
    // back); what the board holds is compared by its items.
    b.tombstones.clear();
    for l in &mut b.lines {
        l.updated = t(0);
        l.changed = Default::default();
    }
    for c in &mut b.columns {
        c.updated = t(0);
    }
    b
}

/// An empty board with the standard columns (ids 900..=903).
pub fn board() -> Board {
    Board::new_empty(
        uid(1),
        [uid(900), uid(901), uid(902), uid(903)],
        "Bord",
        t(0),
    )
}

/// A change made at `t(s)` by `name`.
pub fn stamp(s: i64, name: &str) -> super::Stamp {
    super::Stamp {
        at: t(s),
        by: name.into(),
    }
}
