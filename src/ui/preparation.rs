//! The preparation card of a dosing day, shared by the couple review and print.

use web_sys::Element;

use super::dom::{attr, element, text};
use crate::domain::agenda::{PreparationCard, WHAT_TO_BRING};
use crate::domain::time::hhmm;

/// Appends the card to `parent` as plain DOM (it has nothing to react to).
pub fn preparation_box(parent: &Element, card: &PreparationCard) {
    let aside = element(Some(parent), "aside", "prep-box");
    attr(&aside, "aria-label", &format!("Preparing for the medicine session on day {}", card.day));
    let heading =
        format!("Preparing for the medicine session ({} at {})", card.dosing.join(" and "), hhmm(card.dosing_starts));
    text(&aside, "h3", "", &heading);
    let grid = element(Some(&aside), "div", "prep-grid");
    let left = element(Some(&grid), "div", "");
    text(&left, "h4", "", "Fasting");
    let fasting = format!(
        "No food after {}. Clear liquids are fine until {}, then nothing to drink.",
        hhmm(card.no_food_after),
        hhmm(card.no_liquids_after)
    );
    text(&left, "p", "", &fasting);
    text(&left, "h4", "", "Ride home");
    list(&left, card.ride_home.iter().map(String::as_str));
    let right = element(Some(&grid), "div", "");
    text(&right, "h4", "", "What to bring");
    list(&right, WHAT_TO_BRING.into_iter());
}

fn list<'a>(parent: &Element, lines: impl Iterator<Item = &'a str>) {
    let ul = element(Some(parent), "ul", "");
    for line in lines {
        text(&ul, "li", "", line);
    }
}
