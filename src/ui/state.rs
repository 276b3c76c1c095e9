//! The one place UI state lives. The plain [`Board`] is the source of
//! truth; every change goes through a model operation here, after which
//! only the signals it touched are refreshed (the card and its cells), and
//! the board is saved. Components read signals; they never mutate a board.

use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::exchange::Imported;
use crate::model::filter::Filter;
use crate::model::history::{History, Patch};
use crate::model::library::Library;
use crate::model::{
    sample, Board, CellKey, Column, Direction, Edit, Item, Line, MergeReport, OpError,
};
use crate::storage::browser::{self, LocalStore};
use crate::storage::room::{self, Room};
use crate::storage::{self as store, MemoryStore, SaveError, StorageNote, Store};
use crate::strings as s;

/// Where the single-key shortcut setting is kept.
pub const SINGLE_KEYS_KEY: &str = "planbord.instelling.sneltoetsen";

/// How many changes can be undone.
pub const HISTORY_STEPS: usize = 200;

/// While typing, the board is saved this long after the last keystroke.
pub const TYPING_SAVE_DELAY_MS: u64 = 400;

/// Cards drawn per cell at first on a freshly built board; then
/// [`DRAW_STEP`] more per cell after each paint. The first screen of a big
/// board shows (and takes input) before the thousands of cards below it
/// are drawn, and no step holds up input for long.
pub const DRAW_FIRST: usize = 12;
pub const DRAW_STEP: usize = 48;

/// No change waits longer than this for its save.
pub const SAVE_AT_MOST_AFTER_MS: i64 = 2_000;

/// With storage full, a change tries to save this long after the last one.
pub const RETRY_FULL_AFTER_MS: u64 = 1_000;

pub fn now() -> crate::model::Timestamp {
    chrono::Utc::now()
}

/// Board-level data that changes rarely (title, lines, columns).
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub id: Uuid,
    pub title: String,
    pub team: String,
    pub year: Option<i32>,
    pub lines: Vec<Line>,
    pub columns: Vec<Column>,
}

impl Meta {
    fn of(b: &Board) -> Meta {
        Meta {
            id: b.id,
            title: b.title.clone(),
            team: b.team.clone(),
            year: b.year,
            lines: b.lines.clone(),
            columns: b.visible_columns().into_iter().cloned().collect(),
        }
    }

    /// Whether this is still what [`Meta::of`] would make of `b`, without
    /// copying anything.
    fn is_of(&self, b: &Board) -> bool {
        self.id == b.id
            && self.title == b.title
            && self.team == b.team
            && self.year == b.year
            && self.lines == b.lines
            && b.visible_columns().into_iter().eq(self.columns.iter())
    }

    pub fn column_name(&self, id: Uuid) -> String {
        self.columns
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }

    pub fn line(&self, number: u8) -> Option<&Line> {
        self.lines.iter().find(|l| l.number == number)
    }

    pub fn line_name(&self, number: u8) -> String {
        self.lines
            .iter()
            .find(|l| l.number == number)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    }
}

/// What an "Ongedaan maken" button in a notice restores.
#[derive(Clone, Debug)]
pub enum Undo {
    /// Put a deleted card back.
    Card(Box<Item>),
    /// Put this version of the open board back (after a merge or replace).
    Board(Box<Board>),
    /// Take a board out of the trash again.
    Trashed(Uuid),
    /// An imported board took the place of `old`: trash `new`, reopen `old`.
    Replaced { old: Uuid, new: Uuid },
}

/// A short notice at the bottom of the screen, optionally with undo.
#[derive(Clone, Debug)]
pub struct Notice {
    pub id: u64,
    pub text: String,
    pub undo: Option<Undo>,
}

/// A persistent message about storage (not saved, data kept aside, ...).
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub text: String,
    /// localStorage key of a backup the user can download.
    pub backup_key: Option<String>,
    /// Offer "Exporteren" (storage is full: the file is the safe copy).
    pub offer_export: bool,
    /// A warning the user may close ("Sluiten").
    pub dismissible: bool,
}

/// Where a dragged card would land: in `cell`, before card `before`
/// (`None`: at the end).
pub type DropTarget = (CellKey, Option<Uuid>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete a board from the trash for good.
    Purge(Uuid),
}

/// Which page is shown; kept in the URL hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/borden`: the board list.
    List,
    /// `#/bord/<id>`: one board.
    Board(Uuid),
}

impl Route {
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let path = path
            .trim_end_matches(View::Calendar.suffix())
            .trim_end_matches(View::Overview.suffix());
        if path == "borden" {
            return Some(Route::List);
        }
        let id = path.strip_prefix("bord/")?;
        Uuid::parse_str(id).ok().map(Route::Board)
    }

    pub fn hash(self) -> String {
        match self {
            Route::List => "#/borden".into(),
            Route::Board(id) => format!("#/bord/{id}"),
        }
    }
}

/// Which view of the open board: the board itself, the year calendar or
/// the progress overview. In the URL after the board: `/kalender`,
/// `/overzicht`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Board,
    Calendar,
    Overview,
}

impl View {
    pub fn parse(hash: &str) -> View {
        let path = hash.split('?').next().unwrap_or_default();
        if path.ends_with("/kalender") {
            View::Calendar
        } else if path.ends_with("/overzicht") {
            View::Overview
        } else {
            View::Board
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            View::Board => "",
            View::Calendar => "/kalender",
            View::Overview => "/overzicht",
        }
    }
}

/// localStorage, or memory when the browser allows no storage.
pub enum AnyStore {
    Local(LocalStore),
    Memory(MemoryStore),
}

impl Store for AnyStore {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            AnyStore::Local(s) => s.get(key),
            AnyStore::Memory(s) => s.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        match self {
            AnyStore::Local(s) => s.set(key, value),
            AnyStore::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) {
        match self {
            AnyStore::Local(s) => s.remove(key),
            AnyStore::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Vec<String> {
        match self {
            AnyStore::Local(s) => s.keys(),
            AnyStore::Memory(s) => s.keys(),
        }
    }
}

/// A board file that was read and checked, waiting for the user's choice.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    pub file_name: String,
    pub imported: Imported,
    /// Same board id as the open board: merging is offered.
    pub same_board: bool,
    /// Another board in this browser with the file's id (title), if any.
    pub matching: Option<String>,
    /// Cards per line: (number, name, count).
    pub per_line: Vec<(u8, String, usize)>,
    /// The user chose "Vervangen…" and is asked to confirm.
    pub confirming_replace: bool,
}

/// The outcome of a merge, for the summary dialog.
#[derive(Clone, Debug)]
pub struct MergeSummary {
    pub report: MergeReport,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub(super) board: StoredValue<Board>,
    pub(super) cards: StoredValue<HashMap<Uuid, RwSignal<Item>>>,
    pub(super) cells: StoredValue<HashMap<CellKey, RwSignal<Vec<Uuid>>>>,
    /// Per card: whether the filter lets it through. Set only when that
    /// changes, so typing in the search field touches the cards it hides
    /// or shows, not every card.
    pub(super) shown: StoredValue<HashMap<Uuid, RwSignal<bool>>>,
    /// Which card is being dragged, per card (one card notified, not all).
    pub dragging_card: StoredValue<Selector<Option<Uuid>>>,
    /// Before which card a drop would land, per card.
    pub drop_before_card: StoredValue<Selector<Option<Uuid>>>,
    /// Whether saving is allowed (false when unreadable data could not be
    /// kept aside: writing would destroy it).
    pub(super) may_save: StoredValue<bool>,
    pub(super) store: StoredValue<AnyStore, LocalStorage>,
    pub library: RwSignal<Library>,
    pub route: RwSignal<Route>,
    pub(super) history: StoredValue<History>,
    /// The open board's stored text as this tab last read or wrote it:
    /// anything else under its key was written by another tab.
    pub(super) last_written: StoredValue<Option<String>>,
    /// The open board changed since it was last saved: when (ms since the
    /// epoch) the oldest unsaved change was made. Set only when it goes
    /// from none to some and back (shown as `data-opgeslagen`).
    pub unsaved_since: RwSignal<Option<i64>>,
    /// Bumped per scheduled save; a timer that finds a newer one defers.
    save_ticket: StoredValue<u64>,
    /// Storage taken by everything but the open board (UTF-16 units);
    /// `None`: to be counted again (after other boards were written).
    pub(super) others_used: StoredValue<Option<usize>>,
    /// The storage warning last given (not repeated at the same level).
    pub(super) room_warned: StoredValue<Option<Room>>,
    /// Ids of notices only go up, so an old timer never closes a new one.
    notice_counter: StoredValue<u64>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Which cards are shown; kept in the URL.
    pub filter: RwSignal<Filter>,
    /// Bumped on every change to the open board (for derived figures).
    pub revision: RwSignal<u64>,
    /// Bumped once changes have settled: after the frame that shows them
    /// (or a pause in typing). Figures over the whole board follow this,
    /// so they stay off the path of a move or keystroke.
    pub settled: RwSignal<u64>,
    pub view: RwSignal<View>,
    /// The year the calendar shows.
    pub calendar_year: RwSignal<Option<i32>>,
    pub help_open: RwSignal<bool>,
    /// Whether the single-key shortcuts (/ ? n p) are on (WCAG 2.1.4:
    /// they can be switched off). Kept in this browser.
    pub single_keys: RwSignal<bool>,
    /// Presentation mode: full screen, large type, little chrome.
    pub presenting: RwSignal<bool>,
    /// Lines folded to their header.
    pub collapsed: RwSignal<Vec<u8>>,
    /// Only this line is shown, large.
    pub focus_lane: RwSignal<Option<u8>>,
    /// The app's owner. View signals are created under it explicitly: an
    /// event handler runs under its component's owner, and a signal made
    /// there would die with that component.
    pub(super) owner: StoredValue<Owner>,
    pub meta: RwSignal<Meta>,
    /// Bumped when the whole board is replaced, so views rebuild.
    pub generation: RwSignal<u64>,
    /// How many cards each cell draws (see [`DRAW_FIRST`]).
    pub draw_limit: RwSignal<usize>,
    pub editing: RwSignal<Option<Uuid>>,
    pub moving: RwSignal<Option<Uuid>>,
    pub adding: RwSignal<Option<CellKey>>,
    pub dragging: RwSignal<Option<Uuid>>,
    /// A touch on a card's ⇄ handle (see `touch`).
    pub(super) touch: StoredValue<Option<super::touch::Touch>>,
    pub drop_target: RwSignal<Option<DropTarget>>,
    pub confirm: RwSignal<Option<Confirm>>,
    pub notice: RwSignal<Option<Notice>>,
    pub banner: RwSignal<Option<Banner>>,
    /// Text for the aria-live region.
    pub announcement: RwSignal<String>,
    /// Last editor error (e.g. end date before start date).
    pub edit_error: RwSignal<Option<String>>,
    pub import_preview: RwSignal<Option<ImportPreview>>,
    pub import_error: RwSignal<Option<String>>,
    pub merge_summary: RwSignal<Option<MergeSummary>>,
    /// A file is being dragged over the page.
    pub file_over: RwSignal<bool>,
    pub new_board: RwSignal<bool>,
    pub settings_open: RwSignal<bool>,
    /// Board being renamed from the list.
    pub renaming: RwSignal<Option<Uuid>>,
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
        let mut banner = opened.notes.first().map(banner_for);
        if matches!(store, AnyStore::Memory(_)) {
            banner = Some(Banner {
                text: s::STORAGE_UNAVAILABLE.into(),
                backup_key: None,
                offer_export: true,
                dismissible: false,
            });
        }
        let wanted = current_hash().and_then(|h| Route::parse(&h));
        let mut library = opened.library;
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
                Err(Some(note)) => banner = Some(banner_for(&note)),
                Err(None) => {}
            }
            next = library.default_board();
        }
        let route = match (&board, wanted) {
            (Some((b, _)), Some(Route::Board(_)) | None) => Route::Board(b.id),
            _ => Route::List,
        };
        // The stored text just read: what this tab last saw of the board.
        let (board, raw) = match board {
            Some((b, raw)) => (b, Some(raw)),
            None => (empty_board(), None),
        };
        let state = AppState::new(board, opened.may_save, store, library, route);
        state.banner.set(banner);
        let off = state.with_store(|st| st.get(SINGLE_KEYS_KEY)).as_deref() == Some("uit");
        state.single_keys.set(!off);
        state.last_written.set_value(raw);
        replace_hash(&state.url());
        if let Route::Board(id) = route {
            state.library.update(|l| l.last_open = Some(id));
            state.save_library();
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
        let dragging = RwSignal::new(None);
        let drop_target = RwSignal::new(None);
        let meta = Meta::of(&board);
        let state = AppState {
            board: StoredValue::new(board),
            cards: StoredValue::new(HashMap::new()),
            cells: StoredValue::new(HashMap::new()),
            shown: StoredValue::new(HashMap::new()),
            dragging_card: StoredValue::new(Selector::new(move || dragging.get())),
            drop_before_card: StoredValue::new(Selector::new(move || {
                drop_target.get().and_then(|(_, before)| before)
            })),
            may_save: StoredValue::new(may_save),
            store: StoredValue::new_with_storage(store),
            library: RwSignal::new(library),
            route: RwSignal::new(route),
            history: StoredValue::new(History::new(HISTORY_STEPS)),
            last_written: StoredValue::new(None),
            unsaved_since: RwSignal::new(None),
            save_ticket: StoredValue::new(0),
            others_used: StoredValue::new(None),
            room_warned: StoredValue::new(None),
            notice_counter: StoredValue::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            filter: RwSignal::new(
                current_hash()
                    .map(|h| filter_from_hash(&h))
                    .unwrap_or_default(),
            ),
            revision: RwSignal::new(0),
            settled: RwSignal::new(0),
            view: RwSignal::new(current_hash().map(|h| View::parse(&h)).unwrap_or_default()),
            calendar_year: RwSignal::new(None),
            help_open: RwSignal::new(false),
            single_keys: RwSignal::new(true),
            presenting: RwSignal::new(false),
            collapsed: RwSignal::new(Vec::new()),
            focus_lane: RwSignal::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            meta: RwSignal::new(meta),
            generation: RwSignal::new(0),
            draw_limit: RwSignal::new(DRAW_FIRST),
            editing: RwSignal::new(None),
            moving: RwSignal::new(None),
            adding: RwSignal::new(None),
            dragging,
            touch: StoredValue::new(None),
            drop_target,
            confirm: RwSignal::new(None),
            notice: RwSignal::new(None),
            banner: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            edit_error: RwSignal::new(None),
            import_preview: RwSignal::new(None),
            import_error: RwSignal::new(None),
            merge_summary: RwSignal::new(None),
            file_over: RwSignal::new(false),
            new_board: RwSignal::new(false),
            settings_open: RwSignal::new(false),
            renaming: RwSignal::new(None),
        };
        state.rebuild();
        // The filter changed: show and hide the cards it concerns.
        Effect::new(move |_| {
            state.filter.track();
            state.apply_filter();
        });
        state
    }

    /// Sets each card's "shown" flag from the filter, touching only the
    /// cards whose flag changes.
    fn apply_filter(&self) {
        let matcher = self.filter.with_untracked(|f| f.matcher());
        self.board.with_value(|b| {
            self.shown.with_value(|shown| {
                for item in &b.items {
                    if let Some(sig) = shown.get(&item.id) {
                        let now = matcher.matches(item);
                        if sig.get_untracked() != now {
                            sig.set(now);
                        }
                    }
                }
            })
        });
    }

    /// Whether the filter lets card `id` through (reactive).
    pub fn shown(&self, id: Uuid) -> bool {
        self.shown
            .with_value(|s| s.get(&id).copied())
            .is_none_or(|sig| sig.get())
    }

    /// Creates a signal owned by the app, whatever runs this.
    fn signal<T: Send + Sync + 'static>(&self, value: T) -> RwSignal<T> {
        self.owner.with_value(|o| o.with(|| RwSignal::new(value)))
    }

    /// Recreates every view signal from the board (first load, replace).
    pub(super) fn rebuild(&self) {
        let matcher = self.filter.with_untracked(|f| f.matcher());
        // All signals made under the app's owner in one go.
        let owner = self.owner.get_value();
        let (cards, cells, shown) = owner.with(|| {
            self.board.with_value(|b| {
                let cards: HashMap<_, _> = b
                    .items
                    .iter()
                    .map(|i| (i.id, RwSignal::new(i.clone())))
                    .collect();
                let shown: HashMap<_, _> = b
                    .items
                    .iter()
                    .map(|i| (i.id, RwSignal::new(matcher.matches(i))))
                    .collect();
                let cells: HashMap<_, _> = b
                    .cells()
                    .into_iter()
                    .map(|c| (c, RwSignal::new(b.cell_ids(c))))
                    .collect();
                (cards, cells, shown)
            })
        });
        self.cards.set_value(cards);
        self.cells.set_value(cells);
        self.shown.set_value(shown);
        self.meta.set(self.board.with_value(Meta::of));
        self.generation.update(|g| *g += 1);
        self.draw_progressively();
    }

    /// Stops drawing in steps: every card is drawn now.
    pub fn draw_all(&self) {
        if self.draw_limit.get_untracked() != usize::MAX {
            self.draw_limit.set(usize::MAX);
        }
    }

    /// Draws a few cards per cell, then more after each paint, until all
    /// are drawn (a newer rebuild takes over).
    fn draw_progressively(&self) {
        fn step(state: AppState, generation: u64, limit: usize, largest: usize) {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if state.generation.try_get_untracked() != Some(generation) {
                            return;
                        }
                        if limit >= largest {
                            state.draw_limit.set(usize::MAX);
                        } else {
                            state.draw_limit.set(limit);
                            step(state, generation, limit + DRAW_STEP, largest);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        let largest = self.cells.with_value(|c| {
            c.values()
                .map(|sig| sig.with_untracked(Vec::len))
                .max()
                .unwrap_or(0)
        });
        if largest <= DRAW_FIRST {
            self.draw_limit.set(usize::MAX);
            return;
        }
        self.draw_limit.set(DRAW_FIRST);
        step(
            *self,
            self.generation.get_untracked(),
            DRAW_FIRST + DRAW_STEP,
            largest,
        );
    }

    // ---- reading -------------------------------------------------------

    pub fn card(&self, id: Uuid) -> Option<RwSignal<Item>> {
        self.cards.with_value(|c| c.get(&id).copied())
    }

    pub fn cell(&self, key: CellKey) -> RwSignal<Vec<Uuid>> {
        if let Some(sig) = self.cells.with_value(|c| c.get(&key).copied()) {
            return sig;
        }
        let sig = self.signal(self.board.with_value(|b| b.cell_ids(key)));
        self.cells.update_value(|c| {
            c.insert(key, sig);
        });
        sig
    }

    pub fn item(&self, id: Uuid) -> Option<Item> {
        self.board.with_value(|b| b.item(id).cloned())
    }

    /// The URL hash for what is shown now: page, view and filter.
    pub fn url(&self) -> String {
        let route = self.route.get_untracked();
        let view = match route {
            Route::Board(_) => self.view.get_untracked().suffix(),
            Route::List => "",
        };
        format!(
            "{}{view}{}",
            route.hash(),
            self.filter.with_untracked(filter_query)
        )
    }

    pub fn board_created(&self) -> crate::model::Timestamp {
        self.board.with_value(|b| b.created)
    }

    /// Reads the open board without copying it.
    pub fn with_board<R>(&self, f: impl FnOnce(&Board) -> R) -> R {
        self.board.with_value(f)
    }

    pub fn board_snapshot(&self) -> Board {
        self.board.get_value()
    }

    // ---- syncing after a model operation --------------------------------

    fn sync_card(&self, id: Uuid) {
        let Some(item) = self.item(id) else { return };
        let visible = self.filter.with_untracked(|f| f.matches(&item));
        match self.shown.with_value(|s| s.get(&id).copied()) {
            Some(sig) if sig.get_untracked() != visible => sig.set(visible),
            Some(_) => {}
            None => {
                let sig = self.signal(visible);
                self.shown.update_value(|s| {
                    s.insert(id, sig);
                });
            }
        }
        match self.card(id) {
            Some(sig) => {
                if sig.with_untracked(|i| *i != item) {
                    sig.set(item);
                }
            }
            None => {
                let sig = self.signal(item);
                self.cards.update_value(|c| {
                    c.insert(id, sig);
                });
            }
        }
    }

    fn sync_cell(&self, key: CellKey) {
        let ids = self.board.with_value(|b| b.cell_ids(key));
        let sig = self.cell(key);
        if sig.with_untracked(|cur| *cur != ids) {
            sig.set(ids);
        }
    }

    /// After a change to the open board: refresh the derived figures and
    /// save once the screen shows the change.
    pub(super) fn changed(&self) {
        self.changed_after(0);
    }

    /// As [`changed`](Self::changed), for typing: the save waits until the
    /// typing pauses (at most [`SAVE_AT_MOST_AFTER_MS`]).
    pub(super) fn changed_typing(&self) {
        self.changed_after(TYPING_SAVE_DELAY_MS);
    }

    fn changed_after(&self, delay_ms: u64) {
        self.revision.update(|r| *r += 1);
        self.refresh_meta();
        self.schedule_save(delay_ms);
    }

    fn refresh_meta(&self) {
        let same = self
            .board
            .with_value(|b| self.meta.with_untracked(|m| m.is_of(b)));
        if !same {
            self.meta.set(self.board.with_value(Meta::of));
        }
    }

    /// Saves the open board soon: after the next paint (`delay_ms` 0), or
    /// `delay_ms` after the last of a run of changes. A change is never
    /// kept unsaved longer than [`SAVE_AT_MOST_AFTER_MS`], and
    /// [`flush_save`](Self::flush_save) runs when the page is hidden or
    /// closed, and before anything else reads or writes storage.
    fn schedule_save(&self, delay_ms: u64) {
        let at = now().timestamp_millis();
        let since = match self.unsaved_since.get_untracked() {
            Some(since) => since,
            None => {
                self.unsaved_since.set(Some(at));
                at
            }
        };
        let ticket = self.save_ticket.get_value() + 1;
        self.save_ticket.set_value(ticket);
        let failing = self
            .banner
            .with_untracked(|b| b.as_ref().is_some_and(|b| b.text == s::STORAGE_FULL));
        let delay_ms = if failing {
            // Storage refused the last save: try again now and then, not
            // with a full encode on every keystroke.
            RETRY_FULL_AFTER_MS
        } else if at - since >= SAVE_AT_MOST_AFTER_MS {
            0
        } else {
            delay_ms
        };
        let state = *self;
        let run = move || {
            if state.save_ticket.try_get_value() == Some(ticket) {
                state.flush_save();
            }
        };
        if delay_ms == 0 && !page_hidden() {
            // A timer set in an animation frame runs after that frame's paint.
            request_animation_frame(move || set_timeout(run, std::time::Duration::ZERO));
        } else {
            set_timeout(run, std::time::Duration::from_millis(delay_ms));
        }
    }

    /// Saves the open board now if it has unsaved changes.
    pub fn flush_save(&self) {
        if self.has_unsaved() {
            self.save();
        }
    }

    /// Whether a change to the open board is not (yet) in storage.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved_since
            .try_with_untracked(Option::is_some)
            .unwrap_or(false)
    }

    /// Forgets that the open board has unsaved changes (it was saved, or
    /// another board takes its place).
    pub(super) fn mark_saved(&self) {
        if self.has_unsaved() {
            self.unsaved_since.set(None);
        }
    }

    /// Before another storage operation: saves what is pending and has the
    /// room other keys take counted again at the next save.
    pub(super) fn settle_storage(&self) {
        self.flush_save();
        self.recount_room();
    }

    /// Saves the open board (its own key and the index). If another tab
    /// wrote this board since this tab last read it, the two are merged
    /// first: no tab overwrites newer data with older.
    pub fn save(&self) {
        self.settled.update(|n| *n += 1);
        super::dom::timed("planbord-opslaan", || self.save_now());
    }

    fn save_now(&self) {
        if !self.may_save.get_value() {
            return;
        }
        // Invalidates any pending timer: this save covers its changes.
        self.save_ticket.update_value(|t| *t += 1);
        let key = store::board_key(self.board.with_value(|b| b.id));
        let stored = self.with_store(|st| st.get(&key));
        if stored.is_some() && stored != self.last_written.get_value() {
            match store::decode(stored) {
                store::Loaded::Board(theirs) => {
                    self.absorb(&theirs);
                }
                store::Loaded::Unreadable { problem, .. } => {
                    // Another tab (perhaps a newer Planbord) wrote something
                    // this one cannot read: never write over it.
                    self.may_save.set_value(false);
                    self.banner
                        .set(Some(banner_for(&StorageNote::Untouched { problem })));
                    return;
                }
                store::Loaded::Empty => {}
            }
        }
        let board = self.board.get_value();
        let mut library = self.library.get_untracked();
        let result = self
            .store
            .try_update_value(|st| store::save_board(st, &mut library, &board, now()))
            .unwrap_or(Err(SaveError::Unavailable));
        self.set_library(library);
        match result {
            Ok(raw) => {
                self.mark_saved();
                self.saved(Ok(()));
                self.check_room(&key, &raw);
                self.last_written.set_value(Some(raw));
            }
            Err(e) => self.saved(Err(e)),
        }
    }

    /// Warns (once per level) when storage is filling up, before a save
    /// fails; takes the warning away when there is room again.
    fn check_room(&self, key: &str, raw: &str) {
        let others = match self.others_used.get_value() {
            Some(n) => n,
            None => {
                let n = self.with_store(|st| room::used_except(st, key));
                self.others_used.set_value(Some(n));
                n
            }
        };
        let room = Room::with(others, key, raw);
        let is_room_banner = || {
            self.banner
                .with_untracked(|b| b.as_ref().is_some_and(|b| b.dismissible))
        };
        match room {
            Room::Plenty => {
                self.room_warned.set_value(None);
                if is_room_banner() {
                    self.banner.set(None);
                }
            }
            Room::Low(p) | Room::Urgent(p) => {
                if room.worse_than(self.room_warned.get_value())
                    && self
                        .banner
                        .with_untracked(|b| b.is_none() || is_room_banner())
                {
                    self.room_warned.set_value(Some(room));
                    self.banner.set(Some(Banner {
                        text: s::storage_low(p, matches!(room, Room::Urgent(_))),
                        backup_key: None,
                        offer_export: true,
                        dismissible: true,
                    }));
                }
            }
        }
    }

    /// How full storage is now, with the open board as last written.
    pub(super) fn recheck_room(&self) {
        let key = store::board_key(self.board.with_value(|b| b.id));
        if let Some(raw) = self.last_written.get_value() {
            self.check_room(&key, &raw);
        }
    }

    /// Other boards were (or may have been) written: count their room again
    /// at the next save.
    pub(super) fn recount_room(&self) {
        self.others_used.set_value(None);
    }

    /// Takes in another copy of the open board (from another tab): merges
    /// it and refreshes only what changed. Returns whether anything did.
    pub(super) fn absorb(&self, theirs: &Board) -> bool {
        let local = self.board.get_value();
        if theirs.id != local.id {
            return false;
        }
        let merged = crate::model::merge(&local, theirs);
        if crate::model::canonical(&merged) == crate::model::canonical(&local) {
            return false;
        }
        let ids: Vec<Uuid> = merged.items.iter().map(|i| i.id).collect();
        self.board.set_value(merged);
        for id in ids {
            self.sync_card(id);
        }
        let cells: Vec<CellKey> = self.board.with_value(|b| b.cells());
        for cell in cells {
            self.sync_cell(cell);
        }
        self.revision.update(|r| *r += 1);
        self.settled.update(|n| *n += 1);
        self.refresh_meta();
        true
    }

    /// Another tab changed a stored key (the `storage` event).
    pub fn storage_changed(&self, key: &str, value: Option<String>) {
        let open = store::board_key(self.board.with_value(|b| b.id));
        if key == open {
            let Some(raw) = value else { return };
            if Some(&raw) == self.last_written.get_value().as_ref() {
                return;
            }
            let decoded = store::decode(Some(raw.clone()));
            if let store::Loaded::Unreadable { problem, .. } = decoded {
                self.may_save.set_value(false);
                self.banner
                    .set(Some(banner_for(&StorageNote::Untouched { problem })));
                return;
            }
            if let store::Loaded::Board(theirs) = decoded {
                self.last_written.set_value(Some(raw));
                let theirs_canonical = crate::model::canonical(&theirs);
                self.absorb(&theirs);
                // This tab had something the other had not: store the merge.
                if self.board.with_value(crate::model::canonical) != theirs_canonical {
                    self.save();
                }
                self.announce(s::UPDATED_ELSEWHERE.into());
            }
        } else if key != store::INDEX_KEY {
            // Another board or a backup: count again at the next save
            // (the index is small, and written with every save).
            self.recount_room();
        }
        if key == store::INDEX_KEY {
            if let Some(mut library) = self.with_store(|st| store::read_index(st)) {
                library.last_open = self.library.with_untracked(|l| l.last_open);
                self.set_library(library);
            }
        }
    }

    /// Saves the index alone (trash, last opened board, ...).
    pub(super) fn save_library(&self) {
        if !self.may_save.get_value() {
            return;
        }
        let library = self.library.get_untracked();
        let result = self
            .store
            .try_update_value(|st| store::save_index(st, &library))
            .unwrap_or(Err(SaveError::Unavailable));
        self.saved(result);
    }

    pub(super) fn set_library(&self, library: Library) {
        if self.library.with_untracked(|l| *l != library) {
            self.library.set(library);
        }
    }

    pub(super) fn with_store<R>(&self, f: impl FnOnce(&mut AnyStore) -> R) -> R {
        self.store
            .try_update_value(f)
            .expect("the store lives as long as the app")
    }

    pub(super) fn may_save(&self) -> bool {
        self.may_save.get_value()
    }

    fn saved(&self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                // A storage-full banner goes away once saving works again.
                if self
                    .banner
                    .with_untracked(|b| b.as_ref().is_some_and(|b| b.text == s::STORAGE_FULL))
                {
                    self.banner.set(None);
                }
            }
            Err(e) => {
                // This message takes the room warning's place: once saving
                // works again, the room is told afresh.
                self.room_warned.set_value(None);
                let text = match e {
                    SaveError::Full => s::STORAGE_FULL.to_string(),
                    SaveError::Unavailable => s::STORAGE_UNAVAILABLE.to_string(),
                    SaveError::Other(d) => s::save_failed(&d),
                };
                self.banner.set(Some(Banner {
                    offer_export: text == s::STORAGE_FULL,
                    text,
                    backup_key: None,
                    dismissible: false,
                }));
            }
        }
    }

    pub(super) fn announce(&self, text: String) {
        // The same words twice would not change the live region: vary it
        // invisibly so screen readers read it again.
        let text = if self.announcement.with_untracked(|a| *a == text) {
            format!("{text}\u{200B}")
        } else {
            text
        };
        self.announcement.set(text);
    }

    pub(super) fn notify(&self, text: String, undo: Option<Undo>) {
        let id = self.notice_counter.get_value() + 1;
        self.notice_counter.set_value(id);
        self.notice.set(Some(Notice { id, text, undo }));
    }

    fn title_of(&self, id: Uuid) -> String {
        self.item(id).map(|i| i.title).unwrap_or_default()
    }

    // ---- history ----------------------------------------------------------

    /// Runs a change on the open board and records it for undo. `key`
    /// names the change for coalescing ("" for never).
    pub(super) fn record<R>(&self, key: &str, f: impl FnOnce(&mut Board) -> R) -> R {
        // A change while a big board is still being drawn: draw it all, so
        // the card lands where the user can see (and focus) it.
        self.draw_all();
        let before = self.board.get_value();
        let result = self.board.try_update_value(f).expect("board is alive");
        let patch = self
            .board
            .with_value(|after| Patch::between(&before, after));
        let at = now().timestamp_millis();
        self.history.update_value(|h| h.record(key, patch, at));
        self.history_changed();
        result
    }

    pub(super) fn history_changed(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != u {
            self.can_undo.set(u);
        }
        if self.can_redo.get_untracked() != r {
            self.can_redo.set(r);
        }
    }

    /// Switches the single-key shortcuts on or off, for this browser.
    pub fn set_single_keys(&self, on: bool) {
        self.single_keys.set(on);
        let _ = self.with_store(|st| st.set(SINGLE_KEYS_KEY, if on { "aan" } else { "uit" }));
    }

    /// Ctrl+Z: takes back the last change to the open board.
    pub fn undo_change(&self) {
        self.travel(false);
    }

    /// Ctrl+Shift+Z: does the last undone change again.
    pub fn redo_change(&self) {
        self.travel(true);
    }

    fn travel(&self, forward: bool) {
        self.draw_all();
        let patch = self
            .board
            .try_update_value(|b| {
                let at = now();
                self.history
                    .try_update_value(|h| {
                        if forward {
                            h.redo(b, at)
                        } else {
                            h.undo(b, at)
                        }
                    })
                    .flatten()
            })
            .flatten();
        self.history_changed();
        let Some(patch) = patch else { return };
        self.notice.set(None);
        if patch.touches_head() {
            self.rebuild();
        } else {
            let cells: Vec<CellKey> = self.cells.with_value(|c| c.keys().copied().collect());
            for id in patch.item_ids() {
                self.sync_card(id);
            }
            // Only cells whose order changed are touched by sync_cell.
            for cell in cells {
                self.sync_cell(cell);
            }
        }
        self.announce(if forward { s::REDONE } else { s::UNDONE }.to_string());
        self.changed();
    }

    // ---- operations -------------------------------------------------------

    /// Adds a card at the end of `cell`; returns its id.
    pub fn add(&self, cell: CellKey, title: &str) -> Result<Uuid, OpError> {
        let id = Uuid::new_v4();
        self.record("", |b| b.add_item(id, cell, title, now()))?;
        self.sync_card(id);
        self.sync_cell(cell);
        self.announce(s::added(&self.title_of(id)));
        self.changed();
        Ok(id)
    }

    pub fn edit(&self, id: Uuid, edit: Edit) -> Result<(), OpError> {
        let key = format!("edit {id} {}", edit.field());
        let result = self.record(&key, |b| b.edit_item(id, edit, now()));
        match result {
            Ok(changed) => {
                self.edit_error.set(None);
                if changed {
                    self.sync_card(id);
                    self.changed_typing();
                }
                Ok(())
            }
            Err(e) => {
                self.edit_error.set(Some(s::op_error(&e).to_string()));
                Err(e)
            }
        }
    }

    /// Moves a card into `cell`, before card `before` (`None`: at the end).
    pub fn move_before(
        &self,
        id: Uuid,
        cell: CellKey,
        before: Option<Uuid>,
    ) -> Result<(), OpError> {
        let index = before.and_then(|b| {
            self.board.with_value(|board| {
                board
                    .cell_ids(cell)
                    .into_iter()
                    .filter(|x| *x != id)
                    .position(|x| x == b)
            })
        });
        self.move_to(id, cell, index)
    }

    pub fn move_to(&self, id: Uuid, cell: CellKey, index: Option<usize>) -> Result<(), OpError> {
        let from = self.record("", |b| b.move_item(id, cell, index, now()))?;
        self.after_move(id, from);
        Ok(())
    }

    /// One keyboard step. Returns false when the card is at the edge.
    pub fn step(&self, id: Uuid, direction: Direction) -> Result<bool, OpError> {
        let from = self.record("", |b| b.step_item(id, direction, now()))?;
        match from {
            Some(from) => {
                self.after_move(id, from);
                Ok(true)
            }
            None => {
                self.announce(s::AT_EDGE.into());
                Ok(false)
            }
        }
    }

    fn after_move(&self, id: Uuid, from: CellKey) {
        let Some(item) = self.item(id) else { return };
        self.sync_card(id);
        self.sync_cell(from);
        self.sync_cell(item.cell());
        // A renumbered cell changes its other cards' ranks, not their order.
        let meta = self.meta.get_untracked();
        self.announce(s::moved(
            &item.title,
            item.line,
            &meta.column_name(item.column),
        ));
        self.changed();
    }

    /// Moves an activity to another month (the year calendar).
    pub fn move_to_month(&self, id: Uuid, year: i32, month: u32) {
        if self
            .record("", |b| b.move_to_month(id, year, month, now()))
            .is_ok()
        {
            self.sync_card(id);
            self.announce(s::moved_to_month(&self.title_of(id), month, year));
            self.changed();
        }
    }

    /// Alt+←/→ on an activity in the calendar: a month earlier or later.
    pub fn step_month(&self, id: Uuid, delta: i32, year: i32) {
        if let Ok((y, m)) = self.record("", |b| b.step_month(id, delta, year, now())) {
            self.sync_card(id);
            self.announce(s::moved_to_month(&self.title_of(id), m, y));
            self.changed();
        }
    }

    /// Puts a deleted card back where it was.
    pub fn restore_card(&self, item: Item) {
        let id = item.id;
        let title = item.title.clone();
        let result = self.record("", |b| b.restore_item(item, now()));
        if result.is_ok() {
            self.sync_card(id);
            if let Some(i) = self.item(id) {
                self.sync_cell(i.cell());
            }
            self.announce(s::restored(&title));
            self.changed();
            focus_card_later(id);
        }
    }

    /// Deletes a card and moves the focus to a neighbour in its cell, or to
    /// the cell's add button (from the card or from the editor).
    pub fn delete_and_refocus(&self, id: Uuid) -> Result<(), OpError> {
        let Some(cell) = self.item(id).map(|i| i.cell()) else {
            return Err(OpError::UnknownItem);
        };
        let ids = self.cell(cell).get_untracked();
        let pos = ids.iter().position(|x| *x == id).unwrap_or(0);
        let neighbour = ids
            .get(pos + 1)
            .or_else(|| pos.checked_sub(1).and_then(|p| ids.get(p)))
            .copied();
        self.delete(id)?;
        match neighbour {
            Some(n) => focus_card_later(n),
            None => {
                let button = super::cell::add_button_id(cell.0, cell.1);
                request_animation_frame(move || crate::ui::dom::focus(&format!("#{button}")));
            }
        }
        Ok(())
    }

    pub fn delete(&self, id: Uuid) -> Result<(), OpError> {
        let item = self.record("", |b| b.delete_item(id, now()))?;
        if self.editing.get_untracked() == Some(id) {
            self.editing.set(None);
        }
        self.sync_cell(item.cell());
        let text = s::deleted(&item.title);
        self.announce(text.clone());
        self.notify(text, Some(Undo::Card(Box::new(item))));
        self.changed();
        Ok(())
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

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// Focuses a card's main button once the view has caught up (after a move
/// the card is a new element in another cell).
pub fn focus_card_later(id: Uuid) {
    request_animation_frame(move || {
        crate::ui::dom::focus(&format!(".card[data-id='{id}'] .card-open"));
    });
}

/// The storage message for the banner.
pub fn banner_for(note: &StorageNote) -> Banner {
    match note {
        StorageNote::KeptAside { problem, key } => Banner {
            text: s::unreadable_kept(problem, key),
            backup_key: Some(key.clone()),
            offer_export: false,
            dismissible: false,
        },
        StorageNote::Untouched { problem } => Banner {
            text: s::unreadable_untouched(problem),
            backup_key: None,
            offer_export: true,
            dismissible: false,
        },
    }
}

/// Whether the page is in a background tab or minimised (no frames come).
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.hidden())
}

pub fn current_hash() -> Option<String> {
    web_sys::window().and_then(|w| w.location().hash().ok())
}

/// Sets the URL hash without a new history entry.
pub fn replace_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if current_hash().as_deref() != Some(hash) {
            let _ = w.location().replace(hash);
        }
    }
}

/// Goes to a page: a new history entry, so back and forward work.
pub fn navigate(route: Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.hash());
    }
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The filter in a URL hash: `#/bord/<id>?q=…&trekker=…&team=…&label=…&scope=…`.
pub fn filter_from_hash(hash: &str) -> Filter {
    let mut f = Filter::default();
    let Some((_, query)) = hash.split_once('?') else {
        return f;
    };
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        match k {
            "q" => f.text = v,
            "trekker" => f.trekker = Some(v),
            "team" => f.team = Some(v),
            "label" => f.tag = Some(v),
            "scope" => {
                f.scope = match v.as_str() {
                    "intern" => Some(crate::model::Scope::Intern),
                    "extern" => Some(crate::model::Scope::Extern),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    f
}

/// The query part for a filter ("" when it filters nothing).
pub fn filter_query(f: &Filter) -> String {
    let mut parts = Vec::new();
    if !f.text.trim().is_empty() {
        parts.push(format!("q={}", encode(&f.text)));
    }
    for (k, v) in [
        ("trekker", &f.trekker),
        ("team", &f.team),
        ("label", &f.tag),
    ] {
        if let Some(v) = v {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    if let Some(scope) = f.scope {
        let v = match scope {
            crate::model::Scope::Intern => "intern",
            crate::model::Scope::Extern => "extern",
        };
        parts.push(format!("scope={v}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}
