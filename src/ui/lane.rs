use leptos::prelude::*;

use super::cell::Cell;
use super::state::use_state;
use crate::strings as s;

/// One programme line: its header and a cell per column.
#[component]
pub fn Lane(number: u8) -> impl IntoView {
    let state = use_state();
    let meta = state.meta;
    let line = move || meta.with(|m| m.line(number).cloned());
    let name = move || line().map(|l| l.name).unwrap_or_default();
    let description = move || line().map(|l| l.description).unwrap_or_default();
    let heading_id = format!("lijn-{number}");
    let labelled_by = heading_id.clone();
    view! {
        <section class=format!("lane lane-{number}") aria-labelledby=labelled_by>
            <header class="lane-head">
                <h2 id=heading_id>
                    <span class="lane-number" aria-hidden="true">{number}</span>
                    <span class="sr-only">{format!("{} {number}: ", s::LINE)}</span>
                    {name}
                </h2>
                <p class="lane-description">{description}</p>
            </header>
            <For
                each=move || meta.with(|m| m.columns.iter().map(|c| c.id).collect::<Vec<_>>())
                key=|id| *id
                let:column
            >
                <Cell line=number column=column />
            </For>
        </section>
    }
}
