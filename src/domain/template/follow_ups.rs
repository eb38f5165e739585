//! The follow-up sessions a template plans after the last day: how many the therapist
//! asked for, spaced as asked, at the start of the intensive's usual hours.

use std::ops::RangeInclusive;

use chrono::TimeDelta;
use strum::{IntoStaticStr, VariantArray};

use super::TemplateRequest;
use crate::domain::kap::WhoDoses;
use crate::domain::model::{FollowUpId, FollowUpSession, Participants, PartnerSet};

/// How many follow-ups the new-intensive form offers (none is a choice).
pub const FOLLOW_UP_COUNTS: RangeInclusive<u8> = 0..=6;

/// Length of a templated follow-up session: a full integration session.
pub const FOLLOW_UP_MINUTES: u16 = 90;

/// How the follow-ups are spread over the weeks after the last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum FollowUpSpacing {
    /// One week after, then every four weeks: weeks 1, 4, 8, 12, …
    WeekThenMonthly,
    Weekly,
    #[strum(serialize = "two-weeks")]
    EveryTwoWeeks,
    /// Every four weeks: weeks 4, 8, 12, …
    Monthly,
}

impl FollowUpSpacing {
    pub fn label(self) -> &'static str {
        match self {
            FollowUpSpacing::WeekThenMonthly => "One week after, then every four weeks",
            FollowUpSpacing::Weekly => "Every week",
            FollowUpSpacing::EveryTwoWeeks => "Every two weeks",
            FollowUpSpacing::Monthly => "Every four weeks",
        }
    }

    /// Weeks after the last day of the `n`th follow-up (0-based).
    pub fn weeks_after(self, n: u8) -> i64 {
        let n = i64::from(n);
        match self {
            FollowUpSpacing::WeekThenMonthly if n == 0 => 1,
            FollowUpSpacing::WeekThenMonthly => 4 * n,
            FollowUpSpacing::Monthly => 4 * (n + 1),
            FollowUpSpacing::Weekly => n + 1,
            FollowUpSpacing::EveryTwoWeeks => 2 * (n + 1),
        }
    }
}

/// The follow-ups a new intensive asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FollowUpRequest {
    pub count: u8,
    pub spacing: FollowUpSpacing,
}

impl FollowUpRequest {
    /// What the form offers first: with medicine, integration at about one and four
    /// weeks; without, one follow-up a month later.
    pub fn usual(who_doses: WhoDoses) -> FollowUpRequest {
        if who_doses == WhoDoses::Nobody {
            FollowUpRequest { count: 1, spacing: FollowUpSpacing::Monthly }
        } else {
            FollowUpRequest { count: 2, spacing: FollowUpSpacing::WeekThenMonthly }
        }
    }
}

/// The follow-up sessions of `request`, numbered from 1.
pub(super) fn planned(request: &TemplateRequest) -> Vec<FollowUpSession> {
    let last_day = request.first_day + TimeDelta::days(i64::from(request.days.max(1)) - 1);
    let doses = request.kap.who_doses.partners();
    (0..request.follow_ups.count.min(*FOLLOW_UP_COUNTS.end()))
        .map(|n| {
            let (title, kap_for, notes) = if doses == PartnerSet::NONE {
                ("Follow-up session", None, "How the changes from the intensive are holding, and what comes next.")
            } else {
                (
                    "Integration follow-up",
                    Some(doses),
                    "Bring your journal: what has stayed with you since the medicine sessions, what has changed \
                     between you, and what you want to work on next.",
                )
            };
            FollowUpSession {
                id: FollowUpId(u32::from(n) + 1),
                date: last_day + TimeDelta::weeks(request.follow_ups.spacing.weeks_after(n)),
                start: request.window.start,
                minutes: FOLLOW_UP_MINUTES,
                title: title.to_string(),
                who: Participants::BothWithTherapist,
                kap_for,
                couple_notes: notes.to_string(),
                private_notes: String::new(),
            }
        })
        .collect()
}
