//! Range checks the stored types cannot express, for anything read from storage or a file.
//! Each problem is one sentence naming the value and what it should be.

use crate::domain::edit::{MAX_BLOCKS, MAX_CHECKLIST_ITEMS, MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use crate::domain::model::{Plan, MAX_DAYS};
use crate::domain::order::sort_by_number;
use crate::domain::time::{minute_of_day, MINUTES_PER_DAY};

fn text(problems: &mut Vec<String>, what: &str, value: &str, max: usize) {
    let length = value.chars().count();
    if length > max {
        problems.push(format!("{what} is {length} characters long; at most {max} fit."));
    }
}

pub fn validate(plan: &Plan) -> Vec<String> {
    let mut problems = Vec::new();
    let days = plan.days.len();
    if !(1..=usize::from(MAX_DAYS)).contains(&days) {
        problems.push(format!("It has {days} days; an intensive has 1 to {MAX_DAYS}."));
    }
    let id_ok = !plan.id.is_empty()
        && plan.id.len() <= 64
        && plan.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !id_ok {
        problems.push("Its id must be 1 to 64 letters, digits, '-' or '_'.".to_string());
    }
    text(&mut problems, "The title", &plan.title, MAX_TITLE_CHARS);
    text(&mut problems, "Partner A's name", &plan.partners.a, MAX_TITLE_CHARS);
    text(&mut problems, "Partner B's name", &plan.partners.b, MAX_TITLE_CHARS);
    text(&mut problems, "The therapist's name", &plan.therapist.name, MAX_TITLE_CHARS);
    text(&mut problems, "The therapist's contact", &plan.therapist.contact, MAX_TITLE_CHARS);
    text(&mut problems, "The location", &plan.location, MAX_TITLE_CHARS);
    text(&mut problems, "Partner A's driver", &plan.kap.readiness_a.ride_home_driver, MAX_TITLE_CHARS);
    text(&mut problems, "Partner B's driver", &plan.kap.readiness_b.ride_home_driver, MAX_TITLE_CHARS);
    for (index, window) in plan.days.iter().enumerate() {
        if window.end <= window.start {
            problems.push(format!("Day {}'s hours end before they start.", index + 1));
        }
    }
    if !(1..=4).contains(&plan.kap.sessions_per_partner) {
        problems.push(format!("{} dosing sessions per partner is not possible.", plan.kap.sessions_per_partner));
    }
    if plan.blocks.len() > MAX_BLOCKS {
        problems.push(format!("It has {} blocks; at most {MAX_BLOCKS} are accepted.", plan.blocks.len()));
    }
    let mut ids: Vec<u32> = Vec::with_capacity(plan.blocks.len());
    for block in plan.blocks.iter().take(MAX_BLOCKS) {
        let name = format!("Block \u{201c}{}\u{201d}", block.title.chars().take(60).collect::<String>());
        if block.day == 0 || usize::from(block.day) > days + 1 {
            problems.push(format!("{name} is on day {}; the plan has days 1 to {}.", block.day, days + 1));
        }
        let start = minute_of_day(block.start);
        if block.minutes == 0 || start + i64::from(block.minutes) > MINUTES_PER_DAY {
            problems.push(format!("{name} lasts {} minutes, which does not fit in its day.", block.minutes));
        }
        if block.id.0 >= plan.next_block_id {
            problems.push(format!("{name} has an id beyond the plan's counter."));
        }
        text(&mut problems, &format!("{name}'s title"), &block.title, MAX_TITLE_CHARS);
        text(&mut problems, &format!("{name}'s notes for the couple"), &block.couple_notes, MAX_NOTE_CHARS);
        text(&mut problems, &format!("{name}'s private notes"), &block.private_notes, MAX_NOTE_CHARS);
        text(&mut problems, &format!("{name}'s question"), &block.couple_question, MAX_NOTE_CHARS);
        if block.checklist.len() > MAX_CHECKLIST_ITEMS {
            problems
                .push(format!("{name} has {} checklist items; at most {MAX_CHECKLIST_ITEMS}.", block.checklist.len()));
        }
        for item in &block.checklist {
            text(&mut problems, &format!("A checklist item of {name}"), &item.text, MAX_TITLE_CHARS);
        }
        ids.push(block.id.0);
    }
    sort_by_number(&mut ids, |id| u64::from(*id));
    if ids.windows(2).any(|w| w[0] == w[1]) {
        problems.push("Two blocks share one id.".to_string());
    }
    problems
}
