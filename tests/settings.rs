//! The settings record: kept once for every plan, read back as written, frozen in its
//! version-1 form, and never in the way: a record that cannot be read gives the
//! defaults, is set aside with its text, and is reported.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::disk::{tab_holding, Shared};
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::merge::settings::{merge_settings, SettingChange};
use intensive_planner::domain::model::IntensiveKind;
use intensive_planner::domain::model::{clock, DayWindow, Therapist};
use intensive_planner::domain::settings::{PracticeDetails, Settings};
use intensive_planner::domain::template::build_plan;
use intensive_planner::storage::book::PlanBook;
use intensive_planner::storage::keys::{aside_key, settings_key};
use intensive_planner::storage::settings::{decode_settings, encode_settings};
use intensive_planner::storage::store::{KeyValue, StoreError};

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
    first.change_settings(&Settings::default(), practice(), &mut disk.store()).expect("saved");
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
        tab.change_settings(&Settings::default(), backwards, &mut disk.store()),
        Err(StoreError::Invalid(vec!["The usual day's hours end before they start.".into()]))
    );
    let mut long = practice();
    if let Some(details) = &mut long.practice {
        details.location = "x".repeat(1000);
    }
    let refused = tab.change_settings(&Settings::default(), long, &mut disk.store()).unwrap_err().to_string();
    assert!(refused.contains("The location is 1000 characters long"), "{refused}");
    assert_eq!(disk.get(&settings_key()).unwrap(), None);
    assert_eq!(tab.settings(), &Settings::default());
}

#[test]
fn a_full_store_keeps_the_settings_in_this_tab_and_says_so() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "a");
    disk.fill(Some(10));
    assert_eq!(tab.change_settings(&Settings::default(), practice(), &mut disk.store()), Err(StoreError::Full));
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

fn changed(settings: &Settings, change: SettingChange) -> Settings {
    settings.with(&change)
}

#[test]
fn a_stale_form_saved_after_another_tab_keeps_what_that_tab_saved() {
    let disk = Shared::default();
    let (mut first, mut second) = (tab_holding(&disk, "a"), PlanBook::load(&mut disk.store()));
    // Both forms open on the same settings; each changes something else.
    let opened = practice();
    first.change_settings(&Settings::default(), opened.clone(), &mut disk.store()).expect("saved");
    second.reload(&mut disk.store());
    let location = changed(&opened, SettingChange::Location("Room 2".into()));
    first.change_settings(&opened, location, &mut disk.store()).expect("saved");
    let style = changed(&opened, SettingChange::DateStyle(Some(DateStyle::DayFirst24Hour)));
    let merged = second.change_settings(&opened, style, &mut disk.store()).expect("saved");
    assert_eq!(merged.taken_in, vec!["The location"]);
    assert!(merged.clashes.is_empty());
    assert!(merged.said().starts_with("Saved, with what another tab saved meanwhile kept: the location."));
    let kept = PlanBook::load(&mut disk.store()).settings().clone();
    assert_eq!(kept.practice.map(|p| p.location).as_deref(), Some("Room 2"), "not swapped out by the stale form");
    assert_eq!(kept.date_style, Some(DateStyle::DayFirst24Hour));
    assert_eq!(second.settings().date_style, Some(DateStyle::DayFirst24Hour), "this tab holds what it stored");
}

#[test]
fn a_setting_both_tabs_changed_keeps_the_saved_one_and_offers_the_forms() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "a");
    let opened = practice();
    tab.change_settings(&Settings::default(), opened.clone(), &mut disk.store()).expect("saved");
    // Another tab saves a contact and new hours.
    let theirs = changed(
        &changed(&opened, SettingChange::TherapistContact("first@example.org".into())),
        SettingChange::Hours(DayWindow { start: clock(7, 0), end: clock(12, 0) }),
    );
    let mut other = disk.clone();
    other.set(&settings_key(), &encode_settings(&theirs).expect("encodes")).unwrap();
    // This form, opened before, changes the contact too and the start alone: the day is
    // one setting, so the hours never become a day that ends before it starts.
    let mine = changed(
        &changed(&opened, SettingChange::TherapistContact("second@example.org".into())),
        SettingChange::Hours(DayWindow { start: clock(13, 0), end: clock(16, 0) }),
    );
    let merged = tab.change_settings(&opened, mine, &mut disk.store()).expect("saved");
    assert_eq!(merged.settings, theirs, "the saved values stay until the person picks");
    let words: Vec<(&str, &str, &str)> =
        merged.clashes.iter().map(|c| (c.what, c.kept.as_str(), c.other.as_str())).collect();
    assert_eq!(
        words,
        vec![
            ("The therapist's contact", "\u{201c}first@example.org\u{201d}", "\u{201c}second@example.org\u{201d}"),
            ("The usual hours", "7:00 AM\u{2013}12:00 PM", "1:00\u{2013}4:00 PM"),
        ]
    );
    assert!(merged.said().contains("Another tab changed the same settings"));
    // Choosing the form's contact is one more change, from what is kept now.
    let chosen = tab.settings().with(&merged.clashes[0].alternative);
    let from = tab.settings().clone();
    let settled = tab.change_settings(&from, chosen, &mut disk.store()).expect("saved");
    assert!(settled.clashes.is_empty() && settled.taken_in.is_empty());
    let kept = PlanBook::load(&mut disk.store()).settings().practice_or_default();
    assert_eq!(kept.therapist.contact, "second@example.org");
    assert_eq!(kept.day, DayWindow { start: clock(7, 0), end: clock(12, 0) });
}

#[test]
fn settings_merged_with_none_kept_anywhere_keep_none_and_a_style_alone_stays_alone() {
    let none = Settings::default();
    let style = Settings { date_style: Some(DateStyle::DayFirst24Hour), ..Settings::default() };
    let merged = merge_settings(&none, &style, &none, DateStyle::MonthFirst12Hour, DateStyle::MonthFirst12Hour);
    assert_eq!(merged.settings, style, "no practice details appear from nowhere");
    assert_eq!(merged.said(), "Saved. New intensives start from these details; existing plans keep their own.");
    // Both chose a style: the saved one stays; "browser" is worded with the browser's style.
    let mine = Settings { date_style: None, ..practice() };
    let theirs = Settings { date_style: Some(DateStyle::DayFirst24Hour), ..practice() };
    let merged = merge_settings(&practice(), &mine, &theirs, DateStyle::MonthFirst12Hour, DateStyle::DayFirst24Hour);
    assert_eq!(merged.clashes[0].other, "the browser's choice, 12-hour, month first (Sat, Dec 5 \u{b7} 1:00 PM)");
    assert_eq!(merged.clashes[0].alternative, SettingChange::DateStyle(None));
}

#[test]
fn settings_saved_over_an_unreadable_record_merge_with_what_this_tab_holds() {
    let disk = Shared::default();
    let mut kv = disk.clone();
    kv.set(&settings_key(), "{not json").unwrap();
    let mut tab = tab_holding(&disk, "a");
    let merged = tab.change_settings(&Settings::default(), practice(), &mut disk.store()).expect("saved");
    assert_eq!(merged.settings, practice());
    assert_eq!(disk.get(&aside_key(&settings_key(), 1)).unwrap().as_deref(), Some("{not json"), "its text kept");
}

#[test]
fn settings_the_full_store_refused_stay_through_another_tabs_save_and_are_written_later() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "a");
    let mut other = PlanBook::load(&mut disk.store());
    disk.fill(Some(10));
    assert_eq!(tab.change_settings(&Settings::default(), practice(), &mut disk.store()), Err(StoreError::Full));
    assert!(tab.has_unsaved());
    assert!(tab.reload_would_lose().is_some_and(|said| said.contains("the settings")), "{:?}", tab.reload_would_lose());
    disk.fill(None);
    other.remove("a", &mut disk.store());
    tab.reload(&mut disk.store());
    assert_eq!(tab.settings(), &practice(), "not swapped for the stored defaults by the reread");
    tab.flush(&mut disk.store());
    assert!(!tab.has_unsaved());
    assert_eq!(PlanBook::load(&mut disk.store()).settings(), &practice());
}
