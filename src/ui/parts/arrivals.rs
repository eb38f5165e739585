//! Plans arriving (a plan file, a backup, a share link): a new one is saved; one whose
//! id is already here is never swapped in. It waits for the person, told which copy is
//! newer and what each choice keeps (`domain::arrival` decides and words it), and what
//! they choose is one step they can undo.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::arrival::{
    arriving_kept_with_here, brought_in, compare, kept_both, not_saved_in_tab, over_unreadable_question, question,
    Incoming, LEFT_AS_IT_WAS, REPLACED_UNREADABLE, TOOK_ARRIVING, UNDONE,
};
use crate::domain::model::Plan;
use crate::storage::store::StoreError;
use crate::ui::route::Route;
use crate::ui::state::{new_plan_id, store, AppState, Arrival, UndoArrival};

/// What the person chose for an arriving copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Its changes merged into the plan here (or, with no version both share, the
    /// arriving copy with what only this browser holds).
    BringIn,
    KeepBoth,
    LeaveHere,
    /// Written over a stored record that cannot be read (its copy stays set aside).
    ReplaceUnreadable,
}

/// What became of plans handed to `receive`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Received {
    /// Saved under their own id.
    pub saved: Vec<String>,
    /// Kept in this tab but not saved, with why.
    pub not_saved: Vec<(String, StoreError)>,
    /// Already here, and holding nothing new.
    pub unchanged: Vec<String>,
    /// Their id is taken here: they wait for the person's choice.
    pub waiting: usize,
}

impl AppState {
    /// Saves arriving plans. One whose id is taken here (by a plan or by a record that
    /// cannot be read) waits for the person's choice, unless it holds nothing new.
    pub async fn receive(&self, plans: Vec<Plan>) -> Received {
        let mut received = Received::default();
        let mut fresh = Vec::new();
        for plan in plans {
            let (here, over_unreadable) =
                self.book.with_untracked(|b| (b.plan(&plan.id).cloned(), b.unreadable_under(&plan.id)));
            let shared = store().shared(&plan.id);
            match here {
                Some(here)
                    if compare(shared.as_ref(), &here, &plan, self.style.get_untracked()) == Incoming::NothingNew =>
                {
                    received.unchanged.push(plan.id);
                }
                Some(_) => self.wait(Arrival { plan, over_unreadable, shared }, &mut received),
                None if over_unreadable => self.wait(Arrival { plan, over_unreadable, shared }, &mut received),
                None => {
                    fresh.push(plan.clone());
                    self.book.update(|book| book.put(Plan { revision: 0, ..plan }));
                }
            }
        }
        self.flush().await;
        let mut stored_elsewhere = false;
        for plan in fresh {
            let id = plan.id.clone();
            let failure = self.book.with_untracked(|b| b.is_unsaved(&id).then(|| b.failure(&id).cloned()));
            match failure {
                None => {
                    // What both copies now share: a later copy of it merges against this.
                    store().record_shared(&plan);
                    received.saved.push(id);
                }
                // Stored meanwhile by another tab, or an unreadable record is there: ask.
                Some(Some(reason @ (StoreError::AlreadyStored | StoreError::UnreadableInTheWay))) => {
                    let mut withdrawn = None;
                    self.book.update(|book| withdrawn = book.withdraw(&id));
                    if let Some(plan) = withdrawn {
                        let over_unreadable = reason == StoreError::UnreadableInTheWay;
                        stored_elsewhere |= !over_unreadable;
                        self.wait(Arrival { plan, over_unreadable, shared: None }, &mut received);
                    }
                }
                Some(reason) => received.not_saved.push((id, reason.unwrap_or(StoreError::Unavailable))),
            }
        }
        if stored_elsewhere {
            // The book learns of the stored plan, so the arriving copy can be merged with it.
            self.reread(None).await;
        }
        received
    }

    fn wait(&self, arrival: Arrival, received: &mut Received) {
        self.arriving.update(|a| a.push(arrival));
        received.waiting += 1;
    }

    /// Settles the first arriving plan as the person chose. Returns the id it is now kept
    /// under and what to tell them.
    pub async fn settle_arrival(&self, choice: Choice) -> Option<(String, String)> {
        let arrival = self.arriving.try_update(|a| (!a.is_empty()).then(|| a.remove(0))).flatten()?;
        let id = arrival.plan.id.clone();
        let clashes_before = self.book.with_untracked(|b| b.clashes(&id).to_vec());
        let (kept_as, undo, said) = match (choice, self.plan(&id)) {
            (Choice::LeaveHere, _) => {
                return Some((id, LEFT_AS_IT_WAS.to_string()));
            }
            (Choice::ReplaceUnreadable, _) => {
                let plan = arrival.plan.clone();
                self.book.update(|book| book.put_replacing(plan));
                (id.clone(), None, REPLACED_UNREADABLE.to_string())
            }
            (Choice::BringIn, Some(here)) => {
                let (plan, said, clashes) =
                    match compare(arrival.shared.as_ref(), &here, &arrival.plan, self.style.get_untracked()) {
                        Incoming::NothingNew => return Some((id, question(&Incoming::NothingNew, &here))),
                        Incoming::Changes(merged) => {
                            let said = brought_in(&merged, self.style.get_untracked());
                            (Plan { revision: here.revision, ..merged.plan.clone() }, said, merged.clashes)
                        }
                        Incoming::NoCommonVersion => {
                            (arriving_kept_with_here(&here, &arrival.plan), TOOK_ARRIVING.to_string(), Vec::new())
                        }
                    };
                self.book.update(|book| {
                    book.put(plan);
                    book.add_clashes(&id, clashes);
                });
                (id.clone(), Some(UndoArrival { id: id.clone(), before: Some(here), clashes_before }), said)
            }
            (Choice::KeepBoth, _) | (Choice::BringIn, None) => {
                // The copy remembers the plan it came from, so a reply still finds it.
                let origin = arrival.plan.shared_from.clone().unwrap_or_else(|| id.clone());
                let copy = Plan { shared_from: Some(origin), ..arrival.plan.copy_as(new_plan_id()) };
                let said = kept_both(&copy.title);
                let copy_id = copy.id.clone();
                self.book.update(|book| book.put(copy));
                let undo = UndoArrival { id: copy_id.clone(), before: None, clashes_before: Vec::new() };
                (copy_id, Some(undo), said)
            }
        };
        self.flush().await;
        if kept_as == id {
            // What both copies now share: a later copy of the plan merges against it.
            store().record_shared(&arrival.plan);
        }
        let saved = !self.book.with_untracked(|b| b.is_unsaved(&kept_as));
        if saved && choice == Choice::ReplaceUnreadable {
            // The record it replaced is no longer unreadable (its copy stays set aside).
            self.reread(None).await;
        }
        self.undo_arrival.set(undo);
        Some((kept_as.clone(), self.saved_or_why(&kept_as, said)))
    }

    /// Takes back what the last arriving copy did: the plan as it was (and its clashes),
    /// or the copy kept beside it deleted.
    pub fn undo_arrival(&self) {
        let Some(undo) = self.undo_arrival.get_untracked() else { return };
        self.undo_arrival.set(None);
        match undo.before {
            None => self.delete(&undo.id),
            Some(before) => {
                let revision = self.plan(&undo.id).map_or(before.revision, |p| p.revision);
                self.book.update(|book| book.set_clashes(&undo.id, undo.clashes_before));
                self.put(Plan { revision, ..before });
            }
        }
        self.import_message.set(Some(UNDONE.to_string()));
    }

    fn saved_or_why(&self, id: &str, said: String) -> String {
        match self.book.with_untracked(|b| b.is_unsaved(id).then(|| b.failure(id).map(|f| f.to_string()))) {
            None => said,
            Some(reason) => not_saved_in_tab(&said, &reason.unwrap_or_default()),
        }
    }
}

/// The choice for the first arriving plan: its question and the choices that fit it.
#[component]
pub fn Arrivals() -> impl IntoView {
    let state = expect_context::<AppState>();
    let asked = Memo::new(move |_| {
        let arrival = state.arriving.with(|a| a.first().cloned())?;
        let here = state.book.with(|b| b.plan(&arrival.plan.id).cloned());
        Some(match (arrival.over_unreadable, here) {
            (false, Some(here)) => {
                let incoming = compare(arrival.shared.as_ref(), &here, &arrival.plan, state.style.get());
                let bring_in = match incoming {
                    Incoming::NoCommonVersion => "Use the arriving copy",
                    _ => "Bring in the changes",
                };
                (question(&incoming, &here), Some(bring_in))
            }
            _ => (over_unreadable_question(&arrival.plan.title), None),
        })
    });
    let settle = move |choice: Choice| {
        spawn_local(async move {
            let Some((id, said)) = state.settle_arrival(choice).await else { return };
            state.import_message.set(Some(said));
            if matches!(state.route.get_untracked(), Route::Share(_)) {
                state.go(Route::Review(id));
            }
        })
    };
    move || {
        asked.get().map(|(question, bring_in)| {
            let choices = match bring_in {
                Some(label) => view! {
                    <button type="button" class="primary" on:click=move |_| settle(Choice::BringIn)>{label}</button>
                    <button type="button" on:click=move |_| settle(Choice::KeepBoth)>"Keep both"</button>
                    <button type="button" on:click=move |_| settle(Choice::LeaveHere)>"Leave the plan here as it is"</button>
                }
                .into_any(),
                None => view! {
                    <button type="button" on:click=move |_| settle(Choice::ReplaceUnreadable)>"Replace it"</button>
                    <button type="button" on:click=move |_| settle(Choice::KeepBoth)>"Keep both"</button>
                }
                .into_any(),
            };
            view! {
                <div class="notice" role="alert" data-testid="arrival-choice">
                    <p>{question}</p>
                    {choices}
                </div>
            }
        })
    }
}

/// What the last import or arriving copy did, with its undo while there is one.
#[component]
pub fn ArrivalOutcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p role="status" aria-live="polite" data-testid="import-message">
            {move || state.import_message.get().unwrap_or_default()}
            <Show when=move || state.undo_arrival.with(Option::is_some)>
                " "<button type="button" class="quiet" on:click=move |_| state.undo_arrival()>"Undo"</button>
            </Show>
        </p>
    }
}
