//! What each day of a template holds, in a therapist's words: the opening and closing
//! work, the affair-recovery arc, the medicine days with their preparation, meal and
//! rest, and the integration sessions that follow a dose.

use super::day::{Spec, Step};
use crate::domain::agenda;
use crate::domain::model::*;
use crate::domain::placement::{DosingSlot, TimeOfDay};

const CHECK_IN: u16 = 30;
const DOSING: u16 = 180;
/// A dosing session may be shortened to 2.5 hours (rule 10) so that lunch stays at a
/// normal hour on a day that opens with an assessment.
const SHORTEST_DOSING: u16 = 150;
const INTEGRATION: u16 = 60;
/// Rule 1's least length of an integration session.
const SHORTEST_INTEGRATION: u16 = crate::domain::rules::MIN_INTEGRATION_MINUTES;

/// The three phases of affair-recovery work, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Atonement,
    Attunement,
    Attachment,
}

pub(super) const PHASES: [Phase; 3] = [Phase::Atonement, Phase::Attunement, Phase::Attachment];

/// Joint-session approaches used in turn across the middle days.
const MODALITY_CYCLE: [Modality; 4] = [Modality::Eft, Modality::Gottman, Modality::Ifs, Modality::Brainspotting];

/// Topics taken in turn across the middle days, so no day repeats another's session.
const COUPLES_SKILLS: [&str; 5] = [
    "Skills: soft start-up, repair and turning toward",
    "Skills: calming down when flooded",
    "Skills: love maps, fondness and admiration",
    "Skills: accepting influence and compromise",
    "Skills: rituals of connection and shared meaning",
];
const COUPLES_CONFLICT: [&str; 5] = [
    "Conflict discussion with coaching",
    "A recurring conflict, with coaching",
    "Dreams within conflict",
    "Processing a regrettable incident",
    "A hard conversation, with coaching",
];
const AFFAIR_SKILLS: [&str; 5] = [
    "Skills: managing triggers and reassurance",
    "Skills: transparency and daily check-ins",
    "Skills: calming down when flooded",
    "Skills: asking for and offering reassurance",
    "Skills: talking about the affair safely",
];
const AFFAIR_ATONING: [&str; 3] = [
    "Atonement: the questions that remain",
    "Atonement: remorse and being heard",
    "Atonement: what the hurt partner needs to know",
];
const AFFAIR_TRUST: [&str; 5] = [
    "Rebuilding trust: daily rituals of connection",
    "Rebuilding trust: keeping agreements",
    "Rebuilding trust: honesty and transparency",
    "Rebuilding trust: turning toward each other",
    "Rebuilding trust: a shared vision",
];

/// The topic of the `index`th middle day.
fn topic(topics: &[&'static str], index: usize) -> &'static str {
    topics[index % topics.len()]
}

/// What the template knows of one day when it decides what the day holds.
pub(super) struct DayPlan<'a> {
    pub kind: IntensiveKind,
    pub day: u8,
    pub days: u8,
    /// Dosing sessions of this day and of the day before.
    pub dosing: Option<&'a DosingSlot>,
    pub integrate: Vec<PartnerSet>,
    /// For affair-recovery work days: the phases this day holds.
    pub phases: Vec<Phase>,
    /// Which middle day this is, for the approach and topics of its sessions.
    pub middle_index: usize,
    /// Whether the partners' individual sessions fall on this day, and if so whether the
    /// day must keep them (`true`) or may give them up when it is full.
    pub individual: Option<bool>,
    /// Whether attunement work has begun by this day: trust is rebuilt after it.
    pub attuned: bool,
}

impl DayPlan<'_> {
    fn last(&self) -> bool {
        self.day == self.days
    }
}

/// The steps of a day, in order.
pub(super) fn day_steps(plan: &DayPlan) -> Vec<Step> {
    let mut steps = vec![check_in(plan.day)];
    match plan.dosing {
        Some(slot) if slot.time == TimeOfDay::Afternoon => afternoon_dosing(plan, slot, &mut steps),
        Some(slot) => morning_dosing(plan, slot, &mut steps),
        None => work(plan, &mut steps),
    }
    steps.push(closing(plan.last()));
    steps
}

fn check_in(day: u8) -> Step {
    let title = if day == 1 { "Welcome and check-in" } else { "Morning check-in" };
    Spec::new(BlockKind::CouplesCheckIn, title, CHECK_IN).required()
}

fn closing(last: bool) -> Step {
    let title = if last { "Closing circle and next steps" } else { "Closing check-in" };
    Spec::new(BlockKind::CouplesCheckIn, title, CHECK_IN).required()
}

/// The integration of yesterday's dose for `partners`, attended by the couple.
fn integration(partners: PartnerSet) -> Step {
    Spec::new(BlockKind::Integration, "Integration session", INTEGRATION)
        .kap_for(partners)
        .notes(agenda::INTEGRATION_NOTES)
        .at_least(SHORTEST_INTEGRATION)
        .required()
}

/// The first session of the intensive: the couple's story, or the affair and its triggers.
fn opening_assessment(kind: IntensiveKind) -> Step {
    let title = match kind {
        IntensiveKind::Couples => "Relationship history and assessment",
        IntensiveKind::AffairRecovery => "Affair history and triggers assessment",
    };
    Spec::new(BlockKind::Assessment, title, 90)
        .notes("Your story as a couple: what brought you here and what you hope for.")
        .at_least(60)
        .required()
}

fn triggers_repeated() -> Step {
    Spec::new(BlockKind::Assessment, "Triggers assessment, repeated to see change", 60)
        .notes("The same questions as on day 1, to see what has changed.")
        .at_least(45)
        .required()
}

fn feedback(kind: IntensiveKind) -> Step {
    let title = match kind {
        IntensiveKind::Couples => "Feedback and treatment plan",
        IntensiveKind::AffairRecovery => "Feedback and next steps",
    };
    Spec::new(BlockKind::Feedback, title, 60).at_least(45).required()
}

fn homework() -> Step {
    Spec::new(BlockKind::Reflection, "Homework: journaling prompt", 30)
        .who(Participants::CoupleOnTheirOwn)
        .notes("A short writing exercise to take into the evening.")
        .optional()
}

/// An individual session for one partner while the other reflects on their own. When
/// optional, the last step a full day gives up (steps are dropped from the end).
fn individual(partner: Partner, required: bool) -> Step {
    let session = Spec::new(BlockKind::IndividualSession, "Individual session", 60)
        .who(Participants::OneWithTherapist(partner))
        .notes("Time with the therapist on your own, while your partner reflects.");
    let reflecting = Spec::new(BlockKind::Reflection, "Reflection and journaling", 60)
        .who(Participants::OneOnTheirOwn(partner.other()))
        .notes("Quiet time to write down what you noticed today.");
    Step::Session { spec: session, beside: Some(reflecting), optional: !required }
}

/// The approach after `modality` in the cycle of middle days.
fn next_modality(modality: Modality) -> Modality {
    let at = MODALITY_CYCLE.iter().position(|m| *m == modality).unwrap_or(0);
    MODALITY_CYCLE[(at + 1) % MODALITY_CYCLE.len()]
}

fn phase(phase: Phase, modality: Modality) -> Step {
    let (title, with) = match phase {
        Phase::Atonement => ("Atonement: questions and answers about the affair".to_string(), Modality::Gottman),
        Phase::Attunement => (format!("Attunement: understanding what happened ({})", modality.label()), modality),
        Phase::Attachment => ("Attachment: rebuilding trust and commitment".to_string(), Modality::Eft),
    };
    Spec::new(BlockKind::JointSession, &title, 90).with(with).at_least(60).required()
}

/// A day of joint and individual work: the opening on day 1, the arc or the processing
/// work in the middle, the closing work on the last day.
fn work(plan: &DayPlan, steps: &mut Vec<Step>) {
    steps.extend(plan.integrate.iter().map(|partners| integration(*partners)));
    let modality = MODALITY_CYCLE[plan.middle_index % MODALITY_CYCLE.len()];
    if plan.day == 1 {
        steps.push(opening_assessment(plan.kind));
    }
    if let Some(required) = plan.individual {
        steps.push(individual(Partner::A, required));
        steps.push(individual(Partner::B, required));
    }
    match plan.kind {
        IntensiveKind::AffairRecovery => {
            steps.extend(plan.phases.iter().map(|p| phase(*p, modality)));
            if plan.day != 1 && !plan.last() {
                // A middle day is a full day of work: processing beside the phase it holds
                // (in another approach than the phase's), given up first when the phase
                // already fills the day.
                let approach = if plan.phases.is_empty() { modality } else { next_modality(modality) };
                let title = format!("Processing session ({})", approach.label());
                let processing = Spec::new(BlockKind::JointSession, &title, 90).with(approach).at_least(60);
                steps.push(if plan.phases.is_empty() { processing.required() } else { processing.optional() });
                let index = plan.middle_index;
                steps.push(Spec::new(BlockKind::Psychoeducation, topic(&AFFAIR_SKILLS, index), 60).optional());
                // Trust is rebuilt once attunement has begun; before it, atonement goes on.
                let topics: &[&'static str] = if plan.attuned { &AFFAIR_TRUST } else { &AFFAIR_ATONING };
                steps.push(
                    Spec::new(BlockKind::JointSession, topic(topics, index), 60).with(Modality::Gottman).optional(),
                );
            }
        }
        IntensiveKind::Couples if plan.day == 1 => {
            // A one-day intensive keeps its joint work; a longer one may give it up on day 1.
            let conflict = Spec::new(BlockKind::JointSession, "Conflict discussion", 90).with(Modality::Gottman);
            steps.push(if plan.days == 1 { conflict.at_least(60).required() } else { conflict.optional() });
        }
        IntensiveKind::Couples if plan.last() => {
            steps.push(
                Spec::new(BlockKind::JointSession, "Processing what you take home (EFT)", 90)
                    .with(Modality::Eft)
                    .optional(),
            );
        }
        IntensiveKind::Couples => {
            let processing = format!("Processing session ({})", modality.label());
            steps.push(Spec::new(BlockKind::JointSession, &processing, 90).with(modality).at_least(60).required());
            let index = plan.middle_index;
            steps
                .push(Spec::new(BlockKind::Psychoeducation, topic(&COUPLES_SKILLS, index), 60).at_least(45).required());
            steps.push(
                Spec::new(BlockKind::JointSession, topic(&COUPLES_CONFLICT, index), 90)
                    .with(Modality::Gottman)
                    .optional(),
            );
        }
    }
    if plan.last() {
        if plan.kind == IntensiveKind::AffairRecovery && plan.days > 1 {
            steps.push(triggers_repeated());
        }
        steps.push(feedback(plan.kind));
        if plan.kind == IntensiveKind::Couples && plan.days > 1 {
            steps.push(Spec::new(BlockKind::Psychoeducation, "Plan for the months ahead", 60).optional());
        }
    } else {
        steps.push(homework());
    }
}

fn dosing(slot: &DosingSlot) -> Step {
    let spec = Spec::new(BlockKind::KapDosing, "KAP dosing session", DOSING)
        .kap_for(slot.partners)
        .notes(agenda::DOSING_NOTES)
        .at_least(SHORTEST_DOSING);
    Step::Dosing { spec, notes: agenda::PREPARATION_NOTES }
}

/// A medicine day with the dose in the morning: on day 1 the opening assessment comes
/// first; after the dose a meal and rest. (A dose the day after another is in the
/// afternoon, so yesterday's integration never waits here.)
fn morning_dosing(plan: &DayPlan, slot: &DosingSlot, steps: &mut Vec<Step>) {
    if plan.day == 1 {
        steps.push(opening_assessment(plan.kind));
    }
    steps.push(dosing(slot));
    steps.push(light_meal());
    steps.push(
        Spec::new(BlockKind::Reflection, "Rest, reflection and journaling", 60)
            .who(Participants::CoupleOnTheirOwn)
            .notes(agenda::REST_NOTES)
            .optional(),
    );
}

/// The integration of yesterday's dose for `partners`: with both of them, or with the
/// one who dosed while the other has `beside` on their own.
fn integration_beside(partners: PartnerSet, beside: Spec) -> Step {
    let Some(who) = partners.iter().next().filter(|_| partners.iter().count() == 1) else {
        return integration(partners);
    };
    let session = Spec::new(BlockKind::Integration, "Integration session", INTEGRATION)
        .who(Participants::OneWithTherapist(who))
        .kap_for(partners)
        .notes(agenda::INTEGRATION_NOTES)
        .at_least(SHORTEST_INTEGRATION);
    Step::Session { spec: session, beside: Some(beside.who(Participants::OneOnTheirOwn(who.other()))), optional: false }
}

fn light_meal() -> Step {
    Step::Lunch {
        fasting: PartnerSet::NONE,
        title: "Light meal and rest",
        notes: "Something light to eat and drink now that the medicine session is over.",
    }
}

/// Joint sessions on the morning of a medicine day, before the partner who doses fasts.
const BEFORE_THE_MEDICINE: [&str; 2] =
    ["Couples session: what yesterday opened", "Couples session: bringing it home to each other"];

/// The medicine in the afternoon (a 2-day intensive's midway dose, a dose on the day
/// after another, a dose on the last day): the morning's work first (the opening on day
/// 1, yesterday's integration, joint work, on the last day the closing work), lunch for
/// whoever does not dose while the dosing partner fasts, then the preparation, the dose
/// and a light meal after it. Nothing demanding follows the dose (R7).
fn afternoon_dosing(plan: &DayPlan, slot: &DosingSlot, steps: &mut Vec<Step>) {
    if plan.day == 1 {
        steps.push(opening_assessment(plan.kind));
    }
    // Affair recovery may begin its arc here, before the medicine.
    let modality = MODALITY_CYCLE[plan.middle_index % MODALITY_CYCLE.len()];
    steps.extend(plan.phases.iter().map(|p| phase(*p, modality)));
    for partners in &plan.integrate {
        let quiet = Spec::new(BlockKind::Reflection, "Quiet time and journaling", INTEGRATION)
            .who(Participants::CoupleOnTheirOwn)
            .notes("Quiet time on your own before your medicine session this afternoon.");
        steps.push(integration_beside(*partners, quiet));
    }
    if plan.day == 1 && !plan.last() {
        let expect = Spec::new(BlockKind::Psychoeducation, "What to expect from the medicine session", 30);
        steps.push(if plan.phases.is_empty() { expect.required() } else { expect.optional() });
    } else if !plan.integrate.is_empty() {
        // The day after a dose, joint work before this one: no two medicine days in a row
        // go without it.
        let title = BEFORE_THE_MEDICINE[plan.middle_index % BEFORE_THE_MEDICINE.len()];
        steps.push(Spec::new(BlockKind::JointSession, title, 60).with(Modality::Eft).at_least(45).required());
    }
    if plan.last() {
        if plan.kind == IntensiveKind::AffairRecovery && plan.days > 1 {
            steps.push(triggers_repeated());
        }
        steps.push(feedback(plan.kind));
    }
    steps.push(Step::Lunch { fasting: slot.partners, title: "Lunch", notes: "" });
    steps.push(dosing(slot));
    steps.push(light_meal());
}
