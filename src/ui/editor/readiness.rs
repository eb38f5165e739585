//! KAP readiness per dosing partner, with that partner's readiness problems, and the
//! plan's clinical limits.
//!
//! Plain DOM (`ui::dom`): each partner's fieldset is built when who doses changes and
//! filled by one effect; one change listener serves every control, which says what it
//! is by its `data-field` (and the fieldset by its `data-partner`).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::kap::{Contraindication, Readiness, ScreenAnswer};
use crate::domain::limits::EditableLimit;
use crate::domain::model::{Partner, Plan};
use crate::domain::rules::Problem;
use crate::ui::dom::{attr, changes, effect, element, label, option, text, Control};

/// How a yes-or-no item is read from the record.
type Reads = fn(&Readiness) -> bool;

/// The readiness record's yes-or-no items: key, label, and how to read and set it.
type Check = (&'static str, &'static str, Reads, fn(&mut Readiness, bool));

const CHECKS: [Check; 3] = [
    ("intake", "Medical intake with the prescriber done", |r| r.medical_intake_done, |r, v| r.medical_intake_done = v),
    ("rx", "Prescription confirmed", |r| r.prescription_confirmed, |r, v| r.prescription_confirmed = v),
    ("consent", "Informed consent signed", |r| r.consent_signed, |r, v| r.consent_signed = v),
];

/// Asked after the screen, so it has a place of its own.
const CLEARED: Check = (
    "cleared",
    "Prescriber has cleared a positive answer",
    |r| r.screen.prescriber_cleared,
    |r, v| r.screen.prescriber_cleared = v,
);

const ANSWERS: [(ScreenAnswer, &str, &str); 3] = [
    (ScreenAnswer::NotAsked, "not-asked", "Not asked yet"),
    (ScreenAnswer::No, "no", "No"),
    (ScreenAnswer::Yes, "yes", "Yes"),
];

fn partner_key(partner: Partner) -> &'static str {
    match partner {
        Partner::A => "a",
        Partner::B => "b",
    }
}

/// `readiness` with the control `field` changed to `value` (its text, or "true" or
/// "false" for a checkbox); `None` if no control is called that.
fn changed_readiness(readiness: &Readiness, field: &str, value: &str) -> Option<Readiness> {
    let mut next = readiness.clone();
    if let Some((_, _, _, set)) = CHECKS.iter().chain([&CLEARED]).find(|(key, ..)| *key == field) {
        set(&mut next, value == "true");
    } else if let Some(item) = Contraindication::ALL.into_iter().find(|item| item.key() == field) {
        let answer = ANSWERS.iter().find(|(_, code, _)| *code == value).map_or(ScreenAnswer::NotAsked, |a| a.0);
        next.screen.set(item, answer);
    } else if field == "driver" {
        next.ride_home_driver = value.to_string();
    } else {
        return None;
    }
    Some(next)
}

#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    // A memo, so the fieldsets are rebuilt only when who doses changes.
    let partners = Memo::new(move |_| ctx.plan.with(|p| p.dosing_partners().iter().collect::<Vec<Partner>>()));
    let changed = move |ev: leptos::ev::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(field) = el.get_attribute("data-field") else { return };
        let value = if el.get_attribute("type").as_deref() == Some("checkbox") {
            event_target_checked(&ev).to_string()
        } else {
            event_target_value(&ev)
        };
        if let Some(limit) = EditableLimit::ALL.into_iter().find(|limit| limit.key() == field) {
            if let Ok(value) = value.parse::<u8>() {
                ctx.send(Edit::SetLimits(limit.set(ctx.plan.with_untracked(|p| p.limits), value)));
            }
            return;
        }
        let partner = match el.closest("[data-partner]").ok().flatten().and_then(|f| f.get_attribute("data-partner")) {
            Some(key) if key == "b" => Partner::B,
            Some(_) => Partner::A,
            None => return,
        };
        let mut kap = ctx.plan.with_untracked(|p| p.kap.clone());
        if let Some(next) = changed_readiness(kap.readiness(partner), &field, &value) {
            *kap.readiness_mut(partner) = next;
            ctx.send(Edit::SetKap(kap));
        }
    };
    view! {
        <section class="panel" aria-labelledby="readiness-heading" on:change=changes(changed)>
            <h2 id="readiness-heading">"KAP readiness"</h2>
            <div use:readiness=(ctx, partners)></div>
            <details class="limits" use:limits=ctx>
                <summary>"Clinical limits for this plan"</summary>
            </details>
        </section>
    }
}

/// The directive behind `use:readiness`: a fieldset per dosing partner, or a note
/// that nobody doses.
fn readiness(host: Element, (ctx, partners): (EditorCtx, Memo<Vec<Partner>>)) {
    effect(move || {
        host.set_text_content(None);
        let partners = partners.get();
        if partners.is_empty() {
            text(&host, "p", "muted", "Nobody doses in this plan.");
        }
        for partner in partners {
            let mut fieldset = PartnerFieldset::build(&host, partner);
            // Owned by this effect: dropped when who doses changes.
            effect(move || ctx.plan.with(|plan| ctx.problems.with(|problems| fieldset.fill(plan, problems))));
        }
    });
}

/// The controls of one partner's fieldset, in the order `fill` writes them.
struct PartnerFieldset {
    partner: Partner,
    legend: Element,
    checks: Vec<(Control, Reads)>,
    screen: Vec<(Control, Contraindication)>,
    driver: Control,
    problems: Element,
    shown: (String, Vec<String>),
}

impl PartnerFieldset {
    fn build(host: &Element, partner: Partner) -> PartnerFieldset {
        let key = partner_key(partner);
        let fieldset = element(Some(host), "fieldset", "readiness");
        attr(&fieldset, "data-partner", key);
        let legend = element(Some(&fieldset), "legend", "");
        let control = |tag: &str, field: &str, caption: &str, label_first: bool| {
            let id = format!("rd-{key}-{field}");
            let row = if label_first { fieldset.clone() } else { element(Some(&fieldset), "div", "check") };
            if label_first {
                label(&row, &id, caption);
            }
            let el: Element = element(Some(&row), tag, "").into();
            el.set_id(&id);
            attr(&el, "data-field", field);
            if !label_first {
                label(&row, &id, caption);
            }
            el
        };
        let checkbox = |(field, caption, get, _): Check| {
            let el = control("input", field, caption, false);
            attr(&el, "type", "checkbox");
            (Control::new(&el, "checked"), get)
        };
        let mut checks: Vec<_> = CHECKS.into_iter().map(checkbox).collect();
        text(&fieldset, "p", "small", "Contraindication screen");
        let screen = Contraindication::ALL
            .into_iter()
            .map(|item| {
                let select = control("select", item.key(), item.question(), true);
                for (_, value, caption) in ANSWERS {
                    option(&select, value, caption);
                }
                (Control::new(&select, "value"), item)
            })
            .collect();
        checks.push(checkbox(CLEARED));
        let driver = control("input", "driver", "Ride home: who drives", true);
        attr(&driver, "type", "text");
        attr(&driver, "maxlength", "200");
        attr(&driver, "placeholder", "Name of the driver");
        let problems = element(Some(&fieldset), "ul", "readiness-problems").into();
        PartnerFieldset {
            partner,
            legend: legend.into(),
            checks,
            screen,
            driver: Control::new(&driver, "value"),
            problems,
            shown: (String::new(), Vec::new()),
        }
    }

    fn fill(&mut self, plan: &Plan, problems: &[Problem]) {
        let partner = self.partner;
        let record = plan.kap.readiness(partner);
        for (control, get) in &mut self.checks {
            control.show(JsValue::from_bool(get(record)));
        }
        for (control, item) in &mut self.screen {
            let answer = record.screen.answer(*item);
            let code = ANSWERS.iter().find(|a| a.0 == answer).map_or("not-asked", |a| a.1);
            control.show(JsValue::from_str(code));
        }
        self.driver.show(JsValue::from_str(&record.ride_home_driver));
        let shown = (
            format!("{}'s readiness", plan.partner_name(partner)),
            problems.iter().filter(|p| p.is_readiness_of(partner)).map(|p| p.message.clone()).collect::<Vec<_>>(),
        );
        if shown != self.shown {
            self.legend.set_text_content(Some(&shown.0));
            self.problems.set_text_content(None);
            for message in &shown.1 {
                text(&self.problems, "li", "problem error", message);
            }
            self.shown = shown;
        }
    }
}

/// The directive behind `use:limits`: per-plan limits the rules use.
fn limits(host: Element, ctx: EditorCtx) {
    // Run again, on the same element, when the editor is redrawn for another plan.
    while let Some(drawn) = host.last_element_child().filter(|el| el.tag_name() != "SUMMARY") {
        drawn.remove();
    }
    let controls: Vec<(Control, EditableLimit)> = EditableLimit::ALL
        .into_iter()
        .map(|limit| {
            let id = format!("limit-{}", limit.key());
            label(&host, &id, limit.label());
            let input = element(Some(&host), "input", "");
            input.set_id(&id);
            attr(&input, "type", "number");
            attr(&input, "data-field", limit.key());
            let (min, max) = limit.range();
            attr(&input, "min", &min.to_string());
            attr(&input, "max", &max.to_string());
            (Control::new(&input, "value"), limit)
        })
        .collect();
    let mut controls = controls;
    effect(move || {
        let limits = ctx.plan.with(|p| p.limits);
        for (control, limit) in &mut controls {
            control.show(JsValue::from_str(&limit.get(&limits).to_string()));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_control_changes_its_own_part_of_the_record() {
        let empty = Readiness::default();
        let set = |field: &str, value: &str| changed_readiness(&empty, field, value).expect("a known control");
        assert!(set("intake", "true").medical_intake_done);
        assert!(set("rx", "true").prescription_confirmed);
        assert!(set("consent", "true").consent_signed);
        assert!(set("cleared", "true").screen.prescriber_cleared);
        assert!(!set("intake", "false").medical_intake_done);
        assert_eq!(set("driver", "Jordan").ride_home_driver, "Jordan");
        for item in Contraindication::ALL {
            assert_eq!(set(item.key(), "yes").screen.answer(item), ScreenAnswer::Yes);
            assert_eq!(set(item.key(), "no").screen.answer(item), ScreenAnswer::No);
            assert_eq!(set(item.key(), "not-asked").screen.answer(item), ScreenAnswer::NotAsked);
        }
        assert_eq!(changed_readiness(&empty, "limit-fasting", "3"), None);
    }
}
