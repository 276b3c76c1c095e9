use leptos::prelude::*;

use super::state::{use_state, Confirm, Page, Route};
use crate::model::library::Entry;
use crate::strings as s;

fn facts(e: &Entry) -> String {
    let mut parts = Vec::new();
    if !e.team.is_empty() {
        parts.push(e.team.clone());
    }
    if let Some(y) = e.year {
        parts.push(y.to_string());
    }
    parts.push(s::card_count(e.cards));
    parts.push(format!("{} {}", s::LAST_CHANGED, s::local_time(e.updated)));
    parts.join(" · ")
}

/// "Mijn borden": every board in this browser, and the trash.
#[component]
pub fn BoardList() -> impl IntoView {
    let state = use_state();
    let library = state.persist.library;
    let active = move || library.with(|l| l.active().into_iter().cloned().collect::<Vec<_>>());
    let trashed = move || library.with(|l| l.trashed().into_iter().cloned().collect::<Vec<_>>());
    view! {
        <section class="board-list" aria-labelledby="borden-kop">
            <div class="list-head">
                <h2 id="borden-kop">{s::MY_BOARDS}</h2>
                <button type="button" class="button" on:click=move |_| state.panels.new_board.set(true)>
                    {s::NEW_BOARD}
                </button>
                <a class="button secondary" href=Route::Programme(Page::Matrix).hash()>{s::ALL_TEAMS_TOGETHER}</a>
            </div>
            <Show when=move || !active().is_empty() fallback=|| view! { <p>{s::NO_BOARDS}</p> }>
                <ul class="boards">
                    <For each=active key=|e| (e.id, e.title.clone(), e.cards, e.updated) let:entry>
                        <li class="board-entry">
                            <a class="board-link" href=Route::Board(entry.id).hash()>{entry.title.clone()}</a>
                            <span class="board-facts">{facts(&entry)}</span>
                            <span class="board-actions">
                                <button type="button" class="button secondary small"
                                    aria-label=format!("{} {}", s::RENAME, entry.title)
                                    on:click=move |_| state.panels.renaming.set(Some(entry.id))>
                                    {s::RENAME}
                                </button>
                                <button type="button" class="button secondary small"
                                    aria-label=format!("{} {}", s::DUPLICATE, entry.title)
                                    on:click=move |_| state.duplicate_board(entry.id)>
                                    {s::DUPLICATE}
                                </button>
                                <button type="button" class="button secondary small"
                                    aria-label=format!("{} {}", s::DELETE, entry.title)
                                    on:click=move |_| state.trash_board(entry.id)>
                                    {s::DELETE}
                                </button>
                            </span>
                        </li>
                    </For>
                </ul>
            </Show>
            <h2 id="prullenbak-kop">{s::TRASH}</h2>
            <Show when=move || !trashed().is_empty() fallback=|| view! { <p>{s::TRASH_EMPTY}</p> }>
                <ul class="boards trash" aria-labelledby="prullenbak-kop">
                    <For each=trashed key=|e| (e.id, e.title.clone()) let:entry>
                        <li class="board-entry">
                            <span class="board-name">{entry.title.clone()}</span>
                            <span class="board-facts">{facts(&entry)}</span>
                            <span class="board-actions">
                                <button type="button" class="button secondary small"
                                    aria-label=format!("{} {}", s::RESTORE, entry.title)
                                    on:click=move |_| state.restore_board(entry.id)>
                                    {s::RESTORE}
                                </button>
                                <button type="button" class="button danger small"
                                    aria-label=format!("{} {}", s::PURGE, entry.title)
                                    on:click=move |_| state.panels.confirm.set(Some(Confirm::Purge(entry.id)))>
                                    {s::PURGE}
                                </button>
                            </span>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
