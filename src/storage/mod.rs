//! Storage: the versioned plan format and the store of plans. `local` is the
//! only module that touches the browser's localStorage.

pub mod format;
pub mod indent;
pub mod local;
pub mod store;
pub mod validate;
