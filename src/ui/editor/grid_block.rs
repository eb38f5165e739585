//! One block on the time grid, and the signals that feed it.
//!
//! Each block reads only its own `BlockCell`; one effect in the grid fills every
//! cell after a change and sets only what differs. With hundreds of blocks,
//! letting each block subscribe to shared memos (columns, hours, names) made every
//! change walk and copy hundreds of subscriber lists.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::model::{Block, BlockId, Participants, Partners, Plan};
use crate::domain::rules::{day_label, Severity};
use crate::domain::time::{minute_of_day, time_at, GRID_MINUTES, MINUTES_PER_DAY};
use crate::ui::layout::{px, Lane, PX_PER_MINUTE};

/// Where a block sits: its column among the days shown, its lane, and the grid's
/// first minute.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    /// `None` when the block's day is not shown (one day at a time on a narrow screen).
    pub column: Option<usize>,
    pub columns: usize,
    pub lane: Lane,
    pub grid_start: i64,
}

/// Who takes part, as shown on the block and as spoken after it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub shown: String,
    pub spoken: String,
}

impl Words {
    fn of(plan: &Plan, block: &Block) -> Words {
        let partners: &Partners = &plan.partners;
        let shown = match block.who {
            Participants::BothWithTherapist => "Both + therapist".to_string(),
            Participants::OneWithTherapist(x) => format!("{} + therapist", partners.name(x)),
            Participants::CoupleOnTheirOwn => "Couple".to_string(),
            Participants::OneOnTheirOwn(x) => format!("{} alone", partners.name(x)),
        };
        let described = block.who.describe(partners, &plan.therapist.name);
        let spoken = format!(", {}, {}. {described}.", day_label(plan, block.day), block.kind.label());
        Words { shown, spoken }
    }
}

/// The signals one block's view reads, shared by reference so they outlive any
/// single render of the grid.
#[derive(Clone)]
pub struct BlockCell {
    block: ArcRwSignal<Option<Block>>,
    severity: ArcRwSignal<Option<Severity>>,
    slot: ArcRwSignal<Option<Slot>>,
    words: ArcRwSignal<Words>,
}

impl BlockCell {
    pub fn empty() -> BlockCell {
        BlockCell {
            block: ArcRwSignal::new(None),
            severity: ArcRwSignal::new(None),
            slot: ArcRwSignal::new(None),
            words: ArcRwSignal::new(Words::default()),
        }
    }

    /// Sets only what changed, so unchanged blocks notify nobody. `relabel` says the
    /// names or the day count changed, which every block's words depend on.
    pub fn show(&self, plan: &Plan, block: &Block, slot: Slot, severity: Option<Severity>, relabel: bool) {
        let changed = self.block.with_untracked(|b| b.as_ref() != Some(block));
        if changed {
            self.block.set(Some(block.clone()));
        }
        if changed || relabel {
            let words = Words::of(plan, block);
            if self.words.with_untracked(|w| *w != words) {
                self.words.set(words);
            }
        }
        if self.slot.get_untracked() != Some(slot) {
            self.slot.set(Some(slot));
        }
        if self.severity.get_untracked() != severity {
            self.severity.set(severity);
        }
    }
}

/// A drag in progress: where it began and what it is doing.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    resizing: bool,
    x: f64,
    y: f64,
    day: u8,
    start: i64,
    minutes: i64,
    column_width: f64,
}

/// Where a drag would put the block now: day, first minute, length.
type Preview = (u8, i64, i64);

#[component]
pub fn BlockView(
    id: BlockId,
    cell: BlockCell,
    /// Days shown, read only when a drag starts or crosses days.
    columns: Memo<Vec<u8>>,
    is_selected: StoredValue<Selector<Option<BlockId>>>,
    layer: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let BlockCell { block, severity, slot, words } = cell;
    let block: Signal<Option<Block>> = block.into();
    let severity: Signal<Option<Severity>> = severity.into();
    let slot: Signal<Option<Slot>> = slot.into();
    let words: Signal<Words> = words.into();
    // Drag state is this block's own: pointer capture keeps the drag on it.
    let drag = StoredValue::new(None::<Drag>);
    let preview = RwSignal::new(None::<Preview>);

    // Geometry as separate properties: set through CSSOM, which the CSP allows.
    let geometry = Memo::new(move |_| {
        let slot = slot.get()?;
        let (start, minutes, column) = match preview.get() {
            Some((day, start, minutes)) => {
                (start, minutes, columns.with_untracked(|c| c.iter().position(|d| *d == day)))
            }
            None => block.with(|b| b.as_ref().map(|b| (minute_of_day(b.start), i64::from(b.minutes), slot.column)))?,
        };
        let index = column?;
        let (n, lane) = (slot.columns, slot.lane);
        Some((
            px(start - slot.grid_start, 0),
            px(minutes, 2),
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
            .map(|el| el.get_bounding_client_rect().width() / columns.with_untracked(|c| c.len().max(1)) as f64)
            .unwrap_or(200.0);
        if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        let start = minute_of_day(b.start);
        drag.set_value(Some(Drag {
            resizing,
            x: f64::from(ev.client_x()),
            y: f64::from(ev.client_y()),
            day: b.day,
            start,
            minutes: i64::from(b.minutes),
            column_width: width,
        }));
        preview.set(Some((b.day, start, i64::from(b.minutes))));
    };
    let moving = move |ev: web_sys::PointerEvent| {
        let Some(d) = drag.get_value() else { return };
        let dy = ((f64::from(ev.client_y()) - d.y) / PX_PER_MINUTE) as i64;
        let steps = (dy as f64 / GRID_MINUTES as f64).round() as i64 * GRID_MINUTES;
        let next = if d.resizing {
            (d.day, d.start, (d.minutes + steps).max(GRID_MINUTES))
        } else {
            let shift = ((f64::from(ev.client_x()) - d.x) / d.column_width).round() as i64;
            let day = columns.with_untracked(|cols| {
                let index = cols.iter().position(|c| *c == d.day).unwrap_or(0) as i64 + shift;
                cols.get(index.clamp(0, cols.len() as i64 - 1) as usize).copied().unwrap_or(d.day)
            });
            (day, (d.start + steps).clamp(0, MINUTES_PER_DAY - d.minutes), d.minutes)
        };
        if preview.get_untracked() != Some(next) {
            preview.set(Some(next));
        }
    };
    // The browser took the pointer away (a touch turned into a scroll, a system
    // gesture): drop the drag and leave the block where it was.
    let cancel = move |_ev: web_sys::PointerEvent| {
        drag.set_value(None);
        if preview.with_untracked(Option::is_some) {
            preview.set(None);
        }
    };
    let finish = move |_ev: web_sys::PointerEvent| {
        let Some(d) = drag.get_value() else { return };
        let Some((to_day, to_start, to_minutes)) = preview.get_untracked() else { return };
        drag.set_value(None);
        preview.set(None);
        if d.resizing && to_minutes != d.minutes {
            ctx.send(Edit::ResizeBlock { id, minutes: u16::try_from(to_minutes).unwrap_or(15) });
        } else if !d.resizing && (to_day != d.day || to_start != d.start) {
            ctx.send(Edit::MoveBlock { id, day: to_day, start: time_at(to_start) });
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
                let minutes = block.with_untracked(|b| b.as_ref().map(|b| b.minutes)).unwrap_or(15);
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
            if let Some(day) = block.with_untracked(|b| b.as_ref().map(|b| b.day)) {
                ctx.show_day(day);
            }
            ctx.select(Some(id));
            super::focus_element(&format!("block-{}", id.0));
        }
    };

    let marker = move || match severity.get() {
        Some(Severity::Error) => Some(("marker error", "Error")),
        Some(Severity::Warning) => Some(("marker warning", "Warning")),
        None => None,
    };
    let show = move |part: fn(&Block) -> String| block.with(|b| b.as_ref().map(part).unwrap_or_default());
    let class = move || {
        let kind = block.with(|b| b.as_ref().map(|b| b.kind.css_name())).unwrap_or_default();
        format!("block-wrap kind-{kind}")
    };

    view! {
        <div class=class class:dragging=move || preview.with(Option::is_some)
            class:selected=move || is_selected.with_value(|s| s.selected(&Some(id)))
            style:top=move || part(|g| g.0.clone()) style:height=move || part(|g| g.1.clone())
            style:left=move || part(|g| g.2.clone()) style:width=move || part(|g| g.3.clone())
            style:display=move || if geometry.with(|g| g.is_none()) { "none" } else { "block" }
            data-block-id=id.0.to_string()>
            <button type="button" class="block" id=format!("block-{}", id.0) aria-describedby="grid-help"
                on:pointerdown=move |ev| begin(ev, false) on:pointermove=moving on:pointerup=finish on:pointercancel=cancel
                on:keydown=keydown on:click=move |_| ctx.select(Some(id))>
                // One text binding per part: a move rewrites the times' text node
                // and nothing else.
                <span class="block-tag">{move || show(|b| b.kind.tag().to_string())}</span>
                {move || marker().map(|(class, text)| view! { <span class=class>{text}</span> })}
                <span class="block-title">{move || show(|b| b.title.clone())}</span>
                <span class="block-meta">{move || {
                    let times = show(Block::time_range);
                    words.with(|w| format!("{times} \u{b7} {}", w.shown))
                }}</span>
                <span class="visually-hidden">{move || words.with(|w| w.spoken.clone())}</span>
            </button>
            <div class="resize-handle" aria-hidden="true"
                on:pointerdown=move |ev| { ev.stop_propagation(); begin(ev, true) }
                on:pointermove=moving on:pointerup=finish on:pointercancel=cancel></div>
        </div>
    }
}
