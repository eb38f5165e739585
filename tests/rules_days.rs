//! Rules 7–9, the shape of the days: rest after dosing, nobody in two places, the
//! daily hours, breaks and lunch; each limit one step inside and one step outside.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{check, error_count, Problem, RuleId, Severity};
use intensive_planner::domain::words::{day_heading, day_label};
use strum::VariantArray;

#[test]
fn r7_demanding_work_later_on_a_dosing_day_is_a_warning_whoever_attends() {
    // Sam doses on day 2, 10:00–13:00; Alex does not dose.
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let rest = first(&plan, BlockKind::Reflection, 2);
    for who in
        [Participants::BothWithTherapist, Participants::OneWithTherapist(Partner::B), Participants::CoupleOnTheirOwn]
    {
        let changed = edited(&plan, Edit::ChangeKind { id: rest.id, kind: BlockKind::IndividualSession });
        let changed = edited(&changed, Edit::ChangeWho { id: rest.id, who });
        let problems = problems_of(&changed, RuleId::RestAfterDosing);
        assert_eq!(problems.len(), 1, "{who:?}");
        assert_eq!(problems[0].blocks, vec![rest.id, dosing.id]);
        assert!(problems[0].message.contains("move it to another day"), "{}", problems[0].message);
    }
    // The edge: a session starting as the dose starts is later on that day; one that ends
    // as the dose starts is before it.
    let (at_start, id) =
        added(&plan, BlockKind::Assessment, 2, clock(10, 0), 60, Participants::OneOnTheirOwn(Partner::B));
    assert_eq!(problems_of(&at_start, RuleId::RestAfterDosing).len(), 1);
    let before = edited(&at_start, Edit::MoveBlock { id, day: 2, start: clock(9, 0) });
    assert_eq!(problems_of(&before, RuleId::RestAfterDosing), vec![]);
}

#[test]
fn r8_nobody_is_in_two_blocks_at_once_and_the_edge_is_exact() {
    let plan = base();
    // Day 3 closes with the closing circle, 15:15–15:45, for both partners and the therapist.
    let closing = plan.blocks_on(3).last().map(|b| (*b).clone()).expect("the closing circle");
    let (touching, id) = added(&plan, BlockKind::Custom, 3, clock(15, 45), 15, Participants::OneOnTheirOwn(Partner::B));
    assert_eq!(problems_of(&touching, RuleId::NoOverlap), vec![], "one starting as the other ends");
    let clash = edited(&touching, Edit::MoveBlock { id, day: 3, start: clock(15, 30) });
    let problems = problems_of(&clash, RuleId::NoOverlap);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].blocks, vec![id, closing.id]);
    assert!(problems[0].message.contains("overlap for Alex."), "{}", problems[0].message);
    assert_eq!(problems[0].severity, Severity::Error);
    // Parallel tracks sharing nobody are fine: the template has them.
    assert!(plan.blocks_on(1).windows(2).any(|w| w[0].start == w[1].start));
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
        plan = edited(&plan, add.clone());
    }
    let overlaps = problems_of(&plan, RuleId::NoOverlap);
    assert_eq!(overlaps.len(), 1, "{:#?}", overlaps.iter().map(|p| &p.message).collect::<Vec<_>>());
    let added = plan.blocks.len() - base().blocks.len();
    assert!(overlaps[0].blocks.len() > added, "every overlapping block is named");
    assert!(
        overlaps[0].message.contains("other blocks overlap for Sam, Alex and the therapist"),
        "{}",
        overlaps[0].message
    );
}

#[test]
fn r9_blocks_stay_inside_the_day_s_hours_and_the_edge_is_exact() {
    let plan = base();
    let closing = plan.blocks_on(1).last().map(|b| (*b).clone()).expect("closing");
    let at_end = edited(&plan, Edit::MoveBlock { id: closing.id, day: 1, start: clock(16, 30) });
    assert_eq!(problems_of(&at_end, RuleId::InsideDayWindow), vec![], "ending at 17:00 is inside");
    let late = edited(&plan, Edit::MoveBlock { id: closing.id, day: 1, start: clock(16, 45) });
    let problems = problems_of(&late, RuleId::InsideDayWindow);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("outside the day's hours (09:00–17:00)"), "{}", problems[0].message);
    let (early, id) = added(&plan, BlockKind::Custom, 1, clock(8, 45), 15, Participants::CoupleOnTheirOwn);
    assert_eq!(problems_of(&early, RuleId::InsideDayWindow).len(), 1, "starting before 09:00");
    let at_start = edited(&early, Edit::MoveBlock { id, day: 1, start: clock(9, 0) });
    assert_eq!(problems_of(&at_start, RuleId::InsideDayWindow), vec![]);
}

fn break_problems(plan: &Plan) -> Vec<Problem> {
    problems_of(plan, RuleId::BreakEveryTwoHours)
}

#[test]
fn r9_no_more_than_two_hours_of_sessions_without_a_break_for_anyone() {
    // A day of its own: an empty 4th day, where the runs below are all there is.
    let mut plan = base();
    plan.days.push(DayWindow::standard());
    let (day, start) = (4, clock(9, 0));
    let session = |plan: &Plan, at: chrono::NaiveTime, minutes: u16, who| {
        added(plan, BlockKind::JointSession, day, at, minutes, who)
    };
    // Exactly two hours: allowed; a quarter more: a warning.
    let (two_hours, _) = session(&plan, start, 120, Participants::BothWithTherapist);
    assert_eq!(break_problems(&two_hours), vec![]);
    let (longer, id) = session(&plan, start, 135, Participants::BothWithTherapist);
    let problems = break_problems(&longer);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].blocks, vec![id]);
    assert!(
        problems[0]
            .message
            .contains("Sam, Alex and the therapist will have had more than 2 h of sessions without a break"),
        "{}",
        problems[0].message
    );
    // A gap of 15 minutes is a break; a shorter one is not (the grid has no shorter gap).
    let (first_hour, _) = session(&plan, start, 60, Participants::BothWithTherapist);
    let (gap, _) = session(&first_hour, clock(10, 15), 75, Participants::BothWithTherapist);
    assert_eq!(break_problems(&gap), vec![], "a quarter-hour gap breaks the run");
    let (no_gap, _) = session(&first_hour, clock(10, 0), 75, Participants::BothWithTherapist);
    assert_eq!(break_problems(&no_gap).len(), 1);
    // The therapist's own run: three individual sessions back to back, each partner
    // getting breaks between theirs.
    let (one, _) = session(&plan, clock(9, 0), 60, Participants::OneWithTherapist(Partner::A));
    let (two, _) = session(&one, clock(10, 0), 60, Participants::OneWithTherapist(Partner::B));
    let (three, last) = session(&two, clock(11, 0), 60, Participants::OneWithTherapist(Partner::A));
    let problems = break_problems(&three);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].blocks, vec![last]);
    assert!(problems[0].message.contains(", the therapist will have had more than 2 h"), "{}", problems[0].message);
}

#[test]
fn r9_lunch_at_a_normal_hour_for_everyone_not_fasting_and_a_break_for_the_therapist() {
    let plan = base();
    let lunch = first(&plan, BlockKind::Lunch, 3);
    let lunch_problems = |plan: &Plan| problems_of(plan, RuleId::LunchEveryFullDay);
    // Day 3's lunch, moved: from 11:30 to 13:30 is a normal hour.
    for (start, hungry) in
        [(clock(11, 30), false), (clock(11, 15), true), (clock(13, 30), false), (clock(13, 45), true)]
    {
        let moved = edited(&plan, Edit::MoveBlock { id: lunch.id, day: 3, start });
        let problems = lunch_problems(&moved);
        assert_eq!(!problems.is_empty(), hungry, "lunch at {start}: {problems:#?}");
        if let Some(problem) = problems.first() {
            assert!(
                problem
                    .message
                    .contains("Day 3 gives Sam and Alex no lunch at a normal hour (starting between 11:30 and 13:30)"),
                "{}",
                problem.message
            );
        }
    }
    // A lunch for one partner only leaves the other hungry.
    let one = edited(&plan, Edit::ChangeWho { id: lunch.id, who: Participants::OneOnTheirOwn(Partner::A) });
    assert!(lunch_problems(&one)[0].message.contains("gives Alex no lunch"), "{:?}", lunch_problems(&one));
    // The partner who doses keeps the fasting window: day 2's lunch is after the dose.
    assert_eq!(lunch_problems(&plan), vec![]);
    // The therapist needs a break of lunch length at a normal hour.
    let (busy, _) = added(&plan, BlockKind::Custom, 3, clock(12, 15), 45, Participants::OneWithTherapist(Partner::A));
    let problems = lunch_problems(&busy);
    assert!(problems.iter().any(|p| p.message.contains("the therapist")), "{problems:#?}");
    // No lunch at all on a full day.
    let none = edited(&plan, Edit::DeleteBlock { id: lunch.id });
    assert_eq!(
        lunch_problems(&none)[0].message,
        "Day 3 is a full day with no lunch block. Add a lunch break around midday."
    );
    // A day under six hours is not a full day; one of six is.
    for (end, full) in [(clock(15, 0), true), (clock(14, 45), false)] {
        let short = edited(&none, Edit::SetDayWindow { day: 3, window: DayWindow { start: clock(9, 0), end } });
        assert_eq!(!lunch_problems(&short).is_empty(), full, "a day ending at {end}");
    }
}

#[test]
fn every_rule_id_is_stable_and_unique() {
    let ids: Vec<&str> = RuleId::VARIANTS.iter().map(|r| r.id()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.iter().all(|id| id.starts_with('R')));
    // The ids are what the README's rules table publishes.
    let readme = include_str!("../README.md");
    for id in ids {
        assert!(readme.contains(&format!("| {id} |")), "{id} is not in the README's rules table");
    }
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
    let plan = base();
    assert_eq!(
        day_heading(&plan, 1, DateStyle::DayFirst24Hour),
        format!("Day 1 \u{b7} {}", DateStyle::DayFirst24Hour.long(plan.first_day))
    );
    assert_eq!(
        day_heading(&plan, 2, DateStyle::DayFirst24Hour),
        format!("Day 2 \u{b7} {}", DateStyle::DayFirst24Hour.long(plan.date_of(2)))
    );
    assert_ne!(plan.date_of(2), plan.first_day);
}

#[test]
fn the_last_day_is_a_day_and_the_one_after_is_named_as_such() {
    let plan = base();
    let last = plan.day_count();
    assert_eq!(day_label(&plan, last), format!("day {last}"));
    assert_eq!(day_label(&plan, last + 1), "the day after the intensive");
}

#[test]
fn only_errors_count_as_errors() {
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let rest = first(&plan, BlockKind::Reflection, 2);
    // A warning (demanding work after dosing) and no error yet.
    let warned = edited(&plan, Edit::ChangeKind { id: rest.id, kind: BlockKind::IndividualSession });
    let problems = check(&warned, DateStyle::DayFirst24Hour);
    assert!(problems.iter().any(|p| p.severity == Severity::Warning));
    let errors_before = problems.iter().filter(|p| p.severity == Severity::Error).count();
    assert_eq!(error_count(&problems), errors_before);
    // Dosing over the session beside it adds an error (nobody in two places).
    let clashing = edited(&warned, Edit::MoveBlock { id: rest.id, day: dosing.day, start: dosing.start });
    let problems = check(&clashing, DateStyle::DayFirst24Hour);
    assert!(error_count(&problems) > errors_before, "{problems:?}");
    assert_eq!(error_count(&problems), problems.iter().filter(|p| p.severity == Severity::Error).count());
    assert!(error_count(&problems) < problems.len(), "warnings are not counted");
}
