//! Plan details: title, people, place, first day and each day's hours. Each field is a
//! `DetailField`; `detail_edit` says which edit its new text makes (tested natively).

use crate::domain::validate::MAX_TITLE_CHARS;
use leptos::prelude::*;

use super::field_binding::show_held;
use super::EditorCtx;
use crate::domain::dates;
use crate::domain::edit::Edit;
use crate::domain::model::{DayWindow, Partner, Plan};
use crate::domain::time::{hhmm, parse_hhmm, time_field_step};
use crate::ui::parts::folded::Folded;

/// A field of the plan details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailField {
    Title,
    PartnerA,
    PartnerB,
    Therapist,
    Contact,
    Location,
    FirstDay,
    DayStart(u8),
    DayEnd(u8),
}

impl DetailField {
    /// The one-line fields, in the order they are shown.
    pub const LINES: [DetailField; 7] = [
        DetailField::Title,
        DetailField::PartnerA,
        DetailField::PartnerB,
        DetailField::Therapist,
        DetailField::Contact,
        DetailField::Location,
        DetailField::FirstDay,
    ];

    fn label(self) -> String {
        match self {
            DetailField::Title => "Title".into(),
            DetailField::PartnerA => Partner::A.stand_in().into(),
            DetailField::PartnerB => Partner::B.stand_in().into(),
            DetailField::Therapist => "Therapist".into(),
            DetailField::Contact => "Therapist contact".into(),
            DetailField::Location => "Location".into(),
            DetailField::FirstDay => "First day".into(),
            DetailField::DayStart(day) => format!("Day {day} from"),
            DetailField::DayEnd(_) => "to".into(),
        }
    }

    fn dom_id(self) -> String {
        match self {
            DetailField::Title => "pd-title".into(),
            DetailField::PartnerA => "pd-a".into(),
            DetailField::PartnerB => "pd-b".into(),
            DetailField::Therapist => "pd-therapist".into(),
            DetailField::Contact => "pd-contact".into(),
            DetailField::Location => "pd-location".into(),
            DetailField::FirstDay => "pd-first".into(),
            DetailField::DayStart(day) => format!("pd-start-{day}"),
            DetailField::DayEnd(day) => format!("pd-end-{day}"),
        }
    }

    fn input_type(self) -> &'static str {
        match self {
            DetailField::FirstDay => "date",
            DetailField::DayStart(_) | DetailField::DayEnd(_) => "time",
            _ => "text",
        }
    }

    /// What the field shows of `plan`.
    pub fn text(self, plan: &Plan) -> String {
        match self {
            DetailField::Title => plan.title.clone(),
            DetailField::PartnerA => plan.partners.a.clone(),
            DetailField::PartnerB => plan.partners.b.clone(),
            DetailField::Therapist => plan.therapist.name.clone(),
            DetailField::Contact => plan.therapist.contact.clone(),
            DetailField::Location => plan.location.clone(),
            DetailField::FirstDay => dates::iso(plan.first_day),
            DetailField::DayStart(day) => hhmm(plan.window(day).start),
            DetailField::DayEnd(day) => hhmm(plan.window(day).end),
        }
    }
}

/// The edit that gives `plan` the field's new `text`; `None` when the text is not one
/// the field takes (a half-typed date or time).
pub fn detail_edit(plan: &Plan, field: DetailField, text: String) -> Option<Edit> {
    match field {
        DetailField::Title => Some(Edit::SetTitle(text)),
        DetailField::PartnerA => Some(Edit::SetPartnerName(Partner::A, text)),
        DetailField::PartnerB => Some(Edit::SetPartnerName(Partner::B, text)),
        DetailField::Therapist => Some(Edit::SetTherapistName(text)),
        DetailField::Contact => Some(Edit::SetTherapistContact(text)),
        DetailField::Location => Some(Edit::SetLocation(text)),
        DetailField::FirstDay => dates::parse_iso(&text).map(Edit::SetFirstDay),
        DetailField::DayStart(day) => {
            let window = DayWindow { start: parse_hhmm(&text)?, ..plan.window(day) };
            Some(Edit::SetDayWindow { day, window })
        }
        DetailField::DayEnd(day) => {
            let window = DayWindow { end: parse_hhmm(&text)?, ..plan.window(day) };
            Some(Edit::SetDayWindow { day, window })
        }
    }
}

#[component]
pub fn PlanDetails() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let day_count = Memo::new(move |_| ctx.plan.with(|p| p.day_count()));
    view! {
        <Folded summary="Plan details" class="panel">
            {DetailField::LINES.map(|field| view! { <DetailInput field/> })}
            <fieldset>
                <legend>"Daily hours"</legend>
                <For each=move || 1..=day_count.get() key=|day| *day let:day>
                    <div class="row">
                        <DetailInput field=DetailField::DayStart(day)/>
                        <DetailInput field=DetailField::DayEnd(day)/>
                    </div>
                </For>
            </fieldset>
        </Folded>
    }
}

/// One field, following only its own value, so text typed into it is not reset by a
/// change elsewhere in the plan.
#[component]
fn DetailInput(field: DetailField) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let value = Memo::new(move |_| ctx.plan.with(|p| field.text(p)));
    let changed = move |ev| {
        if let Some(edit) = ctx.plan.try_with_untracked(|p| detail_edit(p, field, event_target_value(&ev))).flatten() {
            ctx.send(edit);
        }
    };
    let left = move |ev: leptos::ev::FocusEvent| show_held(&ev, value.try_get_untracked().as_deref());
    let kind = field.input_type();
    view! {
        <label for=field.dom_id()>{field.label()}</label>
        <input id=field.dom_id() type=kind maxlength=(kind == "text").then(|| MAX_TITLE_CHARS.to_string())
            step=(kind == "time").then(time_field_step) prop:value=value on:change=changed on:blur=left/>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_plan;

    #[test]
    fn each_field_makes_its_own_edit_and_reads_back_its_own_value() {
        let plan = sample_plan(3, 0);
        let edit = |field, text: &str| detail_edit(&plan, field, text.to_string());
        assert_eq!(edit(DetailField::Title, "Spring"), Some(Edit::SetTitle("Spring".into())));
        assert_eq!(edit(DetailField::PartnerA, "Sam"), Some(Edit::SetPartnerName(Partner::A, "Sam".into())));
        assert_eq!(edit(DetailField::PartnerB, "Alex"), Some(Edit::SetPartnerName(Partner::B, "Alex".into())));
        assert_eq!(edit(DetailField::Therapist, "Lee"), Some(Edit::SetTherapistName("Lee".into())));
        assert_eq!(edit(DetailField::Location, "Room 2"), Some(Edit::SetLocation("Room 2".into())));
        assert_eq!(edit(DetailField::FirstDay, "2027-01-04"), dates::parse_iso("2027-01-04").map(Edit::SetFirstDay));
        let window = plan.window(2);
        let nine = parse_hhmm("09:15").expect("a time");
        assert_eq!(
            edit(DetailField::DayStart(2), "09:15"),
            Some(Edit::SetDayWindow { day: 2, window: DayWindow { start: nine, ..window } })
        );
        assert_eq!(
            edit(DetailField::DayEnd(2), "09:15"),
            Some(Edit::SetDayWindow { day: 2, window: DayWindow { end: nine, ..window } })
        );
        for (field, text) in [(DetailField::FirstDay, "2027-13-01"), (DetailField::DayStart(2), "9")] {
            assert_eq!(edit(field, text), None, "{field:?} took {text:?}");
        }
        let all = DetailField::LINES.into_iter().chain([DetailField::DayStart(3), DetailField::DayEnd(1)]);
        for field in all {
            let same = detail_edit(&plan, field, field.text(&plan)).expect("a field reads back what it shows");
            assert_eq!(crate::domain::edit::apply(&plan, &same).expect("a valid edit"), plan, "{field:?}");
        }
    }
}
