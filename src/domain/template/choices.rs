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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kap::KapSettings;
    use crate::domain::model::{DayWindow, IntensiveKind, Partners, Therapist};

    fn asking(days: u8, who: WhoDoses) -> TemplateRequest {
        TemplateRequest {
            kind: IntensiveKind::Couples,
            days,
            first_day: chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default(),
            window: DayWindow::standard(),
            partners: Partners { a: "Sam".into(), b: "Alex".into() },
            therapist: Therapist::default(),
            location: String::new(),
            kap: KapSettings { who_doses: who, ..KapSettings::default() },
        }
    }

    #[test]
    fn a_one_day_intensive_offers_no_midway_and_no_second_session_and_says_why() {
        let refused = choice_refusals(&asking(1, WhoDoses::PartnerA));
        assert!(refused.midway.as_deref().is_some_and(
            |why| why.starts_with("Midway is not offered with these answers: A 1-day intensive has no midway")
        ));
        assert!(refused.two_sessions.as_deref().is_some_and(|why| why.contains("do not fit a 1-day intensive")));
        assert_eq!((refused.opening, refused.separate), (None, None));
        let both = choice_refusals(&asking(1, WhoDoses::Both));
        assert!(both.separate.is_some(), "two separate sessions do not fit one day");
    }

    #[test]
    fn every_choice_offered_builds_and_every_refused_one_does_not() {
        for days in 1..=7 {
            for who in [WhoDoses::PartnerA, WhoDoses::Both] {
                for sessions in [1, 2] {
                    let mut request = asking(days, who);
                    request.kap.sessions_per_partner = sessions;
                    let refused = choice_refusals(&request);
                    let mut midway = request.clone();
                    midway.kap.placement = Placement::Midway;
                    assert_eq!(refused.midway.is_none(), build_plan("m", &midway).is_ok(), "{days} {who:?} {sessions}");
                    let mut two = request.clone();
                    two.kap.sessions_per_partner = 2;
                    assert_eq!(refused.two_sessions.is_none(), build_plan("t", &two).is_ok(), "{days} {who:?}");
                }
            }
        }
        assert_eq!(choice_refusals(&asking(3, WhoDoses::Nobody)), ChoiceRefusals::default());
    }
}
