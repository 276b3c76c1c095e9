//! Touch (and pen) dragging: a card is dragged by its ⇄ handle with
//! pointer events (HTML drag and drop is mouse-only). One set of handlers
//! on the board serves every card, so a big board does not attach four
//! listeners per card; a tap on the handle still opens "Verplaats naar…".

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::dom::{self, focus_card_later};
use super::state::{AppState, DropTarget, Touch};

/// The card whose ⇄ handle is at the start of this event, if any.
fn handle_card(ev: &web_sys::PointerEvent) -> Option<(web_sys::Element, Uuid)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let handle = target.closest(".card-move").ok()??;
    let (_, id) = dom::card_of(&handle)?;
    Some((handle, id))
}

fn target_at(state: AppState, x: f64, y: f64, id: Uuid) -> Option<DropTarget> {
    let (line, col, el) = dom::cell_at_point(x, y)?;
    let column = state
        .doc
        .meta
        .with_untracked(|m| m.column_at(col as usize))?;
    Some(((line as u8, column), dom::card_below(&el, y, id)))
}

pub fn on_pointerdown(state: AppState, ev: web_sys::PointerEvent) {
    // A new gesture: whatever the last one left behind is over.
    state.drag.touch.set_value(None);
    if ev.pointer_type() == "mouse" {
        return;
    }
    let Some((handle, card)) = handle_card(&ev) else {
        return;
    };
    state.drag.touch.set_value(Some(Touch {
        card,
        x0: ev.client_x() as f64,
        y0: ev.client_y() as f64,
        dragged: false,
        active: true,
    }));
    // Later events of this pointer come to the handle (and bubble here).
    // Without capture the drag cannot be followed: no drag then (a tap's
    // click still opens "Verplaats naar…").
    if handle.set_pointer_capture(ev.pointer_id()).is_err() {
        state.drag.touch.set_value(None);
    }
}

pub fn on_pointermove(state: AppState, ev: web_sys::PointerEvent) {
    let Some(touch) = state.drag.touch.get_value().filter(|t| t.active) else {
        return;
    };
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    if !touch.dragged && (x - touch.x0).hypot(y - touch.y0) < 10.0 {
        return;
    }
    ev.prevent_default();
    if !touch.dragged {
        // Dropping needs every card in place to find the spot.
        state.views.draw_all();
    }
    state.drag.touch.set_value(Some(Touch {
        dragged: true,
        ..touch
    }));
    if state.drag.dragging.get_untracked() != Some(touch.card) {
        state.drag.dragging.set(Some(touch.card));
    }
    state.drag.aim(target_at(state, x, y, touch.card));
}

pub fn on_pointerup(state: AppState, ev: web_sys::PointerEvent) {
    let Some(touch) = state.drag.touch.get_value().filter(|t| t.active) else {
        return;
    };
    if !touch.dragged {
        // A tap: the click that follows opens "Verplaats naar…".
        state.drag.touch.set_value(None);
        return;
    }
    // Kept (dragged, no longer active) for the click that ends the gesture.
    state.drag.touch.set_value(Some(Touch {
        active: false,
        ..touch
    }));
    let id = touch.card;
    if let Some((cell, before)) = target_at(state, ev.client_x() as f64, ev.client_y() as f64, id) {
        if state.move_before(id, cell, before).is_ok() {
            focus_card_later(id);
        }
    }
    state.drag.end();
}

pub fn on_pointercancel(state: AppState) {
    // A mouse drag starting (HTML drag and drop) cancels its pointer too:
    // only a touch drag of ours is ended here.
    if !state.drag.touch.get_value().is_some_and(|t| t.active) {
        return;
    }
    state.drag.touch.set_value(None);
    state.drag.end();
}

/// A click on card `id`'s handle: false when it only ends a touch drag.
pub fn is_tap(state: AppState, id: Uuid) -> bool {
    match state.drag.touch.get_value() {
        Some(t) if t.card == id && t.dragged => {
            state.drag.touch.set_value(None);
            false
        }
        _ => true,
    }
}
