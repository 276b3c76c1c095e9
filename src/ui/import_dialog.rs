use leptos::prelude::*;

use super::merge_lists::MergeLists;
use super::merge_summary::MergeSummary;
use super::modal::Modal;
use super::state::use_state;
use crate::strings as s;

/// The preview of a board file before anything changes: what is in it, how
/// it relates to the open board, and the choices (merge, replace, cancel).
/// After a merge the same dialog shows its summary: it stays open, so the
/// browser does not make the page behind inert twice (on a board of
/// 10,000 cards each costs a style pass over every card).
#[component]
pub fn ImportDialog() -> impl IntoView {
    let state = use_state();
    let preview = state.panels.import_preview;
    let summary = state.panels.merge_summary;
    let cancel = move || preview.set(None);
    let label = move || {
        if summary.with(Option::is_some) {
            s::MERGED_TITLE.to_string()
        } else {
            s::IMPORT_TITLE.to_string()
        }
    };
    view! {
        <Modal
            open=Signal::derive(move || preview.with(Option::is_some) || summary.with(Option::is_some))
            on_close=move |_| {
                preview.set(None);
                summary.set(None);
            }
            label=Signal::derive(label)
            class="import"
        >
            {move || summary.with(Option::is_some).then(|| view! { <MergeSummary /> })}
            {move || summary.with(Option::is_none).then(|| preview.get()).flatten().map(|p| {
                let board = p.imported.board.clone();
                let open_title = state.doc.meta.with_untracked(|m| m.title.clone());
                let open_cards = state.doc.with_board(|b| b.items.len());
                let exported = p.imported.exported.map(s::local_time).unwrap_or_else(|| s::FILE_UNKNOWN.into());
                let total: usize = p.per_line.iter().map(|(_, _, n)| n).sum();
                let relation = match (&p.matching, p.same_board) {
                    (_, true) => s::SAME_BOARD.to_string(),
                    (Some(title), false) => s::matching_board(title),
                    (None, false) => s::other_board(&open_title),
                };
                let rows = p.per_line.iter().map(|(number, name, n)| view! {
                    <tr>
                        <th scope="row">{s::line_label(*number, name)}</th>
                        <td>{*n}</td>
                    </tr>
                }).collect_view();
                let choices = if p.confirming_replace {
                    view! {
                        <p class="warning">{s::replace_warning(&open_title, open_cards)}</p>
                        <div class="dialog-actions">
                            <button type="button" class="button danger" on:click=move |_| state.import_replace()>
                                {s::REPLACE_CONFIRM}
                            </button>
                            <button type="button" class="button secondary" autofocus on:click=move |_| {
                                preview.update(|p| if let Some(p) = p { p.confirming_replace = false });
                            }>
                                {s::BACK}
                            </button>
                        </div>
                    }.into_any()
                } else {
                    let merge_label = match (&p.matching, p.same_board) {
                        (_, true) => Some(s::MERGE.to_string()),
                        (Some(title), false) => Some(s::merge_into(title)),
                        (None, false) => None,
                    };
                    let merge = merge_label.map(|label| view! {
                        // Focus on the choice, not on the scrollable list.
                        <button type="button" class="button" autofocus on:click=move |_| state.import_merge()>
                            {label}
                        </button>
                    });
                    let as_new = (!p.same_board).then(|| view! {
                        <button type="button" class="button" on:click=move |_| state.import_as_new()>
                            {s::AS_NEW_BOARD}
                        </button>
                    });
                    let replace = p.matching.is_none().then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| {
                            preview.update(|p| if let Some(p) = p { p.confirming_replace = true });
                        }>
                            {s::REPLACE}
                        </button>
                    });
                    view! {
                        <div class="dialog-actions">
                            {merge}
                            {as_new}
                            {replace}
                            <button type="button" class="button secondary" on:click=move |_| cancel()>
                                {s::CANCEL}
                            </button>
                        </div>
                    }.into_any()
                };
                view! {
                    <h2>{s::IMPORT_TITLE}</h2>
                    <p class="file-name">{p.file_name.clone()}</p>
                    <dl class="file-facts">
                        <dt>{s::FILE_TITLE}</dt><dd>{board.title.clone()}</dd>
                        <dt>{s::TEAM}</dt><dd>{board.team.clone()}</dd>
                        <dt>{s::FILE_YEAR}</dt><dd>{board.year.map(|y| y.to_string()).unwrap_or_default()}</dd>
                        <dt>{s::FILE_VERSION}</dt><dd>{p.imported.version}</dd>
                        <dt>{s::FILE_EXPORTED}</dt><dd>{exported}</dd>
                    </dl>
                    <table class="per-line">
                        <thead><tr><th scope="col">{s::LINE}</th><th scope="col">{s::CARDS}</th></tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot><tr><th scope="row">{s::TOTAL}</th><td>{total}</td></tr></tfoot>
                    </table>
                    <p class="relation">{relation}</p>
                    {p.forecast.clone().map(|f| {
                        let nothing = f.report.is_empty() && f.report.duplicates.is_empty();
                        view! {
                            <section class="forecast">
                                <h3>{s::WILL_HAPPEN}</h3>
                                {nothing.then(|| view! { <p>{s::NOTHING_WILL_CHANGE}</p> })}
                                <MergeLists outcome=f live=false />
                            </section>
                        }
                    })}
                    {choices}
                }
            })}
        </Modal>
    }
}
