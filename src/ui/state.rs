//! App-wide state: the plans in this browser, what storage said, and the route.
//! Pages read it and send intents; storage is reached only through `PlanStore`.

use leptos::prelude::*;

use super::route::Route;
use crate::domain::model::Plan;
use crate::storage::local::LocalStore;
use crate::storage::store::{PlanStore, StoreError, Unreadable};

#[derive(Clone, Copy)]
pub struct AppState {
    pub plans: RwSignal<Vec<Plan>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// Set while changes cannot be saved; the app keeps working in memory.
    pub storage_problem: RwSignal<Option<StoreError>>,
    /// A plan whose save met a newer revision from another tab.
    pub conflict: RwSignal<Option<String>>,
    pub route: RwSignal<Route>,
    /// The last deleted plan, for "undo delete".
    pub deleted: RwSignal<Option<Plan>>,
    /// Plans arriving (import, share link) whose id is already here: replace or keep both?
    pub arriving: RwSignal<Vec<Plan>>,
    /// What the last import said, in words.
    pub import_message: RwSignal<Option<String>>,
}

fn store() -> PlanStore<LocalStore> {
    PlanStore::new(LocalStore)
}

impl AppState {
    pub fn load() -> AppState {
        let state = AppState {
            plans: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            storage_problem: RwSignal::new(None),
            conflict: RwSignal::new(None),
            route: RwSignal::new(Route::parse(&current_hash())),
            deleted: RwSignal::new(None),
            arriving: RwSignal::new(Vec::new()),
            import_message: RwSignal::new(None),
        };
        state.reload();
        state
    }

    /// Reads every plan again, e.g. after another tab wrote.
    pub fn reload(&self) {
        match store().load_all() {
            Ok(loaded) => {
                // Plans that only live in memory (storage failing) stay in the list.
                let in_memory: Vec<Plan> = if self.storage_problem.get_untracked().is_some() {
                    self.plans
                        .get_untracked()
                        .into_iter()
                        .filter(|p| !loaded.plans.iter().any(|l| l.id == p.id))
                        .collect()
                } else {
                    Vec::new()
                };
                let mut plans = loaded.plans;
                plans.extend(in_memory);
                self.plans.set(plans);
                self.unreadable.set(loaded.unreadable);
            }
            Err(problem) => self.storage_problem.set(Some(problem)),
        }
    }

    pub fn plan(&self, id: &str) -> Option<Plan> {
        self.plans.with(|plans| plans.iter().find(|p| p.id == id).cloned())
    }

    /// Saves and returns the revision storage gave it; keeps the in-memory list
    /// current even when storage fails, so nothing typed is lost from the screen.
    pub fn save(&self, plan: &Plan, overwrite: bool) -> Option<u64> {
        let result = store().save(plan, overwrite);
        let kept = match &result {
            Ok(saved) => {
                if self.storage_problem.with_untracked(Option::is_some) {
                    self.storage_problem.set(None);
                }
                if self.conflict.get_untracked().as_deref() == Some(plan.id.as_str()) {
                    self.conflict.set(None);
                }
                saved.clone()
            }
            Err(StoreError::NewerRevision { .. }) => {
                self.conflict.set(Some(plan.id.clone()));
                return None;
            }
            Err(problem) => {
                self.storage_problem.set(Some(problem.clone()));
                plan.clone()
            }
        };
        self.plans.update(|plans| match plans.iter_mut().find(|p| p.id == kept.id) {
            Some(slot) => *slot = kept.clone(),
            None => plans.push(kept.clone()),
        });
        result.ok().map(|saved| saved.revision)
    }

    pub fn delete(&self, id: &str) {
        let Some(plan) = self.plan(id) else { return };
        if let Err(problem) = store().delete(id) {
            self.storage_problem.set(Some(problem));
        }
        self.plans.update(|plans| plans.retain(|p| p.id != id));
        self.deleted.set(Some(plan));
    }

    pub fn undo_delete(&self) {
        if let Some(plan) = self.deleted.get_untracked() {
            self.deleted.set(None);
            let mut restored = plan;
            restored.revision = 0;
            self.save(&restored, true);
        }
    }

    /// Saves arriving plans; those whose id is taken wait for the person's choice.
    /// Returns the ids saved now.
    pub fn receive(&self, plans: Vec<Plan>) -> Vec<String> {
        let mut saved = Vec::new();
        for mut plan in plans {
            if self.plan(&plan.id).is_some() {
                self.arriving.update(|a| a.push(plan));
            } else {
                plan.revision = 0;
                self.save(&plan, false);
                saved.push(plan.id);
            }
        }
        saved
    }

    /// Settles the first arriving plan: replace the one here, or keep both.
    pub fn settle_arrival(&self, replace: bool) -> Option<String> {
        let mut plan = self.arriving.try_update(|a| (!a.is_empty()).then(|| a.remove(0))).flatten()?;
        if replace {
            plan.revision = self.plan(&plan.id).map(|p| p.revision).unwrap_or(0);
        } else {
            // The copy remembers the plan it came from, so a reply still finds it.
            let origin = plan.shared_from.clone().unwrap_or_else(|| plan.id.clone());
            plan = Plan { shared_from: Some(origin), ..plan.copy_as(new_plan_id()) };
        }
        self.save(&plan, true);
        Some(plan.id)
    }

    pub fn go(&self, route: Route) {
        set_hash(&route.href());
        self.route.set(route);
    }
}

pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

fn set_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// A new plan id: time and randomness, unique enough within one browser.
pub fn new_plan_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("p{now:x}{random:05x}")
}

/// Now in UTC, for calendar stamps.
pub fn now_utc() -> chrono::NaiveDateTime {
    let date = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(date.get_utc_full_year() as i32, date.get_utc_month() + 1, date.get_utc_date())
        .and_then(|d| d.and_hms_opt(date.get_utc_hours(), date.get_utc_minutes(), date.get_utc_seconds()))
        .unwrap_or_default()
}

/// Today's date in the person's time zone.
pub fn today() -> chrono::NaiveDate {
    let date = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date())
        .unwrap_or_default()
}
