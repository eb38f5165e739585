//! One test per rule: break it with an edit, and see the problem, its id,
//! severity, the blocks it names and a message that says what to do.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::edit::{apply, Edit};
use intensive_planner::domain::kap::{Placement, ScreenAnswer, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{check, Problem, RuleId, Severity};

/// A ready 3-day couples intensive with Sam (A) dosing midway, on day 2.
fn base() -> Plan {
    let plan = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA);
    assert_eq!(check(&plan), vec![]);
    plan
}

fn first(plan: &Plan, kind: BlockKind, day: u8) -> Block {
    plan.blocks_on(day).into_iter().find(|b| b.kind == kind).cloned().expect("block of that kind")
}

fn edit(plan: &Plan, edit: Edit) -> Plan {
    apply(plan, &edit).expect("edit applies")
}

/// The only problem of the plan, which must be of `rule`.
fn only(plan: &Plan, rule: RuleId) -> Problem {
    let problems = check(plan);
    assert_eq!(problems.iter().map(|p| p.rule).collect::<Vec<_>>(), vec![rule], "{problems:#?}");
    let problem = problems.into_iter().next().expect("one problem");
    assert_eq!(problem.severity, rule.severity());
    problem
}

#[test]
fn r1_dosing_without_integration_is_an_error() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let broken = edit(&plan, Edit::DeleteBlock { id: integration.id });
    let problems = check(&broken);
    let problem = problems.iter().find(|p| p.rule == RuleId::IntegrationWithinWindow).expect("integration error");
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem.blocks, vec![dosing.id]);
    assert!(problem.message.contains("“KAP dosing session” (day 2, 10:00)"), "{}", problem.message);
    assert!(problem.message.contains("Add an integration session for Sam"), "{}", problem.message);

    // An integration before the dosing does not count either.
    let moved = edit(&plan, Edit::MoveBlock { id: integration.id, day: 1, start: clock(15, 0) });
    assert!(check(&moved).iter().any(|p| p.rule == RuleId::IntegrationWithinWindow));
    // Nor one for the other partner.
    let wrong = edit(&plan, Edit::ChangeKapFor { id: integration.id, kap_for: Some(PartnerSet::only(Partner::B)) });
    assert!(check(&wrong).iter().any(|p| p.rule == RuleId::IntegrationWithinWindow));
}

#[test]
fn r1_integration_later_than_the_window_is_an_error() {
    let mut plan = base();
    plan.limits.integration_window_hours = 12;
    let problem = check(&plan).into_iter().find(|p| p.rule == RuleId::IntegrationWithinWindow).expect("too late");
    assert!(problem.message.contains("within 12 hours"), "{}", problem.message);
}

#[test]
fn r1_dosing_without_preparation_is_a_warning() {
    let plan = base();
    let prep = first(&plan, BlockKind::KapPreparation, 2);
    let problem = only(
        &edit(&plan, Edit::ChangeKind { id: prep.id, kind: BlockKind::JointSession }),
        RuleId::PreparationBeforeDosing,
    );
    assert!(problem.message.contains("Add a KAP preparation block"), "{}", problem.message);
}

#[test]
fn r2_morning_after_dosing_must_open_with_a_check_in() {
    let plan = base();
    let check_in = first(&plan, BlockKind::CouplesCheckIn, 3);
    let problem = only(&edit(&plan, Edit::DeleteBlock { id: check_in.id }), RuleId::CheckInAfterDosing);
    assert!(
        problem.message.starts_with("Day 3 follows a dosing day but opens with “Integration session”"),
        "{}",
        problem.message
    );
    assert_eq!(problem.day, Some(3));
}

#[test]
fn r3_incomplete_readiness_or_positive_screen_blocks_dosing() {
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let mut kap = plan.kap.clone();
    kap.readiness_a.consent_signed = false;
    kap.readiness_a.screen.recent_brain_injury = ScreenAnswer::NotAsked;
    let problem = only(&edit(&plan, Edit::SetKap(kap)), RuleId::DosingReadiness);
    assert_eq!(problem.blocks, vec![dosing.id]);
    assert_eq!(problem.partner, Some(Partner::A));
    assert!(problem.is_readiness_of(Partner::A) && !problem.is_readiness_of(Partner::B));
    assert_eq!(
        problem.message,
        "Sam cannot dose yet: signed informed consent, a complete contraindication screen still missing. \
         Complete Sam's KAP readiness record, or remove Sam's dosing."
    );

    let mut kap = plan.kap.clone();
    kap.readiness_a.screen.pregnancy_or_breastfeeding = ScreenAnswer::Yes;
    let positive = edit(&plan, Edit::SetKap(kap.clone()));
    let problem = only(&positive, RuleId::DosingReadiness);
    assert!(problem
        .message
        .contains("shows pregnancy or breastfeeding: dosing is blocked unless the prescriber clears it"));
    kap.readiness_a.screen.prescriber_cleared = true;
    assert_eq!(check(&edit(&plan, Edit::SetKap(kap))), vec![], "cleared by the prescriber");
    // Partner B's record does not matter: B does not dose.
    let mut kap = plan.kap.clone();
    kap.readiness_b = Default::default();
    assert_eq!(check(&edit(&plan, Edit::SetKap(kap))), vec![]);
}

#[test]
fn r4_ride_home_must_be_arranged_and_not_by_a_partner_who_doses() {
    let plan = base();
    let mut kap = plan.kap.clone();
    kap.readiness_a.ride_home_driver = "  ".into();
    let problem = only(&edit(&plan, Edit::SetKap(kap.clone())), RuleId::RideHome);
    assert!(
        problem.message.starts_with("No ride home is arranged for Sam after dosing on day 2"),
        "{}",
        problem.message
    );

    // When only Sam doses, Alex may drive.
    kap.readiness_a.ride_home_driver = "alex".into();
    assert_eq!(check(&edit(&plan, Edit::SetKap(kap))), vec![]);

    // When both dose, neither may drive the other.
    let both = common::plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::Both);
    let mut kap = both.kap.clone();
    kap.readiness_b.ride_home_driver = "Sam".into();
    let problem = only(&edit(&both, Edit::SetKap(kap)), RuleId::RideHome);
    assert_eq!(problem.partner, Some(Partner::B));
    assert!(problem.is_readiness_of(Partner::B) && !problem.is_readiness_of(Partner::A));
    assert!(problem.message.contains("a third person must drive"), "{}", problem.message);
}

#[test]
fn r5_meal_in_the_fasting_window_is_a_warning() {
    let plan = base();
    let lunch = first(&plan, BlockKind::Lunch, 2);
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    // Breakfast-time meal on the dosing morning, before the check-in.
    let moved = edit(&plan, Edit::MoveBlock { id: lunch.id, day: 2, start: clock(8, 0) });
    let moved = edit(&moved, Edit::ResizeBlock { id: lunch.id, minutes: 45 });
    let problems = check(&moved);
    let problem = problems.iter().find(|p| p.rule == RuleId::MealInFastingWindow).expect("fasting warning");
    assert_eq!(problem.blocks, vec![lunch.id, dosing.id]);
    assert!(problem.message.contains("within the 4 fasting hours"), "{}", problem.message);
    // Six fasting hours catch an earlier meal too; four do not.
    let early = edit(&plan, Edit::MoveBlock { id: lunch.id, day: 2, start: clock(5, 0) });
    assert!(!check(&early).iter().any(|p| p.rule == RuleId::MealInFastingWindow));
    let mut stricter = early.clone();
    stricter.limits.fasting_hours = 6;
    assert!(check(&stricter).iter().any(|p| p.rule == RuleId::MealInFastingWindow));
}

#[test]
fn r6_too_many_or_too_close_dosings_are_errors() {
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let prep = first(&plan, BlockKind::KapPreparation, 2);
    // A second dosing for Sam the next afternoon, 27 h later, is fine; a third is too many.
    let add = |plan: &Plan, day: u8| {
        let plan = edit(
            plan,
            Edit::AddBlock {
                kind: BlockKind::KapDosing,
                day,
                start: clock(13, 0),
                minutes: 180,
                who: Participants::BothWithTherapist,
            },
        );
        let id = BlockId(plan.next_block_id - 1);
        edit(&plan, Edit::ChangeKapFor { id, kap_for: Some(PartnerSet::only(Partner::A)) })
    };
    let mut limits = plan.limits;
    limits.max_dosings_per_partner = 1;
    let one_allowed = edit(&plan, Edit::SetLimits(limits));
    let too_many = add(&one_allowed, 3);
    let problem = check(&too_many).into_iter().find(|p| p.rule == RuleId::DosingCountAndSpacing).expect("count");
    assert!(
        problem.message.starts_with("Sam has 2 dosing sessions; an intensive holds at most 1."),
        "{}",
        problem.message
    );

    let close = add(&plan, 2);
    let _ = (dosing, prep);
    let problem = check(&close).into_iter().find(|p| p.rule == RuleId::DosingCountAndSpacing).expect("spacing");
    assert!(problem.message.contains("begins only 3 h after"), "{}", problem.message);
    assert!(problem.message.contains("at least 24 hours"), "{}", problem.message);
}

#[test]
fn r7_demanding_work_after_dosing_is_a_warning() {
    let plan = base();
    let reflection =
        plan.blocks_on(2).into_iter().find(|b| b.kind == BlockKind::Reflection).cloned().expect("rest block");
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let changed = edit(&plan, Edit::ChangeKind { id: reflection.id, kind: BlockKind::Assessment });
    let changed = edit(&changed, Edit::ChangeWho { id: reflection.id, who: Participants::BothWithTherapist });
    let problem = only(&changed, RuleId::RestAfterDosing);
    assert_eq!(problem.blocks, vec![reflection.id, dosing.id]);
    assert!(problem.message.contains("move it to another day"), "{}", problem.message);
}

#[test]
fn r8_overlap_for_one_person_is_an_error_but_parallel_tracks_are_fine() {
    let plan = base();
    // The template already has parallel tracks on day 1 with no problem.
    assert!(plan.blocks_on(1).windows(2).any(|w| w[0].start == w[1].start));
    let assessment = first(&plan, BlockKind::Assessment, 1);
    let break_block = first(&plan, BlockKind::Break, 1);
    let clash = edit(&plan, Edit::ChangeWho { id: break_block.id, who: Participants::OneOnTheirOwn(Partner::B) });
    let clash = edit(&clash, Edit::MoveBlock { id: break_block.id, day: 1, start: clock(10, 0) });
    let problem = check(&clash).into_iter().find(|p| p.rule == RuleId::NoOverlap).expect("overlap");
    assert_eq!(problem.blocks, vec![break_block.id, assessment.id]);
    assert!(problem.message.contains("overlap for Alex."), "{}", problem.message);
    assert_eq!(problem.severity, Severity::Error);
}

#[test]
fn r9_outside_the_day_is_a_warning() {
    let plan = base();
    let closing = plan.blocks_on(1).last().map(|b| (*b).clone()).expect("closing");
    let problem =
        only(&edit(&plan, Edit::MoveBlock { id: closing.id, day: 1, start: clock(17, 0) }), RuleId::InsideDayWindow);
    assert!(problem.message.contains("outside the day's hours (09:00–17:00)"), "{}", problem.message);
}

#[test]
fn r9_more_than_two_hours_without_a_break_is_a_warning() {
    let plan = base();
    let break_block = first(&plan, BlockKind::Break, 1);
    let assessment = first(&plan, BlockKind::Assessment, 1);
    // A gap of 15 minutes is itself a break, so the assessment grows into the gap.
    let no_break = edit(&plan, Edit::DeleteBlock { id: break_block.id });
    assert_eq!(check(&no_break), vec![]);
    let longer = edit(&no_break, Edit::ResizeBlock { id: assessment.id, minutes: 105 });
    let problem = only(&longer, RuleId::BreakEveryTwoHours);
    assert_eq!(problem.blocks, vec![assessment.id]);
    assert!(problem.message.contains("Sam and Alex"), "{}", problem.message);
    assert!(problem.message.contains("more than 2 h of sessions without a break"), "{}", problem.message);
}

#[test]
fn r9_full_day_without_lunch_is_a_warning() {
    let plan = base();
    let lunch = first(&plan, BlockKind::Lunch, 3);
    let problem = only(&edit(&plan, Edit::DeleteBlock { id: lunch.id }), RuleId::LunchEveryFullDay);
    assert_eq!(problem.message, "Day 3 is a full day with no lunch block. Add a lunch break around midday.");
}

#[test]
fn r10_dosing_length_outside_two_and_a_half_to_four_hours_is_a_warning() {
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let problem = only(&edit(&plan, Edit::ResizeBlock { id: dosing.id, minutes: 120 }), RuleId::DosingLength);
    assert!(problem.message.contains("lasts 2 h 00 min"), "{}", problem.message);
}

#[test]
fn every_rule_id_is_stable_and_unique() {
    let ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.id()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.iter().all(|id| id.starts_with('R')));
}

#[test]
fn each_block_is_marked_with_its_worst_problem() {
    let problem = |severity, blocks: &[u32]| Problem {
        rule: RuleId::NoOverlap,
        severity,
        blocks: blocks.iter().map(|id| BlockId(*id)).collect(),
        day: None,
        partner: None,
        message: String::new(),
    };
    let problems = [
        problem(Severity::Warning, &[7, 3]),
        problem(Severity::Error, &[3]),
        problem(Severity::Warning, &[12]),
        problem(Severity::Warning, &[12, 7]),
    ];
    let worst = intensive_planner::domain::rules::worst_per_block(&problems);
    assert_eq!(
        worst,
        vec![(BlockId(3), Severity::Error), (BlockId(7), Severity::Warning), (BlockId(12), Severity::Warning)]
    );
    assert_eq!(intensive_planner::domain::rules::worst_of(&worst, BlockId(12)), Some(Severity::Warning));
    assert_eq!(intensive_planner::domain::rules::worst_of(&worst, BlockId(4)), None);
}

#[test]
fn a_day_heading_names_the_day_and_its_date() {
    use intensive_planner::domain::dates;
    use intensive_planner::domain::rules::day_heading;
    let plan = base();
    assert_eq!(day_heading(&plan, 1), format!("Day 1 \u{b7} {}", dates::long(plan.first_day)));
    assert_eq!(day_heading(&plan, 2), format!("Day 2 \u{b7} {}", dates::long(plan.date_of(2))));
    assert_ne!(plan.date_of(2), plan.first_day);
}

#[test]
fn r8_many_blocks_overlapping_at_once_are_one_problem_not_one_per_pair() {
    let mut plan = base();
    let add = Edit::AddBlock {
        kind: BlockKind::Custom,
        day: 1,
        start: clock(10, 0),
        minutes: 60,
        who: Participants::BothWithTherapist,
    };
    while plan.blocks.len() < intensive_planner::domain::validate::MAX_BLOCKS {
        plan = edit(&plan, add.clone());
    }
    let overlaps: Vec<Problem> = check(&plan).into_iter().filter(|p| p.rule == RuleId::NoOverlap).collect();
    assert_eq!(overlaps.len(), 1, "{:#?}", overlaps.iter().map(|p| &p.message).collect::<Vec<_>>());
    let added = plan.blocks.len() - base().blocks.len();
    assert!(overlaps[0].blocks.len() > added, "every overlapping block is named");
    assert!(
        overlaps[0].message.contains("other blocks overlap for Sam, Alex and the therapist"),
        "{}",
        overlaps[0].message
    );
}
