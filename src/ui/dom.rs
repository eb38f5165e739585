//! Plain DOM for the lists and panels of the UI: elements made and filled by hand, the
//! one effect and the one control writer they all use, handlers of one type per event
//! kind, and the one keyed list every repeated part is drawn through.
//!
//! Each Leptos view is compiled into code of its own: rows, panels and handlers as views
//! cost more of the bundle than anything else in it (BENCHMARKS.md, "Size, eighth" to
//! "tenth round"). A list's or panel's clicks and changes are handled once, on the list
//! or panel, by what the element the event came from says it is (`id`, `data-*`).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Node};

/// A new element of `tag` with `class` (none if empty), appended to `parent` if given.
pub fn element(parent: Option<&Element>, tag: &str, class: &str) -> HtmlElement {
    // Fails only for an invalid tag name, and every caller passes a fixed one.
    let el: HtmlElement = document().create_element(tag).expect("a valid tag name").unchecked_into();
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if let Some(parent) = parent {
        let _ = parent.append_child(&el);
    }
    el
}

/// A new element holding `text` as text (never as markup), appended to `parent`.
pub fn text(parent: &Element, tag: &str, class: &str, text: &str) -> HtmlElement {
    let el = element(Some(parent), tag, class);
    el.set_text_content(Some(text));
    el
}

/// Sets an attribute. Setting one only fails for an invalid name, and names are fixed.
pub fn attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Sets or removes a boolean attribute (`hidden`, `disabled`), touching the DOM only
/// when it changes.
pub fn flag(el: &Element, name: &str, on: bool) {
    if on != el.has_attribute(name) {
        let _ = el.toggle_attribute_with_force(name, on);
    }
}

/// A `<button type="button">` with its label, appended to `parent`.
pub fn button(parent: &Element, class: &str, label: &str) -> HtmlElement {
    let el = text(parent, "button", class, label);
    attr(&el, "type", "button");
    el
}

/// The element an event came from, or the nearest one around it, that matches `selector`.
pub fn event_source(ev: &web_sys::Event, selector: &str) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// Runs `f` now, and again whenever a signal it read changes, for as long as the
/// current owner lives. The first run is at once, so a part is complete when the page
/// first shows. Not generic: Leptos compiles an effect's machinery once per closure
/// type, and every plain-DOM part shares this one.
pub fn effect(f: impl FnMut() + 'static) {
    boxed_effect(Box::new(f));
}

fn boxed_effect(mut f: Box<dyn FnMut()>) {
    // Kept by the owner: the effect stops when its part of the page goes.
    StoredValue::new_local(RenderEffect::new(move |_| f()));
}

/// The `value` of an input, select or textarea.
pub fn value_of(el: &Element) -> String {
    js_sys::Reflect::get(el, &JsValue::from_str("value")).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Sets the `value` of an input, select or textarea.
pub fn set_value(el: &Element, value: &str) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str("value"), &JsValue::from_str(value));
}

/// A form control's property (`value` or `checked`) shown from the model. It is written
/// only when the model's value changed since it was last written, so a field being typed
/// in is not reset by a change elsewhere in the plan.
pub struct Control {
    el: Element,
    property: &'static str,
    written: Option<JsValue>,
}

impl Control {
    pub fn new(el: &Element, property: &'static str) -> Control {
        Control { el: el.clone(), property, written: None }
    }

    /// Writes the next value shown even if it is the last one written (the control was
    /// emptied, as a select is when its options are drawn again).
    pub fn forget(&mut self) {
        self.written = None;
    }

    pub fn show(&mut self, value: JsValue) {
        if self.written.as_ref() != Some(&value) {
            let _ = js_sys::Reflect::set(&self.el, &JsValue::from_str(self.property), &value);
            self.written = Some(value);
        }
    }
}

/// A `<label for>` with its text, appended to `parent`.
pub fn label(parent: &Element, for_id: &str, label: &str) {
    attr(&text(parent, "label", "", label), "for", for_id);
}

/// An `<option>` appended to `select`.
pub fn option(select: &Element, value: &str, label: &str) -> Element {
    let option = text(select, "option", "", label);
    attr(&option, "value", value);
    option.into()
}

/// The directive behind `use:lines=texts`: one `<li>` per text, for a list drawn once.
pub fn lines(host: Element, texts: Vec<String>) {
    host.set_text_content(None);
    for line in &texts {
        text(&host, "li", "", line);
    }
}

/// A click handler for `on:click`, boxed so that every click handler in the views is
/// one type: Leptos compiles each handler type's attaching code separately.
pub fn clicks(f: impl FnMut(web_sys::MouseEvent) + 'static) -> Box<dyn FnMut(web_sys::MouseEvent)> {
    Box::new(f)
}

/// A handler for `on:change` (or `on:submit`), boxed for the reason `clicks` gives.
pub fn changes<E>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// Event listeners added by hand, removed again when the part of the page that added
/// them goes (or is drawn again on the same element).
struct Listeners {
    el: Element,
    types: &'static [&'static str],
    handler: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for kind in self.types {
            let _ = self.el.remove_event_listener_with_callback(kind, self.handler.as_ref().unchecked_ref());
        }
    }
}

/// Calls `handler` for each event of `types` on `el`, for as long as the current owner
/// lives. One handler for several events compiles into one piece of code, where each
/// `on:` in a view compiles into its own.
pub fn listen(el: &Element, types: &'static [&'static str], handler: impl FnMut(web_sys::Event) + 'static) {
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    for kind in types {
        let _ = el.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    }
    StoredValue::new_local(Listeners { el: el.clone(), types, handler });
}

/// What identifies a row between redraws: a row whose key is still there keeps its
/// element, and only rows with new keys are built. A key holds everything its row
/// shows, so a row that would show something else is a new row.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum RowKey {
    Number(u64),
    Text(String),
}

/// A row of a list: its key, and how to build its element if the key is new.
pub struct Row {
    key: RowKey,
    build: Box<dyn FnOnce() -> Element>,
}

impl Row {
    pub fn new(key: RowKey, build: impl FnOnce() -> Element + 'static) -> Row {
        Row { key, build: Box::new(build) }
    }
}

/// One row per item, keyed by `key` and built by `build` from its own copy of the item.
pub fn rows_from<T: Clone + 'static>(items: &[T], key: impl Fn(&T) -> RowKey, build: fn(&T) -> Element) -> Vec<Row> {
    items
        .iter()
        .map(|item| {
            let item = item.clone();
            Row::new(key(&item), move || build(&item))
        })
        .collect()
}

struct ListState {
    host: Option<Element>,
    shown: Vec<(RowKey, Element)>,
    rows: Box<dyn Fn() -> Vec<Row>>,
}

/// A list of rows that follows `rows` as the signals it reads change. Put it in a
/// view with `use:rows=list` on the element that holds the rows (and nothing else).
#[derive(Clone, Copy)]
pub struct RowList(StoredValue<ListState, LocalStorage>);

impl RowList {
    pub fn new(rows: impl Fn() -> Vec<Row> + 'static) -> RowList {
        RowList::boxed(Box::new(rows))
    }

    // Not generic, so the list is compiled once for every list.
    fn boxed(rows: Box<dyn Fn() -> Vec<Row>>) -> RowList {
        let list = RowList(StoredValue::new_local(ListState { host: None, shown: Vec::new(), rows }));
        effect(move || list.redraw());
        list
    }

    fn redraw(self) {
        if let Some(rows) = self.0.try_with_value(|state| (state.rows)()) {
            self.0.update_value(|state| state.sync(rows));
        }
    }

    /// Calls `f` with every row's element, in order.
    pub fn each(self, mut f: impl FnMut(&Element)) {
        self.0.with_value(|state| state.shown.iter().for_each(|(_, el)| f(el)));
    }

    /// Draws the list into `host` (emptied first) and keeps it there.
    pub fn attach(self, host: Element) {
        let fresh = self.0.try_update_value(|state| {
            if state.host.as_ref() == Some(&host) {
                return false;
            }
            host.set_text_content(None);
            state.shown.clear();
            state.host = Some(host);
            true
        });
        if fresh == Some(true) {
            untrack(|| self.redraw());
        }
    }
}

/// The directive behind `use:rows=list`.
pub fn rows(host: Element, list: RowList) {
    list.attach(host);
}

impl ListState {
    fn sync(&mut self, rows: Vec<Row>) {
        let Some(host) = self.host.clone() else { return };
        let mut old: Vec<Option<(RowKey, Element)>> = self.shown.drain(..).map(Some).collect();
        let mut next: Vec<(RowKey, Element, bool)> = Vec::with_capacity(rows.len());
        // Rows mostly keep their order, so the row after the last one found is tried first.
        let mut guess = 0;
        for row in rows {
            let matches = |o: &Option<(RowKey, Element)>| o.as_ref().is_some_and(|(key, _)| *key == row.key);
            let found = if old.get(guess).is_some_and(matches) { Some(guess) } else { old.iter().position(matches) };
            match found.and_then(|i| old.get_mut(i).and_then(Option::take)) {
                Some((key, el)) => {
                    guess = found.map_or(0, |i| i + 1);
                    next.push((key, el, false));
                }
                None => {
                    let el = (row.build)();
                    next.push((row.key, el, true));
                }
            }
        }
        for (_, gone) in old.into_iter().flatten() {
            gone.remove();
        }
        // From the last row back, each row must sit right before the one after it: rows
        // that kept their order are left alone, so focus and scroll stay where they are.
        let mut after: Option<Node> = None;
        for (_, el, new) in next.iter().rev() {
            if *new || el.next_sibling() != after {
                let _ = host.insert_before(el, after.as_ref());
            }
            after = Some(el.clone().into());
        }
        self.shown = next.into_iter().map(|(key, el, _)| (key, el)).collect();
    }
}
