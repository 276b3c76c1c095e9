use leptos::prelude::*;

use super::state::use_state;
use crate::strings as s;

fn has_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// Dropping a file anywhere on the page imports it (with the preview).
/// Shows a full-page hint while a file is dragged over the window; card
/// drags are left alone.
#[component]
pub fn FileDrop() -> impl IntoView {
    let state = use_state();
    let over = move |ev: web_sys::DragEvent| {
        if state.drag.dragging.get_untracked().is_none() && has_files(&ev) {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
            if !state.panels.file_over.get_untracked() {
                state.panels.file_over.set(true);
            }
        }
    };
    let handles = [
        window_event_listener(leptos::ev::dragenter, over),
        window_event_listener(leptos::ev::dragover, over),
        window_event_listener(leptos::ev::dragleave, move |ev| {
            // Leaving the window: no element to go to.
            if ev.related_target().is_none() {
                state.panels.file_over.set(false);
            }
        }),
        window_event_listener(leptos::ev::drop, move |ev| {
            state.panels.file_over.set(false);
            if state.drag.dragging.get_untracked().is_some() || !has_files(&ev) {
                return;
            }
            ev.prevent_default();
            if let Some(file) = ev
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0))
            {
                state.open_file(file);
            }
        }),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    view! {
        <Show when=move || state.panels.file_over.get()>
            <div class="file-over" aria-hidden="true">
                <p>{s::DROP_FILE}</p>
            </div>
        </Show>
    }
}
