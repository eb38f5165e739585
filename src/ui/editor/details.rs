//! Plan details: title, people, place, first day and each day's hours.
//!
//! Plain DOM (`ui::dom`): the fields are built once (the daily hours again when the
//! number of days changes) and filled by one effect; one change listener serves them
//! all, and `detail_edit` says which edit a field's new text makes.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::EditorCtx;
use crate::domain::dates;
use crate::domain::edit::Edit;
use crate::domain::model::{DayWindow, Partners, Plan, Therapist};
use crate::domain::time::{hhmm, parse_hhmm};
use crate::ui::dom::{attr, changes, effect, element, label, text, Control};

/// What a field shows of the plan.
type Shows = fn(&Plan) -> String;

/// The one-line fields: element id, label, input type and what each shows.
const FIELDS: [(&str, &str, &str, Shows); 7] = [
    ("pd-title", "Title", "text", |p| p.title.clone()),
    ("pd-a", "Partner A", "text", |p| p.partners.a.clone()),
    ("pd-b", "Partner B", "text", |p| p.partners.b.clone()),
    ("pd-therapist", "Therapist", "text", |p| p.therapist.name.clone()),
    ("pd-contact", "Therapist contact", "text", |p| p.therapist.contact.clone()),
    ("pd-location", "Location", "text", |p| p.location.clone()),
    ("pd-first", "First day", "date", |p| dates::iso(p.first_day)),
];

/// The edit that gives `plan` the new `text` of the field with element id `id`; `None`
/// when the text is not one the field takes (a half-typed date or time).
fn detail_edit(plan: &Plan, id: &str, text: String) -> Option<Edit> {
    let partners = |a: String, b: String| Some(Edit::SetPartners(Partners { a, b }));
    let therapist = |name: String, contact: String| Some(Edit::SetTherapist(Therapist { name, contact }));
    match id {
        "pd-title" => Some(Edit::SetTitle(text)),
        "pd-a" => partners(text, plan.partners.b.clone()),
        "pd-b" => partners(plan.partners.a.clone(), text),
        "pd-therapist" => therapist(text, plan.therapist.contact.clone()),
        "pd-contact" => therapist(plan.therapist.name.clone(), text),
        "pd-location" => Some(Edit::SetLocation(text)),
        "pd-first" => dates::parse_iso(&text).map(Edit::SetFirstDay),
        _ => {
            let (end, day) = match id.strip_prefix("pd-start-") {
                Some(day) => (false, day),
                None => (true, id.strip_prefix("pd-end-")?),
            };
            let day = day.parse().ok()?;
            let time = parse_hhmm(&text)?;
            let current = plan.window(day);
            let window = if end { DayWindow { end: time, ..current } } else { DayWindow { start: time, ..current } };
            Some(Edit::SetDayWindow { day, window })
        }
    }
}

#[component]
pub fn PlanDetails() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let changed = move |ev: leptos::ev::Event| {
        let Some(id) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).map(|el| el.id()) else { return };
        if let Some(edit) = ctx.plan.with_untracked(|p| detail_edit(p, &id, event_target_value(&ev))) {
            ctx.send(edit);
        }
    };
    view! {
        <details class="panel" on:change=changes(changed)>
            <summary>"Plan details"</summary>
            <div use:plan_details=ctx></div>
        </details>
    }
}

/// The directive behind `use:plan_details`.
fn plan_details(host: Element, ctx: EditorCtx) {
    host.set_text_content(None);
    let mut fields: Vec<(Control, Shows)> = FIELDS
        .into_iter()
        .map(|(id, caption, kind, show)| {
            let input = input(&host, id, caption, kind);
            if kind == "text" {
                attr(&input, "maxlength", "200");
            }
            (Control::new(&input, "value"), show)
        })
        .collect();
    effect(move || {
        ctx.plan.with(|p| fields.iter_mut().for_each(|(control, show)| control.show(JsValue::from_str(&show(p)))))
    });

    let hours = element(Some(&host), "fieldset", "");
    text(&hours, "legend", "", "Daily hours");
    let days = element(Some(&hours), "div", "");
    let day_count = Memo::new(move |_| ctx.plan.with(|p| p.day_count()));
    effect(move || {
        days.set_text_content(None);
        let mut windows: Vec<(Control, Control, u8)> = (1..=day_count.get())
            .map(|day| {
                let row = element(Some(&days), "div", "row");
                let start = input(&row, &format!("pd-start-{day}"), &format!("Day {day} from"), "time");
                let end = input(&row, &format!("pd-end-{day}"), "to", "time");
                (Control::new(&start, "value"), Control::new(&end, "value"), day)
            })
            .collect();
        // Owned by this effect: dropped when the number of days changes.
        effect(move || {
            ctx.plan.with(|p| {
                for (start, end, day) in &mut windows {
                    let window = p.window(*day);
                    start.show(JsValue::from_str(&hhmm(window.start)));
                    end.show(JsValue::from_str(&hhmm(window.end)));
                }
            })
        });
    });
}

fn input(parent: &Element, id: &str, caption: &str, kind: &str) -> Element {
    label(parent, id, caption);
    let input = element(Some(parent), "input", "");
    input.set_id(id);
    attr(&input, "type", kind);
    if kind == "time" {
        attr(&input, "step", "900");
    }
    input.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_plan;

    #[test]
    fn each_field_makes_its_own_edit_and_shows_its_own_value() {
        let plan = sample_plan(3, 0);
        let edit = |id: &str, text: &str| detail_edit(&plan, id, text.to_string());
        let (a, b) = (plan.partners.a.clone(), plan.partners.b.clone());
        assert_eq!(edit("pd-title", "Spring"), Some(Edit::SetTitle("Spring".into())));
        assert_eq!(edit("pd-a", "Sam"), Some(Edit::SetPartners(Partners { a: "Sam".into(), b: b.clone() })));
        assert_eq!(edit("pd-b", "Alex"), Some(Edit::SetPartners(Partners { a, b: "Alex".into() })));
        let contact = plan.therapist.contact.clone();
        assert_eq!(edit("pd-therapist", "Lee"), Some(Edit::SetTherapist(Therapist { name: "Lee".into(), contact })));
        assert_eq!(edit("pd-location", "Room 2"), Some(Edit::SetLocation("Room 2".into())));
        assert_eq!(edit("pd-first", "2027-01-04"), dates::parse_iso("2027-01-04").map(Edit::SetFirstDay));
        let window = plan.window(2);
        let nine = parse_hhmm("09:15").expect("a time");
        assert_eq!(
            edit("pd-start-2", "09:15"),
            Some(Edit::SetDayWindow { day: 2, window: DayWindow { start: nine, ..window } })
        );
        assert_eq!(
            edit("pd-end-2", "09:15"),
            Some(Edit::SetDayWindow { day: 2, window: DayWindow { end: nine, ..window } })
        );
        for (id, text) in [("pd-first", "2027-13-01"), ("pd-start-2", "9"), ("pd-end-x", "10:00"), ("pd-other", "x")] {
            assert_eq!(edit(id, text), None, "{id} took {text:?}");
        }
        for (id, _, _, show) in FIELDS {
            let same = detail_edit(&plan, id, show(&plan)).expect("a field reads back what it shows");
            assert_eq!(crate::domain::edit::apply(&plan, &same).expect("a valid edit"), plan, "{id}");
        }
    }
}
