//! Plans page: every intensive in this browser, and the way to start a new one.

use leptos::prelude::*;

use super::arrivals::Arrivals;
use super::keyed_list::{keyed_list, Row, RowKey};
use super::new_plan::NewPlanForm;
use super::route::Route;
use super::state::{new_plan_id, AppState};
use crate::domain::dates;
use crate::domain::model::Plan;
use crate::domain::rules::{check, error_count};
use crate::storage::format::{check_size, decode_file};

#[component]
pub fn PlansPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let creating = RwSignal::new(false);

    let duplicate = move |plan: &Plan| {
        state.save(&plan.duplicate_as(new_plan_id()), false);
    };

    view! {
        <section class="plans-page">
            <div class="page-title">
                <h1>"Intensives"</h1>
                <button type="button" class="primary" on:click=move |_| creating.update(|c| *c = !*c)
                    aria-expanded=move || creating.get().to_string()>
                    "New intensive"
                </button>
            </div>
            <ImportFile/>
            <Arrivals/>
            <Show when=move || creating.get()>
                <NewPlanForm on_cancel=Callback::new(move |_| creating.set(false))/>
            </Show>
            <Show when=move || state.plans.with(|p| p.is_empty()) && !creating.get()>
                <p class="empty">"No intensives yet. Start one with \u{201c}New intensive\u{201d}: you choose the kind, the days and the medicine plan, and a complete schedule is laid out for you to adjust."</p>
            </Show>
            <ul class="plan-list">
                {keyed_list(move || state.plans.get().into_iter().map(|plan| Row::new(card_key(&plan), move || {
                        let errors = error_count(&check(&plan));
                        let id = plan.id.clone();
                        let copy = plan.clone();
                        let delete_id = plan.id.clone();
                        let dates = format!(
                            "{} \u{2013} {}",
                            dates::short_with_year(plan.first_day),
                            dates::short_with_year(plan.date_of(plan.day_count()))
                        );
                        view! {
                            <li class="plan-card">
                                <div>
                                    <h2><a href=Route::Editor(id.clone()).href()>{plan.title.clone()}</a></h2>
                                    <p class="muted">{format!("{} \u{b7} {} day{} \u{b7} {}", plan.kind.label(), plan.day_count(),
                                        if plan.day_count() == 1 { "" } else { "s" }, dates)}</p>
                                    <p>
                                        <span class="status-pill">{plan.status.label()}</span>
                                        {if errors > 0 {
                                            format!(" {errors} error{} to resolve", if errors == 1 { "" } else { "s" })
                                        } else {
                                            " No errors".to_string()
                                        }}
                                    </p>
                                </div>
                                <div class="card-actions">
                                    <a class="button" href=Route::Editor(id.clone()).href()>"Edit"</a>
                                    <a class="button" href=Route::Review(id.clone()).href()>"Couple review"</a>
                                    <button type="button" on:click=move |_| duplicate(&copy)>"Duplicate"</button>
                                    <button type="button" class="danger" on:click=move |_| state.delete(&delete_id)
                                        aria-label=format!("Delete {}", plan.title)>"Delete"</button>
                                </div>
                            </li>
                        }
                })).collect())}
            </ul>
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
            <input id="import-file" type="file" accept=".json,application/json" on:change=chosen/>
            <p role="status" aria-live="polite" data-testid="import-message">{move || state.import_message.get().unwrap_or_default()}</p>
        </div>
    }
}

/// A card is redrawn when its plan is saved again: the key holds the revision.
fn card_key(plan: &Plan) -> RowKey {
    RowKey::Text(format!("{}\u{1f}{}", plan.id, plan.revision))
}
