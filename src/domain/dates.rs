//! Dates in words ("Sat 5 Dec", "Saturday 5 December 2026") and in the forms date
//! inputs and calendar files use, all through chrono's formatting.

use chrono::{NaiveDate, NaiveDateTime};

/// "Sat 5 Dec"
pub fn short(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// "Sat 5 Dec 2026"
pub fn short_with_year(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "Saturday 5 December 2026"
pub fn long(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "5 December 2026"
pub fn day_month_year(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "2026-12-05", the form date inputs use.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads "2026-12-05"; `None` for anything else or a date that does not exist.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// "20261205T093000", the iCalendar form of a local date and time.
pub fn ics_stamp(time: NaiveDateTime) -> String {
    time.format("%Y%m%dT%H%M%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(short(date(2026, 12, 5)), "Sat 5 Dec");
        assert_eq!(short_with_year(date(2026, 12, 5)), "Sat 5 Dec 2026");
        assert_eq!(long(date(2026, 3, 3)), "Tuesday 3 March 2026");
        assert_eq!(day_month_year(date(2027, 1, 2)), "2 January 2027");
        assert_eq!(iso(date(2026, 2, 9)), "2026-02-09");
        assert_eq!(ics_stamp(date(2026, 12, 5).and_hms_opt(9, 3, 7).expect("a time")), "20261205T090307");
    }

    #[test]
    fn only_real_dates_are_read() {
        assert_eq!(parse_iso("2026-02-29"), None);
        assert_eq!(parse_iso("2026-02-09x"), None);
        assert_eq!(parse_iso(""), None);
        assert_eq!(parse_iso(" 2026-02-09 "), Some(date(2026, 2, 9)));
    }
}
