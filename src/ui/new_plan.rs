//! The "new intensive" form: the answers a template needs, nothing more.

use leptos::prelude::*;

use super::route::Route;
use super::state::{new_plan_id, today, AppState};
use crate::domain::dates;
use crate::domain::kap::{BothDosing, KapSettings, Placement, WhoDoses};
use crate::domain::model::{DayWindow, IntensiveKind, Partners, Therapist};
use crate::domain::template::{build_plan, TemplateRequest};
use crate::domain::time::parse_hhmm;

#[component]
pub fn NewPlanForm(on_cancel: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = RwSignal::new(IntensiveKind::Couples);
    let days = RwSignal::new(3u8);
    let first_day = RwSignal::new(dates::iso(today().succ_opt().unwrap_or_default()));
    let starts = RwSignal::new("09:00".to_string());
    let ends = RwSignal::new("17:00".to_string());
    let partner_a = RwSignal::new(String::new());
    let partner_b = RwSignal::new(String::new());
    let therapist = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let who = RwSignal::new(WhoDoses::Nobody);
    let placement = RwSignal::new(Placement::Opening);
    let together = RwSignal::new(BothDosing::SameSession);
    let sessions = RwSignal::new(1u8);
    let error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = |s: RwSignal<String>, fallback: &str| {
            let text = s.get_untracked().trim().to_string();
            if text.is_empty() {
                fallback.to_string()
            } else {
                text
            }
        };
        let Ok(first) = dates::parse_iso(&first_day.get_untracked()).ok_or(()) else {
            error.set(Some("Choose the first day of the intensive.".into()));
            return;
        };
        let (Some(start), Some(end)) = (parse_hhmm(&starts.get_untracked()), parse_hhmm(&ends.get_untracked())) else {
            error.set(Some("Give the daily hours as times, for example 09:00 and 17:00.".into()));
            return;
        };
        let request = TemplateRequest {
            kind: kind.get_untracked(),
            days: days.get_untracked(),
            first_day: first,
            window: DayWindow { start, end },
            partners: Partners { a: name(partner_a, "Partner A"), b: name(partner_b, "Partner B") },
            therapist: Therapist { name: name(therapist, ""), contact: contact.get_untracked().trim().to_string() },
            location: location.get_untracked().trim().to_string(),
            kap: KapSettings {
                who_doses: who.get_untracked(),
                placement: placement.get_untracked(),
                both_dosing: together.get_untracked(),
                sessions_per_partner: sessions.get_untracked(),
                ..KapSettings::default()
            },
        };
        match build_plan(&new_plan_id(), &request) {
            Ok(plan) => {
                let id = plan.id.clone();
                state.save(&plan, false);
                state.go(Route::Editor(id));
            }
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };

    let text_field = move |id: &'static str, label: &'static str, value: RwSignal<String>, hint: &'static str| {
        view! {
            <label for=id>{label}</label>
            <input id=id type="text" maxlength="200" placeholder=hint
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        }
    };

    view! {
        <form class="new-plan card" on:submit=submit aria-labelledby="new-plan-heading">
            <h2 id="new-plan-heading">"New intensive"</h2>
            <fieldset>
                <legend>"The intensive"</legend>
                <label for="np-kind">"Kind"</label>
                <select id="np-kind" on:change=move |ev| kind.set(if event_target_value(&ev) == "affair" {
                    IntensiveKind::AffairRecovery } else { IntensiveKind::Couples })>
                    <option value="couples">"Couples intensive"</option>
                    <option value="affair">"Affair-recovery intensive"</option>
                </select>
                <label for="np-days">"Number of days"</label>
                <select id="np-days" on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(3))>
                    {(1..=7u8).map(|d| view! { <option value=d.to_string() selected=d == 3>{d.to_string()}</option> }).collect_view()}
                </select>
                <label for="np-first">"First day"</label>
                <input id="np-first" type="date" prop:value=move || first_day.get()
                    on:input=move |ev| first_day.set(event_target_value(&ev))/>
                <label for="np-start">"Daily start"</label>
                <input id="np-start" type="time" step="900" prop:value=move || starts.get()
                    on:input=move |ev| starts.set(event_target_value(&ev))/>
                <label for="np-end">"Daily end"</label>
                <input id="np-end" type="time" step="900" prop:value=move || ends.get()
                    on:input=move |ev| ends.set(event_target_value(&ev))/>
            </fieldset>
            <fieldset>
                <legend>"People"</legend>
                {text_field("np-a", "Partner A's name", partner_a, "e.g. Sam")}
                {text_field("np-b", "Partner B's name", partner_b, "e.g. Alex")}
                {text_field("np-therapist", "Therapist", therapist, "Your name")}
                {text_field("np-contact", "Therapist contact", contact, "Phone or email")}
                {text_field("np-location", "Location", location, "Practice address or room")}
            </fieldset>
            <fieldset>
                <legend>"Ketamine-assisted psychotherapy (KAP)"</legend>
                <label for="np-who">"Who doses"</label>
                <select id="np-who" on:change=move |ev| who.set(match event_target_value(&ev).as_str() {
                    "a" => WhoDoses::PartnerA, "b" => WhoDoses::PartnerB, "both" => WhoDoses::Both, _ => WhoDoses::Nobody })>
                    <option value="nobody">"Nobody (no KAP)"</option>
                    <option value="a">"Partner A"</option>
                    <option value="b">"Partner B"</option>
                    <option value="both">"Both partners"</option>
                </select>
                <Show when=move || who.get() != WhoDoses::Nobody>
                    <label for="np-placement">"Placement of the dosing"</label>
                    <select id="np-placement" on:change=move |ev| placement.set(if event_target_value(&ev) == "midway" {
                        Placement::Midway } else { Placement::Opening })>
                        <option value="opening">"Opening (day 1 morning)"</option>
                        <option value="midway">"Midway"</option>
                    </select>
                    <label for="np-sessions">"Dosing sessions per partner"</label>
                    <select id="np-sessions" on:change=move |ev| sessions.set(event_target_value(&ev).parse().unwrap_or(1))>
                        <option value="1">"1"</option>
                        <option value="2">"2"</option>
                    </select>
                </Show>
                <Show when=move || who.get() == WhoDoses::Both>
                    <label for="np-together">"When both dose"</label>
                    <select id="np-together" on:change=move |ev| together.set(if event_target_value(&ev) == "separate" {
                        BothDosing::SeparateSessions } else { BothDosing::SameSession })>
                        <option value="same">"In one shared session"</option>
                        <option value="separate">"In separate sessions"</option>
                    </select>
                </Show>
            </fieldset>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <div class="form-actions">
                <button type="submit" class="primary">"Create the schedule"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
