//! Filtering the cards shown: free text, trekker, team, label, intern or
//! extern. All criteria together (and); empty ones do not filter.

use super::{Board, Item, Scope};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all occur in title, notes, trekker, team or labels
    /// (case-insensitive).
    pub text: String,
    pub trekker: Option<String>,
    pub team: Option<String>,
    pub tag: Option<String>,
    pub scope: Option<Scope>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.trekker.is_none()
            && self.team.is_none()
            && self.tag.is_none()
            && self.scope.is_none()
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
}

impl Matcher {
    pub fn matches(&self, item: &Item) -> bool {
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
    v.sort_by_cached_key(|s| s.to_lowercase());
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
