//! Undo and redo of every change: a plan's past and future versions. A version that
//! arrives from elsewhere (another tab's save, merged) does not wipe them: each is
//! carried over onto it, so undo takes back what was done here and keeps what came.

use super::dates::DateStyle;
use super::edit::{apply, Edit, EditError};
use super::merge::merge;
use super::model::Plan;

/// How many steps back undo reaches.
const MAX_UNDO: usize = 200;

#[derive(Clone, Debug, PartialEq)]
pub struct History {
    past: Vec<Plan>,
    present: Plan,
    future: Vec<Plan>,
}

impl History {
    pub fn new(plan: Plan) -> History {
        History { past: Vec::new(), present: plan, future: Vec::new() }
    }
    pub fn present(&self) -> &Plan {
        &self.present
    }
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Applies an edit as a new step; a refused edit changes nothing. Says whether the
    /// plan changed.
    pub fn apply(&mut self, edit: &Edit) -> Result<bool, EditError> {
        let next = apply(&self.present, edit)?;
        Ok(self.push(next))
    }

    /// A new version made here (an arriving copy brought in, say) as one undoable step.
    pub fn push(&mut self, next: Plan) -> bool {
        if next == self.present {
            return false;
        }
        self.past.push(std::mem::replace(&mut self.present, next));
        if self.past.len() > MAX_UNDO {
            self.past.remove(0);
        }
        self.future.clear();
        true
    }

    pub fn undo(&mut self) -> bool {
        Self::step(&mut self.past, &mut self.present, &mut self.future)
    }

    pub fn redo(&mut self) -> bool {
        Self::step(&mut self.future, &mut self.present, &mut self.past)
    }

    /// Moves one version from `from` into the present, the present onto `to`; the
    /// stored revision stays with the present so the next save is not a conflict.
    fn step(from: &mut Vec<Plan>, present: &mut Plan, to: &mut Vec<Plan>) -> bool {
        let Some(version) = from.pop() else { return false };
        let current = std::mem::replace(present, version);
        present.revision = current.revision;
        to.push(current);
        true
    }

    /// Takes the version the store now holds: the present as saved (only its revision
    /// is new), or another tab's change merged in. Not an undoable step: undo and redo
    /// go on from it, each step carried over onto it (a field both changed keeps the
    /// arrived value).
    pub fn take(&mut self, arrived: Plan) {
        if arrived.same_content(&self.present) {
            self.present.revision = arrived.revision;
            return;
        }
        let was = std::mem::replace(&mut self.present, arrived);
        for version in self.past.iter_mut().chain(self.future.iter_mut()) {
            // Only the merged plan is kept, so the clashes' wording does not matter.
            *version = merge(&was, version, &self.present, DateStyle::default()).plan;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{clock, BlockKind};
    use crate::domain::sample::sample_plan;

    #[test]
    fn undo_and_redo_walk_through_every_change() {
        let plan = sample_plan(3, 0);
        let id = plan.blocks[1].id;
        let mut history = History::new(plan.clone());
        history.apply(&Edit::MoveBlock { id, day: 2, start: clock(11, 0) }).unwrap();
        history.apply(&Edit::ChangeKind { id, kind: BlockKind::Break }).unwrap();
        let mut saved = history.present().clone();
        saved.revision = 7;
        history.take(saved);
        assert!(history.undo());
        assert_eq!(history.present().block(id).unwrap().kind, plan.blocks[1].kind);
        assert_eq!(history.present().revision, 7, "undo keeps the stored revision");
        assert!(history.undo());
        assert_eq!(history.present().blocks, plan.blocks);
        assert!(!history.undo());
        assert!(history.redo());
        assert_eq!(history.present().block(id).unwrap().day, 2);
        // A new change clears what could be redone.
        history.apply(&Edit::DeleteBlock { id }).unwrap();
        assert!(!history.can_redo());
        // A refused or empty edit adds no step.
        assert!(history.apply(&Edit::DeleteBlock { id }).is_err());
        let steps = history.past.len();
        assert!(!history.apply(&Edit::SetTitle(history.present().title.clone())).unwrap());
        assert_eq!(history.past.len(), steps);
    }

    #[test]
    fn undo_after_another_tab_saved_takes_back_only_this_tabs_step() {
        let plan = sample_plan(3, 0);
        let (moved, renamed) = (plan.blocks[1].id, plan.blocks[2].id);
        let mut history = History::new(plan.clone());
        history.apply(&Edit::MoveBlock { id: moved, day: 2, start: clock(11, 0) }).unwrap();
        // The other tab renamed another block and changed the location; merged in here.
        let mut theirs = history.present().clone();
        theirs.location = "Garden Studio".into();
        theirs.blocks.iter_mut().find(|b| b.id == renamed).unwrap().title = "Renamed there".into();
        theirs.revision = 9;
        history.take(theirs);
        assert!(history.can_undo(), "another tab's save leaves undo in place");
        assert!(history.undo());
        let now = history.present();
        assert_eq!(now.block(moved).unwrap().day, plan.blocks[1].day, "this tab's move is taken back");
        assert_eq!(now.location, "Garden Studio", "the other tab's change stays");
        assert_eq!(now.block(renamed).unwrap().title, "Renamed there");
        assert_eq!(now.revision, 9);
        assert!(history.redo());
        assert_eq!(history.present().block(moved).unwrap().day, 2);
        assert_eq!(history.present().location, "Garden Studio");
    }
}
