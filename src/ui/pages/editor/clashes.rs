//! Fields this tab and another one both changed, each with the choice between them.

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::clash::{Clash, Side};
use crate::ui::state::AppState;

/// Fields this tab and another one both changed: the merged plan holds one version,
/// and each is listed with the other until the person chooses.
#[component]
pub fn ClashNotice() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let state = expect_context::<AppState>();
    let clashes = Memo::new(move |_| {
        let id = ctx.plan.with(|p| p.id.clone());
        state.book.with(|book| book.clashes(&id).to_vec())
    });
    let saved = Memo::new(move |_| {
        let id = ctx.plan.with(|p| p.id.clone());
        state.book.with(|book| !book.is_unsaved(&id))
    });
    let arrived = Memo::new(move |_| clashes.with(|list| list.iter().any(|c| c.other_side == Side::Arriving)));
    let status = move || {
        let whence = if arrived.get() {
            "An arriving copy of this plan (a link, a file or a backup) was brought in."
        } else {
            "This plan was also changed in another tab or window."
        };
        let saved = if saved.get() {
            "Both sets of changes are combined and saved."
        } else {
            "Both sets of changes are combined here, but not saved yet."
        };
        format!("{whence} {saved}")
    };
    view! {
        <Show when=move || clashes.with(|list| !list.is_empty())>
            <div class="notice notice-error" role="alert" data-testid="clash-notice">
                <p>{status}" Where both changed the same thing, the version shown is the one below; choose the \
                    other one if it is right."</p>
                <ul>
                    <For each=move || clashes.get().into_iter().enumerate() key=row_key let:row>
                        <ClashRow clash=row.1/>
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// A row's key: its place and its whole content. Two clashes can read alike (two like
/// blocks left out), and each row must settle its own.
fn row_key((at, clash): &(usize, Clash)) -> (usize, String) {
    (*at, serde_json::to_string(clash).unwrap_or_default())
}

#[component]
fn ClashRow(clash: Clash) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let use_label = clash.other_side.use_label();
    let said = format!(": shown {}; {} had {}. ", clash.kept, clash.other_side.words(), clash.other);
    let what = clash.what.clone();
    let other = clash.clone();
    view! {
        <li>
            <strong>{what}</strong>{said}
            <button type="button" on:click=move |_| ctx.settle_clash(&other, true)>{use_label}</button>
            <button type="button" class="quiet" on:click=move |_| ctx.settle_clash(&clash, false)>
                "Keep the one shown"
            </button>
        </li>
    }
}
