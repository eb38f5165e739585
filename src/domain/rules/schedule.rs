//! Rules about the shape of the days: rest after dosing, no double booking,
//! the daily window, breaks, lunch and the meal after a dose (R7–R9).

use crate::domain::dates::DateStyle;
use crate::domain::words::{and_list, describe_block, duration_words, names};
use std::collections::BTreeMap;

use super::{free_for, Problem, RuleId};
use crate::domain::model::{Block, BlockId, BlockKind, Partner, PartnerSet, Plan};
use crate::domain::time::time_at;

pub(super) fn check_schedule(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    rest_after_dosing(plan, style, out);
    overlaps(plan, style, out);
    inside_window(plan, style, out);
    breaks(plan, style, out);
    lunch(plan, style, out);
    meal_after_dosing(plan, style, out);
}

/// Someone a block can keep busy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Person {
    Partner(Partner),
    Therapist,
}

const EVERYONE: [Person; 3] = [Person::Partner(Partner::A), Person::Partner(Partner::B), Person::Therapist];

fn takes_part(block: &Block, person: Person) -> bool {
    match person {
        Person::Partner(p) => block.who.partners().contains(p),
        Person::Therapist => block.who.has_therapist(),
    }
}

fn person_name(plan: &Plan, person: Person) -> String {
    match person {
        Person::Partner(p) => plan.partner_name(p).to_string(),
        Person::Therapist => "the therapist".to_string(),
    }
}

/// Rule 7: after dosing, that day holds only rest, reflection and check-ins, whoever
/// attends: the therapist's attention belongs to the partner recovering.
fn rest_after_dosing(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    for dosing in plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing) {
        for later in plan
            .blocks
            .iter()
            .filter(|b| b.id != dosing.id && b.day == dosing.day && b.start >= dosing.start && b.kind.is_demanding())
        {
            let message = format!(
                "{} is demanding work later on the same day as {}. After dosing keep to rest, reflection and a closing \
                 check-in: move it to another day.",
                describe_block(plan, later, style),
                describe_block(plan, dosing, style)
            );
            out.push(Problem::new(RuleId::RestAfterDosing, vec![later.id, dosing.id], Some(later.day), message));
        }
    }
}

/// Rule 8: nobody is in two blocks at once; parallel tracks share no person.
///
/// Blocks that overlap one another for someone, directly or through a chain, are one
/// problem: a plan with hundreds of overlapping blocks gets a few lines, not a line for
/// every pair.
fn overlaps(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    let mut groups: BTreeMap<Vec<BlockId>, Vec<Person>> = BTreeMap::new();
    for person in EVERYONE {
        let mut own: Vec<&Block> = plan.blocks.iter().filter(|b| takes_part(b, person)).collect();
        Block::sort_in_time(&mut own);
        let mut group: Vec<&Block> = Vec::new();
        let mut group_end = (0, 0);
        for block in own {
            let (start, end) = block.span();
            if group_end.0 != block.day || start >= group_end.1 {
                if group.len() > 1 {
                    groups.entry(group.iter().map(|b| b.id).collect()).or_default().push(person);
                }
                group.clear();
                group_end = (block.day, end);
            }
            group.push(block);
            group_end.1 = group_end.1.max(end);
        }
        if group.len() > 1 {
            groups.entry(group.iter().map(|b| b.id).collect()).or_default().push(person);
        }
    }
    for (ids, people) in groups {
        let blocks: Vec<&Block> = ids.iter().filter_map(|id| plan.block(*id)).collect();
        let (Some(first), Some(second)) = (blocks.first(), blocks.get(1)) else { continue };
        let who: Vec<String> = people.iter().map(|p| person_name(plan, *p)).collect();
        let message = if blocks.len() == 2 {
            format!(
                "{} and {} overlap for {}. Move one of them, shorten it, or change who takes part.",
                describe_block(plan, first, style),
                describe_block(plan, second, style),
                and_list(&who)
            )
        } else {
            let end = blocks.iter().map(|b| b.end()).max().unwrap_or_else(|| first.end());
            format!(
                "{} and {} other blocks overlap for {} between {} and {}. Move them apart, shorten them, or \
                 change who takes part.",
                describe_block(plan, first, style),
                blocks.len() - 1,
                and_list(&who),
                style.time(first.start),
                style.time(end)
            )
        };
        // The block to jump to is the first one that starts inside another.
        let mut named = vec![second.id, first.id];
        named.extend(blocks[2..].iter().map(|b| b.id));
        out.push(Problem::new(RuleId::NoOverlap, named, Some(first.day), message));
    }
}

/// Rule 9: every block inside its day's hours.
fn inside_window(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    for block in &plan.blocks {
        let window = plan.window(block.day);
        let (start, end) = block.span();
        let window_start = i64::from(chrono::Timelike::num_seconds_from_midnight(&window.start)) / 60;
        let window_end = window_start + window.minutes();
        if start < window_start || end > window_end {
            let message = format!(
                "{} runs outside the day's hours ({}–{}). Move or shorten it, or widen that day's hours.",
                describe_block(plan, block, style),
                style.time(window.start),
                style.time(window.end)
            );
            out.push(Problem::new(RuleId::InsideDayWindow, vec![block.id], Some(block.day), message));
        }
    }
}

/// Rule 9: no more than the limit of session time without a break, for each partner
/// and the therapist. A run ends at any block that is not session time or at a gap of
/// 15 minutes or more.
fn breaks(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    let limit = i64::from(plan.limits.max_minutes_without_break);
    let mut flagged: BTreeMap<BlockId, Vec<Person>> = BTreeMap::new();
    for person in EVERYONE {
        let mut own: Vec<&Block> = plan.blocks.iter().filter(|b| takes_part(b, person)).collect();
        Block::sort_in_time(&mut own);
        let mut run = 0i64;
        let mut last: Option<(u8, i64)> = None;
        let mut reported = false;
        for block in own {
            let (start, end) = block.span();
            let continues = matches!(last, Some((day, last_end)) if day == block.day && start - last_end < 15);
            if !block.kind.is_session_time() || !continues {
                run = 0;
                reported = false;
            }
            if block.kind.is_session_time() {
                run += end - start;
                if run > limit && !reported {
                    flagged.entry(block.id).or_default().push(person);
                    reported = true;
                }
            }
            last = Some((block.day, end));
        }
    }
    for (id, people) in flagged {
        let Some(block) = plan.block(id) else { continue };
        let who: Vec<String> = people.iter().map(|p| person_name(plan, *p)).collect();
        let message = format!(
            "By the end of {}, {} will have had more than {} of sessions without a break. Add a break before it or \
             shorten it.",
            describe_block(plan, block, style),
            and_list(&who),
            duration_words(limit)
        );
        out.push(Problem::new(RuleId::BreakEveryTwoHours, vec![id], Some(block.day), message));
    }
}

/// Lunch at a normal hour starts between these times (minutes of the day).
pub const LUNCH_FROM: i64 = 11 * 60 + 30;
pub const LUNCH_UNTIL: i64 = 13 * 60 + 30;
/// A lunch break is at least this long.
const LUNCH_MINUTES: i64 = 45;

/// Rule 9: a lunch block on every full day of the intensive, at a normal hour for every
/// partner who does not dose that day, and a lunch break then for the therapist.
fn lunch(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    let hours = format!("between {} and {}", style.time(time_at(LUNCH_FROM)), style.time(time_at(LUNCH_UNTIL)));
    for day in 1..=plan.day_count() {
        if plan.window(day).minutes() < i64::from(plan.limits.full_day_hours) * 60 {
            continue;
        }
        let blocks = plan.blocks_on(day);
        let meals: Vec<&&Block> = blocks.iter().filter(|b| b.kind == BlockKind::Lunch).collect();
        if meals.is_empty() {
            let message = format!("Day {day} is a full day with no lunch block. Add a lunch break around midday.");
            out.push(Problem::new(RuleId::LunchEveryFullDay, Vec::new(), Some(day), message));
            continue;
        }
        let dosing = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::KapDosing)
            .fold(PartnerSet::NONE, |s, b| s.union(b.kap_partners()));
        let at_a_normal_hour = |start: i64| (LUNCH_FROM..=LUNCH_UNTIL).contains(&start);
        let mut hungry: Vec<String> = [Partner::A, Partner::B]
            .into_iter()
            .filter(|p| !dosing.contains(*p))
            .filter(|p| !meals.iter().any(|m| m.who.partners().contains(*p) && at_a_normal_hour(m.span().0)))
            .map(|p| plan.partner_name(p).to_string())
            .collect();
        if !therapist_has_lunch_break(&blocks, at_a_normal_hour) {
            hungry.push(person_name(plan, Person::Therapist));
        }
        if !hungry.is_empty() {
            let message = format!(
                "Day {day} gives {} no lunch at a normal hour (starting {hours}). Move lunch into that time; a \
                 partner who doses that day keeps the fasting window instead.",
                and_list(&hungry)
            );
            let ids = meals.iter().map(|m| m.id).collect();
            out.push(Problem::new(RuleId::LunchEveryFullDay, ids, Some(day), message));
        }
    }
}

/// Whether the therapist has a free stretch of lunch length that starts at a normal hour.
fn therapist_has_lunch_break(blocks: &[&Block], at_a_normal_hour: impl Fn(i64) -> bool) -> bool {
    let busy: Vec<(i64, i64)> = blocks.iter().filter(|b| b.who.has_therapist()).map(|b| b.span()).collect();
    // A break can start at the start of the lunch hours or when a session of the therapist ends.
    let starts = std::iter::once(LUNCH_FROM).chain(busy.iter().map(|(_, end)| *end));
    starts.filter(|s| at_a_normal_hour(*s)).any(|s| free_for(&busy, s, LUNCH_MINUTES))
}

/// Rule 9: a partner who doses eats after the dose, the same day. The fast before the
/// medicine is the reason lunch moves; it is never a reason to go without.
fn meal_after_dosing(plan: &Plan, style: DateStyle, out: &mut Vec<Problem>) {
    for dosing in plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing) {
        let (_, dose_end) = dosing.span();
        let unfed: Vec<Partner> = dosing
            .kap_partners()
            .iter()
            .filter(|partner| {
                !plan.blocks.iter().any(|meal| {
                    meal.kind == BlockKind::Lunch
                        && meal.day == dosing.day
                        && meal.span().0 >= dose_end
                        && meal.who.partners().contains(*partner)
                })
            })
            .collect();
        if unfed.is_empty() {
            continue;
        }
        let message = format!(
            "{} has no meal after {}. After the medicine session a light meal helps the body settle: add a meal \
             block after it, attended by whoever dosed.",
            names(plan, unfed.into_iter()),
            describe_block(plan, dosing, style)
        );
        out.push(Problem::new(RuleId::MealAfterDosing, vec![dosing.id], Some(dosing.day), message));
    }
}
