//! The page the couple's reply link opens on the therapist's device: what the answers
//! add to the plan as it is now, and the one step that adds them.

use leptos::either::Either;
use leptos::prelude::*;

use crate::domain::edit::apply_all;
use crate::sharing::reply::{merge_reply, read_reply, Reply};
use crate::ui::parts::link_opening::link_page;
use crate::ui::route::Route;
use crate::ui::state::{AppState, UndoArrival};

#[component]
pub fn ReplyPage(data: String) -> impl IntoView {
    link_page(data, read_reply, "This reply cannot be opened", |reply| view! { <ArrivedReply reply/> })
}

#[component]
fn ArrivedReply(reply: Reply) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = reply.plan_id.clone();
    // Against the plan as it is now: another tab may change it while this page is open.
    let merged = {
        let (id, reply) = (id.clone(), reply.clone());
        Memo::new(move |_| {
            state
                .book
                .with(|b| b.plan(&id).map(|plan| (plan.title.clone(), merge_reply(plan, &reply, state.style.get()))))
        })
    };
    let add = {
        let id = id.clone();
        move |_| {
            let Some(current) = state.plan(&id) else { return };
            let merge = merge_reply(&current, &reply, state.style.get_untracked());
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
