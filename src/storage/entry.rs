//! One plan as a tab holds it: the plan shown with its undo history, the version last
//! read from or written to the store, whether it is saved and why not, and its clashes.
//! The book keeps one per plan (`book.rs`).

use super::store::StoreError;
use crate::domain::clash::Clash;
use crate::domain::dates::DateStyle;
use crate::domain::history::History;
use crate::domain::merge::merge;
use crate::domain::model::Plan;

/// Everything this tab knows of one plan.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Entry {
    /// As this tab shows it, with the steps undo and redo walk.
    pub(super) history: History,
    /// The version last read from or written to the store; `None` for a plan new here.
    pub(super) stored: Option<Plan>,
    /// `stored` as this tab wrote it, when it did: the next save compares the record
    /// with this text rather than encoding `stored` again. Only ever `stored`'s text.
    pub(super) stored_text: Option<String>,
    /// The version stored before `stored`: the one a write of the next revision by
    /// another tab started from, when that write went over this tab's last save.
    pub(super) previous: Option<Plan>,
    /// The version shown is not in the store yet.
    pub(super) unsaved: bool,
    /// The person chose to write it over whatever is stored under its id.
    pub(super) replacing: bool,
    /// Why the last attempt to save it failed.
    pub(super) failed: Option<StoreError>,
    /// Fields both this tab and another copy changed, kept in the store beside the plan
    /// so a reload does not forget them.
    pub(super) clashes: Vec<Clash>,
    pub(super) clashes_unsaved: bool,
}

impl Entry {
    pub(super) fn new(shown: Plan, stored: Option<Plan>) -> Entry {
        Entry {
            history: History::new(shown),
            stored,
            stored_text: None,
            previous: None,
            unsaved: false,
            replacing: false,
            failed: None,
            clashes: Vec::new(),
            clashes_unsaved: false,
        }
    }

    pub(super) fn shown(&self) -> &Plan {
        self.history.present()
    }

    /// Takes the version another tab stored. Changes here are kept, merged with it
    /// against the version both started from, and saved at the next flush. That is
    /// `written_from` when the storage event told what the other tab's write replaced:
    /// a tab closing writes at once from its own copy of storage, which may not yet
    /// hold this tab's last save, and merging against this tab's stored version would
    /// then take that save as undone.
    ///
    /// A write makes the revision after the version it started from, so the event's old
    /// value is that version only when it is older: a tab whose copy caught up between
    /// its read and its write replaced a version it never saw (this tab's last save).
    /// The version of the revision before theirs, if this tab knows it, is then the one.
    pub(super) fn take_stored(&mut self, theirs: Plan, written_from: Option<&Plan>, style: DateStyle) {
        let started_from = written_from
            .filter(|from| from.revision < theirs.revision)
            .or_else(|| self.version_before(theirs.revision));
        let base = match (started_from, &self.stored) {
            (Some(from), _) => from.clone(),
            (None, _) if !self.unsaved => {
                self.history.take(theirs.clone());
                self.set_stored(theirs);
                return;
            }
            // New here, and stored by another tab meanwhile: no common version to merge
            // from, so the next save asks instead (`StoreError::AlreadyStored`).
            (None, None) => return,
            (None, Some(stored)) if stored.revision == theirs.revision => {
                self.set_stored(theirs);
                return;
            }
            (None, Some(stored)) => stored.clone(),
        };
        let merged = merge(&base, self.shown(), &theirs, style);
        self.clashes_unsaved |= !merged.clashes.is_empty();
        self.clashes.extend(merged.clashes);
        self.unsaved |= !merged.plan.same_content(&theirs);
        self.history.take(merged.plan);
        self.set_stored(theirs);
    }

    /// Records `plan` as the version last read from or written to the store.
    pub(super) fn set_stored(&mut self, plan: Plan) {
        if self.stored.as_ref() != Some(&plan) {
            self.previous = self.stored.replace(plan);
            self.stored_text = None;
        }
    }

    /// Records `plan`, written by this tab as `text`, as the version last stored.
    pub(super) fn set_written(&mut self, plan: Plan, text: String) {
        self.set_stored(plan);
        self.stored_text = Some(text);
    }

    /// The version of the revision just before `revision` that this tab stored or read.
    fn version_before(&self, revision: u64) -> Option<&Plan> {
        [self.stored.as_ref(), self.previous.as_ref()].into_iter().flatten().find(|p| p.revision + 1 == revision)
    }

    /// Merges in again the changes of another tab's write that a save from a copy not yet
    /// caught up wrote over (`OtherTabWrite::overwritten`); saved at the next flush.
    pub(super) fn take_lost_write(&mut self, from: &Plan, lost: &Plan, style: DateStyle) {
        let merged = merge(from, self.shown(), lost, style);
        if merged.plan.same_content(self.shown()) {
            return;
        }
        self.clashes_unsaved |= !merged.clashes.is_empty();
        self.clashes.extend(merged.clashes);
        self.unsaved = true;
        self.history.take(merged.plan);
    }
}
