//! Edits as domain operations: snapping, confirming, and random sequences of
//! edits that never panic and keep the plan sound.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, apply_all, BlockText, Edit, EditError};
use intensive_planner::domain::kap::{Driver, Placement, ReadinessItem, ReadinessValue, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{check, error_count};
use intensive_planner::domain::template::build_plan;
use intensive_planner::domain::time::hhmm;
use intensive_planner::domain::validate::validate;
use proptest::prelude::*;
use strum::VariantArray;

#[test]
fn moves_and_resizes_snap_to_fifteen_minutes() {
    let plan = plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    let id = plan.blocks_on(1)[1].id;
    let moved = apply(&plan, &Edit::MoveBlock { id, day: 2, start: clock(10, 7) }).unwrap();
    assert_eq!((moved.block(id).unwrap().day, moved.block(id).unwrap().start), (2, clock(10, 0)));
    let nudged = apply(&moved, &Edit::NudgeBlock { id, minutes: 15, days: -1 }).unwrap();
    assert_eq!((nudged.block(id).unwrap().day, nudged.block(id).unwrap().start), (1, clock(10, 15)));
    let resized = apply(&plan, &Edit::ResizeBlock { id, minutes: 52 }).unwrap();
    assert_eq!(resized.block(id).unwrap().minutes, 45);
    // Never past midnight, never shorter than one step.
    let late = apply(&plan, &Edit::MoveBlock { id, day: 1, start: clock(23, 45) }).unwrap();
    assert!(late.block(id).unwrap().end() > late.block(id).unwrap().start);
    assert_eq!(apply(&plan, &Edit::ResizeBlock { id, minutes: 0 }).unwrap().block(id).unwrap().minutes, 15);
    // The original is untouched: edits return a new plan.
    assert_eq!(plan.block(id).unwrap().day, 1);
}

#[test]
fn confirming_is_refused_while_errors_remain_and_says_why() {
    let not_ready =
        build_plan("p", &request(IntensiveKind::AffairRecovery, 3, Placement::Midway, WhoDoses::PartnerA)).unwrap();
    let refused = apply(&not_ready, &Edit::SetStatus(PlanStatus::Confirmed));
    let Err(EditError::CannotConfirm(errors)) = refused.clone() else { panic!("{refused:?}") };
    assert_eq!(errors, 2);
    assert_eq!(
        refused.unwrap_err().to_string(),
        "The plan cannot be confirmed while 2 errors remain: the problems panel lists them with how to fix each."
    );

    let ready = plan(IntensiveKind::AffairRecovery, 3, Placement::Midway, WhoDoses::PartnerA);
    let confirmed = apply(&ready, &Edit::SetStatus(PlanStatus::Confirmed)).unwrap();
    assert_eq!(confirmed.status, PlanStatus::Confirmed);
    // Breaking a rule afterwards reopens the plan: it is in the couple's hands again.
    let integration = find(&confirmed, BlockKind::Integration)[0].id;
    let broken = apply(&confirmed, &Edit::MoveBlock { id: integration, day: 1, start: clock(15, 0) }).unwrap();
    assert_eq!(broken.status, PlanStatus::SharedWithCouple);
}

#[test]
fn bad_edits_are_refused_with_a_message() {
    let plan = plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    let gone = apply(&plan, &Edit::DeleteBlock { id: BlockId(9999) });
    assert_eq!(gone, Err(EditError::NoSuchBlock(BlockId(9999))));
    let far = apply(&plan, &Edit::MoveBlock { id: plan.blocks[0].id, day: 9, start: clock(9, 0) });
    assert_eq!(far.unwrap_err().to_string(), "Blocks go on days 1 to 3 (the last is the day after the intensive).");
    let long = apply(&plan, &Edit::SetText { id: plan.blocks[0].id, field: BlockText::Title, text: "x".repeat(201) });
    assert_eq!(long, Err(EditError::TextTooLong { max: 200 }));
    let window = DayWindow { start: clock(12, 0), end: clock(9, 0) };
    assert_eq!(apply(&plan, &Edit::SetDayWindow { day: 1, window }), Err(EditError::BadWindow));
}

#[test]
fn edits_stop_at_the_limits_storage_reads_back() {
    use intensive_planner::domain::validate::{MAX_BLOCKS, MAX_CHECKLIST_ITEMS};
    let mut plan = common::plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::PartnerA);
    let id = plan.blocks[0].id;
    while plan.block(id).is_some_and(|b| b.checklist.len() < MAX_CHECKLIST_ITEMS) {
        plan = apply(&plan, &Edit::AddChecklistItem { id, text: "Water".into() }).unwrap();
    }
    let refused = apply(&plan, &Edit::AddChecklistItem { id, text: "One more".into() });
    assert_eq!(refused, Err(EditError::TooManyChecklistItems));
    assert!(refused.unwrap_err().to_string().contains("at most 50 checklist items"));

    let add = Edit::AddBlock {
        kind: BlockKind::Custom,
        day: 1,
        start: clock(9, 0),
        minutes: 15,
        who: Participants::BothWithTherapist,
    };
    while plan.blocks.len() < MAX_BLOCKS {
        plan = apply(&plan, &add).unwrap();
    }
    assert_eq!(apply(&plan, &add), Err(EditError::TooManyBlocks));
    assert_eq!(validate(&plan), Vec::<String>::new(), "a plan at the limits is still readable");

    let ride = Edit::SetReadiness {
        partner: Partner::A,
        item: ReadinessItem::RideHome,
        value: ReadinessValue::Driver(Driver::other_adult(&"x".repeat(201), "555 0100")),
    };
    assert_eq!(apply(&plan, &ride), Err(EditError::TextTooLong { max: 200 }));
}

#[test]
fn a_reply_s_edits_apply_around_a_block_deleted_meanwhile() {
    let plan = common::plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::PartnerA);
    let (gone, kept) = (plan.blocks[0].id, plan.blocks[1].id);
    let plan = apply(&plan, &Edit::DeleteBlock { id: gone }).unwrap();
    let edits = [
        Edit::SetText { id: gone, field: BlockText::CoupleQuestion, text: "Lost?".into() },
        Edit::SetText { id: kept, field: BlockText::CoupleQuestion, text: "Can we bring water?".into() },
    ];
    let merged = apply_all(&plan, &edits);
    assert_eq!(merged.block(kept).unwrap().couple_question, "Can we bring water?");
    assert!(merged.block(gone).is_none());
}

#[test]
fn a_duplicate_is_a_fresh_draft_and_breaks_take_no_questions() {
    let mut plan = common::plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    plan.status = PlanStatus::SharedWithCouple;
    plan.revision = 9;
    let copy = plan.duplicate_as("p-copy".into());
    assert_eq!((copy.id.as_str(), copy.status, copy.revision), ("p-copy", PlanStatus::Draft, 0));
    assert_eq!(copy.title, format!("{} (copy)", plan.title));
    assert_eq!(copy.blocks, plan.blocks);
    for &kind in BlockKind::VARIANTS {
        assert_eq!(kind.takes_questions(), !matches!(kind, BlockKind::Break | BlockKind::Lunch), "{kind:?}");
    }
    let block = &plan.blocks[0];
    assert_eq!(
        block.time_range(DateStyle::DayFirst24Hour),
        format!("{}\u{2013}{}", hhmm(block.start), hhmm(block.end()))
    );
}

fn any_kind() -> impl Strategy<Value = BlockKind> {
    prop::sample::select(BlockKind::VARIANTS.to_vec())
}

fn any_who() -> impl Strategy<Value = Participants> {
    prop_oneof![
        Just(Participants::BothWithTherapist),
        Just(Participants::CoupleOnTheirOwn),
        Just(Participants::OneWithTherapist(Partner::A)),
        Just(Participants::OneOnTheirOwn(Partner::B)),
    ]
}

/// Edits aimed at existing blocks by index (wrapping), so most of them land.
fn any_edit() -> impl Strategy<Value = (usize, Edit)> {
    let id = BlockId(0);
    prop_oneof![
        (any_kind(), 0u8..10, 0u32..24, 0u16..800, any_who()).prop_map(|(kind, day, hour, minutes, who)| {
            Edit::AddBlock { kind, day, start: clock(hour, 0), minutes, who }
        }),
        (0u8..10, 0u32..24, 0u32..60).prop_map(move |(day, h, m)| Edit::MoveBlock { id, day, start: clock(h, m) }),
        (-2000i32..2000, -9i8..9).prop_map(move |(minutes, days)| Edit::NudgeBlock { id, minutes, days }),
        (0u16..2000).prop_map(move |minutes| Edit::ResizeBlock { id, minutes }),
        Just(Edit::DeleteBlock { id }),
        any_kind().prop_map(move |kind| Edit::ChangeKind { id, kind }),
        any_who().prop_map(move |who| Edit::ChangeWho { id, who }),
        ".{0,40}".prop_map(move |text| Edit::SetText { id, field: BlockText::Title, text }),
        ".{0,40}".prop_map(move |text| Edit::AddChecklistItem { id, text }),
        Just(Edit::SetStatus(PlanStatus::Confirmed)),
        Just(Edit::SetStatus(PlanStatus::SharedWithCouple)),
    ]
    .prop_flat_map(|edit| (0usize..400, Just(edit)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_never_panic_and_keep_the_plan_sound(
        days in 1u8..=7,
        midway in any::<bool>(),
        edits in prop::collection::vec(any_edit(), 0..40),
    ) {
        // A 2-day affair-recovery intensive doses midway: a morning dose leaves its arc one day.
        let placement = if (midway || days == 2) && days > 1 { Placement::Midway } else { Placement::Opening };
        let mut plan = common::plan(IntensiveKind::AffairRecovery, days, placement, WhoDoses::Both);
        for (index, edit) in edits {
            let edit = aim(&plan, index, edit);
            if let Ok(next) = apply(&plan, &edit) {
                plan = next;
            }
            let problems = check(&plan, DateStyle::DayFirst24Hour);
            // Checking is deterministic: the same plan gives the same answer.
            prop_assert_eq!(&problems, &check(&plan.clone(), DateStyle::DayFirst24Hour));
            // A confirmed plan never carries an error.
            if plan.status == PlanStatus::Confirmed {
                prop_assert_eq!(error_count(&problems), 0);
            }
            for block in &plan.blocks {
                prop_assert!(block.minutes >= 15 && block.minutes % 15 == 0);
                prop_assert!(block.start.format("%M").to_string().parse::<u32>().unwrap_or(1) % 15 == 0);
                prop_assert!(block.end() > block.start);
                prop_assert!(block.day >= 1 && block.day <= plan.day_count() + 1);
            }
            // Whatever edits make, storage can read back.
            prop_assert_eq!(validate(&plan), Vec::<String>::new());
            let mut ids: Vec<_> = plan.blocks.iter().map(|b| b.id).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), plan.blocks.len());
        }
    }

    #[test]
    fn checking_is_deterministic_whatever_the_block_order(seed in any::<u64>()) {
        let plan = common::plan(IntensiveKind::Couples, 5, Placement::Midway, WhoDoses::Both);
        let mut shuffled = plan.clone();
        let len = shuffled.blocks.len();
        let mut state = seed;
        for i in (1..len).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = usize::try_from(state >> 33).unwrap_or(0) % (i + 1);
            shuffled.blocks.swap(i, j);
        }
        prop_assert_eq!(check(&plan, DateStyle::DayFirst24Hour), check(&shuffled, DateStyle::DayFirst24Hour));
    }
}

#[test]
fn the_block_form_offers_every_length_a_block_may_have() {
    use intensive_planner::domain::edit::{block_lengths, MAX_BLOCK_MINUTES};
    let lengths: Vec<u16> = block_lengths().collect();
    assert_eq!(lengths.first(), Some(&15));
    assert_eq!(lengths.last().map(|m| i64::from(*m)), Some(MAX_BLOCK_MINUTES), "up to 12 h, not 8");
    assert!(lengths.windows(2).all(|w| w[1] - w[0] == 15));
    assert!(lengths.contains(&(9 * 60 + 30)), "a 9 h 30 min block is offered as itself");
    // Whatever a resize keeps, the form can show.
    let plan = common::base();
    let id = plan.blocks[0].id;
    for minutes in [15, 570, 720, 2000] {
        if let Ok(resized) = apply(&plan, &Edit::ResizeBlock { id, minutes }) {
            let kept = resized.block(id).map(|b| b.minutes).unwrap_or_default();
            assert!(lengths.contains(&kept), "{kept} min is not offered");
        }
    }
}
