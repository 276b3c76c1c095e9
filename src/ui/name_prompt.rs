use leptos::prelude::*;

use super::author::MAX_NAME_CHARS;
use super::dom;
use super::state::{use_state, Route};
use crate::strings as s;

/// Asks once, after the first change made in this browser, for the name
/// recorded with each change. A bar above the board that takes no focus
/// and blocks nothing; "Opslaan" (or Enter) and "Overslaan" both end the
/// question for good in this browser.
#[component]
pub fn NamePrompt() -> impl IntoView {
    let state = use_state();
    let showing = move || {
        state.who.asking()
            && matches!(state.nav.route.get(), Route::Board(_))
            && state.doc.over_limit.with(Option::is_none)
            && !state.panels.presenting.get()
    };
    let text = RwSignal::new(String::new());
    // The bar goes: focus that was in it goes to the board, not the page.
    let keep_focus = move || {
        let inside = document()
            .active_element()
            .and_then(|e| e.closest(".name-prompt").ok().flatten())
            .is_some();
        if inside {
            dom::focus("#bord");
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        keep_focus();
        state.set_name(&text.get_untracked());
        state.feedback.announce(s::name_saved(&state.author()));
    };
    let skip = move |_| {
        keep_focus();
        state.skip_name();
        state.feedback.announce(s::NAME_SKIPPED.into());
    };
    view! {
        // Always there, so its text is read when the bar appears (a live
        // region without role="status": the app's own is the status).
        <p class="sr-only" aria-live="polite">{move || showing().then_some(s::YOUR_NAME_ASKED)}</p>
        <Show when=showing>
            <section class="name-prompt" aria-labelledby="naam-vraag-label">
                <form on:submit=save>
                    <label id="naam-vraag-label" for="naam-vraag">{s::YOUR_NAME}</label>
                    <p id="naam-vraag-uitleg">{s::YOUR_NAME_WHY}</p>
                    <input
                        id="naam-vraag"
                        type="text"
                        maxlength=MAX_NAME_CHARS
                        autocomplete="name"
                        aria-describedby="naam-vraag-uitleg"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button">{s::SAVE_NAME}</button>
                    <button type="button" class="button secondary" on:click=skip>
                        {s::SKIP_NAME}
                    </button>
                </form>
            </section>
        </Show>
    }
}
