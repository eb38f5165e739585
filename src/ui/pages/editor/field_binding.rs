//! The controls of the block and follow-up forms: how a field follows its item and
//! sends its edit, one binding for both forms, so a field left after its item went
//! (deleted in another tab) changes nothing.

use leptos::either::Either;
use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::choice::Choice;
use crate::domain::edit::{block_lengths, Edit};
use crate::domain::time::time_field_step;
use crate::domain::validate::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use crate::domain::words::length_words;

/// A field of items of type `T`: what it shows, and the edit its new text makes.
pub trait FieldOf<T>: Copy + Send + Sync + 'static {
    fn text(self, item: &T) -> String;
    /// `None` for text the field does not offer, so nothing changes.
    fn edit(self, item: &T, text: String) -> Option<Edit>;
    /// The element id of this field of `item`.
    fn element_id(self, item: &T) -> String;
}

/// What a form's fields follow: one item, `None` once it is gone.
pub trait Item: PartialEq + Send + Sync + 'static {}
impl<T: PartialEq + Send + Sync + 'static> Item for T {}

/// A field bound to its item: its element id (fixed when built), the value it shows
/// (followed on its own, so typing in one field is not reset by a change to another)
/// and the handler that sends the edit its new text makes.
fn bind<T: Item, F: FieldOf<T>>(item: Memo<Option<T>>, field: F) -> (String, Memo<String>, impl Fn(leptos::ev::Event)) {
    let ctx = expect_context::<EditorCtx>();
    let id = item.with_untracked(|i| i.as_ref().map(|i| field.element_id(i))).unwrap_or_default();
    let value = Memo::new(move |_| item.with(|i| i.as_ref().map(|i| field.text(i)).unwrap_or_default()));
    let changed = move |ev| {
        let edit = item.try_with_untracked(|i| i.as_ref().and_then(|i| field.edit(i, event_target_value(&ev))));
        if let Some(edit) = edit.flatten() {
            ctx.send(edit);
        }
    };
    (id, value, changed)
}

/// Puts what the plan holds back into the field an event came from. A value refused,
/// snapped to the grid or kept inside its range can leave the plan as it was, so the
/// field's binding does not redraw, and the field would go on showing what was typed.
/// A list takes it at its change; a typed field as it is left, since a date or time
/// field changes at each part typed, and putting the value back then would undo the
/// typing. `held` is `None` once the field's page is gone: a field being taken out of
/// the page loses the focus, and says so, after its values are disposed.
pub fn show_held(ev: &leptos::ev::Event, held: Option<&str>) {
    use wasm_bindgen::JsCast;
    let (Some(target), Some(held)) = (ev.target(), held) else { return };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != held {
            input.set_value(held);
        }
    } else if let Some(text) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        if text.value() != held {
            text.set_value(held);
        }
    } else if let Some(list) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        if list.value() != held {
            list.set_value(held);
        }
    }
}

/// How a field is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Text,
    /// A phone number: the phone's keypad.
    Tel,
    Date,
    Time,
    Notes,
    PrivateNotes,
}

/// A text, date, time or notes field.
#[component]
pub fn FieldInput<T: Item, F: FieldOf<T>>(
    item: Memo<Option<T>>,
    field: F,
    label: &'static str,
    control: Control,
) -> impl IntoView {
    let (id, value, changed) = bind(item, field);
    let left = move |ev: leptos::ev::FocusEvent| show_held(&ev, value.try_get_untracked().as_deref());
    let kind = match control {
        Control::Notes | Control::PrivateNotes => None,
        Control::Date => Some("date"),
        Control::Time => Some("time"),
        Control::Text => Some("text"),
        Control::Tel => Some("tel"),
    };
    let input = match kind {
        None => Either::Left(view! {
            <textarea id=id.clone() class=(control == Control::PrivateNotes).then_some("private") rows="3"
                maxlength=MAX_NOTE_CHARS.to_string() prop:value=value on:change=changed on:blur=left></textarea>
        }),
        Some(kind) => Either::Right(view! {
            <input id=id.clone() type=kind step=(control == Control::Time).then(time_field_step)
                maxlength=MAX_TITLE_CHARS.to_string() autocomplete="off" prop:value=value on:change=changed on:blur=left/>
        }),
    };
    view! { <label for=id>{label}</label>{input} }
}

/// A list: its choices as (value, words), the chosen one marked from the model.
#[component]
pub fn FieldChoice<T: Item, F: FieldOf<T>>(
    item: Memo<Option<T>>,
    field: F,
    label: &'static str,
    #[prop(into)] choices: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let (id, value, changed) = bind(item, field);
    let chosen = move |ev: leptos::ev::Event| {
        changed(ev.clone());
        show_held(&ev, value.try_get_untracked().as_deref());
    };
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id on:change=chosen>
            <For each=move || choices.get() key=|choice| choice.clone() let:choice>
                <option value=choice.0.clone() prop:selected=move || value.get() == choice.0>{choice.1.clone()}</option>
            </For>
        </select>
    }
}

/// Some of a closed list's choices (all: `T::ALL`) as (value, words).
pub fn choices<T: Choice>(list: &[T], words: impl Fn(T) -> String) -> Vec<(String, String)> {
    list.iter().map(|choice| (choice.value().to_string(), words(*choice))).collect()
}

/// Every length a block or a follow-up may have, as (value, words).
pub fn length_choices() -> Signal<Vec<(String, String)>> {
    Signal::stored(block_lengths().map(|m| (m.to_string(), length_words(m))).collect())
}
