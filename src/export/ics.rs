//! iCalendar (RFC 5545) export of the couple-visible agenda: one event per block,
//! in floating local time (the intensive's own clock), never with private notes.

use crate::domain::words::who_for_couple;
use chrono::NaiveDateTime;

use crate::domain::dates::ics_stamp;
use crate::domain::model::{Block, Plan};

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so no physical line passes 75 octets (RFC 5545 §3.1),
/// never splitting a UTF-8 character. Breaks fall between two non-space
/// characters: some readers trim white space at both ends when they unfold.
pub fn fold(line: &str) -> String {
    let mut done: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in line.chars() {
        let limit = if done.is_empty() { 75 } else { 74 };
        if current.len() + c.len_utf8() > limit {
            let mut carry = vec![c];
            while let Some(last) = current.chars().last() {
                let at_space = last.is_whitespace() || carry.first().is_some_and(|c| c.is_whitespace());
                if !at_space || current.len() < 40 {
                    break;
                }
                current.pop();
                carry.insert(0, last);
            }
            done.push(std::mem::replace(&mut current, carry.into_iter().collect()));
        } else {
            current.push(c);
        }
    }
    done.push(current);
    let mut out = done.join("\r\n ");
    out.push_str("\r\n");
    out
}

/// The calendar file. `now` stamps the events (DTSTAMP, in UTC).
pub fn calendar(plan: &Plan, now: NaiveDateTime) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Intensive Planner//Agenda//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(&plan.title)),
    ];
    let mut blocks: Vec<_> = plan.blocks.iter().collect();
    Block::sort_in_time(&mut blocks);
    for block in blocks {
        let who = who_for_couple(block.who, &plan.partners, &plan.therapist.name);
        let description =
            if block.couple_notes.trim().is_empty() { who } else { format!("{who}\n{}", block.couple_notes.trim()) };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}-{}@intensive-planner.invalid", plan.id, block.id.0));
        lines.push(format!("DTSTAMP:{}Z", ics_stamp(now)));
        lines.push(format!("DTSTART:{}", ics_stamp(plan.starts_at(block))));
        lines.push(format!("DTEND:{}", ics_stamp(plan.ends_at(block))));
        lines.push(format!("SUMMARY:{}", escape_text(&block.title)));
        lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
        if !plan.location.trim().is_empty() {
            lines.push(format!("LOCATION:{}", escape_text(&plan.location)));
        }
        lines.push(format!("CATEGORIES:{}", escape_text(block.kind.label())));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|line| fold(line)).collect()
}
