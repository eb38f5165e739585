//! KAP readiness per dosing partner, with that partner's readiness problems.

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::kap::{Contraindication, KapSettings, Readiness, ScreenAnswer};
use crate::domain::limits::EditableLimit;
use crate::domain::model::Partner;
use crate::domain::rules::RuleId;

#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    // A memo, so the panel is rebuilt only when who doses changes.
    let partners = Memo::new(move |_| ctx.plan.with(|p| p.dosing_partners().iter().collect::<Vec<Partner>>()));
    view! {
        <section class="panel" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">"KAP readiness"</h2>
            {move || {
                let partners = partners.get();
                if partners.is_empty() {
                    view! { <p class="muted">"Nobody doses in this plan."</p> }.into_any()
                } else {
                    partners.into_iter().map(|p| view! { <PartnerReadiness partner=p/> }).collect_view().into_any()
                }
            }}
            <Limits/>
        </section>
    }
}

#[component]
fn PartnerReadiness(partner: Partner) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let record = Memo::new(move |_| ctx.plan.with(|p| p.kap.readiness(partner).clone()));
    let name = move || ctx.plan.with(|p| p.partner_name(partner).to_string());
    let change = move |f: Box<dyn Fn(&mut Readiness)>| {
        let mut kap: KapSettings = ctx.plan.with_untracked(|p| p.kap.clone());
        f(kap.readiness_mut(partner));
        ctx.send(Edit::SetKap(kap));
    };
    let key = match partner {
        Partner::A => "a",
        Partner::B => "b",
    };
    let problems = move || {
        ctx.problems.with(|list| {
            list.iter()
                .filter(|p| p.partner == Some(partner) && matches!(p.rule, RuleId::DosingReadiness | RuleId::RideHome))
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
        })
    };
    let check = move |field: &'static str,
                      label: &'static str,
                      get: fn(&Readiness) -> bool,
                      set: fn(&mut Readiness, bool)| {
        let id = format!("rd-{key}-{field}");
        view! {
            <div class="check">
                <input type="checkbox" id=id.clone() prop:checked=move || record.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |r| set(r, on))) }/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class="readiness" data-partner=key>
            <legend>{move || format!("{}'s readiness", name())}</legend>
            {check("intake", "Medical intake with the prescriber done", |r| r.medical_intake_done, |r, v| r.medical_intake_done = v)}
            {check("rx", "Prescription confirmed", |r| r.prescription_confirmed, |r, v| r.prescription_confirmed = v)}
            {check("consent", "Informed consent signed", |r| r.consent_signed, |r, v| r.consent_signed = v)}
            <p class="small">"Contraindication screen"</p>
            {Contraindication::ALL.into_iter().map(|item| {
                let id = format!("rd-{key}-{}", item.key());
                view! {
                    <label for=id.clone()>{item.question()}</label>
                    <select id=id prop:value=move || match record.with(|r| r.screen.answer(item)) { ScreenAnswer::NotAsked => "not-asked", ScreenAnswer::No => "no", ScreenAnswer::Yes => "yes" }
                        on:change=move |ev| {
                            let answer = match event_target_value(&ev).as_str() { "no" => ScreenAnswer::No, "yes" => ScreenAnswer::Yes, _ => ScreenAnswer::NotAsked };
                            change(Box::new(move |r| r.screen.set(item, answer)));
                        }>
                        <option value="not-asked">"Not asked yet"</option>
                        <option value="no">"No"</option>
                        <option value="yes">"Yes"</option>
                    </select>
                }
            }).collect_view()}
            {check("cleared", "Prescriber has cleared a positive answer", |r| r.screen.prescriber_cleared, |r, v| r.screen.prescriber_cleared = v)}
            <label for=format!("rd-{key}-driver")>"Ride home: who drives"</label>
            <input id=format!("rd-{key}-driver") type="text" maxlength="200" placeholder="Name of the driver"
                prop:value=move || record.with(|r| r.ride_home_driver.clone())
                on:change=move |ev| { let driver = event_target_value(&ev); change(Box::new(move |r| r.ride_home_driver = driver.clone())) }/>
            <ul class="readiness-problems">
                {move || problems().into_iter().map(|m| view! { <li class="problem error">{m}</li> }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// Per-plan limits the rules use.
#[component]
fn Limits() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let limits = Memo::new(move |_| ctx.plan.with(|p| p.limits));
    view! {
        <details class="limits">
            <summary>"Clinical limits for this plan"</summary>
            {EditableLimit::ALL.into_iter().map(|limit| {
                let id = format!("limit-{}", limit.key());
                let (min, max) = limit.range();
                view! {
                    <label for=id.clone()>{limit.label()}</label>
                    <input id=id type="number" min=min max=max prop:value=move || limits.with(|l| limit.get(l)).to_string()
                        on:change=move |ev| {
                            if let Ok(value) = event_target_value(&ev).parse::<u8>() {
                                ctx.send(Edit::SetLimits(limit.set(limits.get_untracked(), value)));
                            }
                        }/>
                }
            }).collect_view()}
        </details>
    }
}
