use leptos::prelude::*;

use super::modal::Modal;
use super::state::use_state;
use crate::exchange::ics::{IcsOptions, Long};
use crate::strings as s;

/// "Agenda (.ics)": which columns go into the calendar file (by default
/// Gepland and Bezig: an idea is no appointment) and how an activity
/// longer than a month is written (a start and an end event, or one long
/// event), for the open board or the whole programme.
#[component]
pub fn IcsDialog() -> impl IntoView {
    let state = use_state();
    let ics = state.panels.ics;
    view! {
        <Modal
            open=Signal::derive(move || ics.get().is_some())
            on_close=move |_| ics.set(None)
            label=Signal::derive(|| s::ICS_DIALOG.to_string())
            class="ics"
        >
            {move || ics.get().map(|programme| view! { <IcsForm programme=programme /> })}
        </Modal>
    }
}

#[component]
fn IcsForm(programme: bool) -> impl IntoView {
    let state = use_state();
    let (standard, names) = state.ics_choices(programme);
    let chosen = RwSignal::new(standard.columns.clone());
    let long = RwSignal::new(standard.long);
    let close = move || state.panels.ics.set(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let options = IcsOptions {
            columns: chosen.get_untracked(),
            long: long.get_untracked(),
        };
        state.export_ics(programme, &options);
        close();
    };
    let is_chosen = move |name: &str| {
        chosen.with(|c| c.iter().any(|n| n.trim().eq_ignore_ascii_case(name.trim())))
    };
    let boxes = names
        .into_iter()
        .map(|name| {
            let for_check = name.clone();
            let for_change = name.clone();
            view! {
                <label class="ics-column">
                    <input
                        type="checkbox"
                        prop:checked=move || is_chosen(&for_check)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let name = for_change.clone();
                            chosen.update(|c| {
                                c.retain(|n| !n.trim().eq_ignore_ascii_case(name.trim()));
                                if on {
                                    c.push(name);
                                }
                            });
                        }
                    />
                    " "{name.clone()}
                </label>
            }
        })
        .collect_view();
    let radio = move |value: Long, label: &'static str| {
        view! {
            <label class="ics-long">
                <input
                    type="radio"
                    name="ics-lang"
                    prop:checked=move || long.get() == value
                    on:change=move |_| long.set(value)
                />
                " "{label}
            </label>
        }
    };
    view! {
        <form class="move-form ics-form" on:submit=submit>
            <h2>{if programme { s::ICS_DIALOG_PROGRAMME } else { s::ICS_DIALOG }}</h2>
            <fieldset>
                <legend>{s::ICS_COLUMNS}</legend>
                {boxes}
            </fieldset>
            <fieldset>
                <legend>{s::ICS_LONG}</legend>
                {radio(Long::Split, s::ICS_LONG_SPLIT)}
                {radio(Long::Whole, s::ICS_LONG_WHOLE)}
            </fieldset>
            <p class="editor-error" role="status">
                {move || chosen.with(Vec::is_empty).then_some(s::ICS_NO_COLUMNS)}
            </p>
            <div class="dialog-actions">
                <button type="submit" class="button">{s::DOWNLOAD}</button>
                <button type="button" class="button secondary" on:click=move |_| close()>
                    {s::CANCEL}
                </button>
            </div>
        </form>
    }
}
