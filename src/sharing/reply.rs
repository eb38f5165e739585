//! The couple's reply: only their questions, ticks and "reviewed" mark, carried back to
//! the therapist in a link and merged into the plan as it is when it is added (never as
//! it was when the page opened). Each answer carries what it was in the copy the couple
//! received, and ticks name their item, so an answer lands where it was given or is
//! listed as a clash; a reply older than one already added never overwrites a newer
//! answer unseen.

use crate::domain::words::describe_block;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::link::{LinkKind, LinkText, ShareError};
use crate::domain::clash::{Clash, Side};
use crate::domain::dates::DateStyle;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{Block, BlockId, ChecklistItem, Plan};
use crate::domain::validate::{MAX_BLOCKS, MAX_NOTE_CHARS};
use crate::domain::words::fit;

const REPLY_FORMAT: &str = "intensive-planner/reply";
/// Version 2: answers say what they replace, ticks name their item, a reply its revision.
pub const REPLY_VERSION: u32 = 2;

fn version_1() -> u32 {
    1
}

/// What the couple sends back: only their questions, ticks and "reviewed" mark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub format: String,
    #[serde(default = "version_1")]
    pub version: u32,
    pub plan_id: String,
    /// The couple's copy's revision as the reply was made: a later reply has a higher one.
    #[serde(default)]
    pub revision: u64,
    pub blocks: Vec<BlockReply>,
    pub reviewed_on: Option<NaiveDate>,
    /// The "reviewed" mark in the copy the couple received.
    #[serde(default)]
    pub reviewed_was: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockReply {
    pub id: BlockId,
    pub question: String,
    /// The question in the copy the couple received.
    #[serde(default)]
    pub question_was: String,
    /// Version 1: ticks by position, which land on the wrong item once the checklist
    /// changed; never added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ticks: Vec<bool>,
    /// Each item the couple ticked or unticked, by its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ChecklistItem>,
}

/// The reply from the couple's copy of a plan: what differs from `received`, the copy
/// they saved from the link (or, without one, from an empty question and no ticks).
pub fn reply_from(plan: &Plan, received: Option<&Plan>) -> Reply {
    let was = |block: &Block| received.and_then(|r| r.block(block.id));
    let blocks = plan
        .blocks
        .iter()
        .filter_map(|block| {
            let before = was(block);
            let question_was = before.map(|b| b.couple_question.clone()).unwrap_or_default();
            let ticked_before = |item: &ChecklistItem| {
                before.is_some_and(|b| b.checklist.iter().any(|i| i.text == item.text && i.done))
            };
            let items: Vec<ChecklistItem> =
                block.checklist.iter().filter(|item| item.done != ticked_before(item)).cloned().collect();
            (block.couple_question != question_was || !items.is_empty()).then(|| BlockReply {
                id: block.id,
                question: block.couple_question.clone(),
                question_was,
                ticks: Vec::new(),
                items,
            })
        })
        .collect();
    Reply {
        format: REPLY_FORMAT.to_string(),
        version: REPLY_VERSION,
        plan_id: plan.shared_from.clone().unwrap_or_else(|| plan.id.clone()),
        revision: plan.revision,
        blocks,
        reviewed_on: plan.review.reviewed_on,
        reviewed_was: received.and_then(|r| r.review.reviewed_on),
    }
}

pub fn reply_text(reply: &Reply) -> LinkText {
    // A reply holds only strings, numbers, dates and lists: writing it cannot fail.
    LinkText { kind: LinkKind::Reply, text: serde_json::to_string(reply).expect("a reply always serializes") }
}

/// The reply in a reply link's text, once the link is uncompressed.
pub fn read_reply(text: Vec<u8>) -> Result<Reply, ShareError> {
    let text = String::from_utf8(text).map_err(|_| ShareError::Damaged)?;
    let reply: Reply = crate::storage::format::read(&text, false).map_err(|_| ShareError::Damaged)?;
    if reply.format != REPLY_FORMAT || reply.blocks.len() > MAX_BLOCKS || reply.version > REPLY_VERSION {
        return Err(ShareError::Damaged);
    }
    Ok(reply)
}

/// What a reply brings into the plan as it is now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReplyMerge {
    /// Applied in order, they bring the reply in (the last records its revision).
    pub edits: Vec<Edit>,
    /// A line for each thing that is new or not added, in words.
    pub news: Vec<String>,
    /// Answers that differ from newer ones already in the plan: listed to choose.
    pub clashes: Vec<Clash>,
}

impl ReplyMerge {
    /// What the person is told once the reply is added.
    pub fn added_words(&self) -> &'static str {
        if self.clashes.is_empty() {
            "Added the couple's answers."
        } else {
            "Added the couple's answers. Some differ from newer answers in the plan: choose below."
        }
    }

    /// Whether the reply holds anything for the plan.
    pub fn is_empty(&self) -> bool {
        self.news.is_empty() && self.clashes.is_empty()
    }
}

/// How one answer meets the plan.
enum Fate {
    Here,
    Add,
    Clash,
}

/// An answer lands when the plan holds what it replaces, or when the reply is newer than
/// every reply added so far; otherwise a newer answer is there and it is a clash.
fn fate<T: PartialEq>(now: &T, answer: &T, was: &T, newer: bool) -> Fate {
    if now == answer {
        Fate::Here
    } else if now == was || newer {
        Fate::Add
    } else {
        Fate::Clash
    }
}

/// What the reply brings, worded with dates and times in the reader's `style`.
pub fn merge_reply(plan: &Plan, reply: &Reply, style: DateStyle) -> ReplyMerge {
    let mut out = ReplyMerge::default();
    let newer = reply.version >= REPLY_VERSION && plan.review.last_reply.is_none_or(|last| reply.revision > last);
    for answer in &reply.blocks {
        let Some(block) = plan.block(answer.id) else {
            if !answer.question.trim().is_empty() {
                out.news.push(format!(
                    "A question on a block that has since been removed: \u{201c}{}\u{201d}",
                    answer.question.trim()
                ));
            }
            continue;
        };
        let place = describe_block(plan, block, style);
        question(&mut out, block, answer, &place, newer);
        if !answer.ticks.is_empty() {
            out.news.push(format!(
                "Ticks on {place} came from an older version of the app, which counted items by position; they were \
                 not added. Ask the couple to send their answers again."
            ));
        }
        for item in &answer.items {
            tick(&mut out, block, item, &place, newer);
        }
    }
    // Version 1 sent the mark only when set, and said nothing of what it replaced.
    let (was, mark_newer) =
        if reply.version >= REPLY_VERSION { (reply.reviewed_was, newer) } else { (plan.review.reviewed_on, true) };
    let reviewed = reply.reviewed_on;
    let sent = reply.version >= REPLY_VERSION || reviewed.is_some();
    match fate(&plan.review.reviewed_on, &reviewed, &was, mark_newer) {
        _ if !sent => {}
        Fate::Here => {}
        Fate::Add => {
            out.news.push(match reviewed {
                Some(date) => format!("The couple marked the plan as reviewed on {}.", style.day_month_year(date)),
                None => "The couple took back their \u{201c}reviewed\u{201d} mark.".to_string(),
            });
            out.edits.push(Edit::MarkReviewed(reviewed));
        }
        Fate::Clash => out.clashes.push(Clash {
            what: "The couple's \u{201c}reviewed\u{201d} mark".to_string(),
            kept: reviewed_words(plan.review.reviewed_on, style),
            other: reviewed_words(reviewed, style),
            other_side: Side::Reply,
            alternative: Edit::MarkReviewed(reviewed),
        }),
    }
    if !newer && reply.version >= REPLY_VERSION && !out.clashes.is_empty() {
        out.news.insert(
            0,
            "This reply was made before one already added: where the two differ, the newer answer stays and this \
             one is listed to choose."
                .to_string(),
        );
    }
    if reply.version >= REPLY_VERSION && !out.edits.is_empty() {
        out.edits.push(Edit::RecordReply(reply.revision));
    }
    out
}

fn reviewed_words(date: Option<NaiveDate>, style: DateStyle) -> String {
    date.map_or_else(|| "not marked".to_string(), |d| style.day_month_year(d))
}

fn question(out: &mut ReplyMerge, block: &Block, answer: &BlockReply, place: &str, newer: bool) {
    // Version 1 sent every question, and said nothing of what it replaced (`newer` is
    // false for it): a question lands only where the plan has none.
    if answer.question.trim().is_empty() && answer.question_was.trim().is_empty() {
        return;
    }
    if answer.question.chars().count() > MAX_NOTE_CHARS {
        out.news.push(format!(
            "A question on {place} is longer than {MAX_NOTE_CHARS} characters, so it was not added; ask the couple \
             to shorten it: \u{201c}{}\u{201d}",
            fit(answer.question.trim(), 80)
        ));
        return;
    }
    let quoted =
        |s: &str| if s.trim().is_empty() { "no question".to_string() } else { format!("\u{201c}{}\u{201d}", s.trim()) };
    let was = &answer.question_was;
    match fate(&block.couple_question, &answer.question, was, newer) {
        Fate::Here => {}
        Fate::Add => {
            let mut line = if answer.question.trim().is_empty() {
                format!("The couple took back their question on {place}.")
            } else {
                format!("New question on {place}: {}", quoted(&answer.question))
            };
            if block.couple_question != *was && !block.couple_question.trim().is_empty() {
                line.push_str(&format!(" (in place of {}, from an earlier reply)", quoted(&block.couple_question)));
            }
            out.news.push(line);
            out.edits.push(Edit::SetText {
                id: block.id,
                field: BlockText::CoupleQuestion,
                text: answer.question.clone(),
            });
        }
        Fate::Clash => out.clashes.push(Clash {
            what: format!("{place}: the couple's question"),
            kept: quoted(&block.couple_question),
            other: quoted(&answer.question),
            other_side: Side::Reply,
            alternative: Edit::SetText {
                id: block.id,
                field: BlockText::CoupleQuestion,
                text: answer.question.clone(),
            },
        }),
    }
}

/// A tick lands on the item with its text, wherever it now is in the list. From a reply
/// older than one added, a tick that differs is listed: a newer reply may have set it.
fn tick(out: &mut ReplyMerge, block: &Block, item: &ChecklistItem, place: &str, newer: bool) {
    let word = if item.done { "ticked" } else { "unticked" };
    let Some(index) = block.checklist.iter().position(|i| i.text == item.text) else {
        out.news.push(format!(
            "\u{201c}{}\u{201d} was {word} on {place}, but the checklist no longer has that item.",
            item.text
        ));
        return;
    };
    if block.checklist[index].done == item.done {
        return;
    }
    if newer {
        out.news.push(format!("\u{201c}{}\u{201d} {word} on {place}", item.text));
        out.edits.push(Edit::TickChecklistItem { id: block.id, index, done: item.done });
        return;
    }
    let mut items = block.checklist.clone();
    items[index].done = item.done;
    let words = |done: bool| if done { "ticked" } else { "not ticked" }.to_string();
    out.clashes.push(Clash {
        what: format!("{place}: \u{201c}{}\u{201d}", item.text),
        kept: words(block.checklist[index].done),
        other: words(item.done),
        other_side: Side::Reply,
        alternative: Edit::SetChecklist { id: block.id, items },
    });
}
