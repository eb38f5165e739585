//! Templates: a complete, rule-abiding intensive from a few answers (kind, days,
//! dates, partners, KAP choices). Each day is a list of steps; `DayBuilder` lays
//! them out in time, adding breaks and lunch where the rules want them and
//! dropping optional steps when the day's window is too short.

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use super::agenda;
use super::kap::KapSettings;
use super::limits::RuleLimits;
use super::model::*;
use super::placement::{dosing_slots, DosingSlot, PlacementError, TimeOfDay};
use super::rules::{check, RuleId, Severity};
use super::validate::{fit, validate, MAX_TITLE_CHARS};

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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    DaysOutOfRange(u8),
    WindowTooShort,
    Placement(PlacementError),
    /// The generated schedule breaks a rule the person cannot fix by paperwork.
    DoesNotFit(Vec<String>),
    /// An answer is out of range (a name too long to store).
    Invalid(Vec<String>),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::DaysOutOfRange(d) => {
                write!(f, "An intensive lasts 1 to {MAX_DAYS} days; {d} days is not possible.")
            }
            TemplateError::WindowTooShort => {
                write!(f, "The daily hours must give at least 3 hours between start and end.")
            }
            TemplateError::Placement(e) => e.fmt(f),
            TemplateError::DoesNotFit(problems) => {
                write!(f, "These choices do not make a safe schedule: {}", problems.join(" "))
            }
            TemplateError::Invalid(problems) => write!(f, "These answers cannot be stored: {}", problems.join(" ")),
        }
    }
}

const CHECK_IN: u16 = 30;
const PREPARATION: u16 = 30;
const DOSING: u16 = 180;
const INTEGRATION: u16 = 60;
const BREAK: u16 = 15;
const LUNCH: u16 = 45;

/// One thing a day should hold, before it is given a time.
#[derive(Clone, Debug)]
enum Step {
    Session {
        spec: BlockSpec,
        optional: bool,
    },
    /// An individual session for one partner while the other reflects on their own.
    Individual {
        partner: Partner,
    },
    Dosing {
        partners: PartnerSet,
    },
}

#[derive(Clone, Debug)]
struct BlockSpec {
    kind: BlockKind,
    title: String,
    minutes: u16,
    who: Participants,
    modality: Option<Modality>,
    kap_for: Option<PartnerSet>,
    couple_notes: &'static str,
}

fn session(kind: BlockKind, title: &str, minutes: u16) -> BlockSpec {
    BlockSpec {
        kind,
        title: title.to_string(),
        minutes,
        who: Participants::BothWithTherapist,
        modality: None,
        kap_for: None,
        couple_notes: "",
    }
}

impl BlockSpec {
    fn with(mut self, modality: Modality) -> BlockSpec {
        self.modality = Some(modality);
        self
    }
    fn notes(mut self, notes: &'static str) -> BlockSpec {
        self.couple_notes = notes;
        self
    }
    fn who(mut self, who: Participants) -> BlockSpec {
        self.who = who;
        self
    }
    fn required(self) -> Step {
        Step::Session { spec: self, optional: false }
    }
    fn optional(self) -> Step {
        Step::Session { spec: self, optional: true }
    }
}

/// Lays steps out from the day's start, keeping rule 9 by construction.
struct DayBuilder<'a> {
    day: u8,
    cursor: NaiveTime,
    run_minutes: u16,
    lunch_done: bool,
    dosed_today: bool,
    limits: &'a RuleLimits,
    out: Vec<BlockSpecAt>,
}

struct BlockSpecAt {
    spec: BlockSpec,
    day: u8,
    start: NaiveTime,
}

impl<'a> DayBuilder<'a> {
    fn place(&mut self, spec: BlockSpec) {
        let minutes = spec.minutes;
        if spec.kind.is_session_time() {
            self.run_minutes += minutes;
        } else {
            self.run_minutes = 0;
        }
        self.out.push(BlockSpecAt { spec, day: self.day, start: self.cursor });
        self.cursor += TimeDelta::minutes(i64::from(minutes));
    }

    fn break_if_due(&mut self, next_session_minutes: u16) {
        if self.run_minutes > 0 && self.run_minutes + next_session_minutes > self.limits.max_minutes_without_break {
            self.place(session(BlockKind::Break, "Break", BREAK).who(Participants::CoupleOnTheirOwn));
        }
    }

    /// Lunch at noon, or a little earlier when the next step would run late into the afternoon.
    fn lunch_if_due(&mut self, dosing_ahead: bool, next_minutes: u16) {
        let next_end = self.cursor + TimeDelta::minutes(i64::from(next_minutes));
        let due = self.cursor >= clock(12, 0) || (self.cursor >= clock(11, 30) && next_end > clock(13, 15));
        if !self.lunch_done && !dosing_ahead && due {
            let title = if self.dosed_today { "Light meal and rest" } else { "Lunch" };
            let notes = if self.dosed_today {
                "Something light to eat and drink now that the medicine session is over."
            } else {
                ""
            };
            self.place(session(BlockKind::Lunch, title, LUNCH).who(Participants::CoupleOnTheirOwn).notes(notes));
            self.lunch_done = true;
        }
    }

    fn lay(&mut self, steps: &[Step]) {
        for (index, step) in steps.iter().enumerate() {
            let dosing_ahead = steps[index..].iter().any(|s| matches!(s, Step::Dosing { .. }));
            let next_minutes = match step {
                Step::Session { spec, .. } => spec.minutes,
                Step::Individual { .. } => 60,
                Step::Dosing { .. } => PREPARATION,
            };
            self.lunch_if_due(dosing_ahead, next_minutes);
            match step {
                Step::Session { spec, .. } => {
                    if spec.kind.is_session_time() {
                        self.break_if_due(spec.minutes);
                    }
                    self.place(spec.clone());
                }
                Step::Individual { partner } => {
                    self.break_if_due(60);
                    let start = self.cursor;
                    self.place(
                        session(BlockKind::IndividualSession, "Individual session", 60)
                            .who(Participants::OneWithTherapist(*partner))
                            .notes("Time with the therapist on your own, while your partner reflects."),
                    );
                    self.out.push(BlockSpecAt {
                        spec: session(BlockKind::Reflection, "Reflection and journaling", 60)
                            .who(Participants::OneOnTheirOwn(partner.other()))
                            .notes("Quiet time to write down what you noticed today."),
                        day: self.day,
                        start,
                    });
                }
                Step::Dosing { partners } => {
                    self.break_if_due(PREPARATION);
                    let mut prep = session(BlockKind::KapPreparation, "Preparation and intention setting", PREPARATION)
                        .notes(agenda::PREPARATION_NOTES);
                    prep.kap_for = Some(*partners);
                    self.place(prep);
                    let mut dosing =
                        session(BlockKind::KapDosing, "KAP dosing session", DOSING).notes(agenda::DOSING_NOTES);
                    dosing.kap_for = Some(*partners);
                    self.place(dosing);
                    self.dosed_today = true;
                }
            }
        }
    }
}

fn integration(partners: PartnerSet, title: &str) -> Step {
    let mut spec = session(BlockKind::Integration, title, INTEGRATION).notes(agenda::INTEGRATION_NOTES);
    spec.kap_for = Some(partners);
    spec.required()
}

/// Joint-session approaches used in turn across the middle days.
const MODALITY_CYCLE: [Modality; 4] = [Modality::Eft, Modality::Gottman, Modality::Ifs, Modality::Brainspotting];

fn opening_content(kind: IntensiveKind) -> Vec<Step> {
    let (assessment, joint) = match kind {
        IntensiveKind::Couples => ("Relationship history and assessment", "Conflict discussion"),
        IntensiveKind::AffairRecovery => {
            ("Affair history and triggers assessment", "Atonement: questions and answers about the affair")
        }
    };
    vec![
        session(BlockKind::Assessment, assessment, 90)
            .notes("Your story as a couple: what brought you here and what you hope for.")
            .required(),
        Step::Individual { partner: Partner::A },
        Step::Individual { partner: Partner::B },
        session(BlockKind::JointSession, joint, 90).with(Modality::Gottman).optional(),
        homework(),
    ]
}

fn middle_content(kind: IntensiveKind, middle_index: usize) -> Vec<Step> {
    let modality = MODALITY_CYCLE[middle_index % MODALITY_CYCLE.len()];
    let (processing, skills, joint) = match kind {
        IntensiveKind::Couples => (
            format!("Processing session ({})", modality.label()),
            "Skills: soft start-up, repair and turning toward",
            "Conflict discussion with coaching",
        ),
        IntensiveKind::AffairRecovery => (
            format!("Attunement: understanding what happened ({})", modality.label()),
            "Skills: managing triggers and reassurance",
            "Attunement: conversation with coaching",
        ),
    };
    vec![
        session(BlockKind::JointSession, &processing, 90).with(modality).required(),
        session(BlockKind::Psychoeducation, skills, 60).required(),
        session(BlockKind::JointSession, joint, 90).with(Modality::Gottman).optional(),
        homework(),
    ]
}

fn closing_content(kind: IntensiveKind) -> Vec<Step> {
    match kind {
        IntensiveKind::Couples => vec![
            session(BlockKind::JointSession, "Processing session (EFT)", 90).with(Modality::Eft).required(),
            session(BlockKind::Feedback, "Feedback and treatment plan", 60).required(),
            session(BlockKind::Psychoeducation, "Plan for the months ahead", 60).optional(),
        ],
        IntensiveKind::AffairRecovery => vec![
            session(BlockKind::Assessment, "Triggers assessment, repeated to see change", 60)
                .notes("The same questions as on day 1, to see what has changed.")
                .required(),
            session(BlockKind::JointSession, "Attachment: rebuilding trust and commitment", 90)
                .with(Modality::Eft)
                .required(),
            session(BlockKind::Feedback, "Feedback and next steps", 60).optional(),
        ],
    }
}

fn homework() -> Step {
    session(BlockKind::Reflection, "Homework: journaling prompt", 30)
        .who(Participants::CoupleOnTheirOwn)
        .notes("A short writing exercise to take into the evening.")
        .optional()
}

fn check_in(day: u8) -> Step {
    let title = if day == 1 { "Welcome and check-in" } else { "Morning check-in" };
    session(BlockKind::CouplesCheckIn, title, CHECK_IN).required()
}

fn closing_check_in(last: bool) -> Step {
    let title = if last { "Closing circle and next steps" } else { "Closing check-in" };
    session(BlockKind::CouplesCheckIn, title, CHECK_IN).required()
}

/// The steps of day `day`, from what is dosed that day and the day before.
fn day_steps(request: &TemplateRequest, slots: &[DosingSlot], day: u8, middle_index: &mut usize) -> Vec<Step> {
    let n = request.days;
    let mut steps = vec![check_in(day)];
    for slot in slots.iter().filter(|s| s.day + 1 == day) {
        steps.push(integration(slot.partners, "Integration session"));
    }
    let today = slots.iter().find(|s| s.day == day);
    let first_regular_day = (1..=n).find(|d| !slots.iter().any(|s| s.day == *d && s.time == TimeOfDay::Morning));
    match today {
        Some(slot) if slot.time == TimeOfDay::Morning => {
            steps.push(Step::Dosing { partners: slot.partners });
            steps.push(
                session(BlockKind::Reflection, "Rest, reflection and journaling", 60)
                    .who(Participants::CoupleOnTheirOwn)
                    .notes(agenda::REST_NOTES)
                    .optional(),
            );
        }
        Some(slot) => {
            steps.push(
                session(BlockKind::Assessment, "Relationship history and assessment", 90)
                    .notes("Your story as a couple: what brought you here and what you hope for.")
                    .required(),
            );
            steps.push(session(BlockKind::Psychoeducation, "What to expect from the medicine session", 45).optional());
            steps.push(Step::Dosing { partners: slot.partners });
        }
        None if Some(day) == first_regular_day => {
            steps.extend(opening_content(request.kind));
            if n == 1 {
                steps.retain(|s| !matches!(s, Step::Session { optional: true, .. }));
            }
        }
        None if day == n => steps.extend(closing_content(request.kind)),
        None => {
            steps.extend(middle_content(request.kind, *middle_index));
            *middle_index += 1;
        }
    }
    steps.push(closing_check_in(day == n));
    steps
}

/// Lays out a day, dropping optional steps from the end until it fits its window.
fn lay_day(steps: Vec<Step>, day: u8, window: DayWindow, limits: &RuleLimits) -> Vec<BlockSpecAt> {
    let mut steps = steps;
    loop {
        let mut builder = DayBuilder {
            day,
            cursor: window.start,
            run_minutes: 0,
            lunch_done: false,
            dosed_today: false,
            limits,
            out: Vec::new(),
        };
        builder.lay(&steps);
        let fits = builder.cursor <= window.end && builder.cursor >= window.start;
        let last_optional = steps.iter().rposition(|s| matches!(s, Step::Session { optional: true, .. }));
        match (fits, last_optional) {
            (false, Some(index)) => {
                steps.remove(index);
            }
            _ => return builder.out,
        }
    }
}

/// A complete plan for the request, or the reason none can be made.
pub fn build_plan(id: &str, request: &TemplateRequest) -> Result<Plan, TemplateError> {
    if request.days == 0 || request.days > MAX_DAYS {
        return Err(TemplateError::DaysOutOfRange(request.days));
    }
    if request.window.minutes() < 180 {
        return Err(TemplateError::WindowTooShort);
    }
    let slots = dosing_slots(request.days, &request.kap).map_err(TemplateError::Placement)?;
    let limits = RuleLimits::default();
    let mut placed = Vec::new();
    let mut middle_index = 0;
    for day in 1..=request.days {
        let steps = day_steps(request, &slots, day, &mut middle_index);
        placed.extend(lay_day(steps, day, request.window, &limits));
    }
    // A dosing on the last day is integrated the day after the intensive.
    for slot in slots.iter().filter(|s| s.day == request.days) {
        let mut spec = session(BlockKind::Integration, "Follow-up integration session", INTEGRATION)
            .notes(agenda::INTEGRATION_NOTES);
        spec.kap_for = Some(slot.partners);
        placed.push(BlockSpecAt { spec, day: request.days + 1, start: request.window.start });
    }
    let plan = assemble(id, request, limits, placed);
    let invalid = validate(&plan);
    if !invalid.is_empty() {
        return Err(TemplateError::Invalid(invalid));
    }
    let blocking: Vec<String> = check(&plan)
        .into_iter()
        .filter(|p| p.severity == Severity::Error && !matches!(p.rule, RuleId::DosingReadiness | RuleId::RideHome))
        .map(|p| p.message)
        .collect();
    if blocking.is_empty() {
        Ok(plan)
    } else {
        Err(TemplateError::DoesNotFit(blocking))
    }
}

fn assemble(id: &str, request: &TemplateRequest, limits: RuleLimits, placed: Vec<BlockSpecAt>) -> Plan {
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
            couple_notes: at.spec.couple_notes.to_string(),
            private_notes: String::new(),
            checklist: agenda::default_checklist(at.spec.kind),
            couple_question: String::new(),
        })
        .collect();
    let next_block_id = u32::try_from(blocks.len() + 1).unwrap_or(u32::MAX);
    Plan {
        id: id.to_string(),
        revision: 0,
        title: fit(
            &format!("{} & {}: {}", request.partners.a, request.partners.b, request.kind.label()),
            MAX_TITLE_CHARS,
        ),
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
        shared_from: None,
    }
}
impl std::error::Error for TemplateError {}
