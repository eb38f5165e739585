//! The pure domain core: plan model, templates, KAP placement, rules and edits.
//! No browser types live here, so all of it is tested natively and fast.

pub mod after_intensive;
pub mod agenda;
pub mod arrival;
pub mod choice;
pub mod clash;
pub mod dates;
pub mod edit;
pub mod edit_checks;
pub mod follow_up_edit;
pub mod history;
pub mod integration_card;
pub mod kap;
pub mod limits;
pub mod merge;
pub mod model;
pub mod my_template;
pub mod placement;
pub mod ride_home;
pub mod rules;
pub mod sample;
pub mod settings;
pub mod status;
pub mod template;
pub mod time;
pub mod validate;
pub mod words;
