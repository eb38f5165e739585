//! The time grid: days side by side (one at a time on a narrow screen), blocks
//! placed by time, parallel tracks in lanes. Blocks move by mouse drag or by
//! keyboard (arrows: 15 min or a day; Shift+arrows: length), snapping to 15 min.

use leptos::html::Div;
use leptos::prelude::*;

use super::grid_block::{Drag, GridBlock};
use super::grid_geometry::{grid_range, lanes_by_block, px, Lane};
use super::EditorCtx;
use crate::domain::dates;
use crate::domain::model::{BlockId, DayWindow, Partners};
use crate::domain::rules::{day_title, worst_per_block, Severity};
use crate::domain::time::{hhmm, minute_of_day};

/// What every block on the grid reads: where the days and hours are, the lanes, the
/// problems, and a drag in progress.
#[derive(Clone, Copy)]
pub struct GridCtx {
    /// The days shown, left to right.
    pub columns: Memo<Vec<u8>>,
    /// The grid's first and last minute.
    pub range: Memo<(i64, i64)>,
    /// Every block's lane, sorted by block id.
    pub lanes: Memo<Vec<Lane>>,
    /// Every block's worst problem, sorted by block id.
    pub severities: Memo<Vec<(BlockId, Severity)>>,
    /// The names and the day count: every block's spoken words depend on them.
    pub labels: Memo<(Partners, String, u8)>,
    pub drag: RwSignal<Option<Drag>>,
    /// The layer the blocks are drawn on, as wide as all the columns shown.
    pub layer: NodeRef<Div>,
}

#[component]
pub fn TimeGrid() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let plan = ctx.plan;
    let narrow = RwSignal::new(is_narrow());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| narrow.set(is_narrow()));
    on_cleanup(move || on_resize.remove());

    let shown_days = Memo::new(move |_| plan.with(|p| p.shown_days()));
    let columns =
        Memo::new(move |_| if narrow.get() { vec![ctx.visible_day.get()] } else { (1..=shown_days.get()).collect() });
    let range = Memo::new(move |_| plan.with(grid_range));
    let grid = GridCtx {
        columns,
        range,
        lanes: Memo::new(move |_| plan.with(lanes_by_block)),
        severities: Memo::new(move |_| ctx.problems.with(|list| worst_per_block(list))),
        labels: Memo::new(move |_| plan.with(|p| (p.partners.clone(), p.therapist.name.clone(), p.day_count()))),
        drag: RwSignal::new(None),
        layer: NodeRef::new(),
    };
    provide_context(grid);

    let block_ids = Memo::new(move |_| plan.with(|p| p.blocks.iter().map(|b| b.id).collect::<Vec<_>>()));
    let hours = Memo::new(move |_| {
        let (start, end) = range.get();
        (start / 60..end / 60).collect::<Vec<_>>()
    });
    let height = move || {
        let (start, end) = range.get();
        px(end - start, 0)
    };

    view! {
        <div class="grid-wrap">
            <div class="day-tabs" role="group" aria-label="Day shown">
                <For each=move || 1..=shown_days.get() key=|day| *day let:day>
                    <DayTab day/>
                </For>
            </div>
            <p class="grid-help" id="grid-help">
                "Choose a block to edit it. Drag to move, drag its lower edge to resize. With the keyboard: arrow keys move by 15 minutes or a day, Shift with up or down changes the length, Delete removes it."
            </p>
            <div class="grid-head" style:grid-template-columns=move || format!("repeat({}, 1fr)", columns.with(Vec::len))>
                <For each=move || columns.get() key=|day| *day let:day>
                    <DayHeading day/>
                </For>
            </div>
            <div class="grid-body">
                <div class="hours" aria-hidden="true" style:height=height>
                    <For each=move || hours.get() key=|hour| *hour let:hour>
                        <div class="hour" style:top=move || px(hour * 60 - range.get().0, 0)>{format!("{hour:02}:00")}</div>
                    </For>
                </div>
                <div class="block-layer" node_ref=grid.layer style:height=height
                    style:--columns=move || columns.with(Vec::len).to_string()>
                    <For each=move || columns.get().into_iter().enumerate() key=|column| *column let:column>
                        <DayWindowShade index=column.0 day=column.1/>
                    </For>
                    <div class="blocks">
                        <For each=move || block_ids.get() key=|id| *id let:id>
                            <GridBlock id/>
                        </For>
                    </div>
                </div>
            </div>
        </div>
    }
}

fn is_narrow() -> bool {
    window().match_media("(max-width: 700px)").ok().flatten().map(|m| m.matches()).unwrap_or(false)
}

/// A day's button on a narrow screen. Kept while the tabs change, so pressing one keeps
/// keyboard focus on it.
#[component]
fn DayTab(day: u8) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let label = Memo::new(move |_| {
        ctx.plan.with(|p| if day > p.day_count() { "Follow-up".to_string() } else { format!("Day {day}") })
    });
    view! {
        <button type="button" aria-pressed=move || (ctx.visible_day.get() == day).to_string()
            on:click=move |_| ctx.show_day(day)>
            {label}
        </button>
    }
}

/// A day's heading: its title, then its date and hours. Problems about a whole day move
/// focus here, so it takes focus without being a tab stop.
#[component]
fn DayHeading(day: u8) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let words = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let w = p.window(day);
            let when = format!("{} \u{b7} {}\u{2013}{}", dates::short(p.date_of(day)), hhmm(w.start), hhmm(w.end));
            (day_title(p, day), when)
        })
    });
    view! {
        <h2 class="day-heading" id=format!("day-{day}") tabindex="-1">
            {move || words.with(|w| w.0.clone())}
            <span class="muted">{move || words.with(|w| w.1.clone())}</span>
        </h2>
    }
}

/// A day's hours, shaded behind its blocks.
#[component]
fn DayWindowShade(index: usize, day: u8) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let grid = expect_context::<GridCtx>();
    let window = Memo::new(move |_| ctx.plan.with(|p| p.window(day)));
    let n = move || grid.columns.with(Vec::len);
    let top = move || {
        let DayWindow { start, .. } = window.get();
        px(minute_of_day(start) - grid.range.get().0, 0)
    };
    view! {
        <div class="day-window" aria-hidden="true"
            style:left=move || format!("calc(100% / {} * {index})", n())
            style:width=move || format!("calc(100% / {})", n())
            style:top=top
            style:height=move || px(window.get().minutes(), 0)></div>
    }
}
