use leptos::prelude::*;
use uuid::Uuid;

use super::state::{now, use_state};
use crate::model::calendar;
use crate::model::report::{team_report, ReportOptions};
use crate::strings as s;

fn today() -> chrono::NaiveDate {
    now().with_timezone(&chrono::Local).date_naive()
}

/// The progress overview: per line the cards per column and the share
/// done (with a bar), what is overdue, what comes in the next 30 days, and
/// cards per trekker. Plus the outputs: progress text, iCalendar, CSV.
#[component]
pub fn OverviewView() -> impl IntoView {
    let state = use_state();
    let overview = move || {
        state.doc.revision.track();
        state.views.generation.track();
        state.doc.with_board(|b| calendar::overview(b, today()))
    };
    let title = move |id: Uuid| state.doc.item(id).map(|i| i.title).unwrap_or_default();
    let item_line = move |id: Uuid| {
        state
            .doc.item(id)
            .map(|i| {
                let mut parts = vec![s::date_range(i.start, i.end)];
                if !i.trekker.is_empty() {
                    parts.push(i.trekker.clone());
                }
                parts.join(" · ")
            })
            .unwrap_or_default()
    };
    let list = move |ids: Vec<Uuid>| {
        if ids.is_empty() {
            return view! { <p>{s::NOTHING}</p> }.into_any();
        }
        view! {
            <ul class="overview-list">
                {ids.into_iter().map(|id| view! {
                    <li>
                        <button type="button" class="link-button" on:click=move |_| state.panels.editing.set(Some(id))>
                            {title(id)}
                        </button>
                        <span class="overview-meta">{item_line(id)}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let summary = RwSignal::new(None::<String>);
    let copy = move |_| {
        // The report's text for this team (the period and options as set
        // in the programme's report: a quarter back, no comments by default).
        let (from, to) = (state.programme.from.get_untracked(), state.programme.to.get_untracked());
        let options = ReportOptions { last_comment: state.programme.last_comment.get_untracked() };
        let text = state.doc.with_board(|b| {
            crate::exchange::report::team_text(&team_report(b, from, to, today(), options), from, to)
        });
        summary.set(Some(text.clone()));
        state.copy_text(text);
    };
    view! {
        <section class="overview" aria-labelledby="overzicht-kop">
            <div class="overview-head">
                <h2 id="overzicht-kop">{s::VIEW_OVERVIEW}</h2>
                <div class="actions">
                    <button type="button" class="button" on:click=copy>{s::COPY_PROGRESS}</button>
                    <button type="button" class="button secondary" on:click=move |_| state.panels.ics.set(Some(false))>{s::EXPORT_ICS}</button>
                    <button type="button" class="button secondary" on:click=move |_| state.export_csv()>{s::EXPORT_CSV}</button>
                    <button type="button" class="button secondary" on:click=move |_| super::dom::print()>{s::PRINT}</button>
                </div>
            </div>
            <div class="progress-lines">
                {move || overview().lines.into_iter().map(|l| {
                    let total = l.total.max(1) as f64;
                    let segments = l.per_column.iter().enumerate().map(|(n, (name, count))| {
                        let width = format!("{:.1}%", *count as f64 * 100.0 / total);
                        view! {
                            <span class=format!("segment segment-{}", n.min(5)) style:width=width title=format!("{name}: {count}")></span>
                        }
                    }).collect_view();
                    // The legend of the bar: each column's colour beside its name.
                    let cells = l.per_column.iter().enumerate().map(|(n, (name, count))| view! {
                        <li>
                            <span class=format!("swatch segment-{}", n.min(5)) aria-hidden="true"></span>
                            <span class="count-name">{name.clone()}</span>" "<strong>{*count}</strong>
                        </li>
                    }).collect_view();
                    view! {
                        <article class=format!("progress-line lane-{}", l.line)>
                            <h3>{s::line_label(l.line, &l.name)}</h3>
                            <p class="progress-figure">{s::line_progress(l.total, l.percent_done())}</p>
                            <div class="bar" role="img" aria-label=s::line_progress(l.total, l.percent_done())>{segments}</div>
                            <ul class="per-column">{cells}</ul>
                        </article>
                    }
                }).collect_view()}
            </div>
            <div class="overview-lists">
                <section>
                    <h3>{s::OVERDUE}</h3>
                    {move || list(overview().overdue)}
                </section>
                <section>
                    <h3>{s::UPCOMING}</h3>
                    {move || list(overview().upcoming)}
                </section>
                <section>
                    <h3>{s::PER_TREKKER}</h3>
                    <ul class="overview-list">
                        {move || overview().per_trekker.into_iter().map(|(name, n)| view! {
                            <li>{if name.is_empty() { s::NO_TREKKER.to_string() } else { name }}": "<strong>{n}</strong></li>
                        }).collect_view()}
                    </ul>
                </section>
            </div>
            <Show when=move || summary.with(|s| s.is_some())>
                <label for="voortgang-tekst" class="summary-label">{s::COPY_PROGRESS}</label>
                <textarea id="voortgang-tekst" class="summary" readonly rows="10" prop:value=move || summary.get().unwrap_or_default()></textarea>
            </Show>
        </section>
    }
}
