//! The time grid: days side by side (one at a time on a narrow screen), blocks
//! placed by time, parallel tracks in lanes. Blocks move by mouse drag or by
//! keyboard (arrows: 15 min or a day; Shift+arrows: length), snapping to 15 min.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::model::{Block, BlockId, DayWindow, Participants, Partners};
use crate::domain::rules::{day_label, day_title, Severity};
use crate::domain::time::{hhmm, minute_of_day, time_at, GRID_MINUTES};
use crate::ui::layout::{grid_range, lanes, Lane, PX_PER_MINUTE};

/// A drag in progress: where it began and what it is doing.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    id: BlockId,
    resizing: bool,
    x: f64,
    y: f64,
    day: u8,
    start: i64,
    minutes: i64,
    column_width: f64,
    /// Where the block would land now.
    to_day: u8,
    to_start: i64,
    to_minutes: i64,
}

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
    let lane_map = Memo::new(move |_| {
        plan.with(|p| {
            let mut map: HashMap<BlockId, Lane> = HashMap::new();
            for day in 1..=p.shown_days() {
                for lane in lanes(&p.blocks_on(day)) {
                    map.insert(lane.id, lane);
                }
            }
            map
        })
    });
    let block_ids = Memo::new(move |_| plan.with(|p| p.blocks.iter().map(|b| b.id).collect::<Vec<_>>()));
    let severities = Memo::new(move |_| {
        ctx.problems.with(|list| {
            let mut map: HashMap<BlockId, Severity> = HashMap::new();
            for problem in list {
                for id in &problem.blocks {
                    let entry = map.entry(*id).or_insert(problem.severity);
                    *entry = (*entry).min(problem.severity);
                }
            }
            map
        })
    });
    // One signal per block, updated only when that block changes: a change then
    // re-runs the views of the blocks it touched, not all of them (with hundreds
    // of blocks, all subscribing to one shared signal cost O(n^2) per change).
    let cells = StoredValue::new(HashMap::<BlockId, BlockCell>::new());
    Effect::new(move |_| {
        let lanes_now = lane_map.get();
        let severity_now = severities.get();
        plan.with(|p| {
            cells.update_value(|map| {
                for block in &p.blocks {
                    let lane = lanes_now.get(&block.id).copied().unwrap_or(Lane { id: block.id, lane: 0, lanes: 1 });
                    let cell = map.entry(block.id).or_insert_with(|| BlockCell::new(block.clone(), lane, None));
                    cell.update(block, lane, severity_now.get(&block.id).copied());
                }
                map.retain(|id, _| p.block(*id).is_some());
            })
        });
    });
    let cell_for = move |id: BlockId| -> BlockCell {
        cells
            .try_update_value(|map| {
                map.entry(id)
                    .or_insert_with(|| {
                        let block = plan.with_untracked(|p| p.block(id).cloned());
                        let lane =
                            lane_map.with_untracked(|m| m.get(&id).copied()).unwrap_or(Lane { id, lane: 0, lanes: 1 });
                        let severity = severities.with_untracked(|m| m.get(&id).copied());
                        match block {
                            Some(block) => BlockCell::new(block, lane, severity),
                            None => BlockCell::empty(lane),
                        }
                    })
                    .clone()
            })
            .unwrap_or_else(|| BlockCell::empty(Lane { id, lane: 0, lanes: 1 }))
    };
    let names = Memo::new(move |_| plan.with(|p| (p.partners.clone(), p.therapist.name.clone())));
    let is_selected = StoredValue::new(Selector::new(move || ctx.selected.get()));
    let drag = RwSignal::new(None::<Drag>);
    let layer = NodeRef::<leptos::html::Div>::new();
    let height = move || {
        let (start, end) = range.get();
        format!("{}px", (end - start) as f64 * PX_PER_MINUTE)
    };

    view! {
        <div class="grid-wrap">
            <div class="day-tabs" role="group" aria-label="Day shown">
                {move || (1..=shown_days.get()).map(|day| view! {
                    <button type="button" aria-pressed=move || (ctx.visible_day.get() == day).to_string()
                        on:click=move |_| ctx.visible_day.set(day)>
                        {move || plan.with(|p| if day > p.day_count() { "Follow-up".to_string() } else { format!("Day {day}") })}
                    </button>
                }).collect_view()}
            </div>
            <p class="grid-help" id="grid-help">
                "Choose a block to edit it. Drag to move, drag its lower edge to resize. With the keyboard: arrow keys move by 15 minutes or a day, Shift with up or down changes the length, Delete removes it."
            </p>
            <div class="grid-head" style:grid-template-columns=move || format!("repeat({}, 1fr)", columns.get().len())>
                <For each=move || columns.get() key=|d| *d let:day>
                    <h2 class="day-heading" id=format!("day-{day}") tabindex="-1">
                        {move || plan.with(|p| day_title(p, day))}
                        <span class="muted">{move || plan.with(|p| {
                            let w = p.window(day);
                            format!("{} \u{b7} {}\u{2013}{}", p.date_of(day).format("%a %-d %b"), hhmm(w.start), hhmm(w.end))
                        })}</span>
                    </h2>
                </For>
            </div>
            <div class="grid-body">
                <div class="hours" aria-hidden="true" style:height=height>
                    {move || {
                        let (start, end) = range.get();
                        (start / 60..end / 60).map(|hour| view! {
                            <div class="hour" style:top=format!("{}px", (hour * 60 - start) as f64 * PX_PER_MINUTE)>
                                {format!("{hour:02}:00")}
                            </div>
                        }).collect_view()
                    }}
                </div>
                <div class="block-layer" node_ref=layer style:height=height
                    style:--columns=move || columns.get().len().to_string()>
                    {move || {
                        let cols = columns.get();
                        let (start, _) = range.get();
                        cols.iter().enumerate().map(|(index, day)| {
                            let window = windows.with(|w| w.get(usize::from(*day) - 1).copied()).unwrap_or_else(DayWindow::standard);
                            let top = (minute_of_day(window.start) - start) as f64 * PX_PER_MINUTE;
                            let h = window.minutes() as f64 * PX_PER_MINUTE;
                            view! {
                                <div class="day-window" aria-hidden="true"
                                    style:left=format!("calc(100% / {} * {})", cols.len(), index)
                                    style:width=format!("calc(100% / {})", cols.len())
                                    style:top=format!("{top}px") style:height=format!("{h}px")></div>
                            }
                        }).collect_view()
                    }}
                    <For each=move || block_ids.get() key=|id| *id let:id>
                        <BlockView id=id columns=columns range=range cell=cell_for(id) names=names is_selected=is_selected drag=drag layer=layer/>
                    </For>
                </div>
            </div>
        </div>
    }
}

fn is_narrow() -> bool {
    window().match_media("(max-width: 700px)").ok().flatten().map(|m| m.matches()).unwrap_or(false)
}

#[component]
fn BlockView(
    id: BlockId,
    columns: Memo<Vec<u8>>,
    range: Memo<(i64, i64)>,
    cell: BlockCell,
    names: Memo<(Partners, String)>,
    is_selected: StoredValue<Selector<Option<BlockId>>>,
    drag: RwSignal<Option<Drag>>,
    layer: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let plan = ctx.plan;
    let BlockCell { block, severity, lane } = cell;
    let block: Signal<Option<Block>> = block.into();
    let severity: Signal<Option<Severity>> = severity.into();
    let lane: Signal<Lane> = lane.into();
    // Where the block is drawn: its place, or where a drag would put it.
    let placed = move || {
        let b = block.get()?;
        let (start, minutes) = (minute_of_day(b.start), i64::from(b.minutes));
        Some(match drag.get() {
            Some(d) if d.id == id => (d.to_day, d.to_start, d.to_minutes),
            _ => (b.day, start, minutes),
        })
    };
    // Geometry as separate properties: set through CSSOM, which the CSP allows.
    let geometry = Memo::new(move |_| {
        let (day, start, minutes) = placed()?;
        let cols = columns.get();
        let index = cols.iter().position(|d| *d == day)?;
        let lane = lane.get();
        let (grid_start, _) = range.get();
        let n = cols.len();
        Some((
            format!("{}px", (start - grid_start) as f64 * PX_PER_MINUTE),
            format!("{}px", minutes as f64 * PX_PER_MINUTE - 2.0),
            format!("calc(100% / {n} * {index} + 100% / {n} / {} * {})", lane.lanes, lane.lane),
            format!("calc(100% / {n} / {} - 6px)", lane.lanes),
        ))
    });
    let part = move |pick: fn(&(String, String, String, String)) -> String| {
        geometry.with(|g| g.as_ref().map(pick).unwrap_or_default())
    };

    let begin = move |ev: web_sys::PointerEvent, resizing: bool| {
        if ev.button() != 0 {
            return;
        }
        let Some(b) = block.get_untracked() else { return };
        let width = layer
            .get_untracked()
            .map(|el| el.get_bounding_client_rect().width() / columns.get_untracked().len().max(1) as f64)
            .unwrap_or(200.0);
        if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        let start = minute_of_day(b.start);
        drag.set(Some(Drag {
            id,
            resizing,
            x: f64::from(ev.client_x()),
            y: f64::from(ev.client_y()),
            day: b.day,
            start,
            minutes: i64::from(b.minutes),
            column_width: width,
            to_day: b.day,
            to_start: start,
            to_minutes: i64::from(b.minutes),
        }));
    };
    let moving = move |ev: web_sys::PointerEvent| {
        let Some(mut d) = drag.get_untracked().filter(|d| d.id == id) else { return };
        let dy = ((f64::from(ev.client_y()) - d.y) / PX_PER_MINUTE) as i64;
        let steps = (dy as f64 / GRID_MINUTES as f64).round() as i64 * GRID_MINUTES;
        if d.resizing {
            d.to_minutes = (d.minutes + steps).max(GRID_MINUTES);
        } else {
            let cols = columns.get_untracked();
            let shift = ((f64::from(ev.client_x()) - d.x) / d.column_width).round() as i64;
            let index = cols.iter().position(|c| *c == d.day).unwrap_or(0) as i64 + shift;
            d.to_day = cols.get(index.clamp(0, cols.len() as i64 - 1) as usize).copied().unwrap_or(d.day);
            d.to_start = (d.start + steps).clamp(0, 24 * 60 - d.minutes);
        }
        drag.set(Some(d));
    };
    let finish = move |_ev: web_sys::PointerEvent| {
        let Some(d) = drag.get_untracked().filter(|d| d.id == id) else { return };
        drag.set(None);
        if d.resizing && d.to_minutes != d.minutes {
            ctx.send(Edit::ResizeBlock { id, minutes: u16::try_from(d.to_minutes).unwrap_or(15) });
        } else if !d.resizing && (d.to_day != d.day || d.to_start != d.start) {
            ctx.send(Edit::MoveBlock { id, day: d.to_day, start: time_at(d.to_start) });
        }
        ctx.select(Some(id));
    };

    let keydown = move |ev: web_sys::KeyboardEvent| {
        let edit = match (ev.key().as_str(), ev.shift_key()) {
            ("ArrowUp", false) => Edit::NudgeBlock { id, minutes: -15, days: 0 },
            ("ArrowDown", false) => Edit::NudgeBlock { id, minutes: 15, days: 0 },
            ("ArrowLeft", _) => Edit::NudgeBlock { id, minutes: 0, days: -1 },
            ("ArrowRight", _) => Edit::NudgeBlock { id, minutes: 0, days: 1 },
            ("ArrowUp", true) | ("ArrowDown", true) => {
                let minutes = block.get_untracked().map(|b| b.minutes).unwrap_or(15);
                let by: i32 = if ev.key() == "ArrowUp" { -15 } else { 15 };
                let next = (i32::from(minutes) + by).max(15);
                Edit::ResizeBlock { id, minutes: u16::try_from(next).unwrap_or(15) }
            }
            ("Delete", _) | ("Backspace", _) => Edit::DeleteBlock { id },
            _ => return,
        };
        ev.prevent_default();
        let deleting = matches!(edit, Edit::DeleteBlock { .. });
        ctx.send(edit);
        if deleting {
            ctx.select(None);
        } else {
            // Keep the block in view on a narrow screen when it changes day.
            if let Some(day) = block.get_untracked().map(|b| b.day) {
                ctx.show_day(day);
            }
            ctx.select(Some(id));
            super::focus_element(&format!("block-{}", id.0));
        }
    };

    let who = move || {
        let b = block.get()?;
        let (partners, therapist) = names.get();
        Some(match b.who {
            Participants::BothWithTherapist => "Both + therapist".to_string(),
            Participants::OneWithTherapist(x) => format!("{} + therapist", partners.name(x)),
            Participants::CoupleOnTheirOwn => "Couple".to_string(),
            Participants::OneOnTheirOwn(x) => format!("{} alone", partners.name(x)),
        })
        .map(|w| (w, b.who.describe(&partners, &therapist)))
    };
    let marker = move || match severity.get() {
        Some(Severity::Error) => Some(("marker error", "Error")),
        Some(Severity::Warning) => Some(("marker warning", "Warning")),
        None => None,
    };
    // Spoken after the visible text, so the accessible name starts with what is seen.
    let spoken = move || {
        let b = block.get()?;
        let (_, described) = who()?;
        let day = plan.with_untracked(|p| day_label(p, b.day));
        Some(format!(", {day}, {}. {described}.", b.kind.label()))
    };
    let class = move || {
        let kind = block.with(|b| b.as_ref().map(|b| format!("{:?}", b.kind).to_lowercase())).unwrap_or_default();
        format!("block-wrap kind-{kind}")
    };

    view! {
        <div class=class class:dragging=move || drag.get().is_some_and(|d| d.id == id)
            class:selected=move || is_selected.with_value(|s| s.selected(&Some(id)))
            style:top=move || part(|g| g.0.clone()) style:height=move || part(|g| g.1.clone())
            style:left=move || part(|g| g.2.clone()) style:width=move || part(|g| g.3.clone())
            style:display=move || if geometry.with(|g| g.is_none()) { "none" } else { "block" }
            data-block-id=id.0.to_string()>
            <button type="button" class="block" id=format!("block-{}", id.0) aria-describedby="grid-help"
                on:pointerdown=move |ev| begin(ev, false) on:pointermove=moving on:pointerup=finish
                on:keydown=keydown on:click=move |_| ctx.select(Some(id))>
                {move || block.get().map(|b| view! {
                    <span class="block-tag">{b.kind.tag()}</span>
                    {marker().map(|(class, text)| view! { <span class=class>{text}</span> })}
                    <span class="block-title">{b.title.clone()}</span>
                    <span class="block-meta">{format!("{}\u{2013}{} \u{b7} {}", hhmm(b.start), hhmm(b.end()),
                        who().map(|(w, _)| w).unwrap_or_default())}</span>
                    <span class="visually-hidden">{spoken()}</span>
                })}
            </button>
            <div class="resize-handle" aria-hidden="true"
                on:pointerdown=move |ev| { ev.stop_propagation(); begin(ev, true) }
                on:pointermove=moving on:pointerup=finish></div>
        </div>
    }
}

/// The signals one block's view reads, shared by reference so they outlive any
/// single render of the grid.
#[derive(Clone)]
struct BlockCell {
    block: ArcRwSignal<Option<Block>>,
    severity: ArcRwSignal<Option<Severity>>,
    lane: ArcRwSignal<Lane>,
}

impl BlockCell {
    fn new(block: Block, lane: Lane, severity: Option<Severity>) -> BlockCell {
        BlockCell {
            block: ArcRwSignal::new(Some(block)),
            severity: ArcRwSignal::new(severity),
            lane: ArcRwSignal::new(lane),
        }
    }

    fn empty(lane: Lane) -> BlockCell {
        BlockCell { block: ArcRwSignal::new(None), severity: ArcRwSignal::new(None), lane: ArcRwSignal::new(lane) }
    }

    /// Sets only what changed, so unchanged blocks notify nobody.
    fn update(&self, block: &Block, lane: Lane, severity: Option<Severity>) {
        if self.block.with_untracked(|b| b.as_ref() != Some(block)) {
            self.block.set(Some(block.clone()));
        }
        if self.lane.get_untracked() != lane {
            self.lane.set(lane);
        }
        if self.severity.get_untracked() != severity {
            self.severity.set(severity);
        }
    }
}
