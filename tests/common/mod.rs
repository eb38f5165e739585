//! Plans for the native tests, made the way the "new intensive" form makes them.
#![allow(dead_code)]

pub mod disk;

use chrono::NaiveDate;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::kap::{BothDosing, Driver, KapSettings, Placement, Readiness, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::template::{build_plan, FollowUpRequest, TemplateRequest};
use strum::VariantArray;

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
        follow_ups: FollowUpRequest::usual(who),
    }
}

/// Readiness complete for both, with a third person driving.
pub fn ready(mut request: TemplateRequest) -> TemplateRequest {
    request.kap.readiness_a = Readiness::complete(Driver::other_adult("Jordan Reyes", "555 0100"));
    request.kap.readiness_b = Readiness::complete(Driver::other_adult("Jordan Reyes", "555 0100"));
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
    let follow_up = plan.follow_ups.get(index % plan.follow_ups.len().max(1)).map(|f| f.id);
    match (edit, follow_up) {
        (Edit::ChangeFollowUp { change, .. }, Some(id)) => Edit::ChangeFollowUp { id, change },
        (Edit::DeleteFollowUp { .. }, Some(id)) => Edit::DeleteFollowUp { id },
        (edit, _) => aim_at_block(plan, index, edit),
    }
}

fn aim_at_block(plan: &Plan, index: usize, edit: Edit) -> Edit {
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

/// A ready 3-day couples intensive with Sam (A) dosing midway, on day 2 (10:00–13:00),
/// integrated on day 3 at 09:30; it breaks no rule.
pub fn base() -> Plan {
    let plan = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA);
    assert_eq!(
        intensive_planner::domain::rules::check(&plan, DateStyle::DayFirst24Hour),
        vec![],
        "the base plan breaks no rule"
    );
    plan
}

/// The first block of `kind` on `day`.
pub fn first(plan: &Plan, kind: BlockKind, day: u8) -> Block {
    plan.blocks_on(day).into_iter().find(|b| b.kind == kind).cloned().expect("a block of that kind")
}

/// `plan` after `edit`, which must apply.
pub fn edited(plan: &Plan, edit: Edit) -> Plan {
    intensive_planner::domain::edit::apply(plan, &edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"))
}

/// The problems of `plan` by one rule.
pub fn problems_of(
    plan: &Plan,
    rule: intensive_planner::domain::rules::RuleId,
) -> Vec<intensive_planner::domain::rules::Problem> {
    intensive_planner::domain::rules::check(plan, DateStyle::DayFirst24Hour)
        .into_iter()
        .filter(|p| p.rule == rule)
        .collect()
}

/// Adds a block and returns the plan and the block's id.
pub fn added(
    plan: &Plan,
    kind: BlockKind,
    day: u8,
    start: chrono::NaiveTime,
    minutes: u16,
    who: Participants,
) -> (Plan, BlockId) {
    let next = edited(plan, Edit::AddBlock { kind, day, start, minutes, who });
    let id = next.blocks.last().expect("the block added").id;
    (next, id)
}

/// Every request the form can make, with a label to report it by.
pub fn every_request() -> Vec<(String, TemplateRequest)> {
    let mut all = Vec::new();
    for &kind in IntensiveKind::VARIANTS {
        for days in 1..=MAX_DAYS {
            for placement in [Placement::Opening, Placement::Midway] {
                for who in [WhoDoses::Nobody, WhoDoses::PartnerA, WhoDoses::PartnerB, WhoDoses::Both] {
                    for sessions in [1, 2] {
                        for both_dosing in [BothDosing::SameSession, BothDosing::SeparateSessions] {
                            if (who != WhoDoses::Both && both_dosing == BothDosing::SeparateSessions)
                                || (who == WhoDoses::Nobody && (sessions == 2 || placement == Placement::Midway))
                            {
                                continue;
                            }
                            let mut request = ready(request(kind, days, placement, who));
                            request.kap.sessions_per_partner = sessions;
                            request.kap.both_dosing = both_dosing;
                            let label = format!("{kind:?} {days}d {placement:?} {who:?} ×{sessions} {both_dosing:?}");
                            all.push((label, request));
                        }
                    }
                }
            }
        }
    }
    all
}
