//! The stored text, byte for byte. The fixtures in `tests/formats/v1/` to
//! `tests/formats/v4/` were written by versions 1 to 4 and are read through the
//! migrations to version 5; those in `tests/formats/v5/` are what version 5 writes.
//! `tests/links/reply-v1.json` is a reply as the first builds wrote it, `reply-v2.json`
//! one as this build writes it.
//! Frozen files are never rewritten: a missing file is written once, when the tests
//! run with `FREEZE_FORMAT=1`, and compared byte for byte ever after. Whatever writes and
//! reads plans must keep to them, or plans already in a browser, in files and in links
//! stop opening.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use intensive_planner::domain::kap::*;
use intensive_planner::domain::limits::RuleLimits;
use intensive_planner::domain::model::*;
use intensive_planner::sharing::reply::{read_reply, reply_text, BlockReply, Reply};
use intensive_planner::storage::format::{decode, decode_file, encode, encode_backup, encode_pretty};
use strum::VariantArray;

const KINDS: &[BlockKind] = BlockKind::VARIANTS;
const WHO: [Participants; 6] = Participants::ALL;
const FOR: [Option<PartnerSet>; 5] = [
    None,
    Some(PartnerSet { a: true, b: false }),
    Some(PartnerSet { a: false, b: true }),
    Some(PartnerSet::BOTH),
    Some(PartnerSet::NONE),
];

/// Text that a writer has to escape, and text it must leave alone.
const AWKWARD: &str = "Quote \" backslash \\ slash / tab \t newline \n return \r bell \u{7} \u{1f} del \u{7f} \
                       é 日本 😀 line sep \u{2028} {\"json\":[1,2]}";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A plan that uses every stored variant and every optional field both ways. Built
/// field by field, not from a template, so a template change cannot move the fixture.
pub fn every_variant_plan() -> Plan {
    let mut blocks = Vec::new();
    for (i, kind) in KINDS.iter().enumerate() {
        let n = u32::try_from(i).expect("small");
        blocks.push(Block {
            id: BlockId(n * 7 + 1),
            kind: *kind,
            day: u8::try_from(i % 8).expect("small") + 1,
            start: clock(8 + n % 10, (n * 15) % 60),
            minutes: [15, 45, 90, 240, 5][i % 5],
            title: if i == 3 { AWKWARD.into() } else { format!("{} {}", kind.label(), i) },
            who: WHO[i % WHO.len()],
            kap_for: FOR[i % FOR.len()],
            modality: [None, Some(Modality::Eft), Some(Modality::Gottman), Some(Modality::Ifs)][i % 4]
                .or(if i == 13 { Some(Modality::Other) } else { None })
                .or(if i == 4 { Some(Modality::Brainspotting) } else { None })
                .or(if i == 8 { Some(Modality::Emdr) } else { None }),
            couple_notes: if i % 3 == 0 { String::new() } else { format!("Notes {i}\nsecond line") },
            private_notes: if i == 5 { AWKWARD.into() } else { String::new() },
            checklist: (0..i % 4)
                .map(|j| ChecklistItem { text: format!("Item {j} of {i}"), done: (i + j) % 2 == 0 })
                .collect(),
            couple_question: if i == 7 { "What should we bring?".into() } else { String::new() },
        });
    }
    let screen = ContraindicationScreen {
        blood_pressure_or_heart: ScreenAnswer::No,
        pregnancy_or_breastfeeding: ScreenAnswer::Yes,
        psychosis_or_mania_history: ScreenAnswer::NotAsked,
        recent_brain_injury: ScreenAnswer::No,
        prescriber_cleared: true,
    };
    Plan {
        id: "every-variant_1".into(),
        revision: 18_446_744_073_709_551_615,
        title: AWKWARD.into(),
        kind: IntensiveKind::AffairRecovery,
        partners: Partners { a: "Sam".into(), b: "Alex \u{e9}".into() },
        therapist: Therapist { name: "Dr Lee".into(), contact: "lee@example.org".into() },
        location: String::new(),
        first_day: date(2026, 12, 31),
        days: vec![
            DayWindow { start: clock(9, 0), end: clock(17, 0) },
            DayWindow { start: clock(0, 0), end: clock(23, 59) },
            DayWindow { start: clock(7, 45), end: clock(12, 5) },
            DayWindow::standard(),
            DayWindow::standard(),
            DayWindow::standard(),
            DayWindow::standard(),
        ],
        status: PlanStatus::SharedWithCouple,
        blocks,
        kap: KapSettings {
            who_doses: WhoDoses::Both,
            placement: Placement::Midway,
            both_dosing: BothDosing::SeparateSessions,
            sessions_per_partner: 2,
            // Version 1 stored the driver as a typed name: it reads as another adult, no phone yet.
            readiness_a: Readiness { screen, ..Readiness::complete(Driver::other_adult("Jordan", "")) },
            readiness_b: Readiness::default(),
        },
        limits: RuleLimits { max_minutes_without_break: 60, fasting_hours: 5, ..RuleLimits::default() },
        review: CoupleReview { reviewed_on: Some(date(2027, 1, 2)), last_reply: None },
        next_block_id: 4_294_967_295,
        follow_ups: Vec::new(),
        next_follow_up_id: 1,
        guide: IntegrationGuide::default(),
        shared_from: Some("therapist-plan".into()),
    }
}

/// Version 5 added follow-up sessions and the integration guide: every variant of a
/// follow-up, at the edges of its dates and lengths, and a guide of the therapist's own.
fn followed_up_plan() -> Plan {
    let mut plan = replied_plan();
    let last = plan.last_date();
    let who = [Participants::BothWithTherapist, Participants::OneWithTherapist(Partner::A)]
        .into_iter()
        .chain([Participants::OneWithTherapist(Partner::B)]);
    plan.follow_ups = who
        .cycle()
        .zip(FOR.iter().cycle())
        .take(6)
        .enumerate()
        .map(|(i, (who, kap_for))| {
            let n = u32::try_from(i).expect("small");
            FollowUpSession {
                id: FollowUpId(n * 3 + 2),
                date: last + chrono::TimeDelta::days([1, 7, 28, 90, 364, 365][i]),
                start: clock(8 + n, (n * 15) % 60),
                minutes: [15, 90, 720, 45, 60, 120][i],
                title: if i == 1 { AWKWARD.into() } else { format!("Follow-up {i}") },
                who,
                kap_for: *kap_for,
                couple_notes: if i % 2 == 0 { String::new() } else { format!("Notes {i}\nsecond") },
                private_notes: if i == 3 { AWKWARD.into() } else { String::new() },
            }
        })
        .collect();
    plan.next_follow_up_id = 4_294_967_295;
    plan.guide = IntegrationGuide { days_for: AWKWARD.into(), prompts: vec![String::new(), AWKWARD.into()] };
    plan
}

/// The same plan with the other side of each choice that has two.
fn other_side_plan() -> Plan {
    let mut plan = every_variant_plan();
    plan.id = "other-side".into();
    plan.revision = 0;
    plan.kind = IntensiveKind::Couples;
    plan.status = PlanStatus::Draft;
    plan.review = CoupleReview::default();
    plan.shared_from = None;
    plan.blocks.truncate(2);
    plan.kap = KapSettings { who_doses: WhoDoses::PartnerB, ..KapSettings::default() };
    plan.kap.readiness_b.screen.blood_pressure_or_heart = ScreenAnswer::Yes;
    plan
}

fn confirmed_plan() -> Plan {
    let mut plan = other_side_plan();
    plan.id = "confirmed".into();
    plan.status = PlanStatus::Confirmed;
    plan.blocks.truncate(1);
    plan.kap.who_doses = WhoDoses::PartnerA;
    plan.kap.placement = Placement::Opening;
    plan.kap.both_dosing = BothDosing::SameSession;
    plan
}

/// A plan with each kind of ride home version 2 stores.
fn drivers_plan() -> Plan {
    let mut plan = other_side_plan();
    plan.id = "drivers".into();
    plan.kap.who_doses = WhoDoses::Both;
    plan.kap.readiness_a.ride_home = Driver::other_adult("Jordan Reyes", "+1 555 0100");
    plan.kap.readiness_b.ride_home = Driver::Partner(Partner::A);
    plan
}

/// A reply as version 1 wrote it (ticks by position), read today.
fn reply_v1() -> Reply {
    let block = |id, question: &str, ticks| BlockReply {
        id: BlockId(id),
        question: question.into(),
        question_was: String::new(),
        ticks,
        items: Vec::new(),
    };
    Reply {
        format: "intensive-planner/reply".into(),
        version: 1,
        plan_id: "therapist-plan".into(),
        revision: 0,
        blocks: vec![block(8, AWKWARD, vec![true, false, true]), block(0, "", Vec::new())],
        reviewed_on: Some(date(2026, 2, 28)),
        reviewed_was: None,
    }
}

fn reply_v2() -> Reply {
    let item = |text: &str, done| ChecklistItem { text: text.into(), done };
    Reply {
        format: "intensive-planner/reply".into(),
        version: 2,
        plan_id: "therapist-plan".into(),
        revision: 7,
        blocks: vec![BlockReply {
            id: BlockId(8),
            question: AWKWARD.into(),
            question_was: "Earlier".into(),
            ticks: Vec::new(),
            items: vec![item("An eye mask", true), item(AWKWARD, false)],
        }],
        reviewed_on: Some(date(2026, 2, 28)),
        reviewed_was: None,
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `text` against the frozen file `name`, which is written only if it does not exist
/// yet and the tests run with `FREEZE_FORMAT=1`.
fn frozen(name: &str, text: &str) {
    let path = format!("{}/tests/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("FREEZE_FORMAT").is_some() && !std::path::Path::new(&path).exists() {
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    assert_eq!(text, fixture(name), "{name}");
}

/// Version 4 added the revision of the last couple's reply added.
fn replied_plan() -> Plan {
    let plan = every_variant_plan();
    Plan { review: CoupleReview { last_reply: Some(12), ..plan.review.clone() }, ..plan }
}

#[test]
fn plans_are_written_as_version_5_froze_them() {
    frozen("formats/v5/every-variant.compact.json", &encode(&followed_up_plan()));
    frozen("formats/v5/every-variant.json", &encode_pretty(&followed_up_plan()));
    frozen("formats/v5/other-side.compact.json", &encode(&other_side_plan()));
    frozen("formats/v5/drivers.json", &encode_pretty(&drivers_plan()));
    frozen(
        "formats/v5/backup-three-plans.json",
        &encode_backup(&[followed_up_plan(), other_side_plan(), confirmed_plan()]),
    );
}

#[test]
fn version_5_text_reads_back_to_the_same_plans() {
    assert_eq!(decode(&fixture("formats/v5/every-variant.compact.json")), Ok(followed_up_plan()));
    assert_eq!(decode(&fixture("formats/v5/every-variant.json")), Ok(followed_up_plan()));
    assert_eq!(decode(&fixture("formats/v5/drivers.json")), Ok(drivers_plan()));
    assert_eq!(
        decode_file(&fixture("formats/v5/backup-three-plans.json")),
        Ok(vec![followed_up_plan(), other_side_plan(), confirmed_plan()])
    );
}

#[test]
fn version_4_text_reads_through_the_migration_to_the_same_plans() {
    assert_eq!(decode(&fixture("formats/v4/every-variant.compact.json")), Ok(replied_plan()));
    assert_eq!(decode(&fixture("formats/v4/every-variant.json")), Ok(replied_plan()));
    assert_eq!(decode(&fixture("formats/v4/drivers.json")), Ok(drivers_plan()));
    assert_eq!(
        decode_file(&fixture("formats/v4/backup-three-plans.json")),
        Ok(vec![replied_plan(), other_side_plan(), confirmed_plan()])
    );
}

#[test]
fn version_3_text_reads_through_the_migration_to_the_same_plans() {
    assert_eq!(decode(&fixture("formats/v3/every-variant.compact.json")), Ok(every_variant_plan()));
    assert_eq!(decode(&fixture("formats/v3/every-variant.json")), Ok(every_variant_plan()));
    assert_eq!(decode(&fixture("formats/v3/drivers.json")), Ok(drivers_plan()));
    assert_eq!(
        decode_file(&fixture("formats/v3/backup-three-plans.json")),
        Ok(vec![every_variant_plan(), other_side_plan(), confirmed_plan()])
    );
    let read = decode(&fixture("formats/v3/every-variant.compact.json")).expect("reads");
    assert_eq!(encode(&read), encode(&every_variant_plan()));
    assert!(encode(&read).contains("\"version\":5"));
}

/// A plan as an older version stored it, read through the migrations: the same plan,
/// with the limits versions 1 and 2 let stand outside today's ranges (a break after 0
/// minutes, no fasting hours beyond 4) brought to the nearest value inside them.
fn as_migrated(plan: Plan) -> Plan {
    Plan { limits: RuleLimits { max_minutes_without_break: 60, fasting_hours: 4, ..plan.limits }, ..plan }
}

#[test]
fn version_2_text_reads_through_the_migration_to_the_same_plans() {
    let migrated = |name: &str| decode(&fixture(&format!("formats/v2/{name}")));
    assert_eq!(migrated("every-variant.compact.json"), Ok(as_migrated(every_variant_plan())));
    assert_eq!(migrated("every-variant.json"), Ok(as_migrated(every_variant_plan())));
    assert_eq!(migrated("other-side.compact.json"), Ok(as_migrated(other_side_plan())));
    assert_eq!(migrated("drivers.json"), Ok(as_migrated(drivers_plan())));
    assert_eq!(
        decode_file(&fixture("formats/v2/backup-three-plans.json")),
        Ok([every_variant_plan(), other_side_plan(), confirmed_plan()].map(as_migrated).to_vec())
    );
    // Written again, a version 2 plan is today's text.
    let read = decode(&fixture("formats/v2/every-variant.compact.json")).expect("reads");
    assert_eq!(encode(&read), encode(&as_migrated(every_variant_plan())));
}

#[test]
fn version_1_text_reads_through_the_migrations_to_the_same_plans() {
    assert_eq!(decode(&fixture("formats/v1/every-variant.compact.json")), Ok(as_migrated(every_variant_plan())));
    assert_eq!(decode(&fixture("formats/v1/every-variant.json")), Ok(as_migrated(every_variant_plan())));
    assert_eq!(decode(&fixture("formats/v1/other-side.compact.json")), Ok(as_migrated(other_side_plan())));
    assert_eq!(
        decode_file(&fixture("formats/v1/backup-three-plans.json")),
        Ok([every_variant_plan(), other_side_plan(), confirmed_plan()].map(as_migrated).to_vec())
    );
}

#[test]
fn replies_of_version_1_still_read_and_version_2_is_written_as_frozen() {
    assert_eq!(read_reply(fixture("links/reply-v1.json").into_bytes()), Ok(reply_v1()));
    // Replies written before the "reviewed" field existed still read.
    let older = fixture("links/reply-v1.json").replace(",\"reviewed_on\":\"2026-02-28\"", ",\"reviewed_on\":null");
    assert_eq!(
        read_reply(older.replace(",\"reviewed_on\":null", "").into_bytes()),
        Ok(Reply { reviewed_on: None, ..reply_v1() })
    );
    let text = reply_text(&reply_v2()).text;
    frozen("links/reply-v2.json", &text);
    assert_eq!(read_reply(text.into_bytes()), Ok(reply_v2()));
}
