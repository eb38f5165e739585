//! A link to hand on: a read-only field holding it, and a copy button that says whether
//! the copy worked.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::sharing::link::LinkText;
use crate::sharing::zlib::make_link;

/// What the last press of Copy did: the browser may refuse the clipboard.
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
    // Which link the last Copy was for: a link made since has not been copied.
    let copied = RwSignal::new(None::<(String, Copied)>);
    let text = move || link.with(|l| l.as_ref().and_then(|l| l.as_ref().ok().cloned()).unwrap_or_default());
    let sent = move || {
        if let Some(on_copy) = on_copy {
            on_copy.run(());
        }
    };
    let copy = move |_| {
        let link = text();
        let writing = window().navigator().clipboard().write_text(&link);
        spawn_local(async move {
            let done = JsFuture::from(writing).await;
            copied.try_set(Some((link, if done.is_ok() { Copied::Yes } else { Copied::Refused })));
            if done.is_ok() {
                sent();
            }
        });
    };
    // Focusing the field selects the link, ready to copy by hand.
    let select_all = |ev: leptos::ev::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
    let status = move || match (link.get(), copied.get().filter(|(copied, _)| *copied == text()).map(|(_, c)| c)) {
        (Some(Err(problem)), _) => problem.to_string(),
        (Some(Ok(_)), Some(Copied::Yes)) => "Copied.".to_string(),
        (Some(Ok(_)), Some(Copied::Refused)) => "Could not copy \u{2014} select the link and copy it.".to_string(),
        _ => String::new(),
    };
    view! {
        <label for=id>{label}</label>
        <div class="row">
            <input id=id type="text" readonly prop:value=text aria-busy=move || link.with(Option::is_none).to_string()
                on:focus=select_all on:copy=move |_| sent()/>
            <button type="button" disabled=move || text().is_empty() on:click=copy>"Copy"</button>
        </div>
        <p class="small muted" role="status">{status}</p>
    }
}
