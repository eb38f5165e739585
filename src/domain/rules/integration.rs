//! Rule 1: every dosing session has its own integration session for each partner who
//! dosed, and a preparation block right before it. A follow-up session after the
//! intensive that names whose medicine it integrates counts as one, inside the window.

use crate::domain::words::{day_title, describe_block, describe_follow_up, duration_words, length_words, names};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::{free_for, Problem, RuleId};
use crate::domain::dates::DateStyle;
use crate::domain::model::{Block, BlockId, BlockKind, FollowUpSession, Participants, Partner, PartnerSet, Plan};
use crate::domain::time::{minute_of_day, time_at, GRID_MINUTES};

/// Shortest integration session that counts as one (R1-integration-within-window).
pub const MIN_INTEGRATION_MINUTES: u16 = 45;

/// A session that can integrate a dose: an integration block, or a follow-up session
/// that names whose medicine it integrates.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Session<'a> {
    Block(&'a Block),
    FollowUp(&'a FollowUpSession),
}

impl<'a> Session<'a> {
    /// Every session that may integrate a dose, blocks first.
    fn all(plan: &'a Plan) -> impl Iterator<Item = Session<'a>> {
        let blocks = plan.blocks.iter().filter(|b| b.kind == BlockKind::Integration).map(Session::Block);
        blocks.chain(plan.follow_ups.iter().filter(|f| f.kap_for.is_some()).map(Session::FollowUp))
    }
    pub fn starts_at(self, plan: &Plan) -> NaiveDateTime {
        match self {
            Session::Block(b) => plan.starts_at(b),
            Session::FollowUp(f) => f.starts_at(),
        }
    }
    fn date(self, plan: &Plan) -> NaiveDate {
        self.starts_at(plan).date()
    }
    fn parts(self) -> (Participants, Option<PartnerSet>, u16) {
        match self {
            Session::Block(b) => (b.who, b.kap_for, b.minutes),
            Session::FollowUp(f) => (f.who, f.kap_for, f.minutes),
        }
    }
    fn name(self, plan: &Plan, style: DateStyle) -> String {
        match self {
            Session::Block(b) => describe_block(plan, b, style),
            Session::FollowUp(f) => describe_follow_up(f, style),
        }
    }
    fn block(self) -> Option<&'a Block> {
        match self {
            Session::Block(b) => Some(b),
            Session::FollowUp(_) => None,
        }
    }
}

/// The integration session that serves one partner's dose, if any does.
pub(super) struct Integrated<'a> {
    pub dosing: &'a Block,
    pub partner: Partner,
    pub session: Option<Session<'a>>,
}

/// Whether `session` can be `partner`'s integration of `dosing`, or why not, in words
/// that name the session.
fn unfit(plan: &Plan, style: DateStyle, dosing: &Block, partner: Partner, session: Session) -> Option<String> {
    let name = session.name(plan, style);
    let who = plan.partner_name(partner);
    let window = TimeDelta::hours(i64::from(plan.limits.integration_window_hours));
    let after = session.starts_at(plan) - plan.ends_at(dosing);
    let (attending, kap_for, minutes) = session.parts();
    if !attending.partners().contains(partner) {
        Some(format!("{name} is not attended by {who}"))
    } else if kap_for.is_some_and(|set| !set.contains(partner)) {
        Some(format!("{name} is for the other partner's medicine"))
    } else if session.date(plan) <= plan.date_of(dosing.day) {
        Some(format!("{name} is on the day of the dosing, which is the dosing session's own closing; the integration session comes on a later day"))
    } else if minutes < MIN_INTEGRATION_MINUTES {
        Some(format!(
            "{name} lasts {}; an integration session needs at least {}",
            length_words(minutes),
            length_words(MIN_INTEGRATION_MINUTES)
        ))
    } else if after > window {
        Some(format!(
            "{name} starts {} after the dosing ends, later than the {} allowed",
            duration_words(after.num_minutes()),
            duration_words(window.num_minutes())
        ))
    } else {
        None
    }
}

/// For each dose of each partner, in time order, the integration session that serves
/// it: the earliest fitting one that no other dosing session uses. One integration
/// session serves one dosing session (for every partner of it who attends).
pub(super) fn integrations<'a>(plan: &'a Plan, style: DateStyle, dosings: &[&'a Block]) -> Vec<Integrated<'a>> {
    let mut in_order: Vec<&Block> = dosings.to_vec();
    in_order.sort_by_key(|d| plan.ends_at(d));
    let mut taken: Vec<(Session, BlockId)> = Vec::new(); // (integration, dosing)
    let mut found = Vec::new();
    for dosing in in_order {
        for partner in dosing.kap_partners().iter() {
            let session = Session::all(plan)
                .filter(|s| !taken.iter().any(|(i, d)| i == s && *d != dosing.id))
                .filter(|s| {
                    s.starts_at(plan) >= plan.ends_at(dosing) && unfit(plan, style, dosing, partner, *s).is_none()
                })
                .min_by_key(|s| s.starts_at(plan));
            if let Some(session) = session {
                taken.push((session, dosing.id));
            }
            found.push(Integrated { dosing, partner, session });
        }
    }
    found
}

/// Rule 1: each dose has its integration session; one after the intensive is allowed,
/// with a warning.
pub(super) fn integration(plan: &Plan, style: DateStyle, found: &[Integrated], out: &mut Vec<Problem>) {
    for dosing in found.iter().map(|f| f.dosing.id).collect::<std::collections::BTreeSet<_>>() {
        let mine: Vec<&Integrated> = found.iter().filter(|f| f.dosing.id == dosing).collect();
        let Some(dose) = mine.first().map(|f| f.dosing) else { continue };
        let after: Vec<&&Integrated> = mine
            .iter()
            .filter(|f| f.session.and_then(Session::block).is_some_and(|s| s.day > plan.day_count()))
            .collect();
        if let Some(session) = after.first().and_then(|f| f.session).and_then(Session::block) {
            let message = format!(
                "The integration for {} after {} falls on the day after the intensive ({}). That is allowed, but \
                 make sure the couple can come back for it; one more day keeps it inside the intensive.",
                names(plan, after.iter().map(|f| f.partner)),
                describe_block(plan, dose, style),
                style.short(plan.date_of(session.day)),
            );
            out.push(Problem::new(
                RuleId::IntegrationAfterIntensive,
                vec![session.id, dose.id],
                Some(dose.day),
                message,
            ));
        }
        for missing in mine.iter().filter(|f| f.session.is_none()) {
            let who = plan.partner_name(missing.partner);
            // The nearest session that was meant as one, and why it does not count.
            // Follow-ups weeks later are not near misses: they serve the time after.
            let near_miss = Session::all(plan)
                .filter(|s| s.block().is_some() && s.starts_at(plan) >= plan.starts_at(dose))
                .filter_map(|s| unfit(plan, style, dose, missing.partner, s))
                .next();
            let because = near_miss.map(|why| format!(" ({why})")).unwrap_or_default();
            let window = duration_words(i64::from(plan.limits.integration_window_hours) * 60);
            let fix = match free_slot(plan, dose, missing.partner) {
                Some((day, at)) => format!(
                    "{} at {} is free for {who} and the therapist: add an integration session there.",
                    day_title(plan, day),
                    style.time(at)
                ),
                None => format!(
                    "No hour is free for {who} and the therapist in that time: make room on the morning after the \
                     dosing, after the check-in."
                ),
            };
            let message = format!(
                "{} has no integration session of its own for {who}{because}. {who} needs one attended by {who}, on \
                 a later day, at least {}, starting within {window} after the dosing ends. {fix}",
                describe_block(plan, dose, style),
                length_words(MIN_INTEGRATION_MINUTES),
            );
            out.push(Problem {
                partner: Some(missing.partner),
                ..Problem::new(RuleId::IntegrationWithinWindow, vec![dose.id], Some(dose.day), message)
            });
        }
    }
}

/// How long the free time a message offers for an integration session is.
const OFFERED_MINUTES: i64 = 60;

/// The first quarter hour, on a day after `dose`'s and inside that day's hours, from
/// which `partner` and the therapist are both free for an hour and the session would
/// still start within the integration window: the slot a missing integration's message
/// offers. `None` when no such hour is left.
fn free_slot(plan: &Plan, dose: &Block, partner: Partner) -> Option<(u8, chrono::NaiveTime)> {
    let latest = plan.ends_at(dose) + TimeDelta::hours(i64::from(plan.limits.integration_window_hours));
    (dose.day + 1..=plan.day_count() + 1).find_map(|day| {
        let window = plan.window(day);
        let busy: Vec<(i64, i64)> = plan
            .blocks
            .iter()
            .filter(|b| b.day == day && (b.who.has_therapist() || b.who.partners().contains(partner)))
            .map(Block::span)
            .collect();
        let (open, close) = (minute_of_day(window.start), minute_of_day(window.end));
        (open..=close - OFFERED_MINUTES)
            .step_by(GRID_MINUTES as usize)
            .map(time_at)
            .find(|at| {
                plan.date_of(day).and_time(*at) <= latest && free_for(&busy, minute_of_day(*at), OFFERED_MINUTES)
            })
            .map(|at| (day, at))
    })
}

/// A preparation and intention block ends right before every dosing.
pub(super) fn preparation(plan: &Plan, style: DateStyle, dosing: &Block, out: &mut Vec<Problem>) {
    let has_preparation = plan.blocks.iter().any(|b| {
        b.kind == BlockKind::KapPreparation
            && b.day == dosing.day
            && b.end() <= dosing.start
            && dosing.start - b.end() <= TimeDelta::minutes(15)
            && dosing.kap_partners().iter().all(|p| b.kap_partners().contains(p))
    });
    if !has_preparation {
        let message = format!(
            "{} has no preparation and intention block right before it. Add a KAP preparation block that ends when \
             the dosing begins.",
            describe_block(plan, dosing, style)
        );
        out.push(Problem::new(RuleId::PreparationBeforeDosing, vec![dosing.id], Some(dosing.day), message));
    }
}
