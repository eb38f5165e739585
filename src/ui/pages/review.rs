//! Couple review: the agenda in plain language, preparation cards on dosing days,
//! checklist ticks, a question per block and "we have reviewed this plan", and the
//! way back to the therapist: a reply link carrying only those answers.

use leptos::prelude::*;

use crate::domain::edit::Edit;
use crate::sharing::reply::{reply_from, reply_text};
use crate::ui::parts::agenda::AgendaDays;
use crate::ui::parts::arrivals::ArrivalOutcome;
use crate::ui::parts::link_box::LinkBox;
use crate::ui::parts::not_found::PlanNotFound;
use crate::ui::parts::review_header::ReviewHeader;
use crate::ui::route::Route;
use crate::ui::state::{store, today, AppState};

#[component]
pub fn ReviewPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.follow(&id) else {
        return view! { <PlanNotFound/> }.into_any();
    };
    let message = RwSignal::new(None::<String>);
    let plan_id = StoredValue::new(id.clone());
    let send = Callback::new(move |edit: Edit| {
        let said = plan_id.with_value(|id| state.send(id, &edit)).err().map(|problem| problem.to_string());
        message.set(said);
    });
    let reviewed_on = Memo::new(move |_| plan.with(|p| p.review.reviewed_on));
    // The copy the couple saved from the link: a reply says what each answer replaces.
    let received = StoredValue::new(store().shared(&id));
    let reply_link = Memo::new(move |_| plan.with(|p| received.with_value(|r| reply_text(&reply_from(p, r.as_ref())))));

    view! {
        <section class="review">
            <div class="toolbar no-print">
                <a class="button quiet" href=Route::Editor(id.clone()).href()>"\u{2190} Therapist view"</a>
                <a class="button" href=Route::Print { id: id.clone(), therapist_copy: false }.href()>"Print"</a>
            </div>
            <ArrivalOutcome/>
            <ReviewHeader plan=plan.into()/>
            <p role="status" aria-live="polite">{move || message.get().unwrap_or_default()}</p>
            <AgendaDays plan=plan.into() send=Some(send)/>
            <section class="reviewed card" aria-label="Your review">
                {move || match reviewed_on.get() {
                    Some(date) => view! {
                        <p data-testid="reviewed">{format!("You marked this plan as reviewed on {}.", state.style.get().day_month_year(date))}</p>
                        <button type="button" on:click=move |_| send.run(Edit::MarkReviewed(None))>"Undo \u{201c}reviewed\u{201d}"</button>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="primary" on:click=move |_| send.run(Edit::MarkReviewed(Some(today())))>
                            "We have reviewed this plan"
                        </button>
                    }.into_any(),
                }}
            </section>
            <section class="card no-print" aria-labelledby="reply-heading">
                <h2 id="reply-heading">"Send your answers to the therapist"</h2>
                <p class="muted">"This link carries only your questions, ticks and \u{201c}reviewed\u{201d} mark. Send it by message or email; opening it adds them to the therapist's plan."</p>
                <LinkBox id="reply-link" label="Reply link" carried=reply_link/>
            </section>
        </section>
    }
    .into_any()
}
