//! The boards a user keeps in one browser ("Mijn borden"): a summary per
//! board, and a trash from which a deleted board can be restored.

use super::sort;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::limits::{bounded, Field};
use super::{Board, Extra, Timestamp, Tombstone};

/// What the board list shows of one board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: Uuid,
    pub title: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub cards: usize,
    pub updated: Timestamp,
    /// In the trash since then; `None`: in use.
    #[serde(default)]
    pub trashed: Option<Timestamp>,
    /// When this board was last exported from this browser.
    #[serde(default)]
    pub exported: Option<Timestamp>,
}

/// A week of changes without an export earns a gentle reminder.
pub const BACKUP_AFTER_DAYS: i64 = 7;

impl Entry {
    /// Whether to suggest an export: changed since the last export (or
    /// never exported), and that export (or the board's creation) is more
    /// than a week ago.
    pub fn needs_backup(&self, created: Timestamp, now: Timestamp) -> bool {
        let since = self.exported.unwrap_or(created);
        self.updated > since && now - since > chrono::Duration::days(BACKUP_AFTER_DAYS)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub boards: Vec<Entry>,
    /// The board opened last (opened again on a visit without a board URL).
    #[serde(default)]
    pub last_open: Option<Uuid>,
}

impl Library {
    pub fn entry(&self, id: Uuid) -> Option<&Entry> {
        self.boards.iter().find(|e| e.id == id)
    }

    /// Adds or refreshes the summary of `board` (keeps its trash state).
    pub fn record(&mut self, board: &Board) {
        let fresh = Entry {
            id: board.id,
            // Bounded: the list shows them, whatever a board holds.
            title: bounded(Field::BoardTitle, &board.title),
            team: bounded(Field::Team, &board.team),
            year: board.year,
            cards: board.items.len(),
            updated: board.updated,
            trashed: None,
            exported: None,
        };
        match self.boards.iter_mut().find(|e| e.id == board.id) {
            Some(e) => {
                *e = Entry {
                    trashed: e.trashed,
                    exported: e.exported,
                    ..fresh
                }
            }
            None => self.boards.push(fresh),
        }
    }

    pub fn mark_exported(&mut self, id: Uuid, now: Timestamp) {
        if let Some(e) = self.boards.iter_mut().find(|e| e.id == id) {
            e.exported = Some(now);
        }
    }

    /// Moves a board to the trash. Returns false if unknown.
    pub fn trash(&mut self, id: Uuid, now: Timestamp) -> bool {
        match self.boards.iter_mut().find(|e| e.id == id) {
            Some(e) => {
                e.trashed = Some(now);
                if self.last_open == Some(id) {
                    self.last_open = None;
                }
                true
            }
            None => false,
        }
    }

    pub fn restore(&mut self, id: Uuid) -> bool {
        match self.boards.iter_mut().find(|e| e.id == id) {
            Some(e) => {
                e.trashed = None;
                true
            }
            None => false,
        }
    }

    /// Forgets a board for good (after "definitief verwijderen").
    pub fn forget(&mut self, id: Uuid) -> bool {
        let before = self.boards.len();
        self.boards.retain(|e| e.id != id);
        if self.last_open == Some(id) {
            self.last_open = None;
        }
        before != self.boards.len()
    }

    fn sorted(&self, trashed: bool) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self
            .boards
            .iter()
            .filter(|e| e.trashed.is_some() == trashed)
            .collect();
        sort::sort_by(&mut v, |a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        v
    }

    /// Boards in use, by title.
    pub fn active(&self) -> Vec<&Entry> {
        self.sorted(false)
    }

    /// Boards in the trash, by title.
    pub fn trashed(&self) -> Vec<&Entry> {
        self.sorted(true)
    }

    /// The board to open when no board is asked for.
    pub fn default_board(&self) -> Option<Uuid> {
        self.last_open
            .filter(|id| self.entry(*id).is_some_and(|e| e.trashed.is_none()))
            .or_else(|| self.active().first().map(|e| e.id))
    }
}

/// A copy of `board` as a new, separate board: new ids for the board and
/// every card (so the copy never merges with the original), no deletion
/// history, never exchanged.
pub fn duplicate(
    board: &Board,
    mut new_id: impl FnMut() -> Uuid,
    title: &str,
    now: Timestamp,
) -> Board {
    let mut copy = board.clone();
    copy.id = new_id();
    copy.title = bounded(Field::BoardTitle, title);
    for item in &mut copy.items {
        item.id = new_id();
        item.created = now;
        item.updated = now;
    }
    copy.tombstones = Vec::<Tombstone>::new();
    copy.created = now;
    copy.updated = now;
    copy.settings_updated = now;
    copy.synced = None;
    copy.extra = Extra::new();
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;
    use crate::model::testutil::t;

    #[test]
    fn record_trash_restore_forget() {
        let mut id = crate::model::testutil::counter();
        let a = sample::nieuw_west_zuid(&mut id, t(0));
        let b = sample::gaasperdam(&mut id, t(0));
        let mut lib = Library::default();
        lib.record(&a);
        lib.record(&b);
        let titles = |v: Vec<&Entry>| v.iter().map(|e| e.title.clone()).collect::<Vec<_>>();
        assert_eq!(
            titles(lib.active()),
            ["Teamplan Gaasperdam", "Teamplan Nieuw West Zuid"]
        );
        assert_eq!(lib.entry(a.id).unwrap().cards, 11);
        lib.last_open = Some(a.id);
        assert!(lib.trash(a.id, t(5)));
        assert_eq!(titles(lib.trashed()), ["Teamplan Nieuw West Zuid"]);
        assert_eq!(lib.default_board(), Some(b.id));
        // Recording a trashed board keeps it in the trash.
        lib.record(&a);
        assert_eq!(lib.trashed().len(), 1);
        assert!(lib.restore(a.id));
        assert_eq!(lib.active().len(), 2);
        assert!(lib.forget(b.id));
        assert!(!lib.forget(b.id));
        assert_eq!(titles(lib.active()), ["Teamplan Nieuw West Zuid"]);
    }

    #[test]
    fn a_week_of_changes_without_export_earns_a_reminder() {
        let a = sample::nieuw_west_zuid(crate::model::testutil::counter(), t(0));
        let mut lib = Library::default();
        lib.record(&a);
        let day = 86_400;
        let entry = |l: &Library| l.entry(a.id).unwrap().clone();
        // Untouched since creation: no reminder, however long ago.
        assert!(!entry(&lib).needs_backup(a.created, t(30 * day)));
        let mut b = a.clone();
        b.updated = t(2 * day);
        lib.record(&b);
        assert!(!entry(&lib).needs_backup(a.created, t(6 * day)));
        assert!(entry(&lib).needs_backup(a.created, t(8 * day)));
        lib.mark_exported(a.id, t(8 * day));
        assert!(
            !entry(&lib).needs_backup(a.created, t(20 * day)),
            "no change since the export"
        );
        b.updated = t(9 * day);
        lib.record(&b);
        assert!(
            entry(&lib).exported.is_some(),
            "recording keeps the export time"
        );
        assert!(!entry(&lib).needs_backup(a.created, t(14 * day)));
        assert!(entry(&lib).needs_backup(a.created, t(16 * day)));
    }

    #[test]
    fn a_duplicate_is_a_separate_board() {
        let mut id = crate::model::testutil::counter();
        let mut a = sample::nieuw_west_zuid(&mut id, t(0));
        let gone = a.items[0].id;
        a.delete_item(gone, t(1)).unwrap();
        let copy = duplicate(&a, &mut id, "Kopie", t(2));
        assert_eq!(copy.validate(), Ok(()));
        assert_ne!(copy.id, a.id);
        assert_eq!(copy.items.len(), a.items.len());
        assert!(copy.items.iter().all(|i| a.item(i.id).is_none()));
        assert!(copy.tombstones.is_empty());
        assert_eq!(copy.title, "Kopie");
        // Cells keep their cards in the same order.
        let titles = |b: &Board, cell| {
            b.cell_ids(cell)
                .iter()
                .map(|i| b.item(*i).unwrap().title.clone())
                .collect::<Vec<_>>()
        };
        for cell in a.cells() {
            assert_eq!(titles(&a, cell), titles(&copy, cell));
        }
    }
}
