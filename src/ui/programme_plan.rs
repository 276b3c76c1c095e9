use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use super::state::{dates::today, use_state};
use super::timeline::{Entry, Timeline};
use crate::model::{calendar, programme};
use crate::strings as s;
use chrono::Datelike;

/// "Jaarplanning" (`#/programma/jaarplan`): the year plan of every
/// included board on one timeline, each bar with its team; read-only (a
/// bar opens its card on its own board, where it can be moved).
#[component]
pub fn ProgrammePlan() -> impl IntoView {
    let state = use_state();
    let prog = state.programme;
    // "Alle jaren" in the matrix: this year if anything happens in it,
    // else the next year that has activities (a plan made in the autumn
    // for next year), else the last one.
    let year = Signal::derive(move || {
        prog.year.get().unwrap_or_else(|| {
            let now = today().year();
            let years = prog.with_included(programme::years);
            if years.contains(&now) {
                now
            } else {
                years.iter().copied().find(|y| *y > now).or(years.last().copied()).unwrap_or(now)
            }
        })
    });
    let shift_year = move |d: i32| prog.year.set(Some(year.get_untracked() + d));
    // Which board each card is on (a bar knows only its card).
    let owner = Memo::new(move |_| {
        prog.with_included(|boards| {
            boards
                .iter()
                .flat_map(|b| {
                    let team = programme::team_name(b);
                    b.items.iter().map(move |i| (i.id, (b.id, team.clone())))
                })
                .collect::<HashMap<Uuid, (Uuid, String)>>()
        })
    });
    let entries = Signal::derive(move || {
        let y = year.get();
        prog.with_included(|boards| {
            let items = boards.iter().flat_map(|b| b.items.iter());
            calendar::timeline(items, y)
                .into_iter()
                .filter_map(|bar| {
                    let item = boards.iter().find_map(|b| b.item(bar.id))?;
                    let team = owner.with(|o| o.get(&bar.id).map(|(_, t)| t.clone()));
                    Some(Entry {
                        title: item.title.clone(),
                        dates: s::date_range(item.start, item.end),
                        team,
                        bar,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let lines = Signal::derive(move || {
        prog.with_included(programme::line_names)
            .into_iter()
            .enumerate()
            .map(|(i, name)| (i as u8 + 1, name))
            .collect::<Vec<_>>()
    });
    let open = Callback::new(move |card: Uuid| {
        if let Some((board, _)) = owner.with(|o| o.get(&card).cloned()) {
            state.open_card_on(board, card);
        }
    });
    view! {
        <section class="calendar programme-page" aria-labelledby="jaarplan-kop">
            <div class="calendar-head">
                <button type="button" class="button secondary" on:click=move |_| shift_year(-1)>
                    <span aria-hidden="true">"◀ "</span>{s::PREVIOUS_YEAR}
                </button>
                <h2 id="jaarplan-kop">{move || format!("{} {}", s::PROGRAMME_PLAN, year.get())}</h2>
                <button type="button" class="button secondary" on:click=move |_| shift_year(1)>
                    {s::NEXT_YEAR}<span aria-hidden="true">" ▶"</span>
                </button>
                <p class="calendar-hint">{s::PROGRAMME_PLAN_HINT}</p>
            </div>
            <Timeline year lines entries editable=false on_open=open />
        </section>
    }
}
