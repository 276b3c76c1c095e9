use std::time::Duration;

use leptos::prelude::*;

use super::state::use_state;
use crate::strings as s;

/// How long a notice stays before it goes by itself.
const NOTICE_TIME: Duration = Duration::from_secs(15);

/// A notice at the bottom of the screen ("Kaart 'X' verwijderd.") with an
/// "Ongedaan maken" button when the change can be undone.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_state();
    Effect::new(move |_| {
        if let Some(id) = state.notice.with(|n| n.as_ref().map(|n| n.id)) {
            set_timeout(
                move || {
                    if state.notice.with_untracked(|n| n.as_ref().map(|n| n.id)) == Some(id) {
                        state.notice.set(None);
                    }
                },
                NOTICE_TIME,
            );
        }
    });
    move || {
        state.notice.get().map(|notice| {
            let undo = notice.undo.clone().map(|undo| {
                view! {
                    <button
                        type="button"
                        class="button undo"
                        on:click=move |_| state.undo(undo.clone())
                    >
                        {s::UNDO}
                    </button>
                }
            });
            view! {
                <div class="notice" role="status">
                    <span>{notice.text}</span>
                    {undo}
                    <button
                        type="button"
                        class="icon-button"
                        aria-label=s::DISMISS
                        on:click=move |_| state.notice.set(None)
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
            }
        })
    }
}
