//! A stored record that could not be read: where it is, where its copy was set aside,
//! its raw text, why, and what the person is told of it. Plans, the index, the settings
//! and templates are each set aside this way (`store.rs`, `settings.rs`, `templates.rs`).

use super::format::{stored_title, FormatError};
use super::keys::{index_key, plan_key, settings_key, template_key};

/// A record that could not be read. It stays where it was found, with a copy set
/// aside; the raw text is kept so the person can download it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    /// Where the copy set aside is.
    pub aside: String,
    pub raw: String,
    pub reason: FormatError,
}

impl Unreadable {
    /// How to name it: its title when the JSON still shows one, else its id.
    pub fn name(&self) -> String {
        if self.key == index_key() {
            return "the list that keeps the plans in order".to_string();
        }
        if self.is_settings() {
            return "the settings".to_string();
        }
        if self.is_template() {
            let id = self.key.rsplit('/').next().unwrap_or_default();
            return format!("the template stored as {id}");
        }
        let id = self.key.rsplit('/').next().unwrap_or_default();
        match stored_title(&self.raw) {
            Some(title) => format!("\u{201c}{}\u{201d} ({id})", title.chars().take(80).collect::<String>()),
            None => id.to_string(),
        }
    }

    pub fn is_settings(&self) -> bool {
        self.key == settings_key()
    }

    pub fn is_template(&self) -> bool {
        self.key.starts_with(&template_key(""))
    }

    /// The id of the plan it is stored as, for a plan record.
    pub fn plan_id(&self) -> Option<&str> {
        self.key.strip_prefix(&plan_key(""))
    }

    /// What the person is told: what it is, why it cannot be read, and what was done.
    pub fn notice(&self) -> String {
        let reason = &self.reason;
        if self.is_settings() {
            return format!(
                "The settings could not be read: {reason} The usual settings are used instead, and the unreadable \
                 copy has been set aside. "
            );
        }
        if self.is_template() {
            return format!(
                "One of your templates could not be read ({}): {reason} It is not listed; it has been left untouched \
                 and a copy set aside. ",
                self.name()
            );
        }
        match self.plan_id() {
            Some(_) => format!(
                "A stored plan could not be read ({}): {reason} It has been left untouched and a copy set aside. ",
                self.name()
            ),
            None => format!(
                "The list that keeps the plans in order could not be read: {reason} It has been set aside, and the \
                 plans are listed by their ids. "
            ),
        }
    }
}
