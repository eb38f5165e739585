//! Rules 1–6 and 10, the medicine's rules: each broken by an edit and checked for its
//! id, severity, the blocks and partner it names and a message that says what to do,
//! every limit one step inside and one step outside its edge.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::kap::{Driver, KapSettings, Placement, ScreenAnswer, WhoDoses};
use intensive_planner::domain::limits::EditableLimit;
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{check, Problem, RuleId, Severity};
use intensive_planner::domain::words::length_words;

/// The only problem of the plan, which must be of `rule`.
fn only(plan: &Plan, rule: RuleId) -> Problem {
    let problems = check(plan, DateStyle::DayFirst24Hour);
    assert_eq!(problems.iter().map(|p| p.rule).collect::<Vec<_>>(), vec![rule], "{problems:#?}");
    let problem = problems.into_iter().next().expect("one problem");
    assert_eq!(problem.severity, rule.severity());
    problem
}

fn integration_problem(plan: &Plan) -> Problem {
    only(plan, RuleId::IntegrationWithinWindow)
}

#[test]
fn r1_a_dose_without_its_integration_is_an_error_that_says_what_one_needs() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let problem = integration_problem(&edited(&plan, Edit::DeleteBlock { id: integration.id }));
    assert_eq!((problem.blocks.clone(), problem.partner), (vec![dosing.id], Some(Partner::A)));
    assert!(
        problem
            .message
            .starts_with("“KAP dosing session” (day 2, 10:00) has no integration session of its own for Sam."),
        "{}",
        problem.message
    );
    assert!(
        problem.message.contains("attended by Sam, on a later day, at least 45 min, starting within 72 h after"),
        "{}",
        problem.message
    );
    // Before the dosing does not count either.
    let before = edited(&plan, Edit::MoveBlock { id: integration.id, day: 1, start: clock(16, 15) });
    assert!(!problems_of(&before, RuleId::IntegrationWithinWindow).is_empty());
}

#[test]
fn r1_an_integration_not_attended_by_the_partner_who_dosed_does_not_count() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    // Labelled with Sam's medicine, attended by Alex alone.
    let moved = edited(&plan, Edit::ChangeWho { id: integration.id, who: Participants::OneWithTherapist(Partner::B) });
    let problem = integration_problem(&moved);
    assert!(problem.message.contains("is not attended by Sam"), "{}", problem.message);
    // Attended by Sam but for Alex's medicine: not Sam's integration.
    let other = edited(&plan, Edit::ChangeKapFor { id: integration.id, kap_for: Some(PartnerSet::only(Partner::B)) });
    assert!(integration_problem(&other).message.contains("is for the other partner's medicine"));
    // Attended by Sam alone with the therapist: Sam's integration.
    let alone = edited(&plan, Edit::ChangeWho { id: integration.id, who: Participants::OneWithTherapist(Partner::A) });
    assert_eq!(check(&alone, DateStyle::DayFirst24Hour), vec![]);
}

#[test]
fn r1_an_integration_needs_45_minutes() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let at_least = edited(&plan, Edit::ResizeBlock { id: integration.id, minutes: 45 });
    assert_eq!(problems_of(&at_least, RuleId::IntegrationWithinWindow), vec![], "45 minutes count");
    let shorter = edited(&plan, Edit::ResizeBlock { id: integration.id, minutes: 30 });
    assert!(integration_problem(&shorter)
        .message
        .contains("lasts 30 min; an integration session needs at least 45 min"));
}

#[test]
fn r1_an_integration_later_on_the_dosing_day_is_the_dosing_s_own_closing_not_its_integration() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let same_day = edited(&plan, Edit::MoveBlock { id: integration.id, day: 2, start: clock(15, 15) });
    let problems = problems_of(&same_day, RuleId::IntegrationWithinWindow);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("on the day of the dosing"), "{}", problems[0].message);
}

#[test]
fn r1_one_integration_cannot_serve_two_doses() {
    // Sam doses on day 1 and Alex on day 2, each with an integration session of their own.
    let request = separate(ready(request(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::Both)));
    let plan = intensive_planner::domain::template::build_plan("two", &request).expect("builds");
    assert!(problems_of(&plan, RuleId::IntegrationWithinWindow).is_empty());
    // One joint integration on day 3 for both, in place of the two.
    let sams = first(&plan, BlockKind::Integration, 2);
    let alexs = first(&plan, BlockKind::Integration, 3);
    let one = edited(&plan, Edit::DeleteBlock { id: sams.id });
    let one = edited(&one, Edit::ChangeKapFor { id: alexs.id, kap_for: Some(PartnerSet::BOTH) });
    let problems = problems_of(&one, RuleId::IntegrationWithinWindow);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].blocks, vec![first(&plan, BlockKind::KapDosing, 2).id], "the later dose goes without");
}

#[test]
fn r1_the_window_is_measured_from_the_dosing_s_end_and_may_only_be_shortened() {
    // The dose ends on day 2 at 13:00; a window of 20 hours reaches day 3 at 09:00.
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let narrow = edited(&plan, Edit::SetLimit(EditableLimit::IntegrationWindowHours, 20));
    let at_nine = edited(&narrow, Edit::MoveBlock { id: integration.id, day: 3, start: clock(9, 0) });
    assert!(problems_of(&at_nine, RuleId::IntegrationWithinWindow).is_empty(), "exactly at the window's end counts");
    let quarter_past = edited(&narrow, Edit::MoveBlock { id: integration.id, day: 3, start: clock(9, 15) });
    assert!(integration_problem_of(&quarter_past)
        .contains("starts 20 h 15 min after the dosing ends, later than the 20 h allowed"));
    // 72 hours is R1's default: it may be made shorter, never longer.
    assert_eq!(EditableLimit::IntegrationWindowHours.range().1, 72);
    assert_eq!(EditableLimit::IntegrationWindowHours.set(plan.limits, 73).integration_window_hours, 72);
}

fn integration_problem_of(plan: &Plan) -> String {
    problems_of(plan, RuleId::IntegrationWithinWindow).into_iter().map(|p| p.message).collect()
}

#[test]
fn r1_a_preparation_ends_at_most_15_minutes_before_the_dosing() {
    let plan = base();
    // The preparation runs 09:30–10:00, the dose from 10:00.
    let prep = first(&plan, BlockKind::KapPreparation, 2);
    let shorter = edited(&plan, Edit::ResizeBlock { id: prep.id, minutes: 15 });
    assert_eq!(
        check(&shorter, DateStyle::DayFirst24Hour),
        vec![],
        "ending 15 minutes before the dose is right before it"
    );
    let earlier = edited(&shorter, Edit::MoveBlock { id: prep.id, day: 2, start: clock(9, 15) });
    let problems = problems_of(&earlier, RuleId::PreparationBeforeDosing);
    assert_eq!(problems.len(), 1, "30 minutes before is not");
    assert!(problems[0].message.contains("Add a KAP preparation block"), "{}", problems[0].message);
}

#[test]
fn r2_the_morning_after_a_dosing_day_opens_with_a_check_in_of_both_partners() {
    let plan = base();
    let check_in = first(&plan, BlockKind::CouplesCheckIn, 3);
    let problem = only(&edited(&plan, Edit::DeleteBlock { id: check_in.id }), RuleId::CheckInAfterDosing);
    assert!(
        problem.message.starts_with("Day 3 follows a dosing day but opens with “Integration session”"),
        "{}",
        problem.message
    );
    assert_eq!(problem.day, Some(3));
    let opening = first(&edited(&plan, Edit::DeleteBlock { id: check_in.id }), BlockKind::Integration, 3);
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    assert_eq!(problem.blocks, vec![opening.id, dosing.id], "the day's first block and the dose before it");
    // One partner alone is not a couples check-in.
    for who in [Participants::OneWithTherapist(Partner::A), Participants::OneOnTheirOwn(Partner::B)] {
        let alone = edited(&plan, Edit::ChangeWho { id: check_in.id, who });
        assert!(!problems_of(&alone, RuleId::CheckInAfterDosing).is_empty(), "{who:?}");
    }
    // The couple on their own, without the therapist, is one.
    let couple = edited(&plan, Edit::ChangeWho { id: check_in.id, who: Participants::CoupleOnTheirOwn });
    assert!(problems_of(&couple, RuleId::CheckInAfterDosing).is_empty());
    // A check-in later in the morning does not open it: another block comes first.
    let (earlier, walk) = added(&plan, BlockKind::Reflection, 3, clock(8, 0), 30, Participants::CoupleOnTheirOwn);
    let problems = problems_of(&earlier, RuleId::CheckInAfterDosing);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].blocks.first(), Some(&walk));
}

#[test]
fn r3_incomplete_readiness_or_positive_screen_blocks_dosing() {
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let mut kap = plan.kap.clone();
    kap.readiness_a.consent_signed = false;
    kap.readiness_a.screen.recent_brain_injury = ScreenAnswer::NotAsked;
    let problem = only(&with_kap(&plan, kap), RuleId::DosingReadiness);
    assert_eq!(problem.blocks, vec![dosing.id]);
    assert_eq!(problem.partner, Some(Partner::A));
    assert!(problem.is_readiness_of(Partner::A) && !problem.is_readiness_of(Partner::B));
    assert_eq!(
        problem.message,
        "Sam cannot dose yet: signed informed consent, a complete contraindication screen still missing. \
         Complete Sam's KAP readiness record, or remove Sam's dosing."
    );
    for missing in 0..3 {
        let mut kap = plan.kap.clone();
        match missing {
            0 => kap.readiness_a.medical_intake_done = false,
            1 => kap.readiness_a.prescription_confirmed = false,
            _ => kap.readiness_a.consent_signed = false,
        }
        only(&with_kap(&plan, kap), RuleId::DosingReadiness);
    }
    let mut kap = plan.kap.clone();
    kap.readiness_a.screen.pregnancy_or_breastfeeding = ScreenAnswer::Yes;
    let problem = only(&with_kap(&plan, kap.clone()), RuleId::DosingReadiness);
    assert!(problem
        .message
        .contains("shows pregnancy or breastfeeding: dosing is blocked unless the prescriber clears it"));
    assert_eq!(problem.partner, Some(Partner::A), "the readiness panel shows it beside Sam's record");
    kap.readiness_a.screen.prescriber_cleared = true;
    assert_eq!(check(&with_kap(&plan, kap), DateStyle::DayFirst24Hour), vec![], "cleared by the prescriber");
    // Partner B's record does not matter: B does not dose.
    let mut kap = plan.kap.clone();
    kap.readiness_b = Default::default();
    assert_eq!(check(&with_kap(&plan, kap), DateStyle::DayFirst24Hour), vec![]);
}

/// The plan with another readiness record (the form changes it an item at a time).
fn with_kap(plan: &Plan, kap: KapSettings) -> Plan {
    Plan { kap, ..plan.clone() }
}

fn with_driver(plan: &Plan, partner: Partner, driver: Driver) -> Plan {
    let mut kap = plan.kap.clone();
    kap.readiness_mut(partner).ride_home = driver;
    with_kap(plan, kap)
}

#[test]
fn r4_a_ride_home_is_a_person_chosen_and_never_someone_who_doses_that_day() {
    let plan = base();
    let problem = only(&with_driver(&plan, Partner::A, Driver::NotArranged), RuleId::RideHome);
    assert!(
        problem.message.starts_with("No ride home is arranged for Sam after dosing on day 2"),
        "{}",
        problem.message
    );
    assert_eq!(problem.partner, Some(Partner::A));
    let themselves = only(&with_driver(&plan, Partner::A, Driver::Partner(Partner::A)), RuleId::RideHome);
    assert!(themselves.message.contains("Sam cannot drive themselves home"), "{}", themselves.message);
    // When only Sam doses, Alex may drive.
    assert_eq!(check(&with_driver(&plan, Partner::A, Driver::Partner(Partner::B)), DateStyle::DayFirst24Hour), vec![]);

    // When both dose, neither may drive the other: it takes another adult, with a phone.
    let both = common::plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::Both);
    let problem = only(&with_driver(&both, Partner::B, Driver::Partner(Partner::A)), RuleId::RideHome);
    assert_eq!(problem.partner, Some(Partner::B));
    assert!(problem.is_readiness_of(Partner::B) && !problem.is_readiness_of(Partner::A));
    assert!(problem.message.contains("When both dose, another adult must drive"), "{}", problem.message);
    for (name, phone) in [("", "555 0100"), ("Jordan", " "), ("", "")] {
        let unreachable = with_driver(&both, Partner::B, Driver::other_adult(name, phone));
        let problem = only(&unreachable, RuleId::RideHome);
        assert!(problem.message.contains("needs a name and a phone number"), "{}", problem.message);
    }
    assert_eq!(
        check(&with_driver(&both, Partner::B, Driver::other_adult("Robin", "555 0199")), DateStyle::DayFirst24Hour),
        vec![]
    );
}

#[test]
fn r5_a_meal_in_the_fasting_window_is_a_warning_and_the_edge_is_exact() {
    // The dose starts on day 2 at 10:00: with 4 fasting hours, no food after 06:00.
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    let (breakfast, meal) = added(&plan, BlockKind::Lunch, 2, clock(5, 15), 45, Participants::CoupleOnTheirOwn);
    assert_eq!(problems_of(&breakfast, RuleId::MealInFastingWindow), vec![], "ending at 06:00 is before the fast");
    let later = edited(&breakfast, Edit::NudgeBlock { id: meal, minutes: 15, days: 0 });
    let problems = problems_of(&later, RuleId::MealInFastingWindow);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].blocks, vec![meal, dosing.id]);
    assert!(problems[0].message.contains("within the 4 h of fasting before"), "{}", problems[0].message);
    // Six fasting hours catch the earlier meal too.
    let six = edited(&breakfast, Edit::SetLimit(EditableLimit::FastingHours, 6));
    assert_eq!(problems_of(&six, RuleId::MealInFastingWindow).len(), 1);
    // A meal from the moment the dose starts is not before it: no fasting concern (the
    // overlap is R8's), while one starting a step earlier is.
    let (at_dose, lunch) = added(&plan, BlockKind::Lunch, 2, clock(10, 0), 30, Participants::OneOnTheirOwn(Partner::A));
    assert_eq!(problems_of(&at_dose, RuleId::MealInFastingWindow), vec![]);
    let before = edited(&at_dose, Edit::NudgeBlock { id: lunch, minutes: -15, days: 0 });
    assert_eq!(problems_of(&before, RuleId::MealInFastingWindow).len(), 1);
    // A meal of the partner who does not dose is no concern of the rule.
    let other = edited(&later, Edit::ChangeWho { id: meal, who: Participants::OneOnTheirOwn(Partner::B) });
    assert_eq!(problems_of(&other, RuleId::MealInFastingWindow), vec![]);
}

/// Adds a second dose for Sam on `day` at `start` (3 hours), with its preparation.
fn second_dose(plan: &Plan, day: u8, start: chrono::NaiveTime) -> (Plan, BlockId) {
    let (plan, dosing) = added(plan, BlockKind::KapDosing, day, start, 180, Participants::BothWithTherapist);
    let plan = edited(&plan, Edit::ChangeKapFor { id: dosing, kap_for: Some(PartnerSet::only(Partner::A)) });
    (plan, dosing)
}

#[test]
fn r6_doses_are_spaced_from_the_end_of_one_to_the_start_of_the_next() {
    // Sam's dose ends on day 2 at 13:00; a 4th day makes room for the next.
    let mut plan = base();
    plan.days.push(DayWindow::standard());
    let spacing = |plan: &Plan| problems_of(plan, RuleId::DosingCountAndSpacing);
    // 24 hours after the end: day 3 at 13:00, after day 3's integration session.
    let (at_edge, _) = second_dose(&plan, 3, clock(13, 0));
    assert_eq!(spacing(&at_edge), vec![], "24 hours from end to start is enough");
    let (too_soon, next) = second_dose(&plan, 3, clock(12, 45));
    let problems = spacing(&too_soon);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].blocks, vec![next, first(&plan, BlockKind::KapDosing, 2).id]);
    assert!(
        problems[0].message.contains("begins only 23 h 45 min after “KAP dosing session” (day 2, 10:00) ends, for Sam"),
        "{}",
        problems[0].message
    );
    assert!(problems[0].message.contains("at least 24 h from the end of one dose to the start of the next"));
    // The first dose's integration comes between the two doses.
    let integration = first(&plan, BlockKind::Integration, 3);
    let (late, _) = second_dose(&plan, 3, clock(13, 0));
    let after_it = edited(&late, Edit::MoveBlock { id: integration.id, day: 3, start: clock(16, 15) });
    let problems = spacing(&after_it);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].message.contains("comes before Sam's integration session for"), "{}", problems[0].message);
    assert_eq!(problems[0].partner, Some(Partner::A));
    // An integration starting as the next dose starts is not between them; a step earlier is.
    let (later, next) = second_dose(&plan, 3, clock(14, 0));
    let at_start = edited(&later, Edit::MoveBlock { id: integration.id, day: 3, start: clock(14, 0) });
    let problems = spacing(&at_start);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].blocks, vec![next, first(&plan, BlockKind::KapDosing, 2).id]);
    let step_earlier = edited(&at_start, Edit::NudgeBlock { id: integration.id, minutes: -15, days: 0 });
    assert_eq!(spacing(&step_earlier), vec![]);
}

#[test]
fn r6_each_partner_s_own_integration_must_come_between_their_doses() {
    // Both dose together on day 2; each doses again on day 3, after day 3's integration.
    let both = common::plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::Both);
    let integration = first(&both, BlockKind::Integration, 3);
    for (integrated, missing) in [(Partner::A, Partner::B), (Partner::B, Partner::A)] {
        let (plan, next) = added(&both, BlockKind::KapDosing, 3, clock(13, 0), 180, Participants::BothWithTherapist);
        let plan = edited(&plan, Edit::ChangeKapFor { id: next, kap_for: Some(PartnerSet::only(missing)) });
        let plan =
            edited(&plan, Edit::ChangeWho { id: integration.id, who: Participants::OneWithTherapist(integrated) });
        let problems = problems_of(&plan, RuleId::DosingCountAndSpacing);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].partner, Some(missing), "the partner's own integration, not the other's");
        let name = plan.partner_name(missing);
        assert!(problems[0].message.contains(&format!("comes before {name}'s integration")), "{}", problems[0].message);
    }
}

#[test]
fn r6_at_most_the_limit_of_doses_per_partner() {
    let mut plan = base();
    plan.days.push(DayWindow::standard());
    let (two, _) = second_dose(&plan, 4, clock(10, 0));
    assert!(problems_of(&two, RuleId::DosingCountAndSpacing).is_empty(), "two doses are allowed");
    let one = edited(&two, Edit::SetLimit(EditableLimit::MaxDosingsPerPartner, 1));
    let problems = problems_of(&one, RuleId::DosingCountAndSpacing);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.starts_with("Sam has 2 dosing sessions; an intensive holds at most 1."),
        "{}",
        problems[0].message
    );
    assert_eq!(problems[0].severity, Severity::Error);
    assert_eq!(problems[0].partner, Some(Partner::A));
}

#[test]
fn r10_a_dosing_session_lasts_two_and_a_half_to_four_hours() {
    let plan = base();
    let dosing = first(&plan, BlockKind::KapDosing, 2);
    for (minutes, warned) in [(150, false), (135, true), (240, false), (255, true)] {
        let resized = edited(&plan, Edit::ResizeBlock { id: dosing.id, minutes });
        let problems = problems_of(&resized, RuleId::DosingLength);
        assert_eq!(!problems.is_empty(), warned, "{minutes} minutes");
        if let Some(problem) = problems.first() {
            assert!(problem.message.contains(&format!("lasts {}", length_words(minutes))), "{}", problem.message);
            assert!(problem.message.contains("needs 2 h 30 min to 4 h"), "{}", problem.message);
        }
    }
}
