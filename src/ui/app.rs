//! The app shell: notices that concern every page, and the page for the route.

use leptos::prelude::*;

use super::dom::{attr, button, clicks, element, event_source, rows, rows_from, RowKey, RowList};
use super::download::download_text;
use super::editor::EditorPage;
use super::plans::PlansPage;
use super::print::PrintPage;
use super::review::ReviewPage;
use super::route::Route;
use super::shared::{ReplyPage, SharedPage};
use super::state::{current_hash, AppState};
use crate::storage::store::Unreadable;
use web_sys::Element;

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // Mounting is synchronous: the stored plan is drawn and its handlers attached.
    // The benchmark reads this mark (product brief: startup to "drawn and interactive").
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("app-drawn");
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let on_hash =
        window_event_listener(leptos::ev::hashchange, move |_| state.route.set(Route::parse(&current_hash())));
    // Another tab wrote to storage: read it again so this tab shows it.
    let on_storage = window_event_listener(leptos::ev::storage, move |_| state.reload());
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    let page = move || match state.route.get() {
        Route::Plans => view! { <PlansPage/> }.into_any(),
        Route::Editor(id) => view! { <EditorPage id=id/> }.into_any(),
        Route::Review(id) => view! { <ReviewPage id=id/> }.into_any(),
        Route::Print { id, therapist_copy } => view! { <PrintPage id=id therapist_copy=therapist_copy/> }.into_any(),
        Route::Share(data) => view! { <SharedPage data=data/> }.into_any(),
        Route::Reply(data) => view! { <ReplyPage data=data/> }.into_any(),
    };

    view! {
        <header class="app-header no-print">
            <a class="brand" href="#/">"Intensive Planner"</a>
            <span class="privacy-note">"Everything stays in this browser. Nothing is sent anywhere."</span>
        </header>
        <Notices/>
        <main id="main">{page}</main>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let unreadable = RowList::new(move || {
        state.unreadable.with(|records| rows_from(records, |r| RowKey::Text(r.key.clone()), unreadable_notice))
    });
    let download_raw = move |ev: leptos::ev::MouseEvent| {
        let Some(key) = event_source(&ev, "button[data-key]").and_then(|b| b.get_attribute("data-key")) else { return };
        let raw =
            state.unreadable.with_untracked(|records| records.iter().find(|r| r.key == key).map(|r| r.raw.clone()));
        if let Some(raw) = raw {
            download_text(&format!("{}.txt", key.replace('/', "-")), "text/plain", &raw);
        }
    };
    view! {
        <div class="notices no-print" role="status" aria-live="polite">
            {move || state.storage_problem.get().map(|problem| view! {
                <p class="notice notice-error" data-testid="storage-notice">
                    <strong>"Not saved. "</strong>{problem.to_string()}
                    " The plans stay open here while this page is open; download a backup to keep them."
                    " "<button type="button" on:click=clicks(move |_| download_text("intensive-planner-backup.json",
                        "application/json", &crate::storage::format::encode_backup(&state.plans.get_untracked())))>
                        "Download a backup of all plans"</button>
                </p>
            })}
            {move || state.deleted.get().map(|plan| view! {
                <p class="notice">
                    {format!("Deleted \u{201c}{}\u{201d}. ", plan.title)}
                    <button type="button" on:click=clicks(move |_| state.undo_delete())>"Undo delete"</button>
                    <button type="button" class="quiet" on:click=clicks(move |_| state.deleted.set(None))>"Dismiss"</button>
                </p>
            })}
            <div use:rows=unreadable on:click=clicks(download_raw)></div>
        </div>
    }
}

/// A stored record that could not be read: what it is, why, and its raw text to take away.
fn unreadable_notice(record: &Unreadable) -> Element {
    let notice = element(None, "p", "notice notice-error");
    attr(&notice, "data-testid", "unreadable-notice");
    let _ = notice.append_with_str_1(&format!(
        "A stored plan could not be read ({}): {} It has been left untouched and set aside. ",
        record.name(),
        record.reason
    ));
    attr(&button(&notice, "", "Download its raw text"), "data-key", &record.key);
    notice.into()
}
