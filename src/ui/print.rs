//! The printable agenda: one day per page, black-and-white readable, no app chrome.
//! The couple copy leaves private notes out of the page entirely.

use leptos::prelude::*;

use super::not_found::PlanNotFound;
use super::preparation::PreparationBox;
use super::route::Route;
use super::state::AppState;
use crate::domain::agenda::preparation_cards;
use crate::domain::dates;
use crate::domain::rules::day_title;

#[component]
pub fn PrintPage(id: String, therapist_copy: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.plan(&id) else {
        return view! { <PlanNotFound/> }.into_any();
    };
    let cards = preparation_cards(&plan);
    let couple = format!("{} & {}", plan.partners.a, plan.partners.b);
    let copy_label = if therapist_copy { "Therapist copy \u{2013} contains private notes" } else { "Couple copy" };
    view! {
        <section class="print-view">
            <div class="toolbar no-print">
                <a class="button quiet" href=Route::Editor(id.clone()).href()>"\u{2190} Back to the plan"</a>
                <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                {if therapist_copy {
                    view! { <a class="button" href=Route::Print { id: id.clone(), therapist_copy: false }.href()>"Couple copy instead"</a> }
                } else {
                    view! { <a class="button" href=Route::Print { id: id.clone(), therapist_copy: true }.href()>"Therapist copy instead"</a> }
                }}
                <span class="muted">{copy_label}</span>
            </div>
            {(1..=plan.shown_days()).map(|day| {
                let blocks: Vec<_> = plan.blocks_on(day).into_iter().cloned().collect();
                let day_cards: Vec<_> = cards.iter().filter(|c| c.day == day).cloned().collect();
                let heading = format!("{} \u{b7} {}", day_title(&plan, day), dates::long(plan.date_of(day)));
                view! {
                    <article class="print-day">
                        <header class="print-header">
                            <p class="print-plan">{plan.title.clone()}</p>
                            <h2>{heading}</h2>
                            <p>{format!("{couple} \u{b7} {}{}", if plan.therapist.name.is_empty() { "Therapist" } else { &plan.therapist.name },
                                if plan.location.is_empty() { String::new() } else { format!(" \u{b7} {}", plan.location) })}</p>
                            <p class="print-copy">{copy_label}</p>
                        </header>
                        {day_cards.into_iter().map(|card| view! { <PreparationBox card=card/> }).collect_view()}
                        <table class="print-agenda">
                            <thead><tr><th scope="col">"Time"</th><th scope="col">"Session"</th><th scope="col">"Who"</th></tr></thead>
                            <tbody>
                                {blocks.into_iter().map(|b| view! {
                                    <tr>
                                        <td class="time">{b.time_range()}</td>
                                        <td>
                                            <strong>{b.title.clone()}</strong>" "<span class="block-tag">{b.kind.tag()}</span>
                                            {(!b.couple_notes.is_empty()).then(|| view! { <p>{b.couple_notes.clone()}</p> })}
                                            {(therapist_copy && !b.private_notes.is_empty()).then(|| view! {
                                                <p class="private-note">"Private: "{b.private_notes.clone()}</p>
                                            })}
                                        </td>
                                        <td>{b.who.describe(&plan.partners, &plan.therapist.name)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </article>
                }
            }).collect_view()}
        </section>
    }
    .into_any()
}
