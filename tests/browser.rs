//! Browser-bound code in headless Chromium: mounting the app, a round trip through
//! the real localStorage, the row list keeping its rows' elements, the time grid's
//! blocks redrawn only where they changed, and share links
//! compressed by the browser.
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use intensive_planner::domain::sample::sample_plan;
use intensive_planner::storage::local::LocalStore;
use intensive_planner::storage::store::{plan_key, KeyValue, PlanStore};
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
    let saved = store.save(None, &plan).expect("saves").plan().clone();
    assert_eq!(saved.revision, 1);
    let raw = LocalStore.get(&plan_key("browser-test")).expect("reads").expect("present");
    assert!(raw.contains("\"format\":\"intensive-planner/plan\""));
    let loaded = store.load_all().expect("loads");
    assert_eq!(loaded.plans, vec![saved.clone()]);
    // Saving from what this tab last read writes the next revision.
    let again = store.save(Some(&saved), &saved).expect("saves again").plan().revision;
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
    PlanStore::new(LocalStore).save(None, &plan).expect("saves");
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

#[wasm_bindgen_test]
async fn a_row_list_keeps_the_rows_whose_keys_stay_and_follows_their_order() {
    use intensive_planner::ui::dom::{element, rows, Row, RowKey, RowList};
    use leptos::prelude::*;

    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let mount_point = document.create_element("div").expect("creates a mount point");
    document.body().expect("body").append_child(&mount_point).expect("attaches it");
    let numbers = RwSignal::new(vec![1u64, 2]);
    let mount_element: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(mount_point.clone());
    let _handle = leptos::mount::mount_to(mount_element, move || {
        let list = RowList::new(move || {
            numbers
                .get()
                .into_iter()
                .map(|n| {
                    Row::new(RowKey::Number(n), move || {
                        let row = element(None, "li", "");
                        row.set_text_content(Some(&n.to_string()));
                        row.into()
                    })
                })
                .collect()
        });
        view! { <ul use:rows=list></ul> }
    });
    let host = mount_point.first_element_child().expect("the list");
    let texts = || host.text_content().unwrap_or_default();
    assert_eq!(texts(), "12", "drawn when the view is built");
    let two = host.last_element_child().expect("row 2");

    numbers.set(vec![2, 3]);
    leptos::task::tick().await;
    assert_eq!(texts(), "23");
    // Row 2 moved up with its own element; a list redrawn by position would have
    // reused row 1's element for it.
    assert!(host.first_element_child().expect("row 2").is_same_node(Some(&two)));
    let three = host.last_element_child().expect("row 3");

    numbers.set(vec![3, 2]);
    leptos::task::tick().await;
    assert_eq!(texts(), "32", "reordered");
    assert!(host.first_element_child().expect("row 3").is_same_node(Some(&three)));
    assert!(host.last_element_child().expect("row 2").is_same_node(Some(&two)));

    numbers.set(vec![3, 3, 1]);
    leptos::task::tick().await;
    assert_eq!(texts(), "331", "a key given twice shows both rows");
    numbers.set(vec![1]);
    leptos::task::tick().await;
    assert_eq!(texts(), "1", "and both go when it goes");
    assert_eq!(host.child_element_count(), 1);
    mount_point.remove();
}

/// Where each block sits in the drawn-blocks test: its day's column of four, one lane.
fn slot_by_day(block: &intensive_planner::domain::model::Block) -> intensive_planner::ui::editor::grid_block::Slot {
    use intensive_planner::ui::layout::Lane;
    intensive_planner::ui::editor::grid_block::Slot {
        column: (block.day <= 4).then(|| usize::from(block.day) - 1),
        columns: 4,
        lane: Lane { id: block.id, lane: 0, lanes: 1 },
        grid_start: 9 * 60,
    }
}

#[wasm_bindgen_test]
fn the_grid_redraws_only_the_blocks_that_changed_and_keeps_plan_order() {
    use intensive_planner::domain::model::BlockId;
    use intensive_planner::domain::time::time_at;
    use intensive_planner::ui::editor::grid_block::{DrawnBlocks, Preview};
    use wasm_bindgen::JsCast;

    let mut drawn = DrawnBlocks::default();
    let host = drawn.host();
    let mut plan = sample_plan(4, 40);
    let draw = |drawn: &mut DrawnBlocks, plan: &intensive_planner::domain::model::Plan, relabel: bool| {
        drawn.sync(plan, slot_by_day, |_| None, None, relabel)
    };
    draw(&mut drawn, &plan, true);
    let wrap_of = |id: BlockId| {
        host.query_selector(&format!("[data-block-id=\"{}\"]", id.0)).ok().flatten().expect("the block is drawn")
    };
    let ids = |host: &web_sys::Element| -> Vec<String> {
        let children = host.children();
        (0..children.length()).filter_map(|i| children.item(i).and_then(|c| c.get_attribute("data-block-id"))).collect()
    };
    assert_eq!(ids(&host), plan.blocks.iter().map(|b| b.id.0.to_string()).collect::<Vec<_>>());
    let first = plan.blocks[0].clone();
    let text = wrap_of(first.id).text_content().unwrap_or_default();
    assert!(text.contains(&first.title) && text.contains(&first.time_range()), "{text}");

    // An unchanged block is not written to: text put into its title stays.
    let other = plan.blocks[1].id;
    let other_title = wrap_of(other).query_selector(".block-title").ok().flatten().expect("a title");
    other_title.set_text_content(Some("untouched"));
    let moved_element = wrap_of(first.id);
    let moved_title = moved_element.query_selector(".block-title").ok().flatten().expect("a title");
    moved_title.set_text_content(Some("untouched"));
    plan.blocks[0].start = time_at(minute_of(&first) + 15);
    draw(&mut drawn, &plan, false);
    assert!(wrap_of(first.id).is_same_node(Some(&moved_element)), "a moved block keeps its element");
    assert!(moved_element.text_content().unwrap_or_default().contains(&plan.blocks[0].time_range()));
    assert_eq!(other_title.text_content().as_deref(), Some("untouched"));
    // In the moved block, only what changed is written: its title is the same.
    assert_eq!(moved_title.text_content().as_deref(), Some("untouched"));
    // New names reach the blocks' words, though no block changed.
    assert!(!host.text_content().unwrap_or_default().contains("Robin"));
    plan.partners.a = "Robin".into();
    draw(&mut drawn, &plan, true);
    assert!(host.text_content().unwrap_or_default().contains("Robin"));

    // A block removed from the plan leaves the grid; one put first is drawn first.
    let gone = plan.blocks.remove(2).id;
    let last = plan.blocks.pop().expect("a last block");
    plan.blocks.insert(0, last);
    draw(&mut drawn, &plan, false);
    assert!(host.query_selector(&format!("[data-block-id=\"{}\"]", gone.0)).ok().flatten().is_none());
    assert_eq!(ids(&host), plan.blocks.iter().map(|b| b.id.0.to_string()).collect::<Vec<_>>());

    // A drag's preview shows on the block and goes when it ends.
    let wrap: web_sys::HtmlElement = wrap_of(first.id).unchecked_into();
    let top = wrap.style().get_property_value("top").unwrap_or_default();
    let preview = Preview { day: first.day, start: minute_of(&first) + 60, minutes: 30, column: Some(0) };
    drawn.preview(&plan, first.id, Some(preview));
    assert!(wrap.class_name().contains("dragging"));
    assert_ne!(wrap.style().get_property_value("top").unwrap_or_default(), top);
    drawn.preview(&plan, first.id, None);
    assert!(!wrap.class_name().contains("dragging"));
    assert_eq!(wrap.style().get_property_value("top").unwrap_or_default(), top);

    // A block whose day is not shown is hidden.
    plan.blocks[0].day = 5;
    draw(&mut drawn, &plan, false);
    let hidden: web_sys::HtmlElement = wrap_of(plan.blocks[0].id).unchecked_into();
    assert_eq!(hidden.style().get_property_value("display").unwrap_or_default(), "none");
}

fn minute_of(block: &intensive_planner::domain::model::Block) -> i64 {
    intensive_planner::domain::time::minute_of_day(block.start)
}

/// The DATA part of a link made by `make_link`.
fn data_of(link: &str, prefix: &str) -> String {
    link.split_once(prefix).map(|(_, data)| data.to_string()).expect("the link has its prefix")
}

#[wasm_bindgen_test]
async fn a_share_link_made_by_the_browser_opens_into_the_plan_without_private_notes() {
    use intensive_planner::export::share::{share_text, without_private_notes, ShareError};
    use intensive_planner::ui::links::{make_link, open_share};

    let mut plan = sample_plan(3, 20);
    plan.blocks[0].private_notes = "SECRET-NOTE".into();
    let link = make_link("http://127.0.0.1:8080/", &share_text(&plan)).await.expect("makes a link");
    assert!(link.starts_with("http://127.0.0.1:8080/#/share/"), "{link}");
    let data = data_of(&link, "#/share/");
    assert!(data.len() < share_text(&plan).text.len() / 2, "compressed: {} characters", data.len());
    assert_eq!(open_share(&data).await, Ok(without_private_notes(&plan)));

    // A cut link, or one with a changed character, is refused as damaged.
    assert_eq!(open_share(&data[..data.len() / 2]).await, Err(ShareError::Damaged));
    let mut changed: Vec<char> = data.chars().collect();
    let middle = changed.len() / 2;
    changed[middle] = if changed[middle] == 'A' { 'B' } else { 'A' };
    assert!(open_share(&changed.into_iter().collect::<String>()).await.is_err());
}

#[wasm_bindgen_test]
async fn a_small_link_that_would_inflate_past_the_limit_is_refused() {
    use intensive_planner::export::share::{LinkKind, LinkText, ShareError, MAX_LINK_TEXT_BYTES};
    use intensive_planner::ui::links::{make_link, open_share};

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
    use intensive_planner::storage::format::decode_file;
    use intensive_planner::ui::links::{open_reply, open_share};

    let stored = decode_file(include_str!("formats/v1/affair-3-days-kap-midway.json")).expect("frozen plan reads");
    let share = include_str!("links/share-v1.txt");
    let plan = open_share(&data_of(share, "#/share/")).await.expect("the old share link opens");
    assert_eq!(plan, stored[0]);

    let reply =
        open_reply(&data_of(include_str!("links/reply-v1.txt"), "#/reply/")).await.expect("the old reply opens");
    assert_eq!(reply.plan_id, stored[0].id);
    let answered = reply.blocks.iter().find(|b| !b.question.is_empty()).expect("a question");
    assert_eq!(answered.question, "Can we bring tea?");
    assert_eq!(answered.ticks.first(), Some(&true));
}
