//! Dates and clock times in words and in the stored text form.
//!
//! Written out by hand rather than with chrono's strftime strings: those are parsed
//! at run time and carried most of chrono's size into the app. The stored forms
//! are unchanged: "2026-12-05" for a date, "09:30:00" for a time (clock times
//! in words are in `time`).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "Sat 5 Dec"
pub fn short(date: NaiveDate) -> String {
    format!("{} {} {}", &weekday(date)[..3], date.day(), &month(date)[..3])
}

/// "Sat 5 Dec 2026"
pub fn short_with_year(date: NaiveDate) -> String {
    format!("{} {}", short(date), date.year())
}

/// "Saturday 5 December 2026"
pub fn long(date: NaiveDate) -> String {
    format!("{} {}", weekday(date), day_month_year(date))
}

/// "5 December 2026"
pub fn day_month_year(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month(date), date.year())
}

/// "2026-12-05", the form date inputs and stored plans use.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads "2026-12-05"; `None` for anything else or a date that does not exist.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// "20261205T093000", the iCalendar form of a local date and time.
pub fn ics_stamp(time: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        time.year(),
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_in_words_match_what_chrono_would_write() {
        let mut day = date(2024, 1, 1);
        // Two years, a leap day among them: every weekday and month name.
        for _ in 0..731 {
            assert_eq!(short(day), day.format("%a %-d %b").to_string());
            assert_eq!(short_with_year(day), day.format("%a %-d %b %Y").to_string());
            assert_eq!(long(day), day.format("%A %-d %B %Y").to_string());
            assert_eq!(day_month_year(day), day.format("%-d %B %Y").to_string());
            assert_eq!(iso(day), day.to_string());
            assert_eq!(parse_iso(&iso(day)), Some(day));
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn only_real_dates_and_times_are_read() {
        assert_eq!(parse_iso("2026-02-29"), None);
        assert_eq!(parse_iso("2026-2-9"), None);
        assert_eq!(parse_iso("2026-02-09x"), None);
        assert_eq!(parse_iso(" 2026-02-09 "), Some(date(2026, 2, 9)));
        let stamp = date(2026, 12, 5).and_hms_opt(9, 3, 7).unwrap();
        assert_eq!(ics_stamp(stamp), "20261205T090307");
    }
}
