use leptos::prelude::*;
use uuid::Uuid;

use super::dom;
use super::state::{use_state, Grip};
use super::timeline_events as events;
use crate::strings as s;

/// A card without a date: opens it; dated by dragging it onto a month of
/// the timeline (mouse or touch; it follows the pointer) or with Alt+←/→
/// (January of the year shown, then on).
#[component]
pub fn UnplannedItem(id: Uuid, year: Signal<i32>) -> impl IntoView {
    let state = use_state();
    let Some(item) = state.card(id) else {
        return ().into_any();
    };
    let line = item.with_untracked(|i| i.line);
    let title = move || item.with(|i| i.title.clone());
    let offset = Memo::new(move |_| {
        state.drag.bar.with(|d| {
            d.filter(|d| d.id == id && d.dragged)
                .map(|d| (d.x - d.x0, d.y - d.y0))
        })
    });
    view! {
        <li class=format!("activity lane-{line}") class:held=move || offset.with(Option::is_some)>
            <button
                type="button"
                class="activity-open"
                id=dom::undated_id(id)
                style:transform=move || {
                    offset
                        .get()
                        .map(|(x, y)| format!("translate({x}px, {y}px)"))
                        .unwrap_or_default()
                }
                on:click=move |_| {
                    if events::is_click(state) {
                        state.panels.editing.set(Some(id));
                    }
                }
                on:keydown=move |ev| events::on_keydown(state, &ev, id, year.get_untracked())
                on:pointerdown=move |ev| events::on_pointerdown(state, &ev, id, Grip::Undated)
                on:pointermove=move |ev| events::on_pointermove(state, &ev)
                on:pointerup=move |ev| events::on_pointerup(state, &ev, year.get_untracked())
                on:pointercancel=move |_| events::on_pointercancel(state)
            >
                <span class="activity-line">{format!("{} {line}", s::LINE)}</span>
                <span class="activity-title">{title}</span>
            </button>
        </li>
    }
    .into_any()
}
