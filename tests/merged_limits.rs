//! Two versions of a plan, each one the store reads, that together would not be: more
//! blocks or follow-ups than a plan holds (those past it are offered back, never
//! dropped), or a follow-up before the last day (the plan can still be mended).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeDelta};
use common::*;
use intensive_planner::domain::clash::{Clash, Side};
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, BlockText, Edit, EditError};
use intensive_planner::domain::follow_up_edit::next_follow_up_date;
use intensive_planner::domain::merge::merge;
use intensive_planner::domain::model::*;
use intensive_planner::domain::validate::{validate, MAX_BLOCKS, MAX_TITLE_CHARS};
use intensive_planner::storage::format::{decode, encode, writable, FormatError};

fn after(plan: &Plan, edits: &[Edit]) -> Plan {
    edits.iter().fold(plan.clone(), |p, e| apply(&p, e).unwrap_or_else(|err| panic!("{e:?}: {err}")))
}

fn days_after(plan: &Plan, days: i64) -> NaiveDate {
    plan.last_date() + TimeDelta::days(days)
}

#[test]
fn blocks_two_sides_add_past_the_limit_are_offered_back_never_dropped() {
    let add = |plan: &Plan, day, title: &str| {
        let who = Participants::CoupleOnTheirOwn;
        let plan =
            after(plan, &[Edit::AddBlock { kind: BlockKind::Custom, day, start: clock(9, 0), minutes: 15, who }]);
        let id = plan.blocks.last().expect("just added").id;
        after(&plan, &[Edit::SetText { id, field: BlockText::Title, text: title.to_string() }])
    };
    // Filled straight to two short of the limit: an edit each would take a while.
    let mut base = base();
    let like = base.blocks[0].clone();
    while base.blocks.len() < MAX_BLOCKS - 2 {
        let id = BlockId(base.next_block_id);
        base.next_block_id += 1;
        base.blocks.push(Block { id, title: format!("Shared {}", id.0), ..like.clone() });
    }
    let mine = add(&add(&base, 2, "Mine 1"), 3, "Mine 2");
    let theirs = add(&add(&base, 1, "Theirs 1"), 1, "Theirs 2");
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(merged.plan.blocks.len(), MAX_BLOCKS);
    assert_eq!(validate(&merged.plan), Vec::<String>::new());
    let offered: Vec<(&Clash, &Block)> = merged
        .clashes
        .iter()
        .filter_map(|clash| match &clash.alternative {
            Edit::RestoreBlock(block) => Some((clash, &**block)),
            _ => None,
        })
        .collect();
    let titles = |blocks: &mut dyn Iterator<Item = &Block>| blocks.map(|b| b.title.clone()).collect::<BTreeSet<_>>();
    let on_either_side = titles(&mut mine.blocks.iter().chain(&theirs.blocks));
    assert_eq!(titles(&mut merged.plan.blocks.iter().chain(offered.iter().map(|(_, b)| *b))), on_either_side);
    assert_eq!(offered.len(), 2, "{:#?}", merged.clashes);
    let (clash, block) = offered[0];
    assert!(clash.what.contains(&block.title), "{}", clash.what);
    assert!(clash.kept.contains("at most 1000 blocks"), "{}", clash.kept);
    assert_eq!(apply(&merged.plan, &clash.alternative), Err(EditError::TooManyBlocks));
    let room = after(&merged.plan, &[Edit::DeleteBlock { id: merged.plan.blocks[0].id }]);
    let restored = after(&room, std::slice::from_ref(&clash.alternative));
    let back = restored.blocks.iter().find(|b| b.title == block.title).expect("back");
    assert_eq!(*back, Block { id: back.id, ..block.clone() });
    assert_eq!(validate(&restored), Vec::<String>::new());
}

/// `plan` with `count` more follow-ups, a week apart, titled "`title` 0", "`title` 1", ….
fn with_follow_ups(plan: &Plan, count: usize, title: &str) -> Plan {
    (0..count).fold(plan.clone(), |plan, i| {
        let date = next_follow_up_date(&plan);
        let who = Participants::BothWithTherapist;
        let plan = edited(&plan, Edit::AddFollowUp { date, start: clock(9, 0), minutes: 60, who });
        let id = plan.follow_ups.last().expect("just added").id;
        edited(
            &plan,
            Edit::ChangeFollowUp { id, change: FollowUpChange::Text(FollowUpText::Title, format!("{title} {i}")) },
        )
    })
}

#[test]
fn follow_ups_two_tabs_add_past_the_limit_are_offered_back_never_dropped() {
    let start = base();
    let base = with_follow_ups(&start, MAX_FOLLOW_UPS - 4 - start.follow_ups.len(), "Shared");
    let (mine, theirs) = (with_follow_ups(&base, 3, "Mine"), with_follow_ups(&base, 3, "Theirs"));
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(merged.plan.follow_ups.len(), MAX_FOLLOW_UPS, "the plan stays within what it holds");
    assert_eq!(validate(&merged.plan), Vec::<String>::new());
    let offered: Vec<(&Clash, &FollowUpSession)> = merged
        .clashes
        .iter()
        .filter_map(|clash| match &clash.alternative {
            Edit::RestoreFollowUp(session) => Some((clash, session)),
            _ => None,
        })
        .collect();
    let shown_or_offered: BTreeSet<&str> =
        merged.plan.follow_ups.iter().chain(offered.iter().map(|(_, s)| *s)).map(|s| s.title.as_str()).collect();
    let on_either_side: BTreeSet<&str> =
        mine.follow_ups.iter().chain(&theirs.follow_ups).map(|s| s.title.as_str()).collect();
    assert_eq!(shown_or_offered, on_either_side, "every session is shown or offered back");
    assert_eq!(offered.len(), 2, "{:#?}", merged.clashes);
    let (clash, session) = offered[0];
    assert_eq!(clash.other_side, Side::ThisTab);
    assert!(clash.what.contains(&session.title), "{}", clash.what);
    assert!(clash.kept.contains("at most 24 follow-up sessions"), "{}", clash.kept);

    // While the plan is full its return is refused in the limit's words; once one goes,
    // it comes back whole, under an id of its own.
    assert_eq!(apply(&merged.plan, &clash.alternative), Err(EditError::TooManyFollowUps));
    let room = edited(&merged.plan, Edit::DeleteFollowUp { id: merged.plan.follow_ups[0].id });
    let restored = edited(&room, clash.alternative.clone());
    let back = restored.follow_ups.iter().find(|s| s.title == session.title).expect("back");
    assert_eq!(*back, FollowUpSession { id: back.id, ..session.clone() });
    let ids: BTreeSet<_> = restored.follow_ups.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), MAX_FOLLOW_UPS);
    assert_eq!(decode(&encode(&restored)), Ok(restored.clone()));

    // Both tabs listed the clash, and both took it back the same way: one session, not two.
    let other_tab = edited(&room, clash.alternative.clone());
    let both = merge(&merged.plan, &restored, &other_tab, DateStyle::DayFirst24Hour);
    assert_eq!(both.clashes, vec![]);
    assert_eq!(both.plan.follow_ups.len(), MAX_FOLLOW_UPS);
    assert_eq!(both.plan.follow_ups.iter().filter(|s| s.title == session.title).count(), 1);
}

#[test]
fn a_merged_plan_the_store_refuses_can_still_be_mended_edit_by_edit() {
    // One tab brings a follow-up close to the last day; the other moves the intensive
    // later. Each is a plan the store reads; the two together are not.
    let base = base();
    let id = base.follow_ups[0].id;
    let mine = edited(&base, Edit::ChangeFollowUp { id, change: FollowUpChange::Date(days_after(&base, 2)) });
    let theirs = edited(&base, Edit::SetFirstDay(base.first_day + TimeDelta::days(3)));
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour).plan;
    assert_eq!(validate(&merged).len(), 1, "{:?}", validate(&merged));
    // Until it is mended it is not written out: a file of it would be refused on reading.
    assert!(matches!(writable(&merged), Err(FormatError::Invalid(_))));
    assert!(decode(&encode(&merged)).is_err());
    // An edit that adds no problem is taken, so the person is never stuck; one that adds
    // a problem is refused, naming it; the edit that mends it leaves a plan the store reads.
    let located = edited(&merged, Edit::SetLocation("Room 2".into()));
    assert_eq!(validate(&located).len(), 1);
    let other = merged.follow_ups[1].id;
    let title = "x".repeat(MAX_TITLE_CHARS + 1);
    let worse = Edit::RestoreFollowUp(FollowUpSession { title, ..located.follow_ups[1].clone() });
    assert!(matches!(apply(&located, &worse), Err(EditError::WouldNotRead(_))));
    let mended = edited(&located, Edit::ChangeFollowUp { id, change: FollowUpChange::Date(days_after(&located, 1)) });
    assert_eq!(validate(&mended), Vec::<String>::new());
    assert_eq!(writable(&mended), Ok(()));
    assert_eq!(mended.follow_up(other), located.follow_up(other));
}
