//! The "new intensive" form: the answers a template needs, nothing more.

use leptos::prelude::*;
use serde::Deserialize;

use crate::domain::choice::Choice;
use crate::domain::dates;
use crate::domain::kap::{BothDosing, KapSettings, Placement, WhoDoses};
use crate::domain::model::{DayWindow, IntensiveKind, Partners, Plan, Therapist, MAX_DAYS};
use crate::domain::my_template::ForCouple;
use crate::domain::template::{
    build_plan, choice_refusals, ChoiceRefusals, FollowUpRequest, FollowUpSpacing, TemplateRequest, FOLLOW_UP_COUNTS,
    SESSIONS_PER_PARTNER,
};
use crate::domain::time::{hhmm, parse_hhmm, time_field_step};
use crate::domain::validate::MAX_TITLE_CHARS;
use crate::ui::route::Route;
use crate::ui::state::{new_plan_id, today, AppState};

/// The form's answers as its fields name them, read once from the whole form with
/// `FromFormData`: its fields need no bindings of their own. A field missing is empty.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Answers {
    kind: String,
    days: String,
    first_day: String,
    starts: String,
    ends: String,
    partner_a: String,
    partner_b: String,
    therapist: String,
    contact: String,
    location: String,
    who: String,
    placement: String,
    together: String,
    sessions: String,
    follow_ups: String,
    spacing: String,
    /// The id of one of my templates to start from; empty for the built-in one.
    from: String,
}

/// The template request the answers make; a list's value it does not offer counts as
/// its first choice.
fn request_from(answers: &Answers) -> Result<TemplateRequest, String> {
    fn pick<T: Choice>(value: &str) -> T {
        T::from_value(value).unwrap_or(T::ALL[0])
    }
    let first_day = dates::parse_iso(&answers.first_day).ok_or("Choose the first day of the intensive.")?;
    let (Some(start), Some(end)) = (parse_hhmm(&answers.starts), parse_hhmm(&answers.ends)) else {
        return Err("Give the daily hours as times, for example 09:00 and 17:00.".into());
    };
    let who_doses: WhoDoses = pick(&answers.who);
    let usual = FollowUpRequest::usual(who_doses);
    Ok(TemplateRequest {
        kind: pick(&answers.kind),
        days: answers.days.parse().unwrap_or(3),
        first_day,
        window: DayWindow { start, end },
        partners: Partners::named(&answers.partner_a, &answers.partner_b),
        therapist: Therapist { name: answers.therapist.trim().into(), contact: answers.contact.trim().into() },
        location: answers.location.trim().into(),
        kap: KapSettings {
            who_doses,
            placement: pick(&answers.placement),
            both_dosing: pick(&answers.together),
            sessions_per_partner: answers.sessions.parse().unwrap_or(*SESSIONS_PER_PARTNER.start()),
            ..KapSettings::default()
        },
        follow_ups: FollowUpRequest {
            count: answers.follow_ups.parse().unwrap_or(usual.count),
            spacing: FollowUpSpacing::from_value(&answers.spacing).unwrap_or(usual.spacing),
        },
    })
}

/// The template request of the form an event came from, and the template it starts from.
fn request_of(ev: &web_sys::Event) -> Option<Result<(TemplateRequest, String), String>> {
    let answers = super::answers_of::<Answers>(ev)?;
    Some(answers.and_then(|answers| request_from(&answers).map(|request| (request, answers.from))))
}

/// The plan the answers make: from one of my templates when one is chosen (its days,
/// blocks and KAP choices; the answers give the couple, the dates and the therapist),
/// else from the built-in template.
fn plan_from(state: AppState, request: &TemplateRequest, from: &str) -> Result<Plan, String> {
    if from.is_empty() {
        return build_plan(&new_plan_id(), request).map_err(|problem| problem.to_string());
    }
    let template = state.book.with_untracked(|book| book.template(from).cloned());
    let template = template.ok_or("That template is no longer here; choose another.")?;
    let couple = ForCouple {
        first_day: request.first_day,
        partners: request.partners.clone(),
        therapist: request.therapist.clone(),
        location: request.location.clone(),
    };
    template.plan_for(&new_plan_id(), &couple).map_err(|problems| problems.join(" "))
}

/// A list's options: each choice's value and words, and whether it is refused.
fn options<T: Choice>(
    words: impl Fn(T) -> &'static str,
    refused: impl Fn(T) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    T::ALL
        .iter()
        .map(|&choice| view! { <option value=choice.value() disabled=move || refused(choice)>{words(choice)}</option> })
        .collect_view()
}

#[component]
pub fn NewPlanForm(on_cancel: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Only the choice of who doses changes the form itself: it shows the dosing questions.
    let who = RwSignal::new(WhoDoses::Nobody);
    // One of my templates gives the days, the blocks and the KAP choices itself.
    let from = RwSignal::new(String::new());
    let built_in = move || from.with(String::is_empty);
    let templates = state
        .book
        .with_untracked(|book| book.templates().iter().map(|t| (t.id.clone(), t.name.clone())).collect::<Vec<_>>());
    let has_templates = !templates.is_empty();
    let error = RwSignal::new(None::<String>);
    // The follow-ups the therapist picked, if any: until then the form offers the usual.
    let picked_count = RwSignal::new(None::<u8>);
    let picked_spacing = RwSignal::new(None::<FollowUpSpacing>);
    // The dosing choices that can't make a schedule with the answers as they stand.
    let refused = RwSignal::new(ChoiceRefusals::default());
    let changed = move |ev: leptos::ev::Event| {
        if let Some(Ok((request, _))) = request_of(&ev) {
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
        let Some(asked) = request_of(&ev) else { return };
        let made = asked.and_then(|(request, from)| Ok((plan_from(state, &request, &from)?, request)));
        match made {
            Ok((plan, request)) => {
                let id = plan.id.clone();
                state.put(plan);
                // The first plan's details become the practice's. Storage that refuses
                // them refuses the plan too, and the plan's save says so.
                let kept = state.book.with_untracked(|book| book.settings().clone());
                if let Some(first) = kept.after_first_plan(&request) {
                    let _ = state.change_settings(&kept, first);
                }
                state.go(Route::Editor(id));
            }
            Err(problem) => error.set(Some(problem)),
        }
    };

    // Every new intensive starts from the practice's details (`Settings`).
    let practice = state.book.with_untracked(|book| book.settings().practice_or_default());
    let text_field = |id: &'static str, name: &'static str, label: &'static str, hint: &'static str, value: String| {
        view! {
            <label for=id>{label}</label>
            <input id=id name=name type="text" maxlength=MAX_TITLE_CHARS.to_string() placeholder=hint value=value/>
        }
    };

    view! {
        <form class="new-plan card" on:submit=submit on:change=changed aria-labelledby="new-plan-heading">
            <h2 id="new-plan-heading">"New intensive"</h2>
            <Show when=move || has_templates>
                <label for="np-from">"Start from"</label>
                <select id="np-from" name="from" aria-describedby="np-from-hint"
                    on:change=move |ev| from.set(event_target_value(&ev))>
                    <option value="">"The built-in template, from the answers below"</option>
                    {templates.iter().map(|(id, name)| view! { <option value=id.clone()>{format!("My template: {name}")}</option> }).collect_view()}
                </select>
                <p id="np-from-hint" class="hint" hidden=built_in>"The template gives the days and hours, the blocks, the KAP choices and the follow-ups: give the couple, the first day and your details."</p>
            </Show>
            <fieldset>
                <legend>"The intensive"</legend>
                <div hidden=move || !built_in()>
                <label for="np-kind">"Kind"</label>
                <select id="np-kind" name="kind">
                    {options(IntensiveKind::label, |_| false)}
                </select>
                <label for="np-days">"Number of days"</label>
                <select id="np-days" name="days">
                    {(1..=MAX_DAYS).map(|n| view! { <option value=n.to_string() selected=n == 3>{n.to_string()}</option> }).collect_view()}
                </select>
                </div>
                <label for="np-first">"First day"</label>
                <input id="np-first" name="first_day" type="date" value=dates::iso(today().succ_opt().unwrap_or_default())/>
                <div hidden=move || !built_in()>
                <label for="np-start">"Daily start"</label>
                <input id="np-start" name="starts" type="time" step=time_field_step() value=hhmm(practice.day.start)/>
                <label for="np-end">"Daily end"</label>
                <input id="np-end" name="ends" type="time" step=time_field_step() value=hhmm(practice.day.end)/>
                </div>
            </fieldset>
            <fieldset>
                <legend>"People"</legend>
                {text_field("np-a", "partner_a", "Partner A's name", "e.g. Sam", String::new())}
                {text_field("np-b", "partner_b", "Partner B's name", "e.g. Alex", String::new())}
                {text_field("np-therapist", "therapist", "Therapist", "Your name", practice.therapist.name)}
                {text_field("np-contact", "contact", "Therapist contact", "Phone or email", practice.therapist.contact)}
                {text_field("np-location", "location", "Location", "Practice address or room", practice.location)}
            </fieldset>
            <fieldset hidden=move || !built_in()>
                <legend>"Ketamine-assisted psychotherapy (KAP)"</legend>
                <label for="np-who">"Who doses"</label>
                <select id="np-who" name="who"
                    on:change=move |ev| who.set(WhoDoses::from_value(&event_target_value(&ev)).unwrap_or(WhoDoses::Nobody))>
                    {options(WhoDoses::label, |_| false)}
                </select>
                // Hidden rather than removed, so an answer survives changing who doses and back.
                <div hidden=move || who.get() == WhoDoses::Nobody>
                    <label for="np-placement">"Placement of the dosing"</label>
                    <select id="np-placement" name="placement" aria-describedby="np-placement-why">
                        {options(Placement::label, move |placement| refused.with(|r| r.placement_refused(placement)))}
                    </select>
                    <p id="np-placement-why" class="choice-why" aria-live="polite">
                        {move || refused.with(|r| r.placement().unwrap_or_default().to_string())}
                    </p>
                    <label for="np-sessions">"Dosing sessions per partner"</label>
                    <select id="np-sessions" name="sessions" aria-describedby="np-sessions-why">
                        {SESSIONS_PER_PARTNER.map(|n| view! {
                            <option value=n.to_string() disabled=move || refused.with(|r| r.sessions(n).is_some())>{n.to_string()}</option>
                        }).collect_view()}
                    </select>
                    <p id="np-sessions-why" class="choice-why" aria-live="polite">
                        {move || refused.with(|r| r.all_sessions().unwrap_or_default().to_string())}
                    </p>
                </div>
                <div hidden=move || who.get() != WhoDoses::Both>
                    <label for="np-together">"When both dose"</label>
                    <select id="np-together" name="together" aria-describedby="np-together-why">
                        {options(BothDosing::label, move |together| {
                            together == BothDosing::SeparateSessions && refused.with(|r| r.separate.is_some())
                        })}
                    </select>
                    <p id="np-together-why" class="choice-why" aria-live="polite">
                        {move || refused.with(|r| r.separate.clone().unwrap_or_default())}
                    </p>
                </div>
            </fieldset>
            <fieldset hidden=move || !built_in()>
                <legend>"After the intensive"</legend>
                <label for="np-follow-ups">"Follow-up sessions"</label>
                // The usual answer follows who doses until the therapist picks one.
                <select id="np-follow-ups" name="follow_ups" aria-describedby="np-follow-ups-hint"
                    on:change=move |ev| picked_count.set(event_target_value(&ev).parse().ok())>
                    {FOLLOW_UP_COUNTS.map(|n| view! {
                        <option value=n.to_string()
                            selected=move || picked_count.get().unwrap_or_else(|| FollowUpRequest::usual(who.get()).count) == n>
                            {n.to_string()}
                        </option>
                    }).collect_view()}
                </select>
                <p id="np-follow-ups-hint" class="hint">"Integration sessions on dates after the last day; you can move, add or remove them later."</p>
                <label for="np-spacing">"Spacing"</label>
                <select id="np-spacing" name="spacing"
                    on:change=move |ev| picked_spacing.set(FollowUpSpacing::from_value(&event_target_value(&ev)))>
                    {FollowUpSpacing::ALL.iter().map(|&spacing| view! {
                        <option value=spacing.value()
                            selected=move || picked_spacing.get().unwrap_or_else(|| FollowUpRequest::usual(who.get()).spacing) == spacing>
                            {spacing.label()}
                        </option>
                    }).collect_view()}
                </select>
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

    /// The answers as the form's data would carry them, read by the same derive.
    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let data: serde_json::Map<String, serde_json::Value> =
            pairs.iter().map(|(name, value)| (name.to_string(), serde_json::Value::from(*value))).collect();
        serde_json::from_value(data.into()).expect("every field is text")
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
        let request = request_from(&answers(FILLED)).expect("complete answers");
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
        let request = request_from(&answers(&unnamed)).expect("names are optional");
        assert_eq!((request.partners.a.as_str(), request.partners.b.as_str()), ("Partner A", "Partner B"));

        let no_day: Vec<_> = FILLED.iter().copied().filter(|(n, _)| *n != "first_day").collect();
        assert_eq!(request_from(&answers(&no_day)).err().as_deref(), Some("Choose the first day of the intensive."));
        let bad_end: Vec<_> = FILLED.iter().map(|&(n, v)| if n == "ends" { (n, "5pm") } else { (n, v) }).collect();
        assert!(request_from(&answers(&bad_end)).unwrap_err().starts_with("Give the daily hours as times"));
    }
}
