use leptos::prelude::*;
use uuid::Uuid;

use super::state::use_state;
use crate::strings as s;

/// One card: a summary that opens the editor, a "Verplaats naar…" button,
/// draggable with the mouse and movable with the keyboard. Its events are
/// handled once for the whole board (`card_events`), not per card.
#[component]
pub fn Card(id: Uuid) -> impl IntoView {
    let state = use_state();
    let Some(item) = state.card(id) else {
        return ().into_any();
    };
    // What the card shows: a move or a rank change (line, column, rank)
    // does not re-render it.
    let face = Memo::new(move |_| {
        item.with(|i| Face {
            title: i.title.clone(),
            trekker: i.trekker.clone(),
            start: i.start,
            end: i.end,
            scope: i.scope,
            tags: i.tags.clone(),
            conflicts: i.conflicts.len(),
        })
    });
    // An effect for the card's classes, one for its face and one for the
    // move button's label: each depends only on this card's own signals, so
    // a change elsewhere on the board (or a drag, or the filter) runs no
    // code in other cards. The two buttons themselves stay, so keyboard
    // focus stays on them whatever changes (undo, another tab).
    let class = move || {
        let mut class = String::from("card");
        if state.drag.is_dragged(id) {
            class.push_str(" dragging");
        }
        if !state.views.shown(id) {
            class.push_str(" filtered-out");
        }
        if state.drag.is_drop_before(id) {
            class.push_str(" drop-before");
        }
        if face.with(|f| f.scope == Some(crate::model::Scope::Extern)) {
            class.push_str(" extern");
        }
        class
    };
    let title = move |f: &Face| {
        if f.title.trim().is_empty() {
            s::UNTITLED.to_string()
        } else {
            f.title.clone()
        }
    };
    let content = move || {
        face.with(|f| {
            let trekker = (!f.trekker.is_empty())
                .then(|| view! { <span class="trekker">{f.trekker.clone()}</span> });
            let dates = s::date_range(f.start, f.end);
            // Each date kept whole (a line may break at the dash between
            // two dates, never at a date's own hyphens).
            let dates = (!dates.is_empty()).then(|| {
                let parts = dates
                    .split(" – ")
                    .enumerate()
                    .map(|(i, d)| view! { {(i > 0).then_some(" – ")}<span class="date">{d.to_string()}</span> })
                    .collect_view();
                view! { <span class="dates">{parts}</span> }
            });
            let scope = f
                .scope
                .map(|sc| view! { <span class="scope">{s::scope(sc)}</span> });
            let tags = (!f.tags.is_empty()).then(|| {
                view! {
                    <span class="tags">
                        {f.tags
                            .iter()
                            // Bounded, whatever a board holds.
                            .take(crate::model::limits::MAX_LABELS)
                            .map(|t| view! { <span class="tag">{t.clone()}</span> })
                            .collect_view()}
                    </span>
                }
            });
            // Marked until someone decides (in the editor or the summary).
            let conflict = (f.conflicts > 0).then(|| {
                view! { <span class="card-conflict">{s::OPEN_CONFLICT}</span> }
            });
            view! {
                {conflict}
                <span class="card-title">{title(f)}</span>
                <span class="card-meta">{trekker}{dates}{scope}</span>
                {tags}
            }
        })
    };
    let move_label = move || face.with(|f| s::move_card(&title(f)));

    view! {
        <li class=class data-id=id.to_string() draggable="true">
            <div class="card-open" role="button" tabindex="0">
                {content}
            </div>
            <button type="button" class="card-move" title=s::MOVE_TO aria-label=move_label>
                <span aria-hidden="true">"⇄"</span>
            </button>
        </li>
    }
    .into_any()
}

/// The fields of an item that its card shows.
#[derive(Clone, PartialEq)]
struct Face {
    title: String,
    trekker: String,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    scope: Option<crate::model::Scope>,
    tags: Vec<String>,
    /// Open merge conflicts.
    conflicts: usize,
}
