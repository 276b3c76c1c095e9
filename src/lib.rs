//! Planbord: a planning board for the programme Politie van Iedereen.
//!
//! See ARCHITECTURE.md for the map. `model` is pure Rust and tested
//! natively; `storage` wraps it for the browser; `ui` is Leptos (wasm only) but for
//! its pure policy (routes, save timing, banners, shortcuts).

pub mod exchange;
pub mod model;
pub mod storage;
pub mod strings;
pub mod ui;
