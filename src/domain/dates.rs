//! Dates and clock times as people read them, in the reader's style (`DateStyle`:
//! "Sat, Dec 5" and "1:00 PM" in the US, "Sat 5 Dec" and "13:00" elsewhere), and in the
//! machine forms date inputs and calendar files use. The one module that words a date
//! or a time, all through chrono's formatting: no locale tables.

use crate::domain::time::time_at;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// How the reader writes dates and times; a setting, defaulting from the browser's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateStyle {
    /// "Sat 5 Dec", "13:00".
    #[default]
    DayFirst24Hour,
    /// "Sat, Dec 5", "1:00 PM".
    MonthFirst12Hour,
}

impl DateStyle {
    /// The style a browser language implies: American English (and the other languages
    /// of the US and the Philippines, which write the same way) reads 12-hour, month first.
    pub fn for_language(tag: &str) -> DateStyle {
        let region = tag.split(['-', '_']).nth(1).unwrap_or_default();
        if region.eq_ignore_ascii_case("US") || region.eq_ignore_ascii_case("PH") {
            DateStyle::MonthFirst12Hour
        } else {
            DateStyle::DayFirst24Hour
        }
    }

    /// The choice as the settings list it.
    pub fn label(self) -> &'static str {
        match self {
            DateStyle::MonthFirst12Hour => "12-hour, month first (Sat, Dec 5 \u{b7} 1:00 PM)",
            DateStyle::DayFirst24Hour => "24-hour, day first (Sat 5 Dec \u{b7} 13:00)",
        }
    }

    fn pick(self, us: &str, day_first: &str, date: NaiveDate) -> String {
        let pattern = match self {
            DateStyle::MonthFirst12Hour => us,
            DateStyle::DayFirst24Hour => day_first,
        };
        date.format(pattern).to_string()
    }

    /// "Sat, Dec 5" / "Sat 5 Dec"
    pub fn short(self, date: NaiveDate) -> String {
        self.pick("%a, %b %-d", "%a %-d %b", date)
    }

    /// "Sat, Dec 5, 2026" / "Sat 5 Dec 2026"
    pub fn short_with_year(self, date: NaiveDate) -> String {
        self.pick("%a, %b %-d, %Y", "%a %-d %b %Y", date)
    }

    /// "Saturday, December 5, 2026" / "Saturday 5 December 2026"
    pub fn long(self, date: NaiveDate) -> String {
        self.pick("%A, %B %-d, %Y", "%A %-d %B %Y", date)
    }

    /// "December 5, 2026" / "5 December 2026"
    pub fn day_month_year(self, date: NaiveDate) -> String {
        self.pick("%B %-d, %Y", "%-d %B %Y", date)
    }

    /// "1:00 PM" / "13:00"
    pub fn time(self, time: NaiveTime) -> String {
        match self {
            DateStyle::MonthFirst12Hour => time.format("%-I:%M %p").to_string(),
            DateStyle::DayFirst24Hour => time.format("%H:%M").to_string(),
        }
    }

    /// An hour of the grid's gutter: "1 PM" / "13:00".
    pub fn hour(self, hour: i64) -> String {
        let time = time_at(hour * 60);
        match self {
            DateStyle::MonthFirst12Hour => time.format("%-I %p").to_string(),
            DateStyle::DayFirst24Hour => time.format("%H:%M").to_string(),
        }
    }

    /// "1:00–1:45 PM", "11:30 AM–12:15 PM" / "13:00–13:45"
    pub fn time_range(self, start: NaiveTime, end: NaiveTime) -> String {
        match self {
            // The half of the day is said once when both ends share it.
            DateStyle::MonthFirst12Hour if start.hour12().0 == end.hour12().0 => {
                format!("{}\u{2013}{}", start.format("%-I:%M"), self.time(end))
            }
            _ => format!("{}\u{2013}{}", self.time(start), self.time(end)),
        }
    }

    /// "Sat, Dec 5, 1:00 PM" / "Sat 5 Dec, 13:00"
    pub fn short_at(self, at: NaiveDateTime) -> String {
        format!("{}, {}", self.short(at.date()), self.time(at.time()))
    }
}

/// "2026-12-05", the form date inputs and files use.
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
    use super::DateStyle::{DayFirst24Hour as Intl, MonthFirst12Hour as Us};
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("a time")
    }

    #[test]
    fn dates_read_as_each_reader_writes_them() {
        let sat = date(2026, 12, 5);
        assert_eq!((Us.short(sat), Intl.short(sat)), ("Sat, Dec 5".into(), "Sat 5 Dec".into()));
        assert_eq!(Us.short_with_year(sat), "Sat, Dec 5, 2026");
        assert_eq!(Intl.short_with_year(sat), "Sat 5 Dec 2026");
        assert_eq!(Us.long(date(2026, 3, 3)), "Tuesday, March 3, 2026");
        assert_eq!(Intl.long(date(2026, 3, 3)), "Tuesday 3 March 2026");
        assert_eq!(Us.day_month_year(date(2027, 1, 2)), "January 2, 2027");
        assert_eq!(Intl.day_month_year(date(2027, 1, 2)), "2 January 2027");
        assert_eq!(Us.short_at(sat.and_time(at(19, 0))), "Sat, Dec 5, 7:00 PM");
        assert_eq!(Intl.short_at(sat.and_time(at(19, 0))), "Sat 5 Dec, 19:00");
    }

    #[test]
    fn times_read_as_each_reader_writes_them() {
        assert_eq!((Us.time(at(13, 0)), Intl.time(at(13, 0))), ("1:00 PM".into(), "13:00".into()));
        assert_eq!((Us.time(at(0, 15)), Intl.time(at(0, 15))), ("12:15 AM".into(), "00:15".into()));
        assert_eq!(Us.time(at(12, 0)), "12:00 PM");
        assert_eq!(Us.time(at(9, 5)), "9:05 AM");
        assert_eq!(Us.time_range(at(13, 0), at(13, 45)), "1:00\u{2013}1:45 PM");
        assert_eq!(Us.time_range(at(11, 30), at(12, 15)), "11:30 AM\u{2013}12:15 PM");
        assert_eq!(Intl.time_range(at(13, 0), at(13, 45)), "13:00\u{2013}13:45");
        // The grid's gutter: the hour alone in the 12-hour style, as a US calendar writes it.
        assert_eq!((Us.hour(13), Intl.hour(13)), ("1 PM".into(), "13:00".into()));
        assert_eq!((Us.hour(0), Us.hour(12), Intl.hour(7)), ("12 AM".into(), "12 PM".into(), "07:00".into()));
        // A block ending at midnight ends at 12:00 AM, the other half of the day.
        assert_eq!(Us.time_range(at(23, 0), NaiveTime::MIN), "11:00 PM\u{2013}12:00 AM");
    }

    #[test]
    fn the_browser_language_picks_the_style() {
        for tag in ["en-US", "en_us", "es-US", "en-PH"] {
            assert_eq!(DateStyle::for_language(tag), Us, "{tag}");
        }
        for tag in ["en-GB", "en", "de-DE", "fr-CA", "", "en-AU"] {
            assert_eq!(DateStyle::for_language(tag), Intl, "{tag}");
        }
    }

    #[test]
    fn machine_forms_stay_one_way() {
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
