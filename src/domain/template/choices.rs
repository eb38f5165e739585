//! Which of the form's dosing choices make a schedule with the other answers as they
//! stand, and why not, so the form offers only what it can build and says why beside the
//! choice. Each is decided by building the plan the choice would make.

use super::{build_plan, TemplateRequest};
use crate::domain::kap::{BothDosing, Placement, WhoDoses};

/// Why a choice can't be taken, as the sentence the form shows beside it; `None` for
/// each that can.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChoiceRefusals {
    pub midway: Option<String>,
    pub opening: Option<String>,
    pub two_sessions: Option<String>,
    pub separate: Option<String>,
}

impl ChoiceRefusals {
    /// The reason beside the placement choice: the refused placement, if either is.
    pub fn placement(&self) -> Option<&str> {
        self.midway.as_deref().or(self.opening.as_deref())
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
        two_sessions: refusal(request, "A second session", |r| r.kap.sessions_per_partner = 2),
        separate: (request.kap.who_doses == WhoDoses::Both)
            .then(|| refusal(request, "Separate sessions", |r| r.kap.both_dosing = BothDosing::SeparateSessions))
            .flatten(),
    }
}
