//! Median time to check every rule on a 7-day, 300-block plan.
//! Run: `cargo bench --bench check_rules`. Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Instant;

use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::rules::check;
use intensive_planner::domain::sample::sample_plan;

fn median_micros(samples: usize, runs_per_sample: u32, mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..runs_per_sample {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(runs_per_sample)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let p95 = times[(times.len() * 95) / 100];
    (times[times.len() / 2], p95)
}

fn main() {
    for (days, blocks) in [(5u8, 60usize), (7, 300)] {
        let plan = sample_plan(days, blocks);
        let problems = check(&plan, DateStyle::DayFirst24Hour).len();
        let (median, p95) = median_micros(101, 20, || {
            black_box(check(black_box(&plan), DateStyle::DayFirst24Hour));
        });
        println!(
            "check all rules: {days}-day plan, {} blocks, {problems} problems: median {median:.1} µs, p95 {p95:.1} µs",
            plan.blocks.len()
        );
    }
}
