//! The printable agenda: one day per page, black-and-white readable, no app chrome.
//! The couple copy leaves private notes out of the page entirely.

use leptos::prelude::*;

use super::dom::{clicks, element, text};
use super::not_found::PlanNotFound;
use super::preparation::preparation_box;
use super::route::Route;
use super::state::AppState;
use crate::domain::agenda::preparation_cards;
use crate::domain::model::Plan;
use crate::domain::rules::day_heading;
use web_sys::Element;

#[component]
pub fn PrintPage(id: String, therapist_copy: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.plan(&id) else {
        return view! { <PlanNotFound/> }.into_any();
    };
    let other_copy = Route::Print { id: id.clone(), therapist_copy: !therapist_copy }.href();
    let other_label = if therapist_copy { "Couple copy instead" } else { "Therapist copy instead" };
    view! {
        <section class="print-view">
            <div class="toolbar no-print">
                <a class="button quiet" href=Route::Editor(id.clone()).href()>"\u{2190} Back to the plan"</a>
                <button type="button" class="primary" on:click=clicks(move |_| { let _ = window().print(); })>"Print"</button>
                <a class="button" href=other_copy>{other_label}</a>
                <span class="muted">{copy_label(therapist_copy)}</span>
            </div>
            <div use:print_days=(plan, therapist_copy)></div>
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

/// The directive behind `use:print_days`: one page per day, drawn once (the page is
/// read, not edited), as plain DOM.
fn print_days(host: Element, (plan, therapist_copy): (Plan, bool)) {
    // Run again, on the same element, when the page is redrawn for the other copy.
    host.set_text_content(None);
    let cards = preparation_cards(&plan);
    let therapist = if plan.therapist.name.is_empty() { "Therapist" } else { &plan.therapist.name };
    let place = if plan.location.is_empty() { String::new() } else { format!(" \u{b7} {}", plan.location) };
    let people = format!("{} & {} \u{b7} {therapist}{place}", plan.partners.a, plan.partners.b);
    for day in 1..=plan.shown_days() {
        let page = element(Some(&host), "article", "print-day");
        let header = element(Some(&page), "header", "print-header");
        text(&header, "p", "print-plan", &plan.title);
        text(&header, "h2", "", &day_heading(&plan, day));
        text(&header, "p", "", &people);
        text(&header, "p", "print-copy", copy_label(therapist_copy));
        for card in cards.iter().filter(|c| c.day == day) {
            preparation_box(&page, card);
        }
        let table = element(Some(&page), "table", "print-agenda");
        let head = element(Some(&element(Some(&table), "thead", "")), "tr", "");
        for column in ["Time", "Session", "Who"] {
            let _ = text(&head, "th", "", column).set_attribute("scope", "col");
        }
        let body = element(Some(&table), "tbody", "");
        for b in plan.blocks_on(day) {
            let row = element(Some(&body), "tr", "");
            text(&row, "td", "time", &b.time_range());
            let session = element(Some(&row), "td", "");
            text(&session, "strong", "", &b.title);
            let _ = session.append_with_str_1(" ");
            text(&session, "span", "block-tag", b.kind.tag());
            if !b.couple_notes.is_empty() {
                text(&session, "p", "", &b.couple_notes);
            }
            if therapist_copy && !b.private_notes.is_empty() {
                let private = text(&session, "p", "private-note", "Private: ");
                let _ = private.append_with_str_1(&b.private_notes);
            }
            text(&row, "td", "", &b.who.describe(&plan.partners, &plan.therapist.name));
        }
    }
}
