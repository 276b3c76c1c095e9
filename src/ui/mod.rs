//! Leptos components, one per file, thin over [`state::AppState`], which
//! is the only place that calls model operations.

mod app;
mod backup_nudge;
mod banner;
mod board;
mod board_list;
pub mod boards;
mod calendar_view;
mod card;
mod card_editor;
mod card_events;
mod cell;
mod confirm_dialog;
pub mod dom;
mod file_drop;
mod filter_bar;
mod help_dialog;
mod import_dialog;
mod import_error;
mod lane;
mod merge_summary;
mod modal;
mod move_dialog;
mod new_board_dialog;
mod notice;
mod overview_view;
mod rename_dialog;
mod settings_dialog;
pub mod state;
mod toolbar;
mod touch;
mod view_tabs;

pub use app::App;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // Measured from here: the wasm is loaded and running.
    dom::timed("planbord-opstarten", || leptos::mount::mount_to_body(App));
}
