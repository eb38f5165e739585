//! What every edit checks before it changes a plan, and the error it gives when the
//! change cannot be made: shared by the edits of blocks and of follow-ups.

use chrono::NaiveTime;

use super::model::{BlockId, MAX_FOLLOW_UPS, MAX_PROMPTS};
use super::time::{snap_minutes, time_at, GRID_MINUTES, MINUTES_PER_DAY};
use super::validate::{MAX_BLOCKS, MAX_CHECKLIST_ITEMS};
use super::words::count;

/// Longest block: a whole day's work.
pub const MAX_BLOCK_MINUTES: i64 = 12 * 60;

/// Every length a block may be given, shortest first: each grid step up to the longest
/// block. The block form offers exactly these.
pub fn block_lengths() -> impl Iterator<Item = u16> {
    (GRID_MINUTES..=MAX_BLOCK_MINUTES).step_by(GRID_MINUTES as usize).filter_map(|m| u16::try_from(m).ok())
}

/// A start on the grid that keeps the whole block inside the calendar day.
pub fn fit_start(start_minutes: i64, minutes: u16) -> NaiveTime {
    let latest = MINUTES_PER_DAY - i64::from(minutes);
    time_at(snap_minutes(start_minutes).clamp(0, latest.max(0)))
}

pub fn check_text(text: &str, max: usize) -> Result<String, EditError> {
    if text.chars().count() > max {
        Err(EditError::TextTooLong { max })
    } else {
        Ok(text.to_string())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    NoSuchBlock(BlockId),
    DayOutOfRange {
        day: u8,
        last: u8,
    },
    BadWindow,
    TextTooLong {
        max: usize,
    },
    NoSuchChecklistItem,
    /// A plan holds at most `MAX_BLOCKS` blocks, a block `MAX_CHECKLIST_ITEMS` items:
    /// beyond that, storage could not read the plan back.
    TooManyBlocks,
    TooManyChecklistItems,
    /// Confirming is refused while errors remain; carries how many.
    CannotConfirm(usize),
    /// The change would leave values the plan cannot be stored with (`validate`).
    WouldNotRead(Vec<String>),
    NoSuchFollowUp,
    TooManyFollowUps,
    /// A follow-up goes after the last day and within a year of it (the section names
    /// that day, in the reader's style).
    FollowUpDate,
    NoSuchPrompt,
    TooManyPrompts,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchBlock(_) => write!(f, "That block no longer exists; it may have been deleted."),
            EditError::DayOutOfRange { last, .. } => {
                write!(f, "Blocks go on days 1 to {last} (the last is the day after the intensive).")
            }
            EditError::BadWindow => write!(f, "A day's end must come after its start."),
            EditError::TextTooLong { max } => write!(f, "That text is too long: keep it under {max} characters."),
            EditError::NoSuchChecklistItem => write!(f, "That checklist item no longer exists."),
            EditError::TooManyBlocks => write!(f, "A plan holds at most {MAX_BLOCKS} blocks: delete one first."),
            EditError::TooManyChecklistItems => {
                write!(f, "A block holds at most {MAX_CHECKLIST_ITEMS} checklist items: remove one first.")
            }
            EditError::CannotConfirm(errors) => write!(
                f,
                "The plan cannot be confirmed while {} remain{}: the problems panel lists {} with how to fix {}.",
                count(*errors, "error", "errors"),
                if *errors == 1 { "s" } else { "" },
                if *errors == 1 { "it" } else { "them" },
                if *errors == 1 { "it" } else { "each" },
            ),
            EditError::WouldNotRead(problems) => {
                write!(f, "That change cannot be saved: {}", problems.join(" "))
            }
            EditError::NoSuchFollowUp => {
                write!(f, "That follow-up session no longer exists; it may have been removed.")
            }
            EditError::TooManyFollowUps => {
                write!(f, "A plan holds at most {MAX_FOLLOW_UPS} follow-up sessions: remove one first.")
            }
            EditError::FollowUpDate => write!(
                f,
                "A follow-up session goes on a date after the last day of the intensive and within a year of it."
            ),
            EditError::NoSuchPrompt => write!(f, "That journaling prompt no longer exists."),
            EditError::TooManyPrompts => {
                write!(f, "The integration guide holds at most {MAX_PROMPTS} prompts: remove one first.")
            }
        }
    }
}

impl std::error::Error for EditError {}
