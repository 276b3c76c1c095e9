use leptos::prelude::*;

use super::modal::Modal;
use super::state::{use_state, Confirm};
use crate::strings as s;

/// Asks before something that cannot be undone: deleting a board from the
/// trash for good, or wiping every board from this browser (with an
/// export of the open board offered first).
#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let state = use_state();
    let asked = move || state.panels.confirm.get();
    let confirm = move |_| {
        match state.panels.confirm.get_untracked() {
            Some(Confirm::Purge(id)) => state.purge_board(id),
            Some(Confirm::WipeAll) => state.wipe_all(),
            None => {}
        }
        state.panels.confirm.set(None);
    };
    let heading = move || match asked() {
        Some(Confirm::WipeAll) => s::WIPE_TITLE,
        _ => s::PURGE_TITLE,
    };
    let board = move || match asked() {
        Some(Confirm::Purge(id)) => state
            .persist
            .library
            .with(|l| l.entry(id).map(|e| e.title.clone())),
        _ => None,
    };
    let text = move || match asked() {
        Some(Confirm::WipeAll) => state.persist.library.with(|l| {
            s::wipe_text(l.boards.len(), l.trashed().len())
        }),
        _ => s::PURGE_TEXT.to_string(),
    };
    let wiping = move || asked() == Some(Confirm::WipeAll);
    view! {
        <Modal
            open=Signal::derive(move || asked().is_some())
            on_close=move |_| state.panels.confirm.set(None)
            label=Signal::derive(move || heading().to_string())
            class="confirm"
        >
            <h2>{heading}</h2>
            <p class="confirm-board">{board}</p>
            <p>{text}</p>
            <div class="dialog-actions">
                <Show when=wiping>
                    <button type="button" class="button" on:click=move |_| state.export()>
                        {s::EXPORT_OPEN_BOARD}
                    </button>
                </Show>
                <button type="button" class="button danger" on:click=confirm>
                    {move || if wiping() { s::WIPE_CONFIRM } else { s::PURGE }}
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
