//! Where blocks sit on the time grid: the hours shown, lengths in pixels, and
//! side-by-side lanes for parallel tracks. Presentation only; no scheduling rule
//! lives here.

use crate::domain::model::{Block, BlockId, Plan};
use crate::domain::time::minute_of_day;

/// Pixels per minute of the time grid (105 px an hour): a 15-minute block, less its
/// 2-pixel gap, is still a 24-pixel target (WCAG 2.2, 2.5.8).
pub const PX_PER_MINUTE: f64 = 1.75;

/// A CSS length for `minutes` of the grid, less `minus_px` pixels: "26.25px".
pub fn px(minutes: i64, minus_px: i64) -> String {
    format!("{}px", minutes as f64 * PX_PER_MINUTE - minus_px as f64)
}

/// First and last minute shown: whole hours around every window and block.
pub fn grid_range(plan: &Plan) -> (i64, i64) {
    let days = plan.shown_days();
    let mut start = i64::MAX;
    let mut end = i64::MIN;
    for day in 1..=days {
        let window = plan.window(day);
        start = start.min(minute_of_day(window.start));
        end = end.max(minute_of_day(window.end));
    }
    for block in &plan.blocks {
        let (s, e) = block.span();
        start = start.min(s);
        end = end.max(e);
    }
    if start > end {
        return (9 * 60, 17 * 60);
    }
    ((start / 60) * 60, (end + 59) / 60 * 60)
}

/// Lane of a block among those it overlaps in time, and how many lanes that group has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lane {
    pub id: BlockId,
    pub lane: usize,
    pub lanes: usize,
}

/// Lanes of one day's blocks: overlapping blocks sit side by side.
pub fn lanes(blocks: &[&Block]) -> Vec<Lane> {
    let mut sorted: Vec<&Block> = blocks.to_vec();
    // All on one day, so day-first order is start-then-id order.
    Block::sort_in_time(&mut sorted);
    let mut result = Vec::with_capacity(sorted.len());
    // The blocks of the current group of overlapping blocks, and where each lane of
    // the group is free again.
    let mut group: Vec<(BlockId, usize)> = Vec::new();
    let mut lane_ends: Vec<i64> = Vec::new();
    let mut group_end = i64::MIN;
    let flush = |group: &mut Vec<(BlockId, usize)>, lane_ends: &mut Vec<i64>, result: &mut Vec<Lane>| {
        let lanes = lane_ends.len().max(1);
        result.extend(group.drain(..).map(|(id, lane)| Lane { id, lane, lanes }));
        lane_ends.clear();
    };
    for block in sorted {
        let (start, end) = block.span();
        if start >= group_end {
            flush(&mut group, &mut lane_ends, &mut result);
            group_end = end;
        }
        let lane = match lane_ends.iter().position(|free_at| *free_at <= start) {
            Some(lane) => lane,
            None => {
                lane_ends.push(end);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = end;
        group.push((block.id, lane));
        group_end = group_end.max(end);
    }
    flush(&mut group, &mut lane_ends, &mut result);
    result
}

/// The lanes of every block on the days shown, sorted by block id for `lane_of`.
pub fn lanes_by_block(plan: &Plan) -> Vec<Lane> {
    let mut all: Vec<Lane> = (1..=plan.shown_days()).flat_map(|day| lanes(&plan.blocks_on(day))).collect();
    all.sort_by_key(|lane| lane.id);
    all
}

/// A block's lane from `lanes_by_block`; a block not in it has a lane of its own.
pub fn lane_of(lanes: &[Lane], id: BlockId) -> Lane {
    lanes.binary_search_by_key(&id.0, |lane| lane.id.0).map_or(Lane { id, lane: 0, lanes: 1 }, |i| lanes[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_plan;

    #[test]
    fn grid_lengths_are_exact_quarter_pixels() {
        assert_eq!(px(60, 0), "105px");
        assert_eq!(px(15, 0), "26.25px");
        assert_eq!(px(15, 2), "24.25px");
        assert_eq!(px(30, 2), "50.5px");
        assert_eq!(px(1, 2), "-0.25px");
        assert_eq!(px(-15, 0), "-26.25px");
        for minutes in -200..200 {
            let expected = minutes as f64 * PX_PER_MINUTE - 2.0;
            assert_eq!(px(minutes, 2), format!("{expected}px"));
        }
    }

    #[test]
    fn parallel_tracks_get_two_lanes_and_the_rest_one() {
        // Four days leave room for individual sessions (a shorter sample gives them up).
        let plan = sample_plan(4, 0);
        let individual_kind = crate::domain::model::BlockKind::IndividualSession;
        let day = plan.blocks.iter().find(|b| b.kind == individual_kind).expect("an individual session").day;
        let day_one = plan.blocks_on(day);
        let result = lanes(&day_one);
        assert_eq!(result.len(), day_one.len());
        let individual = day_one.iter().find(|b| b.kind == individual_kind).unwrap();
        let lane = result.iter().find(|l| l.id == individual.id).unwrap();
        assert_eq!(lane.lanes, 2);
        let first = result.iter().find(|l| l.id == day_one[0].id).unwrap();
        assert_eq!((first.lane, first.lanes), (0, 1));
        assert_eq!(grid_range(&plan), (9 * 60, 17 * 60));
        let all = lanes_by_block(&plan);
        assert_eq!(lane_of(&all, individual.id), *lane);
        assert_eq!(lane_of(&all, BlockId(u32::MAX)), Lane { id: BlockId(u32::MAX), lane: 0, lanes: 1 });
    }

    #[test]
    fn a_thousand_blocks_at_once_each_get_a_lane_and_a_later_block_reuses_a_free_one() {
        let mut plan = sample_plan(3, 0);
        plan.blocks.retain(|b| b.day != 1);
        let block = |id: u32, start: i64, minutes: u16| crate::domain::model::Block {
            id: BlockId(id),
            day: 1,
            start: crate::domain::time::time_at(start),
            minutes,
            ..plan.blocks[0].clone()
        };
        let mut day: Vec<crate::domain::model::Block> = (0..1000).map(|i| block(i + 1, 600, 60)).collect();
        day.push(block(2000, 540, 75)); // 9:00-10:15, overlapping them all
        day.push(block(2001, 630, 30)); // 10:30, after the first block ended: its lane is free
        let refs: Vec<&crate::domain::model::Block> = day.iter().collect();
        let result = lanes(&refs);
        assert_eq!(result.len(), 1002);
        assert!(result.iter().all(|l| l.lanes == 1001), "one group of 1001 lanes");
        let mut used: Vec<usize> = result.iter().filter(|l| l.id.0 < 2001).map(|l| l.lane).collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), 1001, "no two overlapping blocks share a lane");
        let later = result.iter().find(|l| l.id.0 == 2001).expect("placed");
        let first = result.iter().find(|l| l.id.0 == 2000).expect("placed");
        assert_eq!(later.lane, first.lane, "the lane of the block that ended is used again");
    }
}
