//! The couple's agenda, day by day, with preparation cards on dosing days. Used by
//! the couple review and the shared-link view. Private notes are never rendered.
//!
//! Plain DOM (`ui::dom`). The couple's own answers (ticks and questions) are written
//! in place by one fill pass; everything else is drawn afresh only when what it shows
//! changed, so a tick or a question sent keeps keyboard focus where it was.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom::{attr, changes, effect, element, text};
use super::preparation::preparation_box;
use crate::domain::agenda::preparation_cards;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{Block, BlockId, Plan};
use crate::domain::rules::day_heading;

/// The days of `plan`; with `send`, the couple can tick and ask.
#[component]
pub fn AgendaDays(plan: RwSignal<Plan>, send: Option<Callback<Edit>>) -> impl IntoView {
    // Checkboxes and question boxes say which block (and item) they answer for.
    let changed = move |ev: leptos::ev::Event| {
        let (Some(send), Some(el)) = (send, ev.target().and_then(|t| t.dyn_into::<Element>().ok())) else { return };
        let Some(id) = el.get_attribute("data-block").and_then(|id| id.parse().ok()).map(BlockId) else { return };
        let edit = match el.get_attribute("data-index").and_then(|i| i.parse().ok()) {
            Some(index) => Edit::TickChecklistItem { id, index, done: event_target_checked(&ev) },
            None => Edit::SetText { id, field: BlockText::CoupleQuestion, text: event_target_value(&ev) },
        };
        send.run(edit);
    };
    view! { <div use:agenda=(plan, send.is_some()) on:change=changes(changed)></div> }
}

/// The directive behind `use:agenda`: draws the days, and redraws them only when
/// the drawing would differ (answers are properties, so they are not part of it).
fn agenda(host: Element, (plan, answerable): (RwSignal<Plan>, bool)) {
    effect(move || {
        plan.with(|p| {
            let fresh = element(None, "div", "");
            draw_days(&fresh, p, answerable);
            if fresh.inner_html() != host.inner_html() {
                host.set_text_content(None);
                while let Some(day) = fresh.first_child() {
                    let _ = host.append_child(&day);
                }
            }
            fill_answers(&host, p);
        })
    });
}

fn draw_days(host: &Element, p: &Plan, answerable: bool) {
    let cards = preparation_cards(p);
    for day in 1..=p.shown_days() {
        let section = element(Some(host), "section", "review-day");
        attr(&section, "aria-labelledby", &format!("review-day-{day}"));
        let title = day_heading(p, day);
        text(&section, "h2", "", &title).set_id(&format!("review-day-{day}"));
        for card in cards.iter().filter(|c| c.day == day) {
            preparation_box(&section, card);
        }
        let list = element(Some(&section), "ol", "agenda");
        for block in p.blocks_on(day) {
            draw_block(&list, p, block, answerable);
        }
    }
}

fn draw_block(list: &Element, p: &Plan, b: &Block, answerable: bool) {
    let li = element(Some(list), "li", &format!("agenda-item kind-{}", b.kind.css_name()));
    text(&li, "p", "agenda-time", &b.time_range());
    let body = element(Some(&li), "div", "");
    let heading = text(&body, "h3", "", &b.title);
    text(&heading, "span", "block-tag", b.kind.tag());
    text(&body, "p", "muted", &b.who.describe(&p.partners, &p.therapist.name));
    if !b.couple_notes.is_empty() {
        text(&body, "p", "", &b.couple_notes);
    }
    if !b.checklist.is_empty() {
        let ticks = element(Some(&body), "ul", "checklist-ticks");
        for (index, item) in b.checklist.iter().enumerate() {
            let row = element(Some(&ticks), "li", "");
            let dom_id = format!("tick-{}-{index}", b.id.0);
            let tick = element(Some(&row), "input", "");
            tick.set_id(&dom_id);
            attr(&tick, "type", "checkbox");
            attr(&tick, "data-block", &b.id.0.to_string());
            attr(&tick, "data-index", &index.to_string());
            if !answerable {
                attr(&tick, "disabled", "");
            }
            attr(&text(&row, "label", "", &item.text), "for", &dom_id);
        }
    }
    if answerable && b.kind.takes_questions() {
        let dom_id = format!("question-{}", b.id.0);
        attr(&text(&body, "label", "small", "Your question or comment"), "for", &dom_id);
        let question = element(Some(&body), "textarea", "");
        question.set_id(&dom_id);
        attr(&question, "rows", "2");
        attr(&question, "maxlength", "5000");
        attr(&question, "data-block", &b.id.0.to_string());
    } else if !answerable && !b.couple_question.is_empty() {
        let asked = text(&body, "p", "small", "Your question: ");
        let _ = asked.append_with_str_1(&b.couple_question);
    }
}

/// Writes each tick and question where it differs from what is shown.
fn fill_answers(host: &Element, p: &Plan) {
    let Ok(answers) = host.query_selector_all("[data-block]") else { return };
    for i in 0..answers.length() {
        let Some(el) = answers.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let block = el.get_attribute("data-block").and_then(|id| id.parse().ok()).and_then(|id| p.block(BlockId(id)));
        let Some(block) = block else { continue };
        let (name, value) = match el.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok()) {
            Some(index) => ("checked", JsValue::from_bool(block.checklist.get(index).is_some_and(|item| item.done))),
            None => ("value", JsValue::from_str(&block.couple_question)),
        };
        let name = JsValue::from_str(name);
        if js_sys::Reflect::get(&el, &name).ok().as_ref() != Some(&value) {
            let _ = js_sys::Reflect::set(&el, &name, &value);
        }
    }
}
