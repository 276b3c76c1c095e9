//! The one place UI state lives. The plain [`Board`] is the source of
//! truth; every change goes through a model operation here, after which
//! only the signals it touched are refreshed (the card and its cells), and
//! the board is saved. Components read signals; they never mutate a board.

use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::exchange::{self, ImportError, Imported};
use crate::model::{
    merge, report, sample, Board, CellKey, Column, Direction, Edit, Item, Line, MergeReport,
    OpError,
};
use crate::storage::browser::{self, SaveError, Startup};
use crate::strings as s;

pub fn now() -> crate::model::Timestamp {
    chrono::Utc::now()
}

/// Board-level data that changes rarely (title, lines, columns).
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub title: String,
    pub team: String,
    pub year: Option<i32>,
    pub lines: Vec<Line>,
    pub columns: Vec<Column>,
}

impl Meta {
    fn of(b: &Board) -> Meta {
        Meta {
            title: b.title.clone(),
            team: b.team.clone(),
            year: b.year,
            lines: b.lines.clone(),
            columns: b.visible_columns().into_iter().cloned().collect(),
        }
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
    Card(Box<Item>),
    Board(Box<Board>),
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
}

/// Where a dragged card would land: in `cell`, before card `before`
/// (`None`: at the end).
pub type DropTarget = (CellKey, Option<Uuid>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    EmptyBoard,
    SampleBoard,
}

/// A board file that was read and checked, waiting for the user's choice.
#[derive(Clone, Debug)]
pub struct ImportPreview {
    pub file_name: String,
    pub imported: Imported,
    /// Same board id as the open board: merging is offered.
    pub same_board: bool,
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
    board: StoredValue<Board>,
    cards: StoredValue<HashMap<Uuid, RwSignal<Item>>>,
    cells: StoredValue<HashMap<CellKey, RwSignal<Vec<Uuid>>>>,
    /// Whether saving is allowed (false when unreadable data could not be
    /// kept aside: writing would destroy it).
    may_save: StoredValue<bool>,
    /// The app's owner. View signals are created under it explicitly: an
    /// event handler runs under its component's owner, and a signal made
    /// there would die with that component.
    owner: StoredValue<Owner>,
    pub meta: RwSignal<Meta>,
    /// Bumped when the whole board is replaced, so views rebuild.
    pub generation: RwSignal<u64>,
    pub editing: RwSignal<Option<Uuid>>,
    pub moving: RwSignal<Option<Uuid>>,
    pub adding: RwSignal<Option<CellKey>>,
    pub dragging: RwSignal<Option<Uuid>>,
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
}

impl AppState {
    /// Loads the board from storage (or the sample on a first visit).
    pub fn load() -> AppState {
        let now = now();
        let mut banner = None;
        let mut may_save = true;
        let board = match browser::load(now) {
            Startup::Board(b) => b,
            Startup::Empty => sample_board(),
            Startup::KeptAside { problem, key } => {
                banner = Some(Banner {
                    text: s::unreadable_kept(&problem, &key),
                    backup_key: Some(key),
                });
                empty_board()
            }
            Startup::Untouched { problem } => {
                may_save = false;
                banner = Some(Banner {
                    text: s::unreadable_untouched(&problem),
                    backup_key: None,
                });
                empty_board()
            }
            Startup::Unavailable => {
                may_save = false;
                banner = Some(Banner {
                    text: s::STORAGE_UNAVAILABLE.into(),
                    backup_key: None,
                });
                sample_board()
            }
        };
        let state = AppState::new(board, may_save);
        state.banner.set(banner);
        state.save();
        state
    }

    pub fn new(board: Board, may_save: bool) -> AppState {
        let state = AppState {
            board: StoredValue::new(board.clone()),
            cards: StoredValue::new(HashMap::new()),
            cells: StoredValue::new(HashMap::new()),
            may_save: StoredValue::new(may_save),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            meta: RwSignal::new(Meta::of(&board)),
            generation: RwSignal::new(0),
            editing: RwSignal::new(None),
            moving: RwSignal::new(None),
            adding: RwSignal::new(None),
            dragging: RwSignal::new(None),
            drop_target: RwSignal::new(None),
            confirm: RwSignal::new(None),
            notice: RwSignal::new(None),
            banner: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            edit_error: RwSignal::new(None),
            import_preview: RwSignal::new(None),
            import_error: RwSignal::new(None),
            merge_summary: RwSignal::new(None),
            file_over: RwSignal::new(false),
        };
        state.rebuild();
        state
    }

    /// Creates a signal owned by the app, whatever runs this.
    fn signal<T: Send + Sync + 'static>(&self, value: T) -> RwSignal<T> {
        self.owner.with_value(|o| o.with(|| RwSignal::new(value)))
    }

    /// Recreates every view signal from the board (first load, replace).
    fn rebuild(&self) {
        let (cards, cells) = self.board.with_value(|b| {
            let cards: HashMap<_, _> = b
                .items
                .iter()
                .map(|i| (i.id, self.signal(i.clone())))
                .collect();
            let cells: HashMap<_, _> = b
                .cells()
                .into_iter()
                .map(|c| (c, self.signal(b.cell_ids(c))))
                .collect();
            (cards, cells)
        });
        self.cards.set_value(cards);
        self.cells.set_value(cells);
        self.meta.set(self.board.with_value(Meta::of));
        self.generation.update(|g| *g += 1);
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

    pub fn board_snapshot(&self) -> Board {
        self.board.get_value()
    }

    // ---- syncing after a model operation --------------------------------

    fn sync_card(&self, id: Uuid) {
        let Some(item) = self.item(id) else { return };
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

    fn changed(&self) {
        let meta = self.board.with_value(Meta::of);
        if self.meta.with_untracked(|m| *m != meta) {
            self.meta.set(meta);
        }
        self.save();
    }

    pub fn save(&self) {
        if !self.may_save.get_value() {
            return;
        }
        let result = self.board.with_value(|b| browser::save(b, now()));
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
                let text = match e {
                    SaveError::Full => s::STORAGE_FULL.to_string(),
                    SaveError::Unavailable => s::STORAGE_UNAVAILABLE.to_string(),
                    SaveError::Other(d) => s::save_failed(&d),
                };
                self.banner.set(Some(Banner {
                    text,
                    backup_key: None,
                }));
            }
        }
    }

    fn announce(&self, text: String) {
        self.announcement.set(text);
    }

    fn notify(&self, text: String, undo: Option<Undo>) {
        let id = self
            .notice
            .with_untracked(|n| n.as_ref().map_or(0, |n| n.id + 1));
        self.notice.set(Some(Notice { id, text, undo }));
    }

    fn title_of(&self, id: Uuid) -> String {
        self.item(id).map(|i| i.title).unwrap_or_default()
    }

    // ---- operations -------------------------------------------------------

    /// Adds a card at the end of `cell`; returns its id.
    pub fn add(&self, cell: CellKey, title: &str) -> Result<Uuid, OpError> {
        let id = Uuid::new_v4();
        self.board
            .try_update_value(|b| b.add_item(id, cell, title, now()))
            .expect("board is alive")?;
        self.sync_card(id);
        self.sync_cell(cell);
        self.announce(s::added(&self.title_of(id)));
        self.changed();
        Ok(id)
    }

    pub fn edit(&self, id: Uuid, edit: Edit) -> Result<(), OpError> {
        let result = self
            .board
            .try_update_value(|b| b.edit_item(id, edit, now()))
            .expect("board is alive");
        match result {
            Ok(changed) => {
                self.edit_error.set(None);
                if changed {
                    self.sync_card(id);
                    self.changed();
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
        let from = self
            .board
            .try_update_value(|b| b.move_item(id, cell, index, now()))
            .expect("board is alive")?;
        self.after_move(id, from);
        Ok(())
    }

    /// One keyboard step. Returns false when the card is at the edge.
    pub fn step(&self, id: Uuid, direction: Direction) -> Result<bool, OpError> {
        let from = self
            .board
            .try_update_value(|b| b.step_item(id, direction, now()))
            .expect("board is alive")?;
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

    pub fn delete(&self, id: Uuid) -> Result<(), OpError> {
        let item = self
            .board
            .try_update_value(|b| b.delete_item(id, now()))
            .expect("board is alive")?;
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

    /// Replaces the whole board; the previous one can be brought back from
    /// the notice.
    pub fn replace(&self, board: Board, message: &str) {
        let previous = self.board.get_value();
        self.board.set_value(board);
        self.editing.set(None);
        self.moving.set(None);
        self.adding.set(None);
        self.rebuild();
        self.announce(message.to_string());
        self.notify(message.to_string(), Some(Undo::Board(Box::new(previous))));
        self.changed();
    }

    pub fn undo(&self, undo: Undo) {
        self.notice.set(None);
        match undo {
            Undo::Card(item) => {
                let id = item.id;
                let title = item.title.clone();
                let result = self
                    .board
                    .try_update_value(|b| b.restore_item(*item, now()))
                    .expect("board is alive");
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
            Undo::Board(board) => {
                self.board.set_value(*board);
                self.rebuild();
                self.announce(s::BOARD_RESTORED.into());
                self.changed();
            }
        }
    }

    /// Downloads the board as a board file. The file carries the previous
    /// exchange time; this copy then records the export as its latest
    /// exchange (changes after it are "ours" in the next merge).
    pub fn export(&self) {
        let now = now();
        let (name, text) = self.board.with_value(|b| {
            (
                crate::exchange::file_name(b, now.with_timezone(&chrono::Local).date_naive()),
                crate::exchange::export(b, now),
            )
        });
        match crate::ui::dom::download(&name, "application/json", &text) {
            Ok(()) => {
                self.board.update_value(|b| b.mark_synced(now));
                self.changed();
                self.notify(s::exported(&name), None);
            }
            Err(e) => self.notify(s::export_failed(&format!("{e:?}")), None),
        }
    }

    /// Reads a board file the user picked or dropped, and shows either the
    /// preview or what is wrong with it. Nothing changes on the board yet.
    pub fn open_file(&self, file: web_sys::File) {
        let state = *self;
        let name = file.name();
        if file.size() > exchange::MAX_BYTES as f64 {
            let bytes = file.size() as usize;
            self.import_failed(&ImportError::TooLarge { bytes });
            return;
        }
        leptos::task::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Ok(buffer) = buffer else {
                state
                    .import_error
                    .set(Some(s::import_error(&ImportError::NotUtf8)));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            state.preview_bytes(&name, &bytes);
        });
    }

    /// Checks a board file's bytes and shows the preview or the error.
    pub fn preview_bytes(&self, file_name: &str, bytes: &[u8]) {
        match exchange::import(bytes) {
            Err(e) => self.import_failed(&e),
            Ok(imported) => {
                let same_board = self.board.with_value(|b| b.id == imported.board.id);
                let per_line = imported
                    .board
                    .lines
                    .iter()
                    .map(|l| {
                        let n = imported
                            .board
                            .items
                            .iter()
                            .filter(|i| i.line == l.number)
                            .count();
                        (l.number, l.name.clone(), n)
                    })
                    .collect();
                self.import_error.set(None);
                self.import_preview.set(Some(ImportPreview {
                    file_name: file_name.to_string(),
                    imported,
                    same_board,
                    per_line,
                    confirming_replace: false,
                }));
            }
        }
    }

    fn import_failed(&self, e: &ImportError) {
        self.import_preview.set(None);
        self.import_error.set(Some(s::import_error(e)));
    }

    /// Merges the previewed file into the open board (undoable).
    pub fn import_merge(&self) {
        let Some(preview) = self.import_preview.get_untracked() else {
            return;
        };
        self.import_preview.set(None);
        let incoming = preview.imported.board;
        let local = self.board.get_value();
        let mut merged = merge(&local, &incoming);
        let report = report(&local, &incoming, &merged);
        merged.mark_synced(now());
        self.replace(merged, s::MERGED);
        self.merge_summary.set(Some(MergeSummary { report }));
    }

    /// Puts the previewed file's board in place of the open one (undoable).
    pub fn import_replace(&self) {
        let Some(preview) = self.import_preview.get_untracked() else {
            return;
        };
        self.import_preview.set(None);
        let mut board = preview.imported.board;
        board.mark_synced(now());
        self.replace(board, s::REPLACED);
    }

    /// Titles of items, for the merge summary (from the current board).
    pub fn title(&self, id: Uuid) -> Option<String> {
        self.item(id).map(|i| i.title)
    }

    pub fn start_empty(&self) {
        self.replace(empty_board(), s::BOARD_REPLACED_EMPTY);
    }

    pub fn start_sample(&self) {
        self.replace(sample_board(), s::BOARD_REPLACED_SAMPLE);
    }
}

pub fn sample_board() -> Board {
    sample::nieuw_west_zuid(Uuid::new_v4, now())
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

/// DOM id of a card's element.
pub fn card_dom_id(id: Uuid) -> String {
    format!("kaart-{id}")
}

/// Focuses a card's main button once the view has caught up (after a move
/// the card is a new element in another cell).
pub fn focus_card_later(id: Uuid) {
    request_animation_frame(move || {
        crate::ui::dom::focus(&format!("#{} .card-open", card_dom_id(id)));
    });
}
