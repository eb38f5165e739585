//! What the app writes, it reads: random sequences of every way a plan is made or
//! changed (templates with the longest names, edits, duplicates, "keep both" copies,
//! replies merged in, share links, merges of two tabs, imports with a counter at the
//! top of its range), each followed by encode and decode.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, apply_all, BlockText, Edit};
use intensive_planner::domain::follow_up_edit::GuideChange;
use intensive_planner::domain::kap::{BothDosing, Placement, WhoDoses};
use intensive_planner::domain::merge::merge;
use intensive_planner::domain::model::*;
use intensive_planner::domain::template::build_plan;
use intensive_planner::domain::validate::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use intensive_planner::sharing::link::{read_share, share_text};
use intensive_planner::sharing::reply::{merge_reply, BlockReply, Reply};
use intensive_planner::storage::format::{decode, decode_file, encode, encode_pretty};
use proptest::prelude::*;

/// Text up to a little past `max` characters, wide characters included.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z &()é日😀]{0,20}".boxed(), (max - 10..max + 20).prop_map(|n| "é".repeat(n)).boxed(),]
}

#[derive(Clone, Debug)]
enum Step {
    Edit(usize, Edit),
    Duplicate,
    KeepBoth,
    Reply { block: usize, question: String, ticks: Vec<bool> },
    Share,
    MergeWith(Vec<(usize, Edit)>),
}

fn any_edit() -> impl Strategy<Value = (usize, Edit)> {
    let id = BlockId(0);
    let edit = prop_oneof![
        (0u8..10, 0u32..24, 0u16..800).prop_map(|(day, hour, minutes)| Edit::AddBlock {
            kind: BlockKind::Custom,
            day,
            start: clock(hour, 0),
            minutes,
            who: Participants::BothWithTherapist
        }),
        (0u8..10, 0u32..24).prop_map(move |(day, h)| Edit::MoveBlock { id, day, start: clock(h, 30) }),
        (-2000i32..2000, -9i8..9).prop_map(move |(minutes, days)| Edit::NudgeBlock { id, minutes, days }),
        (0u16..2000).prop_map(move |minutes| Edit::ResizeBlock { id, minutes }),
        Just(Edit::DeleteBlock { id }),
        text(MAX_TITLE_CHARS).prop_map(move |text| Edit::SetText { id, field: BlockText::Title, text }),
        text(MAX_NOTE_CHARS).prop_map(move |text| Edit::SetText { id, field: BlockText::CoupleNotes, text }),
        text(MAX_TITLE_CHARS).prop_map(move |text| Edit::AddChecklistItem { id, text }),
        text(MAX_TITLE_CHARS).prop_map(Edit::SetTitle),
        text(MAX_TITLE_CHARS).prop_map(|a| Edit::SetPartnerName(Partner::A, a)),
        text(MAX_TITLE_CHARS).prop_map(|b| Edit::SetPartnerName(Partner::B, b)),
        text(MAX_TITLE_CHARS).prop_map(Edit::SetLocation),
        Just(Edit::SetStatus(PlanStatus::Confirmed)),
        // Follow-ups from before the first day to past a year after the last, and at every length.
        (0i64..420, 0u32..24, 0u16..800, 0usize..3).prop_map(|(n, hour, minutes, who)| Edit::AddFollowUp {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date") + chrono::TimeDelta::days(n),
            start: clock(hour, 45),
            minutes,
            who: FOLLOW_UP_WHO[who],
        }),
        (0i64..420).prop_map(|n| Edit::ChangeFollowUp {
            id: FollowUpId(0),
            change: FollowUpChange::Date(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date") + chrono::TimeDelta::days(n)
            ),
        }),
        (0u16..2000).prop_map(|m| Edit::ChangeFollowUp { id: FollowUpId(0), change: FollowUpChange::Length(m) }),
        (0u32..24)
            .prop_map(|h| Edit::ChangeFollowUp { id: FollowUpId(0), change: FollowUpChange::Start(clock(h, 15)) }),
        text(MAX_NOTE_CHARS).prop_map(|t| Edit::ChangeFollowUp {
            id: FollowUpId(0),
            change: FollowUpChange::Text(FollowUpText::PrivateNotes, t)
        }),
        text(MAX_TITLE_CHARS).prop_map(|t| Edit::ChangeFollowUp {
            id: FollowUpId(0),
            change: FollowUpChange::Text(FollowUpText::Title, t)
        }),
        Just(Edit::DeleteFollowUp { id: FollowUpId(0) }),
        text(MAX_TITLE_CHARS).prop_map(|t| Edit::ChangeGuide(GuideChange::AddPrompt(t))),
        text(MAX_NOTE_CHARS).prop_map(|t| Edit::ChangeGuide(GuideChange::DaysFor(t))),
    ];
    (0usize..400, edit)
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any_edit().prop_map(|(i, e)| Step::Edit(i, e)),
        1 => Just(Step::Duplicate),
        1 => Just(Step::KeepBoth),
        1 => (0usize..400, text(MAX_NOTE_CHARS), prop::collection::vec(any::<bool>(), 0..8))
            .prop_map(|(block, question, ticks)| Step::Reply { block, question, ticks }),
        1 => Just(Step::Share),
        1 => prop::collection::vec(any_edit(), 0..5).prop_map(Step::MergeWith),
    ]
}

fn edited(plan: &Plan, edits: &[(usize, Edit)]) -> Plan {
    edits.iter().fold(plan.clone(), |p, (i, e)| apply(&p, &aim(&p, *i, e.clone())).unwrap_or(p))
}

fn take(plan: &Plan, step: &Step, n: usize) -> Plan {
    match step {
        Step::Edit(index, edit) => edited(plan, &[(*index, edit.clone())]),
        Step::Duplicate => plan.duplicate_as(format!("dup-{n}")),
        Step::KeepBoth => Plan { shared_from: Some(plan.id.clone()), ..plan.copy_as(format!("both-{n}")) },
        Step::Reply { block, question, ticks } => {
            let Some(target) = plan.blocks.get(block % plan.blocks.len().max(1)) else { return plan.clone() };
            let items = target
                .checklist
                .iter()
                .zip(ticks)
                .map(|(i, done)| ChecklistItem { text: i.text.clone(), done: *done })
                .collect();
            let reply = Reply {
                format: "intensive-planner/reply".into(),
                version: 2,
                plan_id: plan.id.clone(),
                revision: n as u64,
                blocks: vec![BlockReply {
                    id: target.id,
                    question: question.clone(),
                    question_was: target.couple_question.clone(),
                    ticks: Vec::new(),
                    items,
                }],
                reviewed_on: None,
                reviewed_was: None,
            };
            apply_all(plan, &merge_reply(plan, &reply, DateStyle::DayFirst24Hour).edits)
        }
        Step::Share => read_share(share_text(plan).text.into_bytes()).expect("a shared plan opens"),
        Step::MergeWith(edits) => {
            let theirs = edited(plan, edits);
            merge(
                plan,
                &edited(plan, &edits.iter().rev().cloned().collect::<Vec<_>>()),
                &theirs,
                DateStyle::DayFirst24Hour,
            )
            .plan
        }
    }
}

fn start(a: String, b: String, days: u8, affair: bool, who: u8, high_counter: bool) -> Plan {
    let kind = if affair { IntensiveKind::AffairRecovery } else { IntensiveKind::Couples };
    let who = [WhoDoses::Nobody, WhoDoses::PartnerA, WhoDoses::PartnerB, WhoDoses::Both][usize::from(who % 4)];
    // A 2-day affair-recovery intensive doses midway: a morning dose leaves its arc one day.
    let placement = if affair && days == 2 { Placement::Midway } else { Placement::Opening };
    let mut request = ready(request(kind, days, placement, who));
    request.partners = Partners { a, b };
    request.kap.both_dosing = BothDosing::SameSession;
    let Ok(mut plan) = build_plan("start", &request) else {
        // Only names too long to store are refused, and they are said to be.
        assert!(
            request.partners.a.chars().count() > MAX_TITLE_CHARS
                || request.partners.b.chars().count() > MAX_TITLE_CHARS
        );
        return common::plan(kind, days, placement, who);
    };
    if high_counter {
        // As an imported plan may be: its block counter at the top of its range.
        plan.next_block_id = u32::MAX;
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_plan_the_app_makes_reads_back_as_written(
        a in text(MAX_TITLE_CHARS),
        b in text(MAX_TITLE_CHARS),
        days in 1u8..=7,
        affair in any::<bool>(),
        who in 0u8..4,
        high_counter in any::<bool>(),
        steps in prop::collection::vec(any_step(), 0..24),
    ) {
        let mut plan = start(a, b, days, affair, who, high_counter);
        prop_assert_eq!(decode(&encode(&plan)), Ok(plan.clone()));
        for (n, step) in steps.iter().enumerate() {
            plan = take(&plan, step, n);
            prop_assert_eq!(decode(&encode(&plan)), Ok(plan.clone()), "after {:?}", step);
            prop_assert_eq!(decode_file(&encode_pretty(&plan)), Ok(vec![plan.clone()]));
        }
    }
}

#[test]
fn the_longest_names_make_a_title_that_fits() {
    let mut request = request(IntensiveKind::AffairRecovery, 3, Placement::Opening, WhoDoses::Nobody);
    request.partners = Partners { a: "A".repeat(MAX_TITLE_CHARS), b: "B".repeat(95) };
    let plan = build_plan("long", &request).expect("the longest names are accepted");
    assert_eq!(plan.title.chars().count(), MAX_TITLE_CHARS);
    assert!(plan.title.ends_with('\u{2026}'));
    assert_eq!(decode(&encode(&plan)), Ok(plan.clone()));
    let copy = Plan { title: "T".repeat(MAX_TITLE_CHARS), ..plan }.duplicate_as("copy".into());
    assert!(copy.title.ends_with("\u{2026} (copy)"), "{}", copy.title);
    assert_eq!(decode(&encode(&copy)), Ok(copy));
}

#[test]
fn adding_blocks_to_a_plan_whose_counter_is_at_the_top_gives_each_its_own_id() {
    let mut plan = common::plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    plan.next_block_id = u32::MAX;
    let add = Edit::AddBlock {
        kind: BlockKind::Custom,
        day: 1,
        start: clock(16, 0),
        minutes: 15,
        who: Participants::CoupleOnTheirOwn,
    };
    let once = apply(&plan, &add).expect("adds");
    let twice = apply(&once, &add).expect("adds again");
    let mut ids: Vec<u32> = twice.blocks.iter().map(|b| b.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), twice.blocks.len(), "no two blocks share an id");
    assert_eq!(decode(&encode(&twice)), Ok(twice));
}
