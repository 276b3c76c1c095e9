use leptos::prelude::*;

use super::modal::Modal;
use super::state::use_state;
use crate::strings as s;

/// Says, in Dutch, why a file could not be imported. The board is untouched.
#[component]
pub fn ImportFailed() -> impl IntoView {
    let state = use_state();
    let error = state.panels.import_error;
    view! {
        <Modal
            open=Signal::derive(move || error.with(|e| e.is_some()))
            on_close=move |_| error.set(None)
            label=Signal::derive(|| s::IMPORT_FAILED_TITLE.to_string())
            class="import-error"
        >
            <div role="alert">
                <h2>{s::IMPORT_FAILED_TITLE}</h2>
                <p>{move || error.with(|e| e.as_ref().map(|e| e.text.clone()))}</p>
            </div>
            {move || error.with(|e| e.as_ref().and_then(|e| e.details.clone())).map(|d| view! {
                <details class="technical">
                    <summary>{s::TECHNICAL_DETAILS}</summary>
                    <pre>{d}</pre>
                </details>
            })}
            <div class="dialog-actions">
                <button type="button" class="button" autofocus on:click=move |_| error.set(None)>
                    {s::CLOSE}
                </button>
            </div>
        </Modal>
    }
}
