use chrono::NaiveDate;
use leptos::prelude::*;

use super::dom;
use super::state::{dates::today, use_state};
use crate::exchange::report as text;
use crate::model::programme;
use crate::model::report::{team_report, Entry, LineReport, ReportOptions, TeamReport};
use crate::model::LINE_COUNT;
use crate::strings as s;
use crate::model::dates;

/// "Voortgangsrapportage" (`#/programma/rapport`): what the kerngroep
/// sends upward, on screen as it prints (A4, saved as PDF through the
/// browser): one programme page (teams × lines with statuses and
/// knelpunten), then one page per team with per line what was done in the
/// period, what runs (if ticked, with its newest comment), what comes next,
/// what is late and the knelpunten.
/// "Kopieer voortgang" gives the same as plain text for an email.
#[component]
pub fn ReportView() -> impl IntoView {
    let state = use_state();
    let prog = state.programme;
    let reports = Memo::new(move |_| {
        let (from, to) = (prog.from.get(), prog.to.get());
        let options = ReportOptions { last_comment: prog.last_comment.get() };
        prog.with_included(|boards| {
            boards.iter().map(|b| team_report(b, from, to, today(), options)).collect::<Vec<TeamReport>>()
        })
    });
    let figures = Memo::new(move |_| {
        let year = prog.year.get();
        prog.with_included(|boards| programme::programme(boards, year, today()))
    });
    let copy = move |_| {
        let t = text::programme_text(
            &figures.get_untracked(),
            &reports.get_untracked(),
            prog.from.get_untracked(),
            prog.to.get_untracked(),
            prog.year.get_untracked(),
        );
        state.copy_text(t);
    };
    let date_input = move |id: &'static str, label: &'static str, signal: RwSignal<NaiveDate>| {
        view! {
            <label for=id>{label}</label>
            <input
                id=id
                type="date"
                prop:value=move || dates::iso(signal.get())
                on:change=move |ev| {
                    if let Some(d) = dates::parse_iso(&event_target_value(&ev)) {
                        signal.set(d);
                    }
                }
            />
        }
    };
    let matrix = move || {
        let f = figures.get();
        let names: Vec<String> = f
            .line_names
            .iter()
            .enumerate()
            .map(|(i, n)| s::line_label(i as u8 + 1, n))
            .collect();
        let head = names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view();
        let rows = f
            .teams
            .into_iter()
            .map(|row| {
                let cells = (0..LINE_COUNT as usize)
                    .map(|i| {
                        let c = &row.cells[i];
                        let status = row.status[i];
                        view! {
                            <td data-status=s::status_class(status)>
                                <strong class="status-badge">{s::line_status(status)}</strong>
                                <span class="report-figure">{s::report_figure(c.done, c.total, c.late)}</span>
                                {(!row.knelpunten[i].is_empty()).then(|| view! {
                                    <span class="report-knelpunt">{row.knelpunten[i].clone()}</span>
                                })}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{row.team.clone()}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="matrix-scroll" tabindex="0" role="region" aria-label=s::PROGRAMME_MATRIX>
                <table class="report-matrix">
                    <thead><tr><th scope="col">{s::TEAM}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };

    view! {
        <section class="report" aria-labelledby="rapport-kop">
            <div class="report-controls">
                {date_input("rapport-van", s::PERIOD_FROM, prog.from)}
                {date_input("rapport-tot", s::PERIOD_TO, prog.to)}
                <label class="report-option">
                    <input
                        type="checkbox"
                        prop:checked=move || prog.last_comment.get()
                        on:change=move |ev| prog.last_comment.set(event_target_checked(&ev))
                    />
                    {s::REPORT_SHOW_LAST_COMMENT}
                </label>
                <button type="button" class="button" on:click=copy>{s::COPY_PROGRAMME_PROGRESS}</button>
                <button type="button" class="button secondary" on:click=move |_| dom::print()>{s::PRINT_REPORT}</button>
            </div>
            <article class="report-page">
                <h2 id="rapport-kop">{s::REPORT_TITLE}</h2>
                <p class="report-period">{move || s::report_page_period(&s::date(prog.from.get()), &s::date(prog.to.get()), &s::date(today()))}</p>
                {matrix}
                <p class="report-legend">{s::REPORT_LEGEND}</p>
            </article>
            {move || reports.get().into_iter().map(|r| view! { <TeamPage report=r /> }).collect_view()}
        </section>
    }
}

/// One team's page of the report.
#[component]
fn TeamPage(report: TeamReport) -> impl IntoView {
    let state = use_state();
    let prog = state.programme;
    let for_copy = report.clone();
    let copy = move |_| {
        state.copy_text(text::team_text(&for_copy, prog.from.get_untracked(), prog.to.get_untracked()));
    };
    let heading = if report.team.is_empty() || report.team == report.title {
        report.title.clone()
    } else {
        format!("{} · {}", report.team, report.title)
    };
    view! {
        <article class="report-page team-page">
            <div class="report-team-head">
                <h2>{heading.clone()}</h2>
                <button type="button" class="button secondary small report-copy" aria-label=s::copy_team_progress(&heading) on:click=copy>
                    {s::COPY_PROGRESS}
                </button>
            </div>
            {report.lines.into_iter().map(|l| view! { <LineSection line=l /> }).collect_view()}
        </article>
    }
}

#[component]
fn LineSection(line: LineReport) -> impl IntoView {
    let list = |title: String, entries: Vec<Entry>| {
        let body = if entries.is_empty() {
            view! { <p class="report-none">{s::NOTHING}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {entries.into_iter().map(|e| view! {
                        <li>
                            <span class="report-item">{e.title}</span>
                            <span class="report-meta">{s::report_entry_meta(&e.trekker, e.start, e.end)}</span>
                            {e.last_comment.map(|c| view! {
                                <span class="report-comment">{s::report_comment(&c.by, c.at, &c.text)}</span>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! { <div class="report-list"><h4>{title}</h4>{body}</div> }
    };
    view! {
        <section class=format!("report-line lane-{}", line.number) data-status=s::status_class(line.status)>
            <h3>
                {s::line_label(line.number, &line.name)}
                " "<span class="status-badge">{s::line_status(line.status)}</span>
            </h3>
            <div class="report-lists">
                {list(s::REPORT_SECTION_DONE.to_string(), line.done)}
                {list(s::REPORT_RUNNING.to_string(), line.running)}
                {list(s::REPORT_SECTION_NEXT.to_string(), line.next)}
                {list(s::REPORT_LATE.to_string(), line.late)}
            </div>
            <p class="report-knelpunten">
                <strong>{s::KNELPUNTEN}": "</strong>
                {if line.knelpunten.is_empty() { s::NONE_GIVEN.to_string() } else { line.knelpunten }}
            </p>
        </section>
    }
}
