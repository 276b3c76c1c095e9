//! The progress report as plain text for an email: per team and line what
//! was finished in the period, what runs (with its newest comment, if the
//! report was made with it), what comes next, what is late, and the
//! knelpunten; the programme's version starts with a team × line
//! summary. The content is `model::report` and `model::programme`; every
//! word comes from `strings`.
//!
//! "Kopieer voortgang" on a board's Overzicht and in the programme's
//! report give this text.
//!
//! Mail programs show text in a proportional font, so the "table" is a
//! list per team (one line per programme line), not aligned columns.

use crate::model::sort;
use chrono::NaiveDate;

use crate::model::programme::{CellFigures, Programme};
use crate::model::report::{Entry, LineReport, TeamReport};
use crate::strings as s;

/// One team's report: its title, the period, and each line.
pub fn team_text(r: &TeamReport, from: NaiveDate, to: NaiveDate) -> String {
    let mut out = String::new();
    push(&mut out, &s::report_title(&r.title, &r.team));
    push(&mut out, &s::report_period(from, to));
    team_lines(&mut out, r, from, to);
    out
}

/// The programme's report: the team × line summary (counting the cards of
/// `year`, as `p` was made), then each team's report, in the order of
/// `p.teams` (reports of boards not in `p` after them).
pub fn programme_text(
    p: &Programme,
    reports: &[TeamReport],
    from: NaiveDate,
    to: NaiveDate,
    year: Option<i32>,
) -> String {
    let mut out = String::new();
    push(&mut out, &s::programme_title());
    push(&mut out, &s::report_period(from, to));
    out.push('\n');
    if p.teams.is_empty() && reports.is_empty() {
        push(&mut out, s::REPORT_NO_BOARDS);
        return out;
    }
    push(&mut out, &format!("{}:", s::report_table(year)));
    for team in &p.teams {
        out.push('\n');
        push(&mut out, &team.team);
        for (n, cell) in team.cells.iter().enumerate() {
            let line = s::report_cell(
                n as u8 + 1,
                &p.line_names[n],
                team.status[n],
                &figures(cell),
            );
            push(&mut out, &format!("  {line}"));
        }
    }
    if p.teams.len() > 1 {
        out.push('\n');
        push(&mut out, s::REPORT_ALL_TEAMS);
        for (n, cell) in p.lines.iter().enumerate() {
            let line = s::report_total_cell(n as u8 + 1, &p.line_names[n], &figures(cell));
            push(&mut out, &format!("  {line}"));
        }
    }
    let rank = |r: &TeamReport| {
        p.teams
            .iter()
            .position(|t| t.board == r.board)
            .unwrap_or(p.teams.len())
    };
    let mut ordered: Vec<&TeamReport> = reports.iter().collect();
    sort::sort_by_key(&mut ordered, |r| rank(r));
    for r in ordered {
        out.push_str("\n\n");
        let title = s::report_title(&r.title, &r.team);
        push(&mut out, &title);
        push(&mut out, &"=".repeat(title.chars().count()));
        team_lines(&mut out, r, from, to);
    }
    out
}

fn figures(cell: &CellFigures) -> String {
    s::report_figures(cell.done, cell.total, cell.late)
}

fn push(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

fn team_lines(out: &mut String, r: &TeamReport, from: NaiveDate, to: NaiveDate) {
    for line in &r.lines {
        out.push('\n');
        push(out, &s::report_line(line.number, &line.name, line.status));
        if line.is_empty() {
            push(out, s::REPORT_LINE_EMPTY);
            continue;
        }
        line_lists(out, line, from, to);
    }
}

fn line_lists(out: &mut String, line: &LineReport, from: NaiveDate, to: NaiveDate) {
    list(out, &s::report_done(from, to), &line.done);
    list(out, s::REPORT_RUNNING, &line.running);
    list(out, &s::report_next(), &line.next);
    list(out, s::REPORT_LATE, &line.late);
    // The team's own text, each line trimmed, without blank lines around.
    let knelpunten: Vec<&str> = line.knelpunten.trim().lines().map(str::trim).collect();
    if knelpunten.is_empty() {
        push(
            out,
            &format!("{}: {}", s::REPORT_KNELPUNTEN, s::REPORT_NOT_FILLED),
        );
    } else {
        push(out, &format!("{}:", s::REPORT_KNELPUNTEN));
        for l in knelpunten {
            push(out, l);
        }
    }
}

fn list(out: &mut String, head: &str, entries: &[Entry]) {
    if entries.is_empty() {
        push(out, &s::report_nothing(head));
        return;
    }
    push(out, &format!("{head}:"));
    for e in entries {
        push(out, &s::report_entry(&e.title, &e.trekker, e.start, e.end));
        if let Some(c) = &e.last_comment {
            // Indented under its card, as part of that entry.
            push(
                out,
                &format!("  {}", s::report_comment(&c.by, c.at, &c.text)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::programme::programme;
    use crate::model::programme::tests::{board, card, d};
    use crate::model::report::{team_report, ReportOptions};
    use crate::model::testutil::{t, uid};
    use crate::model::{Board, Edit, LineStatus};

    fn period() -> (NaiveDate, NaiveDate, NaiveDate) {
        (d("2017-05-01"), d("2017-05-31"), d("2017-06-01"))
    }

    fn gaasperdam() -> Board {
        // Board id 50: the sample's id is 1.
        let mut b = board(50, "Teamplan Gaasperdam", "Gaasperdam", Some(2017));
        card(
            &mut b,
            1,
            1,
            "Bezig",
            Some("2017-04-01"),
            Some("2017-05-20"),
        );
        b.edit_item(
            uid(1),
            Edit::Title("Veiligheidsscan per cluster".into()),
            t(1),
        )
        .unwrap();
        b.edit_item(uid(1), Edit::Trekker("Wijkagenten".into()), t(1))
            .unwrap();
        card(&mut b, 2, 1, "Afgerond", None, Some("2017-05-12"));
        b.edit_item(uid(2), Edit::Title("Clusters ingedeeld".into()), t(1))
            .unwrap();
        b.lines[0].status = Some(LineStatus::Vertraagd);
        b.lines[0].knelpunten = "\n  Weinig bestuurlijke steun.\nNodig: een sponsor.  \n\n".into();
        b.lines[1].status = Some(LineStatus::OpSchema);
        b
    }

    #[test]
    fn team_text_names_lines_statuses_cards_and_dates() {
        let (from, to, today) = period();
        let text = team_text(
            &team_report(&gaasperdam(), from, to, today, ReportOptions::default()),
            from,
            to,
        );
        let expected_start = "\
Voortgang Teamplan Gaasperdam
Periode 01-05-2017 t/m 31-05-2017

Lijn 1: Teamontwikkeling — Vertraagd
Afgerond (periode 01-05-2017 t/m 31-05-2017):
- Clusters ingedeeld (tot 12-05-2017)
Loopt:
- Veiligheidsscan per cluster (Wijkagenten, 01-04-2017 – 20-05-2017)
Komt eraan (30 dagen): niets
Te laat:
- Veiligheidsscan per cluster (Wijkagenten, 01-04-2017 – 20-05-2017)
Knelpunten en wat er nodig is:
Weinig bestuurlijke steun.
Nodig: een sponsor.

Lijn 2: Netwerk en expertise (sleutelpersonen) — Op schema
Niets te melden.

Lijn 3: Inspiratie, dialoog en debat — Geen status
Niets te melden.
";
        assert!(text.starts_with(expected_start), "{text}");
        assert!(text.ends_with("Lijn 5: Resultaat en borging — Geen status\nNiets te melden.\n"));
        assert!(!text.contains("geëxporteerd"));
    }

    #[test]
    fn the_last_comment_is_quoted_under_a_running_activity_when_asked() {
        let (from, to, today) = period();
        let mut b = gaasperdam();
        let at = |day: &str| d(day).and_hms_opt(12, 0, 0).unwrap().and_utc();
        let anna = |day| crate::model::Stamp {
            at: at(day),
            by: "Anna".into(),
        };
        b.add_comment(uid(1), uid(201), "Eerste ronde klaar", anna("2017-05-02"))
            .unwrap();
        b.add_comment(
            uid(1),
            uid(202),
            "Wacht op\n  sleutelfiguur X ",
            anna("2017-05-22"),
        )
        .unwrap();
        // Written by Bram, then deleted: not quoted.
        let bram = |day| crate::model::Stamp {
            at: at(day),
            by: "Bram".into(),
        };
        b.add_comment(uid(1), uid(203), "Cluster 3 gestart", bram("2017-05-23"))
            .unwrap();
        b.delete_comment(uid(1), uid(203), bram("2017-05-24"))
            .unwrap();
        let plain = team_text(
            &team_report(&b, from, to, today, ReportOptions::default()),
            from,
            to,
        );
        assert!(!plain.contains("Laatste opmerking"), "{plain}");
        let with = ReportOptions { last_comment: true };
        let text = team_text(&team_report(&b, from, to, today, with), from, to);
        assert!(
            text.contains(
                "\
Loopt:
- Veiligheidsscan per cluster (Wijkagenten, 01-04-2017 – 20-05-2017)
  Laatste opmerking: Anna, 22-05-2017: Wacht op sleutelfiguur X
Komt eraan (30 dagen): niets
Te laat:
- Veiligheidsscan per cluster (Wijkagenten, 01-04-2017 – 20-05-2017)
Knelpunten"
            ),
            "{text}"
        );
        assert_eq!(text.matches("Laatste opmerking").count(), 1);
        // The programme's text quotes it too; without a name, just the day.
        b.delete_comment(uid(1), uid(202), anna("2017-05-24"))
            .unwrap();
        b.add_comment(uid(1), uid(204), "Nog één", at("2017-05-25"))
            .unwrap();
        let p = crate::model::programme::programme(&[&b], None, today);
        let text = programme_text(
            &p,
            &[team_report(&b, from, to, today, with)],
            from,
            to,
            None,
        );
        assert!(
            text.contains("\n  Laatste opmerking: 25-05-2017: Nog één\n"),
            "{text}"
        );
    }

    #[test]
    fn an_entry_shows_trekker_and_dates_only_when_set() {
        let day = Some(d("2017-10-14"));
        assert_eq!(s::report_entry("Open dag", "", None, None), "- Open dag");
        assert_eq!(
            s::report_entry("Open\ndag ", " OE ", None, None),
            "- Open dag (OE)"
        );
        assert_eq!(
            s::report_entry("Open dag", "", day, day),
            "- Open dag (14-10-2017)"
        );
        assert_eq!(
            s::report_entry(" ", "", day, None),
            "- (zonder titel) (vanaf 14-10-2017)"
        );
        let statuses = [
            Some(LineStatus::OpSchema),
            Some(LineStatus::Aandacht),
            Some(LineStatus::Vertraagd),
            None,
        ]
        .map(s::line_status);
        assert_eq!(
            statuses,
            ["Op schema", "Aandacht", "Vertraagd", "Geen status"]
        );
    }

    #[test]
    fn an_empty_board_says_there_is_nothing() {
        let (from, to, today) = period();
        let b = board(3, "", "", None);
        let text = team_text(
            &team_report(&b, from, to, today, ReportOptions::default()),
            from,
            to,
        );
        assert!(text.starts_with("Voortgang (zonder titel)\nPeriode 01-05-2017 t/m 31-05-2017\n"));
        assert_eq!(text.matches("Niets te melden.").count(), 5);
        assert_eq!(text.matches("Geen status").count(), 5);

        let p = programme(&[], None, today);
        let text = programme_text(&p, &[], from, to, None);
        assert_eq!(
            text,
            "Voortgang Politie van Iedereen\nPeriode 01-05-2017 t/m 31-05-2017\n\nGeen borden.\n"
        );
    }

    #[test]
    fn programme_text_starts_with_the_table_then_each_team() {
        let (from, to, today) = period();
        let g = gaasperdam();
        // The sample as planned in 2017 (these tests' year).
        let n = crate::model::sample::in_year(false, crate::model::testutil::counter(), 2017, t(0));
        let p = programme(&[&n, &g], Some(2017), today);
        // Reports in another order: the text follows the table's.
        let reports = [
            team_report(&n, from, to, today, ReportOptions::default()),
            team_report(&g, from, to, today, ReportOptions::default()),
        ];
        let text = programme_text(&p, &reports, from, to, Some(2017));
        assert!(
            text.starts_with(
                "\
Voortgang Politie van Iedereen
Periode 01-05-2017 t/m 31-05-2017

Per team en lijn (kaarten in 2017):

Gaasperdam
  Lijn 1 Teamontwikkeling: Vertraagd — 1/2 afgerond, 1 te laat
  Lijn 2 Netwerk en expertise (sleutelpersonen): Op schema — geen kaarten
"
            ),
            "{text}"
        );
        assert!(text.contains(
            "\nNieuw West Zuid\n  Lijn 1 Teamontwikkeling: Geen status — 2/5 afgerond, 0 te laat\n"
        ));
        assert!(text.contains("\nAlle teams\n  Lijn 1 Teamontwikkeling: 3/7 afgerond, 1 te laat\n"));
        let gaasperdam = text
            .find("\n\nVoortgang Teamplan Gaasperdam\n=====")
            .unwrap();
        let nwz = text
            .find("\n\nVoortgang Teamplan Nieuw West Zuid\n=====")
            .unwrap();
        assert!(gaasperdam < nwz);
        // Nieuw West Zuid's race of 20–21 May is late.
        assert!(text.contains(
            "Te laat:\n- Hardloopwedstrijd in PvI-shirts (Teamleden, 20-05-2017 – 21-05-2017)\n"
        ), "{text}");
        assert!(!text.contains("geëxporteerd"));
    }
}
