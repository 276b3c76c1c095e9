//! Merging two copies of a board, as the kerngroep does with board files
//! that travelled by email, and as two tabs do.
//!
//! Cards merge field by field (`stamps.rs`): each field takes the value
//! with the later stamp, each label its latest addition or removal, so
//! edits to different fields of one card are both kept. Lines merge field
//! by field too (`merge_line`: name and description as one, status,
//! knelpunten), with the later value winning even when both copies changed
//! it. Columns are taken whole from the copy that changed them last
//! (`updated`); title, team and year merge as one (`settings_updated`).
//! Equal times are broken by comparing JSON, so the result never depends
//! on argument order.
//! Deletions: tombstones are united (latest deletion time per id), and a
//! card survives only if it changed after its deletion: a deletion after
//! the last edit wins, an edit after a deletion brings the card back.
//!
//! `merge` is a join: commutative, associative and idempotent (proptest
//! checks all three), so any number of copies combine in any order.
//! [`merge_files`] adds what a person must decide: a field both copies
//! changed since they last exchanged keeps the value that lost as a
//! conflict on the card ([`FieldConflict`]), which then travels with it.

use super::sort;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use uuid::Uuid;

use super::stamps::{merge_item, merge_line, CardField, FieldConflict};
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
    // `extend`, not `collect`: collecting into a map sorts (one more sort
    // compiled, see `sort`).
    let mut items: BTreeMap<Uuid, Item> = BTreeMap::new();
    items.extend(a.items.iter().map(|i| (i.id, i.clone())));
    for i in &b.items {
        match items.get_mut(&i.id) {
            // Most cards of two copies are equal: nothing to merge.
            Some(x) if x == i => {}
            Some(x) => *x = merge_item(x, i),
            None => {
                items.insert(i.id, i.clone());
            }
        }
    }
    let items: Vec<Item> = items
        .into_values()
        .filter(|i| tombstones.get(&i.id).is_none_or(|t| i.updated > t.deleted))
        .collect();
    let mut columns: Vec<Column> = join(&a.columns, &b.columns, |c| c.id, |c| c.updated)
        .into_values()
        .collect();
    sort::sort_by(&mut columns, |x, y| {
        x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id))
    });
    let mut lines: BTreeMap<u8, Line> = BTreeMap::new();
    lines.extend(a.lines.iter().map(|l| (l.number, l.clone())));
    for l in &b.lines {
        match lines.get_mut(&l.number) {
            Some(x) if x == l => {}
            Some(x) => *x = merge_line(x, l),
            None => {
                lines.insert(l.number, l.clone());
            }
        }
    }
    let lines: Vec<Line> = lines.into_values().collect();

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

/// What a merge did to the local board, for the preview before it and the
/// summary after it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Cards that came in new.
    pub added: Vec<Uuid>,
    /// Cards the other copy changed, with what changed.
    pub updated: Vec<Updated>,
    /// Local cards removed by a deletion in the other copy.
    pub removed: Vec<Uuid>,
    /// Cards deleted in one copy and changed in the other since they last
    /// exchanged: the later of the two stands, the group should check.
    pub conflicts: Vec<Conflict>,
    /// Fields both copies changed since they last exchanged (new ones and
    /// ones recorded by the other copy): the value kept is on the card,
    /// the other is in the conflict.
    pub field_conflicts: Vec<(Uuid, FieldConflict)>,
    /// Likely duplicates: a card this merge adds and another card in the
    /// same line with the same title (ignoring case and spaces).
    pub duplicates: Vec<(Uuid, Uuid)>,
}

/// A card changed by a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Updated {
    pub id: Uuid,
    /// The fields whose value changed.
    pub fields: Vec<CardField>,
    /// Whether its labels changed.
    pub labels: bool,
    /// Comments that came in from the other copy.
    pub comments: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: Uuid,
    /// The card's title.
    pub title: String,
    /// Whether the local copy is the one that deleted it.
    pub deleted_here: bool,
    /// Whether the card is gone after the merge (the deletion was later).
    pub deleted: bool,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.updated.is_empty()
            && self.removed.is_empty()
            && self.conflicts.is_empty()
            && self.field_conflicts.is_empty()
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

fn changed_since_sync(b: &Board, t: Timestamp) -> bool {
    b.synced.is_none_or(|s| t > s)
}

/// Merges a copy that came by file into the local board: the join, plus
/// every field both changed since they last exchanged recorded as a
/// conflict on the card. Returns the merged board and what it did.
pub fn merge_files(local: &Board, incoming: &Board) -> (Board, MergeReport) {
    let mut merged = merge(local, incoming);
    let columns = merged.columns.clone();
    let (li, ii) = (Index::of(local), Index::of(incoming));
    for m in &mut merged.items {
        let (Some(l), Some(i)) = (li.item(m.id), ii.item(m.id)) else {
            continue;
        };
        if l == i {
            continue;
        }
        let (sl, si) = (l.stamps(), i.stamps());
        let mut any = false;
        for f in CardField::ALL {
            let k = f as usize;
            if l.same(i, f)
                || !changed_since_sync(local, sl.fields[k].at)
                || !changed_since_sync(incoming, si.fields[k].at)
            {
                continue;
            }
            any = true;
            let (value, stamp) = if m.same(l, f) {
                (i.value(f), si.fields[k].clone())
            } else {
                (l.value(f), sl.fields[k].clone())
            };
            let conflict = FieldConflict {
                field: f,
                value,
                stamp,
                against: m.stamp(f),
            };
            // The value not chosen stays readable in the card's history
            // after someone decides.
            m.history
                .record([super::card_log::conflict_change(&conflict, &columns)]);
            m.conflicts.push(conflict);
        }
        if any {
            m.normalize();
        }
    }
    let r = report(local, incoming, &merged);
    (merged, r)
}

/// Describes `merged` (= `merge_files(local, incoming)`) relative to
/// `local`.
pub fn report(local: &Board, incoming: &Board, merged: &Board) -> MergeReport {
    let (li, ii) = (Index::of(local), Index::of(incoming));
    let mut r = MergeReport::default();
    let mut here: HashMap<Uuid, &Item> = HashMap::with_capacity(merged.items.len());
    for m in &merged.items {
        here.insert(m.id, m);
        match li.item(m.id) {
            None => r.added.push(m.id),
            Some(l) if l != m => {
                let fields: Vec<CardField> = CardField::ALL
                    .into_iter()
                    .filter(|f| !l.same(m, *f))
                    .collect();
                // The set, not the order (a merge orders labels by stamp).
                let labels =
                    l.tags.len() != m.tags.len() || l.tags.iter().any(|t| !m.tags.contains(t));
                let comments = if l.comments == m.comments {
                    0
                } else {
                    crate::model::comments::live(&m.comments)
                        .filter(|c| !l.comments.iter().any(|x| x.id == c.id))
                        .count()
                };
                if !fields.is_empty() || labels || comments > 0 {
                    r.updated.push(Updated {
                        id: m.id,
                        fields,
                        labels,
                        comments,
                    });
                }
                for c in &m.conflicts {
                    if !l.conflicts.contains(c) {
                        r.field_conflicts.push((m.id, c.clone()));
                    }
                }
            }
            Some(_) => {}
        }
    }
    for l in &local.items {
        if !here.contains_key(&l.id) {
            r.removed.push(l.id);
        }
    }
    // Deleted on one side, changed on the other since the last exchange.
    for (this, other, ti, oi, deleted_here) in [
        (local, incoming, &li, &ii, false),
        (incoming, local, &ii, &li, true),
    ] {
        for x in &this.items {
            let Some(at) = oi.deleted_at(x.id) else {
                continue;
            };
            if ti.deleted_at(x.id).is_some() || oi.item(x.id).is_some() {
                continue;
            }
            if changed_since_sync(this, x.updated) && changed_since_sync(other, at) {
                r.conflicts.push(Conflict {
                    id: x.id,
                    title: x.title.clone(),
                    deleted_here,
                    deleted: !here.contains_key(&x.id),
                });
            }
        }
    }
    r.duplicates = duplicates(merged, &r.added);
    r
}

/// A title as compared for duplicates: lower case, without spaces.
fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Pairs (new card, other card) in the same line with the same title
/// (ignoring case and spaces), for each card in `new`.
pub fn duplicates(b: &Board, new: &[Uuid]) -> Vec<(Uuid, Uuid)> {
    if new.is_empty() {
        return Vec::new();
    }
    let mut by_title: HashMap<(u8, String), Vec<Uuid>> = HashMap::new();
    for i in &b.items {
        by_title
            .entry((i.line, title_key(&i.title)))
            .or_default()
            .push(i.id);
    }
    let items: HashMap<Uuid, &Item> = b.items.iter().map(|i| (i.id, i)).collect();
    let new_set: std::collections::HashSet<Uuid> = new.iter().copied().collect();
    let mut out = Vec::new();
    for id in new {
        let Some(i) = items.get(id) else { continue };
        for other in &by_title[&(i.line, title_key(&i.title))] {
            // A pair of two new cards once, from the smaller id.
            if other != id && !(new_set.contains(other) && other < id) {
                out.push((*id, *other));
            }
        }
    }
    out
}

/// A board in a canonical order (items, tombstones by id), for comparing
/// boards by content.
pub fn canonical(b: &Board) -> Board {
    let mut b = b.clone();
    sort::sort_by_key(&mut b.items, |i| i.id);
    sort::sort_by_key(&mut b.tombstones, |t: &Tombstone| t.id);
    sort::sort_by(&mut b.columns, |x, y| {
        x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id))
    });
    sort::sort_by_key(&mut b.lines, |l| l.number);
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
        assert_eq!(
            r.updated,
            [Updated {
                id: uid(100),
                fields: vec![CardField::Title],
                labels: false,
                comments: 0
            }]
        );
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
        assert_eq!(
            r.conflicts,
            [Conflict {
                id: uid(101),
                title: "B".into(),
                deleted_here: false,
                deleted: false
            }]
        );
    }

    #[test]
    fn a_deletion_after_an_edit_elsewhere_is_a_conflict_naming_the_card() {
        let mut local = shared();
        let mut other = shared();
        local.delete_item(uid(101), t(30)).unwrap();
        other
            .edit_item(uid(101), Edit::Notes("gesproken".into()), t(20))
            .unwrap();
        let (m, r) = merge_files(&local, &other);
        assert!(m.item(uid(101)).is_none());
        assert_eq!(
            r.conflicts,
            [Conflict {
                id: uid(101),
                title: "B".into(),
                deleted_here: true,
                deleted: true
            }]
        );
    }

    fn by(at: i64, name: &str) -> crate::model::Stamp {
        crate::model::Stamp {
            at: t(at),
            by: name.into(),
        }
    }

    #[test]
    fn both_changing_one_field_keeps_the_later_and_records_the_other() {
        let mut local = shared();
        let mut other = shared();
        local
            .edit_item(
                uid(100),
                Edit::Title("A volgens ons".into()),
                by(30, "Anna"),
            )
            .unwrap();
        other
            .edit_item(
                uid(100),
                Edit::Title("A volgens hen".into()),
                by(20, "Bram"),
            )
            .unwrap();
        let (m, r) = merge_files(&local, &other);
        let a = m.item(uid(100)).unwrap();
        assert_eq!(a.title, "A volgens ons");
        let lost = FieldConflict {
            field: CardField::Title,
            value: "A volgens hen".into(),
            stamp: by(20, "Bram"),
            against: by(30, "Anna"),
        };
        assert_eq!(a.conflicts, std::slice::from_ref(&lost));
        assert_eq!(r.field_conflicts, [(uid(100), lost.clone())]);
        // The other side, merging the same two, agrees on value and conflict.
        let (m2, r2) = merge_files(&other, &local);
        assert_eq!(canonical(&m2), canonical(&m));
        assert_eq!(r2.field_conflicts, [(uid(100), lost)]);
        // Only the other side changed B: an update, not a conflict.
        other
            .edit_item(uid(101), Edit::Trekker("OE".into()), t(25))
            .unwrap();
        let (_, r) = merge_files(&local, &other);
        assert_eq!(r.field_conflicts.len(), 1);
        assert_eq!(r.updated.len(), 1);
        assert_eq!(r.updated[0].fields, [CardField::Trekker]);
    }

    /// The scenario: A and B change different fields of two cards;
    /// every change of both survives, in both directions.
    #[test]
    fn edits_to_different_fields_of_one_card_are_all_kept() {
        let base = shared();
        let (mut a, mut b) = (base.clone(), base.clone());
        a.edit_item(uid(100), Edit::Trekker("Anna".into()), by(20, "Anna"))
            .unwrap();
        b.move_item(uid(100), (1, uid(12)), None, by(21, "Bram"))
            .unwrap();
        b.edit_item(
            uid(100),
            Edit::Notes("B: al 12 sleutelfiguren gesproken".into()),
            by(22, "Bram"),
        )
        .unwrap();
        a.edit_item(
            uid(101),
            Edit::Title("Dialoogsessie polarisatie".into()),
            by(23, "Anna"),
        )
        .unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2027, 12, 17);
        b.edit_item(uid(101), Edit::End(date), by(24, "Bram"))
            .unwrap();
        b.move_item(uid(101), (2, uid(13)), None, by(25, "Bram"))
            .unwrap();
        let (m, r) = merge_files(&a, &b);
        assert_eq!(canonical(&m), canonical(&merge_files(&b, &a).0));
        let x = m.item(uid(100)).unwrap();
        assert_eq!((x.trekker.as_str(), x.column), ("Anna", uid(12)));
        assert_eq!(x.notes, "B: al 12 sleutelfiguren gesproken");
        let y = m.item(uid(101)).unwrap();
        assert_eq!(
            (y.title.as_str(), y.end, y.column),
            ("Dialoogsessie polarisatie", date, uid(13))
        );
        assert!(r.field_conflicts.is_empty() && r.conflicts.is_empty());
        assert_eq!(x.stamp(CardField::Trekker).by, "Anna");
        assert_eq!(x.stamp(CardField::Notes).by, "Bram");
    }

    #[test]
    fn labels_added_and_removed_on_two_sides_both_hold() {
        let mut base = shared();
        base.edit_item(
            uid(100),
            Edit::Tags(vec!["training".into(), "oud".into()]),
            t(5),
        )
        .unwrap();
        let (mut a, mut b) = (base.clone(), base.clone());
        a.edit_item(
            uid(100),
            Edit::Tags(vec!["training".into(), "oud".into(), "extern".into()]),
            t(20),
        )
        .unwrap();
        b.edit_item(uid(100), Edit::Tags(vec!["training".into()]), t(21))
            .unwrap();
        let m = merge(&a, &b);
        let mut tags = m.item(uid(100)).unwrap().tags.clone();
        tags.sort();
        assert_eq!(tags, ["extern", "training"]);
        assert_eq!(canonical(&m), canonical(&merge(&b, &a)));
    }

    #[test]
    fn start_and_end_merge_as_one_so_the_end_never_precedes_the_start() {
        let d = |day| chrono::NaiveDate::from_ymd_opt(2027, 3, day);
        let mut base = shared();
        base.edit_item(uid(100), Edit::Start(d(1)), t(3)).unwrap();
        base.edit_item(uid(100), Edit::End(d(5)), t(3)).unwrap();
        let (mut a, mut b) = (base.clone(), base.clone());
        a.edit_item(uid(100), Edit::End(d(12)), t(20)).unwrap();
        a.edit_item(uid(100), Edit::Start(d(10)), t(20)).unwrap();
        b.edit_item(uid(100), Edit::End(d(3)), t(21)).unwrap();
        let m = merge(&a, &b);
        let x = m.item(uid(100)).unwrap();
        assert_eq!((x.start, x.end), (d(1), d(3)));
        assert_eq!(m.validate(), Ok(()));
        assert_eq!(canonical(&m), canonical(&merge(&b, &a)));
    }

    /// Both copies changed card 100's notes since they last exchanged:
    /// ours ("ons", later) and theirs ("hen").
    fn notes_both_changed() -> (Board, Board) {
        let mut local = shared();
        let mut other = shared();
        local
            .edit_item(uid(100), Edit::Notes("ons".into()), t(30))
            .unwrap();
        other
            .edit_item(uid(100), Edit::Notes("hen".into()), t(20))
            .unwrap();
        (local, other)
    }

    #[test]
    fn undoing_a_decision_reopens_the_conflict() {
        use crate::model::history::{History, Patch};
        let (local, other) = notes_both_changed();
        let (mut m, _) = merge_files(&local, &other);
        let mut h = History::new(10);
        let before = m.clone();
        m.decide(uid(100), CardField::Notes, &"hen".into(), t(40))
            .unwrap();
        assert!(m.item(uid(100)).unwrap().conflicts.is_empty());
        h.record("", Patch::between(&before, &m), 0);
        h.undo(&mut m, t(50)).unwrap();
        let x = m.item(uid(100)).unwrap();
        assert_eq!(x.notes, "ons");
        assert_eq!(x.conflicts.len(), 1);
        assert_eq!(x.conflicts[0].value, "hen");
        // And it travels: the other copy sees it open again.
        let (back, _) = merge_files(&other, &m);
        assert_eq!(back.item(uid(100)).unwrap().conflicts.len(), 1);
    }

    #[test]
    fn deciding_closes_the_conflict_everywhere() {
        let (local, other) = notes_both_changed();
        let (mut m, _) = merge_files(&local, &other);
        assert_eq!(m.item(uid(100)).unwrap().conflicts.len(), 1);
        m.decide(uid(100), CardField::Notes, &"hen".into(), by(40, "Anna"))
            .unwrap();
        let x = m.item(uid(100)).unwrap();
        assert_eq!((x.notes.as_str(), x.conflicts.len()), ("hen", 0));
        // The other copy still has its record; merging the decision closes it.
        let (mut o, _) = merge_files(&other, &local);
        assert_eq!(o.item(uid(100)).unwrap().conflicts.len(), 1);
        o.mark_synced(t(35));
        let (back, _) = merge_files(&o, &m);
        assert!(back.item(uid(100)).unwrap().conflicts.is_empty());
        assert_eq!(back.item(uid(100)).unwrap().notes, "hen");
    }

    #[test]
    fn likely_duplicates_are_new_cards_with_the_same_title_in_the_line() {
        let local = shared();
        let mut other = shared();
        let mut local = local;
        local
            .add_item(
                uid(200),
                (3, uid(10)),
                "Training OPCO's na de meivakantie",
                t(20),
            )
            .unwrap();
        other
            .add_item(
                uid(201),
                (3, uid(11)),
                "training  opco's na de  Meivakantie",
                t(21),
            )
            .unwrap();
        other
            .add_item(
                uid(202),
                (4, uid(11)),
                "Training OPCO's na de meivakantie",
                t(21),
            )
            .unwrap();
        let (mut m, r) = merge_files(&local, &other);
        assert_eq!(r.duplicates, [(uid(201), uid(200))]);
        let gone = m.combine(uid(200), uid(201), t(30)).unwrap();
        assert_eq!(gone.id, uid(201));
        assert!(m.item(uid(201)).is_none());
        // The later title and position win; the other is deleted for good.
        let kept = m.item(uid(200)).unwrap();
        assert_eq!(kept.column, uid(11));
        assert!(merge(&m, &other).item(uid(201)).is_none());
    }

    /// Issue 16: Anna gives line 2 a status, Bram writes its knelpunten;
    /// both stand. Both changing the knelpunten: the later stands, with no
    /// conflict recorded.
    #[test]
    fn a_line_merges_field_by_field() {
        use crate::model::{LineField, LineStatus};
        let (mut a, mut b) = (shared(), shared());
        a.set_line_status(2, Some(LineStatus::Aandacht), by(20, "Anna"))
            .unwrap();
        b.set_line_knelpunten(2, "Geen netwerkagenten vrijgemaakt", by(21, "Bram"))
            .unwrap();
        b.set_line_description(2, "Sleutelfiguren en SNPS", by(22, "Bram"))
            .unwrap();
        let (m, r) = merge_files(&a, &b);
        assert_eq!(canonical(&m), canonical(&merge_files(&b, &a).0));
        let l = m.line(2).unwrap();
        assert_eq!(l.status, Some(LineStatus::Aandacht));
        assert_eq!(l.knelpunten, "Geen netwerkagenten vrijgemaakt");
        assert_eq!(l.description, "Sleutelfiguren en SNPS");
        assert_eq!(l.stamp(LineField::Status), Some(by(20, "Anna")));
        assert_eq!(l.stamp(LineField::Knelpunten), Some(by(21, "Bram")));
        assert_eq!(l.updated, t(22));
        assert!(r.field_conflicts.is_empty());

        a.set_line_knelpunten(2, "Te weinig mensen", by(30, "Anna"))
            .unwrap();
        let (m, r) = merge_files(&a, &b);
        assert_eq!(m.line(2).unwrap().knelpunten, "Te weinig mensen");
        assert_eq!(canonical(&m), canonical(&merge_files(&b, &a).0));
        assert!(r.is_empty(), "lines are not in the card report");
        // The stamps travel in the file and read back the same.
        let file = crate::exchange::export(&m, t(40));
        let back = crate::exchange::import(file.as_bytes()).unwrap().board;
        assert_eq!(back.lines, m.lines);
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
