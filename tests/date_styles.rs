//! Both date and time styles, pinned where a person reads them: day headings, block
//! names, rule messages, integration cards and merge clashes. The style is a parameter
//! of each; nothing here reads a browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{edited, plan};
use intensive_planner::domain::dates::DateStyle::{self, DayFirst24Hour, MonthFirst12Hour};
use intensive_planner::domain::edit::Edit;
use intensive_planner::domain::integration_card::integration_cards;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::merge::merge;
use intensive_planner::domain::model::{clock, IntensiveKind, Plan};
use intensive_planner::domain::rules::{check, RuleId};
use intensive_planner::domain::words::{day_heading, describe_block};

/// Three days from Tue 1 Dec 2026, Sam dosing midway (Wed 2 Dec).
fn dosing_plan() -> Plan {
    plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::PartnerA)
}

/// Each style's words for the same thing: (12-hour month first, 24-hour day first).
fn in_both(words: impl Fn(DateStyle) -> String) -> (String, String) {
    (words(MonthFirst12Hour), words(DayFirst24Hour))
}

#[test]
fn day_headings_and_block_names_read_in_the_readers_style() {
    let plan = dosing_plan();
    assert_eq!(
        in_both(|style| day_heading(&plan, 2, style)),
        ("Day 2 \u{b7} Wednesday, December 2, 2026".into(), "Day 2 \u{b7} Wednesday 2 December 2026".into())
    );
    let history = &plan.blocks[1];
    assert_eq!(
        in_both(|style| describe_block(&plan, history, style)),
        (
            "\u{201c}Relationship history and assessment\u{201d} (day 1, 9:30 AM)".into(),
            "\u{201c}Relationship history and assessment\u{201d} (day 1, 09:30)".into()
        )
    );
}

#[test]
fn rule_messages_word_times_in_the_readers_style() {
    let plan = dosing_plan();
    let history = &plan.blocks[1];
    let late = edited(&plan, Edit::MoveBlock { id: history.id, day: 1, start: clock(16, 30) });
    let outside = |style| {
        check(&late, style)
            .into_iter()
            .find(|p| p.rule == RuleId::InsideDayWindow)
            .map(|p| p.message)
            .expect("runs past the day's end")
    };
    let (us, elsewhere) = in_both(outside);
    assert!(us.contains("(day 1, 4:30 PM) runs outside the day's hours (9:00 AM\u{2013}5:00 PM)"), "{us}");
    assert!(elsewhere.contains("(day 1, 16:30) runs outside the day's hours (09:00\u{2013}17:00)"), "{elsewhere}");
}

#[test]
fn integration_cards_word_the_window_and_sessions_in_the_readers_style() {
    let plan = dosing_plan();
    let card = |style| integration_cards(&plan, style).into_iter().next().expect("Sam doses");
    let (us, elsewhere) = (card(MonthFirst12Hour), card(DayFirst24Hour));
    assert_eq!(us.covers, "From the end of the medicine session on Wed, Dec 2 until Sat, Dec 5 at 1:00 PM.");
    assert_eq!(elsewhere.covers, "From the end of the medicine session on Wed 2 Dec until Sat 5 Dec at 13:00.");
    assert!(
        us.next.iter().any(|s| s.starts_with("Morning check-in: Thu, Dec 3, 9:00\u{2013}9:30 AM")),
        "{:?}",
        us.next
    );
    assert!(us.next.iter().any(|s| s.starts_with("Closing check-in: Wed, Dec 2, 2:45\u{2013}3:15 PM")));
    assert!(elsewhere.next.iter().any(|s| s.starts_with("Closing check-in: Wed 2 Dec, 14:45\u{2013}15:15")));
}

#[test]
fn merge_clashes_word_places_in_the_readers_style() {
    let plan = dosing_plan();
    let history = &plan.blocks[1];
    let mine = edited(&plan, Edit::MoveBlock { id: history.id, day: 1, start: clock(13, 0) });
    let theirs = edited(&plan, Edit::MoveBlock { id: history.id, day: 1, start: clock(14, 0) });
    let clash = |style| {
        let clash = merge(&plan, &mine, &theirs, style).clashes.into_iter().next().expect("both moved it");
        format!("{} / {} / {}", clash.what, clash.kept, clash.other)
    };
    assert_eq!(
        in_both(clash),
        (
            "\u{201c}Relationship history and assessment\u{201d} (day 1, 2:00 PM): its place / day 1, 2:00 PM / day 1, \
             1:00 PM"
                .into(),
            "\u{201c}Relationship history and assessment\u{201d} (day 1, 14:00): its place / day 1, 14:00 / day 1, 13:00"
                .into()
        )
    );
}
