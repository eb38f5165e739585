//! Plans page: every intensive in this browser, and the way to start a new one.

use leptos::prelude::*;

use super::arrivals::Arrivals;
use super::dom::{attr, button, changes, clicks, element, event_source, rows, rows_from, text, RowKey, RowList};
use super::new_plan::NewPlanForm;
use super::route::Route;
use super::state::{new_plan_id, AppState};
use crate::domain::dates;
use crate::domain::model::Plan;
use crate::domain::rules::{check, error_count};
use crate::storage::format::{check_size, decode_file};
use web_sys::Element;

#[component]
pub fn PlansPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let creating = RwSignal::new(false);
    let no_plans = Memo::new(move |_| state.plans.with(|p| p.is_empty()));

    let cards = RowList::new(move || state.plans.with(|plans| rows_from(plans, card_key, card)));
    // The cards' two buttons, found by what they say they do.
    let card_action = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = event_source(&ev, "button[data-plan]") else { return };
        let (Some(id), Some(action)) = (button.get_attribute("data-plan"), button.get_attribute("data-action")) else {
            return;
        };
        if action == "delete" {
            state.delete(&id);
        } else if let Some(plan) = state.plan(&id) {
            state.save(&plan.duplicate_as(new_plan_id()), false);
        }
    };

    view! {
        <section class="plans-page">
            <div class="page-title">
                <h1>"Intensives"</h1>
                <button type="button" class="primary" on:click=clicks(move |_| creating.update(|c| *c = !*c))
                    aria-expanded=move || creating.get().to_string()>
                    "New intensive"
                </button>
            </div>
            <ImportFile/>
            <Arrivals/>
            {move || creating.get().then(|| view! { <NewPlanForm on_cancel=Callback::new(move |_| creating.set(false))/> })}
            {move || (no_plans.get() && !creating.get()).then(|| view! {
                <p class="empty">"No intensives yet. Start one with \u{201c}New intensive\u{201d}: you choose the kind, the days and the medicine plan, and a complete schedule is laid out for you to adjust."</p>
            })}
            <ul class="plan-list" use:rows=cards on:click=clicks(card_action)></ul>
        </section>
    }
}

/// "Import a plan file": validates everything before anything is stored.
#[component]
fn ImportFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        // Refused before reading: a huge file would be read whole into memory.
        if let Err(error) = check_size(file.size() as usize) {
            state.import_message.set(Some(format!("Nothing was imported from {name}: {error}")));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let Some(text) = text else {
                state.import_message.set(Some(format!("Nothing was imported: {name} could not be read as text.")));
                return;
            };
            match decode_file(&text) {
                Ok(plans) => {
                    let count = plans.len();
                    let saved = state.receive(plans);
                    let waiting = count - saved.len();
                    state.import_message.set(Some(format!(
                        "Imported {} plan{} from {name}.{}",
                        saved.len(),
                        if saved.len() == 1 { "" } else { "s" },
                        match waiting {
                            0 => String::new(),
                            1 => " One is already here: choose below.".to_string(),
                            n => format!(" {n} are already here: choose below for each."),
                        }
                    )));
                }
                Err(error) => state.import_message.set(Some(format!("Nothing was imported from {name}. {error}"))),
            }
        });
    };
    view! {
        <div class="import">
            <label for="import-file">"Import a plan file (.json)"</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=changes(chosen)/>
            <p role="status" aria-live="polite" data-testid="import-message">{move || state.import_message.get().unwrap_or_default()}</p>
        </div>
    }
}

/// One plan's card: title, kind, days and dates, status and errors, and what can be
/// done with it.
fn card(plan: &Plan) -> Element {
    let errors = error_count(&check(plan));
    let days = plan.day_count();
    let li = element(None, "li", "plan-card");
    let about = element(Some(&li), "div", "");
    let edit = Route::Editor(plan.id.clone()).href();
    attr(&text(&element(Some(&about), "h2", ""), "a", "", &plan.title), "href", &edit);
    let dates =
        format!("{} \u{2013} {}", dates::short_with_year(plan.first_day), dates::short_with_year(plan.date_of(days)));
    let plural = if days == 1 { "" } else { "s" };
    text(&about, "p", "muted", &format!("{} \u{b7} {days} day{plural} \u{b7} {dates}", plan.kind.label()));
    let status = element(Some(&about), "p", "");
    text(&status, "span", "status-pill", plan.status.label());
    let errors = match errors {
        0 => " No errors".to_string(),
        1 => " 1 error to resolve".to_string(),
        n => format!(" {n} errors to resolve"),
    };
    let _ = status.append_with_str_1(&errors);
    let actions = element(Some(&li), "div", "card-actions");
    for (label, href) in [("Edit", edit), ("Couple review", Route::Review(plan.id.clone()).href())] {
        attr(&text(&actions, "a", "button", label), "href", &href);
    }
    for (class, action, label) in [("", "duplicate", "Duplicate"), ("danger", "delete", "Delete")] {
        let b = button(&actions, class, label);
        attr(&b, "data-plan", &plan.id);
        attr(&b, "data-action", action);
        if action == "delete" {
            attr(&b, "aria-label", &format!("Delete {}", plan.title));
        }
    }
    li.into()
}

/// A card is redrawn when its plan is saved again: the key holds the revision.
fn card_key(plan: &Plan) -> RowKey {
    RowKey::Text(format!("{}\u{1f}{}", plan.id, plan.revision))
}
