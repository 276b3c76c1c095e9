//! Writing a stored board a slice at a time: the same text as
//! [`encode`](super::encode), made in steps of a few cards, so a save of a
//! 10,000-card board never holds up input for long (the page encodes a
//! slice, lets input in, encodes the next).
//!
//! The envelope is written once with the items replaced by one stand-in
//! item whose id is new; its text, `[stand-in]`, occurs once and is where
//! the items go, each written as serde_json writes an element of a list.

use uuid::Uuid;

use super::encode;
use crate::model::{Board, Item, Timestamp};

pub struct Encoder {
    board: Board,
    items: Vec<Item>,
    /// What is written so far: the envelope up to the items' `[`, then the
    /// items `0..next`.
    out: Vec<u8>,
    next: usize,
    /// The envelope after the items, from their `]`.
    rest: String,
}

impl Encoder {
    /// `new_id` gives the stand-in its id: a fresh one, so no text of the
    /// board can hold it.
    pub fn new(mut board: Board, now: Timestamp, new_id: Uuid) -> Encoder {
        let items = std::mem::take(&mut board.items);
        let (out, rest) = match items.first() {
            None => (encode(&board, now).into_bytes(), String::new()),
            Some(first) => {
                let mut stand_in = first.clone();
                stand_in.id = new_id;
                let one = serde_json::to_string(&stand_in)
                    .unwrap_or_else(|_| unreachable!("an item always serialises"));
                board.items = vec![stand_in];
                let whole = encode(&board, now);
                board.items = Vec::new();
                let at = whole
                    .find(&format!("[{one}]"))
                    .unwrap_or_else(|| unreachable!("the stand-in is in the text"));
                let head = whole.as_bytes()[..=at].to_vec();
                (head, whole[at + 1 + one.len()..].to_string())
            }
        };
        Encoder {
            board,
            items,
            out,
            next: 0,
            rest,
        }
    }

    /// Writes up to `n` more items; true when all are written.
    pub fn step(&mut self, n: usize) -> bool {
        let end = self.next.saturating_add(n).min(self.items.len());
        for item in &self.items[self.next..end] {
            if self.next > 0 {
                self.out.push(b',');
            }
            serde_json::to_writer(&mut self.out, item)
                .unwrap_or_else(|_| unreachable!("an item always serialises"));
            self.next += 1;
        }
        self.done()
    }

    pub fn done(&self) -> bool {
        self.next >= self.items.len()
    }

    /// The board back, and its text (every item written first).
    pub fn finish(mut self) -> (Board, String) {
        self.step(usize::MAX);
        let mut out = self.out;
        out.extend_from_slice(self.rest.as_bytes());
        let text = String::from_utf8(out).unwrap_or_else(|_| unreachable!("JSON is UTF-8"));
        let mut board = self.board;
        board.items = self.items;
        (board, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testutil::{nieuw_west_zuid, t};

    fn check(board: Board, step: usize) {
        let now = t(5);
        let whole = encode(&board, now);
        let mut enc = Encoder::new(board.clone(), now, Uuid::from_u128(0xfeed));
        while !enc.step(step) {}
        let (back, text) = enc.finish();
        assert_eq!(text, whole);
        assert_eq!(back, board);
    }

    #[test]
    fn sliced_text_is_the_whole_text() {
        let board = nieuw_west_zuid();
        for step in [1, 2, 3, 100] {
            check(board.clone(), step);
        }
    }

    #[test]
    fn a_board_without_cards_and_one_with_one() {
        let mut board = nieuw_west_zuid();
        board.items.truncate(1);
        check(board.clone(), 1);
        board.items.clear();
        check(board, 1);
    }

    #[test]
    fn text_that_looks_like_the_items_does_not_confuse_it() {
        let mut board = nieuw_west_zuid();
        let first = serde_json::to_string(&board.items[0]).unwrap();
        board.title = format!("[{first}]");
        board.items[1].notes = "\"items\":[]".into();
        check(board, 2);
    }
}
