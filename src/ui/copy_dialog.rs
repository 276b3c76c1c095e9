use leptos::prelude::*;

use super::modal::Modal;
use super::state::use_state;
use crate::strings as s;

/// The text "Kopieer voortgang" could not put on the clipboard (plain HTTP,
/// a locked-down browser, or the browser refused): shown selected, so the
/// user copies it with Ctrl+C.
#[component]
pub fn CopyDialog() -> impl IntoView {
    let state = use_state();
    let text = state.panels.copy_by_hand;
    // All of the text selected, whichever comes first: the text in the
    // field or the focus (autofocus, when the dialog opens).
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let (Some(el), Some(t)) = (area.get(), text.get()) {
            el.set_value(&t);
            el.select();
        }
    });
    let select_all = |ev: leptos::ev::FocusEvent| {
        event_target::<web_sys::HtmlTextAreaElement>(&ev).select();
    };
    view! {
        <Modal
            open=Signal::derive(move || text.with(|t| t.is_some()))
            on_close=move |_| text.set(None)
            label=Signal::derive(|| s::COPY_MANUAL_TITLE.to_string())
            class="copy-dialog"
        >
            <h2>{s::COPY_MANUAL_TITLE}</h2>
            <p id="kopieer-uitleg">{s::COPY_MANUAL}</p>
            <label for="kopieer-tekst" class="summary-label">{s::COPY_MANUAL_LABEL}</label>
            <textarea
                id="kopieer-tekst"
                class="summary"
                readonly
                rows="12"
                autofocus
                aria-describedby="kopieer-uitleg"
                node_ref=area
                on:focus=select_all
            ></textarea>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| text.set(None)>
                    {s::CLOSE}
                </button>
            </div>
        </Modal>
    }
}
