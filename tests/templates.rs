//! Templates without medicine: complete, realistic days that pass every rule.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::check;
use intensive_planner::domain::template::{build_plan, TemplateError};
use strum::VariantArray;

#[test]
fn every_template_without_kap_is_complete_and_problem_free() {
    for &kind in IntensiveKind::VARIANTS {
        for days in 1..=MAX_DAYS {
            let label = format!("{kind:?} {days}d");
            let plan = plan(kind, days, Placement::Opening, WhoDoses::Nobody);
            assert_eq!(check(&plan, DateStyle::DayFirst24Hour), vec![], "{label}");
            assert_eq!(plan.day_count(), days);
            for day in 1..=days {
                let blocks = plan.blocks_on(day);
                assert_eq!(blocks[0].kind, BlockKind::CouplesCheckIn, "{label} day {day} opens with a check-in");
                assert_eq!(blocks.last().map(|b| b.kind), Some(BlockKind::CouplesCheckIn), "{label} closes with one");
                assert!(blocks.iter().any(|b| b.kind == BlockKind::Lunch), "{label} day {day} lunch");
                let work: u32 = blocks.iter().filter(|b| b.who.has_therapist()).map(|b| u32::from(b.minutes)).sum();
                assert!((4 * 60..=7 * 60).contains(&work), "{label} day {day}: {work} min of work");
            }
            let day_one = plan.blocks_on(1);
            assert!(day_one.iter().any(|b| b.kind == BlockKind::Assessment), "{label}: assessment on day 1");
            // Individual sessions run on parallel tracks: one partner with the therapist, the
            // other reflecting; both partners have one or neither does (a full first day
            // gives them up together).
            let individual = find(&plan, BlockKind::IndividualSession);
            // A couples intensive always keeps them; affair-recovery days hold the arc first.
            assert!(
                individual.len() == 2 || (individual.is_empty() && kind == IntensiveKind::AffairRecovery),
                "{label}"
            );
            for session in individual {
                let Participants::OneWithTherapist(partner) = session.who else { panic!("{label}") };
                assert!(day_one.iter().any(|b| b.start == session.start
                    && b.who == Participants::OneOnTheirOwn(partner.other())
                    && b.kind == BlockKind::Reflection));
            }
        }
    }
}

#[test]
fn a_shorter_day_drops_optional_blocks_and_still_fits() {
    for who in [WhoDoses::Nobody, WhoDoses::PartnerA, WhoDoses::Both] {
        let mut request = ready(request(IntensiveKind::AffairRecovery, 3, Placement::Midway, who));
        request.window = DayWindow { start: clock(9, 0), end: clock(15, 30) };
        let plan = build_plan("p", &request).expect("builds");
        assert_eq!(check(&plan, DateStyle::DayFirst24Hour), vec![], "{who:?}");
        assert!(plan.blocks.iter().all(|b| b.day > 3 || b.end() <= clock(15, 30)));
        // From three days on, the individual sessions are kept, on another day if need be.
        for partner in [Partner::A, Partner::B] {
            let alone = Participants::OneWithTherapist(partner);
            assert!(plan.blocks.iter().any(|b| b.who == alone), "{who:?}: {partner:?}'s individual session");
        }
    }
}

#[test]
fn a_shorter_day_keeps_the_individual_sessions_on_a_day_with_room() {
    // Day 1 holds the dose; with a 9:00–15:30 day, day 2 is too full for the individual
    // sessions, so they go on day 3.
    for who in [WhoDoses::PartnerA, WhoDoses::Both] {
        let mut request = ready(request(IntensiveKind::Couples, 3, Placement::Opening, who));
        request.window = DayWindow { start: clock(9, 0), end: clock(15, 30) };
        let plan = build_plan("p", &request).expect("builds");
        let days: Vec<u8> = find(&plan, BlockKind::IndividualSession).iter().map(|b| b.day).collect();
        assert_eq!(days.len(), 2, "{who:?}: {days:?}");
        assert!(days.iter().all(|d| *d == days[0] && *d != 1), "{who:?}: {days:?}");
    }
}

#[test]
fn a_template_needs_three_hours_a_day() {
    let mut request = ready(request(IntensiveKind::Couples, 1, Placement::Opening, WhoDoses::Nobody));
    request.window = DayWindow { start: clock(9, 0), end: clock(11, 45) };
    let refused = build_plan("p", &request);
    assert_eq!(refused, Err(TemplateError::WindowTooShort));
    assert!(refused.unwrap_err().to_string().contains("at least 3 h between start and end"));
    request.window.end = clock(12, 0);
    assert_ne!(build_plan("p", &request).err(), Some(TemplateError::WindowTooShort), "exactly 3 hours is enough");
}

#[test]
fn impossible_requests_are_refused_with_a_reason() {
    let refused = build_plan("p", &request(IntensiveKind::Couples, 8, Placement::Opening, WhoDoses::Nobody));
    assert_eq!(refused, Err(TemplateError::DaysOutOfRange(8)));
    assert!(refused.unwrap_err().to_string().contains("1 to 7 days"));
    let mut short = request(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    short.window = DayWindow { start: clock(9, 0), end: clock(10, 0) };
    assert_eq!(build_plan("p", &short), Err(TemplateError::WindowTooShort));
}

#[test]
fn fresh_template_without_readiness_shows_the_readiness_and_ride_errors() {
    let plan = build_plan("p", &request(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA)).unwrap();
    let ids: Vec<&str> = check(&plan, DateStyle::DayFirst24Hour).iter().map(|p| p.rule.id()).collect();
    assert_eq!(ids, vec!["R3-dosing-readiness", "R4-ride-home"]);
}

#[test]
fn dosing_partners_and_copies_come_from_the_plan() {
    use intensive_planner::domain::kap::{Contraindication, ContraindicationScreen, ScreenAnswer};
    let plan = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerB);
    assert_eq!(plan.dosing_partners(), PartnerSet::only(Partner::B));
    let both = common::plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::Both);
    assert_eq!(both.dosing_partners(), PartnerSet::BOTH);
    let copy = plan.copy_as("other".into());
    assert_eq!((copy.id.as_str(), copy.revision), ("other", 0));
    assert_eq!(copy.title, format!("{} (copy)", plan.title));
    assert_eq!(copy.blocks, plan.blocks);
    let mut screen = ContraindicationScreen::default();
    screen.set(Contraindication::PsychosisOrMania, ScreenAnswer::Yes);
    assert_eq!(screen.psychosis_or_mania_history, ScreenAnswer::Yes);
    assert_eq!(screen.answer(Contraindication::PsychosisOrMania), ScreenAnswer::Yes);
    assert_eq!(screen.items()[2], ("a history of psychosis or bipolar mania", ScreenAnswer::Yes));
}

#[test]
fn a_dose_is_never_shortened_below_its_least_to_fit_a_day() {
    // A 1-day intensive with a dose fits 9:00–16:30 with the dose at its least, 2 h 30 min;
    // a quarter hour less is refused, never a shorter dose.
    let mut request = ready(request(IntensiveKind::Couples, 1, Placement::Opening, WhoDoses::PartnerA));
    request.window = DayWindow { start: clock(9, 0), end: clock(16, 30) };
    let plan = build_plan("p", &request).expect("the day holds it");
    assert_eq!(find(&plan, BlockKind::KapDosing).iter().map(|d| d.minutes).collect::<Vec<_>>(), vec![150]);
    request.window.end = clock(16, 15);
    assert_eq!(build_plan("p", &request), Err(TemplateError::DayTooFull(1)));
    request.window.end = clock(15, 0);
    assert_eq!(build_plan("p", &request), Err(TemplateError::DayTooFull(1)));
}
