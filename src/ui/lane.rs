use leptos::prelude::*;

use super::cell::Cell;
use super::state::use_state;
use crate::strings as s;

/// One programme line: its header and a cell per column.
#[component]
pub fn Lane(number: u8) -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let line = move || meta.with(|m| m.line(number).cloned());
    let name = move || line().map(|l| l.name).unwrap_or_default();
    let description = move || line().map(|l| l.description).unwrap_or_default();
    let collapsed = move || state.panels.collapsed.with(|c| c.contains(&number));
    let hidden = move || state.panels.focus_lane.get().is_some_and(|f| f != number);
    let focused = move || state.panels.focus_lane.get() == Some(number);
    // What the folded line shows of what it holds ("2 van 5 kaarten").
    let count = move || {
        let c = state.counted_line(number);
        s::collapsed_shown(c.shown, c.total, state.filtering())
    };
    let heading_id = format!("lijn-{number}");
    let labelled_by = heading_id.clone();
    view! {
        <section
            class=format!("lane lane-{number}")
            class:collapsed=collapsed
            class:hidden-lane=hidden
            class:focused=focused
            aria-labelledby=labelled_by
        >
            <header class="lane-head">
                <h2 id=heading_id>
                    <span class="lane-number" aria-hidden="true">{number}</span>
                    <span class="sr-only">{format!("{} {number}: ", s::LINE)}</span>
                    {name}
                </h2>
                // The line's status for the report upward, and the way to set
                // it, at the end of the description (no row of its own).
                <p class="lane-description">{description}" "
                <button
                    type="button"
                    class="line-status"
                    data-status=move || s::status_class(line().and_then(|l| l.status))
                    title=move || line().map(|l| l.knelpunten).filter(|k| !k.is_empty())
                    aria-label=move || s::line_status_button(number, line().and_then(|l| l.status))
                    on:click=move |_| state.programme.editing.set(Some((state.doc.id(), number)))
                >
                    {move || s::line_status(line().and_then(|l| l.status))}
                </button>
                </p>
                <div class="lane-tools">
                    <button
                        type="button"
                        class="lane-button"
                        title=move || if collapsed() { s::EXPAND } else { s::COLLAPSE }
                        aria-expanded=move || (!collapsed()).to_string()
                        aria-label=move || s::lane_action(if collapsed() { s::EXPAND } else { s::COLLAPSE }, number)
                        on:click=move |_| state.panels.toggle_collapsed(number)
                    >
                        <span aria-hidden="true">{move || if collapsed() { s::EXPAND_ICON } else { s::COLLAPSE_ICON }}</span>
                    </button>
                    <button
                        type="button"
                        class="lane-button"
                        title=move || if focused() { s::ALL_LINES } else { s::ONLY_THIS_LINE }
                        aria-pressed=move || focused().to_string()
                        aria-label=move || if focused() { s::ALL_LINES.to_string() } else { s::lane_action(s::ONLY_THIS_LINE, number) }
                        on:click=move |_| state.panels.focus_lane.set(if focused() { None } else { Some(number) })
                    >
                        <span aria-hidden="true">{s::FOCUS_ICON}</span>
                    </button>
                </div>
                <Show when=collapsed>
                    <p class="collapsed-count">{count}</p>
                </Show>
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
