//! The therapist's editor: time grid, selected block, problems, KAP readiness,
//! status, undo and redo. Every change is an `Edit` sent through `EditorCtx`.

mod add_line;
mod after_intensive;
mod block_fields;
mod block_form;
mod clashes;
mod details;
mod export;
mod field_binding;
mod follow_up_fields;
mod grid;
mod grid_block;
mod grid_geometry;
mod grid_store;
mod problems;
mod readiness;
mod reopened;
mod save_template;

use leptos::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::clash::Clash;
use crate::domain::edit::{Edit, EditError};
use crate::domain::model::{BlockId, BlockKind, Participants, Plan, PlanStatus};
use crate::domain::rules::{check, Problem};
use crate::ui::parts::not_found::PlanNotFound;
use crate::ui::route::Route;
use crate::ui::state::AppState;

/// What the editor's parts share: the plan as the book shows it, and what is selected.
/// The plan is changed only in the book (`send`, `undo`, `redo`).
#[derive(Clone, Copy)]
pub struct EditorCtx {
    plan_id: StoredValue<String>,
    pub plan: Memo<Plan>,
    pub problems: Memo<Vec<Problem>>,
    pub selected: RwSignal<Option<BlockId>>,
    /// Day shown on a narrow screen.
    pub visible_day: RwSignal<u8>,
    /// Answer to the last change that was refused, read out politely.
    pub message: RwSignal<Option<String>>,
    state: AppState,
}

impl EditorCtx {
    /// Selects a block; selecting the same one again notifies nobody.
    pub fn select(&self, id: Option<BlockId>) {
        if self.selected.get_untracked() != id {
            self.selected.set(id);
        }
    }

    /// Adds an hour-long block at the first free time of the day shown, and focuses it.
    pub fn add_block(&self) {
        let day = self.visible_day.get_untracked();
        let start = self.plan.with_untracked(|p| p.next_free_start(day));
        self.send(Edit::AddBlock {
            kind: BlockKind::Custom,
            day,
            start,
            minutes: 60,
            who: Participants::BothWithTherapist,
        });
        let new_id = self.plan.with_untracked(|p| p.blocks.last().map(|b| b.id));
        if let Some(new_id) = new_id {
            self.focus_block(new_id);
        }
    }

    pub fn show_day(&self, day: u8) {
        if self.visible_day.get_untracked() != day {
            self.visible_day.set(day);
        }
    }

    pub fn send(&self, edit: Edit) {
        self.answer(self.plan_id.with_value(|id| self.state.send(id, &edit)));
    }

    /// Clears the last refusal once a change is taken, or says why this one was not.
    fn answer(&self, result: Result<(), EditError>) {
        match result {
            Ok(()) => {
                if self.message.with_untracked(Option::is_some) {
                    self.message.set(None);
                }
            }
            Err(problem) => self.message.set(Some(problem.to_string())),
        }
    }

    pub fn undo(&self) {
        self.plan_id.with_value(|id| self.state.undo(id));
    }

    pub fn redo(&self) {
        self.plan_id.with_value(|id| self.state.redo(id));
    }

    /// Settles a clash with another tab's change: `use_other` puts the other value in
    /// place (one more edit, undoable); otherwise the one shown stays. One whose other
    /// value is refused stays listed, and the refusal is said.
    pub fn settle_clash(&self, clash: &Clash, use_other: bool) {
        self.answer(self.plan_id.with_value(|id| self.state.settle_clash(id, clash, use_other)));
    }

    /// Moves keyboard focus to a block on the grid (from the problems panel).
    pub fn focus_block(&self, id: BlockId) {
        self.select(Some(id));
        if let Some(day) = self.plan.with_untracked(|p| p.block(id).map(|b| b.day)) {
            self.show_day(day);
        }
        focus_element(&format!("block-{}", id.0));
    }
}

/// Moves keyboard focus to the element with this id, after the current render, so
/// the element exists and is shown.
pub fn focus_element(dom_id: &str) {
    let id = dom_id.to_string();
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = html.focus();
            }
        }
    });
}

#[component]
pub fn EditorPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.follow(&id) else {
        return view! { <PlanNotFound/> }.into_any();
    };
    let problems = Memo::new(move |_| plan.with(|plan| check(plan, state.style.get())));
    let ctx = EditorCtx {
        plan_id: StoredValue::new(id.clone()),
        plan,
        problems,
        selected: RwSignal::new(None),
        visible_day: RwSignal::new(1),
        message: RwSignal::new(None),
        state,
    };
    provide_context(ctx);

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || typing_in_a_field(&ev) {
            return;
        }
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                ctx.undo();
            }
            ("z", true) | ("y", _) => {
                ev.prevent_default();
                ctx.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="editor">
            <Toolbar id/>
            <export::ExportBar/>
            <crate::ui::parts::arrivals::ArrivalOutcome/>
            <clashes::ClashNotice/>
            <reopened::ReopenedNotice/>
            <p class="live-message" role="status" aria-live="polite" data-testid="editor-message">
                {move || ctx.message.get().unwrap_or_default()}
            </p>
            <div class="editor-body">
                <div class="editor-main">
                    <grid::TimeGrid/>
                </div>
                <aside class="editor-side" aria-label="Details">
                    <block_form::BlockForm/>
                    <problems::ProblemsPanel/>
                    <readiness::ReadinessPanel/>
                    <after_intensive::AfterIntensive/>
                    <details::PlanDetails/>
                </aside>
            </div>
        </section>
    }
    .into_any()
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

/// Links, undo and redo, adding a block, and the plan's status.
#[component]
fn Toolbar(id: String) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let title = Memo::new(move |_| ctx.plan.with(|p| p.title.clone()));
    let status = Memo::new(move |_| ctx.plan.with(|p| p.status));
    let can_undo = Memo::new(move |_| ctx.plan_id.with_value(|id| ctx.state.book.with(|b| b.can_undo(id))));
    let can_redo = Memo::new(move |_| ctx.plan_id.with_value(|id| ctx.state.book.with(|b| b.can_redo(id))));
    let status_chosen = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some(status) = PlanStatus::from_value(&chosen) {
            ctx.send(Edit::SetStatus(status));
        }
        // A refused confirmation must not leave the list showing "Confirmed".
        field_binding::show_held(&ev, status.try_get_untracked().map(PlanStatus::value));
    };
    view! {
        <div class="toolbar no-print" role="toolbar" aria-label="Plan tools">
            <a class="button quiet" href=Route::Plans.href()>"\u{2190} All intensives"</a>
            <h1 class="editor-title">{title}</h1>
            <button type="button" aria-keyshortcuts="Control+Z" disabled=move || !can_undo.get()
                on:click=move |_| ctx.undo()>"Undo"</button>
            <button type="button" aria-keyshortcuts="Control+Shift+Z" disabled=move || !can_redo.get()
                on:click=move |_| ctx.redo()>"Redo"</button>
            <button type="button" on:click=move |_| ctx.add_block()>"Add block"</button>
            <label for="plan-status" class="inline-label">"Status"</label>
            <select id="plan-status" on:change=status_chosen>
                {PlanStatus::ALL.iter().map(|&choice| view! {
                    <option value=choice.value() prop:selected=move || status.get() == choice>{choice.label()}</option>
                }).collect_view()}
            </select>
            <a class="button" href=Route::Review(id.clone()).href()>"Couple review"</a>
            <a class="button" href=Route::Print { id: id.clone(), therapist_copy: false }.href()>"Print"</a>
            <a class="button" href=Route::Print { id, therapist_copy: true }.href()>"Therapist copy"</a>
        </div>
    }
}
