//! The plan as the therapist and the couple talk about it: an intensive made of
//! days and blocks. Plain data; every change goes through `edit::apply`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

use super::block::{clock, Block, BlockId, BlockKind};
use super::follow_up::{FollowUpId, FollowUpSession};
use super::guide::IntegrationGuide;
use super::partner::{Partner, PartnerSet, Partners, Therapist};
use crate::domain::kap::KapSettings;
use crate::domain::limits::RuleLimits;

/// Most days an intensive may have (README, *How to use it*: 1–7 days).
pub const MAX_DAYS: u8 = 7;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum IntensiveKind {
    Couples,
    #[strum(serialize = "affair")]
    AffairRecovery,
}

impl IntensiveKind {
    pub fn label(self) -> &'static str {
        match self {
            IntensiveKind::Couples => "Couples intensive",
            IntensiveKind::AffairRecovery => "Affair-recovery intensive",
        }
    }
}

/// Where the plan stands between therapist and couple.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum PlanStatus {
    Draft,
    #[strum(serialize = "shared")]
    SharedWithCouple,
    Confirmed,
}

impl PlanStatus {
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Draft => "Draft",
            PlanStatus::SharedWithCouple => "Shared with couple",
            PlanStatus::Confirmed => "Confirmed",
        }
    }
}

/// The hours a day of the intensive runs; each day may differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoupleReview {
    /// Set when the couple says "we have reviewed this plan".
    pub reviewed_on: Option<NaiveDate>,
    /// The revision of the latest couple's reply added (the couple's copy counts them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reply: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Sessions on real dates after the last day, in no particular order.
    pub follow_ups: Vec<FollowUpSession>,
    pub next_follow_up_id: u32,
    pub guide: IntegrationGuide,
    /// For a copy saved from a share link under a new id: the therapist's plan id,
    /// so the couple's reply finds its way back. Left out of the stored text when
    /// empty, so plans that were never shared keep the text they had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_from: Option<String>,
}

impl Plan {
    pub fn day_count(&self) -> u8 {
        u8::try_from(self.days.len()).unwrap_or(MAX_DAYS)
    }
    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }
    pub fn follow_up(&self, id: FollowUpId) -> Option<&FollowUpSession> {
        self.follow_ups.iter().find(|f| f.id == id)
    }
    /// The follow-ups in date order.
    pub fn follow_ups_in_order(&self) -> Vec<&FollowUpSession> {
        let mut list: Vec<&FollowUpSession> = self.follow_ups.iter().collect();
        list.sort_by_key(|f| f.order_key());
        list
    }
    /// The intensive's last day.
    pub fn last_date(&self) -> NaiveDate {
        self.date_of(self.day_count())
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
        Block::sort_in_time(&mut list);
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
            follow_ups,
            next_follow_up_id,
            guide,
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
            && *follow_ups == other.follow_ups
            && *next_follow_up_id == other.next_follow_up_id
            && *guide == other.guide
            && *shared_from == other.shared_from
    }

    /// A copy under a new id, marked as a copy, not yet saved anywhere.
    pub fn copy_as(&self, id: String) -> Plan {
        let title =
            crate::domain::words::fit_with_suffix(&self.title, " (copy)", crate::domain::validate::MAX_TITLE_CHARS);
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
