//! Rules about the medicine besides integration: the morning check-in, readiness,
//! ride home, fasting, how often and how long (rules 2–6, 10).

use crate::domain::words::{describe_block, duration_words, length_words, names};
use chrono::TimeDelta;

use super::integration::{integration, integrations, preparation, Integrated};
use super::{Problem, RuleId};
use crate::domain::dates::DateStyle;
use crate::domain::kap::{Driver, ScreenAnswer};
use crate::domain::model::{Block, BlockKind, Partner, PartnerSet, Plan};

pub(super) fn check_kap(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    let dosings: Vec<&Block> = plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing).collect();
    if dosings.is_empty() {
        return;
    }
    let integrated = integrations(plan, style, &dosings);
    integration(plan, style, &integrated, out);
    for dosing in &dosings {
        preparation(plan, style, dosing, out);
        fasting(plan, style, dosing, out);
        length(plan, style, dosing, out);
    }
    check_in_next_morning(plan, style, &dosings, out);
    readiness(plan, &dosings, out);
    ride_home(plan, &dosings, out);
    count_and_spacing(plan, style, &dosings, &integrated, out);
    follow_up_after(plan, style, &dosings, out);
}

/// Rule 11: a KAP intensive carries its integration past the last day: at least one
/// follow-up session after it (a warning: the therapist may decline).
fn follow_up_after(plan: &Plan, style: DateStyle, dosings: &[&Block], out: &mut Vec<Problem>) {
    let after_last_day = plan.blocks.iter().any(|b| b.day > plan.day_count());
    if !plan.follow_ups.is_empty() || after_last_day {
        return;
    }
    let Some(last) = dosings.iter().max_by_key(|d| plan.ends_at(d)) else { return };
    let message = format!(
        "This KAP intensive has no follow-up session after its last day ({}). Integration goes on after the \
         intensive: add one under After the intensive, for example an integration session about one week and \
         another about four weeks later. If the couple's integration is planned elsewhere, this may stay as it is.",
        style.short(plan.last_date())
    );
    out.push(Problem::new(RuleId::FollowUpAfterIntensive, vec![last.id], None, message));
}

/// Rule 2: the morning after a dosing day opens with a couples check-in.
fn check_in_next_morning(plan: &Plan, style: DateStyle, dosings: &[&Block], out: &mut Vec<Problem>) {
    let mut dosing_days: Vec<u8> = dosings.iter().map(|b| b.day).filter(|d| *d < plan.day_count()).collect();
    dosing_days.sort_unstable();
    dosing_days.dedup();
    for day in dosing_days {
        let next = day + 1;
        let blocks = plan.blocks_on(next);
        let first_start = blocks.first().map(|b| b.start);
        let opens_with_check_in = blocks.iter().any(|b| {
            Some(b.start) == first_start && b.kind == BlockKind::CouplesCheckIn && b.who.partners() == PartnerSet::BOTH
        });
        if opens_with_check_in {
            continue;
        }
        let dosing_ids = dosings.iter().filter(|b| b.day == day).map(|b| b.id);
        // A check-in that opens the day but leaves a partner out: name who is missing.
        let partial = blocks.iter().find(|b| Some(b.start) == first_start && b.kind == BlockKind::CouplesCheckIn);
        let message = match (partial, blocks.first()) {
            (Some(check_in), _) => {
                let missing = PartnerSet::BOTH.iter().filter(|p| !check_in.who.partners().contains(*p));
                format!(
                    "Day {next} follows a dosing day and opens with {}, but {} is not in it. The morning after a dose \
                     opens with both partners: change who takes part to both partners with the therapist.",
                    describe_block(plan, check_in, style),
                    names(plan, missing)
                )
            }
            (None, Some(first)) => format!(
                "Day {next} follows a dosing day but opens with {}. Start the morning with a couples check-in with both \
                 partners before it.",
                describe_block(plan, first, style)
            ),
            (None, None) => format!("Day {next} follows a dosing day but has no blocks. Start it with a couples check-in."),
        };
        let mut ids: Vec<_> = partial.or(blocks.first()).map(|b| b.id).into_iter().collect();
        ids.extend(dosing_ids);
        out.push(Problem::new(RuleId::CheckInAfterDosing, ids, Some(next), message));
    }
}

fn dosings_of(dosings: &[&Block], partner: Partner) -> Vec<crate::domain::model::BlockId> {
    dosings.iter().filter(|b| b.kap_partners().contains(partner)).map(|b| b.id).collect()
}

/// Rule 3: readiness record complete and contraindication screen clear or cleared.
fn readiness(plan: &Plan, dosings: &[&Block], out: &mut Vec<Problem>) {
    for partner in [Partner::A, Partner::B] {
        let ids = dosings_of(dosings, partner);
        if ids.is_empty() {
            continue;
        }
        let record = plan.kap.readiness(partner);
        let name = plan.partner_name(partner);
        let mut missing: Vec<&str> = Vec::new();
        if !record.medical_intake_done {
            missing.push("medical intake with the prescriber");
        }
        if !record.prescription_confirmed {
            missing.push("confirmed prescription");
        }
        if !record.consent_signed {
            missing.push("signed informed consent");
        }
        let items = record.screen.items();
        let unanswered: Vec<&str> =
            items.iter().filter(|(_, a)| *a == ScreenAnswer::NotAsked).map(|(label, _)| *label).collect();
        if !unanswered.is_empty() {
            missing.push("a complete contraindication screen");
        }
        let day = dosings.iter().find(|b| b.kap_partners().contains(partner)).map(|b| b.day);
        if !missing.is_empty() {
            let message = format!(
                "{name} cannot dose yet: {} still missing. Complete {name}'s KAP readiness record, or remove {name}'s dosing.",
                missing.join(", ")
            );
            out.push(Problem {
                partner: Some(partner),
                ..Problem::new(RuleId::DosingReadiness, ids.clone(), day, message)
            });
        }
        let positive: Vec<&str> =
            items.iter().filter(|(_, a)| *a == ScreenAnswer::Yes).map(|(label, _)| *label).collect();
        if !positive.is_empty() && !record.screen.prescriber_cleared {
            let message = format!(
                "{name}'s contraindication screen shows {}: dosing is blocked unless the prescriber clears it. \
                 Record the prescriber's clearance, or remove {name}'s dosing.",
                positive.join(" and ")
            );
            out.push(Problem { partner: Some(partner), ..Problem::new(RuleId::DosingReadiness, ids, day, message) });
        }
    }
}

/// Rule 4: a ride home for every dosing partner, chosen as a person, never a partner
/// who doses that same day; when both dose, another adult with a name and a phone.
fn ride_home(plan: &Plan, dosings: &[&Block], out: &mut Vec<Problem>) {
    let mut days: Vec<u8> = dosings.iter().map(|b| b.day).collect();
    days.sort_unstable();
    days.dedup();
    for day in days {
        let today: Vec<&&Block> = dosings.iter().filter(|b| b.day == day).collect();
        let dosing_today = today.iter().fold(PartnerSet::NONE, |set, b| set.union(b.kap_partners()));
        for partner in dosing_today.iter() {
            let ids: Vec<_> = today.iter().filter(|b| b.kap_partners().contains(partner)).map(|b| b.id).collect();
            let name = plan.partner_name(partner);
            let message = match &plan.kap.readiness(partner).ride_home {
                Driver::NotArranged => format!(
                    "No ride home is arranged for {name} after dosing on day {day}: nobody who doses may drive until \
                     the next day. Choose who drives {name} home in KAP readiness."
                ),
                Driver::Partner(driver) if *driver == partner => {
                    format!("{name} cannot drive themselves home after dosing on day {day}. Choose another driver.")
                }
                Driver::Partner(driver) if dosing_today.contains(*driver) => format!(
                    "{} is down to drive {name} home on day {day}, but doses that day too. When both dose, another \
                     adult must drive: choose another adult, with a name and a phone number, in KAP readiness.",
                    plan.partner_name(*driver)
                ),
                Driver::OtherAdult { name: driver, phone } if driver.trim().is_empty() || phone.trim().is_empty() => {
                    format!(
                        "The adult driving {name} home on day {day} needs a name and a phone number, so the couple \
                         and the practice can reach them. Complete them in KAP readiness."
                    )
                }
                Driver::Partner(_) | Driver::OtherAdult { .. } => continue,
            };
            out.push(Problem { partner: Some(partner), ..Problem::new(RuleId::RideHome, ids, Some(day), message) });
        }
    }
}

/// Rule 5: no meal in the fasting hours before a dosing.
fn fasting(plan: &Plan, style: DateStyle, dosing: &Block, out: &mut Vec<Problem>) {
    let (dose_start, _) = dosing.span();
    let fast_from = dose_start - i64::from(plan.limits.fasting_hours) * 60;
    for meal in plan.blocks.iter().filter(|b| b.kind == BlockKind::Lunch && b.day == dosing.day) {
        let shares_partner = meal.who.partners().iter().any(|p| dosing.kap_partners().contains(p));
        let (start, end) = meal.span();
        if shares_partner && start < dose_start && end > fast_from {
            let message = format!(
                "{} falls within the {} of fasting before {}. Move the meal after the dosing session, \
                 or make it a break without food.",
                describe_block(plan, meal, style),
                duration_words(i64::from(plan.limits.fasting_hours) * 60),
                describe_block(plan, dosing, style)
            );
            out.push(Problem::new(RuleId::MealInFastingWindow, vec![meal.id, dosing.id], Some(dosing.day), message));
        }
    }
}

/// Rule 6: at most N dosings per partner; the next one starts at least the minimum
/// spacing after the previous one ends, and after that dose's integration session.
fn count_and_spacing(
    plan: &Plan,
    style: DateStyle,
    dosings: &[&Block],
    integrated: &[Integrated],
    out: &mut Vec<Problem>,
) {
    let spacing = TimeDelta::hours(i64::from(plan.limits.min_hours_between_dosings));
    for partner in [Partner::A, Partner::B] {
        let mut own: Vec<&Block> = dosings.iter().copied().filter(|b| b.kap_partners().contains(partner)).collect();
        Block::sort_in_time(&mut own);
        let name = plan.partner_name(partner);
        if own.len() > usize::from(plan.limits.max_dosings_per_partner) {
            let message = format!(
                "{name} has {} dosing sessions; an intensive holds at most {}. Remove the extra dosing sessions.",
                own.len(),
                plan.limits.max_dosings_per_partner
            );
            let ids = own.iter().map(|b| b.id).collect();
            out.push(Problem {
                partner: Some(partner),
                ..Problem::new(RuleId::DosingCountAndSpacing, ids, own.first().map(|b| b.day), message)
            });
        }
        for pair in own.windows(2) {
            let (first, next) = (pair[0], pair[1]);
            let gap = plan.starts_at(next) - plan.ends_at(first);
            let first_integration = integrated
                .iter()
                .find(|i| i.dosing.id == first.id && i.partner == partner)
                .and_then(|i| i.session)
                .filter(|session| session.starts_at(plan) < plan.starts_at(next));
            let message = if gap < spacing {
                format!(
                    "{} begins only {} after {} ends, for {name}; keep at least {} from the end of one dose to \
                     the start of the next. Move it later or remove it.",
                    describe_block(plan, next, style),
                    duration_words(gap.num_minutes()),
                    describe_block(plan, first, style),
                    duration_words(i64::from(plan.limits.min_hours_between_dosings) * 60)
                )
            } else if first_integration.is_none() {
                format!(
                    "{} comes before {name}'s integration session for {}: each dose is integrated before the next \
                     one. Add an integration session for {name} between them, or move the second dose later.",
                    describe_block(plan, next, style),
                    describe_block(plan, first, style),
                )
            } else {
                continue;
            };
            out.push(Problem {
                partner: Some(partner),
                ..Problem::new(RuleId::DosingCountAndSpacing, vec![next.id, first.id], Some(next.day), message)
            });
        }
    }
}

/// Rule 10: a dosing session runs 2.5 to 4 hours.
fn length(plan: &Plan, style: DateStyle, dosing: &Block, out: &mut Vec<Problem>) {
    let minutes = dosing.minutes;
    if minutes < plan.limits.dosing_min_minutes || minutes > plan.limits.dosing_max_minutes {
        let message = format!(
            "{} lasts {}; a dosing session needs {} to {} for intention, medicine and a first \
             integration. Resize it.",
            describe_block(plan, dosing, style),
            length_words(minutes),
            length_words(plan.limits.dosing_min_minutes),
            length_words(plan.limits.dosing_max_minutes),
        );
        out.push(Problem::new(RuleId::DosingLength, vec![dosing.id], Some(dosing.day), message));
    }
}
