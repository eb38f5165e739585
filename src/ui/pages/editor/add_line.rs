//! A box and a button that add one line to a list (a checklist item, a journaling
//! prompt): blank text adds nothing, and the box empties once the line is sent.

use leptos::html::Input;
use leptos::prelude::*;

use crate::domain::validate::MAX_TITLE_CHARS;

#[component]
pub fn AddLine(
    id: &'static str,
    label: &'static str,
    button: &'static str,
    /// Sends the edit that adds the line's text.
    on_add: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let add = move |_| {
        let Some(box_) = input.get() else { return };
        let text = box_.value().trim().to_string();
        if !text.is_empty() {
            on_add.run(text);
            box_.set_value("");
        }
    };
    view! {
        <label for=id>{label}</label>
        <div class="row">
            <input id=id type="text" maxlength=MAX_TITLE_CHARS.to_string() node_ref=input/>
            <button type="button" on:click=add>{button}</button>
        </div>
    }
}
