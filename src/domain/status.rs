//! A confirmed plan is free of errors, whatever path it comes in by: an edit, a merge of
//! two tabs, a reply, an import, a backup restored, a link, a migration. Each of them
//! passes what it makes through `reopen_if_broken`, the one place that decides it.

use super::model::{Plan, PlanStatus};
use super::rules::{check, Severity};

/// Where a confirmed plan with an error goes back to: it was agreed with the couple,
/// so it is in their hands again until the error is resolved.
pub const REOPENED_AS: PlanStatus = PlanStatus::SharedWithCouple;

/// A confirmed plan with an error is reopened; the sentence says why, for the person
/// who brought it in. `None` when the plan was not confirmed or has no error.
pub fn reopen_if_broken(plan: &mut Plan) -> Option<String> {
    if plan.status != PlanStatus::Confirmed {
        return None;
    }
    let errors: Vec<String> =
        check(plan).into_iter().filter(|p| p.severity == Severity::Error).map(|p| p.message).collect();
    let first = errors.first()?;
    plan.status = REOPENED_AS;
    let count = match errors.len() {
        1 => "an error stands".to_string(),
        n => format!("{n} errors stand"),
    };
    Some(format!(
        "\u{201c}{}\u{201d} was marked Confirmed, but {count} ({first}) It is now \u{201c}{}\u{201d}: confirm it \
         again once the problems panel shows no errors.",
        plan.title,
        REOPENED_AS.label()
    ))
}
