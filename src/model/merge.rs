//! Merging two copies of a board, as the kerngroep does with board files
//! that travelled by email.
//!
//! The grain is the element: each item, column and line is taken whole
//! from the copy that changed it last (`updated`); title, team and year
//! merge as one (`settings_updated`). Equal times are broken by comparing
//! the elements' JSON, so the result never depends on argument order.
//! Deletions: tombstones are united (latest deletion time per id), and an
//! item survives only if it changed after its deletion: a deletion after
//! the last edit wins, an edit after a deletion brings the item back.
//!
//! `merge` is a join: commutative, associative and idempotent (proptest
//! checks all three), so any number of copies combine in any order.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use uuid::Uuid;

use super::{Board, Column, Item, Line, Timestamp, Tombstone};

/// Whether version `a` (changed at `ta`) wins over `b` (changed at `tb`):
/// the later one, or on equal times the greater JSON. Equal versions (most
/// cards of two copies) need no JSON: either may stand.
fn a_wins<T: Serialize + PartialEq>(a: &T, ta: Timestamp, b: &T, tb: Timestamp) -> bool {
    match ta.cmp(&tb) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal if a == b => true,
        Ordering::Equal => {
            serde_json::to_string(a).unwrap_or_default()
                >= serde_json::to_string(b).unwrap_or_default()
        }
    }
}

/// Joins two keyed collections, keeping the newer version of each key.
fn join<K: Ord + Copy, T: Serialize + Clone + PartialEq>(
    a: &[T],
    b: &[T],
    key: impl Fn(&T) -> K,
    time: impl Fn(&T) -> Timestamp,
) -> BTreeMap<K, T> {
    let mut out: BTreeMap<K, T> = BTreeMap::new();
    for x in a.iter().chain(b) {
        let k = key(x);
        if out.get(&k).is_none_or(|y| a_wins(x, time(x), y, time(y))) {
            out.insert(k, x.clone());
        }
    }
    out
}

/// The settings register: title, team, year and unknown board fields.
#[derive(Serialize, PartialEq)]
struct Settings<'a> {
    title: &'a str,
    team: &'a str,
    year: Option<i32>,
    extra: &'a super::Extra,
}

fn settings(b: &Board) -> Settings<'_> {
    Settings {
        title: &b.title,
        team: &b.team,
        year: b.year,
        extra: &b.extra,
    }
}

/// Combines two copies of a board. See the module documentation.
pub fn merge(a: &Board, b: &Board) -> Board {
    let base = if a_wins(
        &settings(a),
        a.settings_updated,
        &settings(b),
        b.settings_updated,
    ) {
        a
    } else {
        b
    };

    let tombstones = join(&a.tombstones, &b.tombstones, |t| t.id, |t| t.deleted);
    let items = join(&a.items, &b.items, |i| i.id, |i| i.updated);
    let items: Vec<Item> = items
        .into_values()
        .filter(|i| tombstones.get(&i.id).is_none_or(|t| i.updated > t.deleted))
        .collect();
    let mut columns: Vec<Column> = join(&a.columns, &b.columns, |c| c.id, |c| c.updated)
        .into_values()
        .collect();
    columns.sort_by(|x, y| x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id)));
    let lines: Vec<Line> = join(&a.lines, &b.lines, |l| l.number, |l| l.updated)
        .into_values()
        .collect();

    Board {
        id: a.id.min(b.id),
        title: base.title.clone(),
        team: base.team.clone(),
        year: base.year,
        lines,
        columns,
        items,
        tombstones: tombstones.into_values().collect(),
        created: a.created.min(b.created),
        updated: a.updated.max(b.updated),
        settings_updated: a.settings_updated.max(b.settings_updated),
        synced: a.synced.max(b.synced),
        extra: base.extra.clone(),
    }
}

/// What a merge did to the local board, for the summary shown after it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Items that came in new.
    pub added: Vec<Uuid>,
    /// Items whose local version was replaced by the other copy's.
    pub updated: Vec<Uuid>,
    /// Local items removed by a deletion in the other copy.
    pub removed: Vec<Uuid>,
    /// Items both copies changed since they were last exported or merged:
    /// the group should check these.
    pub conflicts: Vec<Conflict>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: Uuid,
    /// The title the merged board has (or had, when deleted).
    pub title: String,
    /// The other version's title.
    pub other_title: String,
    /// Whether the merged board kept the local version.
    pub kept_local: bool,
    /// Whether the item is gone after the merge (a deletion won).
    pub deleted: bool,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.updated.is_empty()
            && self.removed.is_empty()
            && self.conflicts.is_empty()
    }
}

/// A board's items and tombstones by id: the report looks each card up
/// a fixed number of times, so it is linear in the number of cards (a
/// scan per lookup made 20,000 cards take seconds).
struct Index<'a> {
    items: HashMap<Uuid, &'a Item>,
    deleted: HashMap<Uuid, Timestamp>,
}

impl<'a> Index<'a> {
    fn of(b: &'a Board) -> Index<'a> {
        Index {
            items: b.items.iter().map(|i| (i.id, i)).collect(),
            deleted: b.tombstones.iter().map(|t| (t.id, t.deleted)).collect(),
        }
    }

    fn item(&self, id: Uuid) -> Option<&'a Item> {
        #[cfg(test)]
        LOOKUPS.with(|n| n.set(n.get() + 1));
        self.items.get(&id).copied()
    }

    fn deleted_at(&self, id: Uuid) -> Option<Timestamp> {
        #[cfg(test)]
        LOOKUPS.with(|n| n.set(n.get() + 1));
        self.deleted.get(&id).copied()
    }
}

#[cfg(test)]
thread_local! {
    /// Lookups made by the report (tests show it is linear).
    static LOOKUPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Describes `merged` (= `merge(local, incoming)`) relative to `local`.
pub fn report(local: &Board, incoming: &Board, merged: &Board) -> MergeReport {
    let changed_since_sync = |b: &Board, t: Timestamp| b.synced.is_none_or(|s| t > s);
    let (li, ii, mi) = (Index::of(local), Index::of(incoming), Index::of(merged));
    let mut r = MergeReport::default();
    for m in &merged.items {
        match li.item(m.id) {
            None => r.added.push(m.id),
            Some(l) if l != m => r.updated.push(m.id),
            Some(_) => {}
        }
    }
    for l in &local.items {
        if mi.item(l.id).is_none() {
            r.removed.push(l.id);
        }
    }
    // Conflicts: both sides touched the item after their last exchange.
    let ids: std::collections::BTreeSet<Uuid> = local
        .items
        .iter()
        .chain(&incoming.items)
        .map(|i| i.id)
        .collect();
    for id in ids {
        let (l, i) = (li.item(id), ii.item(id));
        let local_touch = l
            .map(|x| x.updated)
            .or_else(|| li.deleted_at(id))
            .filter(|t| changed_since_sync(local, *t));
        let incoming_touch = i
            .map(|x| x.updated)
            .or_else(|| ii.deleted_at(id))
            .filter(|t| changed_since_sync(incoming, *t));
        let differ = match (l, i) {
            (Some(x), Some(y)) => x != y,
            (Some(_), None) | (None, Some(_)) => true,
            (None, None) => false,
        };
        if local_touch.is_none() || incoming_touch.is_none() || !differ {
            continue;
        }
        let kept = mi.item(id);
        let kept_local = match (kept, l) {
            (Some(k), Some(x)) => k == x,
            (None, None) => true,
            _ => false,
        };
        let title_of = |x: Option<&Item>| x.map(|x| x.title.clone()).unwrap_or_default();
        let (mine, theirs) = (title_of(l), title_of(i));
        let title = kept.map(|k| k.title.clone()).unwrap_or_else(|| {
            if mine.is_empty() {
                theirs.clone()
            } else {
                mine.clone()
            }
        });
        r.conflicts.push(Conflict {
            id,
            title,
            other_title: if kept_local { theirs } else { mine },
            kept_local,
            deleted: kept.is_none(),
        });
    }
    r
}

/// A board in a canonical order (items, tombstones by id), for comparing
/// boards by content.
pub fn canonical(b: &Board) -> Board {
    let mut b = b.clone();
    b.items.sort_by_key(|i| i.id);
    b.tombstones.sort_by_key(|t: &Tombstone| t.id);
    b.columns
        .sort_by(|x, y| x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id)));
    b.lines.sort_by_key(|l| l.number);
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{t, uid};
    use crate::model::Edit;

    /// Two copies of a board of `n` cards, both changed since they last
    /// exchanged: the other copy edited half the cards, deleted a quarter
    /// and added `n / 4` of its own.
    fn copies(n: u128) -> (Board, Board) {
        let mut a = Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "Bord", t(0));
        let cell = (1, uid(10));
        for k in 0..n {
            a.add_item(uid(1_000 + k), cell, &format!("Kaart {k}"), t(1))
                .unwrap();
        }
        a.mark_synced(t(2));
        let mut b = a.clone();
        for k in 0..n {
            let id = uid(1_000 + k);
            match k % 4 {
                0 | 1 => {
                    b.edit_item(id, Edit::Notes("bijgewerkt".into()), t(3))
                        .unwrap();
                }
                2 => {
                    b.delete_item(id, t(3)).unwrap();
                }
                _ => {
                    a.edit_item(id, Edit::Trekker("OE".into()), t(3)).unwrap();
                    b.add_item(uid(100_000 + k), cell, "nieuw", t(3)).unwrap();
                }
            }
        }
        (a, b)
    }

    fn lookups_for(n: u128) -> (usize, MergeReport) {
        let (a, b) = copies(n);
        let merged = merge(&a, &b);
        LOOKUPS.with(|c| c.set(0));
        let r = report(&a, &b, &merged);
        (LOOKUPS.with(|c| c.get()), r)
    }

    #[test]
    fn the_report_is_linear_in_the_number_of_cards() {
        let (small, r) = lookups_for(400);
        assert_eq!(r.added.len(), 100);
        assert_eq!(r.removed.len(), 100);
        assert_eq!(r.updated.len(), 200);
        let (large, _) = lookups_for(1_600);
        // Four times the cards, four times the lookups: a scan per lookup
        // (the old way) would have made it sixteen.
        assert!(large <= 4 * small + 8, "{small} -> {large}");
        assert!(large <= 6 * 1_600, "{large} lookups for 1,600 cards");
    }

    /// A board with cards A (100) and B (101), exported (synced) at t(10).
    fn shared() -> Board {
        let mut b = Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "Bord", t(0));
        b.add_item(uid(100), (1, uid(10)), "A", t(1)).unwrap();
        b.add_item(uid(101), (2, uid(11)), "B", t(2)).unwrap();
        b.synced = Some(t(10));
        b
    }

    #[test]
    fn the_later_edit_wins_and_is_reported_as_updated() {
        let local = shared();
        let mut other = shared();
        other
            .edit_item(uid(100), Edit::Title("A, bewerkt".into()), t(20))
            .unwrap();
        let m = merge(&local, &other);
        assert_eq!(m.item(uid(100)).unwrap().title, "A, bewerkt");
        let r = report(&local, &other, &m);
        assert_eq!(r.updated, [uid(100)]);
        assert!(r.added.is_empty() && r.removed.is_empty() && r.conflicts.is_empty());
    }

    #[test]
    fn new_items_come_in_and_deletions_after_the_last_edit_remove() {
        let local = shared();
        let mut other = shared();
        other.add_item(uid(102), (3, uid(12)), "C", t(21)).unwrap();
        other.delete_item(uid(101), t(22)).unwrap();
        let m = merge(&local, &other);
        assert!(m.item(uid(102)).is_some());
        assert!(m.item(uid(101)).is_none());
        assert_eq!(m.tombstones.len(), 1);
        let r = report(&local, &other, &m);
        assert_eq!((r.added, r.removed), (vec![uid(102)], vec![uid(101)]));
    }

    #[test]
    fn an_edit_after_a_deletion_brings_the_item_back_and_is_a_conflict() {
        let mut local = shared();
        let mut other = shared();
        other.delete_item(uid(101), t(20)).unwrap();
        local
            .edit_item(uid(101), Edit::Notes("toch doen".into()), t(30))
            .unwrap();
        let m = merge(&local, &other);
        assert_eq!(m.item(uid(101)).unwrap().notes, "toch doen");
        assert_eq!(m, merge(&other, &local));
        let r = report(&local, &other, &m);
        assert_eq!(r.conflicts.len(), 1);
        assert!(r.conflicts[0].kept_local && !r.conflicts[0].deleted);
    }

    #[test]
    fn both_edited_since_the_exchange_is_a_conflict_listing_both_titles() {
        let mut local = shared();
        let mut other = shared();
        local
            .edit_item(uid(100), Edit::Title("A volgens ons".into()), t(30))
            .unwrap();
        other
            .edit_item(uid(100), Edit::Title("A volgens hen".into()), t(20))
            .unwrap();
        let m = merge(&local, &other);
        let r = report(&local, &other, &m);
        assert_eq!(
            r.conflicts,
            [Conflict {
                id: uid(100),
                title: "A volgens ons".into(),
                other_title: "A volgens hen".into(),
                kept_local: true,
                deleted: false,
            }]
        );
        // Only the other side changed B: an update, not a conflict.
        other
            .edit_item(uid(101), Edit::Trekker("OE".into()), t(25))
            .unwrap();
        let r = report(&local, &other, &merge(&local, &other));
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(r.updated, [uid(101)]);
    }

    #[test]
    fn settings_columns_and_lines_merge_by_their_own_times() {
        let local = shared();
        let mut other = shared();
        other.title = "Nieuwe titel".into();
        other.settings_updated = t(20);
        other.columns[1].name = "Ingepland".into();
        other.columns[1].updated = t(21);
        other.lines[2].description = "Nieuw".into();
        other.lines[2].updated = t(22);
        let mut local2 = local.clone();
        local2.columns[2].name = "Loopt".into();
        local2.columns[2].updated = t(23);
        let m = merge(&local2, &other);
        assert_eq!(m.title, "Nieuwe titel");
        let names: Vec<_> = m.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Idee", "Ingepland", "Loopt", "Afgerond"]);
        assert_eq!(m.lines[2].description, "Nieuw");
        assert_eq!(m.validate(), Ok(()));
    }
}
