//! Why a confirmed plan is no longer confirmed, said from the moment a change reopens it.

use leptos::prelude::*;

use super::EditorCtx;
use crate::domain::model::PlanStatus;
use crate::domain::status::reopened_notice;

/// Shown once a change reopens the plan (an edit here, another tab's, a merge of both),
/// until it is confirmed again, its status is changed or its errors are fixed: the
/// status list alone would change without a word.
#[component]
pub fn ReopenedNotice() -> impl IntoView {
    let ctx = expect_context::<EditorCtx>();
    // The status the plan had before this version, and the notice; while the notice
    // stands, the plan counts as having been Confirmed, so a later edit keeps it up.
    let notice = Memo::new(move |last: Option<&(PlanStatus, Option<String>)>| {
        ctx.plan.with(|plan| {
            let before = match last {
                Some((_, Some(_))) => PlanStatus::Confirmed,
                Some((status, None)) => *status,
                None => plan.status,
            };
            (plan.status, reopened_notice(before, plan, ctx.state.style.get()))
        })
    });
    move || {
        notice.get().1.map(|words| view! { <p class="notice" role="status" data-testid="reopened-notice">{words}</p> })
    }
}
