//! How much room is left in localStorage. Browsers give a site about
//! 5 Mi UTF-16 code units (keys and values together, in Chromium and
//! Firefox) and say nothing until a write fails; Planbord counts what it
//! stores and warns well before that.

use super::Store;

/// localStorage per site in Chromium and Firefox: 10 MiB of UTF-16, i.e.
/// 5 Mi code units.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// From this share of the quota (percent) the user is warned.
pub const WARN_PERCENT: usize = 80;
/// From this share the warning is urgent.
pub const URGENT_PERCENT: usize = 95;

/// Length of a stored string as the browser counts it (UTF-16 code units).
pub fn units(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// Room taken by every stored key except `except` (keys and values).
pub fn used_except(store: &impl Store, except: &str) -> usize {
    store
        .keys()
        .into_iter()
        .filter(|k| k != except)
        .map(|k| units(&k) + store.units_of(&k).unwrap_or(0))
        .sum()
}

/// How full storage is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Room {
    Plenty,
    /// At least [`WARN_PERCENT`] used (the percentage).
    Low(usize),
    /// At least [`URGENT_PERCENT`] used.
    Urgent(usize),
}

impl Room {
    /// With `others` units used by other keys and `value` stored under
    /// `key`.
    pub fn with(others: usize, key: &str, value: &str) -> Room {
        let used = others + units(key) + units(value);
        let percent = used * 100 / QUOTA_UNITS;
        if percent >= URGENT_PERCENT {
            Room::Urgent(percent)
        } else if percent >= WARN_PERCENT {
            Room::Low(percent)
        } else {
            Room::Plenty
        }
    }

    /// Whether this calls for a warning that `warned` did not give yet.
    pub fn worse_than(self, warned: Option<Room>) -> bool {
        let level = |r: Room| match r {
            Room::Plenty => 0,
            Room::Low(_) => 1,
            Room::Urgent(_) => 2,
        };
        level(self) > warned.map_or(0, level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn units_count_utf16_like_the_browser() {
        assert_eq!(units("abc"), 3);
        assert_eq!(units("één"), 3);
        assert_eq!(units("𝄞"), 2); // outside the BMP: a surrogate pair
    }

    #[test]
    fn used_except_counts_keys_and_values_of_the_others() {
        let mut store = MemoryStore::default();
        store.set("a", "12345").unwrap();
        store.set("bb", "xyz").unwrap();
        assert_eq!(used_except(&store, "a"), 2 + 3);
        assert_eq!(used_except(&store, "none"), 1 + 5 + 2 + 3);
    }

    #[test]
    fn room_warns_from_80_and_urgently_from_95_percent() {
        let q = QUOTA_UNITS;
        assert_eq!(Room::with(0, "k", "v"), Room::Plenty);
        assert_eq!(Room::with(q * 79 / 100, "", ""), Room::Plenty);
        assert_eq!(Room::with(q * 80 / 100 + 1, "", ""), Room::Low(80));
        let value = "x".repeat(q / 10);
        assert_eq!(Room::with(q * 80 / 100, "", &value), Room::Low(90));
        assert_eq!(Room::with(q * 96 / 100 + 100, "", ""), Room::Urgent(96));
        assert_eq!(Room::with(q * 2, "", ""), Room::Urgent(200));
    }

    #[test]
    fn a_warning_is_given_once_per_level() {
        assert!(!Room::Plenty.worse_than(None));
        assert!(Room::Low(81).worse_than(None));
        assert!(!Room::Low(85).worse_than(Some(Room::Low(81))));
        assert!(Room::Urgent(96).worse_than(Some(Room::Low(81))));
        assert!(!Room::Low(90).worse_than(Some(Room::Urgent(96))));
    }
}
