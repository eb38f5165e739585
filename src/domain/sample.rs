//! Sample plans of a given size, for benchmarks and stress tests: a real template
//! topped up with short extra blocks until it has the asked number of blocks.

use chrono::NaiveDate;

use super::edit::{apply, Edit};
use super::kap::{Driver, KapSettings, Placement, Readiness, WhoDoses};
use super::model::*;
use super::template::{build_plan, FollowUpRequest, TemplateRequest};

/// A ready-to-confirm affair-recovery plan of `days` days with at least `blocks` blocks.
pub fn sample_plan(days: u8, blocks: usize) -> Plan {
    let kap = KapSettings {
        who_doses: WhoDoses::Both,
        placement: Placement::Midway,
        readiness_a: Readiness::complete(Driver::other_adult("Jordan", "555 0100")),
        readiness_b: Readiness::complete(Driver::other_adult("Jordan", "555 0100")),
        ..KapSettings::default()
    };
    let request = TemplateRequest {
        kind: IntensiveKind::AffairRecovery,
        days: days.clamp(2, MAX_DAYS),
        first_day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        window: DayWindow::standard(),
        partners: Partners { a: "Sam".into(), b: "Alex".into() },
        therapist: Therapist { name: "Dr Lee".into(), contact: String::new() },
        location: "Harbour Room".into(),
        follow_ups: FollowUpRequest::usual(kap.who_doses),
        kap,
    };
    let Ok(mut plan) = build_plan("sample", &request) else { return fallback(days) };
    // Short notes blocks, one partner at a time, spread over every day and hour.
    let mut index = 0usize;
    while plan.blocks.len() < blocks {
        let day = u8::try_from(index % usize::from(plan.day_count())).unwrap_or(0) + 1;
        let slot = u32::try_from((index / usize::from(plan.day_count())) % 32).unwrap_or(0);
        let who = if index.is_multiple_of(2) {
            Participants::OneOnTheirOwn(Partner::A)
        } else {
            Participants::OneOnTheirOwn(Partner::B)
        };
        let edit = Edit::AddBlock {
            kind: BlockKind::Custom,
            day,
            start: clock(9 + slot / 4, (slot % 4) * 15),
            minutes: 15,
            who,
        };
        match apply(&plan, &edit) {
            Ok(next) => plan = next,
            Err(_) => break,
        }
        index += 1;
    }
    plan
}

/// A 2-day plan whose day 2 holds `blocks` blocks all at the same hour, for everyone:
/// the worst case for lanes and overlap problems.
pub fn overlapping_plan(blocks: usize) -> Plan {
    let mut plan = sample_plan(2, 0);
    let add = Edit::AddBlock {
        kind: BlockKind::Custom,
        day: 2,
        start: clock(10, 0),
        minutes: 60,
        who: Participants::BothWithTherapist,
    };
    while plan.blocks.len() < blocks {
        match apply(&plan, &add) {
            Ok(next) => plan = next,
            Err(_) => break,
        }
    }
    plan
}

fn fallback(days: u8) -> Plan {
    Plan {
        id: "sample".into(),
        revision: 0,
        title: "Sample".into(),
        kind: IntensiveKind::Couples,
        partners: Partners { a: "A".into(), b: "B".into() },
        therapist: Therapist::default(),
        location: String::new(),
        first_day: NaiveDate::default(),
        days: vec![DayWindow::standard(); usize::from(days.max(1))],
        status: PlanStatus::Draft,
        blocks: Vec::new(),
        kap: KapSettings::default(),
        limits: Default::default(),
        review: CoupleReview::default(),
        next_block_id: 1,
        follow_ups: Vec::new(),
        next_follow_up_id: 1,
        guide: IntegrationGuide::default(),
        shared_from: None,
    }
}
