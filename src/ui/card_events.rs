//! What a card does when used: keys, clicks and mouse dragging. Handled
//! once on the board for every card (found from the event's target), so a
//! board of thousands of cards attaches a handful of listeners, not five
//! per card.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::dom::{self, Towards};
use super::state::{focus_card_later, AppState};
use crate::model::Direction;

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

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into().ok()
}

/// The card an event happened in: its element and id.
pub(super) fn card_of(el: &web_sys::Element) -> Option<(web_sys::Element, Uuid)> {
    let card = el.closest(".card").ok()??;
    let id = Uuid::parse_str(&card.get_attribute("data-id")?).ok()?;
    Some((card, id))
}

fn open(state: AppState, id: Uuid) {
    state.edit_error.set(None);
    state.editing.set(Some(id));
}

pub fn on_keydown(state: AppState, ev: web_sys::KeyboardEvent) {
    let Some(el) = target(&ev) else { return };
    let Some((_, id)) = card_of(&el) else { return };
    // Moving through the cards: they must all be there. A key is no end of
    // a touch drag (its click, if any, is a real one).
    state.draw_all();
    state.touch.set_value(None);
    if let Some(direction) = key_move(&ev) {
        ev.prevent_default();
        if state.step(id, direction).is_ok() {
            focus_card_later(id);
        }
        return;
    }
    let plain = !(ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key());
    let towards = match ev.key().as_str() {
        "ArrowUp" => Some(Towards::Up),
        "ArrowDown" => Some(Towards::Down),
        "ArrowLeft" => Some(Towards::Left),
        "ArrowRight" => Some(Towards::Right),
        _ => None,
    };
    if let (true, Some(towards)) = (plain, towards) {
        ev.prevent_default();
        dom::focus_neighbour(&el, towards);
        return;
    }
    match ev.key().as_str() {
        "Enter" | " " if el.class_list().contains("card-open") && !ev.repeat() => {
            ev.prevent_default();
            open(state, id);
        }
        "Delete" => {
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
            state.moving.set(Some(id));
        }
    } else if el.closest(".card-open").ok().flatten().is_some() {
        open(state, id);
    }
}

pub fn on_dragstart(state: AppState, ev: web_sys::DragEvent) {
    let Some(el) = target(&ev) else { return };
    let Some((_, id)) = card_of(&el) else { return };
    // Dropping needs every card in place to find the spot.
    state.draw_all();
    if let Some(dt) = ev.data_transfer() {
        let title = state.item(id).map(|i| i.title).unwrap_or_default();
        let _ = dt.set_data("text/plain", &title);
        dt.set_effect_allowed("move");
    }
    state.dragging.set(Some(id));
}

pub fn on_dragend(state: AppState) {
    state.dragging.set(None);
    state.drop_target.set(None);
}
