//! After the intensive: follow-up sessions on real dates, the templates that plan them,
//! rule R1 counting one inside the window, rule R11, the edits at their limits, the
//! share link, the merge of two tabs, and the integration guide.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeDelta};
use common::*;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::edit::{apply, Edit, EditError};
use intensive_planner::domain::follow_up_edit::{next_follow_up_date, GuideChange};
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::merge::merge;
use intensive_planner::domain::model::*;
use intensive_planner::domain::rules::{check, RuleId, Severity};
use intensive_planner::domain::template::{build_plan, FollowUpRequest, FollowUpSpacing};
use intensive_planner::domain::validate::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use intensive_planner::sharing::link::{read_share, share_text, shared_copy};
use intensive_planner::storage::format::{decode, encode, FormatError};

fn rules(plan: &Plan) -> Vec<RuleId> {
    check(plan, DateStyle::DayFirst24Hour).into_iter().map(|p| p.rule).collect()
}

fn days_after(plan: &Plan, days: i64) -> NaiveDate {
    plan.last_date() + TimeDelta::days(days)
}

#[test]
fn a_kap_template_plans_integration_about_one_and_four_weeks_after_the_last_day() {
    let plan = plan(IntensiveKind::AffairRecovery, 3, Placement::Midway, WhoDoses::PartnerA);
    let dates: Vec<i64> = plan.follow_ups.iter().map(|f| (f.date - plan.last_date()).num_days()).collect();
    assert_eq!(dates, vec![7, 28]);
    for session in &plan.follow_ups {
        assert_eq!((session.minutes, session.who), (90, Participants::BothWithTherapist));
        assert_eq!(session.kap_for, Some(PartnerSet::only(Partner::A)), "it integrates Sam's medicine");
        assert_eq!(session.title, "Integration follow-up");
        assert!(session.private_notes.is_empty());
    }
    assert_eq!(plan.next_follow_up_id, 3);
    assert!(!rules(&plan).contains(&RuleId::FollowUpAfterIntensive));
    // Without medicine, one follow-up a month later, about no dose.
    let couples = plan_of(IntensiveKind::Couples, 2, WhoDoses::Nobody, FollowUpRequest::usual(WhoDoses::Nobody));
    assert_eq!(couples.follow_ups.len(), 1);
    assert_eq!(
        ((couples.follow_ups[0].date - couples.last_date()).num_days(), couples.follow_ups[0].kap_for),
        (28, None)
    );
}

fn plan_of(kind: IntensiveKind, days: u8, who: WhoDoses, follow_ups: FollowUpRequest) -> Plan {
    let mut request = ready(request(kind, days, Placement::Opening, who));
    request.follow_ups = follow_ups;
    build_plan("follow", &request).expect("builds")
}

#[test]
fn the_form_chooses_how_many_follow_ups_and_how_far_apart() {
    let spaced = |spacing, count| {
        let plan = plan_of(IntensiveKind::Couples, 2, WhoDoses::Both, FollowUpRequest { count, spacing });
        plan.follow_ups.iter().map(|f| (f.date - plan.last_date()).num_days() / 7).collect::<Vec<_>>()
    };
    assert_eq!(spaced(FollowUpSpacing::WeekThenMonthly, 4), vec![1, 4, 8, 12]);
    assert_eq!(spaced(FollowUpSpacing::Weekly, 3), vec![1, 2, 3]);
    assert_eq!(spaced(FollowUpSpacing::EveryTwoWeeks, 2), vec![2, 4]);
    assert_eq!(spaced(FollowUpSpacing::Monthly, 6), vec![4, 8, 12, 16, 20, 24]);
    assert_eq!(spaced(FollowUpSpacing::Weekly, 0), Vec::<i64>::new());
}

#[test]
fn r11_a_kap_intensive_without_a_follow_up_is_a_warning_the_therapist_may_leave() {
    let none = FollowUpRequest { count: 0, spacing: FollowUpSpacing::Weekly };
    let plan = plan_of(IntensiveKind::Couples, 3, WhoDoses::PartnerA, none);
    let problems: Vec<_> = check(&plan, DateStyle::DayFirst24Hour)
        .into_iter()
        .filter(|p| p.rule == RuleId::FollowUpAfterIntensive)
        .collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].severity, Severity::Warning);
    assert_eq!(RuleId::FollowUpAfterIntensive.id(), "R11-follow-up-after-intensive");
    assert!(problems[0]
        .message
        .starts_with("This KAP intensive has no follow-up session after its last day (Thu 3 Dec)."));
    assert!(problems[0].message.contains("add one under After the intensive"));
    // It is only a warning: the plan can still be confirmed.
    assert!(apply(&plan, &Edit::SetStatus(PlanStatus::Confirmed)).is_ok());
    // Any follow-up clears it; so does a block on the day after the intensive.
    let added = edited(
        &plan,
        Edit::AddFollowUp {
            date: days_after(&plan, 30),
            start: clock(10, 0),
            minutes: 60,
            who: Participants::BothWithTherapist,
        },
    );
    assert!(!rules(&added).contains(&RuleId::FollowUpAfterIntensive));
    let day_after = edited(
        &plan,
        Edit::AddBlock {
            kind: BlockKind::FollowUp,
            day: 4,
            start: clock(10, 0),
            minutes: 60,
            who: Participants::BothWithTherapist,
        },
    );
    assert!(!rules(&day_after).contains(&RuleId::FollowUpAfterIntensive));
    // Without medicine there is no such warning.
    let couples = plan_of(IntensiveKind::Couples, 3, WhoDoses::Nobody, none);
    assert!(!rules(&couples).contains(&RuleId::FollowUpAfterIntensive));
}

/// The base plan (Sam doses on day 2, 10:00–13:00, of three) without its integration block.
fn without_integration() -> Plan {
    let plan = base();
    let integration = first(&plan, BlockKind::Integration, 3);
    let plan = edited(&plan, Edit::DeleteBlock { id: integration.id });
    assert!(rules(&plan).contains(&RuleId::IntegrationWithinWindow));
    plan
}

fn with_follow_up(plan: &Plan, days: i64, who: Participants, kap_for: Option<PartnerSet>, minutes: u16) -> Plan {
    let plan = edited(plan, Edit::AddFollowUp { date: days_after(plan, days), start: clock(10, 0), minutes, who });
    let id = plan.follow_ups.last().expect("added").id;
    edited(&plan, Edit::ChangeFollowUp { id, change: FollowUpChange::KapFor(kap_for) })
}

#[test]
fn r1_a_follow_up_inside_the_window_that_integrates_the_dose_counts() {
    let plan = without_integration();
    let sam = Some(PartnerSet::only(Partner::A));
    // The day after the last day, 10:00: 45 h after the dose ends, inside 72 h.
    let counted = with_follow_up(&plan, 1, Participants::OneWithTherapist(Partner::A), sam, 60);
    assert!(
        !rules(&counted).contains(&RuleId::IntegrationWithinWindow),
        "{:#?}",
        check(&counted, DateStyle::DayFirst24Hour)
    );
    // One that integrates nobody's medicine, the other partner's, is too short or comes too late does not.
    for (days, who, kap_for, minutes) in [
        (1, Participants::BothWithTherapist, None, 60),
        (1, Participants::BothWithTherapist, Some(PartnerSet::only(Partner::B)), 60),
        (1, Participants::OneWithTherapist(Partner::B), sam, 60),
        (1, Participants::BothWithTherapist, sam, 30),
        (3, Participants::BothWithTherapist, sam, 60),
    ] {
        let missed = with_follow_up(&plan, days, who, kap_for, minutes);
        assert!(rules(&missed).contains(&RuleId::IntegrationWithinWindow), "{days} {who:?} {kap_for:?} {minutes}");
    }
    // A shorter window set for the plan leaves the next-day follow-up out.
    let strict =
        edited(&counted, Edit::SetLimit(intensive_planner::domain::limits::EditableLimit::IntegrationWindowHours, 24));
    assert!(rules(&strict).contains(&RuleId::IntegrationWithinWindow));
}

#[test]
fn follow_ups_go_after_the_last_day_within_a_year_and_the_edit_says_so() {
    let plan = base();
    let add = |date| Edit::AddFollowUp { date, start: clock(9, 0), minutes: 90, who: Participants::BothWithTherapist };
    for date in [plan.last_date(), plan.first_day, days_after(&plan, 366)] {
        let refused = apply(&plan, &add(date)).expect_err("outside the range");
        assert_eq!(refused, EditError::FollowUpDate);
        assert_eq!(
            refused.to_string(),
            "A follow-up session goes on a date after the last day of the intensive and within a year of it."
        );
    }
    let year = edited(&plan, add(days_after(&plan, 365)));
    let session = year.follow_ups.iter().max_by_key(|f| f.id).expect("added").clone();
    assert_eq!(session.date, days_after(&plan, 365));
    // Start and length snap to the grid, and stay inside the day.
    let id = session.id;
    let late = edited(&year, Edit::ChangeFollowUp { id, change: FollowUpChange::Start(clock(23, 50)) });
    let late = late.follow_up(id).expect("kept");
    assert_eq!((late.start, late.minutes), (clock(22, 30), 90));
    let long = edited(&year, Edit::ChangeFollowUp { id, change: FollowUpChange::Length(2000) });
    assert_eq!(long.follow_up(id).expect("kept").minutes, 12 * 60);
    let moved = apply(&year, &Edit::ChangeFollowUp { id, change: FollowUpChange::Date(plan.last_date()) });
    assert!(matches!(moved, Err(EditError::FollowUpDate)));
    let text = |field, n| Edit::ChangeFollowUp { id, change: FollowUpChange::Text(field, "é".repeat(n)) };
    assert!(apply(&year, &text(FollowUpText::Title, MAX_TITLE_CHARS)).is_ok());
    assert_eq!(
        apply(&year, &text(FollowUpText::Title, MAX_TITLE_CHARS + 1)),
        Err(EditError::TextTooLong { max: MAX_TITLE_CHARS })
    );
    assert!(apply(&year, &text(FollowUpText::PrivateNotes, MAX_NOTE_CHARS)).is_ok());
    let removed = edited(&year, Edit::DeleteFollowUp { id });
    assert!(removed.follow_up(id).is_none());
    assert_eq!(apply(&removed, &Edit::DeleteFollowUp { id }), Err(EditError::NoSuchFollowUp));
}

#[test]
fn a_plan_holds_at_most_24_follow_ups_and_reads_back_at_that_limit() {
    let mut plan = base();
    while plan.follow_ups.len() < MAX_FOLLOW_UPS {
        let date = next_follow_up_date(&plan);
        plan = edited(
            &plan,
            Edit::AddFollowUp { date, start: clock(9, 0), minutes: 720, who: Participants::BothWithTherapist },
        );
    }
    for id in plan.follow_ups.iter().map(|f| f.id).collect::<Vec<_>>() {
        for field in [FollowUpText::CoupleNotes, FollowUpText::PrivateNotes] {
            plan = edited(
                &plan,
                Edit::ChangeFollowUp {
                    id,
                    change: FollowUpChange::Text(field, "\u{2028}\"".repeat(MAX_NOTE_CHARS / 2)),
                },
            );
        }
    }
    let date = next_follow_up_date(&plan);
    let more = Edit::AddFollowUp { date, start: clock(9, 0), minutes: 60, who: Participants::BothWithTherapist };
    assert_eq!(apply(&plan, &more), Err(EditError::TooManyFollowUps));
    assert_eq!(decode(&encode(&plan)), Ok(plan.clone()));
    let ids: BTreeSet<_> = plan.follow_ups.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), MAX_FOLLOW_UPS, "each has its own id");
}

#[test]
fn a_file_with_a_follow_up_out_of_range_or_without_the_therapist_is_refused_by_name() {
    let plan = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA);
    let text = encode(&plan);
    let at = text.find("\"follow_ups\"").expect("follow-ups written");
    let alone = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen("\"who\":\"BothWithTherapist\"", "\"who\":\"CoupleOnTheirOwn\"", 1)
    );
    let Err(FormatError::Invalid(problems)) = decode(&alone) else { panic!("a follow-up without the therapist read") };
    assert!(problems.iter().any(|p| p.contains("is without the therapist")), "{problems:?}");
    let early = text.replacen("\"date\":\"2026-12-10\"", "\"date\":\"2026-12-02\"", 1);
    let Err(FormatError::Invalid(problems)) = decode(&early) else { panic!("a follow-up inside the intensive read") };
    assert_eq!(
        problems,
        vec!["The follow-up \u{201c}Integration follow-up\u{201d} is on 2026-12-02; a follow-up comes after the last day (2026-12-03) and within a year of it."]
    );
}

#[test]
fn a_share_link_carries_the_follow_ups_without_their_private_notes() {
    let plan = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA);
    let id = plan.follow_ups[0].id;
    let noted = edited(
        &plan,
        Edit::ChangeFollowUp { id, change: FollowUpChange::Text(FollowUpText::PrivateNotes, "Watch for grief".into()) },
    );
    let opened = read_share(share_text(&noted).text.into_bytes()).expect("opens");
    assert_eq!(opened.follow_ups.len(), 2);
    assert!(opened.follow_ups.iter().all(|f| f.private_notes.is_empty()));
    assert!(!share_text(&noted).text.contains("Watch for grief"));
    assert_eq!(opened.follow_ups[0].couple_notes, noted.follow_ups[0].couple_notes);
    assert_eq!(shared_copy(&noted).guide, noted.guide, "the couple's guide travels with the plan");
}

#[test]
fn two_tabs_changing_follow_ups_merge_field_by_field_and_a_clash_offers_this_tab_s() {
    let base = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA);
    let [first, second] = [base.follow_ups[0].id, base.follow_ups[1].id];
    let change = |plan: &Plan, id, change| edited(plan, Edit::ChangeFollowUp { id, change });
    let mine = change(&base, first, FollowUpChange::Start(clock(14, 0)));
    let mine = change(&mine, second, FollowUpChange::Text(FollowUpText::Title, "Mine".into()));
    let theirs = change(&base, first, FollowUpChange::Length(60));
    let theirs = change(&theirs, second, FollowUpChange::Text(FollowUpText::Title, "Theirs".into()));
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    let kept = merged.plan.follow_up(first).expect("kept");
    assert_eq!((kept.start, kept.minutes), (clock(14, 0), 60), "each side's field taken");
    assert_eq!(merged.plan.follow_up(second).expect("kept").title, "Theirs");
    assert_eq!(merged.clashes.len(), 1, "{:#?}", merged.clashes);
    let clash = &merged.clashes[0];
    assert!(clash.what.ends_with(": its title"), "{}", clash.what);
    assert_eq!((clash.kept.as_str(), clash.other.as_str()), ("\u{201c}Theirs\u{201d}", "\u{201c}Mine\u{201d}"));
    let settled = apply(&merged.plan, &clash.alternative).expect("the alternative applies");
    assert_eq!(settled.follow_up(second).expect("kept").title, "Mine");

    // Deleted here, changed there: kept, and the deletion offered.
    let deleted = edited(&base, Edit::DeleteFollowUp { id: first });
    let merged = merge(&base, &deleted, &theirs, DateStyle::DayFirst24Hour);
    assert!(merged.plan.follow_up(first).is_some());
    assert_eq!(
        merged.clashes.iter().map(|c| c.alternative.clone()).collect::<Vec<_>>(),
        vec![Edit::DeleteFollowUp { id: first }]
    );
    // Added on both sides under one id: both kept, each with its own id.
    let add = |plan: &Plan, days| {
        edited(
            plan,
            Edit::AddFollowUp {
                date: days_after(plan, days),
                start: clock(9, 0),
                minutes: 60,
                who: Participants::BothWithTherapist,
            },
        )
    };
    let merged = merge(&base, &add(&base, 40), &add(&base, 50), DateStyle::DayFirst24Hour);
    assert_eq!(merged.plan.follow_ups.len(), 4);
    let ids: BTreeSet<_> = merged.plan.follow_ups.iter().map(|f| f.id).collect();
    assert_eq!(ids.len(), 4);
    assert_eq!(decode(&encode(&merged.plan)), Ok(merged.plan.clone()));
}

#[test]
fn the_integration_guide_is_the_therapist_s_to_edit_and_merges_prompt_by_prompt() {
    let base = base();
    assert_eq!(base.guide, IntegrationGuide::default());
    assert!(
        base.guide.prompts.len() >= 5 && base.guide.days_for.contains("journal")
            || base.guide.days_for.contains("prompts")
    );
    let guide = |plan: &Plan, change| edited(plan, Edit::ChangeGuide(change));
    let mine = guide(&base, GuideChange::Prompt(0, "What surprised me?".into()));
    let theirs = guide(&base, GuideChange::Prompt(1, "What did my partner show me?".into()));
    let merged = merge(&base, &mine, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(
        &merged.plan.guide.prompts[..2],
        &["What surprised me?".to_string(), "What did my partner show me?".to_string()]
    );
    assert!(merged.clashes.is_empty());
    // One side added a prompt, the other changed one: the list is one choice.
    let added = guide(&base, GuideChange::AddPrompt("A new one".into()));
    let merged = merge(&base, &added, &theirs, DateStyle::DayFirst24Hour);
    assert_eq!(merged.clashes.len(), 1);
    let settled = apply(&merged.plan, &merged.clashes[0].alternative).expect("applies");
    assert_eq!(settled.guide.prompts, added.guide.prompts);
    let removed = guide(&mine, GuideChange::RemovePrompt(0));
    assert_eq!(removed.guide.prompts.len(), base.guide.prompts.len() - 1);
    assert_eq!(guide(&removed, GuideChange::Defaults).guide, IntegrationGuide::default());
    assert_eq!(apply(&base, &Edit::ChangeGuide(GuideChange::RemovePrompt(99))), Err(EditError::NoSuchPrompt));
}

#[test]
fn a_first_day_that_would_strand_a_follow_up_is_refused_naming_it() {
    let plan = base();
    let title = plan.follow_ups_in_order()[0].title.clone();
    let refused = apply(&plan, &Edit::SetFirstDay(plan.first_day + TimeDelta::days(10)));
    assert_eq!(refused, Err(EditError::FirstDayStrandsFollowUp(title.clone())));
    assert_eq!(
        refused.map(|_| ()).unwrap_err().to_string(),
        format!(
            "With that first day the follow-up \u{201c}{title}\u{201d} would no longer come after the last day \
             and within a year of it: move the follow-up first."
        )
    );
    let moved = edited(&plan, Edit::SetFirstDay(plan.first_day + TimeDelta::days(2)));
    assert_eq!(moved.follow_ups, plan.follow_ups, "the follow-ups stay on their dates");
}
