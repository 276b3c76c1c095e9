//! The view signals of the open board: one per card, one per cell
//! (ordered ids), the cards the filter hides, and drawing a
//! big board in steps. They follow the board; `refresh` sets them from it
//! after a change, touching only what changed.

use std::collections::{HashMap, HashSet};

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

/// The done column and today: what makes a card late or soon.
pub type DueBasis = (Option<Uuid>, chrono::NaiveDate);

/// Cards whose filter mark changed: to hide, to show.
pub(super) type Marks = (Vec<Uuid>, Vec<Uuid>);

/// Who owns the view signals of the drawn board. Signals are created under
/// it explicitly (an event handler runs under its component's owner, and a
/// signal made there would die with that component). When another board is
/// drawn, all of them are disposed, so a long workshop switching boards
/// does not pile them up.
#[derive(Clone)]
struct BoardOwner {
    board: Option<Uuid>,
    current: Owner,
    /// Owners of earlier rebuilds of the same board (a column added, an
    /// undo): kept until another board is drawn, as an open editor may
    /// still hold one of their card signals.
    earlier: Vec<Owner>,
}

#[derive(Clone, Copy)]
pub struct Views {
    cards: StoredValue<HashMap<Uuid, RwSignal<Item>>>,
    cells: StoredValue<HashMap<CellKey, RwSignal<Vec<Uuid>>>>,
    /// The cards of the drawn board the filter hides. Not a signal per
    /// card: a filter that hides 8,000 of 10,000 cards would run 8,000
    /// effects and recount every cell 8,000 times. The page follows it in
    /// one pass (`dom::set_filtered`), a card drawn later from its class.
    hidden: StoredValue<HashSet<Uuid>>,
    /// Bumped when `hidden` changes, so the counts follow. Owned by the
    /// drawn board.
    hidden_changed: StoredValue<Trigger>,
    /// Per cell: how many of its cards the filter shows (made on first
    /// use).
    counts: StoredValue<HashMap<CellKey, Memo<usize>>>,
    /// Whether a filter is on. Without one every card is shown, so the
    /// counts are the cells' lengths and follow no card's flag (a move on
    /// a big board then recounts nothing).
    filtering: RwSignal<bool>,
    /// The app's owner, parent of every board's owner.
    app: StoredValue<Owner>,
    /// The owner of the open board's view signals (see [`BoardOwner`]).
    owner: StoredValue<BoardOwner>,
    /// The done column and today, for the cards' "late"/"soon": a memo
    /// owned by the drawn board. A card reading the app's own `Dates` would
    /// leave its memo in their subscriber lists after it is gone (Leptos
    /// does not unsubscribe a dropped memo or effect from its sources), a
    /// few hundred bytes per card every time a board is drawn.
    due_basis: StoredValue<Option<Memo<DueBasis>>>,
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
            hidden: StoredValue::new(HashSet::new()),
            hidden_changed: StoredValue::new(Trigger::new()),
            counts: StoredValue::new(HashMap::new()),
            filtering: RwSignal::new(false),
            app: StoredValue::new(Owner::current().unwrap_or_default()),
            owner: StoredValue::new(BoardOwner {
                board: None,
                current: Owner::current().unwrap_or_default().child(),
                earlier: Vec::new(),
            }),
            due_basis: StoredValue::new(None),
            generation: RwSignal::new(0),
            draw_limit: RwSignal::new(DRAW_FIRST),
        }
    }

    pub fn card(&self, id: Uuid) -> Option<RwSignal<Item>> {
        self.cards.with_value(|c| c.get(&id).copied())
    }

    /// Whether the filter lets card `id` through (not reactive: the page
    /// is told when this changes, see `hidden`).
    pub fn shown(&self, id: Uuid) -> bool {
        self.hidden.with_value(|h| !h.contains(&id))
    }

    /// How many of a cell's cards the filter shows (reactive); `ids` is
    /// the cell's signal, for a cell not counted yet.
    pub(super) fn shown_in(&self, key: CellKey, ids: impl FnOnce() -> RwSignal<Vec<Uuid>>) -> usize {
        if let Some(memo) = self.counts.with_value(|c| c.get(&key).copied()) {
            return memo.get();
        }
        let ids = ids();
        let (hidden, changed) = (self.hidden, self.hidden_changed.get_value());
        let filtering = self.filtering;
        let memo = self.owner.with_value(|o| {
            o.current.with(|| {
                Memo::new(move |_| {
                    if !filtering.get() {
                        return ids.with(Vec::len);
                    }
                    changed.track();
                    ids.with(|ids| {
                        hidden.with_value(|h| ids.iter().filter(|id| !h.contains(*id)).count())
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

    /// Follows `basis` (the app's done column and today) in a memo owned
    /// by the drawn board.
    pub(super) fn follow_due_basis(
        &self,
        basis: impl Fn() -> DueBasis + Send + Sync + 'static,
    ) {
        let memo = self
            .owner
            .with_value(|o| o.current.with(|| Memo::new(move |_| basis())));
        self.due_basis.set_value(Some(memo));
    }

    /// The done column and today (reactive; see `due_basis`).
    pub fn due_basis(&self) -> Option<DueBasis> {
        self.due_basis.get_value().and_then(|m| m.try_get())
    }

    /// Creates a signal owned by the open board, whatever runs this.
    fn signal<T: Send + Sync + 'static>(&self, value: T) -> RwSignal<T> {
        self.owner
            .with_value(|o| o.current.with(|| RwSignal::new(value)))
    }

    /// A fresh owner for the view signals of board `id` (`None`: no board
    /// drawn). Another board's owners are disposed once the views built on
    /// them are gone: after the next paint, as the rebuild replaces those
    /// views in the effects that run before it.
    fn renew_owner(&self, id: Option<Uuid>) -> Owner {
        let current = self.app.with_value(Owner::child);
        let old = self.owner.get_value();
        let mut next = BoardOwner {
            board: id,
            current: current.clone(),
            earlier: Vec::new(),
        };
        if id.is_some() && old.board == id {
            next.earlier = old.earlier;
            next.earlier.push(old.current);
        } else {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        old.current.cleanup();
                        old.earlier.iter().for_each(Owner::cleanup);
                        crate::ui::dom::forget_cards();
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        self.owner.set_value(next);
        current
    }

    /// Recreates every view signal from the board (first load, replace),
    /// and starts drawing it.
    pub(super) fn rebuild(&self, b: &Board, matcher: &Matcher) {
        // All signals made under a new owner in one go (the old signals
        // are disposed with theirs).
        let owner = self.renew_owner(Some(b.id));
        let (cards, cells, changed) = owner.with(|| {
            let cards: HashMap<_, _> = b
                .items
                .iter()
                .map(|i| (i.id, RwSignal::new(i.clone())))
                .collect();
            let cells: HashMap<_, _> = b
                .cells()
                .into_iter()
                .map(|c| (c, RwSignal::new(b.cell_ids(c))))
                .collect();
            (cards, cells, Trigger::new())
        });
        let hidden = b
            .items
            .iter()
            .filter(|i| !matcher.matches(i))
            .map(|i| i.id)
            .collect();
        self.cards.set_value(cards);
        self.cells.set_value(cells);
        self.hidden.set_value(hidden);
        self.hidden_changed.set_value(changed);
        // Counted afresh from the new signals (the old counts follow
        // signals nothing sets any more).
        self.counts.set_value(HashMap::new());
    }

    /// Drops every view signal: a board over its bounds is never drawn.
    pub(super) fn clear(&self) {
        let _ = self.renew_owner(None);
        self.cards.set_value(HashMap::new());
        self.cells.set_value(HashMap::new());
        self.hidden.set_value(HashSet::new());
        self.counts.set_value(HashMap::new());
    }

    /// After [`rebuild`](Self::rebuild) and a new `meta`: the views follow.
    pub(super) fn rebuilt(&self) {
        self.generation.update(|g| *g += 1);
        self.draw_progressively();
    }

    /// Hides and shows the cards for the filter: the page changes only
    /// the cards whose mark changes, in one pass.
    pub(super) fn apply_filter(&self, b: &Board, matcher: &Matcher) {
        let (mut hide, mut show) = (Vec::new(), Vec::new());
        self.hidden.update_value(|hidden| {
            for item in &b.items {
                let visible = matcher.matches(item);
                if visible && hidden.remove(&item.id) {
                    show.push(item.id);
                } else if !visible && hidden.insert(item.id) {
                    hide.push(item.id);
                }
            }
        });
        self.mark_filtered(&(hide, show));
    }

    /// The page and the counts follow a change of `hidden`.
    pub(super) fn mark_filtered(&self, (hide, show): &Marks) {
        if !hide.is_empty() || !show.is_empty() {
            crate::ui::dom::set_filtered(hide, show);
            self.hidden_changed.with_value(|t| t.notify());
        }
    }

    /// Brings a card's signals in line with `item` (made if new). A change
    /// of its filter mark is added to `marks` (hide, show), for
    /// [`mark_filtered`](Self::mark_filtered) to show in one pass.
    pub(super) fn sync_card(&self, item: Item, visible: bool, marks: &mut Marks) {
        let id = item.id;
        let changed = self.hidden.try_update_value(|h| {
            if visible {
                h.remove(&id)
            } else {
                h.insert(id)
            }
        });
        if changed == Some(true) {
            if visible {
                marks.1.push(id);
            } else {
                marks.0.push(id);
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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use leptos::prelude::*;
    use wasm_bindgen_test::*;

    use super::Views;
    use crate::model::filter::Filter;
    use crate::model::sample;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Until the frame after the next paint, when a rebuild's disposal runs.
    async fn after_paint() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            request_animation_frame(move || {
                set_timeout(
                    move || drop(resolve.call0(&wasm_bindgen::JsValue::NULL)),
                    std::time::Duration::from_millis(1),
                )
            });
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn drawing_another_board_disposes_the_view_signals_of_the_one_before() {
        let owner = Owner::new();
        let views = owner.with(Views::new);
        let matcher = Filter::default().matcher();
        let a = sample::nieuw_west_zuid(uuid::Uuid::new_v4, chrono::Utc::now());
        let b = sample::gaasperdam(uuid::Uuid::new_v4, chrono::Utc::now());
        let first = a.items[0].id;

        views.rebuild(&a, &matcher);
        let card = views.card(first).unwrap();
        // The same board drawn again (a column added, an undo): an open
        // editor may still hold the card's signal, so it lives on.
        views.rebuild(&a, &matcher);
        after_paint().await;
        assert!(card.try_get_untracked().is_some());

        views.rebuild(&b, &matcher);
        assert!(views.card(first).is_none());
        // Still readable until the views built on it are gone...
        assert!(card.try_get_untracked().is_some());
        after_paint().await;
        // ...then disposed, with the one from the earlier rebuild.
        assert!(card.try_get_untracked().is_none());
        assert!(views.card(b.items[0].id).unwrap().try_get_untracked().is_some());
    }
}
