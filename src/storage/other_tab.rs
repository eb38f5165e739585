//! Another tab's write of a plan, as its storage event tells it: the key, the value it
//! replaced in that tab's own copy of storage, and the value it wrote; and what that
//! tells of the version it started from, or of a write since lost.

use super::format::decode;
use super::keys::plan_key;
use super::store::{KeyValue, PlanStore};
use crate::domain::model::Plan;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OtherTabWrite {
    pub key: String,
    pub replaced: Option<String>,
    pub wrote: Option<String>,
}

impl OtherTabWrite {
    /// The version of plan `id` this write started from, while it is still what the
    /// store holds (a later write started from something else).
    pub fn started_from<S: KeyValue>(&self, store: &PlanStore<S>, id: &str) -> Option<Plan> {
        if self.key != plan_key(id) || store.kv.get(&self.key).ok()? != self.wrote {
            return None;
        }
        decode(self.replaced.as_deref()?).ok().filter(|from| from.id == id)
    }

    /// The write, with the version it started from, when a tab whose own copy of storage
    /// had not caught up wrote over it from the same or an older revision (a tab closing
    /// saves without the lock, and another tab may save in the same moment): that
    /// write's changes are then in no stored version and must be merged in again. `None`
    /// when it is still stored, or a later revision was written knowing it.
    pub fn overwritten<S: KeyValue>(&self, store: &PlanStore<S>, id: &str) -> Option<(Plan, Plan)> {
        if self.key != plan_key(id) {
            return None;
        }
        let now = store.kv.get(&self.key).ok()??;
        let wrote = self.wrote.as_deref()?;
        if now == wrote {
            return None;
        }
        let lost = decode(wrote).ok().filter(|lost| lost.id == id)?;
        let from = decode(self.replaced.as_deref()?).ok().filter(|from| from.id == id)?;
        let current = decode(&now).ok()?;
        (current.revision <= lost.revision).then_some((from, lost))
    }
}
