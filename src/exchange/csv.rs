//! CSV export for Excel as used in the Netherlands: UTF-8 with a byte order
//! mark, `;` between fields, dates as dd-mm-jjjj, one row per item.

use crate::model::{Board, Item};
use crate::strings as s;

/// Column headings, in order.
pub const HEADERS: [&str; 13] = [
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
    "Aangemaakt",
    "Laatst gewijzigd",
    "Id",
];

fn row(board: &Board, item: &Item) -> Vec<String> {
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
        item.created.format("%d-%m-%Y %H:%M").to_string(),
        item.updated.format("%d-%m-%Y %H:%M").to_string(),
        item.id.to_string(),
    ]
}

/// The board as CSV bytes (UTF-8 with BOM), rows by line, column, order.
pub fn export(board: &Board) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADERS).expect("writing to memory");
        for cell in board.cells() {
            for id in board.cell_ids(cell) {
                if let Some(item) = board.item(id) {
                    w.write_record(row(board, item)).expect("writing to memory");
                }
            }
        }
        w.flush().expect("writing to memory");
    }
    out
}

pub fn file_name(board: &Board, date: chrono::NaiveDate) -> String {
    super::file_name(board, date).replace(".planbord.json", ".csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t};
    use crate::model::Edit;

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
        let bytes = export(&b);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut r = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), HEADERS);
        let rows: Vec<::csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 11);
        let race = rows.iter().find(|r| r[2].starts_with("Hardloop")).unwrap();
        assert_eq!((&race[6], &race[7]), ("20-05-2017", "21-05-2017"));
        assert_eq!(&race[0], "4 Behoud en werving");
        assert_eq!(&race[8], "Extern");
        let first = rows.iter().find(|r| r[12] == id.to_string()).unwrap();
        assert_eq!(&first[3], "regel 1; met \"aanhalingstekens\"\nregel 2");
    }
}
