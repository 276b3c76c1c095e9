//! The sample board shown on a first visit: the plan items of team
//! Nieuw West Zuid from the programme's status presentation (2017).

use chrono::NaiveDate;
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
        notes: "Start na de zomer van 2017.",
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

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("sample dates are valid")
}

/// The Nieuw West Zuid sample board. `new_id` supplies fresh ids.
pub fn nieuw_west_zuid(mut new_id: impl FnMut() -> Uuid, now: Timestamp) -> Board {
    let board_id = new_id();
    let column_ids = [new_id(), new_id(), new_id(), new_id()];
    let mut board = Board::new_empty(board_id, column_ids, "Teamplan Nieuw West Zuid", now);
    board.team = "Nieuw West Zuid".into();
    board.year = Some(2017);
    for s in NIEUW_WEST_ZUID {
        let id = new_id();
        let cell = (s.line, column_ids[s.column]);
        board
            .add_item(id, cell, s.title, now)
            .expect("sample items are valid");
        let (start, end) = match s.dates {
            Some((a, b)) => (Some(date(a)), Some(date(b))),
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
                .expect("sample items are valid");
        }
    }
    board
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
    fn sample_carries_the_known_dates() {
        let b = sample();
        let by_title = |t: &str| b.items.iter().find(|i| i.title == t).unwrap();
        assert_eq!(by_title("Open dag").start, Some(date("2017-10-14")));
        let race = by_title("Hardloopwedstrijd in PvI-shirts");
        assert_eq!(
            (race.start, race.end),
            (Some(date("2017-05-20")), Some(date("2017-05-21")))
        );
        assert_eq!(
            by_title("Jaarkalender activiteiten gemaakt").start,
            Some(date("2017-03-08"))
        );
    }
}
