//! Every template the "new intensive" form offers: 2 kinds × 1–7 days × opening or
//! midway × who doses × one or two sessions × together or apart. Each either reads as
//! a therapist's plan and breaks no rule, or is refused with a reason before anything
//! is made.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::TimeDelta;
use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::kap::{BothDosing, Placement, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::placement::PlacementError;
use intensive_planner::domain::rules::{check, RuleId, LUNCH_FROM, LUNCH_UNTIL};
use intensive_planner::domain::template::{
    build_plan, choice_refusals, ChoiceRefusals, TemplateError, TemplateRequest,
};
use intensive_planner::domain::time::minute_of_day;
use strum::VariantArray;

/// The reasons a request may be refused: only these, and each says what to change.
fn refusal_is_one_the_form_explains(error: &TemplateError) -> bool {
    let explained = matches!(
        error,
        TemplateError::Placement(PlacementError::MidwayNeedsTwoDays | PlacementError::NoRoomForSessions { .. })
            | TemplateError::NoDayForTheArc
    );
    explained && !error.to_string().is_empty()
}

fn dosing_days(plan: &Plan) -> Vec<u8> {
    let mut days: Vec<u8> = plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing).map(|b| b.day).collect();
    days.sort_unstable();
    days.dedup();
    days
}

#[test]
fn every_template_is_a_sound_plan_or_a_refusal_that_says_why() {
    let mut built = 0;
    for (label, request) in every_request() {
        let plan = match build_plan("t", &request) {
            Ok(plan) => plan,
            Err(error) => {
                assert!(refusal_is_one_the_form_explains(&error), "{label}: refused with {error:?}");
                continue;
            }
        };
        built += 1;
        let n = plan.day_count();
        // No error, and no warning but the integration after the intensive.
        let problems: Vec<_> = check(&plan, DateStyle::DayFirst24Hour)
            .into_iter()
            .filter(|p| p.rule != RuleId::IntegrationAfterIntensive)
            .collect();
        assert!(problems.is_empty(), "{label}: {problems:#?}");

        // 2. A partner's next dose starts at least 24 hours after the last ends.
        for partner in [Partner::A, Partner::B] {
            let mut doses: Vec<&Block> = plan
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::KapDosing && b.kap_partners().contains(partner))
                .collect();
            Block::sort_in_time(&mut doses);
            for pair in doses.windows(2) {
                let gap = plan.starts_at(pair[1]) - plan.ends_at(pair[0]);
                assert!(gap >= TimeDelta::hours(24), "{label}: {partner:?}'s doses {gap} apart");
            }
        }

        // 7. Nobody goes hungry: lunch at a normal hour for whoever does not dose.
        for day in 1..=n {
            let blocks = plan.blocks_on(day);
            let dosing = blocks
                .iter()
                .filter(|b| b.kind == BlockKind::KapDosing)
                .fold(PartnerSet::NONE, |s, b| s.union(b.kap_partners()));
            for partner in [Partner::A, Partner::B].into_iter().filter(|p| !dosing.contains(*p)) {
                let fed = blocks.iter().any(|b| {
                    b.kind == BlockKind::Lunch
                        && b.who.partners().contains(partner)
                        && (LUNCH_FROM..=LUNCH_UNTIL).contains(&minute_of_day(b.start))
                });
                assert!(fed, "{label}: day {day}, {partner:?} has no lunch at a normal hour");
            }
        }

        // 8. The last day ends with closing work, never with the opening assessment.
        let last_day = plan.blocks_on(n);
        let closing = last_day.last().expect("the last day has blocks");
        assert_eq!(closing.title, "Closing circle and next steps", "{label}");
        if n > 1 {
            assert!(
                !last_day
                    .iter()
                    .any(|b| b.title.starts_with("Relationship history") || b.title.starts_with("Affair history")),
                "{label}: the last day holds the opening assessment"
            );
            if !dosing_days(&plan).contains(&n) {
                assert!(last_day.iter().any(|b| b.kind == BlockKind::Feedback), "{label}: no feedback on the last day");
            }
        }

        // 9. An affair-recovery intensive keeps its arc.
        if request.kind == IntensiveKind::AffairRecovery && n > 1 {
            let triggers: Vec<u8> = plan
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Assessment && b.title.contains("riggers"))
                .map(|b| b.day)
                .collect();
            assert_eq!(triggers, vec![1, n], "{label}: triggers assessment on day 1 and on the last day");
            let phase = |name: &str| {
                let mut found: Vec<&Block> = plan.blocks.iter().filter(|b| b.title.starts_with(name)).collect();
                Block::sort_in_time(&mut found);
                found.first().map(|b| b.order_key()).unwrap_or_else(|| panic!("{label}: no {name} session"))
            };
            assert!(phase("Atonement") < phase("Attunement"), "{label}: atonement before attunement");
            assert!(phase("Attunement") < phase("Attachment"), "{label}: attunement before attachment");
        }

        // 10. No long run of dosing days: at most two in a row, and joint or individual
        // work on a day between one run and the next.
        let days = dosing_days(&plan);
        let work_on = |day: u8| {
            plan.blocks_on(day).iter().any(|b| matches!(b.kind, BlockKind::JointSession | BlockKind::IndividualSession))
        };
        for window in days.windows(3) {
            assert!(window[2] - window[0] > 2, "{label}: three dosing days in a row: {days:?}");
        }
        for pair in days.windows(2).filter(|p| p[1] - p[0] > 1) {
            assert!((pair[0] + 1..pair[1]).any(work_on), "{label}: no joint work between doses on {pair:?}");
        }

        // Neither partner has individual time the other lacks.
        let individual = |partner: Partner| {
            let alone = Participants::OneWithTherapist(partner);
            plan.blocks.iter().filter(|b| b.kind == BlockKind::IndividualSession && b.who == alone).count()
        };
        assert_eq!(individual(Partner::A), individual(Partner::B), "{label}: individual sessions");
    }
    assert!(built > 150, "only {built} templates built");
}

#[test]
fn a_refused_request_says_what_to_change() {
    let mut request = ready(request(IntensiveKind::Couples, 2, Placement::Opening, WhoDoses::PartnerA));
    request.kap.sessions_per_partner = 2;
    let refused = build_plan("t", &request).expect_err("two doses of one partner do not fit 2 days");
    assert!(refused.to_string().contains("starts at least 24 h after the last one ends"), "{refused}");
    let affair = separate(ready(common::request(IntensiveKind::AffairRecovery, 2, Placement::Opening, WhoDoses::Both)));
    let refused = build_plan("t", &affair).expect_err("no day without a dose");
    assert!(
        refused.to_string().contains("spreads its atonement, attunement and attachment work over at least two days"),
        "{refused}"
    );
}

/// What a clinician reads a template for, over every combination the form offers: the
/// last day ends with feedback and then the closing circle, also when it holds a dose; no
/// two dosing days in a row without joint or individual work; the affair-recovery arc in
/// order and spread over the days, rebuilding trust after attunement; an individual
/// session for each partner from 3 days on; at least an hour of joint work per full day
/// (a day without a dose) on average; no joint or skills title more than twice. Each broken promise is listed with
/// the request it came from.
fn broken_promises(request: &TemplateRequest, plan: &Plan) -> Vec<String> {
    let mut broken = Vec::new();
    let n = plan.day_count();
    let days_of = |kinds: &[BlockKind]| {
        let mut days: Vec<u8> = plan.blocks.iter().filter(|b| kinds.contains(&b.kind)).map(|b| b.day).collect();
        days.sort_unstable();
        days.dedup();
        days
    };
    // The last day ends with closing work: feedback and next steps, then the closing circle.
    let last_day = plan.blocks_on(n);
    let feedback = last_day.iter().position(|b| b.kind == BlockKind::Feedback);
    match (feedback, last_day.last()) {
        (Some(_), Some(end)) if end.title == "Closing circle and next steps" => {}
        _ => broken.push("the last day does not end with feedback, then the closing circle".to_string()),
    }
    // No two consecutive dosing days without joint or individual work.
    let dosing = days_of(&[BlockKind::KapDosing]);
    let work = days_of(&[BlockKind::JointSession, BlockKind::IndividualSession]);
    for pair in dosing.windows(2).filter(|p| p[1] == p[0] + 1) {
        if !work.contains(&pair[0]) && !work.contains(&pair[1]) {
            broken.push(format!("dosing days {} and {} hold no joint or individual work", pair[0], pair[1]));
        }
    }
    // The affair-recovery arc.
    if request.kind == IntensiveKind::AffairRecovery && n > 1 {
        let first_day_of =
            |prefix: &str| plan.blocks.iter().filter(|b| b.title.starts_with(prefix)).map(|b| (b.day, b.start)).min();
        let arc: Vec<Option<(u8, chrono::NaiveTime)>> =
            ["Atonement", "Attunement", "Attachment"].iter().map(|p| first_day_of(p)).collect();
        if arc.iter().any(Option::is_none) || !arc.windows(2).all(|w| w[0] < w[1]) {
            broken.push(format!("the arc is out of order: {arc:?}"));
        }
        if let (Some(trust), Some(attunement)) = (first_day_of("Rebuilding trust"), arc[1]) {
            if trust < attunement {
                broken.push("rebuilding trust comes before attunement".to_string());
            }
        }
        let arc_days: Vec<u8> = arc.iter().flatten().map(|(d, _)| *d).collect();
        if arc_days.iter().all(|d| *d == arc_days[0]) {
            broken.push(format!("the whole arc is crammed into day {}", arc_days[0]));
        }
    }
    // 3+ days: each partner an individual session.
    if n >= 3 {
        for partner in [Partner::A, Partner::B] {
            let alone = Participants::OneWithTherapist(partner);
            if !plan.blocks.iter().any(|b| b.kind == BlockKind::IndividualSession && b.who == alone) {
                broken.push(format!("{partner:?} has no individual session"));
            }
        }
    }
    // At least an hour of joint work per full day (a day without a dose: on a medicine
    // day the medicine session is the day's work) on average.
    let full_days: Vec<u8> = (1..=n).filter(|day| !dosing.contains(day)).collect();
    let joint: u32 = plan
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::JointSession && full_days.contains(&b.day))
        .map(|b| u32::from(b.minutes))
        .sum();
    if joint < 60 * u32::try_from(full_days.len()).unwrap_or(0) {
        broken.push(format!("{joint} min of joint work in {} full days", full_days.len()));
    }
    // No joint or skills title more than twice.
    let mut titles: Vec<&str> = plan
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::JointSession | BlockKind::Psychoeducation))
        .map(|b| b.title.as_str())
        .collect();
    titles.sort_unstable();
    for run in titles.chunk_by(|a, b| a == b).filter(|run| run.len() > 2) {
        broken.push(format!("\u{201c}{}\u{201d} {} times", run[0], run.len()));
    }
    broken
}

#[test]
fn every_template_keeps_the_promises_a_clinician_reads_it_for() {
    let mut all = Vec::new();
    for (label, request) in every_request() {
        let Ok(plan) = build_plan("t", &request) else { continue };
        for promise in broken_promises(&request, &plan) {
            all.push(format!("{label}: {promise}"));
        }
    }
    assert!(all.is_empty(), "{} broken:\n{}", all.len(), all.join("\n"));
}

#[test]
fn every_choice_offered_builds_and_every_refused_one_does_not() {
    for (_, request) in every_request() {
        let refused = choice_refusals(&request);
        let with = |change: &dyn Fn(&mut TemplateRequest)| {
            let mut chosen = request.clone();
            change(&mut chosen);
            build_plan("c", &chosen).is_ok()
        };
        if request.kap.who_doses == WhoDoses::Nobody {
            assert_eq!(refused, ChoiceRefusals::default());
            continue;
        }
        assert_eq!(refused.midway.is_none(), with(&|r| r.kap.placement = Placement::Midway));
        assert_eq!(refused.opening.is_none(), with(&|r| r.kap.placement = Placement::Opening));
        assert_eq!(refused.sessions(2).is_none(), with(&|r| r.kap.sessions_per_partner = 2));
        if request.kap.who_doses == WhoDoses::Both {
            assert_eq!(refused.separate.is_none(), with(&|r| r.kap.both_dosing = BothDosing::SeparateSessions));
        } else {
            assert_eq!(refused.separate, None, "only asked when both dose");
        }
    }
}

/// The finer points of what each day holds, over every combination: day 1 welcomes, later
/// days open with a morning check-in; the first and last days teach no new skill; the
/// processing beside attunement takes another approach than it; only a couples plan of
/// two days or more ends with a plan for the months ahead, and only a plan of two days or
/// more repeats the triggers assessment; blocks are numbered from 1 in order.
#[test]
fn every_template_day_holds_what_its_place_in_the_intensive_asks() {
    for (label, request) in every_request() {
        let Ok(plan) = build_plan("t", &request) else { continue };
        let n = plan.day_count();
        for day in 1..=n {
            let opening = plan.blocks_on(day)[0].title.as_str();
            let expected = if day == 1 { "Welcome and check-in" } else { "Morning check-in" };
            assert_eq!(opening, expected, "{label}: day {day}");
            if day == 1 || day == n {
                let skills = plan.blocks_on(day).into_iter().find(|b| b.title.starts_with("Skills:"));
                assert!(skills.is_none(), "{label}: a new skill on day {day}: {skills:?}");
            }
            let on_day = plan.blocks_on(day);
            let attunement = on_day.iter().find(|b| b.title.starts_with("Attunement"));
            let processing = on_day.iter().find(|b| b.title.starts_with("Processing session"));
            if let (Some(attunement), Some(processing)) = (attunement, processing) {
                assert_ne!(attunement.modality, processing.modality, "{label}: day {day}: one approach twice");
            }
        }
        // The partner who dosed yesterday meets the therapist alone when the other doses
        // today, while the other has quiet time before the medicine.
        for session in plan.blocks.iter().filter(|b| b.kind == BlockKind::Integration && b.day <= n) {
            let Some(partner) =
                session.kap_partners().iter().next().filter(|_| session.kap_partners().iter().count() == 1)
            else {
                continue;
            };
            let other_doses_today = plan
                .blocks_on(session.day)
                .iter()
                .any(|b| b.kind == BlockKind::KapDosing && b.kap_partners().contains(partner.other()));
            if other_doses_today {
                assert_eq!(session.who, Participants::OneWithTherapist(partner), "{label}: day {}", session.day);
            }
        }
        // The joint session before an afternoon dose comes only the day after a dose, and a
        // plan never holds the same one twice.
        let mut before: Vec<&Block> = plan.blocks.iter().filter(|b| b.title.starts_with("Couples session:")).collect();
        for session in &before {
            let dose_yesterday = plan.blocks.iter().any(|b| b.kind == BlockKind::KapDosing && b.day + 1 == session.day);
            assert!(dose_yesterday, "{label}: {} on day {}", session.title, session.day);
        }
        let count = before.len();
        before.dedup_by_key(|b| b.title.clone());
        assert_eq!(before.len(), count, "{label}: the same session before the medicine twice");
        // The first dose of a 2-day intensive, in day 1's afternoon, is prepared for.
        if n == 2 && request.kap.placement == Placement::Midway && request.kap.who_doses != WhoDoses::Nobody {
            let expect = plan.blocks_on(1).into_iter().any(|b| b.title == "What to expect from the medicine session");
            assert!(expect || request.kind == IntensiveKind::AffairRecovery, "{label}: what to expect");
        }
        let ahead = plan.blocks.iter().any(|b| b.title == "Plan for the months ahead");
        let may_plan_ahead = request.kind == IntensiveKind::Couples && n > 1;
        assert!(!ahead || may_plan_ahead, "{label}: a plan for the months ahead");
        let repeated = plan.blocks.iter().any(|b| b.title.starts_with("Triggers assessment, repeated"));
        assert_eq!(repeated, request.kind == IntensiveKind::AffairRecovery && n > 1, "{label}: triggers repeated");
        let ids: Vec<u32> = plan.blocks.iter().map(|b| b.id.0).collect();
        assert_eq!(ids, (1..=u32::try_from(ids.len()).unwrap_or(0)).collect::<Vec<_>>(), "{label}");
        assert_eq!(plan.next_block_id, u32::try_from(ids.len() + 1).unwrap_or(0), "{label}");
    }
}

/// With a long day the optional sessions stay, and still the first and last days teach no
/// new skill, and a one-day intensive makes no plan for the months ahead.
#[test]
fn a_long_day_keeps_the_first_and_last_days_for_opening_and_closing() {
    for &kind in IntensiveKind::VARIANTS {
        for days in 1..=MAX_DAYS {
            let mut request = ready(request(kind, days, Placement::Opening, WhoDoses::Nobody));
            request.window = DayWindow { start: clock(8, 0), end: clock(19, 0) };
            let plan = build_plan("t", &request).expect("builds");
            for day in [1, days] {
                let skills = plan.blocks_on(day).into_iter().find(|b| b.title.starts_with("Skills:"));
                assert!(skills.is_none(), "{kind:?} {days}d: a new skill on day {day}: {skills:?}");
                let processing = plan.blocks_on(day).into_iter().find(|b| b.title.starts_with("Processing session ("));
                assert!(processing.is_none() || kind == IntensiveKind::Couples, "{kind:?} {days}d day {day}");
            }
            let ahead = plan.blocks.iter().any(|b| b.title == "Plan for the months ahead");
            assert_eq!(ahead, kind == IntensiveKind::Couples && days > 1, "{kind:?} {days}d");
        }
    }
}
