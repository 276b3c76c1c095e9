//! Dragging a card: with the mouse (HTML drag and drop) or by touch on its
//! ⇄ handle (pointer events, see `ui::touch`). Which card is dragged and
//! where it would land. And on the year timeline (pointer events, mouse
//! and touch alike, see `ui::timeline_drag`): a bar, one of its ends, or
//! an undated card onto a month.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::calendar::Edge;
use crate::model::CellKey;

/// Where a dragged card would land: in `cell`, before card `before`
/// (`None`: at the end).
pub type DropTarget = (CellKey, Option<Uuid>);

/// A touch on a card's handle, from `pointerdown` until it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Touch {
    pub card: Uuid,
    pub x0: f64,
    pub y0: f64,
    /// Moved far enough to be a drag, not a tap.
    pub dragged: bool,
    /// The finger is still down.
    pub active: bool,
}

/// What a pointer holds on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// A bar's body: the whole activity moves, whole months.
    Body,
    /// A bar's start or end handle: that end moves.
    Edge(Edge),
    /// An undated card ("Nog niet gepland"), to drop on a month.
    Undated,
}

/// A pointer on the timeline, from `pointerdown` until it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarDrag {
    pub id: Uuid,
    pub grip: Grip,
    /// Where the pointer went down, and where it is now.
    pub x0: f64,
    pub y0: f64,
    pub x: f64,
    pub y: f64,
    /// The month (0..=11) under the pointer when it went down.
    pub month0: Option<u32>,
    /// The month under the pointer now; `None` outside the timeline.
    pub over: Option<u32>,
    /// Moved far enough to be a drag, not a click.
    pub dragged: bool,
}

#[derive(Clone, Copy)]
pub struct Drag {
    pub dragging: RwSignal<Option<Uuid>>,
    pub drop_target: RwSignal<Option<DropTarget>>,
    /// A touch on a card's ⇄ handle.
    pub touch: StoredValue<Option<Touch>>,
    /// Which card is being dragged, per card (one card notified, not all).
    dragging_card: StoredValue<Selector<Option<Uuid>>>,
    /// Before which card a drop would land, per card.
    drop_before_card: StoredValue<Selector<Option<Uuid>>>,
    /// A pointer on the timeline (bar, handle, undated card).
    pub bar: RwSignal<Option<BarDrag>>,
    /// When a timeline drag last ended (ms since the epoch): the click
    /// that follows is not an "open".
    pub bar_dropped: StoredValue<Option<f64>>,
}

impl Drag {
    pub(super) fn new() -> Drag {
        let dragging = RwSignal::new(None);
        let drop_target: RwSignal<Option<DropTarget>> = RwSignal::new(None);
        Drag {
            dragging,
            drop_target,
            touch: StoredValue::new(None),
            dragging_card: StoredValue::new(Selector::new(move || dragging.get())),
            drop_before_card: StoredValue::new(Selector::new(move || {
                drop_target.get().and_then(|(_, before)| before)
            })),
            bar: RwSignal::new(None),
            bar_dropped: StoredValue::new(None),
        }
    }

    /// New per-card selectors for a board drawn anew: a `Selector` keeps
    /// an entry for every key ever asked, so each board's cards would stay
    /// in it for the rest of the session.
    pub(super) fn renew(&self) {
        let (dragging, drop_target) = (self.dragging, self.drop_target);
        self.dragging_card
            .set_value(Selector::new(move || dragging.get()));
        self.drop_before_card.set_value(Selector::new(move || {
            drop_target.get().and_then(|(_, before)| before)
        }));
    }

    /// Whether card `id` is the one dragged (reactive, for that card only).
    pub fn is_dragged(&self, id: Uuid) -> bool {
        self.dragging_card.with_value(|s| s.selected(&Some(id)))
    }

    /// Whether a drop would land before card `id` (reactive, likewise).
    pub fn is_drop_before(&self, id: Uuid) -> bool {
        self.drop_before_card.with_value(|s| s.selected(&Some(id)))
    }

    /// Sets where a drop would land, if that changed.
    pub fn aim(&self, target: Option<DropTarget>) {
        if self.drop_target.get_untracked() != target {
            self.drop_target.set(target);
        }
    }

    /// The drag is over (dropped or given up).
    pub fn end(&self) {
        self.dragging.set(None);
        self.drop_target.set(None);
    }
}
