//! The plan model: the people, the blocks, the follow-ups and the plan that holds them.

pub mod block;
pub mod follow_up;
pub mod guide;
pub mod partner;
pub mod plan;

pub use block::*;
pub use follow_up::*;
pub use guide::*;
pub use partner::*;
pub use plan::*;
