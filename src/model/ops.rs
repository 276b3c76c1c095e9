//! Operations on a board. Each takes the current time as an argument and
//! stamps `updated` on what it changes; none of them can leave the board
//! breaking [`Board::validate`].

use chrono::NaiveDate;
use uuid::Uuid;

use super::limits::{self, bounded, Field};
use super::stamps::{CardField, Stamp};
use super::{Board, CellKey, Item, Scope, Timestamp, Tombstone, LINE_COUNT};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpError {
    UnknownItem,
    UnknownLine,
    UnknownColumn,
    EmptyTitle,
    DuplicateId,
    EndBeforeStart,
    /// A column still holds this many cards.
    ColumnNotEmpty(usize),
    /// The board needs at least one column.
    LastColumn,
    /// The board holds `limits::MAX_CARDS` already.
    TooManyCards,
    /// The board shows `limits::MAX_COLUMNS` columns already.
    TooManyColumns,
    /// A value that does not fit the field.
    BadValue,
    /// A comment without text.
    EmptyComment,
    /// The card holds `limits::MAX_COMMENTS` comments already.
    TooManyComments,
    /// No such comment (or it was deleted).
    UnknownComment,
    /// Only its author changes or deletes a comment.
    NotYours,
}

/// A change to one field of an item.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Title(String),
    Notes(String),
    Trekker(String),
    Team(String),
    Start(Option<NaiveDate>),
    End(Option<NaiveDate>),
    Scope(Option<Scope>),
    Tags(Vec<String>),
}

impl Edit {
    /// The stamped field this edit changes (`None`: the labels).
    pub fn card_field(&self) -> Option<CardField> {
        Some(match self {
            Edit::Title(_) => CardField::Title,
            Edit::Notes(_) => CardField::Notes,
            Edit::Trekker(_) => CardField::Trekker,
            Edit::Team(_) => CardField::Team,
            Edit::Start(_) | Edit::End(_) => CardField::Dates,
            Edit::Scope(_) => CardField::Scope,
            Edit::Tags(_) => return None,
        })
    }

    /// The field this edit changes (names an undo step).
    pub fn field(&self) -> &'static str {
        match self {
            Edit::Title(_) => "title",
            Edit::Notes(_) => "notes",
            Edit::Trekker(_) => "trekker",
            Edit::Team(_) => "team",
            Edit::Start(_) => "start",
            Edit::End(_) => "end",
            Edit::Scope(_) => "scope",
            Edit::Tags(_) => "tags",
        }
    }
}

/// A one-step move of a card, as done from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// To the previous column (same line).
    Left,
    /// To the next column (same line).
    Right,
    /// To the previous line (same column).
    Up,
    /// To the next line (same column).
    Down,
    /// One place earlier within its cell.
    Earlier,
    /// One place later within its cell.
    Later,
}

/// Splits a comma-separated tag text into tags: trimmed, no empty ones, no
/// duplicates (case-insensitive, first spelling kept).
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|k| k.to_lowercase() == t.to_lowercase()) {
            tags.push(t.to_string());
        }
    }
    tags
}

impl Board {
    fn check_cell(&self, (line, column): CellKey) -> Result<(), OpError> {
        if !(1..=LINE_COUNT).contains(&line) {
            return Err(OpError::UnknownLine);
        }
        if self.column(column).is_none() {
            return Err(OpError::UnknownColumn);
        }
        Ok(())
    }

    /// Adds a card at the end of a cell.
    pub fn add_item(
        &mut self,
        id: Uuid,
        cell: CellKey,
        title: &str,
        now: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp: Stamp = now.into();
        let now = stamp.at;
        self.check_cell(cell)?;
        let title = title.trim();
        if title.is_empty() {
            return Err(OpError::EmptyTitle);
        }
        if self.item(id).is_some() {
            return Err(OpError::DuplicateId);
        }
        if self.items.len() >= limits::MAX_CARDS {
            return Err(OpError::TooManyCards);
        }
        let rank = self.end_rank(cell);
        self.items.push(Item {
            id,
            title: bounded(Field::Title, title),
            notes: String::new(),
            trekker: String::new(),
            team: self.team.clone(),
            start: None,
            end: None,
            scope: None,
            tags: Vec::new(),
            line: cell.0,
            column: cell.1,
            rank,
            created: now,
            created_by: stamp.by,
            updated: now,
            changed: Default::default(),
            conflicts: Vec::new(),
            comments: Vec::new(),
            history: Default::default(),
            extra: Default::default(),
        });
        self.updated = now;
        Ok(())
    }

    /// Changes one field. Returns whether anything changed (an edit that
    /// sets the same value does not touch `updated`).
    pub fn edit_item(
        &mut self,
        id: Uuid,
        edit: Edit,
        now: impl Into<Stamp>,
    ) -> Result<bool, OpError> {
        let stamp: Stamp = now.into();
        let now = stamp.at;
        let field = edit.card_field();
        let (item, columns) = self.item_and_columns(id).ok_or(OpError::UnknownItem)?;
        let mut next = item.clone();
        // Texts are cut to their bound (as a field's maxlength would).
        match edit {
            Edit::Title(v) => next.title = bounded(Field::Title, &v),
            Edit::Notes(v) => next.notes = bounded(Field::Notes, &v),
            Edit::Trekker(v) => next.trekker = bounded(Field::Trekker, &v),
            Edit::Team(v) => next.team = bounded(Field::Team, &v),
            Edit::Start(v) => next.start = v,
            Edit::End(v) => next.end = v,
            Edit::Scope(v) => next.scope = v,
            Edit::Tags(v) => {
                next.tags = v
                    .iter()
                    .take(limits::MAX_LABELS)
                    .map(|t| bounded(Field::Label, t))
                    .collect()
            }
        }
        if matches!((next.start, next.end), (Some(s), Some(e)) if e < s) {
            return Err(OpError::EndBeforeStart);
        }
        if next == *item {
            return Ok(false);
        }
        match field {
            Some(f) => next.touch(f, &stamp),
            None => {
                let tags = std::mem::take(&mut next.tags);
                next.tags = item.tags.clone();
                next.set_labels(tags, &stamp);
            }
        }
        next.updated = now;
        next.log_changes(item, columns, &stamp);
        *item = next;
        self.updated = now;
        Ok(true)
    }

    /// Moves a card into `cell` at position `index` among the cell's other
    /// cards (`None` or past the end: last). Returns the cell it came from.
    pub fn move_item(
        &mut self,
        id: Uuid,
        cell: CellKey,
        index: Option<usize>,
        now: impl Into<Stamp>,
    ) -> Result<CellKey, OpError> {
        let stamp: Stamp = now.into();
        let now = stamp.at;
        self.check_cell(cell)?;
        let from = self.item(id).ok_or(OpError::UnknownItem)?.cell();
        let others: Vec<Uuid> = self
            .cell_ids(cell)
            .into_iter()
            .filter(|o| *o != id)
            .collect();
        let index = index.unwrap_or(others.len()).min(others.len());
        let rank_of = |b: &Board, i: usize| b.item(others[i]).map(|x| x.rank);
        let before = index.checked_sub(1).and_then(|i| rank_of(self, i));
        let after = (index < others.len())
            .then(|| rank_of(self, index))
            .flatten();
        let rank = match (before, after) {
            (None, None) => Some(1.0),
            (Some(b), None) => Some(b + 1.0),
            (None, Some(a)) => Some(a - 1.0),
            (Some(b), Some(a)) => {
                let mid = b + (a - b) / 2.0;
                (mid > b && mid < a).then_some(mid)
            }
        };
        let rank = match rank {
            Some(r) => r,
            None => {
                // Out of precision between neighbours: renumber the cell.
                for (n, o) in others.iter().enumerate() {
                    let r = if n < index { n as f64 } else { n as f64 + 1.0 };
                    if let Some(x) = self.item_mut(*o) {
                        if x.rank != r {
                            x.rank = r;
                            x.touch(CardField::Position, &stamp);
                            x.updated = now;
                        }
                    }
                }
                index as f64
            }
        };
        let (item, columns) = self.item_and_columns(id).ok_or(OpError::UnknownItem)?;
        if item.cell() == cell && item.rank == rank {
            return Ok(from);
        }
        if item.cell() != cell {
            let mut moved = item.clone();
            (moved.line, moved.column) = cell;
            let changes = super::card_log::diff(item, &moved, columns, &stamp);
            item.history.record_edit(changes);
        }
        item.line = cell.0;
        item.column = cell.1;
        item.rank = rank;
        item.touch(CardField::Position, &stamp);
        item.updated = now;
        self.updated = now;
        Ok(from)
    }

    /// Moves a card one step (see [`Direction`]). Returns the cell it came
    /// from, or `None` when it is already at the edge and nothing changed.
    pub fn step_item(
        &mut self,
        id: Uuid,
        direction: Direction,
        now: impl Into<Stamp>,
    ) -> Result<Option<CellKey>, OpError> {
        let (line, column) = self.item(id).ok_or(OpError::UnknownItem)?.cell();
        let ids = self.cell_ids((line, column));
        let index = ids.iter().position(|x| *x == id).unwrap_or(0);
        let columns: Vec<Uuid> = self.visible_columns().iter().map(|c| c.id).collect();
        let col_index = columns
            .iter()
            .position(|c| *c == column)
            .ok_or(OpError::UnknownColumn)?;
        let target = match direction {
            Direction::Left => col_index
                .checked_sub(1)
                .map(|c| ((line, columns[c]), index)),
            Direction::Right => columns.get(col_index + 1).map(|c| ((line, *c), index)),
            Direction::Up => (line > 1).then_some(((line - 1, column), index)),
            Direction::Down => (line < LINE_COUNT).then_some(((line + 1, column), index)),
            Direction::Earlier => index.checked_sub(1).map(|i| ((line, column), i)),
            Direction::Later => (index + 1 < ids.len()).then_some(((line, column), index + 1)),
        };
        match target {
            None => Ok(None),
            Some((cell, index)) => self.move_item(id, cell, Some(index), now).map(Some),
        }
    }

    /// Removes a card, leaving a tombstone. Returns the card so that the
    /// deletion can be undone with [`Board::restore_item`].
    pub fn delete_item(&mut self, id: Uuid, now: impl Into<Stamp>) -> Result<Item, OpError> {
        let now = now.into().at;
        let pos = self
            .items
            .iter()
            .position(|i| i.id == id)
            .ok_or(OpError::UnknownItem)?;
        let item = self.items.remove(pos);
        self.tombstones.retain(|t| t.id != id);
        self.tombstones.push(Tombstone { id, deleted: now });
        if self.tombstones.len() > limits::MAX_TOMBSTONES {
            // The oldest deletion is forgotten: only a copy older than it
            // could still bring that card back.
            if let Some(oldest) =
                (0..self.tombstones.len()).min_by_key(|&i| self.tombstones[i].deleted)
            {
                self.tombstones.swap_remove(oldest);
            }
        }
        self.updated = now;
        Ok(item)
    }

    /// Puts a deleted card back where it was (or in the first column when
    /// its column is gone). Restoring counts as a change, so it wins over
    /// the deletion in a later merge.
    pub fn restore_item(&mut self, mut item: Item, now: impl Into<Stamp>) -> Result<(), OpError> {
        let stamp: Stamp = now.into();
        let now = stamp.at;
        if self.item(item.id).is_some() {
            return Err(OpError::DuplicateId);
        }
        if self.items.len() >= limits::MAX_CARDS {
            return Err(OpError::TooManyCards);
        }
        if self.column(item.column).is_none_or(|c| c.removed.is_some()) {
            item.column = self
                .visible_columns()
                .into_iter()
                .find(|c| c.removed.is_none())
                .ok_or(OpError::UnknownColumn)?
                .id;
            item.rank = self.end_rank(item.cell());
            item.touch(CardField::Position, &stamp);
        }
        self.tombstones.retain(|t| t.id != item.id);
        item.updated = now;
        item.history.record([super::card_log::event(
            super::card_log::Kind::Restored,
            &stamp,
            "",
        )]);
        self.items.push(item);
        self.updated = now;
        Ok(())
    }

    /// Decides a field of a card: sets it to `value` (one of the values
    /// a merge reported, or both notes joined) as a change made now, which
    /// closes the conflicts open on that field.
    pub fn decide(
        &mut self,
        id: Uuid,
        field: CardField,
        value: &serde_json::Value,
        now: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp: Stamp = now.into();
        let item = self.item(id).ok_or(OpError::UnknownItem)?;
        let mut next = item.clone();
        if !next.set_value(field, value) {
            return Err(OpError::BadValue);
        }
        let text = |f, v: &str| bounded(f, v);
        match field {
            CardField::Title if next.title.trim().is_empty() => return Err(OpError::EmptyTitle),
            CardField::Title => next.title = text(Field::Title, &next.title),
            CardField::Notes => next.notes = text(Field::Notes, &next.notes),
            CardField::Trekker => next.trekker = text(Field::Trekker, &next.trekker),
            CardField::Team => next.team = text(Field::Team, &next.team),
            _ => {}
        }
        if matches!((next.start, next.end), (Some(s), Some(e)) if e < s) {
            return Err(OpError::EndBeforeStart);
        }
        let cell = next.cell();
        if field == CardField::Position
            && (!(1..=LINE_COUNT).contains(&cell.0) || self.column(cell.1).is_none())
        {
            return Err(OpError::UnknownColumn);
        }
        next.touch(field, &stamp);
        next.updated = stamp.at;
        if let Some((item, columns)) = self.item_and_columns(id) {
            next.log_changes(item, columns, &stamp);
            *item = next;
        }
        self.updated = stamp.at;
        Ok(())
    }

    /// Combines two cards that are one activity (a likely duplicate): each
    /// field takes the later of the two values, the labels are joined, the
    /// other card's notes are added below (when they differ), and the other
    /// card is deleted. Returns the deleted card.
    pub fn combine(
        &mut self,
        keep: Uuid,
        other: Uuid,
        now: impl Into<Stamp>,
    ) -> Result<Item, OpError> {
        let stamp: Stamp = now.into();
        if keep == other {
            return Err(OpError::DuplicateId);
        }
        let a = self.item(keep).ok_or(OpError::UnknownItem)?.clone();
        let b = self.item(other).ok_or(OpError::UnknownItem)?.clone();
        let mut as_one = b.clone();
        as_one.id = a.id;
        as_one.conflicts.clear();
        let mut merged = super::stamps::merge_item(&a, &as_one);
        merged.id = keep;
        // What the merge did not take from one of them counts as changed now.
        merged.restamp_differences(&a, &stamp);
        let (na, nb) = (a.notes.trim(), b.notes.trim());
        let notes = if nb.is_empty() || na.contains(nb) {
            a.notes.clone()
        } else if na.is_empty() || nb.contains(na) {
            b.notes.clone()
        } else {
            format!("{}\n\n{}", a.notes.trim_end(), b.notes.trim())
        };
        let notes = bounded(Field::Notes, &notes);
        if merged.notes != notes {
            merged.notes = notes;
            merged.touch(CardField::Notes, &stamp);
        }
        merged.updated = stamp.at;
        merged.comments = super::comments::merge_comments(&a.comments, &b.comments);
        merged.history = super::CardLog::merge(&a.history, &b.history);
        merged.log_changes(&a, &self.columns, &stamp);
        merged.history.record([super::card_log::event(
            super::card_log::Kind::Combined,
            &stamp,
            &b.title,
        )]);
        if let Some(item) = self.item_mut(keep) {
            *item = merged;
        }
        self.delete_item(other, stamp)
    }

    /// Records that this copy was exported or merged now: later changes are
    /// what the next merge reports as changed on this side.
    pub fn mark_synced(&mut self, now: Timestamp) {
        self.synced = Some(now);
        // What went out may no longer be rewritten (see `CardLog::close`).
        for i in &mut self.items {
            i.history.close();
        }
    }

    fn end_rank(&self, cell: CellKey) -> f64 {
        self.cell_ids(cell)
            .last()
            .and_then(|id| self.item(*id))
            .map_or(1.0, |i| i.rank + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{t, uid};

    fn board() -> Board {
        Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "Test", t(0))
    }

    fn titles(b: &Board, cell: CellKey) -> Vec<String> {
        b.cell_ids(cell)
            .iter()
            .map(|id| b.item(*id).unwrap().title.clone())
            .collect()
    }

    #[test]
    fn new_board_has_five_lines_and_four_columns() {
        let b = board();
        assert_eq!(b.lines.len(), 5);
        assert_eq!(b.lines[0].name, "Teamontwikkeling");
        assert_eq!(b.lines[4].name, "Resultaat en borging");
        let names: Vec<_> = b.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Idee", "Gepland", "Bezig", "Afgerond"]);
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn add_appends_to_cell_and_stamps_times() {
        let mut b = board();
        b.add_item(uid(100), (2, uid(11)), "  Eerste  ", t(5))
            .unwrap();
        b.add_item(uid(101), (2, uid(11)), "Tweede", t(6)).unwrap();
        assert_eq!(titles(&b, (2, uid(11))), ["Eerste", "Tweede"]);
        let i = b.item(uid(100)).unwrap();
        assert_eq!((i.created, i.updated), (t(5), t(5)));
        assert_eq!(b.updated, t(6));
        assert!(b.cell_ids((1, uid(11))).is_empty());
    }

    #[test]
    fn add_rejects_bad_input() {
        let mut b = board();
        assert_eq!(
            b.add_item(uid(100), (1, uid(10)), "   ", t(1)),
            Err(OpError::EmptyTitle)
        );
        assert_eq!(
            b.add_item(uid(100), (6, uid(10)), "x", t(1)),
            Err(OpError::UnknownLine)
        );
        assert_eq!(
            b.add_item(uid(100), (1, uid(99)), "x", t(1)),
            Err(OpError::UnknownColumn)
        );
        b.add_item(uid(100), (1, uid(10)), "x", t(1)).unwrap();
        assert_eq!(
            b.add_item(uid(100), (1, uid(10)), "y", t(1)),
            Err(OpError::DuplicateId)
        );
        assert_eq!(b.items.len(), 1);
    }

    #[test]
    fn edit_changes_field_and_updated_only_when_different() {
        let mut b = board();
        b.add_item(uid(100), (1, uid(10)), "Kaart", t(1)).unwrap();
        assert_eq!(
            b.edit_item(uid(100), Edit::Trekker("OPCO".into()), t(2)),
            Ok(true)
        );
        assert_eq!(
            b.edit_item(uid(100), Edit::Trekker("OPCO".into()), t(3)),
            Ok(false)
        );
        let i = b.item(uid(100)).unwrap();
        assert_eq!(i.trekker, "OPCO");
        assert_eq!(i.updated, t(2));
        assert_eq!(i.created, t(1));
    }

    #[test]
    fn edit_every_field() {
        let mut b = board();
        b.add_item(uid(100), (1, uid(10)), "Kaart", t(1)).unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        for e in [
            Edit::Title("Open dag".into()),
            Edit::Notes("regel 1\nregel 2".into()),
            Edit::Trekker("kerngroep".into()),
            Edit::Team("Gaasperdam".into()),
            Edit::Start(Some(d("2017-10-14"))),
            Edit::End(Some(d("2017-10-15"))),
            Edit::Scope(Some(Scope::Extern)),
            Edit::Tags(vec!["werving".into()]),
        ] {
            assert_eq!(b.edit_item(uid(100), e, t(2)), Ok(true));
        }
        let i = b.item(uid(100)).unwrap();
        assert_eq!(i.title, "Open dag");
        assert_eq!(i.notes, "regel 1\nregel 2");
        assert_eq!(i.team, "Gaasperdam");
        assert_eq!(i.end, Some(d("2017-10-15")));
        assert_eq!(i.scope, Some(Scope::Extern));
        assert_eq!(i.tags, ["werving"]);
    }

    #[test]
    fn end_before_start_is_refused() {
        let mut b = board();
        b.add_item(uid(100), (1, uid(10)), "Kaart", t(1)).unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        b.edit_item(uid(100), Edit::Start(Some(d("2017-05-21"))), t(2))
            .unwrap();
        assert_eq!(
            b.edit_item(uid(100), Edit::End(Some(d("2017-05-20"))), t(3)),
            Err(OpError::EndBeforeStart)
        );
        assert_eq!(b.item(uid(100)).unwrap().end, None);
        assert_eq!(
            b.edit_item(uid(404), Edit::Title("x".into()), t(3)),
            Err(OpError::UnknownItem)
        );
    }

    #[test]
    fn move_between_cells_and_reorder() {
        let mut b = board();
        let a = (1, uid(10));
        let z = (3, uid(12));
        for (n, title) in ["A", "B", "C"].iter().enumerate() {
            b.add_item(uid(100 + n as u128), a, title, t(1)).unwrap();
        }
        b.add_item(uid(200), z, "Z", t(1)).unwrap();
        // Move B to the front of z.
        assert_eq!(b.move_item(uid(101), z, Some(0), t(2)), Ok(a));
        assert_eq!(titles(&b, a), ["A", "C"]);
        assert_eq!(titles(&b, z), ["B", "Z"]);
        assert_eq!(b.item(uid(101)).unwrap().updated, t(2));
        // Reorder within a cell: C before A.
        b.move_item(uid(102), a, Some(0), t(3)).unwrap();
        assert_eq!(titles(&b, a), ["C", "A"]);
        // No index: to the end.
        b.move_item(uid(102), a, None, t(4)).unwrap();
        assert_eq!(titles(&b, a), ["A", "C"]);
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn many_moves_between_two_neighbours_keep_order() {
        // Bisecting the same gap exhausts f64 precision; the cell is renumbered.
        let mut b = board();
        let c = (1, uid(10));
        for n in 0..3 {
            b.add_item(uid(100 + n), c, &format!("k{n}"), t(1)).unwrap();
        }
        for round in 0..200 {
            // Alternately move the first and the last card into position 1.
            let ids = b.cell_ids(c);
            let mover = if round % 2 == 0 { ids[0] } else { ids[2] };
            b.move_item(mover, c, Some(1), t(2)).unwrap();
            let after = b.cell_ids(c);
            assert_eq!(after[1], mover, "round {round}");
        }
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn step_moves_in_all_directions_and_stops_at_edges() {
        let mut b = board();
        b.add_item(uid(100), (1, uid(10)), "A", t(1)).unwrap();
        b.add_item(uid(101), (1, uid(10)), "B", t(1)).unwrap();
        assert_eq!(b.step_item(uid(100), Direction::Left, t(2)), Ok(None));
        assert_eq!(b.step_item(uid(100), Direction::Up, t(2)), Ok(None));
        assert_eq!(b.step_item(uid(100), Direction::Earlier, t(2)), Ok(None));
        assert_eq!(
            b.step_item(uid(100), Direction::Later, t(2)),
            Ok(Some((1, uid(10))))
        );
        assert_eq!(titles(&b, (1, uid(10))), ["B", "A"]);
        b.step_item(uid(100), Direction::Right, t(3)).unwrap();
        b.step_item(uid(100), Direction::Down, t(3)).unwrap();
        assert_eq!(b.item(uid(100)).unwrap().cell(), (2, uid(11)));
        for _ in 0..5 {
            b.step_item(uid(100), Direction::Down, t(4)).unwrap();
            b.step_item(uid(100), Direction::Right, t(4)).unwrap();
        }
        assert_eq!(b.item(uid(100)).unwrap().cell(), (5, uid(13)));
        assert_eq!(b.step_item(uid(100), Direction::Right, t(5)), Ok(None));
        assert_eq!(b.step_item(uid(100), Direction::Down, t(5)), Ok(None));
    }

    #[test]
    fn delete_and_restore_puts_card_back_in_place() {
        let mut b = board();
        let c = (4, uid(11));
        for (n, title) in ["A", "B", "C"].iter().enumerate() {
            b.add_item(uid(100 + n as u128), c, title, t(1)).unwrap();
        }
        let removed = b.delete_item(uid(101), t(2)).unwrap();
        assert_eq!(titles(&b, c), ["A", "C"]);
        assert_eq!(
            b.tombstones,
            [Tombstone {
                id: uid(101),
                deleted: t(2)
            }]
        );
        b.restore_item(removed, t(3)).unwrap();
        assert_eq!(titles(&b, c), ["A", "B", "C"]);
        assert!(b.tombstones.is_empty());
        assert_eq!(b.item(uid(101)).unwrap().updated, t(3));
        assert_eq!(b.delete_item(uid(404), t(4)), Err(OpError::UnknownItem));
    }

    #[test]
    fn restore_into_removed_column_goes_to_first_column() {
        let mut b = board();
        b.add_item(uid(100), (2, uid(12)), "A", t(1)).unwrap();
        let removed = b.delete_item(uid(100), t(2)).unwrap();
        b.remove_column(uid(12), None, t(3)).unwrap();
        b.restore_item(removed.clone(), t(4)).unwrap();
        assert_eq!(b.item(uid(100)).unwrap().cell(), (2, uid(10)));
        assert_eq!(
            b.visible_columns().len(),
            3,
            "the removed column stays removed"
        );
        // A column gone from the data altogether works the same.
        let removed = b.delete_item(uid(100), t(5)).unwrap();
        b.columns.retain(|c| c.id != uid(10));
        b.restore_item(removed, t(6)).unwrap();
        assert_eq!(b.item(uid(100)).unwrap().cell(), (2, uid(11)));
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn tags_are_parsed_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags(" werving, Werving ,, radicalisering,"),
            ["werving", "radicalisering"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}
