//! Clinical limits the rules use; each plan carries its own, starting from the
//! defaults of the product brief.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleLimits {
    /// No meal this many hours before a dosing session (rule 5).
    pub fasting_hours: u8,
    /// Most dosing sessions one partner may have in this intensive (rule 6).
    pub max_dosings_per_partner: u8,
    /// Least time between the starts of two dosings of one partner (rule 6).
    pub min_hours_between_dosings: u8,
    /// An integration session must begin within this many hours of a dosing's end (rule 1).
    pub integration_window_hours: u8,
    /// Longest run of session time before a break is due (rule 9).
    pub max_minutes_without_break: u16,
    /// Shortest and longest sensible dosing session (rule 10).
    pub dosing_min_minutes: u16,
    pub dosing_max_minutes: u16,
    /// A day at least this long needs a lunch block (rule 9).
    pub full_day_hours: u8,
}

impl Default for RuleLimits {
    fn default() -> Self {
        RuleLimits {
            fasting_hours: 4,
            max_dosings_per_partner: 2,
            min_hours_between_dosings: 24,
            integration_window_hours: 72,
            max_minutes_without_break: 120,
            dosing_min_minutes: 150,
            dosing_max_minutes: 240,
            full_day_hours: 6,
        }
    }
}
