//! What the grid draws, in two `reactive_stores` stores patched from each new plan: the
//! frame (days shown, hours, names) and the blocks, keyed by id. A patch notifies only
//! what changed, so a move reaches the block that moved (and any block whose lane or
//! marker changed with it), not every block on the grid.

use crate::domain::words::day_title;
use reactive_stores::{Patch, Store};

use super::grid_geometry::{grid_range, lane_of, lanes_by_block, Lane};
use crate::domain::dates::DateStyle;
use crate::domain::model::{Block, BlockId, DayWindow, Partners, Plan};
use crate::domain::rules::{worst_of, worst_per_block, Problem, Severity};

/// What every block is placed and described by; it changes far less often than a plan.
#[derive(Clone, Debug, PartialEq, Store, Patch)]
pub struct GridFrame {
    /// The days shown, left to right.
    pub columns: Vec<u8>,
    /// The grid's first and last minute of the day.
    pub first_minute: i64,
    pub last_minute: i64,
    #[patch(|this, new| *this = new)]
    pub partners: Partners,
    pub therapist: String,
    /// How the blocks' times are written. Read from here, not from the app's style
    /// memo: that follows the whole book, so every edit would have every block check it.
    #[patch(|this, new| *this = new)]
    pub style: DateStyle,
    /// Every day with a column, the follow-up day included when it has blocks.
    pub days: Vec<DayOnGrid>,
}

/// A day's tab, heading and hours.
#[derive(Clone, Debug, PartialEq, Store, Patch)]
pub struct DayOnGrid {
    /// "Day 2", or "Follow-up" for the day after the intensive.
    pub tab: String,
    pub title: String,
    /// Its date and hours: "Tue 2 Dec · 09:00–17:00".
    pub when: String,
    #[patch(|this, new| *this = new)]
    pub window: DayWindow,
}

impl GridFrame {
    /// `narrow`: one day at a time, `visible_day`.
    pub fn of(plan: &Plan, style: DateStyle, narrow: bool, visible_day: u8) -> Self {
        let (first_minute, last_minute) = grid_range(plan);
        GridFrame {
            columns: if narrow { vec![visible_day] } else { (1..=plan.shown_days()).collect() },
            first_minute,
            last_minute,
            partners: plan.partners.clone(),
            therapist: plan.therapist.name.clone(),
            style,
            days: (1..=plan.shown_days()).map(|day| DayOnGrid::of(plan, style, day)).collect(),
        }
    }
}

impl DayOnGrid {
    fn of(plan: &Plan, style: DateStyle, day: u8) -> Self {
        let window = plan.window(day);
        let date = style.short(plan.date_of(day));
        DayOnGrid {
            tab: if day > plan.day_count() { "Follow-up".to_string() } else { format!("Day {day}") },
            title: day_title(plan, day),
            when: format!("{date} \u{b7} {}", style.time_range(window.start, window.end)),
            window,
        }
    }
}

/// One block and what the whole plan decides about it: its lane among the blocks it
/// overlaps, and its worst problem.
#[derive(Clone, Debug, PartialEq, Store, Patch)]
pub struct BlockOnGrid {
    // Patched whole: the grid draws a block from all of it, so a finer path would only
    // add bookkeeping.
    #[patch(|this, new| *this = new)]
    pub block: Block,
    #[patch(|this, new| *this = new)]
    pub lane: Lane,
    #[patch(|this, new| *this = new)]
    pub marker: Option<Severity>,
}

/// Every block of the plan, in the plan's order. Patched through its keyed field
/// (`store.blocks().patch(…)`): reactive_stores 0.4's derived `Patch` for a struct
/// holding a keyed field looks the keys up under the wrong path and panics
/// (leptos-rs/leptos#4486; fixed in reactive_stores 0.5).
#[derive(Clone, Debug, Default, PartialEq, Store)]
pub struct GridBlocks {
    #[store(key: BlockId = |entry| entry.block.id)]
    pub blocks: Vec<BlockOnGrid>,
}

impl GridBlocks {
    pub fn of(plan: &Plan, problems: &[Problem]) -> Self {
        let lanes = lanes_by_block(plan);
        let worst = worst_per_block(problems);
        let blocks = plan
            .blocks
            .iter()
            .map(|block| BlockOnGrid {
                block: block.clone(),
                lane: lane_of(&lanes, block.id),
                marker: worst_of(&worst, block.id),
            })
            .collect();
        GridBlocks { blocks }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use leptos::prelude::*;
    use reactive_stores::{Patch, Store};

    use super::*;
    use crate::domain::edit::{apply, Edit};
    use crate::domain::rules::check;
    use crate::domain::sample::sample_plan;

    fn grid_of(plan: &Plan) -> GridBlocks {
        GridBlocks::of(plan, &check(plan, DateStyle::DayFirst24Hour))
    }

    /// One memo per block, as each block on the grid has, counting how often it runs.
    fn watch(store: Store<GridBlocks>) -> Vec<(BlockId, Memo<Option<Block>>, Arc<AtomicUsize>)> {
        store
            .blocks()
            .into_iter()
            .map(|entry| {
                let id = entry.with_untracked(|e| e.block.id);
                let runs = Arc::new(AtomicUsize::new(0));
                let counted = Arc::clone(&runs);
                let memo = Memo::new(move |_| {
                    counted.fetch_add(1, Ordering::SeqCst);
                    let _ = (entry.lane().try_get(), entry.marker().try_get());
                    entry.block().try_get()
                });
                (id, memo, runs)
            })
            .collect()
    }

    #[test]
    fn a_move_reaches_only_the_blocks_whose_entry_changed() {
        let owner = Owner::new();
        owner.set();
        let before = sample_plan(3, 60);
        let moved = before.blocks[before.blocks.len() - 1].id;
        let after = apply(&before, &Edit::NudgeBlock { id: moved, minutes: 15, days: 0 }).expect("moves");
        let store = Store::new(grid_of(&before));
        let watched = watch(store);
        // Memos run when read: read each once, as the grid draws each block.
        watched.iter().for_each(|(_, memo, _)| drop(memo.get_untracked()));
        let (old, new) = (grid_of(&before), grid_of(&after));
        let changed: Vec<BlockId> =
            old.blocks.iter().zip(&new.blocks).filter(|(o, n)| o != n).map(|(o, _)| o.block.id).collect();
        assert!(changed.contains(&moved));
        assert!(changed.len() < before.blocks.len() / 4, "{changed:?}");

        store.blocks().patch(new.blocks);
        let reran: Vec<BlockId> = watched
            .iter()
            .filter(|(_, memo, runs)| {
                drop(memo.get_untracked());
                runs.load(Ordering::SeqCst) > 1
            })
            .map(|(id, _, _)| *id)
            .collect();
        assert_eq!(reran, changed);
        let (_, memo, _) = watched.iter().find(|(id, _, _)| *id == moved).expect("watched");
        assert_eq!(memo.get_untracked().as_ref(), after.block(moved));
    }

    #[test]
    fn a_deleted_block_leaves_the_store_and_the_others_keep_their_entries() {
        let owner = Owner::new();
        owner.set();
        let before = sample_plan(2, 20);
        let gone = before.blocks[3].id;
        let after = apply(&before, &Edit::DeleteBlock { id: gone }).expect("deletes");
        let store = Store::new(grid_of(&before));
        store.blocks().patch(grid_of(&after).blocks);
        let ids: Vec<BlockId> = store.blocks().into_iter().map(|e| e.with_untracked(|e| e.block.id)).collect();
        assert_eq!(ids, after.blocks.iter().map(|b| b.id).collect::<Vec<_>>());
        assert_eq!(store.get_untracked(), grid_of(&after));
    }

    #[test]
    fn the_frame_notifies_its_readers_only_when_it_changes() {
        let owner = Owner::new();
        owner.set();
        let plan = sample_plan(3, 30);
        let frame = Store::new(GridFrame::of(&plan, DateStyle::default(), false, 1));
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&runs);
        let place = Memo::new(move |_| {
            counted.fetch_add(1, Ordering::SeqCst);
            let style = frame.style().get();
            (frame.columns().get(), frame.first_minute().get(), frame.partners().get(), frame.days().get(), style)
        });
        let read = || drop(place.get_untracked());
        read();
        // A 15-minute move inside the day's hours leaves the frame as it was.
        let id = plan.blocks[plan.blocks.len() - 1].id;
        let moved = apply(&plan, &Edit::NudgeBlock { id, minutes: 15, days: 0 }).expect("moves");
        frame.patch(GridFrame::of(&moved, DateStyle::default(), false, 1));
        read();
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        // One day at a time on a narrow screen, and a new name: both reach the reader.
        frame.patch(GridFrame::of(&moved, DateStyle::default(), true, 2));
        read();
        assert_eq!(runs.load(Ordering::SeqCst), 2);
        assert_eq!(place.get_untracked().0, vec![2]);
        let renamed =
            apply(&moved, &Edit::SetPartnerName(crate::domain::model::Partner::A, "Robin".into())).expect("renames");
        frame.patch(GridFrame::of(&renamed, DateStyle::default(), true, 2));
        read();
        assert_eq!(runs.load(Ordering::SeqCst), 3);
        // Another date style reaches it too; the same style again does not.
        let other = DateStyle::MonthFirst12Hour;
        frame.patch(GridFrame::of(&renamed, other, true, 2));
        frame.patch(GridFrame::of(&renamed, other, true, 2));
        read();
        assert_eq!(runs.load(Ordering::SeqCst), 4);
        assert_eq!(place.get_untracked().4, other);
    }
}
