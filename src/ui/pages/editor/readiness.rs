//! KAP readiness per dosing partner, with that partner's readiness problems, and the
//! plan's clinical limits. Each control is one item of the record (`ReadinessItem`),
//! and `Readiness::with` says what a change to it makes.

use leptos::prelude::*;
use strum::VariantArray;

use super::field_binding::{choices, show_held, Control, FieldChoice, FieldInput, FieldOf};
use super::EditorCtx;
use crate::domain::choice::Choice;
use crate::domain::edit::Edit;
use crate::domain::kap::{Contraindication, Driver, ReadinessItem, ReadinessValue, ScreenAnswer};
use crate::domain::limits::EditableLimit;
use crate::domain::model::Partner;
use crate::domain::ride_home::RideHomeChoice;
use crate::ui::parts::folded::Folded;

fn partner_key(partner: Partner) -> &'static str {
    match partner {
        Partner::A => "a",
        Partner::B => "b",
    }
}

/// The element id of one item's control: "rd-a-consent".
fn item_id(partner: Partner, item: ReadinessItem) -> String {
    let item = match item {
        ReadinessItem::MedicalIntake => "intake",
        ReadinessItem::Prescription => "rx",
        ReadinessItem::Consent => "consent",
        ReadinessItem::Screen(Contraindication::BloodPressureOrHeart) => "bp",
        ReadinessItem::Screen(Contraindication::PregnancyOrBreastfeeding) => "preg",
        ReadinessItem::Screen(Contraindication::PsychosisOrMania) => "psy",
        ReadinessItem::Screen(Contraindication::RecentBrainInjury) => "tbi",
        ReadinessItem::PrescriberCleared => "cleared",
        ReadinessItem::RideHome => "driver",
    };
    format!("rd-{}-{item}", partner_key(partner))
}

#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let partners = Memo::new(move |_| ctx.plan.with(|p| p.dosing_partners().iter().collect::<Vec<Partner>>()));
    view! {
        <section class="panel" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">"KAP readiness"</h2>
            <Show when=move || partners.with(Vec::is_empty)>
                <p class="muted">"Nobody doses in this plan."</p>
            </Show>
            <For each=move || partners.get() key=|partner| *partner let:partner>
                <PartnerReadiness partner/>
            </For>
            <ClinicalLimits/>
        </section>
    }
}

/// One partner's readiness record, and the problems it leaves.
#[component]
fn PartnerReadiness(partner: Partner) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let name = Memo::new(move |_| ctx.plan.with(|p| p.partner_name(partner).to_string()));
    let problems = Memo::new(move |_| {
        ctx.problems.with(|list| {
            list.iter().filter(|p| p.is_readiness_of(partner)).map(|p| p.message.clone()).collect::<Vec<_>>()
        })
    });
    let check = move |item| view! { <ReadinessCheck partner item/> };
    view! {
        <fieldset class="readiness" data-partner=partner_key(partner)>
            <legend>{move || format!("{}'s readiness", name.get())}</legend>
            {check(ReadinessItem::MedicalIntake)}
            {check(ReadinessItem::Prescription)}
            {check(ReadinessItem::Consent)}
            <p class="small">"Contraindication screen"</p>
            {Contraindication::VARIANTS.iter().map(|&question| view! { <ScreenQuestion partner question/> }).collect_view()}
            {check(ReadinessItem::PrescriberCleared)}
            <RideHome partner/>
            <ul class="readiness-problems">
                <For each=move || problems.get() key=|message| message.clone() let:message>
                    <li class="problem error">{message}</li>
                </For>
            </ul>
        </fieldset>
    }
}

/// The value of one item of a partner's record, followed on its own.
fn item_value(ctx: EditorCtx, partner: Partner, item: ReadinessItem) -> Memo<ReadinessValue> {
    Memo::new(move |_| ctx.plan.with(|p| p.kap.readiness(partner).value(item)))
}

/// Sets one item of a partner's record.
fn set_item(ctx: EditorCtx, partner: Partner, item: ReadinessItem, value: ReadinessValue) {
    ctx.send(Edit::SetReadiness { partner, item, value });
}

#[component]
fn ReadinessCheck(partner: Partner, item: ReadinessItem) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let value = item_value(ctx, partner, item);
    let id = item_id(partner, item);
    view! {
        <div class="check">
            <input id=id.clone() type="checkbox" prop:checked=move || value.get() == ReadinessValue::Done(true)
                on:change=move |ev| set_item(ctx, partner, item, ReadinessValue::Done(event_target_checked(&ev)))/>
            <label for=id>{item.label()}</label>
        </div>
    }
}

#[component]
fn ScreenQuestion(partner: Partner, question: Contraindication) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let item = ReadinessItem::Screen(question);
    let value = item_value(ctx, partner, item);
    let id = item_id(partner, item);
    let chosen = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(answer) = ScreenAnswer::from_value(&chosen) {
            set_item(ctx, partner, item, ReadinessValue::Answer(answer));
        }
    };
    view! {
        <label for=id.clone()>{question.question()}</label>
        <select id=id on:change=chosen>
            {ScreenAnswer::ALL.iter().map(|&answer| view! {
                <option value=answer.value() prop:selected=move || value.get() == ReadinessValue::Answer(answer)>{answer.label()}</option>
            }).collect_view()}
        </select>
    }
}

/// Who drives the partner home: the other partner or another adult (with a name and a
/// phone number), chosen from a list, so the rule compares people, not spellings.
#[component]
fn RideHome(partner: Partner) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let value = item_value(ctx, partner, ReadinessItem::RideHome);
    let driver = Memo::new(move |_| match value.get() {
        ReadinessValue::Driver(driver) => Some(driver),
        _ => None,
    });
    let other_name = Memo::new(move |_| ctx.plan.with(|p| p.partner_name(partner.other()).to_string()));
    let choices = Signal::derive(move || {
        let current = driver.with(|d| d.as_ref().map_or(RideHomeChoice::NotArranged, |d| d.choice_for(partner)));
        other_name.with(|name| choices(&RideHomeChoice::offered(current), |choice| choice.label(name)))
    });
    let adult = move || driver.with(|d| matches!(d, Some(Driver::OtherAdult { .. })));
    view! {
        <FieldChoice item=driver field=RideHomeField::Who(partner) label=ReadinessItem::RideHome.label() choices/>
        <Show when=adult>
            <FieldInput item=driver field=RideHomeField::Name(partner) label="Driver's name" control=Control::Text/>
            <FieldInput item=driver field=RideHomeField::Phone(partner) label="Driver's phone" control=Control::Tel/>
        </Show>
    }
}

/// A field of a partner's ride home: who drives, and another adult's name and phone.
#[derive(Clone, Copy)]
enum RideHomeField {
    Who(Partner),
    Name(Partner),
    Phone(Partner),
}

impl FieldOf<Driver> for RideHomeField {
    fn text(self, driver: &Driver) -> String {
        match (self, driver) {
            (RideHomeField::Who(partner), _) => driver.choice_for(partner).value().to_string(),
            (RideHomeField::Name(_), Driver::OtherAdult { name, .. }) => name.clone(),
            (RideHomeField::Phone(_), Driver::OtherAdult { phone, .. }) => phone.clone(),
            _ => String::new(),
        }
    }

    fn edit(self, driver: &Driver, text: String) -> Option<Edit> {
        let (partner, next) = match (self, driver.clone()) {
            (RideHomeField::Who(partner), _) => (partner, driver.chosen(partner, RideHomeChoice::from_value(&text)?)),
            (RideHomeField::Name(partner), Driver::OtherAdult { phone, .. }) => {
                (partner, Driver::OtherAdult { name: text, phone })
            }
            (RideHomeField::Phone(partner), Driver::OtherAdult { name, .. }) => {
                (partner, Driver::OtherAdult { name, phone: text })
            }
            _ => return None,
        };
        Some(Edit::SetReadiness { partner, item: ReadinessItem::RideHome, value: ReadinessValue::Driver(next) })
    }

    fn element_id(self, _: &Driver) -> String {
        match self {
            RideHomeField::Who(partner) => item_id(partner, ReadinessItem::RideHome),
            RideHomeField::Name(partner) => format!("{}-name", item_id(partner, ReadinessItem::RideHome)),
            RideHomeField::Phone(partner) => format!("{}-phone", item_id(partner, ReadinessItem::RideHome)),
        }
    }
}

/// The per-plan limits the rules use.
#[component]
fn ClinicalLimits() -> impl IntoView {
    view! {
        <Folded summary="Clinical limits for this plan" class="limits">
            {EditableLimit::VARIANTS.iter().map(|&limit| view! { <LimitField limit/> }).collect_view()}
        </Folded>
    }
}

#[component]
fn LimitField(limit: EditableLimit) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let value = Memo::new(move |_| ctx.plan.with(|p| limit.get(&p.limits)));
    let range = Memo::new(move |_| ctx.plan.with(|p| limit.range_in(&p.limits)));
    let id = format!("limit-{limit:?}").to_lowercase();
    let changed = move |ev: leptos::ev::Event| {
        if let Ok(typed) = event_target_value(&ev).trim().parse::<u16>() {
            ctx.send(Edit::SetLimit(limit, typed));
        }
        show_held(&ev, value.try_get_untracked().map(|held| held.to_string()).as_deref());
    };
    view! {
        <label for=id.clone()>{limit.label()}</label>
        <input id=id type="number" min=move || range.get().0.to_string() max=move || range.get().1.to_string()
            step=limit.step().to_string() prop:value=move || value.get().to_string() on:change=changed/>
    }
}
