//! The URL hash as a route: which page, which view of the board, which
//! filter. Pure (no browser), so parsing and writing are tested natively;
//! `state::nav` reads and sets the real hash.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use uuid::Uuid;

use crate::model::dates;
use crate::model::filter::Filter;
use crate::model::Scope;

/// Which page is shown; kept in the URL hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/borden`: the board list.
    List,
    /// `#/bord/<id>`: one board.
    Board(Uuid),
    /// `#/programma…`: every included board together.
    Programme(Page),
}

/// A page of the programme: the teams × lines matrix (`#/programma`), the
/// year plan of all teams (`/jaarplan`), the progress report (`/rapport`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Matrix,
    Plan,
    Report,
}

impl Page {
    pub const ALL: [Page; 3] = [Page::Matrix, Page::Plan, Page::Report];

    fn path(self) -> &'static str {
        match self {
            Page::Matrix => "programma",
            Page::Plan => "programma/jaarplan",
            Page::Report => "programma/rapport",
        }
    }
}

impl Route {
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        if let Some(page) = Page::ALL
            .into_iter()
            .find(|p| p.path() == path.trim_end_matches('/'))
        {
            return Some(Route::Programme(page));
        }
        let path = path
            .trim_end_matches(View::Calendar.suffix())
            .trim_end_matches(View::Overview.suffix());
        if path == "borden" {
            return Some(Route::List);
        }
        let id = path.strip_prefix("bord/")?;
        Uuid::parse_str(id).ok().map(Route::Board)
    }

    pub fn hash(self) -> String {
        match self {
            Route::List => "#/borden".into(),
            Route::Board(id) => format!("#/bord/{id}"),
            Route::Programme(page) => format!("#/{}", page.path()),
        }
    }
}

/// Which view of the open board: the board itself, the year calendar or
/// the progress overview. In the URL after the board: `/kalender`,
/// `/overzicht`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Board,
    Calendar,
    Overview,
}

impl View {
    pub fn parse(hash: &str) -> View {
        let path = hash.split('?').next().unwrap_or_default();
        if path.ends_with("/kalender") {
            View::Calendar
        } else if path.ends_with("/overzicht") {
            View::Overview
        } else {
            View::Board
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            View::Board => "",
            View::Calendar => "/kalender",
            View::Overview => "/overzicht",
        }
    }
}

/// What `encodeURIComponent` leaves as it is: letters, digits and
/// `-_.!~*'()`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

fn encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// The filter in a URL hash:
/// `#/bord/<id>?q=…&trekker=…&team=…&label=…&scope=…&opmerkingen=1&sinds=2027-03-01`.
/// A value that does not parse (`sinds=gisteren`) filters nothing.
pub fn filter_from_hash(hash: &str) -> Filter {
    let mut f = Filter::default();
    let Some((_, query)) = hash.split_once('?') else {
        return f;
    };
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        match k {
            "q" => f.text = v,
            "trekker" => f.trekker = Some(v),
            "team" => f.team = Some(v),
            "label" => f.tag = Some(v),
            "scope" => {
                f.scope = match v.as_str() {
                    "intern" => Some(Scope::Intern),
                    "extern" => Some(Scope::Extern),
                    _ => None,
                }
            }
            "opmerkingen" => f.with_comments = matches!(v.as_str(), "1" | "ja"),
            "sinds" => f.changed_since = dates::parse_iso(&v),
            _ => {}
        }
    }
    f
}

/// The query part for a filter ("" when it filters nothing).
pub fn filter_query(f: &Filter) -> String {
    let mut parts = Vec::new();
    if !f.text.trim().is_empty() {
        parts.push(format!("q={}", encode(&f.text)));
    }
    for (k, v) in [
        ("trekker", &f.trekker),
        ("team", &f.team),
        ("label", &f.tag),
    ] {
        if let Some(v) = v {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    if let Some(scope) = f.scope {
        let v = match scope {
            Scope::Intern => "intern",
            Scope::Extern => "extern",
        };
        parts.push(format!("scope={v}"));
    }
    if f.with_comments {
        parts.push("opmerkingen=1".into());
    }
    if let Some(d) = f.changed_since {
        parts.push(format!("sinds={}", dates::iso(d)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The whole hash for a page, a view of it and a filter.
pub fn url(route: Route, view: View, filter: &Filter) -> String {
    let view = match route {
        Route::Board(_) => view.suffix(),
        Route::List | Route::Programme(_) => "",
    };
    format!("{}{view}{}", route.hash(), filter_query(filter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn id() -> Uuid {
        Uuid::parse_str("0b7e3c52-4a53-4c1a-9d2f-0e1f2a3b4c5d").unwrap()
    }

    #[test]
    fn routes_round_trip_through_the_hash() {
        let pages = Page::ALL.map(Route::Programme);
        for route in [Route::List, Route::Board(id())].into_iter().chain(pages) {
            assert_eq!(Route::parse(&route.hash()), Some(route));
            for view in [View::Board, View::Calendar, View::Overview] {
                let hash = url(route, view, &Filter::default());
                assert_eq!(Route::parse(&hash), Some(route), "{hash}");
                if matches!(route, Route::Board(_)) {
                    assert_eq!(View::parse(&hash), view, "{hash}");
                }
            }
        }
    }

    #[test]
    fn hashes_people_type_or_bookmark() {
        assert_eq!(Route::parse("#/borden"), Some(Route::List));
        assert_eq!(Route::parse("#borden"), Some(Route::List));
        assert_eq!(Route::parse("/borden?q=x"), Some(Route::List));
        let b = format!("#/bord/{}/kalender?trekker=OE", id());
        assert_eq!(Route::parse(&b), Some(Route::Board(id())));
        assert_eq!(View::parse(&b), View::Calendar);
        assert_eq!(Route::parse("#/bord/niet-een-id"), None);
        assert_eq!(Route::parse("#/bord/"), None);
        assert_eq!(Route::parse(""), None);
        assert_eq!(Route::parse("#/iets"), None);
        assert_eq!(
            Route::parse("#/programma"),
            Some(Route::Programme(Page::Matrix))
        );
        assert_eq!(
            Route::parse("#/programma/"),
            Some(Route::Programme(Page::Matrix))
        );
        assert_eq!(
            Route::parse("#/programma/jaarplan"),
            Some(Route::Programme(Page::Plan))
        );
        assert_eq!(
            Route::parse("#/programma/rapport?x=1"),
            Some(Route::Programme(Page::Report))
        );
        assert_eq!(Route::parse("#/programma/iets"), None);
        // A view word in the query is no view.
        assert_eq!(View::parse("#/bord/x?q=/kalender"), View::Board);
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let filters = [
            Filter::default(),
            Filter {
                text: "open dag".into(),
                ..Filter::default()
            },
            Filter {
                text: "a&b=c?d#e%f/g".into(),
                trekker: Some("OE & kerngroep".into()),
                team: Some("Nieuw West Zuid".into()),
                tag: Some("één, twee".into()),
                scope: Some(Scope::Extern),
                with_comments: true,
                changed_since: NaiveDate::from_ymd_opt(2027, 3, 1),
            },
            Filter {
                with_comments: true,
                ..Filter::default()
            },
            Filter {
                changed_since: NaiveDate::from_ymd_opt(999, 12, 31),
                ..Filter::default()
            },
            Filter {
                scope: Some(Scope::Intern),
                trekker: Some(String::new()),
                ..Filter::default()
            },
        ];
        for f in filters {
            let hash = url(Route::Board(id()), View::Overview, &f);
            assert_eq!(filter_from_hash(&hash), f, "{hash}");
            assert_eq!(View::parse(&hash), View::Overview, "{hash}");
        }
    }

    #[test]
    fn the_query_is_encoded_like_encode_uri_component() {
        let f = Filter {
            text: "a b&c'(x)*~!é".into(),
            ..Filter::default()
        };
        assert_eq!(filter_query(&f), "?q=a%20b%26c'(x)*~!%C3%A9");
        assert_eq!(filter_query(&Filter::default()), "");
        // Whitespace alone filters nothing and is left out.
        let blank = Filter {
            text: "  ".into(),
            ..Filter::default()
        };
        assert_eq!(filter_query(&blank), "");
    }

    #[test]
    fn comments_and_changed_since_in_the_query() {
        let f = Filter {
            with_comments: true,
            changed_since: NaiveDate::from_ymd_opt(2027, 3, 1),
            ..Filter::default()
        };
        assert_eq!(filter_query(&f), "?opmerkingen=1&sinds=2027-03-01");
        let hash = format!("#/bord/{}?opmerkingen=1&sinds=2027-03-01", id());
        assert_eq!(filter_from_hash(&hash), f);
        assert_eq!(Route::parse(&hash), Some(Route::Board(id())));
        // Off is left out, not written as `opmerkingen=0`.
        assert_eq!(filter_query(&Filter::default()), "");
        assert!(!filter_from_hash("#/borden?opmerkingen=0").with_comments);
        assert!(filter_from_hash("#/borden?opmerkingen=ja").with_comments);
    }

    #[test]
    fn odd_queries_give_a_filter_not_a_failure() {
        let f = filter_from_hash("#/borden?scope=onbekend&x=1&q=%E2%28&trekker");
        assert_eq!(f.scope, None);
        assert_eq!(f.trekker, Some(String::new()));
        assert!(f.text.contains('\u{FFFD}'));
        assert_eq!(filter_from_hash("#/borden"), Filter::default());
        for odd in [
            "sinds=gisteren",
            "sinds=2027-02-30",
            "sinds=",
            "opmerkingen",
            "opmerkingen=x",
        ] {
            assert_eq!(
                filter_from_hash(&format!("#/borden?{odd}")),
                Filter::default(),
                "{odd}"
            );
        }
    }
}
