use leptos::prelude::*;

use super::state::{use_state, Confirm};
use crate::strings as s;

/// The top bar: which board this is, and the board-wide actions.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_state();
    let meta = state.meta;
    let subtitle = move || {
        meta.with(|m| {
            let mut parts = Vec::new();
            if !m.team.is_empty() {
                parts.push(format!("{}: {}", s::TEAM, m.team));
            }
            if let Some(y) = m.year {
                parts.push(y.to_string());
            }
            parts.join(" · ")
        })
    };
    view! {
        <header class="toolbar">
            <div class="brand">
                <span class="app-name">{s::APP_NAME}</span>
                <span class="programme">{s::PROGRAMME}</span>
            </div>
            <div class="board-title">
                <h1>{move || meta.with(|m| m.title.clone())}</h1>
                <p class="board-sub">{subtitle}</p>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    title=s::EXPORT_HINT
                    on:click=move |_| state.export()
                >
                    {s::EXPORT}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| state.confirm.set(Some(Confirm::EmptyBoard))
                >
                    {s::NEW_EMPTY_BOARD}
                </button>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| state.confirm.set(Some(Confirm::SampleBoard))
                >
                    {s::LOAD_SAMPLE}
                </button>
            </div>
        </header>
    }
}
