use leptos::prelude::*;

use super::state::use_state;
use super::unplanned_item::UnplannedItem;
use crate::model::calendar;
use crate::strings as s;

/// "Nog niet gepland": the cards without a date, by line and order.
#[component]
pub fn UnplannedList(#[prop(into)] year: Signal<i32>) -> impl IntoView {
    let state = use_state();
    let undated = move || {
        state.doc.revision.track();
        state.views.generation.track();
        state.doc.with_board(calendar::undated)
    };
    view! {
        <section class="unplanned" aria-labelledby="ongepland-kop">
            <h3 id="ongepland-kop">{s::NOT_PLANNED}</h3>
            <ul class="activities">
                {move || undated().into_iter().map(|id| view! { <UnplannedItem id year /> }).collect_view()}
            </ul>
        </section>
    }
}
