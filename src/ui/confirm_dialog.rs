use leptos::prelude::*;

use super::modal::Modal;
use super::state::{use_state, Confirm};
use crate::strings as s;

/// Asks before the whole board is replaced (by an empty or sample board).
#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let state = use_state();
    let texts = move || match state.confirm.get() {
        Some(Confirm::EmptyBoard) => (
            s::CONFIRM_EMPTY_TITLE,
            s::CONFIRM_EMPTY_TEXT,
            s::NEW_EMPTY_BOARD,
        ),
        Some(Confirm::SampleBoard) | None => (
            s::CONFIRM_SAMPLE_TITLE,
            s::CONFIRM_SAMPLE_TEXT,
            s::LOAD_SAMPLE,
        ),
    };
    let confirm = move |_| {
        match state.confirm.get_untracked() {
            Some(Confirm::EmptyBoard) => state.start_empty(),
            Some(Confirm::SampleBoard) => state.start_sample(),
            None => {}
        }
        state.confirm.set(None);
    };
    view! {
        <Modal
            open=Signal::derive(move || state.confirm.get().is_some())
            on_close=move |_| state.confirm.set(None)
            label=Signal::derive(move || texts().0.to_string())
            class="confirm"
        >
            <h2>{move || texts().0}</h2>
            <p>{move || texts().1}</p>
            <div class="dialog-actions">
                <button type="button" class="button danger" on:click=confirm>
                    {move || texts().2}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    autofocus
                    on:click=move |_| state.confirm.set(None)
                >
                    {s::CANCEL}
                </button>
            </div>
        </Modal>
    }
}
