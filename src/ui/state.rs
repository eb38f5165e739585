//! App-wide state: the plans this tab holds (`PlanBook`), the route, and what waits on
//! the person (an undo of a delete, arriving plans: `arrivals.rs`). Pages read it and send changes;
//! storage is reached only through the book, under the cross-tab lock.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::clash::Clash;
use crate::domain::dates::DateStyle;
use crate::domain::edit::{Edit, EditError};
use crate::domain::merge::settings::MergedSettings;
use crate::domain::model::Plan;
use crate::domain::my_template::MyTemplate;
use crate::domain::settings::Settings;
use crate::storage::book::PlanBook;
use crate::storage::local::LocalStore;
use crate::storage::lock::exclusively;
use crate::storage::other_tab::OtherTabWrite;
use crate::storage::persist::{ask_to_persist, persisted, Keeping};
use crate::storage::store::{PlanStore, StoreError};
use crate::storage::templates::TemplatesTakenIn;
use crate::ui::route::Route;

/// A plan arriving whose id is already here, waiting for the person's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    pub plan: Plan,
    /// What is here under that id is a record that cannot be read.
    pub over_unreadable: bool,
    /// The version of the plan this browser last sent or received, read as it arrived.
    pub shared: Option<Plan>,
}

/// How to take back what an arriving copy did: the plan as it was, or none (a copy kept).
#[derive(Clone, Debug, PartialEq)]
pub struct UndoArrival {
    pub id: String,
    pub before: Option<Plan>,
    pub clashes_before: Vec<Clash>,
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
    /// How to take back the last arriving copy brought in or kept.
    pub undo_arrival: RwSignal<Option<UndoArrival>>,
    /// Whether the browser keeps the plans or may clear them.
    pub keeping: RwSignal<Keeping>,
    /// How this reader writes dates and times, from the settings or the browser's language.
    pub style: Memo<DateStyle>,
    /// This tab asked the browser to keep them (once is enough).
    asked_to_keep: StoredValue<bool>,
    /// A flush is waiting for the lock: another change needs no second one.
    flush_waiting: StoredValue<bool>,
}

pub(crate) fn store() -> PlanStore<LocalStore> {
    PlanStore::new(LocalStore)
}

impl AppState {
    pub fn load() -> AppState {
        let mut loaded = PlanBook::load(&mut store());
        loaded.language = browser_language();
        let book = RwSignal::new(loaded);
        AppState {
            book,
            style: Memo::new(move |_| book.with(PlanBook::style)),
            route: RwSignal::new(Route::parse(&current_hash())),
            deleted: RwSignal::new(None),
            arriving: RwSignal::new(Vec::new()),
            import_message: RwSignal::new(None),
            undo_arrival: RwSignal::new(None),
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

    /// A plan as the book shows it, followed: what every page draws; `None` if it is not
    /// here. If the plan goes later (deleted in another tab), the last version shown
    /// stays on the page.
    pub fn follow(&self, id: &str) -> Option<Memo<Plan>> {
        let first = self.plan(id)?;
        let book = self.book;
        Some(Memo::new_owning(move |last: Option<Plan>| {
            book.with(|book| match (book.plan(&first.id), last) {
                // A save changes only the revision, which no page shows: the memo takes
                // it (an export reads it) without drawing or checking the plan again.
                (Some(now), Some(last)) if now.same_content(&last) => {
                    (if now.revision == last.revision { last } else { now.clone() }, false)
                }
                (Some(now), _) => (now.clone(), true),
                (None, Some(last)) => (last, false),
                (None, None) => (first.clone(), true),
            })
        }))
    }

    /// An edit to a plan, from whichever page: one step of its history in the book,
    /// shown at once and saved soon. A refused edit changes nothing and says why.
    pub fn send(&self, id: &str, edit: &Edit) -> Result<(), EditError> {
        self.change(|book| book.apply(id, edit))
    }

    /// Settles a clash as the person chose (`PlanBook::settle_clash`), saved soon.
    pub fn settle_clash(&self, id: &str, clash: &Clash, use_other: bool) -> Result<(), EditError> {
        self.change(|book| book.settle_clash(id, clash, use_other))
    }

    /// A change to the book that says whether it changed anything; notifies and saves
    /// only then.
    fn change(&self, change: impl FnOnce(&mut PlanBook) -> Result<bool, EditError>) -> Result<(), EditError> {
        let mut result = Ok(false);
        self.book.maybe_update(|book| {
            result = change(book);
            matches!(result, Ok(true))
        });
        if result? {
            self.flush_soon();
        }
        Ok(())
    }

    /// Takes back (`undo`) or puts again (`redo`) this tab's last step on a plan.
    pub fn undo(&self, id: &str) {
        self.step(|book| book.undo(id));
    }

    pub fn redo(&self, id: &str) {
        self.step(|book| book.redo(id));
    }

    fn step(&self, step: impl FnOnce(&mut PlanBook) -> bool) {
        let mut stepped = false;
        self.book.maybe_update(|book| {
            stepped = step(book);
            stepped
        });
        if stepped {
            self.flush_soon();
        }
    }

    /// A plan made here or put in place whole: shown at once, saved in the next task, as
    /// soon as the lock is had.
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

    /// Reads storage again, after another tab wrote to it. What is being typed is sent
    /// first, so the merge with the other tab's version keeps it or lists a clash.
    pub fn reload(&self, write: Option<OtherTabWrite>) {
        send_what_is_being_typed();
        let state = *self;
        spawn_local(async move {
            state.reread(write).await;
            // Unsaved changes merged with the other tab's are saved now, if storage allows.
            state.flush().await;
        });
    }

    /// Reads storage again under the lock; `write` is what another tab's storage event
    /// told of its write, when this follows one.
    pub(super) async fn reread(&self, write: Option<OtherTabWrite>) {
        let book = self.book;
        exclusively(move || book.update(|book| book.reload_after(&mut store(), write.as_ref()))).await;
    }

    /// After storage was emptied under this tab: writes back every plan it holds.
    pub fn save_back(&self) {
        let book = self.book;
        spawn_local(exclusively(move || book.update(|book| book.save_back(&mut store()))));
    }

    /// Keeps settings changed from `from` (what the form opened with), merged with any
    /// another tab saved since; says why when they are not saved.
    pub fn change_settings(&self, from: &Settings, to: Settings) -> Result<MergedSettings, StoreError> {
        self.book
            .try_update(|book| book.change_settings(from, to, &mut store()))
            .unwrap_or(Err(StoreError::Unavailable))
    }

    /// Keeps a new or changed template of the therapist's own; says why when it is not.
    pub fn put_template(&self, template: MyTemplate) -> Result<(), StoreError> {
        let mut saved = Ok(());
        self.book.update(|book| saved = book.put_template(template, &mut store()));
        saved
    }

    /// Removes a template; it is given back for the person's *Undo delete*.
    pub fn delete_template(&self, id: &str) -> Option<MyTemplate> {
        self.book.try_update(|book| book.remove_template(id, &mut store())).flatten()
    }

    /// Templates from a file or a backup, added beside those here, never over them.
    pub fn take_in_templates(&self, arriving: Vec<MyTemplate>) -> Result<TemplatesTakenIn, StoreError> {
        let mut taken = Ok(TemplatesTakenIn::default());
        self.book.update(|book| taken = book.take_in_templates(arriving, new_plan_id, &mut store()));
        taken
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

    /// Goes to a page: the link changes, and the route follows it (`follow_link`).
    pub fn go(&self, route: Route) {
        set_hash(&route.href());
    }

    /// The route is the link's: read again when it changes, and only a new one rebuilds
    /// the page.
    pub fn follow_link(&self) {
        let now = Route::parse(&current_hash());
        self.route.maybe_update(|route| {
            let changed = *route != now;
            *route = now;
            changed
        });
    }
}

/// Text typed into a field becomes an edit only when the field is left ("change"); until
/// then it is in the page alone, and a merge could not see it. Sending the field's
/// change now makes it this tab's change like any other.
fn send_what_is_being_typed() {
    let Some(field) = document().active_element() else { return };
    if !matches!(field.tag_name().as_str(), "INPUT" | "TEXTAREA") {
        return;
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = field.dispatch_event(&change);
    }
}

/// The browser's preferred language ("en-US"), which picks the date style by default.
fn browser_language() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default()
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
    chrono::Utc::now().naive_utc()
}

/// Today's date in the person's time zone.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
