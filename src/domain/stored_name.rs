//! Enums without data are stored as their variant's name (`"KapDosing"`), and read back
//! through one shared routine.
//!
//! serde's derive compiles a visitor of its own for each enum, about 1 KB of wasm apiece;
//! `stored_by_name!` writes the same text and reads it through `read_variant`
//! (BENCHMARKS.md, "Size, third round").

use std::fmt;

use serde::de::{Deserializer, Error, Visitor};

/// Declares a data-less enum as written, stored as its variant's name. The variant
/// names are the stored format: renaming one needs a migration in `storage::format`.
macro_rules! stored_by_name {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident),+ $(,)? }
    ) => {
        $(#[$meta])*
        $vis enum $name { $($(#[$variant_meta])* $variant),+ }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(match self { $($name::$variant => stringify!($variant)),+ })
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$(stringify!($variant)),+];
                const VARIANTS: &[$name] = &[$($name::$variant),+];
                $crate::domain::stored_name::read_variant(deserializer, NAMES).map(|index| VARIANTS[index])
            }
        }
    };
}
pub(crate) use stored_by_name;

/// Reads a variant name and returns its place in `names`; any other text is an error
/// that lists the names allowed.
pub fn read_variant<'de, D: Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    deserializer.deserialize_str(VariantName(names))
}

struct VariantName(&'static [&'static str]);

impl<'de> Visitor<'de> for VariantName {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("one of ")?;
        for (i, name) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<usize, E> {
        self.0.iter().position(|name| *name == text).ok_or_else(|| E::unknown_variant(text, self.0))
    }
}

#[cfg(test)]
mod tests {
    stored_by_name! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Shade {
            Light,
            /// A doc comment on a variant is kept.
            Dark,
        }
    }

    #[test]
    fn variants_are_stored_by_name() {
        assert_eq!(serde_json::to_string(&[Shade::Light, Shade::Dark]).ok().as_deref(), Some(r#"["Light","Dark"]"#));
        assert_eq!(
            serde_json::from_str::<Vec<Shade>>(r#"["Dark","Light"]"#).ok(),
            Some(vec![Shade::Dark, Shade::Light])
        );
    }

    /// The stored format of every real enum: each variant is written as its own name and
    /// read back as itself (the frozen v1 files hold only some of the variants).
    #[test]
    fn every_stored_variant_is_written_as_its_name() {
        use crate::domain::edit::BlockText;
        use crate::domain::kap::{BothDosing, Placement, ScreenAnswer, WhoDoses};
        use crate::domain::model::{BlockKind, IntensiveKind, Modality, Partner, PlanStatus};
        use crate::domain::rules::{RuleId, Severity};

        fn each<T>(variants: &[T])
        where
            T: serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug + PartialEq,
        {
            for variant in variants {
                let text = serde_json::to_string(variant).ok();
                assert_eq!(text, Some(format!("\"{variant:?}\"")));
                assert_eq!(text.and_then(|t| serde_json::from_str::<T>(&t).ok()).as_ref(), Some(variant));
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

    #[test]
    fn other_text_names_what_is_allowed() {
        let unknown = serde_json::from_str::<Shade>(r#""Dim""#).map(|_| ()).unwrap_err().to_string();
        assert!(unknown.starts_with("unknown variant `Dim`, expected `Light` or `Dark`"), "{unknown}");
        let number = serde_json::from_str::<Shade>("3").map(|_| ()).unwrap_err().to_string();
        assert!(number.starts_with("invalid type: integer `3`, expected one of `Light`, `Dark`"), "{number}");
    }
}
