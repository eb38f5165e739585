//! The Leptos UI: pages and components that read state and send edits. No
//! scheduling rule lives here; everything clinical comes from `domain`.
//!
//! The shell (`app`, `route`, `state`) picks the page and holds what every page shares;
//! `pages` has one module per page; `parts` holds what several pages use.

mod app;
mod pages;
mod parts;
pub mod route;
/// Public for the browser tests, which follow a plan through a save.
pub mod state;

pub use app::{mount, App};
