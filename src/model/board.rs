//! The board's data types and read-only queries.

use super::sort;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::card_log::CardLog;
use super::comments::Comment;
use super::stamps::{FieldConflict, LineStamps, Stamped};
use super::{CellKey, Timestamp};

/// The programme has exactly five lines; they are the board's swimlanes.
pub const LINE_COUNT: u8 = 5;

/// One of the programme's five lines ("lijnen"). Identified by its number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// 1..=5, fixed order.
    pub number: u8,
    pub name: String,
    pub description: String,
    /// Last change of anything on the line (the latest of its stamps).
    pub updated: Timestamp,
    /// How the line stands, as the team judges it for the kerngroep's
    /// report; `None` until someone says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<LineStatus>,
    /// "Knelpunten en wat er nodig is": what blocks the line and what would
    /// help, a short text for the report upward.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub knelpunten: String,
    /// When and by whom the description, status and knelpunten last
    /// changed, so that they merge field by field (see `stamps.rs`).
    /// Empty: the description has the stamp `updated`, the others were
    /// never set.
    #[serde(default, skip_serializing_if = "LineStamps::is_empty")]
    pub changed: LineStamps,
    /// Fields this version does not know, kept so that a newer app's data
    /// survives a round trip through this one.
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a line stands: the programme's status report uses these three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineStatus {
    /// "Op schema".
    OpSchema,
    /// "Aandacht": needs attention.
    Aandacht,
    /// "Vertraagd": behind.
    Vertraagd,
}

/// A status column (Idee, Gepland, ...). Identified by a stable id so that
/// renames survive a merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: Uuid,
    pub name: String,
    /// Display order: ascending, ties broken by id.
    pub rank: f64,
    /// Work-in-progress limit: the board shows when a column holds more.
    #[serde(default)]
    pub wip_limit: Option<u32>,
    /// When the column was removed. A removed column stays in the data (so
    /// a removal merges like any other change) but is not shown, unless a
    /// card still sits in it.
    #[serde(default)]
    pub removed: Option<Timestamp>,
    pub updated: Timestamp,
    /// Fields this version does not know, kept so that a newer app's data
    /// survives a round trip through this one.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whether an activity is aimed inside the police (intern) or at the
/// outside world (extern).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Intern,
    Extern,
}

/// A plan item: one card on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: Uuid,
    pub title: String,
    #[serde(default)]
    pub notes: String,
    /// Owner: a name or a role (OE, OPCO, kerngroep, ...).
    #[serde(default)]
    pub trekker: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub scope: Option<Scope>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Line number 1..=5.
    pub line: u8,
    pub column: Uuid,
    /// Order within its cell: ascending, ties broken by id.
    pub rank: f64,
    #[serde(deserialize_with = "fast_time")]
    pub created: Timestamp,
    /// Who made the card ("Jouw naam"; "" when not given).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created_by: String,
    /// Last change of anything on the card (the latest of its stamps, or
    /// a restore): a deletion earlier than this does not remove it.
    #[serde(deserialize_with = "fast_time")]
    pub updated: Timestamp,
    /// When and by whom each field last changed, for merging field by
    /// field (see `stamps.rs`). Empty: nothing changed since `created`.
    #[serde(default, skip_serializing_if = "Stamped::is_empty")]
    pub changed: Stamped,
    /// Values that lost a merge while both copies had changed the field,
    /// kept until someone decides.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<FieldConflict>,
    /// "Opmerkingen": the card's thread, in time order; merges by union
    /// (see `comments.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
    /// "Geschiedenis": who changed which field when, newest first, bounded
    /// (see `card_log.rs`).
    #[serde(default, skip_serializing_if = "CardLog::is_empty")]
    pub history: CardLog,
    /// Fields this version does not know, kept so that a newer app's data
    /// survives a round trip through this one.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Item {
    pub fn cell(&self) -> CellKey {
        (self.line, self.column)
    }
}

/// A deleted item, remembered so that a deletion survives a merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: Uuid,
    #[serde(deserialize_with = "fast_time")]
    pub deleted: Timestamp,
}

/// Reads a timestamp with chrono's RFC 3339 parser, several times faster
/// than the general one behind `DateTime`'s own `Deserialize` (a board of
/// thousands of items has two per item); whatever else that one accepts
/// still reads.
fn fast_time<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    from_text(d, |text| match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(t) => Ok(t.with_timezone(&chrono::Utc)),
        Err(_) => text.parse(),
    })
}

/// Reads a string through `parse`, failing inside the deserializer's own
/// call: serde_json then places the error at the string itself, which is
/// how an import names the field (`exchange::import`). Borrowed, so no
/// copy of the text either.
pub(super) fn from_text<'de, D, T, E>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: std::fmt::Display,
{
    struct Text<F>(F);
    impl<'de, T, E: std::fmt::Display, F: FnOnce(&str) -> Result<T, E>> serde::de::Visitor<'de>
        for Text<F>
    {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            // As `String`'s own, so the messages stay as they were.
            f.write_str("a string")
        }
        fn visit_str<X: serde::de::Error>(self, text: &str) -> Result<T, X> {
            (self.0)(text).map_err(X::custom)
        }
    }
    d.deserialize_str(Text(parse))
}

/// The whole board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub id: Uuid,
    pub title: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub year: Option<i32>,
    pub lines: Vec<Line>,
    pub columns: Vec<Column>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub tombstones: Vec<Tombstone>,
    pub created: Timestamp,
    /// Last change of anything on the board.
    pub updated: Timestamp,
    /// Last change of title, team or year (they merge as one).
    pub settings_updated: Timestamp,
    /// When this copy last exchanged with another (export, import, merge):
    /// changes after it are what a merge reports as changed on this side.
    #[serde(default)]
    pub synced: Option<Timestamp>,
    /// Fields this version does not know, kept so that a newer app's data
    /// survives a round trip through this one.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Unknown fields of a stored or imported object.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// The five lines of Politie van Iedereen, with what belongs in each.
pub fn default_lines(now: Timestamp) -> Vec<Line> {
    let lines = [
        (
            "Teamontwikkeling",
            "De standaardroute: analyse team & buitenwereld, kick-off dag, advies aan team, \
             executie en het teamplan (plan van aanpak + jaarkalender activiteiten). Ook \
             groepen en clusters in het team en leiderschap in het team (OPCO's, OE's).",
        ),
        (
            "Netwerk en expertise (sleutelpersonen)",
            "Sleutelfiguren werven, het SNPS (strategisch netwerk politie & samenleving) \
             opbouwen, netwerkagenten installeren en trainen, expertise binnen netwerken.",
        ),
        (
            "Inspiratie, dialoog en debat",
            "Sessies voor inspiratie, dialoog en debat, intern en extern; dialoog met \
             gemeenschappen.",
        ),
        (
            "Behoud en werving",
            "Collega's behouden en divers werven, zoals de initiële instroom (50% divers).",
        ),
        (
            "Resultaat en borging",
            "Monitoren, rapporteren aan sectorhoofd en EL-EMT, en de verandering laten \
             beklijven.",
        ),
    ];
    lines
        .iter()
        .enumerate()
        .map(|(i, (name, description))| Line {
            number: i as u8 + 1,
            name: name.to_string(),
            description: description.to_string(),
            updated: now,
            status: None,
            knelpunten: String::new(),
            changed: LineStamps::default(),
            extra: Extra::new(),
        })
        .collect()
}

/// The names of the standard status columns, in order.
pub const STANDARD_COLUMNS: [&str; 4] = ["Idee", "Gepland", "Bezig", "Afgerond"];

/// The standard status columns, with the given ids (in order).
pub fn default_columns(ids: [Uuid; 4], now: Timestamp) -> Vec<Column> {
    STANDARD_COLUMNS
        .iter()
        .zip(ids)
        .enumerate()
        .map(|(n, (name, id))| Column {
            id,
            name: name.to_string(),
            rank: n as f64,
            wip_limit: None,
            removed: None,
            updated: now,
            extra: Extra::new(),
        })
        .collect()
}

impl Board {
    /// An empty board with the five lines and the standard columns.
    pub fn new_empty(id: Uuid, column_ids: [Uuid; 4], title: &str, now: Timestamp) -> Board {
        Board {
            id,
            title: title.to_string(),
            team: String::new(),
            year: None,
            lines: default_lines(now),
            columns: default_columns(column_ids, now),
            items: Vec::new(),
            tombstones: Vec::new(),
            created: now,
            updated: now,
            settings_updated: now,
            synced: None,
            extra: Extra::new(),
        }
    }

    pub fn item(&self, id: Uuid) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub(crate) fn item_mut(&mut self, id: Uuid) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    /// An item to change, with the columns (a change's log names them).
    pub(crate) fn item_and_columns(&mut self, id: Uuid) -> Option<(&mut Item, &[Column])> {
        let Board { items, columns, .. } = self;
        let item = items.iter_mut().find(|i| i.id == id)?;
        Some((item, columns.as_slice()))
    }

    pub fn line(&self, number: u8) -> Option<&Line> {
        self.lines.iter().find(|l| l.number == number)
    }

    pub fn column(&self, id: Uuid) -> Option<&Column> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn column_index(&self, id: Uuid) -> Option<usize> {
        self.columns.iter().position(|c| c.id == id)
    }

    /// Ids of the items in one cell, in display order.
    pub fn cell_ids(&self, (line, column): CellKey) -> Vec<Uuid> {
        let mut in_cell: Vec<&Item> = self
            .items
            .iter()
            .filter(|i| i.line == line && i.column == column)
            .collect();
        sort::sort_by(&mut in_cell, |a, b| {
            a.rank.total_cmp(&b.rank).then(a.id.cmp(&b.id))
        });
        in_cell.into_iter().map(|i| i.id).collect()
    }

    /// Every cell of the grid, lines outer, columns inner.
    pub fn cells(&self) -> Vec<CellKey> {
        self.lines
            .iter()
            .flat_map(|l| self.columns.iter().map(move |c| (l.number, c.id)))
            .collect()
    }

    /// Checks the invariants every stored or imported board must hold.
    pub fn validate(&self) -> Result<(), Invalid> {
        let numbers: Vec<u8> = self.lines.iter().map(|l| l.number).collect();
        let expected: Vec<u8> = (1..=LINE_COUNT).collect();
        if numbers != expected {
            return Err(Invalid::Lines);
        }
        if self.columns.is_empty() {
            return Err(Invalid::NoColumns);
        }
        let mut column_ids = std::collections::HashSet::new();
        for c in &self.columns {
            if !column_ids.insert(c.id) {
                return Err(Invalid::DuplicateColumn(c.name.clone()));
            }
            if !c.rank.is_finite() {
                return Err(Invalid::BadRank(c.name.clone()));
            }
        }
        let mut item_ids = std::collections::HashSet::new();
        for i in &self.items {
            let title = || i.title.clone();
            if !item_ids.insert(i.id) {
                return Err(Invalid::DuplicateItem(title()));
            }
            if !(1..=LINE_COUNT).contains(&i.line) {
                return Err(Invalid::UnknownLine(title()));
            }
            if !column_ids.contains(&i.column) {
                return Err(Invalid::UnknownColumn(title()));
            }
            if !i.rank.is_finite() {
                return Err(Invalid::BadRank(title()));
            }
            if matches!((i.start, i.end), (Some(s), Some(e)) if e < s) {
                return Err(Invalid::EndBeforeStart(title()));
            }
            // Times a calendar can show (a crafted year 262142 made the
            // conversion to local time panic).
            let times = [i.created, i.updated].into_iter().chain(
                i.comments
                    .iter()
                    .flat_map(|c| [Some(c.at), c.edited, c.deleted])
                    .flatten(),
            );
            if !times.into_iter().all(sane_time) {
                return Err(Invalid::BadTime(title()));
            }
            // A comment is drawn and merged by its id: once per card.
            if i.comments.len() > 1 {
                let mut ids = std::collections::HashSet::with_capacity(i.comments.len());
                if !i.comments.iter().all(|c| ids.insert(c.id)) {
                    return Err(Invalid::DuplicateComment(title()));
                }
            }
        }
        Ok(())
    }
}

/// A broken invariant; the string is the title of the item or column concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    Lines,
    NoColumns,
    DuplicateColumn(String),
    DuplicateItem(String),
    UnknownLine(String),
    UnknownColumn(String),
    BadRank(String),
    EndBeforeStart(String),
    /// A card with two comments of one id.
    DuplicateComment(String),
    /// A card with a time outside the years 1 to 9999.
    BadTime(String),
}

/// A time within the years 1 to 9999 (what dates are shown for).
fn sane_time(t: Timestamp) -> bool {
    use chrono::Datelike;
    (1..=9999).contains(&t.year())
}

impl Board {
    /// Brings what a file or storage holds into the form the operations
    /// keep: threads in time order without deleted text, logs newest first
    /// within their bounds.
    pub fn tidy(&mut self) {
        for i in &mut self.items {
            super::comments::tidy(&mut i.comments);
            i.history.tidy();
        }
    }
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn fast_time_reads_what_chrono_reads() {
        for text in [
            "2017-05-20T10:00:00Z",
            "2026-11-28T23:54:48.119683123Z",
            "2017-05-20T12:00:00+02:00",
            "2017-05-20 10:00:00Z",
            "2017-05-20T10:00:00.5-01:30",
        ] {
            let json = format!("{{\"id\":\"{}\",\"deleted\":\"{text}\"}}", Uuid::nil());
            let t: Tombstone = serde_json::from_str(&json).unwrap();
            assert_eq!(t.deleted, text.parse::<Timestamp>().unwrap(), "{text}");
        }
        let bad = format!("{{\"id\":\"{}\",\"deleted\":\"gisteren\"}}", Uuid::nil());
        assert!(serde_json::from_str::<Tombstone>(&bad).is_err());
    }
}
