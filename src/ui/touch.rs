//! Touch (and pen) dragging: a card is dragged by its ⇄ handle with
//! pointer events (HTML drag and drop is mouse-only). One set of handlers
//! on the board serves every card, so a big board does not attach four
//! listeners per card; a tap on the handle still opens "Verplaats naar…".

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::dom;
use super::state::{focus_card_later, AppState, DropTarget};

/// A touch on a card's handle, from `pointerdown` until it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Touch {
    pub card: Uuid,
    pub x0: f64,
    pub y0: f64,
    /// Moved far enough to be a drag, not a tap.
    pub dragged: bool,
    /// The finger is still down.
    pub active: bool,
}

/// The card whose ⇄ handle is at the start of this event, if any.
fn handle_card(ev: &web_sys::PointerEvent) -> Option<(web_sys::Element, Uuid)> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let handle = target.closest(".card-move").ok()??;
    let (_, id) = super::card_events::card_of(&handle)?;
    Some((handle, id))
}

fn target_at(state: AppState, x: f64, y: f64, id: Uuid) -> Option<DropTarget> {
    let (line, col, el) = dom::cell_at_point(x, y)?;
    let column = state
        .meta
        .with_untracked(|m| m.columns.get(col as usize).map(|c| c.id))?;
    Some(((line as u8, column), dom::card_below(&el, y, id)))
}

pub fn on_pointerdown(state: AppState, ev: web_sys::PointerEvent) {
    // A new gesture: whatever the last one left behind is over.
    state.touch.set_value(None);
    if ev.pointer_type() == "mouse" {
        return;
    }
    let Some((handle, card)) = handle_card(&ev) else {
        return;
    };
    state.touch.set_value(Some(Touch {
        card,
        x0: ev.client_x() as f64,
        y0: ev.client_y() as f64,
        dragged: false,
        active: true,
    }));
    // Later events of this pointer come to the handle (and bubble here).
    let _ = handle.set_pointer_capture(ev.pointer_id());
}

pub fn on_pointermove(state: AppState, ev: web_sys::PointerEvent) {
    let Some(touch) = state.touch.get_value().filter(|t| t.active) else {
        return;
    };
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    if !touch.dragged && (x - touch.x0).hypot(y - touch.y0) < 10.0 {
        return;
    }
    ev.prevent_default();
    if !touch.dragged {
        // Dropping needs every card in place to find the spot.
        state.draw_all();
    }
    state.touch.set_value(Some(Touch {
        dragged: true,
        ..touch
    }));
    if state.dragging.get_untracked() != Some(touch.card) {
        state.dragging.set(Some(touch.card));
    }
    let target = target_at(state, x, y, touch.card);
    if state.drop_target.get_untracked() != target {
        state.drop_target.set(target);
    }
}

pub fn on_pointerup(state: AppState, ev: web_sys::PointerEvent) {
    let Some(touch) = state.touch.get_value().filter(|t| t.active) else {
        return;
    };
    if !touch.dragged {
        // A tap: the click that follows opens "Verplaats naar…".
        state.touch.set_value(None);
        return;
    }
    // Kept (dragged, no longer active) for the click that ends the gesture.
    state.touch.set_value(Some(Touch {
        active: false,
        ..touch
    }));
    let id = touch.card;
    if let Some((cell, before)) = target_at(state, ev.client_x() as f64, ev.client_y() as f64, id) {
        if state.move_before(id, cell, before).is_ok() {
            focus_card_later(id);
        }
    }
    state.dragging.set(None);
    state.drop_target.set(None);
}

pub fn on_pointercancel(state: AppState) {
    // A mouse drag starting (HTML drag and drop) cancels its pointer too:
    // only a touch drag of ours is ended here.
    if !state.touch.get_value().is_some_and(|t| t.active) {
        return;
    }
    state.touch.set_value(None);
    state.dragging.set(None);
    state.drop_target.set(None);
}

/// A click on card `id`'s handle: false when it only ends a touch drag.
pub fn is_tap(state: AppState, id: Uuid) -> bool {
    match state.touch.get_value() {
        Some(t) if t.card == id && t.dragged => {
            state.touch.set_value(None);
            false
        }
        _ => true,
    }
}
