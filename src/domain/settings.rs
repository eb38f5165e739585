//! The therapist's settings, kept once for every plan: how dates and times read, and the
//! practice details each new intensive starts from. Plain data with its own checks; a
//! plan copies the details when it is made and never follows them afterwards.

use serde::{Deserialize, Serialize};

use super::dates::DateStyle;
use super::model::{DayWindow, Therapist};
use super::template::TemplateRequest;
use super::validate::{too_long, MAX_TITLE_CHARS};

/// The therapist's name, contact, location and usual day hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeDetails {
    pub therapist: Therapist,
    pub location: String,
    pub day: DayWindow,
}

impl PracticeDetails {
    /// The details a new intensive was made with.
    pub fn of_request(request: &TemplateRequest) -> PracticeDetails {
        PracticeDetails {
            therapist: request.therapist.clone(),
            location: request.location.clone(),
            day: request.window,
        }
    }
}

impl Default for PracticeDetails {
    fn default() -> PracticeDetails {
        PracticeDetails { therapist: Therapist::default(), location: String::new(), day: DayWindow::standard() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// `None` until the person picks one: the browser's language decides meanwhile.
    #[serde(default)]
    pub date_style: Option<DateStyle>,
    /// `None` until the first plan is made (or the person fills them in).
    #[serde(default)]
    pub practice: Option<PracticeDetails>,
}

impl Settings {
    /// The style dates and times read in, for a browser whose language is `language`.
    pub fn style(&self, language: &str) -> DateStyle {
        self.date_style.unwrap_or_else(|| DateStyle::for_language(language))
    }

    /// The practice details new intensives start from: the defaults until some are kept.
    pub fn practice_or_default(&self) -> PracticeDetails {
        self.practice.clone().unwrap_or_default()
    }

    /// The settings once the first intensive has been made from `request`: its practice
    /// details are kept, so the next one starts from them. `None` when details are
    /// already kept: later plans never change them.
    pub fn after_first_plan(&self, request: &TemplateRequest) -> Option<Settings> {
        match self.practice {
            Some(_) => None,
            None => Some(Settings { practice: Some(PracticeDetails::of_request(request)), ..self.clone() }),
        }
    }

    /// What is wrong with these settings, one sentence each; empty when nothing is.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(practice) = &self.practice else { return problems };
        let texts = [
            ("The therapist's name", &practice.therapist.name),
            ("The therapist's contact", &practice.therapist.contact),
            ("The location", &practice.location),
        ];
        for (what, value) in texts {
            too_long(&mut problems, || what.to_string(), value, MAX_TITLE_CHARS);
        }
        if practice.day.end <= practice.day.start {
            problems.push("The usual day's hours end before they start.".to_string());
        }
        problems
    }
}
