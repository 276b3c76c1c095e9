use leptos::prelude::*;

use super::state::use_state;
use crate::model::Item;
use crate::strings as s;

/// "Geschiedenis" in the card editor: who changed what and when, newest
/// first, ending with who made the card. Folded away by default (a
/// disclosure): most visits to a card are about its content.
#[component]
pub fn CardHistory(item: RwSignal<Item>) -> impl IntoView {
    let state = use_state();
    let log = Memo::new(move |_| item.with(|i| i.history.clone()));
    let made = Memo::new(move |_| item.with(|i| (i.created_by.clone(), i.created)));
    view! {
        <details class="card-history">
            <summary>{move || log.with(|l| s::history_head(l.changes.len()))}</summary>
            <ol class="history-list">
                {move || {
                    let me = state.author();
                    log.with(|l| {
                        l.changes
                            .iter()
                            .map(|c| view! { <li>{s::history_line(c, &me)}</li> })
                            .collect_view()
                    })
                }}
                {move || {
                    log.with(|l| s::history_older(&l.older))
                        .map(|text| view! { <li class="history-older">{text}</li> })
                }}
                <li class="history-created">
                    {move || made.with(|(by, at)| s::history_created(by, *at))}
                </li>
            </ol>
        </details>
    }
}
