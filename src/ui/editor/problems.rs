//! Every error and warning from the checker; choosing one focuses its block.

use leptos::prelude::*;

use super::{focus_element, EditorCtx};
use crate::domain::model::BlockId;
use crate::domain::rules::{error_count, Problem, Severity};
use crate::ui::dom::{attr, button, clicks, element, event_source, rows, rows_from, text, RowKey, RowList};
use web_sys::Element;

#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let summary = move || {
        ctx.problems.with(|list| {
            let errors = error_count(list);
            let warnings = list.len() - errors;
            match (errors, warnings) {
                (0, 0) => "No problems: every rule is met.".to_string(),
                _ => format!(
                    "{errors} error{} (must be fixed before confirming), {warnings} warning{}",
                    if errors == 1 { "" } else { "s" },
                    if warnings == 1 { "" } else { "s" }
                ),
            }
        })
    };
    let rows_of_problems = RowList::new(move || ctx.problems.with(|list| rows_from(list, row_key, row)));
    // A problem's button names its first block, or else its day.
    let chosen = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = event_source(&ev, "button") else { return };
        if let Some(id) = button.get_attribute("data-block").and_then(|v| v.parse().ok()) {
            ctx.focus_block(BlockId(id));
        } else if let Some(day) = button.get_attribute("data-day").and_then(|v| v.parse::<u8>().ok()) {
            ctx.visible_day.set(day);
            focus_element(&format!("day-{day}"));
        }
    };
    view! {
        <section class="panel" aria-labelledby="problems-heading" data-testid="problems">
            <h2 id="problems-heading">"Problems"</h2>
            <p class="muted" aria-live="polite">{summary}</p>
            <ul class="problem-list" use:rows=rows_of_problems on:click=clicks(chosen)></ul>
        </section>
    }
}

fn row(problem: &Problem) -> Element {
    let (class, word) = match problem.severity {
        Severity::Error => ("problem error", "Error: "),
        Severity::Warning => ("problem warning", "Warning: "),
    };
    let li = element(None, "li", class);
    attr(&li, "data-rule", problem.rule.id());
    let b = button(&li, "", "");
    match (problem.blocks.first(), problem.day) {
        (Some(id), _) => attr(&b, "data-block", &id.0.to_string()),
        (None, Some(day)) => attr(&b, "data-day", &day.to_string()),
        _ => {}
    }
    text(&b, "strong", "", word);
    let _ = b.append_with_str_1(&problem.message);
    li.into()
}

/// Problems are keyed by content, so a change redraws only the problems that changed.
fn row_key(problem: &Problem) -> RowKey {
    let mut key = String::from(problem.rule.id());
    for id in &problem.blocks {
        key.push(',');
        key.push_str(&id.0.to_string());
    }
    // The separator cannot occur in a rule id or a number, so no two problems share a key.
    key.push('\u{1f}');
    key.push_str(&problem.message);
    RowKey::Text(key)
}
