//! Ways a plan leaves the app: calendar files and share links. Pure code; the UI
//! turns the results into downloads and links.

pub mod ics;
pub mod share;
