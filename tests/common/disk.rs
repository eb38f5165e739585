//! One browser's storage in memory, shared by the tabs of a test: each `PlanBook` made
//! over it sees what the others wrote, as tabs do once their copies catch up.

use std::cell::RefCell;
use std::rc::Rc;

use intensive_planner::domain::model::Plan;
use intensive_planner::domain::sample::sample_plan;
use intensive_planner::storage::book::PlanBook;
use intensive_planner::storage::format::decode;
use intensive_planner::storage::keys::plan_key;
use intensive_planner::storage::store::{KeyValue, MemoryStore, PlanStore, StoreError};

/// One browser's storage, shared by the tabs of a test.
#[derive(Clone, Default)]
pub struct Shared(pub Rc<RefCell<MemoryStore>>);

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.borrow().keys()
    }
    fn copy(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().copy(from, to)
    }
}

impl Shared {
    pub fn store(&self) -> PlanStore<Shared> {
        PlanStore::new(self.clone())
    }
    pub fn stored(&self, id: &str) -> Plan {
        decode(&self.get(&plan_key(id)).unwrap().expect("stored")).expect("readable")
    }
    pub fn fill(&self, capacity: Option<usize>) {
        self.0.borrow_mut().capacity = capacity;
    }
}

/// A tab that has saved a sample plan with id `id`.
pub fn tab_holding(disk: &Shared, id: &str) -> PlanBook {
    let mut tab = PlanBook::load(&mut disk.store());
    tab.put(Plan { id: id.into(), ..sample_plan(3, 0) });
    tab.flush(&mut disk.store());
    tab
}
