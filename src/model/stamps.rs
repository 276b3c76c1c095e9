//! Per-field change stamps on a card, so that two copies merge field by
//! field: each field of a card (title, notes, trekker, team, the dates,
//! scope, and its position) remembers when and by whom it last changed;
//! each label remembers when it was last added or removed. A line has
//! stamps too, for its description, status and knelpunten
//! ([`LineStamps`], [`merge_line`]).
//!
//! Start and end are one value ("dates"): taken apart, one copy's new start
//! and the other's new end could merge into an end before the start, and
//! no rule that repairs that keeps the merge a join. Two people changing
//! the dates at once is a conflict with both values kept instead.
//!
//! Stored compactly in a card's `changed` (see [`Changed`]): a field
//! without its own stamp has the stamp `others`, and without that when and
//! by whom the card was made (`created`, `created_by`). [`Item::normalize`] keeps that form
//! canonical (a function of the stamps alone), so two copies that agree on
//! every stamp are equal, which the merge laws need.

use super::sort;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Item, Line, Scope, Timestamp};

/// When and by whom something changed. Ordered by time, then name: the
/// later stamp wins a merge. Written as one line, the time then the name
/// (`"2027-03-01T10:00:00.123Z Anna de Vries"`): a worked board has a few
/// per card, and an object each made files 75 % larger instead of 40 %.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub at: Timestamp,
    /// The name from "Jouw naam" ("" when not given).
    pub by: String,
}

impl Stamp {
    fn text(&self) -> String {
        let at = self.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        if self.by.is_empty() {
            at
        } else {
            format!("{at} {}", self.by)
        }
    }

    fn parse(text: &str) -> Result<Stamp, String> {
        let (at, by) = text.split_once(' ').unwrap_or((text, ""));
        let at = chrono::DateTime::parse_from_rfc3339(at)
            .map_err(|e| format!("time '{at}': {e}"))?
            .with_timezone(&chrono::Utc);
        Ok(Stamp {
            at,
            by: by.to_string(),
        })
    }
}

impl Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        super::board::from_text(d, Stamp::parse)
    }
}

impl From<Timestamp> for Stamp {
    fn from(at: Timestamp) -> Stamp {
        Stamp {
            at,
            by: String::new(),
        }
    }
}

impl From<&Stamp> for Stamp {
    fn from(s: &Stamp) -> Stamp {
        s.clone()
    }
}

/// A field of a card that merges as one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardField {
    Title,
    Notes,
    Trekker,
    Team,
    /// Start and end together (see the module documentation).
    Dates,
    Scope,
    /// Line, column and order within the cell, as one value: a move is
    /// one change.
    Position,
}

impl CardField {
    pub const ALL: [CardField; 7] = [
        CardField::Title,
        CardField::Notes,
        CardField::Trekker,
        CardField::Team,
        CardField::Dates,
        CardField::Scope,
        CardField::Position,
    ];
}

/// A label's last change: added (present) or removed. Written like a
/// stamp, with "removed " in front for a removal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LabelMark {
    pub at: Timestamp,
    pub by: String,
    /// The label was removed at `at` (a removal merges like an addition).
    pub removed: bool,
}

const REMOVED: &str = "removed ";

impl Serialize for LabelMark {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.stamp().text();
        if self.removed {
            s.serialize_str(&format!("{REMOVED}{text}"))
        } else {
            s.serialize_str(&text)
        }
    }
}

impl<'de> Deserialize<'de> for LabelMark {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LabelMark, D::Error> {
        super::board::from_text(d, |text| {
            let (removed, rest) = match text.strip_prefix(REMOVED) {
                Some(rest) => (true, rest),
                None => (false, text),
            };
            Stamp::parse(rest).map(|s| LabelMark {
                at: s.at,
                by: s.by,
                removed,
            })
        })
    }
}

impl LabelMark {
    fn stamp(&self) -> Stamp {
        Stamp {
            at: self.at,
            by: self.by.clone(),
        }
    }
}

/// The stamps of a card's fields, in canonical form (see the module
/// documentation). Empty for a card not changed since it was made.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changed {
    /// The stamp of every field not named below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub others: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trekker: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Stamp>,
    /// Labels added or removed since `others`; a present label not named
    /// here has the stamp `others`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, LabelMark>,
}

/// A card's [`Changed`], boxed and absent when empty: most cards of a
/// big board were never changed, and an empty `Changed` inline made every
/// card (held by the board, its view signal and undo) 400 bytes larger.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stamped(Option<Box<Changed>>);

static NOTHING_CHANGED: Changed = Changed {
    others: None,
    title: None,
    notes: None,
    trekker: None,
    team: None,
    dates: None,
    scope: None,
    position: None,
    labels: BTreeMap::new(),
};

impl std::ops::Deref for Stamped {
    type Target = Changed;
    fn deref(&self) -> &Changed {
        self.0.as_deref().unwrap_or(&NOTHING_CHANGED)
    }
}

impl std::ops::DerefMut for Stamped {
    fn deref_mut(&mut self) -> &mut Changed {
        self.0.get_or_insert_with(Box::default)
    }
}

impl Stamped {
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl From<Changed> for Stamped {
    fn from(c: Changed) -> Stamped {
        Stamped((!c.is_empty()).then(|| Box::new(c)))
    }
}

impl Serialize for Stamped {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Stamped {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stamped, D::Error> {
        Changed::deserialize(d).map(Stamped::from)
    }
}

impl Changed {
    pub fn is_empty(&self) -> bool {
        *self == NOTHING_CHANGED
    }

    /// Every stamp it holds (fields, `others`, labels), without copying.
    pub fn all_stamps(&self) -> impl Iterator<Item = (&Timestamp, &str)> {
        std::iter::once(&self.others)
            .chain(CardField::ALL.iter().map(|f| self.slot(*f)))
            .flatten()
            .map(|s| (&s.at, s.by.as_str()))
            .chain(self.labels.values().map(|m| (&m.at, m.by.as_str())))
    }

    fn slot(&self, f: CardField) -> &Option<Stamp> {
        match f {
            CardField::Title => &self.title,
            CardField::Notes => &self.notes,
            CardField::Trekker => &self.trekker,
            CardField::Team => &self.team,
            CardField::Dates => &self.dates,
            CardField::Scope => &self.scope,
            CardField::Position => &self.position,
        }
    }

    fn slot_mut(&mut self, f: CardField) -> &mut Option<Stamp> {
        match f {
            CardField::Title => &mut self.title,
            CardField::Notes => &mut self.notes,
            CardField::Trekker => &mut self.trekker,
            CardField::Team => &mut self.team,
            CardField::Dates => &mut self.dates,
            CardField::Scope => &mut self.scope,
            CardField::Position => &mut self.position,
        }
    }
}

/// A value that lost a merge to a value set at the same time on the other
/// copy (both changed the field since they last exchanged). Kept on the
/// card, and travelling with it, until someone decides: it is open while
/// the field still carries the stamp `against`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldConflict {
    pub field: CardField,
    /// The value that was not chosen, as in the file (text, date, ...).
    pub value: Value,
    /// When and by whom that value was set.
    pub stamp: Stamp,
    /// The stamp of the value the merge chose.
    pub against: Stamp,
}

/// The effective stamps of a card: one per field, one per label.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamps {
    pub fields: [Stamp; 7],
    /// Every label the card has or had, with whether it is present.
    pub labels: BTreeMap<String, LabelMark>,
}

impl Item {
    /// A card with nothing in it, to read a field's value into.
    pub fn blank() -> Item {
        Item {
            id: uuid::Uuid::nil(),
            title: String::new(),
            notes: String::new(),
            trekker: String::new(),
            team: String::new(),
            start: None,
            end: None,
            scope: None,
            tags: Vec::new(),
            line: 1,
            column: uuid::Uuid::nil(),
            rank: 0.0,
            created: chrono::DateTime::UNIX_EPOCH,
            created_by: String::new(),
            updated: chrono::DateTime::UNIX_EPOCH,
            changed: Stamped::default(),
            conflicts: Vec::new(),
            comments: Vec::new(),
            history: Default::default(),
            extra: Default::default(),
        }
    }

    /// The stamp a field without its own has.
    fn default_stamp(&self) -> Stamp {
        self.changed.others.clone().unwrap_or_else(|| self.made())
    }

    /// When and by whom the card was made: the stamp of its fields until
    /// they change.
    pub fn made(&self) -> Stamp {
        Stamp {
            at: self.created,
            by: self.created_by.clone(),
        }
    }

    /// When and by whom `field` last changed.
    pub fn stamp(&self, field: CardField) -> Stamp {
        self.changed
            .slot(field)
            .clone()
            .unwrap_or_else(|| self.default_stamp())
    }

    /// Every field's and label's stamp.
    pub fn stamps(&self) -> Stamps {
        let default = self.default_stamp();
        let fields =
            CardField::ALL.map(|f| self.changed.slot(f).clone().unwrap_or(default.clone()));
        let mut labels: BTreeMap<String, LabelMark> = BTreeMap::new();
        labels.extend(
            self.changed
                .labels
                .iter()
                .filter(|(_, m)| m.removed)
                .map(|(k, m)| (k.clone(), m.clone())),
        );
        for t in &self.tags {
            let mark = match self.changed.labels.get(t) {
                Some(m) if !m.removed => m.clone(),
                _ => LabelMark {
                    at: default.at,
                    by: default.by.clone(),
                    removed: false,
                },
            };
            labels.insert(t.clone(), mark);
        }
        Stamps { fields, labels }
    }

    /// Puts `stamps` on the card in canonical form: `others` is the stamp
    /// most fields share (ties: the latest), left out when it is the
    /// card's `created`; a field or label is named only when it differs.
    /// Labels keep their order; labels new to the card follow, ordered by
    /// when they were added, then by name. Conflicts no longer open are
    /// dropped.
    pub fn set_stamps(&mut self, stamps: Stamps) {
        let mut counts: BTreeMap<&Stamp, usize> = BTreeMap::new();
        for s in &stamps.fields {
            *counts.entry(s).or_default() += 1;
        }
        let common = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))
            .map(|(s, _)| (*s).clone())
            .unwrap_or_else(|| self.made());
        let mut changed = Changed {
            others: (common != self.made()).then(|| common.clone()),
            ..Changed::default()
        };
        for (f, s) in CardField::ALL.iter().zip(&stamps.fields) {
            if *s != common {
                *changed.slot_mut(*f) = Some(s.clone());
            }
        }
        let mut present: Vec<(&LabelMark, &String)> = Vec::new();
        for (label, mark) in &stamps.labels {
            if mark.removed || mark.stamp() != common {
                changed.labels.insert(label.clone(), mark.clone());
            }
            if !mark.removed {
                present.push((mark, label));
            }
        }
        // Labels keep their order; new ones follow by when they were added.
        sort::sort_by(&mut present, |a, b| {
            (a.0.at, &a.0.by, a.1).cmp(&(b.0.at, &b.0.by, b.1))
        });
        let mut tags: Vec<String> = self
            .tags
            .iter()
            .filter(|t| stamps.labels.get(*t).is_some_and(|m| !m.removed))
            .cloned()
            .collect();
        for (_, label) in present {
            if !tags.contains(label) {
                tags.push(label.clone());
            }
        }
        self.tags = tags;
        self.changed = changed.into();
        self.drop_decided_conflicts();
    }

    /// Brings `changed` into canonical form (after the fields were set by
    /// hand, e.g. by a migration or a test).
    pub fn normalize(&mut self) {
        let stamps = self.stamps();
        self.set_stamps(stamps);
    }

    /// Records that `field` changed at `stamp` (its value is already set).
    pub fn touch(&mut self, field: CardField, stamp: &Stamp) {
        let mut stamps = self.stamps();
        stamps.fields[field as usize] = stamp.clone();
        self.set_stamps(stamps);
        self.updated = self.updated.max(stamp.at);
    }

    /// Sets the labels to `tags` (in that order of adding): labels added
    /// and removed get `stamp`; labels kept keep theirs.
    pub fn set_labels(&mut self, tags: Vec<String>, stamp: &Stamp) {
        let mut stamps = self.stamps();
        for (label, mark) in stamps.labels.iter_mut() {
            let want = tags.contains(label);
            if want == mark.removed {
                *mark = LabelMark {
                    at: stamp.at,
                    by: stamp.by.clone(),
                    removed: !want,
                };
            }
        }
        for t in &tags {
            stamps.labels.entry(t.clone()).or_insert_with(|| LabelMark {
                at: stamp.at,
                by: stamp.by.clone(),
                removed: false,
            });
        }
        // Removed labels are remembered up to a bound, the latest kept.
        let removed = stamps.labels.values().filter(|m| m.removed).count();
        let over = (removed + tags.len()).saturating_sub(super::limits::MAX_LABEL_MARKS);
        if over > 0 {
            let mut old: Vec<(LabelMark, String)> = stamps
                .labels
                .iter()
                .filter(|(_, m)| m.removed)
                .map(|(k, m)| (m.clone(), k.clone()))
                .collect();
            sort::sort(&mut old);
            for (_, k) in old.into_iter().take(over) {
                stamps.labels.remove(&k);
            }
        }
        // In the order given.
        self.tags = tags;
        self.set_stamps(stamps);
        self.updated = self.updated.max(stamp.at);
    }

    /// Gives every field whose value differs from `other`'s the stamp
    /// `stamp` (what undo puts back counts as a change made now).
    pub fn restamp_differences(&mut self, other: &Item, stamp: &Stamp) {
        let mut stamps = self.stamps();
        for f in CardField::ALL {
            if self.value(f) != other.value(f) {
                // A conflict open on the value put back stays open (undoing
                // a choice brings the choice back).
                let old = &stamps.fields[f as usize];
                for c in self.conflicts.iter_mut() {
                    if c.field == f && c.against == *old {
                        c.against = stamp.clone();
                    }
                }
                stamps.fields[f as usize] = stamp.clone();
            }
        }
        let theirs = other.stamps().labels;
        for (label, mark) in stamps.labels.iter_mut() {
            let present_there = theirs.get(label).is_some_and(|m| !m.removed);
            if present_there == mark.removed {
                mark.at = stamp.at;
                mark.by = stamp.by.clone();
            }
        }
        for (label, mark) in theirs {
            if !mark.removed && !stamps.labels.contains_key(&label) {
                stamps.labels.insert(
                    label,
                    LabelMark {
                        at: stamp.at,
                        by: stamp.by.clone(),
                        removed: true,
                    },
                );
            }
        }
        self.set_stamps(stamps);
    }

    /// Whether `field` has the same value here and on `other` (without
    /// writing either as JSON: a merge asks this for every field).
    pub fn same(&self, other: &Item, field: CardField) -> bool {
        match field {
            CardField::Title => self.title == other.title,
            CardField::Notes => self.notes == other.notes,
            CardField::Trekker => self.trekker == other.trekker,
            CardField::Team => self.team == other.team,
            CardField::Dates => (self.start, self.end) == (other.start, other.end),
            CardField::Scope => self.scope == other.scope,
            CardField::Position => {
                (self.line, self.column, self.rank) == (other.line, other.column, other.rank)
            }
        }
    }

    /// Takes `field`'s value from `other`.
    fn take(&mut self, other: &Item, field: CardField) {
        match field {
            CardField::Title => self.title.clone_from(&other.title),
            CardField::Notes => self.notes.clone_from(&other.notes),
            CardField::Trekker => self.trekker.clone_from(&other.trekker),
            CardField::Team => self.team.clone_from(&other.team),
            CardField::Dates => (self.start, self.end) = (other.start, other.end),
            CardField::Scope => self.scope = other.scope,
            CardField::Position => {
                (self.line, self.column, self.rank) = (other.line, other.column, other.rank)
            }
        }
    }

    /// A field's value as it is written in a board file.
    pub fn value(&self, field: CardField) -> Value {
        fn json<T: Serialize>(v: &T) -> Value {
            serde_json::to_value(v).unwrap_or(Value::Null)
        }
        match field {
            CardField::Title => Value::from(self.title.clone()),
            CardField::Notes => Value::from(self.notes.clone()),
            CardField::Trekker => Value::from(self.trekker.clone()),
            CardField::Team => Value::from(self.team.clone()),
            CardField::Dates => serde_json::json!({ "start": self.start, "end": self.end }),
            CardField::Scope => json(&self.scope),
            CardField::Position => serde_json::json!({
                "line": self.line,
                "column": self.column,
                "rank": self.rank,
            }),
        }
    }

    /// Sets a field from a value written as by [`Item::value`]. `false`
    /// (and nothing changed) when the value does not fit the field.
    pub fn set_value(&mut self, field: CardField, value: &Value) -> bool {
        fn read<T: serde::de::DeserializeOwned>(v: &Value) -> Option<T> {
            serde_json::from_value(v.clone()).ok()
        }
        match field {
            CardField::Title => read(value).map(|v| self.title = v),
            CardField::Notes => read(value).map(|v| self.notes = v),
            CardField::Trekker => read(value).map(|v| self.trekker = v),
            CardField::Team => read(value).map(|v| self.team = v),
            CardField::Dates => {
                #[derive(Deserialize)]
                struct Dates {
                    start: Option<chrono::NaiveDate>,
                    end: Option<chrono::NaiveDate>,
                }
                read::<Dates>(value).map(|d| {
                    self.start = d.start;
                    self.end = d.end;
                })
            }
            CardField::Scope => read::<Option<Scope>>(value).map(|v| self.scope = v),
            CardField::Position => {
                #[derive(Deserialize)]
                struct Position {
                    line: u8,
                    column: uuid::Uuid,
                    rank: f64,
                }
                read::<Position>(value).map(|p| {
                    self.line = p.line;
                    self.column = p.column;
                    self.rank = p.rank;
                })
            }
        }
        .is_some()
    }

    fn drop_decided_conflicts(&mut self) {
        if self.conflicts.is_empty() {
            return;
        }
        let stamps = self.stamps();
        let values: Vec<Value> = CardField::ALL.iter().map(|f| self.value(*f)).collect();
        self.conflicts.retain(|c| {
            stamps.fields[c.field as usize] == c.against && values[c.field as usize] != c.value
        });
        let key = |c: &FieldConflict| {
            (
                c.field,
                c.stamp.clone(),
                c.against.clone(),
                c.value.to_string(),
            )
        };
        sort::sort_by_key(&mut self.conflicts, key);
        self.conflicts.dedup();
    }

    /// The latest stamp on the card (fields and labels).
    pub fn last_stamp(&self) -> Stamp {
        let s = self.stamps();
        let fields = s.fields.into_iter().max();
        let labels = s.labels.values().map(LabelMark::stamp).max();
        fields
            .into_iter()
            .chain(labels)
            .max()
            .unwrap_or_else(|| self.made())
    }
}

/// Merges two versions of one card field by field: each field takes the
/// value with the later stamp (equal stamps: the greater value as JSON);
/// each label its latest addition or removal. Conflict records of both are
/// kept while open.
pub fn merge_item(a: &Item, b: &Item) -> Item {
    let (sa, sb) = (a.stamps(), b.stamps());
    let extra_from_a = match a.updated.cmp(&b.updated) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            a.extra == b.extra
                || serde_json::to_string(&a.extra).unwrap_or_default()
                    >= serde_json::to_string(&b.extra).unwrap_or_default()
        }
    };
    let mut out = if extra_from_a { a.clone() } else { b.clone() };
    // Made once: the earlier record of it (equal times: the greater name).
    let made = match a.created.cmp(&b.created) {
        std::cmp::Ordering::Less => a.made(),
        std::cmp::Ordering::Greater => b.made(),
        std::cmp::Ordering::Equal => a.made().max(b.made()),
    };
    out.created = made.at;
    out.created_by = made.by;
    out.updated = a.updated.max(b.updated);
    let mut fields = sa.fields.clone();
    for f in CardField::ALL {
        let i = f as usize;
        let take_a = match sa.fields[i].cmp(&sb.fields[i]) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            // Equal stamps, different values (rare): the greater JSON.
            std::cmp::Ordering::Equal => a.same(b, f) || json_ge(&a.value(f), &b.value(f)),
        };
        let (from, s) = if take_a {
            (a, &sa.fields[i])
        } else {
            (b, &sb.fields[i])
        };
        out.take(from, f);
        fields[i] = s.clone();
    }
    let mut labels = sa.labels;
    for (label, mark) in sb.labels {
        match labels.get(&label) {
            Some(m) if *m >= mark => {}
            _ => {
                labels.insert(label, mark);
            }
        }
    }
    // Neither copy's order may win (the merge would depend on which came
    // first): labels follow their stamps, then their names.
    out.tags.clear();
    out.conflicts = a.conflicts.iter().chain(&b.conflicts).cloned().collect();
    out.comments = super::comments::merge_comments(&a.comments, &b.comments);
    out.history = super::CardLog::merge(&a.history, &b.history);
    out.set_stamps(Stamps { fields, labels });
    out
}

/// Orders two values by their JSON text (ties between equal stamps).
fn json_ge(a: &Value, b: &Value) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    a >= b
}

/// A field of a line that merges as one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineField {
    /// Name, description and unknown fields together, as the whole line
    /// merged before it had stamps.
    Description,
    Status,
    Knelpunten,
}

impl LineField {
    pub const ALL: [LineField; 3] = [
        LineField::Description,
        LineField::Status,
        LineField::Knelpunten,
    ];
}

/// A line's per-field stamps. They exist because a line's status and
/// knelpunten are kept up by different people for the kerngroep's report:
/// with the line merged whole, one person's status change would undo
/// another's knelpunten. Absent stamps: `description` has the line's
/// `updated` (as before lines had stamps), `status` and `knelpunten` were
/// never set (older than any stamp). [`Line::set_stamps`] keeps this form
/// canonical, so equal stamps mean equal lines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LineStamps {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knelpunten: Option<Stamp>,
}

impl LineStamps {
    pub fn is_empty(&self) -> bool {
        self.description.is_none() && self.status.is_none() && self.knelpunten.is_none()
    }

    /// Every stamp it holds.
    pub fn all_stamps(&self) -> impl Iterator<Item = &Stamp> {
        [&self.description, &self.status, &self.knelpunten]
            .into_iter()
            .flatten()
    }
}

impl Line {
    /// When and by whom `field` last changed; `None`: never set.
    pub fn stamp(&self, field: LineField) -> Option<Stamp> {
        match field {
            LineField::Description => Some(
                self.changed
                    .description
                    .clone()
                    .unwrap_or_else(|| Stamp::from(self.updated)),
            ),
            LineField::Status => self.changed.status.clone(),
            LineField::Knelpunten => self.changed.knelpunten.clone(),
        }
    }

    fn stamps(&self) -> [Option<Stamp>; 3] {
        LineField::ALL.map(|f| self.stamp(f))
    }

    /// Puts `stamps` (by [`LineField`]) on the line in canonical form:
    /// `updated` is at least the latest of them, and the description's is
    /// left out when it is `updated` without a name.
    pub fn set_stamps(&mut self, stamps: [Option<Stamp>; 3]) {
        let [description, status, knelpunten] = stamps;
        let latest = [&description, &status, &knelpunten]
            .into_iter()
            .flatten()
            .map(|s| s.at)
            .max();
        self.updated = self.updated.max(latest.unwrap_or(self.updated));
        let plain = Stamp::from(self.updated);
        self.changed = LineStamps {
            description: description.filter(|d| *d != plain),
            status,
            knelpunten,
        };
    }

    /// Records that `field` changed at `stamp` (its value is already set).
    pub fn touch(&mut self, field: LineField, stamp: &Stamp) {
        let mut stamps = self.stamps();
        stamps[field as usize] = Some(stamp.clone());
        self.set_stamps(stamps);
    }

    /// Stamps `stamp` on every field whose value differs from `current`'s
    /// and gives the others `current`'s stamps (what undo puts back counts
    /// as a change made now).
    pub fn restamp_differences(&mut self, current: &Line, stamp: &Stamp) {
        let stamps = LineField::ALL.map(|f| {
            if self.same(current, f) {
                current.stamp(f)
            } else {
                Some(stamp.clone())
            }
        });
        self.updated = self.updated.max(current.updated);
        self.set_stamps(stamps);
    }

    /// Whether `field` has the same value here and on `other`.
    pub fn same(&self, other: &Line, field: LineField) -> bool {
        match field {
            LineField::Description => {
                (&self.name, &self.description, &self.extra)
                    == (&other.name, &other.description, &other.extra)
            }
            LineField::Status => self.status == other.status,
            LineField::Knelpunten => self.knelpunten == other.knelpunten,
        }
    }

    /// Takes `field`'s value from `other`.
    fn take(&mut self, other: &Line, field: LineField) {
        match field {
            LineField::Description => {
                self.name.clone_from(&other.name);
                self.description.clone_from(&other.description);
                self.extra.clone_from(&other.extra);
            }
            LineField::Status => self.status = other.status,
            LineField::Knelpunten => self.knelpunten.clone_from(&other.knelpunten),
        }
    }

    /// A field's value as text, to order two values with equal stamps.
    fn tie_key(&self, field: LineField) -> String {
        match field {
            LineField::Description => {
                serde_json::to_string(&(&self.name, &self.description, &self.extra))
                    .unwrap_or_default()
            }
            LineField::Status => serde_json::to_string(&self.status).unwrap_or_default(),
            LineField::Knelpunten => self.knelpunten.clone(),
        }
    }
}

/// Merges two versions of one line field by field: name and description
/// (as one), status and knelpunten each take the value with the later
/// stamp (equal stamps: the greater value as text). A field both copies
/// changed since they last exchanged is not kept as a conflict: the later
/// value wins.
pub fn merge_line(a: &Line, b: &Line) -> Line {
    let mut out = a.clone();
    let mut stamps = a.stamps();
    for f in LineField::ALL {
        let (sa, sb) = (a.stamp(f), b.stamp(f));
        let take_b = match sa.cmp(&sb) {
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal => !a.same(b, f) && b.tie_key(f) > a.tie_key(f),
        };
        if take_b {
            out.take(b, f);
            stamps[f as usize] = sb;
        }
    }
    out.updated = a.updated.max(b.updated);
    out.set_stamps(stamps);
    out
}
