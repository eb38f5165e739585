//! The Leptos UI: pages and components that read state and send edits. No
//! scheduling rule lives here; everything clinical comes from `domain`.

mod agenda;
mod app;
pub(crate) mod arrivals;
mod download;
pub mod editor;
mod folded;
mod link_box;
mod new_plan;
mod not_found;
mod plans;
mod preparation;
mod print;
mod review;
pub mod route;
mod sharing;
mod state;
mod update;

pub use app::{mount, App};

use crate::domain::choice::Choice;
use crate::domain::model::BlockKind;

/// The stylesheet's class for a block kind, named by its value: its colour and border
/// pattern.
pub fn kind_class(kind: BlockKind) -> String {
    format!("kind-{}", kind.value())
}
