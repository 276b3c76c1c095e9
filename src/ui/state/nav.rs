//! Where the user is: the page, the view of the board, the filter (all
//! three in the URL hash, see `ui::route`) and the calendar's year.

use leptos::prelude::*;

use crate::model::filter::Filter;
pub use crate::ui::route::{filter_from_hash, Page, Route, View};

#[derive(Clone, Copy)]
pub struct Nav {
    pub route: RwSignal<Route>,
    pub view: RwSignal<View>,
    /// Which cards are shown; kept in the URL.
    pub filter: RwSignal<Filter>,
    /// The year the calendar shows.
    pub calendar_year: RwSignal<Option<i32>>,
    /// Counts URL updates, so a late one from typing does not run after a
    /// newer one.
    url_ticket: StoredValue<u64>,
}

/// How long typing in the search field pauses before the URL follows:
/// writing the URL costs several milliseconds on a big board, too much for
/// every keystroke.
const URL_AFTER_TYPING_MS: u64 = 400;

impl Nav {
    /// The page, view and filter of the URL the page was opened at.
    pub(super) fn new(route: Route) -> Nav {
        let hash = current_hash().unwrap_or_default();
        Nav {
            route: RwSignal::new(route),
            view: RwSignal::new(View::parse(&hash)),
            filter: RwSignal::new(filter_from_hash(&hash)),
            calendar_year: RwSignal::new(None),
            url_ticket: StoredValue::new(0),
        }
    }

    /// The URL hash for what is shown now: page, view and filter.
    pub fn url(&self) -> String {
        self.filter.with_untracked(|f| {
            crate::ui::route::url(self.route.get_untracked(), self.view.get_untracked(), f)
        })
    }

    /// Changes the filter, and the URL with it (no new history entry).
    pub fn set_filter(&self, f: impl FnOnce(&mut Filter)) {
        self.filter.update(f);
        self.next_url_ticket();
        replace_hash(&self.url());
    }

    /// As [`set_filter`](Self::set_filter), for typing: the URL follows
    /// once the typing pauses.
    pub fn set_filter_typing(&self, f: impl FnOnce(&mut Filter)) {
        self.filter.update(f);
        let ticket = self.next_url_ticket();
        let nav = *self;
        set_timeout(
            move || {
                if nav.url_ticket.try_get_value() == Some(ticket) {
                    replace_hash(&nav.url());
                }
            },
            std::time::Duration::from_millis(URL_AFTER_TYPING_MS),
        );
    }

    fn next_url_ticket(&self) -> u64 {
        self.url_ticket.update_value(|t| *t += 1);
        self.url_ticket.get_value()
    }

    /// Takes the URL's view and filter (the page is the caller's).
    pub(super) fn follow_view(&self, view: View, filter: Filter) {
        if self.filter.with_untracked(|f| *f != filter) {
            self.filter.set(filter);
        }
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
    }
}

pub fn current_hash() -> Option<String> {
    web_sys::window().and_then(|w| w.location().hash().ok())
}

/// Sets the URL hash without a new history entry. Through the History
/// API, not `location.replace`: that is a navigation to a fragment, which
/// lays the whole page out to look for it (30 ms a keystroke in the search
/// field at 10,000 cards) and fires a `hashchange` for a state the app is
/// already in.
pub fn replace_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if current_hash().as_deref() != Some(hash) {
            let replaced = w.history().and_then(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
            });
            if replaced.is_err() {
                let _ = w.location().replace(hash);
            }
        }
    }
}

/// Goes to a page: a new history entry, so back and forward work.
pub fn navigate(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.hash());
    }
}
