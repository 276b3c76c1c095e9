use leptos::prelude::*;
use uuid::Uuid;

use super::state::{card_dom_id, focus_card_later, use_state};
use crate::model::{CellKey, Direction};
use crate::strings as s;

/// Maps a key press on a focused card to a move, if it is one:
/// Alt+←/→ column, Alt+↑/↓ line, Alt+Shift+↑/↓ order within the cell.
fn key_move(ev: &web_sys::KeyboardEvent) -> Option<Direction> {
    if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return None;
    }
    match (ev.key().as_str(), ev.shift_key()) {
        ("ArrowLeft", _) => Some(Direction::Left),
        ("ArrowRight", _) => Some(Direction::Right),
        ("ArrowUp", false) => Some(Direction::Up),
        ("ArrowDown", false) => Some(Direction::Down),
        ("ArrowUp", true) => Some(Direction::Earlier),
        ("ArrowDown", true) => Some(Direction::Later),
        _ => None,
    }
}

/// One card: a summary that opens the editor, a "Verplaats naar…" button,
/// draggable with the mouse and movable with the keyboard.
#[component]
pub fn Card(id: Uuid, cell: CellKey) -> impl IntoView {
    let state = use_state();
    let Some(item) = state.card(id) else {
        return ().into_any();
    };
    let open = move || {
        state.edit_error.set(None);
        state.editing.set(Some(id));
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(direction) = key_move(&ev) {
            ev.prevent_default();
            if state.step(id, direction).is_ok() {
                focus_card_later(id);
            }
            return;
        }
        let plain = !(ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key());
        let towards = match ev.key().as_str() {
            "ArrowUp" => Some(super::dom::Towards::Up),
            "ArrowDown" => Some(super::dom::Towards::Down),
            "ArrowLeft" => Some(super::dom::Towards::Left),
            "ArrowRight" => Some(super::dom::Towards::Right),
            _ => None,
        };
        if let (true, Some(towards)) = (plain, towards) {
            if let Some(el) = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            {
                ev.prevent_default();
                super::dom::focus_neighbour(&el, towards);
            }
            return;
        }
        match ev.key().as_str() {
            "Enter" | " " if is_open_button(&ev) && !ev.repeat() => {
                ev.prevent_default();
                open();
            }
            "Delete" => {
                ev.prevent_default();
                let _ = state.delete_and_refocus(id);
            }
            _ => {}
        }
    };

    let on_dragstart = move |ev: leptos::ev::DragEvent| {
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &item.with_untracked(|i| i.title.clone()));
            dt.set_effect_allowed("move");
        }
        state.dragging.set(Some(id));
    };
    let on_dragend = move |_| {
        state.dragging.set(None);
        state.drop_target.set(None);
    };

    // Touch (and pen): drag by the ⇄ handle with pointer events; a tap on
    // it still opens "Verplaats naar…".
    let touch_start = StoredValue::new(None::<(f64, f64)>);
    let touch_dragged = StoredValue::new(false);
    let target_at = move |x: f64, y: f64| {
        let (line, col, el) = super::dom::cell_at_point(x, y)?;
        let column = state
            .meta
            .with_untracked(|m| m.columns.get(col as usize).map(|c| c.id))?;
        Some(((line as u8, column), super::dom::card_below(&el, y, id)))
    };
    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            return;
        }
        touch_start.set_value(Some((ev.client_x() as f64, ev.client_y() as f64)));
        touch_dragged.set_value(false);
        if let Some(el) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0)) = touch_start.get_value() else {
            return;
        };
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        if !touch_dragged.get_value() && (x - x0).hypot(y - y0) < 10.0 {
            return;
        }
        ev.prevent_default();
        touch_dragged.set_value(true);
        if state.dragging.get_untracked() != Some(id) {
            state.dragging.set(Some(id));
        }
        let target = target_at(x, y);
        if state.drop_target.get_untracked() != target {
            state.drop_target.set(target);
        }
    };
    let on_pointerup = move |ev: leptos::ev::PointerEvent| {
        let started = touch_start.get_value().is_some();
        touch_start.set_value(None);
        if !started || !touch_dragged.get_value() {
            return;
        }
        if let Some((cell, before)) = target_at(ev.client_x() as f64, ev.client_y() as f64) {
            if state.move_before(id, cell, before).is_ok() {
                focus_card_later(id);
            }
        }
        state.dragging.set(None);
        state.drop_target.set(None);
    };
    let on_pointercancel = move |_| {
        touch_start.set_value(None);
        touch_dragged.set_value(false);
        state.dragging.set(None);
        state.drop_target.set(None);
    };

    // What the card shows: a move or a rank change (line, column, rank)
    // does not re-render it.
    let face = Memo::new(move |_| {
        item.with(|i| Face {
            title: i.title.clone(),
            trekker: i.trekker.clone(),
            start: i.start,
            end: i.end,
            scope: i.scope,
            tags: i.tags.clone(),
        })
    });
    // One effect for the card's classes and one for its content: each
    // depends only on this card's own signals, so a change elsewhere on the
    // board (or a drag, or the filter) does not run every card's code.
    let class = move || {
        let mut class = String::from("card");
        if state.dragging_card.with_value(|s| s.selected(&Some(id))) {
            class.push_str(" dragging");
        }
        if !state.shown(id) {
            class.push_str(" filtered-out");
        }
        if state.drop_before_card.with_value(|s| s.selected(&Some(id)))
            && state
                .drop_target
                .with_untracked(|t| t.is_some_and(|(c, _)| c == cell))
        {
            class.push_str(" drop-before");
        }
        if face.with(|f| f.scope == Some(crate::model::Scope::Extern)) {
            class.push_str(" extern");
        }
        class
    };
    let on_move_click = move |_| {
        // The end of a touch drag is no tap.
        if touch_dragged.get_value() {
            touch_dragged.set_value(false);
        } else {
            state.moving.set(Some(id));
        }
    };
    let content = move || {
        face.with(|i| {
            let title = if i.title.trim().is_empty() {
                s::UNTITLED.to_string()
            } else {
                i.title.clone()
            };
            let trekker = (!i.trekker.is_empty())
                .then(|| view! { <span class="trekker">{i.trekker.clone()}</span> });
            let dates = s::date_range(i.start, i.end);
            let dates = (!dates.is_empty()).then(|| view! { <span class="dates">{dates}</span> });
            let scope = i
                .scope
                .map(|sc| view! { <span class="scope">{s::scope(sc)}</span> });
            let tags = (!i.tags.is_empty()).then(|| {
                view! {
                    <span class="tags">
                        {i.tags
                            .iter()
                            .map(|t| view! { <span class="tag">{t.clone()}</span> })
                            .collect_view()}
                    </span>
                }
            });
            let label = s::move_card(&title);
            view! {
                <div class="card-open" role="button" tabindex="0" on:click=move |_| open()>
                    <span class="card-title">{title}</span>
                    <span class="card-meta">{trekker}{dates}{scope}</span>
                    {tags}
                </div>
                <button
                    type="button"
                    class="card-move"
                    title=s::MOVE_TO
                    aria-label=label
                    on:click=on_move_click
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=on_pointerup
                    on:pointercancel=on_pointercancel
                >
                    <span aria-hidden="true">"⇄"</span>
                </button>
            }
        })
    };

    view! {
        <li
            class=class
            id=card_dom_id(id)
            data-id=id.to_string()
            draggable="true"
            on:dragstart=on_dragstart
            on:dragend=on_dragend
            on:keydown=on_keydown
        >
            {content}
        </li>
    }
    .into_any()
}

/// The fields of an item that its card shows.
#[derive(Clone, PartialEq)]
struct Face {
    title: String,
    trekker: String,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
    scope: Option<crate::model::Scope>,
    tags: Vec<String>,
}

fn is_open_button(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|el| el.class_list().contains("card-open"))
}
