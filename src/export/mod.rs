//! Files the plan leaves the app as, besides its own plan file (`storage::format`):
//! the calendar. Pure code; the UI turns the result into a download.

pub mod ics;
