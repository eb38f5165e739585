//! iCalendar (RFC 5545) export of the couple-visible agenda: one event per block and
//! per follow-up session, in floating local time (the intensive's own clock), with the
//! reminders before each dose as alarms; never with private notes.

use crate::domain::words::who_for_couple;
use chrono::{NaiveDateTime, TimeDelta};

use crate::domain::agenda::{dosing_reminders, Reminder};
use crate::domain::dates::ics_stamp;
use crate::domain::model::{Block, BlockKind, Participants, Plan};

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
        let reminders = if block.kind == BlockKind::KapDosing { dosing_reminders(plan, block) } else { Vec::new() };
        let event = Event {
            uid: format!("{}-{}", plan.id, block.id.0),
            starts: plan.starts_at(block),
            ends: plan.ends_at(block),
            title: &block.title,
            who: block.who,
            notes: &block.couple_notes,
            category: block.kind.label(),
        };
        event.push(plan, now, &reminders, &mut lines);
    }
    for session in plan.follow_ups_in_order() {
        let event = Event {
            uid: format!("{}-follow-up-{}", plan.id, session.id.0),
            starts: session.starts_at(),
            ends: session.ends_at(),
            title: &session.title,
            who: session.who,
            notes: &session.couple_notes,
            category: BlockKind::FollowUp.label(),
        };
        event.push(plan, now, &[], &mut lines);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|line| fold(line)).collect()
}

/// What one calendar event says: a block's or a follow-up's couple-visible fields.
struct Event<'a> {
    uid: String,
    starts: NaiveDateTime,
    ends: NaiveDateTime,
    title: &'a str,
    who: Participants,
    notes: &'a str,
    category: &'a str,
}

impl Event<'_> {
    fn push(&self, plan: &Plan, now: NaiveDateTime, reminders: &[Reminder], lines: &mut Vec<String>) {
        let who = who_for_couple(self.who, &plan.partners, &plan.therapist.name);
        let description = if self.notes.trim().is_empty() { who } else { format!("{who}\n{}", self.notes.trim()) };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@intensive-planner.invalid", self.uid));
        lines.push(format!("DTSTAMP:{}Z", ics_stamp(now)));
        lines.push(format!("DTSTART:{}", ics_stamp(self.starts)));
        lines.push(format!("DTEND:{}", ics_stamp(self.ends)));
        lines.push(format!("SUMMARY:{}", escape_text(self.title)));
        lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
        if !plan.location.trim().is_empty() {
            lines.push(format!("LOCATION:{}", escape_text(&plan.location)));
        }
        lines.push(format!("CATEGORIES:{}", escape_text(self.category)));
        for reminder in reminders {
            lines.push("BEGIN:VALARM".into());
            lines.push("ACTION:DISPLAY".into());
            lines.push(format!("TRIGGER;RELATED=START:{}", before(reminder.before)));
            lines.push(format!("DESCRIPTION:{}", escape_text(&reminder.text)));
            lines.push("END:VALARM".into());
        }
        lines.push("END:VEVENT".into());
    }
}

/// A trigger that long before the event starts (RFC 5545 §3.3.6): "-PT4H", "-PT15H30M".
fn before(span: TimeDelta) -> String {
    let minutes = span.num_minutes();
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("-PT{h}H"),
        (0, m) => format!("-PT{m}M"),
        (h, m) => format!("-PT{h}H{m}M"),
    }
}
