//! Every error and warning from the checker; choosing one focuses its block.

use leptos::prelude::*;

use super::{focus_element, EditorCtx};
use crate::domain::rules::{error_count, Problem, Severity};

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
                // Keyed by content, so a change redraws only the problems that changed.
                <For each=move || ctx.problems.get() key=|p| (p.rule, p.blocks.clone(), p.message.clone()) let:problem>
                    <ProblemRow problem/>
                </For>
            </ul>
        </section>
    }
}

/// A problem, as a button that leads to its first block, or else to its day.
#[component]
fn ProblemRow(problem: Problem) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let (class, word) = match problem.severity {
        Severity::Error => ("problem error", "Error: "),
        Severity::Warning => ("problem warning", "Warning: "),
    };
    let (block, day) = (problem.blocks.first().copied(), problem.day);
    let chosen = move |_| {
        if let Some(id) = block {
            ctx.focus_block(id);
        } else if let Some(day) = day {
            ctx.show_day(day);
            focus_element(&format!("day-{day}"));
        }
    };
    view! {
        <li class=class data-rule=problem.rule.id()>
            <button type="button" on:click=chosen><strong>{word}</strong>{problem.message}</button>
        </li>
    }
}
