//! What the app tells the user: a notice at the bottom (with "Ongedaan
//! maken" where possible), a storage banner, the screen reader's live
//! region, and the editor's last error.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::{Board, Item};
use crate::ui::policy::{Banner, BannerChange, BannerKind};

/// What an "Ongedaan maken" button in a notice takes back.
#[derive(Clone, Debug)]
pub enum Revert {
    /// Put a deleted card back.
    Card(Box<Item>),
    /// Put this version of the open board back (after a merge or replace).
    Board(Box<Board>),
    /// Take a board out of the trash again.
    Trashed(Uuid),
    /// An imported board took the place of `old`: trash `new`, reopen `old`.
    Replaced { old: Uuid, new: Uuid },
}

/// A short notice at the bottom of the screen, optionally with undo.
#[derive(Clone, Debug)]
pub struct Notice {
    pub id: u64,
    pub text: String,
    pub revert: Option<Revert>,
}

#[derive(Clone, Copy)]
pub struct Feedback {
    pub notice: RwSignal<Option<Notice>>,
    pub banner: RwSignal<Option<Banner>>,
    /// Text for the aria-live region.
    pub announcement: RwSignal<String>,
    /// Last editor error (e.g. end date before start date).
    pub edit_error: RwSignal<Option<String>>,
    /// Ids of notices only go up, so an old timer never closes a new one.
    notice_counter: StoredValue<u64>,
}

impl Feedback {
    pub(super) fn new() -> Feedback {
        Feedback {
            notice: RwSignal::new(None),
            banner: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            edit_error: RwSignal::new(None),
            notice_counter: StoredValue::new(0),
        }
    }

    /// Says `text` to screen readers (the live region).
    pub fn announce(&self, text: String) {
        // The same words twice would not change the live region: vary it
        // invisibly so screen readers read it again.
        let text = if self.announcement.with_untracked(|a| *a == text) {
            format!("{text}\u{200B}")
        } else {
            text
        };
        self.announcement.set(text);
    }

    /// Shows a notice (replacing any), with an undo button if `revert`.
    pub fn notify(&self, text: String, revert: Option<Revert>) {
        let id = self.notice_counter.get_value() + 1;
        self.notice_counter.set_value(id);
        self.notice.set(Some(Notice { id, text, revert }));
    }

    pub fn clear_notice(&self) {
        self.notice.set(None);
    }

    /// The kind of banner shown, if any.
    pub(super) fn banner_kind(&self) -> Option<BannerKind> {
        self.banner
            .with_untracked(|b| b.as_ref().map(|b| b.kind.clone()))
    }

    pub(super) fn show_banner(&self, banner: Banner) {
        self.banner.set(Some(banner));
    }

    pub(super) fn change_banner(&self, change: BannerChange) {
        match change {
            BannerChange::Keep => {}
            BannerChange::Clear => self.banner.set(None),
            BannerChange::Show(b) => self.banner.set(Some(b)),
        }
    }

    pub(super) fn set_edit_error(&self, error: Option<String>) {
        self.edit_error.set(error);
    }
}
