//! The couple's agenda, day by day, with preparation cards on dosing days. Used by
//! the couple review and the shared-link view. Private notes are never rendered.

use leptos::prelude::*;

use super::preparation::PreparationBox;
use crate::domain::agenda::preparation_cards;
use crate::domain::dates;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{BlockId, ChecklistItem, Plan};
use crate::domain::rules::day_title;

/// The days of `plan`; with `send`, the couple can tick and ask.
#[component]
pub fn AgendaDays(plan: RwSignal<Plan>, send: Option<Callback<Edit>>) -> impl IntoView {
    move || {
        let p = plan.get();
        let cards = preparation_cards(&p);
        (1..=p.shown_days())
            .map(|day| {
                let blocks: Vec<_> = p.blocks_on(day).into_iter().cloned().collect();
                let day_cards: Vec<_> = cards.iter().filter(|c| c.day == day).cloned().collect();
                let title = format!("{} \u{b7} {}", day_title(&p, day), dates::long(p.date_of(day)));
                view! {
                    <section class="review-day" aria-labelledby=format!("review-day-{day}")>
                        <h2 id=format!("review-day-{day}")>{title}</h2>
                        {day_cards.into_iter().map(|card| view! { <PreparationBox card=card/> }).collect_view()}
                        <ol class="agenda">
                            {blocks.into_iter().map(|b| {
                                let who = b.who.describe(&p.partners, &p.therapist.name);
                                let asks = b.kind.takes_questions();
                                view! {
                                    <li class=format!("agenda-item kind-{}", b.kind.css_name())>
                                        <p class="agenda-time">{b.time_range()}</p>
                                        <div>
                                            <h3>{b.title.clone()}<span class="block-tag">{b.kind.tag()}</span></h3>
                                            <p class="muted">{who}</p>
                                            {(!b.couple_notes.is_empty()).then(|| view! { <p>{b.couple_notes.clone()}</p> })}
                                            <Checklist id=b.id items=b.checklist.clone() send=send/>
                                            {match send {
                                                Some(send) if asks => Some(view! { <Question id=b.id text=b.couple_question.clone() send=send/> }.into_any()),
                                                None if !b.couple_question.is_empty() => Some(view! {
                                                    <p class="small">"Your question: "{b.couple_question.clone()}</p>
                                                }.into_any()),
                                                _ => None,
                                            }}
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                }
            })
            .collect_view()
    }
}

#[component]
fn Checklist(id: BlockId, items: Vec<ChecklistItem>, send: Option<Callback<Edit>>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <ul class="checklist-ticks">
                {items.into_iter().enumerate().map(|(index, item)| {
                    let dom_id = format!("tick-{}-{index}", id.0);
                    view! {
                        <li>
                            <input type="checkbox" id=dom_id.clone() prop:checked=item.done disabled=send.is_none()
                                on:change=move |ev| if let Some(send) = send {
                                    send.run(Edit::TickChecklistItem { id, index, done: event_target_checked(&ev) })
                                }/>
                            <label for=dom_id>{item.text.clone()}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn Question(id: BlockId, text: String, send: Callback<Edit>) -> impl IntoView {
    let dom_id = format!("question-{}", id.0);
    view! {
        <label for=dom_id.clone() class="small">"Your question or comment"</label>
        <textarea id=dom_id rows="2" maxlength="5000" prop:value=text
            on:change=move |ev| send.run(Edit::SetText { id, field: BlockText::CoupleQuestion, text: event_target_value(&ev) })></textarea>
    }
}
