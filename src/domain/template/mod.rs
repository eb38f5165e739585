//! Templates: a complete, rule-abiding intensive from a few answers (kind, days,
//! dates, partners, KAP choices). `content` says what each day holds, `day` lays it
//! out in time; the plan made is checked against every rule before it is offered.

mod choices;
mod content;
mod day;
mod follow_ups;

pub use choices::{choice_refusals, ChoiceRefusals, SESSIONS_PER_PARTNER};
pub use follow_ups::{FollowUpRequest, FollowUpSpacing, FOLLOW_UP_COUNTS, FOLLOW_UP_MINUTES};

use crate::domain::words::length_words;
use chrono::NaiveDate;

use content::{day_steps, DayPlan, Phase, PHASES};
use day::{lay_day, Placed, Spec};

use super::agenda;
use super::dates::DateStyle;
use super::kap::KapSettings;
use super::limits::RuleLimits;
use super::model::*;
use super::placement::{dosing_slots, PlacementError};
use super::rules::{check, RuleId, Severity};
use super::validate::{validate, MAX_TITLE_CHARS};
use super::words::fit;

/// The answers of the "new intensive" form.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateRequest {
    pub kind: IntensiveKind,
    pub days: u8,
    pub first_day: NaiveDate,
    pub window: DayWindow,
    pub partners: Partners,
    pub therapist: Therapist,
    pub location: String,
    /// Who doses, placement, separate or shared sessions, sessions per partner.
    pub kap: KapSettings,
    /// How many follow-up sessions after the last day, and how far apart.
    pub follow_ups: FollowUpRequest,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("An intensive lasts 1 to {MAX_DAYS} days; {0} days is not possible.")]
    DaysOutOfRange(u8),
    #[error("The daily hours must give at least {} between start and end.", length_words(MIN_WINDOW_MINUTES))]
    WindowTooShort,
    #[error(transparent)]
    Placement(PlacementError),
    /// The generated schedule breaks a rule the person cannot fix by paperwork.
    #[error(
        "These choices do not make a safe schedule: it would break {} (the README's rules table). Choose another \
         placement or add a day.",
        .0.join(", ")
    )]
    DoesNotFit(Vec<&'static str>),
    /// An answer is out of range (a name too long to store).
    #[error("These answers cannot be stored: {}", .0.join(" "))]
    Invalid(Vec<String>),
    /// An affair-recovery intensive needs a day without a dose for its arc.
    #[error(
        "An affair-recovery intensive spreads its atonement, attunement and attachment work over at least two days, \
         and a day that opens with a dose has no room for it: choose midway, add a day, dose together, or choose \
         fewer sessions."
    )]
    NoDayForTheArc,
    /// The day's hours cannot hold its required work, however short.
    #[error(
        "Day {0}'s hours are too short for its work, even with every optional session left out and the others \
         shortened: lengthen the daily hours or add a day."
    )]
    DayTooFull(u8),
}

/// The shortest daily hours a template lays a day into.
const MIN_WINDOW_MINUTES: u16 = 180;

/// A complete plan for the request, or the reason none can be made.
pub fn build_plan(id: &str, request: &TemplateRequest) -> Result<Plan, TemplateError> {
    if request.days == 0 || request.days > MAX_DAYS {
        return Err(TemplateError::DaysOutOfRange(request.days));
    }
    if request.window.minutes() < i64::from(MIN_WINDOW_MINUTES) {
        return Err(TemplateError::WindowTooShort);
    }
    let slots = dosing_slots(request.days, &request.kap).map_err(TemplateError::Placement)?;
    let work_days: Vec<u8> = (1..=request.days).filter(|d| !slots.iter().any(|s| s.day == *d)).collect();
    let phases_of = phases_by_day(request, &work_days, &slots)?;
    let limits = RuleLimits::default();
    // The partners' individual sessions go on the first day free of a dose that has room
    // for them; from 3 days on every plan keeps them, a shorter one only when they fit.
    let mut choices: Vec<(u8, bool)> = Vec::new();
    if request.days >= 3 {
        choices.extend(work_days.iter().map(|day| (*day, true)));
    }
    choices.extend(work_days.first().map(|day| (*day, false)));
    let lay_all = |individual: Option<(u8, bool)>| lay_days(request, &slots, &phases_of, individual, &limits);
    let mut placed = match choices.iter().find_map(|choice| lay_all(Some(*choice)).ok()) {
        Some(placed) => placed,
        None => lay_all(None)?,
    };
    // A dose on the last day is integrated the day after the intensive.
    for slot in slots.iter().filter(|s| s.day == request.days) {
        let spec = Spec::new(BlockKind::Integration, "Follow-up integration session", 60)
            .kap_for(slot.partners)
            .notes(agenda::INTEGRATION_NOTES);
        placed.push(Placed { spec, day: request.days + 1, start: request.window.start });
    }
    let plan = assemble(id, request, limits, placed);
    let invalid = validate(&plan);
    if !invalid.is_empty() {
        return Err(TemplateError::Invalid(invalid));
    }
    // Named by rule: a schedule made from the answers that breaks one is the template's
    // fault, not something the person placed.
    let mut blocking: Vec<&str> = check(&plan, DateStyle::default())
        .into_iter()
        .filter(|p| p.severity == Severity::Error && !matches!(p.rule, RuleId::DosingReadiness | RuleId::RideHome))
        .map(|p| p.rule.id())
        .collect();
    blocking.dedup();
    if blocking.is_empty() {
        Ok(plan)
    } else {
        Err(TemplateError::DoesNotFit(blocking))
    }
}

/// Every day of the request laid out in time, with the partners' individual sessions on
/// `individual`'s day (kept there when its flag says so).
fn lay_days(
    request: &TemplateRequest,
    slots: &[super::placement::DosingSlot],
    phases_of: &impl Fn(u8) -> Vec<Phase>,
    individual: Option<(u8, bool)>,
    limits: &RuleLimits,
) -> Result<Vec<Placed>, TemplateError> {
    let mut placed = Vec::new();
    let mut middle_index = 0;
    let attunement_day = (1..=request.days).find(|day| phases_of(*day).contains(&Phase::Attunement));
    for day in 1..=request.days {
        let plan = DayPlan {
            kind: request.kind,
            day,
            days: request.days,
            dosing: slots.iter().find(|s| s.day == day),
            integrate: slots.iter().filter(|s| s.day + 1 == day).map(|s| s.partners).collect(),
            phases: phases_of(day),
            middle_index,
            individual: individual.filter(|(on, _)| *on == day).map(|(_, required)| required),
            attuned: attunement_day.is_some_and(|attunement| day >= attunement),
        };
        if plan.dosing.is_none() && day != 1 && day != request.days {
            middle_index += 1;
        }
        let laid = lay_day(day_steps(&plan), day, request.window, limits).ok_or(TemplateError::DayTooFull(day))?;
        placed.extend(laid);
    }
    Ok(placed)
}

/// Which phases of affair-recovery work each day holds: atonement, attunement and
/// attachment in their order, spread from the first day that has room for them to the
/// last. A day without a dose has room, and so does day 1 when its dose is in the
/// afternoon (its morning holds atonement). A couples intensive has no phases.
fn phases_by_day(
    request: &TemplateRequest,
    work_days: &[u8],
    slots: &[super::placement::DosingSlot],
) -> Result<impl Fn(u8) -> Vec<Phase>, TemplateError> {
    let mut assigned: Vec<(u8, Phase)> = Vec::new();
    if request.kind == IntensiveKind::AffairRecovery {
        let afternoon_first = slots.iter().any(|s| s.day == 1 && s.time == super::placement::TimeOfDay::Afternoon);
        let mut arc_days: Vec<u8> = work_days.to_vec();
        // Day 1 holds a dose there, so it is not among the work days yet.
        if afternoon_first {
            arc_days.insert(0, 1);
        }
        let phases: &[Phase] = match request.days {
            // One day holds the start of the arc (atonement), if it is not a medicine day.
            1 if work_days.is_empty() => &[],
            1 => &PHASES[..1],
            // Two days or more spread the arc over two days at least, never cram it into one.
            _ if arc_days.len() < 2 => return Err(TemplateError::NoDayForTheArc),
            _ => &PHASES,
        };
        // Spread from the first day with room to the last, so the arc ends late.
        let spread = phases.len().saturating_sub(1).max(1);
        for (i, phase) in phases.iter().enumerate() {
            // Rounded up: a first day with a dose in its afternoon holds atonement alone.
            assigned.push((arc_days[(i * (arc_days.len() - 1)).div_ceil(spread)], *phase));
        }
    }
    Ok(move |day: u8| assigned.iter().filter(|(d, _)| *d == day).map(|(_, p)| *p).collect())
}

/// "Sam & Alex: Couples intensive", the title every new plan starts with.
pub fn plan_title(partners: &Partners, kind: IntensiveKind) -> String {
    fit(&format!("{} & {}: {}", partners.a, partners.b, kind.label()), MAX_TITLE_CHARS)
}

fn assemble(id: &str, request: &TemplateRequest, limits: RuleLimits, placed: Vec<Placed>) -> Plan {
    let blocks: Vec<Block> = placed
        .into_iter()
        .enumerate()
        .map(|(index, at)| Block {
            id: BlockId(u32::try_from(index + 1).unwrap_or(u32::MAX)),
            kind: at.spec.kind,
            day: at.day,
            start: at.start,
            minutes: at.spec.minutes,
            title: at.spec.title,
            who: at.spec.who,
            kap_for: at.spec.kap_for,
            modality: at.spec.modality,
            couple_notes: at.spec.notes.to_string(),
            private_notes: String::new(),
            checklist: agenda::default_checklist(at.spec.kind),
            couple_question: String::new(),
        })
        .collect();
    let next_block_id = u32::try_from(blocks.len() + 1).unwrap_or(u32::MAX);
    let follow_ups = follow_ups::planned(request);
    let next_follow_up_id = u32::try_from(follow_ups.len() + 1).unwrap_or(u32::MAX);
    Plan {
        id: id.to_string(),
        revision: 0,
        title: plan_title(&request.partners, request.kind),
        kind: request.kind,
        partners: request.partners.clone(),
        therapist: request.therapist.clone(),
        location: request.location.clone(),
        first_day: request.first_day,
        days: vec![request.window; usize::from(request.days)],
        status: PlanStatus::Draft,
        blocks,
        kap: request.kap.clone(),
        limits,
        review: CoupleReview::default(),
        next_block_id,
        follow_ups,
        next_follow_up_id,
        guide: IntegrationGuide::default(),
        shared_from: None,
    }
}
