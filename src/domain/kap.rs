//! KAP (ketamine-assisted psychotherapy) settings of a plan and the readiness
//! record each dosing partner needs before any medicine is given.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

use super::model::partner::{Partner, PartnerSet};
pub use super::ride_home::Driver;

/// Who takes the medicine during the intensive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum WhoDoses {
    Nobody,
    #[strum(serialize = "a")]
    PartnerA,
    #[strum(serialize = "b")]
    PartnerB,
    Both,
}

impl WhoDoses {
    pub fn partners(self) -> PartnerSet {
        match self {
            WhoDoses::Nobody => PartnerSet::NONE,
            WhoDoses::PartnerA => PartnerSet::only(Partner::A),
            WhoDoses::PartnerB => PartnerSet::only(Partner::B),
            WhoDoses::Both => PartnerSet::BOTH,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WhoDoses::Nobody => "Nobody (no KAP)",
            WhoDoses::PartnerA => Partner::A.stand_in(),
            WhoDoses::PartnerB => Partner::B.stand_in(),
            WhoDoses::Both => "Both partners",
        }
    }
}

/// Where the first dosing session sits in the intensive (README, *Where dosing goes*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Placement {
    Opening,
    Midway,
}

impl Placement {
    pub fn label(self) -> &'static str {
        match self {
            Placement::Opening => "Opening (day 1 morning)",
            Placement::Midway => "Midway",
        }
    }
}

/// When both partners dose: in one shared session, or one after the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
pub enum BothDosing {
    #[strum(serialize = "same")]
    SameSession,
    #[strum(serialize = "separate")]
    SeparateSessions,
}

impl BothDosing {
    pub fn label(self) -> &'static str {
        match self {
            BothDosing::SameSession => "In one shared session",
            BothDosing::SeparateSessions => "In separate sessions",
        }
    }
}

/// Answer to one contraindication question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, VariantArray, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum ScreenAnswer {
    #[default]
    NotAsked,
    No,
    Yes,
}

/// The four contraindications that block dosing unless the prescriber clears it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContraindicationScreen {
    pub blood_pressure_or_heart: ScreenAnswer,
    pub pregnancy_or_breastfeeding: ScreenAnswer,
    pub psychosis_or_mania_history: ScreenAnswer,
    pub recent_brain_injury: ScreenAnswer,
    /// The licensed prescriber has reviewed a positive answer and cleared dosing.
    pub prescriber_cleared: bool,
}

/// One question of the contraindication screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, VariantArray)]
pub enum Contraindication {
    BloodPressureOrHeart,
    PregnancyOrBreastfeeding,
    PsychosisOrMania,
    RecentBrainInjury,
}

impl Contraindication {
    /// As the question is asked on the readiness form.
    pub fn question(self) -> &'static str {
        match self {
            Contraindication::BloodPressureOrHeart => "Uncontrolled high blood pressure or heart problems",
            Contraindication::PregnancyOrBreastfeeding => "Pregnancy or breastfeeding",
            Contraindication::PsychosisOrMania => "History of psychosis or bipolar mania",
            Contraindication::RecentBrainInjury => "Recent traumatic brain injury",
        }
    }

    /// As a finding inside a sentence: "shows pregnancy or breastfeeding".
    pub fn finding(self) -> &'static str {
        match self {
            Contraindication::BloodPressureOrHeart => "uncontrolled high blood pressure or heart problems",
            Contraindication::PregnancyOrBreastfeeding => "pregnancy or breastfeeding",
            Contraindication::PsychosisOrMania => "a history of psychosis or bipolar mania",
            Contraindication::RecentBrainInjury => "a recent traumatic brain injury",
        }
    }
}

impl ContraindicationScreen {
    pub fn answer(&self, item: Contraindication) -> ScreenAnswer {
        match item {
            Contraindication::BloodPressureOrHeart => self.blood_pressure_or_heart,
            Contraindication::PregnancyOrBreastfeeding => self.pregnancy_or_breastfeeding,
            Contraindication::PsychosisOrMania => self.psychosis_or_mania_history,
            Contraindication::RecentBrainInjury => self.recent_brain_injury,
        }
    }

    pub fn set(&mut self, item: Contraindication, answer: ScreenAnswer) {
        let slot = match item {
            Contraindication::BloodPressureOrHeart => &mut self.blood_pressure_or_heart,
            Contraindication::PregnancyOrBreastfeeding => &mut self.pregnancy_or_breastfeeding,
            Contraindication::PsychosisOrMania => &mut self.psychosis_or_mania_history,
            Contraindication::RecentBrainInjury => &mut self.recent_brain_injury,
        };
        *slot = answer;
    }

    /// Each question with its finding's wording and the answer given.
    pub fn items(&self) -> Vec<(&'static str, ScreenAnswer)> {
        Contraindication::VARIANTS.iter().map(|&item| (item.finding(), self.answer(item))).collect()
    }
    pub fn all_no() -> ContraindicationScreen {
        ContraindicationScreen {
            blood_pressure_or_heart: ScreenAnswer::No,
            pregnancy_or_breastfeeding: ScreenAnswer::No,
            psychosis_or_mania_history: ScreenAnswer::No,
            recent_brain_injury: ScreenAnswer::No,
            prescriber_cleared: false,
        }
    }
}

/// What must be in place before one partner may dose.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    pub medical_intake_done: bool,
    pub prescription_confirmed: bool,
    pub consent_signed: bool,
    pub screen: ContraindicationScreen,
    /// Who drives this partner home after dosing.
    pub ride_home: Driver,
}

impl Readiness {
    /// A fully completed record with a clear screen, as after a good intake.
    pub fn complete(driver: Driver) -> Readiness {
        Readiness {
            medical_intake_done: true,
            prescription_confirmed: true,
            consent_signed: true,
            screen: ContraindicationScreen::all_no(),
            ride_home: driver,
        }
    }
}

/// One item of a readiness record, as the readiness form names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadinessItem {
    MedicalIntake,
    Prescription,
    Consent,
    Screen(Contraindication),
    PrescriberCleared,
    RideHome,
}

/// The value of one readiness item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadinessValue {
    Done(bool),
    Answer(ScreenAnswer),
    Driver(Driver),
}

impl ReadinessItem {
    pub const ALL: [ReadinessItem; 9] = [
        ReadinessItem::MedicalIntake,
        ReadinessItem::Prescription,
        ReadinessItem::Consent,
        ReadinessItem::Screen(Contraindication::BloodPressureOrHeart),
        ReadinessItem::Screen(Contraindication::PregnancyOrBreastfeeding),
        ReadinessItem::Screen(Contraindication::PsychosisOrMania),
        ReadinessItem::Screen(Contraindication::RecentBrainInjury),
        ReadinessItem::PrescriberCleared,
        ReadinessItem::RideHome,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReadinessItem::MedicalIntake => "Medical intake with the prescriber done",
            ReadinessItem::Prescription => "Prescription confirmed",
            ReadinessItem::Consent => "Informed consent signed",
            ReadinessItem::Screen(item) => item.question(),
            ReadinessItem::PrescriberCleared => "Prescriber has cleared a positive answer",
            ReadinessItem::RideHome => "Ride home: who drives",
        }
    }
}

impl ScreenAnswer {
    pub fn label(self) -> &'static str {
        match self {
            ScreenAnswer::NotAsked => "Not asked yet",
            ScreenAnswer::No => "No",
            ScreenAnswer::Yes => "Yes",
        }
    }
}

impl Readiness {
    pub fn value(&self, item: ReadinessItem) -> ReadinessValue {
        match item {
            ReadinessItem::MedicalIntake => ReadinessValue::Done(self.medical_intake_done),
            ReadinessItem::Prescription => ReadinessValue::Done(self.prescription_confirmed),
            ReadinessItem::Consent => ReadinessValue::Done(self.consent_signed),
            ReadinessItem::Screen(question) => ReadinessValue::Answer(self.screen.answer(question)),
            ReadinessItem::PrescriberCleared => ReadinessValue::Done(self.screen.prescriber_cleared),
            ReadinessItem::RideHome => ReadinessValue::Driver(self.ride_home.clone()),
        }
    }

    /// The record with `item` set to `value`; a value of the wrong kind for the item
    /// changes nothing.
    pub fn with(&self, item: ReadinessItem, value: ReadinessValue) -> Readiness {
        let mut next = self.clone();
        match (item, value) {
            (ReadinessItem::MedicalIntake, ReadinessValue::Done(done)) => next.medical_intake_done = done,
            (ReadinessItem::Prescription, ReadinessValue::Done(done)) => next.prescription_confirmed = done,
            (ReadinessItem::Consent, ReadinessValue::Done(done)) => next.consent_signed = done,
            (ReadinessItem::Screen(question), ReadinessValue::Answer(answer)) => next.screen.set(question, answer),
            (ReadinessItem::PrescriberCleared, ReadinessValue::Done(done)) => next.screen.prescriber_cleared = done,
            (ReadinessItem::RideHome, ReadinessValue::Driver(driver)) => next.ride_home = driver,
            _ => {}
        }
        next
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KapSettings {
    pub who_doses: WhoDoses,
    pub placement: Placement,
    pub both_dosing: BothDosing,
    /// Dosing sessions per dosing partner in this intensive (1 or 2).
    pub sessions_per_partner: u8,
    pub readiness_a: Readiness,
    pub readiness_b: Readiness,
}

impl Default for KapSettings {
    fn default() -> Self {
        KapSettings {
            who_doses: WhoDoses::Nobody,
            placement: Placement::Opening,
            both_dosing: BothDosing::SameSession,
            sessions_per_partner: 1,
            readiness_a: Readiness::default(),
            readiness_b: Readiness::default(),
        }
    }
}

impl KapSettings {
    pub fn readiness(&self, p: Partner) -> &Readiness {
        match p {
            Partner::A => &self.readiness_a,
            Partner::B => &self.readiness_b,
        }
    }
    pub fn readiness_mut(&mut self, p: Partner) -> &mut Readiness {
        match p {
            Partner::A => &mut self.readiness_a,
            Partner::B => &mut self.readiness_b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_readiness_item_reads_and_sets_its_own_part_of_the_record() {
        let empty = Readiness::default();
        for item in ReadinessItem::ALL {
            let value = match empty.value(item) {
                ReadinessValue::Done(done) => ReadinessValue::Done(!done),
                ReadinessValue::Answer(_) => ReadinessValue::Answer(ScreenAnswer::Yes),
                ReadinessValue::Driver(_) => ReadinessValue::Driver(Driver::other_adult("Jordan", "555 0100")),
            };
            let changed = empty.with(item, value.clone());
            assert_eq!(changed.value(item), value, "{item:?}");
            // Every other item is as it was.
            for other in ReadinessItem::ALL.into_iter().filter(|o| *o != item) {
                assert_eq!(changed.value(other), empty.value(other), "{item:?} changed {other:?}");
            }
            // A value of the wrong kind for the item changes nothing.
            assert_eq!(
                empty.with(item, ReadinessValue::Driver(Driver::Partner(Partner::A))).value(item) == empty.value(item),
                item != ReadinessItem::RideHome,
                "{item:?}"
            );
        }
    }
}
