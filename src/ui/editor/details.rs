//! Plan details: title, people, place, first day and each day's hours.

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::dates;
use crate::domain::edit::Edit;
use crate::domain::model::{DayWindow, Partners, Therapist};
use crate::domain::time::{hhmm, parse_hhmm};

/// A labelled one-line text field that sends its value when the person leaves it.
fn text_field(
    id: &'static str,
    label: &'static str,
    value: impl Fn() -> String + Send + Sync + 'static,
    send: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input id=id type="text" maxlength="200" prop:value=value on:change=move |ev| send(event_target_value(&ev))/>
    }
}

#[component]
pub fn PlanDetails() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let plan = ctx.plan;
    // Through memos, so a change of a block does not reset every field here.
    let value = move |f: fn(&crate::domain::model::Plan) -> String| {
        let value = Memo::new(move |_| plan.with(f));
        move || value.get()
    };
    let day_count = Memo::new(move |_| plan.with(|p| p.day_count()));
    view! {
        <details class="panel">
            <summary>"Plan details"</summary>
            <label for="pd-title">"Title"</label>
            <input id="pd-title" type="text" maxlength="200" prop:value=value(|p| p.title.clone())
                on:change=move |ev| ctx.send(Edit::SetTitle(event_target_value(&ev)))/>
            {text_field("pd-a", "Partner A", value(|p| p.partners.a.clone()), move |a| {
                let b = plan.with_untracked(|p| p.partners.b.clone());
                ctx.send(Edit::SetPartners(Partners { a, b }))
            })}
            {text_field("pd-b", "Partner B", value(|p| p.partners.b.clone()), move |b| {
                let a = plan.with_untracked(|p| p.partners.a.clone());
                ctx.send(Edit::SetPartners(Partners { a, b }))
            })}
            {text_field("pd-therapist", "Therapist", value(|p| p.therapist.name.clone()), move |name| {
                let contact = plan.with_untracked(|p| p.therapist.contact.clone());
                ctx.send(Edit::SetTherapist(Therapist { name, contact }))
            })}
            {text_field("pd-contact", "Therapist contact", value(|p| p.therapist.contact.clone()), move |contact| {
                let name = plan.with_untracked(|p| p.therapist.name.clone());
                ctx.send(Edit::SetTherapist(Therapist { name, contact }))
            })}
            <label for="pd-location">"Location"</label>
            <input id="pd-location" type="text" maxlength="200" prop:value=value(|p| p.location.clone())
                on:change=move |ev| ctx.send(Edit::SetLocation(event_target_value(&ev)))/>
            <label for="pd-first">"First day"</label>
            <input id="pd-first" type="date" prop:value=value(|p| dates::iso(p.first_day))
                on:change=move |ev| if let Ok(d) = dates::parse_iso(&event_target_value(&ev)).ok_or(()) {
                    ctx.send(Edit::SetFirstDay(d)) }/>
            <fieldset>
                <legend>"Daily hours"</legend>
                {move || (1..=day_count.get()).map(|day| {
                    let window = plan.with_untracked(|p| p.window(day));
                    let send = move |start: Option<chrono::NaiveTime>, end: Option<chrono::NaiveTime>| {
                        let current = plan.with_untracked(|p| p.window(day));
                        let window = DayWindow { start: start.unwrap_or(current.start), end: end.unwrap_or(current.end) };
                        ctx.send(Edit::SetDayWindow { day, window });
                    };
                    view! {
                        <div class="row">
                            <label for=format!("pd-start-{day}")>{format!("Day {day} from")}</label>
                            <input id=format!("pd-start-{day}") type="time" step="900" prop:value=hhmm(window.start)
                                on:change=move |ev| send(parse_hhmm(&event_target_value(&ev)), None)/>
                            <label for=format!("pd-end-{day}")>"to"</label>
                            <input id=format!("pd-end-{day}") type="time" step="900" prop:value=hhmm(window.end)
                                on:change=move |ev| send(None, parse_hhmm(&event_target_value(&ev)))/>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}
