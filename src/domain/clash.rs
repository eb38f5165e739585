//! A field two versions of a plan both changed: what it is, the value a merge kept,
//! the one it did not, and the edit that puts the other one in place. `merge` makes
//! these; the editor lists them until the person picks.

use chrono::{NaiveDate, NaiveTime};

use super::edit::{BlockText, Edit};
use super::kap::{ReadinessItem, ReadinessValue};
use super::limits::EditableLimit;
use super::model::*;

/// Whose version of a field is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    ThisTab,
    OtherTab,
    /// A copy arriving from a link, a file or a backup.
    Arriving,
    /// The plan this browser holds, as an arriving copy meets it.
    Here,
    /// The couple's reply.
    Reply,
}

impl Side {
    /// Inside a sentence: "deleted in the arriving copy".
    pub fn words(self) -> &'static str {
        match self {
            Side::ThisTab => "this tab",
            Side::OtherTab => "the other tab",
            Side::Arriving => "the arriving copy",
            Side::Here => "this browser",
            Side::Reply => "the couple's reply",
        }
    }

    /// The button that takes this side's value.
    pub fn use_label(self) -> &'static str {
        match self {
            Side::ThisTab => "Use this tab's",
            Side::OtherTab => "Use the other tab's",
            Side::Arriving => "Use the arriving copy's",
            Side::Here => "Use this browser's",
            Side::Reply => "Use the reply's",
        }
    }
}

/// One field, or one block, that the two versions disagree on.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    /// The field in words: "The title", "“Lunch” (day 2, 12:00): its place".
    pub what: String,
    /// The value the merged plan holds, in words.
    pub kept: String,
    /// The value it does not hold, in words, and whose it was.
    pub other: String,
    pub other_side: Side,
    /// Puts `other` in place of `kept`.
    pub alternative: Alternative,
}

/// A value for one field of a plan, set on its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Alternative {
    Title(String),
    PartnerA(String),
    PartnerB(String),
    TherapistName(String),
    TherapistContact(String),
    Location(String),
    FirstDay(NaiveDate),
    DayWindow(u8, DayWindow),
    Status(PlanStatus),
    Reviewed(Option<NaiveDate>),
    Limit(EditableLimit, u16),
    Readiness(Partner, ReadinessItem, ReadinessValue),
    BlockPlace(BlockId, u8, NaiveTime),
    BlockMinutes(BlockId, u16),
    BlockKind(BlockId, BlockKind),
    BlockWho(BlockId, Participants),
    BlockKapFor(BlockId, Option<PartnerSet>),
    BlockModality(BlockId, Option<Modality>),
    BlockText(BlockId, BlockText, String),
    BlockChecklist(BlockId, Vec<ChecklistItem>),
    DeleteBlock(BlockId),
}

impl Alternative {
    /// The edit that sets this value on `current`, leaving every other field as it is.
    pub fn edit(&self, current: &Plan) -> Edit {
        let partners = |a: &str, b: &str| Edit::SetPartners(Partners { a: a.to_string(), b: b.to_string() });
        let therapist = |name: &str, contact: &str| {
            Edit::SetTherapist(Therapist { name: name.to_string(), contact: contact.to_string() })
        };
        match self {
            Alternative::Title(title) => Edit::SetTitle(title.clone()),
            Alternative::PartnerA(a) => partners(a, &current.partners.b),
            Alternative::PartnerB(b) => partners(&current.partners.a, b),
            Alternative::TherapistName(name) => therapist(name, &current.therapist.contact),
            Alternative::TherapistContact(contact) => therapist(&current.therapist.name, contact),
            Alternative::Location(location) => Edit::SetLocation(location.clone()),
            Alternative::FirstDay(day) => Edit::SetFirstDay(*day),
            Alternative::DayWindow(day, window) => Edit::SetDayWindow { day: *day, window: *window },
            Alternative::Status(status) => Edit::SetStatus(*status),
            Alternative::Reviewed(date) => Edit::MarkReviewed(*date),
            Alternative::Limit(limit, value) => Edit::SetLimit(*limit, *value),
            Alternative::Readiness(partner, item, value) => {
                let mut kap = current.kap.clone();
                *kap.readiness_mut(*partner) = kap.readiness(*partner).with(*item, value.clone());
                Edit::SetKap(kap)
            }
            Alternative::BlockPlace(id, day, start) => Edit::MoveBlock { id: *id, day: *day, start: *start },
            Alternative::BlockMinutes(id, minutes) => Edit::ResizeBlock { id: *id, minutes: *minutes },
            Alternative::BlockKind(id, kind) => Edit::ChangeKind { id: *id, kind: *kind },
            Alternative::BlockWho(id, who) => Edit::ChangeWho { id: *id, who: *who },
            Alternative::BlockKapFor(id, kap_for) => Edit::ChangeKapFor { id: *id, kap_for: *kap_for },
            Alternative::BlockModality(id, modality) => Edit::ChangeModality { id: *id, modality: *modality },
            Alternative::BlockText(id, field, text) => Edit::SetText { id: *id, field: *field, text: text.clone() },
            Alternative::BlockChecklist(id, items) => Edit::SetChecklist { id: *id, items: items.clone() },
            Alternative::DeleteBlock(id) => Edit::DeleteBlock { id: *id },
        }
    }
}
