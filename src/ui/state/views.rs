//! The view signals of the open board: one per card, one per cell
//! (ordered ids), one "shown" flag per card (the filter), and drawing a
//! big board in steps. They follow the board; `refresh` sets them from it
//! after a change, touching only what changed.

use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::filter::Matcher;
use crate::model::{Board, CellKey, Item};

/// Cards drawn per cell at first on a freshly built board; then
/// [`DRAW_STEP`] more per cell after each paint. The first screen of a big
/// board shows (and takes input) before the thousands of cards below it
/// are drawn, and no step holds up input for long.
pub const DRAW_FIRST: usize = 12;
pub const DRAW_STEP: usize = 48;

#[derive(Clone, Copy)]
pub struct Views {
    cards: StoredValue<HashMap<Uuid, RwSignal<Item>>>,
    cells: StoredValue<HashMap<CellKey, RwSignal<Vec<Uuid>>>>,
    /// Per card: whether the filter lets it through. Set only when that
    /// changes, so typing in the search field touches the cards it hides
    /// or shows, not every card.
    shown: StoredValue<HashMap<Uuid, RwSignal<bool>>>,
    /// Per cell: how many of its cards the filter shows, counted from the
    /// cards' `shown` flags, so a keystroke in the search field recounts
    /// only the cells whose cards it hides or shows (made on first use).
    counts: StoredValue<HashMap<CellKey, Memo<usize>>>,
    /// Whether a filter is on. Without one every card is shown, so the
    /// counts are the cells' lengths and follow no card's flag (a move on
    /// a big board then recounts nothing).
    filtering: RwSignal<bool>,
    /// The app's owner. View signals are created under it explicitly: an
    /// event handler runs under its component's owner, and a signal made
    /// there would die with that component.
    owner: StoredValue<Owner>,
    /// Bumped when the whole board is replaced, so views rebuild.
    pub generation: RwSignal<u64>,
    /// How many cards each cell draws (see [`DRAW_FIRST`]).
    pub draw_limit: RwSignal<usize>,
}

impl Views {
    pub(super) fn new() -> Views {
        Views {
            cards: StoredValue::new(HashMap::new()),
            cells: StoredValue::new(HashMap::new()),
            shown: StoredValue::new(HashMap::new()),
            counts: StoredValue::new(HashMap::new()),
            filtering: RwSignal::new(false),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            generation: RwSignal::new(0),
            draw_limit: RwSignal::new(DRAW_FIRST),
        }
    }

    pub fn card(&self, id: Uuid) -> Option<RwSignal<Item>> {
        self.cards.with_value(|c| c.get(&id).copied())
    }

    /// Whether the filter lets card `id` through (reactive).
    pub fn shown(&self, id: Uuid) -> bool {
        self.shown
            .with_value(|s| s.get(&id).copied())
            .is_none_or(|sig| sig.get())
    }

    /// How many of a cell's cards the filter shows (reactive); `ids` is
    /// the cell's signal, for a cell not counted yet.
    pub(super) fn shown_in(&self, key: CellKey, ids: impl FnOnce() -> RwSignal<Vec<Uuid>>) -> usize {
        if let Some(memo) = self.counts.with_value(|c| c.get(&key).copied()) {
            return memo.get();
        }
        let ids = ids();
        let shown = self.shown;
        let filtering = self.filtering;
        let memo = self.owner.with_value(|o| {
            o.with(|| {
                Memo::new(move |_| {
                    if !filtering.get() {
                        return ids.with(Vec::len);
                    }
                    ids.with(|ids| {
                        shown.with_value(|s| {
                            ids.iter()
                                .filter(|id| s.get(*id).is_none_or(|sig| sig.get()))
                                .count()
                        })
                    })
                })
            })
        });
        self.counts.update_value(|c| {
            c.insert(key, memo);
        });
        memo.get()
    }

    /// Notes whether a filter is on, after the flags follow it.
    pub(super) fn note_filtering(&self, on: bool) {
        if self.filtering.get_untracked() != on {
            self.filtering.set(on);
        }
    }

    /// The signal of a cell's ordered ids, made from `ids` if the cell has
    /// none yet.
    pub(super) fn cell(&self, key: CellKey, ids: impl FnOnce() -> Vec<Uuid>) -> RwSignal<Vec<Uuid>> {
        if let Some(sig) = self.cells.with_value(|c| c.get(&key).copied()) {
            return sig;
        }
        let sig = self.signal(ids());
        self.cells.update_value(|c| {
            c.insert(key, sig);
        });
        sig
    }

    pub(super) fn cell_keys(&self) -> Vec<CellKey> {
        self.cells.with_value(|c| c.keys().copied().collect())
    }

    /// Creates a signal owned by the app, whatever runs this.
    fn signal<T: Send + Sync + 'static>(&self, value: T) -> RwSignal<T> {
        self.owner.with_value(|o| o.with(|| RwSignal::new(value)))
    }

    /// Recreates every view signal from the board (first load, replace),
    /// and starts drawing it.
    pub(super) fn rebuild(&self, b: &Board, matcher: &Matcher) {
        // All signals made under the app's owner in one go.
        let owner = self.owner.get_value();
        let (cards, cells, shown) = owner.with(|| {
            let cards: HashMap<_, _> = b
                .items
                .iter()
                .map(|i| (i.id, RwSignal::new(i.clone())))
                .collect();
            let shown: HashMap<_, _> = b
                .items
                .iter()
                .map(|i| (i.id, RwSignal::new(matcher.matches(i))))
                .collect();
            let cells: HashMap<_, _> = b
                .cells()
                .into_iter()
                .map(|c| (c, RwSignal::new(b.cell_ids(c))))
                .collect();
            (cards, cells, shown)
        });
        self.cards.set_value(cards);
        self.cells.set_value(cells);
        self.shown.set_value(shown);
        // Counted afresh from the new signals (the old counts follow
        // signals nothing sets any more).
        self.counts.set_value(HashMap::new());
    }

    /// Drops every view signal: a board over its bounds is never drawn.
    pub(super) fn clear(&self) {
        self.cards.set_value(HashMap::new());
        self.cells.set_value(HashMap::new());
        self.shown.set_value(HashMap::new());
        self.counts.set_value(HashMap::new());
    }

    /// After [`rebuild`](Self::rebuild) and a new `meta`: the views follow.
    pub(super) fn rebuilt(&self) {
        self.generation.update(|g| *g += 1);
        self.draw_progressively();
    }

    /// Sets each card's "shown" flag from the filter, touching only the
    /// cards whose flag changes.
    pub(super) fn apply_filter(&self, b: &Board, matcher: &Matcher) {
        self.shown.with_value(|shown| {
            for item in &b.items {
                if let Some(sig) = shown.get(&item.id) {
                    let now = matcher.matches(item);
                    if sig.get_untracked() != now {
                        sig.set(now);
                    }
                }
            }
        });
    }

    /// Brings a card's signals in line with `item` (made if new).
    pub(super) fn sync_card(&self, item: Item, visible: bool) {
        let id = item.id;
        match self.shown.with_value(|s| s.get(&id).copied()) {
            Some(sig) if sig.get_untracked() != visible => sig.set(visible),
            Some(_) => {}
            None => {
                let sig = self.signal(visible);
                self.shown.update_value(|s| {
                    s.insert(id, sig);
                });
            }
        }
        match self.card(id) {
            Some(sig) => {
                if sig.with_untracked(|i| *i != item) {
                    sig.set(item);
                }
            }
            None => {
                let sig = self.signal(item);
                self.cards.update_value(|c| {
                    c.insert(id, sig);
                });
            }
        }
    }

    /// Sets a cell's ids if they changed.
    pub(super) fn sync_cell(&self, key: CellKey, ids: Vec<Uuid>) {
        match self.cells.with_value(|c| c.get(&key).copied()) {
            Some(sig) if sig.with_untracked(|cur| *cur != ids) => sig.set(ids),
            Some(_) => {}
            None => {
                let sig = self.signal(ids);
                self.cells.update_value(|c| {
                    c.insert(key, sig);
                });
            }
        }
    }

    /// Stops drawing in steps: every card is drawn now.
    pub fn draw_all(&self) {
        if self.draw_limit.get_untracked() != usize::MAX {
            self.draw_limit.set(usize::MAX);
        }
    }

    /// Draws a few cards per cell, then more after each paint, until all
    /// are drawn (a newer rebuild takes over).
    fn draw_progressively(&self) {
        fn step(views: Views, generation: u64, limit: usize, largest: usize) {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if views.generation.try_get_untracked() != Some(generation) {
                            return;
                        }
                        if limit >= largest {
                            views.draw_limit.set(usize::MAX);
                        } else {
                            views.draw_limit.set(limit);
                            step(views, generation, limit + DRAW_STEP, largest);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        let largest = self.cells.with_value(|c| {
            c.values()
                .map(|sig| sig.with_untracked(Vec::len))
                .max()
                .unwrap_or(0)
        });
        if largest <= DRAW_FIRST {
            self.draw_limit.set(usize::MAX);
            return;
        }
        self.draw_limit.set(DRAW_FIRST);
        step(
            *self,
            self.generation.get_untracked(),
            DRAW_FIRST + DRAW_STEP,
            largest,
        );
    }
}
