use leptos::prelude::*;

use super::state::use_state;
use crate::strings as s;

/// After a merge, in the import dialog that asked for it: how many cards
/// came in, changed and went, and which cards both copies changed (for the
/// group to check).
#[component]
pub fn MergeSummary() -> impl IntoView {
    let state = use_state();
    let summary = state.panels.merge_summary;
    // The dialog was already open, so `autofocus` does not apply: focus
    // moves to the close button once it is drawn.
    request_animation_frame(|| crate::ui::dom::focus(".merge-summary .dialog-actions button"));
    view! {
        <div class="merge-summary">
            {move || summary.get().map(|m| {
                let r = m.report;
                let counts = if r.is_empty() {
                    s::MERGE_NOTHING_NEW.to_string()
                } else {
                    s::merge_counts(r.added.len(), r.updated.len(), r.removed.len())
                };
                let conflicts = (!r.conflicts.is_empty()).then(|| {
                    let items = r.conflicts.iter().map(|c| view! {
                        <li>{s::conflict(&c.title, &c.other_title, c.kept_local, c.deleted)}</li>
                    }).collect_view();
                    view! {
                        <p>{s::CONFLICTS_INTRO}</p>
                        <ul class="conflicts">{items}</ul>
                    }
                });
                view! {
                    <h2>{s::MERGED_TITLE}</h2>
                    <p class="merge-counts">{counts}</p>
                    {conflicts}
                    <div class="dialog-actions">
                        <button type="button" class="button" on:click=move |_| summary.set(None)>
                            {s::CLOSE}
                        </button>
                    </div>
                }
            })}
        </div>
    }
}
