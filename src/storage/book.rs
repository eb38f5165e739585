//! The plans this tab holds, one record each: the plan as shown with its undo history,
//! the version last read from or written to the store (what a change here started
//! from), whether it is saved and why not, and what a merge left for the person to
//! decide. Every page changes a plan here (`apply`, `undo`, `redo`), nowhere else. Pure
//! over any `KeyValue`: the UI keeps one in a signal and flushes it under the cross-tab
//! lock.

use std::collections::BTreeSet;

use super::entry::Entry;
use super::other_tab::OtherTabWrite;
use super::store::{KeyValue, PlanStore, Saved, StoreError, Unreadable};
use crate::domain::clash::Clash;
use crate::domain::edit::{Edit, EditError};
use crate::domain::history::History;
use crate::domain::model::Plan;
use crate::domain::my_template::MyTemplate;
use crate::domain::settings::Settings;
use crate::domain::words::count;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanBook {
    /// In the store's order, then plans new here.
    entries: Vec<Entry>,
    /// Storage as a whole refused (blocked, or full when nothing was left to save).
    pub problem: Option<StoreError>,
    pub unreadable: Vec<Unreadable>,
    /// The store was emptied under this tab (another tab, or the site's data cleared):
    /// nothing is written back until the person says so (`save_back`).
    cleared: bool,
    /// The settings as stored (`settings.rs`), and the browser's language, which picks
    /// the date style until the person does. Merges word their clashes in that style.
    pub(super) settings: Settings,
    pub language: String,
    /// The therapist's own templates, by name (`templates.rs`).
    pub(super) templates: Vec<MyTemplate>,
    /// The settings, and the ids of templates, the store refused: kept here through a
    /// reread of the store, and written at the next flush.
    pub(super) settings_unsaved: bool,
    pub(super) templates_unsaved: BTreeSet<String>,
}

impl PlanBook {
    /// Everything the store holds; a store that cannot be read gives an empty book
    /// that says why.
    pub fn load<S: KeyValue>(store: &mut PlanStore<S>) -> PlanBook {
        let mut book = PlanBook::default();
        book.reload(store);
        book
    }

    fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.shown().id == id)
    }

    fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.shown().id == id)
    }

    pub fn plans(&self) -> impl Iterator<Item = &Plan> + '_ {
        self.entries.iter().map(Entry::shown)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.entry(id).map(Entry::shown)
    }

    /// An edit made here: one step of the plan's history, shown at once, written at the
    /// next flush. Says whether the plan changed (a plan gone meanwhile does not).
    pub fn apply(&mut self, id: &str, edit: &Edit) -> Result<bool, EditError> {
        let Some(entry) = self.entry_mut(id) else { return Ok(false) };
        let changed = entry.history.apply(edit)?;
        entry.unsaved |= changed;
        Ok(changed)
    }

    /// Takes back this tab's last step on a plan; false if there is none.
    pub fn undo(&mut self, id: &str) -> bool {
        self.step(id, History::undo)
    }

    pub fn redo(&mut self, id: &str) -> bool {
        self.step(id, History::redo)
    }

    fn step(&mut self, id: &str, step: fn(&mut History) -> bool) -> bool {
        let Some(entry) = self.entry_mut(id) else { return false };
        let stepped = step(&mut entry.history);
        entry.unsaved |= stepped;
        stepped
    }

    pub fn can_undo(&self, id: &str) -> bool {
        self.entry(id).is_some_and(|e| e.history.can_undo())
    }

    pub fn can_redo(&self, id: &str) -> bool {
        self.entry(id).is_some_and(|e| e.history.can_redo())
    }

    pub fn is_unsaved(&self, id: &str) -> bool {
        self.entry(id).is_some_and(|e| e.unsaved)
    }

    pub fn has_unsaved(&self) -> bool {
        self.entries.iter().any(|e| e.unsaved || e.clashes_unsaved)
            || self.settings_unsaved
            || !self.templates_unsaved.is_empty()
    }

    /// Whether any plan is stored as this tab shows it.
    pub fn has_saved(&self) -> bool {
        self.entries.iter().any(|e| !e.unsaved)
    }

    /// The plans that are not saved, with why the last try failed.
    pub fn not_saved(&self) -> Vec<(&Plan, Option<&StoreError>)> {
        self.entries.iter().filter(|e| e.unsaved).map(|e| (e.shown(), e.failed.as_ref())).collect()
    }

    /// The titles of the plans not saved, quoted and joined, as notices name them.
    pub fn not_saved_titles(&self) -> String {
        let plans = self.not_saved().into_iter().map(|(plan, _)| format!("\u{201c}{}\u{201d}", plan.title));
        let templates = self.templates.iter().filter(|t| self.templates_unsaved.contains(&t.id));
        let templates = templates.map(|t| format!("the template \u{201c}{}\u{201d}", t.name));
        let settings = self.settings_unsaved.then(|| "the settings".to_string());
        plans.chain(templates).chain(settings).collect::<Vec<_>>().join(", ")
    }

    /// What reloading this tab now would lose, when something is only in its memory.
    pub fn reload_would_lose(&self) -> Option<String> {
        if !self.has_unsaved() {
            return None;
        }
        let problem = self.saving_problem().map(|p| format!("{p} ")).unwrap_or_default();
        let what = match self.not_saved_titles() {
            titles if titles.is_empty() => "Some changes".to_string(),
            titles => format!("The changes to {titles}"),
        };
        Some(format!(
            "Not saved. {problem}{what} are only in this tab: reloading now loses them. Download a backup first, \
             or reload anyway."
        ))
    }

    /// Why saving does not work now, if it does not.
    pub fn saving_problem(&self) -> Option<&StoreError> {
        self.entries.iter().find_map(|e| e.failed.as_ref()).or(self.problem.as_ref())
    }

    /// Whether an unreadable record is stored under this plan id.
    pub fn unreadable_under(&self, id: &str) -> bool {
        self.unreadable.iter().any(|u| u.plan_id() == Some(id))
    }

    /// The reason the last save of this plan failed.
    pub fn failure(&self, id: &str) -> Option<&StoreError> {
        self.entry(id).and_then(|e| e.failed.as_ref())
    }

    /// What a merge left for the person to decide about this plan.
    pub fn clashes(&self, id: &str) -> &[Clash] {
        self.entry(id).map_or(&[], |e| &e.clashes)
    }

    /// A plan made here, or a whole version put in place of one (an arriving copy, one
    /// undoable step): shown at once, written at the next flush.
    pub fn put(&mut self, plan: Plan) {
        match self.entry_mut(&plan.id) {
            Some(entry) => {
                entry.unsaved |= entry.history.push(plan);
            }
            None => self.entries.push(Entry { unsaved: true, ..Entry::new(plan, None) }),
        }
    }

    /// A plan to be written over whatever is stored under its id, readable or not, as
    /// the person chose.
    pub fn put_replacing(&mut self, plan: Plan) {
        let id = plan.id.clone();
        self.put(plan);
        if let Some(entry) = self.entry_mut(&id) {
            entry.replacing = true;
        }
    }

    /// More fields for the person to decide about (a merge with another copy).
    pub fn add_clashes(&mut self, id: &str, clashes: Vec<Clash>) {
        if let Some(entry) = self.entry_mut(id).filter(|_| !clashes.is_empty()) {
            entry.clashes.extend(clashes);
            entry.clashes_unsaved = true;
        }
    }

    /// Puts back a plan's clash list as it was (an undo).
    pub fn set_clashes(&mut self, id: &str, clashes: Vec<Clash>) {
        if let Some(entry) = self.entry_mut(id) {
            entry.clashes_unsaved |= entry.clashes != clashes;
            entry.clashes = clashes;
        }
    }

    /// Settles a clash of a plan as the person chose: `use_other` takes its alternative,
    /// one step of the history. A clash whose alternative is refused stays listed, so
    /// the value it offers is not lost. False if the clash is gone already.
    pub fn settle_clash(&mut self, id: &str, clash: &Clash, use_other: bool) -> Result<bool, EditError> {
        let Some(entry) = self.entry_mut(id) else { return Ok(false) };
        let Some(index) = entry.clashes.iter().position(|c| c == clash) else { return Ok(false) };
        if use_other {
            entry.unsaved |= entry.history.apply(&clash.alternative)?;
        }
        entry.clashes.remove(index);
        entry.clashes_unsaved = true;
        Ok(true)
    }

    /// Writes every unsaved plan. A plan another tab saved meanwhile is merged with it;
    /// one that cannot be written stays here, unsaved, with the reason. Once the store
    /// was emptied under this tab, nothing is written until the person says so.
    pub fn flush<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        if !self.notice_cleared(store) {
            self.write_unsaved(store);
        }
    }

    fn write_unsaved<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        let style = self.style();
        for entry in self.entries.iter_mut().filter(|e| e.unsaved) {
            let result = if entry.replacing {
                store.replace_text(entry.shown()).map(|(plan, text)| (Saved::Written(plan), text))
            } else {
                store.save_over(entry.stored.as_ref(), entry.stored_text.as_deref(), entry.shown(), style)
            };
            match result {
                Ok((saved, text)) => {
                    let written = saved.plan().clone();
                    if let Saved::Merged { clashes, .. } = saved {
                        entry.clashes_unsaved |= !clashes.is_empty();
                        entry.clashes.extend(clashes);
                    }
                    entry.unsaved = false;
                    entry.replacing = false;
                    entry.failed = None;
                    entry.set_written(written.clone(), text);
                    entry.history.take(written);
                }
                Err(reason) => entry.failed = Some(reason),
            }
        }
        // A clash list is written once its plan is (it names the plan's fields).
        for entry in self.entries.iter_mut().filter(|e| e.clashes_unsaved && !e.unsaved) {
            if store.record_clashes(&entry.shown().id, &entry.clashes).is_ok() {
                entry.clashes_unsaved = false;
            }
        }
        let others_written = self.write_settings_again(store) && self.write_templates_again(store);
        if others_written && self.entries.iter().all(|e| e.failed.is_none()) {
            self.problem = None;
        }
    }

    /// Reads the store again (another tab wrote). A plan without changes here takes
    /// the stored version; one with unsaved changes keeps them, merged with the other
    /// tab's version, and is saved at the next flush.
    pub fn reload<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        self.reload_after(store, None);
    }

    /// `reload`, told by the storage event what the other tab's write replaced in its
    /// own copy of storage: the version that write started from (`Entry::take_stored`).
    pub fn reload_after<S: KeyValue>(&mut self, store: &mut PlanStore<S>, write: Option<&OtherTabWrite>) {
        if self.notice_cleared(store) {
            return;
        }
        let loaded = match store.load_all() {
            Ok(loaded) => loaded,
            Err(problem) => {
                self.problem = Some(problem);
                return;
            }
        };
        let style = self.style();
        let mut old = std::mem::take(&mut self.entries);
        let mut entries = Vec::with_capacity(loaded.plans.len());
        for theirs in loaded.plans {
            let id = theirs.id.clone();
            let held = old.iter().position(|e| e.shown().id == id).map(|at| old.remove(at));
            let written_from = write.and_then(|write| write.started_from(store, &id));
            let lost = write.and_then(|write| write.overwritten(store, &id));
            let mut entry = match held {
                Some(mut entry) => {
                    entry.take_stored(theirs, written_from.as_ref(), style);
                    if let Some((from, lost)) = lost {
                        entry.take_lost_write(&from, &lost, style);
                    }
                    entry
                }
                None => Entry::new(theirs.clone(), Some(theirs)),
            };
            if !entry.clashes_unsaved {
                entry.clashes = store.clashes(&id);
            }
            entries.push(entry);
        }
        // Plans not in the store keep their place only if this tab has changes to them
        // (made while storage failed): the next flush writes them.
        entries.extend(old.into_iter().filter(|e| e.unsaved));
        self.entries = entries;
        self.unreadable = loaded.unreadable;
        self.reread_settings(store);
        self.reread_templates(store);
    }

    /// Whether the store was emptied under this tab, noticing it if it just was: every
    /// plan this tab had stored is then kept here, unsaved, until the person chooses.
    fn notice_cleared<S: KeyValue>(&mut self, store: &PlanStore<S>) -> bool {
        if !self.cleared && self.entries.iter().any(|e| e.stored.is_some()) && store.holds_nothing() {
            self.cleared = true;
            for entry in &mut self.entries {
                entry.unsaved = true;
                entry.clashes_unsaved |= !entry.clashes.is_empty();
            }
        }
        self.cleared
    }

    /// The person's "Save them back" after the store was emptied: writes every plan,
    /// template and setting this tab holds.
    pub fn save_back<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        self.cleared = false;
        self.write_unsaved(store);
        let settings = (self.settings != Settings::default()).then(|| store.save_settings(&self.settings));
        let templates = self.templates.iter().map(|template| store.save_template(template));
        if let Some(Err(problem)) = settings.into_iter().chain(templates).find(Result::is_err) {
            self.problem = Some(problem);
        }
    }

    /// What to tell the person once the store was emptied under this tab.
    pub fn cleared_notice(&self) -> Option<String> {
        if !self.cleared {
            return None;
        }
        let held = count(self.entries.len(), "plan", "plans");
        Some(format!(
            "This browser's storage for the app was emptied while this tab was open (by another tab, or by \
             clearing this site's data). This tab still holds {held}: {}. Save them back, or download a backup \
             before closing this tab.",
            self.not_saved_titles()
        ))
    }

    /// Deletes a plan from the store and from this tab; returns it, for undo.
    pub fn remove<S: KeyValue>(&mut self, id: &str, store: &mut PlanStore<S>) -> Option<Plan> {
        if let Err(problem) = store.delete(id) {
            self.problem = Some(problem);
        }
        let position = self.entries.iter().position(|e| e.shown().id == id)?;
        Some(self.entries.remove(position).shown().clone())
    }

    /// Takes a plan back out of this tab without touching the store (an arriving plan
    /// that turned out to be stored already, and waits for the person's choice).
    pub fn withdraw(&mut self, id: &str) -> Option<Plan> {
        let position = self.entries.iter().position(|e| e.shown().id == id && e.stored.is_none())?;
        Some(self.entries.remove(position).shown().clone())
    }
}
