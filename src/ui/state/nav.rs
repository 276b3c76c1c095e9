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
}

impl Nav {
    /// The page, view and filter of the URL the page was opened at.
    pub(super) fn new(route: Route) -> Nav {
        let hash = current_hash().unwrap_or_default();
        Nav {
            route: RwSignal::new(route),
            view: RwSignal::new(View::parse(&hash)),
            filter: RwSignal::new(filter_from_hash(&hash)),
            calendar_year: RwSignal::new(None),
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
        replace_hash(&self.url());
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

/// Sets the URL hash without a new history entry.
pub fn replace_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if current_hash().as_deref() != Some(hash) {
            let _ = w.location().replace(hash);
        }
    }
}

/// Goes to a page: a new history entry, so back and forward work.
pub fn navigate(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.hash());
    }
}
