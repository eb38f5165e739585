//! Every sort in the app goes through this file.
//!
//! Each `sort_by_key` call site compiles its own copy of the standard library's sort for
//! its element and key types; in the browser build those copies were 70 functions and a
//! twentieth of the code (BENCHMARKS.md). Here every caller shares one sort of
//! `(u64, usize)` pairs and only the cheap gathering step is generic. That sort is a
//! plain merge sort rather than the standard one: our longest list is a few hundred
//! blocks, and the standard sort's fast paths were 3 KB of code per element type.

/// Sorts `items` by a numeric key, keeping the existing order of equal keys (stable).
pub fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(key).zip(0..).collect();
    merge_sort_by(&mut keyed, |a, b| a.0 <= b.0);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.into_iter().filter_map(|(_, position)| slots[position].take()));
}

/// Sorts `items` stably, `in_order(a, b)` saying whether `a` may stay before `b`.
///
/// Bottom-up merge sort: runs of 1, 2, 4, … merged into a second buffer and back.
pub fn merge_sort_by<T: Clone>(items: &mut Vec<T>, in_order: impl Fn(&T, &T) -> bool) {
    let len = items.len();
    let mut merged = items.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // Taking from the left on a tie keeps equal items in their order.
                let from_left = right >= end || (left < middle && in_order(&items[left], &items[right]));
                let source = if from_left { &mut left } else { &mut right };
                slot.clone_from(&items[*source]);
                *source += 1;
            }
            start = end;
        }
        std::mem::swap(items, &mut merged);
        width *= 2;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))] // proptest is a native-only dev-dependency
mod tests {
    use super::{merge_sort_by, sort_by_number};
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

        #[test]
        fn merge_sort_matches_the_standard_stable_sort(values in proptest::collection::vec((0u8..8, any::<u16>()), 0..70)) {
            let mut ours = values.clone();
            merge_sort_by(&mut ours, |a, b| a.0 <= b.0);
            let mut standard = values;
            standard.sort_by_key(|v| v.0);
            prop_assert_eq!(ours, standard);
        }
    }
}
