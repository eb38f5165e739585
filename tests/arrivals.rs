//! A copy of a plan arriving where the plan is already held (a share link opened in
//! the therapist's own browser, an updated link at the couple's, a file or a backup):
//! merged against the version both share, never swapped in.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::arrival::{arriving_kept_with_here, compare, question, Incoming};
use intensive_planner::domain::clash::Side;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{BlockText, Edit};
use intensive_planner::domain::model::*;
use intensive_planner::sharing::link::{read_share, share_text, shared_copy};
use intensive_planner::storage::store::{MemoryStore, PlanStore};

/// The plan as a share link made of it opens.
fn through_a_link(plan: &Plan) -> Plan {
    read_share(share_text(plan).text.into_bytes()).expect("a link of the app's own opens")
}

fn with_private_note(plan: &Plan) -> Plan {
    let id = plan.blocks[2].id;
    edited(plan, Edit::SetText { id, field: BlockText::PrivateNotes, text: "Watch for shutdown in Sam.".into() })
}

fn merged(incoming: Incoming) -> intensive_planner::domain::merge::Merged {
    match incoming {
        Incoming::Changes(merged) => *merged,
        other => panic!("expected changes, got {other:?}"),
    }
}

#[test]
fn the_therapists_own_link_opened_where_the_plan_is_brings_nothing_and_loses_nothing() {
    let sent = with_private_note(&base());
    let arriving = through_a_link(&sent);
    // Edited since the link was sent: a move and a new location.
    let moved = sent.blocks[4].id;
    let here = edited(
        &edited(&sent, Edit::NudgeBlock { id: moved, minutes: 15, days: 0 }),
        Edit::SetLocation("Garden Room".into()),
    );
    let incoming = compare(Some(&shared_copy(&sent)), &here, &arriving, DateStyle::DayFirst24Hour);
    assert_eq!(incoming, Incoming::NothingNew);
    assert!(question(&incoming, &here).contains("Nothing was changed"), "{}", question(&incoming, &here));
    // Not even against itself unedited: private notes and readiness are not "changes".
    assert_eq!(compare(Some(&shared_copy(&sent)), &sent, &arriving, DateStyle::DayFirst24Hour), Incoming::NothingNew);
}

#[test]
fn an_updated_link_at_the_couples_keeps_their_unsent_answers() {
    let therapist = base();
    let first_link = through_a_link(&therapist);
    // The couple saved the first link's copy and answered.
    let prep = first(&first_link, BlockKind::KapPreparation, 2).id;
    let mut couple = edited(
        &first_link,
        Edit::SetText { id: prep, field: BlockText::CoupleQuestion, text: "Can we bring music?".into() },
    );
    couple = edited(&couple, Edit::TickChecklistItem { id: prep, index: 0, done: true });
    // The therapist moved a block and changed the location, and sent a new link.
    let lunch = first(&therapist, BlockKind::Lunch, 1).id;
    let updated = edited(
        &edited(&therapist, Edit::NudgeBlock { id: lunch, minutes: 15, days: 0 }),
        Edit::SetLocation("Garden Room".into()),
    );
    let incoming = compare(Some(&first_link), &couple, &through_a_link(&updated), DateStyle::DayFirst24Hour);
    let question = question(&incoming, &couple);
    let merged = merged(incoming);
    assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
    assert_eq!(merged.brought.len(), 2, "{:?}", merged.brought);
    assert!(question.contains("newer in 2 places: The location;"), "{question}");
    let plan = merged.plan;
    assert_eq!(plan.location, "Garden Room");
    assert_eq!(plan.block(lunch).map(|b| b.start), updated.block(lunch).map(|b| b.start));
    let prep_block = plan.block(prep).expect("kept");
    assert_eq!(prep_block.couple_question, "Can we bring music?");
    assert!(prep_block.checklist[0].done);
    assert_eq!(plan.revision, couple.revision, "the couple's record, one revision on at its save");
}

#[test]
fn a_field_both_sides_changed_keeps_this_browsers_and_offers_the_arriving_copys() {
    let sent = base();
    let shared = shared_copy(&sent);
    let here = edited(&sent, Edit::SetLocation("Garden Room".into()));
    let arriving = edited(&through_a_link(&sent), Edit::SetLocation("Harbour Room, 2nd floor".into()));
    let merged = merged(compare(Some(&shared), &here, &arriving, DateStyle::DayFirst24Hour));
    assert_eq!(merged.plan.location, "Garden Room");
    let [clash] = merged.clashes.as_slice() else { panic!("{:?}", merged.clashes) };
    assert_eq!(clash.other_side, Side::Arriving);
    assert_eq!(clash.other, "\u{201c}Harbour Room, 2nd floor\u{201d}");
    // Choosing the arriving copy's value is one edit on the merged plan.
    let chosen = edited(&merged.plan, clash.alternative.clone());
    assert_eq!(chosen.location, "Harbour Room, 2nd floor");
}

#[test]
fn a_block_deleted_in_the_arriving_copy_but_changed_here_is_kept_and_the_deletion_offered() {
    let sent = base();
    let block = sent.blocks[5].id;
    let here = edited(&sent, Edit::SetText { id: block, field: BlockText::CoupleNotes, text: "Bring water".into() });
    let arriving = edited(&through_a_link(&sent), Edit::DeleteBlock { id: block });
    let merged = merged(compare(Some(&shared_copy(&sent)), &here, &arriving, DateStyle::DayFirst24Hour));
    assert!(merged.plan.block(block).is_some());
    let [clash] = merged.clashes.as_slice() else { panic!("{:?}", merged.clashes) };
    assert_eq!(
        (clash.kept.as_str(), clash.other.as_str()),
        ("changed in this browser", "deleted in the arriving copy")
    );
}

#[test]
fn without_a_shared_version_the_person_chooses_and_the_arriving_copy_keeps_what_only_here_holds() {
    let here = with_private_note(&base());
    let prep = first(&here, BlockKind::KapPreparation, 2).id;
    let here = edited(&here, Edit::TickChecklistItem { id: prep, index: 1, done: true });
    let arriving = edited(&through_a_link(&base()), Edit::SetLocation("Garden Room".into()));
    let incoming = compare(None, &here, &arriving, DateStyle::DayFirst24Hour);
    assert_eq!(incoming, Incoming::NoCommonVersion);
    assert!(question(&incoming, &here).contains("cannot tell which changes are newer"));
    let taken = arriving_kept_with_here(&here, &arriving);
    assert_eq!(taken.location, "Garden Room");
    assert_eq!(taken.blocks[2].private_notes, "Watch for shutdown in Sam.");
    assert_eq!(taken.kap, here.kap, "the readiness record the link did not carry");
    assert!(taken.block(prep).is_some_and(|b| b.checklist[1].done));
    assert_eq!(taken.revision, here.revision);
    // A recorded version of another plan is no common version.
    let other = Plan { id: "another".into(), ..base() };
    assert_eq!(compare(Some(&other), &here, &arriving, DateStyle::DayFirst24Hour), Incoming::NoCommonVersion);
}

#[test]
fn the_version_sent_is_recorded_beside_the_plan_and_goes_with_it() {
    let mut store = PlanStore::new(MemoryStore::default());
    let plan = base();
    assert_eq!(store.shared(&plan.id), None);
    store.record_shared(&shared_copy(&plan));
    assert_eq!(store.shared(&plan.id), Some(shared_copy(&plan)));
    // A damaged record is no version at all, never an error.
    store.kv.entries.insert(format!("intensive-planner/shared/{}", plan.id), "{ damaged".into());
    assert_eq!(store.shared(&plan.id), None);
    store.record_shared(&plan);
    store.delete(&plan.id).expect("deletes");
    assert_eq!(store.shared(&plan.id), None);
    assert!(store.load_all().expect("loads").unreadable.is_empty(), "not taken for a plan record");
}

#[test]
fn a_full_store_gives_up_the_versions_sent_before_it_refuses_a_plan() {
    let plan = base();
    let mut store = PlanStore::new(MemoryStore::default());
    store.save(None, &plan, DateStyle::DayFirst24Hour).expect("saves");
    store.record_shared(&plan);
    let used: usize = store.kv.entries.iter().map(|(k, v)| k.len() + v.len()).sum();
    // Room for the plan grown a little, but not for it and the version sent beside it.
    store.kv.capacity = Some(used);
    let stored = store.load_all().expect("loads").plans.remove(0);
    let grown = edited(&stored, Edit::SetLocation("A longer location than before".into()));
    store.save(Some(&stored), &grown, DateStyle::DayFirst24Hour).expect("saves, making room");
    assert_eq!(store.shared(&plan.id), None, "the version sent went first");
    assert_eq!(store.load_all().expect("loads").plans[0].location, "A longer location than before");
}
