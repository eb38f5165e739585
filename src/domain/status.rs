//! A confirmed plan is free of errors, whatever path it comes in by: an edit, a merge of
//! two tabs, a reply, an import, a backup restored, a link, a migration. Each of them
//! passes what it makes through `reopen_if_broken`, the one place that decides it.

use super::dates::DateStyle;
use super::model::{Plan, PlanStatus};
use super::rules::{check, Severity};

/// Where a confirmed plan with an error goes back to: it was agreed with the couple,
/// so it is in their hands again until the error is resolved.
pub const REOPENED_AS: PlanStatus = PlanStatus::SharedWithCouple;

/// A confirmed plan with an error is reopened; says whether it was.
pub fn reopen_if_broken(plan: &mut Plan) -> bool {
    // Only counted: any style words the same errors.
    if plan.status != PlanStatus::Confirmed || errors(plan, DateStyle::default()).is_empty() {
        return false;
    }
    plan.status = REOPENED_AS;
    true
}

/// Why a plan `reopen_if_broken` reopened is no longer confirmed, for the person who
/// brought it in, its first error worded in their `style`.
pub fn reopened_words(plan: &Plan, style: DateStyle) -> String {
    words_for(plan, &errors(plan, style))
}

/// Why the plan is no longer confirmed, while a change made since it had the status
/// `before` (an edit here, another tab's, a merge) has reopened it and an error stands;
/// `None` once the errors are fixed or its status is changed.
pub fn reopened_notice(before: PlanStatus, plan: &Plan, style: DateStyle) -> Option<String> {
    if before != PlanStatus::Confirmed || plan.status != REOPENED_AS {
        return None;
    }
    let errors = errors(plan, style);
    (!errors.is_empty()).then(|| words_for(plan, &errors))
}

fn words_for(plan: &Plan, errors: &[String]) -> String {
    let count = match errors.len() {
        1 => "an error stands".to_string(),
        n => format!("{n} errors stand"),
    };
    let first = errors.first().map(String::as_str).unwrap_or_default();
    format!(
        "\u{201c}{}\u{201d} was marked Confirmed, but {count} ({first}) It is now \u{201c}{}\u{201d}: confirm it \
         again once the problems panel shows no errors.",
        plan.title,
        REOPENED_AS.label()
    )
}

/// The messages of the errors that stand in the way of confirming.
pub fn errors(plan: &Plan, style: DateStyle) -> Vec<String> {
    check(plan, style).into_iter().filter(|p| p.severity == Severity::Error).map(|p| p.message).collect()
}
