//! Storage: the versioned plan format (`format`, with `migrate` bringing older
//! versions forward and `error` saying why a text cannot be read), the store of plans over a key-value
//! seam (`store`; `keys` says where each record lives, `unreadable` what a record that
//! cannot be read is, and `clashes` keeps the clashes beside each plan), the book of
//! plans a tab holds (`book`, one `entry` each; `other_tab` is another tab's write as
//! its storage event tells it), and the browser's side:
//! `local` is the only module that touches localStorage, `lock` the only one that
//! takes the cross-tab lock, `persist` the one that asks the browser to keep it all.

pub mod book;
pub mod clashes;
mod entry;
pub mod error;
pub mod format;
pub mod keys;
pub mod local;
pub mod lock;
pub mod migrate;
pub mod other_tab;
pub mod persist;
pub mod settings;
pub mod store;
pub mod templates;
pub mod unreadable;
