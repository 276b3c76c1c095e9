use leptos::prelude::*;

use super::state::{now, use_state, Route};
use crate::strings as s;

/// The top bar: where you are, and the actions for it.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let on_board = move || matches!(state.nav.route.get(), Route::Board(_));
    let subtitle = move || {
        meta.with(|m| {
            let mut parts = Vec::new();
            if !m.team.is_empty() {
                parts.push(format!("{}: {}", s::TEAM, m.team));
            }
            if let Some(y) = m.year {
                parts.push(y.to_string());
            }
            let exported = state
                .persist
                .library
                .with(|l| l.entry(m.id).and_then(|e| e.exported));
            parts.push(match exported {
                Some(t) => s::last_exported(&s::local_time(t)),
                None => s::NEVER_EXPORTED.to_string(),
            });
            parts.join(" · ")
        })
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        if let Some(input) = file_input.get_untracked() {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                state.open_file(file);
            }
            // The same file can be picked again later.
            input.set_value("");
        }
    };
    view! {
        <header class="toolbar">
            <div class="brand">
                <span class="app-name">{s::APP_NAME}</span>
                <span class="programme">{s::PROGRAMME}</span>
            </div>
            <nav class="nav" aria-label=s::APP_NAME>
                <a
                    class="nav-link"
                    href=Route::List.hash()
                    aria-current=move || (!on_board()).then_some("page")
                >
                    {s::MY_BOARDS}
                </a>
            </nav>
            <div class="board-title">
                <Show
                    when=on_board
                    fallback=|| view! { <h1>{s::MY_BOARDS}</h1> }
                >
                    <h1>{move || meta.with(|m| m.title.clone())}</h1>
                    <p class="board-sub">{subtitle}</p>
                    <p class="print-date">{s::printed_on(&s::date(now().with_timezone(&chrono::Local).date_naive()))}</p>
                </Show>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| state.panels.new_board.set(true)
                >
                    {s::NEW_BOARD}
                </button>
                <button
                    type="button"
                    class="button"
                    title=s::IMPORT_HINT
                    on:click=move |_| {
                        if let Some(input) = file_input.get_untracked() {
                            input.click();
                        }
                    }
                >
                    {s::IMPORT}
                </button>
                <input
                    type="file"
                    class="sr-only"
                    tabindex="-1"
                    aria-hidden="true"
                    accept=".json,application/json"
                    node_ref=file_input
                    on:change=on_file
                />
                <Show when=on_board>
                    <button
                        type="button"
                        class="button present"
                        title=s::PRESENT_HINT
                        aria-pressed=move || state.panels.presenting.get().to_string()
                        aria-keyshortcuts="p"
                        on:click=move |_| state.panels.toggle_presenting()
                    >
                        {move || if state.panels.presenting.get() { s::STOP_PRESENTING } else { s::PRESENT }}
                    </button>
                    <button
                        type="button"
                        class="button icon"
                        title=s::HELP_BUTTON
                        aria-label=s::HELP_BUTTON
                        aria-keyshortcuts="?"
                        on:click=move |_| state.panels.help_open.set(true)
                    >
                        <span aria-hidden="true">"?"</span>
                    </button>
                    <button
                        type="button"
                        class="button icon"
                        title=s::UNDO_BUTTON
                        aria-label=s::UNDO_BUTTON
                        aria-keyshortcuts="Control+Z"
                        disabled=move || !state.doc.can_undo.get()
                        on:click=move |_| state.undo()
                    >
                        <span aria-hidden="true">"↶"</span>
                    </button>
                    <button
                        type="button"
                        class="button icon"
                        title=s::REDO_BUTTON
                        aria-label=s::REDO_BUTTON
                        aria-keyshortcuts="Control+Shift+Z"
                        disabled=move || !state.doc.can_redo.get()
                        on:click=move |_| state.redo()
                    >
                        <span aria-hidden="true">"↷"</span>
                    </button>
                    <button
                        type="button"
                        class="button"
                        title=s::EXPORT_HINT
                        on:click=move |_| state.export()
                    >
                        {s::EXPORT}
                    </button>
                    // A board over its bounds is not edited (see SafeMode).
                    <Show when=move || state.doc.over_limit.with(Option::is_none)>
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| {
                            state.feedback.edit_error.set(None);
                            state.panels.settings_open.set(true)
                        }
                    >
                        {s::SETTINGS}
                    </button>
                    </Show>
                </Show>
            </div>
        </header>
    }
}
