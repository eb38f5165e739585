//! The couple's *Integration window* card after a dosing day, shared by the couple's
//! page and print. The domain decides every word (`domain::integration_card`).

use leptos::prelude::*;

use crate::domain::integration_card::IntegrationCard;

#[component]
pub fn IntegrationBox(card: IntegrationCard) -> impl IntoView {
    let label = format!("Integration window after the medicine session on day {}", card.day);
    let prompts = (!card.prompts.is_empty()).then(|| {
        view! {
            <h4>"Journaling prompts"</h4>
            <ul>{card.prompts.into_iter().map(|prompt| view! { <li>{prompt}</li> }).collect_view()}</ul>
        }
    });
    let next = if card.next.is_empty() {
        view! { <p>"No integration session is planned yet: ask your therapist when it will be."</p> }.into_any()
    } else {
        view! { <ul>{card.next.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }.into_any()
    };
    view! {
        <aside class="integration-box" aria-label=label>
            <h3>{card.heading}</h3>
            <p class="muted">{card.covers}</p>
            <p class="days-for">{card.days_for}</p>
            {prompts}
            <h4>"Your next sessions"</h4>
            {next}
        </aside>
    }
}
