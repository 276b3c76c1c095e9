use leptos::prelude::*;
use uuid::Uuid;

use super::modal::Modal;
use super::state::use_state;
use crate::strings as s;

/// "Hernoemen" from the board list.
#[component]
pub fn RenameDialog() -> impl IntoView {
    let state = use_state();
    let renaming = state.panels.renaming;
    view! {
        <Modal
            open=Signal::derive(move || renaming.get().is_some())
            on_close=move |_| renaming.set(None)
            label=Signal::derive(|| s::RENAME.to_string())
            class="rename"
        >
            {move || renaming.get().map(|id| view! { <RenameForm id=id /> })}
        </Modal>
    }
}

#[component]
fn RenameForm(id: Uuid) -> impl IntoView {
    let state = use_state();
    let current = state
        .persist
        .library
        .with_untracked(|l| l.entry(id).map(|e| e.title.clone()))
        .unwrap_or_default();
    let title = RwSignal::new(current.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.rename_board(id, &title.get_untracked());
        state.panels.renaming.set(None);
    };
    view! {
        <form class="move-form" on:submit=submit>
            <h2>{s::RENAME}</h2>
            <label for="hernoem-titel">{s::BOARD_TITLE}</label>
            <input id="hernoem-titel" type="text" maxlength={crate::model::limits::Field::BoardTitle.max_chars()} autofocus prop:value=current
                on:input=move |ev| title.set(event_target_value(&ev)) />
            <div class="dialog-actions">
                <button type="submit" class="button">{s::RENAME}</button>
                <button type="button" class="button secondary" on:click=move |_| state.panels.renaming.set(None)>
                    {s::CANCEL}
                </button>
            </div>
        </form>
    }
}
