//! A block of the day: its kind, time, who takes part, and what the couple and the
//! therapist note about it.

use chrono::{NaiveTime, TimeDelta, Timelike};
use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

use super::partner::{Participants, PartnerSet};
use crate::domain::dates::DateStyle;

/// A clock time from hours and minutes known to be valid at compile time.
pub fn clock(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour.min(23), minute.min(59), 0).unwrap_or(NaiveTime::MIN)
}

/// In the order the block form offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum BlockKind {
    CouplesCheckIn,
    Assessment,
    JointSession,
    IndividualSession,
    Feedback,
    Psychoeducation,
    KapPreparation,
    KapDosing,
    Integration,
    Break,
    Lunch,
    Reflection,
    FollowUp,
    Custom,
}

impl BlockKind {
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

    /// Short word shown on every block, so that kinds differ by more than colour.
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

    /// Whether the couple may leave a question on a block of this kind (not on
    /// breaks and meals).
    pub fn takes_questions(self) -> bool {
        !matches!(self, BlockKind::Break | BlockKind::Lunch)
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

    /// Kinds that carry a "for whom the medicine is" field.
    pub fn is_kap(self) -> bool {
        matches!(self, BlockKind::KapPreparation | BlockKind::KapDosing | BlockKind::Integration)
    }
}

/// Therapeutic approach of a joint session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Modality {
    Gottman,
    Eft,
    Ifs,
    Brainspotting,
    Emdr,
    Other,
}

impl Modality {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BlockId(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub text: String,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Day, then start, then id: the order of a day's agenda (parallel tracks by id).
    pub fn order_key(&self) -> (u8, NaiveTime, BlockId) {
        (self.day, self.start, self.id)
    }

    /// Puts blocks in agenda order (`order_key`); every list of blocks in time order is
    /// sorted here.
    pub fn sort_in_time(blocks: &mut [&Block]) {
        blocks.sort_by_key(|b| b.order_key());
    }

    /// "09:30–10:15" or "9:30–10:15 AM", as every agenda and the grid show it.
    pub fn time_range(&self, style: DateStyle) -> String {
        style.time_range(self.start, self.end())
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
        let start = i64::from(self.start.num_seconds_from_midnight()) / 60;
        (start, start + i64::from(self.minutes))
    }
}
