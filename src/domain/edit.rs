//! Every change to a plan is an `Edit`; `apply` returns the changed plan or says
//! why not. The UI sends edits and nothing else, which makes undo a list of plans.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::agenda;
use super::dates::DateStyle;
pub use super::edit_checks::{block_lengths, EditError, MAX_BLOCK_MINUTES};
use super::edit_checks::{check_text, fit_start};
use super::follow_up_edit::{self, GuideChange};
use super::kap::{Driver, ReadinessItem, ReadinessValue};
use super::limits::EditableLimit;
use super::model::*;
use super::status::{errors, reopen_if_broken};
use super::time::{minute_of_day, snap, snap_length, GRID_MINUTES, MINUTES_PER_DAY};
use super::validate::{validate, MAX_BLOCKS, MAX_CHECKLIST_ITEMS, MAX_NOTE_CHARS, MAX_TITLE_CHARS};

/// Text the therapist or the couple edits on a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockText {
    Title,
    CoupleNotes,
    PrivateNotes,
    CoupleQuestion,
}

/// One change to a plan. Serde-derived: a clash kept across a reload holds the edit
/// that settles it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    AddBlock {
        kind: BlockKind,
        day: u8,
        start: NaiveTime,
        minutes: u16,
        who: Participants,
    },
    MoveBlock {
        id: BlockId,
        day: u8,
        start: NaiveTime,
    },
    /// Keyboard path: move by whole grid steps and days.
    NudgeBlock {
        id: BlockId,
        minutes: i32,
        days: i8,
    },
    ResizeBlock {
        id: BlockId,
        minutes: u16,
    },
    DeleteBlock {
        id: BlockId,
    },
    ChangeKind {
        id: BlockId,
        kind: BlockKind,
    },
    ChangeWho {
        id: BlockId,
        who: Participants,
    },
    ChangeKapFor {
        id: BlockId,
        kap_for: Option<PartnerSet>,
    },
    ChangeModality {
        id: BlockId,
        modality: Option<Modality>,
    },
    SetText {
        id: BlockId,
        field: BlockText,
        text: String,
    },
    AddChecklistItem {
        id: BlockId,
        text: String,
    },
    TickChecklistItem {
        id: BlockId,
        index: usize,
        done: bool,
    },
    RemoveChecklistItem {
        id: BlockId,
        index: usize,
    },
    /// The whole checklist at once (a version chosen after two tabs changed it).
    SetChecklist {
        id: BlockId,
        items: Vec<ChecklistItem>,
    },
    SetTitle(String),
    SetPartnerName(Partner, String),
    SetTherapistName(String),
    SetTherapistContact(String),
    SetLocation(String),
    SetFirstDay(NaiveDate),
    SetDayWindow {
        day: u8,
        window: DayWindow,
    },
    /// One item of one partner's readiness record.
    SetReadiness {
        partner: Partner,
        item: ReadinessItem,
        value: ReadinessValue,
    },
    /// One clinical limit, kept inside its range.
    SetLimit(EditableLimit, u16),
    SetStatus(PlanStatus),
    MarkReviewed(Option<NaiveDate>),
    /// A couple's reply of this revision is added: an older one never overwrites it unseen.
    RecordReply(u64),
    AddFollowUp {
        date: NaiveDate,
        start: NaiveTime,
        minutes: u16,
        who: Participants,
    },
    ChangeFollowUp {
        id: FollowUpId,
        change: FollowUpChange,
    },
    DeleteFollowUp {
        id: FollowUpId,
    },
    /// A block put back whole: one a merge left out of a full plan.
    RestoreBlock(Box<Block>),
    /// A follow-up put back whole: one a merge left out of a full plan.
    RestoreFollowUp(FollowUpSession),
    ChangeGuide(GuideChange),
}

fn block_mut(plan: &mut Plan, id: BlockId) -> Result<&mut Block, EditError> {
    plan.blocks.iter_mut().find(|b| b.id == id).ok_or(EditError::NoSuchBlock(id))
}

/// Days a block may be on: the intensive, plus the day after it for follow-ups.
fn check_day(plan: &Plan, day: u8) -> Result<u8, EditError> {
    let last = plan.day_count() + 1;
    if (1..=last).contains(&day) {
        Ok(day)
    } else {
        Err(EditError::DayOutOfRange { day, last })
    }
}

/// An id no block of the plan has, and the counter after it. Ids count up from
/// `next_block_id`; a plan whose counter reached the top of its range (an imported
/// one) takes the lowest free id instead, which the block limit guarantees exists.
pub fn fresh_block_id(blocks: &[Block], counter: u32) -> (BlockId, u32) {
    if counter < u32::MAX {
        return (BlockId(counter), counter + 1);
    }
    let taken: std::collections::BTreeSet<u32> = blocks.iter().map(|b| b.id.0).collect();
    let free = (1..u32::MAX).find(|id| !taken.contains(id)).unwrap_or_default();
    (BlockId(free), counter)
}

fn default_title(kind: BlockKind) -> String {
    kind.label().to_string()
}

/// The plan after `edit`, or why the edit cannot be made. `plan` is left as it was.
pub fn apply(plan: &Plan, edit: &Edit) -> Result<Plan, EditError> {
    let mut next = plan.clone();
    match edit {
        Edit::AddBlock { kind, day, start, minutes, who } => {
            let day = check_day(&next, *day)?;
            if next.blocks.len() >= MAX_BLOCKS {
                return Err(EditError::TooManyBlocks);
            }
            let minutes = snap_length(i64::from(*minutes), MAX_BLOCK_MINUTES);
            let (id, counter) = fresh_block_id(&next.blocks, next.next_block_id);
            next.next_block_id = counter;
            next.blocks.push(Block {
                id,
                kind: *kind,
                day,
                start: fit_start(minute_of_day(*start), minutes),
                minutes,
                title: default_title(*kind),
                who: *who,
                kap_for: None,
                modality: None,
                couple_notes: String::new(),
                private_notes: String::new(),
                checklist: agenda::default_checklist(*kind),
                couple_question: String::new(),
            });
        }
        Edit::MoveBlock { id, day, start } => {
            let day = check_day(&next, *day)?;
            let block = block_mut(&mut next, *id)?;
            block.day = day;
            block.start = fit_start(minute_of_day(*start), block.minutes);
        }
        Edit::NudgeBlock { id, minutes, days } => {
            let last = next.day_count() + 1;
            let block = block_mut(&mut next, *id)?;
            let day = (i16::from(block.day) + i16::from(*days)).clamp(1, i16::from(last));
            block.day = u8::try_from(day).unwrap_or(1);
            let moved = minute_of_day(block.start) + i64::from(*minutes);
            block.start = fit_start(moved, block.minutes);
        }
        Edit::ResizeBlock { id, minutes } => {
            let block = block_mut(&mut next, *id)?;
            let room = MINUTES_PER_DAY - minute_of_day(block.start);
            block.minutes = snap_length(i64::from(*minutes), MAX_BLOCK_MINUTES.min(room - room % GRID_MINUTES));
        }
        Edit::DeleteBlock { id } => {
            block_mut(&mut next, *id)?;
            next.blocks.retain(|b| b.id != *id);
        }
        Edit::RestoreBlock(block) => {
            let day = check_day(&next, block.day)?;
            if next.blocks.len() >= MAX_BLOCKS {
                return Err(EditError::TooManyBlocks);
            }
            let (id, counter) = fresh_block_id(&next.blocks, next.next_block_id);
            next.next_block_id = counter;
            next.blocks.push(Block { id, day, ..(**block).clone() });
        }
        Edit::ChangeKind { id, kind } => block_mut(&mut next, *id)?.kind = *kind,
        Edit::ChangeWho { id, who } => block_mut(&mut next, *id)?.who = *who,
        Edit::ChangeKapFor { id, kap_for } => block_mut(&mut next, *id)?.kap_for = *kap_for,
        Edit::ChangeModality { id, modality } => block_mut(&mut next, *id)?.modality = *modality,
        Edit::SetText { id, field, text } => {
            let max = if *field == BlockText::Title { MAX_TITLE_CHARS } else { MAX_NOTE_CHARS };
            let text = check_text(text, max)?;
            let block = block_mut(&mut next, *id)?;
            match field {
                BlockText::Title => block.title = text,
                BlockText::CoupleNotes => block.couple_notes = text,
                BlockText::PrivateNotes => block.private_notes = text,
                BlockText::CoupleQuestion => block.couple_question = text,
            }
        }
        Edit::AddChecklistItem { id, text } => {
            let text = check_text(text, MAX_TITLE_CHARS)?;
            let list = &mut block_mut(&mut next, *id)?.checklist;
            if list.len() >= MAX_CHECKLIST_ITEMS {
                return Err(EditError::TooManyChecklistItems);
            }
            list.push(ChecklistItem { text, done: false });
        }
        Edit::TickChecklistItem { id, index, done } => {
            let item = block_mut(&mut next, *id)?.checklist.get_mut(*index).ok_or(EditError::NoSuchChecklistItem)?;
            item.done = *done;
        }
        Edit::RemoveChecklistItem { id, index } => {
            let list = &mut block_mut(&mut next, *id)?.checklist;
            if *index >= list.len() {
                return Err(EditError::NoSuchChecklistItem);
            }
            list.remove(*index);
        }
        Edit::SetChecklist { id, items } => {
            if items.len() > MAX_CHECKLIST_ITEMS {
                return Err(EditError::TooManyChecklistItems);
            }
            block_mut(&mut next, *id)?.checklist = items.clone();
        }
        Edit::SetTitle(title) => next.title = check_text(title, MAX_TITLE_CHARS)?,
        Edit::SetPartnerName(Partner::A, name) => next.partners.a = check_text(name, MAX_TITLE_CHARS)?,
        Edit::SetPartnerName(Partner::B, name) => next.partners.b = check_text(name, MAX_TITLE_CHARS)?,
        Edit::SetTherapistName(name) => next.therapist.name = check_text(name, MAX_TITLE_CHARS)?,
        Edit::SetTherapistContact(contact) => next.therapist.contact = check_text(contact, MAX_TITLE_CHARS)?,
        Edit::SetLocation(location) => next.location = check_text(location, MAX_TITLE_CHARS)?,
        Edit::SetFirstDay(day) => {
            next.first_day = *day;
            follow_up_edit::none_stranded(plan, &next)?;
        }
        Edit::SetDayWindow { day, window } => {
            if window.end <= window.start {
                return Err(EditError::BadWindow);
            }
            let slot = next
                .days
                .get_mut(usize::from(*day).wrapping_sub(1))
                .ok_or(EditError::DayOutOfRange { day: *day, last: plan.day_count() })?;
            *slot = DayWindow { start: snap(window.start), end: snap(window.end) };
        }
        Edit::SetReadiness { partner, item, value } => {
            if let ReadinessValue::Driver(Driver::OtherAdult { name, phone }) = value {
                check_text(name, MAX_TITLE_CHARS)?;
                check_text(phone, MAX_TITLE_CHARS)?;
            }
            let record = next.kap.readiness(*partner).with(*item, value.clone());
            *next.kap.readiness_mut(*partner) = record;
        }
        Edit::SetLimit(limit, value) => next.limits = limit.set(next.limits, *value),
        Edit::SetStatus(PlanStatus::Confirmed) => {
            // Counted only: the problems panel words each error in the reader's style.
            let errors = errors(&next, DateStyle::default()).len();
            if errors > 0 {
                return Err(EditError::CannotConfirm(errors));
            }
            next.status = PlanStatus::Confirmed;
        }
        Edit::SetStatus(status) => next.status = *status,
        Edit::MarkReviewed(date) => next.review.reviewed_on = *date,
        Edit::RecordReply(revision) => {
            next.review.last_reply = Some(next.review.last_reply.map_or(*revision, |last| last.max(*revision)));
        }
        Edit::AddFollowUp { date, start, minutes, who } => {
            follow_up_edit::add(&mut next, *date, *start, *minutes, *who)?
        }
        Edit::ChangeFollowUp { id, change } => follow_up_edit::change(&mut next, *id, change)?,
        Edit::DeleteFollowUp { id } => follow_up_edit::delete(&mut next, *id)?,
        Edit::RestoreFollowUp(session) => follow_up_edit::restore(&mut next, session)?,
        Edit::ChangeGuide(change) => follow_up_edit::change_guide(&mut next, change)?,
    }
    // A change that breaks a rule reopens a confirmed plan.
    reopen_if_broken(&mut next);
    // What an edit makes is what storage will read: the same check, every time. A plan
    // the store already refuses (two versions merged, each readable alone) takes any
    // edit that adds no problem, so the person can mend it a step at a time; the store
    // goes on refusing it, and saying why, until it is mended.
    let problems = validate(&next);
    if !problems.is_empty() && problems.len() > validate(plan).len() {
        return Err(EditError::WouldNotRead(problems));
    }
    Ok(next)
}

/// The plan after each edit in turn; an edit that no longer fits (its block was
/// deleted meanwhile) is skipped and the rest still apply.
pub fn apply_all(plan: &Plan, edits: &[Edit]) -> Plan {
    edits.iter().fold(plan.clone(), |current, edit| apply(&current, edit).unwrap_or(current))
}
