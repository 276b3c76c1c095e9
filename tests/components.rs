//! Component tests in headless Chromium (wasm-bindgen-test): mount the app,
//! act on the DOM, let the reactive system run, assert on DOM and storage.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use planbord::storage::{board_key, BOARD_PREFIX};
use planbord::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// A first visit: empty storage, the app mounted in a fresh container.
async fn mount_fresh() -> (HtmlElement, impl Drop) {
    storage().clear().unwrap();
    mount_again().await
}

/// Mounts the app on whatever storage holds (a reload).
async fn mount_again() -> (HtmlElement, impl Drop) {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), App);
    tick().await;
    (root, handle)
}

fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element for {selector}"))
        .unchecked_into()
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(|e| e.inner_text()).collect()
}

/// The card element whose title is `title`.
fn card(root: &HtmlElement, title: &str) -> HtmlElement {
    all(root, ".card")
        .into_iter()
        .find(|c| one(c, ".card-title").inner_text() == title)
        .unwrap_or_else(|| panic!("no card '{title}'"))
}

/// Titles in the cell with this aria-label.
fn cell_titles(root: &HtmlElement, label: &str) -> Vec<String> {
    let cell = all(root, ".cell")
        .into_iter()
        .find(|c| c.get_attribute("aria-label").as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no cell '{label}'"));
    texts(&cell, ".card-title")
}

fn key(target: &HtmlElement, key: &str, alt: bool, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_alt_key(alt);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Id of the open board, from the URL hash.
fn open_id() -> uuid::Uuid {
    let hash = window().location().hash().unwrap();
    uuid::Uuid::parse_str(hash.trim_start_matches("#/bord/")).expect("a board is open")
}

/// Waits a little, as a browser would between frames.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Saving follows the screen by a frame (or a pause in typing): waits for
/// the page to say everything is saved.
async fn saved() {
    for _ in 0..150 {
        if document()
            .query_selector(".app[data-opgeslagen='ja']")
            .unwrap()
            .is_some()
        {
            return;
        }
        sleep(20).await;
    }
    panic!("the board was not saved within 3 s");
}

async fn stored_item_titles() -> Vec<String> {
    saved().await;
    let raw = storage()
        .get_item(&board_key(open_id()))
        .unwrap()
        .expect("board is saved");
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    v["board"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn first_visit_shows_the_sample_in_five_lanes_and_saves_it() {
    let (root, _app) = mount_fresh().await;
    let lanes = texts(&root, ".lane h2");
    assert_eq!(lanes.len(), 5);
    assert!(lanes[0].contains("Teamontwikkeling"));
    assert!(lanes[4].contains("Resultaat en borging"));
    assert_eq!(
        texts(&root, ".column-head .column-name"),
        ["Idee", "Gepland", "Bezig", "Afgerond"]
    );
    assert_eq!(all(&root, ".card").len(), 11);
    // The sample sits in the current year, or the next one when most of
    // its open activities would be over (UTC, as the app's clock).
    let year = js_sys::Date::new_0().get_utc_full_year();
    let text = card(&root, "Open dag").inner_text();
    assert!(
        text.contains(&format!("14-10-{year}")) || text.contains(&format!("14-10-{}", year + 1)),
        "{text}"
    );
    assert_eq!(stored_item_titles().await.len(), 11);
}

#[wasm_bindgen_test]
async fn enter_adds_a_card_and_stays_in_add_mode() {
    let (root, _app) = mount_fresh().await;
    one(&root, "[aria-label='Kaart toevoegen aan Lijn 4, Idee']").click();
    tick().await;
    let input: HtmlInputElement = one(&root, ".add-input").unchecked_into();
    for title in ["Werving op open dag", "Intake 50% divers"] {
        input.set_value(title);
        key(&input, "Enter", false, false);
        tick().await;
    }
    assert_eq!(input.value(), "");
    assert!(input.is_connected(), "still in add mode");
    assert_eq!(
        cell_titles(&root, "Lijn 4 Behoud en werving, Idee"),
        ["Werving op open dag", "Intake 50% divers"]
    );
    key(&input, "Escape", false, false);
    tick().await;
    assert!(root.query_selector(".add-input").unwrap().is_none());
    assert!(stored_item_titles()
        .await
        .contains(&"Intake 50% divers".to_string()));
}

#[wasm_bindgen_test]
async fn alt_arrows_move_the_focused_card() {
    let (root, _app) = mount_fresh().await;
    let open = one(&card(&root, "Open dag"), ".card-open");
    key(&open, "ArrowRight", true, false);
    tick().await;
    assert_eq!(
        cell_titles(&root, "Lijn 3 Inspiratie, dialoog en debat, Bezig")[0],
        "Open dag"
    );
    let open = one(&card(&root, "Open dag"), ".card-open");
    key(&open, "ArrowDown", true, false);
    tick().await;
    assert_eq!(
        cell_titles(&root, "Lijn 4 Behoud en werving, Bezig"),
        ["Open dag"]
    );
    assert!(one(&root, "[role=status]")
        .inner_text()
        .contains("verplaatst naar Lijn 4, Bezig"));
}

#[wasm_bindgen_test]
async fn editing_the_title_updates_the_card_and_storage() {
    let (root, _app) = mount_fresh().await;
    one(&card(&root, "Open dag"), ".card-open").click();
    tick().await;
    let title: HtmlInputElement = one(&root, "#kaart-titel").unchecked_into();
    assert_eq!(title.value(), "Open dag");
    type_into(&title, "Open dag 2017");
    tick().await;
    assert_eq!(
        cell_titles(&root, "Lijn 3 Inspiratie, dialoog en debat, Gepland"),
        ["Open dag 2017"]
    );
    assert!(stored_item_titles()
        .await
        .contains(&"Open dag 2017".to_string()));
}

#[wasm_bindgen_test]
async fn enter_in_the_comment_field_adds_a_comment_shift_enter_does_not() {
    let (root, _app) = mount_fresh().await;
    one(&card(&root, "Open dag"), ".card-open").click();
    tick().await;
    assert_eq!(texts(&root, ".comment"), Vec::<String>::new());
    let field: HtmlElement = one(&root, "#nieuwe-opmerking");
    let area: web_sys::HtmlTextAreaElement = field.clone().unchecked_into();
    area.set_value("Wacht op de zaal");
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    key(&field, "Enter", false, true);
    tick().await;
    assert!(
        all(&root, ".comment").is_empty(),
        "Shift+Enter is a new line"
    );
    key(&field, "Enter", false, false);
    tick().await;
    assert_eq!(texts(&root, ".comment-text"), ["Wacht op de zaal"]);
    assert_eq!(area.value(), "", "the field is emptied");
    assert_eq!(
        one(&root, "#opmerkingen-kop").inner_text(),
        "Opmerkingen (1)"
    );
    assert!(one(&root, "[role=status]")
        .inner_text()
        .contains("Opmerking geplaatst"));
    // The card counts it; the stored board has it.
    assert_eq!(
        one(&card(&root, "Open dag"), ".card-comments").get_attribute("title"),
        Some("1 opmerking".into())
    );
    saved().await;
    let raw = storage().get_item(&board_key(open_id())).unwrap().unwrap();
    assert!(raw.contains("Wacht op de zaal"));
    // An empty comment is refused with a Dutch message.
    key(&field, "Enter", false, false);
    tick().await;
    assert_eq!(all(&root, ".comment").len(), 1);
    assert!(one(&root, ".editor-error")
        .inner_text()
        .contains("Een lege opmerking wordt niet geplaatst"));
    // Closed, as a person would: an open modal would block the next test.
    one(&root, ".editor-form button[type=submit]").click();
    tick().await;
    assert!(document().query_selector("dialog[open]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn delete_then_undo_puts_the_card_back() {
    let (root, _app) = mount_fresh().await;
    let label = "Lijn 1 Teamontwikkeling, Afgerond";
    let before = cell_titles(&root, label);
    key(
        &one(&card(&root, "Missie en visie geschreven"), ".card-open"),
        "Delete",
        false,
        false,
    );
    tick().await;
    assert_eq!(
        cell_titles(&root, label),
        ["Jaarkalender activiteiten gemaakt"]
    );
    assert_eq!(stored_item_titles().await.len(), 10);
    let undo = all(&root, ".notice button")
        .into_iter()
        .find(|b| b.inner_text() == "Ongedaan maken")
        .expect("an undo button");
    undo.click();
    tick().await;
    assert_eq!(cell_titles(&root, label), before);
    assert_eq!(stored_item_titles().await.len(), 11);
}

#[wasm_bindgen_test]
async fn a_reload_shows_the_saved_board() {
    let (root, app) = mount_fresh().await;
    key(
        &one(&card(&root, "Open dag"), ".card-open"),
        "ArrowLeft",
        true,
        false,
    );
    tick().await;
    // The save waits for the next paint: it is still pending here, so the
    // reload below is what saves it.
    assert!(
        document()
            .query_selector(".app[data-opgeslagen='nee']")
            .unwrap()
            .is_some(),
        "the move is not saved yet"
    );
    // A reload: the page is hidden (saving what is pending), then gone.
    window()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    let raw = storage().get_item(&board_key(open_id())).unwrap().unwrap();
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let item = v["board"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "Open dag")
        .unwrap();
    assert_eq!(
        item["column"], v["board"]["columns"][0]["id"],
        "saved on pagehide"
    );
    drop(app);
    root.remove();
    let (root, _app) = mount_again().await;
    assert_eq!(
        cell_titles(&root, "Lijn 3 Inspiratie, dialoog en debat, Idee"),
        ["Open dag"]
    );
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_kept_aside_and_reported() {
    let (root, app) = mount_fresh().await;
    let broken = open_id();
    drop(app);
    root.remove();
    storage().set_item(&board_key(broken), "{kapot").unwrap();
    let (root, _app) = mount_again().await;
    assert_ne!(open_id(), broken, "another board opens");
    assert!(storage().get_item(&board_key(broken)).unwrap().is_none());
    let boards = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(BOARD_PREFIX))
        .count();
    assert_eq!(boards, 1, "the other sample board is still there");
    assert!(one(&root, ".banner")
        .inner_text()
        .contains("konden niet worden geopend"));
    let backups: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("planbord.backup."))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(storage().get_item(&backups[0]).unwrap().unwrap(), "{kapot");
}
