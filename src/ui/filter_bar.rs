use leptos::prelude::*;

use super::active_filters::ActiveFilters;
use super::state::use_state;
use crate::model::filter::{values, Filter};
use crate::model::Scope;
use crate::strings as s;
use crate::model::dates;

/// Search and filters over the open board: text, trekker, team, label,
/// intern/extern, with comments, changed since a day; then the filter in
/// force (`ActiveFilters`). In
/// presentation mode only the filter in force shows, unless the
/// facilitator opens the fields ("Filter").
#[component]
pub fn FilterBar() -> impl IntoView {
    let state = use_state();
    let filter = state.nav.filter;
    // Derived from the whole board: recomputed once a change has settled
    // (after the frame that shows it), not on every change.
    let board_values = move |field: fn(&crate::model::Item) -> Vec<String>| {
        state.doc.settled.track();
        state.views.generation.track();
        state.doc.with_board(|b| values(b, field))
    };
    let fields_hidden =
        move || state.panels.presenting.get() && !state.panels.filters_open.get();
    // On a phone the lists sit behind "Filters", so the first card is
    // in view; the filter in force shows as chips below either way. Wider
    // screens hide the button and always show the lists (CSS).
    let lists_open = RwSignal::new(false);
    let select = move |label: &'static str,
                       all: &'static str,
                       options: Box<dyn Fn() -> Vec<String> + Send + Sync>,
                       get: fn(&Filter) -> Option<String>,
                       put: fn(&mut Filter, Option<String>)| {
        // The option list changes with the board, not with the filter:
        // `prop:value` shows the chosen one.
        let options = Memo::new(move |_| options());
        view! {
            <select
                aria-label=label
                prop:value=move || filter.with(|f| get(f).unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.nav.set_filter(|f| put(f, (!v.is_empty()).then_some(v)));
                }
            >
                <option value="">{all}</option>
                {move || {
                    let current = filter.with_untracked(|f| get(f).unwrap_or_default());
                    options
                        .get()
                        .into_iter()
                        .map(|o| view! { <option value=o.clone() selected=o == current>{o.clone()}</option> })
                        .collect_view()
                }}
            </select>
        }
    };
    view! {
        <div
            class="filter-bar"
            id="filters"
            role="search"
            aria-label=s::FILTERS
            class:fields-hidden=fields_hidden
            class:no-filter=move || fields_hidden() && !state.filtering()
        >
            <input
                id="zoeken"
                type="search"
                aria-label=s::SEARCH
                aria-keyshortcuts="/"
                placeholder=s::SEARCH_PLACEHOLDER
                prop:value=move || filter.with(|f| f.text.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state.nav.set_filter_typing(|f| f.text = v);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        state.nav.set_filter(|f| f.text.clear());
                    }
                }
            />
            <button
                type="button"
                class="button filter-lists-toggle"
                aria-controls="filterlijsten"
                aria-expanded=move || lists_open.get().to_string()
                on:click=move |_| lists_open.update(|o| *o = !*o)
            >
                {s::FILTERS}
            </button>
            <div class="filter-lists" id="filterlijsten" class:open=move || lists_open.get()>
            {select(s::FILTER_TREKKER, s::ALL_TREKKERS, Box::new(move || board_values(|i| vec![i.trekker.clone()])), |f| f.trekker.clone(), |f, v| f.trekker = v)}
            {select(s::FILTER_TEAM, s::ALL_TEAMS, Box::new(move || board_values(|i| vec![i.team.clone()])), |f| f.team.clone(), |f, v| f.team = v)}
            {select(s::FILTER_TAG, s::ALL_TAGS, Box::new(move || board_values(|i| i.tags.clone())), |f| f.tag.clone(), |f, v| f.tag = v)}
            <select
                aria-label=s::FILTER_SCOPE
                prop:value=move || filter.with(|f| match f.scope {
                    Some(Scope::Intern) => "intern",
                    Some(Scope::Extern) => "extern",
                    None => "",
                })
                on:change=move |ev| {
                    let v = match event_target_value(&ev).as_str() {
                        "intern" => Some(Scope::Intern),
                        "extern" => Some(Scope::Extern),
                        _ => None,
                    };
                    state.nav.set_filter(|f| f.scope = v);
                }
            >
                <option value="">{s::ALL_SCOPES}</option>
                <option value="intern">{s::scope(Scope::Intern)}</option>
                <option value="extern">{s::scope(Scope::Extern)}</option>
            </select>
            // A label around each: its text names the field and takes the
            // click (a bigger target on a phone).
            <label class="filter-check">
                <input
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.with_comments)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.nav.set_filter(|f| f.with_comments = on);
                    }
                />
                {s::FILTER_WITH_COMMENTS}
            </label>
            <label class="filter-date">
                {s::FILTER_CHANGED_SINCE}
                <input
                    type="date"
                    prop:value=move || filter.with(|f| {
                        f.changed_since.map(dates::iso).unwrap_or_default()
                    })
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        // Half typed (a part cleared to type it anew) also
                        // reads as "": the filter waits, else clearing it
                        // would reset the field under the user's fingers.
                        if input.validity().bad_input() {
                            return;
                        }
                        let day = dates::parse_iso(&input.value());
                        state.nav.set_filter(|f| f.changed_since = day);
                    }
                />
            </label>
            </div>
            <ActiveFilters />
        </div>
    }
}
