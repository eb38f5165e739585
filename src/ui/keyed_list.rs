//! The one keyed list behind every list the app redraws item by item (blocks, day
//! headings, problems, plans, unreadable records).
//!
//! Leptos's `<For>` compiles its keyed diff again for each use, because each use has its
//! own item, key and closure types: about 8 KB of wasm (before compression) apiece. Every list here goes
//! through a single `Row` type with a boxed drawing function instead, so the diff is
//! compiled once (BENCHMARKS.md, "Size, third round").

use leptos::prelude::*;

/// What identifies a row between redraws: a row whose key is still there is kept as it
/// is, and only rows with new keys are drawn.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum RowKey {
    Number(u64),
    Text(String),
}

/// A row of a keyed list: its key, and how to draw it if it is new.
pub struct Row {
    key: RowKey,
    draw: Box<dyn FnOnce() -> AnyView + Send>,
}

impl Row {
    pub fn new<V: IntoView + 'static>(key: RowKey, draw: impl FnOnce() -> V + Send + 'static) -> Self {
        Row { key, draw: Box::new(move || draw().into_any()) }
    }
}

/// Draws the rows that `rows` returns, keeping the rows whose keys it has drawn before.
pub fn keyed_list(rows: impl Fn() -> Vec<Row> + Send + 'static) -> AnyView {
    keyed_rows(Box::new(rows))
}

// Not generic, so `For` below is compiled once for the whole app.
fn keyed_rows(rows: Box<dyn Fn() -> Vec<Row> + Send>) -> AnyView {
    view! { <For each=move || rows() key=|row: &Row| row.key.clone() children=|row: Row| (row.draw)()/> }.into_any()
}
