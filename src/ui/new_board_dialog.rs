use leptos::prelude::*;

use super::state::Start;
use super::modal::Modal;
use super::state::use_state;
use crate::strings as s;

/// "Nieuw bord": team, year, title, and template or empty.
#[component]
pub fn NewBoardDialog() -> impl IntoView {
    let state = use_state();
    let open = state.panels.new_board;
    view! {
        <Modal
            open=Signal::derive(move || open.get())
            on_close=move |_| open.set(false)
            label=Signal::derive(|| s::NEW_BOARD.to_string())
            class="new-board"
        >
            <NewBoardForm />
        </Modal>
    }
}

#[component]
fn NewBoardForm() -> impl IntoView {
    let state = use_state();
    let team = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let start = RwSignal::new(Start::Template);
    let placeholder = move || {
        let t = s::default_board_title(&team.get(), year.get().trim().parse().ok());
        format!("{t} ({})", s::BOARD_TITLE_HINT)
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.panels.new_board.set(false);
        state.create_board(
            start.get_untracked(),
            &title.get_untracked(),
            &team.get_untracked(),
            year.get_untracked().trim().parse().ok(),
        );
    };
    view! {
        <form class="editor-form" on:submit=submit>
            <h2>{s::NEW_BOARD}</h2>
            <div class="field">
                <label for="nieuw-team">{s::TEAM}</label>
                <input id="nieuw-team" type="text" maxlength={crate::model::limits::Field::Team.max_chars()} autofocus
                    on:input=move |ev| team.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="nieuw-jaar">{s::YEAR}</label>
                <input id="nieuw-jaar" type="number" min="2000" max="2100" inputmode="numeric"
                    on:input=move |ev| year.set(event_target_value(&ev)) />
            </div>
            <div class="field wide">
                <label for="nieuw-titel">{s::BOARD_TITLE}</label>
                <input id="nieuw-titel" type="text" maxlength={crate::model::limits::Field::BoardTitle.max_chars()} placeholder=placeholder
                    on:input=move |ev| title.set(event_target_value(&ev)) />
            </div>
            <fieldset class="wide start-with">
                <legend>{s::START_WITH}</legend>
                <label>
                    <input type="radio" name="begin" checked
                        on:change=move |_| start.set(Start::Template) />
                    {s::START_TEMPLATE}
                </label>
                <label>
                    <input type="radio" name="begin"
                        on:change=move |_| start.set(Start::Empty) />
                    {s::START_EMPTY}
                </label>
            </fieldset>
            <div class="dialog-actions">
                <button type="submit" class="button">{s::CREATE}</button>
                <button type="button" class="button secondary" on:click=move |_| state.panels.new_board.set(false)>
                    {s::CANCEL}
                </button>
            </div>
        </form>
    }
}
