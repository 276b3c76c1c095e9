//! The year timeline's events, for its bars and its undated cards alike.
//! Keys from the table in `keys` (Place::Activity). Dragging with pointer
//! events (mouse, touch and pen alike): a bar's body moves the activity
//! whole months, a handle moves that end, an undated card dropped on a
//! month gets its first day. The pressed element captures the pointer, so
//! its own handlers follow the drag; what a drop does is an `AppState`
//! command, and the model's refusal (an end past the other) snaps the bar
//! back, said why.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::dom;
use super::keys::{self, Command, Place};
use super::state::{AppState, BarDrag, Grip};

/// A key on activity `id` (a bar, or an undated card): Alt+←/→ moves it
/// a month, Alt+Shift+←/→ its end, Ctrl+Shift+←/→ its start. The focus
/// stays on it (the view is redrawn); the state command says what changed
/// or why not.
pub fn on_keydown(state: AppState, ev: &web_sys::KeyboardEvent, id: Uuid, year: i32) {
    state.drag.bar_dropped.set_value(None);
    let key = ev.key();
    match keys::command(Place::Activity, &dom::press(ev, &key), true) {
        Some(Command::Month(delta)) => state.step_month(id, delta, year),
        Some(Command::Edge(edge, delta)) => {
            state.step_edge(id, edge, delta, year);
        }
        _ => return,
    }
    ev.prevent_default();
    dom::focus_activity_later(id);
}

/// How far (px) a pointer moves before a press is a drag, not a click.
const DRAG_AFTER: f64 = 6.0;

/// The month under the pointer for this grip: bars clamp to the year's
/// ends; an undated card must be over the timeline.
fn month_for(grip: Grip, x: f64, y: f64) -> Option<u32> {
    match grip {
        Grip::Undated => dom::timeline_month_at(x, Some(y), false),
        Grip::Body | Grip::Edge(_) => dom::timeline_month_at(x, None, true),
    }
}

pub fn on_pointerdown(state: AppState, ev: &web_sys::PointerEvent, id: Uuid, grip: Grip) {
    if ev.button() != 0 || !ev.is_primary() {
        return;
    }
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    state.drag.bar_dropped.set_value(None);
    state.drag.bar.set(Some(BarDrag {
        id,
        grip,
        x0: x,
        y0: y,
        x,
        y,
        month0: dom::timeline_month_at(x, None, true),
        over: None,
        dragged: false,
    }));
    // Later events of this pointer come to the pressed element: its own
    // handlers follow the drag wherever the pointer goes.
    let captured = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.set_pointer_capture(ev.pointer_id()).is_ok());
    if !captured {
        state.drag.bar.set(None);
    }
}

pub fn on_pointermove(state: AppState, ev: &web_sys::PointerEvent) {
    let Some(drag) = state.drag.bar.get_untracked() else {
        return;
    };
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    if !drag.dragged && (x - drag.x0).hypot(y - drag.y0) < DRAG_AFTER {
        return;
    }
    ev.prevent_default();
    let next = BarDrag {
        x,
        y,
        over: month_for(drag.grip, x, y),
        dragged: true,
        ..drag
    };
    // A bar only follows whole months; an undated card follows the pointer.
    let moved = drag.grip == Grip::Undated || next.over != drag.over || !drag.dragged;
    if moved {
        state.drag.bar.set(Some(next));
    } else {
        state.drag.bar.update_untracked(|d| *d = Some(next));
    }
}

/// The pointer is lifted: a drag is applied (or refused), a press without
/// movement is left to the click that follows.
pub fn on_pointerup(state: AppState, ev: &web_sys::PointerEvent, year: i32) {
    let Some(drag) = state.drag.bar.get_untracked() else {
        return;
    };
    state.drag.bar.set(None);
    if !drag.dragged {
        return;
    }
    // The click this release makes is the end of a drag, not an "open".
    state.drag.bar_dropped.set_value(Some(js_sys::Date::now()));
    let over = month_for(drag.grip, ev.client_x() as f64, ev.client_y() as f64);
    let Some(month) = over else { return };
    match drag.grip {
        Grip::Body => {
            let delta = month as i32 - drag.month0.unwrap_or(month) as i32;
            if delta != 0 {
                state.step_month(drag.id, delta, year);
            }
        }
        Grip::Edge(edge) => {
            state.edge_to_month(drag.id, edge, year, month + 1);
        }
        Grip::Undated => state.move_to_month(drag.id, year, month + 1),
    }
    dom::focus_activity_later(drag.id);
}

pub fn on_pointercancel(state: AppState) {
    if state.drag.bar.get_untracked().is_some() {
        state.drag.bar.set(None);
    }
}

/// A click on an activity: false when it only ends a drag. Any activity's:
/// the view is redrawn on the drop, and the element the click comes to
/// may show another activity by then.
pub fn is_click(state: AppState) -> bool {
    match state.drag.bar_dropped.get_value() {
        Some(at) => {
            state.drag.bar_dropped.set_value(None);
            js_sys::Date::now() - at > CLICK_AFTER_DROP_MS
        }
        None => true,
    }
}

/// How long after a drop its click may come.
const CLICK_AFTER_DROP_MS: f64 = 1000.0;
