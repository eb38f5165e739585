//! The time grid: days side by side (one at a time on a narrow screen), blocks
//! placed by time, parallel tracks in lanes. Blocks move by mouse drag or by
//! keyboard (arrows: 15 min or a day; Shift+arrows: length), snapping to 15 min.

use leptos::prelude::*;
use leptos_use_media_query::use_media_query;

use reactive_stores::{AtIndex, Patch, Store, StoreFieldIterator, Subfield};

use super::grid_block::{Drag, DragInput, GridBlock, GridCtx};
use super::grid_geometry::px;
use super::grid_store::{
    DayOnGrid, DayOnGridStoreFields, GridBlocks, GridBlocksStoreFields, GridFrame, GridFrameStoreFields,
};
use super::EditorCtx;
use crate::domain::model::MAX_DAYS;
use crate::domain::time::minute_of_day;

#[component]
pub fn TimeGrid() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let plan = ctx.plan;
    let narrow = use_media_query("(max-width: 700px)");

    let drag = RwSignal::new(None::<Drag>);
    let frame_now = move || plan.with(|p| GridFrame::of(p, ctx.state.style.get(), narrow.get(), ctx.visible_day.get()));
    let grid = GridCtx {
        frame: Store::new(untrack(frame_now)),
        drag,
        selected: StoredValue::new(Selector::new(move || ctx.selected.get())),
        dragged: StoredValue::new(Selector::new(move || drag.with(|d| d.map(|d| d.id)))),
        layer: NodeRef::new(),
    };
    provide_context(grid);
    let dragging = DragInput { ctx, grid };
    let frame = grid.frame;
    // Patched, not set: a move that leaves the frame as it was notifies no block.
    Effect::new(move |_| frame.patch(frame_now()));
    let columns = move || frame.columns().get();
    let column_count = move || frame.columns().with(Vec::len);
    let range = move || (frame.first_minute().get(), frame.last_minute().get());
    let shown_days = move || u8::try_from(frame.days().with(Vec::len)).unwrap_or(MAX_DAYS);

    // The blocks, patched with every new plan: only the blocks whose entry changed
    // hear about it.
    let blocks_now = move || plan.with(|p| ctx.problems.with(|list| GridBlocks::of(p, list)));
    let blocks = Store::new(untrack(blocks_now));
    Effect::new(move |_| blocks.blocks().patch(blocks_now().blocks));
    let hours = Memo::new(move |_| {
        let (start, end) = range();
        (start / 60..end / 60).collect::<Vec<_>>()
    });
    let height = move || {
        let (start, end) = range();
        px(end - start, 0)
    };

    view! {
        <div class="grid-wrap">
            <div class="day-tabs" role="group" aria-label="Day shown">
                <For each=move || 1..=shown_days() key=|day| *day let:day>
                    <DayTab day/>
                </For>
            </div>
            <p class="grid-help" id="grid-help">
                "Choose a block to edit it. Drag to move, drag its lower edge to resize. With the keyboard: arrow keys move by 15 minutes or a day, Shift with up or down changes the length, Delete removes it."
            </p>
            <div class="grid-head" style:grid-template-columns=move || format!("repeat({}, 1fr)", column_count())>
                <For each=columns key=|day| *day let:day>
                    <DayHeading day/>
                </For>
            </div>
            <div class="grid-body">
                <div class="hours" aria-hidden="true" style:height=height>
                    <For each=move || hours.get() key=|hour| *hour let:hour>
                        <div class="hour" style:top=move || px(hour * 60 - frame.first_minute().get(), 0)>{move || frame.style().get().hour(hour)}</div>
                    </For>
                </div>
                <div class="block-layer" node_ref=grid.layer style:height=height
                    style:--columns=move || column_count().to_string()>
                    <For each=move || columns().into_iter().enumerate() key=|column| *column let:column>
                        <DayWindowShade index=column.0 day=column.1/>
                    </For>
                    <div class="blocks"
                        on:pointermove=move |ev| dragging.pointer_move(ev)
                        on:pointerup=move |ev| dragging.pointer_up(ev)
                        on:pointercancel=move |ev| dragging.pointer_cancel(ev)>
                        <For each=move || blocks.blocks() key=|entry| entry.read_untracked().block.id let:entry>
                            <GridBlock entry=entry.into()/>
                        </For>
                    </div>
                </div>
            </div>
        </div>
    }
}

/// A day's place in the frame, read field by field; `None` for a moment when the day
/// has just left the grid (the follow-up day, once its last block moves away).
fn day_on_grid(day: u8) -> AtIndex<Subfield<Store<GridFrame>, GridFrame, Vec<DayOnGrid>>, Vec<DayOnGrid>> {
    let grid = expect_context::<GridCtx>();
    grid.frame.days().at_unkeyed(usize::from(day.saturating_sub(1)))
}

/// A day's button on a narrow screen. Kept while the tabs change, so pressing one keeps
/// keyboard focus on it.
#[component]
fn DayTab(day: u8) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let shown = day_on_grid(day);
    view! {
        <button type="button" aria-pressed=move || (ctx.visible_day.get() == day).to_string()
            on:click=move |_| ctx.show_day(day)>
            {move || shown.tab().try_get().unwrap_or_default()}
        </button>
    }
}

/// A day's heading: its title, then its date and hours. Problems about a whole day move
/// focus here, so it takes focus without being a tab stop.
#[component]
fn DayHeading(day: u8) -> impl IntoView {
    let shown = day_on_grid(day);
    view! {
        <h2 class="day-heading" id=format!("day-{day}") tabindex="-1">
            {move || shown.title().try_get().unwrap_or_default()}
            <span class="muted">{move || shown.when().try_get().unwrap_or_default()}</span>
        </h2>
    }
}

/// A day's hours, shaded behind its blocks.
#[component]
fn DayWindowShade(index: usize, day: u8) -> impl IntoView {
    let grid = expect_context::<GridCtx>();
    let window = day_on_grid(day).window();
    let n = move || grid.frame.columns().with(Vec::len);
    let top = move || {
        let start = window.try_get().map_or(0, |w| minute_of_day(w.start));
        px(start - grid.frame.first_minute().get(), 0)
    };
    view! {
        <div class="day-window" aria-hidden="true"
            style:left=move || format!("calc(100% / {} * {index})", n())
            style:width=move || format!("calc(100% / {})", n())
            style:top=top
            style:height=move || px(window.try_get().map_or(0, |w| w.minutes()), 0)></div>
    }
}
