//! A plan with an error is never Confirmed, whatever path makes it: an edit, a merge of
//! two tabs, a reply, an import, a backup restored, a share link, a migration from an
//! older version. Random plans (templates, then random edits, some breaking rules) are
//! marked Confirmed as a file could mark them and sent down every path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, apply_all, Edit};
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::merge::merge;
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{check, error_count};
use intensive_planner::domain::status::{reopened_notice, REOPENED_AS};
use intensive_planner::sharing::link::{read_share, share_text};
use intensive_planner::sharing::reply::{merge_reply, BlockReply, Reply};
use intensive_planner::storage::format::{decode, decode_arrival, decode_file, encode, encode_backup};
use proptest::prelude::*;

fn has_errors(plan: &Plan) -> bool {
    error_count(&check(plan, DateStyle::DayFirst24Hour)) > 0
}

/// The invariant: confirmed means free of errors; and a plan free of errors keeps the
/// status it came with.
fn sound(path: &str, before: &Plan, after: &Plan) -> Result<(), TestCaseError> {
    if has_errors(after) {
        prop_assert_ne!(after.status, PlanStatus::Confirmed, "{} left a plan with errors Confirmed", path);
    } else if !has_errors(before) && before.status == PlanStatus::Confirmed && path != "merge" {
        prop_assert_eq!(after.status, PlanStatus::Confirmed, "{} reopened a plan without errors", path);
    }
    Ok(())
}

fn any_edit() -> impl Strategy<Value = (usize, Edit)> {
    let id = BlockId(0);
    let edit = prop_oneof![
        (0u8..9, 0u32..24).prop_map(move |(day, h)| Edit::MoveBlock { id, day, start: clock(h, 0) }),
        (-600i32..600, -2i8..2).prop_map(move |(minutes, days)| Edit::NudgeBlock { id, minutes, days }),
        (15u16..600).prop_map(move |minutes| Edit::ResizeBlock { id, minutes }),
        Just(Edit::DeleteBlock { id }),
        Just(Edit::ChangeWho { id, who: Participants::OneOnTheirOwn(Partner::B) }),
    ];
    (0usize..60, edit)
}

fn random_plan(days: u8, who: u8, edits: &[(usize, Edit)], ready_readiness: bool) -> Plan {
    let who = [WhoDoses::Nobody, WhoDoses::PartnerA, WhoDoses::PartnerB, WhoDoses::Both][usize::from(who % 4)];
    let mut request = request(IntensiveKind::Couples, days, Placement::Opening, who);
    if ready_readiness {
        request = ready(request);
    }
    let plan = intensive_planner::domain::template::build_plan("p", &request).expect("builds");
    edits.iter().fold(plan, |p, (i, e)| apply(&p, &aim(&p, *i, e.clone())).unwrap_or(p))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_path_confirms_a_plan_with_an_error(
        days in 1u8..=5,
        who in 0u8..4,
        ready_readiness in any::<bool>(),
        edits in prop::collection::vec(any_edit(), 0..6),
        theirs in prop::collection::vec(any_edit(), 0..4),
        edit in any_edit(),
    ) {
        let mut plan = random_plan(days, who, &edits, ready_readiness);
        // As a file or an older build could have stored it.
        plan.status = PlanStatus::Confirmed;

        let text = encode(&plan);
        let read = decode(&text).expect("reads");
        sound("a stored record or a plan file", &plan, &read)?;
        for restored in decode_file(&encode_backup(std::slice::from_ref(&plan))).expect("reads") {
            sound("a backup restored", &plan, &restored)?;
        }
        let migrated = decode(&text.replacen("\"version\":5", "\"version\":2", 1)).expect("migrates");
        sound("a migration from version 2", &plan, &migrated)?;
        let shared = read_share(share_text(&plan).text.into_bytes()).expect("opens");
        sound("a share link", &plan, &shared)?;

        let other = edits_of(&read, &theirs);
        let merged = merge(&read, &read, &other, DateStyle::DayFirst24Hour).plan;
        sound("merge", &read, &merged)?;
        let merged = merge(&read, &other, &read, DateStyle::DayFirst24Hour).plan;
        sound("merge", &read, &merged)?;

        let target = read.blocks.first().map(|b| b.id).unwrap_or(BlockId(1));
        let items = read.block(target).map(|b| b.checklist.iter().map(|i| ChecklistItem { done: !i.done, ..i.clone() }).collect()).unwrap_or_default();
        let reply = Reply {
            format: "intensive-planner/reply".into(),
            version: 2,
            plan_id: read.id.clone(),
            revision: 1,
            blocks: vec![BlockReply {
                id: target,
                question: "Can we start later?".into(),
                question_was: String::new(),
                ticks: Vec::new(),
                items,
            }],
            reviewed_on: None,
            reviewed_was: None,
        };
        let replied = apply_all(&read, &merge_reply(&read, &reply, DateStyle::DayFirst24Hour).edits);
        sound("a reply", &read, &replied)?;

        if let Ok(edited) = apply(&read, &aim(&read, edit.0, edit.1.clone())) {
            sound("an edit", &read, &edited)?;
        }
    }
}

fn edits_of(plan: &Plan, edits: &[(usize, Edit)]) -> Plan {
    edits.iter().fold(plan.clone(), |p, (i, e)| apply(&p, &aim(&p, *i, e.clone())).unwrap_or(p))
}

#[test]
fn a_file_marked_confirmed_with_an_error_arrives_reopened_and_says_why() {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let mut broken = edited(&plan, Edit::DeleteBlock { id: integration.id });
    broken.status = PlanStatus::Confirmed;
    let arrival = decode_arrival(&encode(&broken)).expect("reads");
    assert_eq!(arrival.plans[0].status, REOPENED_AS);
    assert_eq!(REOPENED_AS, PlanStatus::SharedWithCouple);
    assert_eq!(arrival.reopened, vec![plan.id.clone()]);
    let said = arrival.reopened_words(DateStyle::DayFirst24Hour).join(" ");
    assert!(said.starts_with(&format!("\u{201c}{}\u{201d} was marked Confirmed, but an error stands", plan.title)));
    assert!(said.contains("has no integration session of its own for Sam"), "{said}");
    assert!(said.contains("It is now \u{201c}Shared with couple\u{201d}"), "{said}");
    // A confirmed plan without errors arrives as it was, with nothing to say.
    let mut sound = plan.clone();
    sound.status = PlanStatus::Confirmed;
    let arrival = decode_arrival(&encode(&sound)).expect("reads");
    assert_eq!((arrival.plans[0].status, arrival.reopened.len()), (PlanStatus::Confirmed, 0));
    // Two errors are counted.
    let mut worse = broken.clone();
    worse.kap.readiness_a.consent_signed = false;
    let said = decode_arrival(&encode(&worse)).expect("reads").reopened_words(DateStyle::MonthFirst12Hour).join(" ");
    assert!(said.contains("but 2 errors stand"), "{said}");
}

#[test]
fn a_change_that_reopens_a_confirmed_plan_says_why_until_it_is_fixed() {
    let style = DateStyle::DayFirst24Hour;
    let confirmed = Plan { status: PlanStatus::Confirmed, ..base() };
    let integration = first(&confirmed, BlockKind::Integration, 3);
    let broken = edited(&confirmed, Edit::DeleteBlock { id: integration.id });
    assert_eq!(broken.status, REOPENED_AS);
    let said = reopened_notice(PlanStatus::Confirmed, &broken, style).expect("it says why");
    assert!(said.contains("has no integration session of its own for Sam"), "{said}");
    assert!(said.contains("confirm it again once the problems panel shows no errors"), "{said}");
    // Nothing to say of a plan that was not confirmed, that the person gave another
    // status, or whose errors are fixed.
    assert_eq!(reopened_notice(PlanStatus::SharedWithCouple, &broken, style), None);
    assert_eq!(
        reopened_notice(PlanStatus::Confirmed, &Plan { status: PlanStatus::Draft, ..broken.clone() }, style),
        None
    );
    assert_eq!(reopened_notice(PlanStatus::Confirmed, &Plan { status: REOPENED_AS, ..base() }, style), None);
}

#[test]
fn two_sound_sides_that_break_a_rule_together_are_merged_reopened() {
    let style = DateStyle::DayFirst24Hour;
    let confirmed = Plan { status: PlanStatus::Confirmed, ..base() };
    // A gap where a block was taken out, and each side moving another block into it:
    // either move alone is sound, both together overlap.
    let moved_into =
        |plan: &Plan, id, gap: &Block| apply(plan, &Edit::MoveBlock { id, day: gap.day, start: gap.start });
    let found = confirmed.blocks.iter().find_map(|gap| {
        let shared = apply(&confirmed, &Edit::DeleteBlock { id: gap.id }).ok().filter(|p| !has_errors(p))?;
        let fits: Vec<BlockId> = shared.blocks.iter().filter(|b| b.minutes <= gap.minutes).map(|b| b.id).collect();
        let sound_move = |id| moved_into(&shared, id, gap).ok().filter(|p| !has_errors(p));
        let mut sound = fits.iter().filter_map(|&id| sound_move(id));
        let (mine, theirs) = (sound.next()?, sound.next()?);
        Some((shared.clone(), mine, theirs))
    });
    let (shared, mine, theirs) = found.expect("a gap two blocks can each move into");
    assert_eq!(shared.status, PlanStatus::Confirmed);
    let merged = merge(&shared, &mine, &theirs, style);
    assert!(merged.reopened);
    assert_eq!(merged.plan.status, REOPENED_AS);
    let said = intensive_planner::domain::arrival::brought_in(&merged, style);
    assert!(said.contains("was marked Confirmed, but an error stands"), "{said}");
    // A merge that leaves the plan sound says nothing of it.
    let merged = merge(&shared, &mine, &shared, style);
    assert!(!merged.reopened);
    assert!(!intensive_planner::domain::arrival::brought_in(&merged, style).contains("Confirmed"));
}
