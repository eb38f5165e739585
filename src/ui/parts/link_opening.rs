//! What a share or reply link shows while the browser uncompresses it, and why it
//! cannot be opened when it cannot.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::sharing::link::ShareError;
use crate::sharing::zlib::open_link;

/// A page a link opens: "Opening the link…" until the browser has uncompressed it,
/// then what `read` makes of it, drawn by `show`, or why it cannot be opened.
pub fn link_page<T: 'static, V: IntoView + 'static>(
    data: String,
    read: fn(Vec<u8>) -> Result<T, ShareError>,
    cannot: &'static str,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let text = opened(data);
    move || match text.get().map(|text| text.and_then(read)) {
        None => view! { <Opening/> }.into_any(),
        Some(Ok(arrived)) => show(arrived).into_any(),
        Some(Err(problem)) => view! { <CannotOpen title=cannot problem/> }.into_any(),
    }
}

/// The text a link's DATA part holds, once the browser has uncompressed it.
fn opened(data: String) -> RwSignal<Option<Result<Vec<u8>, ShareError>>> {
    let opened = RwSignal::new(None);
    spawn_local(async move {
        opened.try_set(Some(open_link(&data).await));
    });
    opened
}

#[component]
fn Opening() -> impl IntoView {
    view! { <p class="card" role="status">"Opening the link\u{2026}"</p> }
}

/// Why a link cannot be opened, with a way on.
#[component]
fn CannotOpen(title: &'static str, problem: ShareError) -> impl IntoView {
    view! {
        <section class="card" role="alert">
            <h1>{title}</h1>
            <p>{problem.to_string()}</p>
            <a href="#/">"Go to the start page"</a>
        </section>
    }
}
