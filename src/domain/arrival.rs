//! A copy of a plan arriving (a share link, a plan file, a backup) where this browser
//! already holds the plan. It is never swapped in: it is merged against the version both
//! copies share (the one this browser last sent or received), so the plan here keeps
//! its private notes, its readiness record and every change made since; a field both
//! changed is a clash the person settles. Without a version both share, the person
//! chooses, told what each choice keeps. The words of the question are decided here.

use super::clash::Side;
use super::dates::DateStyle;
use super::kap::{Driver, Readiness};
use super::merge::{merge_sides, Merged};
use super::model::{Partner, Plan};
use super::status::{reopen_if_broken, reopened_words};
use super::words::count;

/// What an arriving copy would change in the plan here.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// Everything the arriving copy holds is in the plan here already.
    NothingNew,
    /// The arriving copy changed these things since the version both share; `merged.plan`
    /// is the plan here with them brought in, and `merged.clashes` what both changed.
    Changes(Box<Merged>),
    /// This browser knows no version both copies share.
    NoCommonVersion,
}

/// Compares an arriving copy with the plan here, against `shared`: the version this
/// browser last sent or received, if it knows one. Clashes word dates in `style`.
pub fn compare(shared: Option<&Plan>, here: &Plan, arriving: &Plan, style: DateStyle) -> Incoming {
    if here.same_content(arriving) {
        return Incoming::NothingNew;
    }
    let Some(base) = shared.filter(|base| base.id == here.id) else { return Incoming::NoCommonVersion };
    let merged = merge_sides(base, arriving, here, [Side::Arriving, Side::Here], style);
    if merged.brought.is_empty() && merged.clashes.is_empty() {
        return Incoming::NothingNew;
    }
    Incoming::Changes(Box::new(merged))
}

/// The arriving copy, with what only this browser holds kept where the arriving copy
/// has none: private notes, the readiness record, and the couple's questions, ticks and
/// "reviewed" mark. The choice offered when no version is shared.
pub fn arriving_kept_with_here(here: &Plan, arriving: &Plan) -> Plan {
    let mut plan = Plan { revision: here.revision, ..arriving.clone() };
    for block in &mut plan.blocks {
        let Some(mine) = here.block(block.id) else { continue };
        if block.private_notes.is_empty() {
            block.private_notes.clone_from(&mine.private_notes);
        }
        if block.couple_question.trim().is_empty() {
            block.couple_question.clone_from(&mine.couple_question);
        }
        for item in &mut block.checklist {
            item.done |= mine.checklist.iter().any(|m| m.done && m.text == item.text);
        }
    }
    for session in &mut plan.follow_ups {
        let Some(mine) = here.follow_up(session.id) else { continue };
        if session.private_notes.is_empty() {
            session.private_notes.clone_from(&mine.private_notes);
        }
    }
    for partner in [Partner::A, Partner::B] {
        let theirs = plan.kap.readiness(partner).clone();
        let mine = here.kap.readiness(partner);
        // A share link carries only the ride home: the rest of the record is this browser's.
        if theirs == (Readiness { ride_home: theirs.ride_home.clone(), ..Readiness::default() }) {
            let ride_home =
                if theirs.ride_home == Driver::NotArranged { mine.ride_home.clone() } else { theirs.ride_home };
            *plan.kap.readiness_mut(partner) = Readiness { ride_home, ..mine.clone() };
        }
    }
    plan.review.reviewed_on = plan.review.reviewed_on.or(here.review.reviewed_on);
    reopen_if_broken(&mut plan);
    plan
}

/// The question shown, in words: which copy is newer and what each choice keeps.
pub fn question(incoming: &Incoming, here: &Plan) -> String {
    let title = format!("\u{201c}{}\u{201d}", here.title);
    match incoming {
        Incoming::NothingNew => format!(
            "{title} is already in this browser, and it holds everything the arriving copy does (with its private \
             notes and any changes made since). Nothing was changed."
        ),
        Incoming::Changes(merged) => {
            let mut said = format!(
                "{title} is already in this browser. The arriving copy is newer in {}: {}. Bringing them in keeps \
                 this browser's private notes, readiness record and every change made here since.",
                count(merged.brought.len(), "place", "places"),
                listed(&merged.brought)
            );
            if !merged.clashes.is_empty() {
                said.push_str(&format!(
                    " {} changed on both sides: this browser's version is kept, and the other is listed in the \
                     editor to choose.",
                    count(merged.clashes.len(), "thing was", "things were")
                ));
            }
            said
        }
        Incoming::NoCommonVersion => format!(
            "{title} is already in this browser, but this browser has no record of a version both copies share, so \
             it cannot tell which changes are newer. Use the arriving copy (this browser's private notes, readiness \
             answers and the couple's answers are kept where the arriving copy has none), keep both as separate \
             plans, or leave the plan here as it is."
        ),
    }
}

/// What the person is told of each other choice, and of its undo.
pub const LEFT_AS_IT_WAS: &str = "The plan here is as it was; the arriving copy was not kept.";
pub const REPLACED_UNREADABLE: &str = "Saved. It took the place of the record that could not be read.";
pub const TOOK_ARRIVING: &str = "Took the arriving copy, with this browser's private notes, readiness answers and the \
                                 couple's answers where it had none.";
pub const UNDONE: &str = "Undone: the plans are as they were before the arriving copy.";

pub const LINK_ALREADY_SAVED: &str =
    "This plan is already saved in this browser, as the link holds it: nothing was changed.";

/// A share link's plan that could not be saved: it stays open on that page only.
pub fn link_not_saved(reason: &str) -> String {
    format!("Not saved: {reason} The plan is open here only while this page is open.")
}

/// An arrival that is in this tab but could not be stored.
pub fn not_saved_in_tab(said: &str, reason: &str) -> String {
    format!("{said} Not saved: {reason} The plan is open in this tab; download a backup to keep it.")
}

pub fn kept_both(copy_title: &str) -> String {
    format!("Kept both: the arriving copy is \u{201c}{copy_title}\u{201d}.")
}

/// The question when the id belongs to a stored record that cannot be read.
pub fn over_unreadable_question(title: &str) -> String {
    format!(
        "\u{201c}{title}\u{201d} has the id of a stored record that cannot be read. Replace that record with the \
         arriving plan (a copy of the record stays set aside), or keep both?"
    )
}

/// What the person is told once the arriving copy's changes are in.
pub fn brought_in(merged: &Merged, style: DateStyle) -> String {
    let mut said = format!("Brought in {} from the arriving copy.", count(merged.brought.len(), "change", "changes"));
    if !merged.clashes.is_empty() {
        said.push_str(&format!(
            " {} changed on both sides: open the plan to choose.",
            count(merged.clashes.len(), "thing was", "things were")
        ));
    }
    if merged.reopened {
        said = format!("{said} {}", reopened_words(&merged.plan, style));
    }
    said
}

/// The first few, and how many more.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 4;
    let mut said = items.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ");
    if items.len() > SHOWN {
        said.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    said
}
