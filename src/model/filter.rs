//! Filtering the cards shown: free text, trekker, team, label, intern or
//! extern, with comments, changed since a date. All criteria together
//! (and); empty ones do not filter.

use super::sort;
use chrono::NaiveDate;

use super::comments::live;
use super::{Board, Item, Scope, Timestamp};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all occur in title, notes, trekker, team or labels
    /// (case-insensitive).
    pub text: String,
    pub trekker: Option<String>,
    pub team: Option<String>,
    pub tag: Option<String>,
    pub scope: Option<Scope>,
    /// "Met opmerkingen": only cards with at least one comment that is not
    /// deleted.
    pub with_comments: bool,
    /// "Gewijzigd sinds": only cards whose `updated` (any field, a comment,
    /// a restore) falls on or after this day. The day is taken in UTC, as
    /// `updated` is stored: a change just after midnight Dutch time may
    /// count as the day before (an hour or two at most).
    pub changed_since: Option<NaiveDate>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.trekker.is_none()
            && self.team.is_none()
            && self.tag.is_none()
            && self.scope.is_none()
            && !self.with_comments
            && self.changed_since.is_none()
    }

    pub fn matches(&self, item: &Item) -> bool {
        self.matcher().matches(item)
    }

    /// The filter prepared for checking many items (lowercased once).
    pub fn matcher(&self) -> Matcher {
        let norm = |t: &Option<String>| t.as_deref().map(|t| t.trim().to_lowercase());
        Matcher {
            words: self
                .text
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
            trekker: norm(&self.trekker),
            team: norm(&self.team),
            tag: norm(&self.tag),
            scope: self.scope,
            with_comments: self.with_comments,
            since: self
                .changed_since
                .map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc()),
        }
    }

    /// How many of the board's cards match.
    pub fn count(&self, board: &Board) -> usize {
        let m = self.matcher();
        board.items.iter().filter(|i| m.matches(i)).count()
    }
}

/// A [`Filter`] ready to check items: every criterion lowercased once.
#[derive(Clone, Debug)]
pub struct Matcher {
    words: Vec<String>,
    trekker: Option<String>,
    team: Option<String>,
    tag: Option<String>,
    scope: Option<Scope>,
    with_comments: bool,
    /// The start (UTC) of the "changed since" day: comparing instants needs
    /// no date conversion per card.
    since: Option<Timestamp>,
}

impl Matcher {
    pub fn matches(&self, item: &Item) -> bool {
        // The cheap criteria first: on a big board most cards fail here,
        // before any text is compared.
        if self.since.is_some_and(|since| item.updated < since) {
            return false;
        }
        if self.with_comments && live(&item.comments).next().is_none() {
            return false;
        }
        let eq = |want: &str, have: &str| {
            let have = have.trim();
            // Most values are plain ASCII: compare without allocating.
            if have.is_ascii() && want.is_ascii() {
                have.eq_ignore_ascii_case(want)
            } else {
                have.to_lowercase() == want
            }
        };
        if self
            .trekker
            .as_deref()
            .is_some_and(|t| !eq(t, &item.trekker))
        {
            return false;
        }
        if self.team.as_deref().is_some_and(|t| !eq(t, &item.team)) {
            return false;
        }
        if self
            .tag
            .as_deref()
            .is_some_and(|t| !item.tags.iter().any(|x| eq(t, x)))
        {
            return false;
        }
        if self.scope.is_some() && self.scope != item.scope {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let mut haystack = String::with_capacity(
            item.title.len() + item.notes.len() + item.trekker.len() + item.team.len() + 16,
        );
        for part in [&item.title, &item.notes, &item.trekker, &item.team]
            .into_iter()
            .chain(&item.tags)
        {
            haystack.push_str(part);
            haystack.push('\n');
        }
        let haystack = haystack.to_lowercase();
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// The distinct non-empty values of a field over the board's cards, sorted
/// (for the filter menus).
pub fn values(board: &Board, field: impl Fn(&Item) -> Vec<String>) -> Vec<String> {
    let mut v: Vec<String> = board
        .items
        .iter()
        .flat_map(field)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    sort::sort_by_cached_key(&mut v, |s| s.to_lowercase());
    v.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> Board {
        crate::model::testutil::nieuw_west_zuid()
    }

    #[test]
    fn an_empty_filter_shows_everything() {
        let b = board();
        assert!(Filter::default().is_empty());
        assert_eq!(Filter::default().count(&b), 11);
    }

    #[test]
    fn text_words_all_match_anywhere_case_insensitive() {
        let b = board();
        let f = |t: &str| Filter {
            text: t.into(),
            ..Filter::default()
        };
        assert_eq!(f("open DAG").count(&b), 1);
        assert_eq!(f("training").count(&b), 2); // title and label
        assert_eq!(f("pvi shirts").count(&b), 1);
        assert_eq!(f("buurt bureau").count(&b), 1); // label and notes
        assert_eq!(f("niets-dat-bestaat").count(&b), 0);
        assert!(f("  ").is_empty());
    }

    #[test]
    fn criteria_combine() {
        let b = board();
        let f = Filter {
            trekker: Some("kerngroep".into()),
            ..Filter::default()
        };
        assert_eq!(f.count(&b), 4);
        let f = Filter {
            trekker: Some("Kerngroep".into()),
            scope: Some(Scope::Intern),
            ..Filter::default()
        };
        assert_eq!(f.count(&b), 3);
        let f = Filter {
            tag: Some("training".into()),
            text: "radicalisering".into(),
            ..Filter::default()
        };
        assert_eq!(f.count(&b), 1);
        assert!(!f.is_empty());
    }

    fn stamp(at: Timestamp) -> crate::model::Stamp {
        crate::model::Stamp {
            at,
            by: "Anna".into(),
        }
    }

    #[test]
    fn with_comments_counts_only_comments_not_deleted() {
        use crate::model::testutil::uid;
        let mut b = board();
        let f = Filter {
            with_comments: true,
            ..Filter::default()
        };
        assert!(!f.is_empty());
        assert_eq!(f.count(&b), 0);
        let (a, c) = (b.items[0].id, b.items[1].id);
        let at = b.items[0].updated + chrono::Duration::seconds(10);
        b.add_comment(a, uid(501), "Wacht op sleutelfiguur X", stamp(at))
            .unwrap();
        b.add_comment(c, uid(502), "Vergissing", stamp(at)).unwrap();
        assert_eq!(f.count(&b), 2);
        // A deleted comment is a tombstone: the card has none left.
        b.delete_comment(c, uid(502), stamp(at)).unwrap();
        assert_eq!(f.count(&b), 1);
        assert!(f.matches(b.item(a).unwrap()));
        assert!(!f.matches(b.item(c).unwrap()));
        // Combined with another criterion: both must hold.
        let f = Filter {
            with_comments: true,
            text: "niets-dat-bestaat".into(),
            ..Filter::default()
        };
        assert_eq!(f.count(&b), 0);
    }

    #[test]
    fn changed_since_takes_the_whole_day_in_utc() {
        use crate::model::Edit;
        let mut b = board();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let at = |s: &str| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
                .unwrap()
                .and_utc()
        };
        let ids: Vec<_> = b.items.iter().map(|i| i.id).collect();
        // Every card last changed long before; three changed around 1 March.
        for i in &mut b.items {
            i.updated = at("2027-01-15 12:00:00");
        }
        b.edit_item(
            ids[0],
            Edit::Trekker("OE".into()),
            stamp(at("2027-02-28 23:59:59")),
        )
        .unwrap();
        b.edit_item(
            ids[1],
            Edit::Trekker("OE".into()),
            stamp(at("2027-03-01 00:00:00")),
        )
        .unwrap();
        b.add_comment(
            ids[2],
            crate::model::testutil::uid(600),
            "Besproken",
            stamp(at("2027-03-02 09:00:00")),
        )
        .unwrap();
        let since = |d: &str| Filter {
            changed_since: Some(day(d)),
            ..Filter::default()
        };
        assert!(!since("2027-03-01").is_empty());
        // On or after the day: its first second counts, the second before not.
        assert_eq!(since("2027-03-01").count(&b), 2);
        assert!(since("2027-03-01").matches(b.item(ids[1]).unwrap()));
        assert!(!since("2027-03-01").matches(b.item(ids[0]).unwrap()));
        // A comment is a change too.
        assert!(since("2027-03-02").matches(b.item(ids[2]).unwrap()));
        assert_eq!(since("2027-02-28").count(&b), 3);
        assert_eq!(since("2027-03-03").count(&b), 0);
        assert_eq!(since("2027-01-15").count(&b), 11);
        let both = Filter {
            changed_since: Some(day("2027-02-01")),
            trekker: Some("oe".into()),
            ..Filter::default()
        };
        assert_eq!(both.count(&b), 2);
    }

    #[test]
    fn menu_values_are_distinct_and_sorted() {
        let b = board();
        let trekkers = values(&b, |i| vec![i.trekker.clone()]);
        assert_eq!(trekkers[0], "Kerngroep");
        assert!(trekkers.contains(&"OE en OPCO".to_string()));
        let tags = values(&b, |i| i.tags.clone());
        assert!(tags
            .windows(2)
            .all(|w| w[0].to_lowercase() < w[1].to_lowercase()));
    }
}
