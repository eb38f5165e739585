//! The Leptos UI: pages and components that read state and send edits. No
//! scheduling rule lives here; everything clinical comes from `domain`.

mod app;
mod download;
mod editor;
pub mod layout;
mod new_plan;
mod plans;
mod preparation;
mod print;
mod review;
pub mod route;
mod state;

pub use app::{mount, App};
