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

use super::dom::{
    attr, button, changes, clicks, effect, element, event_source, flag, label, option, set_value, text, Control,
};
use super::not_found::PlanNotFound;
use super::route::Route;
use super::state::AppState;
use crate::domain::clash::Side;
use crate::domain::edit::Edit;
use crate::domain::history::History;
use crate::domain::model::{BlockId, BlockKind, Participants, Plan, PlanStatus};
use crate::domain::rules::{check, Problem};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

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
    pub fn settle_clash(&self, index: usize, use_other: bool) {
        let id = self.plan.with_untracked(|p| p.id.clone());
        let mut settled = None;
        self.state.book.update(|book| settled = book.settle_clash(&id, index));
        if let Some(clash) = settled.filter(|_| use_other) {
            let edit = self.plan.with_untracked(|p| clash.alternative.edit(p));
            self.send(edit);
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

/// The directive behind `use:toolbar`: links, undo and redo, adding a block and the
/// plan's status, as plain DOM filled by one effect.
fn toolbar(host: Element, (ctx, id): (EditorCtx, String)) {
    host.set_text_content(None);
    let link = |class: &str, label: &str, route: Route| attr(&text(&host, "a", class, label), "href", &route.href());
    link("button quiet", "\u{2190} All intensives", Route::Plans);
    let title = text(&host, "h1", "editor-title", "");
    let undo = button(&host, "", "Undo");
    attr(&undo, "data-action", "undo");
    attr(&undo, "aria-keyshortcuts", "Control+Z");
    let redo = button(&host, "", "Redo");
    attr(&redo, "data-action", "redo");
    attr(&redo, "aria-keyshortcuts", "Control+Shift+Z");
    attr(&button(&host, "", "Add block"), "data-action", "add");
    label(&host, "plan-status", "Status");
    if let Some(caption) = host.last_element_child() {
        caption.set_class_name("inline-label");
    }
    let status = element(Some(&host), "select", "");
    status.set_id("plan-status");
    for (value, caption) in [("draft", "Draft"), ("shared", "Shared with couple"), ("confirmed", "Confirmed")] {
        option(&status, value, caption);
    }
    link("button", "Couple review", Route::Review(id.clone()));
    link("button", "Print", Route::Print { id: id.clone(), therapist_copy: false });
    link("button", "Therapist copy", Route::Print { id, therapist_copy: true });
    let mut status = Control::new(&status, "value");
    effect(move || {
        ctx.plan.with(|p| {
            if title.text_content().as_deref() != Some(p.title.as_str()) {
                title.set_text_content(Some(&p.title));
            }
            status.show(JsValue::from_str(status_value(p.status)));
        });
        ctx.history.with(|h| {
            flag(&undo, "disabled", !h.can_undo());
            flag(&redo, "disabled", !h.can_redo());
        });
    });
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

    // The book's version of this plan changed: saved (a new revision of what is shown
    // here), or changed by another tab and merged with this one's changes.
    let plan_id = id.clone();
    effect(move || {
        let taken = state.book.with(|book| {
            let stored = book.plan(&plan_id)?;
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

    // The toolbar's buttons, found by what they say they do.
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let action = event_source(&ev, "button[data-action]").and_then(|b| b.get_attribute("data-action"));
        match action.as_deref() {
            Some("undo") => ctx.undo(),
            Some("redo") => ctx.redo(),
            Some("add") => ctx.add_block(),
            _ => {}
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
        if let Some(select) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            set_value(&select, actual);
        }
    };

    view! {
        <section class="editor">
            <div class="toolbar no-print" role="toolbar" aria-label="Plan tools" use:toolbar=(ctx, id)
                on:click=clicks(clicked) on:change=changes(status_changed)></div>
            <export::ExportBar/>
            <ClashNotice/>
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

/// Fields this tab and another one both changed: the merged plan holds one version,
/// and each is listed with the other until the person chooses.
#[component]
fn ClashNotice() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let state = expect_context::<AppState>();
    let clashes = Memo::new(move |_| {
        let id = ctx.plan.with(|p| p.id.clone());
        state.book.with(|book| book.clashes.get(&id).cloned().unwrap_or_default())
    });
    let saved = Memo::new(move |_| {
        let id = ctx.plan.with(|p| p.id.clone());
        state.book.with(|book| !book.is_unsaved(&id))
    });
    move || {
        let list = clashes.get();
        (!list.is_empty()).then(|| {
            let status = if saved.get() {
                "This plan was also changed in another tab or window. Both sets of changes are combined and saved."
            } else {
                "This plan was also changed in another tab or window. Both sets of changes are combined here, but \
                 not saved yet."
            };
            view! {
                <div class="notice notice-error" role="alert" data-testid="clash-notice">
                    <p>{status}" Where both changed the same thing, the version shown is the one below; choose the \
                        other one if it is right."</p>
                    <ul>
                        {list.into_iter().enumerate().map(|(index, clash)| {
                            let (whose, use_label) = match clash.other_side {
                                Side::ThisTab => ("this tab", "Use this tab's"),
                                Side::OtherTab => ("the other tab", "Use the other tab's"),
                            };
                            view! {
                                <li>
                                    <strong>{clash.what.clone()}</strong>
                                    {format!(": shown {}; {whose} had {}. ", clash.kept, clash.other)}
                                    <button type="button" on:click=move |_| ctx.settle_clash(index, true)>{use_label}</button>
                                    <button type="button" class="quiet" on:click=move |_| ctx.settle_clash(index, false)>
                                        "Keep the one shown"
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
