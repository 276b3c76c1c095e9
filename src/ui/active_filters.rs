use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::use_state;
use crate::model::filter::Filter;
use crate::strings as s;

/// Clears one criterion of a filter (behind a chip).
type ClearOne = fn(&mut Filter);

/// The filter in force, in normal and presentation mode alike: how many
/// cards it shows of how many ("2 van 16 kaarten"), one chip per criterion
/// that says what it filters ("Trekker: OE") and clears it, and "Filter
/// wissen" for all at once. The count adds up the cells' counts (`views`),
/// so it follows every keystroke without going over the board.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let state = use_state();
    let filter = state.nav.filter;
    let filtering = move || state.filtering();
    let count = move || {
        let c = state.counted_board();
        s::matches(c.shown, c.total)
    };
    let chips = move || {
        let f = filter.get();
        let mut chips: Vec<(String, ClearOne)> = Vec::new();
        if !f.text.trim().is_empty() {
            chips.push((s::chip(s::SEARCH_TERM, f.text.trim()), |f| f.text.clear()));
        }
        if let Some(t) = &f.trekker {
            chips.push((s::chip(s::TREKKER, t), |f| f.trekker = None));
        }
        if let Some(t) = &f.team {
            chips.push((s::chip(s::TEAM, t), |f| f.team = None));
        }
        if let Some(t) = &f.tag {
            chips.push((s::chip(s::LABEL, t), |f| f.tag = None));
        }
        if let Some(sc) = f.scope {
            chips.push((s::chip(s::SCOPE, s::scope(sc)), |f| f.scope = None));
        }
        if f.with_comments {
            chips.push((s::FILTER_WITH_COMMENTS.to_string(), |f| f.with_comments = false));
        }
        if let Some(day) = f.changed_since {
            chips.push((s::changed_since_chip(day), |f| f.changed_since = None));
        }
        chips
            .into_iter()
            .map(|(text, clear)| {
                view! {
                    <li>
                        <button type="button" class="chip" aria-label=s::clear_filter(&text)
                            on:click=move |_| {
                                state.nav.set_filter(clear);
                                refocus();
                            }>
                            {text.clone()}<span class="chip-x" aria-hidden="true">"×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="active-filters" class:filtering=filtering>
            <span class="match-count">{count}</span>
            <Show when=filtering>
                <ul class="chips" aria-label=s::ACTIVE_FILTERS>{chips}</ul>
                <button
                    type="button"
                    class="button secondary small clear-filters"
                    on:click=move |_| {
                        state.nav.set_filter(|f| *f = Filter::default());
                        refocus();
                    }
                >
                    {s::CLEAR_FILTERS}
                </button>
            </Show>
        </div>
    }
}

/// The button pressed is gone with its filter: the focus goes to the next
/// chip, else the search field (when shown), else the board.
fn refocus() {
    request_animation_frame(|| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for selector in [".active-filters .chip", "#zoeken", "#bord"] {
            let Some(el) = doc
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            let _ = el.focus();
            // A hidden element takes no focus: try the next.
            if doc.active_element().is_some_and(|a| a == *el) {
                return;
            }
        }
    });
}
