//! Plans for the native tests, made the way the "new intensive" form makes them.
#![allow(dead_code)]

use chrono::NaiveDate;
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::kap::{BothDosing, KapSettings, Placement, Readiness, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::template::{build_plan, TemplateRequest};

pub fn request(kind: IntensiveKind, days: u8, placement: Placement, who: WhoDoses) -> TemplateRequest {
    TemplateRequest {
        kind,
        days,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid date"),
        window: DayWindow::standard(),
        partners: Partners { a: "Sam".into(), b: "Alex".into() },
        therapist: Therapist { name: "Dr Lee".into(), contact: "lee@example.org".into() },
        location: "Harbour Room".into(),
        kap: KapSettings { who_doses: who, placement, ..KapSettings::default() },
    }
}

/// Readiness complete for both, with a third person driving.
pub fn ready(mut request: TemplateRequest) -> TemplateRequest {
    request.kap.readiness_a = Readiness::complete("Jordan");
    request.kap.readiness_b = Readiness::complete("Jordan");
    request
}

pub fn separate(mut request: TemplateRequest) -> TemplateRequest {
    request.kap.both_dosing = BothDosing::SeparateSessions;
    request
}

pub fn plan(kind: IntensiveKind, days: u8, placement: Placement, who: WhoDoses) -> Plan {
    build_plan("test-plan", &ready(request(kind, days, placement, who))).expect("template builds")
}

pub fn find(plan: &Plan, kind: BlockKind) -> Vec<&Block> {
    let mut list: Vec<&Block> = plan.blocks.iter().filter(|b| b.kind == kind).collect();
    list.sort_by_key(|b| (b.day, b.start));
    list
}

/// `edit` aimed at an existing block, chosen by index (wrapping), so that random edits
/// mostly land.
pub fn aim(plan: &Plan, index: usize, edit: Edit) -> Edit {
    let Some(block) = plan.blocks.get(index % plan.blocks.len().max(1)) else { return edit };
    let id = block.id;
    match edit {
        Edit::MoveBlock { day, start, .. } => Edit::MoveBlock { id, day, start },
        Edit::NudgeBlock { minutes, days, .. } => Edit::NudgeBlock { id, minutes, days },
        Edit::ResizeBlock { minutes, .. } => Edit::ResizeBlock { id, minutes },
        Edit::DeleteBlock { .. } => Edit::DeleteBlock { id },
        Edit::ChangeKind { kind, .. } => Edit::ChangeKind { id, kind },
        Edit::ChangeWho { who, .. } => Edit::ChangeWho { id, who },
        Edit::SetText { field, text, .. } => Edit::SetText { id, field, text },
        Edit::AddChecklistItem { text, .. } => Edit::AddChecklistItem { id, text },
        other => other,
    }
}
