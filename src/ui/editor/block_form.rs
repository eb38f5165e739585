//! The selected block's details. Each field sends one edit when it changes, so
//! undo steps match what the therapist did.

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{BlockId, BlockKind, Modality, Participants, Partner, PartnerSet};
use crate::domain::rules::day_label;
use crate::domain::time::{hhmm, parse_hhmm};

fn who_value(who: Participants) -> &'static str {
    match who {
        Participants::BothWithTherapist => "both-t",
        Participants::OneWithTherapist(Partner::A) => "a-t",
        Participants::OneWithTherapist(Partner::B) => "b-t",
        Participants::CoupleOnTheirOwn => "couple",
        Participants::OneOnTheirOwn(Partner::A) => "a",
        Participants::OneOnTheirOwn(Partner::B) => "b",
    }
}

fn who_from(value: &str) -> Participants {
    match value {
        "a-t" => Participants::OneWithTherapist(Partner::A),
        "b-t" => Participants::OneWithTherapist(Partner::B),
        "couple" => Participants::CoupleOnTheirOwn,
        "a" => Participants::OneOnTheirOwn(Partner::A),
        "b" => Participants::OneOnTheirOwn(Partner::B),
        _ => Participants::BothWithTherapist,
    }
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
    // Each field reads its value through a memo: a change elsewhere in the block
    // does not reset every field's DOM value.
    let get = move |f: fn(&crate::domain::model::Block) -> String| {
        let value = Memo::new(move |_| block.with(|b| b.as_ref().map(f).unwrap_or_default()));
        move || value.get()
    };
    let text = move |field: BlockText| {
        move |ev: leptos::ev::Event| ctx.send(Edit::SetText { id, field, text: event_target_value(&ev) })
    };
    let name = move |p: Partner| plan.with(|plan| plan.partner_name(p).to_string());
    let new_item = RwSignal::new(String::new());
    let day_count = Memo::new(move |_| plan.with(|p| p.day_count()));

    view! {
        <div class="block-form">
            <label for="bf-title">"Title"</label>
            <input id="bf-title" type="text" maxlength="200" prop:value=get(|b| b.title.clone())
                on:change=text(BlockText::Title)/>
            <label for="bf-kind">"Kind"</label>
            <select id="bf-kind" prop:value=get(|b| b.kind.css_name().to_string())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(kind) = BlockKind::ALL.into_iter().find(|k| k.css_name() == value) {
                        ctx.send(Edit::ChangeKind { id, kind });
                    }
                }>
                {BlockKind::ALL.into_iter().map(|k| view! { <option value=k.css_name()>{k.label()}</option> }).collect_view()}
            </select>
            <div class="row">
                <div>
                    <label for="bf-day">"Day"</label>
                    <select id="bf-day" prop:value=get(|b| b.day.to_string())
                        on:change=move |ev| {
                            let day = event_target_value(&ev).parse().unwrap_or(1);
                            let start = block.with_untracked(|b| b.as_ref().map(|b| b.start)).unwrap_or_default();
                            ctx.send(Edit::MoveBlock { id, day, start });
                        }>
                        {move || (1..=day_count.get() + 1).map(|d| view! {
                            <option value=d.to_string()>{plan.with_untracked(|p| day_label(p, d))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="bf-start">"Start"</label>
                    <input id="bf-start" type="time" step="900" prop:value=get(|b| hhmm(b.start))
                        on:change=move |ev| {
                            if let Some(start) = parse_hhmm(&event_target_value(&ev)) {
                                let day = block.with_untracked(|b| b.as_ref().map(|b| b.day)).unwrap_or(1);
                                ctx.send(Edit::MoveBlock { id, day, start });
                            }
                        }/>
                </div>
                <div>
                    <label for="bf-length">"Length"</label>
                    <select id="bf-length" prop:value=get(|b| b.minutes.to_string())
                        on:change=move |ev| ctx.send(Edit::ResizeBlock { id, minutes: event_target_value(&ev).parse().unwrap_or(60) })>
                        {(1..=32u16).map(|q| q * 15).map(|m| view! {
                            <option value=m.to_string()>{format!("{} h {:02} min", m / 60, m % 60)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <label for="bf-who">"Who takes part"</label>
            <select id="bf-who" prop:value=get(|b| who_value(b.who).to_string())
                on:change=move |ev| ctx.send(Edit::ChangeWho { id, who: who_from(&event_target_value(&ev)) })>
                <option value="both-t">{move || format!("{} and {} with the therapist", name(Partner::A), name(Partner::B))}</option>
                <option value="a-t">{move || format!("{} with the therapist", name(Partner::A))}</option>
                <option value="b-t">{move || format!("{} with the therapist", name(Partner::B))}</option>
                <option value="couple">"The couple on their own"</option>
                <option value="a">{move || format!("{} on their own", name(Partner::A))}</option>
                <option value="b">{move || format!("{} on their own", name(Partner::B))}</option>
            </select>
            <Show when=move || block.with(|b| b.as_ref().is_some_and(|b| b.kind.is_kap()))>
                <label for="bf-kap-for">"Whose medicine"</label>
                <select id="bf-kap-for"
                    prop:value=get(|b| match b.kap_for { Some(PartnerSet { a: true, b: false }) => "a", Some(PartnerSet { a: false, b: true }) => "b", Some(PartnerSet { a: true, b: true }) => "both", _ => "all" }.to_string())
                    on:change=move |ev| {
                        let kap_for = match event_target_value(&ev).as_str() {
                            "a" => Some(PartnerSet::only(Partner::A)),
                            "b" => Some(PartnerSet::only(Partner::B)),
                            "both" => Some(PartnerSet::BOTH),
                            _ => None,
                        };
                        ctx.send(Edit::ChangeKapFor { id, kap_for });
                    }>
                    <option value="all">"Everyone taking part"</option>
                    <option value="a">{move || name(Partner::A)}</option>
                    <option value="b">{move || name(Partner::B)}</option>
                    <option value="both">"Both partners"</option>
                </select>
            </Show>
            <Show when=move || block.with(|b| b.as_ref().is_some_and(|b| b.kind == BlockKind::JointSession))>
                <label for="bf-modality">"Approach"</label>
                <select id="bf-modality" prop:value=get(|b| b.modality.map(|m| m.code().to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let modality = Modality::ALL.into_iter().find(|m| m.code() == value);
                        ctx.send(Edit::ChangeModality { id, modality });
                    }>
                    <option value="">"Not set"</option>
                    {Modality::ALL.into_iter().map(|m| view! { <option value=m.code()>{m.label()}</option> }).collect_view()}
                </select>
            </Show>
            <label for="bf-couple-notes">"Notes for the couple"</label>
            <textarea id="bf-couple-notes" rows="3" maxlength="5000" prop:value=get(|b| b.couple_notes.clone())
                on:change=text(BlockText::CoupleNotes)></textarea>
            <label for="bf-private-notes">"Private notes (therapist only)"</label>
            <textarea id="bf-private-notes" class="private" rows="3" maxlength="5000"
                prop:value=get(|b| b.private_notes.clone()) on:change=text(BlockText::PrivateNotes)></textarea>
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
