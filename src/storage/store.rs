//! Plans in a key-value store: each plan under its own key, plus an index.
//! The store is a trait so the logic runs natively over memory in tests and over
//! localStorage in the browser (`local.rs`, the only code that touches it).

use std::collections::BTreeMap;

use super::codec::{to_json, FromJson};
use super::format::{decode, encode, format_of, FormatError, FORMAT_NAME};
use super::json::parse;
use crate::domain::model::Plan;

const PREFIX: &str = "intensive-planner";

pub fn plan_key(id: &str) -> String {
    format!("{PREFIX}/plan/{id}")
}
pub fn index_key() -> String {
    format!("{PREFIX}/index")
}
fn aside_key(key: &str) -> String {
    format!("{PREFIX}/aside/{key}")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused to store more (quota exceeded).
    Full,
    /// Storage is switched off or blocked.
    Unavailable,
    /// Another tab saved a newer revision of this plan.
    NewerRevision { theirs: u64, ours: u64 },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => write!(f, "The browser's storage for this app is full: changes are not being saved."),
            StoreError::Unavailable => {
                write!(f, "This browser is not letting the app save: changes are not being saved.")
            }
            StoreError::NewerRevision { .. } => {
                write!(f, "This plan was changed in another tab or window after you opened it.")
            }
        }
    }
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A record that could not be read. It stays where it was found; the raw text is
/// kept so the person can download it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: FormatError,
}

impl Unreadable {
    /// How to name it: its title when the JSON still shows one, else its id.
    pub fn name(&self) -> String {
        let id = self.key.rsplit('/').next().unwrap_or_default();
        // Just enough of a damaged record to name it.
        let record = parse(&self.raw).ok();
        let title = record.as_ref().and_then(|r| r.get("plan")?.get("title")?.as_text());
        match title {
            Some(title) => format!("\u{201c}{}\u{201d} ({id})", title.chars().take(80).collect::<String>()),
            None => id.to_string(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub plans: Vec<Plan>,
    pub unreadable: Vec<Unreadable>,
}

pub struct PlanStore<S: KeyValue> {
    pub kv: S,
}

impl<S: KeyValue> PlanStore<S> {
    pub fn new(kv: S) -> Self {
        PlanStore { kv }
    }

    /// Every plan in the store, in index order; unreadable records are set aside
    /// (copied under an aside key, never deleted) and reported.
    pub fn load_all(&mut self) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let plan_prefix = plan_key("");
        let mut keys: Vec<String> = self.kv.keys()?.into_iter().filter(|k| k.starts_with(&plan_prefix)).collect();
        let order = self.index();
        keys.sort_by_key(|k| (order.iter().position(|id| plan_key(id) == *k).unwrap_or(usize::MAX), k.clone()));
        for key in keys {
            let Some(raw) = self.kv.get(&key)? else { continue };
            match decode(&raw) {
                Ok(plan) if plan_key(&plan.id) == key => loaded.plans.push(plan),
                Ok(_) => loaded.unreadable.push(Unreadable {
                    key: key.clone(),
                    raw: raw.clone(),
                    reason: FormatError::Shape("its id does not match where it is stored".into()),
                }),
                Err(reason) => {
                    // Best effort: a copy aside survives even if the app later rewrites the key.
                    let _ = self.kv.set(&aside_key(&key), &raw);
                    loaded.unreadable.push(Unreadable { key, raw, reason });
                }
            }
        }
        Ok(loaded)
    }

    fn index(&self) -> Vec<String> {
        self.kv
            .get(&index_key())
            .ok()
            .flatten()
            .and_then(|text| Vec::<String>::read_json(&parse(&text).ok()?).ok())
            .unwrap_or_default()
    }

    /// The revision stored under this plan's key, if a readable record is there.
    pub fn stored_revision(&self, id: &str) -> Option<u64> {
        peek_revision(&self.kv.get(&plan_key(id)).ok().flatten()?)
    }

    /// Saves `plan` as the next revision and returns it. Refuses when the store holds
    /// a revision newer than the one this copy was based on, unless `overwrite`.
    pub fn save(&mut self, plan: &Plan, overwrite: bool) -> Result<Plan, StoreError> {
        let key = plan_key(&plan.id);
        let mut stored_revision = 0;
        if let Some(raw) = self.kv.get(&key)? {
            match peek_revision(&raw) {
                Some(theirs) if theirs > plan.revision && !overwrite => {
                    return Err(StoreError::NewerRevision { theirs, ours: plan.revision });
                }
                Some(theirs) => stored_revision = theirs,
                // Never overwrite what we cannot read: keep a copy aside first.
                None => self.kv.set(&aside_key(&key), &raw)?,
            }
        }
        let mut saved = plan.clone();
        let base = stored_revision.max(plan.revision);
        saved.revision = base + 1;
        self.kv.set(&key, &encode(&saved))?;
        let mut index = self.index();
        if !index.contains(&saved.id) {
            index.push(saved.id.clone());
            self.write_index(&index)?;
        }
        Ok(saved)
    }

    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&plan_key(id))?;
        let index: Vec<String> = self.index().into_iter().filter(|i| i != id).collect();
        self.write_index(&index)
    }

    fn write_index(&mut self, index: &[String]) -> Result<(), StoreError> {
        self.kv.set(&index_key(), &to_json(&index))
    }
}

/// Reads only the revision of a stored record: saving happens on every change, and
/// a full decode of a large plan each time would cost more than the change itself.
fn peek_revision(raw: &str) -> Option<u64> {
    let record = parse(raw).ok()?;
    if format_of(&record)? != FORMAT_NAME {
        return None;
    }
    record.get("plan")?.get("revision")?.as_whole()
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
}
