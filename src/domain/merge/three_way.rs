//! The one rule of a three-way merge, for plans and settings alike: which side changed
//! a field from the version both started from.

/// Sides that made the same change count as neither: there is nothing to choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Changed {
    Neither,
    Mine,
    Theirs,
    Both,
}

pub(super) fn changed<T: PartialEq>(base: &T, mine: &T, theirs: &T) -> Changed {
    match (mine == theirs, mine == base, theirs == base) {
        (true, _, _) => Changed::Neither,
        (_, true, _) => Changed::Theirs,
        (_, _, true) => Changed::Mine,
        _ => Changed::Both,
    }
}

/// The side that changed, or the other (saved) side when both did; for fields no editor
/// changes, so both changing them cannot be a choice worth asking about.
pub(super) fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> T {
    match changed(base, mine, theirs) {
        Changed::Mine => mine.clone(),
        _ => theirs.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_is_told_apart_and_one_change_made_by_both_is_neither() {
        assert_eq!(changed(&1, &1, &1), Changed::Neither);
        assert_eq!(changed(&1, &2, &2), Changed::Neither);
        assert_eq!(changed(&1, &2, &1), Changed::Mine);
        assert_eq!(changed(&1, &1, &3), Changed::Theirs);
        assert_eq!(changed(&1, &2, &3), Changed::Both);
        assert_eq!((pick(&1, &2, &1), pick(&1, &2, &3), pick(&1, &1, &3)), (2, 3, 3));
    }
}
