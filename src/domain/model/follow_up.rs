//! Follow-up sessions: integration carried on real dates after the intensive's last
//! day (README, *After the intensive*). A follow-up is always with the therapist; one
//! that names whose medicine it integrates can be that dose's integration session
//! (rule R1) when it falls inside the integration window.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::partner::{Participants, PartnerSet};
use crate::domain::dates::DateStyle;

/// Most follow-up sessions a plan holds: two a month for a year.
pub const MAX_FOLLOW_UPS: usize = 24;
/// The latest a follow-up may be: a year after the last day.
pub const MAX_DAYS_AFTER: i64 = 365;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FollowUpId(pub u32);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpSession {
    pub id: FollowUpId,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub minutes: u16,
    pub title: String,
    /// Both partners or one, always with the therapist.
    pub who: Participants,
    /// Whose medicine it integrates; `None` for a follow-up about no dose.
    pub kap_for: Option<PartnerSet>,
    pub couple_notes: String,
    pub private_notes: String,
}

/// Text the therapist writes on a follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FollowUpText {
    Title,
    CoupleNotes,
    PrivateNotes,
}

/// One change to one follow-up, as fine as its fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FollowUpChange {
    Date(NaiveDate),
    Start(NaiveTime),
    Length(u16),
    Who(Participants),
    KapFor(Option<PartnerSet>),
    Text(FollowUpText, String),
}

/// Whose medicine a follow-up integrates, as its list offers it: `None` is a follow-up
/// about no dose (a block's `None`, everyone taking part, has no place after the intensive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FollowUpDose(pub Option<PartnerSet>);

/// Who a follow-up may be with: the therapist is always there.
pub const FOLLOW_UP_WHO: [Participants; 3] = [
    Participants::BothWithTherapist,
    Participants::OneWithTherapist(super::partner::Partner::A),
    Participants::OneWithTherapist(super::partner::Partner::B),
];

impl FollowUpSession {
    pub fn starts_at(&self) -> NaiveDateTime {
        self.date.and_time(self.start)
    }
    pub fn ends_at(&self) -> NaiveDateTime {
        self.starts_at() + TimeDelta::minutes(i64::from(self.minutes))
    }
    /// "10:00–11:30", as the agenda shows a block's.
    pub fn time_range(&self, style: DateStyle) -> String {
        style.time_range(self.start, self.ends_at().time())
    }
    pub fn text(&self, field: FollowUpText) -> &String {
        match field {
            FollowUpText::Title => &self.title,
            FollowUpText::CoupleNotes => &self.couple_notes,
            FollowUpText::PrivateNotes => &self.private_notes,
        }
    }
    /// This session with `change` made; the plan's checks decide whether it stands.
    pub fn changed(&self, change: FollowUpChange) -> FollowUpSession {
        let mut session = self.clone();
        match change {
            FollowUpChange::Date(date) => session.date = date,
            FollowUpChange::Start(start) => session.start = start,
            FollowUpChange::Length(minutes) => session.minutes = minutes,
            FollowUpChange::Who(who) => session.who = who,
            FollowUpChange::KapFor(kap_for) => session.kap_for = kap_for,
            FollowUpChange::Text(FollowUpText::Title, text) => session.title = text,
            FollowUpChange::Text(FollowUpText::CoupleNotes, text) => session.couple_notes = text,
            FollowUpChange::Text(FollowUpText::PrivateNotes, text) => session.private_notes = text,
        }
        session
    }
    /// Date, then start, then id: the order every list of follow-ups is shown in.
    pub fn order_key(&self) -> (NaiveDate, NaiveTime, FollowUpId) {
        (self.date, self.start, self.id)
    }
}
