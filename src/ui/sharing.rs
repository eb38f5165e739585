//! Opening links: a plan shared with the couple, and the couple's reply arriving
//! back on the therapist's side.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::agenda::AgendaDays;
use super::arrivals::Arrivals;
use super::dom::{clicks, lines};
use super::links::open_link;
use super::review::ReviewHeader;
use super::route::Route;
use super::state::AppState;
use crate::domain::edit::apply_all;
use crate::domain::model::Plan;
use crate::export::share::{merge_reply, read_reply, read_share, Reply, ShareError};

/// The browser uncompresses a link and answers a moment later: until then the page says
/// it is opening the link, then shows what it holds, or why it cannot be opened.
///
/// Not generic over what the link holds: `read` turns the uncompressed text into its
/// view, so both kinds of link share one copy of this page and its waiting.
fn opened_link(
    cannot_open: &'static str,
    data: String,
    read: fn(Vec<u8>) -> Result<AnyView, ShareError>,
) -> impl IntoView {
    let opened = RwSignal::new(None::<Result<Vec<u8>, ShareError>>);
    spawn_local(async move {
        opened.try_set(Some(open_link(&data).await));
    });
    move || match opened.get().map(|text| text.and_then(read)) {
        None => view! { <p class="card" role="status">"Opening the link\u{2026}"</p> }.into_any(),
        Some(Err(problem)) => view! {
            <section class="card" role="alert"><h1>{cannot_open}</h1><p>{problem.to_string()}</p>
                <a href="#/">"Go to the start page"</a></section>
        }
        .into_any(),
        Some(Ok(content)) => content,
    }
}

#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    opened_link("This link cannot be opened", data, |text| read_share(text).map(shared_plan))
}

fn shared_plan(plan: Plan) -> AnyView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(plan.clone());
    let message = RwSignal::new(None::<String>);
    let save = move |_| {
        let plan = plan.clone();
        leptos::task::spawn_local(async move {
            let received = state.receive(vec![plan]).await;
            if let Some(id) = received.saved.first() {
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
                <button type="button" class="primary" on:click=clicks(save)>"Save a copy to this browser"</button>
                <p role="status">{move || message.get().unwrap_or_default()}</p>
                <Arrivals/>
            </div>
            <ReviewHeader plan=shown/>
            <AgendaDays plan=shown send=None/>
        </section>
    }
    .into_any()
}

#[component]
pub fn ReplyPage(data: String) -> impl IntoView {
    opened_link("This reply cannot be opened", data, |text| read_reply(text).map(arrived_reply))
}

fn arrived_reply(reply: Reply) -> AnyView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.book.with_untracked(|b| b.plan(&reply.plan_id).cloned()) else {
        return view! {
            <section class="card" role="alert"><h1>"The plan this reply answers is not here"</h1>
                <p>"Open the reply in the browser where you made the plan."</p><a href="#/">"Go to the start page"</a></section>
        }
        .into_any();
    };
    let (edits, news) = merge_reply(&plan, &reply);
    let id = plan.id.clone();
    let title = plan.title.clone();
    let add = move |_| {
        state.put(apply_all(&plan, &edits));
        state.go(Route::Editor(id.clone()));
    };
    view! {
        <section class="card">
            <h1>{format!("The couple's answers for \u{201c}{title}\u{201d}")}</h1>
            {if news.is_empty() {
                view! { <p data-testid="reply-news">"Nothing new: these answers are already in the plan."</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="reply-news" use:lines=news></ul>
                    <button type="button" class="primary" on:click=clicks(add)>"Add these to the plan"</button>
                }.into_any()
            }}
            <p><a href=Route::Editor(reply.plan_id.clone()).href()>"Open the plan"</a></p>
        </section>
    }
    .into_any()
}
