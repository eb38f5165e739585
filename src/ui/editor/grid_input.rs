//! The time grid's pointer and keyboard handling, one handler per event for all
//! blocks: each finds its block from the element the event came from.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

use super::grid_block::{DrawnBlocks, Preview};
use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::model::BlockId;
use crate::domain::time::{minute_of_day, time_at, GRID_MINUTES, MINUTES_PER_DAY};
use crate::ui::layout::PX_PER_MINUTE;

/// A drag in progress: which block, where it began and what it is doing.
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
    now: Preview,
}

/// What the grid's handlers share.
#[derive(Clone, Copy)]
pub struct GridInput {
    pub ctx: EditorCtx,
    pub blocks: StoredValue<DrawnBlocks, LocalStorage>,
    /// Days shown, read only when a drag starts or crosses days.
    pub columns: Memo<Vec<u8>>,
    drag: StoredValue<Option<Drag>>,
}

/// The block an event came from, and the element of it that was hit (`.block`
/// or `.resize-handle`).
fn hit(target: Option<web_sys::EventTarget>, part: &str) -> Option<(BlockId, Element)> {
    let target = target?.dyn_into::<Element>().ok()?;
    let part = target.closest(part).ok()??;
    let id = part.closest(".block-wrap").ok()??.get_attribute("data-block-id")?.parse().ok()?;
    Some((BlockId(id), part))
}

impl GridInput {
    pub fn new(ctx: EditorCtx, blocks: StoredValue<DrawnBlocks, LocalStorage>, columns: Memo<Vec<u8>>) -> GridInput {
        GridInput { ctx, blocks, columns, drag: StoredValue::new(None) }
    }

    fn column(&self, day: u8) -> Option<usize> {
        self.columns.with_untracked(|c| c.iter().position(|d| *d == day))
    }

    fn show_preview(&self, id: BlockId, preview: Option<Preview>) {
        self.ctx.plan.with_untracked(|p| self.blocks.update_value(|b| b.preview(p, id, preview)));
    }

    pub fn pointer_down(&self, ev: PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        let (resizing, found) = match hit(ev.target(), ".resize-handle") {
            Some(found) => (true, Some(found)),
            None => (false, hit(ev.target(), ".block")),
        };
        let Some((id, part)) = found else { return };
        let Some(b) = self.ctx.plan.with_untracked(|p| p.block(id).cloned()) else { return };
        // The layer the blocks are drawn in is as wide as all the columns shown.
        let width = part
            .closest(".block-layer")
            .ok()
            .flatten()
            .map(|el| el.get_bounding_client_rect().width() / self.columns.with_untracked(|c| c.len().max(1)) as f64)
            .unwrap_or(200.0);
        let _ = part.set_pointer_capture(ev.pointer_id());
        let start = minute_of_day(b.start);
        let now = Preview { day: b.day, start, minutes: i64::from(b.minutes), column: self.column(b.day) };
        self.drag.set_value(Some(Drag {
            id,
            resizing,
            x: ev.client_x(),
            y: ev.client_y(),
            day: b.day,
            start,
            minutes: now.minutes,
            column_width: width,
            now,
        }));
        self.show_preview(id, Some(now));
    }

    pub fn pointer_move(&self, ev: PointerEvent) {
        let Some(mut d) = self.drag.get_value() else { return };
        let dy = ((ev.client_y() - d.y) / PX_PER_MINUTE) as i64;
        let steps = (dy as f64 / GRID_MINUTES as f64).round() as i64 * GRID_MINUTES;
        let (day, start, minutes) = if d.resizing {
            (d.day, d.start, (d.minutes + steps).max(GRID_MINUTES))
        } else {
            let shift = ((ev.client_x() - d.x) / d.column_width).round() as i64;
            let day = self.columns.with_untracked(|cols| {
                let index = cols.iter().position(|c| *c == d.day).unwrap_or(0) as i64 + shift;
                cols.get(index.clamp(0, cols.len() as i64 - 1) as usize).copied().unwrap_or(d.day)
            });
            (day, (d.start + steps).clamp(0, MINUTES_PER_DAY - d.minutes), d.minutes)
        };
        let next = Preview { day, start, minutes, column: self.column(day) };
        if d.now != next {
            d.now = next;
            self.drag.set_value(Some(d));
            self.show_preview(d.id, Some(next));
        }
    }

    /// The browser took the pointer away (a touch turned into a scroll, a system
    /// gesture): drop the drag and leave the block where it was.
    pub fn pointer_cancel(&self) {
        if let Some(d) = self.drag.get_value() {
            self.drag.set_value(None);
            self.show_preview(d.id, None);
        }
    }

    pub fn pointer_up(&self) {
        let Some(d) = self.drag.get_value() else { return };
        self.drag.set_value(None);
        self.show_preview(d.id, None);
        let (id, to) = (d.id, d.now);
        if d.resizing && to.minutes != d.minutes {
            self.ctx.send(Edit::ResizeBlock { id, minutes: u16::try_from(to.minutes).unwrap_or(15) });
        } else if !d.resizing && (to.day != d.day || to.start != d.start) {
            self.ctx.send(Edit::MoveBlock { id, day: to.day, start: time_at(to.start) });
        }
        self.ctx.select(Some(id));
    }

    pub fn click(&self, ev: web_sys::MouseEvent) {
        if let Some((id, _)) = hit(ev.target(), ".block") {
            self.ctx.select(Some(id));
        }
    }

    /// Arrows move by 15 minutes or a day, Shift with up or down changes the length,
    /// Delete removes the block.
    pub fn key_down(&self, ev: KeyboardEvent) {
        let Some((id, _)) = hit(ev.target(), ".block") else { return };
        let ctx = self.ctx;
        let edit = match (ev.key().as_str(), ev.shift_key()) {
            ("ArrowUp", false) => Edit::NudgeBlock { id, minutes: -15, days: 0 },
            ("ArrowDown", false) => Edit::NudgeBlock { id, minutes: 15, days: 0 },
            ("ArrowLeft", _) => Edit::NudgeBlock { id, minutes: 0, days: -1 },
            ("ArrowRight", _) => Edit::NudgeBlock { id, minutes: 0, days: 1 },
            ("ArrowUp", true) | ("ArrowDown", true) => {
                let minutes = ctx.plan.with_untracked(|p| p.block(id).map(|b| b.minutes)).unwrap_or(15);
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
            if let Some(day) = ctx.plan.with_untracked(|p| p.block(id).map(|b| b.day)) {
                ctx.show_day(day);
            }
            ctx.select(Some(id));
            super::focus_element(&format!("block-{}", id.0));
        }
    }
}
