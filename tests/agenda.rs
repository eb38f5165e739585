//! The couple's preparation card: what it says about the ride home, in plain words.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use intensive_planner::domain::agenda::preparation_cards;
use intensive_planner::domain::kap::{Driver, Placement, WhoDoses};
use intensive_planner::domain::model::*;

fn card_lines(driver_a: Driver, driver_b: Driver) -> Vec<String> {
    let mut plan = plan(IntensiveKind::Couples, 3, Placement::Midway, WhoDoses::Both);
    plan.kap.readiness_a.ride_home = driver_a;
    plan.kap.readiness_b.ride_home = driver_b;
    let cards = preparation_cards(&plan);
    assert_eq!(cards.len(), 1, "one shared dosing session");
    assert_eq!(cards[0].dosing, vec!["Sam".to_string(), "Alex".to_string()]);
    cards[0].ride_home.clone()
}

#[test]
fn the_card_names_each_dosing_partner_s_driver() {
    assert_eq!(
        card_lines(Driver::other_adult(" Jordan Reyes ", "555 0100"), Driver::NotArranged),
        vec![
            "Sam: Jordan Reyes (555 0100) drives you home. No driving until tomorrow.".to_string(),
            "Alex: not arranged yet. Please arrange a ride: no driving until tomorrow.".to_string(),
        ]
    );
    // A partner chosen as the driver is named, whatever the record of the other says.
    assert_eq!(
        card_lines(Driver::Partner(Partner::B), Driver::other_adult("Kim", "")),
        vec![
            "Sam: Alex drives you home. No driving until tomorrow.".to_string(),
            "Alex: Kim drives you home. No driving until tomorrow.".to_string(),
        ]
    );
}
