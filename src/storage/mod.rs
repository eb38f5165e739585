//! Storage: the versioned plan format (`format`, written and read as JSON by
//! `stored_plan`, `codec` and `json`) and the store of plans. `local` is the only
//! module that touches the browser's localStorage.

pub mod book;
pub mod codec;
pub mod format;
pub mod indent;
pub mod json;
pub mod local;
pub mod lock;
pub mod store;
pub mod stored_plan;
