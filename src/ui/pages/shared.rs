//! The page a share link opens on the couple's device: the plan shown, and a way to save
//! a copy (`crate::sharing::link` decides what a link holds).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::arrival::{link_not_saved, LINK_ALREADY_SAVED};
use crate::domain::model::Plan;
use crate::sharing::link::read_share;
use crate::ui::parts::agenda::AgendaDays;
use crate::ui::parts::arrivals::Arrivals;
use crate::ui::parts::link_opening::link_page;
use crate::ui::parts::review_header::ReviewHeader;
use crate::ui::route::Route;
use crate::ui::state::AppState;

#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    link_page(data, read_share, "This link cannot be opened", |plan| view! { <SharedPlan plan/> })
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
                state.import_message.set(Some(LINK_ALREADY_SAVED.to_string()));
                state.go(Route::Review(id.clone()));
            } else if let Some((_, reason)) = received.not_saved.first() {
                message.set(Some(link_not_saved(&reason.to_string())));
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
