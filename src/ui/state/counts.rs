//! How many cards the board shows and holds: per cell, column and line,
//! and in all. What is shown comes from the per-cell counts of the
//! cards' `shown` flags (`views`), so the figures follow the filter
//! without going over the whole board; what is held is the cells' lengths.
//! All reactive: read them in a view and it follows.

use leptos::prelude::*;
use uuid::Uuid;

use super::AppState;
use crate::model::{CellKey, LINE_COUNT};

/// Cards shown (by the filter) and held, of some part of the board.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counted {
    pub shown: usize,
    pub total: usize,
}

impl std::ops::Add for Counted {
    type Output = Counted;
    fn add(self, o: Counted) -> Counted {
        Counted {
            shown: self.shown + o.shown,
            total: self.total + o.total,
        }
    }
}

impl AppState {
    /// Whether a filter is on (then the figures say "x van y").
    pub fn filtering(&self) -> bool {
        self.nav.filter.with(|f| !f.is_empty())
    }

    /// One cell.
    pub fn counted(&self, key: CellKey) -> Counted {
        let ids = self.cell(key);
        Counted {
            shown: self.views.shown_in(key, || ids),
            total: ids.with(Vec::len),
        }
    }

    /// One column, over the five lines.
    pub fn counted_column(&self, column: Uuid) -> Counted {
        (1..=LINE_COUNT)
            .map(|line| self.counted((line, column)))
            .fold(Counted::default(), |a, b| a + b)
    }

    /// One line, over the columns shown.
    pub fn counted_line(&self, line: u8) -> Counted {
        self.doc
            .meta
            .with(|m| m.columns.iter().map(|c| c.id).collect::<Vec<_>>())
            .into_iter()
            .map(|column| self.counted((line, column)))
            .fold(Counted::default(), |a, b| a + b)
    }

    /// The whole board (rebuilt boards are counted afresh).
    pub fn counted_board(&self) -> Counted {
        self.views.generation.track();
        (1..=LINE_COUNT)
            .map(|line| self.counted_line(line))
            .fold(Counted::default(), |a, b| a + b)
    }
}
