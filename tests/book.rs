//! A tab's book of plans against a store two tabs share: unsaved changes tracked per
//! plan, a full store losing nothing, another tab's writes merged, never reverting
//! what this tab has not saved, and arriving plans never written over unreadable ones.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::disk::{tab_holding, Shared};
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, Edit, EditError};
use intensive_planner::domain::follow_up_edit::next_follow_up_date;
use intensive_planner::domain::model::{clock, FollowUpChange, FollowUpText, Participants, Plan, MAX_FOLLOW_UPS};
use intensive_planner::domain::sample::sample_plan;
use intensive_planner::domain::settings::Settings;
use intensive_planner::storage::book::PlanBook;
use intensive_planner::storage::keys::{clashes_key, plan_key};
use intensive_planner::storage::store::{KeyValue, StoreError};

fn plan(id: &str) -> Plan {
    Plan { id: id.into(), ..sample_plan(3, 0) }
}

fn edited(book: &PlanBook, id: &str, edit: Edit) -> Plan {
    apply(book.plan(id).expect("in the book"), &edit).expect("applies")
}

#[test]
fn changes_show_at_once_and_are_saved_at_the_flush() {
    let disk = Shared::default();
    let mut tab = PlanBook::load(&mut disk.store());
    assert!(!tab.has_saved());
    tab.put(plan("a"));
    assert!(tab.is_unsaved("a"));
    assert!(!tab.has_saved(), "a plan only shown is not yet one the browser should keep");
    assert!(disk.get(&plan_key("a")).unwrap().is_none());
    tab.flush(&mut disk.store());
    assert!(!tab.is_unsaved("a"));
    assert!(tab.has_saved());
    assert_eq!(tab.plan("a").map(|p| p.revision), Some(1));
    assert_eq!(&disk.stored("a"), tab.plan("a").unwrap());
}

#[test]
fn a_full_store_keeps_every_unsaved_plan_unsaved_until_each_is_written() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "small");
    disk.fill(Some(disk.get(&plan_key("small")).unwrap().unwrap().len() + 100));
    tab.put(plan("made-while-full"));
    tab.flush(&mut disk.store());
    assert_eq!(tab.saving_problem(), Some(&StoreError::Full));
    // Another plan saves fine (a small change fits): the notice must not go.
    let small = edited(&tab, "small", Edit::SetTitle("S".into()));
    tab.put(small);
    tab.flush(&mut disk.store());
    assert!(!tab.is_unsaved("small"));
    assert!(tab.is_unsaved("made-while-full"));
    assert_eq!(tab.saving_problem(), Some(&StoreError::Full), "still not saved, still said");
    assert_eq!(tab.not_saved().len(), 1);
    let title = &plan("made-while-full").title;
    assert_eq!(
        tab.reload_would_lose().as_deref(),
        Some(
            format!(
                "Not saved. {} The changes to \u{201c}{title}\u{201d} are only in this tab: reloading now loses them. \
                 Download a backup first, or reload anyway.",
                StoreError::Full
            )
            .as_str()
        ),
        "a reload is asked about, naming only the unsaved plan"
    );
    // Room again: the next flush writes it, and the notice goes.
    disk.fill(None);
    tab.flush(&mut disk.store());
    assert!(!tab.has_unsaved());
    assert_eq!(tab.saving_problem(), None);
    assert_eq!(tab.reload_would_lose(), None, "nothing to lose: a reload goes ahead");
    assert_eq!(disk.stored("made-while-full").title, plan("made-while-full").title);
}

#[test]
fn another_tab_s_write_never_reverts_unsaved_changes_here() {
    let disk = Shared::default();
    let mut first = tab_holding(&disk, "p");
    let mut second = PlanBook::load(&mut disk.store());
    let x = first.plan("p").unwrap().blocks[1].id;
    let y = first.plan("p").unwrap().blocks[3].id;

    // Storage fills; the first tab's change stays here, unsaved.
    disk.fill(Some(0));
    first.put(edited(&first, "p", Edit::MoveBlock { id: x, day: 2, start: clock(15, 0) }));
    first.flush(&mut disk.store());
    assert!(first.is_unsaved("p"));
    // The second tab saves a change to another block once there is room, and the first
    // tab hears of it before it could save.
    disk.fill(None);
    second.put(edited(&second, "p", Edit::MoveBlock { id: y, day: 3, start: clock(16, 0) }));
    second.flush(&mut disk.store());
    disk.fill(Some(0));
    first.reload(&mut disk.store());
    let shown = first.plan("p").unwrap();
    assert_eq!(shown.block(x).map(|b| (b.day, b.start)), Some((2, clock(15, 0))), "this tab's move is still shown");
    assert_eq!(shown.block(y).map(|b| (b.day, b.start)), Some((3, clock(16, 0))), "with the other tab's");
    assert!(first.is_unsaved("p"));
    // Once there is room, both moves are stored.
    disk.fill(None);
    first.flush(&mut disk.store());
    let stored = disk.stored("p");
    assert_eq!(stored.block(x).map(|b| b.day), Some(2));
    assert_eq!(stored.block(y).map(|b| b.day), Some(3));
    assert_eq!(stored.revision, 3);
}

#[test]
fn two_tabs_saving_the_same_revision_both_keep_their_change() {
    let disk = Shared::default();
    let mut first = tab_holding(&disk, "p");
    let mut second = PlanBook::load(&mut disk.store());
    // Both start from revision 1 and change different fields before either hears of the other.
    first.put(edited(&first, "p", Edit::SetTitle("Typed in the first tab".into())));
    second.put(edited(&second, "p", Edit::SetLocation("Typed in the second tab".into())));
    first.flush(&mut disk.store());
    second.flush(&mut disk.store());
    let stored = disk.stored("p");
    assert_eq!(
        (stored.title.as_str(), stored.location.as_str()),
        ("Typed in the first tab", "Typed in the second tab")
    );
    assert_eq!(stored.revision, 3, "two saves, two revisions");
    assert_eq!(second.plan("p"), Some(&stored), "the second tab shows what it saved");
    first.reload(&mut disk.store());
    assert_eq!(first.plan("p"), Some(&stored));
}

/// A tab keeps the text of its own last write to tell whether the record is still
/// that version; another tab's write since then is merged, never written over.
#[test]
fn a_tab_saving_again_after_another_tab_wrote_over_its_save_merges() {
    let disk = Shared::default();
    let mut first = tab_holding(&disk, "p");
    first.put(edited(&first, "p", Edit::SetTitle("First save".into())));
    first.flush(&mut disk.store());
    let mut second = PlanBook::load(&mut disk.store());
    second.put(edited(&second, "p", Edit::SetLocation("Written by the second tab".into())));
    second.flush(&mut disk.store());
    // The first tab has not heard of it yet.
    first.put(edited(&first, "p", Edit::SetTitle("Second save".into())));
    first.flush(&mut disk.store());
    let stored = disk.stored("p");
    assert_eq!((stored.title.as_str(), stored.location.as_str()), ("Second save", "Written by the second tab"));
    assert_eq!(first.plan("p"), Some(&stored));
    // And its next save, from the version it just wrote, goes straight on.
    first.put(edited(&first, "p", Edit::SetTitle("Third save".into())));
    first.flush(&mut disk.store());
    assert_eq!(disk.stored("p").revision, stored.revision + 1);
    assert_eq!(disk.stored("p").location, "Written by the second tab");
}

#[test]
fn the_same_field_typed_in_two_tabs_keeps_both_until_the_person_picks() {
    let disk = Shared::default();
    let mut first = tab_holding(&disk, "p");
    let mut second = PlanBook::load(&mut disk.store());
    first.put(edited(&first, "p", Edit::SetTitle("First".into())));
    second.put(edited(&second, "p", Edit::SetTitle("Second".into())));
    first.flush(&mut disk.store());
    second.flush(&mut disk.store());
    assert_eq!(disk.stored("p").title, "First", "what was saved first stays saved");
    let clash = second.clashes("p")[0].clone();
    assert_eq!(clash.other, "\u{201c}Second\u{201d}", "this tab's title is kept, to choose");

    // A reload (the tab closed and opened again, or another tab) still lists it.
    let mut reopened = PlanBook::load(&mut disk.store());
    assert_eq!(reopened.clashes("p"), std::slice::from_ref(&clash), "the clash is kept beside the plan");
    assert_eq!(reopened.settle_clash("p", &clash, true), Ok(true));
    assert!(reopened.clashes("p").is_empty());
    assert_eq!(reopened.settle_clash("p", &clash, true), Ok(false), "settled once only");
    assert!(reopened.is_unsaved("p"), "the value chosen is a change to save");
    reopened.flush(&mut disk.store());
    assert_eq!(disk.stored("p").title, "Second");
    assert!(PlanBook::load(&mut disk.store()).clashes("p").is_empty(), "settled for good");
    second.reload(&mut disk.store());
    assert!(second.clashes("p").is_empty(), "the other tab hears it is settled");
}

/// `count` more follow-ups on plan `id` of `tab`, titled "`title` 0", "`title` 1", ….
fn add_follow_ups(tab: &mut PlanBook, id: &str, count: usize, title: &str) {
    for i in 0..count {
        let date = next_follow_up_date(tab.plan(id).expect("in the book"));
        let who = Participants::BothWithTherapist;
        tab.put(edited(tab, id, Edit::AddFollowUp { date, start: clock(9, 0), minutes: 60, who }));
        let session = tab.plan(id).and_then(|p| p.follow_ups.last()).expect("just added").id;
        let change = FollowUpChange::Text(FollowUpText::Title, format!("{title} {i}"));
        tab.put(edited(tab, id, Edit::ChangeFollowUp { id: session, change }));
    }
}

#[test]
fn follow_ups_two_tabs_add_past_the_limit_wait_in_a_clash_until_there_is_room() {
    let disk = Shared::default();
    let mut first = tab_holding(&disk, "p");
    let now = first.plan("p").map_or(0, |p| p.follow_ups.len());
    add_follow_ups(&mut first, "p", MAX_FOLLOW_UPS - 2 - now, "Shared");
    first.flush(&mut disk.store());
    let mut second = PlanBook::load(&mut disk.store());
    add_follow_ups(&mut first, "p", 2, "First tab's");
    add_follow_ups(&mut second, "p", 2, "Second tab's");
    first.flush(&mut disk.store());
    second.flush(&mut disk.store());
    assert_eq!(disk.stored("p").follow_ups.len(), MAX_FOLLOW_UPS);
    let clashes = second.clashes("p").to_vec();
    assert_eq!(clashes.len(), 2, "each left-out session is listed: {clashes:#?}");
    let clash = &clashes[0];

    // Taking it back while the plan is full is refused, and the clash stays to take later.
    assert_eq!(second.settle_clash("p", clash, true), Err(EditError::TooManyFollowUps));
    assert_eq!(second.clashes("p"), &clashes[..]);
    let oldest = second.plan("p").expect("in the book").follow_ups[0].id;
    second.put(edited(&second, "p", Edit::DeleteFollowUp { id: oldest }));
    assert_eq!(second.settle_clash("p", clash, true), Ok(true));
    second.flush(&mut disk.store());
    let titles: Vec<String> = disk.stored("p").follow_ups.iter().map(|s| s.title.clone()).collect();
    assert!(titles.contains(&"Second tab's 0".to_string()), "{titles:?}");
    assert_eq!(PlanBook::load(&mut disk.store()).clashes("p"), &clashes[1..], "the other waits, across a reload");
}

#[test]
fn a_clash_record_of_another_version_counts_as_none_and_deleting_removes_it() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "p");
    let key = clashes_key("p");
    disk.0.borrow_mut().entries.insert(key.clone(), r#"{"format":"intensive-planner/clashes","version":9}"#.into());
    tab.reload(&mut disk.store());
    assert!(tab.clashes("p").is_empty());
    assert_eq!(tab.plan("p").map(|p| p.id.as_str()), Some("p"), "the plan itself is untouched");
    tab.remove("p", &mut disk.store());
    assert!(disk.get(&key).unwrap().is_none());
}

#[test]
fn an_unreadable_record_is_never_written_over_without_the_person_s_say() {
    let disk = Shared::default();
    disk.0.borrow_mut().entries.insert(plan_key("p"), "{ damaged".into());
    let mut tab = PlanBook::load(&mut disk.store());
    assert!(tab.unreadable_under("p"));
    tab.put(plan("p"));
    tab.flush(&mut disk.store());
    assert_eq!(tab.failure("p"), Some(&StoreError::UnreadableInTheWay));
    assert_eq!(disk.get(&plan_key("p")).unwrap().as_deref(), Some("{ damaged"));
    let arriving = tab.withdraw("p").expect("taken back");
    tab.put_replacing(arriving);
    tab.flush(&mut disk.store());
    assert!(!tab.is_unsaved("p"));
    assert_eq!(disk.stored("p").title, plan("p").title);
    assert_eq!(disk.get(&tab.unreadable[0].aside).unwrap().as_deref(), Some("{ damaged"), "its copy stays aside");
}

#[test]
fn deleting_removes_from_the_store_and_the_book() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "p");
    let removed = tab.remove("p", &mut disk.store()).expect("was there");
    assert!(tab.is_empty());
    assert!(disk.get(&plan_key("p")).unwrap().is_none());
    // Undo puts it back, one revision on.
    tab.put(removed);
    tab.flush(&mut disk.store());
    assert_eq!(disk.stored("p").revision, 2);
}

#[test]
fn storage_emptied_under_the_tab_keeps_every_plan_and_writes_back_only_when_asked() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "a");
    tab.put(plan("b"));
    tab.flush(&mut disk.store());
    let kept_b = edited(&tab, "b", Edit::SetTitle("Changed before the clearing".into()));
    tab.put(kept_b);
    let style = Settings { date_style: Some(DateStyle::DayFirst24Hour), ..Settings::default() };
    tab.change_settings(&Settings::default(), style.clone(), &mut disk.store()).expect("saved");
    // The site's data cleared (or `localStorage.clear()` in another tab).
    disk.0.borrow_mut().entries.clear();
    tab.reload(&mut disk.store());
    let notice = tab.cleared_notice().expect("the emptying is said");
    assert!(notice.contains("This tab still holds 2 plans"), "{notice}");
    assert!(notice.contains("Changed before the clearing"), "{notice}");
    assert_eq!(tab.plans().count(), 2, "nothing is taken out of this tab");
    assert_eq!(tab.not_saved().len(), 2, "a backup and the notices count both as unsaved");
    // Until the person says so nothing is written back, not even a new change.
    let later = edited(&tab, "a", Edit::SetTitle("Typed after".into()));
    tab.put(later);
    tab.flush(&mut disk.store());
    assert!(disk.0.borrow().entries.is_empty(), "the emptied store stays empty");
    assert!(tab.reload_would_lose().is_some(), "a reload would lose them, and asks");
    // "Save them back": every plan, with every change, and the notice goes.
    tab.save_back(&mut disk.store());
    assert_eq!(tab.cleared_notice(), None);
    assert!(!tab.has_unsaved());
    assert_eq!(disk.stored("a").title, "Typed after");
    assert_eq!(disk.stored("b").title, "Changed before the clearing");
    let another = PlanBook::load(&mut disk.store());
    assert_eq!(another.plans().count(), 2);
    assert_eq!(another.settings(), &style, "the settings it held are written back too");
}

#[test]
fn another_tab_deleting_every_plan_is_a_delete_not_an_emptied_store() {
    let disk = Shared::default();
    let mut tab = tab_holding(&disk, "only");
    let mut other = PlanBook::load(&mut disk.store());
    other.remove("only", &mut disk.store());
    tab.reload(&mut disk.store());
    assert_eq!(tab.cleared_notice(), None);
    assert!(tab.is_empty(), "the other tab's delete shows here");
    // The emptying is noticed at a save too, with no reload first.
    let mut saving = tab_holding(&disk, "s");
    let changed = edited(&saving, "s", Edit::SetTitle("Unsaved".into()));
    saving.put(changed);
    disk.0.borrow_mut().entries.clear();
    saving.flush(&mut disk.store());
    assert!(saving.cleared_notice().is_some());
    assert!(disk.0.borrow().entries.is_empty());
}

#[test]
fn edits_undo_and_redo_go_through_the_book_and_survive_another_tab_s_save() {
    let disk = Shared::default();
    let mut here = tab_holding(&disk, "p1");
    let mut there = PlanBook::load(&mut disk.store());
    let first = here.plan("p1").unwrap().clone();
    let moved = first.blocks[1].id;
    let move_it = Edit::MoveBlock { id: moved, day: 2, start: clock(11, 0) };
    assert_eq!(here.apply("p1", &move_it), Ok(true));
    assert!(here.is_unsaved("p1") && here.can_undo("p1") && !here.can_redo("p1"));
    assert_eq!(here.apply("p1", &move_it), Ok(false), "the same edit again changes nothing");
    assert_eq!(here.apply("gone", &move_it), Ok(false), "a plan not here is not changed");
    here.flush(&mut disk.store());

    // The other tab changes the location and saves; this tab hears of it.
    there.reload(&mut disk.store());
    assert_eq!(there.apply("p1", &Edit::SetLocation("Garden Studio".into())), Ok(true));
    there.flush(&mut disk.store());
    here.reload(&mut disk.store());
    assert_eq!(here.plan("p1").unwrap().location, "Garden Studio");
    assert!(here.can_undo("p1"), "another tab's save leaves this tab's undo in place");

    assert!(here.undo("p1"));
    here.flush(&mut disk.store());
    let stored = disk.stored("p1");
    assert_eq!(stored.block(moved).unwrap().day, first.blocks[1].day, "the move is taken back");
    assert_eq!(stored.location, "Garden Studio", "the other tab's change is kept");
    assert!(here.redo("p1"));
    here.flush(&mut disk.store());
    assert_eq!(disk.stored("p1").block(moved).unwrap().day, 2);
    assert!(!here.redo("p1"));
}
