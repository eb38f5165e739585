//! A link to hand on: shown in a read-only field with a copy button.

use leptos::prelude::*;

#[component]
pub fn LinkBox(id: &'static str, label: &'static str, link: Signal<String>) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&link.get_untracked());
        copied.set(true);
    };
    view! {
        <label for=id>{label}</label>
        <div class="row">
            <input id=id type="text" readonly prop:value=move || link.get() on:focus=move |ev| {
                if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                    input.select();
                }
            }/>
            <button type="button" on:click=copy>"Copy"</button>
        </div>
        <p class="small muted" role="status">{move || if copied.get() { "Copied." } else { "" }}</p>
    }
}
