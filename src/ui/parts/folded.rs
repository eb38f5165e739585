//! A section folded under its summary (`<details>`). What it holds is built only while
//! it is open: a folded section follows no part of the plan, so it costs nothing when a
//! block moves, and nothing to draw when the page opens.

use leptos::prelude::*;
use web_sys::HtmlDetailsElement;

/// `summary` may follow the plan (a follow-up's date and time); `open` starts it open,
/// as for a session just added, whose first field takes the focus.
#[component]
pub fn Folded(
    #[prop(into)] summary: Signal<String>,
    class: &'static str,
    #[prop(optional)] open: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let shown = RwSignal::new(open);
    view! {
        <details class=class open=open on:toggle=move |ev| shown.set(event_target::<HtmlDetailsElement>(&ev).open())>
            <summary>{summary}</summary>
            <Show when=move || shown.get()>{children()}</Show>
        </details>
    }
}
