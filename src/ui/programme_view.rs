use leptos::prelude::*;
use uuid::Uuid;

use super::state::{dates::today, navigate, use_state, Route};
use crate::model::programme::{self, CellFigures};
use crate::model::LINE_COUNT;
use crate::strings as s;

/// The programme's matrix (`#/programma`): the included boards' teams
/// down, the five lines across; per cell the cards per column, the share
/// done, how many are late and the line's status with its knelpunten. A
/// cell opens that board on that line; "Status" sets the line's status.
/// Above it, which boards are included and the year.
#[component]
pub fn ProgrammeView() -> impl IntoView {
    let state = use_state();
    let prog = state.programme;
    let figures = Memo::new(move |_| {
        let year = prog.year.get();
        prog.with_included(|boards| programme::programme(boards, year, today()))
    });
    let line_names = move || figures.with(|f| f.line_names.to_vec());
    // Opens a board with one line shown alone (⤢), as the cell asked.
    let open_line = move |board: Uuid, line: Option<u8>| {
        state.panels.focus_lane.set(line);
        navigate(Route::Board(board));
    };
    let cell = move |board: Option<Uuid>, line: Option<u8>, team: String, c: CellFigures| {
        let late = (c.late > 0).then(|| view! { <span class="late-count">{s::late_count(c.late)}</span> });
        let columns = c
            .per_column
            .iter()
            .map(|(name, n)| view! { <li>{name.clone()}" "<b>{*n}</b></li> })
            .collect_view();
        let figure = view! {
            <span class="matrix-figure">{s::line_progress(c.total, c.percent_done())}</span>
            {late}
            <ul class="matrix-columns" aria-label=s::PER_COLUMN>{columns}</ul>
        };
        match board {
            Some(id) => {
                // The name starts with where it leads, then what it shows.
                let label = s::open_team_line(&team, line);
                view! {
                    <a
                        class="matrix-open"
                        href=Route::Board(id).hash()
                        on:click=move |ev| {
                            ev.prevent_default();
                            open_line(id, line);
                        }
                    >
                        <span class="sr-only">{label}": "</span>
                        {figure}
                    </a>
                }
                .into_any()
            }
            None => view! { <div class="matrix-open">{figure}</div> }.into_any(),
        }
    };
    let rows = move || {
        let f = figures.get();
        f.teams
            .into_iter()
            .map(|row| {
                let id = row.board;
                let team = row.team.clone();
                let cells = (0..LINE_COUNT as usize)
                    .map(|i| {
                        let line = i as u8 + 1;
                        let status = row.status[i];
                        let knelpunten = row.knelpunten[i].clone();
                        let team_name = team.clone();
                        view! {
                            <td class="matrix-cell" data-status=s::status_class(status)>
                                <div class="matrix-status">
                                    <span class="status-badge">{s::line_status(status)}</span>
                                    <button
                                        type="button"
                                        class="button secondary small"
                                        aria-label=s::edit_line_report(&team_name, line)
                                        on:click=move |_| prog.editing.set(Some((id, line)))
                                    >
                                        {s::EDIT_STATUS}
                                    </button>
                                </div>
                                {cell(Some(id), Some(line), team_name.clone(), row.cells[i].clone())}
                                {(!knelpunten.is_empty()).then(|| view! {
                                    <p class="matrix-knelpunten"><span class="sr-only">{s::KNELPUNTEN}": "</span>{knelpunten}</p>
                                })}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">
                            <a href=Route::Board(id).hash()>{team.clone()}</a>
                        </th>
                        {cells}
                        <td class="matrix-cell total">{cell(Some(id), None, team.clone(), row.total.clone())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let totals = move || {
        let f = figures.get();
        let cells = f
            .lines
            .iter()
            .map(|c| view! { <td class="matrix-cell">{cell(None, None, String::new(), c.clone())}</td> })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{s::TOTAL}</th>
                {cells}
                <td class="matrix-cell total">{cell(None, None, String::new(), f.total.clone())}</td>
            </tr>
        }
    };
    let years = move || prog.with_included(programme::years);

    view! {
        <section class="programme-page" aria-labelledby="programma-kop">
            <div class="programme-head">
                <h2 id="programma-kop">{s::PROGRAMME_MATRIX}</h2>
                <label class="programme-year">
                    {s::YEAR}" "
                    <select
                        prop:value=move || prog.year.get().map(|y| y.to_string()).unwrap_or_default()
                        on:change=move |ev| prog.year.set(event_target_value(&ev).parse().ok())
                    >
                        <option value="">{s::ALL_YEARS}</option>
                        {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" class="button secondary" on:click=move |_| state.panels.ics.set(Some(true))>
                    {s::EXPORT_ICS}
                </button>
            </div>
            <IncludedBoards />
            <Show
                when=move || figures.with(|f| !f.teams.is_empty())
                fallback=|| view! { <p class="programme-empty">{s::PROGRAMME_EMPTY}</p> }
            >
                <div class="matrix-scroll" tabindex="0" role="region" aria-label=s::PROGRAMME_MATRIX>
                    <table class="matrix">
                        <caption class="sr-only">{s::MATRIX_CAPTION}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{s::TEAM}</th>
                                {move || line_names().into_iter().enumerate().map(|(i, name)| view! {
                                    <th scope="col" class=format!("lane-{}", i + 1)>
                                        <span class="lane-number" aria-hidden="true">{i + 1}</span>
                                        <span class="sr-only">{s::line_number(i as u8 + 1)}": "</span>
                                        {name}
                                    </th>
                                }).collect_view()}
                                <th scope="col">{s::TOTAL}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                        <tfoot>{totals}</tfoot>
                    </table>
                </div>
                <p class="matrix-legend">{s::MATRIX_LEGEND}</p>
            </Show>
        </section>
    }
}

/// Which boards are in the programme: a check box per board, kept in this
/// browser.
#[component]
fn IncludedBoards() -> impl IntoView {
    let state = use_state();
    let prog = state.programme;
    let count = move || {
        let all = prog.boards.with(Vec::len);
        let out = prog.excluded.with(|out| prog.boards.with(|b| b.iter().filter(|b| out.contains(&b.id)).count()));
        s::boards_included(all - out, all)
    };
    view! {
        <details class="included-boards">
            <summary>{count}</summary>
            <fieldset>
                <legend class="sr-only">{s::BOARDS_INCLUDED}</legend>
                {move || prog.boards.with(|all| all.iter().map(|b| {
                    let id = b.id;
                    let label = if b.team.is_empty() { b.title.clone() } else { format!("{} ({})", b.title, b.team) };
                    view! {
                        <label class="included-board">
                            <input
                                type="checkbox"
                                prop:checked=move || prog.excluded.with(|out| !out.contains(&id))
                                on:change=move |ev| state.include_in_programme(id, event_target_checked(&ev))
                            />
                            " "{label}
                        </label>
                    }
                }).collect_view())}
            </fieldset>
        </details>
    }
}
