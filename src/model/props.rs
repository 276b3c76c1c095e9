//! Property tests: any sequence of operations keeps the board valid, and
//! the stored form round-trips.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use uuid::Uuid;

use super::{Board, Direction, Edit, Item, Timestamp};

#[derive(Clone, Debug)]
enum Op {
    Add {
        line: u8,
        column: usize,
        title: String,
    },
    Edit {
        pick: usize,
        title: String,
    },
    Move {
        pick: usize,
        line: u8,
        column: usize,
        index: Option<usize>,
    },
    Step {
        pick: usize,
        direction: usize,
    },
    Delete {
        pick: usize,
    },
    Restore,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..7, 0usize..5, "[a-zA-Z ]{0,12}").prop_map(|(line, column, title)| Op::Add {
            line,
            column,
            title
        }),
        (any::<usize>(), ".{0,8}").prop_map(|(pick, title)| Op::Edit { pick, title }),
        (
            any::<usize>(),
            1u8..=5,
            0usize..4,
            proptest::option::of(0usize..6)
        )
            .prop_map(|(pick, line, column, index)| Op::Move {
                pick,
                line,
                column,
                index
            }),
        (any::<usize>(), 0usize..6).prop_map(|(pick, direction)| Op::Step { pick, direction }),
        any::<usize>().prop_map(|pick| Op::Delete { pick }),
        Just(Op::Restore),
    ]
}

fn at(sec: i64) -> Timestamp {
    Utc.timestamp_opt(1_700_000_000 + sec, 0).unwrap()
}

const DIRECTIONS: [Direction; 6] = [
    Direction::Left,
    Direction::Right,
    Direction::Up,
    Direction::Down,
    Direction::Earlier,
    Direction::Later,
];

/// Applies generated operations to a board, checking what each promises.
struct Runner {
    board: Board,
    next_id: u128,
    deleted: Vec<Item>,
}

fn col(n: u128) -> Uuid {
    Uuid::from_u128(1000 + n)
}

impl Runner {
    fn new() -> Runner {
        Runner {
            board: Board::new_empty(
                Uuid::from_u128(1),
                [col(0), col(1), col(2), col(3)],
                "P",
                at(0),
            ),
            next_id: 10,
            deleted: Vec::new(),
        }
    }

    fn pick(&self, p: usize) -> Option<Uuid> {
        let items = &self.board.items;
        (!items.is_empty()).then(|| items[p % items.len()].id)
    }

    fn apply(&mut self, op: Op, now: Timestamp) -> Result<(), TestCaseError> {
        match op {
            Op::Add {
                line,
                column,
                title,
            } => {
                self.next_id += 1;
                let result = self.board.add_item(
                    Uuid::from_u128(self.next_id),
                    (line, col(column as u128)),
                    &title,
                    now,
                );
                let acceptable = (1..=5).contains(&line) && column < 4 && !title.trim().is_empty();
                prop_assert_eq!(result.is_ok(), acceptable);
            }
            Op::Edit { pick, title } => {
                if let Some(id) = self.pick(pick) {
                    self.board
                        .edit_item(id, Edit::Title(title.clone()), now)
                        .unwrap();
                    prop_assert_eq!(&self.board.item(id).unwrap().title, &title);
                }
            }
            Op::Move {
                pick,
                line,
                column,
                index,
            } => {
                if let Some(id) = self.pick(pick) {
                    let cell = (line, col(column as u128));
                    self.board.move_item(id, cell, index, now).unwrap();
                    let ids = self.board.cell_ids(cell);
                    let want = index.unwrap_or(usize::MAX).min(ids.len() - 1);
                    prop_assert_eq!(ids[want], id);
                }
            }
            Op::Step { pick, direction } => {
                if let Some(id) = self.pick(pick) {
                    self.board
                        .step_item(id, DIRECTIONS[direction], now)
                        .unwrap();
                }
            }
            Op::Delete { pick } => {
                if let Some(id) = self.pick(pick) {
                    self.deleted.push(self.board.delete_item(id, now).unwrap());
                    prop_assert!(self.board.tombstones.iter().any(|t| t.id == id));
                }
            }
            Op::Restore => {
                if let Some(item) = self.deleted.pop() {
                    let id = item.id;
                    self.board.restore_item(item, now).unwrap();
                    prop_assert!(self.board.tombstones.iter().all(|t| t.id != id));
                }
            }
        }
        Ok(())
    }
}

proptest! {
    #[test]
    fn operations_keep_the_board_valid(ops in proptest::collection::vec(op(), 0..60)) {
        let mut run = Runner::new();
        for (step, op) in ops.into_iter().enumerate() {
            run.apply(op, at(step as i64 + 1))?;
            let board = &run.board;
            prop_assert_eq!(board.validate(), Ok(()));
            // The cells partition the items.
            let in_cells: usize = board.cells().iter().map(|c| board.cell_ids(*c).len()).sum();
            prop_assert_eq!(in_cells, board.items.len());
        }
        let board = run.board;
        let raw = crate::storage::encode(&board, at(10_000));
        match crate::storage::decode(Some(raw)) {
            crate::storage::Loaded::Board(back) => prop_assert_eq!(back, board),
            other => prop_assert!(false, "did not round-trip: {:?}", other),
        }
    }

    #[test]
    fn undo_all_returns_to_the_start_and_redo_all_to_the_end(ops in proptest::collection::vec(op(), 0..40)) {
        use crate::model::history::{History, Patch};
        use crate::model::testutil::content;
        let mut run = Runner::new();
        let start = run.board.clone();
        let mut history = History::new(1000);
        for (step, op) in ops.into_iter().enumerate() {
            let before = run.board.clone();
            run.apply(op, at(step as i64 + 1))?;
            // Distinct keys: every change its own step.
            history.record(&format!("{step}"), Patch::between(&before, &run.board), step as i64);
        }
        let mut board = run.board;
        let end = board.clone();
        let now = at(100_000);
        while history.undo(&mut board, now).is_some() {}
        prop_assert_eq!(content(&board), content(&start));
        while history.redo(&mut board, now).is_some() {}
        prop_assert_eq!(content(&board), content(&end));
    }
}

mod merge_laws {
    use super::*;
    use crate::model::testutil::uid;
    use crate::model::{canonical, merge, Column, Line, Tombstone};

    const TITLES: [&str; 3] = ["Open dag", "Kick-off", "Debat"];

    fn item() -> impl Strategy<Value = Item> {
        (0u128..6, 0usize..3, 1u8..=5, 0u128..3, 0i64..4, 0i64..5).prop_map(
            |(id, title, line, column, rank, time)| Item {
                id: uid(100 + id),
                title: TITLES[title].into(),
                notes: String::new(),
                trekker: String::new(),
                team: String::new(),
                start: None,
                end: None,
                scope: None,
                tags: vec![],
                line,
                column: uid(10 + column),
                rank: rank as f64,
                created: at(0),
                updated: at(time),
                extra: Default::default(),
            },
        )
    }

    fn column() -> impl Strategy<Value = (usize, i64, i64)> {
        (0usize..3, 0i64..3, 0i64..4)
    }

    fn board() -> impl Strategy<Value = Board> {
        (
            proptest::collection::vec(item(), 0..8),
            proptest::collection::vec((0u128..6, 0i64..5), 0..4),
            proptest::collection::vec(column(), 3),
            (0usize..3, 0i64..4),
            proptest::collection::vec((0usize..3, 0i64..3), 5),
            proptest::option::of(0i64..5),
        )
            .prop_map(|(items, tombs, cols, (title, set_at), lines, synced)| {
                let mut b =
                    Board::new_empty(uid(1), [uid(10), uid(11), uid(12), uid(13)], "x", at(0));
                b.columns.truncate(3);
                for (c, (name, rank, time)) in b.columns.iter_mut().zip(cols) {
                    *c = Column {
                        name: TITLES[name].into(),
                        rank: rank as f64,
                        updated: at(time),
                        ..c.clone()
                    };
                }
                b.columns
                    .sort_by(|x, y| x.rank.total_cmp(&y.rank).then(x.id.cmp(&y.id)));
                for (l, (d, time)) in b.lines.iter_mut().zip(lines) {
                    *l = Line {
                        description: TITLES[d].into(),
                        updated: at(time),
                        ..l.clone()
                    };
                }
                b.title = TITLES[title].into();
                b.settings_updated = at(set_at);
                b.synced = synced.map(at);
                for i in items {
                    if b.item(i.id).is_none() {
                        b.items.push(i);
                    }
                }
                for (id, time) in tombs {
                    if b.tombstones.iter().all(|t| t.id != uid(100 + id)) {
                        b.tombstones.push(Tombstone {
                            id: uid(100 + id),
                            deleted: at(time),
                        });
                    }
                }
                // A board as operations leave it: no item older than its tombstone.
                let tombs = b.tombstones.clone();
                b.items
                    .retain(|i| tombs.iter().all(|t| t.id != i.id || i.updated > t.deleted));
                b
            })
    }

    proptest! {
        #[test]
        fn merge_is_commutative(a in board(), b in board()) {
            prop_assert_eq!(canonical(&merge(&a, &b)), canonical(&merge(&b, &a)));
        }

        #[test]
        fn merge_is_idempotent(a in board()) {
            prop_assert_eq!(canonical(&merge(&a, &a)), canonical(&a));
        }

        #[test]
        fn merge_is_associative(a in board(), b in board(), c in board()) {
            prop_assert_eq!(
                canonical(&merge(&merge(&a, &b), &c)),
                canonical(&merge(&a, &merge(&b, &c)))
            );
        }

        #[test]
        fn merge_loses_no_card_that_was_not_deleted_later(a in board(), b in board()) {
            let m = merge(&a, &b);
            prop_assert_eq!(m.validate(), Ok(()));
            for i in a.items.iter().chain(&b.items) {
                let deleted_later = m.tombstones.iter().any(|t| t.id == i.id && t.deleted >= i.updated);
                let kept = m.item(i.id);
                prop_assert!(deleted_later || kept.is_some_and(|k| k.updated >= i.updated));
            }
        }
    }
}
