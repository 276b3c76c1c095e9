//! The browser UI. Leptos components, one per file, thin over
//! [`state::AppState`], which is the only place that calls model
//! operations. `route`, `policy`, `keys`, `author` and `present` are pure and compile
//! (and are tested) natively too; everything else is wasm only.

pub mod author;
pub mod keys;
pub mod policy;
pub mod present;
pub mod route;

/// Declares the browser-only modules (Leptos, web-sys).
macro_rules! wasm_only {
    ($($vis:vis mod $name:ident;)*) => {
        $(
            #[cfg(target_arch = "wasm32")]
            $vis mod $name;
        )*
    };
}

wasm_only! {
    mod active_filters;
    mod app;
    mod backup_nudge;
    mod banner;
    mod board;
    mod board_list;
    mod calendar_view;
    mod card;
    mod card_editor;
    mod card_events;
    mod card_history;
    mod cell;
    mod comment_thread;
    mod confirm_dialog;
    mod copy_dialog;
    mod facilitator_bar;
    pub mod dom;
    mod file_drop;
    mod filter_bar;
    mod help_dialog;
    mod ics_dialog;
    mod import_dialog;
    mod import_error;
    mod lane;
    mod conflict_choice;
    mod merge_lists;
    mod merge_summary;
    mod modal;
    mod more_menu;
    mod move_dialog;
    mod name_prompt;
    mod new_board_dialog;
    mod notice;
    mod overview_view;
    mod line_report_dialog;
    mod programme_plan;
    mod programme_view;
    mod report_view;
    mod rename_dialog;
    mod safe_mode;
    mod settings_dialog;
    pub mod state;
    mod timeline;
    mod timeline_bar;
    mod timeline_events;
    mod toolbar;
    mod touch;
    mod unplanned_item;
    mod unplanned_list;
    mod update_notice;
    mod view_tabs;
}

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Mounts the app on the page's body.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // Panic messages in the console while developing; a release leaves the
    // hook out (with `panic = "abort"` a panic stops the app either way).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Measured from here: the wasm is loaded and running.
    dom::timed("planbord-opstarten", || leptos::mount::mount_to_body(App));
    // The app is on the page: the loading text (index.html) goes.
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("laden"))
    {
        loading.remove();
    }
}
