//! Undo and redo for every change to a board. A change is stored as a
//! [`Patch`]: the before and after versions of just what it touched
//! (items, tombstones, the board's other fields), so a step costs the size
//! of the change, not of the board.

use std::collections::HashMap;

use uuid::Uuid;

use super::stamps::Stamp;
use super::{Board, Column, Extra, Item, Line, Timestamp, Tombstone};

/// Everything on a board except its items and tombstones.
#[derive(Clone, Debug, PartialEq)]
struct Head {
    id: Uuid,
    title: String,
    team: String,
    year: Option<i32>,
    lines: Vec<Line>,
    columns: Vec<Column>,
    created: Timestamp,
    updated: Timestamp,
    settings_updated: Timestamp,
    synced: Option<Timestamp>,
    extra: Extra,
}

impl Head {
    fn of(b: &Board) -> Head {
        Head {
            id: b.id,
            title: b.title.clone(),
            team: b.team.clone(),
            year: b.year,
            lines: b.lines.clone(),
            columns: b.columns.clone(),
            created: b.created,
            updated: b.updated,
            settings_updated: b.settings_updated,
            synced: b.synced,
            extra: b.extra.clone(),
        }
    }

    fn put(&self, b: &mut Board) {
        b.id = self.id;
        b.title = self.title.clone();
        b.team = self.team.clone();
        b.year = self.year;
        b.lines = self.lines.clone();
        b.columns = self.columns.clone();
        b.created = self.created;
        b.updated = self.updated;
        b.settings_updated = self.settings_updated;
        b.synced = self.synced;
        b.extra = self.extra.clone();
    }
}

/// The difference made by one change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patch {
    /// (id, before, after); `None`: the item did not exist.
    items: Vec<(Uuid, Option<Item>, Option<Item>)>,
    tombstones: Option<(Vec<Tombstone>, Vec<Tombstone>)>,
    head: Option<Box<(Head, Head)>>,
}

impl Patch {
    pub fn between(before: &Board, after: &Board) -> Patch {
        let old: HashMap<Uuid, &Item> = before.items.iter().map(|i| (i.id, i)).collect();
        let new: HashMap<Uuid, &Item> = after.items.iter().map(|i| (i.id, i)).collect();
        let mut items = Vec::new();
        for i in &after.items {
            match old.get(&i.id) {
                Some(o) if *o == i => {}
                o => items.push((i.id, o.map(|o| (*o).clone()), Some(i.clone()))),
            }
        }
        for o in &before.items {
            if !new.contains_key(&o.id) {
                items.push((o.id, Some(o.clone()), None));
            }
        }
        let tombstones = (before.tombstones != after.tombstones)
            .then(|| (before.tombstones.clone(), after.tombstones.clone()));
        let (h0, h1) = (Head::of(before), Head::of(after));
        let head = (h0 != h1).then(|| Box::new((h0, h1)));
        Patch {
            items,
            tombstones,
            head,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.tombstones.is_none() && self.head.is_none()
    }

    /// Where focus belongs after this patch is undone (`forward` false)
    /// or redone: the first card it touches, and the cell that card is in
    /// on that side (or was in, when that side has no such card).
    pub fn focus_target(&self, forward: bool) -> Option<(Uuid, super::CellKey)> {
        let (id, before, after) = self.items.first()?;
        let (there, other) = if forward {
            (after, before)
        } else {
            (before, after)
        };
        let cell = there.as_ref().or(other.as_ref())?.cell();
        Some((*id, cell))
    }

    /// Ids of the items this patch touches.
    pub fn item_ids(&self) -> Vec<Uuid> {
        self.items.iter().map(|(id, _, _)| *id).collect()
    }

    /// Whether the board-level fields that are shown (columns, lines,
    /// title, team, year) change, not just its timestamps.
    pub fn touches_head(&self) -> bool {
        self.head.as_ref().is_some_and(|h| {
            let (a, b) = (&h.0, &h.1);
            (&a.title, &a.team, a.year, &a.lines, &a.columns)
                != (&b.title, &b.team, b.year, &b.lines, &b.columns)
        })
    }

    /// Puts one side of the patch on the board. What is put back counts as
    /// a change made `now`, so that a later merge keeps it (an undone
    /// deletion must not lose to its own tombstone).
    fn put(&mut self, b: &mut Board, forward: bool, stamp: &Stamp) {
        let now = stamp.at;
        let (mut gone, mut back) = (Vec::new(), Vec::new());
        for (id, before, after) in &mut self.items {
            let at = b.items.iter().position(|i| i.id == *id);
            // A card taken away keeps the thread it has now for when it
            // comes back (a redo of its add): comments are not undone.
            {
                let (want, other) = if forward {
                    (&*after, &mut *before)
                } else {
                    (&*before, &mut *after)
                };
                if let (None, Some(p), Some(other)) = (want, at, other.as_mut()) {
                    let current = &b.items[p];
                    other.comments = threads_since(&current.comments, &other.comments, None);
                    other.history = current.history.clone();
                }
            }
            let (want, other) = if forward {
                (&*after, &*before)
            } else {
                (&*before, &*after)
            };
            let want = want.clone().map(|mut item| {
                // Each field put back is changed now (by whoever undoes),
                // and the card's history and thread stay as they are now:
                // an undo is one more change, and a comment written since
                // is not taken away.
                if let Some(current) = at.map(|p| &b.items[p]) {
                    item.restamp_differences(current, stamp);
                    item.history = current.history.clone();
                    item.log_changes(current, &b.columns, stamp);
                    if item.comments != current.comments {
                        item.comments =
                            threads_since(&current.comments, &item.comments, other.as_ref());
                    }
                }
                item.updated = now;
                item
            });
            match (at, want) {
                (Some(p), Some(item)) => b.items[p] = item,
                (Some(p), None) => {
                    b.items.remove(p);
                    gone.push(*id);
                }
                (None, Some(item)) => {
                    back.push(*id);
                    b.items.push(item);
                }
                (None, None) => {}
            }
        }
        if let Some((before, after)) = &self.tombstones {
            b.tombstones = if forward { after } else { before }.clone();
        }
        // A card taken away (an undone add, a redone delete) is deleted now,
        // so a merge with an older copy does not bring it back; a card put
        // back has no tombstone.
        b.tombstones
            .retain(|t| !gone.contains(&t.id) && !back.contains(&t.id));
        b.tombstones
            .extend(gone.iter().map(|&id| Tombstone { id, deleted: now }));
        if let Some(heads) = &self.head {
            let current = std::mem::take(&mut b.lines);
            if forward { &heads.1 } else { &heads.0 }.put(b);
            b.settings_updated = now;
            // Each field of a line put back is changed now.
            for l in &mut b.lines {
                match current.iter().find(|c| c.number == l.number) {
                    Some(c) => l.restamp_differences(c, stamp),
                    None => l.updated = l.updated.max(now),
                }
            }
            for c in &mut b.columns {
                c.updated = c.updated.max(now);
            }
        }
        b.updated = now;
    }

    /// Takes the board back to before the change.
    pub fn undo(&mut self, b: &mut Board, now: impl Into<Stamp>) {
        self.put(b, false, &now.into());
    }

    /// Applies the change again.
    pub fn redo(&mut self, b: &mut Board, now: impl Into<Stamp>) {
        self.put(b, true, &now.into());
    }

    /// Folds a later patch into this one (typing in one field becomes one
    /// step): the earliest "before" and the latest "after" of everything.
    fn absorb(&mut self, later: Patch) {
        for (id, before, after) in later.items {
            match self.items.iter_mut().find(|(i, _, _)| *i == id) {
                Some(entry) => entry.2 = after,
                None => self.items.push((id, before, after)),
            }
        }
        if let Some((before, after)) = later.tombstones {
            match &mut self.tombstones {
                Some(t) => t.1 = after,
                None => self.tombstones = Some((before, after)),
            }
        }
        if let Some(heads) = later.head {
            match &mut self.head {
                Some(h) => h.1 = heads.1,
                None => self.head = Some(heads),
            }
        }
    }
}

/// The thread a card gets when a side of a patch is put back: `want`'s
/// comments joined with the current ones (a later edit or a deletion
/// stands), plus the comments written since the patch (in neither side);
/// a comment only the other side has (a card combined into this one, now
/// separate again) is not kept.
fn threads_since(
    current: &[super::Comment],
    want: &[super::Comment],
    other: Option<&Item>,
) -> Vec<super::Comment> {
    let in_other = |id: Uuid| other.is_some_and(|o| o.comments.iter().any(|c| c.id == id));
    let kept: Vec<super::Comment> = current
        .iter()
        .filter(|c| want.iter().any(|w| w.id == c.id) || !in_other(c.id))
        .cloned()
        .collect();
    super::comments::merge_comments(want, &kept)
}

struct Step {
    /// What kind of change, for coalescing ("edit <id> title").
    key: String,
    /// Milliseconds, for coalescing.
    at: i64,
    patch: Patch,
}

/// Undo and redo stacks for one board.
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
}

/// Changes with the same key closer together than this become one step.
const COALESCE_MS: i64 = 1500;

impl History {
    pub fn new(limit: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit,
        }
    }

    /// Records a change. `key` names its kind; consecutive changes with the
    /// same key (e.g. typing in one field) within a moment become one step.
    pub fn record(&mut self, key: &str, patch: Patch, at_ms: i64) {
        if patch.is_empty() {
            return;
        }
        self.redo.clear();
        if let Some(top) = self.undo.last_mut() {
            if !key.is_empty() && top.key == key && at_ms - top.at < COALESCE_MS {
                top.patch.absorb(patch);
                top.at = at_ms;
                return;
            }
        }
        self.undo.push(Step {
            key: key.to_string(),
            at: at_ms,
            patch,
        });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// Undoes the last change; returns its patch (to refresh the views).
    pub fn undo(&mut self, board: &mut Board, now: impl Into<Stamp>) -> Option<Patch> {
        let mut step = self.undo.pop()?;
        step.patch.undo(board, now);
        let patch = step.patch.clone();
        self.redo.push(step);
        Some(patch)
    }

    pub fn redo(&mut self, board: &mut Board, now: impl Into<Stamp>) -> Option<Patch> {
        let mut step = self.redo.pop()?;
        step.patch.redo(board, now);
        let patch = step.patch.clone();
        // No coalescing with what comes after a redo.
        self.undo.push(Step {
            key: String::new(),
            ..step
        });
        Some(patch)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::content;
    use crate::model::testutil::{t, uid};
    use crate::model::{Edit, LineStatus};

    fn board() -> Board {
        let mut b = Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "B", t(0));
        b.add_item(uid(100), (1, uid(10)), "A", t(0)).unwrap();
        b
    }

    /// Runs `f` on the board and records it.
    fn change(h: &mut History, b: &mut Board, key: &str, at: i64, f: impl FnOnce(&mut Board)) {
        let before = b.clone();
        f(b);
        h.record(key, Patch::between(&before, b), at);
    }

    #[test]
    fn undo_and_redo_every_kind_of_change() {
        let mut h = History::new(100);
        let mut b = board();
        let start = b.clone();
        change(&mut h, &mut b, "add", 0, |b| {
            b.add_item(uid(101), (2, uid(11)), "B", t(1)).unwrap()
        });
        change(&mut h, &mut b, "move", 10_000, |b| {
            b.move_item(uid(100), (3, uid(12)), None, t(2)).unwrap();
        });
        change(&mut h, &mut b, "delete", 20_000, |b| {
            b.delete_item(uid(101), t(3)).unwrap();
        });
        change(&mut h, &mut b, "column", 30_000, |b| {
            b.rename_column(uid(10), "Ideeën", t(4)).unwrap()
        });
        let end = b.clone();
        assert_eq!(h.len(), 4);
        while h.undo(&mut b, t(99)).is_some() {}
        assert_eq!(content(&b), content(&start));
        while h.redo(&mut b, t(99)).is_some() {}
        assert_eq!(content(&b), content(&end));
    }

    /// A named change to a board.
    type Change<'a> = (&'a str, &'a dyn Fn(&mut Board));

    /// Undoes and redoes `changes` one step at a time: each undo gives
    /// exactly the board before its change, each redo the board after it.
    fn undo_and_redo_step_by_step(mut b: Board, changes: &[Change]) {
        let mut h = History::new(100);
        let mut boards = vec![b.clone()];
        for (n, (name, f)) in changes.iter().enumerate() {
            change(&mut h, &mut b, name, n as i64 * 10_000, f);
            assert_ne!(content(&b), content(&boards[n]), "{name} changed nothing");
            boards.push(b.clone());
        }
        assert_eq!(h.len(), changes.len());
        for (n, (name, _)) in changes.iter().enumerate().rev() {
            h.undo(&mut b, t(99)).unwrap();
            assert_eq!(content(&b), content(&boards[n]), "undo {name}");
            assert_eq!(b.validate(), Ok(()), "undo {name}");
        }
        assert!(h.undo(&mut b, t(99)).is_none());
        for (n, (name, _)) in changes.iter().enumerate() {
            h.redo(&mut b, t(99)).unwrap();
            assert_eq!(content(&b), content(&boards[n + 1]), "redo {name}");
            assert_eq!(b.validate(), Ok(()), "redo {name}");
        }
        assert!(h.redo(&mut b, t(99)).is_none());
    }

    #[test]
    fn undo_and_redo_settings_wip_limits_and_lines() {
        undo_and_redo_step_by_step(
            board(),
            &[
                ("title", &|b| {
                    b.set_settings("Teamplan Boven-IJ", "", None, t(1))
                }),
                ("team", &|b| {
                    b.set_settings("Teamplan Boven-IJ", "Boven-IJ", None, t(2))
                }),
                ("year", &|b| {
                    b.set_settings("Teamplan Boven-IJ", "Boven-IJ", Some(2017), t(3))
                }),
                ("other year", &|b| {
                    b.set_settings("Teamplan Boven-IJ", "Boven-IJ", Some(2018), t(4))
                }),
                ("wip limit", &|b| {
                    b.set_wip_limit(uid(12), Some(3), t(5)).unwrap()
                }),
                ("other wip limit", &|b| {
                    b.set_wip_limit(uid(12), Some(1), t(6)).unwrap()
                }),
                ("no wip limit", &|b| {
                    b.set_wip_limit(uid(12), None, t(7)).unwrap()
                }),
                ("line description", &|b| {
                    b.set_line_description(3, "Drie sessies", t(8)).unwrap()
                }),
                ("empty line description", &|b| {
                    b.set_line_description(5, "", t(9)).unwrap()
                }),
                ("line status", &|b| {
                    b.set_line_status(2, Some(LineStatus::Aandacht), t(10))
                        .unwrap()
                }),
                ("other line status", &|b| {
                    b.set_line_status(2, Some(LineStatus::Vertraagd), t(11))
                        .unwrap()
                }),
                ("knelpunten", &|b| {
                    b.set_line_knelpunten(2, "Geen zaal", t(12)).unwrap()
                }),
                ("no line status", &|b| {
                    b.set_line_status(2, None, t(13)).unwrap()
                }),
                ("no knelpunten", &|b| {
                    b.set_line_knelpunten(2, "", t(14)).unwrap()
                }),
            ],
        );
    }

    #[test]
    fn undo_and_redo_adding_renaming_reordering_and_removing_columns() {
        let mut b = board();
        b.add_item(uid(101), (2, uid(12)), "B", t(0)).unwrap();
        undo_and_redo_step_by_step(
            b,
            &[
                ("add column", &|b| {
                    b.add_column(uid(14), "Geëvalueerd", t(1)).unwrap()
                }),
                ("rename column", &|b| {
                    b.rename_column(uid(11), "Ingepland", t(2)).unwrap()
                }),
                ("rename added column", &|b| {
                    b.rename_column(uid(14), "Klaar", t(3)).unwrap()
                }),
                ("column left", &|b| {
                    assert!(b.shift_column(uid(14), -1, t(4)).unwrap())
                }),
                ("column right", &|b| {
                    assert!(b.shift_column(uid(10), 1, t(5)).unwrap())
                }),
                ("remove empty column", &|b| {
                    assert_eq!(b.remove_column(uid(13), None, t(6)), Ok(0))
                }),
                ("remove column with cards", &|b| {
                    assert_eq!(b.remove_column(uid(12), Some(uid(14)), t(7)), Ok(1))
                }),
                ("remove column of the first card", &|b| {
                    assert_eq!(b.remove_column(uid(10), Some(uid(11)), t(8)), Ok(1))
                }),
            ],
        );
    }

    #[test]
    fn what_undo_puts_back_wins_a_later_merge() {
        let mut h = History::new(100);
        let mut b = board();
        let copy = b.clone();
        change(&mut h, &mut b, "delete", 0, |b| {
            b.delete_item(uid(100), t(5)).unwrap();
        });
        let other = crate::model::merge(&copy, &b); // another tab saw the deletion
        h.undo(&mut b, t(10)).unwrap();
        let merged = crate::model::merge(&b, &other);
        assert!(
            merged.item(uid(100)).is_some(),
            "the undone deletion stays undone"
        );
    }

    /// An undone status change stays undone in a merge with a copy that
    /// still has the status; the knelpunten set in that copy stay too.
    #[test]
    fn an_undone_line_status_stays_undone_in_a_merge() {
        let mut h = History::new(100);
        let mut b = board();
        change(&mut h, &mut b, "status", 0, |b| {
            b.set_line_status(4, Some(LineStatus::Vertraagd), t(5))
                .unwrap()
        });
        let mut other = b.clone(); // another tab saw the status
        other
            .set_line_knelpunten(4, "Te weinig kandidaten", t(7))
            .unwrap();
        h.undo(&mut b, t(10)).unwrap();
        assert_eq!(b.lines[3].status, None);
        for merged in [
            crate::model::merge(&b, &other),
            crate::model::merge(&other, &b),
        ] {
            assert_eq!(
                merged.lines[3].status, None,
                "the undone status stays undone"
            );
            assert_eq!(merged.lines[3].knelpunten, "Te weinig kandidaten");
        }
        h.redo(&mut b, t(20)).unwrap();
        let merged = crate::model::merge(&b, &other);
        assert_eq!(merged.lines[3].status, Some(LineStatus::Vertraagd));
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new(100);
        let mut b = board();
        for (n, title) in ["O", "Op", "Ope", "Open"].iter().enumerate() {
            change(&mut h, &mut b, "edit 100 title", n as i64 * 300, |b| {
                b.edit_item(uid(100), Edit::Title(title.to_string()), t(1))
                    .unwrap();
            });
        }
        assert_eq!(h.len(), 1);
        h.undo(&mut b, t(99)).unwrap();
        assert_eq!(b.item(uid(100)).unwrap().title, "A");
        h.redo(&mut b, t(99)).unwrap();
        assert_eq!(b.item(uid(100)).unwrap().title, "Open");
    }

    #[test]
    fn a_new_change_clears_redo_and_the_limit_holds() {
        let mut h = History::new(3);
        let mut b = board();
        for n in 0..5 {
            change(&mut h, &mut b, "edit", n * 10_000, |b| {
                b.edit_item(uid(100), Edit::Notes(n.to_string()), t(n))
                    .unwrap();
            });
        }
        assert_eq!(h.len(), 3);
        h.undo(&mut b, t(99));
        assert!(h.can_redo());
        change(&mut h, &mut b, "other", 99_000, |b| {
            b.edit_item(uid(100), Edit::Trekker("OE".into()), t(9))
                .unwrap();
        });
        assert!(!h.can_redo());
    }
}
