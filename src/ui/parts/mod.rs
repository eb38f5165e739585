//! Parts used by more than one page or by the app shell: none of them knows which page
//! it is on, and none imports a page.

pub mod agenda;
pub mod arrivals;
pub mod download;
pub mod folded;
pub mod follow_up_list;
pub mod integration_box;
pub mod link_box;
pub mod link_opening;
pub mod not_found;
pub mod preparation;
pub mod review_header;
pub mod update;

use crate::domain::choice::Choice;
use crate::domain::model::BlockKind;

/// The stylesheet's class for a block kind, named by its value: its colour and border
/// pattern.
pub fn kind_class(kind: BlockKind) -> String {
    format!("kind-{}", kind.value())
}
