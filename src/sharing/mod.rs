//! Sharing with the couple: what a share link carries (`link`), what their reply
//! carries and how it merges into the plan (`reply`), both pure and tested natively,
//! and the browser's compression that packs them into a link (`zlib`). The pages
//! that open links are `ui::pages::shared` and `ui::pages::reply`.

pub mod link;
pub mod reply;
pub mod zlib;
