use leptos::prelude::*;

use super::keys::SHORTCUTS;
use super::modal::Modal;
use super::state::use_state;
use crate::strings as s;

/// "?": every keyboard shortcut, from the one table the keys follow.
#[component]
pub fn HelpDialog() -> impl IntoView {
    let state = use_state();
    let open = state.panels.help_open;
    view! {
        <Modal
            open=Signal::derive(move || open.get())
            on_close=move |_| open.set(false)
            label=Signal::derive(|| s::HELP.to_string())
            class="help"
        >
            <h2>{s::HELP}</h2>
            <table class="shortcuts">
                <tbody>
                    {SHORTCUTS
                        .iter()
                        .map(|sc| sc.label)
                        .map(|(keys, what)| view! {
                            <tr>
                                <th scope="row"><kbd>{keys}</kbd></th>
                                <td>{what}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            <label class="single-keys">
                <input
                    type="checkbox"
                    prop:checked=move || state.panels.single_keys.get()
                    on:change=move |ev| state.set_single_keys(event_target_checked(&ev))
                />
                {s::SINGLE_KEYS}
            </label>
            <div class="dialog-actions">
                <button type="button" class="button" autofocus on:click=move |_| open.set(false)>
                    {s::CLOSE}
                </button>
            </div>
        </Modal>
    }
}
