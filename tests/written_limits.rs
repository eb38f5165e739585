//! What the app writes, it reads, at every limit: a plan cannot grow by editing past
//! what reading accepts, and the app's own backup of many plans restores.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::edit::{apply, BlockText, Edit};
use intensive_planner::domain::model::*;
use intensive_planner::domain::sample::sample_plan;
use intensive_planner::domain::validate::{MAX_NOTE_CHARS, MAX_PLAN_BYTES};
use intensive_planner::sharing::link::{read_share, share_text};
use intensive_planner::storage::format::{decode, decode_file, encode, encode_backup, encode_pretty};

/// A note at its longest and at its costliest to write: every character escaped.
fn costly_note() -> String {
    "\u{7}".repeat(MAX_NOTE_CHARS)
}

#[test]
fn a_plan_grown_by_editing_stops_at_the_size_it_can_be_read_back_at() {
    let mut plan = base();
    let mut refused = None;
    'growing: for index in 0..plan.blocks.len() {
        for field in [BlockText::PrivateNotes, BlockText::CoupleNotes, BlockText::CoupleQuestion] {
            let edit = Edit::SetText { id: plan.blocks[index].id, field, text: costly_note() };
            match apply(&plan, &edit) {
                Ok(next) => plan = next,
                Err(error) => {
                    refused = Some(error.to_string());
                    break 'growing;
                }
            }
        }
    }
    let refused = refused.expect("the plan reached its size limit");
    assert!(refused.contains("a plan holds at most 2 MB"), "{refused}");
    let written = encode(&plan);
    assert!(written.len() > MAX_PLAN_BYTES - 40_000, "the largest plan accepted: {} bytes", written.len());
    // The largest plan accepted reads back from every form the app writes it in.
    assert_eq!(decode(&written), Ok(plan.clone()));
    assert_eq!(decode_file(&encode_pretty(&plan)), Ok(vec![plan.clone()]));
    assert!(read_share(share_text(&plan).text.into_bytes()).is_ok());
    assert_eq!(decode_file(&encode_backup(&[plan.clone(), plan.clone()])).map(|p| p.len()), Ok(2));
}

#[test]
fn the_apps_own_backup_of_many_ordinary_plans_restores() {
    let plans: Vec<Plan> = (0..140).map(|n| Plan { id: format!("p{n}"), ..sample_plan(3, 60) }).collect();
    let backup = encode_backup(&plans);
    assert!(backup.len() > 2 * 1024 * 1024, "larger than the old limit: {} bytes", backup.len());
    assert_eq!(decode_file(&backup), Ok(plans));
    let huge = format!("{{\"format\":\"intensive-planner/backup\",\"pad\":\"{}\"}}", " ".repeat(65 * 1024 * 1024));
    let refused = decode_file(&huge).unwrap_err().to_string();
    assert!(refused.starts_with("The file is 65.0 MB; a backup is at most 64 MB"), "{refused}");
}

#[test]
fn a_backup_with_one_bad_plan_names_it() {
    let mut bad = Plan { id: "p2".into(), title: "Io & Ren".into(), ..sample_plan(2, 10) };
    bad.blocks[0].minutes = 5000;
    let plans = [Plan { id: "p1".into(), ..sample_plan(2, 10) }, bad, Plan { id: "p3".into(), ..sample_plan(2, 10) }];
    let refused = decode_file(&encode_backup(&plans)).unwrap_err().to_string();
    assert!(refused.contains("Plan 2 of 3 (\u{201c}Io & Ren\u{201d}): Block"), "{refused}");
}
