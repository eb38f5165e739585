//! A section folded under its summary (`<details>`). What it holds is built only while
//! it is open: a folded section follows no part of the plan, so it costs nothing when a
//! block moves.

use leptos::prelude::*;
use web_sys::HtmlDetailsElement;

#[component]
pub fn Folded(summary: &'static str, class: &'static str, children: ChildrenFn) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class=class on:toggle=move |ev| open.set(event_target::<HtmlDetailsElement>(&ev).open())>
            <summary>{summary}</summary>
            <Show when=move || open.get()>{children()}</Show>
        </details>
    }
}
