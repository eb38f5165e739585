//! Share links: the plan without private notes, compressed into the URL fragment
//! (which browsers never send to a server), and the couple's reply the same way.
//! This module decides what a link holds and reads it back; the browser compresses it
//! (`ui::links`), so no compressor ships in the app.

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{BlockId, Plan};
use crate::domain::rules::describe_block;
use crate::domain::validate::{fit, MAX_BLOCKS, MAX_NOTE_CHARS};
use crate::storage::codec::{stored_struct, to_json, FromJson};
use crate::storage::format::{decode, encode, FormatError, MAX_FILE_BYTES};
use crate::storage::json::parse;

const REPLY_FORMAT: &str = "intensive-planner/reply";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link was cut short or changed on its way.
    Damaged,
    Unreadable(FormatError),
    /// The browser has no `CompressionStream` (before Safari 16.4 or Firefox 113).
    NoCompression,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Damaged => write!(
                f,
                "This link is damaged: part of it is missing or was changed. Ask for the link again, and copy all of it."
            ),
            ShareError::Unreadable(e) => write!(f, "This link does not hold a plan this app can open: {e}"),
            ShareError::NoCompression => write!(
                f,
                "This browser cannot make or open plan links: use a current version of Firefox, Safari, Chrome or Edge."
            ),
        }
    }
}

/// Which page a link opens: a shared plan or the couple's reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Share,
    Reply,
}

impl LinkKind {
    fn prefix(self) -> &'static str {
        match self {
            LinkKind::Share => "#/share/",
            LinkKind::Reply => "#/reply/",
        }
    }
}

/// What a link carries, before the browser compresses it (zlib, whose checksum lets a
/// changed link be caught). Compression is the shell's part: `ui::links`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkText {
    pub kind: LinkKind,
    pub text: String,
}

/// The longest text a link may open into: the plan file limit, so a small link cannot
/// inflate into something that stalls the page.
pub const MAX_LINK_TEXT_BYTES: usize = MAX_FILE_BYTES;

/// The fragment part of a link, from its compressed text: `#/share/DATA` or `#/reply/DATA`.
pub fn fragment(kind: LinkKind, compressed: &[u8]) -> String {
    format!("{}{}", kind.prefix(), URL_SAFE_NO_PAD.encode(compressed))
}

/// The compressed bytes in a link's DATA part. Links are written in URL-safe base64;
/// one that reached the person re-encoded in standard base64 (`+`, `/`, `=`) opens too.
pub fn compressed_bytes(data: &str) -> Result<Vec<u8>, ShareError> {
    let data = data.trim().trim_end_matches('=');
    URL_SAFE_NO_PAD.decode(data).or_else(|_| STANDARD_NO_PAD.decode(data)).map_err(|_| ShareError::Damaged)
}

fn text_of(bytes: Vec<u8>) -> Result<String, ShareError> {
    String::from_utf8(bytes).map_err(|_| ShareError::Damaged)
}

/// The plan as the couple may see it: private notes removed.
pub fn without_private_notes(plan: &Plan) -> Plan {
    let mut shared = plan.clone();
    for block in &mut shared.blocks {
        block.private_notes.clear();
    }
    shared
}

/// What a share link carries: the plan without private notes.
pub fn share_text(plan: &Plan) -> LinkText {
    LinkText { kind: LinkKind::Share, text: encode(&without_private_notes(plan)) }
}

/// The plan in a share link's text, once the link is uncompressed.
pub fn read_share(text: Vec<u8>) -> Result<Plan, ShareError> {
    let plan = decode(&text_of(text)?).map_err(ShareError::Unreadable)?;
    // A tampered link could carry private notes; they are never shown to the couple.
    Ok(without_private_notes(&plan))
}

/// What the couple sends back: only their questions, ticks and "reviewed" mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub format: String,
    pub plan_id: String,
    pub blocks: Vec<BlockReply>,
    pub reviewed_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockReply {
    pub id: BlockId,
    pub question: String,
    /// Checklist ticks by position.
    pub ticks: Vec<bool>,
}

stored_struct!(Reply { format, plan_id, blocks, reviewed_on });
stored_struct!(BlockReply { id, question, ticks });

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
    LinkText { kind: LinkKind::Reply, text: to_json(reply) }
}

/// The reply in a reply link's text, once the link is uncompressed.
pub fn read_reply(text: Vec<u8>) -> Result<Reply, ShareError> {
    let text = text_of(text)?;
    let json = parse(&text).map_err(|_| ShareError::Damaged)?;
    let reply = Reply::read_json(&json).map_err(|_| ShareError::Damaged)?;
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
