//! Which dialog is open, and the workshop's modes (presentation, folded
//! and focused lines, single-key shortcuts).

use leptos::prelude::*;
use uuid::Uuid;

use crate::exchange::Imported;
use std::collections::HashMap;

use crate::model::{CellKey, Item, MergeReport};

/// A question asked before something that cannot be undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete a board from the trash for good.
    Purge(Uuid),
    /// Remove every board and setting of Planbord from this browser.
    WipeAll,
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
    /// What merging would do, when there is a board to merge with.
    pub forecast: Option<Outcome>,
    /// The merged board behind `forecast`, with the open board's revision
    /// it was made from: merging reuses it while the board is unchanged.
    pub merged: Option<(u64, std::sync::Arc<crate::model::Board>)>,
}

/// What a merge does (or did), with the cards' titles and lines (removed
/// cards are no longer on the board to ask).
#[derive(Clone, Debug)]
pub struct Outcome {
    pub report: MergeReport,
    pub cards: HashMap<uuid::Uuid, (String, u8)>,
    /// Cards a later deletion removed while the other copy had changed
    /// them: that version, to put back.
    pub restorable: HashMap<uuid::Uuid, Item>,
}

impl Outcome {
    pub fn title(&self, id: uuid::Uuid) -> String {
        self.cards.get(&id).map(|c| c.0.clone()).unwrap_or_default()
    }
}

/// Why a file was not taken: a Dutch sentence, and what the parser said
/// for "Technische details".
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub text: String,
    pub details: Option<String>,
}

impl From<String> for Failure {
    fn from(text: String) -> Failure {
        Failure {
            text,
            details: None,
        }
    }
}

/// The outcome of a merge, for the summary dialog.
#[derive(Clone, Debug)]
pub struct MergeSummary {
    pub outcome: Outcome,
}

#[derive(Clone, Copy)]
pub struct Panels {
    /// The card whose editor is open.
    pub editing: RwSignal<Option<Uuid>>,
    /// The card in "Verplaats naar…".
    pub moving: RwSignal<Option<Uuid>>,
    /// The cell whose "add card" field is open.
    pub adding: RwSignal<Option<CellKey>>,
    pub confirm: RwSignal<Option<Confirm>>,
    pub help_open: RwSignal<bool>,
    pub new_board: RwSignal<bool>,
    pub settings_open: RwSignal<bool>,
    /// Board being renamed from the list.
    pub renaming: RwSignal<Option<Uuid>>,
    pub import_preview: RwSignal<Option<ImportPreview>>,
    pub import_error: RwSignal<Option<Failure>>,
    pub merge_summary: RwSignal<Option<MergeSummary>>,
    /// The iCalendar export's choices are asked: `Some(true)` for the whole
    /// programme, `Some(false)` for the open board.
    pub ics: RwSignal<Option<bool>>,
    /// Text the clipboard would not take, shown to copy by hand.
    pub copy_by_hand: RwSignal<Option<String>>,
    /// A file is being dragged over the page.
    pub file_over: RwSignal<bool>,
    /// Presentation mode: full screen, large type, little chrome.
    pub presenting: RwSignal<bool>,
    /// In presentation mode: the search and filter fields are shown (the
    /// facilitator's "Filter"); otherwise only the active filters are.
    pub filters_open: RwSignal<bool>,
    /// Lines folded to their header.
    pub collapsed: RwSignal<Vec<u8>>,
    /// Only this line is shown, large.
    pub focus_lane: RwSignal<Option<u8>>,
    /// Whether the single-key shortcuts (/ ? n p) are on (WCAG 2.1.4:
    /// they can be switched off). Kept in this browser.
    pub single_keys: RwSignal<bool>,
}

impl Panels {
    pub(super) fn new() -> Panels {
        Panels {
            editing: RwSignal::new(None),
            moving: RwSignal::new(None),
            adding: RwSignal::new(None),
            confirm: RwSignal::new(None),
            help_open: RwSignal::new(false),
            new_board: RwSignal::new(false),
            settings_open: RwSignal::new(false),
            renaming: RwSignal::new(None),
            import_preview: RwSignal::new(None),
            import_error: RwSignal::new(None),
            merge_summary: RwSignal::new(None),
            ics: RwSignal::new(None),
            copy_by_hand: RwSignal::new(None),
            file_over: RwSignal::new(false),
            presenting: RwSignal::new(false),
            filters_open: RwSignal::new(false),
            collapsed: RwSignal::new(Vec::new()),
            focus_lane: RwSignal::new(None),
            single_keys: RwSignal::new(true),
        }
    }

    /// Closes the dialogs that belong to the board shown.
    pub(super) fn close_dialogs(&self) {
        self.editing.set(None);
        self.moving.set(None);
        self.adding.set(None);
        self.settings_open.set(false);
    }

    /// Presentation mode on or off (with full screen where allowed).
    pub fn toggle_presenting(&self) {
        let on = !self.presenting.get_untracked();
        self.filters_open.set(false);
        self.presenting.set(on);
        crate::ui::dom::fullscreen(on);
    }

    /// Folds a line to its header, or opens it again.
    pub fn toggle_collapsed(&self, line: u8) {
        self.collapsed.update(|c| {
            if let Some(p) = c.iter().position(|l| *l == line) {
                c.remove(p);
            } else {
                c.push(line);
            }
        });
    }
}
