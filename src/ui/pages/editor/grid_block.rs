//! One block on the time grid: placed by its day, time and lane, marked with its worst
//! problem, moved by drag or by keyboard. Each block reads only what concerns it, so
//! a change to one block redraws that block alone.

use crate::domain::words::{day_label, who_for_couple, who_short};
use leptos::html::Div;
use leptos::prelude::*;
use reactive_stores::{Field, Store};
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, PointerEvent};

use super::grid_geometry::{px, PX_PER_MINUTE};
use super::grid_store::{BlockOnGrid, BlockOnGridStoreFields, GridFrame, GridFrameStoreFields};
use super::{focus_element, EditorCtx};
use crate::domain::edit::{Edit, MAX_BLOCK_MINUTES};
use crate::domain::model::BlockId;
use crate::domain::rules::Severity;
use crate::domain::time::{minute_of_day, snap_length, time_at, GRID_MINUTES, MINUTES_PER_DAY};
use crate::ui::parts::kind_class;

/// What every block on the grid reads: where the days and hours are, the names, and
/// which block is selected or dragged.
#[derive(Clone, Copy)]
pub struct GridCtx {
    pub frame: Store<GridFrame>,
    pub drag: RwSignal<Option<Drag>>,
    /// Which block is selected, and which is dragged: a change notifies the two blocks
    /// concerned, not all of them.
    pub selected: StoredValue<Selector<Option<BlockId>>>,
    pub dragged: StoredValue<Selector<Option<BlockId>>>,
    /// The layer the blocks are drawn on, as wide as all the columns shown.
    pub layer: NodeRef<Div>,
}

/// A drag in progress: which block, where it began, and where it would put the block now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drag {
    pub id: BlockId,
    /// The pointer that began it: another finger or pen on the layer does not move it.
    pointer: i32,
    resizing: bool,
    x: f64,
    y: f64,
    day: u8,
    start: i64,
    minutes: i64,
    column_width: f64,
    now: Preview,
}

/// Where a drag would put the block: day, first minute and length.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Preview {
    day: u8,
    start: i64,
    minutes: i64,
}

/// Everything the block's elements show, as the strings written to them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Look {
    class: String,
    /// top, height, left, width; `None` when the block's day is not shown.
    place: Option<[String; 4]>,
    tag: &'static str,
    marker: Option<Severity>,
    title: String,
    meta: String,
    spoken: String,
}

/// `entry` is this block's place in the grid's store: it changes only when this block,
/// its lane or its marker does.
#[component]
pub fn GridBlock(entry: Field<BlockOnGrid>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let grid = expect_context::<GridCtx>();
    let id = entry.with_untracked(|e| e.block.id);
    let selected = move || grid.selected.with_value(|s| s.selected(&Some(id)));
    let preview = Memo::new(move |_| {
        let dragged = grid.dragged.with_value(|s| s.selected(&Some(id)));
        if dragged {
            grid.drag.with(|d| d.map(|d| d.now))
        } else {
            None
        }
    });
    let look = Memo::new(move |_| {
        // The entry is gone for a moment when the block is deleted, before its row is.
        let Some(block) = entry.block().try_get() else { return Look::default() };
        let frame = grid.frame;
        let (partners, therapist) = (frame.partners().get(), frame.therapist().get());
        let (start, minutes, day) = match preview.get() {
            Some(p) => (p.start, p.minutes, p.day),
            None => (minute_of_day(block.start), i64::from(block.minutes), block.day),
        };
        let place = frame.columns().with(|columns| {
            let column = columns.iter().position(|d| *d == day)?;
            let (n, lane) = (columns.len(), entry.lane().get());
            Some([
                px(start - frame.first_minute().get(), 0),
                px(minutes, 2),
                format!("calc(100% / {n} * {column} + 100% / {n} / {} * {})", lane.lanes, lane.lane),
                format!("calc(100% / {n} / {} - 6px)", lane.lanes),
            ])
        });
        let who = who_short(block.who, &partners);
        let day_words = ctx.plan.with_untracked(|p| day_label(p, block.day));
        Look {
            class: format!(
                "block-wrap {}{}{}",
                kind_class(block.kind),
                if selected() { " selected" } else { "" },
                if preview.get().is_some() { " dragging" } else { "" }
            ),
            place,
            tag: block.kind.tag(),
            marker: entry.marker().get(),
            title: block.title.clone(),
            meta: format!("{} \u{b7} {who}", block.time_range(frame.style().get())),
            spoken: format!(
                ", {day_words}, {}. {}.",
                block.kind.label(),
                who_for_couple(block.who, &partners, &therapist)
            ),
        }
    });
    let place = move |i: usize| move || look.with(|l| l.place.as_ref().map(|p| p[i].clone()));
    let marker = move || match look.with(|l| l.marker) {
        Some(Severity::Error) => Some(view! { <span class="marker error">"Error"</span> }),
        Some(Severity::Warning) => Some(view! { <span class="marker warning">"Warning"</span> }),
        None => None,
    };
    let input = BlockInput { ctx, grid, id };

    view! {
        <div class=move || look.with(|l| l.class.clone())
            style:display=move || if look.with(|l| l.place.is_some()) { "block" } else { "none" }
            style:top=place(0) style:height=place(1) style:left=place(2) style:width=place(3)>
            <button type="button" class="block" id=format!("block-{}", id.0) aria-describedby="grid-help"
                on:pointerdown=move |ev| input.pointer_down(ev, false)
                on:click=move |_| ctx.select(Some(id))
                on:keydown=move |ev| input.key_down(ev)>
                <span class="block-tag">{move || look.with(|l| l.tag)}</span>
                {marker}
                <span class="block-title">{move || look.with(|l| l.title.clone())}</span>
                <span class="block-meta">{move || look.with(|l| l.meta.clone())}</span>
                <span class="visually-hidden">{move || look.with(|l| l.spoken.clone())}</span>
            </button>
            <div class="resize-handle" aria-hidden="true"
                on:pointerdown=move |ev| input.pointer_down(ev, true)></div>
        </div>
    }
}

/// The block's pointer and keyboard handling.
#[derive(Clone, Copy)]
struct BlockInput {
    ctx: EditorCtx,
    grid: GridCtx,
    id: BlockId,
}

impl BlockInput {
    fn pointer_down(self, ev: PointerEvent, resizing: bool) {
        if ev.button() != 0 {
            return;
        }
        let Some(block) = self.ctx.plan.with_untracked(|p| p.block(self.id).cloned()) else { return };
        let columns = self.grid.frame.columns().with_untracked(|c| c.len().max(1)) as f64;
        let column_width =
            self.grid.layer.get_untracked().map_or(200.0, |layer| layer.get_bounding_client_rect().width() / columns);
        // Every move of this pointer now comes to the part it went down on, and bubbles
        // from there to the layer of blocks (`DragInput`).
        if let Some(part) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = part.set_pointer_capture(ev.pointer_id());
        }
        let now = Preview { day: block.day, start: minute_of_day(block.start), minutes: i64::from(block.minutes) };
        self.grid.drag.set(Some(Drag {
            id: self.id,
            pointer: ev.pointer_id(),
            resizing,
            x: ev.client_x(),
            y: ev.client_y(),
            day: now.day,
            start: now.start,
            minutes: now.minutes,
            column_width,
            now,
        }));
    }

    /// Arrows move by one grid step or a day, Shift with up or down changes the length
    /// by one step, Delete removes the block.
    fn key_down(self, ev: KeyboardEvent) {
        let (ctx, id) = (self.ctx, self.id);
        let step = GRID_MINUTES as i32;
        let edit = match (ev.key().as_str(), ev.shift_key()) {
            ("ArrowUp", false) => Edit::NudgeBlock { id, minutes: -step, days: 0 },
            ("ArrowDown", false) => Edit::NudgeBlock { id, minutes: step, days: 0 },
            ("ArrowLeft", _) => Edit::NudgeBlock { id, minutes: 0, days: -1 },
            ("ArrowRight", _) => Edit::NudgeBlock { id, minutes: 0, days: 1 },
            ("ArrowUp", true) | ("ArrowDown", true) => {
                let Some(minutes) = ctx.plan.with_untracked(|p| p.block(id).map(|b| i64::from(b.minutes))) else {
                    return;
                };
                let by = if ev.key() == "ArrowUp" { -GRID_MINUTES } else { GRID_MINUTES };
                Edit::ResizeBlock { id, minutes: snap_length(minutes + by, MAX_BLOCK_MINUTES) }
            }
            ("Delete", _) | ("Backspace", _) => Edit::DeleteBlock { id },
            _ => return,
        };
        ev.prevent_default();
        let deleting = matches!(edit, Edit::DeleteBlock { .. });
        ctx.send(edit);
        if deleting {
            ctx.select(None);
            return;
        }
        // Keep the block in view on a narrow screen when it changes day.
        if let Some(day) = ctx.plan.with_untracked(|p| p.block(id).map(|b| b.day)) {
            ctx.show_day(day);
        }
        ctx.select(Some(id));
        focus_element(&format!("block-{}", id.0));
    }
}

/// The drag once it has begun: the block's part holds the pointer (pointer capture), so
/// its moves and its release bubble to the layer of blocks, which handles them for
/// every block at once.
#[derive(Clone, Copy)]
pub struct DragInput {
    pub ctx: EditorCtx,
    pub grid: GridCtx,
}

impl DragInput {
    /// The drag in progress, if `ev` comes from the pointer that began it.
    fn of(self, ev: &PointerEvent) -> Option<Drag> {
        self.grid.drag.get_untracked().filter(|d| d.pointer == ev.pointer_id())
    }

    pub fn pointer_move(self, ev: PointerEvent) {
        let Some(mut d) = self.of(&ev) else { return };
        let dy = ((ev.client_y() - d.y) / PX_PER_MINUTE) as i64;
        let steps = (dy as f64 / GRID_MINUTES as f64).round() as i64 * GRID_MINUTES;
        let next = if d.resizing {
            Preview { minutes: i64::from(snap_length(d.minutes + steps, MAX_BLOCK_MINUTES)), ..d.now }
        } else {
            let shift = ((ev.client_x() - d.x) / d.column_width).round() as i64;
            let day = self.grid.frame.columns().with_untracked(|cols| {
                let index = cols.iter().position(|c| *c == d.day).unwrap_or(0) as i64 + shift;
                cols.get(index.clamp(0, cols.len() as i64 - 1) as usize).copied().unwrap_or(d.day)
            });
            Preview { day, start: (d.start + steps).clamp(0, MINUTES_PER_DAY - d.minutes), minutes: d.minutes }
        };
        if d.now != next {
            d.now = next;
            self.grid.drag.set(Some(d));
        }
    }

    /// The browser took the pointer away (a touch turned into a scroll, a system
    /// gesture): the drag ends and the block stays where it was.
    pub fn pointer_cancel(self, ev: PointerEvent) {
        if self.of(&ev).is_some() {
            self.grid.drag.set(None);
        }
    }

    pub fn pointer_up(self, ev: PointerEvent) {
        let Some(d) = self.of(&ev) else { return };
        self.grid.drag.set(None);
        let (id, to) = (d.id, d.now);
        if d.resizing && to.minutes != d.minutes {
            self.ctx.send(Edit::ResizeBlock { id, minutes: snap_length(to.minutes, MAX_BLOCK_MINUTES) });
        } else if !d.resizing && (to.day != d.day || to.start != d.start) {
            self.ctx.send(Edit::MoveBlock { id, day: to.day, start: time_at(to.start) });
        }
        self.ctx.select(Some(id));
    }
}
