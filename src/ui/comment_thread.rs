use leptos::prelude::*;
use uuid::Uuid;

use super::author::MAX_NAME_CHARS;
use super::state::use_state;
use crate::model::limits::Field;
use crate::model::{Comment, Item};
use crate::strings as s;

thread_local! {
    /// Comments typed and not sent, per card: closing the editor by
    /// accident does not lose them (other fields save as you type; a
    /// comment waits for Enter).
    static DRAFTS: std::cell::RefCell<std::collections::HashMap<Uuid, String>> =
        Default::default();
}

/// "Opmerkingen" in the card editor: the thread, oldest first and newest
/// last (as a conversation reads), and a field to add one: Enter sends,
/// Shift+Enter starts a new line. The author can change or delete their
/// own comments; a deleted one stays as a line saying so.
#[component]
pub fn CommentThread(id: Uuid, item: RwSignal<Item>) -> impl IntoView {
    let state = use_state();
    let thread = Memo::new(move |_| item.with(|i| i.comments.clone()));
    let live = move || thread.with(|t| crate::model::comments::live(t).count());
    // An unsent comment survives closing the editor (until the page goes).
    let draft = RwSignal::new(DRAFTS.with(|d| d.borrow().get(&id).cloned().unwrap_or_default()));
    let set_draft = move |text: String| {
        DRAFTS.with(|d| {
            let mut d = d.borrow_mut();
            if text.trim().is_empty() {
                d.remove(&id);
            } else {
                d.insert(id, text.clone());
            }
        });
        draft.set(text);
    };
    let name = RwSignal::new(String::new());
    let no_name = Memo::new(move |_| state.who.name.get().is_empty());
    let send = move || {
        let text = draft.get_untracked();
        if no_name.get_untracked() && !name.get_untracked().trim().is_empty() {
            state.set_name(&name.get_untracked());
        }
        if state.add_comment(id, &text).is_ok() {
            set_draft(String::new());
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
                    on:input=move |ev| set_draft(event_target_value(&ev))
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

/// Focuses `selector` once the view has drawn it.
fn focus_later(selector: String) {
    crate::ui::dom::focus_selector_soon(selector);
}

/// One comment: who and when, its text; for one's own, change and delete
/// (delete asks once, inline: a deletion cannot be taken back, it travels
/// to every copy).
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
    let by = comment.by.clone();
    // Follows "Jouw naam": a comment without a name is nobody's.
    let mine = {
        let by = by.clone();
        move || !by.is_empty() && state.who.name.with(|me| *me == by)
    };
    let byline = {
        let (by, at, edited) = (comment.by.clone(), comment.at, comment.edited.is_some());
        move || state.who.name.with(|me| s::comment_byline(&by, me, at, edited))
    };
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(comment.text.clone());
    let cid = comment.id;
    let edit_id = format!("opmerking-{cid}");
    let edit_button = format!("opmerking-wijzig-{cid}");
    let delete_button = format!("opmerking-weg-{cid}");
    let yes_button = format!("opmerking-weg-ja-{cid}");
    let text = comment.text.clone();
    let at = comment.at;
    let save = {
        let edit_button = edit_button.clone();
        move || {
            if state
                .edit_comment(card, cid, &draft.get_untracked())
                .is_ok()
            {
                editing.set(false);
                // Back where the user was (the comment is drawn anew).
                focus_later(format!("#{edit_button}"));
            }
        }
    };
    let cancel = {
        let edit_button = edit_button.clone();
        move || {
            editing.set(false);
            draft.set(text.clone());
            focus_later(format!("#{edit_button}"));
        }
    };
    let on_keydown = {
        let (cancel, save) = (cancel.clone(), save.clone());
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
            focus_later(format!("#{edit_id}"));
        }
    };
    let body = {
        let text = comment.text.clone();
        let edit_id = edit_id.clone();
        let save = save.clone();
        move || {
            if editing.get() {
                let cancel = cancel.clone();
                let save = save.clone();
                view! {
                    <div class="comment-edit">
                        <label class="sr-only" for=edit_id.clone()>{s::COMMENT_EDIT_LABEL}</label>
                        <textarea
                            id=edit_id.clone()
                            rows="2"
                            maxlength=Field::Comment.max_chars()
                            aria-describedby="opmerking-wijzig-uitleg"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=on_keydown.clone()
                        ></textarea>
                        <p id="opmerking-wijzig-uitleg" class="hint">{s::COMMENT_EDIT_KEYS_HINT}</p>
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
    let ask = {
        let yes_button = yes_button.clone();
        move |_| {
            confirming.set(true);
            focus_later(format!("#{yes_button}"));
        }
    };
    let keep = {
        let delete_button = delete_button.clone();
        move |_| {
            confirming.set(false);
            focus_later(format!("#{delete_button}"));
        }
    };
    let actions = {
        let mine = mine.clone();
        move || {
        (mine() && !editing.get()).then(|| {
            if confirming.get() {
                view! {
                    <span class="comment-actions" role="group" aria-label=s::COMMENT_DELETE_ASK>
                        <span>{s::COMMENT_DELETE_ASK}</span>
                        <button
                            type="button"
                            id=yes_button.clone()
                            class="link-button danger"
                            on:click=move |_| {
                                if state.delete_comment(card, cid).is_ok() {
                                    focus_later("#nieuwe-opmerking".into());
                                }
                            }
                        >
                            {s::COMMENT_DELETE_YES}
                        </button>
                        <button type="button" class="link-button" on:click=keep.clone()>
                            {s::COMMENT_DELETE_NO}
                        </button>
                    </span>
                }
                .into_any()
            } else {
                view! {
                    <span class="comment-actions">
                        <button
                            type="button"
                            id=edit_button.clone()
                            class="link-button"
                            aria-label=s::comment_edit_label(at)
                            on:click=start_edit.clone()
                        >
                            {s::COMMENT_EDIT}
                        </button>
                        <button
                            type="button"
                            id=delete_button.clone()
                            class="link-button danger"
                            aria-label=s::comment_delete_label(at)
                            on:click=ask.clone()
                        >
                            {s::DELETE}
                        </button>
                    </span>
                }
                .into_any()
            }
        })
        }
    };
    view! {
        <li class="comment" class:mine=mine>
            <p class="comment-by">{byline}{actions}</p>
            {body}
        </li>
    }
    .into_any()
}
