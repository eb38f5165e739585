//! Plans page: every intensive in this browser, and the way to start a new one.

mod my_templates;
mod new_plan;
mod settings_form;

use leptos::form::FromFormData;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::dates::DateStyle;
use crate::domain::model::Plan;
use crate::domain::rules::{check, error_count};
use crate::domain::words::count;
use crate::storage::format::{check_size, decode_arrival, Arrival, FormatError};
use crate::storage::persist::Keeping;
use crate::ui::parts::arrivals::{ArrivalOutcome, Arrivals, Received};
use crate::ui::parts::download::BackupButton;
use crate::ui::route::Route;
use crate::ui::state::{new_plan_id, AppState};
use my_templates::{templates_said, MyTemplates};
use new_plan::NewPlanForm;
use settings_form::SettingsPanel;

/// The answers of the form an event (its submit, or a change in one of its fields) came
/// from, read once from the whole form; `None` for an event from no form.
fn answers_of<T: FromFormData>(ev: &web_sys::Event) -> Option<Result<T, String>> {
    let form = ev.current_target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    Some(
        T::from_form_data(&data).map_err(|problem| {
            format!("The form's answers could not be read ({problem}); reload the page and try again.")
        }),
    )
}

#[component]
pub fn PlansPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let creating = RwSignal::new(false);
    let no_plans = Memo::new(move |_| state.book.with(|b| b.is_empty()));
    // A card is drawn again when its plan is saved again or the date style changes: the
    // key holds the revision and the style.
    let cards = Memo::new(move |_| {
        let style = state.style.get();
        state.book.with(|b| b.plans().map(|p| (p.id.clone(), p.revision, style)).collect::<Vec<_>>())
    });

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
            <Show when=move || no_plans.get() && !creating.get()>
                <p class="empty">"No intensives yet. Start one with \u{201c}New intensive\u{201d}: you choose the kind, the days and the medicine plan, and a complete schedule is laid out for you to adjust."</p>
            </Show>
            <ul class="plan-list">
                <For each=move || cards.get() key=|card| card.clone() let:card>
                    {state.book.with_untracked(|b| b.plan(&card.0).cloned()).map(|plan| view! { <PlanCard plan style=card.2/> })}
                </For>
            </ul>
            <MyTemplates/>
            <SettingsPanel/>
        </section>
    }
}

/// One plan's card: title, kind, days and dates, status and errors, and what can be
/// done with it.
#[component]
fn PlanCard(plan: Plan, style: DateStyle) -> impl IntoView {
    let state = expect_context::<AppState>();
    let errors = match error_count(&check(&plan, style)) {
        0 => " No errors".to_string(),
        n => format!(" {} to resolve", count(n, "error", "errors")),
    };
    let days = plan.day_count();
    let dates =
        format!("{} \u{2013} {}", style.short_with_year(plan.first_day), style.short_with_year(plan.date_of(days)));
    let about = format!("{} \u{b7} {days} day{} \u{b7} {dates}", plan.kind.label(), if days == 1 { "" } else { "s" });
    let edit = Route::Editor(plan.id.clone()).href();
    let review = Route::Review(plan.id.clone()).href();
    let delete_label = format!("Delete {}", plan.title);
    let id = plan.id.clone();
    let duplicate = move |_| {
        if let Some(original) = state.book.with_untracked(|b| b.plan(&id).cloned()) {
            state.put(original.duplicate_as(new_plan_id()));
        }
    };
    let id = plan.id.clone();
    view! {
        <li class="plan-card">
            <div>
                <h2><a href=edit.clone()>{plan.title.clone()}</a></h2>
                <p class="muted">{about}</p>
                <p><span class="status-pill">{plan.status.label()}</span>{errors}</p>
            </div>
            <div class="card-actions">
                <a class="button" href=edit>"Edit"</a>
                <a class="button" href=review>"Couple review"</a>
                <button type="button" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="danger" aria-label=delete_label on:click=move |_| state.delete(&id)>
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// Whether this browser keeps the plans, a backup of them all, and the way back from
/// one: *Restore from a backup* is the import below, with all its checks.
#[component]
fn ImportFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let keeping = move || match state.keeping.get() {
        Keeping::Persistent => "Plans are kept persistently in this browser: it will not clear them to free space.",
        Keeping::MayBeCleared => {
            "This browser may clear these plans when space runs low or after weeks without a visit: keep a backup, \
             or install the app."
        }
        Keeping::Unknown => "",
    };
    // A backup with plans that cannot be read waits here for the person's choice.
    let partly_refused = RwSignal::new(None::<(String, Arrival)>);
    let restore = move |name: String, arrival: Arrival| {
        leptos::task::spawn_local(async move {
            let reopened = arrival.reopened_words(state.style.get_untracked());
            let mut said = import_said(&name, &state.receive(arrival.plans).await);
            if !arrival.templates.is_empty() {
                said.push(' ');
                said.push_str(&templates_said(state.take_in_templates(arrival.templates)));
            }
            for reopened in reopened {
                said.push(' ');
                said.push_str(&reopened);
            }
            state.import_message.set(Some(said));
        });
    };
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        // Refused before reading: a huge file would be read whole into memory.
        if let Err(error) = check_size(file.size() as usize) {
            state.import_message.set(Some(format!("Nothing was imported from {name}: {error}")));
            return;
        }
        leptos::task::spawn_local(async move {
            match text_of_file(&file).await.and_then(|text| decode_arrival(&text)) {
                Ok(arrival) if arrival.refused.is_empty() => restore(name, arrival),
                Ok(arrival) => {
                    state.import_message.set(None);
                    partly_refused.set(Some((name, arrival)));
                }
                Err(error) => state.import_message.set(Some(format!("Nothing was imported from {name}. {error}"))),
            }
        });
    };
    view! {
        <div class="import">
            <p data-testid="keeping">{keeping}</p>
            <div class="keeping-actions">
                <BackupButton/>
                <button type="button" on:click=move |_| {
                    if let Some(input) = file_input.get() {
                        input.click();
                    }
                }>"Restore from a backup"</button>
            </div>
            <label for="import-file">"Import a plan file (.json)"</label>
            <input id="import-file" type="file" accept=".json,application/json" node_ref=file_input on:change=chosen/>
            {move || partly_refused.get().map(|(name, arrival)| {
                let question = arrival.refusal_question(&name);
                let others = arrival.restore_the_others();
                view! {
                    <p class="notice" role="alert" data-testid="partly-refused">
                        {question}" "
                        <button type="button" on:click=move |_| {
                            partly_refused.set(None);
                            restore(name.clone(), arrival.clone());
                        }>{others}</button>
                        <button type="button" class="quiet" on:click=move |_| {
                            partly_refused.set(None);
                            state.import_message.set(Some("Nothing was restored.".to_string()));
                        }>"Restore nothing"</button>
                    </p>
                }
            })}
            <ArrivalOutcome/>
        </div>
    }
}

/// The file's text; bytes that are not UTF-8 are refused, never replaced.
async fn text_of_file(file: &web_sys::File) -> Result<String, FormatError> {
    let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
    let bytes = bytes.map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec()).unwrap_or_default();
    String::from_utf8(bytes).map_err(|e| FormatError::NotText(e.utf8_error().valid_up_to()))
}

/// The file a file input was given, taken so the same file can be chosen again.
fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// What an import did, in words that count only what was stored.
fn import_said(name: &str, received: &Received) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let saved = received.saved.len();
    let mut said = format!("Imported {saved} plan{} from {name}.", plural(saved));
    if let Some((_, reason)) = received.not_saved.first() {
        let n = received.not_saved.len();
        said.push_str(&format!(
            " {n} plan{} could not be saved: {reason} It is open in this tab; download a backup to keep it.",
            plural(n)
        ));
    }
    match received.unchanged.len() {
        0 => {}
        1 => said.push_str(" One is already here as it is in the file: nothing was changed."),
        n => said.push_str(&format!(" {n} are already here as they are in the file: nothing was changed.")),
    }
    match received.waiting {
        0 => {}
        1 => said.push_str(" One is already here: choose below."),
        n => said.push_str(&format!(" {n} are already here: choose below for each.")),
    }
    said
}
