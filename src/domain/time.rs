//! Clock arithmetic for the 15-minute grid. Times are chrono values; minutes of the
//! day are used only where the grid needs plain numbers.

use chrono::{NaiveTime, Timelike};

/// Every start and length sits on this grid.
pub const GRID_MINUTES: i64 = 15;
pub const MINUTES_PER_DAY: i64 = 24 * 60;

pub fn minute_of_day(time: NaiveTime) -> i64 {
    i64::from(time.num_seconds_from_midnight()) / 60
}

/// The time at `minutes` after midnight, kept inside the day.
pub fn time_at(minutes: i64) -> NaiveTime {
    let clamped = minutes.clamp(0, MINUTES_PER_DAY - 1);
    let seconds = u32::try_from(clamped * 60).unwrap_or(0);
    NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN)
}

/// Whether a block starting at `start` and lasting `minutes` ends by midnight: the one
/// test of "fits in its day", for what storage accepts and what a merge may combine.
pub fn fits_in_day(start: NaiveTime, minutes: u16) -> bool {
    minute_of_day(start) + i64::from(minutes) <= MINUTES_PER_DAY
}

/// Nearest grid point, halves rounding up.
pub fn snap_minutes(minutes: i64) -> i64 {
    (minutes + GRID_MINUTES / 2).div_euclid(GRID_MINUTES) * GRID_MINUTES
}

pub fn snap(time: NaiveTime) -> NaiveTime {
    time_at(snap_minutes(minute_of_day(time)))
}

/// A length on the grid, at least one grid step and at most `max`.
pub fn snap_length(minutes: i64, max: i64) -> u16 {
    let snapped = snap_minutes(minutes).clamp(GRID_MINUTES, max);
    u16::try_from(snapped).unwrap_or(u16::MAX)
}

/// A time field's `step`, in seconds: the grid's, so the field steps as the grid does.
pub fn time_field_step() -> String {
    (GRID_MINUTES * 60).to_string()
}

/// "09:30"
pub fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Reads "09:30" as a time input gives it, or "09:30:00".
pub fn parse_hhmm(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M").or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapping_rounds_to_the_nearest_quarter_hour() {
        assert_eq!(snap_minutes(9 * 60 + 7), 9 * 60);
        assert_eq!(snap_minutes(9 * 60 + 8), 9 * 60 + 15);
        assert_eq!(snap_length(3, 600), 15);
        assert_eq!(snap_length(10_000, 600), 600);
        assert_eq!(hhmm(snap(parse_hhmm("13:52").unwrap())), "13:45");
        assert_eq!(time_at(-30), NaiveTime::MIN);
        assert_eq!(parse_hhmm("25:00"), None);
        assert_eq!(parse_hhmm("9:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_hhmm("09:30:00"), NaiveTime::from_hms_opt(9, 30, 0));
        for bad in ["09:60", "", "09", "09:30:00:00", "+9:30", "09:30:xx"] {
            assert_eq!(parse_hhmm(bad), None, "{bad}");
        }
    }
}
