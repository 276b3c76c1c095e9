use leptos::prelude::*;

use super::state::use_state;
use crate::strings as s;

/// "Nieuwe versie beschikbaar" with "Herladen", once a new build is
/// installed while this page runs. public/boot.js watches the service
/// worker and sends `planbord:update-available`; "Herladen" sends
/// `planbord:update-apply`, and boot.js lets the new build take over and
/// reloads. Until then the page runs its own build.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = use_state();
    let available = RwSignal::new(false);
    let handle = window_event_listener(
        leptos::ev::Custom::new("planbord:update-available"),
        move |_: web_sys::Event| {
            if !available.get_untracked() {
                available.set(true);
                state.feedback.announce(s::UPDATE_AVAILABLE.into());
            }
        },
    );
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        if let (Some(window), Ok(event)) = (
            web_sys::window(),
            web_sys::Event::new("planbord:update-apply"),
        ) {
            let _ = window.dispatch_event(&event);
        }
    };
    // Screen readers hear it from the app's one live region (announce).
    view! {
        <Show when=move || available.get()>
            <div class="banner update-notice">
                <p>{s::UPDATE_AVAILABLE}</p>
                <button type="button" class="button" on:click=apply>
                    {s::RELOAD}
                </button>
            </div>
        </Show>
    }
}
