//! Every error and warning from the checker; choosing one focuses its block.

use leptos::prelude::*;

use super::{focus_element, EditorCtx};
use crate::domain::rules::{error_count, Problem, Severity};
use crate::ui::keyed_list::{keyed_list, Row, RowKey};

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
    view! {
        <section class="panel" aria-labelledby="problems-heading" data-testid="problems">
            <h2 id="problems-heading">"Problems"</h2>
            <p class="muted" aria-live="polite">{summary}</p>
            <ul class="problem-list">
                {keyed_list(move || ctx.problems.get().into_iter().map(|problem| Row::new(row_key(&problem), move || {
                    let first = problem.blocks.first().copied();
                    let day = problem.day;
                    let (class, word) = match problem.severity {
                        Severity::Error => ("problem error", "Error"),
                        Severity::Warning => ("problem warning", "Warning"),
                    };
                    view! {
                        <li class=class data-rule=problem.rule.id()>
                            <button type="button" on:click=move |_| match (first, day) {
                                (Some(id), _) => ctx.focus_block(id),
                                (None, Some(day)) => {
                                    ctx.visible_day.set(day);
                                    focus_element(&format!("day-{day}"));
                                }
                                _ => {}
                            }>
                                <strong>{word}": "</strong>{problem.message.clone()}
                            </button>
                        </li>
                    }
                })).collect())}
            </ul>
        </section>
    }
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
