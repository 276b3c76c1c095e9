//! Board settings: title, team and year; columns (add, rename, reorder,
//! WIP limit, remove); a line's description, status and knelpunten. The
//! five lines themselves are fixed in number and order.

use super::sort;
use uuid::Uuid;

use super::limits::{self, bounded, Field};
use super::{Board, Column, Extra, Line, LineField, LineStatus, OpError, Stamp, Timestamp};

impl Board {
    /// Columns shown on the board, in order: those not removed, plus any
    /// removed column that still holds a card (so no card is ever hidden).
    pub fn visible_columns(&self) -> Vec<&Column> {
        let mut cols: Vec<&Column> = self
            .columns
            .iter()
            .filter(|c| c.removed.is_none() || self.items.iter().any(|i| i.column == c.id))
            .collect();
        sort::sort_by(&mut cols, |x, y| {
            x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id))
        });
        cols
    }

    fn column_mut(&mut self, id: Uuid) -> Result<&mut Column, OpError> {
        self.columns
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(OpError::UnknownColumn)
    }

    fn sort_columns(&mut self) {
        sort::sort_by(&mut self.columns, |x, y| {
            x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id))
        });
    }

    pub fn set_settings(&mut self, title: &str, team: &str, year: Option<i32>, now: Timestamp) {
        if self.title == title && self.team == team && self.year == year {
            return;
        }
        self.title = bounded(Field::BoardTitle, title);
        self.team = bounded(Field::Team, team);
        self.year = year;
        self.settings_updated = now;
        self.updated = now;
    }

    fn line_mut(&mut self, number: u8) -> Result<&mut Line, OpError> {
        self.lines
            .iter_mut()
            .find(|l| l.number == number)
            .ok_or(OpError::UnknownLine)
    }

    pub fn set_line_description(
        &mut self,
        number: u8,
        description: &str,
        stamp: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp = stamp.into();
        let description = bounded(Field::LineDescription, description);
        let line = self.line_mut(number)?;
        if line.description != description {
            line.description = description;
            line.touch(LineField::Description, &stamp);
            self.updated = stamp.at;
        }
        Ok(())
    }

    /// Sets how a line stands (`None`: not said).
    pub fn set_line_status(
        &mut self,
        number: u8,
        status: Option<LineStatus>,
        stamp: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp = stamp.into();
        let line = self.line_mut(number)?;
        if line.status != status {
            line.status = status;
            line.touch(LineField::Status, &stamp);
            self.updated = stamp.at;
        }
        Ok(())
    }

    /// Sets a line's "Knelpunten en wat er nodig is" (cut to its bound).
    pub fn set_line_knelpunten(
        &mut self,
        number: u8,
        text: &str,
        stamp: impl Into<Stamp>,
    ) -> Result<(), OpError> {
        let stamp = stamp.into();
        let text = bounded(Field::Knelpunten, text);
        let line = self.line_mut(number)?;
        if line.knelpunten != text {
            line.knelpunten = text;
            line.touch(LineField::Knelpunten, &stamp);
            self.updated = stamp.at;
        }
        Ok(())
    }

    /// Adds a column after the last one.
    pub fn add_column(&mut self, id: Uuid, name: &str, now: Timestamp) -> Result<(), OpError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(OpError::EmptyTitle);
        }
        if self.columns.iter().any(|c| c.id == id) {
            return Err(OpError::DuplicateId);
        }
        let shown = self.columns.iter().filter(|c| c.removed.is_none()).count();
        if shown >= limits::MAX_COLUMNS {
            return Err(OpError::TooManyColumns);
        }
        if self.columns.len() >= limits::MAX_COLUMNS_KEPT {
            // Make room: forget the column removed longest ago that holds
            // no card (its removal has long travelled to the other copies).
            let oldest = self
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.removed.is_some() && self.column_count(c.id) == 0)
                .min_by_key(|(_, c)| c.removed)
                .map(|(i, _)| i)
                .ok_or(OpError::TooManyColumns)?;
            self.columns.remove(oldest);
        }
        let name = bounded(Field::ColumnName, name);
        let name = name.as_str();
        let rank = self.columns.iter().map(|c| c.rank).fold(-1.0, f64::max) + 1.0;
        self.columns.push(Column {
            id,
            name: name.to_string(),
            rank,
            wip_limit: None,
            removed: None,
            updated: now,
            extra: Extra::new(),
        });
        self.updated = now;
        Ok(())
    }

    pub fn rename_column(&mut self, id: Uuid, name: &str, now: Timestamp) -> Result<(), OpError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(OpError::EmptyTitle);
        }
        let name = bounded(Field::ColumnName, name);
        let column = self.column_mut(id)?;
        if column.name != name {
            column.name = name;
            column.updated = now;
            self.updated = now;
        }
        Ok(())
    }

    pub fn set_wip_limit(
        &mut self,
        id: Uuid,
        limit: Option<u32>,
        now: Timestamp,
    ) -> Result<(), OpError> {
        let limit = limit.filter(|l| *l > 0);
        let column = self.column_mut(id)?;
        if column.wip_limit != limit {
            column.wip_limit = limit;
            column.updated = now;
            self.updated = now;
        }
        Ok(())
    }

    /// Moves a column one place left (`-1`) or right (`+1`) among the
    /// visible columns. Returns false at the edge.
    pub fn shift_column(&mut self, id: Uuid, delta: i8, now: Timestamp) -> Result<bool, OpError> {
        let order: Vec<Uuid> = self.visible_columns().iter().map(|c| c.id).collect();
        let pos = order
            .iter()
            .position(|c| *c == id)
            .ok_or(OpError::UnknownColumn)?;
        let Some(target) = pos
            .checked_add_signed(delta as isize)
            .filter(|p| *p < order.len())
        else {
            return Ok(false);
        };
        // Renumber the visible columns in their new order.
        let mut order = order;
        order.swap(pos, target);
        for (n, cid) in order.iter().enumerate() {
            let column = self.column_mut(*cid)?;
            if column.rank != n as f64 {
                column.rank = n as f64;
                column.updated = now;
            }
        }
        self.sort_columns();
        self.updated = now;
        Ok(true)
    }

    /// Removes a column. Its cards first go to `move_cards_to` (same line,
    /// at the end); without a target a column with cards is refused. The
    /// last visible column cannot be removed, nor the last one not removed.
    pub fn remove_column(
        &mut self,
        id: Uuid,
        move_cards_to: Option<Uuid>,
        now: impl Into<crate::model::Stamp>,
    ) -> Result<usize, OpError> {
        // The cards moved out are moved by whoever removes the column.
        let stamp: crate::model::Stamp = now.into();
        let now = stamp.at;
        let visible = self.visible_columns().len();
        if self.column(id).is_none() {
            return Err(OpError::UnknownColumn);
        }
        // A removed column showing a card does not count: once the card
        // goes, it hides.
        let others = self
            .columns
            .iter()
            .any(|c| c.id != id && c.removed.is_none());
        if visible <= 1 || !others {
            return Err(OpError::LastColumn);
        }
        let cards: Vec<(Uuid, u8)> = self
            .items
            .iter()
            .filter(|i| i.column == id)
            .map(|i| (i.id, i.line))
            .collect();
        if !cards.is_empty() {
            let target = move_cards_to.ok_or(OpError::ColumnNotEmpty(cards.len()))?;
            if target == id || self.column(target).is_none_or(|c| c.removed.is_some()) {
                return Err(OpError::UnknownColumn);
            }
            for (card, line) in &cards {
                self.move_item(*card, (*line, target), None, &stamp)?;
            }
        }
        let column = self.column_mut(id)?;
        column.removed = Some(now);
        column.updated = now;
        self.updated = now;
        Ok(cards.len())
    }

    /// Number of cards in a column, over all lines.
    pub fn column_count(&self, id: Uuid) -> usize {
        self.items.iter().filter(|i| i.column == id).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{t, uid};

    fn board() -> Board {
        Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "B", t(0))
    }

    fn names(b: &Board) -> Vec<String> {
        b.visible_columns().iter().map(|c| c.name.clone()).collect()
    }

    #[test]
    fn add_rename_and_reorder_columns() {
        let mut b = board();
        b.add_column(uid(14), " Geëvalueerd ", t(1)).unwrap();
        assert_eq!(
            names(&b),
            ["Idee", "Gepland", "Bezig", "Afgerond", "Geëvalueerd"]
        );
        assert_eq!(b.add_column(uid(15), "  ", t(1)), Err(OpError::EmptyTitle));
        b.rename_column(uid(11), "Ingepland", t(2)).unwrap();
        assert!(b.shift_column(uid(14), -1, t(3)).unwrap());
        assert_eq!(
            names(&b),
            ["Idee", "Ingepland", "Bezig", "Geëvalueerd", "Afgerond"]
        );
        assert!(b.shift_column(uid(10), 1, t(4)).unwrap());
        assert_eq!(
            names(&b),
            ["Ingepland", "Idee", "Bezig", "Geëvalueerd", "Afgerond"]
        );
        assert!(!b.shift_column(uid(11), -1, t(5)).unwrap());
        assert!(!b.shift_column(uid(13), 1, t(5)).unwrap());
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn a_column_with_cards_is_only_removed_after_moving_them() {
        let mut b = board();
        b.add_item(uid(100), (2, uid(12)), "Kaart", t(1)).unwrap();
        assert_eq!(
            b.remove_column(uid(12), None, t(2)),
            Err(OpError::ColumnNotEmpty(1))
        );
        assert_eq!(b.remove_column(uid(12), Some(uid(13)), t(3)), Ok(1));
        assert_eq!(b.item(uid(100)).unwrap().cell(), (2, uid(13)));
        assert_eq!(names(&b), ["Idee", "Gepland", "Afgerond"]);
        assert!(b.column(uid(12)).unwrap().removed.is_some());
        assert_eq!(b.remove_column(uid(10), None, t(4)), Ok(0));
        assert_eq!(b.remove_column(uid(11), None, t(4)), Ok(0));
        assert_eq!(
            b.remove_column(uid(13), Some(uid(10)), t(5)),
            Err(OpError::LastColumn)
        );
    }

    #[test]
    fn a_removed_column_still_showing_a_card_does_not_count_as_the_last_column() {
        let mut b = board();
        for c in [10, 11, 12] {
            b.remove_column(uid(c), None, t(1)).unwrap();
        }
        // A card lands in a removed column (by a merge, or added there
        // while it showed): it shows again, but is still removed.
        b.add_item(uid(100), (1, uid(10)), "Kaart", t(2)).unwrap();
        assert_eq!(names(&b), ["Idee", "Afgerond"]);
        assert_eq!(
            b.remove_column(uid(13), None, t(3)),
            Err(OpError::LastColumn)
        );
        // Otherwise deleting that card would leave no column at all.
        b.delete_item(uid(100), t(4)).unwrap();
        assert_eq!(names(&b), ["Afgerond"]);
    }

    #[test]
    fn a_removed_column_that_gets_a_card_by_merge_shows_again() {
        let mut b = board();
        b.remove_column(uid(12), None, t(2)).unwrap();
        assert_eq!(names(&b).len(), 3);
        // A card arrives in it (e.g. from another copy).
        let mut other = board();
        other
            .add_item(uid(100), (1, uid(12)), "Kaart", t(3))
            .unwrap();
        let m = crate::model::merge(&b, &other);
        assert_eq!(names(&m), ["Idee", "Gepland", "Bezig", "Afgerond"]);
    }

    #[test]
    fn wip_limits_settings_and_line_descriptions() {
        let mut b = board();
        b.set_wip_limit(uid(12), Some(3), t(1)).unwrap();
        assert_eq!(b.column(uid(12)).unwrap().wip_limit, Some(3));
        b.set_wip_limit(uid(12), Some(0), t(2)).unwrap();
        assert_eq!(b.column(uid(12)).unwrap().wip_limit, None);
        b.set_settings("Teamplan Boven-IJ", "Boven-IJ", Some(2017), t(3));
        assert_eq!(
            (b.team.as_str(), b.year, b.settings_updated),
            ("Boven-IJ", Some(2017), t(3))
        );
        b.set_line_description(3, "Drie dialoogsessies", t(4))
            .unwrap();
        assert_eq!(b.lines[2].description, "Drie dialoogsessies");
        assert_eq!(b.lines[2].updated, t(4));
        assert_eq!(
            b.set_line_description(6, "x", t(5)),
            Err(OpError::UnknownLine)
        );
    }

    #[test]
    fn line_status_and_knelpunten_are_stamped_with_who_and_when() {
        use crate::model::{LineField, LineStatus};
        let anna = Stamp {
            at: t(5),
            by: "Anna".into(),
        };
        let mut b = board();
        b.set_line_status(4, Some(LineStatus::Vertraagd), anna.clone())
            .unwrap();
        let l = b.line(4).unwrap();
        assert_eq!(l.status, Some(LineStatus::Vertraagd));
        assert_eq!(l.stamp(LineField::Status), Some(anna.clone()));
        assert_eq!((l.updated, b.updated), (t(5), t(5)));
        // The description keeps its own stamp.
        assert_eq!(l.stamp(LineField::Description), Some(t(0).into()));
        // Unchanged: no stamp.
        b.set_line_status(4, Some(LineStatus::Vertraagd), t(6))
            .unwrap();
        assert_eq!(b.line(4).unwrap().updated, t(5));
        b.set_line_knelpunten(4, &"x".repeat(1_500), t(7)).unwrap();
        let l = b.line(4).unwrap();
        assert_eq!(l.knelpunten.chars().count(), 1_000);
        assert_eq!(l.stamp(LineField::Knelpunten), Some(t(7).into()));
        assert_eq!(l.stamp(LineField::Status), Some(anna));
        b.set_line_status(4, None, t(8)).unwrap();
        assert_eq!(b.line(4).unwrap().status, None);
        assert_eq!(b.set_line_status(0, None, t(9)), Err(OpError::UnknownLine));
        assert_eq!(
            b.set_line_knelpunten(6, "x", t(9)),
            Err(OpError::UnknownLine)
        );
        assert_eq!(b.validate(), Ok(()));
    }
}
