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

use crate::domain::model::BlockKind;

/// The stylesheet's class for a block kind: its colour and border pattern.
pub fn kind_class(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::KapPreparation => "kind-kappreparation",
        BlockKind::KapDosing => "kind-kapdosing",
        BlockKind::Integration => "kind-integration",
        BlockKind::CouplesCheckIn => "kind-couplescheckin",
        BlockKind::JointSession => "kind-jointsession",
        BlockKind::IndividualSession => "kind-individualsession",
        BlockKind::Assessment => "kind-assessment",
        BlockKind::Feedback => "kind-feedback",
        BlockKind::Psychoeducation => "kind-psychoeducation",
        BlockKind::Break => "kind-break",
        BlockKind::Lunch => "kind-lunch",
        BlockKind::Reflection => "kind-reflection",
        BlockKind::FollowUp => "kind-followup",
        BlockKind::Custom => "kind-custom",
    }
}
