//! The couple's agenda, day by day, with preparation cards on dosing days and the
//! integration window card after them, then the sessions after the intensive. Used by
//! the couple review and the shared-link view. Private notes are never rendered.

use crate::domain::validate::MAX_NOTE_CHARS;
use crate::domain::words::{day_heading, who_for_couple};
use leptos::prelude::*;

use crate::domain::agenda::preparation_cards;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::integration_card::integration_cards;
use crate::domain::model::{Block, BlockId, Plan};
use crate::ui::parts::follow_up_list::FollowUpList;
use crate::ui::parts::integration_box::IntegrationBox;
use crate::ui::parts::kind_class;
use crate::ui::parts::preparation::PreparationBox;
use crate::ui::state::AppState;

/// The days of `plan`; with `send`, the couple can tick and ask.
#[component]
pub fn AgendaDays(plan: Signal<Plan>, send: Option<Callback<Edit>>) -> impl IntoView {
    let days = Memo::new(move |_| plan.with(|p| p.shown_days()));
    view! {
        <For each=move || 1..=days.get() key=|day| *day let:day>
            <AgendaDay plan day send/>
        </For>
        <section class="review-day after-intensive" aria-labelledby="review-after">
            <h2 id="review-after">"After the intensive"</h2>
            <FollowUpList plan with_private_notes=false/>
        </section>
    }
}

#[component]
fn AgendaDay(plan: Signal<Plan>, day: u8, send: Option<Callback<Edit>>) -> impl IntoView {
    let style = expect_context::<AppState>().style;
    let heading = Memo::new(move |_| plan.with(|p| day_heading(p, day, style.get())));
    let cards = Memo::new(move |_| {
        plan.with(|p| preparation_cards(p).into_iter().filter(|c| c.day == day).collect::<Vec<_>>())
    });
    let integration = Memo::new(move |_| {
        plan.with(|p| integration_cards(p, style.get()).into_iter().filter(|c| c.day == day).collect::<Vec<_>>())
    });
    let blocks = Memo::new(move |_| plan.with(|p| p.blocks_on(day).iter().map(|b| b.id).collect::<Vec<_>>()));
    let heading_id = format!("review-day-{day}");
    view! {
        <section class="review-day" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{heading}</h2>
            <For each=move || cards.get() key=|card| card.clone() let:card>
                <PreparationBox card/>
            </For>
            <ol class="agenda">
                <For each=move || blocks.get() key=|id| *id let:id>
                    <AgendaItem plan id send/>
                </For>
            </ol>
            <For each=move || integration.get() key=|card| card.clone() let:card>
                <IntegrationBox card/>
            </For>
        </section>
    }
}

/// What an agenda item says of its block.
#[derive(Clone, Debug, PartialEq)]
struct ItemWords {
    time: String,
    title: String,
    who: String,
    notes: String,
}

#[component]
fn AgendaItem(plan: Signal<Plan>, id: BlockId, send: Option<Callback<Edit>>) -> impl IntoView {
    let block = Memo::new(move |_| plan.with(|p| p.block(id).cloned()));
    let style = expect_context::<AppState>().style;
    let words = Memo::new(move |_| {
        plan.with(|p| {
            let b = p.block(id)?;
            let who = who_for_couple(b.who, &p.partners, &p.therapist.name);
            Some(ItemWords {
                time: b.time_range(style.get()),
                title: b.title.clone(),
                who,
                notes: b.couple_notes.clone(),
            })
        })
    });
    let time = move || words.with(|w| w.as_ref().map(|w| w.time.clone()));
    let title = move || words.with(|w| w.as_ref().map(|w| w.title.clone()));
    let who = move || words.with(|w| w.as_ref().map(|w| w.who.clone()));
    let notes = move || words.with(|w| w.as_ref().map(|w| w.notes.clone()));
    let answerable = send.is_some();
    let kind = Memo::new(move |_| block.with(|b| b.as_ref().map(|b| b.kind)));
    let takes_questions = move || kind.get().is_some_and(|k| k.takes_questions());
    let items = Memo::new(move |_| {
        block
            .with(|b| b.as_ref().map(|b| b.checklist.iter().map(|i| i.text.clone()).enumerate().collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let question =
        Memo::new(move |_| block.with(|b| b.as_ref().map(|b| b.couple_question.clone()).unwrap_or_default()));
    let question_id = format!("question-{}", id.0);
    let asked = move |ev| {
        if let Some(send) = send {
            send.run(Edit::SetText { id, field: BlockText::CoupleQuestion, text: event_target_value(&ev) });
        }
    };
    view! {
        <li class=move || format!("agenda-item {}", kind.get().map(kind_class).unwrap_or_default())>
            <p class="agenda-time">{time}</p>
            <div>
                <h3>{title}<span class="block-tag">{move || kind.get().map(|k| k.tag())}</span></h3>
                <p class="muted">{who}</p>
                <Show when=move || words.with(|w| w.as_ref().is_some_and(|w| !w.notes.is_empty()))>
                    <p>{notes}</p>
                </Show>
                <Show when=move || items.with(|i| !i.is_empty())>
                    <ul class="checklist-ticks">
                        <For each=move || items.get() key=|item| item.clone() let:item>
                            <Tick block id index=item.0 text=item.1 send/>
                        </For>
                    </ul>
                </Show>
                <Show when=move || answerable && takes_questions()>
                    <label class="small" for=question_id.clone()>"Your question or comment"</label>
                    <textarea id=question_id.clone() rows="2" maxlength=MAX_NOTE_CHARS.to_string() prop:value=question on:change=asked></textarea>
                </Show>
                <Show when=move || !answerable && question.with(|q| !q.is_empty())>
                    <p class="small">"Your question: "{question}</p>
                </Show>
            </div>
        </li>
    }
}

/// One checklist item to tick. It stays the same element when ticked, so it keeps
/// keyboard focus.
#[component]
fn Tick(
    block: Memo<Option<Block>>,
    id: BlockId,
    index: usize,
    text: String,
    send: Option<Callback<Edit>>,
) -> impl IntoView {
    let done =
        Memo::new(move |_| block.with(|b| b.as_ref().and_then(|b| b.checklist.get(index)).is_some_and(|i| i.done)));
    let dom_id = format!("tick-{}-{index}", id.0);
    let ticked = move |ev| {
        if let Some(send) = send {
            send.run(Edit::TickChecklistItem { id, index, done: event_target_checked(&ev) });
        }
    };
    view! {
        <li>
            <input id=dom_id.clone() type="checkbox" disabled=send.is_none() prop:checked=done on:change=ticked/>
            <label for=dom_id>{text}</label>
        </li>
    }
}
