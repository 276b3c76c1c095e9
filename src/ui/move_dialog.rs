use leptos::prelude::*;
use uuid::Uuid;

use super::modal::Modal;
use super::dom::focus_card_later;
use super::state::use_state;
use crate::strings as s;

/// "Verplaats naar…": pick a line and a column for a card, without a mouse
/// or drag and drop. The card goes to the end of the chosen cell.
#[component]
pub fn MoveDialog() -> impl IntoView {
    let state = use_state();
    view! {
        <Modal
            open=Signal::derive(move || state.panels.moving.get().is_some())
            on_close=move |_| state.panels.moving.set(None)
            label=Signal::derive(|| s::MOVE_TO.to_string())
            class="move"
        >
            {move || state.panels.moving.get().map(|id| view! { <MoveForm id=id /> })}
        </Modal>
    }
}

#[component]
fn MoveForm(id: Uuid) -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let (line0, column0) = state.doc.item(id).map(|i| i.cell()).unwrap_or((1, Uuid::nil()));
    let line = RwSignal::new(line0);
    let column = RwSignal::new(column0);
    let title = state.doc.item(id).map(|i| i.title).unwrap_or_default();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = (line.get_untracked(), column.get_untracked());
        if target != (line0, column0) {
            let _ = state.move_to(id, target, None);
        }
        state.panels.moving.set(None);
        focus_card_later(id);
    };
    let cancel = move |_| {
        state.panels.moving.set(None);
        focus_card_later(id);
    };

    view! {
        <form class="move-form" on:submit=submit>
            <h2>{s::MOVE_TO}</h2>
            <p class="move-card-title">{title}</p>
            <label for="verplaats-lijn">{s::LINE}</label>
            <select
                id="verplaats-lijn"
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        line.set(n)
                    }
                }
            >
                {meta
                    .with_untracked(|m| m.lines.clone())
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.number.to_string() selected=l.number == line0>
                                {s::line_label(l.number, &l.name)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label for="verplaats-kolom">{s::COLUMN}</label>
            <select
                id="verplaats-kolom"
                on:change=move |ev| {
                    if let Ok(c) = Uuid::parse_str(&event_target_value(&ev)) {
                        column.set(c)
                    }
                }
            >
                {meta
                    .with_untracked(|m| m.columns.clone())
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.id.to_string() selected=c.id == column0>
                                {c.name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <div class="dialog-actions">
                <button type="submit" class="button">{s::MOVE}</button>
                <button type="button" class="button secondary" on:click=cancel>
                    {s::CANCEL}
                </button>
            </div>
        </form>
    }
}
