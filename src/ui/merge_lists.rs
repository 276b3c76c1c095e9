use leptos::prelude::*;

use super::conflict_choice::ConflictChoice;
use super::state::{use_state, Outcome};
use crate::strings as s;

/// Cards named per list until the user asks for all: a merge of two big
/// copies changes thousands, and drawing them all held up the summary
/// (and the board behind it) for a second.
const SHOWN: usize = 100;

/// A list of card lines: the first [`SHOWN`], and "Alle n tonen".
#[component]
fn CardList(head: &'static str, items: Vec<String>) -> impl IntoView {
    let total = items.len();
    let all = RwSignal::new(total <= SHOWN);
    let items = StoredValue::new(items);
    view! {
        <section class="merge-list">
            <h3>{s::counted(head, total)}</h3>
            <ul>
                {move || {
                    let n = if all.get() { total } else { SHOWN };
                    items.with_value(|i| {
                        i.iter().take(n).map(|t| view! { <li>{t.clone()}</li> }).collect_view()
                    })
                }}
            </ul>
            <Show when=move || !all.get()>
                <button type="button" class="button secondary" on:click=move |_| all.set(true)>
                    {s::show_all(total)}
                </button>
            </Show>
        </section>
    }
}

/// What a merge does or did, by card: new, changed (with the fields),
/// removed, conflicts and likely duplicates, each with its count. `live`
/// (after the merge) adds the choices: use a value, put back, combine.
#[component]
pub fn MergeLists(outcome: Outcome, live: bool) -> impl IntoView {
    let state = use_state();
    let r = &outcome.report;
    let list = |head: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| view! { <CardList head=head items=items /> })
    };
    let quoted = |id| format!("'{}'", outcome.title(id));
    let added = list(s::ADDED_HEAD, r.added.iter().map(|id| quoted(*id)).collect());
    let changed = list(
        s::CHANGED_HEAD,
        r.updated
            .iter()
            .map(|u| s::changed_fields(&outcome.title(u.id), &u.fields, u.labels, u.comments))
            .collect(),
    );
    let removed = list(s::REMOVED_HEAD, r.removed.iter().map(|id| quoted(*id)).collect());
    let conflict_count = r.conflicts.len() + r.field_conflicts.len();
    let conflicts = (conflict_count > 0).then(|| {
        // Each conflict has its choices; past a hundred, the card's own
        // editor shows them (the card says "Twee versies").
        let fields = r
            .field_conflicts
            .iter()
            .take(SHOWN)
            .map(|(id, c)| {
                if live {
                    view! { <ConflictChoice id=*id conflict=c.clone() /> }.into_any()
                } else {
                    let me = state.author();
                    let text = format!(
                        "{} — {}",
                        s::conflict_head(&outcome.title(*id), c.field),
                        s::who(&c.stamp.by, &me)
                    );
                    view! { <li>{text}</li> }.into_any()
                }
            })
            .collect_view();
        let cards = r
            .conflicts
            .iter()
            .map(|c| {
                let back = (live && c.deleted)
                    .then(|| outcome.restorable.get(&c.id).cloned())
                    .flatten()
                    .map(|item| {
                        view! {
                            <button type="button" class="button secondary" on:click=move |_| state.restore_card(item.clone())>
                                {s::RESTORE_CARD}
                            </button>
                        }
                    });
                view! {
                    <li class="conflict">
                        <p>{s::deleted_conflict(&c.title, c.deleted_here, c.deleted)}</p>
                        {back}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="merge-list conflicts">
                <h3>{s::counted(s::CONFLICTS_HEAD, conflict_count)}</h3>
                <p>{if live { s::CONFLICTS_INTRO } else { s::CONFLICTS_AHEAD }}</p>
                <ul>{fields}{cards}</ul>
                {(r.field_conflicts.len() > SHOWN).then(|| view! {
                    <p>{s::more_conflicts(r.field_conflicts.len() - SHOWN)}</p>
                })}
            </section>
        }
    });
    let duplicates = (!r.duplicates.is_empty()).then(|| {
        let items = r
            .duplicates
            .iter()
            .map(|(new, old)| {
                let (title, line) = outcome.cards.get(new).cloned().unwrap_or_default();
                let (new, old) = (*new, *old);
                let gone = move || {
                    state.doc.revision.track();
                    state.doc.item(new).is_none() || state.doc.item(old).is_none()
                };
                let combine = live.then(|| {
                    view! {
                        <Show when=move || !gone() fallback=|| view! { <span class="decided">{s::DECIDED}</span> }>
                            <button type="button" class="button secondary" on:click=move |_| state.combine(old, new)>
                                {s::COMBINE}
                            </button>
                        </Show>
                    }
                });
                view! { <li class="conflict"><p>{s::duplicate_pair(&title, line)}</p>{combine}</li> }
            })
            .collect_view();
        view! {
            <section class="merge-list">
                <h3>{s::counted(s::DUPLICATES_HEAD, r.duplicates.len())}</h3>
                <ul>{items}</ul>
            </section>
        }
    });
    view! {
        // A scroll box: reachable by keyboard, named for screen readers.
        <div class="merge-lists" tabindex="0" role="region" aria-label=s::MERGE_LISTS>
            {conflicts}
            {duplicates}
            {added}
            {changed}
            {removed}
        </div>
    }
}
