use leptos::prelude::*;
use uuid::Uuid;

use super::modal::Modal;
use super::state::{now, use_state, Confirm};
use crate::strings as s;

/// "Bordinstellingen": title, team and year; the columns (rename, add,
/// reorder, WIP limit, remove); the lines' descriptions.
#[component]
pub fn SettingsDialog() -> impl IntoView {
    let state = use_state();
    let open = state.panels.settings_open;
    view! {
        <Modal
            open=Signal::derive(move || open.get())
            on_close=move |_| open.set(false)
            label=Signal::derive(|| s::SETTINGS.to_string())
            class="settings"
        >
            <SettingsForm />
        </Modal>
    }
}

#[component]
fn SettingsForm() -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let set = move |title: Option<String>, team: Option<String>, year: Option<Option<i32>>| {
        let m = meta.get_untracked();
        let title = title.unwrap_or(m.title);
        let team = team.unwrap_or(m.team);
        let year = year.unwrap_or(m.year);
        if title.trim().is_empty() {
            return;
        }
        let _ = state.settings(|b| {
            b.set_settings(title.trim(), team.trim(), year, now());
            Ok(())
        });
    };
    let new_column = RwSignal::new(String::new());
    let add_column = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_column.get_untracked();
        if state
            .settings(|b| b.add_column(Uuid::new_v4(), &name, now()))
            .is_ok()
        {
            new_column.set(String::new());
        }
    };
    view! {
        <div class="settings-form">
            <h2>{s::SETTINGS}</h2>
            <div class="settings-grid">
                <div class="field wide">
                    <label for="instelling-titel">{s::BOARD_TITLE}</label>
                    <input id="instelling-titel" type="text" maxlength={crate::model::limits::Field::BoardTitle.max_chars()}
                        prop:value=move || meta.with(|m| m.title.clone())
                        on:change=move |ev| set(Some(event_target_value(&ev)), None, None) />
                </div>
                <div class="field">
                    <label for="instelling-team">{s::TEAM}</label>
                    <input id="instelling-team" type="text" maxlength={crate::model::limits::Field::Team.max_chars()}
                        prop:value=move || meta.with(|m| m.team.clone())
                        on:change=move |ev| set(None, Some(event_target_value(&ev)), None) />
                </div>
                <div class="field">
                    <label for="instelling-jaar">{s::YEAR}</label>
                    <input id="instelling-jaar" type="number" min="2000" max="2100"
                        prop:value=move || meta.with(|m| m.year.map(|y| y.to_string()).unwrap_or_default())
                        on:change=move |ev| set(None, None, Some(event_target_value(&ev).trim().parse().ok())) />
                </div>
            </div>

            <h3>{s::COLUMNS}</h3>
            <table class="columns-table">
                <thead>
                    <tr>
                        <th scope="col">{s::COLUMN_NAME}</th>
                        <th scope="col">{s::WIP_LIMIT}</th>
                        <th scope="col"><span class="sr-only">{s::MOVE}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || meta.with(|m| m.columns.iter().map(|c| c.id).collect::<Vec<_>>())
                        key=|id| *id
                        let:id
                    >
                        <ColumnRow id=id />
                    </For>
                </tbody>
            </table>
            <form class="add-column" on:submit=add_column>
                <label for="nieuwe-kolom">{s::NEW_COLUMN_NAME}</label>
                <input id="nieuwe-kolom" type="text" maxlength={crate::model::limits::Field::ColumnName.max_chars()}
                    prop:value=move || new_column.get()
                    on:input=move |ev| new_column.set(event_target_value(&ev)) />
                <button type="submit" class="button">{s::ADD_COLUMN}</button>
            </form>
            <p class="editor-error" role="alert">{move || state.feedback.edit_error.get()}</p>

            <h3>{s::LINES}</h3>
            {move || meta.with_untracked(|m| m.lines.clone()).into_iter().map(|l| {
                let number = l.number;
                let id = format!("lijn-omschrijving-{number}");
                view! {
                    <div class="field">
                        <label for=id.clone()>{s::line_label(number, &l.name)}</label>
                        <textarea id=id rows="2" maxlength={crate::model::limits::Field::LineDescription.max_chars()}
                            prop:value=move || meta.with(|m| m.line(number).map(|l| l.description.clone()).unwrap_or_default())
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                let _ = state.settings(|b| b.set_line_description(number, &text, state.stamp()));
                            }
                        ></textarea>
                    </div>
                }
            }).collect_view()}

            <h3>{s::WIPE_SECTION}</h3>
            <div class="field name-field">
                <label for="instelling-naam">{s::YOUR_NAME_SETTING}</label>
                <input id="instelling-naam" type="text" maxlength=crate::ui::author::MAX_NAME_CHARS
                    autocomplete="name" aria-describedby="instelling-naam-uitleg"
                    prop:value=move || state.who.name.get()
                    on:change=move |ev| state.set_name(&event_target_value(&ev)) />
                <p id="instelling-naam-uitleg" class="hint-text">{s::YOUR_NAME_HINT}</p>
            </div>
            <p class="hint-text">{s::WIPE_HINT}</p>
            <button
                type="button"
                class="button danger"
                on:click=move |_| {
                    state.panels.settings_open.set(false);
                    state.panels.confirm.set(Some(Confirm::WipeAll));
                }
            >
                {s::WIPE_BUTTON}
            </button>

            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| state.panels.settings_open.set(false)>
                    {s::CLOSE}
                </button>
            </div>
        </div>
    }
}

/// One column in the settings: name, WIP limit, move left/right, remove
/// (a column with cards asks where they go first).
#[component]
fn ColumnRow(id: Uuid) -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let column = move || meta.with(|m| m.columns.iter().find(|c| c.id == id).cloned());
    let name = move || column().map(|c| c.name).unwrap_or_default();
    let removing = RwSignal::new(false);
    let target = RwSignal::new(None::<Uuid>);
    let remove = move |_| {
        let cards = state.doc.with_board(|b| b.column_count(id));
        if cards == 0 {
            let _ = state.settings(|b| b.remove_column(id, None, state.stamp()));
        } else if !removing.get_untracked() {
            let first_other =
                meta.with_untracked(|m| m.columns.iter().find(|c| c.id != id).map(|c| c.id));
            target.set(first_other);
            removing.set(true);
        } else if state
            .settings(|b| b.remove_column(id, target.get_untracked(), state.stamp()))
            .is_ok()
        {
            removing.set(false);
        }
    };
    view! {
        <tr>
            <td>
                <input type="text" aria-label=move || format!("{} {}", s::COLUMN_NAME, name()) maxlength={crate::model::limits::Field::ColumnName.max_chars()}
                    prop:value=name
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let _ = state.settings(|b| b.rename_column(id, &v, now()));
                    } />
                {move || column().and_then(|c| c.removed).map(|_| view! { <span class="removed-tag">{s::REMOVED_COLUMN}</span> })}
            </td>
            <td>
                <input type="number" min="0" class="wip-input"
                    aria-label=move || format!("{} {}", s::WIP_LIMIT, name())
                    prop:value=move || column().and_then(|c| c.wip_limit).map(|w| w.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().parse().ok();
                        let _ = state.settings(|b| b.set_wip_limit(id, v, now()));
                    } />
            </td>
            <td class="column-actions">
                <button type="button" class="icon-button" title=s::MOVE_LEFT
                    aria-label=move || format!("{} {}", name(), s::MOVE_LEFT.to_lowercase())
                    on:click=move |_| { let _ = state.settings(|b| b.shift_column(id, -1, now())); }>
                    <span aria-hidden="true">"←"</span>
                </button>
                <button type="button" class="icon-button" title=s::MOVE_RIGHT
                    aria-label=move || format!("{} {}", name(), s::MOVE_RIGHT.to_lowercase())
                    on:click=move |_| { let _ = state.settings(|b| b.shift_column(id, 1, now())); }>
                    <span aria-hidden="true">"→"</span>
                </button>
                <Show when=move || removing.get()>
                    <label class="move-cards">
                        {s::MOVE_CARDS_TO}" "
                        <select on:change=move |ev| target.set(Uuid::parse_str(&event_target_value(&ev)).ok())>
                            {meta.with_untracked(|m| m.columns.iter().filter(|c| c.id != id && c.removed.is_none()).cloned().collect::<Vec<_>>())
                                .into_iter()
                                .map(|c| view! { <option value=c.id.to_string()>{c.name}</option> })
                                .collect_view()}
                        </select>
                    </label>
                </Show>
                <button type="button" class="button danger small"
                    aria-label=move || format!("{} {}", s::REMOVE_COLUMN, name())
                    on:click=remove>
                    {s::DELETE}
                </button>
            </td>
        </tr>
    }
}
