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
                // One row per place in the list. Moving a block rewrites the messages that name
                // its time; rows keyed by message were removed and drawn again on every move
                // (a sixth of a move's work, BENCHMARKS.md), while a row per place only
                // updates the text that changed.
                <For each=move || 0..ctx.problems.with(Vec::len) key=|place| *place let:place>
                    <ProblemRow place=place/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn ProblemRow(place: usize) -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    let problem = Memo::new(move |_| ctx.problems.with(|list| list.get(place).cloned()));
    let read = move |part: fn(&Problem) -> String| move || problem.with(|p| p.as_ref().map(part).unwrap_or_default());
    let go_to = move |_| {
        let Some((first, day)) = problem.with_untracked(|p| p.as_ref().map(|p| (p.blocks.first().copied(), p.day)))
        else {
            return;
        };
        match (first, day) {
            (Some(id), _) => ctx.focus_block(id),
            (None, Some(day)) => {
                ctx.visible_day.set(day);
                focus_element(&format!("day-{day}"));
            }
            _ => {}
        }
    };
    view! {
        <li class=read(|p| severity_words(p.severity).0.to_string()) data-rule=read(|p| p.rule.id().to_string())>
            <button type="button" on:click=go_to>
                <strong>{read(|p| severity_words(p.severity).1.to_string())}": "</strong>{read(|p| p.message.clone())}
            </button>
        </li>
    }
}

/// The row's class and the word read before its message.
fn severity_words(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("problem error", "Error"),
        Severity::Warning => ("problem warning", "Warning"),
    }
}
