//! The exact layout of a set of templates a clinician has read, block by block: every
//! time, length, title and who takes part. A change to how days are laid out (where
//! lunch and the breaks fall, what a full day drops or shortens) shows here as a diff to
//! read and accept on purpose: rewrite the file with `LAYOUTS=write cargo test --test
//! template_layouts` and review it before committing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::kap::{BothDosing, Placement, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::template::{build_plan, TemplateRequest};

const FIXTURE: &str = "tests/fixtures/template-layouts.txt";

/// Requests that reach each way a day is laid out: a standard day, a short one under a
/// full day, exactly a full day, a late start, an afternoon dose, separate doses, the
/// arc of affair recovery, the tightest day a dose fits.
fn requests() -> Vec<(&'static str, TemplateRequest)> {
    let at = |kind, days, placement, who, start: (u32, u32), end: (u32, u32)| {
        let mut request = ready(request(kind, days, placement, who));
        request.window = DayWindow { start: clock(start.0, start.1), end: clock(end.0, end.1) };
        request
    };
    let separate = |kind, days, sessions| {
        let mut request = at(kind, days, Placement::Opening, WhoDoses::Both, (9, 0), (17, 0));
        request.kap.both_dosing = BothDosing::SeparateSessions;
        request.kap.sessions_per_partner = sessions;
        request
    };
    use IntensiveKind::{AffairRecovery as Affair, Couples};
    vec![
        ("couples, 3 days, midway, A", at(Couples, 3, Placement::Midway, WhoDoses::PartnerA, (9, 0), (17, 0))),
        ("affair, 3 days, midway, A", at(Affair, 3, Placement::Midway, WhoDoses::PartnerA, (9, 0), (17, 0))),
        (
            "affair, 3 days, midway, A, 9:00-15:30",
            at(Affair, 3, Placement::Midway, WhoDoses::PartnerA, (9, 0), (15, 30)),
        ),
        ("couples, 2 days, midway, both", at(Couples, 2, Placement::Midway, WhoDoses::Both, (9, 0), (17, 0))),
        ("couples, 1 day, 9:00-14:00", at(Couples, 1, Placement::Opening, WhoDoses::Nobody, (9, 0), (14, 0))),
        ("couples, 1 day, 7:00-12:00", at(Couples, 1, Placement::Opening, WhoDoses::Nobody, (7, 0), (12, 0))),
        ("couples, 1 day, 7:00-13:00", at(Couples, 1, Placement::Opening, WhoDoses::Nobody, (7, 0), (13, 0))),
        ("couples, 1 day, 9:00-15:00", at(Couples, 1, Placement::Opening, WhoDoses::Nobody, (9, 0), (15, 0))),
        ("couples, 1 day, A, 9:00-16:30", at(Couples, 1, Placement::Opening, WhoDoses::PartnerA, (9, 0), (16, 30))),
        (
            "couples, 3 days, opening, A, 9:30-17:00",
            at(Couples, 3, Placement::Opening, WhoDoses::PartnerA, (9, 30), (17, 0)),
        ),
        ("couples, 3 days, 8:00-18:00", at(Couples, 3, Placement::Opening, WhoDoses::Nobody, (8, 0), (18, 0))),
        ("affair, 5 days, both apart, once", separate(Affair, 5, 1)),
        ("couples, 7 days, both apart, twice", separate(Couples, 7, 2)),
    ]
}

fn layout(label: &str, request: &TemplateRequest) -> String {
    let mut text = format!("== {label}\n");
    match build_plan("layout", request) {
        Ok(plan) => {
            for block in &plan.blocks {
                text.push_str(&format!(
                    "d{} {}-{} {:?} {:?} {}\n",
                    block.day,
                    block.start.format("%H:%M"),
                    block.end().format("%H:%M"),
                    block.kind,
                    block.who,
                    block.title
                ));
            }
        }
        Err(error) => text.push_str(&format!("refused: {error}\n")),
    }
    text
}

#[test]
fn templates_are_laid_out_exactly_as_reviewed() {
    let text: String = requests().iter().map(|(label, request)| layout(label, request)).collect();
    let path = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("LAYOUTS").as_deref() == Ok("write") {
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let reviewed = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(text == reviewed, "the layouts differ from {FIXTURE}; see the diff with LAYOUTS=write and git diff");
}
