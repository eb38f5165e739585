//! The edits of the follow-ups and of the integration guide, made on the plan that
//! `edit::apply` then checks as a whole.

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::edit_checks::{check_text, fit_start, EditError, MAX_BLOCK_MINUTES};
use super::model::*;
use super::time::{minute_of_day, snap_length, MINUTES_PER_DAY};
use super::validate::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};

/// One change to the integration guide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GuideChange {
    DaysFor(String),
    Prompt(usize, String),
    AddPrompt(String),
    RemovePrompt(usize),
    /// Every prompt at once (a version chosen after two tabs changed the list).
    Prompts(Vec<String>),
    /// Back to the guide every new plan starts with.
    Defaults,
}

/// The default date of a new follow-up: a week after the latest one, or after the last day.
pub fn next_follow_up_date(plan: &Plan) -> NaiveDate {
    let latest = plan.follow_ups.iter().map(|f| f.date).max().unwrap_or(plan.last_date()).max(plan.last_date());
    let last_allowed = plan.last_date() + TimeDelta::days(MAX_DAYS_AFTER);
    (latest + TimeDelta::weeks(1)).min(last_allowed)
}

/// Refuses new dates of the intensive (`next`) that would leave a follow-up, in its
/// window before, outside it: the follow-ups stay on their dates, so the person moves
/// one first. The refusal names it, so the words need no date style.
pub(super) fn none_stranded(before: &Plan, next: &Plan) -> Result<(), EditError> {
    let stranded = next
        .follow_ups_in_order()
        .into_iter()
        .find(|session| check_date(next, session.date).is_err() && check_date(before, session.date).is_ok());
    stranded.map_or(Ok(()), |session| Err(EditError::FirstDayStrandsFollowUp(session.title.clone())))
}

fn follow_up_mut(plan: &mut Plan, id: FollowUpId) -> Result<&mut FollowUpSession, EditError> {
    plan.follow_ups.iter_mut().find(|f| f.id == id).ok_or(EditError::NoSuchFollowUp)
}

fn check_date(plan: &Plan, date: NaiveDate) -> Result<NaiveDate, EditError> {
    let last = plan.last_date();
    if (1..=MAX_DAYS_AFTER).contains(&(date - last).num_days()) {
        Ok(date)
    } else {
        Err(EditError::FollowUpDate)
    }
}

fn fit(start: NaiveTime, minutes: u16) -> NaiveTime {
    fit_start(minute_of_day(start), minutes)
}

pub(super) fn add(
    plan: &mut Plan,
    date: NaiveDate,
    start: NaiveTime,
    minutes: u16,
    who: Participants,
) -> Result<(), EditError> {
    if plan.follow_ups.len() >= MAX_FOLLOW_UPS {
        return Err(EditError::TooManyFollowUps);
    }
    let date = check_date(plan, date)?;
    let minutes = snap_length(i64::from(minutes), MAX_BLOCK_MINUTES);
    let id = fresh_id(plan);
    let doses = plan.dosing_partners();
    plan.follow_ups.push(FollowUpSession {
        id,
        date,
        start: fit(start, minutes),
        minutes,
        title: if doses == PartnerSet::NONE { "Follow-up session" } else { "Integration follow-up" }.to_string(),
        who,
        kap_for: Some(doses.intersection(who.partners())).filter(|set| !set.is_empty()),
        couple_notes: String::new(),
        private_notes: String::new(),
    });
    Ok(())
}

/// An id no follow-up of the plan has, taken from its counter.
fn fresh_id(plan: &mut Plan) -> FollowUpId {
    let taken = |id: u32| plan.follow_ups.iter().any(|f| f.id.0 == id);
    let id = (plan.next_follow_up_id..u32::MAX).chain(1..plan.next_follow_up_id).find(|id| !taken(*id)).unwrap_or(1);
    plan.next_follow_up_id = plan.next_follow_up_id.max(id.saturating_add(1));
    FollowUpId(id)
}

/// Puts back a session whole, under an id of its own (its old one may be taken since).
pub(super) fn restore(plan: &mut Plan, session: &FollowUpSession) -> Result<(), EditError> {
    if plan.follow_ups.len() >= MAX_FOLLOW_UPS {
        return Err(EditError::TooManyFollowUps);
    }
    check_date(plan, session.date)?;
    let id = fresh_id(plan);
    plan.follow_ups.push(FollowUpSession { id, ..session.clone() });
    Ok(())
}

pub(super) fn change(plan: &mut Plan, id: FollowUpId, change: &FollowUpChange) -> Result<(), EditError> {
    let change = match change {
        FollowUpChange::Date(date) => FollowUpChange::Date(check_date(plan, *date)?),
        FollowUpChange::Text(field, text) => {
            let max = if *field == FollowUpText::Title { MAX_TITLE_CHARS } else { MAX_NOTE_CHARS };
            FollowUpChange::Text(*field, check_text(text, max)?)
        }
        other => other.clone(),
    };
    let session = follow_up_mut(plan, id)?;
    let mut changed = session.changed(change);
    changed.minutes = snap_length(i64::from(changed.minutes), MAX_BLOCK_MINUTES.min(MINUTES_PER_DAY));
    changed.start = fit(changed.start, changed.minutes);
    *session = changed;
    Ok(())
}

pub(super) fn delete(plan: &mut Plan, id: FollowUpId) -> Result<(), EditError> {
    follow_up_mut(plan, id)?;
    plan.follow_ups.retain(|f| f.id != id);
    Ok(())
}

pub(super) fn change_guide(plan: &mut Plan, change: &GuideChange) -> Result<(), EditError> {
    let guide = &mut plan.guide;
    match change {
        GuideChange::DaysFor(text) => guide.days_for = check_text(text, MAX_NOTE_CHARS)?,
        GuideChange::Prompt(index, text) => {
            *guide.prompts.get_mut(*index).ok_or(EditError::NoSuchPrompt)? = check_text(text, MAX_TITLE_CHARS)?;
        }
        GuideChange::AddPrompt(text) => {
            if guide.prompts.len() >= MAX_PROMPTS {
                return Err(EditError::TooManyPrompts);
            }
            guide.prompts.push(check_text(text, MAX_TITLE_CHARS)?);
        }
        GuideChange::RemovePrompt(index) => {
            if *index >= guide.prompts.len() {
                return Err(EditError::NoSuchPrompt);
            }
            guide.prompts.remove(*index);
        }
        GuideChange::Prompts(prompts) => {
            if prompts.len() > MAX_PROMPTS {
                return Err(EditError::TooManyPrompts);
            }
            guide.prompts = prompts.iter().map(|p| check_text(p, MAX_TITLE_CHARS)).collect::<Result<_, _>>()?;
        }
        GuideChange::Defaults => *guide = IntegrationGuide::default(),
    }
    Ok(())
}
