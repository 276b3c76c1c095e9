//! localStorage as a [`Store`], through gloo-storage.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::{SaveError, Store};

/// Whether the browser lets this page use localStorage at all (locked-down
/// browsers may not). `LocalStorage::raw()` panics without it, so every
/// call below checks this first.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

#[wasm_bindgen]
extern "C" {
    /// localStorage with values left JS strings (not copied into wasm).
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

fn raw() -> RawStorage {
    wasm_bindgen::JsCast::unchecked_into(LocalStorage::raw())
}

thread_local! {
    /// The value this tab last wrote for one key (the open board's, in
    /// practice), or read back and found the same, as the JS string
    /// storage has and with its
    /// length in UTF-8: whether storage still holds it is one comparison
    /// in JS, not a read of megabytes into wasm before every save.
    static LAST: RefCell<Option<(String, usize, JsValue)>> = const { RefCell::new(None) };
    /// A value converted ahead of its `set` ([`Store::prepare`]): where
    /// its text is in wasm memory, its length, and the JS string. The
    /// caller keeps that text until the `set`, or lets this go
    /// ([`Store::unprepare`]) before the place can be another text's.
    static PREPARED: RefCell<Option<(usize, usize, JsValue)>> = const { RefCell::new(None) };
}

/// Boards only: the index and settings, written after a board, would take
/// the one place.
fn remember(key: &str, len: usize, value: JsValue) {
    if key.starts_with(super::BOARD_PREFIX) {
        LAST.with_borrow_mut(|last| *last = Some((key.to_string(), len, value)));
    }
}

/// The browser's localStorage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        if !available() {
            return None;
        }
        // Remembered for another key than the one remembered (a board
        // being opened takes what is read as written), never for that
        // one: a read-back of the open board may be another tab's text,
        // and `holds` compares with what this tab wrote.
        let js = raw().get_item_js(key).ok()?;
        let value = js.as_string()?;
        if !LAST.with_borrow(|last| last.as_ref().is_some_and(|(k, _, _)| k == key)) {
            remember(key, value.len(), js);
        }
        Some(value)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        let prepared = PREPARED
            .with_borrow_mut(Option::take)
            .filter(|(at, len, _)| *at == value.as_ptr() as usize && *len == value.len());
        let js = prepared.map_or_else(|| JsValue::from_str(value), |(_, _, js)| js);
        raw().set_item_js(key, &js).map_err(classify)?;
        remember(key, value.len(), js);
        Ok(())
    }

    fn prepare(&mut self, value: &str) {
        let js = JsValue::from_str(value);
        PREPARED.with_borrow_mut(|p| *p = Some((value.as_ptr() as usize, value.len(), js)));
    }

    fn units_of(&self, key: &str) -> Option<usize> {
        if !available() {
            return None;
        }
        let js = raw().get_item_js(key).ok()?;
        js.dyn_ref::<js_sys::JsString>()
            .map(|s| s.length() as usize)
    }

    fn unprepare(&mut self) {
        PREPARED.with_borrow_mut(|p| *p = None);
    }

    fn holds(&self, key: &str, value: &str) -> bool {
        if !available() {
            return false;
        }
        let known = LAST.with_borrow(|last| {
            last.as_ref()
                .filter(|(k, len, _)| k == key && *len == value.len())
                .map(|(_, _, js)| js.clone())
        });
        match known {
            // What storage holds is what this tab last wrote or read (and
            // that was `value`): a comparison of two JS strings.
            Some(js) => raw().get_item_js(key).is_ok_and(|stored| stored == js),
            None => {
                // Compared in JS (`value` made a JS string costs less than
                // the stored text read into wasm); the next time it is one
                // comparison.
                let Some(stored) = raw().get_item_js(key).ok() else {
                    return false;
                };
                let same = stored == JsValue::from_str(value);
                if same {
                    remember(key, value.len(), stored);
                }
                same
            }
        }
    }

    fn remove(&mut self, key: &str) {
        if available() {
            let _ = LocalStorage::raw().remove_item(key);
        }
        LAST.with_borrow_mut(|last| {
            if last.as_ref().is_some_and(|(k, _, _)| k == key) {
                *last = None;
            }
        });
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
