//! The one wording of what messages, lists and pages say again and again: lengths,
//! days, who takes part, lists of names, counts, and the therapist when unnamed.

use super::dates::DateStyle;
use super::model::{Block, FollowUpDose, FollowUpSession, Participants, Partner, PartnerSet, Partners, Plan};

/// A length in words, exact to the minute: "45 min", "4 h", "2 h 30 min". The one
/// wording of a duration, for every message and form.
pub fn length_words(minutes: u16) -> String {
    duration_words(i64::from(minutes))
}

/// A span of time in words, exact to the minute, however long: "72 h 15 min".
pub fn duration_words(minutes: i64) -> String {
    let sign = if minutes < 0 { "\u{2212}" } else { "" };
    let minutes = minutes.unsigned_abs();
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{sign}{m} min"),
        (h, 0) => format!("{sign}{h} h"),
        (h, m) => format!("{sign}{h} h {m} min"),
    }
}

/// How a block is named in messages: its title, day and start time.
pub fn describe_block(plan: &Plan, block: &Block, style: DateStyle) -> String {
    format!("\u{201c}{}\u{201d} ({}, {})", block.title, day_label(plan, block.day), style.time(block.start))
}

/// How a follow-up session is named in messages: its title, date and start time.
pub fn describe_follow_up(session: &FollowUpSession, style: DateStyle) -> String {
    let when = style.short_at(session.starts_at());
    format!("\u{201c}{}\u{201d} (follow-up, {when})", session.title)
}

pub fn day_label(plan: &Plan, day: u8) -> String {
    if day > plan.day_count() {
        "the day after the intensive".to_string()
    } else {
        format!("day {day}")
    }
}

/// A day as a heading: "Day 2", "The day after the intensive".
pub fn day_title(plan: &Plan, day: u8) -> String {
    // Labels are plain ASCII words, so no Unicode case tables are needed.
    let mut label = day_label(plan, day);
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    label
}

/// A day's heading with its date, for the couple's agenda and print: "Day 2 · Tuesday 3 March 2026".
pub fn day_heading(plan: &Plan, day: u8, style: DateStyle) -> String {
    format!("{} \u{b7} {}", day_title(plan, day), style.long(plan.date_of(day)))
}

/// "Sam", "Sam and Alex": the names of a set of partners.
pub fn names(plan: &Plan, partners: impl Iterator<Item = Partner>) -> String {
    let list: Vec<String> = partners.map(|p| plan.partner_name(p).to_string()).collect();
    and_list(&list)
}

/// "A", "A and B", "A, B and C".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A partner set's words in the "whose medicine" list.
pub fn kap_for_label(kap_for: Option<PartnerSet>, partners: &Partners) -> String {
    match kap_for {
        None => "Everyone taking part".to_string(),
        Some(set) if set == PartnerSet::BOTH => "Both partners".to_string(),
        Some(set) if set.contains(Partner::A) => partners.a.clone(),
        Some(_) => partners.b.clone(),
    }
}

/// Whose medicine a follow-up integrates, in the words of its list.
pub fn follow_up_dose_label(dose: FollowUpDose, partners: &Partners) -> String {
    match dose.0 {
        None => "No one's: a follow-up about no dose".to_string(),
        set => kap_for_label(set, partners),
    }
}

/// Who takes part, in the words of the "who takes part" list.
pub fn who_label(who: Participants, partners: &Partners) -> String {
    match who {
        Participants::BothWithTherapist => format!("{} and {} with the therapist", partners.a, partners.b),
        Participants::OneWithTherapist(p) => format!("{} with the therapist", partners.name(p)),
        Participants::CoupleOnTheirOwn => "The couple on their own".to_string(),
        Participants::OneOnTheirOwn(p) => format!("{} on their own", partners.name(p)),
    }
}

/// Who takes part, as short as a grid block has room for: "Sam + therapist".
pub fn who_short(who: Participants, partners: &Partners) -> String {
    match who {
        Participants::BothWithTherapist => "Both + therapist".to_string(),
        Participants::OneWithTherapist(x) => format!("{} + therapist", partners.name(x)),
        Participants::CoupleOnTheirOwn => "Couple".to_string(),
        Participants::OneOnTheirOwn(x) => format!("{} alone", partners.name(x)),
    }
}

/// Who takes part, in the couple's words: "Sam and Alex with Dr Lee", "Sam on their own".
pub fn who_for_couple(who: Participants, partners: &Partners, therapist: &str) -> String {
    let with = therapist_or(therapist, "the therapist");
    match who {
        Participants::BothWithTherapist => format!("{} and {} with {}", partners.a, partners.b, with),
        Participants::OneWithTherapist(p) => format!("{} with {}", partners.name(p), with),
        Participants::CoupleOnTheirOwn => format!("{} and {} together", partners.a, partners.b),
        Participants::OneOnTheirOwn(p) => format!("{} on their own", partners.name(p)),
    }
}

/// The therapist's name, or `unnamed` ("your therapist", "Therapist") when none is given.
pub fn therapist_or<'a>(name: &'a str, unnamed: &'a str) -> &'a str {
    match name.trim() {
        "" => unnamed,
        name => name,
    }
}

/// `text` cut to at most `max` characters, ending in "…" when it was cut.
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('\u{2026}');
    cut
}

/// `base` followed by `suffix`, with `base` shortened so the whole fits in `max`.
pub fn fit_with_suffix(base: &str, suffix: &str, max: usize) -> String {
    let room = max.saturating_sub(suffix.chars().count());
    format!("{}{suffix}", fit(base, room))
}

/// A text as a merge's choices show it: quoted and shortened, or "empty".
pub fn quoted<T: AsRef<str> + ?Sized>(text: &T) -> String {
    match text.as_ref() {
        "" => "empty".to_string(),
        text => format!("\u{201c}{}\u{201d}", fit(text, 60)),
    }
}

/// A count with its noun: "1 plan", "3 plans".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_cuts_at_characters_and_marks_the_cut() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("exactly10!", 10), "exactly10!");
        assert_eq!(fit("eleven char", 10), "eleven ch\u{2026}");
        assert_eq!(fit("ab cd", 4), "ab\u{2026}", "no space before the mark");
        assert_eq!(fit("日本語のテキスト", 4), "日本語\u{2026}");
        let long = "x".repeat(300);
        assert_eq!(fit_with_suffix(&long, " (copy)", 200).chars().count(), 200);
        assert!(fit_with_suffix(&long, " (copy)", 200).ends_with("\u{2026} (copy)"));
        assert_eq!(fit_with_suffix("Plan", " (copy)", 200), "Plan (copy)");
    }

    #[test]
    fn durations_are_worded_exactly() {
        assert_eq!(length_words(15), "15 min");
        assert_eq!(length_words(59), "59 min");
        assert_eq!(length_words(60), "1 h");
        assert_eq!(length_words(150), "2 h 30 min");
        assert_eq!(length_words(12 * 60), "12 h");
        assert_eq!(duration_words(72 * 60 + 15), "72 h 15 min");
        assert_eq!(duration_words(23 * 60 + 45), "23 h 45 min");
        assert_eq!(duration_words(0), "0 min");
        assert_eq!(duration_words(-90), "\u{2212}1 h 30 min");
    }

    #[test]
    fn counts_therapists_and_who_are_worded_once() {
        assert_eq!(count(1, "plan", "plans"), "1 plan");
        assert_eq!(count(0, "plan", "plans"), "0 plans");
        assert_eq!(therapist_or("  ", "your therapist"), "your therapist");
        assert_eq!(therapist_or(" Dr Lee ", "your therapist"), "Dr Lee");
        let partners = Partners { a: "Sam".into(), b: "Alex".into() };
        assert_eq!(who_for_couple(Participants::BothWithTherapist, &partners, ""), "Sam and Alex with the therapist");
        assert_eq!(who_short(Participants::OneOnTheirOwn(Partner::B), &partners), "Alex alone");
        assert_eq!(and_list(&["A".into(), "B".into(), "C".into()]), "A, B and C");
    }
}
