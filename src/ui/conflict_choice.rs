use leptos::prelude::*;
use uuid::Uuid;

use super::state::use_state;
use crate::model::{CardField, FieldConflict};
use crate::strings as s;

/// One field that both copies changed: the value on the board and the one
/// kept aside, each with who set it and "Gebruik deze"; for notes also
/// "Beide houden". Once decided (here, in the editor or in another copy
/// that came in), it says so.
#[component]
pub fn ConflictChoice(id: Uuid, conflict: FieldConflict) -> impl IntoView {
    let state = use_state();
    let Some(item) = state.card(id) else {
        return view! { <li>{s::DECIDED}</li> }.into_any();
    };
    let field = conflict.field;
    let me = state.author();
    let column = move |c: Uuid| {
        state
            .doc
            .meta
            .with_untracked(|m| m.columns.iter().find(|x| x.id == c).map(|x| x.name.clone()))
    };
    let open = {
        let conflict = conflict.clone();
        move || item.with(|i| i.conflicts.contains(&conflict))
    };
    let head = move || item.with(|i| s::conflict_head(&i.title, field));
    let kept = {
        let me = me.clone();
        let by = conflict.against.by.clone();
        move || {
            item.with(|i| {
                s::conflict_value(&s::who(&by, &me), &s::field_value(field, &i.value(field), column))
            })
        }
    };
    let other = s::conflict_value(
        &s::who(&conflict.stamp.by, &me),
        &s::field_value(field, &conflict.value, column),
    );
    // The buttons go once decided: focus moves to the dialog's own first
    // button ("Sluiten"), not to the page behind.
    let refocus = || {
        request_animation_frame(|| crate::ui::dom::focus("dialog[open] .dialog-actions button"))
    };
    let keep_current = move |_| {
        let value = item.with_untracked(|i| i.value(field));
        state.use_value(id, field, value);
        refocus();
    };
    let take_other = {
        let value = conflict.value.clone();
        move |_| {
            state.use_value(id, field, value.clone());
            refocus();
        }
    };
    let both = (field == CardField::Notes).then(|| {
        let conflict = conflict.clone();
        view! {
            <button type="button" class="button secondary" on:click=move |_| {
                state.keep_both_notes(id, &conflict);
                refocus();
            }>
                {s::KEEP_BOTH}
            </button>
        }
    });
    view! {
        <li class="conflict">
            <p class="conflict-head">{head}</p>
            <Show when=open.clone() fallback=|| view! { <p class="decided">{s::DECIDED}</p> }>
                <div class="conflict-values">
                    <p class="conflict-value">
                        <span>{kept.clone()}</span>
                        <button type="button" class="button secondary" on:click=keep_current>
                            {s::USE_THIS}
                        </button>
                    </p>
                    <p class="conflict-value">
                        <span>{other.clone()}</span>
                        <button type="button" class="button secondary" on:click=take_other.clone()>
                            {s::USE_THIS}
                        </button>
                    </p>
                    {both.clone()}
                </div>
            </Show>
        </li>
    }
    .into_any()
}
