use leptos::prelude::*;

use super::merge_lists::MergeLists;
use super::state::use_state;
use crate::strings as s;

/// After a merge, in the import dialog that asked for it: the counts, then
/// every card it added, changed or removed by title, and what is left to
/// decide (conflicts, likely duplicates) with the choices.
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
                let r = &m.outcome.report;
                let counts = if r.is_empty() {
                    s::MERGE_NOTHING_NEW.to_string()
                } else {
                    s::merge_counts(r.added.len(), r.updated.len(), r.removed.len())
                };
                view! {
                    <h2>{s::MERGED_TITLE}</h2>
                    <p class="merge-counts">{counts}</p>
                    <MergeLists outcome=m.outcome.clone() live=true />
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
