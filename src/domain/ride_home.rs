//! Who drives a partner home after dosing, and the list the therapist picks it from:
//! the choices are relative to the partner (the other partner, another adult), so the
//! list's values and words are decided here, once, and the form only renders them.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

use super::model::partner::{Partner, Partners};

/// Who drives a partner home after dosing (nobody who doses may drive until the next
/// day). A choice of person, never free text, so the rules compare people, not
/// spellings of names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Driver {
    #[default]
    NotArranged,
    /// One of the two partners.
    Partner(Partner),
    /// Another adult, with a name and a phone number to reach them.
    OtherAdult { name: String, phone: String },
}

impl Driver {
    pub fn other_adult(name: &str, phone: &str) -> Driver {
        Driver::OtherAdult { name: name.to_string(), phone: phone.to_string() }
    }

    /// The driver in words: "Alex", "Jordan Reyes (555 0100)", "nobody yet".
    pub fn describe(&self, partners: &Partners) -> String {
        match self {
            Driver::NotArranged => "nobody yet".to_string(),
            Driver::Partner(p) => partners.name(*p).to_string(),
            Driver::OtherAdult { name, phone } if phone.trim().is_empty() => name.trim().to_string(),
            Driver::OtherAdult { name, phone } => format!("{} ({})", name.trim(), phone.trim()),
        }
    }
}

/// One line of a partner's "who drives" list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray, IntoStaticStr)]
pub enum RideHomeChoice {
    #[strum(serialize = "none")]
    NotArranged,
    #[strum(serialize = "partner")]
    OtherPartner,
    /// Never offered: listed only while it is the record's (an old file, say), so the
    /// list shows the truth and the ride-home rule says why it is not allowed.
    #[strum(serialize = "self")]
    Themselves,
    #[strum(serialize = "adult")]
    OtherAdult,
}

impl RideHomeChoice {
    /// The list for a partner whose record holds `current`.
    pub fn offered(current: RideHomeChoice) -> Vec<RideHomeChoice> {
        let listed = |choice: &&RideHomeChoice| **choice != RideHomeChoice::Themselves || current == **choice;
        RideHomeChoice::VARIANTS.iter().filter(listed).copied().collect()
    }

    /// The line in words, `other` being the other partner's name.
    pub fn label(self, other: &str) -> String {
        match self {
            RideHomeChoice::NotArranged => "Not arranged yet".to_string(),
            RideHomeChoice::OtherPartner => format!("{other} (the other partner)"),
            RideHomeChoice::Themselves => "Themselves (not allowed)".to_string(),
            RideHomeChoice::OtherAdult => "Another adult".to_string(),
        }
    }
}

impl Driver {
    /// The line of `partner`'s list this driver is.
    pub fn choice_for(&self, partner: Partner) -> RideHomeChoice {
        match self {
            Driver::NotArranged => RideHomeChoice::NotArranged,
            Driver::Partner(p) if *p == partner => RideHomeChoice::Themselves,
            Driver::Partner(_) => RideHomeChoice::OtherPartner,
            Driver::OtherAdult { .. } => RideHomeChoice::OtherAdult,
        }
    }

    /// The driver `choice` makes for `partner`; an adult's name and phone already typed
    /// stay when the adult is chosen again.
    pub fn chosen(&self, partner: Partner, choice: RideHomeChoice) -> Driver {
        match choice {
            RideHomeChoice::NotArranged => Driver::NotArranged,
            RideHomeChoice::OtherPartner => Driver::Partner(partner.other()),
            RideHomeChoice::Themselves => Driver::Partner(partner),
            RideHomeChoice::OtherAdult if matches!(self, Driver::OtherAdult { .. }) => self.clone(),
            RideHomeChoice::OtherAdult => Driver::other_adult("", ""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RideHomeChoice::*;

    #[test]
    fn each_partner_s_list_offers_the_other_partner_and_never_themselves() {
        assert_eq!(RideHomeChoice::offered(NotArranged), [NotArranged, OtherPartner, OtherAdult]);
        assert_eq!(RideHomeChoice::offered(Themselves), [NotArranged, OtherPartner, Themselves, OtherAdult]);
        for partner in [Partner::A, Partner::B] {
            let other = Driver::NotArranged.chosen(partner, OtherPartner);
            assert_eq!(other, Driver::Partner(partner.other()));
            assert_eq!(other.choice_for(partner), OtherPartner);
            assert_eq!(other.choice_for(partner.other()), Themselves, "the same driver is the other's self");
        }
        assert_eq!(OtherPartner.label("Alex"), "Alex (the other partner)");
    }

    #[test]
    fn choosing_another_adult_again_keeps_the_name_and_phone_typed() {
        let adult = Driver::other_adult("Jordan Reyes", "555 0100");
        assert_eq!(adult.chosen(Partner::A, OtherAdult), adult);
        assert_eq!(Driver::Partner(Partner::B).chosen(Partner::A, OtherAdult), Driver::other_adult("", ""));
        assert_eq!(adult.chosen(Partner::A, NotArranged), Driver::NotArranged);
    }
}
