//! Which of the form's dosing choices make a schedule with the other answers as they
//! stand, and why not, so the form offers only what it can build and says why beside the
//! choice. Each is decided by building the plan the choice would make.

use std::ops::RangeInclusive;

use super::{build_plan, TemplateRequest};
use crate::domain::kap::{BothDosing, Placement, WhoDoses};

/// Why a choice can't be taken, as the sentence the form shows beside it; `None` for
/// each that can.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChoiceRefusals {
    pub midway: Option<String>,
    pub opening: Option<String>,
    /// For each count of sessions per partner past the first, why it is refused.
    pub more_sessions: Vec<(u8, String)>,
    pub separate: Option<String>,
}

/// How many dosing sessions per partner the templates place; the form offers these.
pub const SESSIONS_PER_PARTNER: RangeInclusive<u8> = 1..=2;

impl ChoiceRefusals {
    /// The reason beside the placement choice: the refused placement, if either is.
    pub fn placement(&self) -> Option<&str> {
        self.midway.as_deref().or(self.opening.as_deref())
    }

    pub fn placement_refused(&self, placement: Placement) -> bool {
        match placement {
            Placement::Opening => self.opening.is_some(),
            Placement::Midway => self.midway.is_some(),
        }
    }

    /// Why `count` sessions per partner are refused, if they are.
    pub fn sessions(&self, count: u8) -> Option<&str> {
        self.more_sessions.iter().find(|(n, _)| *n == count).map(|(_, why)| why.as_str())
    }

    /// The reason beside the sessions choice: the first refused count's.
    pub fn all_sessions(&self) -> Option<&str> {
        self.more_sessions.first().map(|(_, why)| why.as_str())
    }
}

/// The refusal, if any, of `request` changed by `choose`, for the choice named `label`.
fn refusal(request: &TemplateRequest, label: &str, choose: impl FnOnce(&mut TemplateRequest)) -> Option<String> {
    let mut chosen = request.clone();
    choose(&mut chosen);
    build_plan("choice", &chosen).err().map(|error| format!("{label} is not offered with these answers: {error}"))
}

/// For each dosing choice, why it can't make a schedule with the other answers.
pub fn choice_refusals(request: &TemplateRequest) -> ChoiceRefusals {
    if request.kap.who_doses == WhoDoses::Nobody {
        return ChoiceRefusals::default();
    }
    ChoiceRefusals {
        midway: refusal(request, "Midway", |r| r.kap.placement = Placement::Midway),
        opening: refusal(request, "Opening", |r| r.kap.placement = Placement::Opening),
        more_sessions: SESSIONS_PER_PARTNER
            .skip(1)
            .filter_map(|n| {
                let label = if n == 2 { "A second session".to_string() } else { format!("{n} sessions") };
                refusal(request, &label, |r| r.kap.sessions_per_partner = n).map(|why| (n, why))
            })
            .collect(),
        separate: (request.kap.who_doses == WhoDoses::Both)
            .then(|| refusal(request, "Separate sessions", |r| r.kap.both_dosing = BothDosing::SeparateSessions))
            .flatten(),
    }
}
