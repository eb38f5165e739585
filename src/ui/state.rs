//! App-wide state: the plans this tab holds (`PlanBook`), the route, and what waits on
//! the person (an undo of a delete, arriving plans). Pages read it and send changes;
//! storage is reached only through the book, under the cross-tab lock.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::route::Route;
use crate::domain::model::Plan;
use crate::storage::book::PlanBook;
use crate::storage::local::LocalStore;
use crate::storage::lock::exclusively;
use crate::storage::persist::{ask_to_persist, persisted, Keeping};
use crate::storage::store::{PlanStore, StoreError};

/// A plan arriving (import, share link) whose id is already here, waiting for the
/// person to replace the one here or keep both.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    pub plan: Plan,
    /// What is here under that id is a record that cannot be read.
    pub over_unreadable: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub book: RwSignal<PlanBook>,
    pub route: RwSignal<Route>,
    /// The last deleted plan, for "undo delete".
    pub deleted: RwSignal<Option<Plan>>,
    pub arriving: RwSignal<Vec<Arrival>>,
    /// What the last import said, in words.
    pub import_message: RwSignal<Option<String>>,
    /// Whether the browser keeps the plans or may clear them.
    pub keeping: RwSignal<Keeping>,
    /// This tab asked the browser to keep them (once is enough).
    asked_to_keep: StoredValue<bool>,
    /// A flush is waiting for the lock: another change needs no second one.
    flush_waiting: StoredValue<bool>,
}

fn store() -> PlanStore<LocalStore> {
    PlanStore::new(LocalStore)
}

/// What became of plans handed to `receive`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Received {
    /// Saved under their own id.
    pub saved: Vec<String>,
    /// Kept in this tab but not saved, with why.
    pub not_saved: Vec<(String, StoreError)>,
    /// Their id is taken here: they wait for the person's choice.
    pub waiting: usize,
}

impl AppState {
    pub fn load() -> AppState {
        AppState {
            book: RwSignal::new(PlanBook::load(&mut store())),
            route: RwSignal::new(Route::parse(&current_hash())),
            deleted: RwSignal::new(None),
            arriving: RwSignal::new(Vec::new()),
            import_message: RwSignal::new(None),
            keeping: RwSignal::new(Keeping::Unknown),
            asked_to_keep: StoredValue::new(false),
            flush_waiting: StoredValue::new(false),
        }
    }

    /// Learns whether the plans are kept; once a plan is saved, asks the browser to
    /// keep them (it may decide alone, or ask the person; it is asked once per tab).
    pub fn keep_plans(&self) {
        let state = *self;
        spawn_local(async move {
            let now = persisted().await;
            state.keeping.set(now);
            let saved = state.book.with_untracked(PlanBook::has_saved);
            if now != Keeping::Persistent && saved && !state.asked_to_keep.get_value() {
                state.asked_to_keep.set_value(true);
                state.keeping.set(ask_to_persist().await);
            }
        });
    }

    /// A plan as it is now, read once (not followed).
    pub fn plan(&self, id: &str) -> Option<Plan> {
        self.book.with_untracked(|book| book.plan(id).cloned())
    }

    /// A plan changed or made here: shown at once, saved in the next task, as soon as
    /// the lock is had.
    pub fn put(&self, plan: Plan) {
        self.book.update(|book| book.put(plan));
        self.flush_soon();
    }

    fn flush_soon(&self) {
        if self.flush_waiting.get_value() {
            return;
        }
        self.flush_waiting.set_value(true);
        let state = *self;
        spawn_local(async move {
            // After this task: the change is drawn first, and asking for the lock and
            // writing (a millisecond or two) does not hold the drawing back. Leaving the
            // page meanwhile saves at once (`flush_before_leaving`).
            gloo_timers::future::TimeoutFuture::new(0).await;
            state.flush().await;
            // Until the browser has been asked (once a plan is saved) or already keeps them.
            if !state.asked_to_keep.get_value() && state.keeping.get_untracked() != Keeping::Persistent {
                state.keep_plans();
            }
        });
    }

    /// Saves every unsaved plan under the lock (asked for at once); the future ends
    /// once that is done.
    pub fn flush(&self) -> impl std::future::Future<Output = ()> {
        let (book, waiting) = (self.book, self.flush_waiting);
        exclusively(move || {
            waiting.set_value(false);
            if book.with_untracked(PlanBook::has_unsaved) {
                book.update(|book| book.flush(&mut store()));
            }
        })
    }

    /// Saves what is unsaved at once, without waiting for the lock: the page is going
    /// away (closed, reloaded, or left), and a change still waiting would go with it.
    /// A save still merges with whatever another tab stored.
    pub fn flush_before_leaving(&self) {
        if self.book.with_untracked(PlanBook::has_unsaved) {
            self.book.update(|book| book.flush(&mut store()));
        }
    }

    /// Reads storage again, after another tab wrote to it.
    pub fn reload(&self) {
        let state = *self;
        spawn_local(async move {
            state.reread().await;
            // Unsaved changes merged with the other tab's are saved now, if storage allows.
            state.flush().await;
        });
    }

    async fn reread(&self) {
        let book = self.book;
        exclusively(move || book.update(|book| book.reload(&mut store()))).await;
    }

    pub fn delete(&self, id: &str) {
        let (state, id) = (*self, id.to_string());
        spawn_local(exclusively(move || {
            let mut removed = None;
            state.book.update(|book| removed = book.remove(&id, &mut store()));
            if removed.is_some() {
                state.deleted.set(removed);
            }
        }));
    }

    pub fn undo_delete(&self) {
        if let Some(plan) = self.deleted.get_untracked() {
            self.deleted.set(None);
            self.put(plan);
        }
    }

    /// Saves arriving plans; those whose id is taken here (by a plan or by a record
    /// that cannot be read) wait for the person's choice.
    pub async fn receive(&self, plans: Vec<Plan>) -> Received {
        let mut received = Received::default();
        let mut fresh = Vec::new();
        for plan in plans {
            let (here, over_unreadable) =
                self.book.with_untracked(|b| (b.plan(&plan.id).is_some(), b.unreadable_under(&plan.id)));
            if here || over_unreadable {
                self.arriving.update(|a| a.push(Arrival { plan, over_unreadable }));
                received.waiting += 1;
            } else {
                fresh.push(plan.id.clone());
                self.book.update(|book| book.put(Plan { revision: 0, ..plan }));
            }
        }
        self.flush().await;
        let mut stored_elsewhere = false;
        for id in fresh {
            let failure = self.book.with_untracked(|b| b.is_unsaved(&id).then(|| b.failure(&id).cloned()));
            match failure {
                None => received.saved.push(id),
                // Stored meanwhile by another tab, or an unreadable record is there: ask.
                Some(Some(reason @ (StoreError::AlreadyStored | StoreError::UnreadableInTheWay))) => {
                    let mut withdrawn = None;
                    self.book.update(|book| withdrawn = book.withdraw(&id));
                    if let Some(plan) = withdrawn {
                        let over_unreadable = reason == StoreError::UnreadableInTheWay;
                        stored_elsewhere |= !over_unreadable;
                        self.arriving.update(|a| a.push(Arrival { plan, over_unreadable }));
                        received.waiting += 1;
                    }
                }
                Some(reason) => received.not_saved.push((id, reason.unwrap_or(StoreError::Unavailable))),
            }
        }
        if stored_elsewhere {
            // The book learns of the stored plan, so "Replace it" can replace it.
            self.reread().await;
        }
        received
    }

    /// Settles the first arriving plan: replace the one here, or keep both. Returns the
    /// id it is now kept under, and whether it is saved.
    pub async fn settle_arrival(&self, replace: bool) -> Option<(String, bool)> {
        let arrival = self.arriving.try_update(|a| (!a.is_empty()).then(|| a.remove(0))).flatten()?;
        let plan = if replace {
            let stored = self.book.with_untracked(|b| b.plan(&arrival.plan.id).map(|p| p.revision));
            Plan { revision: stored.unwrap_or(0), ..arrival.plan }
        } else {
            // The copy remembers the plan it came from, so a reply still finds it.
            let origin = arrival.plan.shared_from.clone().unwrap_or_else(|| arrival.plan.id.clone());
            Plan { shared_from: Some(origin), ..arrival.plan.copy_as(new_plan_id()) }
        };
        let id = plan.id.clone();
        let over_unreadable = replace && arrival.over_unreadable;
        if over_unreadable {
            self.book.update(|book| book.put_replacing(plan));
        } else {
            self.book.update(|book| book.put(plan));
        }
        self.flush().await;
        let saved = !self.book.with_untracked(|b| b.is_unsaved(&id));
        if saved && over_unreadable {
            // The record it replaced is no longer unreadable (its copy stays set aside).
            self.reread().await;
        }
        Some((id, saved))
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
