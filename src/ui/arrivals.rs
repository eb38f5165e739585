//! Asks what to do with an arriving plan whose id is already in this browser.

use leptos::prelude::*;

use crate::ui::dom::clicks;

use super::route::Route;
use super::state::AppState;

#[component]
pub fn Arrivals() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settle = move |replace: bool| {
        if let Some(id) = state.settle_arrival(replace) {
            state.import_message.set(Some("Saved.".into()));
            if matches!(state.route.get_untracked(), Route::Share(_)) {
                state.go(Route::Review(id));
            }
        }
    };
    move || {
        state.arriving.with(|a| a.first().cloned()).map(|plan| {
            view! {
                <div class="notice" role="alert" data-testid="arrival-choice">
                    <p>{format!("\u{201c}{}\u{201d} is already in this browser. Replace the plan here with the arriving one, or keep both?", plan.title)}</p>
                    <button type="button" on:click=clicks(move |_| settle(true))>"Replace it"</button>
                    <button type="button" on:click=clicks(move |_| settle(false))>"Keep both"</button>
                </div>
            }
        })
    }
}
