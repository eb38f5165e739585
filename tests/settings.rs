//! The settings record: kept once for every plan, read back as written, frozen in its
//! version-1 form, and never in the way: a record that cannot be read gives the
//! defaults, is set aside with its text, and is reported.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::disk::{tab_holding, Shared};
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::model::IntensiveKind;
use intensive_planner::domain::model::{clock, DayWindow, Therapist};
use intensive_planner::domain::settings::{PracticeDetails, Settings};
use intensive_planner::domain::template::build_plan;
use intensive_planner::storage::book::PlanBook;
use intensive_planner::storage::settings::{decode_settings, encode_settings};
use intensive_planner::storage::store::{aside_key, settings_key, KeyValue, StoreError};

fn practice() -> Settings {
    Settings {
        date_style: Some(DateStyle::MonthFirst12Hour),
        practice: Some(PracticeDetails {
            therapist: Therapist { name: "Dr Rivera".into(), contact: "rivera@example.org".into() },
            location: "Suite 4, 12 Ocean Ave, Santa Cruz".into(),
            day: DayWindow { start: clock(8, 30), end: clock(16, 0) },
        }),
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/formats/settings/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("FREEZE_FORMAT").is_some() && !std::path::Path::new(&path).exists() {
        std::fs::write(&path, encode_settings(&practice()).expect("encodes")).expect("writes");
    }
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn settings_are_written_as_version_1_froze_them_and_read_back() {
    let text = fixture("v1.json");
    assert_eq!(encode_settings(&practice()).expect("encodes"), text);
    assert_eq!(decode_settings(&text), Ok(practice()));
}

#[test]
fn the_style_follows_the_browser_until_one_is_chosen() {
    let mut settings = Settings::default();
    assert_eq!(settings.style("en-US"), DateStyle::MonthFirst12Hour);
    assert_eq!(settings.style("en-GB"), DateStyle::DayFirst24Hour);
    assert_eq!(settings.style(""), DateStyle::DayFirst24Hour);
    settings.date_style = Some(DateStyle::DayFirst24Hour);
    assert_eq!(settings.style("en-US"), DateStyle::DayFirst24Hour);
}

#[test]
fn settings_saved_in_one_tab_are_read_by_another_and_leave_plans_alone() {
    let disk = Shared::default();
    let mut first = tab_holding(&disk, "a");
    let before = first.plan("a").cloned();
    first.set_settings(practice(), &mut disk.store()).expect("saved");
    let mut second = PlanBook::load(&mut disk.store());
    second.language = "en-GB".into();
    assert_eq!(second.settings(), &practice());
    assert_eq!(second.style(), DateStyle::MonthFirst12Hour, "the chosen style beats the browser's");
    assert_eq!(second.plan("a").cloned(), before, "changing the practice never changes a plan");
    assert!(second.unreadable.is_empty());
}

#[test]
fn unsound_settings_are_refused_with_the_reason_and_nothing_is_stored() {
    let disk = Shared::default();
    let mut tab = PlanBook::load(&mut disk.store());
    let mut backwards = practice();
    if let Some(details) = &mut backwards.practice {
        details.day = DayWindow { start: clock(17, 0), end: clock(9, 0) };
    }
    assert_eq!(
        tab.set_settings(backwards, &mut disk.store()),
        Err(StoreError::Invalid(vec!["The usual day's hours end before they start.".into()]))
    );
    let mut long = practice();
    if let Some(details) = &mut long.practice {
        details.location = "x".repeat(1000);
    }
    let refused = tab.set_settings(long, &mut disk.store()).unwrap_err().to_string();
    assert!(refused.contains("The location is 1000 characters long"), "{refused}");
    assert_eq!(disk.get(&settings_key()).unwrap(), None);
    assert_eq!(tab.settings(), &Settings::default());
}

#[test]
fn a_full_store_keeps_the_settings_in_this_tab_and_says_so() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "a");
    disk.fill(Some(10));
    assert_eq!(tab.set_settings(practice(), &mut disk.store()), Err(StoreError::Full));
    assert_eq!(tab.settings(), &practice());
}

#[test]
fn a_corrupt_or_foreign_settings_record_gives_the_defaults_and_is_set_aside() {
    let newer = fixture("v1.json").replace("\"version\":1", "\"version\":9");
    let plan_record = intensive_planner::storage::format::encode(&intensive_planner::domain::sample::sample_plan(2, 0));
    let cases = [
        ("{\"format\":\"intensive-planner/settings\",\"vers", "EOF while parsing"),
        (newer.as_str(), "written as version 9"),
        (plan_record.as_str(), "settings"),
        ("[1,2,3]", "invalid type"),
    ];
    for (raw, why) in cases {
        let disk = Shared::default();
        let mut kv = disk.clone();
        kv.set(&settings_key(), raw).unwrap();
        let tab = tab_holding(&disk, "a");
        assert_eq!(tab.settings(), &Settings::default(), "{raw}");
        assert!(tab.plan("a").is_some(), "an unreadable settings record never blocks the plans");
        let unreadable = &tab.unreadable;
        assert_eq!(unreadable.len(), 1, "{raw}");
        assert!(unreadable[0].is_settings());
        assert_eq!(unreadable[0].name(), "the settings");
        assert!(unreadable[0].reason.to_string().contains(why), "{raw}: {}", unreadable[0].reason);
        assert_eq!(disk.get(&aside_key(&settings_key(), 1)).unwrap().as_deref(), Some(raw), "its text is kept");
    }
}

#[test]
fn the_first_plan_made_keeps_its_practice_details_and_later_ones_change_nothing() {
    let request = common::request(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::Nobody);
    let first = Settings::default().after_first_plan(&request).expect("nothing kept yet");
    let kept = first.practice.clone().expect("kept");
    assert_eq!(
        (kept.therapist, kept.location, kept.day),
        (request.therapist.clone(), request.location.clone(), request.window)
    );
    assert_eq!(first.after_first_plan(&request), None, "details once kept are changed only by the person");
    assert!(build_plan("p", &request).is_ok());
}
