use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use super::modal::Modal;
use super::dom::focus_card_later;
use super::card_history::CardHistory;
use super::comment_thread::CommentThread;
use super::conflict_choice::ConflictChoice;
use super::state::use_state;
use crate::model::{parse_tags, Edit, Scope};
use crate::strings as s;
use crate::model::dates;

fn parse_date(value: &str) -> Option<NaiveDate> {
    dates::parse_iso(value)
}

fn date_value(d: Option<NaiveDate>) -> String {
    d.map(dates::iso).unwrap_or_default()
}

/// The card editor: every field of one card, saved as you type.
#[component]
pub fn CardEditor() -> impl IntoView {
    let state = use_state();
    let close = move || {
        if let Some(id) = state.panels.editing.get_untracked() {
            state.panels.editing.set(None);
            focus_card_later(id);
        }
    };
    view! {
        <Modal
            open=Signal::derive(move || state.panels.editing.get().is_some())
            on_close=move |_| close()
            label=Signal::derive(|| s::EDIT_CARD.to_string())
            class="editor"
        >
            {move || state.panels.editing.get().map(|id| view! { <EditorForm id=id on_close=close /> })}
        </Modal>
    }
}

#[component]
fn EditorForm(id: Uuid, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let Some(item) = state.card(id) else {
        return ().into_any();
    };
    let meta = state.doc.meta;
    let edit = move |e: Edit| {
        let _ = state.edit(id, e);
    };
    let text = |f: fn(&crate::model::Item) -> String| move || item.with(f);

    view! {
        <form class="editor-form" on:submit=move |ev| {
            ev.prevent_default();
            on_close();
        }>
            <h2>{s::EDIT_CARD}</h2>
            <div class="field wide">
                <label for="kaart-titel">{s::TITLE}</label>
                <input
                    id="kaart-titel" maxlength={crate::model::limits::Field::Title.max_chars()}
                    type="text"
                    prop:value=text(|i| i.title.clone())
                    on:input=move |ev| edit(Edit::Title(event_target_value(&ev)))
                />
            </div>
            <div class="field wide">
                <label for="kaart-notities">{s::NOTES}</label>
                <textarea
                    id="kaart-notities" maxlength={crate::model::limits::Field::Notes.max_chars()}
                    rows="4"
                    prop:value=text(|i| i.notes.clone())
                    on:input=move |ev| edit(Edit::Notes(event_target_value(&ev)))
                ></textarea>
            </div>
            <div class="field">
                <label for="kaart-trekker">{s::TREKKER}</label>
                <input
                    id="kaart-trekker" maxlength={crate::model::limits::Field::Trekker.max_chars()}
                    type="text"
                    list="trekker-rollen"
                    placeholder=s::TREKKER_HINT
                    prop:value=text(|i| i.trekker.clone())
                    on:input=move |ev| edit(Edit::Trekker(event_target_value(&ev)))
                />
                <datalist id="trekker-rollen">
                    {s::ROLES.iter().map(|r| view! { <option value=*r></option> }).collect_view()}
                </datalist>
            </div>
            <div class="field">
                <label for="kaart-team">{s::TEAM}</label>
                <input
                    id="kaart-team" maxlength={crate::model::limits::Field::Team.max_chars()}
                    type="text"
                    prop:value=text(|i| i.team.clone())
                    on:input=move |ev| edit(Edit::Team(event_target_value(&ev)))
                />
            </div>
            <div class="field">
                <label for="kaart-start">{s::START}</label>
                <input
                    id="kaart-start"
                    type="date"
                    prop:value=move || item.with(|i| date_value(i.start))
                    on:change=move |ev| edit(Edit::Start(parse_date(&event_target_value(&ev))))
                />
            </div>
            <div class="field">
                <label for="kaart-eind">{s::END}</label>
                <input
                    id="kaart-eind"
                    type="date"
                    prop:value=move || item.with(|i| date_value(i.end))
                    on:change=move |ev| edit(Edit::End(parse_date(&event_target_value(&ev))))
                />
            </div>
            <div class="field">
                <label for="kaart-scope">{s::SCOPE}</label>
                <select
                    id="kaart-scope"
                    prop:value=move || {
                        item.with(|i| match i.scope {
                            Some(Scope::Intern) => "intern",
                            Some(Scope::Extern) => "extern",
                            None => "",
                        })
                    }
                    on:change=move |ev| {
                        let scope = match event_target_value(&ev).as_str() {
                            "intern" => Some(Scope::Intern),
                            "extern" => Some(Scope::Extern),
                            _ => None,
                        };
                        edit(Edit::Scope(scope))
                    }
                >
                    <option value="">{s::SCOPE_NONE}</option>
                    <option value="intern">{s::scope(Scope::Intern)}</option>
                    <option value="extern">{s::scope(Scope::Extern)}</option>
                </select>
            </div>
            <div class="field">
                <label for="kaart-labels">{s::TAGS}</label>
                <input
                    id="kaart-labels"
                    type="text"
                    placeholder=s::TAGS_HINT
                    prop:value=move || item.with(|i| i.tags.join(", "))
                    on:change=move |ev| edit(Edit::Tags(parse_tags(&event_target_value(&ev))))
                />
            </div>
            <div class="field">
                <label for="kaart-lijn">{s::LINE}</label>
                <select
                    id="kaart-lijn"
                    prop:value=move || item.with(|i| i.line.to_string())
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u8>() {
                            let column = item.with_untracked(|i| i.column);
                            let _ = state.move_to(id, (n, column), None);
                        }
                    }
                >
                    {meta
                        .with_untracked(|m| m.lines.clone())
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.number.to_string()>
                                    {s::line_label(l.number, &l.name)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="kaart-kolom">{s::COLUMN}</label>
                <select
                    id="kaart-kolom"
                    prop:value=move || item.with(|i| i.column.to_string())
                    on:change=move |ev| {
                        if let Ok(c) = Uuid::parse_str(&event_target_value(&ev)) {
                            let line = item.with_untracked(|i| i.line);
                            let _ = state.move_to(id, (line, c), None);
                        }
                    }
                >
                    {meta
                        .with_untracked(|m| m.columns.clone())
                        .into_iter()
                        .map(|c| view! { <option value=c.id.to_string()>{c.name}</option> })
                        .collect_view()}
                </select>
            </div>
            {move || {
                let open = item.with(|i| i.conflicts.clone());
                (!open.is_empty()).then(|| view! {
                    <section class="editor-conflicts merge-list conflicts">
                        <h3>{s::OPEN_CONFLICTS_HEAD}</h3>
                        <ul>
                            {open.into_iter().map(|c| view! { <ConflictChoice id=id conflict=c /> }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <CommentThread id=id item=item />
            <p class="editor-error" role="alert">
                {move || state.feedback.edit_error.get()}
            </p>
            <CardHistory item=item />
            <p class="timestamps">
                {move || {
                    item.with(|i| {
                        format!(
                            "{}: {} · {}: {}",
                            s::CREATED,
                            s::local_time(i.created),
                            s::UPDATED,
                            s::local_time(i.updated),
                        )
                    })
                }}
            </p>
            <div class="dialog-actions">
                <button type="submit" class="button">{s::CLOSE}</button>
                <button
                    type="button"
                    class="button danger"
                    on:click=move |_| {
                        let _ = state.delete_and_refocus(id);
                    }
                >
                    {s::DELETE}
                </button>
            </div>
        </form>
    }
    .into_any()
}
