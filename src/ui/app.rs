//! The app shell: notices that concern every page, and the page for the route.

use leptos::prelude::*;

use crate::storage::book::PlanBook;
use crate::storage::other_tab::OtherTabWrite;
use crate::storage::store::Unreadable;
use crate::ui::pages::editor::EditorPage;
use crate::ui::pages::plans::PlansPage;
use crate::ui::pages::print::PrintPage;
use crate::ui::pages::reply::ReplyPage;
use crate::ui::pages::review::ReviewPage;
use crate::ui::pages::shared::SharedPage;
use crate::ui::parts::download::{download_stored, BackupButton};
use crate::ui::parts::update::{Update, UpdateNotice};
use crate::ui::route::Route;
use crate::ui::state::AppState;

pub fn mount() {
    // The benchmark's phases of a visit (BENCHMARKS.md): wasm started, plans read, drawn.
    mark("app-start");
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // The opening shell goes once the app is drawn, in the same task, so the page never
    // shows neither; a start that fails before this leaves it to say so (`start-check.js`).
    if let Some(shell) = document().get_element_by_id("boot") {
        shell.remove();
    }
    // Mounting is synchronous: the stored plan is drawn and its handlers attached.
    // The benchmark reads this mark (BENCHMARKS.md: startup to "drawn and interactive").
    mark("app-drawn");
}

fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    mark("plans-read");
    provide_context(state);
    let update = Update::start();
    provide_context(update);
    state.keep_plans();
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| state.follow_link());
    // Another tab wrote to storage: read it again so this tab shows it, merged against
    // what that write replaced in the other tab's copy.
    let on_storage = window_event_listener(leptos::ev::storage, move |event| {
        let write = event.key().map(|key| OtherTabWrite { key, replaced: event.old_value(), wrote: event.new_value() });
        state.reload(write);
    });
    let on_leaving = window_event_listener(leptos::ev::pagehide, move |_| state.flush_before_leaving());
    // Shown again: storage may have been emptied meanwhile with no storage event (the
    // browser's "Clear site data" sends none), so it is read again.
    let on_shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| !d.hidden()) {
            update.check();
            state.reload(None);
        }
    });
    let on_focus = window_event_listener(leptos::ev::focus, move |_| state.reload(None));
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
        on_leaving.remove();
        on_shown.remove();
        on_focus.remove();
    });

    let page = move || {
        // Counted by the end-to-end tests: one page built per navigation.
        mark("page-built");
        match state.route.get() {
            Route::Plans => view! { <PlansPage/> }.into_any(),
            Route::Editor(id) => view! { <EditorPage id=id/> }.into_any(),
            Route::Review(id) => view! { <ReviewPage id=id/> }.into_any(),
            Route::Print { id, therapist_copy } => {
                view! { <PrintPage id=id therapist_copy=therapist_copy/> }.into_any()
            }
            Route::Share(data) => view! { <SharedPage data=data/> }.into_any(),
            Route::Reply(data) => view! { <ReplyPage data=data/> }.into_any(),
        }
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
    let unreadable = Memo::new(move |_| state.book.with(|book| book.unreadable.clone()));
    view! {
        <div class="notices no-print" role="status" aria-live="polite">
            <UpdateNotice/>
            <NotSavedNotice/>
            <ClearedNotice/>
            {move || state.deleted.get().map(|plan| view! {
                <p class="notice">
                    {format!("Deleted \u{201c}{}\u{201d}. ", plan.title)}
                    <button type="button" on:click=move |_| state.undo_delete()>"Undo delete"</button>
                    <button type="button" class="quiet" on:click=move |_| state.deleted.set(None)>"Dismiss"</button>
                </p>
            })}
            <For each=move || unreadable.get() key=|record| (record.key.clone(), record.aside.clone()) let:record>
                <UnreadableNotice record/>
            </For>
        </div>
    }
}

/// Says plainly when changes are not saved, names the plans, and offers a backup. It
/// stays until every plan is saved.
#[component]
fn NotSavedNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notice = Memo::new(move |_| {
        state.book.with(|book| {
            let problem = book.saving_problem()?.to_string();
            Some((problem, book.not_saved_titles()))
        })
    });
    move || {
        notice.get().map(|(problem, titles)| {
            let what = if titles.is_empty() {
                "Plans made now stay in this tab while it is open".to_string()
            } else {
                format!("The changes to {titles} are kept in this tab while it is open")
            };
            view! {
                <p class="notice notice-error" data-testid="storage-notice">
                    <strong>"Not saved. "</strong>{problem}" "{what}"; download a backup to keep them. "
                    <BackupButton/>
                </p>
            }
        })
    }
}

/// Storage was emptied under this tab: says so, and offers to write back what it holds.
#[component]
fn ClearedNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let notice = Memo::new(move |_| state.book.with(PlanBook::cleared_notice));
    move || {
        notice.get().map(|text| {
            view! {
                <p class="notice notice-error" data-testid="cleared-notice" role="alert">
                    {text}" "
                    <button type="button" on:click=move |_| state.save_back()>"Save them back"</button>
                    <BackupButton/>
                </p>
            }
        })
    }
}

/// A stored record that could not be read: what it is, why, and its raw text to take away.
#[component]
fn UnreadableNotice(record: Unreadable) -> impl IntoView {
    let file_stem = record.key.replace('/', "-");
    let keys = [record.key.clone(), record.aside.clone()];
    let message = record.notice();
    view! {
        <p class="notice notice-error" data-testid="unreadable-notice">
            {message}
            <button type="button" on:click=move |_| download_stored(&keys, &file_stem)>"Download its raw text"</button>
        </p>
    }
}
