//! localStorage access (through gloo-storage). Never writes over data it
//! could not read: that is kept aside first, or nothing is written at all.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use super::{backup_key, decode, encode, Loaded, Problem, BOARD_KEY};
use crate::model::{Board, Timestamp};

/// Whether the browser lets this page use localStorage at all (locked-down
/// browsers may not). `LocalStorage::raw()` panics without it, so every
/// call below checks this first.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// What loading found, after dealing with unreadable data.
pub enum Startup {
    Empty,
    Board(Board),
    /// Unreadable data was copied to `key`; the main key may be written.
    KeptAside {
        problem: Problem,
        key: String,
    },
    /// Unreadable data could not be copied; the main key must not be written.
    Untouched {
        problem: Problem,
    },
    /// No localStorage in this browser.
    Unavailable,
}

pub fn load(now: Timestamp) -> Startup {
    if !available() {
        return Startup::Unavailable;
    }
    let raw = LocalStorage::raw().get_item(BOARD_KEY).ok().flatten();
    match decode(raw) {
        Loaded::Empty => Startup::Empty,
        Loaded::Board(b) => Startup::Board(b),
        Loaded::Unreadable { raw, problem } => {
            if matches!(problem, Problem::NewerSchema(_)) {
                // A newer Planbord owns this data: leave it alone entirely.
                return Startup::Untouched { problem };
            }
            let key = backup_key(now);
            match LocalStorage::raw().set_item(&key, &raw) {
                Ok(()) => Startup::KeptAside { problem, key },
                Err(_) => Startup::Untouched { problem },
            }
        }
    }
}

/// Reads a stored value as text (for downloading a backup).
pub fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Full,
    Unavailable,
    Other(String),
}

pub fn save(board: &Board, now: Timestamp) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(BOARD_KEY, &encode(board, now))
        .map_err(classify)
}

/// QuotaExceededError has different names and codes per browser
/// (Chromium/Safari: QuotaExceededError, code 22; Firefox:
/// NS_ERROR_DOM_QUOTA_REACHED, code 1014).
fn classify(err: JsValue) -> SaveError {
    let get = |k: &str| js_sys::Reflect::get(&err, &JsValue::from_str(k)).ok();
    let name = get("name").and_then(|v| v.as_string()).unwrap_or_default();
    let code = get("code").and_then(|v| v.as_f64()).unwrap_or(0.0) as i64;
    if name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || code == 22
        || code == 1014
    {
        SaveError::Full
    } else {
        let message = get("message").and_then(|v| v.as_string()).unwrap_or(name);
        SaveError::Other(message)
    }
}
