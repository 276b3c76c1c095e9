//! The programme at a glance: every team's board against the five lines,
//! with the figures the kerngroep reports upward per cell (cards per
//! column, done, late, soon). Boards may have columns of their own; the
//! totals add columns up by name. "Today" and the year are arguments.

use super::sort;
use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::calendar::{done_column, due, span, Due};
use super::{default_lines, Board, Item, LineStatus, LINE_COUNT, STANDARD_COLUMNS};

const LINES: usize = LINE_COUNT as usize;

/// The figures of one cell (a team's line), a team, a line over all teams,
/// or the whole programme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellFigures {
    /// Cards per column name. A team's figures follow its board's column
    /// order; the programme's follow [`Programme::columns`].
    pub per_column: Vec<(String, usize)>,
    pub total: usize,
    /// Cards in the board's done column ([`done_column`]).
    pub done: usize,
    /// Open cards past their end date ([`Due::Overdue`], "Te laat").
    pub late: usize,
    /// Open cards ending within a week ([`Due::Soon`], "Binnenkort").
    pub soon: usize,
}

impl CellFigures {
    /// Empty figures over these column names.
    fn over(columns: &[String]) -> CellFigures {
        CellFigures {
            per_column: columns.iter().map(|c| (c.clone(), 0)).collect(),
            ..CellFigures::default()
        }
    }

    /// Share done, 0..=100 (0 when empty), rounded down like
    /// [`super::calendar::LineProgress::percent_done`].
    pub fn percent_done(&self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(0) as u32
    }

    /// Adds `other` in, its columns matched by name (see [`column_key`]);
    /// a name not here yet is added at the end.
    fn add(&mut self, other: &CellFigures) {
        for (name, n) in &other.per_column {
            let key = column_key(name);
            match self
                .per_column
                .iter_mut()
                .find(|(mine, _)| column_key(mine) == key)
            {
                Some((_, m)) => *m += n,
                None => self.per_column.push((name.clone(), *n)),
            }
        }
        self.total += other.total;
        self.done += other.done;
        self.late += other.late;
        self.soon += other.soon;
    }
}

/// One team's board: a cell per line, and the line's status and
/// knelpunten as the team wrote them.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub board: Uuid,
    /// The board's team, or its title when no team is set.
    pub team: String,
    /// Per line (index 0 = line 1).
    pub cells: [CellFigures; LINES],
    /// The whole board.
    pub total: CellFigures,
    pub status: [Option<LineStatus>; LINES],
    pub knelpunten: [String; LINES],
}

/// Teams × lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Programme {
    /// Sorted by team name ([`sort_key`]), ties by board id.
    pub teams: Vec<TeamRow>,
    /// Each line over all teams.
    pub lines: [CellFigures; LINES],
    /// Everything.
    pub total: CellFigures,
    /// Every column name of the boards: the standard ones (Idee, Gepland,
    /// Bezig, Afgerond) first where a board has them, then the others in
    /// the order first seen (teams in order, each board's columns in
    /// order). Names match case-insensitively, trimmed; the first
    /// spelling seen is kept.
    pub columns: Vec<String>,
    /// The line names, from the first team's board (the standard names
    /// without boards).
    pub line_names: [String; LINES],
}

/// The team name of a board: its team, or its title when no team is set.
pub fn team_name(board: &Board) -> String {
    match board.team.trim() {
        "" => board.title.trim().to_string(),
        team => team.to_string(),
    }
}

/// A key to sort names the Dutch way: case and accents do not count
/// ("Élan" sorts with "elan", "IJburg" with "ijburg").
pub fn sort_key(name: &str) -> String {
    name.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à'..='å' => 'a',
            'ç' => 'c',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ñ' => 'n',
            'ò'..='ö' | 'ø' => 'o',
            'ù'..='ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// Columns of different boards are the same column when their names are
/// equal, trimmed and ignoring case.
fn column_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether a card counts for `year` (`None`: every card). A dated card
/// counts for every year its dates touch; an undated one for its board's
/// year, or for any year when the board names none.
pub fn counts_in(item: &Item, board: &Board, year: Option<i32>) -> bool {
    let Some(year) = year else {
        return true;
    };
    match span(item) {
        Some((start, end)) => start.year() <= year && year <= end.year(),
        None => board.year.is_none_or(|y| y == year),
    }
}

/// Every year a card's dates touch or a board names, sorted, once each
/// (for the year picker).
pub fn years(boards: &[&Board]) -> Vec<i32> {
    let mut years: Vec<i32> = boards
        .iter()
        .flat_map(|b| {
            b.items
                .iter()
                .filter_map(span)
                .flat_map(|(s, e)| s.year()..=e.year())
                .chain(b.year)
        })
        .collect();
    sort::sort(&mut years);
    years.dedup();
    years
}

/// One team's row: its cards counted for `year`.
fn team_row(board: &Board, year: Option<i32>, today: NaiveDate) -> TeamRow {
    // Visible columns: a removed column shows (and counts) only while a
    // card sits in it.
    let columns = board.visible_columns();
    let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let done = done_column(board);
    let mut cells: [CellFigures; LINES] = std::array::from_fn(|_| CellFigures::over(&names));
    for item in board.items.iter().filter(|i| counts_in(i, board, year)) {
        let (Some(cell), Some(column)) = (
            cells.get_mut(usize::from(item.line).wrapping_sub(1)),
            columns.iter().position(|c| c.id == item.column),
        ) else {
            continue; // not on a valid board
        };
        cell.per_column[column].1 += 1;
        cell.total += 1;
        if Some(item.column) == done {
            cell.done += 1;
        }
        match due(item, done, today) {
            Some(Due::Overdue) => cell.late += 1,
            Some(Due::Soon) => cell.soon += 1,
            None => {}
        }
    }
    let mut total = CellFigures::over(&names);
    for cell in &cells {
        total.add(cell);
    }
    let line = |n: usize| board.line(n as u8 + 1);
    TeamRow {
        board: board.id,
        team: team_name(board),
        cells,
        total,
        status: std::array::from_fn(|n| line(n).and_then(|l| l.status)),
        knelpunten: std::array::from_fn(|n| {
            line(n).map(|l| l.knelpunten.clone()).unwrap_or_default()
        }),
    }
}

/// Every column name of the rows, standard names first (see
/// [`Programme::columns`]).
fn column_union(teams: &[TeamRow]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for (name, _) in teams.iter().flat_map(|t| &t.total.per_column) {
        if !seen.iter().any(|s| column_key(s) == column_key(name)) {
            seen.push(name.clone());
        }
    }
    let standard = |name: &String| {
        STANDARD_COLUMNS
            .iter()
            .position(|s| column_key(s) == column_key(name))
            .unwrap_or(STANDARD_COLUMNS.len())
    };
    // A stable sort: the others keep the order first seen.
    sort::sort_by_key(&mut seen, standard);
    seen
}

/// The line names of the first board (`boards` in the matrix's order),
/// or the standard names without boards.
pub fn line_names(boards: &[&Board]) -> [String; LINES] {
    let standard = default_lines(chrono::DateTime::UNIX_EPOCH);
    let first = boards
        .iter()
        .min_by_key(|b| (sort_key(&team_name(b)), b.id));
    std::array::from_fn(|n| {
        first
            .and_then(|b| b.line(n as u8 + 1))
            .or(standard.get(n))
            .map(|l| l.name.clone())
            .unwrap_or_default()
    })
}

/// The teams × lines matrix of `boards`, counting the cards of `year`
/// (`None`: all cards); late and soon as of `today`.
pub fn programme(boards: &[&Board], year: Option<i32>, today: NaiveDate) -> Programme {
    let mut sorted: Vec<&Board> = boards.to_vec();
    sort::sort_by_cached_key(&mut sorted, |b| (sort_key(&team_name(b)), b.id));
    let teams: Vec<TeamRow> = sorted.iter().map(|b| team_row(b, year, today)).collect();
    let columns = column_union(&teams);
    let mut lines: [CellFigures; LINES] = std::array::from_fn(|_| CellFigures::over(&columns));
    let mut total = CellFigures::over(&columns);
    for team in &teams {
        for (line, cell) in lines.iter_mut().zip(&team.cells) {
            line.add(cell);
        }
        total.add(&team.total);
    }
    let line_names = line_names(&sorted);
    Programme {
        teams,
        lines,
        total,
        columns,
        line_names,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::testutil::{t, uid};
    use crate::model::Edit;

    pub(crate) fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An empty board `n` with the standard columns, ids `n*100 + 1..=4`.
    pub(crate) fn board(n: u128, title: &str, team: &str, year: Option<i32>) -> Board {
        let c = |k| uid(n * 100 + k);
        let mut b = Board::new_empty(uid(n), [c(1), c(2), c(3), c(4)], title, t(0));
        b.set_settings(title, team, year, t(0));
        b
    }

    /// Adds card `id` to `line` and the column named `column`, with dates.
    pub(crate) fn card(
        b: &mut Board,
        id: u128,
        line: u8,
        column: &str,
        start: Option<&str>,
        end: Option<&str>,
    ) {
        let col = b.columns.iter().find(|c| c.name == column).unwrap().id;
        b.add_item(uid(id), (line, col), &format!("kaart {id}"), t(0))
            .unwrap();
        b.edit_item(uid(id), Edit::Start(start.map(d)), t(0))
            .unwrap();
        b.edit_item(uid(id), Edit::End(end.map(d)), t(0)).unwrap();
    }

    fn per_column(f: &CellFigures) -> Vec<(&str, usize)> {
        f.per_column.iter().map(|(c, n)| (c.as_str(), *n)).collect()
    }

    #[test]
    fn matrix_counts_teams_lines_and_columns_by_name() {
        let today = d("2017-06-01");
        let mut gaasperdam = board(1, "Teamplan Gaasperdam", "Gaasperdam", Some(2017));
        card(&mut gaasperdam, 1001, 1, "Idee", None, None);
        card(
            &mut gaasperdam,
            1002,
            1,
            "Afgerond",
            None,
            Some("2017-03-01"),
        );
        card(&mut gaasperdam, 1003, 1, "Bezig", None, Some("2017-05-31")); // late
        card(
            &mut gaasperdam,
            1004,
            2,
            "Gepland",
            None,
            Some("2017-06-05"),
        ); // soon
        card(
            &mut gaasperdam,
            1005,
            2,
            "Afgerond",
            None,
            Some("2017-05-01"),
        ); // done: not late
           // A removed column without cards is not counted anywhere.
        gaasperdam.add_column(uid(190), "Oud", t(1)).unwrap();
        gaasperdam.remove_column(uid(190), None, t(2)).unwrap();

        // No team: the title names it. An extra column before Afgerond.
        let mut boven_ij = board(2, "Boven-IJ", "", None);
        boven_ij
            .add_column(uid(290), "Wacht op besluit", t(1))
            .unwrap();
        boven_ij.shift_column(uid(290), -1, t(1)).unwrap();
        card(&mut boven_ij, 2001, 1, "Wacht op besluit", None, None);
        card(
            &mut boven_ij,
            2002,
            1,
            "Wacht op besluit",
            None,
            Some("2017-01-01"),
        ); // late
        card(&mut boven_ij, 2003, 1, "Afgerond", None, None);
        card(&mut boven_ij, 2004, 5, "Bezig", None, None);
        boven_ij.lines[0].status = Some(LineStatus::Vertraagd);
        boven_ij.lines[0].knelpunten = "Geen ruimte in het rooster".into();

        // The sample as planned in 2017 (these tests' year).
        let nwz =
            crate::model::sample::in_year(false, crate::model::testutil::counter(), 2017, t(0));
        let p = programme(&[&nwz, &gaasperdam, &boven_ij], None, today);

        let teams: Vec<&str> = p.teams.iter().map(|t| t.team.as_str()).collect();
        assert_eq!(teams, ["Boven-IJ", "Gaasperdam", "Nieuw West Zuid"]);
        assert_eq!(
            p.columns,
            ["Idee", "Gepland", "Bezig", "Afgerond", "Wacht op besluit"]
        );

        let b = &p.teams[0];
        assert_eq!(b.board, uid(2));
        assert_eq!(
            per_column(&b.cells[0]),
            [
                ("Idee", 0),
                ("Gepland", 0),
                ("Bezig", 0),
                ("Wacht op besluit", 2),
                ("Afgerond", 1)
            ]
        );
        assert_eq!(
            (b.cells[0].total, b.cells[0].done, b.cells[0].late),
            (3, 1, 1)
        );
        assert_eq!(b.cells[0].percent_done(), 33);
        assert_eq!(b.cells[4].total, 1);
        assert_eq!(b.cells[2], CellFigures::over(&per_names(b)));
        assert_eq!(b.cells[2].percent_done(), 0);
        assert_eq!((b.total.total, b.total.done), (4, 1));
        assert_eq!(b.status[0], Some(LineStatus::Vertraagd));
        assert_eq!(b.status[1], None);
        assert_eq!(b.knelpunten[0], "Geen ruimte in het rooster");

        let g = &p.teams[1];
        assert_eq!(per_column(&g.total).len(), 4, "removed column left out");
        assert_eq!(
            (
                g.cells[0].total,
                g.cells[0].done,
                g.cells[0].late,
                g.cells[0].soon
            ),
            (3, 1, 1, 0)
        );
        assert_eq!(
            (
                g.cells[1].total,
                g.cells[1].done,
                g.cells[1].late,
                g.cells[1].soon
            ),
            (2, 1, 0, 1)
        );

        // Nieuw West Zuid: line 1 as in the overview; the race is late.
        let n = &p.teams[2];
        assert_eq!((n.cells[0].total, n.cells[0].done), (5, 2));
        assert_eq!(n.total.total, 11);
        assert_eq!(n.total.late, 1);

        // Line 1 over all teams, columns summed by name.
        assert_eq!(
            per_column(&p.lines[0]),
            [
                ("Idee", 2),
                ("Gepland", 1),
                ("Bezig", 2),
                ("Afgerond", 4),
                ("Wacht op besluit", 2)
            ]
        );
        assert_eq!(
            (p.lines[0].total, p.lines[0].done, p.lines[0].late),
            (11, 4, 2)
        );
        assert_eq!(p.lines[0].percent_done(), 36);
        assert_eq!(p.total.total, 4 + 5 + 11);
        assert_eq!(p.total.done, 1 + 2 + n.total.done);
        assert_eq!(p.total.late, 1 + 1 + 1);
        assert_eq!(p.total.soon, 1);
        let column_sum: usize = p.total.per_column.iter().map(|(_, n)| n).sum();
        assert_eq!(column_sum, p.total.total);
        assert_eq!(p.line_names[0], "Teamontwikkeling");
    }

    fn per_names(row: &TeamRow) -> Vec<String> {
        row.total
            .per_column
            .iter()
            .map(|(c, _)| c.clone())
            .collect()
    }

    #[test]
    fn late_and_soon_follow_today() {
        let mut b = board(1, "B", "B", None);
        card(
            &mut b,
            1,
            3,
            "Bezig",
            Some("2017-05-01"),
            Some("2017-06-10"),
        );
        let p = |day| programme(&[&b], None, d(day)).lines[2].clone();
        assert_eq!((p("2017-06-01").late, p("2017-06-01").soon), (0, 0));
        assert_eq!((p("2017-06-03").late, p("2017-06-03").soon), (0, 1));
        assert_eq!((p("2017-06-10").late, p("2017-06-10").soon), (0, 1));
        assert_eq!((p("2017-06-11").late, p("2017-06-11").soon), (1, 0));
    }

    #[test]
    fn a_year_counts_the_cards_its_dates_touch_and_undated_cards_of_its_board() {
        let mut a = board(1, "A", "A", Some(2017));
        card(
            &mut a,
            1,
            1,
            "Bezig",
            Some("2017-12-15"),
            Some("2018-01-15"),
        );
        card(&mut a, 2, 1, "Idee", None, None);
        card(&mut a, 3, 1, "Afgerond", Some("2016-04-01"), None);
        let mut b = board(2, "B", "B", None);
        card(&mut b, 4, 2, "Idee", None, None);
        let mut c = board(3, "C", "C", Some(2020));
        card(&mut c, 5, 2, "Idee", None, None);
        let boards = [&a, &b, &c];
        assert_eq!(years(&boards), [2016, 2017, 2018, 2020]);
        assert_eq!(years(&[]), Vec::<i32>::new());

        let today = d("2017-06-01");
        let counted = |year| {
            let p = programme(&boards, year, today);
            p.teams.iter().map(|t| t.total.total).collect::<Vec<_>>()
        };
        assert_eq!(counted(None), [3, 1, 1]);
        // The December–January card counts in both years; the undated card
        // of a 2017 board only in 2017; a board without a year always.
        assert_eq!(counted(Some(2017)), [2, 1, 0]);
        assert_eq!(counted(Some(2018)), [1, 1, 0]);
        assert_eq!(counted(Some(2016)), [1, 1, 0]);
        assert_eq!(counted(Some(2020)), [0, 1, 1]);
        assert_eq!(counted(Some(2019)), [0, 1, 0]);
        let p = programme(&boards, Some(2018), today);
        assert_eq!(p.lines[0].total, 1);
        assert_eq!(p.lines[1].total, 1);
    }

    #[test]
    fn teams_sort_the_dutch_way_and_ties_go_by_board() {
        let boards = [
            board(5, "z", "zuidoost", None),
            board(4, "x", "Élan", None),
            board(3, "Teamplan IJburg", "", None),
            board(2, "y", "elan", None),
            board(1, "w", "Amstel", None),
            board(6, "v", "Elan", None),
        ];
        let refs: Vec<&Board> = boards.iter().collect();
        let p = programme(&refs, None, d("2017-06-01"));
        let teams: Vec<(&str, Uuid)> = p.teams.iter().map(|t| (t.team.as_str(), t.board)).collect();
        assert_eq!(
            teams,
            [
                ("Amstel", uid(1)),
                ("elan", uid(2)),
                ("Élan", uid(4)),
                ("Elan", uid(6)),
                ("Teamplan IJburg", uid(3)),
                ("zuidoost", uid(5)),
            ]
        );
    }

    #[test]
    fn no_boards_give_empty_figures_and_the_standard_line_names() {
        let p = programme(&[], None, d("2017-06-01"));
        assert!(p.teams.is_empty() && p.columns.is_empty());
        assert_eq!(p.total, CellFigures::default());
        assert_eq!(p.line_names[4], "Resultaat en borging");
    }
}
