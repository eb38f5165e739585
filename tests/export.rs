//! Calendar export checked by an independent parser, share links, replies, and
//! import fed arbitrary and mutated text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, BlockText, Edit};
use intensive_planner::domain::kap::{Driver, Placement, Readiness, ScreenAnswer, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::words::who_for_couple;
use intensive_planner::export::ics::{calendar, fold};
use intensive_planner::sharing::link::{compressed_bytes, fragment, read_share, share_text, LinkKind, ShareError};
use intensive_planner::sharing::reply::{merge_reply, read_reply, reply_from, reply_text};
use intensive_planner::storage::format::{decode_file, encode_pretty};
use proptest::prelude::*;

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn tricky_plan() -> Plan {
    let plan = plan(IntensiveKind::AffairRecovery, 3, Placement::Midway, WhoDoses::PartnerA);
    let id = plan.blocks[1].id;
    let plan = apply(
        &plan,
        &Edit::SetText {
            id,
            field: BlockText::Title,
            text: "History; triggers, and \\ safety — «é» 🌿 with a title long enough to need folding twice over"
                .into(),
        },
    )
    .unwrap();
    let plan =
        apply(&plan, &Edit::SetText { id, field: BlockText::CoupleNotes, text: "Line one,\nline two; done".into() })
            .unwrap();
    apply(&plan, &Edit::SetText { id, field: BlockText::PrivateNotes, text: "SECRET-NOTE".into() }).unwrap()
}

#[test]
fn the_calendar_file_parses_and_every_event_matches_its_block() {
    let plan = tricky_plan();
    let now = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap().and_hms_opt(8, 0, 0).unwrap();
    let text = calendar(&plan, now);
    assert!(!text.contains("SECRET-NOTE"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let calendars: Vec<_> = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())).collect();
    assert_eq!(calendars.len(), 1);
    let parsed = calendars.into_iter().next().unwrap().expect("parses");
    assert_eq!(parsed.events.len(), plan.blocks.len() + plan.follow_ups.len(), "blocks, then follow-ups");
    let mut blocks: Vec<&Block> = plan.blocks.iter().collect();
    blocks.sort_by_key(|b| (b.day, b.start, b.id));
    let mut uids = Vec::new();
    for (event, block) in parsed.events.iter().zip(blocks) {
        let get = |name: &str| {
            event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
        };
        assert_eq!(unescape(&get("SUMMARY")), block.title);
        assert_eq!(get("DTSTART"), plan.starts_at(block).format("%Y%m%dT%H%M%S").to_string());
        assert_eq!(get("DTEND"), plan.ends_at(block).format("%Y%m%dT%H%M%S").to_string());
        assert_eq!(get("DTSTAMP"), "20261122T080000Z");
        assert_eq!(unescape(&get("LOCATION")), "Harbour Room");
        let description = unescape(&get("DESCRIPTION"));
        assert!(description.starts_with(&who_for_couple(block.who, &plan.partners, &plan.therapist.name)));
        assert!(description.contains(block.couple_notes.trim()), "{description:?} vs {:?}", block.couple_notes);
        uids.push(get("UID"));
    }
    assert_eq!(uids[0], format!("test-plan-{}@intensive-planner.invalid", plan.blocks_on(1)[0].id.0));
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "UIDs are unique");
    // Stable: the same plan gives the same UIDs.
    assert_eq!(calendar_uids(&calendar(&plan, now)), calendar_uids(&text));
}

fn calendar_uids(text: &str) -> Vec<String> {
    text.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect()
}

#[test]
fn folding_never_splits_a_character() {
    let folded = fold(&format!("SUMMARY:{}", "é🌿".repeat(40)));
    for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75);
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
    }
    assert_eq!(folded.replace("\r\n ", "").trim_end(), format!("SUMMARY:{}", "é🌿".repeat(40)));
}

// The browser compresses links (`ui::links`); a changed, cut or oversized link is tested
// there, in tests/browser.rs. These tests check what a link carries.

#[test]
fn a_share_link_carries_the_plan_without_private_notes() {
    let plan = tricky_plan();
    let content = share_text(&plan);
    assert_eq!(content.kind, LinkKind::Share);
    assert!(encode_pretty(&plan).contains("SECRET-NOTE"), "the test plan has a private note");
    assert!(!content.text.contains("SECRET-NOTE"));
    let shared = read_share(content.text.into_bytes()).expect("reads");
    assert!(shared.blocks.iter().all(|b| b.private_notes.is_empty()));
    assert_eq!(shared.blocks.len(), plan.blocks.len());
    assert_eq!(shared.title, plan.title);
    // Private notes put into a link by hand are still never shown.
    let mut tampered = plan.clone();
    tampered.blocks[0].private_notes = "slipped in".into();
    let text = intensive_planner::storage::format::encode(&tampered);
    assert!(read_share(text.into_bytes()).unwrap().blocks.iter().all(|b| b.private_notes.is_empty()));
    assert_eq!(read_share(vec![0xff, 0xfe]), Err(ShareError::Damaged), "not UTF-8");
    assert!(matches!(read_share(b"{}".to_vec()), Err(ShareError::Unreadable(_))));
}

#[test]
fn a_share_link_carries_no_screen_answers_and_no_clearance_only_the_ride_home() {
    let mut plan = plan(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::Both);
    let record = &mut plan.kap.readiness_a;
    record.screen.pregnancy_or_breastfeeding = ScreenAnswer::Yes;
    record.screen.psychosis_or_mania_history = ScreenAnswer::Yes;
    record.screen.prescriber_cleared = true;
    record.ride_home = Driver::other_adult("Jordan", "555 0100");
    let content = share_text(&plan);
    let whole = intensive_planner::storage::format::encode(&plan);
    for leak in ["\"Yes\"", "\"prescriber_cleared\":true", "\"medical_intake_done\":true", "\"consent_signed\":true"] {
        assert!(whole.contains(leak), "the test plan holds {leak}");
        assert!(!content.text.contains(leak), "the link carries {leak}");
    }
    let shared = read_share(content.text.into_bytes()).expect("reads");
    for partner in [Partner::A, Partner::B] {
        let ride_home = plan.kap.readiness(partner).ride_home.clone();
        assert_eq!(*shared.kap.readiness(partner), Readiness { ride_home, ..Readiness::default() }, "{partner:?}");
    }
    // Put into a link by hand, they are still dropped on reading.
    let text = intensive_planner::storage::format::encode(&plan);
    assert_eq!(read_share(text.into_bytes()).expect("reads").kap.readiness_a.screen, Default::default());
}

#[test]
fn a_link_s_data_is_url_safe_base64_of_the_compressed_bytes() {
    let bytes: Vec<u8> = (0..=255).collect();
    let share = fragment(LinkKind::Share, &bytes);
    let data = share.strip_prefix("#/share/").expect("share prefix");
    assert!(data.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "URL-safe: {data}");
    assert_eq!(compressed_bytes(data), Ok(bytes.clone()));
    assert_eq!(compressed_bytes(&format!(" {data}\n")), Ok(bytes.clone()), "spaces around a pasted link");
    assert!(fragment(LinkKind::Reply, &bytes).starts_with("#/reply/"));
    assert_eq!(compressed_bytes("!!!"), Err(ShareError::Damaged));
    // The same bytes in standard base64, as a link re-encoded on its way may carry them.
    use base64::Engine;
    let standard = base64::engine::general_purpose::STANDARD.encode(&bytes);
    assert!(standard.contains('+') && standard.contains('/') && standard.ends_with('='), "{standard}");
    assert_eq!(compressed_bytes(&standard), Ok(bytes.clone()));
    assert!(ShareError::Damaged.to_string().starts_with("This link is damaged"));
}

#[test]
fn the_couples_reply_merges_into_the_right_plan_and_blocks() {
    let therapist = plan(IntensiveKind::Couples, 3, Placement::Opening, WhoDoses::PartnerA);
    let mut couple = read_share(share_text(&therapist).text.into_bytes()).unwrap();
    let prep = couple.blocks.iter().find(|b| b.kind == BlockKind::KapPreparation).unwrap().id;
    couple = apply(&couple, &Edit::TickChecklistItem { id: prep, index: 1, done: true }).unwrap();
    couple = apply(
        &couple,
        &Edit::SetText { id: prep, field: BlockText::CoupleQuestion, text: "Can we bring music?".into() },
    )
    .unwrap();
    let reviewed = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    couple = apply(&couple, &Edit::MarkReviewed(Some(reviewed))).unwrap();
    // The couple may rename things on their copy: only their answers travel back.
    couple = apply(&couple, &Edit::SetTitle("Our weekend".into())).unwrap();

    let received = read_share(share_text(&therapist).text.into_bytes()).unwrap();
    let reply = read_reply(reply_text(&reply_from(&couple, Some(&received))).text.into_bytes()).unwrap();
    assert_eq!(reply.plan_id, therapist.id);
    let merge = merge_reply(&therapist, &reply, DateStyle::DayFirst24Hour);
    let (edits, news) = (merge.edits, merge.news);
    assert_eq!(news.len(), 3, "{news:?}");
    let at = therapist.block(prep).unwrap().start;
    let expected = format!("New question on “Preparation and intention setting” (day 1, {})", at.format("%H:%M"));
    assert!(news[0].starts_with(&expected), "{news:?} vs {expected}");
    assert!(news[1].starts_with("“An eye mask” ticked"), "{news:?}");
    let mut merged = therapist.clone();
    for edit in &edits {
        merged = apply(&merged, edit).unwrap();
    }
    assert_eq!(merged.title, therapist.title);
    assert_eq!(merged.block(prep).unwrap().couple_question, "Can we bring music?");
    assert!(merged.block(prep).unwrap().checklist[1].done);
    assert_eq!(merged.review.reviewed_on, Some(reviewed));
    // Merging the same reply again finds nothing new.
    assert!(merge_reply(&merged, &reply, DateStyle::DayFirst24Hour).is_empty());
}

#[test]
fn every_frozen_example_of_every_version_still_reads() {
    let mut read = 0;
    for version in std::fs::read_dir("tests/formats").expect("tests/formats exists") {
        let version = version.unwrap().path();
        // Plan versions are `v1`, `v2`…; other records (settings) keep their own folders.
        if !version.file_name().is_some_and(|name| name.to_string_lossy().starts_with('v')) {
            continue;
        }
        for file in std::fs::read_dir(&version).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let plans = decode_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(!plans.is_empty());
            // Some of these files were written with sorted keys: reading must not depend on order.
            if text.contains("intensive-planner/backup") {
                assert!(plans.len() > 1, "{}: a backup of several plans", path.display());
            }
            for plan in plans {
                assert!(!plan.blocks.is_empty(), "{}", path.display());
            }
            read += 1;
        }
    }
    assert!(read >= 2, "frozen examples found: {read}");
}

#[test]
fn import_names_each_problem_and_refuses_absurd_files() {
    let mut plan = plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    plan.blocks[0].minutes = 2000;
    plan.blocks[1].day = 9;
    plan.title = "x".repeat(500);
    let error = decode_file(&encode_pretty(&plan)).unwrap_err().to_string();
    assert!(error.contains("The title is 500 characters long; at most 200 fit."), "{error}");
    assert!(error.contains("lasts 33 h 20 min"), "{error}");
    assert!(error.contains("is on day 9; the plan has days 1 to 3."), "{error}");
    let huge = format!("{{\"format\":\"intensive-planner/plan\",\"pad\":\"{}\"}}", " ".repeat(9 * 1024 * 1024));
    assert!(decode_file(&huge).unwrap_err().to_string().starts_with("The file is 9.0 MB; a plan file is at most 8 MB"));
    let missing = encode_pretty(&plan).replace("\"first_day\"", "\"first_dai\"");
    assert!(decode_file(&missing).unwrap_err().to_string().contains("missing field `first_day`"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_import(text in ".{0,300}") {
        let _ = decode_file(&text);
        let _ = read_share(text.clone().into_bytes());
        let _ = read_reply(text.clone().into_bytes());
        let _ = compressed_bytes(&text);
    }

    #[test]
    fn mutated_plan_files_give_a_valid_plan_or_a_message(position in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let text = encode_pretty(&common::plan(IntensiveKind::AffairRecovery, 2, Placement::Midway, WhoDoses::Both));
        let mut bytes = text.into_bytes();
        let at = position.index(bytes.len());
        if cut { bytes.truncate(at) } else { bytes[at] = byte }
        let text = String::from_utf8_lossy(&bytes);
        match decode_file(&text) {
            Ok(plans) => for plan in plans {
                prop_assert!(intensive_planner::domain::validate::validate(&plan).is_empty());
                let _ = intensive_planner::domain::rules::check(&plan, DateStyle::DayFirst24Hour);
            },
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}

#[test]
fn a_reply_question_longer_than_a_plan_holds_is_said_not_dropped() {
    let therapist = plan(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::Nobody);
    let block = therapist.blocks[0].id;
    let reply = intensive_planner::sharing::reply::Reply {
        format: "intensive-planner/reply".into(),
        plan_id: therapist.id.clone(),
        blocks: vec![intensive_planner::sharing::reply::BlockReply {
            id: block,
            question: "Why? ".repeat(1001),
            question_was: String::new(),
            ticks: Vec::new(),
            items: Vec::new(),
        }],
        reviewed_on: None,
        version: 2,
        revision: 3,
        reviewed_was: None,
    };
    let merge = merge_reply(&therapist, &reply, DateStyle::DayFirst24Hour);
    let (edits, news) = (merge.edits, merge.news);
    assert!(edits.is_empty(), "nothing that would be refused is offered as new");
    assert_eq!(news.len(), 1);
    assert!(news[0].contains("is longer than 5000 characters, so it was not added"), "{}", news[0]);
}
