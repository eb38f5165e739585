//! The therapist's editor: time grid, selected block, problems, KAP readiness,
//! status, undo and redo. Every change is an `Edit` sent through `EditorCtx`.

mod block_fields;
mod block_form;
mod clashes;
mod details;
mod export;
mod grid;
mod grid_block;
mod grid_geometry;
mod grid_store;
mod problems;
mod readiness;

use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use super::not_found::PlanNotFound;
use super::route::Route;
use super::state::AppState;
use crate::domain::clash::Clash;
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
        self.state.put(self.history.with_untracked(|h| h.present().clone()));
    }

    /// Settles a clash with another tab's change: `use_other` puts the other value in
    /// place (one more edit, undoable); otherwise the one shown stays.
    pub fn settle_clash(&self, clash: &Clash, use_other: bool) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        let mut settled = false;
        self.state.book.update(|book| settled = book.settle_clash(&id, clash));
        if settled && use_other {
            self.send(clash.alternative.clone());
        }
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
    follow_the_book(ctx, id.clone());

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
            <crate::ui::arrivals::ArrivalOutcome/>
            <clashes::ClashNotice/>
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

/// The book's version of this plan changed: saved (a new revision of what is shown
/// here), or changed by another tab and merged with this one's changes.
fn follow_the_book(ctx: EditorCtx, id: String) {
    let (state, history) = (ctx.state, ctx.history);
    Effect::new(move |_| {
        let taken = state.book.with(|book| {
            let stored = book.plan(&id)?;
            history.with_untracked(|h| {
                if stored.same_content(h.present()) {
                    (stored.revision != h.present().revision).then_some(Err(stored.revision))
                } else {
                    Some(Ok(stored.clone()))
                }
            })
        });
        match taken {
            Some(Err(revision)) => history.update_untracked(|h| h.saved_as(revision)),
            Some(Ok(plan)) => history.update(|h| h.replace(plan)),
            None => {}
        }
    });
}

fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

/// The value of a status in the status list.
fn status_value(status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Draft => "draft",
        PlanStatus::SharedWithCouple => "shared",
        PlanStatus::Confirmed => "confirmed",
    }
}

/// Links, undo and redo, adding a block, and the plan's status.
#[component]
fn Toolbar(id: String) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let title = Memo::new(move |_| ctx.plan.with(|p| p.title.clone()));
    let status = Memo::new(move |_| ctx.plan.with(|p| p.status));
    let can_undo = Memo::new(move |_| ctx.history.with(History::can_undo));
    let can_redo = Memo::new(move |_| ctx.history.with(History::can_redo));
    let status_chosen = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some(status) = PlanStatus::ALL.into_iter().find(|s| status_value(*s) == chosen) {
            ctx.send(Edit::SetStatus(status));
        }
        // A refused confirmation must not leave the list showing "Confirmed".
        event_target::<HtmlSelectElement>(&ev).set_value(status_value(status.get_untracked()));
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
                {PlanStatus::ALL.map(|choice| view! {
                    <option value=status_value(choice) prop:selected=move || status.get() == choice>{choice.label()}</option>
                })}
            </select>
            <a class="button" href=Route::Review(id.clone()).href()>"Couple review"</a>
            <a class="button" href=Route::Print { id: id.clone(), therapist_copy: false }.href()>"Print"</a>
            <a class="button" href=Route::Print { id, therapist_copy: true }.href()>"Therapist copy"</a>
        </div>
    }
}
