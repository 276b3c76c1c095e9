use leptos::prelude::*;

use super::state::{navigate, use_state, Route};
use crate::strings as s;

/// In place of the board when it goes over a bound (`model::limits`): what
/// is wrong, export first, then repair. The board is never drawn, so a
/// crafted or oversized board cannot freeze the page.
#[component]
pub fn SafeMode() -> impl IntoView {
    let state = use_state();
    let reason = move || state.doc.over_limit.get().map(|e| s::over_limit_stored(&e));
    view! {
        <section class="safe-mode" role="alert" aria-labelledby="veilig-titel">
            <h2 id="veilig-titel">{s::OVER_LIMIT_TITLE}</h2>
            <p>{reason}</p>
            <p>{s::OVER_LIMIT_EXPORT_FIRST}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| state.export()>
                    {s::EXPORT}
                </button>
                <button type="button" class="button secondary" on:click=move |_| state.repair_board()>
                    {s::REPAIR}
                </button>
                <button type="button" class="button secondary" on:click=move |_| navigate(Route::List)>
                    {s::MY_BOARDS}
                </button>
            </div>
        </section>
    }
}
