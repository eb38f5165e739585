//! *Save as my template*: the plan's structure under a name the therapist gives, kept
//! for the next couple (the domain decides what is carried: `my_template`).

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::my_template::MyTemplate;
use crate::domain::validate::MAX_TITLE_CHARS;
use crate::ui::state::{new_plan_id, AppState};

#[component]
pub fn SaveAsTemplate(on_close: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let state = expect_context::<AppState>();
    let name = NodeRef::<leptos::html::Input>::new();
    let said = RwSignal::new(None::<String>);
    let suggested = ctx.plan.with_untracked(MyTemplate::suggested_name);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = name.get().map(|input| input.value()).unwrap_or_default();
        if given.trim().is_empty() {
            said.set(Some("Give the template a name.".into()));
            return;
        }
        let template = ctx.plan.with_untracked(|plan| MyTemplate::of(plan, new_plan_id(), &given));
        let words = template.saved_words();
        said.set(Some(match state.put_template(template) {
            Ok(()) => words,
            Err(problem) => format!("The template is not kept: {problem}"),
        }));
    };
    view! {
        <form class="card no-print template-card" on:submit=submit aria-labelledby="save-template-heading">
            <h2 id="save-template-heading">"Save as my template"</h2>
            <p class="muted">"A template keeps this plan's days and hours, blocks and their notes for the couple, checklists (unticked), KAP choices, limits and follow-ups, to start the next intensive from. It never keeps the couple's names, readiness, private notes, questions, ticks or review."</p>
            <label for="template-name">"Template name"</label>
            <input id="template-name" type="text" node_ref=name maxlength=MAX_TITLE_CHARS.to_string() value=suggested/>
            <div class="form-actions">
                <button type="submit" class="primary">"Save template"</button>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <p role="status" data-testid="template-saved">{move || said.get()}</p>
        </form>
    }
}
