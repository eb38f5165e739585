//! Opening links: a plan shared with the couple, and the couple's reply arriving
//! back on the therapist's side.

use leptos::prelude::*;

use super::agenda::AgendaDays;
use super::arrivals::Arrivals;
use super::review::ReviewHeader;
use super::route::Route;
use super::state::AppState;
use crate::domain::edit::apply_all;
use crate::export::share::{merge_reply, read_reply, read_share};

#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    match read_share(&data) {
        Err(problem) => view! {
            <section class="card" role="alert"><h1>"This link cannot be opened"</h1><p>{problem.to_string()}</p>
                <a href="#/">"Go to the start page"</a></section>
        }
        .into_any(),
        Ok(plan) => {
            let shown = RwSignal::new(plan.clone());
            let save = move |_| {
                let saved = state.receive(vec![plan.clone()]);
                if let Some(id) = saved.first() {
                    state.go(Route::Review(id.clone()));
                }
            };
            view! {
                <section class="review">
                    <div class="card no-print">
                        <p>"This plan came in a link. It is shown here only; save a copy to tick items, ask questions and send your answers back."</p>
                        <button type="button" class="primary" on:click=save>"Save a copy to this browser"</button>
                        <Arrivals/>
                    </div>
                    <ReviewHeader plan=shown.into()/>
                    <AgendaDays plan=shown.into() send=None/>
                </section>
            }
            .into_any()
        }
    }
}

#[component]
pub fn ReplyPage(data: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let reply = match read_reply(&data) {
        Ok(reply) => reply,
        Err(problem) => {
            return view! {
                <section class="card" role="alert"><h1>"This reply cannot be opened"</h1><p>{problem.to_string()}</p>
                    <a href="#/">"Go to the start page"</a></section>
            }
            .into_any();
        }
    };
    let Some(plan) = state.plan(&reply.plan_id) else {
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
        state.save(&apply_all(&plan, &edits), false);
        state.go(Route::Editor(id.clone()));
    };
    view! {
        <section class="card">
            <h1>{format!("The couple's answers for \u{201c}{title}\u{201d}")}</h1>
            {if news.is_empty() {
                view! { <p data-testid="reply-news">"Nothing new: these answers are already in the plan."</p> }.into_any()
            } else {
                view! {
                    <ul data-testid="reply-news">{news.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" class="primary" on:click=add>"Add these to the plan"</button>
                }.into_any()
            }}
            <p><a href=Route::Editor(reply.plan_id.clone()).href()>"Open the plan"</a></p>
        </section>
    }
    .into_any()
}
