//! The content of a team's progress report, per line: what was finished
//! in a period, what runs, what comes next, what is late, and the line's
//! status and knelpunten, and if asked the newest comment on each running
//! activity. The text for email is `exchange::report`. "Today" and the
//! period are arguments.

use super::sort;
use chrono::NaiveDate;
use uuid::Uuid;

use super::calendar::{done_column, due, span, Due};
use super::comments::{live, Comment};
use super::programme::{sort_key, team_name};
use super::{Board, CardField, Item, LineStatus, Timestamp};

/// How far ahead "Komt eraan" looks (days).
pub const NEXT_DAYS: u64 = 30;

/// A card as the report lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: Uuid,
    pub title: String,
    pub trekker: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The name of the card's column.
    pub column: String,
    /// The card's newest comment that is not deleted: only in `running`,
    /// and only when [`ReportOptions::last_comment`] asks for it.
    pub last_comment: Option<Comment>,
}

/// What a report includes beyond its lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// The newest comment per running activity ("Laatste opmerking per
    /// lopende activiteit"): where it stands in the team's own words. Off
    /// by default: comments are working notes, not always meant upward.
    pub last_comment: bool,
}

/// One line of a team's report.
#[derive(Clone, Debug, PartialEq)]
pub struct LineReport {
    pub number: u8,
    pub name: String,
    pub status: Option<LineStatus>,
    pub knelpunten: String,
    /// Done within the period ([`done_on`]), by that date.
    pub done: Vec<Entry>,
    /// Not done, past the first column, started (or without a start), by
    /// start date (undated last).
    pub running: Vec<Entry>,
    /// Not done, first date (start, else end) after today and within
    /// [`NEXT_DAYS`], by that date.
    pub next: Vec<Entry>,
    /// "Te laat" ([`Due::Overdue`]), by end date. A card may also be in
    /// `running`.
    pub late: Vec<Entry>,
}

impl LineReport {
    /// Nothing to report: no cards in any list and no knelpunten.
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
            && self.running.is_empty()
            && self.next.is_empty()
            && self.late.is_empty()
            && self.knelpunten.trim().is_empty()
    }
}

/// A team's report: one [`LineReport`] per line of its board.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamReport {
    pub board: Uuid,
    pub title: String,
    /// The board's team, or its title when no team is set.
    pub team: String,
    pub lines: Vec<LineReport>,
}

/// When the card last moved: its position's stamp, or `updated` for a card
/// without stamps. (A migrated card's fields all carry its old `updated`.)
fn last_moved(item: &Item) -> Timestamp {
    if item.changed.is_empty() {
        item.updated
    } else {
        item.stamp(CardField::Position).at
    }
}

/// The day a done card counts as done: its end date if set, else the day
/// (UTC) it last moved.
pub fn done_on(item: &Item) -> NaiveDate {
    item.end.unwrap_or_else(|| last_moved(item).date_naive())
}

/// `(undated, date, title, id)`: sorts by date (undated last), then title.
type Order = (bool, Option<NaiveDate>, String, Uuid);

fn order(item: &Item, date: Option<NaiveDate>) -> Order {
    (date.is_none(), date, sort_key(&item.title), item.id)
}

/// The found cards as entries, in order; `with_comment`: each with its
/// newest live comment.
fn entries(board: &Board, mut found: Vec<(Order, &Item)>, with_comment: bool) -> Vec<Entry> {
    sort::sort_by(&mut found, |a, b| a.0.cmp(&b.0));
    found
        .into_iter()
        .map(|(_, i)| Entry {
            id: i.id,
            title: i.title.clone(),
            trekker: i.trekker.clone(),
            start: i.start,
            end: i.end,
            column: board
                .column(i.column)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            // The thread is in time order: the last live one is the newest.
            last_comment: if with_comment {
                live(&i.comments).last().cloned()
            } else {
                None
            },
        })
        .collect()
}

/// The report of `board` for the period `from..=to`, as of `today`, with
/// what `options` adds.
///
/// The lists are not capped: the report is the report, and a team with
/// forty running cards should see forty. A reader that must be short can
/// cut them itself.
pub fn team_report(
    board: &Board,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    options: ReportOptions,
) -> TeamReport {
    let done_col = done_column(board);
    let first = board.visible_columns().first().map(|c| c.id);
    let horizon = today + chrono::Days::new(NEXT_DAYS);
    let lines = board
        .lines
        .iter()
        .map(|line| {
            let items: Vec<&Item> = board
                .items
                .iter()
                .filter(|i| i.line == line.number)
                .collect();
            let (mut done, mut running, mut next, mut late) = (vec![], vec![], vec![], vec![]);
            for &i in &items {
                if Some(i.column) == done_col {
                    let on = done_on(i);
                    if from <= on && on <= to {
                        done.push((order(i, Some(on)), i));
                    }
                    continue;
                }
                if Some(i.column) != first && i.start.is_none_or(|s| s <= today) {
                    running.push((order(i, i.start.or(i.end)), i));
                }
                if let Some(first_date) = i.start.or(i.end) {
                    if today < first_date && first_date <= horizon {
                        next.push((order(i, Some(first_date)), i));
                    }
                }
                if due(i, done_col, today) == Some(Due::Overdue) {
                    late.push((order(i, span(i).map(|(_, e)| e)), i));
                }
            }
            LineReport {
                number: line.number,
                name: line.name.clone(),
                status: line.status,
                knelpunten: line.knelpunten.clone(),
                done: entries(board, done, false),
                running: entries(board, running, options.last_comment),
                next: entries(board, next, false),
                late: entries(board, late, false),
            }
        })
        .collect();
    TeamReport {
        board: board.id,
        title: board.title.clone(),
        team: team_name(board),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::programme::tests::{board, card, d};
    use crate::model::testutil::{t, uid};
    use crate::model::{Edit, Stamp};

    fn on(day: &str) -> Stamp {
        Stamp {
            at: d(day).and_hms_opt(12, 0, 0).unwrap().and_utc(),
            by: "Anna".into(),
        }
    }

    fn titles(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.title.as_str()).collect()
    }

    fn column(b: &Board, name: &str) -> Uuid {
        b.columns.iter().find(|c| c.name == name).unwrap().id
    }

    #[test]
    fn done_in_the_period_goes_by_end_date_else_by_the_last_move() {
        let mut b = board(1, "B", "B", None);
        let done = column(&b, "Afgerond");
        for n in 1..=5 {
            card(&mut b, n, 1, "Bezig", None, None);
        }
        // 1: moved to done within the period; later edits do not count.
        b.move_item(uid(1), (1, done), None, on("2017-05-10"))
            .unwrap();
        b.edit_item(uid(1), Edit::Title("Eerst".into()), on("2017-06-20"))
            .unwrap();
        // 2: moved to done before the period.
        b.move_item(uid(2), (1, done), None, on("2017-04-30"))
            .unwrap();
        // 3: an end date in the period, moved to done after it.
        b.edit_item(uid(3), Edit::End(Some(d("2017-05-31"))), t(0))
            .unwrap();
        b.move_item(uid(3), (1, done), None, on("2017-06-15"))
            .unwrap();
        // 4: an end date before the period, moved to done within it.
        b.edit_item(uid(4), Edit::End(Some(d("2017-04-01"))), t(0))
            .unwrap();
        b.move_item(uid(4), (1, done), None, on("2017-05-02"))
            .unwrap();
        // 5: not done.
        // 6: made in the done column, never changed: its `updated`.
        b.add_item(uid(6), (1, done), "Zes", t(0)).unwrap();
        b.item_mut(uid(6)).unwrap().updated = on("2017-05-20").at;
        // 7: a migrated card: every field carries the old `updated`.
        b.add_item(uid(7), (1, done), "Zeven", t(0)).unwrap();
        let i = b.item_mut(uid(7)).unwrap();
        i.changed.others = Some(on("2017-05-01").at.into());

        let r = team_report(
            &b,
            d("2017-05-01"),
            d("2017-05-31"),
            d("2017-06-01"),
            ReportOptions::default(),
        );
        assert_eq!(
            titles(&r.lines[0].done),
            ["Zeven", "Eerst", "Zes", "kaart 3"]
        );
        assert_eq!(r.lines[0].done[0].column, "Afgerond");
        assert_eq!(titles(&r.lines[0].running), ["kaart 5"]);
        assert!(r.lines[1..].iter().all(LineReport::is_empty));
    }

    #[test]
    fn running_next_and_late_as_of_today() {
        let mut b = board(1, "Teamplan Gaasperdam", "Gaasperdam", Some(2017));
        card(&mut b, 1, 2, "Idee", Some("2017-05-01"), None); // first column: not running; late
        card(&mut b, 2, 2, "Gepland", None, None); // running: no start
        card(
            &mut b,
            3,
            2,
            "Bezig",
            Some("2017-05-01"),
            Some("2017-05-31"),
        ); // running, late
        card(
            &mut b,
            4,
            2,
            "Gepland",
            Some("2017-06-02"),
            Some("2017-08-01"),
        ); // next
        card(&mut b, 5, 2, "Idee", None, Some("2017-07-01")); // next (by end), day 30
        card(&mut b, 6, 2, "Gepland", Some("2017-07-02"), None); // day 31: not next
        card(&mut b, 7, 2, "Gepland", Some("2017-06-01"), None); // today: running, not next
        card(&mut b, 8, 2, "Idee", None, Some("2017-05-15")); // late, not running
        card(&mut b, 9, 2, "Afgerond", None, Some("2017-05-15")); // done: not late
        b.lines[1].status = Some(LineStatus::Aandacht);
        b.lines[1].knelpunten = "Sleutelfiguren haken af.".into();
        let r = team_report(
            &b,
            d("2017-05-01"),
            d("2017-05-31"),
            d("2017-06-01"),
            ReportOptions::default(),
        );
        assert_eq!((r.team.as_str(), r.board), ("Gaasperdam", uid(1)));
        let l = &r.lines[1];
        assert_eq!((l.number, l.status), (2, Some(LineStatus::Aandacht)));
        assert_eq!(l.name, "Netwerk en expertise (sleutelpersonen)");
        assert_eq!(titles(&l.running), ["kaart 3", "kaart 7", "kaart 2"]);
        assert_eq!(titles(&l.next), ["kaart 4", "kaart 5"]);
        // A card with one date is late the day after it, like on the board.
        assert_eq!(titles(&l.late), ["kaart 1", "kaart 8", "kaart 3"]);
        assert_eq!(titles(&l.done), ["kaart 9"]);
        let e = &l.running[0];
        assert_eq!(
            (e.start, e.end, e.column.as_str()),
            (Some(d("2017-05-01")), Some(d("2017-05-31")), "Bezig")
        );
        assert!(!l.is_empty());
        assert_eq!(r.lines.len(), 5);
    }

    #[test]
    fn the_last_live_comment_of_running_activities_only_when_asked() {
        let mut b = board(1, "B", "B", None);
        card(
            &mut b,
            1,
            1,
            "Bezig",
            Some("2017-05-01"),
            Some("2017-05-20"),
        ); // running, late
        card(&mut b, 2, 1, "Bezig", None, None); // running, no comments
        card(&mut b, 3, 1, "Gepland", Some("2017-06-10"), None); // next
        card(&mut b, 4, 1, "Afgerond", None, Some("2017-05-15")); // done
        card(&mut b, 5, 1, "Bezig", None, None); // running, only a deleted comment
        let say = |b: &mut Board, card: u128, id: u128, day: &str, text: &str| {
            b.add_comment(uid(card), uid(id), text, on(day)).unwrap();
        };
        say(&mut b, 1, 101, "2017-05-02", "Zaal geregeld");
        say(&mut b, 1, 102, "2017-05-20", "Wacht op sleutelfiguur X");
        say(&mut b, 1, 103, "2017-05-25", "Vergissing");
        b.delete_comment(uid(1), uid(103), on("2017-05-26"))
            .unwrap();
        say(&mut b, 3, 104, "2017-05-03", "Uitnodiging verstuurd");
        say(&mut b, 4, 105, "2017-05-03", "Klaar");
        say(&mut b, 5, 106, "2017-05-03", "Weg");
        b.delete_comment(uid(5), uid(106), on("2017-05-04"))
            .unwrap();
        let (from, to, today) = (d("2017-05-01"), d("2017-05-31"), d("2017-06-01"));

        let off = team_report(&b, from, to, today, ReportOptions::default());
        let l = &off.lines[0];
        assert_eq!(titles(&l.running), ["kaart 1", "kaart 2", "kaart 5"]);
        assert!(l.running.iter().all(|e| e.last_comment.is_none()));

        let on_ = ReportOptions { last_comment: true };
        let r = team_report(&b, from, to, today, on_);
        let l = &r.lines[0];
        let last: Vec<Option<&str>> = l
            .running
            .iter()
            .map(|e| e.last_comment.as_ref().map(|c| c.text.as_str()))
            .collect();
        assert_eq!(last, [Some("Wacht op sleutelfiguur X"), None, None]);
        let c = l.running[0].last_comment.as_ref().unwrap();
        assert_eq!((c.by.as_str(), c.at), ("Anna", on("2017-05-20").at));
        // The other lists list cards, not their threads (card 1 is late too).
        assert_eq!(titles(&l.late), ["kaart 1"]);
        for list in [&l.late, &l.next, &l.done] {
            assert_eq!(list.len(), 1);
            assert!(list[0].last_comment.is_none());
        }
    }

    #[test]
    fn equal_dates_sort_by_title() {
        let mut b = board(1, "B", "B", None);
        for (n, title) in [(1, "beta"), (2, "Alfa"), (3, "Éénmalig"), (4, "delta")] {
            card(&mut b, n, 3, "Bezig", Some("2017-05-01"), None);
            b.edit_item(uid(n), Edit::Title(title.into()), t(1))
                .unwrap();
        }
        let r = team_report(
            &b,
            d("2017-05-01"),
            d("2017-05-31"),
            d("2017-06-01"),
            ReportOptions::default(),
        );
        assert_eq!(
            titles(&r.lines[2].running),
            ["Alfa", "beta", "delta", "Éénmalig"]
        );
    }
}
