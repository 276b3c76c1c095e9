//! Small DOM helpers the components share.

use std::cell::RefCell;
use std::collections::HashMap;

use uuid::Uuid;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `classList`, to add and remove a class given as a JS string made
    /// once: web-sys's `&str` form converts it again for every card.
    #[wasm_bindgen(js_name = DOMTokenList)]
    type Tokens;
    #[wasm_bindgen(method, js_name = add)]
    fn add(this: &Tokens, token: &js_sys::JsString);
    #[wasm_bindgen(method, js_name = remove)]
    fn remove(this: &Tokens, token: &js_sys::JsString);
}

thread_local! {
    /// The cards on the page by id, for [`set_filtered`]: made again (at
    /// most once a call) when a card is not in it or no longer on the page
    /// (redrawn, moved).
    static CARDS: RefCell<HashMap<Uuid, web_sys::Element>> = RefCell::new(HashMap::new());
}

/// Marks the cards `hide` as filtered out and `show` as not, on the page
/// as it is, in one pass and without any card running code of its own (a
/// card drawn later takes its mark from the state). At 10,000 cards this
/// is a few milliseconds, where a reactive class per card took over 100.
pub fn set_filtered(hide: &[Uuid], show: &[Uuid]) {
    if hide.is_empty() && show.is_empty() {
        return;
    }
    let Some(doc) = document() else { return };
    CARDS.with_borrow_mut(|cards| {
        let mut fresh = false;
        let mut find = |id: &Uuid| -> Option<web_sys::Element> {
            if let Some(card) = cards.get(id).filter(|c| c.is_connected()) {
                return Some(card.clone());
            }
            if fresh {
                return None;
            }
            fresh = true;
            cards.clear();
            let all = doc.get_elements_by_class_name("card");
            for i in 0..all.length() {
                let Some(card) = all.item(i) else { continue };
                if let Some(key) = card
                    .get_attribute("data-id")
                    .and_then(|k| Uuid::parse_str(&k).ok())
                {
                    cards.insert(key, card);
                }
            }
            cards.get(id).cloned()
        };
        let class = js_sys::JsString::from("filtered-out");
        for id in hide {
            if let Some(card) = find(id) {
                card.class_list().unchecked_into::<Tokens>().add(&class);
            }
        }
        for id in show {
            if let Some(card) = find(id) {
                card.class_list().unchecked_into::<Tokens>().remove(&class);
            }
        }
    });
}

/// Lets go of the cards [`set_filtered`] found, once another board is
/// drawn: they are off the page, and would be kept in memory.
pub fn forget_cards() {
    CARDS.with_borrow_mut(HashMap::clear);
}

pub use super::keys::Towards;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// DOM id of a cell's "add card" button.
pub fn add_button_id(line: u8, column: Uuid) -> String {
    format!("toevoegen-{line}-{column}")
}

/// Focuses a card's main button once the view has caught up (after a move
/// the card is a new element in another cell). In the jaarkalender: its
/// bar, or its button in "Nog niet gepland".
pub fn focus_card_later(id: Uuid) {
    focus_soon(move || quiet_focus(&format!(".card[data-id='{id}'] .card-open")) || focus_activity(id));
}

/// Focuses what `find` finds (it focuses with [`quiet_focus`], and says
/// whether it found it) once the view has caught up with the change just
/// made: in a microtask, after Leptos's effects have drawn the change and
/// before the next key is handled, so a quick Escape, Shift+Tab goes on
/// from the right place. Once more in the next frame if it was not found
/// yet, or if the focus was lost meanwhile (the element it went to was
/// drawn anew); never when the user has moved the focus on since. In that
/// frame the focused element is scrolled into view, in the layout the
/// frame does anyway.
pub fn focus_soon(find: impl Fn() -> bool + 'static) {
    let find = std::rc::Rc::new(find);
    let first = find.clone();
    leptos::task::spawn_local(async move {
        let found = first();
        let then = active_element();
        leptos::prelude::request_animation_frame(move || {
            // Moved on by the user (a key, a click) since: left there.
            if !focus_lost() && active_element() != then {
                return;
            }
            if !found || focus_lost() {
                find();
            }
            if !focus_lost() {
                scroll_focus_into_view();
            }
        });
    });
}

/// Focuses `selector` soon (see [`focus_soon`]).
pub fn focus_selector_soon(selector: String) {
    focus_soon(move || quiet_focus(&selector));
}

/// Focuses `selector` without scrolling to it (scrolling needs the page
/// laid out there and then); whether it was found.
fn quiet_focus(selector: &str) -> bool {
    let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
    true
}

/// Brings the focused element into view, as little as needed.
fn scroll_focus_into_view() {
    if let Some(el) = active_element() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn active_element() -> Option<web_sys::Element> {
    document().and_then(|d| d.active_element())
}

/// Whether the focus is on nothing in particular (the body).
fn focus_lost() -> bool {
    match (active_element(), document().and_then(|d| d.body())) {
        (Some(active), Some(body)) => active == *body,
        _ => true,
    }
}

/// DOM id of an activity's bar on the timeline.
pub fn bar_id(id: Uuid) -> String {
    format!("balk-{id}")
}

/// DOM id of an undated activity ("Nog niet gepland").
pub fn undated_id(id: Uuid) -> String {
    format!("activiteit-{id}")
}

/// Focuses an activity once the view has caught up: its bar, or its
/// button in "Nog niet gepland" while it has no date.
pub fn focus_activity_later(id: Uuid) {
    focus_soon(move || focus_activity(id));
}

/// Focuses an activity's bar, or its undated button; whether either is there.
fn focus_activity(id: Uuid) -> bool {
    quiet_focus(&format!("#{}", bar_id(id))) || quiet_focus(&format!("#{}", undated_id(id)))
}

/// The month (0 = January) of the editable timeline at `x` (client
/// pixels), from its month headers. `clamp`: left of January is January,
/// right of December is December; otherwise `None` there, and also when
/// `y` is given and outside the timeline.
pub fn timeline_month_at(x: f64, y: Option<f64>, clamp: bool) -> Option<u32> {
    let d = document()?;
    let months = d.query_selector(".timeline.editable .tl-months").ok()??;
    if let Some(y) = y {
        let area = d.query_selector(".timeline.editable").ok()??.get_bounding_client_rect();
        if y < area.top() || y > area.bottom() || x < area.left() || x > area.right() {
            return None;
        }
    }
    let r = months.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return None;
    }
    let month = ((x - r.left()) / r.width() * 12.0).floor();
    if !clamp && !(0.0..12.0).contains(&month) {
        return None;
    }
    Some(month.clamp(0.0, 11.0) as u32)
}

/// The card an element is in: the card's element and id.
pub fn card_of(el: &web_sys::Element) -> Option<(web_sys::Element, Uuid)> {
    let card = el.closest(".card").ok()??;
    let id = Uuid::parse_str(&card.get_attribute("data-id")?).ok()?;
    Some((card, id))
}

/// Focuses the first element matching `selector`, if any.
pub fn focus(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The card (by `data-id`) inside `container` that a pointer at height `y`
/// is above: a drop there lands before that card. `None`: at the end.
pub fn card_below(container: &web_sys::Element, y: f64, skip: Uuid) -> Option<Uuid> {
    let cards = container.query_selector_all(".card").ok()?;
    (0..cards.length())
        .filter_map(|i| cards.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| {
            let id = Uuid::parse_str(&el.get_attribute("data-id")?).ok()?;
            (id != skip).then_some((id, el.get_bounding_client_rect()))
        })
        .find(|(_, r)| y < r.top() + r.height() / 2.0)
        .map(|(id, _)| id)
}

/// Starts writing `text` to the clipboard. `None` where this page has no
/// clipboard (plain HTTP, a locked-down browser): never throws.
pub fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
    let write = write.dyn_into::<js_sys::Function>().ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into().ok()
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    download_bytes(filename, mime, text.as_bytes())
}

/// Offers bytes as a file download.
pub fn download_bytes(
    filename: &str,
    mime: &str,
    bytes: &[u8],
) -> Result<(), wasm_bindgen::JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Deletes this origin's caches whose name starts with `prefix` (the
/// service worker's): other apps' caches on the origin stay.
pub async fn delete_caches(prefix: &str) {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return;
    };
    let Ok(keys) = wasm_bindgen_futures::JsFuture::from(caches.keys()).await else {
        return;
    };
    for name in js_sys::Array::from(&keys).iter().filter_map(|k| k.as_string()) {
        if name.starts_with(prefix) {
            let _ = wasm_bindgen_futures::JsFuture::from(caches.delete(&name)).await;
        }
    }
}

/// Opens the browser's print dialog (print stylesheet: A4 landscape).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Whether a modal dialog is open (board shortcuts then wait).
pub fn dialog_open() -> bool {
    document()
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some()
}

/// Whether focus is in a field the user types in.
pub fn typing() -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.get_attribute("contenteditable").is_some()
        })
}

/// Whether a key event comes from a field the user is typing in.
pub fn from_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// A key event as the shortcut table (`keys`) reads it; `key` is
/// `ev.key()`.
pub fn press<'a>(ev: &web_sys::KeyboardEvent, key: &'a str) -> super::keys::Press<'a> {
    super::keys::Press {
        key,
        ctrl: ev.ctrl_key() || ev.meta_key(),
        alt: ev.alt_key(),
        shift: ev.shift_key(),
    }
}

fn num_attr(el: &web_sys::Element, name: &str) -> Option<i32> {
    el.get_attribute(name)?.parse().ok()
}

fn visible_cards(cell: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = cell.query_selector_all(".card:not(.filtered-out) .card-open") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

fn cell_at(line: i32, col: i32) -> Option<web_sys::Element> {
    document()?
        .query_selector(&format!(".cell[data-line='{line}'][data-col='{col}']"))
        .ok()
        .flatten()
}

/// Moves the focus from a card's main button to the neighbouring card
/// (within its cell up and down, else into the next cell), or to a
/// neighbouring empty cell's add button. Returns whether it moved.
pub fn focus_neighbour(from: &web_sys::Element, towards: Towards) -> bool {
    let Some(cell) = from.closest(".cell").ok().flatten() else {
        return false;
    };
    let (Some(line), Some(col)) = (num_attr(&cell, "data-line"), num_attr(&cell, "data-col"))
    else {
        return false;
    };
    let cards = visible_cards(&cell);
    let index = cards
        .iter()
        .position(|c| from.is_same_node(Some(c)) || c.contains(Some(from)))
        .unwrap_or(0);
    let (target_cell, want) = match towards {
        Towards::Up if index > 0 => return cards[index - 1].focus().is_ok(),
        Towards::Down if index + 1 < cards.len() => return cards[index + 1].focus().is_ok(),
        Towards::Up => (cell_at(line - 1, col), usize::MAX),
        Towards::Down => (cell_at(line + 1, col), 0),
        Towards::Left => (cell_at(line, col - 1), index),
        Towards::Right => (cell_at(line, col + 1), index),
    };
    let Some(target) = target_cell else {
        return false;
    };
    let cards = visible_cards(&target);
    let el: Option<web_sys::HtmlElement> = if cards.is_empty() {
        target
            .query_selector(".add-card")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
    } else {
        cards.get(want.min(cards.len() - 1)).cloned()
    };
    el.is_some_and(|e| e.focus().is_ok())
}

/// The cell (line, column index) that holds the focused element, if any.
pub fn focused_cell() -> Option<(i32, i32)> {
    let active = document()?.active_element()?;
    let cell = active.closest(".cell").ok()??;
    Some((num_attr(&cell, "data-line")?, num_attr(&cell, "data-col")?))
}

/// Enters or leaves full screen. Errors (a browser that refuses) are
/// ignored: presentation mode works without full screen too.
pub fn fullscreen(on: bool) {
    let Some(doc) = document() else { return };
    if on {
        if doc.fullscreen_element().is_none() {
            if let Some(root) = doc.document_element() {
                let _ = root.request_fullscreen();
            }
        }
    } else if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    }
}

pub fn is_fullscreen() -> bool {
    document().is_some_and(|d| d.fullscreen_element().is_some())
}

/// The cell (line, column index) and its element under a screen point.
pub fn cell_at_point(x: f64, y: f64) -> Option<(i32, i32, web_sys::Element)> {
    let el = document()?.element_from_point(x as f32, y as f32)?;
    let cell = el.closest(".cell").ok()??;
    Some((
        num_attr(&cell, "data-line")?,
        num_attr(&cell, "data-col")?,
        cell,
    ))
}

/// Runs `f` as a named User Timing measure (visible in the browser's
/// performance tools; the benchmark reads it). Keeps the last 50.
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return f();
    };
    let start = format!("{name}-start");
    let _ = perf.mark(&start);
    let result = f();
    if perf.get_entries_by_name(name).length() >= 50 {
        perf.clear_measures_with_measure_name(name);
    }
    let _ = perf.measure_with_start_mark(name, &start);
    perf.clear_marks_with_mark_name(&start);
    result
}
