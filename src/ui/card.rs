use leptos::prelude::*;
use uuid::Uuid;

use super::state::use_state;
use crate::model::CellKey;
use crate::strings as s;

/// One card: a summary that opens the editor, a "Verplaats naar…" button,
/// draggable with the mouse and movable with the keyboard. Its events are
/// handled once for the whole board (`card_events`), not per card.
#[component]
pub fn Card(id: Uuid, cell: CellKey) -> impl IntoView {
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
        })
    });
    // One effect for the card's classes and one for its content: each
    // depends only on this card's own signals, so a change elsewhere on the
    // board (or a drag, or the filter) does not run every card's code.
    let class = move || {
        let mut class = String::from("card");
        if state.dragging_card.with_value(|s| s.selected(&Some(id))) {
            class.push_str(" dragging");
        }
        if !state.shown(id) {
            class.push_str(" filtered-out");
        }
        if state.drop_before_card.with_value(|s| s.selected(&Some(id)))
            && state
                .drop_target
                .with_untracked(|t| t.is_some_and(|(c, _)| c == cell))
        {
            class.push_str(" drop-before");
        }
        if face.with(|f| f.scope == Some(crate::model::Scope::Extern)) {
            class.push_str(" extern");
        }
        class
    };
    let content = move || {
        face.with(|i| {
            let title = if i.title.trim().is_empty() {
                s::UNTITLED.to_string()
            } else {
                i.title.clone()
            };
            let trekker = (!i.trekker.is_empty())
                .then(|| view! { <span class="trekker">{i.trekker.clone()}</span> });
            let dates = s::date_range(i.start, i.end);
            let dates = (!dates.is_empty()).then(|| view! { <span class="dates">{dates}</span> });
            let scope = i
                .scope
                .map(|sc| view! { <span class="scope">{s::scope(sc)}</span> });
            let tags = (!i.tags.is_empty()).then(|| {
                view! {
                    <span class="tags">
                        {i.tags
                            .iter()
                            .map(|t| view! { <span class="tag">{t.clone()}</span> })
                            .collect_view()}
                    </span>
                }
            });
            let label = s::move_card(&title);
            view! {
                <div class="card-open" role="button" tabindex="0">
                    <span class="card-title">{title}</span>
                    <span class="card-meta">{trekker}{dates}{scope}</span>
                    {tags}
                </div>
                <button
                    type="button"
                    class="card-move"
                    title=s::MOVE_TO
                    aria-label=label
                >
                    <span aria-hidden="true">"⇄"</span>
                </button>
            }
        })
    };

    view! {
        <li
            class=class
            data-id=id.to_string()
            draggable="true"
        >
            {content}
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
}
