//! The clashes a merge left on a plan, kept beside it (`clashes/<id>`) until the person
//! settles each one, so a reload or a closed tab does not forget the value that was not
//! kept. The record is this app's own working state, not a format anyone exchanges:
//! one that cannot be read (written by another version) counts as none, and the plan
//! itself is never touched by it.

use serde::{Deserialize, Serialize};

use super::keys::clashes_key;
use super::store::{KeyValue, PlanStore, StoreError};
use crate::domain::clash::Clash;

const FORMAT: &str = "intensive-planner/clashes";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct ClashRecord {
    format: String,
    version: u32,
    clashes: Vec<Clash>,
}

impl<S: KeyValue> PlanStore<S> {
    /// The clashes recorded for a plan; none when there is no readable record.
    pub fn clashes(&self, id: &str) -> Vec<Clash> {
        let Some(raw) = self.kv.get(&clashes_key(id)).ok().flatten() else { return Vec::new() };
        match super::format::read::<ClashRecord>(&raw, false) {
            Ok(record) if record.format == FORMAT && record.version == VERSION => record.clashes,
            _ => Vec::new(),
        }
    }

    /// Records a plan's clashes; an empty list removes the record.
    pub fn record_clashes(&mut self, id: &str, clashes: &[Clash]) -> Result<(), StoreError> {
        if clashes.is_empty() {
            return self.kv.remove(&clashes_key(id));
        }
        let record = ClashRecord { format: FORMAT.into(), version: VERSION, clashes: clashes.to_vec() };
        let text = serde_json::to_string(&record).map_err(|e| StoreError::Invalid(vec![e.to_string()]))?;
        self.kv.set(&clashes_key(id), &text)
    }
}
