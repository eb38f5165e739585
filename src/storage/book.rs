//! The plans this tab holds, and how each stands with storage: the version last read
//! from or written to the store (what a change here started from), which have changes
//! not saved yet and why, and what a merge with another tab left for the person to
//! decide. Pure over any `KeyValue`: the UI keeps one in a signal and flushes it under
//! the cross-tab lock.

use std::collections::{BTreeMap, BTreeSet};

use super::store::{KeyValue, PlanStore, Saved, StoreError, Unreadable};
use crate::domain::clash::Clash;
use crate::domain::merge::merge;
use crate::domain::model::Plan;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanBook {
    /// As this tab shows them, in the store's order, then new ones.
    plans: Vec<Plan>,
    /// The version of each plan last read from or written to the store.
    stored: BTreeMap<String, Plan>,
    /// Plans whose version here is not in the store yet.
    unsaved: BTreeSet<String>,
    /// Unsaved plans the person chose to write over whatever is stored under their id.
    replacing: BTreeSet<String>,
    /// Why the last attempt to save a plan failed.
    failed: BTreeMap<String, StoreError>,
    /// Storage as a whole refused (blocked, or full when nothing was left to save).
    pub problem: Option<StoreError>,
    /// Per plan, the fields both this tab and another one changed.
    pub clashes: BTreeMap<String, Vec<Clash>>,
    pub unreadable: Vec<Unreadable>,
}

impl PlanBook {
    /// Everything the store holds; a store that cannot be read gives an empty book
    /// that says why.
    pub fn load<S: KeyValue>(store: &mut PlanStore<S>) -> PlanBook {
        let mut book = PlanBook::default();
        book.reload(store);
        book
    }

    pub fn plans(&self) -> &[Plan] {
        &self.plans
    }

    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    pub fn is_unsaved(&self, id: &str) -> bool {
        self.unsaved.contains(id)
    }

    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
    }

    /// Whether any plan is stored as this tab shows it.
    pub fn has_saved(&self) -> bool {
        self.plans.iter().any(|p| !self.unsaved.contains(&p.id))
    }

    /// The plans that are not saved, with why the last try failed.
    pub fn not_saved(&self) -> Vec<(&Plan, Option<&StoreError>)> {
        self.plans.iter().filter(|p| self.unsaved.contains(&p.id)).map(|p| (p, self.failed.get(&p.id))).collect()
    }

    /// Why saving does not work now, if it does not.
    pub fn saving_problem(&self) -> Option<&StoreError> {
        self.failed.values().next().or(self.problem.as_ref())
    }

    /// Whether an unreadable record is stored under this plan id.
    pub fn unreadable_under(&self, id: &str) -> bool {
        self.unreadable.iter().any(|u| u.plan_id() == Some(id))
    }

    /// A plan changed or made here: shown at once, written at the next flush.
    pub fn put(&mut self, plan: Plan) {
        self.unsaved.insert(plan.id.clone());
        match self.plans.iter_mut().find(|p| p.id == plan.id) {
            Some(slot) => *slot = plan,
            None => self.plans.push(plan),
        }
    }

    /// A plan to be written over whatever is stored under its id, readable or not, as
    /// the person chose.
    pub fn put_replacing(&mut self, plan: Plan) {
        self.replacing.insert(plan.id.clone());
        self.put(plan);
    }

    /// Writes every unsaved plan. A plan another tab saved meanwhile is merged with it;
    /// one that cannot be written stays here, unsaved, with the reason.
    pub fn flush<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        for id in self.unsaved.clone() {
            let Some(plan) = self.plan(&id).cloned() else {
                self.unsaved.remove(&id);
                continue;
            };
            let result = if self.replacing.contains(&id) {
                store.replace(&plan).map(Saved::Written)
            } else {
                store.save(self.stored.get(&id), &plan)
            };
            match result {
                Ok(saved) => {
                    let written = saved.plan().clone();
                    if let Saved::Merged { clashes, .. } = saved {
                        self.clashes.entry(id.clone()).or_default().extend(clashes);
                    }
                    self.unsaved.remove(&id);
                    self.replacing.remove(&id);
                    self.failed.remove(&id);
                    self.stored.insert(id.clone(), written.clone());
                    self.put_shown(written);
                }
                Err(reason) => {
                    self.failed.insert(id, reason);
                }
            }
        }
        if self.failed.is_empty() {
            self.problem = None;
        }
    }

    /// Reads the store again (another tab wrote). A plan without changes here takes
    /// the stored version; one with unsaved changes keeps them, merged with the other
    /// tab's version, and is saved at the next flush.
    pub fn reload<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        let loaded = match store.load_all() {
            Ok(loaded) => loaded,
            Err(problem) => {
                self.problem = Some(problem);
                return;
            }
        };
        let mut plans = Vec::with_capacity(loaded.plans.len());
        for theirs in loaded.plans {
            let id = theirs.id.clone();
            if !self.unsaved.contains(&id) {
                self.stored.insert(id, theirs.clone());
                plans.push(theirs);
                continue;
            }
            let mine = self.plan(&id).cloned().unwrap_or_else(|| theirs.clone());
            let shown = match self.stored.get(&id) {
                // New here, and stored by another tab meanwhile: no common version to
                // merge from, so the next save asks instead (`StoreError::AlreadyStored`).
                None => {
                    plans.push(mine);
                    continue;
                }
                Some(base) if base.revision != theirs.revision => {
                    let merged = merge(base, &mine, &theirs);
                    self.clashes.entry(id.clone()).or_default().extend(merged.clashes);
                    merged.plan
                }
                Some(_) => mine,
            };
            self.stored.insert(id, theirs);
            plans.push(shown);
        }
        // Plans not in the store keep their place only if this tab has changes to them
        // (made while storage failed): the next flush writes them.
        let kept: Vec<Plan> = self
            .plans
            .iter()
            .filter(|p| self.unsaved.contains(&p.id) && !plans.iter().any(|q| q.id == p.id))
            .cloned()
            .collect();
        plans.extend(kept);
        self.stored.retain(|id, _| plans.iter().any(|p| &p.id == id));
        self.clashes.retain(|id, _| plans.iter().any(|p| &p.id == id));
        self.plans = plans;
        self.unreadable = loaded.unreadable;
    }

    /// Deletes a plan from the store and from this tab; returns it, for undo.
    pub fn remove<S: KeyValue>(&mut self, id: &str, store: &mut PlanStore<S>) -> Option<Plan> {
        if let Err(problem) = store.delete(id) {
            self.problem = Some(problem);
        }
        let position = self.plans.iter().position(|p| p.id == id)?;
        self.unsaved.remove(id);
        self.replacing.remove(id);
        self.failed.remove(id);
        self.stored.remove(id);
        self.clashes.remove(id);
        Some(self.plans.remove(position))
    }

    /// Takes a plan back out of this tab without touching the store (an arriving plan
    /// that turned out to be stored already, and waits for the person's choice).
    pub fn withdraw(&mut self, id: &str) -> Option<Plan> {
        if self.stored.contains_key(id) {
            return None;
        }
        self.unsaved.remove(id);
        self.replacing.remove(id);
        self.failed.remove(id);
        let position = self.plans.iter().position(|p| p.id == id)?;
        Some(self.plans.remove(position))
    }

    /// The reason the last save of this plan failed.
    pub fn failure(&self, id: &str) -> Option<&StoreError> {
        self.failed.get(id)
    }

    /// Removes a clash of a plan once the person has chosen; false if it is gone already.
    pub fn settle_clash(&mut self, id: &str, clash: &Clash) -> bool {
        let Some(list) = self.clashes.get_mut(id) else { return false };
        let Some(index) = list.iter().position(|c| c == clash) else { return false };
        list.remove(index);
        if list.is_empty() {
            self.clashes.remove(id);
        }
        true
    }

    fn put_shown(&mut self, plan: Plan) {
        match self.plans.iter_mut().find(|p| p.id == plan.id) {
            Some(slot) => *slot = plan,
            None => self.plans.push(plan),
        }
    }
}
