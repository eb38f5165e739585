//! The couple's reply meets the plan as it is when added: ticks land on their item
//! wherever it now is, an older reply never overwrites a newer answer unseen, and what
//! another tab changed meanwhile stays.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::clash::Side;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply_all, BlockText, Edit};
use intensive_planner::domain::model::*;
use intensive_planner::sharing::link::{read_share, share_text};
use intensive_planner::sharing::reply::{merge_reply, read_reply, reply_from, reply_text, Reply};

/// The couple's copy as saved from a link of `therapist`.
fn received(therapist: &Plan) -> Plan {
    read_share(share_text(therapist).text.into_bytes()).expect("opens")
}

fn sent(couple: &Plan, received: &Plan) -> Reply {
    read_reply(reply_text(&reply_from(couple, Some(received))).text.into_bytes()).expect("reads")
}

fn added(plan: &Plan, reply: &Reply) -> Plan {
    apply_all(plan, &merge_reply(plan, reply, DateStyle::DayFirst24Hour).edits)
}

fn prep(plan: &Plan) -> BlockId {
    first(plan, BlockKind::KapPreparation, 2).id
}

fn ask(plan: &Plan, text: &str) -> Plan {
    edited(plan, Edit::SetText { id: prep(plan), field: BlockText::CoupleQuestion, text: text.into() })
}

#[test]
fn a_tick_lands_on_its_item_after_the_checklist_changed() {
    let therapist = base();
    let copy = received(&therapist);
    let block = copy.block(prep(&copy)).expect("prep").clone();
    let eye_mask = block.checklist.iter().position(|i| i.text == "An eye mask").expect("an eye mask");
    let couple = edited(&copy, Edit::TickChecklistItem { id: block.id, index: eye_mask, done: true });
    // Meanwhile the therapist put a new item first: every position moved down one.
    let therapist =
        edited(&therapist, Edit::AddChecklistItem { id: block.id, text: "Your prescribed medication".into() });
    let therapist = edited(
        &therapist,
        Edit::SetChecklist {
            id: block.id,
            items: {
                let mut items = therapist.block(block.id).expect("prep").checklist.clone();
                items.rotate_right(1);
                items
            },
        },
    );
    let after = added(&therapist, &sent(&couple, &copy));
    let list = &after.block(block.id).expect("prep").checklist;
    assert_eq!(list.iter().filter(|i| i.done).map(|i| i.text.as_str()).collect::<Vec<_>>(), ["An eye mask"]);
    // An item the therapist removed is said, not ticked elsewhere.
    let without = edited(&therapist, Edit::RemoveChecklistItem { id: block.id, index: eye_mask + 1 });
    let merge = merge_reply(&without, &sent(&couple, &copy), DateStyle::DayFirst24Hour);
    assert!(merge.edits.iter().all(|e| !matches!(e, Edit::TickChecklistItem { .. })), "{:?}", merge.edits);
    assert!(merge.news.iter().any(|n| n.contains("no longer has that item")), "{:?}", merge.news);
}

#[test]
fn replies_added_in_order_each_land() {
    let therapist = base();
    let copy = received(&therapist);
    let first = ask(&copy, "Can we bring tea?");
    let second = ask(&Plan { revision: first.revision + 1, ..first.clone() }, "Can we bring music?");
    let plan = added(&therapist, &sent(&first, &copy));
    let merge = merge_reply(&plan, &sent(&second, &copy), DateStyle::DayFirst24Hour);
    assert!(merge.clashes.is_empty(), "{:?}", merge.clashes);
    assert!(
        merge.news[0].contains("in place of \u{201c}Can we bring tea?\u{201d}, from an earlier reply"),
        "{:?}",
        merge.news
    );
    let plan = apply_all(&plan, &merge.edits);
    assert_eq!(plan.block(prep(&plan)).expect("prep").couple_question, "Can we bring music?");
    assert_eq!(plan.review.last_reply, Some(second.revision));
}

#[test]
fn an_older_reply_after_a_newer_one_never_overwrites_it_unseen() {
    let therapist = base();
    let copy = received(&therapist);
    let id = prep(&copy);
    let older = ask(&Plan { revision: 3, ..copy.clone() }, "Can we bring tea?");
    let newer = edited(
        &ask(&Plan { revision: 5, ..older.clone() }, "Can we bring music?"),
        Edit::TickChecklistItem { id, index: 0, done: true },
    );
    let plan = added(&therapist, &sent(&newer, &copy));
    let merge = merge_reply(&plan, &sent(&older, &copy), DateStyle::DayFirst24Hour);
    assert!(merge.news[0].starts_with("This reply was made before one already added"), "{:?}", merge.news);
    assert!(merge.edits.iter().all(|e| !matches!(e, Edit::SetText { .. } | Edit::TickChecklistItem { .. })));
    let [question] = merge.clashes.as_slice() else { panic!("{:?}", merge.clashes) };
    assert_eq!(question.other_side, Side::Reply);
    assert_eq!(
        (question.kept.as_str(), question.other.as_str()),
        ("\u{201c}Can we bring music?\u{201d}", "\u{201c}Can we bring tea?\u{201d}")
    );
    let after = apply_all(&plan, &merge.edits);
    let block = after.block(id).expect("prep");
    assert_eq!(block.couple_question, "Can we bring music?");
    assert!(block.checklist[0].done, "the newer tick stays");
    assert_eq!(after.review.last_reply, Some(5));
    // The older answer is one choice away.
    let chosen = edited(&after, question.alternative.clone());
    assert_eq!(chosen.block(id).expect("prep").couple_question, "Can we bring tea?");
}

#[test]
fn a_reply_added_after_another_tab_changed_the_plan_keeps_that_tabs_changes() {
    let therapist = base();
    let copy = received(&therapist);
    let reply = sent(&ask(&copy, "Can we bring tea?"), &copy);
    // The reply page opened on `therapist`; another tab then moved a block and set the location.
    let moved = therapist.blocks[4].id;
    let now = edited(
        &edited(&therapist, Edit::NudgeBlock { id: moved, minutes: 15, days: 0 }),
        Edit::SetLocation("Garden Room".into()),
    );
    let after = added(&now, &reply);
    assert_eq!(after.location, "Garden Room");
    assert_eq!(after.block(moved), now.block(moved));
    assert_eq!(after.block(prep(&after)).expect("prep").couple_question, "Can we bring tea?");
}

#[test]
fn a_version_1_reply_adds_questions_only_where_none_is_and_never_its_positional_ticks() {
    let therapist = ask(&base(), "The therapist's own note");
    let id = prep(&therapist);
    let text = format!(
        "{{\"format\":\"intensive-planner/reply\",\"plan_id\":\"{}\",\"blocks\":[{{\"id\":{},\"question\":\"Old\",\"ticks\":[true]}}],\"reviewed_on\":null}}",
        therapist.id, id.0
    );
    let reply = read_reply(text.into_bytes()).expect("a version 1 reply reads");
    let merge = merge_reply(&therapist, &reply, DateStyle::DayFirst24Hour);
    assert!(merge.edits.is_empty(), "{:?}", merge.edits);
    assert!(merge.news.iter().any(|n| n.contains("counted items by position")), "{:?}", merge.news);
    assert_eq!(merge.clashes.len(), 1, "the other question is listed to choose");
}
