//! The plan model: the people, the blocks, and the plan that holds them.

pub mod block;
pub mod partner;
pub mod plan;

pub use block::*;
pub use partner::*;
pub use plan::*;
