//! Enums without data are stored as their variant's name (`"KapDosing"`).
//! `stored_by_name!` gives each such enum its names in one table; `storage::codec`
//! writes and reads every one of them through that table.

/// A data-less enum whose stored form is its variant's name.
pub trait StoredName: Copy + 'static {
    /// Variant names in declaration order: the stored format.
    const NAMES: &'static [&'static str];
    /// The variants in the same order.
    const VARIANTS: &'static [Self];
    fn stored_name(self) -> &'static str;
}

/// Declares a data-less enum as written, stored as its variant's name. The variant
/// names are the stored format: renaming one needs a migration in `storage::format`.
macro_rules! stored_by_name {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident),+ $(,)? }
    ) => {
        $(#[$meta])*
        $vis enum $name { $($(#[$variant_meta])* $variant),+ }

        impl $crate::domain::stored_name::StoredName for $name {
            const NAMES: &'static [&'static str] = &[$(stringify!($variant)),+];
            const VARIANTS: &'static [$name] = &[$($name::$variant),+];
            fn stored_name(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }
        }
    };
}
pub(crate) use stored_by_name;

#[cfg(test)]
mod tests {
    use super::StoredName;

    stored_by_name! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Shade {
            Light,
            /// A doc comment on a variant is kept.
            Dark,
        }
    }

    #[test]
    fn names_follow_the_variants() {
        assert_eq!(Shade::NAMES, ["Light", "Dark"]);
        assert_eq!(Shade::VARIANTS, [Shade::Light, Shade::Dark]);
        assert_eq!(Shade::Dark.stored_name(), "Dark");
    }

    /// Every real enum: each variant's stored name is its own name, at its own place
    /// in the table (the frozen v1 files hold only some of the variants).
    #[test]
    fn every_stored_variant_is_named_as_declared() {
        use crate::domain::edit::BlockText;
        use crate::domain::kap::{BothDosing, Placement, ScreenAnswer, WhoDoses};
        use crate::domain::model::{BlockKind, IntensiveKind, Modality, Partner, PlanStatus};
        use crate::domain::rules::{RuleId, Severity};

        fn each<T: StoredName + std::fmt::Debug + PartialEq>(variants: &[T]) {
            assert_eq!(variants.len(), T::VARIANTS.len());
            for variant in variants {
                let name = variant.stored_name();
                assert_eq!(name, format!("{variant:?}"));
                let index = T::NAMES.iter().position(|n| *n == name);
                assert_eq!(index.map(|i| T::VARIANTS[i]).as_ref(), Some(variant));
            }
        }
        each(&BlockKind::ALL);
        each(&Modality::ALL);
        each(&RuleId::ALL);
        each(&PlanStatus::ALL);
        each(&IntensiveKind::ALL);
        each(&WhoDoses::ALL);
        each(&[Partner::A, Partner::B]);
        each(&[Placement::Opening, Placement::Midway]);
        each(&[BothDosing::SameSession, BothDosing::SeparateSessions]);
        each(&[ScreenAnswer::NotAsked, ScreenAnswer::No, ScreenAnswer::Yes]);
        each(&[Severity::Error, Severity::Warning]);
        each(&[BlockText::Title, BlockText::CoupleNotes, BlockText::PrivateNotes, BlockText::CoupleQuestion]);
    }
}
