//! A tab closing saves at once, without the lock, from its own copy of storage, while
//! the tab that stays saves too. Each copy may lag behind the other's write, so every
//! order of read, catch-up and write is played here; in each, the staying tab hears the
//! closing tab's write (its storage event: the old value in the closing tab's copy, and
//! what it wrote) and neither tab's move is lost.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::disk::{tab_holding, Shared};
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::model::{clock, BlockId};
use intensive_planner::storage::book::PlanBook;
use intensive_planner::storage::format::decode;
use intensive_planner::storage::keys::plan_key;
use intensive_planner::storage::other_tab::OtherTabWrite;
use intensive_planner::storage::store::KeyValue;

/// Two tabs over one stored plan "p", before either moves a block.
struct Race {
    disk: Shared,
    staying: PlanBook,
    key: String,
    /// The record both started from.
    before: String,
    kept: BlockId,
    closing: BlockId,
}

fn race() -> Race {
    let disk = Shared::default();
    let staying = tab_holding(&disk, "p");
    let key = plan_key("p");
    let before = disk.get(&key).unwrap().expect("stored");
    let started = disk.stored("p");
    Race { disk, staying, key, before, kept: started.blocks[0].id, closing: started.blocks[1].id }
}

impl Race {
    fn staying_moves(&mut self) -> String {
        self.staying.apply("p", &Edit::MoveBlock { id: self.kept, day: 2, start: clock(9, 0) }).unwrap();
        self.staying.flush(&mut self.disk.store());
        self.disk.get(&self.key).unwrap().expect("the staying tab's save")
    }

    /// What the closing tab writes from a copy of storage that still holds `before`.
    fn closing_write(&self) -> String {
        let stale = Shared::default();
        stale.clone().set(&self.key, &self.before).unwrap();
        let mut closing = PlanBook::load(&mut stale.store());
        closing.apply("p", &Edit::MoveBlock { id: self.closing, day: 3, start: clock(10, 0) }).unwrap();
        closing.flush(&mut stale.store());
        stale.get(&self.key).unwrap().expect("written")
    }

    fn hears(&mut self, replaced: String, wrote: String) {
        let write = OtherTabWrite { key: self.key.clone(), replaced: Some(replaced), wrote: Some(wrote) };
        self.staying.reload_after(&mut self.disk.store(), Some(&write));
        self.staying.flush(&mut self.disk.store());
    }

    fn assert_both_moves_stored(&self) {
        let stored = self.disk.stored("p");
        let place = |id| stored.block(id).map(|b| (b.day, b.start));
        assert_eq!(place(self.kept), Some((2, clock(9, 0))), "the staying tab's move kept");
        assert_eq!(place(self.closing), Some((3, clock(10, 0))), "the closing tab's move kept");
        assert!(self.staying.clashes("p").is_empty(), "different blocks merge without asking");
        assert!(self.staying.plan("p").is_some_and(|shown| shown.same_content(&stored)));
    }
}

/// The staying tab saved first; the closing tab's copy had not caught up, so its write
/// started from (and replaced) the version both started from.
#[test]
fn a_write_from_a_copy_that_had_not_caught_up_is_merged_against_what_it_started_from() {
    let mut race = race();
    let saved = race.staying_moves();
    assert_ne!(saved, race.before, "the staying tab's move is stored");
    let wrote = race.closing_write();
    race.disk.clone().set(&race.key, &wrote).unwrap();
    let before = race.before.clone();
    race.hears(before, wrote);
    race.assert_both_moves_stored();
}

/// The other way round: the staying tab's copy had not caught up with the closing tab's
/// write when it saved, so it wrote over it. The storage event then tells of a write no
/// stored version holds, and the staying tab merges it in again.
#[test]
fn a_write_overwritten_by_a_copy_that_had_not_caught_up_is_merged_in_again() {
    let mut race = race();
    let wrote = race.closing_write();
    race.staying_moves();
    let before = race.before.clone();
    race.hears(before, wrote.clone());
    race.assert_both_moves_stored();
    // Heard again (or after a later save that knew it), the write changes nothing.
    let again = OtherTabWrite { key: race.key.clone(), replaced: None, wrote: Some(wrote) };
    race.staying.reload_after(&mut race.disk.store(), Some(&again));
    assert!(!race.staying.is_unsaved("p"));
}

/// The closing tab read the old version, its copy then caught up with the staying tab's
/// save, and it wrote over that save: the event's old value is a save the write never
/// saw, so the merge starts from the version before it.
#[test]
fn a_write_over_a_save_it_never_saw_is_merged_from_the_version_before() {
    let mut race = race();
    let saved = race.staying_moves();
    let wrote = race.closing_write();
    assert_eq!(decode(&wrote).unwrap().revision, race.disk.stored("p").revision, "one revision, one base");
    race.disk.clone().set(&race.key, &wrote).unwrap();
    race.hears(saved, wrote);
    race.assert_both_moves_stored();
}
