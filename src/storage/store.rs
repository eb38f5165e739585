//! Plans in a key-value store: each plan under its own key, plus an index that keeps
//! their order. The store is a trait so the logic runs natively over memory in tests
//! and over localStorage in the browser (`local.rs`, the only code that touches it).
//!
//! A save is a read-check-write: the record is read, compared with the version this
//! tab's change started from, and written one revision higher, merged first if another
//! tab wrote in between. In the browser the whole of it runs under one cross-tab lock
//! (`lock.rs`), so two tabs never both write the same revision.

use std::collections::BTreeMap;

pub use super::error::StoreError;
use super::format::{decode, encode, stored_revision, FormatError};
use super::keys::{aside_key, clashes_key, index_key, plan_key, shared_key};
pub use super::unreadable::Unreadable;
use crate::domain::clash::Clash;
use crate::domain::dates::DateStyle;
use crate::domain::merge::merge;
use crate::domain::model::Plan;
use crate::domain::validate::validate;

/// Strings under keys. `copy` moves a value as the store holds it: localStorage holds
/// UTF-16 that a Rust string cannot always carry (a lone surrogate), and a copy set
/// aside must be the record exactly.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError>;
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub plans: Vec<Plan>,
    pub unreadable: Vec<Unreadable>,
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// The plan as written, with its new revision.
    Written(Plan),
    /// Another tab had saved the plan since this one read it: both versions were
    /// merged and the result written. `clashes` are fields both changed.
    Merged { plan: Plan, clashes: Vec<Clash> },
}

impl Saved {
    pub fn plan(&self) -> &Plan {
        match self {
            Saved::Written(plan) | Saved::Merged { plan, .. } => plan,
        }
    }
}

pub struct PlanStore<S: KeyValue> {
    pub kv: S,
}

impl<S: KeyValue> PlanStore<S> {
    pub fn new(kv: S) -> Self {
        PlanStore { kv }
    }

    /// Every plan in the store, in index order; unreadable records (and an unreadable
    /// index) are set aside, never deleted, and reported.
    pub fn load_all(&mut self) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let plan_prefix = plan_key("");
        let mut keys: Vec<String> = self.kv.keys()?.into_iter().filter(|k| k.starts_with(&plan_prefix)).collect();
        let order = match self.index() {
            Ok(order) => order,
            Err(reason) => {
                let key = index_key();
                let raw = self.kv.get(&key)?.unwrap_or_default();
                let aside = self.set_aside(&key, &raw);
                loaded.unreadable.push(Unreadable { key, aside, raw, reason });
                Vec::new()
            }
        };
        let place = |key: &String| order.iter().position(|id| plan_key(id) == *key).unwrap_or(usize::MAX);
        keys.sort_by(|a, b| place(a).cmp(&place(b)).then_with(|| a.cmp(b)));
        for key in keys {
            let Some(raw) = self.kv.get(&key)? else { continue };
            let reason = match decode(&raw) {
                Ok(plan) if plan_key(&plan.id) == key => {
                    loaded.plans.push(plan);
                    continue;
                }
                Ok(_) => FormatError::Shape("its id does not match where it is stored".into()),
                Err(reason) => reason,
            };
            let aside = self.set_aside(&key, &raw);
            loaded.unreadable.push(Unreadable { key, aside, raw, reason });
        }
        Ok(loaded)
    }

    /// Copies an unreadable record aside, exactly as stored, unless the same text is
    /// already there; returns where the copy is. Best effort: a full store may refuse,
    /// and the record itself stays where it is whatever happens.
    pub(super) fn set_aside(&mut self, key: &str, raw: &str) -> String {
        let mut copy = 0;
        loop {
            copy += 1;
            let aside = aside_key(key, copy);
            match self.kv.get(&aside) {
                Ok(Some(held)) if held != raw => continue,
                Ok(Some(_)) => return aside,
                _ => {
                    let _ = self.kv.copy(key, &aside);
                    return aside;
                }
            }
        }
    }

    /// The ids in their order; an index that cannot be read says why.
    fn index(&self) -> Result<Vec<String>, FormatError> {
        let Some(text) = self.kv.get(&index_key()).ok().flatten() else { return Ok(Vec::new()) };
        // Read as any stored type is; a list of the wrong shape is told as unreadable JSON.
        super::format::read(&text, false).map_err(|e| match e {
            FormatError::Shape(detail) => FormatError::NotJson(detail),
            other => other,
        })
    }

    /// Saves `mine`, this tab's version of a plan, changed from `base`: the version
    /// this tab last read from or wrote to the store (`None` for a plan new to it).
    /// Another tab's newer save is merged with it, never overwritten; an unreadable
    /// record in the way is never overwritten either.
    pub fn save(&mut self, base: Option<&Plan>, mine: &Plan, style: DateStyle) -> Result<Saved, StoreError> {
        self.save_over(base, None, mine, style).map(|(saved, _)| saved)
    }

    /// `save`, given the text `base` was written as when this tab wrote it, so the
    /// record need not be compared with `base` encoded again; returns the text written.
    pub(super) fn save_over(
        &mut self,
        base: Option<&Plan>,
        base_text: Option<&str>,
        mine: &Plan,
        style: DateStyle,
    ) -> Result<(Saved, String), StoreError> {
        let problems = validate(mine);
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let key = plan_key(&mine.id);
        let Some(raw) = self.kv.get(&key)? else {
            let revision = base.map_or(mine.revision, |b| b.revision.max(mine.revision));
            return self.write(mine, revision).map(|(plan, text)| (Saved::Written(plan), text));
        };
        // The common case: the record is exactly the version this change started from.
        let unchanged = |base: &Plan| base_text.map_or_else(|| raw == encode(base), |text| raw == text);
        if let Some(base) = base.filter(|base| unchanged(base)) {
            return self.write(mine, base.revision).map(|(plan, text)| (Saved::Written(plan), text));
        }
        let theirs = match decode(&raw) {
            Ok(theirs) if theirs.id == mine.id => theirs,
            _ => return Err(StoreError::UnreadableInTheWay),
        };
        let Some(base) = base else { return Err(StoreError::AlreadyStored) };
        let merged = merge(base, mine, &theirs, style);
        let problems = validate(&merged.plan);
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let (plan, text) = self.write(&merged.plan, theirs.revision.max(base.revision))?;
        Ok((Saved::Merged { plan, clashes: merged.clashes }, text))
    }

    /// Writes `plan` in place of whatever is stored under its id, as the person chose
    /// (an import's "Replace it"). An unreadable record there is set aside first.
    pub fn replace(&mut self, plan: &Plan) -> Result<Plan, StoreError> {
        self.replace_text(plan).map(|(plan, _)| plan)
    }

    /// `replace`, returning the text written too.
    pub(super) fn replace_text(&mut self, plan: &Plan) -> Result<(Plan, String), StoreError> {
        let problems = validate(plan);
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let key = plan_key(&plan.id);
        let mut revision = plan.revision;
        if let Some(raw) = self.kv.get(&key)? {
            match decode(&raw).ok().and(stored_revision(&raw)) {
                Some(stored) => revision = revision.max(stored),
                None => {
                    let aside = self.set_aside(&key, &raw);
                    if self.kv.get(&aside)?.as_deref() != Some(raw.as_str()) {
                        return Err(StoreError::UnreadableInTheWay);
                    }
                }
            }
        }
        self.write(plan, revision)
    }

    /// Writes `plan` as the revision after `after` and puts it in the index; returns
    /// it as written, and the text.
    fn write(&mut self, plan: &Plan, after: u64) -> Result<(Plan, String), StoreError> {
        let saved = Plan { revision: after + 1, ..plan.clone() };
        let (key, text) = (plan_key(&saved.id), encode(&saved));
        match self.kv.set(&key, &text) {
            // The versions last sent or received only help merging: a plan comes first.
            Err(StoreError::Full) if self.drop_shared_versions() => self.kv.set(&key, &text)?,
            done => done?,
        }
        let index = self.index();
        if !index.as_ref().is_ok_and(|ids| ids.contains(&saved.id)) {
            let mut ids = index.unwrap_or_default();
            ids.push(saved.id.clone());
            self.write_index(&ids)?;
        }
        Ok((saved, text))
    }

    /// Whether the store holds no plan and no index: never used, or emptied (the site's
    /// data cleared). A store whose plans were all deleted keeps its empty index.
    pub fn holds_nothing(&self) -> bool {
        let prefix = plan_key("");
        self.kv.get(&index_key()).is_ok_and(|index| index.is_none())
            && self.kv.keys().is_ok_and(|keys| !keys.iter().any(|k| k.starts_with(&prefix)))
    }

    /// The version of a plan last sent or received, if one is recorded and readable: only
    /// a help to merging, so a record that cannot be read counts as none.
    pub fn shared(&self, id: &str) -> Option<Plan> {
        let raw = self.kv.get(&shared_key(id)).ok().flatten()?;
        decode(&raw).ok().filter(|plan| plan.id == id)
    }

    /// Records the version of a plan just sent or received. Best effort: without it an
    /// arriving copy is still never swapped in, the person is asked instead.
    pub fn record_shared(&mut self, plan: &Plan) {
        let _ = self.kv.set(&shared_key(&plan.id), &encode(plan));
    }

    /// Removes every recorded version last sent or received; true if there was any.
    fn drop_shared_versions(&mut self) -> bool {
        let prefix = shared_key("");
        let keys: Vec<String> =
            self.kv.keys().unwrap_or_default().into_iter().filter(|k| k.starts_with(&prefix)).collect();
        for key in &keys {
            let _ = self.kv.remove(key);
        }
        !keys.is_empty()
    }

    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&plan_key(id))?;
        let _ = self.kv.remove(&shared_key(id));
        let _ = self.kv.remove(&clashes_key(id));
        if let Ok(ids) = self.index() {
            self.write_index(&ids.into_iter().filter(|i| i != id).collect::<Vec<_>>())?;
        }
        Ok(())
    }

    /// Writes the index, setting an unreadable one aside first.
    fn write_index(&mut self, ids: &[String]) -> Result<(), StoreError> {
        let key = index_key();
        if self.index().is_err() {
            if let Some(raw) = self.kv.get(&key)? {
                self.set_aside(&key, &raw);
            }
        }
        let text = serde_json::to_string(ids).map_err(|e| StoreError::Invalid(vec![e.to_string()]))?;
        self.kv.set(&key, &text)
    }
}

/// An in-memory store: for tests, and the app's fallback when storage fails.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// Simulates a full store: every write fails once this many bytes are held.
    pub capacity: Option<usize>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(capacity) = self.capacity {
            let used: usize = self.entries.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if used + key.len() + value.len() > capacity {
                return Err(StoreError::Full);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        match self.entries.get(from).cloned() {
            Some(value) => self.set(to, &value),
            None => Ok(()),
        }
    }
}
