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

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("That block no longer exists; it may have been deleted.")]
    NoSuchBlock(BlockId),
    #[error("Blocks go on days 1 to {last} (the last is the day after the intensive).")]
    DayOutOfRange { day: u8, last: u8 },
    #[error("A day's end must come after its start.")]
    BadWindow,
    #[error("That text is too long: keep it under {max} characters.")]
    TextTooLong { max: usize },
    #[error("That checklist item no longer exists.")]
    NoSuchChecklistItem,
    /// A plan holds at most `MAX_BLOCKS` blocks, a block `MAX_CHECKLIST_ITEMS` items:
    /// beyond that, storage could not read the plan back.
    #[error("A plan holds at most {MAX_BLOCKS} blocks: delete one first.")]
    TooManyBlocks,
    #[error("A block holds at most {MAX_CHECKLIST_ITEMS} checklist items: remove one first.")]
    TooManyChecklistItems,
    /// Confirming is refused while errors remain; carries how many.
    #[error("{}", cannot_confirm(*.0))]
    CannotConfirm(usize),
    /// The change would leave values the plan cannot be stored with (`validate`).
    #[error("That change cannot be saved: {}", .0.join(" "))]
    WouldNotRead(Vec<String>),
    #[error("That follow-up session no longer exists; it may have been removed.")]
    NoSuchFollowUp,
    #[error("A plan holds at most {MAX_FOLLOW_UPS} follow-up sessions: remove one first.")]
    TooManyFollowUps,
    /// A follow-up goes after the last day and within a year of it (the section names
    /// that day, in the reader's style).
    #[error("A follow-up session goes on a date after the last day of the intensive and within a year of it.")]
    FollowUpDate,
    /// A new first day would leave this follow-up (its title) outside its window.
    #[error(
        "With that first day the follow-up \u{201c}{0}\u{201d} would no longer come after the last day and \
         within a year of it: move the follow-up first."
    )]
    FirstDayStrandsFollowUp(String),
    #[error("That journaling prompt no longer exists.")]
    NoSuchPrompt,
    #[error("The integration guide holds at most {MAX_PROMPTS} prompts: remove one first.")]
    TooManyPrompts,
}

fn cannot_confirm(errors: usize) -> String {
    let (remain, them, each) = if errors == 1 { ("remains", "it", "it") } else { ("remain", "them", "each") };
    format!(
        "The plan cannot be confirmed while {} {remain}: the problems panel lists {them} with how to fix {each}.",
        count(errors, "error", "errors")
    )
}
