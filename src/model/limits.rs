//! How big a board may be, in one place. Boards arrive by email: a small
//! crafted file (20,000 columns, a card with a million labels) must never
//! freeze the app, now or on every later start. The same bounds apply to
//! imported files, to stored boards and to the board's own operations.
//!
//! Bounds are generous for real use: a team's year plan has tens of cards,
//! the benchmark's largest board 10,000.

use super::sort;
use super::{Board, Extra};

/// Cards on one board.
pub const MAX_CARDS: usize = 12_000;
/// Columns shown (not removed).
pub const MAX_COLUMNS: usize = 30;
/// Columns kept, removed ones included (a removal stays, to merge).
pub const MAX_COLUMNS_KEPT: usize = 200;
/// Labels on one card.
pub const MAX_LABELS: usize = 20;
/// Remembered deletions (tombstones).
pub const MAX_TOMBSTONES: usize = 50_000;
/// Label changes a card remembers (added and removed labels).
pub const MAX_LABEL_MARKS: usize = 100;
/// Open merge conflicts on one card.
pub const MAX_CONFLICTS: usize = 30;
/// Comments on one card, deleted ones (tombstones) included.
pub const MAX_COMMENTS: usize = 200;
/// Changes a card's history keeps; older ones are summarised.
pub const MAX_HISTORY: usize = 50;
/// All unknown fields of a board together, as JSON (bytes).
pub const MAX_EXTRA_BYTES: usize = 64 * 1024;

/// Characters a text field may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    BoardTitle,
    Team,
    LineName,
    LineDescription,
    /// A line's "Knelpunten en wat er nodig is".
    Knelpunten,
    ColumnName,
    Title,
    Notes,
    Trekker,
    Label,
    /// A name in a change stamp ("Jouw naam").
    Author,
    /// One comment on a card.
    Comment,
}

impl Field {
    pub const fn max_chars(self) -> usize {
        match self {
            Field::BoardTitle | Field::Title => 300,
            Field::Team | Field::Trekker | Field::LineName => 120,
            Field::ColumnName | Field::Label | Field::Author => 60,
            Field::Knelpunten | Field::Comment => 1_000,
            Field::LineDescription => 2_000,
            Field::Notes => 20_000,
        }
    }
}

/// The first bound a board goes over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverLimit {
    Cards(usize),
    Columns(usize),
    ColumnsKept(usize),
    /// A card (its title, cut short) with too many labels.
    Labels {
        card: String,
        count: usize,
    },
    /// A text too long: which field, on which card (if a card's), how long.
    Text {
        field: Field,
        card: Option<String>,
        chars: usize,
    },
    Tombstones(usize),
    Extra(usize),
    /// A card (its title, cut short) with too many open conflicts.
    Conflicts {
        card: String,
        count: usize,
    },
    /// A card with too many comments (deleted ones included).
    Comments {
        card: String,
        count: usize,
    },
    /// A card with more changes in its history than it keeps.
    History {
        card: String,
        count: usize,
    },
}

fn text(field: Field, value: &str, card: Option<&str>) -> Result<(), OverLimit> {
    // Bytes bound characters from above: most texts need no count.
    if value.len() <= field.max_chars() {
        return Ok(());
    }
    let n = value.chars().count();
    if n > field.max_chars() {
        return Err(OverLimit::Text {
            field,
            card: card.map(short),
            chars: n,
        });
    }
    Ok(())
}

/// A card title short enough to name in a message.
fn short(title: &str) -> String {
    let mut out: String = title.chars().take(40).collect();
    if out.len() < title.len() {
        out.push('…');
    }
    out
}

/// Size of unknown fields as JSON.
fn extra_bytes(extra: &Extra) -> usize {
    if extra.is_empty() {
        0
    } else {
        serde_json::to_string(extra).map_or(usize::MAX, |s| s.len())
    }
}

/// Checks every bound, cheapest first; linear in the board's size.
pub fn check(b: &Board) -> Result<(), OverLimit> {
    if b.items.len() > MAX_CARDS {
        return Err(OverLimit::Cards(b.items.len()));
    }
    if b.columns.len() > MAX_COLUMNS_KEPT {
        return Err(OverLimit::ColumnsKept(b.columns.len()));
    }
    let shown = b.columns.iter().filter(|c| c.removed.is_none()).count();
    if shown > MAX_COLUMNS {
        return Err(OverLimit::Columns(shown));
    }
    if b.tombstones.len() > MAX_TOMBSTONES {
        return Err(OverLimit::Tombstones(b.tombstones.len()));
    }
    text(Field::BoardTitle, &b.title, None)?;
    text(Field::Team, &b.team, None)?;
    for l in &b.lines {
        text(Field::LineName, &l.name, None)?;
        text(Field::LineDescription, &l.description, None)?;
        text(Field::Knelpunten, &l.knelpunten, None)?;
        for s in l.changed.all_stamps() {
            text(Field::Author, &s.by, None)?;
        }
    }
    for c in &b.columns {
        text(Field::ColumnName, &c.name, None)?;
    }
    for i in &b.items {
        if i.tags.len() > MAX_LABELS {
            return Err(OverLimit::Labels {
                card: short(&i.title),
                count: i.tags.len(),
            });
        }
        text(Field::Title, &i.title, None)?;
        let card = Some(i.title.as_str());
        text(Field::Notes, &i.notes, card)?;
        text(Field::Trekker, &i.trekker, card)?;
        text(Field::Team, &i.team, card)?;
        for t in &i.tags {
            text(Field::Label, t, card)?;
        }
        if i.changed.labels.len() > MAX_LABEL_MARKS {
            return Err(OverLimit::Labels {
                card: short(&i.title),
                count: i.changed.labels.len(),
            });
        }
        if i.conflicts.len() > MAX_CONFLICTS {
            return Err(OverLimit::Conflicts {
                card: short(&i.title),
                count: i.conflicts.len(),
            });
        }
        for label in i.changed.labels.keys() {
            text(Field::Label, label, card)?;
        }
        text(Field::Author, &i.created_by, card)?;
        for (_, by) in i.changed.all_stamps() {
            text(Field::Author, by, card)?;
        }
        if i.comments.len() > MAX_COMMENTS {
            return Err(OverLimit::Comments {
                card: short(&i.title),
                count: i.comments.len(),
            });
        }
        for c in &i.comments {
            text(Field::Comment, &c.text, card)?;
            text(Field::Author, &c.by, card)?;
        }
        if i.history.changes.len() > MAX_HISTORY
            || i.history.older.by.len() > super::card_log::MAX_OLDER_NAMES
        {
            return Err(OverLimit::History {
                card: short(&i.title),
                count: i.history.changes.len(),
            });
        }
        for c in &i.history.changes {
            text(Field::Author, &c.stamp.by, card)?;
            text(Field::Title, &c.from, card)?;
            text(Field::Title, &c.to, card)?;
        }
        for by in &i.history.older.by {
            text(Field::Author, by, card)?;
        }
        for c in &i.conflicts {
            let value = c.value.to_string();
            text(Field::Notes, &value, card)?;
            text(Field::Author, &c.stamp.by, card)?;
            text(Field::Author, &c.against.by, card)?;
        }
    }
    let mut extra = extra_bytes(&b.extra);
    for e in b
        .lines
        .iter()
        .map(|l| &l.extra)
        .chain(b.columns.iter().map(|c| &c.extra))
        .chain(b.items.iter().map(|i| &i.extra))
    {
        extra = extra.saturating_add(extra_bytes(e));
        if extra > MAX_EXTRA_BYTES {
            break;
        }
    }
    if extra > MAX_EXTRA_BYTES {
        return Err(OverLimit::Extra(extra));
    }
    Ok(())
}

/// `text`, cut to the bound of `field`.
pub fn bounded(field: Field, text: &str) -> String {
    let mut s = text.to_string();
    cut(&mut s, field.max_chars());
    s
}

/// Cuts a text to `max` characters (at a character boundary).
fn cut(s: &mut String, max: usize) -> bool {
    if s.len() <= max {
        return false;
    }
    match s.char_indices().nth(max) {
        Some((at, _)) => {
            s.truncate(at);
            true
        }
        None => false,
    }
}

/// Brings a board within every bound, keeping as much as it can: texts
/// are cut, labels past the first [`MAX_LABELS`] dropped, columns past the
/// bound removed (their cards move to the first column kept), the oldest
/// deletions forgotten, unknown fields dropped, and cards past
/// [`MAX_CARDS`] (the last in the list) left out. Returns whether anything
/// changed. Meant for a stored board that is already over a bound; the
/// user is offered an export of it first.
pub fn repair(b: &mut Board, now: super::Timestamp) -> bool {
    let mut changed = false;
    if b.items.len() > MAX_CARDS {
        b.items.truncate(MAX_CARDS);
        changed = true;
    }
    // Columns: the first shown ones by order, then removed ones up to the
    // total bound (a removal kept merges as before). Never none shown.
    let mut order: Vec<usize> = (0..b.columns.len()).collect();
    sort::sort_by(&mut order, |&x, &y| {
        let (a, c) = (&b.columns[x], &b.columns[y]);
        a.rank.total_cmp(&c.rank).then(a.id.cmp(&c.id))
    });
    let mut keep = vec![false; b.columns.len()];
    let shown: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| b.columns[i].removed.is_none())
        .take(MAX_COLUMNS)
        .collect();
    for &i in &shown {
        keep[i] = true;
    }
    let mut kept = shown.len();
    for &i in &order {
        if kept >= MAX_COLUMNS_KEPT {
            break;
        }
        if !keep[i] && b.columns[i].removed.is_some() {
            keep[i] = true;
            kept += 1;
        }
    }
    if keep.iter().any(|k| !k) || shown.is_empty() {
        // Where the cards of dropped columns go: the first shown column,
        // else the first kept one (shown again).
        let first = shown
            .first()
            .copied()
            .or_else(|| order.iter().copied().find(|&i| keep[i]));
        let gone: std::collections::HashSet<_> = b
            .columns
            .iter()
            .zip(&keep)
            .filter(|(_, k)| !**k)
            .map(|(c, _)| c.id)
            .collect();
        if let Some(first) = first {
            if b.columns[first].removed.is_some() {
                b.columns[first].removed = None;
                b.columns[first].updated = now;
            }
            let first = b.columns[first].id;
            for item in b.items.iter_mut().filter(|i| gone.contains(&i.column)) {
                item.column = first;
                item.updated = now;
            }
        }
        let mut k = keep.iter();
        b.columns.retain(|_| *k.next().unwrap_or(&true));
        changed = true;
    }
    if b.tombstones.len() > MAX_TOMBSTONES {
        sort::sort_by_key(&mut b.tombstones, |t| std::cmp::Reverse(t.deleted));
        b.tombstones.truncate(MAX_TOMBSTONES);
        changed = true;
    }
    for i in &mut b.items {
        if i.conflicts.len() > MAX_CONFLICTS {
            i.conflicts.truncate(MAX_CONFLICTS);
            changed = true;
        }
        if i.changed.labels.len() > MAX_LABEL_MARKS
            || i.conflicts
                .iter()
                .any(|c| c.value.to_string().len() > Field::Notes.max_chars())
        {
            i.changed.labels.retain(|_, m| !m.removed);
            i.conflicts
                .retain(|c| c.value.to_string().len() <= Field::Notes.max_chars());
            changed = true;
        }
        let mut stamps = i.stamps();
        let too_long = |by: &str| by.chars().count() > Field::Author.max_chars();
        if stamps.fields.iter().any(|s| too_long(&s.by))
            || stamps.labels.values().any(|m| too_long(&m.by))
        {
            for st in &mut stamps.fields {
                st.by = bounded(Field::Author, &st.by);
            }
            for m in stamps.labels.values_mut() {
                m.by = bounded(Field::Author, &m.by);
            }
            i.conflicts.clear();
            i.set_stamps(stamps);
            changed = true;
        }
    }
    // What is cut is stamped now, so a merge with an older copy keeps the
    // cut text rather than bringing the long one back.
    if cut(&mut b.title, Field::BoardTitle.max_chars()) | cut(&mut b.team, Field::Team.max_chars())
    {
        b.settings_updated = now;
        changed = true;
    }
    let stamp = super::Stamp::from(now);
    for l in &mut b.lines {
        let too_long = |s: &super::Stamp| s.by.chars().count() > Field::Author.max_chars();
        if l.changed.all_stamps().any(too_long) {
            let stamps = super::LineField::ALL.map(|f| {
                l.stamp(f).map(|mut s| {
                    s.by = bounded(Field::Author, &s.by);
                    s
                })
            });
            l.set_stamps(stamps);
            changed = true;
        }
        if cut(&mut l.name, Field::LineName.max_chars())
            | cut(&mut l.description, Field::LineDescription.max_chars())
        {
            l.touch(super::LineField::Description, &stamp);
            changed = true;
        }
        if cut(&mut l.knelpunten, Field::Knelpunten.max_chars()) {
            l.touch(super::LineField::Knelpunten, &stamp);
            changed = true;
        }
    }
    for c in &mut b.columns {
        if cut(&mut c.name, Field::ColumnName.max_chars()) {
            c.updated = now;
            changed = true;
        }
    }
    for i in &mut b.items {
        let mut this = false;
        if cut(&mut i.created_by, Field::Author.max_chars()) {
            this = true;
        }
        for (f, field) in [
            (super::CardField::Title, Field::Title),
            (super::CardField::Notes, Field::Notes),
            (super::CardField::Trekker, Field::Trekker),
            (super::CardField::Team, Field::Team),
        ] {
            let text = match f {
                super::CardField::Title => &mut i.title,
                super::CardField::Notes => &mut i.notes,
                super::CardField::Trekker => &mut i.trekker,
                _ => &mut i.team,
            };
            if cut(text, field.max_chars()) {
                i.touch(f, &stamp);
                this = true;
            }
        }
        let mut tags: Vec<String> = Vec::new();
        for t in &i.tags {
            let t = bounded(Field::Label, t);
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
            if tags.len() == MAX_LABELS {
                break;
            }
        }
        // Comments: the newest kept, texts and names cut.
        if i.comments.len() > MAX_COMMENTS {
            let over = i.comments.len() - MAX_COMMENTS;
            i.comments.drain(..over);
            this = true;
        }
        for c in &mut i.comments {
            this |= cut(&mut c.text, Field::Comment.max_chars());
            this |= cut(&mut c.by, Field::Author.max_chars());
        }
        // History: the newest kept, values and names cut.
        let mut log = std::mem::take(&mut i.history);
        for c in &mut log.changes {
            this |= cut(&mut c.stamp.by, Field::Author.max_chars());
            this |= cut(&mut c.from, Field::Title.max_chars());
            this |= cut(&mut c.to, Field::Title.max_chars());
        }
        log.older
            .by
            .retain(|by| by.chars().count() <= Field::Author.max_chars());
        this |= log.changes.len() > MAX_HISTORY;
        log.tidy();
        i.history = log;
        if tags != i.tags {
            i.set_labels(tags, &stamp);
            // The cut labels' removals need not be remembered.
            i.changed
                .labels
                .retain(|k, _| k.chars().count() <= Field::Label.max_chars());
            this = true;
        }
        if this {
            i.updated = now;
            changed = true;
        }
    }
    if matches!(check(b), Err(OverLimit::Extra(_))) {
        b.extra.clear();
        for l in &mut b.lines {
            l.extra.clear();
        }
        for c in &mut b.columns {
            c.extra.clear();
        }
        for i in &mut b.items {
            i.extra.clear();
        }
        changed = true;
    }
    if changed {
        b.updated = now;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t};
    use crate::model::{Column, Extra};
    use uuid::Uuid;

    fn column(n: u128, removed: bool) -> Column {
        Column {
            id: Uuid::from_u128(n),
            name: format!("K{n}"),
            rank: n as f64,
            wip_limit: None,
            removed: removed.then(|| t(1)),
            updated: t(1),
            extra: Extra::new(),
        }
    }

    #[test]
    fn the_sample_is_within_every_bound() {
        assert_eq!(check(&nieuw_west_zuid()), Ok(()));
        let mut b = nieuw_west_zuid();
        assert!(!repair(&mut b, t(9)));
        assert_eq!(b, nieuw_west_zuid());
    }

    #[test]
    fn too_many_columns_are_refused_and_repaired_without_losing_a_card() {
        let mut b = nieuw_west_zuid();
        let cards = b.items.len();
        for n in 0..20_000 {
            b.columns.push(column(1_000 + n, false));
        }
        assert_eq!(check(&b), Err(OverLimit::ColumnsKept(20_004)));
        // Put a card in a column that will go.
        b.items[0].column = Uuid::from_u128(1_000 + 19_999);
        assert!(repair(&mut b, t(9)));
        assert_eq!(check(&b), Ok(()));
        assert_eq!(b.items.len(), cards);
        assert!(b.validate().is_ok());
        let shown = b.columns.iter().filter(|c| c.removed.is_none()).count();
        assert_eq!(shown, MAX_COLUMNS);
    }

    #[test]
    fn repair_keeps_shown_columns_before_old_removed_ones() {
        // Removed columns usually rank first (new columns get max + 1).
        let mut b = nieuw_west_zuid();
        for c in &mut b.columns {
            c.rank += 1_000.0;
        }
        for n in 0..250 {
            b.columns.push(column(100 + n, true));
        }
        assert!(matches!(check(&b), Err(OverLimit::ColumnsKept(254))));
        let before: Vec<_> = b.visible_columns().iter().map(|c| c.id).collect();
        repair(&mut b, t(9));
        assert_eq!(check(&b), Ok(()));
        assert!(b.validate().is_ok());
        let after: Vec<_> = b.visible_columns().iter().map(|c| c.id).collect();
        assert_eq!(after, before, "the shown columns stay");
        assert_eq!(b.columns.len(), MAX_COLUMNS_KEPT);
        assert_eq!(b.items.len(), nieuw_west_zuid().items.len());
    }

    #[test]
    fn a_board_of_removed_columns_keeps_one_shown() {
        let mut b = nieuw_west_zuid();
        let cards = b.items.len();
        for c in &mut b.columns {
            c.removed = Some(t(1));
        }
        for n in 0..300 {
            b.columns.push(column(100 + n, true));
        }
        repair(&mut b, t(9));
        assert_eq!(check(&b), Ok(()));
        assert!(b.validate().is_ok());
        assert_eq!(b.columns.iter().filter(|c| c.removed.is_none()).count(), 1);
        assert_eq!(b.items.len(), cards);
    }

    #[test]
    fn repaired_texts_are_stamped_so_a_merge_keeps_them() {
        let mut b = nieuw_west_zuid();
        b.title = "x".repeat(5_000);
        b.lines[0].name = "y".repeat(5_000);
        b.columns[0].name = "z".repeat(5_000);
        let older = b.clone();
        repair(&mut b, t(9));
        assert!(b.validate().is_ok());
        for merged in [
            crate::model::merge(&b, &older),
            crate::model::merge(&older, &b),
        ] {
            assert_eq!(check(&merged), Ok(()), "the long texts do not come back");
        }
    }

    /// A crafted file could carry endless removed labels, open conflicts
    /// or a name of a megabyte in its per-field stamps.
    #[test]
    fn stamps_and_conflicts_are_bounded_and_repaired() {
        use crate::model::stamps::LabelMark;
        use crate::model::{CardField, FieldConflict, Stamp};
        let mark = |n: usize| LabelMark {
            at: t(n as i64),
            by: String::new(),
            removed: true,
        };
        let mut b = nieuw_west_zuid();
        for n in 0..=MAX_LABEL_MARKS {
            b.items[0]
                .changed
                .labels
                .insert(format!("oud {n}"), mark(n));
        }
        assert!(
            matches!(check(&b), Err(OverLimit::Labels { count, .. }) if count == MAX_LABEL_MARKS + 1)
        );
        assert!(repair(&mut b, t(99)));
        assert_eq!(check(&b), Ok(()));

        let mut b = nieuw_west_zuid();
        let conflict = |n: i64| FieldConflict {
            field: CardField::Notes,
            value: format!("versie {n}").into(),
            stamp: Stamp::from(t(n)),
            against: Stamp::from(t(0)),
        };
        b.items[1].conflicts = (0..=MAX_CONFLICTS as i64).map(conflict).collect();
        assert!(
            matches!(check(&b), Err(OverLimit::Conflicts { count, .. }) if count == MAX_CONFLICTS + 1)
        );
        assert!(repair(&mut b, t(99)));
        assert_eq!(check(&b), Ok(()));

        let mut b = nieuw_west_zuid();
        b.items[2].changed.title = Some(Stamp {
            at: t(5),
            by: "x".repeat(1_000_000),
        });
        assert!(matches!(
            check(&b),
            Err(OverLimit::Text {
                field: Field::Author,
                chars: 1_000_000,
                ..
            })
        ));
        assert!(repair(&mut b, t(99)));
        assert_eq!(check(&b), Ok(()));
        assert_eq!(b.items[2].stamp(CardField::Title).by.chars().count(), 60);
    }

    #[test]
    fn knelpunten_and_line_stamps_are_bounded_and_repaired() {
        use crate::model::{LineField, Stamp};
        let mut b = nieuw_west_zuid();
        let long = "k".repeat(5_000);
        b.set_line_knelpunten(2, &long, t(1)).unwrap();
        assert_eq!(b.lines[1].knelpunten.chars().count(), 1_000);
        assert_eq!(check(&b), Ok(()));
        // A crafted file: knelpunten over the bound, a name of a megabyte.
        b.lines[1].knelpunten = long;
        b.lines[3].changed.status = Some(Stamp {
            at: t(2),
            by: "x".repeat(1_000_000),
        });
        assert!(matches!(
            check(&b),
            Err(OverLimit::Text {
                field: Field::Knelpunten,
                chars: 5_000,
                ..
            })
        ));
        let older = b.clone();
        assert!(repair(&mut b, t(9)));
        assert_eq!(check(&b), Ok(()));
        assert_eq!(b.lines[1].stamp(LineField::Knelpunten), Some(t(9).into()));
        assert_eq!(b.lines[3].stamp(LineField::Status).unwrap().at, t(2));
        // The cut text is stamped: a merge with the older copy keeps it.
        let merged = crate::model::merge(&older, &b);
        assert_eq!(merged.lines[1].knelpunten.chars().count(), 1_000);
    }

    #[test]
    fn operations_keep_within_the_bounds() {
        use crate::model::library::duplicate;
        let mut b = nieuw_west_zuid();
        // 30 shown columns: the 31st is refused.
        for n in 0..(MAX_COLUMNS - 4) as u128 {
            b.add_column(Uuid::from_u128(500 + n), "K", t(1)).unwrap();
        }
        assert_eq!(
            b.add_column(Uuid::from_u128(999), "K", t(1)),
            Err(crate::model::OpError::TooManyColumns)
        );
        // 200 kept: the oldest empty removed column makes room.
        let mut b = nieuw_west_zuid();
        for n in 0..(MAX_COLUMNS_KEPT - 4) as u128 {
            b.columns.push(column(1_000 + n, true));
        }
        b.columns[4].removed = Some(t(0));
        b.add_column(Uuid::from_u128(77_777), "Nieuw", t(5))
            .unwrap();
        assert_eq!(b.columns.len(), MAX_COLUMNS_KEPT);
        assert!(b.columns.iter().all(|c| c.id != Uuid::from_u128(1_000)));
        assert_eq!(check(&b), Ok(()));
        // Deletions beyond the bound forget the oldest.
        let mut b = nieuw_west_zuid();
        b.tombstones = (0..MAX_TOMBSTONES as u128)
            .map(|n| crate::model::Tombstone {
                id: Uuid::from_u128(100_000 + n),
                deleted: t(n as i64),
            })
            .collect();
        let id = b.items[0].id;
        b.delete_item(id, t(1_000_000)).unwrap();
        assert_eq!(b.tombstones.len(), MAX_TOMBSTONES);
        assert!(b.tombstones.iter().any(|t| t.id == id));
        assert!(b
            .tombstones
            .iter()
            .all(|t| t.id != Uuid::from_u128(100_000)));
        // A copy's title stays within its bound.
        let mut b = nieuw_west_zuid();
        b.title = "x".repeat(Field::BoardTitle.max_chars());
        let copy = duplicate(&b, Uuid::new_v4, &format!("{} (kopie)", b.title), t(2));
        assert_eq!(check(&copy), Ok(()));
    }

    #[test]
    fn shown_columns_and_kept_columns_are_bounded_apart() {
        let mut b = nieuw_west_zuid();
        for n in 0..MAX_COLUMNS as u128 {
            b.columns.push(column(100 + n, false));
        }
        assert_eq!(check(&b), Err(OverLimit::Columns(MAX_COLUMNS + 4)));
        let mut b = nieuw_west_zuid();
        for n in 0..150 {
            b.columns.push(column(100 + n, true));
        }
        assert_eq!(
            check(&b),
            Ok(()),
            "removed columns count only to the larger bound"
        );
    }

    #[test]
    fn a_million_labels_are_refused_and_repaired() {
        let mut b = nieuw_west_zuid();
        b.items[2].tags = (0..1_000_000).map(|n| format!("l{n}")).collect();
        let title = b.items[2].title.clone();
        match check(&b) {
            Err(OverLimit::Labels { card, count }) => {
                assert_eq!(count, 1_000_000);
                assert!(title.starts_with(card.trim_end_matches('…')));
            }
            other => panic!("{other:?}"),
        }
        repair(&mut b, t(9));
        assert!(b.validate().is_ok());
        assert_eq!(b.items[2].tags.len(), MAX_LABELS);
        assert_eq!(b.items[2].updated, t(9));
        assert_eq!(check(&b), Ok(()));
    }

    #[test]
    fn every_text_field_is_bounded_in_characters_not_bytes() {
        let at = |f: Field| "é".repeat(f.max_chars());
        let over = |f: Field| "x".repeat(f.max_chars() + 1);
        type Set = fn(&mut Board, String);
        let fields: [(Field, Set); 10] = [
            (Field::BoardTitle, |b, v| b.title = v),
            (Field::Team, |b, v| b.team = v),
            (Field::LineName, |b, v| b.lines[0].name = v),
            (Field::LineDescription, |b, v| b.lines[4].description = v),
            (Field::Knelpunten, |b, v| b.lines[2].knelpunten = v),
            (Field::ColumnName, |b, v| b.columns[1].name = v),
            (Field::Title, |b, v| b.items[0].title = v),
            (Field::Notes, |b, v| b.items[1].notes = v),
            (Field::Trekker, |b, v| b.items[2].trekker = v),
            (Field::Label, |b, v| b.items[3].tags = vec![v]),
        ];
        for (field, set) in fields {
            let mut b = nieuw_west_zuid();
            set(&mut b, at(field));
            assert_eq!(check(&b), Ok(()), "{field:?} at its bound (2 bytes a char)");
            set(&mut b, over(field));
            match check(&b) {
                Err(OverLimit::Text {
                    field: f, chars, ..
                }) => {
                    assert_eq!((f, chars), (field, field.max_chars() + 1))
                }
                other => panic!("{field:?}: {other:?}"),
            }
            assert!(repair(&mut b, t(9)));
            assert_eq!(check(&b), Ok(()), "{field:?} repaired");
            assert!(b.validate().is_ok());
        }
    }

    #[test]
    fn cards_tombstones_and_unknown_fields_are_bounded() {
        let mut b = nieuw_west_zuid();
        let proto = b.items[0].clone();
        b.items = (0..MAX_CARDS as u128 + 1)
            .map(|n| crate::model::Item {
                id: Uuid::from_u128(n + 1),
                ..proto.clone()
            })
            .collect();
        assert_eq!(check(&b), Err(OverLimit::Cards(MAX_CARDS + 1)));
        repair(&mut b, t(9));
        assert_eq!(b.items.len(), MAX_CARDS);

        let mut b = nieuw_west_zuid();
        b.tombstones = (0..MAX_TOMBSTONES as u128 + 1)
            .map(|n| crate::model::Tombstone {
                id: Uuid::from_u128(n + 1),
                deleted: t((n % 100) as i64),
            })
            .collect();
        assert_eq!(check(&b), Err(OverLimit::Tombstones(MAX_TOMBSTONES + 1)));
        repair(&mut b, t(9));
        assert_eq!(b.tombstones.len(), MAX_TOMBSTONES);

        let mut b = nieuw_west_zuid();
        b.items[4]
            .extra
            .insert("groot".into(), serde_json::Value::from(vec![0; 5_000_000]));
        assert!(matches!(check(&b), Err(OverLimit::Extra(n)) if n > MAX_EXTRA_BYTES));
        b.extra.insert("klein".into(), serde_json::Value::from(1));
        repair(&mut b, t(9));
        assert_eq!(check(&b), Ok(()));
        assert!(b.items[4].extra.is_empty());
    }
}
