use leptos::prelude::*;
use uuid::Uuid;

use super::state::use_state;
use crate::model::calendar::Due;
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
            notes: !i.notes.trim().is_empty(),
            comments: crate::model::comments::live(&i.comments).count(),
            // Moving into or out of the done column changes it.
            due: state.dates.due(i, state.views.due_basis()),
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
            // In words and colour: late or soon (first of the details, so
            // the card is no taller for it).
            let due = f.due.map(|d| {
                let (class, text) = match d {
                    Due::Overdue => ("card-due overdue", s::OVERDUE),
                    Due::Soon => ("card-due soon", s::SOON),
                };
                view! { <span class=class>{text}</span> }
            });
            let notes = f.notes.then(|| {
                view! {
                    <span class="card-notes" title=s::HAS_NOTES>
                        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                            <path d="M3.5 1.5h6l3 3v10h-9z M5.5 7.5h5 M5.5 10h5 M5.5 12.5h3" fill="none" stroke="currentColor" stroke-width="1.4"/>
                        </svg>
                        <span class="sr-only">{s::HAS_NOTES}</span>
                    </span>
                }
            });
            let comments = (f.comments > 0).then(|| {
                let label = s::comment_count(f.comments);
                let title = label.clone();
                view! {
                    <span class="card-comments" title=title>
                        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                            <path d="M2 3h12v8H7l-3 3v-3H2z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/>
                        </svg>
                        <span aria-hidden="true">{f.comments}</span>
                        <span class="sr-only">{label}</span>
                    </span>
                }
            });
            view! {
                {conflict}
                <span class="card-title">{title(f)}</span>
                <span class="card-meta">{due}{trekker}{dates}{scope}{notes}{comments}</span>
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
    /// Whether it has notes (marked on the card).
    notes: bool,
    /// Comments not deleted (counted on the card).
    comments: usize,
    /// Late or soon (not in the done column).
    due: Option<Due>,
}
