//! The store over memory: round trips, revisions, saves that meet another tab's
//! save, unreadable records and a full store.
#![cfg(not(target_arch = "wasm32"))]

use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, Edit};
use intensive_planner::domain::model::{clock, Plan};
use intensive_planner::domain::sample::sample_plan;
use intensive_planner::storage::format::{decode, decode_arrival, decode_file, encode, FormatError, CURRENT_VERSION};
use intensive_planner::storage::keys::{aside_key, index_key, plan_key};
use intensive_planner::storage::store::{KeyValue, MemoryStore, PlanStore, Saved, StoreError};

fn plan_with_id(id: &str) -> Plan {
    let mut plan = sample_plan(3, 0);
    plan.id = id.to_string();
    plan
}

fn written(saved: Result<Saved, StoreError>) -> Plan {
    match saved {
        Ok(Saved::Written(plan)) => plan,
        other => panic!("expected a plain write, got {other:?}"),
    }
}

#[test]
fn a_plan_survives_encode_and_decode_unchanged() {
    let plan = sample_plan(5, 60);
    let text = encode(&plan);
    assert!(text.contains(&format!("\"version\":{CURRENT_VERSION}")));
    assert_eq!(decode(&text), Ok(plan));
}

#[test]
fn bad_text_is_named_not_accepted() {
    assert!(matches!(decode("{not json"), Err(FormatError::NotJson(_))));
    assert_eq!(decode("{\"hello\":1}"), Err(FormatError::NotAPlan));
    let future = encode(&sample_plan(2, 0)).replace("\"version\":5", "\"version\":99");
    assert_eq!(decode(&future), Err(FormatError::FutureVersion(99)));
    assert!(decode(&future).unwrap_err().to_string().contains("newer version"));
    let bad_day = encode(&sample_plan(2, 0)).replace("\"day\":1,", "\"day\":40,");
    let Err(FormatError::Invalid(problems)) = decode(&bad_day) else { panic!("day 40 accepted") };
    assert!(problems[0].contains("is on day 40; the plan has days 1 to 3."), "{problems:?}");
    // A safety limit looser than the app allows can't come in through a file.
    let loose =
        encode(&sample_plan(2, 0)).replace("\"integration_window_hours\":72", "\"integration_window_hours\":168");
    let Err(FormatError::Invalid(problems)) = decode(&loose) else { panic!("a 168-hour window accepted") };
    assert_eq!(
        problems,
        vec![
            "The limit \u{201c}Integration within (hours)\u{201d} (limits.integration_window_hours) is 168; it may be \
             12 to 72."
        ]
    );
}

#[test]
fn a_backup_of_the_wrong_shape_says_where() {
    let backup = |rest: &str| decode_file(&format!("{{\"format\":\"intensive-planner/backup\"{rest}}}"));
    assert_eq!(
        backup(",\"version\":5,\"plans\":{}"),
        Err(FormatError::Shape("plans: invalid type: map, expected a sequence at line 1 column 57".into()))
    );
    assert_eq!(backup(",\"version\":5"), Err(FormatError::Shape("missing field `plans` at line 1 column 49".into())));
    assert_eq!(
        backup(",\"version\":-1,\"plans\":[]"),
        Err(FormatError::Shape("version: invalid value: integer `-1`, expected u32 at line 1 column 49".into()))
    );
    assert_eq!(backup(",\"version\":2,\"plans\":[]"), Ok(Vec::new()));
    // A version 1 file is read through its migration; the problem is named by its path
    // alone, since a line and column of the migrated text would point nowhere in the file.
    assert_eq!(backup(",\"version\":1,\"plans\":[]"), Ok(Vec::new()));
    assert_eq!(
        backup(",\"version\":1,\"plans\":[{\"id\":7}]"),
        Err(FormatError::Invalid(vec![
            "Plan 1 of 1: The plan is damaged: id: invalid type: integer `7`, expected a string.".into()
        ]))
    );
}

#[test]
fn a_backup_with_bad_plans_names_each_and_still_holds_the_good_ones() {
    let good = |id: &str| serde_json::to_value(plan_with_id(id)).expect("a plan is JSON");
    let mut out_of_range = good("range");
    out_of_range["title"] = "Too many days".into();
    out_of_range["days"] = 99.into();
    let mut wrong_shape = good("shape");
    wrong_shape["blocks"][0]["minutes"] = "long".into();
    let plans = vec![good("first"), out_of_range, good("last"), wrong_shape];
    let text = serde_json::json!({ "format": "intensive-planner/backup", "version": CURRENT_VERSION, "plans": plans });
    let arrival = decode_arrival(&text.to_string()).expect("the good plans are read");
    assert_eq!(arrival.plans.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["first", "last"]);
    assert_eq!(arrival.refused.len(), 2, "{:?}", arrival.refused);
    assert!(arrival.refused[0].starts_with("Plan 2 of 4 (\u{201c}Too many days\u{201d}): "), "{}", arrival.refused[0]);
    assert!(arrival.refused[1].starts_with("Plan 4 of 4 (\u{201c}"), "{}", arrival.refused[1]);
    assert!(arrival.refused[1].contains("blocks[0].minutes"), "the wrong shape says where: {}", arrival.refused[1]);
    assert!(!arrival.refused[1].contains("line 1"), "no line and column inside one plan's text");
    let question = arrival.refusal_question("backup.json");
    assert!(question.starts_with("2 plans of 4 in backup.json cannot be restored. Plan 2 of 4"), "{question}");
    assert!(question.ends_with("Restore the other 2 plans, or nothing?"), "{question}");
    // Read as one file that must hold only good plans, it is refused, naming them.
    assert!(matches!(decode_file(&text.to_string()), Err(FormatError::Invalid(named)) if named.len() == 2));
}

#[test]
fn saving_bumps_the_revision_and_keeps_the_index_order() {
    let mut store = PlanStore::new(MemoryStore::default());
    let first = written(store.save(None, &plan_with_id("one"), DateStyle::DayFirst24Hour));
    let second = written(store.save(None, &plan_with_id("two"), DateStyle::DayFirst24Hour));
    assert_eq!((first.revision, second.revision), (1, 1));
    let again = written(store.save(Some(&first), &first, DateStyle::DayFirst24Hour));
    assert_eq!(again.revision, 2);
    let loaded = store.load_all().unwrap();
    let ids: Vec<&str> = loaded.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["one", "two"]);
    store.delete("one").unwrap();
    assert_eq!(store.load_all().unwrap().plans.len(), 1);
}

#[test]
fn plans_load_in_index_order_then_unindexed_ones_by_key() {
    let mut store = PlanStore::new(MemoryStore::default());
    for id in ["b", "a", "c"] {
        written(store.save(None, &plan_with_id(id), DateStyle::DayFirst24Hour));
    }
    // Records the index does not name, as another version of the app might leave them.
    for id in ["z", "y"] {
        let text = encode(&plan_with_id(id));
        store.kv.set(&plan_key(id), &text).unwrap();
    }
    let loaded = store.load_all().unwrap();
    let ids: Vec<&str> = loaded.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["b", "a", "c", "y", "z"]);
}

#[test]
fn a_save_that_meets_another_tab_s_save_merges_instead_of_overwriting() {
    let mut store = PlanStore::new(MemoryStore::default());
    let base = written(store.save(None, &plan_with_id("p"), DateStyle::DayFirst24Hour));
    let (first, second) = (base.blocks[1].id, base.blocks[2].id);
    // The other tab moves one block and saves; this tab, still on `base`, moves another.
    let theirs = apply(&base, &Edit::MoveBlock { id: first, day: 2, start: clock(15, 0) }).unwrap();
    let theirs = written(store.save(Some(&base), &theirs, DateStyle::DayFirst24Hour));
    let mine = apply(&base, &Edit::MoveBlock { id: second, day: 3, start: clock(16, 0) }).unwrap();
    let Ok(Saved::Merged { plan, clashes }) = store.save(Some(&base), &mine, DateStyle::DayFirst24Hour) else {
        panic!("not merged")
    };
    assert_eq!(plan.revision, theirs.revision + 1, "one revision after the other tab's");
    assert!(clashes.is_empty());
    let stored = decode(&store.kv.get(&plan_key("p")).unwrap().unwrap()).unwrap();
    assert_eq!(stored, plan);
    assert_eq!((stored.block(first).unwrap().day, stored.block(first).unwrap().start), (2, clock(15, 0)));
    assert_eq!((stored.block(second).unwrap().day, stored.block(second).unwrap().start), (3, clock(16, 0)));
    // A plan this tab never read is not written over its stored namesake.
    assert_eq!(store.save(None, &plan_with_id("p"), DateStyle::DayFirst24Hour), Err(StoreError::AlreadyStored));
}

#[test]
fn unreadable_records_are_set_aside_exactly_and_never_overwritten() {
    let mut store = PlanStore::new(MemoryStore::default());
    written(store.save(None, &plan_with_id("good"), DateStyle::DayFirst24Hour));
    store.kv.entries.insert(plan_key("broken"), "{\"format\": oops".into());
    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.plans.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].raw, "{\"format\": oops");
    // Nothing deleted: the record is still there, and a copy is set aside.
    assert_eq!(store.kv.get(&plan_key("broken")).unwrap().as_deref(), Some("{\"format\": oops"));
    assert_eq!(store.kv.get(&loaded.unreadable[0].aside).unwrap().as_deref(), Some("{\"format\": oops"));
    assert_eq!(loaded.unreadable[0].name(), "broken");
    // No save writes over it, however the plan came.
    assert_eq!(
        store.save(None, &plan_with_id("broken"), DateStyle::DayFirst24Hour),
        Err(StoreError::UnreadableInTheWay)
    );
    let pretend = plan_with_id("broken");
    assert_eq!(store.save(Some(&pretend), &pretend, DateStyle::DayFirst24Hour), Err(StoreError::UnreadableInTheWay));
    // The person chose to replace it: its copy stays aside, and a second, different
    // unreadable text under the same key gets a copy of its own.
    let replaced = store.replace(&plan_with_id("broken")).unwrap();
    assert_eq!(replaced.revision, 1);
    assert_eq!(store.kv.get(&aside_key(&plan_key("broken"), 1)).unwrap().as_deref(), Some("{\"format\": oops"));
    store.kv.entries.insert(plan_key("broken"), "second damage".into());
    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.unreadable[0].aside, aside_key(&plan_key("broken"), 2));
    assert_eq!(store.kv.get(&aside_key(&plan_key("broken"), 1)).unwrap().as_deref(), Some("{\"format\": oops"));
    // A plan from a newer version is named by its title.
    let future = encode(&plan_with_id("later")).replace("\"version\":5", "\"version\":7");
    store.kv.entries.insert(plan_key("later"), future);
    let loaded = store.load_all().unwrap();
    let later = loaded.unreadable.iter().find(|u| u.key.ends_with("later")).unwrap();
    assert!(later.name().ends_with("(later)") && later.name().contains("Sam & Alex"), "{}", later.name());
    assert_eq!(later.reason, FormatError::FutureVersion(7));
}

#[test]
fn a_record_under_the_wrong_key_is_set_aside_too() {
    let mut store = PlanStore::new(MemoryStore::default());
    store.kv.entries.insert(plan_key("elsewhere"), encode(&plan_with_id("p")));
    let loaded = store.load_all().unwrap();
    assert!(loaded.plans.is_empty());
    let record = &loaded.unreadable[0];
    assert!(record.reason.to_string().contains("does not match where it is stored"), "{}", record.reason);
    assert_eq!(store.kv.get(&record.aside).unwrap(), store.kv.get(&plan_key("elsewhere")).unwrap());
}

#[test]
fn an_unreadable_index_is_set_aside_before_it_is_written_again() {
    let mut store = PlanStore::new(MemoryStore::default());
    written(store.save(None, &plan_with_id("a"), DateStyle::DayFirst24Hour));
    store.kv.entries.insert(index_key(), "[\"a\", oops".into());
    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.plans.len(), 1, "the plans still load, by key");
    assert_eq!(loaded.unreadable[0].key, index_key());
    written(store.save(None, &plan_with_id("b"), DateStyle::DayFirst24Hour));
    assert_eq!(store.kv.get(&aside_key(&index_key(), 1)).unwrap().as_deref(), Some("[\"a\", oops"));
    assert_eq!(store.kv.get(&index_key()).unwrap().as_deref(), Some("[\"b\"]"));
}

#[test]
fn a_full_store_says_so_and_keeps_what_it_had() {
    let mut store = PlanStore::new(MemoryStore { capacity: Some(100), ..MemoryStore::default() });
    assert_eq!(store.save(None, &plan_with_id("big"), DateStyle::DayFirst24Hour), Err(StoreError::Full));
    assert!(store.kv.entries.is_empty());
    store.kv.capacity = None;
    assert!(
        store.save(None, &plan_with_id("big"), DateStyle::DayFirst24Hour).is_ok(),
        "works again once there is room"
    );
}
