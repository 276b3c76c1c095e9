use leptos::prelude::*;

use super::lane::Lane;
use super::state::use_state;
use crate::strings as s;

/// The grid: a header row of columns, then one lane per programme line.
#[component]
pub fn BoardView() -> impl IntoView {
    let state = use_state();
    let meta = state.meta;
    let columns = move || meta.with(|m| m.columns.len()).to_string();
    view! {
        <div class="board" role="region" aria-label=s::BOARD_LABEL style:--columns=columns>
            <div class="board-head" aria-hidden="true">
                <div class="corner">{s::LINE}</div>
                <For
                    each=move || meta.with(|m| m.columns.clone())
                    key=|c| (c.id, c.name.clone())
                    let:column
                >
                    <div class="column-head">{column.name}</div>
                </For>
            </div>
            // Rebuilt only when the whole board is replaced.
            {move || {
                state.generation.track();
                meta.with_untracked(|m| m.lines.iter().map(|l| l.number).collect::<Vec<_>>())
                    .into_iter()
                    .map(|number| view! { <Lane number=number /> })
                    .collect_view()
            }}
        </div>
    }
}
