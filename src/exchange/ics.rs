//! iCalendar (RFC 5545) export of the dated items, for Outlook: all-day
//! events, CRLF line endings, lines folded at 75 octets, text escaped,
//! stable UIDs from board and item ids. Which cards go in and how a long
//! activity shows are [`IcsOptions`]; one board or the whole programme.

use crate::model::sort;
use chrono::{Days, NaiveDate};

use crate::model::calendar::span;
use crate::model::dates;
use crate::model::{Board, Item, Timestamp};
use crate::strings as s;

/// Which cards go into the calendar, and how a long activity shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsOptions {
    /// Names of the columns whose dated cards are included, matched
    /// without regard to case or surrounding spaces. Empty: none.
    pub columns: Vec<String>,
    pub long: Long,
}

/// How an activity longer than [`LONG_DAYS`] days shows in the calendar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Long {
    /// Two one-day events, "Start: title" on its first day and "Einde:
    /// title" on its last: no month-long banner across the agenda.
    #[default]
    Split,
    /// One all-day event over its whole period.
    Whole,
}

/// An activity longer than this many days (first and last day counted)
/// is long.
pub const LONG_DAYS: i64 = 31;

impl IcsOptions {
    /// What a team puts in its agenda: the columns "Gepland" and "Bezig"
    /// when the board has both (in any case), otherwise every column but
    /// the first (ideas) and the done column (the last); long activities
    /// split.
    pub fn standard(board: &Board) -> IcsOptions {
        let columns = board.visible_columns();
        let named: Vec<String> = columns
            .iter()
            .filter(|c| ["gepland", "bezig"].contains(&key(&c.name).as_str()))
            .map(|c| c.name.clone())
            .collect();
        let has_both = ["gepland", "bezig"]
            .iter()
            .all(|want| named.iter().any(|n| key(n) == *want));
        let columns = if has_both {
            named
        } else {
            let last = columns.len().saturating_sub(1);
            columns
                .iter()
                .enumerate()
                .filter(|(n, _)| *n != 0 && *n != last)
                .map(|(_, c)| c.name.clone())
                .collect()
        };
        IcsOptions {
            columns,
            long: Long::Split,
        }
    }

    /// [`IcsOptions::standard`] for several boards at once: the columns
    /// any of them puts in (by name, each once).
    pub fn standard_programme(boards: &[&Board]) -> IcsOptions {
        let mut columns: Vec<String> = Vec::new();
        for board in boards {
            for name in IcsOptions::standard(board).columns {
                if !columns.iter().any(|c| key(c) == key(&name)) {
                    columns.push(name);
                }
            }
        }
        IcsOptions {
            columns,
            long: Long::Split,
        }
    }

    fn includes(&self, board: &Board, item: &Item) -> bool {
        board
            .column(item.column)
            .is_some_and(|c| self.columns.iter().any(|n| key(n) == key(&c.name)))
    }
}

/// A column name as options match it.
fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            // RFC 5545 allows no control characters in text (CR, VT, NEL,
            // DEL, ...): left out.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: at most 75 octets a line, continuation lines start
/// with a space, never splitting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn date(d: NaiveDate) -> String {
    dates::compact(d)
}

/// Which part of an activity an event shows.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Whole,
    Start,
    End,
}

struct Event<'a> {
    board: usize,
    item: &'a Item,
    part: Part,
    /// First day, and the day after the last (DTEND is exclusive).
    from: NaiveDate,
    until: NaiveDate,
}

/// The board's dated items in `options.columns` as one iCalendar file.
pub fn export(board: &Board, options: &IcsOptions, now: Timestamp) -> String {
    write(&board.title, &[board], options, now, false)
}

/// Every board's dated items in one iCalendar file: each event names its
/// team ("[Gaasperdam] title", and in its description), and its UID holds
/// the board's id as well as the card's.
pub fn export_programme(boards: &[&Board], options: &IcsOptions, now: Timestamp) -> String {
    write(s::ICS_PROGRAMME, boards, options, now, true)
}

/// The team a board plans for: its team, else its title.
fn team(board: &Board) -> &str {
    match board.team.trim() {
        "" => board.title.trim(),
        team => team,
    }
}

fn write(
    name: &str,
    boards: &[&Board],
    options: &IcsOptions,
    now: Timestamp,
    programme: bool,
) -> String {
    let stamp = dates::compact_utc(now);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Politie van Iedereen//Planbord//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    let mut events: Vec<Event> = Vec::new();
    for (n, board) in boards.iter().enumerate() {
        for item in &board.items {
            let Some((start, end)) = span(item) else {
                continue;
            };
            if !options.includes(board, item) {
                continue;
            }
            let day = |d: NaiveDate, part| Event {
                board: n,
                item,
                part,
                from: d,
                until: d + Days::new(1),
            };
            if options.long == Long::Split && (end - start).num_days() + 1 > LONG_DAYS {
                events.push(day(start, Part::Start));
                events.push(day(end, Part::End));
            } else {
                events.push(Event {
                    board: n,
                    item,
                    part: Part::Whole,
                    from: start,
                    until: end + Days::new(1),
                });
            }
        }
    }
    sort::sort_by_key(&mut events, |e| (e.from, e.board, e.item.id, e.part));
    for event in events {
        let board = boards[event.board];
        let item = event.item;
        let line_name = board
            .line(item.line)
            .map(|l| l.name.clone())
            .unwrap_or_default();
        let mut description = Vec::new();
        if programme {
            description.push(format!("{}: {}", s::TEAM, team(board)));
        }
        if !item.trekker.is_empty() {
            description.push(format!("{}: {}", s::TREKKER, item.trekker));
        }
        description.push(format!("{} {}: {line_name}", s::LINE, item.line));
        if event.part != Part::Whole {
            description.push(format!(
                "{}: {}",
                s::ICS_PERIOD,
                s::date_range(item.start, item.end)
            ));
        }
        if !item.notes.is_empty() {
            description.push(item.notes.clone());
        }
        let mut summary = String::new();
        if programme {
            summary.push_str(&format!("[{}] ", team(board)));
        }
        match event.part {
            Part::Whole => {}
            Part::Start => summary.push_str(&format!("{}: ", s::ICS_START)),
            Part::End => summary.push_str(&format!("{}: ", s::ICS_END)),
        }
        summary.push_str(&item.title);
        let mut uid = String::new();
        if programme {
            uid.push_str(&format!("{}-", board.id));
        }
        uid.push_str(&item.id.to_string());
        match event.part {
            Part::Whole => {}
            Part::Start => uid.push_str("-start"),
            Part::End => uid.push_str("-end"),
        }
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid}@planbord"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date(event.from)),
            // All-day events end on the day after (exclusive).
            format!("DTEND;VALUE=DATE:{}", date(event.until)),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description.join("\n"))),
            format!("CATEGORIES:{}", escape(&line_name)),
            format!("LAST-MODIFIED:{}", dates::compact_utc(item.updated)),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for l in lines {
        fold(&l, &mut out);
    }
    out
}

/// File name: like the board file, `.ics`.
pub fn file_name(board: &Board, date: NaiveDate) -> String {
    super::file_name(board, date).replace(".planbord.json", ".ics")
}

/// File name of the programme calendar, e.g.
/// `programma-politie-van-iedereen-2026-11-28.ics`.
pub fn file_name_programme(date: NaiveDate) -> String {
    format!("{}-{}.ics", super::slug(s::ICS_PROGRAMME), dates::iso(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t, uid};
    use crate::model::{sample, Edit};

    /// Every column, long activities whole: every dated card, one event.
    fn everything(board: &Board) -> IcsOptions {
        IcsOptions {
            columns: board.columns.iter().map(|c| c.name.clone()).collect(),
            long: Long::Whole,
        }
    }

    fn gaasperdam() -> Board {
        let mut n = 1000u128;
        sample::in_year(
            true,
            || {
                n += 1;
                uid(n)
            },
            2023,
            t(0),
        )
    }

    fn by_title<'a>(b: &'a Board, start: &str) -> &'a Item {
        b.items.iter().find(|i| i.title.starts_with(start)).unwrap()
    }

    /// The unfolded content lines of each event.
    fn events(ics: &str) -> Vec<Vec<String>> {
        let unfolded = ics.replace("\r\n ", "");
        unfolded
            .split("BEGIN:VEVENT\r\n")
            .skip(1)
            .map(|e| {
                e.split("\r\n")
                    .take_while(|l| *l != "END:VEVENT")
                    .map(String::from)
                    .collect()
            })
            .collect()
    }

    fn field<'a>(event: &'a [String], name: &str) -> &'a str {
        event
            .iter()
            .find_map(|l| l.strip_prefix(name).and_then(|l| l.strip_prefix(':')))
            .unwrap_or_else(|| panic!("no {name} in {event:?}"))
    }

    #[test]
    fn no_control_character_reaches_the_file() {
        let mut b = nieuw_west_zuid();
        let id = b.items.iter().find(|i| i.start.is_some()).unwrap().id;
        let nasty = "a\u{b}b\u{85}c\u{2028}d\u{2029}e\u{7f}f\u{0}g\th\r\ni\u{1b}[31m";
        b.edit_item(id, Edit::Title(nasty.into()), t(1)).unwrap();
        b.edit_item(id, Edit::Notes(nasty.into()), t(1)).unwrap();
        b.team = nasty.into();
        let text = export(&b, &everything(&b), t(2));
        let programme = export_programme(&[&b], &everything(&b), t(2));
        for line in text.split("\r\n").chain(programme.split("\r\n")) {
            assert!(
                !line
                    .chars()
                    .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'),
                "{line:?}"
            );
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("SUMMARY:abc\\nd\\nefg h\\ni[31m"),
            "{unfolded}"
        );
    }

    #[test]
    fn events_are_all_day_with_stable_uids_and_exclusive_end() {
        let b = nieuw_west_zuid();
        let options = IcsOptions::standard(&b);
        let ics = export(&b, &options, t(0));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            3,
            "the three dated cards in Gepland and Bezig"
        );
        let race = by_title(&b, "Hardloop");
        assert!(ics.contains(&format!("UID:{}@planbord\r\n", race.id)));
        assert!(ics.contains("DTSTART;VALUE=DATE:20230520\r\nDTEND;VALUE=DATE:20230522\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        assert_eq!(export(&b, &options, t(0)), ics, "deterministic");
    }

    #[test]
    fn by_default_only_planned_and_running_cards_go_in() {
        let mut b = nieuw_west_zuid();
        let options = IcsOptions::standard(&b);
        assert_eq!(options.columns, ["Gepland", "Bezig"]);
        assert_eq!(options.long, Long::Split);
        // An idea with dates stays out, and so does what is done.
        let idea = by_title(&b, "Team in clusters").id;
        b.edit_item(idea, Edit::Start(NaiveDate::from_ymd_opt(2017, 6, 1)), t(1))
            .unwrap();
        let ics = export(&b, &options, t(2));
        let titles: Vec<String> = events(&ics)
            .iter()
            .map(|e| field(e, "SUMMARY").to_string())
            .collect();
        assert_eq!(
            titles,
            [
                "Hardloopwedstrijd in PvI-shirts",
                "Training voor OPCO's (pilot Amsterdam)",
                "Open dag"
            ]
        );
        assert!(!ics.contains(&idea.to_string()));
        assert!(!ics.contains("Jaarkalender activiteiten"));
        // Names match in any case; with everything the idea is in.
        let shouting = IcsOptions {
            columns: vec![" IDEE ".into()],
            long: Long::Split,
        };
        assert_eq!(events(&export(&b, &shouting, t(2))).len(), 1);
        assert_eq!(events(&export(&b, &everything(&b), t(2))).len(), 5);
        let none = IcsOptions {
            columns: Vec::new(),
            long: Long::Split,
        };
        assert!(events(&export(&b, &none, t(2))).is_empty());
    }

    #[test]
    fn standard_columns_match_in_any_case_or_fall_back_to_the_middle_ones() {
        let mut b = nieuw_west_zuid();
        b.columns[1].name = "GEPLAND".into();
        b.columns[2].name = "bezig ".into();
        assert_eq!(IcsOptions::standard(&b).columns, ["GEPLAND", "bezig "]);
        // Without both: every column but the first and the done one.
        b.columns[2].name = "In uitvoering".into();
        assert_eq!(
            IcsOptions::standard(&b).columns,
            ["GEPLAND", "In uitvoering"]
        );
        let mut other = gaasperdam();
        other.columns[1].name = "Te doen".into();
        other.columns[2].name = "In uitvoering".into();
        assert_eq!(
            IcsOptions::standard_programme(&[&b, &other]).columns,
            ["GEPLAND", "In uitvoering", "Te doen"]
        );
    }

    #[test]
    fn a_long_activity_is_two_events_unless_whole() {
        let b = gaasperdam();
        let long = by_title(&b, "Leiderschapstraject");
        assert_eq!(
            (long.start, long.end),
            (
                NaiveDate::from_ymd_opt(2023, 3, 1),
                NaiveDate::from_ymd_opt(2023, 4, 30)
            )
        );
        let options = IcsOptions::standard(&b);
        let ics = export(&b, &options, t(0));
        let mine: Vec<Vec<String>> = events(&ics)
            .into_iter()
            .filter(|e| field(e, "UID").contains(&long.id.to_string()))
            .collect();
        assert_eq!(mine.len(), 2, "{ics}");
        let (first, last) = (&mine[0], &mine[1]);
        assert_eq!(
            field(first, "SUMMARY"),
            "Start: Leiderschapstraject OE en teamleiding"
        );
        assert_eq!(field(first, "DTSTART;VALUE=DATE"), "20230301");
        assert_eq!(field(first, "DTEND;VALUE=DATE"), "20230302");
        assert_eq!(field(first, "UID"), format!("{}-start@planbord", long.id));
        assert_eq!(
            field(last, "SUMMARY"),
            "Einde: Leiderschapstraject OE en teamleiding"
        );
        assert_eq!(field(last, "DTSTART;VALUE=DATE"), "20230430");
        assert_eq!(field(last, "DTEND;VALUE=DATE"), "20230501");
        assert_eq!(field(last, "UID"), format!("{}-end@planbord", long.id));
        assert!(field(first, "DESCRIPTION").contains("Periode: 01-03-2023 – 30-04-2023"));
        // The one-day training stays one event.
        assert_eq!(events(&ics).len(), 3);
        // Whole: one event over the period.
        let whole = IcsOptions {
            long: Long::Whole,
            ..options
        };
        let ics = export(&b, &whole, t(0));
        let mine: Vec<Vec<String>> = events(&ics)
            .into_iter()
            .filter(|e| field(e, "UID").contains(&long.id.to_string()))
            .collect();
        assert_eq!(mine.len(), 1);
        assert_eq!(field(&mine[0], "UID"), format!("{}@planbord", long.id));
        assert_eq!(
            field(&mine[0], "SUMMARY"),
            "Leiderschapstraject OE en teamleiding"
        );
        assert_eq!(field(&mine[0], "DTSTART;VALUE=DATE"), "20230301");
        assert_eq!(field(&mine[0], "DTEND;VALUE=DATE"), "20230501");
    }

    #[test]
    fn long_means_more_than_31_days() {
        let mut b = gaasperdam();
        let id = by_title(&b, "Leiderschapstraject").id;
        let day = |m, d| NaiveDate::from_ymd_opt(2023, m, d);
        b.edit_item(id, Edit::Start(day(1, 1)), t(1)).unwrap();
        b.edit_item(id, Edit::End(day(1, 31)), t(1)).unwrap();
        let count = |b: &Board| {
            events(&export(b, &IcsOptions::standard(b), t(2)))
                .iter()
                .filter(|e| field(e, "UID").contains(&id.to_string()))
                .count()
        };
        assert_eq!(count(&b), 1, "31 days: one event");
        b.edit_item(id, Edit::End(day(2, 1)), t(1)).unwrap();
        assert_eq!(count(&b), 2, "32 days: two");
    }

    #[test]
    fn the_programme_holds_every_team_with_uids_unique_across_boards() {
        let west = nieuw_west_zuid();
        let gaasp = gaasperdam();
        // A copy of a board keeps its cards' ids; only the board id differs.
        let mut copy = west.clone();
        copy.id = uid(5000);
        copy.team = String::new();
        copy.title = "Teamplan Boven-IJ".into();
        let boards = [&west, &gaasp, &copy];
        let options = IcsOptions::standard_programme(&boards);
        let ics = export_programme(&boards, &options, t(0));
        assert!(ics.contains("X-WR-CALNAME:Programma Politie van Iedereen\r\n"));
        let all = events(&ics);
        assert_eq!(all.len(), 3 + 3 + 3, "{ics}");
        let mut uids: Vec<&str> = all.iter().map(|e| field(e, "UID")).collect();
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), all.len(), "UIDs are unique");
        let race = by_title(&west, "Hardloop");
        let event = all
            .iter()
            .find(|e| field(e, "UID") == format!("{}-{}@planbord", west.id, race.id))
            .unwrap();
        assert_eq!(
            field(event, "SUMMARY"),
            "[Nieuw West Zuid] Hardloopwedstrijd in PvI-shirts"
        );
        assert!(field(event, "DESCRIPTION").starts_with("Team: Nieuw West Zuid\\n"));
        let long = by_title(&gaasp, "Leiderschapstraject");
        let start = all
            .iter()
            .find(|e| field(e, "UID") == format!("{}-{}-start@planbord", gaasp.id, long.id))
            .unwrap();
        assert_eq!(
            field(start, "SUMMARY"),
            "[Gaasperdam] Start: Leiderschapstraject OE en teamleiding"
        );
        // No team: the board's title names it.
        assert!(all
            .iter()
            .any(|e| field(e, "SUMMARY") == "[Teamplan Boven-IJ] Open dag"));
        // Stable: the same boards give the same file.
        assert_eq!(export_programme(&boards, &options, t(0)), ics);
    }

    #[test]
    fn text_is_escaped_and_long_lines_folded_at_75_octets() {
        let mut b = nieuw_west_zuid();
        let id = b.items[1].id;
        b.edit_item(id, Edit::Title("Dialoog; debat, en \\ meer — één lange titel met veel woorden die zeker langer is dan vijfenzeventig octetten".into()), t(1))
            .unwrap();
        b.team = "Zuid; Oost, \\West".into();
        let ics = export(&b, &everything(&b), t(2));
        let programme = export_programme(&[&b], &everything(&b), t(2));
        for line in ics.split("\r\n").chain(programme.split("\r\n")) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Dialoog\\; debat\\, en \\\\ meer — één lange titel"));
        let unfolded = programme.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:[Zuid\\; Oost\\, \\\\West] Dialoog\\; debat"));
        assert!(unfolded.contains("DESCRIPTION:Team: Zuid\\; Oost\\, \\\\West\\n"));
    }

    #[test]
    fn file_names_end_in_ics() {
        let b = nieuw_west_zuid();
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(file_name(&b, d), "teamplan-nieuw-west-zuid-2026-11-28.ics");
        assert_eq!(
            file_name_programme(d),
            "programma-politie-van-iedereen-2026-11-28.ics"
        );
    }
}
