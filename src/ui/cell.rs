use leptos::prelude::*;
use uuid::Uuid;

use super::card::Card;
use super::dom::{self, add_button_id};
use super::state::use_state;
use crate::strings as s;

/// One cell (line × column): its cards, a drop target while dragging, and
/// the "add card" control.
#[component]
pub fn Cell(line: u8, column: Uuid) -> impl IntoView {
    let state = use_state();
    let key = (line, column);
    let ids = state.cell(key);
    let meta = state.doc.meta;
    let column_name = move || meta.with(|m| m.column_name(column));
    let label = move || s::cell_label(line, &meta.with(|m| m.line_name(line)), &column_name());
    let cell_ref = NodeRef::<leptos::html::Div>::new();
    let col_index = move || {
        meta.with(|m| m.columns.iter().position(|c| c.id == column).unwrap_or(0))
            .to_string()
    };

    // A line without cards says, in its first cell, what belongs in it
    // (the template has no explanation cards; this is their place).
    let empty_line_hint = move || {
        let first = meta.with(|m| m.columns.first().map(|c| c.id)) == Some(column);
        if !first || state.counted_line(line).total > 0 {
            return None;
        }
        let description = meta.with(|m| m.line(line).map(|l| l.description.clone()))?;
        (!description.trim().is_empty()).then(|| s::empty_line(&description))
    };

    let is_target = move || state.drag.drop_target.with(|t| t.is_some_and(|(c, _)| c == key));
    let is_end_target = move || state.drag.drop_target.get() == Some((key, None));

    let on_dragover = move |ev: leptos::ev::DragEvent| {
        let Some(dragged) = state.drag.dragging.get_untracked() else {
            return;
        };
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("move");
        }
        let Some(el) = cell_ref.get_untracked() else {
            return;
        };
        state
            .drag
            .aim(Some((key, dom::card_below(&el, ev.client_y() as f64, dragged))));
    };
    let on_dragleave = move |ev: leptos::ev::DragEvent| {
        let Some(el) = cell_ref.get_untracked() else {
            return;
        };
        let to: Option<web_sys::Node> = ev
            .related_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        if !el.contains(to.as_ref()) && is_target() {
            state.drag.drop_target.set(None);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(dragged) = state.drag.dragging.get_untracked() else {
            return;
        };
        let before = state
            .drag
            .drop_target
            .get_untracked()
            .and_then(|(c, before)| if c == key { before } else { None });
        let _ = state.move_before(dragged, key, before);
        state.drag.end();
    };

    view! {
        <div
            class="cell"
            data-line=line.to_string()
            data-col=col_index
            role="group"
            aria-label=label
            node_ref=cell_ref
            class:drop-target=is_target
            class:drop-end=is_end_target
            on:dragover=on_dragover
            on:dragleave=on_dragleave
            on:drop=on_drop
        >
            // The cell's column and line on the cell itself, for the phone
            // layout where a line's cells stack (CSS shows it there only,
            // on top while the cell scrolls by; the group's label already
            // names the cell).
            <p class="cell-head" aria-hidden="true">
                <span class="cell-column">{column_name}</span>
                <span class="cell-line">{move || s::line_label(line, &meta.with(|m| m.line_name(line)))}</span>
            </p>
            <ul class="cards">
                // A big board draws its cells in steps (see `draw_limit`).
                <For
                    each=move || {
                        let limit = state.views.draw_limit.get();
                        ids.with(|v| v.iter().take(limit).copied().collect::<Vec<_>>())
                    }
                    key=|id| *id
                    let:id
                >
                    <Card id=id />
                </For>
            </ul>
            {move || empty_line_hint().map(|text| view! { <p class="cell-empty">{text}</p> })}
            <AddCard line=line column=column />
        </div>
    }
}

/// "+ Kaart": a button that turns into a title field. Enter adds a card and
/// keeps the field open for the next one; Escape (or leaving it empty)
/// closes it.
#[component]
fn AddCard(line: u8, column: Uuid) -> impl IntoView {
    let state = use_state();
    let key = (line, column);
    let meta = state.doc.meta;
    let label = move || s::add_card_to(line, &meta.with(|m| m.column_name(column)));
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let button_id = add_button_id(line, column);

    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    });

    let close = move |refocus: bool| {
        state.panels.adding.set(None);
        if refocus {
            let id = add_button_id(line, column);
            dom::focus_selector_soon(format!("#{id}"));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let Some(input) = input_ref.get_untracked() else {
                return;
            };
            let title = input.value();
            if title.trim().is_empty() {
                close(true);
            } else if state.add(key, &title).is_ok() {
                input.set_value("");
            }
        }
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            // Escape cancels: what is typed is not added on the way out.
            if let Some(input) = input_ref.get_untracked() {
                input.set_value("");
            }
            close(true);
        }
        _ => {}
    };
    // Leaving the field never loses a typed title: it becomes a card
    // (Ctrl+Z takes it back).
    let on_blur = move |_| {
        let Some(input) = input_ref.get_untracked() else {
            return;
        };
        let title = input.value();
        if !title.trim().is_empty() {
            let _ = state.add(key, &title);
        }
        if state.panels.adding.get_untracked() == Some(key) {
            close(false);
        }
    };

    view! {
        <Show
            when=move || state.panels.adding.get() == Some(key)
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="add-card"
                        id=button_id.clone()
                        aria-label=label
                        on:click=move |_| state.panels.adding.set(Some(key))
                    >
                        {s::ADD_CARD}
                    </button>
                }
            }
        >
            <input
                type="text"
                class="add-input" maxlength={crate::model::limits::Field::Title.max_chars()}
                node_ref=input_ref
                placeholder=s::NEW_CARD_PLACEHOLDER
                aria-label=label
                on:keydown=on_keydown
                on:blur=on_blur
            />
        </Show>
    }
}
