use chrono::Datelike;
use leptos::prelude::*;

use super::state::{now, use_state};
use super::timeline::{Entry, Timeline};
use super::unplanned_list::UnplannedList;
use crate::model::calendar;
use crate::strings as s;

/// The jaarkalender: the year as a timeline (one bar per dated activity,
/// in its line; editable), the year buttons, and the undated cards apart.
#[component]
pub fn CalendarView() -> impl IntoView {
    let state = use_state();
    let year = Signal::derive(move || {
        state.nav.calendar_year.get().unwrap_or_else(|| {
            state
                .doc
                .with_board(|board| {
                    board
                        .year
                        .or_else(|| calendar::years(board).first().copied())
                })
                .unwrap_or_else(|| now().year())
        })
    });
    let shift_year = move |d: i32| state.nav.calendar_year.set(Some(year.get_untracked() + d));
    let entries = Signal::derive(move || {
        state.doc.revision.track();
        state.views.generation.track();
        let y = year.get();
        state.doc.with_board(|board| {
            calendar::timeline(&board.items, y)
                .into_iter()
                .filter_map(|bar| {
                    let item = board.item(bar.id)?;
                    Some(Entry {
                        title: item.title.clone(),
                        dates: s::date_range(item.start, item.end),
                        team: None,
                        bar,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let lines = Signal::derive(move || {
        state
            .doc
            .meta
            .with(|m| m.lines.iter().map(|l| (l.number, l.name.clone())).collect::<Vec<_>>())
    });
    let open = Callback::new(move |id| state.panels.editing.set(Some(id)));
    view! {
        <section class="calendar" aria-labelledby="kalender-kop">
            <div class="calendar-head">
                <button type="button" class="button secondary" on:click=move |_| shift_year(-1)>
                    <span aria-hidden="true">"◀ "</span>{s::PREVIOUS_YEAR}
                </button>
                <h2 id="kalender-kop">{move || format!("{} {}", s::VIEW_CALENDAR, year.get())}</h2>
                <button type="button" class="button secondary" on:click=move |_| shift_year(1)>
                    {s::NEXT_YEAR}<span aria-hidden="true">" ▶"</span>
                </button>
                <p class="calendar-hint">{s::CALENDAR_HINT}</p>
            </div>
            <Timeline year lines entries editable=true on_open=open />
            <UnplannedList year />
        </section>
    }
}
