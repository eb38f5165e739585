//! Another tab's write of a plan, as its storage event tells it: the key, the value it
//! replaced in that tab's own copy of storage, and the value it wrote.

use super::format::decode;
use super::store::{plan_key, KeyValue, PlanStore};
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
}
