//! The blocks on the time grid, written straight into the DOM.
//!
//! Every block is the same small element tree, and a change touches a few of its
//! strings. Drawn as Leptos views, each block carried about fifteen reactive bindings
//! and seven handlers, and that view code was 9 KB of the bundle's brotli on its own
//! (BENCHMARKS.md, "Size, eighth round"). Here one pass after each change compares
//! what every block should show with what it shows, and writes only the difference;
//! the grid's one set of handlers finds the block by its `data-block-id`.

use web_sys::{Element, HtmlElement};

use crate::domain::model::{Block, BlockId, Participants, Plan};
use crate::domain::rules::{day_label, Severity};
use crate::domain::time::minute_of_day;
use crate::ui::dom::element;
use crate::ui::layout::{px, Lane};

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

/// Where a drag would put the block now: day, first minute, length, and the
/// column that day has on the grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preview {
    pub day: u8,
    pub start: i64,
    pub minutes: i64,
    pub column: Option<usize>,
}

/// Everything one block's elements show, as the strings written to them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Look {
    class: String,
    /// top, height, left, width; empty when the block's day is not shown.
    place: [String; 4],
    tag: &'static str,
    marker: Option<Severity>,
    title: String,
    meta: String,
    spoken: String,
}

/// What a block's look is made from; a block is redrawn only when this changes.
#[derive(Debug)]
struct Shown {
    block: Block,
    slot: Slot,
    severity: Option<Severity>,
    selected: bool,
    preview: Option<Preview>,
}

fn look(plan: &Plan, shown: &Shown) -> Look {
    let Shown { block, slot, severity, selected, preview } = shown;
    let partners = &plan.partners;
    let who = match block.who {
        Participants::BothWithTherapist => "Both + therapist".to_string(),
        Participants::OneWithTherapist(x) => format!("{} + therapist", partners.name(x)),
        Participants::CoupleOnTheirOwn => "Couple".to_string(),
        Participants::OneOnTheirOwn(x) => format!("{} alone", partners.name(x)),
    };
    let described = block.who.describe(partners, &plan.therapist.name);
    let (start, minutes, column) = match preview {
        Some(p) => (p.start, p.minutes, p.column),
        None => (minute_of_day(block.start), i64::from(block.minutes), slot.column),
    };
    let place = match column {
        Some(index) => {
            let (n, lane) = (slot.columns, slot.lane);
            [
                px(start - slot.grid_start, 0),
                px(minutes, 2),
                format!("calc(100% / {n} * {index} + 100% / {n} / {} * {})", lane.lanes, lane.lane),
                format!("calc(100% / {n} / {} - 6px)", lane.lanes),
            ]
        }
        None => Default::default(),
    };
    Look {
        class: format!(
            "block-wrap kind-{}{}{}",
            block.kind.css_name(),
            if *selected { " selected" } else { "" },
            if preview.is_some() { " dragging" } else { "" }
        ),
        place,
        tag: block.kind.tag(),
        marker: *severity,
        title: block.title.clone(),
        meta: format!("{} \u{b7} {who}", block.time_range()),
        spoken: format!(", {}, {}. {described}.", day_label(plan, block.day), block.kind.label()),
    }
}

/// One block's elements, what they show now, and what that was drawn from.
struct DrawnBlock {
    wrap: HtmlElement,
    tag: Element,
    marker: HtmlElement,
    title: Element,
    meta: Element,
    spoken: Element,
    shown: Shown,
    look: Look,
}

impl DrawnBlock {
    fn new(host: &Element, id: BlockId, shown: Shown) -> DrawnBlock {
        let wrap = element(Some(host), "div", "");
        let _ = wrap.set_attribute("data-block-id", &id.0.to_string());
        let button = element(Some(&wrap), "button", "block");
        let _ = button.set_attribute("type", "button");
        button.set_id(&format!("block-{}", id.0));
        let _ = button.set_attribute("aria-describedby", "grid-help");
        let tag = element(Some(&button), "span", "block-tag").into();
        let marker = element(Some(&button), "span", "");
        marker.set_hidden(true);
        let title = element(Some(&button), "span", "block-title").into();
        let meta = element(Some(&button), "span", "block-meta").into();
        let spoken = element(Some(&button), "span", "visually-hidden").into();
        let _ = element(Some(&wrap), "div", "resize-handle").set_attribute("aria-hidden", "true");
        DrawnBlock { wrap, tag, marker, title, meta, spoken, shown, look: Look::default() }
    }

    /// Writes what differs between the look `shown` gives and the one on screen.
    fn draw(&mut self, plan: &Plan) {
        let next = look(plan, &self.shown);
        let was = &self.look;
        if next.class != was.class {
            self.wrap.set_class_name(&next.class);
        }
        let style = self.wrap.style();
        for (i, name) in ["top", "height", "left", "width"].iter().enumerate() {
            if next.place[i] != was.place[i] {
                let _ = style.set_property(name, &next.place[i]);
            }
        }
        if next.place[0].is_empty() != was.place[0].is_empty() || was.class.is_empty() {
            let _ = style.set_property("display", if next.place[0].is_empty() { "none" } else { "block" });
        }
        if next.tag != was.tag {
            self.tag.set_text_content(Some(next.tag));
        }
        if next.marker != was.marker {
            let (class, text) = match next.marker {
                Some(Severity::Error) => ("marker error", "Error"),
                Some(Severity::Warning) => ("marker warning", "Warning"),
                None => ("", ""),
            };
            self.marker.set_class_name(class);
            self.marker.set_text_content(Some(text));
            self.marker.set_hidden(next.marker.is_none());
        }
        for (el, now, then) in [
            (&self.title, &next.title, &was.title),
            (&self.meta, &next.meta, &was.meta),
            (&self.spoken, &next.spoken, &was.spoken),
        ] {
            if now != then {
                el.set_text_content(Some(now));
            }
        }
        self.look = next;
    }
}

/// Every block drawn on the grid, in the plan's order, which is their tab order.
pub struct DrawnBlocks {
    host: Element,
    blocks: Vec<(BlockId, DrawnBlock)>,
}

/// No blocks yet, in an element of their own that is not in the page.
impl Default for DrawnBlocks {
    fn default() -> DrawnBlocks {
        let host = element(None, "div", "").into();
        DrawnBlocks { host, blocks: Vec::new() }
    }
}

impl DrawnBlocks {
    /// The element the blocks are drawn into, to be put in the page.
    pub fn host(&self) -> Element {
        self.host.clone()
    }

    /// Brings every block's elements up to date with `plan`. `relabel` says the names
    /// or the day count changed, which every block's words depend on.
    pub fn sync(
        &mut self,
        plan: &Plan,
        slot_of: impl Fn(&Block) -> Slot,
        severity_of: impl Fn(BlockId) -> Option<Severity>,
        selected: Option<BlockId>,
        relabel: bool,
    ) {
        // The elements are already in plan order if the kept ones keep their relative
        // order and every new one comes after them (a new element goes at the end).
        let (mut last_kept, mut new_seen, mut order_changed) = (None, false, false);
        let mut old: Vec<Option<(BlockId, DrawnBlock)>> =
            std::mem::take(&mut self.blocks).into_iter().map(Some).collect();
        for (index, block) in plan.blocks.iter().enumerate() {
            let found = match old.get(index) {
                Some(Some((id, _))) if *id == block.id => Some(index),
                _ => old.iter().position(|o| matches!(o, Some((id, _)) if *id == block.id)),
            };
            match found {
                Some(i) => {
                    order_changed |= new_seen || last_kept.is_some_and(|last| i < last);
                    last_kept = Some(i);
                }
                None => new_seen = true,
            }
            let kept = found.and_then(|i| old.get_mut(i).and_then(Option::take));
            let (slot, severity, selected) = (slot_of(block), severity_of(block.id), selected == Some(block.id));
            let drawn = match kept {
                Some((_, mut drawn)) => {
                    let was = &drawn.shown;
                    // Compared before anything is cloned: most blocks are unchanged.
                    if relabel
                        || was.block != *block
                        || was.slot != slot
                        || was.severity != severity
                        || was.selected != selected
                    {
                        drawn.shown = Shown { block: block.clone(), slot, severity, selected, preview: was.preview };
                        drawn.draw(plan);
                    }
                    drawn
                }
                None => {
                    let shown = Shown { block: block.clone(), slot, severity, selected, preview: None };
                    let mut drawn = DrawnBlock::new(&self.host, block.id, shown);
                    drawn.draw(plan);
                    drawn
                }
            };
            self.blocks.push((block.id, drawn));
        }
        for (_, gone) in old.into_iter().flatten() {
            gone.wrap.remove();
        }
        if order_changed {
            // Re-appending moves each element to the end, leaving them in plan order.
            for (_, drawn) in &self.blocks {
                let _ = self.host.append_child(&drawn.wrap);
            }
        }
    }

    /// Shows a drag's preview on one block (or, with `None`, puts it back).
    pub fn preview(&mut self, plan: &Plan, id: BlockId, preview: Option<Preview>) {
        if let Some((_, drawn)) = self.blocks.iter_mut().find(|(b, _)| *b == id) {
            if drawn.shown.preview != preview {
                drawn.shown.preview = preview;
                drawn.draw(plan);
            }
        }
    }
}
