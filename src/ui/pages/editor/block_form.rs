//! The selected block's details. Each field sends one edit when it changes, so undo
//! steps match what the therapist did; `block_fields` says what each field shows and
//! which edit its new text makes. Each field follows only its own value, so text being
//! typed into one is not reset by a change elsewhere.

use crate::domain::validate::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use crate::domain::words::{day_label, kap_for_label, length_words, who_label};
use leptos::either::Either;
use leptos::prelude::*;

use super::add_line::AddLine;
use super::block_fields::BlockField;
use super::field_binding::{on_change, value_of};
use super::EditorCtx;
use crate::domain::choice::Choice;
use crate::domain::edit::{block_lengths, Edit};
use crate::domain::model::{Block, BlockId, BlockKind, Modality, Participants};

#[component]
pub fn BlockForm() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    // The form is built anew only when another block is chosen or the chosen one goes.
    let shown = Memo::new(move |_| ctx.selected.get().filter(|id| ctx.plan.with(|p| p.block(*id).is_some())));
    view! {
        <section class="panel" aria-labelledby="block-form-heading">
            <h2 id="block-form-heading">"Block"</h2>
            {move || match shown.get() {
                None => Either::Left(view! { <p class="muted">"Choose a block on the grid to edit it."</p> }),
                Some(id) => Either::Right(view! { <BlockFields id/> }),
            }}
        </section>
    }
}

/// A list's choices as (value, words).
fn choices<T: Choice>(words: impl Fn(T) -> String) -> Vec<(String, String)> {
    T::ALL.iter().map(|choice| (choice.value().to_string(), words(*choice))).collect()
}

/// The chosen block as the form's fields read it.
type Chosen = Memo<Option<Block>>;

fn dom_id(field: BlockField) -> &'static str {
    match field {
        BlockField::Title => "bf-title",
        BlockField::Kind => "bf-kind",
        BlockField::Day => "bf-day",
        BlockField::Start => "bf-start",
        BlockField::Length => "bf-length",
        BlockField::Who => "bf-who",
        BlockField::KapFor => "bf-kap-for",
        BlockField::Modality => "bf-modality",
        BlockField::CoupleNotes => "bf-couple-notes",
        BlockField::PrivateNotes => "bf-private-notes",
    }
}

#[component]
fn BlockFields(id: BlockId) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let block: Chosen = Memo::new(move |_| ctx.plan.with(|p| p.block(id).cloned()));
    let kind = Memo::new(move |_| block.with(|b| b.as_ref().map(|b| b.kind)));
    let names = Memo::new(move |_| ctx.plan.with(|p| p.partners.clone()));
    let days = Memo::new(move |_| {
        ctx.plan.with(|p| (1..=p.day_count() + 1).map(|d| (d.to_string(), day_label(p, d))).collect::<Vec<_>>())
    });
    let lengths: Vec<(String, String)> = block_lengths().map(|m| (m.to_string(), length_words(m))).collect();
    let kinds = choices(|kind: BlockKind| kind.label().to_string());
    let who = Signal::derive(move || names.with(|partners| choices(|who: Participants| who_label(who, partners))));
    let kap_for = Signal::derive(move || names.with(|partners| choices(|set| kap_for_label(set, partners))));
    let modalities = choices(|modality: Option<Modality>| modality.map_or("Not set", Modality::label).to_string());
    let day_choices = Signal::derive(move || days.get());

    view! {
        <div class="block-form">
            <TextInput block field=BlockField::Title label="Title"/>
            <Choice block field=BlockField::Kind label="Kind" choices=Signal::stored(kinds)/>
            <div class="row">
                <div><Choice block field=BlockField::Day label="Day" choices=day_choices/></div>
                <div><TimeInput block field=BlockField::Start label="Start"/></div>
                <div><Choice block field=BlockField::Length label="Length" choices=Signal::stored(lengths)/></div>
            </div>
            <Choice block field=BlockField::Who label="Who takes part" choices=who/>
            <Show when=move || kind.get().is_some_and(BlockKind::is_kap)>
                <Choice block field=BlockField::KapFor label="Whose medicine" choices=kap_for/>
            </Show>
            <Show when=move || kind.get() == Some(BlockKind::JointSession)>
                <Choice block field=BlockField::Modality label="Approach" choices=Signal::stored(modalities.clone())/>
            </Show>
            <Notes block field=BlockField::CoupleNotes label="Notes for the couple" class=""/>
            <Notes block field=BlockField::PrivateNotes label="Private notes (therapist only)" class="private"/>
            <Checklist block id/>
            <button type="button" class="danger" on:click=move |_| {
                ctx.send(Edit::DeleteBlock { id });
                ctx.select(None);
            }>"Delete block"</button>
        </div>
    }
}

#[component]
fn TextInput(block: Chosen, field: BlockField, label: &'static str) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    view! {
        <label for=dom_id(field)>{label}</label>
        <input id=dom_id(field) type="text" maxlength=MAX_TITLE_CHARS.to_string() prop:value=value_of(block, field)
            on:change=on_change(ctx, block, field)/>
    }
}

#[component]
fn TimeInput(block: Chosen, field: BlockField, label: &'static str) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    view! {
        <label for=dom_id(field)>{label}</label>
        <input id=dom_id(field) type="time" step="900" prop:value=value_of(block, field)
            on:change=on_change(ctx, block, field)/>
    }
}

#[component]
fn Notes(block: Chosen, field: BlockField, label: &'static str, class: &'static str) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    view! {
        <label for=dom_id(field)>{label}</label>
        <textarea id=dom_id(field) class=class rows="3" maxlength=MAX_NOTE_CHARS.to_string() prop:value=value_of(block, field)
            on:change=on_change(ctx, block, field)></textarea>
    }
}

/// A list: its choices as (value, words), the chosen one marked from the model.
#[component]
fn Choice(
    block: Chosen,
    field: BlockField,
    label: &'static str,
    choices: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let value = value_of(block, field);
    view! {
        <label for=dom_id(field)>{label}</label>
        <select id=dom_id(field) on:change=on_change(ctx, block, field)>
            <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                <option value=choice.0.clone() prop:selected=move || value.get() == choice.0>{choice.1.clone()}</option>
            </For>
        </select>
    }
}

/// The block's checklist: its items with a way to remove each, and a box to add one.
#[component]
fn Checklist(block: Chosen, id: BlockId) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let items = Memo::new(move |_| {
        block
            .with(|b| b.as_ref().map(|b| b.checklist.iter().map(|i| (i.text.clone(), i.done)).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let add = Callback::new(move |text| ctx.send(Edit::AddChecklistItem { id, text }));
    view! {
        <fieldset class="checklist">
            <legend>"Checklist"</legend>
            <ul>
                <For each=move || items.get().into_iter().enumerate() key=|item| item.clone() let:item>
                    <li>
                        <span>{format!("{}{}", item.1 .0, if item.1 .1 { " (ticked)" } else { "" })}</span>
                        <button type="button" class="quiet" aria-label=format!("Remove checklist item {}", item.1 .0)
                            on:click=move |_| ctx.send(Edit::RemoveChecklistItem { id, index: item.0 })>"Remove"</button>
                    </li>
                </For>
            </ul>
            <AddLine id="bf-new-item" label="New checklist item" button="Add item" on_add=add/>
        </fieldset>
    }
}
