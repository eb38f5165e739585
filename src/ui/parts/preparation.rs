//! The preparation card of a dosing day, shared by the couple review and print.

use leptos::prelude::*;

use crate::domain::agenda::{PreparationCard, WHAT_TO_BRING};
use crate::ui::state::AppState;

#[component]
pub fn PreparationBox(card: PreparationCard) -> impl IntoView {
    let style = expect_context::<AppState>().style;
    let who = card.dosing.join(" and ");
    let (starts, no_food, no_liquids) = (card.dosing_starts, card.no_food_after, card.no_liquids_after);
    let heading = move || format!("Preparing for the medicine session ({who} at {})", style.get().time(starts));
    let fasting = move || {
        format!(
            "No food after {}. Clear liquids are fine until {}, then nothing to drink.",
            style.get().time(no_food),
            style.get().time(no_liquids)
        )
    };
    view! {
        <aside class="prep-box" aria-label=format!("Preparing for the medicine session on day {}", card.day)>
            <h3>{heading}</h3>
            <div class="prep-grid">
                <div>
                    <h4>"Fasting"</h4>
                    <p>{fasting}</p>
                    <h4>"Ride home"</h4>
                    <ul>{card.ride_home.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h4>"What to bring"</h4>
                    <ul>{WHAT_TO_BRING.map(|item| view! { <li>{item}</li> })}</ul>
                </div>
            </div>
        </aside>
    }
}
