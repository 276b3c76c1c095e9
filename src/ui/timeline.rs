use chrono::Datelike;
use leptos::prelude::*;
use uuid::Uuid;

use super::state::use_state;
pub use super::timeline_bar::Entry;
use super::timeline_bar::TimelineBar;
use crate::strings as s;

/// The last month (0..=11) each bar's title may use: up to the month
/// before the next bar in its row, or December. A bar of one short month
/// then writes its title across the empty months after it.
fn label_room(entries: &[Entry]) -> Vec<u32> {
    entries
        .iter()
        .map(|e| {
            let next = entries
                .iter()
                .filter(|o| o.bar.row == e.bar.row && o.bar.from > e.bar.to)
                .map(|o| o.bar.from - 1)
                .min();
            next.unwrap_or(11).max(e.bar.to)
        })
        .collect()
}

/// A year as a timeline: twelve months across (the current one marked),
/// the programme's lines down as bands, each activity one bar from start
/// to end in its line's sub-row (a mark for one day). Its own scroll
/// area: the line names stay on the left when it scrolls sideways.
///
/// `editable`: bars are dragged (body: whole months; handles: one end)
/// and moved by keyboard, and undated cards can be dropped on a month
/// (the board's jaarkalender). Read-only (a programme across boards),
/// bars only open.
#[component]
pub fn Timeline(
    #[prop(into)] year: Signal<i32>,
    /// The bands: line number and name.
    #[prop(into)]
    lines: Signal<Vec<(u8, String)>>,
    #[prop(into)] entries: Signal<Vec<Entry>>,
    editable: bool,
    /// A bar clicked, or Enter on it.
    #[prop(into)]
    on_open: Callback<Uuid>,
) -> impl IntoView {
    let state = use_state();
    let now_month = move || {
        let today = state.dates.today.get();
        (today.year() == year.get()).then(|| today.month0())
    };
    // The month a drag points at, for its column header.
    let aimed = Memo::new(move |_| {
        state
            .drag
            .bar
            .with(|d| d.filter(|d| d.dragged).and_then(|d| d.over))
    });
    let head = move || {
        let y = year.get();
        let now = now_month();
        (0..12u32)
            .map(|m| {
                let current = now == Some(m);
                view! {
                    <li
                        class:now=current
                        class:aim=move || aimed.get() == Some(m)
                        aria-current=current.then_some("date")
                    >
                        <span aria-hidden="true">{s::MONTHS_SHORT[m as usize]}</span>
                        <span class="sr-only">
                            {s::month_year(m + 1, y)}
                            {current.then(|| format!(", {}", s::THIS_MONTH))}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let bands = move || {
        let all = entries.get();
        let now = now_month();
        lines
            .get()
            .into_iter()
            .map(|(number, name)| {
                let mine: Vec<Entry> =
                    all.iter().filter(|e| e.bar.line == number).cloned().collect();
                let rooms = label_room(&mine);
                let rows = mine.iter().map(|e| e.bar.row + 1).max().unwrap_or(1);
                let heading = format!("tl-lijn-{number}");
                let labelled_by = heading.clone();
                let cells = (0..12u32)
                    .map(|m| {
                        view! {
                            <span
                                class="tl-cell"
                                class:now=now == Some(m)
                                style:grid-column=(m + 1).to_string()
                                aria-hidden="true"
                            ></span>
                        }
                    })
                    .collect_view();
                view! {
                    <div class=format!("tl-line lane-{number}") role="group" aria-labelledby=labelled_by>
                        <h3 class="tl-name" id=heading>
                            <span class="lane-number" aria-hidden="true">{number}</span>
                            <span class="sr-only">{format!("{} {number}: ", s::LINE)}</span>
                            <span class="tl-line-name">{name}</span>
                        </h3>
                        <div class="tl-track" style:grid-template-rows=format!("repeat({rows}, minmax(var(--tl-row), auto))")>
                            {cells}
                            {mine
                                .into_iter()
                                .zip(rooms)
                                .map(|(entry, room)| view! { <TimelineBar entry room year editable on_open /> })
                                .collect_view()}
                        </div>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div
            class="timeline"
            class:editable=editable
            class:dragging=move || state.drag.bar.with(|d| d.is_some_and(|d| d.dragged))
            role="region"
            aria-label=move || s::timeline_label(year.get())
            tabindex="0"
        >
            {editable.then(|| view! { <p id="tl-toetsen" class="sr-only">{s::BAR_KEYS}</p> })}
            <div class="tl-grid">
                <div class="tl-head">
                    <div class="tl-corner">{move || year.get()}</div>
                    <ol class="tl-months">{head}</ol>
                </div>
                {bands}
            </div>
        </div>
    }
}
