//! The store over memory: round trips, revisions, unreadable records and a full store.
#![cfg(not(target_arch = "wasm32"))]

use intensive_planner::domain::sample::sample_plan;
use intensive_planner::storage::format::{decode, decode_file, encode, FormatError, CURRENT_VERSION};
use intensive_planner::storage::store::{plan_key, KeyValue, MemoryStore, PlanStore, StoreError};

fn plan_with_id(id: &str) -> intensive_planner::domain::model::Plan {
    let mut plan = sample_plan(3, 0);
    plan.id = id.to_string();
    plan
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
    let future = encode(&sample_plan(2, 0)).replace("\"version\":1", "\"version\":99");
    assert_eq!(decode(&future), Err(FormatError::FutureVersion(99)));
    assert!(decode(&future).unwrap_err().to_string().contains("newer version"));
    let bad_day = encode(&sample_plan(2, 0)).replace("\"day\":1,", "\"day\":40,");
    let Err(FormatError::Invalid(problems)) = decode(&bad_day) else { panic!("day 40 accepted") };
    assert!(problems[0].contains("is on day 40; the plan has days 1 to 3."), "{problems:?}");
}

#[test]
fn a_backup_of_the_wrong_shape_says_where() {
    let backup = |rest: &str| decode_file(&format!("{{\"format\":\"intensive-planner/backup\"{rest}}}"));
    assert_eq!(backup(",\"version\":1,\"plans\":{}"), Err(FormatError::Shape("plans: expected a list [ … ]".into())));
    assert_eq!(backup(",\"version\":1"), Err(FormatError::Shape("missing field `plans`".into())));
    assert_eq!(
        backup(",\"version\":-1,\"plans\":[]"),
        Err(FormatError::Shape("version: expected a whole number from 0 to 4294967295".into()))
    );
    assert_eq!(backup(",\"version\":1,\"plans\":[]"), Ok(Vec::new()));
}

#[test]
fn saving_bumps_the_revision_and_keeps_the_index_order() {
    let mut store = PlanStore::new(MemoryStore::default());
    let first = store.save(&plan_with_id("one"), false).unwrap();
    let second = store.save(&plan_with_id("two"), false).unwrap();
    assert_eq!((first.revision, second.revision), (1, 1));
    let again = store.save(&first, false).unwrap();
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
        store.save(&plan_with_id(id), false).unwrap();
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
fn a_newer_revision_from_another_tab_is_never_silently_overwritten() {
    let mut store = PlanStore::new(MemoryStore::default());
    let mine = store.save(&plan_with_id("p"), false).unwrap();
    let theirs = store.save(&mine, false).unwrap();
    assert_eq!(theirs.revision, 2);
    let refused = store.save(&mine, false);
    assert_eq!(refused, Err(StoreError::NewerRevision { theirs: 2, ours: 1 }));
    // The person chose to keep theirs over the other tab's.
    assert_eq!(store.save(&mine, true).unwrap().revision, 3);
}

#[test]
fn a_save_by_another_tab_between_two_of_ours_is_noticed() {
    let mut store = PlanStore::new(MemoryStore::default());
    let mine = store.save(&plan_with_id("p"), false).unwrap();
    // The other tab shares the storage, not this store: its record appears under the key.
    let mut theirs = mine.clone();
    theirs.revision = 2;
    theirs.title = "Changed in the other tab".into();
    store.kv.entries.insert(plan_key("p"), encode(&theirs));
    assert_eq!(store.save(&mine, false), Err(StoreError::NewerRevision { theirs: 2, ours: 1 }));
    // Saving on from our own latest save needs no other tab's record.
    let ours_again = store.save(&theirs, false).unwrap();
    assert_eq!(store.save(&ours_again, false).map(|p| p.revision), Ok(4));
}

#[test]
fn unreadable_records_are_set_aside_and_the_rest_still_load() {
    let mut store = PlanStore::new(MemoryStore::default());
    store.save(&plan_with_id("good"), false).unwrap();
    store.kv.entries.insert(plan_key("broken"), "{\"format\": oops".into());
    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.plans.len(), 1);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].raw, "{\"format\": oops");
    // Nothing deleted: the record is still there, and a copy is set aside.
    assert_eq!(store.kv.entries.get(&plan_key("broken")).map(String::as_str), Some("{\"format\": oops"));
    assert!(store.kv.entries.keys().any(|k| k.contains("aside")));
    assert_eq!(loaded.unreadable[0].name(), "broken");
    // A plan from a newer version is named by its title.
    let future = encode(&plan_with_id("later")).replace("\"version\":1", "\"version\":7");
    store.kv.entries.insert(plan_key("later"), future);
    let loaded = store.load_all().unwrap();
    let later = loaded.unreadable.iter().find(|u| u.key.ends_with("later")).unwrap();
    assert!(later.name().ends_with("(later)") && later.name().contains("Sam & Alex"), "{}", later.name());
    assert_eq!(later.reason, FormatError::FutureVersion(7));
}

#[test]
fn a_full_store_says_so_and_keeps_what_it_had() {
    let mut store = PlanStore::new(MemoryStore { capacity: Some(100), ..MemoryStore::default() });
    assert_eq!(store.save(&plan_with_id("big"), false), Err(StoreError::Full));
    assert!(store.kv.entries.is_empty());
    store.kv.capacity = None;
    assert!(store.save(&plan_with_id("big"), false).is_ok(), "works again once there is room");
}
