//! The pure domain: a board of five programme lines (swimlanes) crossed by
//! status columns, holding plan items (cards). No browser code lives here:
//! time and ids come in as arguments, so everything is testable natively.

mod board;
pub mod calendar;
pub mod card_log;
mod columns;
pub mod comments;
pub mod dates;
pub mod filter;
pub mod history;
pub mod library;
pub mod limits;
mod merge;
mod ops;
pub mod programme;
pub mod report;
pub mod sample;
pub mod sort;
pub mod stamps;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
#[cfg(test)]
pub(crate) mod testutil;

pub use board::{
    default_columns, default_lines, Board, Column, Extra, Invalid, Item, Line, LineStatus, Scope,
    Tombstone, LINE_COUNT, STANDARD_COLUMNS,
};
pub use card_log::{CardLog, Change};
pub use comments::Comment;
pub use merge::{
    canonical, duplicates, merge, merge_files, report, Conflict, MergeReport, Updated,
};
pub use ops::{parse_tags, Direction, Edit, OpError};
pub use stamps::{CardField, FieldConflict, LineField, LineStamps, Stamp};

/// All timestamps are UTC instants.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// A cell of the grid: (line number 1..=5, column id).
pub type CellKey = (u8, uuid::Uuid);
