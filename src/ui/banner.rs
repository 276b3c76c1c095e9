use leptos::prelude::*;

use super::dom;
use super::state::use_state;
use crate::storage::Store;
use crate::strings as s;

/// A persistent message about storage: data not saved, or unreadable data
/// kept aside (with a way to download it).
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_state();
    move || {
        state.feedback.banner.get().map(|banner| {
            let download = banner.backup_key().map(str::to_string).map(|key| {
                let on_click = move |_| {
                    if let Some(raw) = state.persist.with_store(|st| st.get(&key)) {
                        let _ = dom::download(&format!("{key}.json"), "application/json", &raw);
                    }
                };
                view! {
                    <button type="button" class="button" on:click=on_click>
                        {s::DOWNLOAD_BACKUP}
                    </button>
                }
            });
            let export = banner.offer_export().then(|| {
                view! {
                    <button type="button" class="button" on:click=move |_| state.export()>
                        {s::EXPORT}
                    </button>
                }
            });
            let close = banner.dismissible().then(|| {
                view! {
                    <button type="button" class="button secondary" on:click=move |_| state.feedback.banner.set(None)>
                        {s::CLOSE}
                    </button>
                }
            });
            view! {
                <div class="banner" role="alert">
                    <p>{banner.text}</p>
                    {banner.details.map(|d| view! {
                        <details class="technical">
                            <summary>{s::TECHNICAL_DETAILS}</summary>
                            <pre>{d}</pre>
                        </details>
                    })}
                    {download}
                    {export}
                    {close}
                </div>
            }
        })
    }
}
