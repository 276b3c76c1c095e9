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
        if let Some(id) = state.feedback.notice.with(|n| n.as_ref().map(|n| n.id)) {
            set_timeout(
                move || {
                    if state.feedback.notice.with_untracked(|n| n.as_ref().map(|n| n.id)) == Some(id) {
                        state.feedback.notice.set(None);
                    }
                },
                NOTICE_TIME,
            );
        }
    });
    move || {
        state.feedback.notice.get().map(|notice| {
            let undo = notice.revert.clone().map(|undo| {
                view! {
                    <button
                        type="button"
                        class="button undo"
                        on:click=move |_| state.revert(undo.clone())
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
                        on:click=move |_| state.feedback.notice.set(None)
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
            }
        })
    }
}
