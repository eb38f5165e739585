//! The plan as the therapist and the couple talk about it: an intensive made of
//! days and blocks. Plain data; every change goes through `edit::apply`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::kap::KapSettings;
use super::limits::RuleLimits;
use super::stored_name::stored_by_name;

/// Most days an intensive may have (product brief §3).
pub const MAX_DAYS: u8 = 7;

stored_by_name! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum IntensiveKind {
        Couples,
        AffairRecovery,
    }
}

impl IntensiveKind {
    pub const ALL: [IntensiveKind; 2] = [IntensiveKind::Couples, IntensiveKind::AffairRecovery];

    pub fn label(self) -> &'static str {
        match self {
            IntensiveKind::Couples => "Couples intensive",
            IntensiveKind::AffairRecovery => "Affair-recovery intensive",
        }
    }
}

stored_by_name! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Partner {
        A,
        B,
    }
}

impl Partner {
    pub fn other(self) -> Partner {
        match self {
            Partner::A => Partner::B,
            Partner::B => Partner::A,
        }
    }
}

/// Which partners a thing concerns; a tiny set so rules can ask "does it include A?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartnerSet {
    pub a: bool,
    pub b: bool,
}

impl PartnerSet {
    pub const NONE: PartnerSet = PartnerSet { a: false, b: false };
    pub const BOTH: PartnerSet = PartnerSet { a: true, b: true };

    pub fn only(p: Partner) -> PartnerSet {
        match p {
            Partner::A => PartnerSet { a: true, b: false },
            Partner::B => PartnerSet { a: false, b: true },
        }
    }
    pub fn contains(self, p: Partner) -> bool {
        match p {
            Partner::A => self.a,
            Partner::B => self.b,
        }
    }
    pub fn union(self, other: PartnerSet) -> PartnerSet {
        PartnerSet { a: self.a || other.a, b: self.b || other.b }
    }
    pub fn is_empty(self) -> bool {
        !self.a && !self.b
    }
    pub fn iter(self) -> impl Iterator<Item = Partner> {
        [Partner::A, Partner::B].into_iter().filter(move |p| self.contains(*p))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partners {
    pub a: String,
    pub b: String,
}

impl Partners {
    pub fn name(&self, p: Partner) -> &str {
        match p {
            Partner::A => &self.a,
            Partner::B => &self.b,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Therapist {
    pub name: String,
    pub contact: String,
}

stored_by_name! {
    /// Where the plan stands between therapist and couple.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum PlanStatus {
        Draft,
        SharedWithCouple,
        Confirmed,
    }
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Draft, PlanStatus::SharedWithCouple, PlanStatus::Confirmed];

    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Draft => "Draft",
            PlanStatus::SharedWithCouple => "Shared with couple",
            PlanStatus::Confirmed => "Confirmed",
        }
    }
}

/// The hours a day of the intensive runs; each day may differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl DayWindow {
    pub fn standard() -> DayWindow {
        DayWindow { start: clock(9, 0), end: clock(17, 0) }
    }
    pub fn minutes(self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// A clock time from hours and minutes known to be valid at compile time.
pub fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour.min(23), minute.min(59), 0).unwrap_or(NaiveTime::MIN)
}

stored_by_name! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum BlockKind {
        KapPreparation,
        KapDosing,
        Integration,
        CouplesCheckIn,
        JointSession,
        IndividualSession,
        Assessment,
        Feedback,
        Psychoeducation,
        Break,
        Lunch,
        Reflection,
        FollowUp,
        Custom,
    }
}

impl BlockKind {
    pub const ALL: [BlockKind; 14] = [
        BlockKind::CouplesCheckIn,
        BlockKind::Assessment,
        BlockKind::JointSession,
        BlockKind::IndividualSession,
        BlockKind::Feedback,
        BlockKind::Psychoeducation,
        BlockKind::KapPreparation,
        BlockKind::KapDosing,
        BlockKind::Integration,
        BlockKind::Break,
        BlockKind::Lunch,
        BlockKind::Reflection,
        BlockKind::FollowUp,
        BlockKind::Custom,
    ];

    /// The kind as a CSS class suffix ("kapdosing"), for its colour and border.
    pub fn css_name(self) -> &'static str {
        match self {
            BlockKind::KapPreparation => "kappreparation",
            BlockKind::KapDosing => "kapdosing",
            BlockKind::Integration => "integration",
            BlockKind::CouplesCheckIn => "couplescheckin",
            BlockKind::JointSession => "jointsession",
            BlockKind::IndividualSession => "individualsession",
            BlockKind::Assessment => "assessment",
            BlockKind::Feedback => "feedback",
            BlockKind::Psychoeducation => "psychoeducation",
            BlockKind::Break => "break",
            BlockKind::Lunch => "lunch",
            BlockKind::Reflection => "reflection",
            BlockKind::FollowUp => "followup",
            BlockKind::Custom => "custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::KapPreparation => "KAP preparation / intention setting",
            BlockKind::KapDosing => "KAP dosing session",
            BlockKind::Integration => "Integration session",
            BlockKind::CouplesCheckIn => "Couples check-in",
            BlockKind::JointSession => "Joint session",
            BlockKind::IndividualSession => "Individual session",
            BlockKind::Assessment => "Assessment",
            BlockKind::Feedback => "Feedback",
            BlockKind::Psychoeducation => "Psychoeducation / skills",
            BlockKind::Break => "Break",
            BlockKind::Lunch => "Lunch",
            BlockKind::Reflection => "Reflection / homework",
            BlockKind::FollowUp => "Follow-up",
            BlockKind::Custom => "Custom",
        }
    }

    /// Whether the couple may leave a question on a block of this kind (not on
    /// breaks and meals).
    pub fn takes_questions(self) -> bool {
        !matches!(self, BlockKind::Break | BlockKind::Lunch)
    }

    /// Short text tag shown on every block so kinds differ by more than colour.
    pub fn tag(self) -> &'static str {
        match self {
            BlockKind::KapPreparation => "PREP",
            BlockKind::KapDosing => "KAP",
            BlockKind::Integration => "INTEG",
            BlockKind::CouplesCheckIn => "CHECK-IN",
            BlockKind::JointSession => "JOINT",
            BlockKind::IndividualSession => "INDIV",
            BlockKind::Assessment => "ASSESS",
            BlockKind::Feedback => "FEEDBACK",
            BlockKind::Psychoeducation => "SKILLS",
            BlockKind::Break => "BREAK",
            BlockKind::Lunch => "MEAL",
            BlockKind::Reflection => "REFLECT",
            BlockKind::FollowUp => "FOLLOW-UP",
            BlockKind::Custom => "OTHER",
        }
    }

    /// Kinds that ask real work of a partner; after dosing only rest fits (rule 7).
    pub fn is_demanding(self) -> bool {
        matches!(
            self,
            BlockKind::Assessment
                | BlockKind::IndividualSession
                | BlockKind::JointSession
                | BlockKind::Feedback
                | BlockKind::Psychoeducation
        )
    }

    /// Kinds that count toward "2 h of session time without a break" (rule 9).
    /// The dosing session is excluded: it is mostly quiet time and has its own limits.
    pub fn is_session_time(self) -> bool {
        matches!(
            self,
            BlockKind::KapPreparation
                | BlockKind::Integration
                | BlockKind::CouplesCheckIn
                | BlockKind::JointSession
                | BlockKind::IndividualSession
                | BlockKind::Assessment
                | BlockKind::Feedback
                | BlockKind::Psychoeducation
                | BlockKind::FollowUp
        )
    }

    /// Kinds that give a rest, ending a run of session time (rule 9).
    pub fn is_rest(self) -> bool {
        matches!(self, BlockKind::Break | BlockKind::Lunch | BlockKind::KapDosing)
    }

    /// Kinds that carry a "for whom the medicine is" field.
    pub fn is_kap(self) -> bool {
        matches!(self, BlockKind::KapPreparation | BlockKind::KapDosing | BlockKind::Integration)
    }
}

stored_by_name! {
    /// Therapeutic approach of a joint session.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Modality {
        Eft,
        Gottman,
        Ifs,
        Brainspotting,
        Emdr,
        Other,
    }
}

impl Modality {
    pub const ALL: [Modality; 6] =
        [Modality::Gottman, Modality::Eft, Modality::Ifs, Modality::Brainspotting, Modality::Emdr, Modality::Other];

    /// A short stable name, for form values.
    pub fn code(self) -> &'static str {
        match self {
            Modality::Eft => "eft",
            Modality::Gottman => "gottman",
            Modality::Ifs => "ifs",
            Modality::Brainspotting => "brainspotting",
            Modality::Emdr => "emdr",
            Modality::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Modality::Eft => "EFT",
            Modality::Gottman => "Gottman Method",
            Modality::Ifs => "IFS",
            Modality::Brainspotting => "Brainspotting",
            Modality::Emdr => "EMDR",
            Modality::Other => "Other",
        }
    }
}

/// Who takes part in a block; the therapist is a person too when it comes to overlaps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Participants {
    BothWithTherapist,
    OneWithTherapist(Partner),
    CoupleOnTheirOwn,
    OneOnTheirOwn(Partner),
}

impl Participants {
    pub fn partners(self) -> PartnerSet {
        match self {
            Participants::BothWithTherapist | Participants::CoupleOnTheirOwn => PartnerSet::BOTH,
            Participants::OneWithTherapist(p) | Participants::OneOnTheirOwn(p) => PartnerSet::only(p),
        }
    }
    pub fn has_therapist(self) -> bool {
        matches!(self, Participants::BothWithTherapist | Participants::OneWithTherapist(_))
    }
    /// Words for the couple: "Both of you with Dr Lee", "Sam on their own".
    pub fn describe(self, partners: &Partners, therapist: &str) -> String {
        let with = if therapist.trim().is_empty() { "the therapist" } else { therapist.trim() };
        match self {
            Participants::BothWithTherapist => format!("{} and {} with {}", partners.a, partners.b, with),
            Participants::OneWithTherapist(p) => format!("{} with {}", partners.name(p), with),
            Participants::CoupleOnTheirOwn => format!("{} and {} together", partners.a, partners.b),
            Participants::OneOnTheirOwn(p) => format!("{} on their own", partners.name(p)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    pub text: String,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub id: BlockId,
    pub kind: BlockKind,
    /// 1-based day of the intensive; `days + 1` is the day after it (follow-up).
    pub day: u8,
    pub start: NaiveTime,
    pub minutes: u16,
    pub title: String,
    pub who: Participants,
    /// For KAP preparation, dosing and integration: whose medicine this is.
    /// `None` means everyone taking part.
    pub kap_for: Option<PartnerSet>,
    pub modality: Option<Modality>,
    pub couple_notes: String,
    pub private_notes: String,
    pub checklist: Vec<ChecklistItem>,
    /// The couple's question or comment on this block.
    pub couple_question: String,
}

impl Block {
    /// Day, then start, then id, as one number for `order::sort_by_number`.
    pub fn order_key(&self) -> u64 {
        let minute = super::time::minute_of_day(self.start).clamp(0, 24 * 60) as u64;
        (u64::from(self.day) << 48) | (minute << 32) | u64::from(self.id.0)
    }

    /// "09:30–10:15", as every agenda and the grid show it.
    pub fn time_range(&self) -> String {
        format!("{}\u{2013}{}", super::time::hhmm(self.start), super::time::hhmm(self.end()))
    }

    pub fn end(&self) -> NaiveTime {
        // Saturates at the end of the day instead of wrapping past midnight.
        let end = self.start + TimeDelta::minutes(i64::from(self.minutes));
        if end < self.start {
            clock(23, 59)
        } else {
            end
        }
    }
    pub fn length(&self) -> TimeDelta {
        TimeDelta::minutes(i64::from(self.minutes))
    }
    /// Partners whose medicine a KAP block is about.
    pub fn kap_partners(&self) -> PartnerSet {
        self.kap_for.unwrap_or_else(|| self.who.partners())
    }
    /// Minutes since midnight of start and end, for interval arithmetic.
    pub fn span(&self) -> (i64, i64) {
        let start = i64::from(chrono::Timelike::num_seconds_from_midnight(&self.start)) / 60;
        (start, start + i64::from(self.minutes))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoupleReview {
    /// Set when the couple says "we have reviewed this plan".
    pub reviewed_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    /// Increases on every saved change; lets storage notice a newer copy in another tab.
    pub revision: u64,
    pub title: String,
    pub kind: IntensiveKind,
    pub partners: Partners,
    pub therapist: Therapist,
    pub location: String,
    pub first_day: NaiveDate,
    /// One window per day; its length is the number of days (1–7).
    pub days: Vec<DayWindow>,
    pub status: PlanStatus,
    pub blocks: Vec<Block>,
    pub kap: KapSettings,
    pub limits: RuleLimits,
    pub review: CoupleReview,
    pub next_block_id: u32,
    /// For a copy saved from a share link under a new id: the therapist's plan id,
    /// so the couple's reply finds its way back.
    pub shared_from: Option<String>,
}

impl Plan {
    pub fn day_count(&self) -> u8 {
        u8::try_from(self.days.len()).unwrap_or(MAX_DAYS)
    }
    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }
    pub fn date_of(&self, day: u8) -> NaiveDate {
        self.first_day + TimeDelta::days(i64::from(day.max(1)) - 1)
    }
    /// Window of a day; days after the intensive use the last day's hours.
    pub fn window(&self, day: u8) -> DayWindow {
        let index = usize::from(day.max(1)) - 1;
        self.days.get(index).or(self.days.last()).copied().unwrap_or_else(DayWindow::standard)
    }
    pub fn starts_at(&self, block: &Block) -> NaiveDateTime {
        self.date_of(block.day).and_time(block.start)
    }
    pub fn ends_at(&self, block: &Block) -> NaiveDateTime {
        self.starts_at(block) + block.length()
    }
    /// The last day that holds any block: the intensive's days, plus a follow-up day if used.
    pub fn shown_days(&self) -> u8 {
        let last_block_day = self.blocks.iter().map(|b| b.day).max().unwrap_or(1);
        self.day_count().max(last_block_day)
    }
    /// Blocks of one day in time order (parallel tracks by partner A first).
    pub fn blocks_on(&self, day: u8) -> Vec<&Block> {
        let mut list: Vec<&Block> = self.blocks.iter().filter(|b| b.day == day).collect();
        super::order::sort_by_number(&mut list, |b| b.order_key());
        list
    }
    /// Partners who dose in this plan: those with a dosing block, plus those the KAP
    /// settings name (so readiness can be recorded before the blocks exist).
    pub fn dosing_partners(&self) -> PartnerSet {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::KapDosing)
            .fold(self.kap.who_doses.partners(), |set, b| set.union(b.kap_partners()))
    }

    /// Whether two versions hold the same plan, whatever revision each was saved as.
    pub fn same_content(&self, other: &Plan) -> bool {
        // Destructured, so a field added to `Plan` cannot be left out of the comparison.
        let Plan {
            id,
            revision: _,
            title,
            kind,
            partners,
            therapist,
            location,
            first_day,
            days,
            status,
            blocks,
            kap,
            limits,
            review,
            next_block_id,
            shared_from,
        } = self;
        *id == other.id
            && *title == other.title
            && *kind == other.kind
            && *partners == other.partners
            && *therapist == other.therapist
            && *location == other.location
            && *first_day == other.first_day
            && *days == other.days
            && *status == other.status
            && *blocks == other.blocks
            && *kap == other.kap
            && *limits == other.limits
            && *review == other.review
            && *next_block_id == other.next_block_id
            && *shared_from == other.shared_from
    }

    /// A copy under a new id, marked as a copy, not yet saved anywhere.
    pub fn copy_as(&self, id: String) -> Plan {
        let title = super::validate::fit_with_suffix(&self.title, " (copy)", super::validate::MAX_TITLE_CHARS);
        Plan { id, revision: 0, title, ..self.clone() }
    }

    /// A duplicate made to work on: a copy that starts as a draft, whatever the
    /// original's status.
    pub fn duplicate_as(&self, id: String) -> Plan {
        Plan { status: PlanStatus::Draft, ..self.copy_as(id) }
    }

    /// Where a new block on `day` can start: after the last block, or at the day's start.
    pub fn next_free_start(&self, day: u8) -> NaiveTime {
        let window = self.window(day);
        self.blocks.iter().filter(|b| b.day == day).map(Block::end).max().unwrap_or(window.start).min(clock(23, 0))
    }
    pub fn partner_name(&self, p: Partner) -> &str {
        self.partners.name(p)
    }
}
