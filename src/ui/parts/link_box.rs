//! A link to hand on: a read-only field holding it, and a copy button that says whether
//! the copy worked.

use std::time::Duration;

use leptos::prelude::*;
use leptos_use_clipboard::use_clipboard;

use crate::sharing::link::LinkText;
use crate::sharing::zlib::make_link;

/// What a press of Copy came to.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Yes,
    Refused,
}

/// This page's address without its fragment, to build links that open the app.
fn app_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// A link to hand on, in a read-only field with a copy button. `carried` is what the
/// link holds; the link is made again (compressed by the browser, which takes a
/// moment) each time it changes, and only the latest one is shown.
#[component]
pub fn LinkBox(
    id: &'static str,
    label: &'static str,
    carried: Memo<LinkText>,
    /// Called when the link is copied (by the button or by hand): it is on its way.
    #[prop(optional)]
    on_copy: Option<Callback<()>>,
) -> impl IntoView {
    // Made again whenever what it carries changes; only the latest one is shown.
    let link = LocalResource::new(move || {
        let content = carried.get();
        async move { make_link(&app_address(), &content).await }
    });
    let text = move || link.with(|l| l.as_ref().and_then(|l| l.as_ref().ok().cloned()).unwrap_or_default());
    // The clipboard says only when it took a text (`text` is set again); a refusal
    // says nothing, so a press not answered within a second counts as refused.
    let clipboard = use_clipboard();
    let answer = RwSignal::new(None::<(String, Copied)>);
    let presses = StoredValue::new(0u32);
    let copy = {
        let copy = clipboard.copy.clone();
        move |_| {
            let link = text();
            answer.set(None);
            presses.update_value(|n| *n += 1);
            let press = presses.get_value();
            let refused = move || {
                if presses.try_get_value() == Some(press) && answer.try_with_untracked(Option::is_none) == Some(true) {
                    answer.set(Some((link, Copied::Refused)));
                }
            };
            copy(&text());
            set_timeout(refused, Duration::from_secs(1));
        }
    };
    Effect::watch(
        move || clipboard.text.get(),
        move |taken, _, _| {
            let Some(taken) = taken.clone() else { return };
            if answer.with_untracked(Option::is_none) && taken == text() {
                answer.set(Some((taken, Copied::Yes)));
                if let Some(on_copy) = on_copy {
                    on_copy.run(());
                }
            }
        },
        false,
    );
    // Focusing the field selects the link, ready to copy by hand.
    let select_all = |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    let status = move || match (link.get(), answer.get().filter(|(link, _)| *link == text()).map(|(_, c)| c)) {
        (Some(Err(problem)), _) => problem.to_string(),
        (Some(Ok(_)), Some(Copied::Yes)) => "Copied.".to_string(),
        (Some(Ok(_)), Some(Copied::Refused)) => "Could not copy \u{2014} select the link and copy it.".to_string(),
        _ => String::new(),
    };
    view! {
        <label for=id>{label}</label>
        <div class="row">
            <input id=id type="text" readonly prop:value=text aria-busy=move || link.with(Option::is_none).to_string()
                on:focus=select_all on:copy=move |_| if let Some(on_copy) = on_copy { on_copy.run(()) }/>
            <button type="button" disabled=move || text().is_empty() on:click=copy>"Copy"</button>
        </div>
        <p class="small muted" role="status">{status}</p>
    }
}
