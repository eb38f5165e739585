//! The head of the couple's agenda: the plan's title, who takes part, where, and whom
//! to ask. Shown on the review page and on a share link's page.

use leptos::prelude::*;

use crate::domain::model::Plan;
use crate::domain::words::therapist_or;

#[component]
pub fn ReviewHeader(plan: Signal<Plan>) -> impl IntoView {
    let words = Memo::new(move |_| {
        plan.with(|p| {
            let therapist = therapist_or(&p.therapist.name, "your therapist");
            let place = if p.location.is_empty() { "location to be confirmed" } else { &p.location };
            let people = format!("{} and {} \u{b7} with {therapist} \u{b7} {place}", p.partners.a, p.partners.b);
            let contact = if p.therapist.contact.is_empty() {
                String::new()
            } else {
                format!("Questions before the day: {}", p.therapist.contact)
            };
            (p.title.clone(), people, contact)
        })
    });
    view! {
        <header class="review-head">
            <h1>{move || words.with(|w| w.0.clone())}</h1>
            <p>{move || words.with(|w| w.1.clone())}</p>
            <p class="muted">{move || words.with(|w| w.2.clone())}</p>
        </header>
    }
}
