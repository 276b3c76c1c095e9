//! Who uses this browser: the name recorded as the author of each change,
//! and whether the person was asked for it. Kept in this browser only,
//! under one `planbord.` key (so "Wis alle gegevens" removes it too); not
//! part of any board and not in the undo history.

use leptos::prelude::*;

use super::AppState;
use crate::storage::Store;
use crate::ui::author::{clean_name, NameSetting};

/// Where the name is kept (JSON: `{"name": …, "asked": …}`).
pub const NAME_KEY: &str = "planbord.instelling.naam";

#[derive(Clone, Copy)]
pub struct Who {
    /// The cleaned name, "" for none.
    pub name: RwSignal<String>,
    /// The person answered or skipped the question: never asked again.
    pub asked: RwSignal<bool>,
    /// A change was made in this window while not asked yet.
    changed: RwSignal<bool>,
}

impl Who {
    pub(super) fn new() -> Who {
        Who {
            name: RwSignal::new(String::new()),
            asked: RwSignal::new(false),
            changed: RwSignal::new(false),
        }
    }

    /// Whether to ask for the name now: changes were made, never asked.
    pub fn asking(&self) -> bool {
        self.changed.get() && !self.asked.get()
    }

    /// A change to a board was made in this browser.
    pub(super) fn note_change(&self) {
        if !self.changed.get_untracked() && !self.asked.get_untracked() {
            self.changed.set(true);
        }
    }

    fn take(&self, setting: NameSetting) {
        self.name.set(setting.name);
        self.asked.set(setting.asked);
    }

    fn setting(&self) -> NameSetting {
        NameSetting {
            name: self.name.get_untracked(),
            asked: self.asked.get_untracked(),
        }
    }
}

impl AppState {
    /// The name of the person using this browser, cleaned ("" if none):
    /// the author of the changes made here.
    pub fn author(&self) -> String {
        self.who.name.get_untracked()
    }

    /// Keeps `raw` (cleaned) as this browser's name; the question is
    /// answered.
    pub fn set_name(&self, raw: &str) {
        self.who.take(NameSetting {
            name: clean_name(raw),
            asked: true,
        });
        self.store_name();
    }

    /// "Overslaan": no name asked again in this browser.
    pub fn skip_name(&self) {
        self.who.asked.set(true);
        self.store_name();
    }

    /// Reads the name kept in this browser (at start-up).
    pub(super) fn read_name(&self) {
        let stored = self.persist.with_store(|st| st.get(NAME_KEY));
        self.who.take(NameSetting::parse(stored.as_deref()));
    }

    /// Another tab changed storage: take its name (and answer) if it
    /// changed the name's key.
    pub fn name_stored_elsewhere(&self, key: &str, value: Option<String>) {
        if key == NAME_KEY {
            self.who.take(NameSetting::parse(value.as_deref()));
        }
    }

    fn store_name(&self) {
        let text = self.who.setting().encode();
        // Like the other settings: if storage refuses, it holds for this visit.
        let _ = self.persist.with_store(|st| st.set(NAME_KEY, &text));
    }
}
