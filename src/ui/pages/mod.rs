//! One module per page the route can show. A page reads the app state, lays out parts
//! and sends edits. Pages do not import each other: what two of them show is a
//! part (`super::parts`).

pub mod editor;
pub mod plans;
pub mod print;
pub mod reply;
pub mod review;
pub mod shared;
