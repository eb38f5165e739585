//! Rules about the medicine: integration, preparation, the morning check-in,
//! readiness, ride home, fasting, how often and how long (rules 1–6, 10).

use chrono::TimeDelta;

use super::{describe_block, names, Problem, RuleId};
use crate::domain::dates;
use crate::domain::kap::ScreenAnswer;
use crate::domain::model::{Block, BlockKind, Partner, PartnerSet, Plan};

pub(super) fn check_kap(plan: &Plan, out: &mut Vec<Problem>) {
    let dosings: Vec<&Block> = plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing).collect();
    if dosings.is_empty() {
        return;
    }
    for dosing in &dosings {
        integration(plan, dosing, out);
        preparation(plan, dosing, out);
        fasting(plan, dosing, out);
        length(plan, dosing, out);
    }
    check_in_next_morning(plan, &dosings, out);
    readiness(plan, &dosings, out);
    ride_home(plan, &dosings, out);
    count_and_spacing(plan, &dosings, out);
}

/// Rule 1: a dedicated integration within the window after every dosing.
fn integration(plan: &Plan, dosing: &Block, out: &mut Vec<Problem>) {
    let ended = plan.ends_at(dosing);
    let window = TimeDelta::hours(i64::from(plan.limits.integration_window_hours));
    let mut missing = PartnerSet::NONE;
    let mut after_intensive: Vec<(Partner, &Block)> = Vec::new();
    for partner in dosing.kap_partners().iter() {
        let found = plan
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Integration && b.kap_partners().contains(partner))
            .filter(|b| plan.starts_at(b) >= ended && plan.starts_at(b) - ended <= window)
            .min_by_key(|b| plan.starts_at(b));
        match found {
            None => match partner {
                Partner::A => missing.a = true,
                Partner::B => missing.b = true,
            },
            Some(session) if session.day > plan.day_count() => after_intensive.push((partner, session)),
            Some(_) => {}
        }
    }
    if let Some((_, session)) = after_intensive.first() {
        let message = format!(
            "The integration for {} after {} falls on the day after the intensive ({}). That is allowed, but make \
             sure the couple can come back for it; one more day keeps it inside the intensive.",
            names(plan, after_intensive.iter().map(|(p, _)| *p)),
            describe_block(plan, dosing),
            dates::short(plan.date_of(session.day)),
        );
        out.push(Problem::new(
            RuleId::IntegrationAfterIntensive,
            vec![session.id, dosing.id],
            Some(dosing.day),
            message,
        ));
    }
    if !missing.is_empty() {
        let who = names(plan, missing.iter());
        let message = format!(
            "{} has no integration session for {who} within {} hours after it ends. Add an integration session \
             for {who}, best first thing the next morning after the check-in.",
            describe_block(plan, dosing),
            plan.limits.integration_window_hours,
        );
        out.push(Problem::new(RuleId::IntegrationWithinWindow, vec![dosing.id], Some(dosing.day), message));
    }
}

/// A preparation and intention block right before every dosing.
fn preparation(plan: &Plan, dosing: &Block, out: &mut Vec<Problem>) {
    let has_preparation = plan.blocks.iter().any(|b| {
        b.kind == BlockKind::KapPreparation
            && b.day == dosing.day
            && b.end() <= dosing.start
            && dosing.start - b.end() <= TimeDelta::minutes(15)
            && dosing.kap_partners().iter().all(|p| b.kap_partners().contains(p))
    });
    if !has_preparation {
        let message = format!(
            "{} has no preparation and intention block right before it. Add a KAP preparation block that ends when the dosing begins.",
            describe_block(plan, dosing)
        );
        out.push(Problem::new(RuleId::PreparationBeforeDosing, vec![dosing.id], Some(dosing.day), message));
    }
}

/// Rule 2: the morning after a dosing day opens with a couples check-in.
fn check_in_next_morning(plan: &Plan, dosings: &[&Block], out: &mut Vec<Problem>) {
    let mut dosing_days: Vec<u8> = dosings.iter().map(|b| b.day).filter(|d| *d < plan.day_count()).collect();
    dosing_days.dedup();
    dosing_days.sort_unstable();
    dosing_days.dedup();
    for day in dosing_days {
        let next = day + 1;
        let blocks = plan.blocks_on(next);
        let first_start = blocks.first().map(|b| b.start);
        let opens_with_check_in =
            blocks.iter().any(|b| Some(b.start) == first_start && b.kind == BlockKind::CouplesCheckIn);
        if opens_with_check_in {
            continue;
        }
        let dosing_ids = dosings.iter().filter(|b| b.day == day).map(|b| b.id);
        let message = match blocks.first() {
            Some(first) => format!(
                "Day {next} follows a dosing day but opens with {}. Start the morning with a couples check-in before it.",
                describe_block(plan, first)
            ),
            None => format!("Day {next} follows a dosing day but has no blocks. Start it with a couples check-in."),
        };
        let mut ids: Vec<_> = blocks.first().map(|b| b.id).into_iter().collect();
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

fn same_person(name: &str, other: &str) -> bool {
    let (name, other) = (name.trim(), other.trim());
    !name.is_empty() && name.eq_ignore_ascii_case(other)
}

/// Rule 4: a ride home for every dosing partner, never by someone who doses that day.
fn ride_home(plan: &Plan, dosings: &[&Block], out: &mut Vec<Problem>) {
    let mut days: Vec<u8> = dosings.iter().map(|b| b.day).collect();
    days.sort_unstable();
    days.dedup();
    for day in days {
        let today: Vec<&&Block> = dosings.iter().filter(|b| b.day == day).collect();
        let dosing_today = today.iter().fold(PartnerSet::NONE, |set, b| set.union(b.kap_partners()));
        for partner in dosing_today.iter() {
            let ids: Vec<_> = today.iter().filter(|b| b.kap_partners().contains(partner)).map(|b| b.id).collect();
            let driver = plan.kap.readiness(partner).ride_home_driver.trim();
            let name = plan.partner_name(partner);
            let message = if driver.is_empty() {
                format!(
                    "No ride home is arranged for {name} after dosing on day {day}: nobody who doses may drive until \
                     the next day. Record who drives {name} home in KAP readiness."
                )
            } else if let Some(doser) = dosing_today.iter().find(|p| same_person(driver, plan.partner_name(*p))) {
                if doser == partner {
                    format!("{name} cannot drive themselves home after dosing on day {day}. Record another driver.")
                } else {
                    format!(
                        "{} is down to drive {name} home on day {day}, but doses that day too. \
                         When both dose, a third person must drive: change the driver in KAP readiness.",
                        plan.partner_name(doser)
                    )
                }
            } else {
                continue;
            };
            out.push(Problem { partner: Some(partner), ..Problem::new(RuleId::RideHome, ids, Some(day), message) });
        }
    }
}

/// Rule 5: no meal in the fasting hours before a dosing.
fn fasting(plan: &Plan, dosing: &Block, out: &mut Vec<Problem>) {
    let (dose_start, _) = dosing.span();
    let fast_from = dose_start - i64::from(plan.limits.fasting_hours) * 60;
    for meal in plan.blocks.iter().filter(|b| b.kind == BlockKind::Lunch && b.day == dosing.day) {
        let shares_partner = meal.who.partners().iter().any(|p| dosing.kap_partners().contains(p));
        let (start, end) = meal.span();
        if shares_partner && start < dose_start && end > fast_from {
            let message = format!(
                "{} falls within the {} fasting hours before {}. Move the meal after the dosing session, \
                 or make it a break without food.",
                describe_block(plan, meal),
                plan.limits.fasting_hours,
                describe_block(plan, dosing)
            );
            out.push(Problem::new(RuleId::MealInFastingWindow, vec![meal.id, dosing.id], Some(dosing.day), message));
        }
    }
}

/// Rule 6: at most N dosings per partner, never two within the minimum spacing.
fn count_and_spacing(plan: &Plan, dosings: &[&Block], out: &mut Vec<Problem>) {
    let spacing = TimeDelta::hours(i64::from(plan.limits.min_hours_between_dosings));
    for partner in [Partner::A, Partner::B] {
        let mut own: Vec<&Block> = dosings.iter().copied().filter(|b| b.kap_partners().contains(partner)).collect();
        // Day-first order is start-time order: days follow one another.
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
            let gap = plan.starts_at(pair[1]) - plan.starts_at(pair[0]);
            if gap < spacing {
                let message = format!(
                    "{} begins only {} h after {} for {name}; keep at least {} hours between two doses. \
                     Move it later or remove it.",
                    describe_block(plan, pair[1]),
                    gap.num_hours(),
                    describe_block(plan, pair[0]),
                    plan.limits.min_hours_between_dosings
                );
                out.push(Problem {
                    partner: Some(partner),
                    ..Problem::new(
                        RuleId::DosingCountAndSpacing,
                        vec![pair[1].id, pair[0].id],
                        Some(pair[1].day),
                        message,
                    )
                });
            }
        }
    }
}

/// Rule 10: a dosing session runs 2.5 to 4 hours.
fn length(plan: &Plan, dosing: &Block, out: &mut Vec<Problem>) {
    let minutes = dosing.minutes;
    if minutes < plan.limits.dosing_min_minutes || minutes > plan.limits.dosing_max_minutes {
        let message = format!(
            "{} lasts {} h {:02} min; a dosing session needs {}–{} hours for intention, medicine and a first \
             integration. Resize it.",
            describe_block(plan, dosing),
            minutes / 60,
            minutes % 60,
            hours(plan.limits.dosing_min_minutes),
            hours(plan.limits.dosing_max_minutes),
        );
        out.push(Problem::new(RuleId::DosingLength, vec![dosing.id], Some(dosing.day), message));
    }
}

/// Minutes as hours in words: "4", "2.5", "2.75"; "2 h 40 min" when no short
/// decimal is exact.
fn hours(minutes: u16) -> String {
    let (whole, rest) = (minutes / 60, minutes % 60);
    match rest {
        0 => whole.to_string(),
        15 => format!("{whole}.25"),
        30 => format!("{whole}.5"),
        45 => format!("{whole}.75"),
        _ => format!("{whole} h {rest} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::hours;

    #[test]
    fn hours_read_as_people_write_them() {
        assert_eq!(hours(240), "4");
        assert_eq!(hours(150), "2.5");
        assert_eq!(hours(165), "2.75");
        assert_eq!(hours(135), "2.25");
        assert_eq!(hours(160), "2 h 40 min");
    }
}
