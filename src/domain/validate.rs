//! What a plan may hold: the size and length limits, and the one check of them that
//! every path applies, reading and writing alike. Edits, templates, copies and merges
//! run it on what they make, so the app never writes a plan it would refuse to read.

use super::dates;
use super::kap::Driver;
use super::model::{Partner, Plan, FOLLOW_UP_WHO, MAX_DAYS, MAX_DAYS_AFTER, MAX_FOLLOW_UPS, MAX_PROMPTS};
use super::time::fits_in_day;
use crate::domain::words::length_words;

/// Titles, names, contacts and checklist items.
pub const MAX_TITLE_CHARS: usize = 200;
/// Notes and questions.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// More blocks than any real intensive holds.
pub const MAX_BLOCKS: usize = 1_000;
pub const MAX_CHECKLIST_ITEMS: usize = 50;
/// A plan id: letters, digits, '-' and '_'.
pub const MAX_ID_CHARS: usize = 64;
/// The most a plan may hold, written compactly as it is stored. Checked on every edit,
/// so a plan never grows past what reading accepts.
pub const MAX_PLAN_BYTES: usize = 2 * 1024 * 1024;

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_CHARS && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub(crate) fn too_long(problems: &mut Vec<String>, what: impl FnOnce() -> String, value: &str, max: usize) {
    // Bytes bound characters from above: most texts are checked without counting.
    if value.len() > max {
        let length = value.chars().count();
        if length > max {
            problems.push(format!("{} is {length} characters long; at most {max} fit.", what()));
        }
    }
}

/// Every value of `plan` that is out of range, one sentence each; empty when the plan
/// can be stored and read back.
pub fn validate(plan: &Plan) -> Vec<String> {
    let mut problems = Vec::new();
    let days = plan.days.len();
    if !(1..=usize::from(MAX_DAYS)).contains(&days) {
        problems.push(format!("It has {days} days; an intensive has 1 to {MAX_DAYS}."));
    }
    if !is_valid_id(&plan.id) {
        problems.push(format!("Its id must be 1 to {MAX_ID_CHARS} letters, digits, '-' or '_'."));
    }
    let texts = [
        ("The title", &plan.title),
        ("Partner A's name", &plan.partners.a),
        ("Partner B's name", &plan.partners.b),
        ("The therapist's name", &plan.therapist.name),
        ("The therapist's contact", &plan.therapist.contact),
        ("The location", &plan.location),
    ];
    for (what, value) in texts {
        too_long(&mut problems, || what.to_string(), value, MAX_TITLE_CHARS);
    }
    for partner in [Partner::A, Partner::B] {
        if let Driver::OtherAdult { name, phone } = &plan.kap.readiness(partner).ride_home {
            let partner = partner.stand_in();
            too_long(&mut problems, || format!("{partner}'s driver's name"), name, MAX_TITLE_CHARS);
            too_long(&mut problems, || format!("{partner}'s driver's phone"), phone, MAX_TITLE_CHARS);
        }
    }
    if let Some(shared_from) = &plan.shared_from {
        if !is_valid_id(shared_from) {
            problems.push("The plan it was shared from has an id that cannot be right.".to_string());
        }
    }
    for (index, window) in plan.days.iter().enumerate() {
        if window.end <= window.start {
            problems.push(format!("Day {}'s hours end before they start.", index + 1));
        }
    }
    problems.extend(plan.limits.out_of_range());
    if !(1..=4).contains(&plan.kap.sessions_per_partner) {
        problems.push(format!("{} dosing sessions per partner is not possible.", plan.kap.sessions_per_partner));
    }
    if plan.blocks.len() > MAX_BLOCKS {
        problems.push(format!("It has {} blocks; at most {MAX_BLOCKS} are accepted.", plan.blocks.len()));
    }
    let mut ids: Vec<u32> = Vec::with_capacity(plan.blocks.len());
    for block in plan.blocks.iter().take(MAX_BLOCKS) {
        let name = || format!("Block \u{201c}{}\u{201d}", block.title.chars().take(60).collect::<String>());
        if block.day == 0 || usize::from(block.day) > days + 1 {
            problems.push(format!("{} is on day {}; the plan has days 1 to {}.", name(), block.day, days + 1));
        }
        if block.minutes == 0 || !fits_in_day(block.start, block.minutes) {
            problems.push(format!("{} lasts {}, which does not fit in its day.", name(), length_words(block.minutes)));
        }
        if block.id.0 >= plan.next_block_id {
            problems.push(format!("{} has an id beyond the plan's counter.", name()));
        }
        too_long(&mut problems, || format!("{}'s title", name()), &block.title, MAX_TITLE_CHARS);
        too_long(&mut problems, || format!("{}'s notes for the couple", name()), &block.couple_notes, MAX_NOTE_CHARS);
        too_long(&mut problems, || format!("{}'s private notes", name()), &block.private_notes, MAX_NOTE_CHARS);
        too_long(&mut problems, || format!("{}'s question", name()), &block.couple_question, MAX_NOTE_CHARS);
        if block.checklist.len() > MAX_CHECKLIST_ITEMS {
            let count = block.checklist.len();
            problems.push(format!("{} has {count} checklist items; at most {MAX_CHECKLIST_ITEMS}.", name()));
        }
        for item in &block.checklist {
            too_long(&mut problems, || format!("A checklist item of {}", name()), &item.text, MAX_TITLE_CHARS);
        }
        ids.push(block.id.0);
    }
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        problems.push("Two blocks share one id.".to_string());
    }
    follow_up_problems(plan, &mut problems);
    problems.extend(too_large(plan));
    problems
}

/// The follow-ups and the integration guide: as many as a plan holds, on dates after
/// the last day and within a year of it, always with the therapist.
fn follow_up_problems(plan: &Plan, problems: &mut Vec<String>) {
    if plan.follow_ups.len() > MAX_FOLLOW_UPS {
        problems.push(format!(
            "It has {} follow-up sessions; at most {MAX_FOLLOW_UPS} are accepted.",
            plan.follow_ups.len()
        ));
    }
    let last = plan.last_date();
    let mut ids: Vec<u32> = Vec::with_capacity(plan.follow_ups.len());
    for session in plan.follow_ups.iter().take(MAX_FOLLOW_UPS) {
        let name = || format!("The follow-up \u{201c}{}\u{201d}", session.title.chars().take(60).collect::<String>());
        let after = (session.date - last).num_days();
        if !(1..=MAX_DAYS_AFTER).contains(&after) {
            problems.push(format!(
                "{} is on {}; a follow-up comes after the last day ({}) and within a year of it.",
                name(),
                // Dates as the file writes them, so the person finds the value.
                dates::iso(session.date),
                dates::iso(last)
            ));
        }
        if session.minutes == 0 || !fits_in_day(session.start, session.minutes) {
            problems.push(format!(
                "{} lasts {}, which does not fit in its day.",
                name(),
                length_words(session.minutes)
            ));
        }
        if !FOLLOW_UP_WHO.contains(&session.who) {
            problems.push(format!("{} is without the therapist; a follow-up is always with the therapist.", name()));
        }
        if session.id.0 >= plan.next_follow_up_id {
            problems.push(format!("{} has an id beyond the plan's counter.", name()));
        }
        too_long(problems, || format!("{}'s title", name()), &session.title, MAX_TITLE_CHARS);
        too_long(problems, || format!("{}'s notes for the couple", name()), &session.couple_notes, MAX_NOTE_CHARS);
        too_long(problems, || format!("{}'s private notes", name()), &session.private_notes, MAX_NOTE_CHARS);
        ids.push(session.id.0);
    }
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        problems.push("Two follow-up sessions share one id.".to_string());
    }
    too_long(problems, || "The integration guide".to_string(), &plan.guide.days_for, MAX_NOTE_CHARS);
    if plan.guide.prompts.len() > MAX_PROMPTS {
        problems
            .push(format!("The integration guide has {} prompts; at most {MAX_PROMPTS}.", plan.guide.prompts.len()));
    }
    for prompt in &plan.guide.prompts {
        too_long(problems, || "A journaling prompt".to_string(), prompt, MAX_TITLE_CHARS);
    }
}

/// The plan written out is larger than a plan may be. Written only when a bound from
/// its texts says it might be: an ordinary plan is far below it.
fn too_large(plan: &Plan) -> Option<String> {
    if written_at_most(plan) <= MAX_PLAN_BYTES {
        return None;
    }
    let bytes = serde_json::to_vec(plan).map_or(usize::MAX, |json| json.len());
    (bytes > MAX_PLAN_BYTES).then(|| {
        format!(
            "Written out, the plan is {:.1} MB; a plan holds at most {} MB. Shorten its longest notes, or move some \
             days into a second plan.",
            bytes as f64 / 1_048_576.0,
            MAX_PLAN_BYTES / 1_048_576
        )
    })
}

/// More bytes than the plan's JSON can take: every text escaped at its worst (six bytes
/// a byte), and generous room for each block's, each item's and the plan's other fields.
fn written_at_most(plan: &Plan) -> usize {
    const PLAN_FIELDS: usize = 8 * 1024;
    const BLOCK_FIELDS: usize = 700;
    const ITEM_FIELDS: usize = 40;
    let text = |s: &String| s.len() * 6;
    let drivers = [&plan.kap.readiness_a.ride_home, &plan.kap.readiness_b.ride_home].map(|d| match d {
        Driver::OtherAdult { name, phone } => text(name) + text(phone),
        _ => 0,
    });
    let plan_texts = [&plan.id, &plan.title, &plan.partners.a, &plan.partners.b, &plan.therapist.name]
        .into_iter()
        .chain([&plan.therapist.contact, &plan.location])
        .chain(plan.shared_from.as_ref())
        .map(text)
        .sum::<usize>();
    let blocks: usize = plan
        .blocks
        .iter()
        .map(|b| {
            let items: usize = b.checklist.iter().map(|i| ITEM_FIELDS + text(&i.text)).sum();
            BLOCK_FIELDS
                + items
                + [&b.title, &b.couple_notes, &b.private_notes, &b.couple_question].map(text).iter().sum::<usize>()
        })
        .sum();
    let follow_ups: usize = plan
        .follow_ups
        .iter()
        .map(|f| BLOCK_FIELDS + [&f.title, &f.couple_notes, &f.private_notes].map(text).iter().sum::<usize>())
        .sum();
    let guide = text(&plan.guide.days_for) + plan.guide.prompts.iter().map(|p| ITEM_FIELDS + text(p)).sum::<usize>();
    PLAN_FIELDS + plan.days.len() * 64 + plan_texts + drivers.iter().sum::<usize>() + blocks + follow_ups + guide
}
