use leptos::prelude::*;

use super::state::{use_state, Page, Route, View};
use crate::strings as s;

/// Bord · Jaarkalender · Overzicht: three views of the open board, each
/// with its own URL.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let state = use_state();
    let link = move |view: View, label: &'static str| {
        let href = move || {
            let route = state.nav.route.get();
            format!("{}{}", route.hash(), view.suffix())
        };
        view! {
            <a
                class="view-tab"
                href=href
                aria-current=move || (state.nav.view.get() == view).then_some("page")
            >
                {label}
            </a>
        }
    };
    let page = move |page: Page, label: &'static str| {
        view! {
            <a
                class="view-tab"
                href=Route::Programme(page).hash()
                aria-current=move || (state.nav.route.get() == Route::Programme(page)).then_some("page")
            >
                {label}
            </a>
        }
    };
    view! {
        <Show when=move || matches!(state.nav.route.get(), Route::Board(_))>
            <nav class="view-tabs" aria-label=s::VIEWS>
                {link(View::Board, s::VIEW_BOARD)}
                {link(View::Calendar, s::VIEW_CALENDAR)}
                {link(View::Overview, s::VIEW_OVERVIEW)}
            </nav>
        </Show>
        // The programme's pages: Teams en lijnen · Jaarplanning · Voortgangsrapportage.
        <Show when=move || matches!(state.nav.route.get(), Route::Programme(_))>
            <nav class="view-tabs" aria-label=s::PROGRAMME_VIEWS>
                {page(Page::Matrix, s::PROGRAMME_MATRIX)}
                {page(Page::Plan, s::PROGRAMME_PLAN)}
                {page(Page::Report, s::PROGRAMME_REPORT)}
            </nav>
        </Show>
    }
}
