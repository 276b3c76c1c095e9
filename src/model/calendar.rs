//! The year calendar ("jaarkalender activiteiten") and the progress
//! overview ("Welke resultaten tot dusver?"), computed from a board.
//! "Today" is always an argument, so overdue logic is testable.

use chrono::{Datelike, Months, NaiveDate};
use uuid::Uuid;

use super::{Board, Item, OpError};

/// The dates an item covers: start to end, or its one date.
pub fn span(item: &Item) -> Option<(NaiveDate, NaiveDate)> {
    match (item.start, item.end) {
        (Some(s), Some(e)) => Some((s, e)),
        (Some(d), None) | (None, Some(d)) => Some((d, d)),
        (None, None) => None,
    }
}

/// The months (1..=12) of `year` an item falls in.
pub fn months_in_year(item: &Item, year: i32) -> Vec<u32> {
    let Some((start, end)) = span(item) else {
        return Vec::new();
    };
    (1..=12)
        .filter(|m| {
            let first = NaiveDate::from_ymd_opt(year, *m, 1).expect("valid month");
            let last = first + Months::new(1) - chrono::Days::new(1);
            start <= last && end >= first
        })
        .collect()
}

/// Items per month of `year` (index 0 = January), in date order.
pub fn year_calendar(board: &Board, year: i32) -> [Vec<Uuid>; 12] {
    let mut dated: Vec<&Item> = board.items.iter().filter(|i| span(i).is_some()).collect();
    dated.sort_by_key(|i| (span(i), i.line, i.id));
    let mut months: [Vec<Uuid>; 12] = Default::default();
    for item in dated {
        for m in months_in_year(item, year) {
            months[m as usize - 1].push(item.id);
        }
    }
    months
}

/// Items without any date ("Nog niet gepland"), by line and order.
pub fn undated(board: &Board) -> Vec<Uuid> {
    let mut v: Vec<&Item> = board.items.iter().filter(|i| span(i).is_none()).collect();
    v.sort_by(|a, b| {
        (a.line, a.rank)
            .partial_cmp(&(b.line, b.rank))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    v.into_iter().map(|i| i.id).collect()
}

/// Years with dated items, for the year picker's default.
pub fn years(board: &Board) -> Vec<i32> {
    let mut y: Vec<i32> = board
        .items
        .iter()
        .filter_map(span)
        .flat_map(|(s, e)| s.year()..=e.year())
        .collect();
    y.sort();
    y.dedup();
    y
}

fn in_month(date: NaiveDate, year: i32, month: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
    let last = first + Months::new(1) - chrono::Days::new(1);
    NaiveDate::from_ymd_opt(year, month, date.day()).unwrap_or(last)
}

impl Board {
    /// Moves an item's dates so that it starts in `month` of `year`, keeping
    /// its length (the day of the month kept where it exists). An undated
    /// item gets the first of that month.
    pub fn move_to_month(
        &mut self,
        id: Uuid,
        year: i32,
        month: u32,
        now: impl Into<crate::model::Stamp>,
    ) -> Result<(), OpError> {
        let stamp: crate::model::Stamp = now.into();
        let now = stamp.at;
        if !(1..=12).contains(&month) {
            return Err(OpError::BadValue);
        }
        let item = self.item_mut(id).ok_or(OpError::UnknownItem)?;
        let (start, end) = match span(item) {
            Some((s, e)) => {
                let new_start = in_month(s, year, month);
                (new_start, new_start + (e - s))
            }
            None => {
                let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
                (first, first)
            }
        };
        let (start, end) = match (item.start, item.end) {
            (None, Some(_)) => (None, Some(end)),
            (Some(_), None) => (Some(start), None),
            _ => (Some(start), Some(end)),
        };
        if item.start == start && item.end == end {
            return Ok(());
        }
        item.start = start;
        item.end = end;
        item.touch(crate::model::CardField::Dates, &stamp);
        item.updated = now;
        self.updated = now;
        Ok(())
    }
}

impl Board {
    /// Moves an item `delta` months (Alt+←/→ in the calendar), from its
    /// start month; an undated item lands in January of `year`. Returns
    /// the month it now starts in.
    pub fn step_month(
        &mut self,
        id: Uuid,
        delta: i32,
        year: i32,
        now: impl Into<crate::model::Stamp>,
    ) -> Result<(i32, u32), OpError> {
        let item = self.item(id).ok_or(OpError::UnknownItem)?;
        let (y, m) = match span(item) {
            Some((start, _)) => {
                let months = start.year() * 12 + start.month0() as i32 + delta;
                (months.div_euclid(12), months.rem_euclid(12) as u32 + 1)
            }
            None => (year, 1),
        };
        self.move_to_month(id, y, m, now)?;
        Ok((y, m))
    }
}

/// Progress of one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineProgress {
    pub line: u8,
    pub name: String,
    /// Cards per visible column, in column order.
    pub per_column: Vec<(String, usize)>,
    pub total: usize,
    pub done: usize,
}

impl LineProgress {
    /// Share done, 0..=100 (0 for an empty line).
    pub fn percent_done(&self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}

/// The overview the kerngroep reports upward.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub lines: Vec<LineProgress>,
    /// Not done and past their end date (or their one date), oldest first.
    pub overdue: Vec<Uuid>,
    /// Starting or ending within the next 30 days, soonest first.
    pub upcoming: Vec<Uuid>,
    /// Cards per trekker (empty trekker: ""), most first.
    pub per_trekker: Vec<(String, usize)>,
}

/// The done column is the last visible one (Afgerond).
pub fn done_column(board: &Board) -> Option<Uuid> {
    board.visible_columns().last().map(|c| c.id)
}

/// How many days ahead an end date makes a card "Binnenkort".
pub const SOON_DAYS: u64 = 7;

/// Where an open card stands against its end date (or its one date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// The end date has passed ("Te laat").
    Overdue,
    /// It ends today or within [`SOON_DAYS`] days ("Binnenkort").
    Soon,
}

/// The one rule for "Te laat" and "Binnenkort", for the cards and the
/// overview alike: a card in the done column (`done`) is neither; an
/// undated card is neither; otherwise its end date (its one date) decides.
pub fn due(item: &Item, done: Option<Uuid>, today: NaiveDate) -> Option<Due> {
    if Some(item.column) == done {
        return None;
    }
    let (_, end) = span(item)?;
    if end < today {
        Some(Due::Overdue)
    } else if end <= today + chrono::Days::new(SOON_DAYS) {
        Some(Due::Soon)
    } else {
        None
    }
}

pub fn overview(board: &Board, today: NaiveDate) -> Overview {
    let columns = board.visible_columns();
    let done = done_column(board);
    let lines = board
        .lines
        .iter()
        .map(|l| {
            let per_column: Vec<(String, usize)> = columns
                .iter()
                .map(|c| {
                    let n = board
                        .items
                        .iter()
                        .filter(|i| i.line == l.number && i.column == c.id)
                        .count();
                    (c.name.clone(), n)
                })
                .collect();
            let total = per_column.iter().map(|(_, n)| n).sum();
            let done = board
                .items
                .iter()
                .filter(|i| i.line == l.number && Some(i.column) == done)
                .count();
            LineProgress {
                line: l.number,
                name: l.name.clone(),
                per_column,
                total,
                done,
            }
        })
        .collect();
    let open: Vec<&Item> = board
        .items
        .iter()
        .filter(|i| Some(i.column) != done)
        .collect();
    let mut overdue: Vec<(&Item, NaiveDate)> = open
        .iter()
        .filter(|i| due(i, done, today) == Some(Due::Overdue))
        .filter_map(|i| span(i).map(|(_, e)| (*i, e)))
        .collect();
    overdue.sort_by_key(|(i, e)| (*e, i.id));
    let horizon = today + chrono::Days::new(30);
    let mut upcoming: Vec<(&Item, NaiveDate)> = open
        .iter()
        .filter_map(|i| {
            let (s, e) = span(i)?;
            [s, e]
                .into_iter()
                .filter(|d| *d >= today && *d <= horizon)
                .min()
                .map(|d| (*i, d))
        })
        .collect();
    upcoming.sort_by_key(|(i, d)| (*d, i.id));
    let mut per_trekker: Vec<(String, usize)> = Vec::new();
    for i in &board.items {
        let name = i.trekker.trim().to_string();
        match per_trekker
            .iter_mut()
            .find(|(t, _)| t.to_lowercase() == name.to_lowercase())
        {
            Some((_, n)) => *n += 1,
            None => per_trekker.push((name, 1)),
        }
    }
    per_trekker.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    Overview {
        lines,
        overdue: overdue.into_iter().map(|(i, _)| i.id).collect(),
        upcoming: upcoming.into_iter().map(|(i, _)| i.id).collect(),
        per_trekker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t, uid};
    use crate::model::Edit;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn board_with(dates: &[(Option<&str>, Option<&str>)]) -> Board {
        let mut b = Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "K", t(0));
        for (n, (s, e)) in dates.iter().enumerate() {
            let id = uid(100 + n as u128);
            b.add_item(id, (1, uid(10)), &format!("k{n}"), t(0))
                .unwrap();
            b.edit_item(id, Edit::Start(s.map(d)), t(0)).unwrap();
            b.edit_item(id, Edit::End(e.map(d)), t(0)).unwrap();
        }
        b
    }

    #[test]
    fn items_sit_in_every_month_they_span_across_year_ends() {
        let b = board_with(&[
            (Some("2017-05-20"), Some("2017-05-21")),
            (Some("2017-11-15"), Some("2018-02-10")),
            (Some("2017-10-14"), None),
            (None, None),
        ]);
        let y17 = year_calendar(&b, 2017);
        assert_eq!(y17[4], [uid(100)]);
        assert_eq!(y17[9], [uid(102)]);
        assert_eq!(y17[10], [uid(101)]);
        assert_eq!(y17[11], [uid(101)]);
        let y18 = year_calendar(&b, 2018);
        assert_eq!(y18[0], [uid(101)]);
        assert_eq!(y18[1], [uid(101)]);
        assert!(y18[2].is_empty());
        assert_eq!(undated(&b), [uid(103)]);
        assert_eq!(years(&b), [2017, 2018]);
    }

    #[test]
    fn moving_to_another_month_keeps_the_length_and_clamps_the_day() {
        let mut b = board_with(&[
            (Some("2017-01-31"), Some("2017-02-02")),
            (None, None),
            (None, Some("2017-03-10")),
        ]);
        b.move_to_month(uid(100), 2017, 2, t(1)).unwrap();
        let i = b.item(uid(100)).unwrap();
        assert_eq!(
            (i.start, i.end),
            (Some(d("2017-02-28")), Some(d("2017-03-02")))
        );
        assert_eq!(i.updated, t(1));
        b.move_to_month(uid(101), 2018, 6, t(2)).unwrap();
        let i = b.item(uid(101)).unwrap();
        assert_eq!(
            (i.start, i.end),
            (Some(d("2018-06-01")), Some(d("2018-06-01")))
        );
        b.move_to_month(uid(102), 2017, 12, t(3)).unwrap();
        let i = b.item(uid(102)).unwrap();
        assert_eq!((i.start, i.end), (None, Some(d("2017-12-10"))));
        assert_eq!(b.validate(), Ok(()));
    }

    #[test]
    fn stepping_months_crosses_year_ends() {
        let mut b = board_with(&[(Some("2017-12-14"), None), (None, None)]);
        assert_eq!(b.step_month(uid(100), 1, 2017, t(1)), Ok((2018, 1)));
        assert_eq!(b.item(uid(100)).unwrap().start, Some(d("2018-01-14")));
        assert_eq!(b.step_month(uid(100), -1, 2017, t(2)), Ok((2017, 12)));
        assert_eq!(b.step_month(uid(101), -1, 2019, t(3)), Ok((2019, 1)));
        assert_eq!(b.item(uid(101)).unwrap().start, Some(d("2019-01-01")));
    }

    #[test]
    fn late_and_soon_go_by_the_end_date_and_never_in_the_done_column() {
        let mut b = board_with(&[
            (Some("2017-05-01"), Some("2017-05-31")), // ends yesterday
            (Some("2017-05-01"), Some("2017-06-01")), // ends today
            (None, Some("2017-06-08")),               // ends in 7 days
            (None, Some("2017-06-09")),               // ends in 8 days
            (Some("2017-05-20"), None),               // one date, past
            (None, None),                             // undated
        ]);
        let today = d("2017-06-01");
        let done = done_column(&b);
        let states: Vec<_> = (0..6)
            .map(|n| due(b.item(uid(100 + n)).unwrap(), done, today))
            .collect();
        assert_eq!(
            states,
            [
                Some(Due::Overdue),
                Some(Due::Soon),
                Some(Due::Soon),
                None,
                Some(Due::Overdue),
                None
            ]
        );
        // Done: neither late nor soon.
        let last = done.unwrap();
        b.move_item(uid(100), (1, last), None, t(1)).unwrap();
        b.move_item(uid(101), (1, last), None, t(1)).unwrap();
        assert_eq!(due(b.item(uid(100)).unwrap(), done, today), None);
        assert_eq!(due(b.item(uid(101)).unwrap(), done, today), None);
        // The overview's "Te laat" is the same rule.
        let mut late: Vec<Uuid> = b
            .items
            .iter()
            .filter(|i| due(i, done, today) == Some(Due::Overdue))
            .map(|i| i.id)
            .collect();
        late.sort();
        let mut listed = overview(&b, today).overdue;
        listed.sort();
        assert_eq!(listed, late);
    }

    #[test]
    fn overview_counts_lines_overdue_upcoming_and_trekkers() {
        let b = nieuw_west_zuid();
        let o = overview(&b, d("2023-06-01"));
        let l1 = &o.lines[0];
        assert_eq!(l1.total, 5);
        assert_eq!(l1.done, 2);
        assert_eq!(l1.percent_done(), 40);
        assert_eq!(
            l1.per_column,
            [
                ("Idee".into(), 1),
                ("Gepland".into(), 1),
                ("Bezig".into(), 1),
                ("Afgerond".into(), 2)
            ]
        );
        let title = |id: &Uuid| b.item(*id).unwrap().title.clone();
        // The race (20–21 May) is past and not done; the calendar (8 March) is done.
        assert_eq!(
            o.overdue.iter().map(title).collect::<Vec<_>>(),
            ["Hardloopwedstrijd in PvI-shirts"]
        );
        assert!(o.upcoming.is_empty());
        let o = overview(&b, d("2023-08-15"));
        assert_eq!(
            o.upcoming.iter().map(title).collect::<Vec<_>>(),
            ["Training voor OPCO's (pilot Amsterdam)"]
        );
        assert_eq!(o.per_trekker[0], ("Kerngroep".into(), 4));
    }
}
