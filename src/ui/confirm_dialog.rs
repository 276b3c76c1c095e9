use leptos::prelude::*;

use super::modal::Modal;
use super::state::{use_state, Confirm};
use crate::strings as s;

/// Asks before something that cannot be undone: deleting a board from the
/// trash for good.
#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let state = use_state();
    let confirm = move |_| {
        match state.panels.confirm.get_untracked() {
            Some(Confirm::Purge(id)) => state.purge_board(id),
            None => {}
        }
        state.panels.confirm.set(None);
    };
    let title = move || {
        state.panels.confirm.get().and_then(|Confirm::Purge(id)| {
            state.persist.library.with(|l| l.entry(id).map(|e| e.title.clone()))
        })
    };
    view! {
        <Modal
            open=Signal::derive(move || state.panels.confirm.get().is_some())
            on_close=move |_| state.panels.confirm.set(None)
            label=Signal::derive(|| s::PURGE_TITLE.to_string())
            class="confirm"
        >
            <h2>{s::PURGE_TITLE}</h2>
            <p class="confirm-board">{title}</p>
            <p>{s::PURGE_TEXT}</p>
            <div class="dialog-actions">
                <button type="button" class="button danger" on:click=confirm>
                    {s::PURGE}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    autofocus
                    on:click=move |_| state.panels.confirm.set(None)
                >
                    {s::CANCEL}
                </button>
            </div>
        </Modal>
    }
}
