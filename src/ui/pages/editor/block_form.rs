//! The selected block's details. Each field sends one edit when it changes, so undo
//! steps match what the therapist did; `block_fields` says what each field shows and
//! which edit its new text makes. Each field follows only its own value, so text being
//! typed into one is not reset by a change elsewhere.

use leptos::either::Either;
use leptos::prelude::*;

use super::add_line::AddLine;
use super::block_fields::BlockField;
use super::field_binding::{choices, length_choices, Control, FieldChoice, FieldInput};
use super::EditorCtx;
use crate::domain::choice::Choice;
use crate::domain::edit::Edit;
use crate::domain::model::{Block, BlockId, BlockKind, Modality, Participants};
use crate::domain::words::{day_label, kap_for_label, who_label};

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

/// The chosen block as the form's fields read it.
type Chosen = Memo<Option<Block>>;

#[component]
fn BlockFields(id: BlockId) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let block: Chosen = Memo::new(move |_| ctx.plan.with(|p| p.block(id).cloned()));
    let kind = Memo::new(move |_| block.with(|b| b.as_ref().map(|b| b.kind)));
    let names = Memo::new(move |_| ctx.plan.with(|p| p.partners.clone()));
    let days = Memo::new(move |_| {
        ctx.plan.with(|p| (1..=p.day_count() + 1).map(|d| (d.to_string(), day_label(p, d))).collect::<Vec<_>>())
    });
    let kinds = Signal::stored(choices(BlockKind::ALL, |kind| kind.label().to_string()));
    let who =
        Signal::derive(move || names.with(|partners| choices(&Participants::ALL, |who| who_label(who, partners))));
    let kap_for = Signal::derive(move || names.with(|p| choices(Option::ALL, |set| kap_for_label(set, p))));
    let modalities = Signal::stored(choices(Option::<Modality>::ALL, |x| x.map_or("Not set", Modality::label).into()));

    view! {
        <div class="block-form">
            <FieldInput item=block field=BlockField::Title label="Title" control=Control::Text/>
            <FieldChoice item=block field=BlockField::Kind label="Kind" choices=kinds/>
            <div class="row">
                <div><FieldChoice item=block field=BlockField::Day label="Day" choices=days/></div>
                <div><FieldInput item=block field=BlockField::Start label="Start" control=Control::Time/></div>
                <div><FieldChoice item=block field=BlockField::Length label="Length" choices=length_choices()/></div>
            </div>
            <FieldChoice item=block field=BlockField::Who label="Who takes part" choices=who/>
            <Show when=move || kind.get().is_some_and(BlockKind::is_kap)>
                <FieldChoice item=block field=BlockField::KapFor label="Whose medicine" choices=kap_for/>
            </Show>
            <Show when=move || kind.get() == Some(BlockKind::JointSession)>
                <FieldChoice item=block field=BlockField::Modality label="Approach" choices=modalities/>
            </Show>
            <FieldInput item=block field=BlockField::CoupleNotes label="Notes for the couple" control=Control::Notes/>
            <FieldInput item=block field=BlockField::PrivateNotes label="Private notes (therapist only)"
                control=Control::PrivateNotes/>
            <Checklist block id/>
            <button type="button" class="danger" on:click=move |_| {
                ctx.send(Edit::DeleteBlock { id });
                ctx.select(None);
            }>"Delete block"</button>
        </div>
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
