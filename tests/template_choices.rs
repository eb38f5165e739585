//! The dosing choices the "new intensive" form refuses, and the reason it shows beside
//! each: asked of the domain, which builds the plan the choice would make.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::kap::{Placement, WhoDoses};
use intensive_planner::domain::model::IntensiveKind;
use intensive_planner::domain::template::{choice_refusals, TemplateRequest};

/// A request from the form, before it is filled in beyond the days and who doses.
fn asking(days: u8, who: WhoDoses) -> TemplateRequest {
    request(IntensiveKind::Couples, days, Placement::Opening, who)
}

#[test]
fn a_one_day_intensive_offers_no_midway_and_no_second_session_and_says_why() {
    let refused = choice_refusals(&asking(1, WhoDoses::PartnerA));
    assert!(refused.midway.as_deref().is_some_and(
        |why| why.starts_with("Midway is not offered with these answers: A 1-day intensive has no midway")
    ));
    assert!(refused.sessions(2).is_some_and(|why| why.contains("do not fit a 1-day intensive")));
    assert_eq!((refused.opening, refused.separate), (None, None));
    let both = choice_refusals(&asking(1, WhoDoses::Both));
    assert!(both.separate.as_deref().is_some_and(|why| why.starts_with("Separate sessions is not offered")));
    let affair = request(IntensiveKind::AffairRecovery, 2, Placement::Midway, WhoDoses::PartnerA);
    assert!(choice_refusals(&affair).opening.as_deref().is_some_and(|why| why.starts_with("Opening is not offered")));
}
