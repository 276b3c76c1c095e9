//! What a card does when used: keys, clicks and mouse dragging. Handled
//! once on the board for every card (found from the event's target), so a
//! board of thousands of cards attaches a handful of listeners, not five
//! per card.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::dom::{self, card_of, focus_card_later};
use super::keys::{self, Command, Place};
use super::state::AppState;

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

fn open(state: AppState, id: Uuid) {
    state.feedback.edit_error.set(None);
    state.panels.editing.set(Some(id));
}

pub fn on_keydown(state: AppState, ev: web_sys::KeyboardEvent) {
    let Some(el) = target(&ev) else { return };
    let Some((_, id)) = card_of(&el) else { return };
    // Moving through the cards: they must all be there. A key is no end of
    // a touch drag (its click, if any, is a real one).
    state.views.draw_all();
    state.drag.touch.set_value(None);
    let key = ev.key();
    match keys::command(Place::Card, &dom::press(&ev, &key), true) {
        Some(Command::Move(direction)) => {
            ev.prevent_default();
            if state.step(id, direction).is_ok() {
                focus_card_later(id);
            }
        }
        Some(Command::Focus(towards)) => {
            ev.prevent_default();
            dom::focus_neighbour(&el, towards);
        }
        Some(Command::Open) if el.class_list().contains("card-open") && !ev.repeat() => {
            ev.prevent_default();
            open(state, id);
        }
        Some(Command::Delete) => {
            ev.prevent_default();
            let _ = state.delete_and_refocus(id);
        }
        _ => {}
    }
}

pub fn on_click(state: AppState, ev: web_sys::MouseEvent) {
    let Some(el) = target(&ev) else { return };
    let Some((_, id)) = card_of(&el) else { return };
    if el.closest(".card-move").ok().flatten().is_some() {
        // The end of a touch drag is no tap.
        if super::touch::is_tap(state, id) {
            state.panels.moving.set(Some(id));
        }
    } else if el.closest(".card-open").ok().flatten().is_some() {
        open(state, id);
    }
}

pub fn on_dragstart(state: AppState, ev: web_sys::DragEvent) {
    let Some(el) = target(&ev) else { return };
    let Some((_, id)) = card_of(&el) else { return };
    // Dropping needs every card in place to find the spot.
    state.views.draw_all();
    if let Some(dt) = ev.data_transfer() {
        let title = state.doc.title_of(id);
        let _ = dt.set_data("text/plain", &title);
        dt.set_effect_allowed("move");
    }
    state.drag.dragging.set(Some(id));
}

pub fn on_dragend(state: AppState) {
    state.drag.end();
}
