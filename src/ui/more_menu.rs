use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::strings as s;

/// "Meer": a disclosure button with the toolbar's secondary actions, for
/// when the screen is too narrow to show them all. Which actions it holds
/// at which width is CSS (`.more-panel > .m1` …); the toolbar renders each
/// action twice, inline and here. The button says whether the list is open
/// (`aria-expanded`); Tab or the arrow keys go through the items, Escape
/// closes it and gives the focus back to the button, and so do a click on
/// an item (before its dialog opens, so the dialog returns the focus
/// there), a click outside and the focus leaving it.
#[component]
pub fn MoreMenu(children: Children) -> impl IntoView {
    let open = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();

    let contains = move |target: Option<web_sys::EventTarget>| {
        let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        root.get_untracked()
            .is_some_and(|r| node.is_some() && r.contains(node.as_ref()))
    };
    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    // The items shown now (CSS hides the ones that are inline at this width).
    let items = move || -> Vec<web_sys::HtmlElement> {
        let Some(r) = root.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = r.query_selector_all(".more-panel > button") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|e| e.offset_parent().is_some() && !e.has_attribute("disabled"))
            .collect()
    };
    let focus_item = move |pick: &dyn Fn(usize, Option<usize>) -> usize| {
        let list = items();
        if list.is_empty() {
            return;
        }
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let at = list.iter().position(|e| {
            active
                .as_ref()
                .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
        });
        let _ = list[pick(list.len(), at) % list.len()].focus();
    };

    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if open.get_untracked() && !contains(ev.target()) {
            close(false);
        }
    });
    on_cleanup(move || outside.remove());

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !open.get_untracked() {
            if ev.key() == "ArrowDown" && contains(ev.target()) {
                ev.prevent_default();
                open.set(true);
                request_animation_frame(move || focus_item(&|_, _| 0));
            }
            return;
        }
        match ev.key().as_str() {
            "Escape" => close(true),
            "ArrowDown" => focus_item(&|n, at| at.map_or(0, |i| i + 1) % n),
            "ArrowUp" => focus_item(&|n, at| at.map_or(n - 1, |i| i + n - 1)),
            "Home" => focus_item(&|_, _| 0),
            "End" => focus_item(&|n, _| n - 1),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
    };
    // Focus gone elsewhere (Tab past the last item): the list closes.
    let on_focusout = move |_| {
        request_animation_frame(move || {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if open.get_untracked() && !contains(active.map(Into::into)) {
                open.set(false);
            }
        });
    };
    // An item chosen: close first and put the focus on "Meer", so a dialog
    // the item opens gives it back there (the item itself is hidden then).
    // In the capture phase: before the item's own handler, after which the
    // browser may open its dialog at once.
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = panel.get() else {
            return;
        };
        let on_item =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                let on_button = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest("button").ok().flatten())
                    .is_some();
                if on_button {
                    close(true);
                }
            });
        let _ = el.add_event_listener_with_callback_and_bool(
            "click",
            on_item.as_ref().unchecked_ref(),
            true,
        );
        // The toolbar lives as long as the page.
        on_item.forget();
    });

    view! {
        <div class="more" node_ref=root on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                class="button more-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="meer-menu"
                node_ref=button
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {s::MORE}
                <span aria-hidden="true">{move || if open.get() { " ▴" } else { " ▾" }}</span>
            </button>
            <div id="meer-menu" class="more-panel" hidden=move || !open.get() node_ref=panel>
                {children()}
            </div>
        </div>
    }
}
