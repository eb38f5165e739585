//! Two versions of one plan, changed apart, merged against the version both started
//! from: what merges by itself, and what is kept for the person to choose.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::clash::Side;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, BlockText, Edit};
use intensive_planner::domain::kap::{Driver, Placement, ReadinessItem, ReadinessValue, WhoDoses};
use intensive_planner::domain::merge::merge;
use intensive_planner::domain::model::*;
use intensive_planner::domain::validate::validate;
use proptest::prelude::*;

fn base() -> Plan {
    plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::Both)
}

fn after(plan: &Plan, edits: &[Edit]) -> Plan {
    edits.iter().fold(plan.clone(), |p, e| apply(&p, e).unwrap_or_else(|err| panic!("{e:?}: {err}")))
}

#[test]
fn moves_of_different_blocks_and_different_fields_merge_by_themselves() {
    let base = base();
    let (x, y) = (base.blocks[1].id, base.blocks[4].id);
    let mine =
        after(&base, &[Edit::MoveBlock { id: x, day: 2, start: clock(15, 0) }, Edit::SetLocation("Room 2".into())]);
    let theirs = after(&base, &[Edit::NudgeBlock { id: y, minutes: 15, days: 0 }, Edit::SetTitle("Spring".into())]);
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
    let plan = merged.plan;
    assert_eq!((plan.title.as_str(), plan.location.as_str()), ("Spring", "Room 2"));
    assert_eq!(plan.block(x), mine.block(x));
    assert_eq!(plan.block(y), theirs.block(y));
    assert_eq!(plan.revision, theirs.revision);
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_the_saved_one_and_offers_this_tab_s() {
    let base = base();
    let x = base.blocks[1].id;
    let mine = after(&base, &[Edit::SetTitle("Ours".into()), Edit::MoveBlock { id: x, day: 1, start: clock(16, 0) }]);
    let theirs =
        after(&base, &[Edit::SetTitle("Theirs".into()), Edit::MoveBlock { id: x, day: 2, start: clock(9, 0) }]);
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(merged.plan.title, "Theirs");
    assert_eq!(merged.clashes.len(), 2, "{:?}", merged.clashes);
    let title = &merged.clashes[0];
    assert_eq!(title.what, "The title");
    assert_eq!((title.kept.as_str(), title.other.as_str()), ("\u{201c}Theirs\u{201d}", "\u{201c}Ours\u{201d}"));
    assert_eq!(title.other_side, Side::ThisTab);
    assert!(merged.clashes[1].what.ends_with(": its place"), "{}", merged.clashes[1].what);
    // Choosing this tab's version is one edit on the merged plan, and only that.
    let chosen = after(&merged.plan, std::slice::from_ref(&merged.clashes[1].alternative));
    assert_eq!(chosen.block(x).map(|b| (b.day, b.start)), Some((1, clock(16, 0))));
    assert_eq!(chosen.title, "Theirs");
}

#[test]
fn a_block_deleted_on_one_side_and_changed_on_the_other_is_kept_and_the_deletion_offered() {
    let base = base();
    let x = base.blocks[2].id;
    let changed = after(&base, &[Edit::SetText { id: x, field: BlockText::CoupleNotes, text: "Bring water".into() }]);
    let deleted = after(&base, &[Edit::DeleteBlock { id: x }]);
    for (mine, theirs, other_side) in [(&changed, &deleted, Side::OtherTab), (&deleted, &changed, Side::ThisTab)] {
        let merged = merge(&base, mine, theirs, DateStyle::DayFirst24Hour);
        assert_eq!(merged.plan.block(x).map(|b| b.couple_notes.as_str()), Some("Bring water"));
        assert_eq!(merged.clashes.len(), 1);
        assert_eq!(merged.clashes[0].other_side, other_side);
        assert_eq!(merged.clashes[0].alternative, Edit::DeleteBlock { id: x });
    }
    // Deleted on one side and untouched on the other: simply deleted.
    assert!(merge(&base, &deleted, &base, DateStyle::DayFirst24Hour).plan.block(x).is_none());
    assert!(merge(&base, &base, &deleted, DateStyle::DayFirst24Hour).plan.block(x).is_none());
}

#[test]
fn blocks_added_on_both_sides_are_all_kept_under_their_own_ids() {
    let base = base();
    let add = |day| Edit::AddBlock {
        kind: BlockKind::Reflection,
        day,
        start: clock(16, 30),
        minutes: 30,
        who: Participants::CoupleOnTheirOwn,
    };
    let mine = after(&base, &[add(1), add(2)]);
    let theirs = after(&base, &[add(3)]);
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(merged.plan.blocks.len(), base.blocks.len() + 3);
    assert_eq!(validate(&merged.plan), Vec::<String>::new());
    let new_days: Vec<u8> = merged.plan.blocks.iter().filter(|b| b.start == clock(16, 30)).map(|b| b.day).collect();
    assert_eq!(new_days, vec![3, 1, 2]);
}

#[test]
fn ticks_and_readiness_items_merge_item_by_item() {
    let base = base();
    let prep = base.blocks.iter().find(|b| b.checklist.len() > 2).expect("a checklist").id;
    let ride = |partner, driver| Edit::SetReadiness {
        partner,
        item: ReadinessItem::RideHome,
        value: ReadinessValue::Driver(driver),
    };
    let unsigned =
        Edit::SetReadiness { partner: Partner::A, item: ReadinessItem::Consent, value: ReadinessValue::Done(false) };
    let robin = || Driver::other_adult("Robin", "555 0199");
    let mine = after(&base, &[Edit::TickChecklistItem { id: prep, index: 0, done: true }, unsigned]);
    let theirs = after(&base, &[Edit::TickChecklistItem { id: prep, index: 2, done: true }, ride(Partner::B, robin())]);
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
    let ticks: Vec<bool> = merged.plan.block(prep).unwrap().checklist.iter().map(|i| i.done).collect();
    assert_eq!(&ticks[..3], &[true, false, true]);
    assert!(!merged.plan.kap.readiness_a.consent_signed);
    assert_eq!(merged.plan.kap.readiness_b.ride_home, Driver::other_adult("Robin", "555 0199"));

    // The same readiness item set two ways is a clash whose choice sets just that item.
    let theirs = after(&base, &[ride(Partner::B, Driver::Partner(Partner::A))]);
    let mine = after(&base, &[ride(Partner::B, robin())]);
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(merged.clashes[0].alternative, ride(Partner::B, robin()));
}

#[test]
fn a_confirmed_plan_that_the_merge_breaks_is_reopened() {
    let base = base();
    let confirmed = after(&base, &[Edit::SetStatus(PlanStatus::Confirmed)]);
    let integration = base.blocks.iter().find(|b| b.kind == BlockKind::Integration).unwrap().id;
    let broken = after(&base, &[Edit::DeleteBlock { id: integration }]);
    let merged = merge(&base, &confirmed, &broken, DateStyle::DayFirst24Hour);
    assert_eq!(merged.plan.status, PlanStatus::SharedWithCouple);
}

#[test]
fn a_later_place_here_and_a_longer_length_there_that_together_pass_midnight_are_one_choice() {
    let base = base();
    let x = base.blocks[1].id;
    let mine = after(&base, &[Edit::MoveBlock { id: x, day: 1, start: clock(21, 0) }]);
    let theirs = after(&base, &[Edit::ResizeBlock { id: x, minutes: 240 }]);
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(validate(&merged.plan), Vec::<String>::new());
    assert_eq!(merged.plan.block(x), theirs.block(x), "the saved timing is kept");
    assert_eq!(merged.clashes.len(), 1, "{:?}", merged.clashes);
    let clash = &merged.clashes[0];
    assert!(clash.what.ends_with(": its place and length"), "{}", clash.what);
    assert!(clash.kept.ends_with("for 4 h"), "{}", clash.kept);
    assert!(clash.other.contains("21:00"), "{}", clash.other);
    // Choosing this tab's place moves the block as late as its length allows.
    let chosen = after(&merged.plan, std::slice::from_ref(&clash.alternative));
    assert_eq!(chosen.block(x).map(|b| (b.day, b.start, b.minutes)), Some((1, clock(20, 0), 240)));
    // A place and a length that fit together still merge by themselves.
    let early = after(&base, &[Edit::MoveBlock { id: x, day: 1, start: clock(9, 0) }]);
    assert!(merge(&base, &early, &theirs, DateStyle::DayFirst24Hour).clashes.is_empty());
}

fn any_edit(plan: &Plan) -> impl Strategy<Value = Edit> {
    let ids: Vec<BlockId> = plan.blocks.iter().map(|b| b.id).collect();
    let id = prop::sample::select(ids);
    prop_oneof![
        // Late places and long lengths too: a place from one side and a length from the
        // other must still fit in the day.
        (id.clone(), 1u8..4, 8u32..24).prop_map(|(id, day, hour)| Edit::MoveBlock { id, day, start: clock(hour, 0) }),
        (id.clone(), 1u16..48).prop_map(|(id, q)| Edit::ResizeBlock { id, minutes: q * 15 }),
        id.clone().prop_map(|id| Edit::DeleteBlock { id }),
        (id.clone(), "[a-z ]{0,12}").prop_map(|(id, text)| Edit::SetText { id, field: BlockText::Title, text }),
        "[a-z ]{0,12}".prop_map(Edit::SetTitle),
        (1u8..4).prop_map(|day| Edit::AddBlock {
            kind: BlockKind::Custom,
            day,
            start: clock(12, 0),
            minutes: 30,
            who: Participants::CoupleOnTheirOwn
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever each side did, the merge is a plan storage reads back, keeps every
    /// block either side kept or changed, and merging with an unchanged side gives the
    /// changed side.
    #[test]
    fn merges_are_sound(
        mine_edits in prop::collection::vec(any_edit(&base()), 0..8),
        theirs_edits in prop::collection::vec(any_edit(&base()), 0..8),
    ) {
        let base = base();
        let apply_all = |edits: &[Edit]| edits.iter().fold(base.clone(), |p, e| apply(&p, e).unwrap_or(p));
        let (mine, theirs) = (apply_all(&mine_edits), apply_all(&theirs_edits));
        let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
        prop_assert_eq!(validate(&merged.plan), Vec::<String>::new());
        for side in [&mine, &theirs] {
            for block in &side.blocks {
                let was = base.block(block.id);
                if was != Some(block) {
                    // Changed or added on this side: some block with its content survives.
                    prop_assert!(merged.plan.blocks.iter().any(|b| b.title == block.title && b.day == block.day || b.id == block.id));
                }
            }
        }
        prop_assert!(merge(&base, &mine, &base, DateStyle::DayFirst24Hour).plan.same_content(&mine));
        prop_assert!(merge(&base, &base, &theirs, DateStyle::DayFirst24Hour).plan.same_content(&theirs));
        prop_assert!(merge(&base, &base, &theirs, DateStyle::DayFirst24Hour).clashes.is_empty());
    }
}
