//! The therapist's editor: time grid, selected block, problems, KAP readiness,
//! status, undo and redo. Every change is an `Edit` sent through `EditorCtx`.

mod block_fields;
mod block_form;
mod details;
mod export;
mod grid;
pub mod grid_block;
mod grid_frame;
mod grid_input;
mod problems;
mod readiness;

use leptos::prelude::*;

use super::not_found::PlanNotFound;
use super::route::Route;
use super::state::AppState;
use crate::domain::edit::Edit;
use crate::domain::history::History;
use crate::domain::model::{BlockId, BlockKind, Participants, Plan, PlanStatus};
use crate::domain::rules::{check, Problem};

/// What the editor's parts share: the plan's history and what is selected.
#[derive(Clone, Copy)]
pub struct EditorCtx {
    pub history: RwSignal<History>,
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

    pub fn show_day(&self, day: u8) {
        if self.visible_day.get_untracked() != day {
            self.visible_day.set(day);
        }
    }

    pub fn send(&self, edit: Edit) {
        let mut result = Ok(());
        self.history.update(|h| result = h.apply(&edit));
        match result {
            Ok(()) => {
                if self.message.with_untracked(Option::is_some) {
                    self.message.set(None);
                }
                self.persist();
            }
            Err(problem) => self.message.set(Some(problem.to_string())),
        }
    }

    pub fn undo(&self) {
        let mut done = false;
        self.history.update(|h| done = h.undo());
        if done {
            self.persist();
        }
    }

    pub fn redo(&self) {
        let mut done = false;
        self.history.update(|h| done = h.redo());
        if done {
            self.persist();
        }
    }

    fn persist(&self) {
        let plan = self.history.with_untracked(|h| h.present().clone());
        if let Some(revision) = self.state.save(&plan, false) {
            self.history.update_untracked(|h| h.saved_as(revision));
        }
    }

    pub fn keep_mine(&self) {
        let plan = self.history.with_untracked(|h| h.present().clone());
        if let Some(revision) = self.state.save(&plan, true) {
            self.history.update_untracked(|h| h.saved_as(revision));
        }
    }

    pub fn take_theirs(&self) {
        self.state.reload();
        let id = self.plan.with_untracked(|p| p.id.clone());
        if let Some(stored) = self.state.plan(&id) {
            self.history.update(|h| h.replace(stored));
        }
        self.state.conflict.set(None);
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

pub fn focus_element(dom_id: &str) {
    let id = dom_id.to_string();
    // After the current render, so the element exists and is visible.
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = html.focus();
            }
        }
    });
}

fn status_value(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Draft => "draft",
        PlanStatus::SharedWithCouple => "shared",
        PlanStatus::Confirmed => "confirmed",
    }
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

#[component]
pub fn EditorPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(plan) = state.plan(&id) else {
        return view! { <PlanNotFound/> }.into_any();
    };
    let history = RwSignal::new(History::new(plan));
    let plan = Memo::new(move |_| history.with(|h| h.present().clone()));
    let problems = Memo::new(move |_| plan.with(check));
    let ctx = EditorCtx {
        history,
        plan,
        problems,
        selected: RwSignal::new(None),
        visible_day: RwSignal::new(1),
        message: RwSignal::new(None),
        state,
    };
    provide_context(ctx);

    // Another tab saved a newer revision: show it here (every change here is saved at once).
    let plan_id = id.clone();
    Effect::new(move |_| {
        let ours = history.with_untracked(|h| h.present().revision);
        // Clone only a newer copy: this runs after every save.
        let newer = state.plans.with(|plans| plans.iter().find(|p| p.id == plan_id && p.revision > ours).cloned());
        if let Some(stored) = newer {
            history.update(|h| h.replace(stored));
        }
    });

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

    let add_block = move |_| {
        let day = ctx.visible_day.get_untracked();
        let start = plan.with_untracked(|p| p.next_free_start(day));
        ctx.send(Edit::AddBlock {
            kind: BlockKind::Custom,
            day,
            start,
            minutes: 60,
            who: Participants::BothWithTherapist,
        });
        let new_id = plan.with_untracked(|p| p.blocks.last().map(|b| b.id));
        if let Some(new_id) = new_id {
            ctx.focus_block(new_id);
        }
    };

    let status_changed = move |ev: leptos::ev::Event| {
        let status = match event_target_value(&ev).as_str() {
            "confirmed" => PlanStatus::Confirmed,
            "shared" => PlanStatus::SharedWithCouple,
            _ => PlanStatus::Draft,
        };
        ctx.send(Edit::SetStatus(status));
        // A refused confirmation must not leave the select showing "Confirmed".
        let actual = plan.with_untracked(|p| status_value(p.status));
        if let Some(select) =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            select.set_value(actual);
        }
    };

    view! {
        <section class="editor">
            <div class="toolbar no-print" role="toolbar" aria-label="Plan tools">
                <a href="#/" class="button quiet">"\u{2190} All intensives"</a>
                <h1 class="editor-title">{move || plan.with(|p| p.title.clone())}</h1>
                <button type="button" on:click=move |_| ctx.undo() disabled=move || !history.with(|h| h.can_undo())
                    aria-keyshortcuts="Control+Z">"Undo"</button>
                <button type="button" on:click=move |_| ctx.redo() disabled=move || !history.with(|h| h.can_redo())
                    aria-keyshortcuts="Control+Shift+Z">"Redo"</button>
                <button type="button" on:click=add_block>"Add block"</button>
                <label for="plan-status" class="inline-label">"Status"</label>
                <select id="plan-status" on:change=status_changed
                    prop:value=move || plan.with(|p| status_value(p.status))>
                    <option value="draft">"Draft"</option>
                    <option value="shared">"Shared with couple"</option>
                    <option value="confirmed">"Confirmed"</option>
                </select>
                <a class="button" href=Route::Review(id.clone()).href()>"Couple review"</a>
                <a class="button" href=Route::Print { id: id.clone(), therapist_copy: false }.href()>"Print"</a>
                <a class="button" href=Route::Print { id: id.clone(), therapist_copy: true }.href()>"Therapist copy"</a>
            </div>
            <export::ExportBar/>
            <ConflictNotice/>
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
                    <details::PlanDetails/>
                </aside>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn ConflictNotice() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let state = expect_context::<AppState>();
    // A memo, so the notice is built when it appears, not again after every change.
    let mine = Memo::new(move |_| state.conflict.get().is_some_and(|id| ctx.plan.with(|p| p.id == id)));
    view! {
        {move || mine.get().then(|| view! {
            <div class="notice notice-error" role="alert">
                <p>"This plan was changed in another tab or window after you opened it. Your last change is not saved yet."</p>
                <button type="button" on:click=move |_| ctx.take_theirs()>"Show the other version"</button>
                <button type="button" on:click=move |_| ctx.keep_mine()>"Keep mine and save it"</button>
            </div>
        })}
    }
}
