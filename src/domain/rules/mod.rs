//! The scheduling rules, each with the stable id the README's rules table lists.
//! `check` is the one entry point: a pure function from plan to problems, the same
//! answer every time.

mod integration;
mod kap;
mod schedule;

pub use integration::MIN_INTEGRATION_MINUTES;
pub use schedule::{LUNCH_FROM, LUNCH_UNTIL};

use super::dates::DateStyle;
use super::model::{BlockId, Partner, Plan};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocks marking the plan confirmed.
    Error,
    /// Informs; the therapist decides.
    Warning,
}

/// Stable identity of a rule; `id()` never changes once published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    IntegrationWithinWindow,
    IntegrationAfterIntensive,
    PreparationBeforeDosing,
    CheckInAfterDosing,
    DosingReadiness,
    RideHome,
    MealInFastingWindow,
    DosingCountAndSpacing,
    RestAfterDosing,
    NoOverlap,
    InsideDayWindow,
    BreakEveryTwoHours,
    LunchEveryFullDay,
    MealAfterDosing,
    DosingLength,
    FollowUpAfterIntensive,
}

impl RuleId {
    pub const ALL: [RuleId; 16] = [
        RuleId::IntegrationWithinWindow,
        RuleId::IntegrationAfterIntensive,
        RuleId::PreparationBeforeDosing,
        RuleId::CheckInAfterDosing,
        RuleId::DosingReadiness,
        RuleId::RideHome,
        RuleId::MealInFastingWindow,
        RuleId::DosingCountAndSpacing,
        RuleId::RestAfterDosing,
        RuleId::NoOverlap,
        RuleId::InsideDayWindow,
        RuleId::BreakEveryTwoHours,
        RuleId::LunchEveryFullDay,
        RuleId::MealAfterDosing,
        RuleId::DosingLength,
        RuleId::FollowUpAfterIntensive,
    ];

    /// The stable id, as the README's rule table lists it.
    pub fn id(self) -> &'static str {
        match self {
            RuleId::IntegrationWithinWindow => "R1-integration-within-window",
            RuleId::IntegrationAfterIntensive => "R1-integration-after-intensive",
            RuleId::PreparationBeforeDosing => "R1-preparation-before-dosing",
            RuleId::CheckInAfterDosing => "R2-check-in-after-dosing",
            RuleId::DosingReadiness => "R3-dosing-readiness",
            RuleId::RideHome => "R4-ride-home",
            RuleId::MealInFastingWindow => "R5-meal-in-fasting-window",
            RuleId::DosingCountAndSpacing => "R6-dosing-count-and-spacing",
            RuleId::RestAfterDosing => "R7-rest-after-dosing",
            RuleId::NoOverlap => "R8-no-overlap",
            RuleId::InsideDayWindow => "R9-inside-day-window",
            RuleId::BreakEveryTwoHours => "R9-break-every-two-hours",
            RuleId::LunchEveryFullDay => "R9-lunch-every-full-day",
            RuleId::MealAfterDosing => "R9-meal-after-dosing",
            RuleId::DosingLength => "R10-dosing-length",
            RuleId::FollowUpAfterIntensive => "R11-follow-up-after-intensive",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            RuleId::IntegrationWithinWindow
            | RuleId::CheckInAfterDosing
            | RuleId::DosingReadiness
            | RuleId::RideHome
            | RuleId::DosingCountAndSpacing
            | RuleId::NoOverlap => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// One broken rule: what, where and how to fix it, in the therapist's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub rule: RuleId,
    pub severity: Severity,
    /// The blocks it concerns, first the one to jump to.
    pub blocks: Vec<BlockId>,
    pub day: Option<u8>,
    /// The partner it concerns, for readiness problems.
    pub partner: Option<Partner>,
    pub message: String,
}

impl Problem {
    /// Whether this is one of `partner`'s readiness problems (readiness record or ride
    /// home), which the readiness panel lists under that partner.
    pub fn is_readiness_of(&self, partner: Partner) -> bool {
        self.partner == Some(partner) && matches!(self.rule, RuleId::DosingReadiness | RuleId::RideHome)
    }

    fn new(rule: RuleId, blocks: Vec<BlockId>, day: Option<u8>, message: String) -> Problem {
        Problem { rule, severity: rule.severity(), blocks, day, partner: None, message }
    }
}

/// Every problem of the plan, errors first, then by day and block.
/// Messages word dates and times in the reader's `style`.
pub fn check(plan: &Plan, style: DateStyle) -> Vec<Problem> {
    let mut problems = Vec::new();
    kap::check_kap(plan, style, &mut problems);
    schedule::check_schedule(plan, style, &mut problems);
    // Rules report in a fixed order, so equal keys keep a stable, repeatable order.
    problems.sort_by_key(|p| (p.severity, p.day, p.blocks.first().copied(), p.rule));
    problems
}

pub fn error_count(problems: &[Problem]) -> usize {
    problems.iter().filter(|p| p.severity == Severity::Error).count()
}

/// The worst severity among the problems naming each block, sorted by block id for
/// `worst_of`. The grid marks each block with it.
pub fn worst_per_block(problems: &[Problem]) -> Vec<(BlockId, Severity)> {
    let mut all: Vec<(BlockId, Severity)> =
        problems.iter().flat_map(|problem| problem.blocks.iter().map(|id| (*id, problem.severity))).collect();
    // Errors before warnings within a block, so the first of each block is its worst.
    all.sort_by_key(|(id, severity)| (*id, *severity));
    all.dedup_by_key(|(id, _)| *id);
    all
}

/// A block's worst severity from `worst_per_block`, if any problem names it.
pub fn worst_of(worst: &[(BlockId, Severity)], id: BlockId) -> Option<Severity> {
    worst.binary_search_by_key(&id.0, |(block, _)| block.0).ok().map(|i| worst[i].1)
}

/// Whether a stretch of `minutes` from `start` (minutes of the day) is clear of every
/// busy span: the one test of "free", for a lunch break and for an integration offered.
pub(super) fn free_for(busy: &[(i64, i64)], start: i64, minutes: i64) -> bool {
    busy.iter().all(|(from, to)| *to <= start || *from >= start + minutes)
}
