//! Undo and redo of every change: a plan's past and future versions.

use super::edit::{apply, Edit, EditError};
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

    /// Applies an edit as a new step; a refused edit changes nothing.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        let next = apply(&self.present, edit)?;
        if next != self.present {
            self.past.push(std::mem::replace(&mut self.present, next));
            if self.past.len() > MAX_UNDO {
                self.past.remove(0);
            }
            self.future.clear();
        }
        Ok(())
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

    /// Records the revision storage gave the present plan; not an undoable step.
    pub fn saved_as(&mut self, revision: u64) {
        self.present.revision = revision;
    }

    /// Takes a newer copy from elsewhere (another tab) as a fresh start.
    pub fn replace(&mut self, plan: Plan) {
        *self = History::new(plan);
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
        history.saved_as(7);
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
        history.apply(&Edit::SetTitle(history.present().title.clone())).unwrap();
        assert_eq!(history.past.len(), steps);
    }
}
