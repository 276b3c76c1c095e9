//! localStorage as a [`Store`], through gloo-storage.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use super::{SaveError, Store};

/// Whether the browser lets this page use localStorage at all (locked-down
/// browsers may not). `LocalStorage::raw()` panics without it, so every
/// call below checks this first.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The browser's localStorage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        if !available() {
            return None;
        }
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::raw().set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) {
        if available() {
            let _ = LocalStorage::raw().remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        if !available() {
            return Vec::new();
        }
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }
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
