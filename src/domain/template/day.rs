//! Laying out one day's steps in time: each step after the last from the day's start,
//! a break wherever a run of sessions would pass the limit, lunch at a normal hour. A
//! day that does not fit drops its optional steps, then shortens the sessions that may
//! be shorter, earliest first, down to their least length; the partners' individual
//! sessions go only once nothing else can be shortened.

use chrono::{NaiveTime, TimeDelta};

use crate::domain::limits::RuleLimits;
use crate::domain::model::*;
use crate::domain::rules::{LUNCH_FROM, LUNCH_UNTIL};
use crate::domain::time::{minute_of_day, time_at};

const BREAK: u16 = 15;
const LUNCH: u16 = 45;
const PREPARATION: u16 = 30;

/// A block before it is given a time.
#[derive(Clone, Debug)]
pub(super) struct Spec {
    pub kind: BlockKind,
    pub title: String,
    pub minutes: u16,
    /// The least it may be shortened to when the day is full.
    pub least: u16,
    pub who: Participants,
    pub modality: Option<Modality>,
    pub kap_for: Option<PartnerSet>,
    pub notes: &'static str,
}

impl Spec {
    pub fn new(kind: BlockKind, title: &str, minutes: u16) -> Spec {
        Spec {
            kind,
            title: title.to_string(),
            minutes,
            least: minutes,
            who: Participants::BothWithTherapist,
            modality: None,
            kap_for: None,
            notes: "",
        }
    }
    pub fn with(mut self, modality: Modality) -> Spec {
        self.modality = Some(modality);
        self
    }
    pub fn notes(mut self, notes: &'static str) -> Spec {
        self.notes = notes;
        self
    }
    pub fn who(mut self, who: Participants) -> Spec {
        self.who = who;
        self
    }
    pub fn kap_for(mut self, partners: PartnerSet) -> Spec {
        self.kap_for = Some(partners);
        self
    }
    /// May be shortened to `least` minutes when the day is full.
    pub fn at_least(mut self, least: u16) -> Spec {
        self.least = least;
        self
    }
    pub fn required(self) -> Step {
        Step::Session { spec: self, beside: None, optional: false }
    }
    pub fn optional(self) -> Step {
        Step::Session { spec: self, beside: None, optional: true }
    }
}

/// One thing a day holds, in the order of the day.
#[derive(Clone, Debug)]
pub(super) enum Step {
    /// A block, and maybe another at the same time on a parallel track (one partner in
    /// an individual session while the other reflects).
    Session { spec: Spec, beside: Option<Spec>, optional: bool },
    /// The preparation and intention block, then the dosing session (`spec`).
    Dosing { spec: Spec, notes: &'static str },
    /// Lunch for everyone not `fasting` for a dose later that day; they rest instead.
    Lunch { fasting: PartnerSet, title: &'static str, notes: &'static str },
}

impl Step {
    fn optional(&self) -> bool {
        matches!(self, Step::Session { optional: true, .. })
    }
    /// An optional individual session (a partner with the therapist, the other beside).
    fn optional_individual(&self) -> bool {
        matches!(self, Step::Session { beside: Some(_), optional: true, .. })
    }
    /// Takes one grid step off a session that may be shorter (and off the block beside
    /// it, so the parallel tracks stay one length); false when it may not.
    fn shorten(&mut self) -> bool {
        match self {
            Step::Session { spec, beside, .. } if spec.minutes > spec.least => {
                spec.minutes -= BREAK;
                if let Some(beside) = beside {
                    beside.minutes = spec.minutes;
                }
                true
            }
            Step::Dosing { spec, .. } if spec.minutes > spec.least => {
                spec.minutes -= BREAK;
                true
            }
            _ => false,
        }
    }
}

/// A block placed in time.
pub(super) struct Placed {
    pub spec: Spec,
    pub day: u8,
    pub start: NaiveTime,
}

struct DayBuilder<'a> {
    day: u8,
    cursor: NaiveTime,
    /// Minutes of session time since the last rest.
    run: u16,
    lunch_at: Option<NaiveTime>,
    limits: &'a RuleLimits,
    out: Vec<Placed>,
}

impl DayBuilder<'_> {
    fn place(&mut self, spec: Spec) {
        self.run = if spec.kind.is_session_time() { self.run + spec.minutes } else { 0 };
        let minutes = spec.minutes;
        self.out.push(Placed { spec, day: self.day, start: self.cursor });
        self.cursor += TimeDelta::minutes(i64::from(minutes));
    }

    fn break_if_due(&mut self, next: u16) {
        if self.run > 0 && self.run + next > self.limits.max_minutes_without_break {
            self.place(Spec::new(BlockKind::Break, "Break", BREAK).who(Participants::CoupleOnTheirOwn));
        }
    }

    /// Lunch for everyone not fasting, never before the normal lunch hours begin.
    fn lunch(&mut self, fasting: PartnerSet, title: &str, notes: &'static str) {
        self.cursor = self.cursor.max(time_at(LUNCH_FROM));
        // The day's first meal is its lunch; a light meal after an afternoon dose is not.
        self.lunch_at.get_or_insert(self.cursor);
        let start = self.cursor;
        let eating = match (fasting.contains(Partner::A), fasting.contains(Partner::B)) {
            (false, false) => Some(Participants::CoupleOnTheirOwn),
            (true, false) => Some(Participants::OneOnTheirOwn(Partner::B)),
            (false, true) => Some(Participants::OneOnTheirOwn(Partner::A)),
            (true, true) => None,
        };
        if !fasting.is_empty() {
            let resting = if eating.is_some() {
                Participants::OneOnTheirOwn(if fasting.contains(Partner::A) { Partner::A } else { Partner::B })
            } else {
                Participants::CoupleOnTheirOwn
            };
            let quiet = Spec::new(BlockKind::Reflection, "Quiet time before the medicine (no food)", LUNCH)
                .who(resting)
                .notes("Rest and drink water: the fasting window before the medicine session has begun.");
            self.out.push(Placed { spec: quiet, day: self.day, start });
        }
        match eating {
            Some(who) => self.place(Spec::new(BlockKind::Lunch, title, LUNCH).who(who).notes(notes)),
            None => {
                self.cursor += TimeDelta::minutes(i64::from(LUNCH));
                self.run = 0;
            }
        }
    }

    /// Lunch is due at noon. (No step of a template is long enough to run from before
    /// noon past the end of the lunch hours: the longest session is 90 minutes.)
    fn lunch_if_due(&mut self) {
        if self.cursor >= clock(12, 0) {
            self.lunch(PartnerSet::NONE, "Lunch", "");
        }
    }

    fn lay(&mut self, steps: &[Step], full_day: bool) {
        let own_lunch = steps.iter().any(|s| matches!(s, Step::Lunch { .. }));
        for (index, step) in steps.iter().enumerate() {
            // A short full day still has its lunch, before the closing check-in. (A day with
            // a lunch step of its own has placed it by then.)
            if full_day && self.lunch_at.is_none() && index + 1 == steps.len() {
                self.lunch(PartnerSet::NONE, "Lunch", "");
            }
            if !own_lunch && self.lunch_at.is_none() {
                self.lunch_if_due();
            }
            match step {
                Step::Session { spec, beside, .. } => {
                    if spec.kind.is_session_time() {
                        self.break_if_due(spec.minutes);
                    }
                    if let Some(beside) = beside {
                        self.out.push(Placed { spec: beside.clone(), day: self.day, start: self.cursor });
                    }
                    self.place(spec.clone());
                }
                Step::Dosing { spec, notes } => {
                    self.break_if_due(PREPARATION);
                    let partners = spec.kap_for.unwrap_or(PartnerSet::BOTH);
                    let prep = Spec::new(BlockKind::KapPreparation, "Preparation and intention setting", PREPARATION)
                        .kap_for(partners)
                        .notes(notes);
                    self.place(prep);
                    self.place(spec.clone());
                }
                Step::Lunch { fasting, title, notes } => self.lunch(*fasting, title, notes),
            }
        }
    }
}

/// Lays out a day in its window, dropping optional steps and then shortening sessions
/// until it fits; `None` if even the shortest required day does not.
pub(super) fn lay_day(mut steps: Vec<Step>, day: u8, window: DayWindow, limits: &RuleLimits) -> Option<Vec<Placed>> {
    let full_day = window.minutes() >= i64::from(limits.full_day_hours) * 60;
    loop {
        let mut builder = DayBuilder { day, cursor: window.start, run: 0, lunch_at: None, limits, out: Vec::new() };
        builder.lay(&steps, full_day);
        let lunch_in_time = !full_day || builder.lunch_at.is_some_and(|at| minute_of_day(at) <= LUNCH_UNTIL);
        if builder.cursor <= window.end && builder.cursor >= window.start && lunch_in_time {
            return Some(builder.out);
        }
        let droppable = steps.iter().rposition(Step::optional);
        // The partners' individual sessions are worth more than a few minutes off the
        // others: sessions are shortened before they go.
        let individual_next = droppable.is_some_and(|index| steps[index].optional_individual());
        if individual_next && steps.iter_mut().any(Step::shorten) {
            continue;
        }
        if let Some(index) = droppable {
            // Both partners have their individual session, or neither does.
            if steps.remove(index).optional_individual() {
                steps.retain(|step| !step.optional_individual());
            }
        } else if !steps.iter_mut().any(Step::shorten) {
            return None;
        }
    }
}
