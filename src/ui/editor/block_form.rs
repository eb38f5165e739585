//! The selected block's details. Each field sends one edit when it changes, so
//! undo steps match what the therapist did. One change listener serves every field;
//! `block_fields` says what each field shows and which edit its new text makes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::block_fields::BlockField;
use super::EditorCtx;
use crate::domain::edit::Edit;
use crate::domain::model::{BlockId, BlockKind, Modality, Partner};
use crate::domain::rules::day_label;

/// `<option>`s from (value, label) pairs. Every list in the form goes through here, so
/// their views are one type, compiled once.
fn options(choices: Vec<(String, String)>) -> AnyView {
    choices.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view().into_any()
}

#[component]
pub fn BlockForm() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    // A memo, so the form is rebuilt only when another block is chosen or the
    // chosen one is deleted, not on every change of the plan.
    let shown = Memo::new(move |_| ctx.selected.get().filter(|id| ctx.plan.with(|p| p.block(*id).is_some())));
    view! {
        <section class="panel" aria-labelledby="block-form-heading">
            <h2 id="block-form-heading">"Block"</h2>
            {move || match shown.get() {
                None => view! { <p class="muted">"Choose a block on the grid to edit it."</p> }.into_any(),
                Some(id) => view! { <SelectedBlock id=id/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SelectedBlock(id: BlockId) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let plan = ctx.plan;
    let block = Memo::new(move |_| plan.with(|p| p.block(id).cloned()));
    // Memos, so the fields shown only for some kinds are built when they appear and
    // not again on every change of the block.
    let is_kap = Memo::new(move |_| block.with(|b| b.as_ref().is_some_and(|b| b.kind.is_kap())));
    let is_joint = Memo::new(move |_| block.with(|b| b.as_ref().is_some_and(|b| b.kind == BlockKind::JointSession)));
    // Each field reads its value through a memo: a change elsewhere in the block
    // does not reset every field's DOM value.
    let value = move |field: BlockField| {
        let text = Memo::new(move |_| block.with(|b| b.as_ref().map(|b| field.text(b)).unwrap_or_default()));
        move || text.get()
    };
    // Change events bubble: the field that changed is the event's target.
    let changed = move |ev: leptos::ev::Event| {
        let field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| BlockField::from_dom_id(&e.id()));
        let edit = field.and_then(|field| {
            block.with_untracked(|b| b.as_ref().and_then(|b| field.edit(b, event_target_value(&ev))))
        });
        if let Some(edit) = edit {
            ctx.send(edit);
        }
    };
    let name = move |p: Partner| plan.with(|plan| plan.partner_name(p).to_string());
    let new_item = RwSignal::new(String::new());
    let day_count = Memo::new(move |_| plan.with(|p| p.day_count()));

    view! {
        <div class="block-form" on:change=changed>
            <label for="bf-title">"Title"</label>
            <input id="bf-title" type="text" maxlength="200" prop:value=value(BlockField::Title)/>
            <label for="bf-kind">"Kind"</label>
            <select id="bf-kind" prop:value=value(BlockField::Kind)>
                {options(BlockKind::ALL.into_iter().map(|k| (k.css_name().to_string(), k.label().to_string())).collect())}
            </select>
            <div class="row">
                <div>
                    <label for="bf-day">"Day"</label>
                    <select id="bf-day" prop:value=value(BlockField::Day)>
                        {move || options((1..=day_count.get() + 1).map(|d| (d.to_string(), plan.with_untracked(|p| day_label(p, d)))).collect())}
                    </select>
                </div>
                <div>
                    <label for="bf-start">"Start"</label>
                    <input id="bf-start" type="time" step="900" prop:value=value(BlockField::Start)/>
                </div>
                <div>
                    <label for="bf-length">"Length"</label>
                    <select id="bf-length" prop:value=value(BlockField::Length)>
                        {options((1..=32u16).map(|q| q * 15).map(|m| (m.to_string(), format!("{} h {:02} min", m / 60, m % 60))).collect())}
                    </select>
                </div>
            </div>
            <label for="bf-who">"Who takes part"</label>
            <select id="bf-who" prop:value=value(BlockField::Who)>
                <option value="both-t">{move || format!("{} and {} with the therapist", name(Partner::A), name(Partner::B))}</option>
                <option value="a-t">{move || format!("{} with the therapist", name(Partner::A))}</option>
                <option value="b-t">{move || format!("{} with the therapist", name(Partner::B))}</option>
                <option value="couple">"The couple on their own"</option>
                <option value="a">{move || format!("{} on their own", name(Partner::A))}</option>
                <option value="b">{move || format!("{} on their own", name(Partner::B))}</option>
            </select>
            {move || is_kap.get().then(|| view! {
                <label for="bf-kap-for">"Whose medicine"</label>
                <select id="bf-kap-for" prop:value=value(BlockField::KapFor)>
                    <option value="all">"Everyone taking part"</option>
                    <option value="a">{move || name(Partner::A)}</option>
                    <option value="b">{move || name(Partner::B)}</option>
                    <option value="both">"Both partners"</option>
                </select>
            })}
            {move || is_joint.get().then(|| view! {
                <label for="bf-modality">"Approach"</label>
                <select id="bf-modality" prop:value=value(BlockField::Modality)>
                    <option value="">"Not set"</option>
                    {options(Modality::ALL.into_iter().map(|m| (m.code().to_string(), m.label().to_string())).collect())}
                </select>
            })}
            <label for="bf-couple-notes">"Notes for the couple"</label>
            <textarea id="bf-couple-notes" rows="3" maxlength="5000" prop:value=value(BlockField::CoupleNotes)></textarea>
            <label for="bf-private-notes">"Private notes (therapist only)"</label>
            <textarea id="bf-private-notes" class="private" rows="3" maxlength="5000"
                prop:value=value(BlockField::PrivateNotes)></textarea>
            <fieldset class="checklist">
                <legend>"Checklist"</legend>
                <ul>
                    {move || block.get().map(|b| b.checklist.into_iter().enumerate().map(|(index, item)| view! {
                        <li>
                            <span>{item.text.clone()}{if item.done { " (ticked)" } else { "" }}</span>
                            <button type="button" class="quiet" aria-label=format!("Remove checklist item {}", item.text)
                                on:click=move |_| ctx.send(Edit::RemoveChecklistItem { id, index })>"Remove"</button>
                        </li>
                    }).collect_view())}
                </ul>
                <label for="bf-new-item">"New checklist item"</label>
                <div class="row">
                    <input id="bf-new-item" type="text" maxlength="200" prop:value=move || new_item.get()
                        on:input=move |ev| new_item.set(event_target_value(&ev))/>
                    <button type="button" on:click=move |_| {
                        let text = new_item.get_untracked().trim().to_string();
                        if !text.is_empty() {
                            ctx.send(Edit::AddChecklistItem { id, text });
                            new_item.set(String::new());
                        }
                    }>"Add item"</button>
                </div>
            </fieldset>
            <button type="button" class="danger" on:click=move |_| {
                ctx.send(Edit::DeleteBlock { id });
                ctx.selected.set(None);
            }>"Delete block"</button>
        </div>
    }
}
