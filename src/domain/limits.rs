//! Clinical limits the rules use; each plan carries its own, starting from the
//! defaults of the product brief.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleLimits {
    /// No meal this many hours before a dosing session (rule 5).
    pub fasting_hours: u8,
    /// Most dosing sessions one partner may have in this intensive (rule 6).
    pub max_dosings_per_partner: u8,
    /// Least time from the end of one dosing of a partner to the start of their next (rule 6).
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

impl RuleLimits {
    /// These limits with every editable one brought inside its range: how a plan from
    /// an older version, which allowed looser limits, is read.
    pub fn within_ranges(self) -> RuleLimits {
        EditableLimit::ALL.into_iter().fold(self, |limits, limit| limit.set(limits, limit.get(&limits)))
    }
}

/// A limit the therapist may change for one plan, with the range allowed for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditableLimit {
    FastingHours,
    MaxDosingsPerPartner,
    MinHoursBetweenDosings,
    IntegrationWindowHours,
}

impl EditableLimit {
    pub const ALL: [EditableLimit; 4] = [
        EditableLimit::FastingHours,
        EditableLimit::MaxDosingsPerPartner,
        EditableLimit::MinHoursBetweenDosings,
        EditableLimit::IntegrationWindowHours,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EditableLimit::FastingHours => "Fasting hours before dosing",
            EditableLimit::MaxDosingsPerPartner => "Most dosings per partner",
            EditableLimit::MinHoursBetweenDosings => "Hours between doses (at least)",
            EditableLimit::IntegrationWindowHours => "Integration within (hours)",
        }
    }

    /// Lowest and highest value allowed, inclusive. A safety limit may be made stricter
    /// than the product brief's, never looser: at most two doses, at least 24 hours
    /// between them, integration within 72 hours.
    pub fn range(self) -> (u8, u8) {
        match self {
            EditableLimit::FastingHours => (0, 12),
            EditableLimit::MaxDosingsPerPartner => (1, 2),
            EditableLimit::MinHoursBetweenDosings => (24, 168),
            EditableLimit::IntegrationWindowHours => (12, 72),
        }
    }

    /// Whether `limits` holds a value of this limit outside its range.
    pub fn out_of_range(self, limits: &RuleLimits) -> Option<u8> {
        let (min, max) = self.range();
        let value = self.get(limits);
        (!(min..=max).contains(&value)).then_some(value)
    }

    pub fn get(self, limits: &RuleLimits) -> u8 {
        match self {
            EditableLimit::FastingHours => limits.fasting_hours,
            EditableLimit::MaxDosingsPerPartner => limits.max_dosings_per_partner,
            EditableLimit::MinHoursBetweenDosings => limits.min_hours_between_dosings,
            EditableLimit::IntegrationWindowHours => limits.integration_window_hours,
        }
    }

    /// `limits` with this one set to `value`, kept inside its range.
    pub fn set(self, limits: RuleLimits, value: u8) -> RuleLimits {
        let (min, max) = self.range();
        let value = value.clamp(min, max);
        let mut next = limits;
        match self {
            EditableLimit::FastingHours => next.fasting_hours = value,
            EditableLimit::MaxDosingsPerPartner => next.max_dosings_per_partner = value,
            EditableLimit::MinHoursBetweenDosings => next.min_hours_between_dosings = value,
            EditableLimit::IntegrationWindowHours => next.integration_window_hours = value,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editable_limits_stay_in_range_and_the_defaults_are_inside_it() {
        let defaults = RuleLimits::default();
        for limit in EditableLimit::ALL {
            let (min, max) = limit.range();
            assert!((min..=max).contains(&limit.get(&defaults)), "{limit:?}");
            assert_eq!(limit.get(&limit.set(defaults, u8::MAX)), max);
            assert_eq!(limit.get(&limit.set(defaults, 0)), min);
            let inside = limit.set(defaults, min.saturating_add(1).min(max));
            assert_eq!(limit.get(&inside), min.saturating_add(1).min(max));
        }
        // One step outside either edge is out of range and brought back inside it.
        for limit in EditableLimit::ALL {
            let (min, max) = limit.range();
            for (value, inside) in [(min, true), (max, true), (max.saturating_add(1), false)]
                .into_iter()
                .chain(min.checked_sub(1).map(|below| (below, false)))
            {
                let limits = match limit {
                    EditableLimit::FastingHours => RuleLimits { fasting_hours: value, ..defaults },
                    EditableLimit::MaxDosingsPerPartner => RuleLimits { max_dosings_per_partner: value, ..defaults },
                    EditableLimit::MinHoursBetweenDosings => {
                        RuleLimits { min_hours_between_dosings: value, ..defaults }
                    }
                    EditableLimit::IntegrationWindowHours => RuleLimits { integration_window_hours: value, ..defaults },
                };
                assert_eq!(limit.out_of_range(&limits).is_none(), inside, "{limit:?} at {value}");
                assert!(limit.out_of_range(&limits.within_ranges()).is_none());
            }
        }
        assert_eq!(RuleLimits { integration_window_hours: 168, ..defaults }.within_ranges(), defaults);
        // Setting one limit leaves the others alone.
        let changed = EditableLimit::FastingHours.set(defaults, 6);
        assert_eq!(RuleLimits { fasting_hours: 4, ..changed }, defaults);
    }
}
