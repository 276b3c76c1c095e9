use leptos::prelude::*;

use super::state::{now, use_state};
use crate::strings as s;

/// A gentle reminder to export after a week of changes without an export;
/// "Later" hides it for this visit.
#[component]
pub fn BackupNudge() -> impl IntoView {
    let state = use_state();
    let dismissed = RwSignal::new(false);
    let days = move || {
        state.doc.settled.track();
        state.views.generation.track();
        let id = state.doc.meta.with(|m| m.id);
        let created = state.doc.created();
        let entry = state.persist.library.with(|l| l.entry(id).cloned())?;
        let now = now();
        entry
            .needs_backup(created, now)
            .then(|| (now - entry.exported.unwrap_or(created)).num_days())
    };
    view! {
        <Show when=move || !dismissed.get() && days().is_some()>
            <div class="nudge" role="status">
                <p>{move || days().map(s::backup_nudge)}</p>
                <button type="button" class="button" on:click=move |_| state.export()>
                    {s::EXPORT}
                </button>
                <button type="button" class="button secondary" on:click=move |_| dismissed.set(true)>
                    {s::LATER}
                </button>
            </div>
        </Show>
    }
}
