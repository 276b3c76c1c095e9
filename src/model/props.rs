//! Property tests: any sequence of operations keeps the board valid, and
//! the stored form round-trips.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
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

proptest! {
    #[test]
    fn operations_keep_the_board_valid(ops in proptest::collection::vec(op(), 0..60)) {
        let col = |n: u128| Uuid::from_u128(1000 + n);
        let mut board = Board::new_empty(Uuid::from_u128(1), [col(0), col(1), col(2), col(3)], "P", at(0));
        let mut next_id = 10u128;
        let mut deleted: Vec<Item> = Vec::new();
        for (step, op) in ops.into_iter().enumerate() {
            let now = at(step as i64 + 1);
            let pick = |b: &Board, p: usize| (!b.items.is_empty()).then(|| b.items[p % b.items.len()].id);
            match op {
                Op::Add { line, column, title } => {
                    next_id += 1;
                    let result = board.add_item(Uuid::from_u128(next_id), (line, col(column as u128)), &title, now);
                    let acceptable = (1..=5).contains(&line) && column < 4 && !title.trim().is_empty();
                    prop_assert_eq!(result.is_ok(), acceptable);
                }
                Op::Edit { pick: p, title } => {
                    if let Some(id) = pick(&board, p) {
                        board.edit_item(id, Edit::Title(title.clone()), now).unwrap();
                        prop_assert_eq!(&board.item(id).unwrap().title, &title);
                    }
                }
                Op::Move { pick: p, line, column, index } => {
                    if let Some(id) = pick(&board, p) {
                        let cell = (line, col(column as u128));
                        board.move_item(id, cell, index, now).unwrap();
                        let ids = board.cell_ids(cell);
                        let want = index.unwrap_or(usize::MAX).min(ids.len() - 1);
                        prop_assert_eq!(ids[want], id);
                    }
                }
                Op::Step { pick: p, direction } => {
                    if let Some(id) = pick(&board, p) {
                        board.step_item(id, DIRECTIONS[direction], now).unwrap();
                    }
                }
                Op::Delete { pick: p } => {
                    if let Some(id) = pick(&board, p) {
                        deleted.push(board.delete_item(id, now).unwrap());
                        prop_assert!(board.tombstones.iter().any(|t| t.id == id));
                    }
                }
                Op::Restore => {
                    if let Some(item) = deleted.pop() {
                        let id = item.id;
                        board.restore_item(item, now).unwrap();
                        prop_assert!(board.tombstones.iter().all(|t| t.id != id));
                    }
                }
            }
            prop_assert_eq!(board.validate(), Ok(()));
            // The cells partition the items.
            let in_cells: usize = board.cells().iter().map(|c| board.cell_ids(*c).len()).sum();
            prop_assert_eq!(in_cells, board.items.len());
        }
        let raw = crate::storage::encode(&board, at(10_000));
        match crate::storage::decode(Some(raw)) {
            crate::storage::Loaded::Board(back) => prop_assert_eq!(back, board),
            other => prop_assert!(false, "did not round-trip: {:?}", other),
        }
    }
}
