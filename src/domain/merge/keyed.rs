//! A list of items kept by id (a plan's blocks, its follow-ups) brought together: the one
//! rule for what each side added, changed and deleted. An item on both sides is merged
//! field by field; one a side deleted and the other left alone goes; one a side deleted
//! and the other changed stays, and its deletion is offered; one a side added is kept,
//! under a new id when the other side added a different one under the same id. What a
//! side added past the most a plan holds is left out and offered back, never dropped.

use std::collections::BTreeMap;

use super::Merger;
use crate::domain::clash::{Clash, Side};
use crate::domain::dates::DateStyle;
use crate::domain::edit::Edit;
use crate::domain::model::Plan;

/// How one kind of item takes part in a merge.
pub(super) struct Items<T, K> {
    pub list: fn(&Plan) -> &[T],
    pub id: fn(&T) -> K,
    /// How messages name an item, in the version of the plan that holds it.
    pub describe: fn(&Plan, &T, DateStyle) -> String,
    /// The edit a deletion clash offers.
    pub delete: fn(K) -> Edit,
    /// The most a plan holds, and what they are in a sentence: "follow-up sessions".
    pub max: (usize, &'static str),
    /// The edit that puts back one left out past `max`.
    pub restore: fn(T) -> Edit,
    /// An item both sides changed, differently, merged from (base, mine, theirs)
    /// within `theirs`' plan.
    pub merge_one: fn(&mut Merger, &Plan, &T, &T, &T) -> T,
}

/// The merged list, in `theirs`' order and then what `mine` added; `renamed` gives an
/// item of `mine` a new id, told the list merged so far.
pub(super) fn merge_keyed<T: Clone + PartialEq, K: Ord + Copy>(
    m: &mut Merger,
    [base, mine, theirs]: [&Plan; 3],
    items: Items<T, K>,
    mut renamed: impl FnMut(&[T], &T) -> T,
) -> Vec<T> {
    let by_id = |plan| (items.list)(plan).iter().map(|item| ((items.id)(item), item)).collect::<BTreeMap<K, &T>>();
    let (base_all, mine_all, theirs_all) = (by_id(base), by_id(mine), by_id(theirs));
    let ([mine_side, theirs_side], style) = (m.sides, m.style);
    let deletion = |plan: &Plan, item: &T, changed: Side, deleted: Side| Clash {
        what: (items.describe)(plan, item, style),
        kept: format!("changed in {}", changed.words()),
        other: format!("deleted in {}", deleted.words()),
        other_side: deleted,
        alternative: (items.delete)((items.id)(item)),
    };
    let mut merged = Vec::with_capacity((items.list)(theirs).len());
    for t in (items.list)(theirs) {
        match (base_all.get(&(items.id)(t)), mine_all.get(&(items.id)(t))) {
            // Unchanged on a side (or changed alike on both): the other side's, whole.
            (Some(b), Some(mi)) if mi == b || *mi == t => merged.push(t.clone()),
            (Some(b), Some(mi)) if *b == t => {
                m.brought.push((items.describe)(theirs, t, style));
                merged.push((*mi).clone());
            }
            (Some(b), Some(mi)) => merged.push((items.merge_one)(m, theirs, b, mi, t)),
            (Some(b), None) if *b == t => m.brought.push(format!("{} removed", (items.describe)(base, b, style))),
            (Some(_), None) => {
                m.clashes.push(deletion(theirs, t, theirs_side, mine_side));
                merged.push(t.clone());
            }
            (None, _) => merged.push(t.clone()),
        }
    }
    for mi in (items.list)(mine) {
        match (base_all.get(&(items.id)(mi)), theirs_all.get(&(items.id)(mi))) {
            (None, theirs_under_its_id) if theirs_under_its_id.is_none_or(|t| *t != mi) => {
                m.brought.push(format!("{} added", (items.describe)(mine, mi, style)));
                let added = if theirs_under_its_id.is_some() { renamed(&merged, mi) } else { mi.clone() };
                merged.push(added);
            }
            (Some(b), None) if *b != mi => {
                m.clashes.push(deletion(mine, mi, mine_side, theirs_side));
                merged.push(mi.clone());
            }
            _ => {}
        }
    }
    let (max, many) = items.max;
    for item in merged.split_off(merged.len().min(max)) {
        let deleted = (items.delete)((items.id)(&item));
        m.clashes.retain(|clash| clash.alternative != deleted);
        m.clashes.push(Clash {
            what: (items.describe)(mine, &item, style),
            kept: format!("without it, as a plan holds at most {max} {many} (remove one to bring it back)"),
            other: "it".to_string(),
            other_side: mine_side,
            alternative: (items.restore)(item),
        });
    }
    merged
}
