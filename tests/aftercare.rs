//! After the dose and after the intensive, as the couple receives it: the integration
//! window card, and the calendar file's follow-up events and reminders, read back by
//! the independent `ical` parser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, apply_all, BlockText, Edit};
use intensive_planner::domain::follow_up_edit::GuideChange;
use intensive_planner::domain::integration_card::integration_cards;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::limits::EditableLimit;
use intensive_planner::domain::model::*;
use intensive_planner::export::ics::calendar;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(8, 0, 0).unwrap()
}

/// The issue's case: a 3-day affair-recovery intensive with KAP midway, with private
/// notes on the integration block and on every follow-up.
fn midway() -> Plan {
    let plan = plan(IntensiveKind::AffairRecovery, 3, Placement::Midway, WhoDoses::PartnerA);
    let integration = find(&plan, BlockKind::Integration)[0].id;
    let mut edits =
        vec![Edit::SetText { id: integration, field: BlockText::PrivateNotes, text: "BLOCK-SECRET".into() }];
    for session in &plan.follow_ups {
        edits.push(Edit::ChangeFollowUp {
            id: session.id,
            change: FollowUpChange::Text(FollowUpText::PrivateNotes, "FOLLOW-SECRET".into()),
        });
        edits.push(Edit::ChangeFollowUp {
            id: session.id,
            change: FollowUpChange::Text(FollowUpText::CoupleNotes, "Bring your journal".into()),
        });
    }
    let changed = apply_all(&plan, &edits);
    assert_eq!(changed.follow_ups.len(), 2, "the usual two follow-ups");
    assert!(changed.follow_ups.iter().all(|f| f.private_notes == "FOLLOW-SECRET"), "every edit landed");
    changed
}

fn events(text: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    calendars.next().expect("one calendar").expect("parses").events
}

fn get(properties: &[ical::property::Property], name: &str) -> String {
    properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
}

#[test]
fn the_calendar_holds_each_follow_up_on_its_date_without_private_notes() {
    let plan = midway();
    let text = calendar(&plan, now());
    assert!(!text.contains("SECRET"), "no private note of a block or a follow-up");
    let events = events(&text);
    assert_eq!(events.len(), plan.blocks.len() + plan.follow_ups.len());
    let follow_ups: Vec<_> = events.iter().filter(|e| get(&e.properties, "UID").contains("-follow-up-")).collect();
    assert_eq!(follow_ups.len(), 2);
    for (event, session) in follow_ups.iter().zip(plan.follow_ups_in_order()) {
        assert_eq!(get(&event.properties, "DTSTART"), session.starts_at().format("%Y%m%dT%H%M%S").to_string());
        assert_eq!(get(&event.properties, "DTEND"), session.ends_at().format("%Y%m%dT%H%M%S").to_string());
        assert_eq!(get(&event.properties, "SUMMARY"), session.title);
        assert!(get(&event.properties, "DESCRIPTION").contains("Bring your journal"));
        assert!(event.alarms.is_empty(), "no fasting before a follow-up");
    }
    // The usual follow-ups: a week and four weeks after the last day (Thu 3 Dec 2026).
    let dates: Vec<String> = follow_ups.iter().map(|e| get(&e.properties, "DTSTART")[..8].to_string()).collect();
    assert_eq!(dates, ["20261210", "20261231"]);
}

#[test]
fn each_dose_has_reminders_for_last_food_last_liquids_and_the_ride_home() {
    let plan = midway();
    let plan = apply(&plan, &Edit::SetLimit(EditableLimit::FastingHours, 6)).expect("6 h is allowed");
    let dosing = find(&plan, BlockKind::KapDosing)[0].clone();
    let events = events(&calendar(&plan, now()));
    let dosing_uid = format!("test-plan-{}@intensive-planner.invalid", dosing.id.0);
    for event in &events {
        let is_dosing = get(&event.properties, "UID") == dosing_uid;
        assert_eq!(event.alarms.is_empty(), !is_dosing, "alarms only on the dosing session");
    }
    let event = events.iter().find(|e| get(&e.properties, "UID") == dosing_uid).expect("the dosing event");
    let alarms: Vec<(String, String, String)> = event
        .alarms
        .iter()
        .map(|a| (get(&a.properties, "ACTION"), get(&a.properties, "TRIGGER"), get(&a.properties, "DESCRIPTION")))
        .collect();
    let start = dosing.start.format("%H:%M").to_string();
    let evening_before = dosing.start - chrono::NaiveTime::from_hms_opt(19, 0, 0).unwrap() + chrono::TimeDelta::days(1);
    let evening = format!("-PT{}H", evening_before.num_hours());
    assert_eq!(alarms.len(), 3, "{alarms:?}");
    assert_eq!((alarms[0].0.as_str(), alarms[0].1.as_str()), ("DISPLAY", "-PT6H"), "at the fasting start");
    assert!(alarms[0].2.starts_with("Last food now") && alarms[0].2.contains(&start), "{}", alarms[0].2);
    assert_eq!(alarms[1].1, "-PT2H", "at the clear-liquids limit");
    assert!(alarms[1].2.starts_with("Last clear liquids now"), "{}", alarms[1].2);
    assert_eq!(alarms[2].1, evening, "19:00 the evening before");
    assert!(alarms[2].2.contains("Sam: Jordan Reyes (555 0100) drives you home."), "{}", alarms[2].2);
    let trigger_params = &event.alarms[0].properties.iter().find(|p| p.name == "TRIGGER").unwrap().params;
    assert_eq!(format!("{trigger_params:?}"), r#"Some([("RELATED", ["START"])])"#);
}

#[test]
fn an_unarranged_ride_is_named_in_the_reminder() {
    let mut plan = midway();
    plan.kap.readiness_a.ride_home = intensive_planner::domain::kap::Driver::NotArranged;
    let text = calendar(&plan, now()).replace("\r\n ", "");
    assert!(text.contains("Sam: no ride home arranged yet\\, please arrange one."), "{text}");
}

#[test]
fn the_integration_card_follows_the_dosing_day_and_names_what_comes_next() {
    let plan = midway();
    let cards = integration_cards(&plan, DateStyle::DayFirst24Hour);
    let dosing = find(&plan, BlockKind::KapDosing)[0].clone();
    assert_eq!(cards.len(), 1);
    let card = &cards[0];
    assert_eq!(card.day, dosing.day);
    assert_eq!(card.heading, "Your integration window (Sam)");
    let ends = plan.ends_at(&dosing) + chrono::TimeDelta::hours(i64::from(plan.limits.integration_window_hours));
    assert!(card.covers.ends_with(&format!("{} at {}.", ends.format("%a %-d %b"), ends.format("%H:%M"))));
    assert_eq!(card.prompts, IntegrationGuide::default().prompts);
    assert_eq!(card.days_for, IntegrationGuide::default().days_for);
    let integration = find(&plan, BlockKind::Integration)[0];
    let integration_line = format!(
        "{}: Thu 3 Dec, {} (Sam and Alex with Dr Lee)",
        integration.title,
        integration.time_range(DateStyle::DayFirst24Hour)
    );
    assert!(card.next.contains(&integration_line), "{:?}", card.next);
    assert!(card.next.iter().any(|line| line.contains("check-in")), "the couples check-ins too: {:?}", card.next);
    let first_follow_up = plan.follow_ups_in_order()[0];
    assert!(card.next.iter().any(|line| line.starts_with(&first_follow_up.title) && line.contains("Thu 10 Dec")));
    let all = format!("{card:?}");
    assert!(!all.contains("SECRET"), "private notes never appear");
}

#[test]
fn the_card_says_what_the_therapist_wrote_and_leaves_out_empty_prompts() {
    let plan = apply_all(
        &midway(),
        &[
            Edit::ChangeGuide(GuideChange::DaysFor("Sleep, walk, write.".into())),
            Edit::ChangeGuide(GuideChange::Prompts(vec!["What did my parts say?".into(), "  ".into()])),
        ],
    );
    let card = &integration_cards(&plan, DateStyle::DayFirst24Hour)[0];
    assert_eq!(card.days_for, "Sleep, walk, write.");
    assert_eq!(card.prompts, ["What did my parts say?"]);
}

#[test]
fn no_dose_no_card_and_both_dosing_one_card_per_day() {
    let couples = plan(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::Nobody);
    assert!(integration_cards(&couples, DateStyle::DayFirst24Hour).is_empty());
    let both = plan(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::Both);
    let cards = integration_cards(&both, DateStyle::DayFirst24Hour);
    let days: std::collections::BTreeSet<u8> = find(&both, BlockKind::KapDosing).iter().map(|b| b.day).collect();
    assert_eq!(cards.iter().map(|c| c.day).collect::<std::collections::BTreeSet<_>>(), days);
    assert!(cards.iter().all(|c| c.heading.contains("Sam and Alex")), "{cards:?}");
}
