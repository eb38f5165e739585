//! KAP readiness per dosing partner, with that partner's readiness problems, and the
//! plan's clinical limits. Each control is one item of the record (`ReadinessItem`),
//! and `Readiness::with` says what a change to it makes.

use crate::domain::validate::MAX_TITLE_CHARS;
use leptos::prelude::*;
use strum::VariantArray;

use super::EditorCtx;
use crate::domain::choice::Choice;
use crate::domain::edit::Edit;
use crate::domain::kap::{Contraindication, Driver, ReadinessItem, ReadinessValue, ScreenAnswer};
use crate::domain::limits::EditableLimit;
use crate::domain::model::Partner;
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
    let item = ReadinessItem::RideHome;
    let value = item_value(ctx, partner, item);
    let id = item_id(partner, item);
    let driver = move || match value.get() {
        ReadinessValue::Driver(driver) => driver,
        _ => Driver::NotArranged,
    };
    let other = partner.other();
    let other_name = Memo::new(move |_| ctx.plan.with(|p| p.partner_name(other).to_string()));
    let choice = move || match driver() {
        Driver::NotArranged => "none",
        Driver::Partner(p) if p == other => "partner",
        Driver::Partner(_) => "self",
        Driver::OtherAdult { .. } => "adult",
    };
    let chosen = move |ev| {
        let next = match event_target_value(&ev).as_str() {
            "partner" => Driver::Partner(other),
            "adult" => match driver() {
                adult @ Driver::OtherAdult { .. } => adult,
                _ => Driver::other_adult("", ""),
            },
            _ => Driver::NotArranged,
        };
        set_item(ctx, partner, item, ReadinessValue::Driver(next));
    };
    let adult = Memo::new(move |_| match driver() {
        Driver::OtherAdult { name, phone } => Some((name, phone)),
        _ => None,
    });
    let set_adult = move |name: Option<String>, phone: Option<String>| {
        let (old_name, old_phone) = adult.get_untracked().unwrap_or_default();
        let next = Driver::OtherAdult { name: name.unwrap_or(old_name), phone: phone.unwrap_or(old_phone) };
        set_item(ctx, partner, item, ReadinessValue::Driver(next));
    };
    let (name_id, phone_id) = (format!("{id}-name"), format!("{id}-phone"));
    view! {
        <label for=id.clone()>{item.label()}</label>
        <select id=id on:change=chosen>
            <option value="none" prop:selected=move || choice() == "none">"Not arranged yet"</option>
            <option value="partner" prop:selected=move || choice() == "partner">
                {move || format!("{} (the other partner)", other_name.get())}
            </option>
            <Show when=move || choice() == "self">
                <option value="self" prop:selected=true>"Themselves (not allowed)"</option>
            </Show>
            <option value="adult" prop:selected=move || choice() == "adult">"Another adult"</option>
        </select>
        <Show when=move || adult.with(Option::is_some)>
            <label for=name_id.clone()>"Driver's name"</label>
            <input id=name_id.clone() type="text" maxlength=MAX_TITLE_CHARS.to_string() autocomplete="off"
                prop:value=move || adult.get().map(|a| a.0).unwrap_or_default()
                on:change=move |ev| set_adult(Some(event_target_value(&ev)), None)/>
            <label for=phone_id.clone()>"Driver's phone"</label>
            <input id=phone_id.clone() type="tel" maxlength=MAX_TITLE_CHARS.to_string() autocomplete="off"
                prop:value=move || adult.get().map(|a| a.1).unwrap_or_default()
                on:change=move |ev| set_adult(None, Some(event_target_value(&ev)))/>
        </Show>
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
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Ok(value) = input.value().trim().parse::<u16>() {
            ctx.send(Edit::SetLimit(limit, value));
        }
        // A value outside the range is kept at the nearest allowed one, which may be the
        // value already held: show what the plan holds, not what was typed.
        input.set_value(&ctx.plan.with_untracked(|p| limit.get(&p.limits)).to_string());
    };
    view! {
        <label for=id.clone()>{limit.label()}</label>
        <input id=id type="number" min=move || range.get().0.to_string() max=move || range.get().1.to_string()
            step=limit.step().to_string() prop:value=move || value.get().to_string() on:change=changed/>
    }
}
