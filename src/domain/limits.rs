//! Clinical limits the rules use. Each plan carries its own, starting from the
//! defaults the README's rules table gives, and each may be made stricter for that plan,
//! never looser: the loose end of every range is the default.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleLimits {
    /// No meal this many hours before a dosing session (R5).
    pub fasting_hours: u8,
    /// Most dosing sessions one partner may have in this intensive (R6).
    pub max_dosings_per_partner: u8,
    /// Least time from the end of one dosing of a partner to the start of their next (R6).
    pub min_hours_between_dosings: u8,
    /// An integration session must begin within this many hours of a dosing's end (R1).
    pub integration_window_hours: u8,
    /// Longest run of session time before a break is due (R9).
    pub max_minutes_without_break: u16,
    /// Shortest and longest sensible dosing session (R10).
    pub dosing_min_minutes: u16,
    pub dosing_max_minutes: u16,
    /// A day at least this long needs a lunch block (R9).
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
    /// These limits with every one brought inside its range, which only ever makes a
    /// rule stricter: how a plan from an older version, which allowed looser limits, is read.
    pub fn within_ranges(self) -> RuleLimits {
        EditableLimit::VARIANTS.iter().copied().fold(self, |limits, limit| limit.set(limits, limit.get(&limits)))
    }

    /// One sentence for each limit outside its range, naming the stored field: the one
    /// check every path in (files, links, backups, merges, edits) runs through `validate`.
    pub fn out_of_range(&self) -> Vec<String> {
        EditableLimit::VARIANTS
            .iter()
            .copied()
            .filter_map(|limit| {
                let value = limit.get(self);
                let (min, max) = limit.range_in(self);
                (!(min..=max).contains(&value)).then(|| {
                    format!(
                        "The limit \u{201c}{}\u{201d} (limits.{}) is {value}; it may be {min} to {max}.",
                        limit.label(),
                        limit.field()
                    )
                })
            })
            .collect()
    }
}

/// One clinical limit of a plan, with the range the therapist may set it within.
/// Its value names the field in the plan file, so a refusal points at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum EditableLimit {
    FastingHours,
    MaxDosingsPerPartner,
    MinHoursBetweenDosings,
    IntegrationWindowHours,
    MaxMinutesWithoutBreak,
    DosingMinMinutes,
    DosingMaxMinutes,
    FullDayHours,
}

impl EditableLimit {
    pub fn label(self) -> &'static str {
        match self {
            EditableLimit::FastingHours => "Fasting hours before dosing (at least)",
            EditableLimit::MaxDosingsPerPartner => "Most dosings per partner",
            EditableLimit::MinHoursBetweenDosings => "Hours between doses (at least)",
            EditableLimit::IntegrationWindowHours => "Integration within (hours)",
            EditableLimit::MaxMinutesWithoutBreak => "Minutes of sessions before a break (at most)",
            EditableLimit::DosingMinMinutes => "Shortest dosing session (minutes)",
            EditableLimit::DosingMaxMinutes => "Longest dosing session (minutes)",
            EditableLimit::FullDayHours => "A day needs lunch from this many hours",
        }
    }

    /// The field's name in the plan file, so a refusal points at it.
    pub fn field(self) -> &'static str {
        self.into()
    }

    /// Lowest and highest value allowed, inclusive, on their own. The default is the
    /// loose end: at least 4 hours' fast, at most two doses 24 hours apart, integration
    /// within 72 hours, a break after at most 2 hours, a dose of 2.5 to 4 hours, lunch on
    /// every day of 6 hours or more.
    pub fn range(self) -> (u16, u16) {
        match self {
            EditableLimit::FastingHours => (4, 12),
            EditableLimit::MaxDosingsPerPartner => (1, 2),
            EditableLimit::MinHoursBetweenDosings => (24, 168),
            EditableLimit::IntegrationWindowHours => (12, 72),
            EditableLimit::MaxMinutesWithoutBreak => (60, 120),
            EditableLimit::DosingMinMinutes | EditableLimit::DosingMaxMinutes => (150, 240),
            EditableLimit::FullDayHours => (3, 6),
        }
    }

    /// The range beside the other limits: the shortest dosing may not pass the longest.
    pub fn range_in(self, limits: &RuleLimits) -> (u16, u16) {
        let (min, max) = self.range();
        match self {
            EditableLimit::DosingMinMinutes => (min, max.min(limits.dosing_max_minutes).max(min)),
            EditableLimit::DosingMaxMinutes => (min.max(limits.dosing_min_minutes).min(max), max),
            _ => (min, max),
        }
    }

    /// The step a form offers: minutes on the 15-minute grid, hours and counts by one.
    pub fn step(self) -> u16 {
        match self {
            EditableLimit::MaxMinutesWithoutBreak
            | EditableLimit::DosingMinMinutes
            | EditableLimit::DosingMaxMinutes => crate::domain::time::GRID_MINUTES as u16,
            _ => 1,
        }
    }

    pub fn get(self, limits: &RuleLimits) -> u16 {
        match self {
            EditableLimit::FastingHours => limits.fasting_hours.into(),
            EditableLimit::MaxDosingsPerPartner => limits.max_dosings_per_partner.into(),
            EditableLimit::MinHoursBetweenDosings => limits.min_hours_between_dosings.into(),
            EditableLimit::IntegrationWindowHours => limits.integration_window_hours.into(),
            EditableLimit::MaxMinutesWithoutBreak => limits.max_minutes_without_break,
            EditableLimit::DosingMinMinutes => limits.dosing_min_minutes,
            EditableLimit::DosingMaxMinutes => limits.dosing_max_minutes,
            EditableLimit::FullDayHours => limits.full_day_hours.into(),
        }
    }

    /// `limits` with this one set to `value`, kept inside its range.
    pub fn set(self, limits: RuleLimits, value: u16) -> RuleLimits {
        let (min, max) = self.range_in(&limits);
        self.stored_as(limits, value.clamp(min, max))
    }

    /// `limits` with this one holding `value` as given, inside its range or not.
    fn stored_as(self, limits: RuleLimits, value: u16) -> RuleLimits {
        // Every range above fits a byte where the field is one.
        let byte = u8::try_from(value).unwrap_or(u8::MAX);
        let mut next = limits;
        match self {
            EditableLimit::FastingHours => next.fasting_hours = byte,
            EditableLimit::MaxDosingsPerPartner => next.max_dosings_per_partner = byte,
            EditableLimit::MinHoursBetweenDosings => next.min_hours_between_dosings = byte,
            EditableLimit::IntegrationWindowHours => next.integration_window_hours = byte,
            EditableLimit::MaxMinutesWithoutBreak => next.max_minutes_without_break = value,
            EditableLimit::DosingMinMinutes => next.dosing_min_minutes = value,
            EditableLimit::DosingMaxMinutes => next.dosing_max_minutes = value,
            EditableLimit::FullDayHours => next.full_day_hours = byte,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_the_loose_end_of_its_range() {
        let defaults = RuleLimits::default();
        assert!(defaults.out_of_range().is_empty());
        for &limit in EditableLimit::VARIANTS {
            let (min, max) = limit.range();
            let default = limit.get(&defaults);
            // Fewer doses, a shorter window, a shorter run, a shorter full day are
            // stricter; a longer fast, longer spacing and a longer shortest dose are too.
            let loose_end = match limit {
                EditableLimit::FastingHours
                | EditableLimit::MinHoursBetweenDosings
                | EditableLimit::DosingMinMinutes => min,
                _ => max,
            };
            assert_eq!(default, loose_end, "{limit:?}");
        }
    }

    #[test]
    fn each_limit_is_refused_one_step_outside_its_range_and_kept_inside_it() {
        let defaults = RuleLimits::default();
        for &limit in EditableLimit::VARIANTS {
            let (min, max) = limit.range_in(&defaults);
            for (value, inside) in [(min, true), (max, true), (max + 1, false), (min - 1, false)] {
                // As a file could hold it, unclamped.
                let limits = limit.stored_as(defaults, value);
                let problems = limits.out_of_range();
                assert_eq!(problems.is_empty(), inside, "{limit:?} at {value}: {problems:?}");
                if !inside {
                    assert!(problems[0].contains(&format!("limits.{}", limit.field())), "{problems:?}");
                    assert!(problems[0].contains(&format!("may be {min} to {max}")), "{problems:?}");
                }
                assert!(limits.within_ranges().out_of_range().is_empty(), "{limit:?} at {value}");
                assert_eq!(limit.get(&limit.set(defaults, value)), value.clamp(min, max));
            }
            // Setting one limit leaves the others alone.
            let changed = limit.set(defaults, min);
            for other in EditableLimit::VARIANTS.iter().copied().filter(|o| *o != limit) {
                assert_eq!(other.get(&changed), other.get(&defaults), "{limit:?} moved {other:?}");
            }
        }
    }

    #[test]
    fn the_shortest_dosing_never_passes_the_longest() {
        let narrowed = EditableLimit::DosingMaxMinutes.set(RuleLimits::default(), 180);
        assert_eq!(EditableLimit::DosingMinMinutes.range_in(&narrowed), (150, 180));
        assert_eq!(EditableLimit::DosingMinMinutes.set(narrowed, 210).dosing_min_minutes, 180);
        let crossed = RuleLimits { dosing_min_minutes: 210, ..narrowed };
        assert_eq!(crossed.out_of_range().len(), 2, "both ends name the crossing");
        let mended = crossed.within_ranges();
        assert!(mended.dosing_min_minutes <= mended.dosing_max_minutes);
        assert!(mended.out_of_range().is_empty());
        let raised = EditableLimit::DosingMinMinutes.set(RuleLimits::default(), 200);
        assert_eq!(EditableLimit::DosingMaxMinutes.set(raised, 160).dosing_max_minutes, 200);
    }
}
