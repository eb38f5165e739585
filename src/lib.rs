//! Intensive Planner: co-plan a couples or affair-recovery intensive with KAP
//! dosing, entirely in the browser. See ARCHITECTURE.md for the map.

pub mod domain;
pub mod export;
pub mod sharing;
pub mod storage;
pub mod ui;
