//! Asks what to do with an arriving plan whose id is already in this browser, as a
//! plan or as a record that cannot be read.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::route::Route;
use super::state::{AppState, Arrival};

#[component]
pub fn Arrivals() -> impl IntoView {
    let state = expect_context::<AppState>();
    let first = Memo::new(move |_| state.arriving.with(|a| a.first().cloned()));
    let settle = move |replace: bool| {
        spawn_local(async move {
            let Some((id, saved)) = state.settle_arrival(replace).await else { return };
            let said = if saved {
                "Saved.".to_string()
            } else {
                let reason = state.book.with_untracked(|b| b.failure(&id).map(|f| f.to_string())).unwrap_or_default();
                format!("Not saved: {reason} The plan is open in this tab; download a backup to keep it.")
            };
            state.import_message.set(Some(said));
            if matches!(state.route.get_untracked(), Route::Share(_)) {
                state.go(Route::Review(id));
            }
        })
    };
    move || {
        first.get().map(|Arrival { plan, over_unreadable }| {
            let question = if over_unreadable {
                format!(
                    "\u{201c}{}\u{201d} has the id of a stored record that cannot be read. Replace that record with \
                     the arriving plan (a copy of the record stays set aside), or keep both?",
                    plan.title
                )
            } else {
                format!(
                    "\u{201c}{}\u{201d} is already in this browser. Replace the plan here with the arriving one, or \
                     keep both?",
                    plan.title
                )
            };
            view! {
                <div class="notice" role="alert" data-testid="arrival-choice">
                    <p>{question}</p>
                    <button type="button" on:click=move |_| settle(true)>"Replace it"</button>
                    <button type="button" on:click=move |_| settle(false)>"Keep both"</button>
                </div>
            }
        })
    }
}
