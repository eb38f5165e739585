//! Every closed list a person picks from, mapped once: its choices in the order a list
//! shows them and the value a form field gives each. The words are each type's own
//! (`label`, or a function of the partners' names where they appear in it).

use strum::VariantArray;

use super::dates::DateStyle;
use super::kap::{BothDosing, Placement, ScreenAnswer, WhoDoses};
use super::model::{BlockKind, FollowUpDose, IntensiveKind, Modality, Participants, Partner, PartnerSet, PlanStatus};
use super::ride_home::RideHomeChoice;
use super::template::FollowUpSpacing;

pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every choice, in the order a list shows them.
    const ALL: &'static [Self];

    /// The value a form's field gives this choice.
    fn value(self) -> &'static str;

    /// The choice a field's value names; `None` for a value no list gives.
    fn from_value(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|choice| choice.value() == value)
    }
}

/// A list of every variant of a plain enum, its values derived beside the variants
/// (`strum`'s `VariantArray` and `IntoStaticStr`).
macro_rules! variant_lists {
    ($($list:ty),*) => {$(
        impl Choice for $list {
            const ALL: &'static [Self] = <$list as VariantArray>::VARIANTS;
            fn value(self) -> &'static str {
                self.into()
            }
        }
    )*};
}

variant_lists!(
    IntensiveKind,
    WhoDoses,
    Placement,
    BothDosing,
    FollowUpSpacing,
    PlanStatus,
    ScreenAnswer,
    BlockKind,
    RideHomeChoice
);

impl Choice for Participants {
    const ALL: &'static [Self] = &Participants::ALL;
    fn value(self) -> &'static str {
        match self {
            Participants::BothWithTherapist => "both-t",
            Participants::OneWithTherapist(Partner::A) => "a-t",
            Participants::OneWithTherapist(Partner::B) => "b-t",
            Participants::CoupleOnTheirOwn => "couple",
            Participants::OneOnTheirOwn(Partner::A) => "a",
            Participants::OneOnTheirOwn(Partner::B) => "b",
        }
    }
}

/// Whose medicine a KAP block is for; `None` is everyone taking part.
impl Choice for Option<PartnerSet> {
    const ALL: &'static [Self] = &[
        None,
        Some(PartnerSet { a: true, b: false }),
        Some(PartnerSet { a: false, b: true }),
        Some(PartnerSet { a: true, b: true }),
    ];
    fn value(self) -> &'static str {
        match self.map(|set| (set.a, set.b)) {
            None => "all",
            Some((true, false)) => "a",
            Some((false, true)) => "b",
            Some(_) => "both",
        }
    }
}

impl Choice for FollowUpDose {
    const ALL: &'static [Self] = &[
        FollowUpDose(None),
        FollowUpDose(Some(PartnerSet { a: true, b: false })),
        FollowUpDose(Some(PartnerSet { a: false, b: true })),
        FollowUpDose(Some(PartnerSet { a: true, b: true })),
    ];
    fn value(self) -> &'static str {
        self.0.map_or("none", |set| Some(set).value())
    }
}

/// A joint session's approach; `None` is not set.
impl Choice for Option<Modality> {
    const ALL: &'static [Self] = &[
        None,
        Some(Modality::Gottman),
        Some(Modality::Eft),
        Some(Modality::Ifs),
        Some(Modality::Brainspotting),
        Some(Modality::Emdr),
        Some(Modality::Other),
    ];
    fn value(self) -> &'static str {
        self.map_or("", Into::into)
    }
}

/// The settings' date style: `None` follows the browser's language.
impl Choice for Option<DateStyle> {
    const ALL: &'static [Self] = &[None, Some(DateStyle::MonthFirst12Hour), Some(DateStyle::DayFirst24Hour)];
    fn value(self) -> &'static str {
        match self {
            None => "browser",
            Some(DateStyle::MonthFirst12Hour) => "month-first-12-hour",
            Some(DateStyle::DayFirst24Hour) => "day-first-24-hour",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn each_value_names_its_choice<T: Choice + std::fmt::Debug>() {
        let mut seen = std::collections::BTreeSet::new();
        for choice in T::ALL {
            assert!(seen.insert(choice.value()), "{choice:?}: its value is another's too");
            assert_eq!(T::from_value(choice.value()), Some(*choice));
        }
        assert_eq!(T::from_value("not a value"), None);
    }

    #[test]
    fn every_list_reads_back_the_value_it_gives() {
        each_value_names_its_choice::<IntensiveKind>();
        each_value_names_its_choice::<WhoDoses>();
        each_value_names_its_choice::<Placement>();
        each_value_names_its_choice::<BothDosing>();
        each_value_names_its_choice::<PlanStatus>();
        each_value_names_its_choice::<ScreenAnswer>();
        each_value_names_its_choice::<Participants>();
        each_value_names_its_choice::<Option<PartnerSet>>();
        each_value_names_its_choice::<BlockKind>();
        each_value_names_its_choice::<Option<Modality>>();
        each_value_names_its_choice::<FollowUpDose>();
        assert_eq!(<Option<Modality>>::ALL.len(), Modality::VARIANTS.len() + 1);
    }

    #[test]
    fn derived_values_are_the_ones_forms_and_links_always_gave() {
        fn values<T: Choice>() -> String {
            T::ALL.iter().map(|choice| choice.value()).collect::<Vec<_>>().join(" ")
        }
        assert_eq!(values::<IntensiveKind>(), "couples affair");
        assert_eq!(values::<WhoDoses>(), "nobody a b both");
        assert_eq!(values::<Placement>(), "opening midway");
        assert_eq!(values::<BothDosing>(), "same separate");
        assert_eq!(values::<FollowUpSpacing>(), "week-then-monthly weekly two-weeks monthly");
        assert_eq!(values::<PlanStatus>(), "draft shared confirmed");
        assert_eq!(values::<ScreenAnswer>(), "not-asked no yes");
        assert_eq!(values::<Option<Modality>>(), " gottman eft ifs brainspotting emdr other");
        assert_eq!(values::<FollowUpDose>(), "none a b both");
        assert_eq!(values::<RideHomeChoice>(), "none partner self adult");
        let kinds = "couplescheckin assessment jointsession individualsession feedback psychoeducation \
                     kappreparation kapdosing integration break lunch reflection followup custom";
        assert_eq!(values::<BlockKind>(), kinds);
    }
}
