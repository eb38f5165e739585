//! How a form field of a block or a follow-up follows its item and sends its edit:
//! the one binding both forms use, so a field left after its item went (deleted in
//! another tab) changes nothing.

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::edit::Edit;

/// A field of items of type `T`: what it shows, and the edit its new text makes.
pub trait FieldOf<T>: Copy + Send + Sync + 'static {
    fn text(self, item: &T) -> String;
    /// `None` for text the field does not offer, so nothing changes.
    fn edit(self, item: &T, text: String) -> Option<Edit>;
}

/// The value a field shows, followed on its own.
pub fn value_of<T, F>(item: Memo<Option<T>>, field: F) -> Memo<String>
where
    T: PartialEq + Send + Sync + 'static,
    F: FieldOf<T>,
{
    Memo::new(move |_| item.with(|i| i.as_ref().map(|i| field.text(i)).unwrap_or_default()))
}

/// The handler that turns a field's new text into its edit.
pub fn on_change<T, F>(ctx: EditorCtx, item: Memo<Option<T>>, field: F) -> impl Fn(leptos::ev::Event) + Copy + 'static
where
    T: PartialEq + Send + Sync + 'static,
    F: FieldOf<T>,
{
    move |ev| {
        let edit = item.try_with_untracked(|i| i.as_ref().and_then(|i| field.edit(i, event_target_value(&ev))));
        if let Some(edit) = edit.flatten() {
            ctx.send(edit);
        }
    }
}
