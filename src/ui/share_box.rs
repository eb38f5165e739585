//! A link to hand on: shown in a read-only field with a copy button.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::links::make_link;
use super::review::app_address;
use crate::export::share::LinkText;

/// `text` is what the link carries; the link is made again (compressed by the browser,
/// which takes a moment) each time it changes, and only while the box is shown.
#[component]
pub fn LinkBox(id: &'static str, label: &'static str, text: Memo<LinkText>) -> impl IntoView {
    let link = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Busy from the start: the effect below asks for the first link at once.
    let making = RwSignal::new(true);
    let copied = RwSignal::new(false);
    // Each change asks for a new link; only the latest answer is shown.
    let asked = Rc::new(Cell::new(0u32));
    Effect::new(move |_| {
        let content = text.get();
        let ticket = asked.get().wrapping_add(1);
        asked.set(ticket);
        let asked = asked.clone();
        making.set(true);
        copied.set(false);
        spawn_local(async move {
            let made = make_link(&app_address(), &content).await;
            if asked.get() != ticket {
                return;
            }
            match made {
                Ok(made) => {
                    link.try_set(made);
                    problem.try_set(None);
                }
                Err(e) => {
                    link.try_set(String::new());
                    problem.try_set(Some(e.to_string()));
                }
            }
            making.try_set(false);
        });
    });
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&link.get_untracked());
        copied.set(true);
    };
    view! {
        <label for=id>{label}</label>
        <div class="row">
            <input id=id type="text" readonly aria-busy=move || making.get().to_string() prop:value=move || link.get()
                on:focus=move |ev| {
                    if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                        input.select();
                    }
                }/>
            <button type="button" on:click=copy disabled=move || link.with(String::is_empty)>"Copy"</button>
        </div>
        <p class="small muted" role="status">{move || match (problem.get(), copied.get()) {
            (Some(problem), _) => problem,
            (None, true) => "Copied.".to_string(),
            (None, false) => String::new(),
        }}</p>
    }
}
