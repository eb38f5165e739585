//! Where each record lives in the key-value store: one key per plan, per version last
//! shared, per clash list and per template, the settings, the index, and the copies of
//! unreadable records set aside.

const PREFIX: &str = "intensive-planner";

pub fn plan_key(id: &str) -> String {
    format!("{PREFIX}/plan/{id}")
}
/// The version of a plan this browser last sent or received (a share link copied, a
/// plan file downloaded, an arriving copy taken in): what an arriving copy is merged
/// against.
pub fn shared_key(id: &str) -> String {
    format!("{PREFIX}/shared/{id}")
}
/// The clashes a merge left on a plan (`clashes.rs`).
pub fn clashes_key(id: &str) -> String {
    format!("{PREFIX}/clashes/{id}")
}
/// A template of the therapist's own (`templates.rs`).
pub fn template_key(id: &str) -> String {
    format!("{PREFIX}/template/{id}")
}
/// The settings record (`settings.rs`).
pub fn settings_key() -> String {
    format!("{PREFIX}/settings")
}
pub fn index_key() -> String {
    format!("{PREFIX}/index")
}
/// Where a copy of an unreadable record is kept; a second, different one gets a number.
pub fn aside_key(key: &str, copy: usize) -> String {
    match copy {
        0 | 1 => format!("{PREFIX}/aside/{key}"),
        n => format!("{PREFIX}/aside/{key}#{n}"),
    }
}
