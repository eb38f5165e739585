//! The couple's *Integration window* card, shown after each dosing day on their page
//! and in the printed agenda: the days the window covers, what they are for, the
//! journaling prompts, and when the next integration session and check-ins are.
//! Built from what the couple may read only: private notes never appear.

use chrono::{NaiveDateTime, TimeDelta};

use super::after_intensive::{follow_up_line, session_line};
use super::dates::DateStyle;
use super::model::{Block, BlockKind, PartnerSet, Plan};
use super::words::names;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IntegrationCard {
    /// The dosing day the card follows.
    pub day: u8,
    pub heading: String,
    /// "From the end of the session on Sat 5 Dec until Tue 8 Dec at 12:00."
    pub covers: String,
    pub days_for: String,
    pub prompts: Vec<String>,
    /// The integration sessions and couples check-ins from the dose on, in time order:
    /// every one inside the window, and the first integration session after it.
    pub next: Vec<String>,
}

/// One card per dosing day, in day order.
pub fn integration_cards(plan: &Plan, style: DateStyle) -> Vec<IntegrationCard> {
    let mut days: Vec<u8> = plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing).map(|b| b.day).collect();
    days.sort_unstable();
    days.dedup();
    days.into_iter().filter_map(|day| card_for(plan, style, day)).collect()
}

fn card_for(plan: &Plan, style: DateStyle, day: u8) -> Option<IntegrationCard> {
    let dosings: Vec<&Block> = plan.blocks_on(day).into_iter().filter(|b| b.kind == BlockKind::KapDosing).collect();
    let dose_ends = dosings.iter().map(|b| plan.ends_at(b)).max()?;
    let dosed = dosings.iter().fold(PartnerSet::NONE, |set, b| set.union(b.kap_partners()));
    let window_ends = dose_ends + TimeDelta::hours(i64::from(plan.limits.integration_window_hours));
    let covers = format!(
        "From the end of the medicine session on {} until {} at {}.",
        style.short(dose_ends.date()),
        style.short(window_ends.date()),
        style.time(window_ends.time())
    );
    Some(IntegrationCard {
        day,
        heading: format!("Your integration window ({})", names(plan, dosed.iter())),
        covers,
        days_for: plan.guide.days_for.trim().to_string(),
        prompts: plan.guide.prompts.iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect(),
        next: next_sessions(plan, style, dose_ends, window_ends),
    })
}

/// A session of the plan the card may name, blocks and follow-ups alike.
struct Upcoming {
    starts: NaiveDateTime,
    integrates: bool,
    line: String,
}

fn next_sessions(plan: &Plan, style: DateStyle, from: NaiveDateTime, until: NaiveDateTime) -> Vec<String> {
    let mut upcoming: Vec<Upcoming> = plan
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Integration | BlockKind::CouplesCheckIn | BlockKind::FollowUp))
        .map(|b| Upcoming {
            starts: plan.starts_at(b),
            integrates: b.kind != BlockKind::CouplesCheckIn,
            line: session_line(plan, style, &b.title, plan.date_of(b.day), &b.time_range(style), b.who),
        })
        .chain(plan.follow_ups.iter().map(|f| Upcoming {
            starts: f.starts_at(),
            integrates: true,
            line: follow_up_line(plan, f, style),
        }))
        .filter(|u| u.starts >= from)
        .collect();
    upcoming.sort_by_key(|u| u.starts);
    let inside = upcoming.iter().take_while(|u| u.starts <= until);
    let after = upcoming.iter().find(|u| u.starts > until && u.integrates);
    inside.chain(after).map(|u| u.line.clone()).collect()
}
