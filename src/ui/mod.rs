//! The Leptos UI: pages and components that read state and send edits. No
//! scheduling rule lives here; everything clinical comes from `domain`.

mod agenda;
mod app;
mod arrivals;
pub mod dom;
mod download;
pub mod editor;
pub mod layout;
pub mod links;
mod new_plan;
mod not_found;
mod plans;
mod preparation;
mod print;
mod review;
pub mod route;
mod share_box;
mod shared;
mod state;

pub use app::{mount, App};
