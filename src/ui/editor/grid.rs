//! The time grid: days side by side (one at a time on a narrow screen), blocks
//! placed by time, parallel tracks in lanes. Blocks move by mouse drag or by
//! keyboard (arrows: 15 min or a day; Shift+arrows: length), snapping to 15 min.

use leptos::prelude::*;

use super::grid_block::{DrawnBlocks, Slot};
use super::grid_frame::{tab_chosen, GridFrame};
use super::grid_input::GridInput;
use super::EditorCtx;
use crate::domain::model::{Block, Partners};
use crate::domain::rules::{worst_of, worst_per_block};
use crate::ui::dom::{clicks, listen, rows};
use crate::ui::layout::{grid_range, lane_of, lanes_by_block, px, Lane};
use wasm_bindgen::JsCast;

#[component]
pub fn TimeGrid() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let plan = ctx.plan;
    let narrow = RwSignal::new(is_narrow());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| narrow.set(is_narrow()));
    on_cleanup(move || on_resize.remove());

    let range = Memo::new(move |_| plan.with(grid_range));
    // Day count and hours change rarely; reading them through memos keeps the tabs
    // and day backgrounds from being rebuilt on every change of a block.
    let shown_days = Memo::new(move |_| plan.with(|p| p.shown_days()));
    let windows = Memo::new(move |_| plan.with(|p| (1..=p.shown_days()).map(|d| p.window(d)).collect::<Vec<_>>()));
    let columns =
        Memo::new(
            move |_| {
                if narrow.get() {
                    vec![ctx.visible_day.get()]
                } else {
                    (1..=shown_days.get()).collect::<Vec<u8>>()
                }
            },
        );
    let lane_map = Memo::new(move |_| plan.with(lanes_by_block));
    let severities = Memo::new(move |_| ctx.problems.with(|list| worst_per_block(list)));
    // The names and the day count: every block's spoken words depend on them.
    let labels = Memo::new(move |_| plan.with(|p| (p.partners.clone(), p.therapist.name.clone(), p.day_count())));
    // The blocks are drawn into this element before it is put in the page, so the
    // grid is complete when it first shows (grid_block.rs says why not as views).
    let drawn = DrawnBlocks::default();
    let host = drawn.host();
    let blocks = StoredValue::new_local(drawn);
    let draw = move |relabel: bool, track: bool| {
        let selected = if track { ctx.selected.get() } else { ctx.selected.get_untracked() };
        let (grid_start, _) = range.get();
        lane_map.with(|lanes_now| {
            severities.with(|severity_now| {
                columns.with(|cols| {
                    plan.with(|p| {
                        blocks.update_value(|drawn| {
                            drawn.sync(
                                p,
                                |block| slot_of(block, cols, lanes_now, grid_start),
                                |id| worst_of(severity_now, id),
                                selected,
                                relabel,
                            )
                        })
                    })
                })
            })
        });
    };
    // Drawn once now, so the grid is complete when it first shows; then after
    // every change.
    untrack(|| draw(true, false));
    Effect::new(move |seen: Option<(Partners, String, u8)>| {
        let now = labels.get();
        draw(seen.is_some() && seen.as_ref() != Some(&now), true);
        now
    });
    let frame = GridFrame::new(ctx, shown_days, columns, range, windows);
    let input = GridInput::new(ctx, blocks, columns);
    let height = move || {
        let (start, end) = range.get();
        px(end - start, 0)
    };

    view! {
        <div class="grid-wrap">
            <div class="day-tabs" role="group" aria-label="Day shown" use:rows=frame.tabs on:click=clicks(move |ev| tab_chosen(ctx, ev))></div>
            <p class="grid-help" id="grid-help">
                "Choose a block to edit it. Drag to move, drag its lower edge to resize. With the keyboard: arrow keys move by 15 minutes or a day, Shift with up or down changes the length, Delete removes it."
            </p>
            <div class="grid-head" use:rows=frame.headings
                style:grid-template-columns=move || format!("repeat({}, 1fr)", columns.get().len())></div>
            <div class="grid-body">
                <div class="hours" aria-hidden="true" style:height=height use:rows=frame.hours></div>
                <div class="block-layer" style:height=height
                    style:--columns=move || columns.get().len().to_string()
                    use:grid_input=input>
                    <div use:rows=frame.day_windows></div>
                    <div class="blocks" use:adopt=host.clone()></div>
                </div>
            </div>
        </div>
    }
}

/// The directive behind `use:grid_input`: the pointer, keyboard and click handling of
/// the blocks, on the layer that holds them.
fn grid_input(layer: web_sys::Element, input: GridInput) {
    const EVENTS: &[&str] = &["pointerdown", "pointermove", "pointerup", "pointercancel", "keydown", "click"];
    listen(&layer, EVENTS, move |ev| match ev.type_().as_str() {
        "pointerdown" => input.pointer_down(ev.unchecked_into()),
        "pointermove" => input.pointer_move(ev.unchecked_into()),
        "pointerup" => input.pointer_up(),
        "pointercancel" => input.pointer_cancel(),
        "keydown" => input.key_down(ev.unchecked_into()),
        _ => input.click(ev.unchecked_into()),
    });
}

/// Puts the element the blocks were drawn into inside one of the grid's own. When
/// Leptos reuses that element for a new grid, the old grid's blocks are replaced.
fn adopt(parent: web_sys::Element, child: web_sys::Element) {
    parent.set_text_content(None);
    let _ = parent.append_child(&child);
}

fn is_narrow() -> bool {
    window().match_media("(max-width: 700px)").ok().flatten().map(|m| m.matches()).unwrap_or(false)
}

fn slot_of(block: &Block, columns: &[u8], lanes: &[Lane], grid_start: i64) -> Slot {
    Slot {
        column: columns.iter().position(|d| *d == block.day),
        columns: columns.len(),
        lane: lane_of(lanes, block.id),
        grid_start,
    }
}
