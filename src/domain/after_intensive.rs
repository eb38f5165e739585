//! The follow-up sessions as the couple's page and the printed agenda list them, in
//! date order. Private notes only when asked for (the therapist's printed copy).

use chrono::NaiveDate;

use super::dates::DateStyle;
use super::model::{FollowUpSession, Participants, Plan};
use super::words::who_for_couple;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FollowUpWords {
    /// "Thursday 10 December 2026"
    pub date: String,
    pub time: String,
    pub title: String,
    pub who: String,
    pub notes: String,
    /// Empty unless the therapist's copy asked for private notes.
    pub private_notes: String,
}

pub fn follow_up_words(plan: &Plan, style: DateStyle, with_private_notes: bool) -> Vec<FollowUpWords> {
    plan.follow_ups_in_order()
        .into_iter()
        .map(|session| FollowUpWords {
            date: style.long(session.date),
            time: session.time_range(style),
            title: session.title.clone(),
            who: who_for_couple(session.who, &plan.partners, &plan.therapist.name),
            notes: session.couple_notes.trim().to_string(),
            private_notes: if with_private_notes { session.private_notes.trim().to_string() } else { String::new() },
        })
        .collect()
}

/// A follow-up in one line, as the integration card names it: "Integration follow-up:
/// Thu 10 Dec, 09:00–10:30 (Sam and Alex with Dr Lee)".
pub fn follow_up_line(plan: &Plan, session: &FollowUpSession, style: DateStyle) -> String {
    session_line(plan, style, &session.title, session.date, &session.time_range(style), session.who)
}

/// Any session of the plan in one line, block or follow-up.
pub fn session_line(
    plan: &Plan,
    style: DateStyle,
    title: &str,
    date: NaiveDate,
    time: &str,
    who: Participants,
) -> String {
    let who = who_for_couple(who, &plan.partners, &plan.therapist.name);
    format!("{title}: {}, {time} ({who})", style.short(date))
}

/// What the couple's page says when no follow-up is planned.
pub const NO_FOLLOW_UPS: &str =
    "No follow-up sessions are planned yet. Integration goes on after the intensive: ask your therapist about them.";
