//! A field two versions of a plan both changed: what it is, the value a merge kept,
//! the one it did not, and the edit that puts the other one in place. `merge` makes
//! these; the editor lists them until the person picks.

use serde::{Deserialize, Serialize};

use super::edit::Edit;

/// Whose version of a field is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clash {
    /// The field in words: "The title", "“Lunch” (day 2, 12:00): its place".
    pub what: String,
    /// The value the merged plan holds, in words.
    pub kept: String,
    /// The value it does not hold, in words, and whose it was.
    pub other: String,
    pub other_side: Side,
    /// Puts `other` in place of `kept`, leaving every other field as it is.
    pub alternative: Edit,
}
