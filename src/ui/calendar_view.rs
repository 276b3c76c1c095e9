use chrono::Datelike;
use leptos::prelude::*;
use uuid::Uuid;

use super::keys::{self, Command, Place};
use super::state::{now, use_state};
use crate::model::calendar::{self, span};
use crate::strings as s;

/// The jaarkalender: twelve months with every dated activity in its
/// month(s), coloured by line; undated ones apart. An activity moves to
/// another month by dragging or with Alt+←/→; a click opens its card.
#[component]
pub fn CalendarView() -> impl IntoView {
    let state = use_state();
    let year = move || {
        state.nav.calendar_year.get().unwrap_or_else(|| {
            state
                .doc.with_board(|board| {
                    board
                        .year
                        .or_else(|| calendar::years(board).first().copied())
                })
                .unwrap_or_else(|| now().year())
        })
    };
    let shift_year = move |d: i32| state.nav.calendar_year.set(Some(year() + d));
    let months = move || {
        state.doc.revision.track();
        state.views.generation.track();
        let y = year();
        state.doc.with_board(|board| calendar::year_calendar(board, y))
    };
    let undated = move || {
        state.doc.revision.track();
        state.views.generation.track();
        state.doc.with_board(calendar::undated)
    };
    view! {
        <section class="calendar" aria-labelledby="kalender-kop">
            <div class="calendar-head">
                <button type="button" class="button secondary" on:click=move |_| shift_year(-1)>
                    <span aria-hidden="true">"◀ "</span>{s::PREVIOUS_YEAR}
                </button>
                <h2 id="kalender-kop">{move || format!("{} {}", s::VIEW_CALENDAR, year())}</h2>
                <button type="button" class="button secondary" on:click=move |_| shift_year(1)>
                    {s::NEXT_YEAR}<span aria-hidden="true">" ▶"</span>
                </button>
                <p class="calendar-hint">{s::CALENDAR_HINT}</p>
            </div>
            <ol class="months">
                {move || {
                    let y = year();
                    months()
                        .into_iter()
                        .enumerate()
                        .map(|(m, ids)| view! { <Month year=y month=m as u32 + 1 ids=ids /> })
                        .collect_view()
                }}
            </ol>
            <section class="unplanned" aria-labelledby="ongepland-kop">
                <h3 id="ongepland-kop">{s::NOT_PLANNED}</h3>
                <ul class="activities">
                    {move || {
                        let y = year();
                        undated()
                            .into_iter()
                            .map(|id| view! { <Activity id=id year=y month=0 /> })
                            .collect_view()
                    }}
                </ul>
            </section>
        </section>
    }
}

#[component]
fn Month(year: i32, month: u32, ids: Vec<Uuid>) -> impl IntoView {
    let state = use_state();
    let over = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(id) = state.drag.dragging.get_untracked() {
            state.move_to_month(id, year, month);
            state.drag.dragging.set(None);
        }
    };
    let heading = format!("maand-{month}");
    let labelled_by = heading.clone();
    view! {
        <li
            class="month"
            class:drop-target=move || over.get()
            aria-labelledby=labelled_by
            on:dragover=move |ev: leptos::ev::DragEvent| {
                if state.drag.dragging.get_untracked().is_some() {
                    ev.prevent_default();
                    over.set(true);
                }
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <h3 id=heading>{s::month_year(month, year)}</h3>
            <ul class="activities">
                {ids.into_iter().map(|id| view! { <Activity id=id year=year month=month /> }).collect_view()}
            </ul>
        </li>
    }
}

/// One activity in the calendar: a button that opens the card.
#[component]
fn Activity(id: Uuid, year: i32, month: u32) -> impl IntoView {
    let state = use_state();
    let Some(item) = state.card(id) else {
        return ().into_any();
    };
    let line = item.with_untracked(|i| i.line);
    let title = move || item.with(|i| i.title.clone());
    let dates = move || item.with(|i| s::date_range(i.start, i.end));
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let press = super::dom::press(&ev, &key);
        let Some(Command::Month(delta)) = keys::command(Place::Activity, &press, true) else {
            return;
        };
        ev.prevent_default();
        state.step_month(id, delta, year);
        let dom_id = format!("activiteit-{id}");
        request_animation_frame(move || super::dom::focus(&format!("#{dom_id}")));
    };
    // Only the first month an activity spans holds the focus target id.
    let first = item.with_untracked(|i| {
        span(i).is_none_or(|(s, _)| {
            (s.year(), s.month()) == (year, month) || (s.year() < year && month == 1)
        })
    });
    view! {
        <li class=format!("activity lane-{line}")>
            <button
                type="button"
                class="activity-open"
                id=first.then(|| format!("activiteit-{id}"))
                draggable="true"
                on:click=move |_| state.panels.editing.set(Some(id))
                on:dragstart=move |ev: leptos::ev::DragEvent| {
                    if let Some(dt) = ev.data_transfer() {
                        let _ = dt.set_data("text/plain", &title());
                        dt.set_effect_allowed("move");
                    }
                    state.drag.dragging.set(Some(id));
                }
                on:dragend=move |_| state.drag.dragging.set(None)
                on:keydown=on_keydown
            >
                <span class="activity-line">{format!("{} {line}", s::LINE)}</span>
                <span class="activity-title">{title}</span>
                <span class="activity-dates">{dates}</span>
            </button>
        </li>
    }
    .into_any()
}
