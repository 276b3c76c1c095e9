//! "Geschiedenis": who changed what on a card, and when. Kept with the
//! card in the board and in the file, so that "who moved this date?" has
//! an answer after the board travelled through three inboxes.
//!
//! Every operation that changes a field records one [`Change`] per field
//! (old → new for short fields, just "changed" for the notes, the cell for
//! a move); a merge records the value it did not choose. The log is
//! bounded: the newest [`limits::MAX_HISTORY`] changes stay, older ones are
//! summarised in [`Older`] (from when to when, by whom), so a worked
//! 2,000-card board file does not double.
//!
//! Logs merge as a join: the union of both copies' changes, the newest
//! kept (a total order, so any copies in any order give the same log);
//! the summary's earliest and latest time and its names join too.

use super::sort;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::limits::{self, bounded, Field};
use super::stamps::{CardField, FieldConflict};
use super::{Column, Item, Scope, Stamp, Timestamp};

/// What a change was about. Written as a short word in the file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A field got a new value (for position: a move to another cell;
    /// a reorder within the cell is not logged).
    Field(CardField),
    /// Labels added and removed ("+a, −b" in `to`).
    Labels,
    /// The card came back after a deletion.
    Restored,
    /// Another card (titled `from`) was combined into this one.
    Combined,
    /// A merge kept the other value of this field: `to` is the value not
    /// chosen, the stamp is when and by whom it was set.
    Conflict(CardField),
    /// Written by a newer app: kept and shown as "gewijzigd".
    Other(String),
}

impl Kind {
    fn word(&self) -> String {
        match self {
            Kind::Field(f) => field_word(*f).to_string(),
            Kind::Labels => "labels".into(),
            Kind::Restored => "restored".into(),
            Kind::Combined => "combined".into(),
            Kind::Conflict(f) => format!("conflict:{}", field_word(*f)),
            Kind::Other(w) => w.clone(),
        }
    }

    fn parse(word: &str) -> Kind {
        let field = |w: &str| CardField::ALL.into_iter().find(|f| field_word(*f) == w);
        match word {
            "labels" => Kind::Labels,
            "restored" => Kind::Restored,
            "combined" => Kind::Combined,
            _ => {
                if let Some(f) = word.strip_prefix("conflict:").and_then(field) {
                    Kind::Conflict(f)
                } else if let Some(f) = field(word) {
                    Kind::Field(f)
                } else {
                    Kind::Other(bounded(Field::Label, word))
                }
            }
        }
    }
}

fn field_word(f: CardField) -> &'static str {
    match f {
        CardField::Title => "title",
        CardField::Notes => "notes",
        CardField::Trekker => "trekker",
        CardField::Team => "team",
        CardField::Dates => "dates",
        CardField::Scope => "scope",
        CardField::Position => "position",
    }
}

/// One change to a card. In the file a short array:
/// `["<stamp>", "<kind>", "<from>", "<to>"]` (from and to left out when
/// empty), as compact as a stamp, since a worked card has dozens.
///
/// Values are as the app writes them, language-neutral: dates
/// `2027-03-01/2027-05-31` (one date alone when start = end, `` for none),
/// scope `intern`/`extern`, a position `<line>:<column name>`; short texts
/// are cut to [`MAX_VALUE_CHARS`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    pub stamp: Stamp,
    pub kind: Kind,
    pub from: String,
    pub to: String,
}

/// Changes to one field by one person this close together are one.
pub const COALESCE_SECONDS: i64 = 300;

/// How much of an old or new value a change keeps.
pub const MAX_VALUE_CHARS: usize = 120;

/// What the log keeps of changes beyond its bound.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Older {
    /// The earliest and latest of them.
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    /// Who made them (the first names in order, up to a bound).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub by: BTreeSet<String>,
}

/// Names the summary keeps.
pub const MAX_OLDER_NAMES: usize = 12;

impl Older {
    fn is_empty(&self) -> bool {
        self.from.is_none()
    }

    fn add(&mut self, c: &Change) {
        let at = c.stamp.at;
        self.from = Some(self.from.map_or(at, |f| f.min(at)));
        self.to = Some(self.to.map_or(at, |t| t.max(at)));
        if !c.stamp.by.is_empty() {
            self.by.insert(c.stamp.by.clone());
        }
        while self.by.len() > MAX_OLDER_NAMES {
            self.by.pop_last();
        }
    }

    fn join(&mut self, other: &Older) {
        self.from = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.to = self.to.max(other.to);
        self.by.extend(other.by.iter().cloned());
        while self.by.len() > MAX_OLDER_NAMES {
            self.by.pop_last();
        }
    }
}

/// A card's history: its newest changes, newest first, and a summary of
/// the older ones.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CardLog {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    #[serde(default, skip_serializing_if = "Older::is_empty")]
    pub older: Older,
    /// The newest change, while this session made it and no other copy
    /// can have it yet (no export or merge since): only such a change is
    /// extended by the next edit of its field. Never written; not part of
    /// what the log says (equality ignores it).
    #[serde(skip)]
    open: Option<(Kind, Stamp)>,
}

impl PartialEq for CardLog {
    fn eq(&self, other: &CardLog) -> bool {
        self.changes == other.changes && self.older == other.older
    }
}

impl CardLog {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.older.is_empty()
    }

    /// Adds changes, keeping the order and the bound.
    pub fn record(&mut self, changes: impl IntoIterator<Item = Change>) {
        let before = self.changes.len();
        self.changes.extend(changes);
        if self.changes.len() != before {
            self.settle();
        }
    }

    /// Adds changes made now by an edit. A field changed again by the same
    /// person within [`COALESCE_SECONDS`] is one change (typing a title is
    /// one change, not one per key; start and end set one after the other
    /// are one change of the dates), and one that comes back to where it
    /// started is none. Only a change this session made and did not yet
    /// exchange is extended: another copy has the others as they are.
    pub fn record_edit(&mut self, changes: impl IntoIterator<Item = Change>) {
        for c in changes {
            if let Some(last) = self.changes.first_mut() {
                // In milliseconds: a change stamped a moment before the
                // newest (a clock set back) starts an entry of its own, so
                // the log stays newest first.
                let ms = (c.stamp.at - last.stamp.at).num_milliseconds();
                let open = self
                    .open
                    .as_ref()
                    .is_some_and(|(k, s)| *k == last.kind && *s == last.stamp);
                if open
                    && matches!(c.kind, Kind::Field(_) | Kind::Labels)
                    && last.kind == c.kind
                    && last.stamp.by == c.stamp.by
                    && (0..=COALESCE_SECONDS * 1000).contains(&ms)
                {
                    last.stamp = c.stamp;
                    if c.kind == Kind::Labels {
                        last.to = short(&format!("{}, {}", last.to, c.to));
                    } else {
                        last.to = c.to;
                    }
                    self.open = Some((last.kind.clone(), last.stamp.clone()));
                    let notes_or_labels =
                        matches!(c.kind, Kind::Field(CardField::Notes) | Kind::Labels);
                    if last.from == last.to && !notes_or_labels {
                        self.changes.remove(0);
                        self.open = None;
                    }
                    continue;
                }
            }
            self.open = Some((c.kind.clone(), c.stamp.clone()));
            self.changes.push(c);
            self.settle();
        }
    }

    /// This copy was exchanged: its changes are no longer its own to
    /// extend.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// Newest first, each once, within the bound (for a log read from a
    /// file: nothing is combined).
    pub fn tidy(&mut self) {
        self.settle();
        while self.older.by.len() > MAX_OLDER_NAMES {
            self.older.by.pop_last();
        }
    }

    /// Newest first (then by kind and values, a total order), each once,
    /// the newest [`limits::MAX_HISTORY`] kept and the rest summarised.
    fn settle(&mut self) {
        sort::sort_by(&mut self.changes, |a, b| b.cmp(a));
        self.changes.dedup();
        if self.changes.len() > limits::MAX_HISTORY {
            for c in self.changes.drain(limits::MAX_HISTORY..) {
                self.older.add(&c);
            }
        }
    }

    /// Both copies' changes, each once.
    pub fn merge(a: &CardLog, b: &CardLog) -> CardLog {
        let mut out = a.clone();
        out.open = None;
        if a == b {
            return out;
        }
        out.older.join(&b.older);
        out.changes.extend(b.changes.iter().cloned());
        out.settle();
        out
    }
}

/// A stamp as the log keeps it: the name bounded. Times stay exact: a
/// change already exchanged must be told apart from one made since, even
/// within the same second (see `record_edit`).
fn log_stamp(stamp: &Stamp) -> Stamp {
    Stamp {
        at: stamp.at,
        by: bounded(Field::Author, &stamp.by),
    }
}

/// A value cut for the log.
fn short(text: &str) -> String {
    let mut out = bounded(Field::Title, text);
    if out.chars().count() > MAX_VALUE_CHARS {
        out = out.chars().take(MAX_VALUE_CHARS - 1).collect();
        out.push('…');
    }
    out
}

fn dates_text(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (None, None) => String::new(),
        (Some(s), Some(e)) if s == e => s.to_string(),
        (s, e) => format!(
            "{}/{}",
            s.map(|d| d.to_string()).unwrap_or_default(),
            e.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

fn scope_text(scope: Option<Scope>) -> String {
    match scope {
        None => String::new(),
        Some(Scope::Intern) => "intern".into(),
        Some(Scope::Extern) => "extern".into(),
    }
}

fn position_text(item: &Item, columns: &[Column]) -> String {
    let column = columns
        .iter()
        .find(|c| c.id == item.column)
        .map_or("", |c| c.name.as_str());
    format!("{}:{}", item.line, short(column))
}

/// A field's value as the log writes it.
fn value_text(item: &Item, field: CardField, columns: &[Column]) -> String {
    match field {
        CardField::Title => short(&item.title),
        // Too long to repeat: the log says that they changed.
        CardField::Notes => String::new(),
        CardField::Trekker => short(&item.trekker),
        CardField::Team => short(&item.team),
        CardField::Dates => dates_text(item.start, item.end),
        CardField::Scope => scope_text(item.scope),
        CardField::Position => position_text(item, columns),
    }
}

/// The changes from `before` to `after`, made at `stamp`: one per field
/// whose value differs (a move only when the cell differs), one for the
/// labels.
pub fn diff(before: &Item, after: &Item, columns: &[Column], stamp: &Stamp) -> Vec<Change> {
    let mut out = Vec::new();
    let stamp = log_stamp(stamp);
    for f in CardField::ALL {
        let differs = match f {
            CardField::Position => before.cell() != after.cell(),
            _ => !before.same(after, f),
        };
        if differs {
            out.push(Change {
                stamp: stamp.clone(),
                kind: Kind::Field(f),
                from: value_text(before, f, columns),
                to: value_text(after, f, columns),
            });
        }
    }
    let added: Vec<&String> = after
        .tags
        .iter()
        .filter(|t| !before.tags.contains(t))
        .collect();
    let removed: Vec<&String> = before
        .tags
        .iter()
        .filter(|t| !after.tags.contains(t))
        .collect();
    if !added.is_empty() || !removed.is_empty() {
        let words: Vec<String> = added
            .iter()
            .map(|t| format!("+{t}"))
            .chain(removed.iter().map(|t| format!("-{t}")))
            .collect();
        out.push(Change {
            stamp,
            kind: Kind::Labels,
            from: String::new(),
            to: short(&words.join(", ")),
        });
    }
    out
}

/// The log entry for a conflict a merge recorded: the value not chosen,
/// with when and by whom it was set (the same entry on every copy that
/// records this conflict, so a later merge keeps it once).
pub fn conflict_change(c: &FieldConflict, columns: &[Column]) -> Change {
    let mut item = Item::blank();
    let to = if item.set_value(c.field, &c.value) {
        match c.field {
            // The notes not chosen are kept whole on the conflict itself.
            CardField::Notes => short(item.notes.lines().next().unwrap_or("")),
            f => value_text(&item, f, columns),
        }
    } else {
        String::new()
    };
    Change {
        stamp: log_stamp(&c.stamp),
        kind: Kind::Conflict(c.field),
        from: String::new(),
        to,
    }
}

/// An entry without values (restored, ...).
pub fn event(kind: Kind, stamp: &Stamp, from: &str) -> Change {
    Change {
        stamp: log_stamp(stamp),
        kind,
        from: short(from),
        to: String::new(),
    }
}

impl Item {
    /// Records in the log what changed from `before` to this card (an
    /// edit made now).
    pub fn log_changes(&mut self, before: &Item, columns: &[Column], stamp: &Stamp) {
        let changes = diff(before, self, columns, stamp);
        self.history.record_edit(changes);
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = if !self.to.is_empty() {
            4
        } else if !self.from.is_empty() {
            3
        } else {
            2
        };
        let mut seq = s.serialize_seq(Some(n))?;
        seq.serialize_element(&self.stamp)?;
        seq.serialize_element(&self.kind.word())?;
        if n >= 3 {
            seq.serialize_element(&self.from)?;
        }
        if n == 4 {
            seq.serialize_element(&self.to)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Change, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Change;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[stamp, kind, from?, to?]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Change, A::Error> {
                let stamp: Stamp = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let kind: String = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                let from: String = seq.next_element()?.unwrap_or_default();
                let to: String = seq.next_element()?.unwrap_or_default();
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(5, &self));
                }
                Ok(Change {
                    stamp,
                    kind: Kind::parse(&kind),
                    from,
                    to,
                })
            }
        }
        d.deserialize_seq(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::*;
    use crate::model::Edit;

    fn anna(s: i64) -> Stamp {
        stamp(s, "Anna")
    }

    #[test]
    fn an_edit_and_a_move_are_logged_with_old_and_new() {
        let mut b = board();
        let (gepland, bezig) = (b.columns[1].id, b.columns[2].id);
        b.add_item(uid(1), (1, gepland), "Kick-off", t(1)).unwrap();
        b.edit_item(uid(1), Edit::Title("Kick-off dag".into()), anna(2))
            .unwrap();
        b.move_item(uid(1), (1, bezig), None, anna(3)).unwrap();
        b.edit_item(uid(1), Edit::Notes("lang verhaal".into()), anna(4))
            .unwrap();
        let log = &b.item(uid(1)).unwrap().history.changes;
        assert_eq!(log.len(), 3);
        assert_eq!(log[0].kind, Kind::Field(CardField::Notes));
        assert_eq!((log[0].from.as_str(), log[0].to.as_str()), ("", ""));
        assert_eq!(log[1].kind, Kind::Field(CardField::Position));
        assert_eq!(log[1].from, format!("1:{}", b.columns[1].name));
        assert_eq!(log[1].to, format!("1:{}", b.columns[2].name));
        assert_eq!(log[2].to, "Kick-off dag");
        assert_eq!(log[2].stamp, anna(2));
    }

    #[test]
    fn the_log_is_bounded_and_summarises_the_rest() {
        let mut b = board();
        let col = b.columns[0].id;
        b.add_item(uid(1), (1, col), "Kaart", t(1)).unwrap();
        // An hour apart: each edit is a change of its own.
        let at = |n: i64| anna(10 + n * 3600);
        for n in 0..(limits::MAX_HISTORY as i64 + 10) {
            b.edit_item(uid(1), Edit::Trekker(format!("T{n}")), at(n))
                .unwrap();
        }
        let log = &b.item(uid(1)).unwrap().history;
        assert_eq!(log.changes.len(), limits::MAX_HISTORY);
        assert_eq!(log.older.from, Some(at(0).at));
        assert_eq!(log.older.to, Some(at(9).at));
        assert!(log.older.by.contains("Anna"));
        assert_eq!(log.changes[0].to, format!("T{}", limits::MAX_HISTORY + 9));
    }

    #[test]
    fn a_change_is_written_as_a_short_array_and_reads_back() {
        let c = Change {
            stamp: anna(5),
            kind: Kind::Field(CardField::Dates),
            from: String::new(),
            to: "2027-03-01/2027-05-31".into(),
        };
        let json = serde_json::to_string(&c).unwrap();
        let at = t(5).to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        assert_eq!(
            json,
            format!(r#"["{at} Anna","dates","","2027-03-01/2027-05-31"]"#)
        );
        assert_eq!(serde_json::from_str::<Change>(&json).unwrap(), c);
        let notes: Change = serde_json::from_str(r#"["1970-01-01T00:00:05Z","notes"]"#).unwrap();
        assert_eq!(notes.kind, Kind::Field(CardField::Notes));
        let newer: Change =
            serde_json::from_str(r#"["1970-01-01T00:00:05Z","fotos","a","b"]"#).unwrap();
        assert_eq!(newer.kind, Kind::Other("fotos".into()));
        assert_eq!(
            serde_json::to_string(&newer).unwrap(),
            r#"["1970-01-01T00:00:05Z","fotos","a","b"]"#
        );
        assert!(serde_json::from_str::<Change>(r#"["1970-01-01T00:00:05Z"]"#).is_err());
        assert!(
            serde_json::from_str::<Change>(r#"["1970-01-01T00:00:05Z","a","b","c","d"]"#).is_err()
        );
    }

    #[test]
    fn typing_and_setting_both_dates_are_one_change_each() {
        let mut b = board();
        let col = b.columns[0].id;
        b.add_item(uid(1), (1, col), "K", t(1)).unwrap();
        for (n, title) in ["Ki", "Kic", "Kick"].iter().enumerate() {
            b.edit_item(uid(1), Edit::Title((*title).into()), anna(10 + n as i64))
                .unwrap();
        }
        let d = |s: &str| Some(s.parse().unwrap());
        b.edit_item(uid(1), Edit::Start(d("2027-03-01")), anna(20))
            .unwrap();
        b.edit_item(uid(1), Edit::End(d("2027-03-31")), anna(21))
            .unwrap();
        // Someone else, and much later: changes of their own.
        let bram = |s| Stamp {
            at: t(s),
            by: "Bram".into(),
        };
        b.edit_item(uid(1), Edit::Title("Kick-off".into()), bram(22))
            .unwrap();
        b.edit_item(
            uid(1),
            Edit::Title("Kick".into()),
            anna(22 + COALESCE_SECONDS + 1),
        )
        .unwrap();
        let log = &b.item(uid(1)).unwrap().history.changes;
        let seen: Vec<(&str, &str, &str)> = log
            .iter()
            .map(|c| (c.stamp.by.as_str(), c.from.as_str(), c.to.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("Anna", "Kick-off", "Kick"),
                ("Bram", "Kick", "Kick-off"),
                ("Anna", "", "2027-03-01/2027-03-31"),
                ("Anna", "K", "Kick"),
            ]
        );
        // Typed and typed back: no change.
        b.edit_item(uid(1), Edit::Trekker("X".into()), bram(2000))
            .unwrap();
        b.edit_item(uid(1), Edit::Trekker("".into()), bram(2001))
            .unwrap();
        assert_eq!(b.item(uid(1)).unwrap().history.changes.len(), 4);
    }

    #[test]
    fn a_change_stamped_before_the_newest_keeps_the_log_newest_first() {
        // The clock set back by a moment between two edits of the notes,
        // with the title changed in between (found by the proptest).
        let mut b = board();
        let col = b.columns[0].id;
        b.add_item(uid(1), (1, col), "K", t(1)).unwrap();
        b.edit_item(uid(1), Edit::Title("Kick".into()), anna(18))
            .unwrap();
        b.edit_item(uid(1), Edit::Notes("a".into()), anna(18))
            .unwrap();
        let earlier = Stamp {
            at: t(18) - chrono::Duration::milliseconds(100),
            by: "Anna".into(),
        };
        b.edit_item(uid(1), Edit::Notes("ab".into()), earlier)
            .unwrap();
        let log = &b.item(uid(1)).unwrap().history.changes;
        assert!(
            log.windows(2).all(|w| w[0].stamp.at >= w[1].stamp.at),
            "{log:?}"
        );
        assert_eq!(log[0].stamp.at, t(18), "the newest change is first");
    }

    #[test]
    fn a_change_already_exchanged_is_not_combined_with_a_later_one() {
        let mut b = board();
        let col = b.columns[0].id;
        b.add_item(uid(1), (1, col), "K", t(1)).unwrap();
        b.edit_item(uid(1), Edit::Trekker("A".into()), anna(10))
            .unwrap();
        b.mark_synced(t(11));
        b.edit_item(uid(1), Edit::Trekker("B".into()), anna(12))
            .unwrap();
        let log = &b.item(uid(1)).unwrap().history.changes;
        assert_eq!(log.len(), 2, "the other copy has the first as it was");
        assert_eq!((log[1].from.as_str(), log[1].to.as_str()), ("", "A"));
    }

    #[test]
    fn undo_is_logged_as_a_change_by_whoever_undoes() {
        let mut b = board();
        let col = b.columns[0].id;
        b.add_item(uid(1), (1, col), "K", t(1)).unwrap();
        let mut h = crate::model::history::History::new(10);
        let before = b.clone();
        b.edit_item(uid(1), Edit::Trekker("Anna".into()), anna(5))
            .unwrap();
        h.record(
            "t",
            crate::model::history::Patch::between(&before, &b),
            5_000,
        );
        let bram = Stamp {
            at: t(4000),
            by: "Bram".into(),
        };
        h.undo(&mut b, bram).unwrap();
        let log = &b.item(uid(1)).unwrap().history.changes;
        assert_eq!(log.len(), 2);
        assert_eq!(
            (
                log[0].stamp.by.as_str(),
                log[0].from.as_str(),
                log[0].to.as_str()
            ),
            ("Bram", "Anna", "")
        );
    }

    #[test]
    fn merged_logs_hold_each_change_once() {
        let shared = event(Kind::Restored, &anna(1), "");
        let mut a = CardLog::default();
        a.record([shared.clone(), event(Kind::Combined, &anna(3), "x")]);
        let mut b = CardLog::default();
        b.record([shared, event(Kind::Restored, &anna(2), "")]);
        let m = CardLog::merge(&a, &b);
        assert_eq!(m.changes.len(), 3);
        assert_eq!(m, CardLog::merge(&b, &a));
        assert_eq!(m, CardLog::merge(&m, &b));
    }

    #[test]
    fn a_change_that_arrived_by_merge_is_never_extended() {
        // Two tabs of one browser (merged without an export): the other
        // tab's change is not this session's to rewrite.
        let mut b = board();
        let col = b.columns[0].id;
        b.add_item(uid(1), (1, col), "K", t(1)).unwrap();
        let mut other = b.clone();
        other
            .edit_item(uid(1), Edit::Trekker("X".into()), anna(10))
            .unwrap();
        let mut m = crate::model::merge(&b, &other);
        m.edit_item(uid(1), Edit::Trekker("".into()), anna(12))
            .unwrap();
        let log = &m.item(uid(1)).unwrap().history.changes;
        assert_eq!(log.len(), 2, "both changes stay: {log:?}");
        assert_eq!(
            crate::model::merge(&m, &other),
            crate::model::merge(&other, &m)
        );
    }

    #[test]
    fn a_log_read_from_a_file_keeps_at_most_twelve_older_names() {
        let mut log = CardLog::default();
        log.older.from = Some(t(1));
        log.older.to = Some(t(2));
        log.older.by = (0..50).map(|n| format!("naam {n:02}")).collect();
        log.tidy();
        assert_eq!(log.older.by.len(), MAX_OLDER_NAMES);
    }
}
