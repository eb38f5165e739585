//! The pages and parts of sharing (`crate::sharing` decides what a link holds): a link
//! to hand on, the page a share link opens on the couple's device, and the page the
//! couple's reply opens on the therapist's.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::agenda::AgendaDays;
use super::arrivals::Arrivals;
use super::review::ReviewHeader;
use super::route::Route;
use super::state::{AppState, UndoArrival};
use crate::domain::edit::apply_all;
use crate::domain::model::Plan;
use crate::sharing::link::{read_share, ShareError};
use crate::sharing::reply::{merge_reply, read_reply, Reply};
use crate::sharing::zlib::open_link;

/// The text a link's DATA part holds, once the browser has uncompressed it (a moment
/// after the page opens: until then the page says it is opening the link).
fn opened(data: String) -> RwSignal<Option<Result<Vec<u8>, ShareError>>> {
    let opened = RwSignal::new(None);
    spawn_local(async move {
        opened.try_set(Some(open_link(&data).await));
    });
    opened
}

#[component]
fn Opening() -> impl IntoView {
    view! { <p class="card" role="status">"Opening the link\u{2026}"</p> }
}

/// Why a link cannot be opened, with a way on.
#[component]
fn CannotOpen(title: &'static str, problem: ShareError) -> impl IntoView {
    view! {
        <section class="card" role="alert">
            <h1>{title}</h1>
            <p>{problem.to_string()}</p>
            <a href="#/">"Go to the start page"</a>
        </section>
    }
}

#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    let text = opened(data);
    move || match text.get().map(|text| text.and_then(read_share)) {
        None => view! { <Opening/> }.into_any(),
        Some(Ok(plan)) => view! { <SharedPlan plan/> }.into_any(),
        Some(Err(problem)) => view! { <CannotOpen title="This link cannot be opened" problem/> }.into_any(),
    }
}

#[component]
fn SharedPlan(plan: Plan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(plan.clone());
    let message = RwSignal::new(None::<String>);
    let save = move |_| {
        let plan = plan.clone();
        spawn_local(async move {
            let received = state.receive(vec![plan]).await;
            if let Some(id) = received.saved.first() {
                state.go(Route::Review(id.clone()));
            } else if let Some(id) = received.unchanged.first() {
                state.import_message.set(Some(
                    "This plan is already saved in this browser, as the link holds it: nothing was changed.".into(),
                ));
                state.go(Route::Review(id.clone()));
            } else if let Some((_, reason)) = received.not_saved.first() {
                message.set(Some(format!("Not saved: {reason} The plan is open here only while this page is open.")));
            }
        });
    };
    view! {
        <section class="review">
            <div class="card no-print">
                <p>"This plan came in a link. It is shown here only; save a copy to tick items, ask questions and send your answers back."</p>
                <button type="button" class="primary" on:click=save>"Save a copy to this browser"</button>
                <p role="status">{move || message.get().unwrap_or_default()}</p>
                <Arrivals/>
            </div>
            <ReviewHeader plan=shown.into()/>
            <AgendaDays plan=shown.into() send=None/>
        </section>
    }
}

#[component]
pub fn ReplyPage(data: String) -> impl IntoView {
    let text = opened(data);
    move || match text.get().map(|text| text.and_then(read_reply)) {
        None => view! { <Opening/> }.into_any(),
        Some(Ok(reply)) => view! { <ArrivedReply reply/> }.into_any(),
        Some(Err(problem)) => view! { <CannotOpen title="This reply cannot be opened" problem/> }.into_any(),
    }
}

#[component]
fn ArrivedReply(reply: Reply) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = reply.plan_id.clone();
    // Against the plan as it is now: another tab may change it while this page is open.
    let merged = {
        let (id, reply) = (id.clone(), reply.clone());
        Memo::new(move |_| state.book.with(|b| b.plan(&id).map(|plan| (plan.title.clone(), merge_reply(plan, &reply)))))
    };
    let add = {
        let id = id.clone();
        move |_| {
            let Some(current) = state.plan(&id) else { return };
            let merge = merge_reply(&current, &reply);
            let clashes_before = state.book.with_untracked(|b| b.clashes(&id).to_vec());
            let said = merge.added_words().to_string();
            state.book.update(|b| b.add_clashes(&id, merge.clashes.clone()));
            state.put(apply_all(&current, &merge.edits));
            state.undo_arrival.set(Some(UndoArrival { id: id.clone(), before: Some(current), clashes_before }));
            state.import_message.set(Some(said));
            state.go(Route::Editor(id.clone()));
        }
    };
    let open = Route::Editor(id).href();
    move || match merged.get() {
        None => Either::Left(view! {
            <section class="card" role="alert">
                <h1>"The plan this reply answers is not here"</h1>
                <p>"Open the reply in the browser where you made the plan."</p>
                <a href="#/">"Go to the start page"</a>
            </section>
        }),
        Some((title, merge)) => {
            let add = add.clone();
            let lines: Vec<String> = merge
                .news
                .iter()
                .cloned()
                .chain(
                    merge
                        .clashes
                        .iter()
                        .map(|c| format!("{}: the plan has {}; this reply has {}.", c.what, c.kept, c.other)),
                )
                .collect();
            let any = !lines.is_empty();
            Either::Right(view! {
                <section class="card">
                    <h1>{format!("The couple's answers for \u{201c}{title}\u{201d}")}</h1>
                    <Show when=move || any fallback=|| view! {
                        <p data-testid="reply-news">"Nothing new: these answers are already in the plan."</p>
                    }>
                        <ul data-testid="reply-news">
                            {lines.clone().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="primary" on:click=add.clone()>"Add these to the plan"</button>
                    </Show>
                    <p><a href=open.clone()>"Open the plan"</a></p>
                </section>
            })
        }
    }
}
