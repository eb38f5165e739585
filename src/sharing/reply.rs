//! The couple's reply: only their questions, ticks and "reviewed" mark, carried back
//! to the therapist in a link, and merged into the right plan and blocks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::link::{LinkKind, LinkText, ShareError};
use crate::domain::dates;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{BlockId, Plan};
use crate::domain::rules::describe_block;
use crate::domain::validate::{fit, MAX_BLOCKS, MAX_NOTE_CHARS};

const REPLY_FORMAT: &str = "intensive-planner/reply";

/// What the couple sends back: only their questions, ticks and "reviewed" mark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub format: String,
    pub plan_id: String,
    pub blocks: Vec<BlockReply>,
    pub reviewed_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockReply {
    pub id: BlockId,
    pub question: String,
    /// Checklist ticks by position.
    pub ticks: Vec<bool>,
}

pub fn reply_from(plan: &Plan) -> Reply {
    Reply {
        format: REPLY_FORMAT.to_string(),
        plan_id: plan.shared_from.clone().unwrap_or_else(|| plan.id.clone()),
        blocks: plan
            .blocks
            .iter()
            .filter(|b| !b.couple_question.trim().is_empty() || b.checklist.iter().any(|i| i.done))
            .map(|b| BlockReply {
                id: b.id,
                question: b.couple_question.clone(),
                ticks: b.checklist.iter().map(|i| i.done).collect(),
            })
            .collect(),
        reviewed_on: plan.review.reviewed_on,
    }
}

pub fn reply_text(reply: &Reply) -> LinkText {
    // A reply holds only strings, numbers, dates and lists: writing it cannot fail.
    LinkText { kind: LinkKind::Reply, text: serde_json::to_string(reply).expect("a reply always serializes") }
}

/// The reply in a reply link's text, once the link is uncompressed.
pub fn read_reply(text: Vec<u8>) -> Result<Reply, ShareError> {
    let reply: Reply = serde_json::from_slice(&text).map_err(|_| ShareError::Damaged)?;
    if reply.format != REPLY_FORMAT || reply.blocks.len() > MAX_BLOCKS {
        return Err(ShareError::Damaged);
    }
    Ok(reply)
}

/// The edits that bring a reply into the therapist's plan, and a line for each
/// thing that is new, in words.
pub fn merge_reply(plan: &Plan, reply: &Reply) -> (Vec<Edit>, Vec<String>) {
    let mut edits = Vec::new();
    let mut news = Vec::new();
    for answer in &reply.blocks {
        let Some(block) = plan.block(answer.id) else {
            if !answer.question.trim().is_empty() {
                news.push(format!(
                    "A question on a block that has since been removed: \u{201c}{}\u{201d}",
                    answer.question.trim()
                ));
            }
            continue;
        };
        let place = describe_block(plan, block);
        if answer.question != block.couple_question && !answer.question.trim().is_empty() {
            if answer.question.chars().count() > MAX_NOTE_CHARS {
                news.push(format!(
                    "A question on {place} is longer than {MAX_NOTE_CHARS} characters, so it was not added; ask the \
                     couple to shorten it: \u{201c}{}\u{201d}",
                    fit(answer.question.trim(), 80)
                ));
            } else {
                news.push(format!("New question on {place}: \u{201c}{}\u{201d}", answer.question.trim()));
                edits.push(Edit::SetText {
                    id: block.id,
                    field: BlockText::CoupleQuestion,
                    text: answer.question.clone(),
                });
            }
        }
        for (index, (item, done)) in block.checklist.iter().zip(&answer.ticks).enumerate() {
            if item.done != *done {
                let word = if *done { "ticked" } else { "unticked" };
                news.push(format!("\u{201c}{}\u{201d} {word} on {place}", item.text));
                edits.push(Edit::TickChecklistItem { id: block.id, index, done: *done });
            }
        }
    }
    if reply.reviewed_on.is_some() && reply.reviewed_on != plan.review.reviewed_on {
        if let Some(date) = reply.reviewed_on {
            news.push(format!("The couple marked the plan as reviewed on {}.", dates::day_month_year(date)));
        }
        edits.push(Edit::MarkReviewed(reply.reviewed_on));
    }
    (edits, news)
}
