//! What makes a card late or soon on screen: today's date (looked at
//! again every minute, so a board left open overnight moves on) and the
//! done column (the last one shown). The rule itself is
//! `model::calendar::due`.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use super::{now, Meta};
use crate::model::calendar::{self, Due};
use crate::model::Item;

#[derive(Clone, Copy)]
pub struct Dates {
    pub today: RwSignal<NaiveDate>,
    /// The done column: a card there is neither late nor soon. A memo, so
    /// renaming a column or changing a limit wakes no card.
    pub done: Memo<Option<Uuid>>,
}

pub fn today() -> NaiveDate {
    now().with_timezone(&chrono::Local).date_naive()
}

impl Dates {
    pub(super) fn new(meta: RwSignal<Meta>) -> Dates {
        let today_sig = RwSignal::new(today());
        let handle = set_interval_with_handle(
            move || {
                let t = today();
                if today_sig.try_get_untracked().is_some_and(|d| d != t) {
                    let _ = today_sig.try_set(t);
                }
            },
            std::time::Duration::from_secs(60),
        )
        .ok();
        on_cleanup(move || {
            if let Some(h) = handle {
                h.clear();
            }
        });
        Dates {
            today: today_sig,
            done: Memo::new(move |_| meta.with(|m| m.columns.last().map(|c| c.id))),
        }
    }

    /// Whether `item` is late or soon, today (reactive). `basis`: the done
    /// column and today as the drawn board follows them, if it does.
    pub fn due(&self, item: &Item, basis: Option<(Option<Uuid>, NaiveDate)>) -> Option<Due> {
        let (done, today) = basis.unwrap_or_else(|| (self.done.get(), self.today.get()));
        calendar::due(item, done, today)
    }
}
