//! The sample boards shown on a first visit (the plan items of teams
//! Nieuw West Zuid and Gaasperdam from the programme's status presentation
//! of 2017, moved to the current year) and the Politie van Iedereen
//! template for a new board.

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::{Board, Edit, Scope, Timestamp};

/// Column of a sample item, by index into the standard columns.
const IDEE: usize = 0;
const GEPLAND: usize = 1;
const BEZIG: usize = 2;
const AFGEROND: usize = 3;

struct SampleItem {
    line: u8,
    column: usize,
    title: &'static str,
    notes: &'static str,
    trekker: &'static str,
    dates: Option<(&'static str, &'static str)>,
    scope: Option<Scope>,
    tags: &'static [&'static str],
}

const NIEUW_WEST_ZUID: &[SampleItem] = &[
    SampleItem {
        line: 1,
        column: AFGEROND,
        title: "Missie en visie geschreven",
        notes: "Missie en visie van het team staan op papier.",
        trekker: "Teamleiding",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["teamplan"],
    },
    SampleItem {
        line: 1,
        column: AFGEROND,
        title: "Jaarkalender activiteiten gemaakt",
        notes: "Jaarkalender met activiteiten opgesteld; onderdeel van het teamplan.",
        trekker: "Kerngroep",
        dates: Some(("2017-03-08", "2017-03-08")),
        scope: Some(Scope::Intern),
        tags: &["teamplan"],
    },
    SampleItem {
        line: 1,
        column: BEZIG,
        title: "Team in groepen voor ontwikkeling, binding en zorg",
        notes: "Groepen onder leiding van OE en OPCO, gevoed door de kennis die \
                wijkagenten hebben van hun wijken.",
        trekker: "OE en OPCO",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &[],
    },
    SampleItem {
        line: 1,
        column: GEPLAND,
        title: "Training voor OPCO's (pilot Amsterdam)",
        notes: "Start na de zomer.",
        trekker: "OPCO",
        dates: Some(("2017-09-01", "2017-09-01")),
        scope: Some(Scope::Intern),
        tags: &["leiderschap", "training"],
    },
    SampleItem {
        line: 1,
        column: IDEE,
        title: "Team in clusters, elk gekoppeld aan wijken",
        notes: "Elk cluster geleid door een OE (concept).",
        trekker: "OE",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["concept"],
    },
    SampleItem {
        line: 2,
        column: BEZIG,
        title: "Werving sleutelfiguren, opbouw SNPS en netwerkagenten",
        notes: "SNPS: strategisch netwerk politie & samenleving.",
        trekker: "Netwerkagenten",
        dates: None,
        scope: Some(Scope::Extern),
        tags: &["netwerk"],
    },
    SampleItem {
        line: 2,
        column: GEPLAND,
        title: "Trainingsprogramma radicalisering",
        notes: "Ingekochte training.",
        trekker: "Kerngroep",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["training", "expertise"],
    },
    SampleItem {
        line: 3,
        column: BEZIG,
        title: "Vier sessies debat, inspiratie en dialoog dit jaar",
        notes: "Twee intern en twee extern; één sessie is al gepland.",
        trekker: "Kerngroep",
        dates: None,
        scope: None,
        tags: &["dialoog"],
    },
    SampleItem {
        line: 3,
        column: GEPLAND,
        title: "Open dag",
        notes: "Het bureau open voor de buurt.",
        trekker: "Teamleiding",
        dates: Some(("2017-10-14", "2017-10-14")),
        scope: Some(Scope::Extern),
        tags: &["buurt"],
    },
    SampleItem {
        line: 4,
        column: GEPLAND,
        title: "Hardloopwedstrijd in PvI-shirts",
        notes: "Teamleden lopen mee in shirts van Politie van Iedereen.",
        trekker: "Teamleden",
        dates: Some(("2017-05-20", "2017-05-21")),
        scope: Some(Scope::Extern),
        tags: &["zichtbaarheid"],
    },
    SampleItem {
        line: 5,
        column: AFGEROND,
        title: "Kerngroep en klankbord gevormd",
        notes: "Zij plannen, begeleiden en monitoren de activiteiten.",
        trekker: "Kerngroep",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["borging"],
    },
];

const GAASPERDAM: &[SampleItem] = &[
    SampleItem {
        line: 1,
        column: AFGEROND,
        title: "Team in 4 clusters, elk gekoppeld aan 2 wijken",
        notes: "Elk cluster wordt geleid door een OE.",
        trekker: "OE",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["clusters"],
    },
    SampleItem {
        line: 1,
        column: BEZIG,
        title: "Veiligheidsscan per cluster",
        notes: "Wijkagenten zijn per cluster gestart met een veiligheidsscan.",
        trekker: "Wijkagenten",
        dates: None,
        scope: Some(Scope::Extern),
        tags: &["clusters", "wijk"],
    },
    SampleItem {
        line: 1,
        column: BEZIG,
        title: "Leiderschapstraject OE en teamleiding",
        notes: "Met een extern trainingsbureau.",
        trekker: "Teamleiding",
        dates: Some(("2017-03-01", "2017-04-30")),
        scope: Some(Scope::Intern),
        tags: &["leiderschap", "training"],
    },
    SampleItem {
        line: 1,
        column: GEPLAND,
        title: "Training voor OPCO's",
        notes: "Na de meivakantie.",
        trekker: "OPCO",
        dates: Some(("2017-05-08", "2017-05-08")),
        scope: Some(Scope::Intern),
        tags: &["leiderschap", "training"],
    },
    SampleItem {
        line: 2,
        column: BEZIG,
        title: "Werving sleutelfiguren, opbouw SNPS en netwerkagenten",
        notes: "SNPS: strategisch netwerk politie & samenleving.",
        trekker: "Netwerkagenten",
        dates: None,
        scope: Some(Scope::Extern),
        tags: &["netwerk"],
    },
    SampleItem {
        line: 5,
        column: AFGEROND,
        title: "Medewerkersparticipatiegroep gevormd",
        notes: "De groep plant, begeleidt en monitort de activiteiten.",
        trekker: "Kerngroep",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["borging"],
    },
];

/// The standard route of line 1. What belongs in each line is in the
/// line's description (`default_lines`), not on cards.
const TEMPLATE: &[SampleItem] = &[
    SampleItem {
        line: 1,
        column: IDEE,
        title: "Analyse team & buitenwereld",
        notes: "Eerste stap van de standaardroute: hoe ziet het team eruit, en de wijk eromheen?",
        trekker: "Kerngroep",
        dates: None,
        scope: None,
        tags: &["route"],
    },
    SampleItem {
        line: 1,
        column: IDEE,
        title: "Kick-off dag",
        notes: "Het hele team samen aan de start.",
        trekker: "Teamleiding",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["route"],
    },
    SampleItem {
        line: 1,
        column: IDEE,
        title: "Advies aan team",
        notes: "Wat de analyse en de kick-off opleveren, als advies terug naar het team.",
        trekker: "Kerngroep",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["route"],
    },
    SampleItem {
        line: 1,
        column: IDEE,
        title: "Executie",
        notes: "Het advies uitvoeren.",
        trekker: "Teamleiding",
        dates: None,
        scope: None,
        tags: &["route"],
    },
    SampleItem {
        line: 1,
        column: IDEE,
        title: "Teamplan: plan van aanpak + jaarkalender activiteiten",
        notes: "Het teamplan: een plan van aanpak en een jaarkalender met activiteiten.",
        trekker: "Kerngroep",
        dates: None,
        scope: Some(Scope::Intern),
        tags: &["route", "teamplan"],
    },
];

/// The year the sample items were planned in (the seed's presentation).
const SAMPLE_YEAR: i32 = 2017;

fn date(s: &str) -> NaiveDate {
    // Not `expect`: that would build the error's Debug code into the wasm.
    super::dates::parse_iso(s).unwrap_or_else(|| unreachable!("sample dates are valid"))
}

/// `d` moved by `years`, keeping month and day (29 February becomes 28).
fn shift(d: NaiveDate, years: i32) -> NaiveDate {
    let year = d.year() + years;
    NaiveDate::from_ymd_opt(year, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), d.day() - 1))
        .expect("only 29 February is missing in some years")
}

fn build(
    mut new_id: impl FnMut() -> Uuid,
    title: &str,
    team: &str,
    year: Option<i32>,
    items: &[SampleItem],
    now: Timestamp,
) -> Board {
    // Item dates are written in SAMPLE_YEAR and sit in the board's year.
    let years = year.map_or(0, |y| y - SAMPLE_YEAR);
    let board_id = new_id();
    let column_ids = [new_id(), new_id(), new_id(), new_id()];
    let mut board = Board::new_empty(board_id, column_ids, title, now);
    board.team = team.into();
    board.year = year;
    for s in items {
        let id = new_id();
        let cell = (s.line, column_ids[s.column]);
        board
            .add_item(id, cell, s.title, now)
            .unwrap_or_else(|_| unreachable!("sample items are valid"));
        let (start, end) = match s.dates {
            Some((a, b)) => (Some(shift(date(a), years)), Some(shift(date(b), years))),
            None => (None, None),
        };
        for edit in [
            Edit::Notes(s.notes.into()),
            Edit::Trekker(s.trekker.into()),
            Edit::Start(start),
            Edit::End(end),
            Edit::Scope(s.scope),
            Edit::Tags(s.tags.iter().map(|t| t.to_string()).collect()),
        ] {
            board
                .edit_item(id, edit, now)
                .unwrap_or_else(|_| unreachable!("sample items are valid"));
        }
        // Filling in a sample card is making it, not changing it.
        if let Some(item) = board.item_mut(id) {
            item.history = Default::default();
        }
    }
    board
}

/// The year a sample plan sits in: the year of `now` (UTC), unless more
/// than half of its open dated activities (not in the last column) would
/// already be over by then; then the next year. A first visit in the
/// autumn shows next year's plan, not a wall of "Te laat".
fn plan_year(items: &[SampleItem], now: Timestamp) -> i32 {
    let today = now.date_naive();
    let year = now.year();
    let open: Vec<NaiveDate> = items
        .iter()
        .filter(|s| s.column < 3)
        .filter_map(|s| s.dates.map(|(_, end)| shift(date(end), year - SAMPLE_YEAR)))
        .collect();
    let over = open.iter().filter(|end| **end < today).count();
    if over * 2 > open.len() {
        year + 1
    } else {
        year
    }
}

/// The Nieuw West Zuid sample board, in the year [`plan_year`] gives,
/// every date moved there. `new_id` supplies fresh ids.
pub fn nieuw_west_zuid(new_id: impl FnMut() -> Uuid, now: Timestamp) -> Board {
    build(
        new_id,
        "Teamplan Nieuw West Zuid",
        "Nieuw West Zuid",
        Some(plan_year(NIEUW_WEST_ZUID, now)),
        NIEUW_WEST_ZUID,
        now,
    )
}

/// A sample in a given year, for tests that need fixed dates.
#[cfg(test)]
pub(crate) fn in_year(
    gaasperdam: bool,
    new_id: impl FnMut() -> Uuid,
    year: i32,
    now: Timestamp,
) -> Board {
    if gaasperdam {
        build(
            new_id,
            "Teamplan Gaasperdam",
            "Gaasperdam",
            Some(year),
            GAASPERDAM,
            now,
        )
    } else {
        build(
            new_id,
            "Teamplan Nieuw West Zuid",
            "Nieuw West Zuid",
            Some(year),
            NIEUW_WEST_ZUID,
            now,
        )
    }
}

/// The Gaasperdam sample board, in its [`plan_year`] like
/// [`nieuw_west_zuid`].
pub fn gaasperdam(new_id: impl FnMut() -> Uuid, now: Timestamp) -> Board {
    build(
        new_id,
        "Teamplan Gaasperdam",
        "Gaasperdam",
        Some(plan_year(GAASPERDAM, now)),
        GAASPERDAM,
        now,
    )
}

/// A new board from the Politie van Iedereen template: the line-1 route;
/// each line's description says what belongs there.
pub fn template(
    new_id: impl FnMut() -> Uuid,
    title: &str,
    team: &str,
    year: Option<i32>,
    now: Timestamp,
) -> Board {
    build(new_id, title, team, year, TEMPLATE, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn sample() -> Board {
        let mut n = 0u128;
        nieuw_west_zuid(
            || {
                n += 1;
                Uuid::from_u128(n)
            },
            Utc.timestamp_opt(1_700_000_000, 0).unwrap(),
        )
    }

    #[test]
    fn sample_is_valid_and_fills_every_line() {
        let b = sample();
        assert_eq!(b.validate(), Ok(()));
        assert_eq!(b.items.len(), NIEUW_WEST_ZUID.len());
        for line in 1..=5 {
            assert!(b.items.iter().any(|i| i.line == line), "line {line} empty");
        }
        assert!(b.items.iter().all(|i| i.team == "Nieuw West Zuid"));
    }

    #[test]
    fn gaasperdam_and_the_template_are_valid() {
        let mut n = 0u128;
        let mut id = || {
            n += 1;
            Uuid::from_u128(n)
        };
        let now = Utc.timestamp_opt(1_700_000_000, 0).unwrap();
        let g = gaasperdam(&mut id, now);
        assert_eq!(g.validate(), Ok(()));
        assert_eq!(g.items.len(), GAASPERDAM.len());
        let t = template(
            &mut id,
            "Teamplan Boven-IJ 2027",
            "Boven-IJ",
            Some(2027),
            now,
        );
        assert_eq!(t.validate(), Ok(()));
        let route: Vec<_> = t
            .cell_ids((1, t.columns[0].id))
            .iter()
            .map(|i| t.item(*i).unwrap().title.clone())
            .collect();
        assert_eq!(route[0], "Analyse team & buitenwereld");
        assert_eq!(
            route[4],
            "Teamplan: plan van aanpak + jaarkalender activiteiten"
        );
        // Only the route: what belongs in a line is its description.
        assert_eq!(route.len(), 5);
        assert_eq!(t.items.len(), 5);
        assert!(t
            .items
            .iter()
            .all(|i| i.tags.contains(&"route".to_string())));
        for l in &t.lines {
            assert!(
                l.description.len() > 40,
                "line {}: {}",
                l.number,
                l.description
            );
        }
        assert!(t.lines[1].description.contains("netwerkagenten"));
        assert!(t.lines[4].description.contains("EL-EMT"));
        assert_eq!(t.year, Some(2027));
        assert!(t.items.iter().all(|i| i.team == "Boven-IJ"));
        assert_ne!(g.id, t.id);
    }

    #[test]
    fn samples_sit_in_the_year_of_now_with_the_known_days() {
        let b = sample();
        // 1,700,000,000 s is in November 2023: the plan's open activities
        // (May, September, October) would be over, so it is 2024's plan.
        assert_eq!(b.year, Some(2024));
        let by_title = |t: &str| b.items.iter().find(|i| i.title == t).unwrap();
        assert_eq!(by_title("Open dag").start, Some(date("2024-10-14")));
        let race = by_title("Hardloopwedstrijd in PvI-shirts");
        assert_eq!(
            (race.start, race.end),
            (Some(date("2024-05-20")), Some(date("2024-05-21")))
        );
        assert_eq!(
            by_title("Jaarkalender activiteiten gemaakt").start,
            Some(date("2024-03-08"))
        );
        let today = Utc.timestamp_opt(1_700_000_000, 0).unwrap().date_naive();
        let done = b.columns.last().unwrap().id;
        assert!(
            b.items
                .iter()
                .filter(|i| i.column != done)
                .all(|i| i.end.is_none_or(|e| e >= today)),
            "nothing open is late on a first visit"
        );
        // In spring the plan is this year's.
        let spring = Utc.with_ymd_and_hms(2031, 3, 1, 0, 0, 0).unwrap();
        assert_eq!(
            nieuw_west_zuid(crate::model::testutil::counter(), spring).year,
            Some(2031)
        );
        let later = Utc.with_ymd_and_hms(2031, 1, 1, 0, 0, 0).unwrap();
        let g = gaasperdam(crate::model::testutil::counter(), later);
        assert_eq!(g.year, Some(2031));
        let dated: Vec<_> = g.items.iter().filter_map(|i| i.start.zip(i.end)).collect();
        assert_eq!(dated.len(), 2);
        assert!(dated
            .iter()
            .all(|(s, e)| s.year() == 2031 && e.year() == 2031));
        assert!(g.items.iter().all(|i| !i.notes.contains("2017")));
    }

    #[test]
    fn the_29th_of_february_moves_to_the_28th() {
        assert_eq!(shift(date("2016-02-29"), 1), date("2017-02-28"));
        assert_eq!(shift(date("2016-02-29"), 4), date("2020-02-29"));
        assert_eq!(shift(date("2017-12-31"), -3), date("2014-12-31"));
    }
}
