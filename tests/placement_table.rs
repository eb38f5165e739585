//! Every cell of the placement table (README, *Where dosing goes*): kind × days × placement ×
//! who doses, with the exact dosing day, the preparation before it and the
//! integration after it, and no errors in a fresh template with readiness done.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::Timelike;
use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::placement::PlacementError;
use intensive_planner::domain::rules::{check, RuleId, Severity};
use intensive_planner::domain::template::{build_plan, TemplateError};
use strum::VariantArray;

/// The table itself, written out as the README gives it: (day, in the afternoon). A dose
/// on the last day is in the afternoon, after the morning's closing work: so the one day
/// of a 1-day intensive doses after its opening assessment and feedback.
fn expected_first_dosing(days: u8, placement: Placement) -> Option<(u8, bool)> {
    match (placement, days) {
        (Placement::Opening, 1) => Some((1, true)),
        (Placement::Opening, _) => Some((1, false)),
        (Placement::Midway, 1) => None,
        (Placement::Midway, 2) => Some((1, true)),
        (Placement::Midway, 3) => Some((2, false)),
        (Placement::Midway, 4) => Some((2, false)),
        (Placement::Midway, 5) => Some((3, false)),
        (Placement::Midway, 6) => Some((3, false)),
        (Placement::Midway, 7) => Some((4, false)),
        _ => unreachable!(),
    }
}

const WHO: [WhoDoses; 3] = [WhoDoses::PartnerA, WhoDoses::PartnerB, WhoDoses::Both];

fn assert_integration_follows(plan: &Plan, dosing: &Block, label: &str) {
    let next_day = dosing.day + 1;
    let day_blocks = plan.blocks_on(next_day);
    let integration = day_blocks
        .iter()
        .find(|b| b.kind == BlockKind::Integration && b.kap_partners() == dosing.kap_partners())
        .unwrap_or_else(|| panic!("{label}: no integration on day {next_day}"));
    assert!(integration.minutes >= 45, "{label}: integration of {} min", integration.minutes);
    for partner in dosing.kap_partners().iter() {
        assert!(integration.who.partners().contains(partner), "{label}: {partner:?} attends their integration");
    }
    if next_day <= plan.day_count() {
        assert_eq!(day_blocks[0].kind, BlockKind::CouplesCheckIn, "{label}: day {next_day} opens with a check-in");
        // Yesterday's integration opens the morning, also on a day whose own dose (the
        // other partner's) is in the afternoon.
        assert_eq!(integration.start, day_blocks[0].end(), "{label}: right after the morning check-in");
        if let Some(other) = day_blocks.iter().find(|b| b.kind == BlockKind::KapDosing) {
            assert!(integration.end() <= other.start, "{label}: before the other partner's dosing");
        }
    } else {
        assert_eq!(integration.start, plan.window(next_day).start, "{label}: follow-up first thing");
    }
}

#[test]
fn every_cell_of_the_placement_table() {
    let mut cells = 0;
    for &kind in IntensiveKind::VARIANTS {
        for days in 1..=MAX_DAYS {
            for placement in [Placement::Opening, Placement::Midway] {
                for who in WHO {
                    let label = format!("{kind:?} {days}d {placement:?} {who:?}");
                    let result = build_plan("p", &ready(request(kind, days, placement, who)));
                    let Some((day, afternoon)) = expected_first_dosing(days, placement) else {
                        assert_eq!(
                            result,
                            Err(TemplateError::Placement(PlacementError::MidwayNeedsTwoDays)),
                            "{label}"
                        );
                        continue;
                    };
                    // A morning dose on day 1 of two would leave the affair-recovery arc one day.
                    if kind == IntensiveKind::AffairRecovery && days == 2 && placement == Placement::Opening {
                        assert_eq!(result, Err(TemplateError::NoDayForTheArc), "{label}");
                        continue;
                    }
                    let plan = result.unwrap_or_else(|e| panic!("{label}: {e}"));
                    cells += 1;
                    let dosings = find(&plan, BlockKind::KapDosing);
                    assert_eq!(dosings.len(), 1, "{label}: one shared dosing session");
                    let dosing = dosings[0];
                    assert_eq!(dosing.day, day, "{label}: dosing day");
                    assert_eq!(dosing.start.hour() >= 12, afternoon, "{label}: part of day at {}", dosing.start);
                    assert_eq!(dosing.kap_partners(), who.partners(), "{label}: who doses");
                    let before = plan.blocks_on(day).into_iter().rev().find(|b| b.end() <= dosing.start);
                    assert_eq!(before.map(|b| b.kind), Some(BlockKind::KapPreparation), "{label}: preparation");
                    assert_eq!(before.map(|b| b.end()), Some(dosing.start), "{label}: preparation right before");
                    assert_integration_follows(&plan, dosing, &label);

                    let problems = check(&plan, DateStyle::DayFirst24Hour);
                    let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
                    assert!(errors.is_empty(), "{label}: fresh template has errors: {errors:#?}");
                    let warnings: Vec<RuleId> = problems.iter().map(|p| p.rule).collect();
                    let expect_warning = day == days;
                    assert_eq!(
                        warnings,
                        if expect_warning { vec![RuleId::IntegrationAfterIntensive] } else { vec![] },
                        "{label}: warnings"
                    );
                }
            }
        }
    }
    assert_eq!(cells, 2 * (7 + 6) * 3 - 3);
}

#[test]
fn both_partners_in_separate_sessions_each_get_their_own_integration() {
    for days in 2..=MAX_DAYS {
        for placement in [Placement::Opening, Placement::Midway] {
            let label = format!("{days}d {placement:?} separate");
            let plan =
                build_plan("p", &separate(ready(request(IntensiveKind::Couples, days, placement, WhoDoses::Both))))
                    .unwrap_or_else(|e| panic!("{label}: {e}"));
            let dosings = find(&plan, BlockKind::KapDosing);
            assert_eq!(dosings.len(), 2, "{label}");
            assert_eq!(dosings[0].kap_partners(), PartnerSet::only(Partner::A), "{label}");
            assert_eq!(dosings[1].kap_partners(), PartnerSet::only(Partner::B), "{label}");
            let (first_day, _) = expected_first_dosing(days, placement).expect("has a cell");
            assert_eq!(dosings[0].day, first_day, "{label}: first at the table's day");
            assert_eq!(dosings[1].day, first_day + 1, "{label}: second the next day");
            assert!(dosings[1].start.hour() >= 12, "{label}: in the afternoon, after the morning's work");
            for dosing in &dosings {
                assert_integration_follows(&plan, dosing, &label);
            }
            let errors: Vec<_> =
                check(&plan, DateStyle::DayFirst24Hour).into_iter().filter(|p| p.severity == Severity::Error).collect();
            assert!(errors.is_empty(), "{label}: {errors:#?}");
        }
    }
    // One day has no room for two sessions one after the other.
    let one_day =
        build_plan("p", &separate(ready(request(IntensiveKind::Couples, 1, Placement::Opening, WhoDoses::Both))));
    assert!(matches!(one_day, Err(TemplateError::Placement(PlacementError::NoRoomForSessions { .. }))));
}

#[test]
fn one_day_intensive_integrates_at_a_follow_up_with_a_warning() {
    let plan = plan(IntensiveKind::AffairRecovery, 1, Placement::Opening, WhoDoses::PartnerB);
    let follow_up = find(&plan, BlockKind::Integration);
    assert_eq!(follow_up.len(), 1);
    assert_eq!(follow_up[0].day, 2, "the day after a 1-day intensive");
    let problems = check(&plan, DateStyle::DayFirst24Hour);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].rule.id(), "R1-integration-after-intensive");
    assert!(problems[0].message.contains("Alex"), "{}", problems[0].message);
}

#[test]
fn two_sessions_per_partner_are_a_day_apart_or_refused() {
    let mut request = ready(request(IntensiveKind::Couples, 4, Placement::Opening, WhoDoses::PartnerA));
    request.kap.sessions_per_partner = 2;
    let plan = build_plan("p", &request).expect("fits in 4 days");
    let days: Vec<u8> = find(&plan, BlockKind::KapDosing).iter().map(|b| b.day).collect();
    // A full day between the end of one dose and the start of the next, with the
    // integration of the first on that day.
    assert_eq!(days, vec![1, 3]);
    assert!(check(&plan, DateStyle::DayFirst24Hour).iter().all(|p| p.severity == Severity::Warning));

    // Three days just hold it (the second integration is a follow-up after the intensive);
    // two days can't: refused with the reason, nothing built.
    let mut three = ready(common::request(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::PartnerA));
    three.kap.sessions_per_partner = 2;
    let plan = build_plan("p", &three).expect("fits in 3 days");
    let days: Vec<u8> = find(&plan, BlockKind::KapDosing).iter().map(|b| b.day).collect();
    assert_eq!(days, vec![1, 3]);
    let mut tight = ready(common::request(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::PartnerA));
    tight.kap.sessions_per_partner = 2;
    match build_plan("p", &tight) {
        Err(TemplateError::Placement(e)) => assert!(e.to_string().contains("24 h after the last one ends"), "{e}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
