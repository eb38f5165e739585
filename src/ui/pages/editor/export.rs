//! Taking the plan elsewhere: a plan file, a calendar file, a share link.

use leptos::prelude::*;

use super::save_template::SaveAsTemplate;
use super::EditorCtx;
use crate::export::ics::calendar;
use crate::sharing::link::{share_text, shared_copy, LinkText};
use crate::storage::format::{encode_pretty, writable};
use crate::ui::parts::download::{download_text, file_stem};
use crate::ui::parts::link_box::LinkBox;
use crate::ui::state::{now_utc, store};

#[component]
pub fn ExportBar() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let sharing = RwSignal::new(false);
    let templating = RwSignal::new(false);
    let link = Memo::new(move |_| ctx.plan.with(share_text));
    // What leaves this browser is recorded: a copy of it coming back merges against it.
    let plan_file = move |_: leptos::ev::MouseEvent| {
        if let Err(refused) = ctx.plan.with_untracked(writable) {
            ctx.message.set(Some(format!("Not written: {refused}")));
            return;
        }
        let (name, text) = ctx.plan.with_untracked(|p| (format!("{}.json", file_stem(&p.title)), encode_pretty(p)));
        download_text(&name, "application/json", &text);
        ctx.plan.with_untracked(|p| store().record_shared(p));
    };
    let link_sent = Callback::new(move |()| ctx.plan.with_untracked(|p| store().record_shared(&shared_copy(p))));
    let calendar_file = move |_: leptos::ev::MouseEvent| {
        let (name, text) =
            ctx.plan.with_untracked(|p| (format!("{}.ics", file_stem(&p.title)), calendar(p, now_utc())));
        download_text(&name, "text/calendar", &text);
    };
    view! {
        <div class="toolbar export-bar no-print" role="group" aria-label="Export">
            <button type="button" on:click=plan_file>"Download plan file"</button>
            <button type="button" on:click=calendar_file>"Calendar file (.ics)"</button>
            <button type="button" aria-expanded=move || sharing.get().to_string()
                on:click=move |_| sharing.update(|s| *s = !*s)>"Share link for the couple"</button>
            <button type="button" aria-expanded=move || templating.get().to_string()
                on:click=move |_| templating.update(|t| *t = !*t)>"Save as my template"</button>
        </div>
        <Show when=move || templating.get()>
            <SaveAsTemplate on_close=Callback::new(move |()| templating.set(false))/>
        </Show>
        <Show when=move || sharing.get()>
            <div class="card no-print share-card">
                <p class="muted">"The link holds the whole plan except your private notes and each partner's readiness record (only who drives them home). It stays in the link: nothing is uploaded. Anyone with the link can read the plan, so send it only to the couple."</p>
                <ShareLink link on_copy=link_sent/>
            </div>
        </Show>
    }
}

/// The share link, while the plan is one the couple's page can read; otherwise why not.
/// Built only while the share card is open, so an edit elsewhere pays nothing for it.
#[component]
fn ShareLink(link: Memo<LinkText>, on_copy: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let refused = Memo::new(move |_| ctx.plan.with(|p| writable(p).err().map(|e| format!("No link yet: {e}"))));
    view! {
        <Show when=move || refused.with(Option::is_none) fallback=move || view! { <p role="alert">{refused.get()}</p> }>
            <LinkBox id="share-link" label="Share link" carried=link on_copy/>
        </Show>
    }
}
