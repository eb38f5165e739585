//! *Settings*: how dates and times read, and the practice details each new intensive
//! starts from. The form is read whole with `FromFormData`; the settings' own checks
//! (`Settings::problems`) decide what can be kept.

use leptos::prelude::*;
use serde::Deserialize;

use crate::domain::choice::Choice;
use crate::domain::dates::DateStyle;
use crate::domain::merge::settings::SettingsClash;
use crate::domain::model::{DayWindow, Therapist};
use crate::domain::settings::{PracticeDetails, Settings};
use crate::domain::time::{hhmm, parse_hhmm, time_field_step};
use crate::domain::validate::MAX_TITLE_CHARS;
use crate::ui::parts::folded::Folded;
use crate::ui::state::AppState;

/// The settings form's answers as its fields name them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SettingsAnswers {
    date_style: String,
    therapist: String,
    contact: String,
    location: String,
    starts: String,
    ends: String,
}

/// The settings the answers make; hours that are not times say what to fix.
fn settings_from(answers: &SettingsAnswers) -> Result<Settings, String> {
    let (Some(start), Some(end)) = (parse_hhmm(&answers.starts), parse_hhmm(&answers.ends)) else {
        return Err("Give the usual hours as times, for example 09:00 and 17:00.".into());
    };
    let settings = Settings {
        date_style: Option::<DateStyle>::from_value(&answers.date_style).unwrap_or(None),
        practice: Some(PracticeDetails {
            therapist: Therapist { name: answers.therapist.trim().into(), contact: answers.contact.trim().into() },
            location: answers.location.trim().into(),
            day: DayWindow { start, end },
        }),
    };
    match settings.problems().into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(settings),
    }
}

#[component]
pub fn SettingsPanel() -> impl IntoView {
    view! {
        <Folded summary="Settings: date and time style, practice details" class="settings card">
            <SettingsForm/>
        </Folded>
    }
}

/// The form. Its fields show `shown`, the settings it last opened with or saved: a save
/// is merged against them with whatever another tab has saved since.
#[component]
fn SettingsForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(state.book.with_untracked(|book| book.settings().clone()));
    let said = RwSignal::new(None::<Result<String, String>>);
    let clashes = RwSignal::new(Vec::<SettingsClash>::new());
    let keep = move |to: Settings| {
        let from = shown.get_untracked();
        match state.change_settings(&from, to) {
            Ok(merged) => {
                said.set(Some(Ok(merged.said())));
                shown.set(merged.settings);
                merged.clashes
            }
            Err(error) => {
                said.set(Some(Err(format!("The settings are used in this tab only: {error}"))));
                Vec::new()
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(answers) = super::answers_of::<SettingsAnswers>(&ev) else { return };
        let made = answers.and_then(|answers| settings_from(&answers));
        match made {
            Ok(settings) => clashes.set(keep(settings)),
            Err(problem) => said.set(Some(Err(problem))),
        }
    };
    let settle = Callback::new(move |(clash, use_this_forms): (SettingsClash, bool)| {
        let mut left = clashes.get_untracked();
        left.retain(|c| *c != clash);
        if use_this_forms {
            left.extend(keep(shown.get_untracked().with(&clash.alternative)));
        }
        clashes.set(left);
    });
    view! {
        <form class="settings-form" on:submit=submit aria-label="Settings">
            // Drawn again from what is kept after each save, which may hold another tab's changes.
            {move || view! { <SettingsFields kept=shown.get()/> }}
            {move || said.get().map(|outcome| match outcome {
                Ok(words) => view! { <p class="notice" role="status">{words}</p> }.into_any(),
                Err(words) => view! { <p class="form-error" role="alert">{words}</p> }.into_any(),
            })}
            <Show when=move || clashes.with(|list| !list.is_empty())>
                <ul class="notice notice-error" data-testid="settings-clash">
                    <For each=move || clashes.get() key=|clash| (clash.what, clash.other.clone()) let:clash>
                        <SettingsClashRow clash settle/>
                    </For>
                </ul>
            </Show>
            <div class="form-actions">
                <button type="submit" class="primary">"Save settings"</button>
            </div>
        </form>
    }
}

#[component]
fn SettingsClashRow(clash: SettingsClash, settle: Callback<(SettingsClash, bool)>) -> impl IntoView {
    let said = format!(": kept {}; this form had {}. ", clash.kept, clash.other);
    let other = clash.clone();
    view! {
        <li>
            <strong>{clash.what}</strong>{said}
            <button type="button" on:click=move |_| settle.run((other.clone(), true))>"Use this form's"</button>
            <button type="button" class="quiet" on:click=move |_| settle.run((clash.clone(), false))>
                "Keep the one saved"
            </button>
        </li>
    }
}

#[component]
fn SettingsFields(kept: Settings) -> impl IntoView {
    let state = expect_context::<AppState>();
    let practice = kept.practice_or_default();
    let browser = DateStyle::for_language(&state.book.with_untracked(|book| book.language.clone()));
    let style_word = move |choice: Option<DateStyle>| match choice {
        None => format!("As this browser's language suggests: {}", browser.label()),
        Some(style) => style.label().to_string(),
    };
    let text_field = |id: &'static str, name: &'static str, label: &'static str, value: String| {
        view! {
            <label for=id>{label}</label>
            <input id=id name=name type="text" maxlength=MAX_TITLE_CHARS.to_string() value=value/>
        }
    };
    view! {
        <fieldset>
            <legend>"Dates and times"</legend>
            <label for="settings-style">"Date and time style"</label>
            <select id="settings-style" name="date_style">
                {Option::<DateStyle>::ALL.iter().map(|&choice| view! {
                    <option value=choice.value() selected=choice == kept.date_style>{style_word(choice)}</option>
                }).collect_view()}
            </select>
        </fieldset>
        <fieldset>
            <legend>"Practice details"</legend>
            <p class="hint">"Every new intensive starts from these; changing them leaves existing plans as they are."</p>
            {text_field("settings-therapist", "therapist", "Therapist", practice.therapist.name)}
            {text_field("settings-contact", "contact", "Therapist contact", practice.therapist.contact)}
            {text_field("settings-location", "location", "Location", practice.location)}
            <label for="settings-start">"Usual daily start"</label>
            <input id="settings-start" name="starts" type="time" step=time_field_step() value=hhmm(practice.day.start)/>
            <label for="settings-end">"Usual daily end"</label>
            <input id="settings-end" name="ends" type="time" step=time_field_step() value=hhmm(practice.day.end)/>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(style: &str, starts: &str, ends: &str) -> SettingsAnswers {
        SettingsAnswers {
            date_style: style.into(),
            therapist: "  Dr Lee ".into(),
            contact: "555-0100".into(),
            location: "Room 2".into(),
            starts: starts.into(),
            ends: ends.into(),
        }
    }

    #[test]
    fn the_answers_make_settings_with_trimmed_details() {
        let settings = settings_from(&answers("month-first-12-hour", "08:30", "16:00")).expect("sound answers");
        assert_eq!(settings.date_style, Some(DateStyle::MonthFirst12Hour));
        let practice = settings.practice.expect("details kept");
        assert_eq!(practice.therapist.name, "Dr Lee");
        assert_eq!((hhmm(practice.day.start), hhmm(practice.day.end)), ("08:30".to_string(), "16:00".to_string()));
        assert_eq!(settings_from(&answers("browser", "09:00", "17:00")).map(|s| s.date_style), Ok(None));
    }

    #[test]
    fn hours_that_are_not_times_or_run_backwards_say_what_to_fix() {
        assert!(settings_from(&answers("browser", "9am", "17:00")).unwrap_err().starts_with("Give the usual hours"));
        assert_eq!(
            settings_from(&answers("browser", "17:00", "09:00")).unwrap_err(),
            "The usual day's hours end before they start."
        );
    }
}
