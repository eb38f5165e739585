//! Couple review: the agenda in plain language, preparation cards on dosing days,
//! checklist ticks, a question per block and "we have reviewed this plan".
//! Private notes are never rendered here, so they are absent from the page.

use leptos::prelude::*;

use super::preparation::PreparationBox;
use super::route::Route;
use super::state::{today, AppState};
use crate::domain::agenda::preparation_cards;
use crate::domain::edit::{apply, BlockText, Edit};
use crate::domain::model::{BlockId, BlockKind, Plan};
use crate::domain::rules::day_label;
use crate::domain::time::hhmm;

#[component]
pub fn ReviewPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(initial) = state.plan(&id) else {
        return view! { <section class="card"><h1>"Plan not found"</h1><a href="#/">"Back to all intensives"</a></section> }
            .into_any();
    };
    let plan = RwSignal::new(initial);
    let message = RwSignal::new(None::<String>);
    let send = move |edit: Edit| match apply(&plan.get_untracked(), &edit) {
        Ok(next) => {
            let revision = state.save(&next, false);
            plan.set(Plan { revision: revision.unwrap_or(next.revision), ..next });
            message.set(None);
        }
        Err(problem) => message.set(Some(problem.to_string())),
    };
    let plan_id = id.clone();
    Effect::new(move |_| {
        if let Some(stored) = state.plans.with(|ps| ps.iter().find(|p| p.id == plan_id).cloned()) {
            if stored.revision > plan.with_untracked(|p| p.revision) {
                plan.set(stored);
            }
        }
    });

    view! {
        <section class="review">
            <div class="toolbar no-print">
                <a class="button quiet" href=Route::Editor(id.clone()).href()>"\u{2190} Therapist view"</a>
                <a class="button" href=Route::Print { id: id.clone(), therapist_copy: false }.href()>"Print"</a>
            </div>
            <header class="review-head">
                <h1>{move || plan.with(|p| p.title.clone())}</h1>
                <p>{move || plan.with(|p| format!("{} and {} \u{b7} with {} \u{b7} {}",
                    p.partners.a, p.partners.b, if p.therapist.name.is_empty() { "your therapist" } else { &p.therapist.name },
                    if p.location.is_empty() { "location to be confirmed" } else { &p.location }))}</p>
                <p class="muted">{move || plan.with(|p| if p.therapist.contact.is_empty() { String::new() } else {
                    format!("Questions before the day: {}", p.therapist.contact) })}</p>
            </header>
            <p role="status" aria-live="polite">{move || message.get().unwrap_or_default()}</p>
            {move || {
                let p = plan.get();
                let cards = preparation_cards(&p);
                (1..=p.shown_days()).map(|day| {
                    let blocks: Vec<_> = p.blocks_on(day).into_iter().cloned().collect();
                    let day_cards: Vec<_> = cards.iter().filter(|c| c.day == day).cloned().collect();
                    view! {
                        <section class="review-day" aria-labelledby=format!("review-day-{day}")>
                            <h2 id=format!("review-day-{day}")>{format!("{} \u{b7} {}",
                                capitalise(&day_label(&p, day)), p.date_of(day).format("%A %-d %B %Y"))}</h2>
                            {day_cards.into_iter().map(|card| view! { <PreparationBox card=card/> }).collect_view()}
                            <ol class="agenda">
                                {blocks.into_iter().map(|b| {
                                    let who = b.who.describe(&p.partners, &p.therapist.name);
                                    let id = b.id;
                                    view! {
                                        <li class=format!("agenda-item kind-{}", format!("{:?}", b.kind).to_lowercase())>
                                            <p class="agenda-time">{format!("{}\u{2013}{}", hhmm(b.start), hhmm(b.end()))}</p>
                                            <div>
                                                <h3>{b.title.clone()}<span class="block-tag">{b.kind.tag()}</span></h3>
                                                <p class="muted">{who}</p>
                                                {(!b.couple_notes.is_empty()).then(|| view! { <p>{b.couple_notes.clone()}</p> })}
                                                <Checklist id=id items=b.checklist.clone() send=send/>
                                                {(b.kind != BlockKind::Break && b.kind != BlockKind::Lunch).then(|| view! {
                                                    <Question id=id text=b.couple_question.clone() send=send/>
                                                })}
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </section>
                    }
                }).collect_view()
            }}
            <section class="reviewed card">
                {move || match plan.with(|p| p.review.reviewed_on) {
                    Some(date) => view! {
                        <p data-testid="reviewed">{format!("You marked this plan as reviewed on {}.", date.format("%-d %B %Y"))}</p>
                        <button type="button" on:click=move |_| send(Edit::MarkReviewed(None))>"Undo \u{201c}reviewed\u{201d}"</button>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="primary" on:click=move |_| send(Edit::MarkReviewed(Some(today())))>
                            "We have reviewed this plan"
                        </button>
                    }.into_any(),
                }}
            </section>
        </section>
    }
    .into_any()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

#[component]
fn Checklist(
    id: BlockId,
    items: Vec<crate::domain::model::ChecklistItem>,
    send: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <ul class="checklist-ticks">
                {items.into_iter().enumerate().map(|(index, item)| {
                    let dom_id = format!("tick-{}-{index}", id.0);
                    view! {
                        <li>
                            <input type="checkbox" id=dom_id.clone() prop:checked=item.done
                                on:change=move |ev| send(Edit::TickChecklistItem { id, index, done: event_target_checked(&ev) })/>
                            <label for=dom_id>{item.text.clone()}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn Question(id: BlockId, text: String, send: impl Fn(Edit) + Copy + Send + Sync + 'static) -> impl IntoView {
    let dom_id = format!("question-{}", id.0);
    view! {
        <label for=dom_id.clone() class="small">"Your question or comment"</label>
        <textarea id=dom_id rows="2" maxlength="5000" prop:value=text
            on:change=move |ev| send(Edit::SetText { id, field: BlockText::CoupleQuestion, text: event_target_value(&ev) })></textarea>
    }
}
