//! Browser-bound code in headless Chromium: mounting the app, a round trip through
//! the real localStorage, copies set aside exactly, and share links compressed by
//! the browser.
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::sample::sample_plan;
use intensive_planner::storage::keys::plan_key;
use intensive_planner::storage::local::LocalStore;
use intensive_planner::storage::store::{KeyValue, PlanStore};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_storage() {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
}

#[wasm_bindgen_test]
fn plans_round_trip_through_local_storage() {
    clear_storage();
    let mut store = PlanStore::new(LocalStore);
    let mut plan = sample_plan(4, 40);
    plan.id = "browser-test".into();
    let saved = store.save(None, &plan, DateStyle::DayFirst24Hour).expect("saves").plan().clone();
    assert_eq!(saved.revision, 1);
    let raw = LocalStore.get(&plan_key("browser-test")).expect("reads").expect("present");
    assert!(raw.contains("\"format\":\"intensive-planner/plan\""));
    let loaded = store.load_all().expect("loads");
    assert_eq!(loaded.plans, vec![saved.clone()]);
    // Saving from what this tab last read writes the next revision.
    let again = store.save(Some(&saved), &saved, DateStyle::DayFirst24Hour).expect("saves again").plan().revision;
    assert_eq!(again, 2);
    clear_storage();
}

/// A value localStorage holds but a Rust string cannot (a lone UTF-16 surrogate) is
/// copied aside exactly.
#[wasm_bindgen_test]
fn a_copy_set_aside_keeps_the_record_code_unit_for_code_unit() {
    use intensive_planner::storage::local::raw_value;
    clear_storage();
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("storage");
    let eval = js_sys::Function::new_with_args("s", r#"s.setItem("intensive-planner/plan/lone", "{\"x\":\"\ud800\"")"#);
    eval.call1(&wasm_bindgen::JsValue::NULL, &storage).expect("stores a lone surrogate");
    let original = raw_value(&plan_key("lone")).expect("stored");
    assert!(!original.is_valid_utf16(), "the test value has a lone surrogate");
    let loaded = PlanStore::new(LocalStore).load_all().expect("loads");
    let aside = raw_value(&loaded.unreadable[0].aside).expect("a copy aside");
    assert_eq!(aside, original, "the copy aside is the record exactly");
    clear_storage();
}

#[wasm_bindgen_test]
fn unreadable_records_stay_in_local_storage() {
    clear_storage();
    let mut kv = LocalStore;
    kv.set(&plan_key("broken"), "{ not json").expect("writes");
    let loaded = PlanStore::new(LocalStore).load_all().expect("loads");
    assert_eq!(loaded.plans.len(), 0);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(LocalStore.get(&plan_key("broken")).expect("reads").as_deref(), Some("{ not json"));
    clear_storage();
}

#[wasm_bindgen_test]
fn the_app_mounts_and_lists_stored_plans() {
    clear_storage();
    let mut plan = sample_plan(2, 0);
    plan.id = "mounted".into();
    plan.title = "Mounted plan <b>not bold</b>".into();
    PlanStore::new(LocalStore).save(None, &plan, DateStyle::default()).expect("saves");
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let body = document.body().expect("body");
    let _handle = leptos::mount::mount_to(body.clone(), intensive_planner::ui::App);
    let text = body.text_content().unwrap_or_default();
    assert!(text.contains("Intensives"), "{text}");
    // User text is shown as text, never as markup.
    assert!(text.contains("Mounted plan <b>not bold</b>"), "{text}");
    assert!(body.query_selector("b").ok().flatten().is_none());
    clear_storage();
}

/// The DATA part of a link made by `make_link`.
fn data_of(link: &str, prefix: &str) -> String {
    link.split_once(prefix).map(|(_, data)| data.to_string()).expect("the link has its prefix")
}

#[wasm_bindgen_test]
async fn a_share_link_made_by_the_browser_opens_into_the_plan_without_private_notes() {
    use intensive_planner::sharing::link::{share_text, shared_copy, ShareError};
    use intensive_planner::sharing::zlib::{make_link, open_share};

    let mut plan = sample_plan(3, 20);
    plan.blocks[0].private_notes = "SECRET-NOTE".into();
    let link = make_link("http://127.0.0.1:8080/", &share_text(&plan)).await.expect("makes a link");
    assert!(link.starts_with("http://127.0.0.1:8080/#/share/"), "{link}");
    let data = data_of(&link, "#/share/");
    assert!(data.len() < share_text(&plan).text.len() / 2, "compressed: {} characters", data.len());
    assert_eq!(open_share(&data).await, Ok(shared_copy(&plan)));

    // A cut link, or one with a changed character, is refused as damaged.
    assert_eq!(open_share(&data[..data.len() / 2]).await, Err(ShareError::Damaged));
    let mut changed: Vec<char> = data.chars().collect();
    let middle = changed.len() / 2;
    changed[middle] = if changed[middle] == 'A' { 'B' } else { 'A' };
    assert!(open_share(&changed.into_iter().collect::<String>()).await.is_err());
}

#[wasm_bindgen_test]
async fn a_small_link_that_would_inflate_past_the_limit_is_refused() {
    use intensive_planner::sharing::link::{LinkKind, LinkText, ShareError, MAX_LINK_TEXT_BYTES};
    use intensive_planner::sharing::zlib::{make_link, open_share};

    let huge = LinkText { kind: LinkKind::Share, text: " ".repeat(MAX_LINK_TEXT_BYTES + 1) };
    let link = make_link("", &huge).await.expect("makes a link");
    let data = data_of(&link, "#/share/");
    assert!(data.len() < 20_000, "spaces compress well: {} characters", data.len());
    assert_eq!(open_share(&data).await, Err(ShareError::Damaged));
}

/// Links made before the browser did the compressing (by a zlib compiled into the app)
/// still open: the format is the same zlib stream.
#[wasm_bindgen_test]
async fn links_made_by_earlier_versions_still_open() {
    use intensive_planner::sharing::zlib::{open_reply, open_share};
    use intensive_planner::storage::format::decode_file;

    let stored = decode_file(include_str!("formats/v1/affair-3-days-kap-midway.json")).expect("frozen plan reads");
    let share = include_str!("links/share-v1.txt");
    let plan = open_share(&data_of(share, "#/share/")).await.expect("the old share link opens");
    // Read as every link is now: readiness, which old links carried, is not shown.
    assert_eq!(plan, intensive_planner::sharing::link::shared_copy(&stored[0]));

    let reply =
        open_reply(&data_of(include_str!("links/reply-v1.txt"), "#/reply/")).await.expect("the old reply opens");
    assert_eq!(reply.plan_id, stored[0].id);
    let answered = reply.blocks.iter().find(|b| !b.question.is_empty()).expect("a question");
    assert_eq!(answered.question, "Can we bring tea?");
    assert_eq!(answered.ticks.first(), Some(&true));
}

/// A save changes only the plan's revision: what the pages follow takes it (an export
/// reads it) without anything drawn or checked again.
#[wasm_bindgen_test]
async fn a_save_draws_nothing_again_yet_the_page_reads_the_saved_revision() {
    use intensive_planner::domain::edit::Edit;
    use intensive_planner::ui::state::AppState;
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    use std::sync::Arc;

    clear_storage();
    let mut plan = sample_plan(3, 20);
    plan.id = "followed".into();
    let stored = PlanStore::new(LocalStore).save(None, &plan, DateStyle::default()).expect("saves").plan().clone();
    let owner = Owner::new();
    owner.set();
    let state = AppState::load();
    let followed = state.follow("followed").expect("the plan is here");
    let draws = Arc::new(AtomicU32::new(0));
    let counted = draws.clone();
    let drawn = Memo::new(move |_| {
        counted.fetch_add(1, Relaxed);
        followed.with(|p| p.title.clone())
    });
    assert_eq!(drawn.get_untracked(), plan.title);
    state.send("followed", &Edit::SetTitle("Renamed".into())).expect("renames");
    assert_eq!(drawn.get_untracked(), "Renamed");
    assert_eq!(draws.load(Relaxed), 2, "the edit is drawn");

    state.flush().await;
    let saved = PlanStore::new(LocalStore).load_all().expect("loads").plans.remove(0);
    assert_eq!((saved.title.as_str(), saved.revision), ("Renamed", stored.revision + 1));
    assert_eq!(drawn.get_untracked(), "Renamed");
    assert_eq!(draws.load(Relaxed), 2, "the save is not drawn again");
    assert_eq!(followed.with_untracked(|p| p.revision), saved.revision, "an export reads the saved revision");
    clear_storage();
}
