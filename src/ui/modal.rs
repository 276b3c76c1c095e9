use leptos::prelude::*;

/// A native modal `<dialog>`: focus is trapped, Escape closes it, and the
/// page behind is inert. Open while `open` is true; `on_close` runs when the
/// browser closes it (Escape) so the state can follow.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] class: String,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog_ref = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(dialog) = dialog_ref.get() {
            if want && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !want && dialog.open() {
                dialog.close();
            }
        }
    });
    view! {
        <dialog
            node_ref=dialog_ref
            class=format!("modal {class}")
            aria-label=label
            on:close=move |_| {
                if open.get_untracked() {
                    on_close.run(())
                }
            }
        >
            <Show when=move || open.get()>{children()}</Show>
        </dialog>
    }
}
