//! The app's state: one `Copy` façade, [`AppState`], that every component
//! reaches with [`use_state`], made of parts that each own one concern:
//!
//! - [`doc`]: the open board (plain, the source of truth), its undo
//!   history, `revision`/`settled` and `meta` (title, lines, columns).
//! - [`views`]: the signals the grid draws from: per card, per cell, the
//!   filter's per-card flag; drawing a big board in steps.
//! - [`persist`]: the store, the library of boards, what this tab last
//!   wrote, whether a save is pending, the room left.
//! - [`nav`]: page, view and filter (the URL hash), the calendar's year.
//! - [`panels`]: which dialog is open; the workshop modes.
//! - [`drag`]: mouse and touch dragging.
//! - [`feedback`]: notices, the storage banner, announcements, editor
//!   errors.
//! - [`who`]: the name of the person using this browser (the author of
//!   each change) and whether they were asked for it.
//! - [`dates`]: today and the done column, for cards late or soon.
//! - [`programme`]: every board together: which are included, the year
//!   and period, the boards as read; setting a line's status on any board.
//!
//! Commands that need several parts are `impl AppState` blocks, by
//! subject: [`cards`] (add, edit, move, delete, undo/redo), [`comments`]
//! (a card's thread, outside undo), [`boards`]
//! (routing, the library, settings), [`files`] (export, import, merge),
//! [`decide`] (what a merge leaves to a person: conflicts, duplicates),
//! [`refresh`] (views after a change), [`saving`] (the save, other
//! tabs, the room left) and [`counts`] (cards shown and held per cell,
//! column, line and board).
//!
//! Dependencies run one way: components → `state` → `dom`, `route`,
//! `policy`, `keys`, `author`, `model`, `storage`, `exchange`, `strings`.
//! Nothing here imports a component (`tests/architecture.rs` checks).

mod boards;
mod cards;
mod comments;
mod counts;
pub mod dates;
mod decide;
pub mod doc;
pub mod drag;
pub mod feedback;
mod files;
pub mod nav;
pub mod panels;
pub mod persist;
pub mod programme;
mod refresh;
mod saving;
pub mod views;
pub mod who;

use leptos::prelude::*;
use uuid::Uuid;

pub use boards::Start;
pub use counts::Counted;
pub use dates::Dates;
pub use doc::{Doc, Meta};
pub use drag::{BarDrag, Drag, DropTarget, Grip, Touch};
pub use feedback::{Feedback, Notice, Revert};
pub use nav::{current_hash, filter_from_hash, navigate, replace_hash, Nav, Page, Route, View};
pub use panels::{Confirm, ImportPreview, MergeSummary, Outcome, Panels};
pub use persist::{AnyStore, Persist};
pub use programme::Programme;
pub use views::Views;
pub use who::Who;

use crate::model::library::Library;
use crate::model::{sample, Board};
use crate::storage::browser::{self, LocalStore};
use crate::storage::{self as store, MemoryStore, Store};
use crate::strings as s;
use crate::ui::policy;

/// Where the single-key shortcut setting is kept.
pub const SINGLE_KEYS_KEY: &str = "planbord.instelling.sneltoetsen";

pub fn now() -> crate::model::Timestamp {
    chrono::Utc::now()
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub doc: Doc,
    pub views: Views,
    pub persist: Persist,
    pub nav: Nav,
    pub panels: Panels,
    pub drag: Drag,
    pub feedback: Feedback,
    pub who: Who,
    pub dates: Dates,
    pub programme: Programme,
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens the library from storage (the two sample boards on a first
    /// visit) and the board the URL asks for, or the last one opened.
    pub fn load() -> AppState {
        let now = now();
        let mut store = if browser::available() {
            AnyStore::Local(LocalStore)
        } else {
            AnyStore::Memory(MemoryStore::default())
        };
        let opened = store::open_library(&mut store, now, || {
            vec![
                sample::nieuw_west_zuid(Uuid::new_v4, now),
                sample::gaasperdam(Uuid::new_v4, now),
            ]
        });
        let mut banner = opened.notes.first().map(policy::banner_for);
        if matches!(store, AnyStore::Memory(_)) {
            banner = Some(policy::unavailable());
        }
        let wanted = current_hash().and_then(|h| Route::parse(&h));
        let mut library = opened.library;
        // Old trash and old backups go (see README: what is kept how long).
        if opened.may_save {
            let _ = store::expire(&mut store, &mut library, now);
        }
        // The board to show: the one in the URL, else the last one opened.
        let mut board = None;
        let mut tried = Vec::new();
        let mut next = match wanted {
            Some(Route::Board(id)) => Some(id),
            _ => library.default_board(),
        };
        // The one asked for, else the default (asked again: a board that
        // turned out unreadable has left the library by then).
        while let Some(id) = next.filter(|id| !tried.contains(id)) {
            tried.push(id);
            match store::load_board_raw(&mut store, &mut library, id, now) {
                Ok(b) => {
                    board = Some(b);
                    break;
                }
                Err(Some(note)) => banner = Some(policy::banner_for(&note)),
                Err(None) => {}
            }
            next = library.default_board();
        }
        let route = match (&board, wanted) {
            (_, Some(Route::Programme(page))) => Route::Programme(page),
            (Some((b, _)), Some(Route::Board(_)) | None) => Route::Board(b.id),
            _ => Route::List,
        };
        // The stored text just read: what this tab last saw of the board.
        let (board, raw) = match board {
            Some((b, raw)) => (b, Some(raw)),
            None => (empty_board(), None),
        };
        let state = AppState::new(board, opened.may_save, store, library, route);
        state.feedback.banner.set(banner);
        let off = state.persist.with_store(|st| st.get(SINGLE_KEYS_KEY)).as_deref() == Some("uit");
        state.panels.single_keys.set(!off);
        state.read_name();
        state.persist.set_last_written(raw);
        replace_hash(&state.nav.url());
        if let Route::Board(id) = route {
            state.persist.library.update(|l| l.last_open = Some(id));
            state.save_library();
        }
        if let Route::Programme(_) = route {
            state.load_programme();
        }
        state
    }

    pub fn new(
        board: Board,
        may_save: bool,
        store: AnyStore,
        library: Library,
        route: Route,
    ) -> AppState {
        let doc = Doc::new(board);
        let state = AppState {
            dates: Dates::new(doc.meta),
            doc,
            views: Views::new(),
            persist: Persist::new(store, library, may_save),
            nav: Nav::new(route),
            panels: Panels::new(),
            drag: Drag::new(),
            feedback: Feedback::new(),
            who: Who::new(),
            programme: Programme::new(),
        };
        state.rebuild();
        // The filter changed: show and hide the cards it concerns.
        Effect::new(move |_| {
            state.nav.filter.track();
            state.apply_filter();
        });
        state
    }
}

pub fn empty_board() -> Board {
    Board::new_empty(
        Uuid::new_v4(),
        [
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
        ],
        s::EMPTY_BOARD_TITLE,
        now(),
    )
}
