//! The second round of the rules: R9's meal after a dose, R2 naming who is missing from
//! the check-in, R1 offering a free hour and wording every span exactly, and the limits
//! a file or an edit may set, each one step either side of its edge.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::limits::{EditableLimit, RuleLimits};
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{RuleId, Severity};
use intensive_planner::storage::format::{decode, encode, FormatError};
use strum::VariantArray;

// The base plan: Sam (A) doses on day 2, 10:00–13:00, then "Light meal and rest" at
// 13:00 for the couple; day 3 opens with the check-in at 09:00 and the integration at 09:30.

fn meal_after_dose(plan: &Plan) -> Vec<intensive_planner::domain::rules::Problem> {
    problems_of(plan, RuleId::MealAfterDosing)
}

#[test]
fn r9_a_dosing_partner_eats_after_the_dose() {
    let plan = base();
    assert!(meal_after_dose(&plan).is_empty(), "the template feeds Sam after the dose");
    let meal = first(&plan, BlockKind::Lunch, 2);
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let hungry = edited(&plan, Edit::DeleteBlock { id: meal.id });
    let problems = meal_after_dose(&hungry);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    assert_eq!((problem.severity, problem.day, problem.blocks.clone()), (Severity::Warning, Some(2), vec![dosing.id]));
    assert!(problem.message.starts_with("Sam has no meal after \u{201c}KAP dosing session\u{201d} (day 2, 10:00)"));
    assert!(!problem.message.contains("Alex"), "only the partner who doses is named");
    assert_eq!(RuleId::MealAfterDosing.id(), "R9-meal-after-dosing");

    // The edge: a meal from the moment the dose ends counts, one a step earlier does not.
    let at_end = edited(&plan, Edit::MoveBlock { id: meal.id, day: 2, start: clock(13, 0) });
    assert!(meal_after_dose(&at_end).is_empty());
    let before_end = edited(&plan, Edit::MoveBlock { id: meal.id, day: 2, start: clock(12, 45) });
    assert_eq!(meal_after_dose(&before_end).len(), 1);
    // A meal for the other partner only, or on the next day, does not feed Sam.
    let for_alex = edited(&plan, Edit::ChangeWho { id: meal.id, who: Participants::OneOnTheirOwn(Partner::B) });
    assert_eq!(meal_after_dose(&for_alex).len(), 1);
    let for_sam = edited(&plan, Edit::ChangeWho { id: meal.id, who: Participants::OneOnTheirOwn(Partner::A) });
    assert!(meal_after_dose(&for_sam).is_empty());
    let next_day = edited(&plan, Edit::MoveBlock { id: meal.id, day: 3, start: clock(16, 0) });
    assert_eq!(meal_after_dose(&next_day).len(), 1);
    // A block of another kind at that time is no meal.
    let rest = edited(&plan, Edit::ChangeKind { id: meal.id, kind: BlockKind::Break });
    assert_eq!(meal_after_dose(&rest).len(), 1);
}

#[test]
fn r2_names_who_is_missing_from_the_morning_check_in() {
    let plan = base();
    let check_in = first(&plan, BlockKind::CouplesCheckIn, 3);
    for (who, missing, present) in [
        (Participants::OneWithTherapist(Partner::A), "Alex", "Sam"),
        (Participants::OneOnTheirOwn(Partner::B), "Sam", "Alex"),
    ] {
        let alone = edited(&plan, Edit::ChangeWho { id: check_in.id, who });
        let problems = problems_of(&alone, RuleId::CheckInAfterDosing);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let message = &problems[0].message;
        assert!(message.contains(&format!("but {missing} is not in it")), "{message}");
        assert!(!message.contains(&format!("but {present} is not")), "{message}");
        assert_eq!(problems[0].blocks.first(), Some(&check_in.id), "it jumps to the check-in");
    }
}

#[test]
fn r1_offers_the_first_free_hour_for_the_partner_and_the_therapist() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let without = edited(&plan, Edit::DeleteBlock { id: integration.id });
    let message = &problems_of(&without, RuleId::IntegrationWithinWindow)[0].message;
    assert!(message.ends_with("Day 3 at 09:30 is free for Sam and the therapist: add an integration session there."));
    // A session for Alex alone at 09:30 keeps the therapist busy, and Sam has a break, a
    // joint session, lunch and the closing work until 15:45: the first free hour is then.
    let (busy, _) =
        added(&without, BlockKind::IndividualSession, 3, clock(9, 30), 60, Participants::OneWithTherapist(Partner::B));
    let message = &problems_of(&busy, RuleId::IntegrationWithinWindow)[0].message;
    assert!(message.contains("Day 3 at 15:45 is free for Sam"), "{message}");
    // With a 20-hour window nothing after the check-in is early enough.
    let narrow = edited(&without, Edit::SetLimit(EditableLimit::IntegrationWindowHours, 20));
    let message = &problems_of(&narrow, RuleId::IntegrationWithinWindow)[0].message;
    assert!(message.contains("No hour is free for Sam and the therapist in that time"), "{message}");
    assert!(message.contains("starting within 20 h after the dosing ends"), "{message}");
}

#[test]
fn r1_offers_a_free_hour_inside_the_day_s_hours_or_the_day_after_the_intensive() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    // The integration becomes a joint session, so its hour stays taken; day 3's closing
    // circle ends at 15:45, and a session until 16:15 leaves 45 minutes of the day's
    // hours, too few for an hour: the offer is the day after the intensive.
    let without = edited(&plan, Edit::ChangeKind { id: integration.id, kind: BlockKind::JointSession });
    let (full, _) = added(&without, BlockKind::Feedback, 3, clock(15, 45), 30, Participants::BothWithTherapist);
    let message = &problems_of(&full, RuleId::IntegrationWithinWindow)[0].message;
    assert!(
        message.ends_with(
            "The day after the intensive at 09:00 is free for Sam and the therapist: add an integration \
                           session there."
        ),
        "{message}"
    );
}

#[test]
fn r1_words_the_span_to_the_minute() {
    // The dose ends on day 2 at 13:00: 72 hours later is day 5 at 13:00.
    let mut plan = base();
    plan.days.extend([DayWindow::standard(), DayWindow::standard()]);
    let integration = first(&plan, BlockKind::Integration, 3);
    let at_edge = edited(&plan, Edit::MoveBlock { id: integration.id, day: 5, start: clock(13, 0) });
    assert!(problems_of(&at_edge, RuleId::IntegrationWithinWindow).is_empty());
    let late = edited(&plan, Edit::MoveBlock { id: integration.id, day: 5, start: clock(13, 15) });
    let message = &problems_of(&late, RuleId::IntegrationWithinWindow)[0].message;
    assert!(message.contains("starts 72 h 15 min after the dosing ends, later than the 72 h allowed"), "{message}");
}

#[test]
fn every_limit_a_file_sets_outside_its_range_is_refused_by_name() {
    let plan = base();
    let text = encode(&plan);
    let defaults = RuleLimits::default();
    // The loosenings a plan file could make before: each refused, naming the field.
    for (field, value) in [
        ("dosing_max_minutes", "300"),
        ("dosing_min_minutes", "60"),
        ("max_minutes_without_break", "240"),
        ("full_day_hours", "24"),
        ("fasting_hours", "0"),
        ("fasting_hours", "3"),
    ] {
        let limit = EditableLimit::VARIANTS.iter().copied().find(|l| l.field() == field).expect("a limit");
        let was = format!("\"{field}\":{}", limit.get(&defaults));
        assert!(text.contains(&was), "{was}");
        let loose = text.replace(&was, &format!("\"{field}\":{value}"));
        let Err(FormatError::Invalid(problems)) = decode(&loose) else { panic!("{field} {value} accepted") };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains(&format!("(limits.{field}) is {value}")), "{problems:?}");
    }
    // Each range's strict end reads; one step past it is refused too.
    for &limit in EditableLimit::VARIANTS {
        let (min, max) = limit.range_in(&defaults);
        let strict = if limit.get(&defaults) == min { max } else { min };
        let past = if strict == max { max + 1 } else { min - 1 };
        let was = format!("\"{}\":{}", limit.field(), limit.get(&defaults));
        let at = |value: u16| decode(&text.replace(&was, &format!("\"{}\":{value}", limit.field())));
        assert!(at(strict).is_ok(), "{limit:?} at {strict}");
        assert!(matches!(at(past), Err(FormatError::Invalid(_))), "{limit:?} at {past}");
    }
}

#[test]
fn an_edit_can_make_a_limit_stricter_and_never_looser() {
    let plan = base();
    for &limit in EditableLimit::VARIANTS {
        let (min, max) = limit.range_in(&plan.limits);
        for value in [0, min.saturating_sub(1), min, max, max + 1, u16::MAX] {
            let next = edited(&plan, Edit::SetLimit(limit, value));
            assert_eq!(limit.get(&next.limits), value.clamp(min, max), "{limit:?} set to {value}");
            assert!(next.limits.out_of_range().is_empty());
        }
    }
    // A 5-hour dose is warned of whatever the plan says.
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let longer = edited(&plan, Edit::SetLimit(EditableLimit::DosingMaxMinutes, 300));
    let five_hours = edited(&longer, Edit::ResizeBlock { id: dosing.id, minutes: 300 });
    assert_eq!(problems_of(&five_hours, RuleId::DosingLength).len(), 1);
}

#[test]
fn r1_gives_the_earliest_fitting_integration_to_the_earliest_dose_each_once() {
    // Sam doses on days 1 and 3 of five; the integrations follow on days 2 and 4.
    let mut request = common::ready(common::request(
        IntensiveKind::Couples,
        5,
        intensive_planner::domain::kap::Placement::Opening,
        intensive_planner::domain::kap::WhoDoses::PartnerA,
    ));
    request.kap.sessions_per_partner = 2;
    let plan = intensive_planner::domain::template::build_plan("two-doses", &request).expect("builds");
    let doses = find(&plan, BlockKind::KapDosing);
    let sessions = find(&plan, BlockKind::Integration);
    assert_eq!((doses[0].day, doses[1].day, sessions[0].day, sessions[1].day), (1, 3, 2, 4));
    assert!(problems_of(&plan, RuleId::IntegrationWithinWindow).is_empty());
    // Without day 4's, the second dose goes without: day 2's stays with the first.
    let (second_dose, day_four) = (doses[1].id, sessions[1].id);
    let without_last = edited(&plan, Edit::DeleteBlock { id: day_four });
    let problems = problems_of(&without_last, RuleId::IntegrationWithinWindow);
    assert_eq!(problems.iter().map(|p| p.blocks.clone()).collect::<Vec<_>>(), vec![vec![second_dose]]);
    assert!(problems[0].message.contains("Day 4 at 09:30 is free for Sam"), "{}", problems[0].message);
    assert!(problems_of(&without_last, RuleId::DosingCountAndSpacing).is_empty());
    // Without day 2's, day 4's is the earliest that fits the first dose (within 72 h): the
    // second dose goes without, and R6 says the second dose comes before the first's integration.
    let without_first = edited(&plan, Edit::DeleteBlock { id: sessions[0].id });
    let problems = problems_of(&without_first, RuleId::IntegrationWithinWindow);
    assert_eq!(problems.iter().map(|p| p.blocks.clone()).collect::<Vec<_>>(), vec![vec![second_dose]]);
    let spacing = problems_of(&without_first, RuleId::DosingCountAndSpacing);
    assert_eq!(spacing.len(), 1, "{spacing:#?}");
    assert!(spacing[0].message.contains("comes before Sam's integration session"), "{}", spacing[0].message);
}
