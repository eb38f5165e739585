//! The printable agenda: one day per page, black-and-white readable, no app chrome,
//! a page with the integration window card after each dosing day's, and a last page of
//! the sessions after the intensive. The couple copy leaves private notes out of the page entirely.

use crate::domain::words::{day_heading, therapist_or, who_for_couple};
use leptos::prelude::*;

use crate::domain::agenda::{preparation_cards, PreparationCard};
use crate::domain::dates::DateStyle;
use crate::domain::integration_card::{integration_cards, IntegrationCard};
use crate::domain::model::{Block, Plan};
use crate::ui::parts::follow_up_list::FollowUpList;
use crate::ui::parts::integration_box::IntegrationBox;
use crate::ui::parts::not_found::PlanNotFound;
use crate::ui::parts::preparation::PreparationBox;
use crate::ui::route::Route;
use crate::ui::state::AppState;

#[component]
pub fn PrintPage(id: String, therapist_copy: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.plan(&id) else {
        return view! { <PlanNotFound/> }.into_any();
    };
    let other_copy = Route::Print { id: id.clone(), therapist_copy: !therapist_copy }.href();
    let other_label = if therapist_copy { "Couple copy instead" } else { "Therapist copy instead" };
    // Drawn once, like the whole page: the page is read, not edited.
    let style = state.style.get_untracked();
    let cards = preparation_cards(&plan);
    let integration = integration_cards(&plan, style);
    let days: Vec<u8> = (1..=plan.shown_days()).collect();
    view! {
        <section class="print-view">
            // Each printed page carries the title in its header; the screen needs one heading
            // above them all, for people who move through the page by headings.
            <h1 class="no-print">"Agenda to print: "{plan.title.clone()}</h1>
            <div class="toolbar no-print">
                <a class="button quiet" href=Route::Editor(id.clone()).href()>"\u{2190} Back to the plan"</a>
                <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                <a class="button" href=other_copy>{other_label}</a>
                <span class="muted">{copy_label(therapist_copy)}</span>
            </div>
            {days.into_iter().map(|day| {
                let cards: Vec<PreparationCard> = cards.iter().filter(|c| c.day == day).cloned().collect();
                let integration: Vec<IntegrationCard> = integration.iter().filter(|c| c.day == day).cloned().collect();
                view! {
                    <PrintDay plan=plan.clone() day cards therapist_copy style/>
                    // A dosing day's page is full; the days after it get a page of their own.
                    {integration.into_iter().map(|card| view! { <PrintIntegration plan=plan.clone() card therapist_copy style/> }).collect_view()}
                }
            }).collect_view()}
            <PrintAfter plan=plan.clone() therapist_copy/>
        </section>
    }
    .into_any()
}

fn copy_label(therapist_copy: bool) -> &'static str {
    if therapist_copy {
        "Therapist copy \u{2013} contains private notes"
    } else {
        "Couple copy"
    }
}

/// One printed page: a day's header, its preparation boxes and its agenda. Drawn once:
/// the page is read, not edited.
#[component]
fn PrintDay(plan: Plan, day: u8, cards: Vec<PreparationCard>, therapist_copy: bool, style: DateStyle) -> impl IntoView {
    let rows: Vec<Block> = plan.blocks_on(day).into_iter().cloned().collect();
    view! {
        <article class="print-day">
            <PrintHeader plan=plan.clone() heading=day_heading(&plan, day, style) therapist_copy/>
            {cards.into_iter().map(|card| view! { <PreparationBox card/> }).collect_view()}
            <table class="print-agenda">
                <thead>
                    <tr><th scope="col">"Time"</th><th scope="col">"Session"</th><th scope="col">"Who"</th></tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|b| {
                        let who = who_for_couple(b.who, &plan.partners, &plan.therapist.name);
                        let time = b.time_range(style);
                        let private = (therapist_copy && !b.private_notes.is_empty()).then_some(b.private_notes);
                        let notes = (!b.couple_notes.is_empty()).then_some(b.couple_notes);
                        view! {
                            <tr>
                                <td class="time">{time}</td>
                                <td>
                                    <strong>{b.title}</strong>" "<span class="block-tag">{b.kind.tag()}</span>
                                    {notes.map(|notes| view! { <p>{notes}</p> })}
                                    {private.map(|private| view! { <p class="private-note">"Private: "{private}</p> })}
                                </td>
                                <td>{who}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}

/// The page after a dosing day's: the integration window card.
#[component]
fn PrintIntegration(plan: Plan, card: IntegrationCard, therapist_copy: bool, style: DateStyle) -> impl IntoView {
    let heading = format!("After the medicine session \u{b7} {}", day_heading(&plan, card.day, style));
    view! {
        <article class="print-day print-integration">
            <PrintHeader plan heading therapist_copy/>
            <IntegrationBox card/>
        </article>
    }
}

/// The last printed page: the follow-up sessions with their dates.
#[component]
fn PrintAfter(plan: Plan, therapist_copy: bool) -> impl IntoView {
    view! {
        <article class="print-day print-after">
            <PrintHeader plan=plan.clone() heading="After the intensive".to_string() therapist_copy/>
            <FollowUpList plan=Signal::stored(plan) with_private_notes=therapist_copy/>
        </article>
    }
}

/// What heads every printed page: the plan, the page's heading, who, where, which copy.
#[component]
fn PrintHeader(plan: Plan, heading: String, therapist_copy: bool) -> impl IntoView {
    let therapist = therapist_or(&plan.therapist.name, "Therapist");
    let place = if plan.location.is_empty() { String::new() } else { format!(" \u{b7} {}", plan.location) };
    let people = format!("{} & {} \u{b7} {therapist}{place}", plan.partners.a, plan.partners.b);
    view! {
        <header class="print-header">
            <p class="print-plan">{plan.title}</p>
            <h2>{heading}</h2>
            <p>{people}</p>
            <p class="print-copy">{copy_label(therapist_copy)}</p>
        </header>
    }
}
