//! The "new intensive" form: the answers a template needs, nothing more.

use crate::domain::validate::MAX_TITLE_CHARS;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::route::Route;
use super::state::{new_plan_id, today, AppState};
use crate::domain::dates;
use crate::domain::kap::{BothDosing, KapSettings, Placement, WhoDoses};
use crate::domain::model::{DayWindow, IntensiveKind, Partners, Therapist, MAX_DAYS};
use crate::domain::template::{build_plan, choice_refusals, ChoiceRefusals, TemplateRequest};
use crate::domain::time::parse_hhmm;

/// The template request from the form's answers, looked up by field name. The form is a
/// plain HTML form read once on submit: its fields need no bindings of their own.
fn request_from(answer: impl Fn(&str) -> String) -> Result<TemplateRequest, String> {
    let text = |name: &str| answer(name).trim().to_string();
    let name = |field: &str, fallback: &str| {
        let given = text(field);
        if given.is_empty() {
            fallback.to_string()
        } else {
            given
        }
    };
    let first_day = dates::parse_iso(&answer("first_day")).ok_or("Choose the first day of the intensive.")?;
    let (Some(start), Some(end)) = (parse_hhmm(&answer("starts")), parse_hhmm(&answer("ends"))) else {
        return Err("Give the daily hours as times, for example 09:00 and 17:00.".into());
    };
    Ok(TemplateRequest {
        kind: if answer("kind") == kind_value(IntensiveKind::AffairRecovery) {
            IntensiveKind::AffairRecovery
        } else {
            IntensiveKind::Couples
        },
        days: answer("days").parse().unwrap_or(3),
        first_day,
        window: DayWindow { start, end },
        partners: Partners { a: name("partner_a", "Partner A"), b: name("partner_b", "Partner B") },
        therapist: Therapist { name: text("therapist"), contact: text("contact") },
        location: text("location"),
        kap: KapSettings {
            who_doses: who_doses(&answer("who")),
            placement: if answer("placement") == "midway" { Placement::Midway } else { Placement::Opening },
            both_dosing: if answer("together") == "separate" {
                BothDosing::SeparateSessions
            } else {
                BothDosing::SameSession
            },
            sessions_per_partner: answer("sessions").parse().unwrap_or(1),
            ..KapSettings::default()
        },
    })
}

/// The value of a kind in the form's list.
fn kind_value(kind: IntensiveKind) -> &'static str {
    match kind {
        IntensiveKind::Couples => "couples",
        IntensiveKind::AffairRecovery => "affair",
    }
}

fn who_doses(value: &str) -> WhoDoses {
    match value {
        "a" => WhoDoses::PartnerA,
        "b" => WhoDoses::PartnerB,
        "both" => WhoDoses::Both,
        _ => WhoDoses::Nobody,
    }
}

#[component]
pub fn NewPlanForm(on_cancel: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Only the choice of who doses changes the form itself: it shows the dosing questions.
    let who = RwSignal::new(WhoDoses::Nobody);
    let error = RwSignal::new(None::<String>);
    // The dosing choices that can't make a schedule with the answers as they stand.
    let refused = RwSignal::new(ChoiceRefusals::default());
    let answers = |ev: &web_sys::Event| {
        let data = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|form| web_sys::FormData::new_with_form(&form).ok())?;
        Some(request_from(|name| data.get(name).as_string().unwrap_or_default()))
    };
    let changed = move |ev: leptos::ev::Event| {
        if let Some(Ok(request)) = answers(&ev) {
            refused.maybe_update(|now| {
                let next = choice_refusals(&request);
                let differs = *now != next;
                *now = next;
                differs
            });
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(asked) = answers(&ev) else { return };
        let made =
            asked.and_then(|request| build_plan(&new_plan_id(), &request).map_err(|problem| problem.to_string()));
        match made {
            Ok(plan) => {
                let id = plan.id.clone();
                state.put(plan);
                state.go(Route::Editor(id));
            }
            Err(problem) => error.set(Some(problem)),
        }
    };

    let text_field = |id: &'static str, name: &'static str, label: &'static str, hint: &'static str| {
        view! {
            <label for=id>{label}</label>
            <input id=id name=name type="text" maxlength=MAX_TITLE_CHARS.to_string() placeholder=hint/>
        }
    };

    view! {
        <form class="new-plan card" on:submit=submit on:change=changed aria-labelledby="new-plan-heading">
            <h2 id="new-plan-heading">"New intensive"</h2>
            <fieldset>
                <legend>"The intensive"</legend>
                <label for="np-kind">"Kind"</label>
                <select id="np-kind" name="kind">
                    {IntensiveKind::ALL.map(|kind| view! { <option value=kind_value(kind)>{kind.label()}</option> })}
                </select>
                <label for="np-days">"Number of days"</label>
                <select id="np-days" name="days">
                    {(1..=MAX_DAYS).map(|n| view! { <option value=n.to_string() selected=n == 3>{n.to_string()}</option> }).collect_view()}
                </select>
                <label for="np-first">"First day"</label>
                <input id="np-first" name="first_day" type="date" value=dates::iso(today().succ_opt().unwrap_or_default())/>
                <label for="np-start">"Daily start"</label>
                <input id="np-start" name="starts" type="time" step="900" value="09:00"/>
                <label for="np-end">"Daily end"</label>
                <input id="np-end" name="ends" type="time" step="900" value="17:00"/>
            </fieldset>
            <fieldset>
                <legend>"People"</legend>
                {text_field("np-a", "partner_a", "Partner A's name", "e.g. Sam")}
                {text_field("np-b", "partner_b", "Partner B's name", "e.g. Alex")}
                {text_field("np-therapist", "therapist", "Therapist", "Your name")}
                {text_field("np-contact", "contact", "Therapist contact", "Phone or email")}
                {text_field("np-location", "location", "Location", "Practice address or room")}
            </fieldset>
            <fieldset>
                <legend>"Ketamine-assisted psychotherapy (KAP)"</legend>
                <label for="np-who">"Who doses"</label>
                <select id="np-who" name="who" on:change=move |ev| who.set(who_doses(&event_target_value(&ev)))>
                    <option value="nobody">"Nobody (no KAP)"</option>
                    <option value="a">"Partner A"</option>
                    <option value="b">"Partner B"</option>
                    <option value="both">"Both partners"</option>
                </select>
                // Hidden rather than removed, so an answer survives changing who doses and back.
                <div hidden=move || who.get() == WhoDoses::Nobody>
                    <label for="np-placement">"Placement of the dosing"</label>
                    <select id="np-placement" name="placement" aria-describedby="np-placement-why">
                        <option value="opening" disabled=move || refused.with(|r| r.opening.is_some())>"Opening (day 1 morning)"</option>
                        <option value="midway" disabled=move || refused.with(|r| r.midway.is_some())>"Midway"</option>
                    </select>
                    <p id="np-placement-why" class="choice-why" aria-live="polite">
                        {move || refused.with(|r| r.placement().unwrap_or_default().to_string())}
                    </p>
                    <label for="np-sessions">"Dosing sessions per partner"</label>
                    <select id="np-sessions" name="sessions" aria-describedby="np-sessions-why">
                        <option value="1">"1"</option>
                        <option value="2" disabled=move || refused.with(|r| r.two_sessions.is_some())>"2"</option>
                    </select>
                    <p id="np-sessions-why" class="choice-why" aria-live="polite">
                        {move || refused.with(|r| r.two_sessions.clone().unwrap_or_default())}
                    </p>
                </div>
                <div hidden=move || who.get() != WhoDoses::Both>
                    <label for="np-together">"When both dose"</label>
                    <select id="np-together" name="together" aria-describedby="np-together-why">
                        <option value="same">"In one shared session"</option>
                        <option value="separate" disabled=move || refused.with(|r| r.separate.is_some())>"In separate sessions"</option>
                    </select>
                    <p id="np-together-why" class="choice-why" aria-live="polite">
                        {move || refused.with(|r| r.separate.clone().unwrap_or_default())}
                    </p>
                </div>
            </fieldset>
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="form-actions">
                <button type="submit" class="primary">"Create the schedule"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> String + 'a {
        move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()).unwrap_or_default()
    }

    const FILLED: &[(&str, &str)] = &[
        ("kind", "affair"),
        ("days", "4"),
        ("first_day", "2026-12-01"),
        ("starts", "09:30"),
        ("ends", "16:00"),
        ("partner_a", "  Sam "),
        ("partner_b", "Alex"),
        ("therapist", "Dr Lee"),
        ("who", "both"),
        ("placement", "midway"),
        ("sessions", "2"),
        ("together", "separate"),
    ];

    #[test]
    fn every_answer_reaches_the_template_request() {
        let request = request_from(answers(FILLED)).expect("complete answers");
        assert_eq!(request.kind, IntensiveKind::AffairRecovery);
        assert_eq!(request.days, 4);
        assert_eq!(dates::iso(request.first_day), "2026-12-01");
        assert_eq!(
            (request.window.start, request.window.end),
            (parse_hhmm("09:30").unwrap(), parse_hhmm("16:00").unwrap())
        );
        assert_eq!((request.partners.a.as_str(), request.partners.b.as_str()), ("Sam", "Alex"));
        assert_eq!(request.therapist.name, "Dr Lee");
        assert_eq!(request.kap.who_doses, WhoDoses::Both);
        assert_eq!(request.kap.placement, Placement::Midway);
        assert_eq!(request.kap.sessions_per_partner, 2);
        assert_eq!(request.kap.both_dosing, BothDosing::SeparateSessions);
    }

    #[test]
    fn empty_names_fall_back_and_missing_dates_or_hours_say_what_to_fix() {
        let unnamed: Vec<_> = FILLED.iter().copied().filter(|(n, _)| !n.starts_with("partner")).collect();
        let request = request_from(answers(&unnamed)).expect("names are optional");
        assert_eq!((request.partners.a.as_str(), request.partners.b.as_str()), ("Partner A", "Partner B"));

        let no_day: Vec<_> = FILLED.iter().copied().filter(|(n, _)| *n != "first_day").collect();
        assert_eq!(request_from(answers(&no_day)).err().as_deref(), Some("Choose the first day of the intensive."));
        let bad_end: Vec<_> = FILLED.iter().map(|&(n, v)| if n == "ends" { (n, "5pm") } else { (n, v) }).collect();
        assert!(request_from(answers(&bad_end)).unwrap_err().starts_with("Give the daily hours as times"));
    }
}
