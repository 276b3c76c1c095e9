use leptos::prelude::*;

use super::backup_nudge::BackupNudge;
use super::banner::StorageBanner;
use super::board::BoardView;
use super::board_list::BoardList;
use super::calendar_view::CalendarView;
use super::card_editor::CardEditor;
use super::confirm_dialog::ConfirmDialog;
use super::copy_dialog::CopyDialog;
use super::dom;
use super::facilitator_bar::FacilitatorBar;
use super::file_drop::FileDrop;
use super::filter_bar::FilterBar;
use super::help_dialog::HelpDialog;
use super::ics_dialog::IcsDialog;
use super::import_dialog::ImportDialog;
use super::import_error::ImportFailed;
use super::move_dialog::MoveDialog;
use super::name_prompt::NamePrompt;
use super::new_board_dialog::NewBoardDialog;
use super::notice::NoticeBar;
use super::overview_view::OverviewView;
use super::programme_plan::ProgrammePlan;
use super::programme_view::ProgrammeView;
use super::report_view::ReportView;
use super::rename_dialog::RenameDialog;
use super::safe_mode::SafeMode;
use super::settings_dialog::SettingsDialog;
use super::keys::{self, Command, Place};
use super::line_report_dialog::LineReportDialog;
use super::state::{current_hash, filter_from_hash, navigate, AppState, Page, Route, View};
use super::toolbar::Toolbar;
use super::update_notice::UpdateNotice;
use super::view_tabs::ViewTabs;
use crate::strings as s;

/// The whole page. Loads the board from storage (the sample on a first
/// visit) and provides the state to every component.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);

    // Board shortcuts (`keys`), never while typing in a field (a field
    // has its own undo) or while a dialog is open.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_board = matches!(state.nav.route.get_untracked(), Route::Board(_));
        if dom::from_text_field(&ev) || !on_board || ev.default_prevented() || dom::dialog_open() {
            return;
        }
        let key = ev.key();
        let single_keys = state.panels.single_keys.get_untracked();
        let Some(command) = keys::command(Place::Board, &dom::press(&ev, &key), single_keys) else {
            return;
        };
        match command {
            // Presenting, the search field shows once asked for.
            Command::Search if state.panels.presenting.get_untracked() => {
                state.panels.filters_open.set(true);
                request_animation_frame(|| dom::focus("#zoeken"));
            }
            Command::Search => dom::focus("#zoeken"),
            Command::Help => state.panels.help_open.set(true),
            Command::NewCard => {
                let cell = dom::focused_cell().and_then(|(line, col)| {
                    let column = state.doc.meta.with_untracked(|m| m.column_at(col as usize))?;
                    Some((line as u8, column))
                });
                let Some(cell) = cell else { return };
                state.panels.adding.set(Some(cell));
            }
            Command::Present => state.panels.toggle_presenting(),
            Command::Undo => state.undo(),
            Command::Redo => state.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    // The URL hash is the route: back, forward and bookmarks work.
    let hash_handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash().unwrap_or_default();
        match Route::parse(&hash) {
            Some(route) => state.follow(route, View::parse(&hash), filter_from_hash(&hash)),
            None => navigate(Route::List),
        }
    });
    // Another tab changed storage: take in its changes (merged).
    let storage_handle = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            state.name_stored_elsewhere(&key, ev.new_value());
            state.storage_changed(&key, ev.new_value());
        }
    });
    // Leaving full screen (Esc) leaves presentation mode too.
    let fullscreen_handle = window_event_listener(
        leptos::ev::Custom::new("fullscreenchange"),
        move |_: web_sys::Event| {
            if !dom::is_fullscreen() && state.panels.presenting.get_untracked() {
                state.panels.presenting.set(false);
            }
        },
    );
    // Saving waits for the next paint (or a pause in typing): write what is
    // pending when the page goes to the background or is closed, and warn
    // before closing if it could not be written (storage full).
    let hide_handle = window_event_listener(leptos::ev::pagehide, move |_| state.save_pending());
    let visibility_handle =
        window_event_listener(leptos::ev::visibilitychange, move |_| state.save_pending());
    let unload_handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        state.save_pending();
        if state.has_unsaved() {
            ev.prevent_default();
        }
    });
    on_cleanup(move || {
        // The app is taken down (like a page being closed): save first.
        state.save_pending();
        hide_handle.remove();
        visibility_handle.remove();
        unload_handle.remove();
        handle.remove();
        hash_handle.remove();
        fullscreen_handle.remove();
        storage_handle.remove();
    });

    view! {
        <div
            class="app"
            class:presenting=move || state.panels.presenting.get()
            class:lane-focus=move || state.panels.focus_lane.get().is_some()
            data-opgeslagen=move || if state.persist.unsaved_since.with(Option::is_some) { "nee" } else { "ja" }
        >
        // Not a plain #bord link: the hash is the route.
        <a
            class="skip-link"
            href="#bord"
            on:click=move |ev| {
                ev.prevent_default();
                dom::focus("#bord");
            }
        >
            {s::SKIP_TO_BOARD}
        </a>
        <Toolbar />
        <FacilitatorBar />
        <ViewTabs />
        <UpdateNotice />
        <StorageBanner />
        <main id="bord" tabindex="-1">
            // Above whichever view of a board: any of them makes changes.
            <NamePrompt />
            {move || match state.nav.route.get() {
                Route::Board(_) if state.doc.over_limit.with(Option::is_some) => {
                    view! { <SafeMode /> }.into_any()
                }
                Route::Board(_) => match state.nav.view.get() {
                    View::Board => view! { <BackupNudge /> <FilterBar /> <BoardView /> }.into_any(),
                    View::Calendar => view! { <CalendarView /> }.into_any(),
                    View::Overview => view! { <OverviewView /> }.into_any(),
                },
                Route::List => view! { <BoardList /> }.into_any(),
                Route::Programme(Page::Matrix) => view! { <ProgrammeView /> }.into_any(),
                Route::Programme(Page::Plan) => view! { <ProgrammePlan /> }.into_any(),
                Route::Programme(Page::Report) => view! { <ReportView /> }.into_any(),
            }}
        </main>
        <Show when=move || matches!(state.nav.route.get(), Route::Board(_)) && state.nav.view.get() == View::Board && state.doc.over_limit.with(Option::is_none)>
            <footer class="hint">{s::SHORTCUTS_HINT}</footer>
        </Show>
        <CardEditor />
        <MoveDialog />
        <ConfirmDialog />
        <HelpDialog />
        <NewBoardDialog />
        <SettingsDialog />
        <RenameDialog />
        <LineReportDialog />
        <IcsDialog />
        <ImportDialog />
        <ImportFailed />
        <CopyDialog />
        <FileDrop />
        <NoticeBar />
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || state.feedback.announcement.get()}
        </div>
        </div>
    }
}
