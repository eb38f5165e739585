//! The settings of two tabs brought together, as plans are: a settings form is changed
//! from the settings it opened with, and another tab may have saved settings since. A
//! setting only one side changed takes that change; one both changed keeps the saved
//! version and is offered, so a stale form never swaps out what another tab kept.

use super::three_way::{changed, Changed};
use crate::domain::dates::DateStyle;
use crate::domain::model::{DayWindow, Therapist};
use crate::domain::settings::{PracticeDetails, Settings};
use crate::domain::words::{and_list, quoted};

/// One setting, set on its own: what a clash offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingChange {
    DateStyle(Option<DateStyle>),
    TherapistName(String),
    TherapistContact(String),
    Location(String),
    /// The usual day's start and end together: apart, two sound changes could make
    /// a day that ends before it starts.
    Hours(DayWindow),
}

/// A setting both sides changed: the value kept (the saved one), in words, and the
/// form's value it did not keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsClash {
    pub what: &'static str,
    pub kept: String,
    pub other: String,
    /// Puts the form's value in place of the kept one.
    pub alternative: SettingChange,
}

/// The settings to keep, what the person must decide, and which of the other tab's
/// changes were taken in, in words ("The location").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedSettings {
    pub settings: Settings,
    pub clashes: Vec<SettingsClash>,
    pub taken_in: Vec<&'static str>,
}

impl Settings {
    /// These settings with one setting changed.
    pub fn with(&self, change: &SettingChange) -> Settings {
        let mut practice = self.practice_or_default();
        match change {
            SettingChange::DateStyle(style) => return Settings { date_style: *style, ..self.clone() },
            SettingChange::TherapistName(name) => practice.therapist.name = name.clone(),
            SettingChange::TherapistContact(contact) => practice.therapist.contact = contact.clone(),
            SettingChange::Location(location) => practice.location = location.clone(),
            SettingChange::Hours(day) => practice.day = *day,
        }
        Settings { practice: Some(practice), ..self.clone() }
    }
}

/// Merges `mine` (the form's) and `theirs` (as stored now), both changed from `base`
/// (what the form opened with). `browser` is the style the browser's language gives,
/// and `style` the one times are worded in.
pub fn merge_settings(
    base: &Settings,
    mine: &Settings,
    theirs: &Settings,
    browser: DateStyle,
    style: DateStyle,
) -> MergedSettings {
    let mut merged = MergedSettings { settings: theirs.clone(), clashes: Vec::new(), taken_in: Vec::new() };
    let style_words = |choice: &Option<DateStyle>| match choice {
        None => format!("the browser's choice, {}", browser.label()),
        Some(chosen) => chosen.label().to_string(),
    };
    merged.settings.date_style = merged.field(
        &base.date_style,
        &mine.date_style,
        &theirs.date_style,
        "The date and time style",
        style_words,
        SettingChange::DateStyle,
    );
    let hours = |day: &DayWindow| style.time_range(day.start, day.end);
    let [b, m, t] = [base, mine, theirs].map(Settings::practice_or_default);
    let practice = PracticeDetails {
        therapist: Therapist {
            name: merged.field(
                &b.therapist.name,
                &m.therapist.name,
                &t.therapist.name,
                "The therapist",
                quoted,
                SettingChange::TherapistName,
            ),
            contact: merged.field(
                &b.therapist.contact,
                &m.therapist.contact,
                &t.therapist.contact,
                "The therapist's contact",
                quoted,
                SettingChange::TherapistContact,
            ),
        },
        location: merged.field(&b.location, &m.location, &t.location, "The location", quoted, SettingChange::Location),
        day: merged.field(&b.day, &m.day, &t.day, "The usual hours", hours, SettingChange::Hours),
    };
    // No details kept on either side stay none: the first plan made keeps its own.
    if mine.practice.is_some() || theirs.practice.is_some() {
        merged.settings.practice = Some(practice);
    }
    merged
}

impl MergedSettings {
    /// What the form says once the merged settings are saved.
    pub fn said(&self) -> String {
        let mut said = String::from("Saved.");
        if !self.taken_in.is_empty() {
            let taken: Vec<String> = self.taken_in.iter().map(|what| what.to_lowercase()).collect();
            said = format!("Saved, with what another tab saved meanwhile kept: {}.", and_list(&taken));
        }
        if !self.clashes.is_empty() {
            said.push_str(" Another tab changed the same settings: its values are kept, and this form's are below.");
        }
        said + " New intensives start from these details; existing plans keep their own."
    }

    /// One setting, three ways, as a plan's field is merged.
    fn field<T: PartialEq + Clone>(
        &mut self,
        base: &T,
        mine: &T,
        theirs: &T,
        what: &'static str,
        words: impl Fn(&T) -> String,
        alternative: impl FnOnce(T) -> SettingChange,
    ) -> T {
        match changed(base, mine, theirs) {
            Changed::Neither => return theirs.clone(),
            Changed::Theirs => {
                self.taken_in.push(what);
                return theirs.clone();
            }
            Changed::Mine => return mine.clone(),
            Changed::Both => {}
        }
        self.clashes.push(SettingsClash {
            what,
            kept: words(theirs),
            other: words(mine),
            alternative: alternative(mine.clone()),
        });
        theirs.clone()
    }
}
