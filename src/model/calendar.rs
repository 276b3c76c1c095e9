//! The year calendar ("jaarkalender activiteiten") and the progress
//! overview ("Welke resultaten tot dusver?"), computed from a board.
//! "Today" is always an argument, so overdue logic is testable.

use super::sort;
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
    sort::sort_by_key(&mut dated, |i| (span(i), i.line, i.id));
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
    sort::sort_by(&mut v, |a, b| {
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
    sort::sort(&mut y);
    y.dedup();
    y
}

/// An item's two dates as the card holds them (`Item::start`, `Item::end`):
/// what the timeline's edits return and [`Board::set_dates`] applies.
pub type Dates = (Option<NaiveDate>, Option<NaiveDate>);

/// One dated activity on the year timeline: a bar from its start month to
/// its end month in its line, or a mark for one day.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub id: Uuid,
    pub line: u8,
    /// First and last month of the bar within the year, 0 = January,
    /// inclusive (clipped to 0..=11).
    pub from: u32,
    pub to: u32,
    /// The activity starts before the year (the bar is cut off on the left).
    pub before: bool,
    /// The activity ends after the year (the bar is cut off on the right).
    pub after: bool,
    /// One day (start equal to end, or only one date): a mark, not a bar.
    pub point: bool,
    /// Sub-row within its line, 0-based: bars in one line that share a
    /// month never share a row.
    pub row: u32,
    /// Day-precise position, in months from 1 January (0.0..=12.0): where
    /// the first day begins (0.0 when clipped) and where the last day ends
    /// (12.0 when clipped). A point covers its one day.
    pub from_pos: f32,
    pub to_pos: f32,
}

/// Where `date` begins (`end_of_day` false) or ends, in months from
/// 1 January of its year.
fn month_position(date: NaiveDate, end_of_day: bool) -> f32 {
    let first = NaiveDate::from_ymd_opt(date.year(), date.month(), 1).expect("valid month");
    // December of the last year chrono holds has no next month: 31 days.
    let days = first
        .checked_add_months(Months::new(1))
        .map_or(31, |next| (next - first).num_days()) as f32;
    let day = date.day0() as f32 + if end_of_day { 1.0 } else { 0.0 };
    date.month0() as f32 + day / days
}

/// The timeline of `year`: one [`Bar`] per item that has a date in the
/// year, ordered by line, row and start month. Rows are packed greedily:
/// bars in a line taken by start month (then id), each in the lowest row
/// whose bars all end in an earlier month.
pub fn timeline<'a>(items: impl IntoIterator<Item = &'a Item>, year: i32) -> Vec<Bar> {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Vec::new();
    };
    let mut bars: Vec<Bar> = items
        .into_iter()
        .filter_map(|item| {
            let (start, end) = span(item)?;
            if end < first || start > last {
                return None;
            }
            let before = start < first;
            let after = end > last;
            Some(Bar {
                id: item.id,
                line: item.line,
                from: if before { 0 } else { start.month0() },
                to: if after { 11 } else { end.month0() },
                before,
                after,
                point: start == end,
                row: 0,
                from_pos: if before {
                    0.0
                } else {
                    month_position(start, false)
                },
                to_pos: if after {
                    12.0
                } else {
                    month_position(end, true)
                },
            })
        })
        .collect();
    sort::sort_by_key(&mut bars, |b| (b.line, b.from, b.id));
    // The last month taken in each row of the current line.
    let mut rows: Vec<u32> = Vec::new();
    let mut line = None;
    for bar in &mut bars {
        if line != Some(bar.line) {
            rows.clear();
            line = Some(bar.line);
        }
        // Bars come by start month, so a row's last bar ends latest.
        match rows.iter().position(|taken| *taken < bar.from) {
            Some(row) => {
                rows[row] = bar.to;
                bar.row = row as u32;
            }
            None => {
                bar.row = rows.len() as u32;
                rows.push(bar.to);
            }
        }
    }
    sort::sort_by_key(&mut bars, |b| (b.line, b.row, b.from, b.id));
    bars
}

/// `day` in `month` of `year`, the month's last day where it has fewer;
/// `None` for a month outside 1..=12 or a year chrono cannot hold.
fn day_in_month(day: u32, year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))? - chrono::Days::new(1);
    Some(NaiveDate::from_ymd_opt(year, month, day).unwrap_or(last))
}

/// The item's dates after one end changed: unchanged as the card holds
/// them (one date stays one date), otherwise both set.
fn with_span(item: &Item, start: NaiveDate, end: NaiveDate) -> Dates {
    if span(item) == Some((start, end)) {
        (item.start, item.end)
    } else {
        (Some(start), Some(end))
    }
}

/// `months` months from the month of `date`, as (year, month 1..=12).
fn shifted(date: NaiveDate, months: i32) -> Option<(i32, u32)> {
    let index = date.year() as i64 * 12 + date.month0() as i64 + months as i64;
    Some((
        i32::try_from(index.div_euclid(12)).ok()?,
        index.rem_euclid(12) as u32 + 1,
    ))
}

/// The dates after moving an item's start to `month` (1..=12) of `year`,
/// keeping its day (the month's last day where it has fewer) and its end.
/// One date becomes a range when its start moves earlier.
///
/// The start never passes the end: a month after the end's month is
/// refused (`None`); in the end's own month the start goes no later than
/// the end (then it is a one-day activity on the end date). `None` also
/// for an undated item or a month outside 1..=12. The same dates as
/// before come back unchanged (`Some`), so `None` always means refused.
pub fn start_to_month(item: &Item, year: i32, month: u32) -> Option<Dates> {
    let (start, end) = span(item)?;
    let wanted = day_in_month(start.day(), year, month)?;
    if (year, month) > (end.year(), end.month()) {
        return None;
    }
    Some(with_span(item, wanted.min(end), end))
}

/// The dates after moving an item's end to `month` (1..=12) of `year`,
/// keeping its day (31 January to February: the 28th or 29th) and its
/// start. One date becomes a range when its end moves later.
///
/// The end never passes the start: a month before the start's month is
/// refused (`None`); in the start's own month the end goes no earlier than
/// the start. `None` also for an undated item or a month outside 1..=12.
pub fn end_to_month(item: &Item, year: i32, month: u32) -> Option<Dates> {
    let (start, end) = span(item)?;
    let wanted = day_in_month(end.day(), year, month)?;
    if (year, month) < (start.year(), start.month()) {
        return None;
    }
    Some(with_span(item, start, wanted.max(start)))
}

/// The start `months` months earlier (negative) or later, as
/// [`start_to_month`].
pub fn step_start(item: &Item, months: i32) -> Option<Dates> {
    let (start, _) = span(item)?;
    let (year, month) = shifted(start, months)?;
    start_to_month(item, year, month)
}

/// The end `months` months earlier (negative) or later, as
/// [`end_to_month`].
pub fn step_end(item: &Item, months: i32) -> Option<Dates> {
    let (_, end) = span(item)?;
    let (year, month) = shifted(end, months)?;
    end_to_month(item, year, month)
}

/// The dates after moving an item to start in `month` (1..=12) of `year`,
/// keeping its length (the day of the month kept where the month has it,
/// else its last day) and its shape (one date stays one date). An undated
/// item gets the first of that month. `None` for a month outside 1..=12
/// or dates chrono cannot hold.
pub fn moved_to_month(item: &Item, year: i32, month: u32) -> Option<Dates> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (start, end) = match span(item) {
        Some((s, e)) => {
            let new_start = day_in_month(s.day(), year, month)?;
            (new_start, new_start.checked_add_signed(e - s)?)
        }
        None => {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            (first, first)
        }
    };
    Some(match (item.start, item.end) {
        (None, Some(_)) => (None, Some(end)),
        (Some(_), None) => (Some(start), None),
        _ => (Some(start), Some(end)),
    })
}

/// The month (year, 1..=12) an item starts in after moving it `delta`
/// months (Alt+←/→): from its start month; an undated item lands in
/// January of `year`.
pub fn month_after_step(item: &Item, delta: i32, year: i32) -> Option<(i32, u32)> {
    match span(item) {
        Some((start, _)) => shifted(start, delta),
        None => Some((year, 1)),
    }
}

/// Which end of an activity an edit on the timeline moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

impl Edge {
    /// This end to `month` of `year`: [`start_to_month`] or [`end_to_month`].
    pub fn to_month(self, item: &Item, year: i32, month: u32) -> Option<Dates> {
        match self {
            Edge::Start => start_to_month(item, year, month),
            Edge::End => end_to_month(item, year, month),
        }
    }

    /// This end `months` months earlier or later: [`step_start`] or
    /// [`step_end`].
    pub fn step(self, item: &Item, months: i32) -> Option<Dates> {
        match self {
            Edge::Start => step_start(item, months),
            Edge::End => step_end(item, months),
        }
    }
}

impl Board {
    /// Sets both dates of an item in one change (one stamp): how the
    /// timeline's edits ([`start_to_month`], [`step_end`], ...) are
    /// applied. Returns whether anything changed; an end before the start
    /// is refused.
    pub fn set_dates(
        &mut self,
        id: Uuid,
        (start, end): Dates,
        now: impl Into<crate::model::Stamp>,
    ) -> Result<bool, OpError> {
        let stamp: crate::model::Stamp = now.into();
        let now = stamp.at;
        let (item, columns) = self.item_and_columns(id).ok_or(OpError::UnknownItem)?;
        if matches!((start, end), (Some(s), Some(e)) if e < s) {
            return Err(OpError::EndBeforeStart);
        }
        if item.start == start && item.end == end {
            return Ok(false);
        }
        let before = item.clone();
        item.start = start;
        item.end = end;
        item.log_changes(&before, columns, &stamp);
        item.touch(crate::model::CardField::Dates, &stamp);
        item.updated = now;
        self.updated = now;
        Ok(true)
    }

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
        if !(1..=12).contains(&month) {
            return Err(OpError::BadValue);
        }
        let item = self.item(id).ok_or(OpError::UnknownItem)?;
        let dates = moved_to_month(item, year, month).ok_or(OpError::BadValue)?;
        self.set_dates(id, dates, now).map(|_| ())
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
        let (y, m) = month_after_step(item, delta, year).ok_or(OpError::BadValue)?;
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
    sort::sort_by_key(&mut overdue, |(i, e)| (*e, i.id));
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
    sort::sort_by_key(&mut upcoming, |(i, d)| (*d, i.id));
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
    sort::sort_by(&mut per_trekker, |a, b| {
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

    fn item_with(start: Option<&str>, end: Option<&str>) -> Item {
        let b = board_with(&[(start, end)]);
        b.items[0].clone()
    }

    fn dates(start: &str, end: &str) -> Option<Dates> {
        Some((Some(d(start)), Some(d(end))))
    }

    #[test]
    fn the_timeline_clips_bars_at_the_year_ends() {
        let b = board_with(&[
            (Some("2016-11-15"), Some("2017-02-10")), // from the year before
            (Some("2017-11-15"), Some("2018-02-10")), // into the next year
            (Some("2016-01-01"), Some("2018-12-31")), // across the whole year
            (Some("2016-03-01"), Some("2016-12-31")), // before the year only
            (Some("2017-03-01"), Some("2017-04-30")), // inside
            (None, None),
        ]);
        let bars = timeline(&b.items, 2017);
        let of = |n: u128| bars.iter().find(|b| b.id == uid(n)).unwrap();
        assert_eq!(bars.len(), 4, "{bars:?}");
        assert!(bars.iter().all(|b| b.id != uid(103) && b.id != uid(105)));
        let early = of(100);
        assert_eq!(
            (early.from, early.to, early.before, early.after, early.point),
            (0, 1, true, false, false)
        );
        assert_eq!(early.from_pos, 0.0);
        assert!((early.to_pos - (1.0 + 10.0 / 28.0)).abs() < 1e-5);
        let late = of(101);
        assert_eq!(
            (late.from, late.to, late.before, late.after),
            (10, 11, false, true)
        );
        assert!((late.from_pos - (10.0 + 14.0 / 30.0)).abs() < 1e-5);
        assert_eq!(late.to_pos, 12.0);
        let whole = of(102);
        assert_eq!(
            (whole.from, whole.to, whole.before, whole.after),
            (0, 11, true, true)
        );
        let inside = of(104);
        assert_eq!(
            (inside.from, inside.to, inside.before, inside.after),
            (2, 3, false, false)
        );
        assert_eq!((inside.from_pos, inside.to_pos), (2.0, 4.0));
        // The next year sees the two that reach into it.
        let next: Vec<Uuid> = timeline(&b.items, 2018).iter().map(|b| b.id).collect();
        assert_eq!(next, [uid(101), uid(102)]);
        assert!(timeline(&b.items, 2015).is_empty());
        assert!(timeline(&b.items, i32::MAX).is_empty());
    }

    #[test]
    fn bars_that_share_a_month_get_their_own_row_and_others_reuse_row_0() {
        let mut b = board_with(&[
            (Some("2017-01-10"), Some("2017-03-31")),
            (Some("2017-02-01"), Some("2017-02-02")),
            (Some("2017-03-31"), Some("2017-05-01")), // after the second: row 1
            (Some("2017-04-01"), Some("2017-04-30")), // after the first: row 0
            (Some("2017-06-01"), None),               // after them all: row 0
            (Some("2017-01-01"), Some("2017-12-31")), // line 2: its own row 0
        ]);
        let column = b.items[5].column;
        b.move_item(uid(105), (2, column), None, t(1)).unwrap();
        let bars = timeline(&b.items, 2017);
        let placed: Vec<(Uuid, u8, u32, u32)> =
            bars.iter().map(|b| (b.id, b.line, b.row, b.from)).collect();
        assert_eq!(
            placed,
            [
                (uid(100), 1, 0, 0),
                (uid(103), 1, 0, 3),
                (uid(104), 1, 0, 5),
                (uid(101), 1, 1, 1),
                (uid(102), 1, 1, 2),
                (uid(105), 2, 0, 0),
            ]
        );
        // Three bars over the same months: rows 0, 1, 2, by id.
        let b = board_with(&[
            (Some("2017-05-01"), Some("2017-07-01")),
            (Some("2017-05-20"), Some("2017-05-21")),
            (Some("2017-05-31"), Some("2017-09-30")),
        ]);
        let rows: Vec<(Uuid, u32)> = timeline(&b.items, 2017)
            .iter()
            .map(|b| (b.id, b.row))
            .collect();
        assert_eq!(rows, [(uid(100), 0), (uid(101), 1), (uid(102), 2)]);
    }

    #[test]
    fn a_one_day_activity_is_a_point_on_its_day() {
        let b = board_with(&[
            (Some("2017-03-08"), Some("2017-03-08")),
            (Some("2017-10-14"), None),
            (None, Some("2017-12-31")),
            (Some("2017-05-20"), Some("2017-05-21")),
        ]);
        let bars = timeline(&b.items, 2017);
        let of = |n: u128| bars.iter().find(|b| b.id == uid(n)).unwrap();
        for (n, month) in [(100, 2), (101, 9), (102, 11)] {
            let bar = of(n);
            assert!(bar.point, "{bar:?}");
            assert_eq!((bar.from, bar.to), (month, month));
            assert!(!bar.before && !bar.after);
        }
        assert!((of(100).from_pos - (2.0 + 7.0 / 31.0)).abs() < 1e-5);
        assert!((of(100).to_pos - (2.0 + 8.0 / 31.0)).abs() < 1e-5);
        assert_eq!(of(102).to_pos, 12.0);
        assert!(!of(103).point, "two days are a bar");
    }

    #[test]
    fn moving_one_end_keeps_the_other_and_crosses_year_ends() {
        let i = item_with(Some("2017-03-10"), Some("2017-06-20"));
        assert_eq!(
            start_to_month(&i, 2017, 1),
            dates("2017-01-10", "2017-06-20")
        );
        assert_eq!(end_to_month(&i, 2017, 9), dates("2017-03-10", "2017-09-20"));
        assert_eq!(step_start(&i, -3), dates("2016-12-10", "2017-06-20"));
        assert_eq!(step_end(&i, 7), dates("2017-03-10", "2018-01-20"));
        assert_eq!(step_start(&i, 0), dates("2017-03-10", "2017-06-20"));
        // The day is kept where the month has it, else its last day.
        let i = item_with(Some("2016-12-05"), Some("2017-01-31"));
        assert_eq!(end_to_month(&i, 2017, 2), dates("2016-12-05", "2017-02-28"));
        assert_eq!(step_end(&i, 1), dates("2016-12-05", "2017-02-28"));
        let i = item_with(Some("2015-12-05"), Some("2016-01-31"));
        assert_eq!(step_end(&i, 1), dates("2015-12-05", "2016-02-29"));
        let i = item_with(Some("2017-01-31"), Some("2017-06-30"));
        assert_eq!(step_start(&i, 1), dates("2017-02-28", "2017-06-30"));
    }

    #[test]
    fn an_end_never_passes_the_other_end() {
        let i = item_with(Some("2017-03-25"), Some("2017-06-05"));
        // A month past the other end's month is refused.
        assert_eq!(start_to_month(&i, 2017, 7), None);
        assert_eq!(start_to_month(&i, 2018, 1), None);
        assert_eq!(end_to_month(&i, 2017, 2), None);
        assert_eq!(end_to_month(&i, 2016, 12), None);
        assert_eq!(step_start(&i, 4), None);
        assert_eq!(step_end(&i, -4), None);
        // In the other end's month: no further than the other end.
        assert_eq!(
            start_to_month(&i, 2017, 6),
            dates("2017-06-05", "2017-06-05")
        );
        assert_eq!(end_to_month(&i, 2017, 3), dates("2017-03-25", "2017-03-25"));
        let i = item_with(Some("2017-03-10"), Some("2017-06-20"));
        assert_eq!(
            start_to_month(&i, 2017, 6),
            dates("2017-06-10", "2017-06-20")
        );
        // Undated, or no such month: nothing to move.
        let undated = item_with(None, None);
        assert_eq!(start_to_month(&undated, 2017, 1), None);
        assert_eq!(end_to_month(&undated, 2017, 1), None);
        assert_eq!(step_start(&undated, 1), None);
        assert_eq!(step_end(&undated, -1), None);
        assert_eq!(start_to_month(&i, 2017, 0), None);
        assert_eq!(end_to_month(&i, 2017, 13), None);
        assert_eq!(step_end(&i, i32::MAX), None);
    }

    #[test]
    fn the_timeline_previews_what_the_board_then_does() {
        let i = item_with(Some("2017-01-31"), Some("2017-03-02"));
        assert_eq!(
            moved_to_month(&i, 2017, 2),
            dates("2017-02-28", "2017-03-30")
        );
        assert_eq!(moved_to_month(&i, 2017, 13), None);
        assert_eq!(
            moved_to_month(&item_with(None, Some("2017-03-02")), 2017, 5),
            Some((None, Some(d("2017-05-02"))))
        );
        assert_eq!(
            moved_to_month(&item_with(None, None), 2017, 6),
            dates("2017-06-01", "2017-06-01")
        );
        assert_eq!(month_after_step(&i, -1, 2030), Some((2016, 12)));
        assert_eq!(
            month_after_step(&item_with(None, None), 5, 2030),
            Some((2030, 1))
        );
        assert_eq!(
            Edge::Start.to_month(&i, 2017, 2),
            start_to_month(&i, 2017, 2)
        );
        assert_eq!(Edge::End.to_month(&i, 2017, 5), end_to_month(&i, 2017, 5));
        assert_eq!(Edge::Start.step(&i, -1), step_start(&i, -1));
        assert_eq!(Edge::End.step(&i, 1), step_end(&i, 1));
        // The board applies exactly the previewed dates.
        let mut b = board_with(&[(Some("2017-01-31"), Some("2017-03-02"))]);
        let id = uid(100);
        let (y, m) = month_after_step(b.item(id).unwrap(), 1, 2017).unwrap();
        let preview = moved_to_month(b.item(id).unwrap(), y, m).unwrap();
        b.step_month(id, 1, 2017, t(1)).unwrap();
        let item = b.item(id).unwrap();
        assert_eq!((item.start, item.end), preview);
    }

    #[test]
    fn a_one_day_activity_stretches_into_a_range() {
        let i = item_with(Some("2017-05-08"), None);
        assert_eq!(end_to_month(&i, 2017, 7), dates("2017-05-08", "2017-07-08"));
        assert_eq!(step_start(&i, -2), dates("2017-03-08", "2017-05-08"));
        assert_eq!(step_start(&i, 1), None, "its start cannot pass its end");
        assert_eq!(step_end(&i, -1), None, "its end cannot pass its start");
        // Unchanged: it keeps its one date.
        assert_eq!(step_end(&i, 0), Some((Some(d("2017-05-08")), None)));
        assert_eq!(
            start_to_month(&i, 2017, 5),
            Some((Some(d("2017-05-08")), None))
        );
        let i = item_with(None, Some("2017-05-08"));
        assert_eq!(
            start_to_month(&i, 2017, 3),
            dates("2017-03-08", "2017-05-08")
        );
        assert_eq!(step_end(&i, 1), dates("2017-05-08", "2017-06-08"));
        assert_eq!(step_end(&i, 0), Some((None, Some(d("2017-05-08")))));
    }

    #[test]
    fn set_dates_applies_an_end_move_as_one_stamped_change() {
        let mut b = board_with(&[(Some("2017-05-08"), None)]);
        let id = uid(100);
        let moved = end_to_month(b.item(id).unwrap(), 2017, 7).unwrap();
        assert_eq!(b.set_dates(id, moved, t(5)), Ok(true));
        let i = b.item(id).unwrap();
        assert_eq!((i.start, i.end), moved);
        assert_eq!(i.updated, t(5));
        assert_eq!(b.updated, t(5));
        assert_eq!(
            i.stamps().fields[crate::model::CardField::Dates as usize].at,
            t(5)
        );
        assert_eq!(b.set_dates(id, moved, t(6)), Ok(false), "nothing changes");
        assert_eq!(b.item(id).unwrap().updated, t(5));
        let before = b.clone();
        assert_eq!(
            b.set_dates(id, dates("2017-07-09", "2017-07-08").unwrap(), t(7)),
            Err(OpError::EndBeforeStart)
        );
        assert_eq!(
            b.set_dates(uid(999), (None, None), t(7)),
            Err(OpError::UnknownItem)
        );
        assert_eq!(b, before);
        assert_eq!(b.set_dates(id, (None, None), t(8)), Ok(true));
        assert_eq!(b.validate(), Ok(()));
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
