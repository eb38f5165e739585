//! The scheduling rules, each with the stable id the README's rules table lists.
//! `check` is the one entry point: a pure function from plan to problems, the same
//! answer every time.

mod integration;
mod kap;
mod schedule;

pub use integration::MIN_INTEGRATION_MINUTES;
pub use schedule::{LUNCH_FROM, LUNCH_UNTIL};

use strum::{IntoStaticStr, VariantArray};

use super::dates::DateStyle;
use super::model::{BlockId, Partner, Plan};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Blocks marking the plan confirmed.
    Error,
    /// Informs; the therapist decides.
    Warning,
}

/// Stable identity of a rule: its value is the id the README's rule table lists, which
/// never changes once published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, VariantArray, IntoStaticStr)]
pub enum RuleId {
    #[strum(serialize = "R1-integration-within-window")]
    IntegrationWithinWindow,
    #[strum(serialize = "R1-integration-after-intensive")]
    IntegrationAfterIntensive,
    #[strum(serialize = "R1-preparation-before-dosing")]
    PreparationBeforeDosing,
    #[strum(serialize = "R2-check-in-after-dosing")]
    CheckInAfterDosing,
    #[strum(serialize = "R3-dosing-readiness")]
    DosingReadiness,
    #[strum(serialize = "R4-ride-home")]
    RideHome,
    #[strum(serialize = "R5-meal-in-fasting-window")]
    MealInFastingWindow,
    #[strum(serialize = "R6-dosing-count-and-spacing")]
    DosingCountAndSpacing,
    #[strum(serialize = "R7-rest-after-dosing")]
    RestAfterDosing,
    #[strum(serialize = "R8-no-overlap")]
    NoOverlap,
    #[strum(serialize = "R9-inside-day-window")]
    InsideDayWindow,
    #[strum(serialize = "R9-break-every-two-hours")]
    BreakEveryTwoHours,
    #[strum(serialize = "R9-lunch-every-full-day")]
    LunchEveryFullDay,
    #[strum(serialize = "R9-meal-after-dosing")]
    MealAfterDosing,
    #[strum(serialize = "R10-dosing-length")]
    DosingLength,
    #[strum(serialize = "R11-follow-up-after-intensive")]
    FollowUpAfterIntensive,
}

impl RuleId {
    /// The stable id, as the README's rule table lists it.
    pub fn id(self) -> &'static str {
        self.into()
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
