//! *After the intensive*: the follow-up sessions in date order, each field sending its
//! own edit (`follow_up_fields`), and the couple's integration guide.

use leptos::prelude::*;

use super::add_line::AddLine;
use super::field_binding::{choices, length_choices, Control, FieldChoice, FieldInput};
use super::follow_up_fields::FollowUpField;
use super::EditorCtx;
use crate::domain::choice::Choice;
use crate::domain::edit::Edit;
use crate::domain::follow_up_edit::{next_follow_up_date, GuideChange};
use crate::domain::model::{FollowUpDose, FollowUpId, FollowUpSession, Participants, FOLLOW_UP_WHO, MAX_FOLLOW_UPS};
use crate::domain::validate::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use crate::domain::words::{describe_follow_up, follow_up_dose_label, who_label};
use crate::ui::parts::folded::Folded;

#[component]
pub fn AfterIntensive() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let ids = Memo::new(move |_| ctx.plan.with(|p| p.follow_ups_in_order().iter().map(|f| f.id).collect::<Vec<_>>()));
    let full = move || ids.with(|ids| ids.len() >= MAX_FOLLOW_UPS);
    // The session just added opens at once, its date taking the focus; the others stay
    // folded under their summary until the therapist opens one.
    let added = StoredValue::new(None::<FollowUpId>);
    let add = move |_| {
        let (date, start) = ctx.plan.with_untracked(|p| (next_follow_up_date(p), p.window(p.day_count()).start));
        ctx.send(Edit::AddFollowUp { date, start, minutes: 90, who: Participants::BothWithTherapist });
        let newest = ctx.plan.with_untracked(|p| p.follow_ups.iter().map(|f| f.id).max());
        added.set_value(newest);
        if let Some(id) = newest {
            super::focus_element(&FollowUpField::Date.dom_id(id.0));
        }
    };
    view! {
        <section class="panel after-intensive" aria-labelledby="after-heading">
            <h2 id="after-heading">"After the intensive"</h2>
            <p class="muted">{move || ctx.plan.with(|p| format!(
                "Follow-up sessions on dates after the last day ({}), up to a year later.",
                ctx.state.style.get().short(p.last_date())
            ))}</p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p>"No follow-up sessions yet."</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <FollowUpRow id open=added.get_value() == Some(id)/>
            </For>
            <button type="button" disabled=full on:click=add>"Add a follow-up session"</button>
            <GuideEditor/>
        </section>
    }
}

/// One follow-up, folded under its title and time: its fields are built when it opens.
#[component]
fn FollowUpRow(id: FollowUpId, open: bool) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let session = Memo::new(move |_| ctx.plan.with(|p| p.follow_up(id).cloned()));
    let heading = Signal::derive(move || {
        let style = ctx.state.style.get();
        session.with(|s| s.as_ref().map(|s| describe_follow_up(s, style)).unwrap_or_default())
    });
    view! {
        <Folded summary=heading class="follow-up" open attr:data-testid="follow-up">
            <FollowUpFields id session heading/>
        </Folded>
    }
}

#[component]
fn FollowUpFields(id: FollowUpId, session: Shown, heading: Signal<String>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let names = Memo::new(move |_| ctx.plan.with(|p| p.partners.clone()));
    let who = Signal::derive(move || names.with(|partners| choices(&FOLLOW_UP_WHO, |w| who_label(w, partners))));
    let kap_for = Signal::derive(move || {
        names.with(|partners| choices(FollowUpDose::ALL, |d| follow_up_dose_label(d, partners)))
    });
    let input = move |field: FollowUpField, label: &'static str, control: Control| {
        view! { <FieldInput item=session field label control/> }
    };
    view! {
        <fieldset>
            <legend class="visually-hidden">{heading}</legend>
            <div class="row">
                <div>{input(FollowUpField::Date, "Date", Control::Date)}</div>
                <div>{input(FollowUpField::Start, "Start", Control::Time)}</div>
                <div><FieldChoice item=session field=FollowUpField::Length label="Length" choices=length_choices()/></div>
            </div>
            {input(FollowUpField::Title, "Title", Control::Text)}
            <FieldChoice item=session field=FollowUpField::Who label="Who takes part" choices=who/>
            <FieldChoice item=session field=FollowUpField::KapFor label="Whose medicine it integrates" choices=kap_for/>
            {input(FollowUpField::CoupleNotes, "Notes for the couple", Control::Notes)}
            {input(FollowUpField::PrivateNotes, "Private notes (therapist only)", Control::PrivateNotes)}
            <button type="button" class="danger" aria-label=move || format!("Remove follow-up {}", heading.get())
                on:click=move |_| ctx.send(Edit::DeleteFollowUp { id })>"Remove follow-up"</button>
        </fieldset>
    }
}

type Shown = Memo<Option<FollowUpSession>>;

/// The couple's integration guide: what the days after a dose are for, and the prompts.
/// Folded, so it follows the plan only while open.
#[component]
fn GuideEditor() -> impl IntoView {
    view! {
        <Folded summary="The couple's integration guide" class="guide">
            <GuideFields/>
        </Folded>
    }
}

#[component]
fn GuideFields() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let days_for = Memo::new(move |_| ctx.plan.with(|p| p.guide.days_for.clone()));
    let prompts = Memo::new(move |_| ctx.plan.with(|p| p.guide.prompts.clone()));
    let add = Callback::new(move |text| ctx.send(Edit::ChangeGuide(GuideChange::AddPrompt(text))));
    view! {
            <p class="muted">"Shown to the couple after each dosing day, on their page and in the printed agenda."</p>
            <label for="guide-days-for">"What the days after a dose are for"</label>
            <textarea id="guide-days-for" rows="5" maxlength=MAX_NOTE_CHARS.to_string() prop:value=days_for
                on:change=move |ev| ctx.send(Edit::ChangeGuide(GuideChange::DaysFor(event_target_value(&ev))))></textarea>
            <fieldset>
                <legend>"Journaling prompts"</legend>
                <For each=move || prompts.get().into_iter().enumerate() key=|prompt| prompt.clone() let:prompt>
                    <div class="row">
                        <label class="visually-hidden" for=format!("guide-prompt-{}", prompt.0)>{format!("Prompt {}", prompt.0 + 1)}</label>
                        <input id=format!("guide-prompt-{}", prompt.0) type="text" maxlength=MAX_TITLE_CHARS.to_string()
                            prop:value=prompt.1.clone()
                            on:change=move |ev| ctx.send(Edit::ChangeGuide(GuideChange::Prompt(prompt.0, event_target_value(&ev))))/>
                        <button type="button" class="quiet" aria-label=format!("Remove prompt {}", prompt.0 + 1)
                            on:click=move |_| ctx.send(Edit::ChangeGuide(GuideChange::RemovePrompt(prompt.0)))>"Remove"</button>
                    </div>
                </For>
                <AddLine id="guide-new-prompt" label="New prompt" button="Add prompt" on_add=add/>
            </fieldset>
            <button type="button" class="quiet" on:click=move |_| ctx.send(Edit::ChangeGuide(GuideChange::Defaults))>
                "Restore the default guide"
            </button>
    }
}
