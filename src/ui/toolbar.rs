use leptos::prelude::*;

use super::more_menu::MoreMenu;
use super::state::{now, use_state, Page, Route};
use crate::strings as s;

/// The top bar: where you are, and the actions for it.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_state();
    let meta = state.doc.meta;
    let on_board = move || matches!(state.nav.route.get(), Route::Board(_));
    // The parts of the line under the title, each kept whole when it wraps
    // (never "Team: / Nieuw / West").
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
            // The export state is this browser's bookkeeping: not on paper.
            let export = parts.len() - 1;
            parts
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let sep = (i > 0).then_some(" · ");
                    // The separator outside the unbreakable part: the line may break there.
                    view! {
                        <span class:export-state=i == export>{sep}</span>
                        <span class="sub-part" class:export-state=i == export>{p}</span>
                    }
                })
                .collect_view()
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
    // Each action once, placed inline and in "Meer" (`class` says where).
    let new_board = move |class: &'static str| {
        view! {
            <button type="button" class=class on:click=move |_| state.panels.new_board.set(true)>
                {s::NEW_BOARD}
            </button>
        }
    };
    let import = move |class: &'static str| {
        view! {
            <button
                type="button"
                class=class
                title=s::IMPORT_HINT
                on:click=move |_| {
                    if let Some(input) = file_input.get_untracked() {
                        input.click();
                    }
                }
            >
                {s::IMPORT}
            </button>
        }
    };
    let present = move |class: &'static str| {
        view! {
            <button
                type="button"
                class=class
                title=s::PRESENT_HINT
                aria-pressed=move || state.panels.presenting.get().to_string()
                aria-keyshortcuts="p"
                on:click=move |_| state.panels.toggle_presenting()
            >
                {move || if state.panels.presenting.get() { s::STOP_PRESENTING } else { s::PRESENT }}
            </button>
        }
    };
    let help = move |class: &'static str| {
        let icon = class.contains("icon");
        view! {
            <button
                type="button"
                class=class
                title=s::HELP_BUTTON
                aria-label=s::HELP_BUTTON
                aria-keyshortcuts="?"
                on:click=move |_| state.panels.help_open.set(true)
            >
                {if icon { view! { <span aria-hidden="true">"?"</span> }.into_any() } else { s::HELP.into_any() }}
            </button>
        }
    };
    let export = move |class: &'static str| {
        view! {
            <button type="button" class=class title=s::EXPORT_HINT on:click=move |_| state.export()>
                {s::EXPORT}
            </button>
        }
    };
    // A board over its bounds is not edited (see SafeMode).
    let settings = move |class: &'static str| {
        view! {
            <Show when=move || state.doc.over_limit.with(Option::is_none)>
                <button
                    type="button"
                    class=class
                    on:click=move |_| {
                        state.feedback.edit_error.set(None);
                        state.panels.settings_open.set(true)
                    }
                >
                    {s::SETTINGS}
                </button>
            </Show>
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
                    aria-current=move || (state.nav.route.get() == Route::List).then_some("page")
                >
                    {s::MY_BOARDS}
                </a>
                <a
                    class="nav-link nav-programme"
                    href=Route::Programme(Page::Matrix).hash()
                    aria-current=move || matches!(state.nav.route.get(), Route::Programme(_)).then_some("page")
                >
                    {s::TO_PROGRAMME}
                </a>
            </nav>
            <div class="board-title">
                <Show
                    when=on_board
                    fallback=move || view! {
                        <h1>{move || if matches!(state.nav.route.get(), Route::Programme(_)) { s::PROGRAMME_TITLE } else { s::MY_BOARDS }}</h1>
                    }
                >
                    <h1>{move || meta.with(|m| m.title.clone())}</h1>
                    <p class="board-sub">{subtitle}</p>
                    <p class="print-date">{s::printed_on(&s::date(now().with_timezone(&chrono::Local).date_naive()))}</p>
                </Show>
            </div>
            <div class="actions">
                {new_board("button m1")}
                {import("button m1")}
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
                    {present("button present m2")}
                    {help("button icon m2 help")}
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
                    {export("button m3")}
                    {settings("button secondary m1")}
                </Show>
                // The same actions again, for when the screen is too narrow
                // to show them all (CSS picks which, by width).
                <MoreMenu>
                    {new_board("more-item m1")}
                    {import("more-item m1")}
                    <Show when=on_board>
                        {present("more-item present m2")}
                        {help("more-item m2 help")}
                        {export("more-item m3")}
                        {settings("more-item m1")}
                    </Show>
                </MoreMenu>
            </div>
        </header>
    }
}
