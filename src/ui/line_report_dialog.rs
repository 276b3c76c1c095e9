use leptos::prelude::*;
use uuid::Uuid;

use super::modal::Modal;
use super::state::use_state;
use crate::model::limits::Field;
use crate::model::{Line, LineStatus};
use crate::strings as s;

/// A line's status ("Op schema", "Aandacht", "Vertraagd") and its
/// "Knelpunten en wat er nodig is", for the report upward; opened from a
/// line's header on the board or from the programme's matrix.
#[component]
pub fn LineReportDialog() -> impl IntoView {
    let state = use_state();
    let editing = state.programme.editing;
    view! {
        <Modal
            open=Signal::derive(move || editing.get().is_some())
            on_close=move |_| editing.set(None)
            label=Signal::derive(|| s::LINE_REPORT.to_string())
            class="line-report"
        >
            {move || editing.get().map(|(board, line)| view! { <LineReportForm board=board line=line /> })}
        </Modal>
    }
}

#[component]
fn LineReportForm(board: Uuid, line: u8) -> impl IntoView {
    let state = use_state();
    // The open board as it is now; another one as the programme read it.
    let current: Option<(String, Line)> = if state.doc.id() == board {
        state
            .doc
            .meta
            .with_untracked(|m| m.line(line).cloned().map(|l| (m.team.clone(), l)))
    } else {
        state.programme.boards.with_untracked(|all| {
            all.iter().find(|b| b.id == board).and_then(|b| {
                let team = if b.team.is_empty() { b.title.clone() } else { b.team.clone() };
                b.lines.iter().find(|l| l.number == line).cloned().map(|l| (team, l))
            })
        })
    };
    let Some((team, current)) = current else {
        return view! { <p>{s::PROGRAMME_BOARD_GONE}</p> }.into_any();
    };
    let status = RwSignal::new(current.status);
    let text = RwSignal::new(current.knelpunten.clone());
    let error = RwSignal::new(None::<String>);
    let close = move || state.programme.editing.set(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.set_line_report(board, line, status.get_untracked(), &text.get_untracked()) {
            Ok(()) => {
                state.feedback.announce(s::LINE_REPORT_SAVED.to_string());
                close();
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let heading = s::line_report_heading(&team, line, &current.name);
    let option = |value: Option<LineStatus>| {
        let key = s::status_class(value);
        view! { <option value=key selected=current.status == value>{s::line_status(value)}</option> }
    };
    view! {
        <form class="move-form line-report-form" on:submit=submit>
            <h2>{heading}</h2>
            <label for="lijn-status">{s::STATUS}</label>
            <select
                id="lijn-status"
                autofocus
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    status.set(
                        [LineStatus::OpSchema, LineStatus::Aandacht, LineStatus::Vertraagd]
                            .into_iter()
                            .find(|st| s::status_class(Some(*st)) == v),
                    );
                }
            >
                {option(None)}
                {option(Some(LineStatus::OpSchema))}
                {option(Some(LineStatus::Aandacht))}
                {option(Some(LineStatus::Vertraagd))}
            </select>
            <label for="lijn-knelpunten">{s::KNELPUNTEN}</label>
            <textarea
                id="lijn-knelpunten"
                rows="5"
                maxlength=Field::Knelpunten.max_chars()
                prop:value=current.knelpunten.clone()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <p class="editor-error" role="alert">{move || error.get()}</p>
            <div class="dialog-actions">
                <button type="submit" class="button">{s::SAVE}</button>
                <button type="button" class="button secondary" on:click=move |_| close()>
                    {s::CANCEL}
                </button>
            </div>
        </form>
    }
    .into_any()
}
