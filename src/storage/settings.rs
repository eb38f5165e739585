//! The settings record (`settings`): the date and time style and the practice details,
//! in a versioned envelope of its own. A record that cannot be read never blocks the
//! app: it is set aside like an unreadable plan, and the defaults stand until the
//! person saves settings again.

use serde::{Deserialize, Serialize};

use super::book::PlanBook;
use super::error::FormatError;
use super::keys::settings_key;
use super::store::{KeyValue, PlanStore, StoreError, Unreadable};
use crate::domain::dates::DateStyle;
use crate::domain::merge::settings::{merge_settings, MergedSettings};
use crate::domain::settings::Settings;

const FORMAT: &str = "intensive-planner/settings";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct SettingsRecord {
    format: String,
    version: u32,
    settings: Settings,
}

/// Reads a settings record's text, saying what is wrong with one that is not.
pub fn decode_settings(text: &str) -> Result<Settings, FormatError> {
    let record: SettingsRecord = super::format::read(text, false).map_err(|e| match e {
        FormatError::Shape(detail) | FormatError::NotJson(detail) => FormatError::Settings(format!("{detail}.")),
        other => other,
    })?;
    if record.format != FORMAT {
        return Err(FormatError::Settings(format!("it is not a settings record (format {:?}).", record.format)));
    }
    if record.version != VERSION {
        return Err(FormatError::Settings(format!(
            "it was written as version {}, and this app reads version {VERSION}.",
            record.version
        )));
    }
    match record.settings.problems() {
        problems if problems.is_empty() => Ok(record.settings),
        problems => Err(FormatError::Settings(problems.join(" "))),
    }
}

pub fn encode_settings(settings: &Settings) -> Result<String, StoreError> {
    let record = SettingsRecord { format: FORMAT.into(), version: VERSION, settings: settings.clone() };
    serde_json::to_string(&record).map_err(|e| StoreError::Invalid(vec![e.to_string()]))
}

impl<S: KeyValue> PlanStore<S> {
    /// The stored settings, or the defaults when there are none; a record that cannot
    /// be read gives the defaults and is set aside, and reported.
    pub fn settings(&mut self) -> (Settings, Option<Unreadable>) {
        let key = settings_key();
        let Some(raw) = self.kv.get(&key).ok().flatten() else { return (Settings::default(), None) };
        match decode_settings(&raw) {
            Ok(settings) => (settings, None),
            Err(reason) => {
                let aside = self.set_aside(&key, &raw);
                (Settings::default(), Some(Unreadable { key, aside, raw, reason }))
            }
        }
    }

    /// Stores the settings in place of what is there (checked by the book first): an
    /// unreadable record was set aside when it was read, so its text is kept.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        self.kv.set(&settings_key(), &encode_settings(settings)?)
    }
}

impl PlanBook {
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The style every date and time is worded in for this reader.
    pub fn style(&self) -> DateStyle {
        self.settings.style(&self.language)
    }

    /// Stores `to`, settings changed from `from` (what a form opened with), merged with
    /// whatever is stored now: another tab's save since is kept, never swapped out.
    /// Sound settings stand in this tab even when the store refuses (full, blocked):
    /// the error says they are not kept.
    pub fn change_settings<S: KeyValue>(
        &mut self,
        from: &Settings,
        to: Settings,
        store: &mut PlanStore<S>,
    ) -> Result<MergedSettings, StoreError> {
        if let Some(problem) = to.problems().into_iter().next() {
            return Err(StoreError::Invalid(vec![problem]));
        }
        // Read now, not when the last storage event came: another tab may have just saved.
        let (stored, unreadable) = store.settings();
        let theirs = if unreadable.is_some() { self.settings.clone() } else { stored };
        let browser = DateStyle::for_language(&self.language);
        let merged = merge_settings(from, &to, &theirs, browser, to.style(&self.language));
        self.settings = merged.settings.clone();
        let saved = store.save_settings(&self.settings);
        self.settings_unsaved = saved.is_err();
        if let Err(problem) = &saved {
            self.problem = Some(problem.clone());
        }
        saved.map(|()| merged)
    }

    /// The settings as stored, unless this tab holds some the store refused.
    pub(super) fn reread_settings<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        let (settings, unreadable) = store.settings();
        if !self.settings_unsaved {
            self.settings = settings;
        }
        self.unreadable.extend(unreadable);
    }

    /// Tries again to store settings the store refused; true once none are waiting.
    pub(super) fn write_settings_again<S: KeyValue>(&mut self, store: &mut PlanStore<S>) -> bool {
        if self.settings_unsaved {
            match store.save_settings(&self.settings) {
                Ok(()) => self.settings_unsaved = false,
                Err(problem) => self.problem = Some(problem),
            }
        }
        !self.settings_unsaved
    }
}
