use leptos::prelude::*;

use super::card_events;
use super::lane::Lane;
use super::state::use_state;
use super::touch;
use crate::strings as s;

/// The grid: a header row of columns, then one lane per programme line.
#[component]
pub fn BoardView() -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let columns = move || meta.with(|m| m.columns.len()).to_string();
    // Counted again when the board is drawn anew (opened, replaced).
    let many = move || {
        state.views.generation.track();
        state.doc.with_board(|b| b.items.len()) >= super::policy::MANY_CARDS
    };
    view! {
        <div
            class="board"
            class:many=many
            role="region"
            aria-label=s::BOARD_LABEL
            style:--columns=columns
            on:keydown=move |ev| card_events::on_keydown(state, ev)
            on:click=move |ev| card_events::on_click(state, ev)
            on:dragstart=move |ev| card_events::on_dragstart(state, ev)
            on:dragend=move |_| card_events::on_dragend(state)
            on:pointerdown=move |ev| touch::on_pointerdown(state, ev)
            on:pointermove=move |ev| touch::on_pointermove(state, ev)
            on:pointerup=move |ev| touch::on_pointerup(state, ev)
            on:pointercancel=move |_| touch::on_pointercancel(state)
        >
            <div class="board-head">
                <div class="corner">{s::LINE}</div>
                // Keyed by generation too: after a rebuild the counts must
                // follow the new cell signals.
                <For
                    each=move || {
                        let g = state.views.generation.get();
                        meta.with(|m| m.columns.iter().map(|c| (g, c.clone())).collect::<Vec<_>>())
                    }
                    key=|(g, c)| (*g, c.id, c.name.clone(), c.wip_limit, c.removed.is_some())
                    let:entry
                >
                    <ColumnHead
                        id=entry.1.id
                        name=entry.1.name
                        wip=entry.1.wip_limit
                        removed=entry.1.removed.is_some()
                    />
                </For>
            </div>
            // Rebuilt only when the whole board is replaced.
            {move || {
                state.views.generation.track();
                meta.with_untracked(|m| m.lines.iter().map(|l| l.number).collect::<Vec<_>>())
                    .into_iter()
                    .map(|number| view! { <Lane number=number /> })
                    .collect_view()
            }}
        </div>
    }
}

/// A column's header: name, and the cards it shows of those it holds
/// ("2 van 13" with a filter on, "13" without), with the WIP limit when
/// set; over the limit it says so in words, not only in red.
#[component]
fn ColumnHead(id: uuid::Uuid, name: String, wip: Option<u32>, removed: bool) -> impl IntoView {
    let state = use_state();
    let counted = Memo::new(move |_| state.counted_column(id));
    let over = move || wip.is_some_and(|w| counted.with(|c| c.total) > w as usize);
    let figure = move || {
        let c = counted.get();
        s::column_figure(c.shown, c.total, state.filtering(), wip)
    };
    view! {
        <div class="column-head" class:over-limit=over>
            <span class="column-name">{name}</span>
            {removed.then(|| view! { <span class="removed-tag">{s::REMOVED_COLUMN}</span> })}
            <span class="column-count">{figure}</span>
            {move || wip.filter(|_| over()).map(|w| view! {
                <span class="wip-over" aria-hidden="true">{s::OVER_LIMIT}</span>
                <span class="sr-only">{s::wip_over(counted.with(|c| c.total), w)}</span>
            })}
        </div>
    }
}
