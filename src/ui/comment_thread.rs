use leptos::prelude::*;
use uuid::Uuid;

use super::author::MAX_NAME_CHARS;
use super::state::use_state;
use crate::model::limits::Field;
use crate::model::{Comment, Item};
use crate::strings as s;

/// "Opmerkingen" in the card editor: the thread, oldest first and newest
/// last (as a conversation reads), and a field to add one: Enter sends,
/// Shift+Enter starts a new line. The author can change or delete their
/// own comments; a deleted one stays as a line saying so.
#[component]
pub fn CommentThread(id: Uuid, item: RwSignal<Item>) -> impl IntoView {
    let state = use_state();
    let thread = Memo::new(move |_| item.with(|i| i.comments.clone()));
    let live = move || thread.with(|t| crate::model::comments::live(t).count());
    let draft = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let no_name = Memo::new(move |_| state.who.name.get().is_empty());
    let send = move || {
        let text = draft.get_untracked();
        if no_name.get_untracked() && !name.get_untracked().trim().is_empty() {
            state.set_name(&name.get_untracked());
        }
        if state.add_comment(id, &text).is_ok() {
            draft.set(String::new());
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    };
    view! {
        <section class="comments" aria-labelledby="opmerkingen-kop">
            <h3 id="opmerkingen-kop">{move || s::comments_head(live())}</h3>
            {move || {
                thread
                    .with(|t| t.is_empty())
                    .then(|| view! { <p class="comments-none">{s::COMMENTS_NONE}</p> })
            }}
            <ol class="comment-list">
                <For
                    each=move || thread.get()
                    // A changed comment is drawn anew (its text or state).
                    key=|c| (c.id, c.edited, c.deleted)
                    let:comment
                >
                    <CommentItem card=id comment=comment />
                </For>
            </ol>
            <Show when=move || no_name.get()>
                <div class="field comment-name">
                    <label for="opmerking-naam">{s::COMMENT_NAME_LABEL}</label>
                    <input
                        id="opmerking-naam"
                        type="text"
                        maxlength=MAX_NAME_CHARS
                        autocomplete="name"
                        aria-describedby="opmerking-naam-uitleg"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        // Enter goes on to the comment, not closing the editor.
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                crate::ui::dom::focus("#nieuwe-opmerking");
                            }
                        }
                    />
                    <p id="opmerking-naam-uitleg" class="hint">{s::COMMENT_NAME_HINT}</p>
                </div>
            </Show>
            <div class="field wide comment-new">
                <label for="nieuwe-opmerking">{s::COMMENT_NEW}</label>
                <textarea
                    id="nieuwe-opmerking"
                    rows="2"
                    maxlength=Field::Comment.max_chars()
                    aria-describedby="nieuwe-opmerking-uitleg"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=on_keydown
                ></textarea>
                <p id="nieuwe-opmerking-uitleg" class="hint">{s::COMMENT_KEYS_HINT}</p>
                <button type="button" class="button" on:click=move |_| send()>
                    {s::COMMENT_SEND}
                </button>
            </div>
        </section>
    }
}

/// One comment: who and when, its text; for one's own, change and delete.
#[component]
fn CommentItem(card: Uuid, comment: Comment) -> impl IntoView {
    let state = use_state();
    if comment.is_deleted() {
        return view! {
            <li class="comment deleted">
                <p>{s::comment_deleted(&comment.by)}</p>
            </li>
        }
        .into_any();
    }
    let me = state.author();
    let mine = comment.by == me;
    let byline = s::comment_byline(&comment.by, &me, comment.at, comment.edited.is_some());
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(comment.text.clone());
    let cid = comment.id;
    let edit_id = format!("opmerking-{cid}");
    let text = comment.text.clone();
    let at = comment.at;
    let save = move || {
        if state
            .edit_comment(card, cid, &draft.get_untracked())
            .is_ok()
        {
            editing.set(false);
            crate::ui::dom::focus("#nieuwe-opmerking");
        }
    };
    let cancel = move || {
        editing.set(false);
        draft.set(text.clone());
    };
    let on_keydown = {
        let cancel = cancel.clone();
        move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
            "Enter" if !ev.shift_key() && !ev.is_composing() => {
                ev.prevent_default();
                save();
            }
            // Stops editing, not the whole editor.
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                cancel();
            }
            _ => {}
        }
    };
    let start_edit = {
        let edit_id = edit_id.clone();
        move |_| {
            editing.set(true);
            // Once the field is drawn.
            let selector = format!("#{edit_id}");
            request_animation_frame(move || crate::ui::dom::focus(&selector));
        }
    };
    let body = {
        let text = comment.text.clone();
        let edit_id = edit_id.clone();
        move || {
            if editing.get() {
                let cancel = cancel.clone();
                view! {
                    <div class="comment-edit">
                        <label class="sr-only" for=edit_id.clone()>{s::COMMENT_EDIT}</label>
                        <textarea
                            id=edit_id.clone()
                            rows="2"
                            maxlength=Field::Comment.max_chars()
                            aria-describedby="nieuwe-opmerking-uitleg"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=on_keydown.clone()
                        ></textarea>
                        <button type="button" class="button" on:click=move |_| save()>{s::COMMENT_SAVE}</button>
                        <button type="button" class="button quiet" on:click=move |_| cancel()>{s::CANCEL}</button>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="comment-text">{text.clone()}</p> }.into_any()
            }
        }
    };
    let actions = mine.then(|| {
        view! {
            <span class="comment-actions">
                <button
                    type="button"
                    class="link-button"
                    aria-label=s::comment_edit_label(at)
                    on:click=start_edit
                >
                    {s::COMMENT_EDIT}
                </button>
                <button
                    type="button"
                    class="link-button danger"
                    aria-label=s::comment_delete_label(at)
                    on:click=move |_| {
                        if state.delete_comment(card, cid).is_ok() {
                            crate::ui::dom::focus("#nieuwe-opmerking");
                        }
                    }
                >
                    {s::DELETE}
                </button>
            </span>
        }
    });
    view! {
        <li class="comment" class:mine=mine>
            <p class="comment-by">{byline}{actions}</p>
            {body}
        </li>
    }
    .into_any()
}
