//! iCalendar (RFC 5545) export of the dated items, for Outlook: all-day
//! events, CRLF line endings, lines folded at 75 octets, text escaped,
//! stable UIDs from item ids.

use chrono::{Days, NaiveDate};

use crate::model::calendar::span;
use crate::model::{Board, Timestamp};

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
    d.format("%Y%m%d").to_string()
}

/// The board's dated items as one iCalendar file.
pub fn export(board: &Board, now: Timestamp) -> String {
    let mut out = String::new();
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Politie van Iedereen//Planbord//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&board.title)),
    ];
    let mut items: Vec<_> = board
        .items
        .iter()
        .filter_map(|i| span(i).map(|s| (i, s)))
        .collect();
    items.sort_by_key(|(i, (s, _))| (*s, i.id));
    for (item, (start, end)) in items {
        let line_name = board
            .line(item.line)
            .map(|l| l.name.clone())
            .unwrap_or_default();
        let mut description = Vec::new();
        if !item.trekker.is_empty() {
            description.push(format!("Trekker: {}", item.trekker));
        }
        description.push(format!("Lijn {}: {line_name}", item.line));
        if !item.notes.is_empty() {
            description.push(item.notes.clone());
        }
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@planbord", item.id),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date(start)),
            // All-day events end on the day after (exclusive).
            format!("DTEND;VALUE=DATE:{}", date(end + Days::new(1))),
            format!("SUMMARY:{}", escape(&item.title)),
            format!("DESCRIPTION:{}", escape(&description.join("\n"))),
            format!("CATEGORIES:{}", escape(&line_name)),
            format!("LAST-MODIFIED:{}", item.updated.format("%Y%m%dT%H%M%SZ")),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    for l in lines {
        fold(&l, &mut out);
    }
    out
}

/// File name: like the board file, `.ics`.
pub fn file_name(board: &Board, date: NaiveDate) -> String {
    super::file_name(board, date).replace(".planbord.json", ".ics")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t};
    use crate::model::Edit;

    #[test]
    fn no_control_character_reaches_the_file() {
        let mut b = nieuw_west_zuid();
        let id = b.items.iter().find(|i| i.start.is_some()).unwrap().id;
        let nasty = "a\u{b}b\u{85}c\u{2028}d\u{2029}e\u{7f}f\u{0}g\th\r\ni\u{1b}[31m";
        b.edit_item(id, Edit::Title(nasty.into()), t(1)).unwrap();
        b.edit_item(id, Edit::Notes(nasty.into()), t(1)).unwrap();
        let text = export(&b, t(2));
        for line in text.split("\r\n") {
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
        let ics = export(&b, t(0));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4, "four dated items");
        let race = b
            .items
            .iter()
            .find(|i| i.title.starts_with("Hardloop"))
            .unwrap();
        assert!(ics.contains(&format!("UID:{}@planbord\r\n", race.id)));
        assert!(ics.contains("DTSTART;VALUE=DATE:20230520\r\nDTEND;VALUE=DATE:20230522\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        assert_eq!(export(&b, t(0)), ics, "deterministic");
    }

    #[test]
    fn text_is_escaped_and_long_lines_folded_at_75_octets() {
        let mut b = nieuw_west_zuid();
        let id = b.items[1].id;
        b.edit_item(id, Edit::Title("Dialoog; debat, en \\ meer — één lange titel met veel woorden die zeker langer is dan vijfenzeventig octetten".into()), t(1))
            .unwrap();
        let ics = export(&b, t(2));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Dialoog\\; debat\\, en \\\\ meer — één lange titel"));
    }

    #[test]
    fn file_name_ends_in_ics() {
        let b = nieuw_west_zuid();
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(file_name(&b, d), "teamplan-nieuw-west-zuid-2026-11-28.ics");
    }
}
