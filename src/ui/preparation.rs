//! The preparation card of a dosing day, shared by the couple review and print.

use leptos::prelude::*;

use crate::domain::agenda::{PreparationCard, WHAT_TO_BRING};
use crate::domain::time::hhmm;

#[component]
pub fn PreparationBox(card: PreparationCard) -> impl IntoView {
    view! {
        <aside class="prep-box" aria-label=format!("Preparing for the medicine session on day {}", card.day)>
            <h3>{format!("Preparing for the medicine session ({} at {})", card.dosing.join(" and "), hhmm(card.dosing_starts))}</h3>
            <div class="prep-grid">
                <div>
                    <h4>"Fasting"</h4>
                    <p>{format!("No food after {}. Clear liquids are fine until {}, then nothing to drink.",
                        hhmm(card.no_food_after), hhmm(card.no_liquids_after))}</p>
                    <h4>"Ride home"</h4>
                    <ul>{card.ride_home.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h4>"What to bring"</h4>
                    <ul>{WHAT_TO_BRING.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
                </div>
            </div>
        </aside>
    }
}
