//! My templates: a plan's structure kept without its couple, made into a new plan for
//! another couple that passes the rules exactly as its source did, stored and read
//! back through the template's own checks, carried by the backup, and never in the way.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{NaiveDate, TimeDelta};
use common::disk::{tab_holding, Shared};
use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::kap::{Placement, Readiness, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::my_template::{ForCouple, MyTemplate};
use intensive_planner::domain::rules::check;
use intensive_planner::domain::template::build_plan;
use intensive_planner::storage::book::PlanBook;
use intensive_planner::storage::error::FormatError;
use intensive_planner::storage::format::{decode_arrival, encode_backup_with, encode_pretty};
use intensive_planner::storage::keys::{aside_key, template_key};
use intensive_planner::storage::store::{KeyValue, StoreError};
use intensive_planner::storage::templates::{decode_template, encode_template};

fn same_couple(plan: &Plan) -> ForCouple {
    ForCouple {
        first_day: plan.first_day,
        partners: plan.partners.clone(),
        therapist: plan.therapist.clone(),
        location: plan.location.clone(),
    }
}

fn next_couple() -> ForCouple {
    ForCouple {
        first_day: NaiveDate::from_ymd_opt(2027, 2, 8).expect("a date"),
        partners: Partners { a: "Robin".into(), b: "Kai".into() },
        therapist: Therapist { name: "Dr Lee".into(), contact: "lee@example.org".into() },
        location: "Harbour Room".into(),
    }
}

/// A plan the first couple has lived in: readiness, private notes, questions, ticks,
/// a review mark, a confirmed status, and their names in the texts.
fn lived_in() -> Plan {
    let mut plan = plan(IntensiveKind::AffairRecovery, 3, Placement::Midway, WhoDoses::PartnerA);
    plan.status = PlanStatus::Confirmed;
    plan.review.reviewed_on = NaiveDate::from_ymd_opt(2026, 11, 20);
    for (i, block) in plan.blocks.iter_mut().enumerate() {
        block.private_notes = format!("PRIVATE-{i}");
        block.couple_question = format!("QUESTION-{i}");
        block.checklist.iter_mut().for_each(|item| item.done = true);
    }
    plan.blocks[0].couple_notes = "Sam, bring the letter for Alex.".into();
    plan.follow_ups[0].private_notes = "PRIVATE-FOLLOW-UP".into();
    plan.follow_ups[0].title = "Check-in with Sam".into();
    plan
}

#[test]
fn every_built_in_template_saved_and_reused_passes_the_rules_exactly_as_its_source() {
    let mut reused = 0;
    for (label, request) in every_request() {
        let Ok(source) = build_plan("source", &request) else { continue };
        let template = MyTemplate::of(&source, "t1".into(), &label);
        assert_eq!(template.problems(), Vec::<String>::new(), "{label}");
        let mut again = template.plan_for("source", &same_couple(&source)).expect("reused");
        // Readiness is the couple's, never the template's: the new plan starts without it.
        assert_eq!((&again.kap.readiness_a, &again.kap.readiness_b), (&Readiness::default(), &Readiness::default()));
        again.kap.readiness_a = source.kap.readiness_a.clone();
        again.kap.readiness_b = source.kap.readiness_b.clone();
        assert_eq!(again, source, "{label}");
        assert_eq!(check(&again, DateStyle::default()), check(&source, DateStyle::default()), "{label}");
        reused += 1;
    }
    assert!(reused > 100, "only {reused} templates were tried");
}

/// Whether `text` holds `words` as whole words ("Sam" is not in "SameSession").
fn holds(text: &str, words: &str) -> bool {
    let tokens: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
    let wanted: Vec<&str> = words.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
    tokens.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

#[test]
fn nothing_of_the_first_couple_is_carried() {
    let source = lived_in();
    let template = MyTemplate::of(&source, "t1".into(), "Affair recovery, three days");
    let text = encode_template(&template, false);
    for couple_only in ["Sam", "Alex", "PRIVATE", "QUESTION", "Jordan Reyes", "555 0100", "Confirmed", "2026 11 20"] {
        assert!(!holds(&text, couple_only), "{couple_only} is in the template");
    }
    let plan = template.plan_for("new", &next_couple()).expect("a plan");
    let stored = encode_pretty(&plan);
    for couple_only in ["Sam", "Alex", "PRIVATE", "QUESTION", "Jordan Reyes", "2026 11 20"] {
        assert!(!holds(&stored, couple_only), "{couple_only} is in the new plan");
    }
    assert_eq!(plan.status, PlanStatus::Draft);
    assert!(plan.blocks.iter().flat_map(|b| &b.checklist).all(|item| !item.done));
    assert_eq!(plan.blocks[0].couple_notes, "Robin, bring the letter for Kai.");
    assert_eq!(plan.follow_ups[0].title, "Check-in with Robin");
    assert_eq!(plan.title, "Robin & Kai: Affair-recovery intensive");
    assert_eq!(plan.kap.who_doses, WhoDoses::PartnerA);
    assert_eq!(plan.blocks.len(), source.blocks.len());
}

#[test]
fn follow_ups_keep_their_distance_from_the_last_day() {
    let source = lived_in();
    let template = MyTemplate::of(&source, "t1".into(), "Three days");
    let plan = template.plan_for("new", &next_couple()).expect("a plan");
    let after = |p: &Plan| p.follow_ups.iter().map(|f| (f.date - p.last_date()).num_days()).collect::<Vec<_>>();
    assert_eq!(after(&plan), after(&source));
    assert_eq!(plan.last_date(), next_couple().first_day + TimeDelta::days(2));
}

#[test]
fn a_template_is_stored_read_back_renamed_and_deleted() {
    let disk = Shared::default();
    let mut tab = PlanBook::load(&mut disk.store());
    let template = MyTemplate::of(&lived_in(), "t1".into(), "Three days");
    tab.put_template(template.clone(), &mut disk.store()).expect("saved");
    let other = PlanBook::load(&mut disk.store());
    assert_eq!(other.templates(), std::slice::from_ref(&template));
    assert!(other.unreadable.is_empty());
    let renamed = MyTemplate { name: "My usual three days".into(), ..template.clone() };
    tab.put_template(renamed.clone(), &mut disk.store()).expect("renamed");
    assert_eq!(PlanBook::load(&mut disk.store()).templates(), std::slice::from_ref(&renamed));
    assert_eq!(tab.remove_template("t1", &mut disk.store()), Some(renamed));
    assert!(PlanBook::load(&mut disk.store()).templates().is_empty());
}

#[test]
fn an_unreadable_template_record_is_set_aside_and_named() {
    let disk = Shared::default();
    let key = template_key("broken");
    disk.clone()
        .set(&key, "{\"format\":\"intensive-planner/template\",\"version\":1,\"template\":{\"id\":3}}")
        .unwrap();
    let book = PlanBook::load(&mut disk.store());
    assert!(book.templates().is_empty());
    let record = &book.unreadable[0];
    assert!(record.is_template() && record.plan_id().is_none());
    assert_eq!(record.name(), "the template stored as broken");
    assert!(
        record.reason.to_string().starts_with("The template cannot be used: id: invalid type"),
        "{}",
        record.reason
    );
    assert!(disk.get(&aside_key(&key, 1)).unwrap().is_some(), "a copy is set aside");
    assert!(disk.get(&key).unwrap().is_some(), "the record itself is left");
}

#[test]
fn template_files_are_checked_like_plan_files_and_the_wrong_kind_is_told() {
    let template = MyTemplate::of(&lived_in(), "t1".into(), "Three days");
    let file = encode_template(&template, true);
    assert_eq!(decode_template(&file), Ok(template.clone()));

    let plan_file = encode_pretty(&lived_in());
    assert_eq!(decode_template(&plan_file), Err(FormatError::PlanNotTemplate));
    assert!(FormatError::PlanNotTemplate.to_string().starts_with("This is a plan file, not a template"));
    assert_eq!(decode_arrival(&file), Err(FormatError::TemplateNotPlan));
    assert_eq!(decode_template("{\"title\":\"x\"}"), Err(FormatError::NotATemplate));
    assert!(matches!(decode_template("not json"), Err(FormatError::NotJson(_))));
    let future = file.replace("\"version\": 1", "\"version\": 9");
    assert_eq!(decode_template(&future), Err(FormatError::FutureVersion(9)));
    let huge = format!("{{\"format\":\"x\",\"pad\":\"{}\"}}", "x".repeat(9 * 1024 * 1024));
    assert!(matches!(decode_template(&huge), Err(FormatError::TooLarge { .. })));

    // A range no plan may hold, and a name too long, are refused with the reason.
    let mut long = template.clone();
    long.blocks[0].title = "t".repeat(201);
    long.name = "n".repeat(201);
    let refused = decode_template(&encode_template(&long, true)).unwrap_err().to_string();
    assert!(refused.contains("Its name is 201 characters long"), "{refused}");
    assert!(refused.contains("201 characters long; at most 200 fit"), "{refused}");
    let mut no_days = template.clone();
    no_days.days.clear();
    assert!(decode_template(&encode_template(&no_days, true)).unwrap_err().to_string().contains("0 days"));
    let shape = file.replacen("\"minutes\": ", "\"minutes\": -", 1);
    let refused = decode_template(&shape).unwrap_err().to_string();
    assert!(refused.starts_with("The template cannot be used: blocks[0].minutes: invalid value"), "{refused}");
}

#[test]
fn the_backup_carries_templates_and_taking_them_in_never_replaces_one() {
    let plan = lived_in();
    let template = MyTemplate::of(&plan, "t1".into(), "Three days");
    let backup = encode_backup_with([&plan], [&template]);
    let arrival = decode_arrival(&backup).expect("reads");
    assert_eq!((arrival.plans.len(), arrival.templates.clone()), (1, vec![template.clone()]));

    let disk = Shared::default();
    let mut tab = PlanBook::load(&mut disk.store());
    let changed = MyTemplate { name: "Changed here".into(), ..template.clone() };
    tab.put_template(changed.clone(), &mut disk.store()).expect("saved");
    let taken = tab
        .take_in_templates(vec![template.clone(), changed.clone()], || "t2".into(), &mut disk.store())
        .expect("taken in");
    assert_eq!((taken.added, taken.unchanged), (vec!["Three days (imported)".to_string()], 1));
    let names: Vec<_> = PlanBook::load(&mut disk.store()).templates().iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, ["Changed here", "Three days (imported)"]);

    // One bad template in a backup is named; the rest still arrive.
    let mut bad = template.clone();
    bad.days.clear();
    let arrival = decode_arrival(&encode_backup_with([&plan], [&template, &bad])).expect("reads");
    assert_eq!(arrival.templates, vec![template]);
    assert!(arrival.refused[0].starts_with("Template 2 of 2: It has 0 days"), "{:?}", arrival.refused);
}

#[test]
fn a_template_is_written_as_version_1_froze_it_and_read_back() {
    let template = MyTemplate::of(&lived_in(), "frozen-template".into(), "Affair recovery, three days");
    let path = format!("{}/tests/formats/template/v1.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("FREEZE_FORMAT").is_some() && !std::path::Path::new(&path).exists() {
        std::fs::create_dir_all(format!("{}/tests/formats/template", env!("CARGO_MANIFEST_DIR"))).expect("dir");
        std::fs::write(&path, encode_template(&template, true)).expect("writes");
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(encode_template(&template, true), text);
    assert_eq!(decode_template(&text), Ok(template));
}

#[test]
fn a_template_the_full_store_refused_stays_through_another_tabs_save_and_is_written_later() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "a");
    let mut other = PlanBook::load(&mut disk.store());
    disk.fill(Some(disk.get(&intensive_planner::storage::keys::plan_key("a")).unwrap().unwrap().len() + 50));
    let template = MyTemplate::of(&lived_in(), "t1".into(), "Three days");
    assert_eq!(tab.put_template(template.clone(), &mut disk.store()), Err(StoreError::Full));
    assert!(tab.has_unsaved(), "a reload would lose it, so it counts as unsaved");
    assert!(tab.reload_would_lose().is_some_and(|said| said.contains("the template \u{201c}Three days\u{201d}")));
    // Another tab deletes its plan; this tab rereads the store.
    other.remove("a", &mut disk.store());
    tab.reload(&mut disk.store());
    assert_eq!(tab.templates(), std::slice::from_ref(&template), "not dropped by the reread");
    // Room again: the next flush writes it.
    disk.fill(None);
    tab.flush(&mut disk.store());
    assert!(!tab.has_unsaved());
    assert_eq!(tab.saving_problem(), None);
    assert_eq!(PlanBook::load(&mut disk.store()).templates(), std::slice::from_ref(&template));
}
