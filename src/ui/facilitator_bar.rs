use leptos::prelude::*;

use super::dom;
use super::present;
use super::state::{use_state, View};
use crate::strings as s;

/// DOM id of the bar's "+ Kaart", where the focus returns after adding.
const ADD_ID: &str = "presentatie-kaart";

/// In presentation mode, next to the board's title: the few actions a
/// facilitator needs, in large type with their names written out, so
/// nobody has to know the shortcuts. "+ Kaart" opens the add field of
/// the cell the focus was last in (else the first open cell), as "n" does.
#[component]
pub fn FacilitatorBar() -> impl IntoView {
    let state = use_state();
    let panels = state.panels;
    // The cell the focus was last in, as (line, column position): the bar's
    // own buttons take the focus, so it is noted on the way in.
    let last_cell = StoredValue::new(None::<(u8, usize)>);
    let focus_handle = window_event_listener(leptos::ev::focusin, move |_| {
        if let Some((line, column)) = dom::focused_cell() {
            if let (Ok(line), Ok(column)) = (u8::try_from(line), usize::try_from(column)) {
                last_cell.set_value(Some((line, column)));
            }
        }
    });
    on_cleanup(move || focus_handle.remove());

    // Adding and filtering are for the board (not the calendar or the
    // overview, nor a board shown read-only).
    let on_board = move || {
        state.nav.view.get() == View::Board && state.doc.over_limit.with(Option::is_none)
    };
    let add = move |_| {
        let cell = state.doc.meta.with_untracked(|m| {
            let lines: Vec<u8> = m.lines.iter().map(|l| l.number).collect();
            let open = panels.collapsed.with_untracked(|c| {
                present::open_lines(&lines, c, panels.focus_lane.get_untracked())
            });
            let (line, column) = present::add_target(last_cell.get_value(), &open, m.columns.len())?;
            Some((line, m.column_at(column)?))
        });
        if let Some(cell) = cell {
            // The field must be drawn where it opens.
            state.views.draw_all();
            panels.adding.set(Some(cell));
        }
    };
    // The add field closed (Escape) while presenting: its cell's "+ Kaart"
    // is not shown, so the focus comes back here instead of being lost.
    Effect::new(move |was: Option<bool>| {
        let adding = panels.adding.with(Option::is_some);
        if was == Some(true) && !adding && panels.presenting.get_untracked() {
            request_animation_frame(|| {
                let lost = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .is_none_or(|el| el.tag_name() == "BODY");
                if lost {
                    dom::focus(&format!("#{ADD_ID}"));
                }
            });
        }
        adding
    });
    let toggle_filters = move |_| {
        let open = !panels.filters_open.get_untracked();
        panels.filters_open.set(open);
        if open {
            request_animation_frame(|| dom::focus("#zoeken"));
        }
    };
    let leave = move |_| {
        panels.toggle_presenting();
        request_animation_frame(|| dom::focus(".toolbar .present"));
    };

    view! {
        <Show when=move || panels.presenting.get()>
            <div class="facilitator" role="group" aria-label=s::FACILITATOR>
                <button
                    type="button"
                    class="button"
                    id=ADD_ID
                    title=s::FACILITATOR_ADD_HINT
                    aria-keyshortcuts="n"
                    disabled=move || !on_board()
                    on:click=add
                >
                    {s::ADD_CARD}
                </button>
                <button
                    type="button"
                    class="button"
                    aria-keyshortcuts="Control+Z"
                    disabled=move || !state.doc.can_undo.get()
                    on:click=move |_| state.undo()
                >
                    {s::UNDO}
                </button>
                <button
                    type="button"
                    class="button"
                    aria-keyshortcuts="Control+Shift+Z"
                    disabled=move || !state.doc.can_redo.get()
                    on:click=move |_| state.redo()
                >
                    {s::REDO}
                </button>
                <button
                    type="button"
                    class="button"
                    title=s::FACILITATOR_FILTER_HINT
                    aria-controls=move || on_board().then_some("filters")
                    disabled=move || !on_board()
                    aria-expanded=move || panels.filters_open.get().to_string()
                    on:click=toggle_filters
                >
                    {s::FILTER}
                </button>
                <button
                    type="button"
                    class="button present-leave"
                    title=s::STOP_PRESENTING_HINT
                    aria-pressed="true"
                    aria-keyshortcuts="p"
                    on:click=leave
                >
                    {s::STOP_PRESENTING}
                </button>
            </div>
        </Show>
    }
}
