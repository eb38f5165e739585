//! The selected block's details. Each field sends one edit when it changes, so
//! undo steps match what the therapist did. `block_fields` says what each field
//! shows and which edit its new text makes.
//!
//! The form is plain DOM (`ui::dom`): built once per chosen block, filled by one
//! effect that writes only what changed, with one change and one click listener for
//! every control in it. As a Leptos view it was the largest single part of the editor
//! (BENCHMARKS.md, "Size, tenth round").

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::block_fields::BlockField;
use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::model::{Block, BlockId, BlockKind, Modality, Partner, Plan};
use crate::domain::rules::day_label;
use crate::ui::dom::{
    attr, button, changes, clicks, effect, element, event_source, flag, label, option, set_value, text, value_of,
    Control,
};

#[component]
pub fn BlockForm() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    // A memo, so the form is rebuilt only when another block is chosen or the
    // chosen one is deleted, not on every change of the plan.
    let shown = Memo::new(move |_| ctx.selected.get().filter(|id| ctx.plan.with(|p| p.block(*id).is_some())));
    // Change events bubble: the field that changed is the event's target.
    let changed = move |ev: leptos::ev::Event| {
        let Some(id) = shown.get_untracked() else { return };
        let field =
            ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| BlockField::from_dom_id(&e.id()));
        let edit = field.and_then(|field| {
            ctx.plan.with_untracked(|p| p.block(id).and_then(|b| field.edit(b, event_target_value(&ev))))
        });
        if let Some(edit) = edit {
            ctx.send(edit);
        }
    };
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let Some(id) = shown.get_untracked() else { return };
        let Some(button) = event_source(&ev, "button[data-action]") else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("remove") => {
                if let Some(index) = button.get_attribute("data-index").and_then(|i| i.parse().ok()) {
                    ctx.send(Edit::RemoveChecklistItem { id, index });
                }
            }
            Some("add") => {
                let Some(input) = document().get_element_by_id("bf-new-item") else { return };
                let text = value_of(&input).trim().to_string();
                if !text.is_empty() {
                    ctx.send(Edit::AddChecklistItem { id, text });
                    set_value(&input, "");
                }
            }
            Some("delete") => {
                ctx.send(Edit::DeleteBlock { id });
                ctx.selected.set(None);
            }
            _ => {}
        }
    };
    view! {
        <section class="panel" aria-labelledby="block-form-heading">
            <h2 id="block-form-heading">"Block"</h2>
            <div use:block_form=(ctx, shown) on:change=changes(changed) on:click=clicks(clicked)></div>
        </section>
    }
}

/// The directive behind `use:block_form`: the chosen block's form, or a hint when none is.
fn block_form(host: Element, (ctx, shown): (EditorCtx, Memo<Option<BlockId>>)) {
    effect(move || {
        host.set_text_content(None);
        match shown.get() {
            None => {
                text(&host, "p", "muted", "Choose a block on the grid to edit it.");
            }
            Some(id) => {
                let mut form = FormParts::build(&host);
                // Owned by this effect: dropped when another block is chosen.
                let mut written = Written::default();
                effect(move || written = ctx.plan.with(|plan| form.fill(plan, id, std::mem::take(&mut written))));
            }
        }
    });
}

/// The elements the fill pass writes to.
struct FormParts {
    fields: Vec<(BlockField, Control)>,
    day: Element,
    who: Vec<Element>,
    kap_for: Vec<Element>,
    kap_box: Element,
    modality_box: Element,
    checklist: Element,
}

/// What the last fill drew besides the fields (which `Control` keeps), so the next one
/// draws only what changed.
#[derive(Default, PartialEq)]
struct Written {
    days: Vec<String>,
    names: Option<(String, String)>,
    checklist: Vec<(String, bool)>,
}

impl FormParts {
    fn build(host: &Element) -> FormParts {
        let form = element(Some(host), "div", "block-form");
        let mut fields = Vec::new();
        let mut field = |parent: &Element, field: BlockField, tag: &str, caption: &str| {
            label(parent, field.dom_id(), caption);
            let el = element(Some(parent), tag, "");
            el.set_id(field.dom_id());
            fields.push((field, Control::new(&el, "value")));
            el
        };
        let title = field(&form, BlockField::Title, "input", "Title");
        attr(&title, "type", "text");
        attr(&title, "maxlength", "200");
        let kind = field(&form, BlockField::Kind, "select", "Kind");
        options(&kind, BlockKind::ALL.iter().map(|k| (k.css_name(), k.label())));

        let row = element(Some(&form), "div", "row");
        let day = field(&element(Some(&row), "div", ""), BlockField::Day, "select", "Day");
        let start = field(&element(Some(&row), "div", ""), BlockField::Start, "input", "Start");
        attr(&start, "type", "time");
        attr(&start, "step", "900");
        let length = field(&element(Some(&row), "div", ""), BlockField::Length, "select", "Length");
        for minutes in (1..=32u16).map(|q| q * 15) {
            let label = format!("{} h {:02} min", minutes / 60, minutes % 60);
            option(&length, &minutes.to_string(), &label);
        }

        let who = field(&form, BlockField::Who, "select", "Who takes part");
        let who = ["both-t", "a-t", "b-t", "couple", "a", "b"].map(|value| option(&who, value, ""));

        // Shown only for the kinds they concern; hidden rather than removed, so a kind
        // changed back and forth keeps the form as it was.
        let kap_box = element(Some(&form), "div", "");
        let kap_for = field(&kap_box, BlockField::KapFor, "select", "Whose medicine");
        let kap_for = ["all", "a", "b", "both"].map(|value| option(&kap_for, value, ""));
        let modality_box = element(Some(&form), "div", "");
        let modality = field(&modality_box, BlockField::Modality, "select", "Approach");
        option(&modality, "", "Not set");
        options(&modality, Modality::ALL.iter().map(|m| (m.code(), m.label())));

        for (id, label, class) in [
            (BlockField::CoupleNotes, "Notes for the couple", ""),
            (BlockField::PrivateNotes, "Private notes (therapist only)", "private"),
        ] {
            let notes = field(&form, id, "textarea", label);
            notes.set_class_name(class);
            attr(&notes, "rows", "3");
            attr(&notes, "maxlength", "5000");
        }

        let checks = element(Some(&form), "fieldset", "checklist");
        text(&checks, "legend", "", "Checklist");
        let checklist = element(Some(&checks), "ul", "");
        label(&checks, "bf-new-item", "New checklist item");
        let adding = element(Some(&checks), "div", "row");
        let new_item = element(Some(&adding), "input", "");
        new_item.set_id("bf-new-item");
        attr(&new_item, "type", "text");
        attr(&new_item, "maxlength", "200");
        attr(&button(&adding, "", "Add item"), "data-action", "add");
        attr(&button(&form, "danger", "Delete block"), "data-action", "delete");

        FormParts {
            fields,
            day: day.into(),
            who: who.into(),
            kap_for: kap_for.into(),
            kap_box: kap_box.into(),
            modality_box: modality_box.into(),
            checklist: checklist.into(),
        }
    }

    fn fill(&mut self, plan: &Plan, id: BlockId, before: Written) -> Written {
        let Some(block) = plan.block(id) else { return before };
        let days: Vec<String> = (1..=plan.day_count() + 1).map(|d| day_label(plan, d)).collect();
        let names = Some((plan.partner_name(Partner::A).to_string(), plan.partner_name(Partner::B).to_string()));
        let now = Written {
            checklist: block.checklist.iter().map(|item| (item.text.clone(), item.done)).collect(),
            days,
            names,
        };
        let days_changed = now.days != before.days;
        if days_changed {
            self.day.set_text_content(None);
            for (day, label) in now.days.iter().enumerate() {
                option(&self.day, &(day + 1).to_string(), label);
            }
        }
        for (field, control) in &mut self.fields {
            // New options drop the day's value, so it is written again with them.
            if days_changed && *field == BlockField::Day {
                control.forget();
            }
            control.show(JsValue::from_str(&field.text(block)));
        }
        if let Some((a, b)) = now.names.as_ref().filter(|_| now.names != before.names) {
            let who = [
                format!("{a} and {b} with the therapist"),
                format!("{a} with the therapist"),
                format!("{b} with the therapist"),
                "The couple on their own".to_string(),
                format!("{a} on their own"),
                format!("{b} on their own"),
            ];
            for (option, label) in self.who.iter().zip(who) {
                option.set_text_content(Some(&label));
            }
            let kap_for = ["Everyone taking part", a, b, "Both partners"];
            for (option, label) in self.kap_for.iter().zip(kap_for) {
                option.set_text_content(Some(label));
            }
        }
        flag(&self.kap_box, "hidden", !block.kind.is_kap());
        flag(&self.modality_box, "hidden", block.kind != BlockKind::JointSession);
        if now.checklist != before.checklist {
            self.fill_checklist(block);
        }
        now
    }

    /// One row per item, reused by position so a focused "Remove" keeps focus.
    fn fill_checklist(&self, block: &Block) {
        let rows = self.checklist.children();
        for (index, item) in block.checklist.iter().enumerate() {
            let li = match rows.item(index as u32) {
                Some(li) => li,
                None => {
                    let li = element(Some(&self.checklist), "li", "");
                    element(Some(&li), "span", "");
                    attr(&button(&li, "quiet", "Remove"), "data-action", "remove");
                    li.into()
                }
            };
            let ticked = if item.done { " (ticked)" } else { "" };
            if let Some(label) = li.first_element_child() {
                label.set_text_content(Some(&format!("{}{ticked}", item.text)));
            }
            if let Some(remove) = li.last_element_child() {
                attr(&remove, "data-index", &index.to_string());
                attr(&remove, "aria-label", &format!("Remove checklist item {}", item.text));
            }
        }
        while let Some(extra) = rows.item(block.checklist.len() as u32) {
            extra.remove();
        }
    }
}

fn options<'a>(select: &Element, choices: impl Iterator<Item = (&'a str, &'a str)>) {
    for (value, label) in choices {
        option(select, value, label);
    }
}
