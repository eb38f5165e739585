//! The people of an intensive: the two partners, the therapist, and who takes part
//! in a block.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Partner {
    A,
    B,
}

impl Partner {
    /// How a partner is called until named, and in a template's texts: "Partner A".
    pub fn stand_in(self) -> &'static str {
        match self {
            Partner::A => "Partner A",
            Partner::B => "Partner B",
        }
    }

    pub fn other(self) -> Partner {
        match self {
            Partner::A => Partner::B,
            Partner::B => Partner::A,
        }
    }
}

/// Which partners a thing concerns; a tiny set so rules can ask "does it include A?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartnerSet {
    pub a: bool,
    pub b: bool,
}

impl PartnerSet {
    pub const NONE: PartnerSet = PartnerSet { a: false, b: false };
    pub const BOTH: PartnerSet = PartnerSet { a: true, b: true };

    pub fn only(p: Partner) -> PartnerSet {
        match p {
            Partner::A => PartnerSet { a: true, b: false },
            Partner::B => PartnerSet { a: false, b: true },
        }
    }
    pub fn contains(self, p: Partner) -> bool {
        match p {
            Partner::A => self.a,
            Partner::B => self.b,
        }
    }
    pub fn union(self, other: PartnerSet) -> PartnerSet {
        PartnerSet { a: self.a || other.a, b: self.b || other.b }
    }
    pub fn intersection(self, other: PartnerSet) -> PartnerSet {
        PartnerSet { a: self.a && other.a, b: self.b && other.b }
    }
    pub fn is_empty(self) -> bool {
        !self.a && !self.b
    }
    pub fn iter(self) -> impl Iterator<Item = Partner> {
        [Partner::A, Partner::B].into_iter().filter(move |p| self.contains(*p))
    }
}

/// The partners' display names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partners {
    pub a: String,
    pub b: String,
}

impl Partners {
    /// The names given, trimmed; a partner left unnamed is called by their stand-in.
    pub fn named(a: &str, b: &str) -> Partners {
        let name = |given: &str, partner: Partner| match given.trim() {
            "" => partner.stand_in().to_string(),
            given => given.to_string(),
        };
        Partners { a: name(a, Partner::A), b: name(b, Partner::B) }
    }

    pub fn name(&self, p: Partner) -> &str {
        match p {
            Partner::A => &self.a,
            Partner::B => &self.b,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Therapist {
    pub name: String,
    pub contact: String,
}

/// Who takes part in a block; the therapist is a person too when it comes to overlaps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Participants {
    BothWithTherapist,
    OneWithTherapist(Partner),
    CoupleOnTheirOwn,
    OneOnTheirOwn(Partner),
}

impl Participants {
    pub const ALL: [Participants; 6] = [
        Participants::BothWithTherapist,
        Participants::OneWithTherapist(Partner::A),
        Participants::OneWithTherapist(Partner::B),
        Participants::CoupleOnTheirOwn,
        Participants::OneOnTheirOwn(Partner::A),
        Participants::OneOnTheirOwn(Partner::B),
    ];

    pub fn partners(self) -> PartnerSet {
        match self {
            Participants::BothWithTherapist | Participants::CoupleOnTheirOwn => PartnerSet::BOTH,
            Participants::OneWithTherapist(p) | Participants::OneOnTheirOwn(p) => PartnerSet::only(p),
        }
    }
    pub fn has_therapist(self) -> bool {
        matches!(self, Participants::BothWithTherapist | Participants::OneWithTherapist(_))
    }
}
