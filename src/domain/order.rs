//! Every sort in the app goes through `sort_by_number`.
//!
//! Each `sort_by_key` call site compiles its own copy of the standard library's sort for
//! its element and key types; in the browser build those copies were 70 functions and a
//! twentieth of the code (BENCHMARKS.md). Here every caller shares one sort of
//! `(u64, usize)` pairs and only the cheap gathering step is generic.

/// Sorts `items` by a numeric key, keeping the existing order of equal keys (stable).
pub fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(key).zip(0..).collect();
    // The position breaks ties, which makes this unstable sort stable.
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, position)| slots[position].take()));
}

#[cfg(all(test, not(target_arch = "wasm32")))] // proptest is a native-only dev-dependency
mod tests {
    use super::sort_by_number;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(values in proptest::collection::vec((0u64..20, any::<u32>()), 0..200)) {
            let mut ours = values.clone();
            sort_by_number(&mut ours, |v| v.0);
            let mut standard = values;
            standard.sort_by_key(|v| v.0);
            prop_assert_eq!(ours, standard);
        }
    }
}
