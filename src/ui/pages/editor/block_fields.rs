//! What each field of the block form shows, and the one edit a change to it makes.
//! No browser types, so it is tested natively: the form's components only pass the
//! field they are and its new text.

use super::field_binding::FieldOf;
use crate::domain::choice::Choice;
use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::Block;
use crate::domain::time::{hhmm, parse_hhmm};

/// A field of the block form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockField {
    Title,
    Kind,
    Day,
    Start,
    Length,
    Who,
    KapFor,
    Modality,
    CoupleNotes,
    PrivateNotes,
}

impl FieldOf<Block> for BlockField {
    /// The text the field shows for `block` (for a list, the value of its choice).
    fn text(self, block: &Block) -> String {
        match self {
            BlockField::Title => block.title.clone(),
            BlockField::Kind => block.kind.value().to_string(),
            BlockField::Day => block.day.to_string(),
            BlockField::Start => hhmm(block.start),
            BlockField::Length => block.minutes.to_string(),
            BlockField::Who => block.who.value().to_string(),
            BlockField::KapFor => block.kap_for.value().to_string(),
            BlockField::Modality => block.modality.value().to_string(),
            BlockField::CoupleNotes => block.couple_notes.clone(),
            BlockField::PrivateNotes => block.private_notes.clone(),
        }
    }

    /// The edit that gives `block` the field's new `text`; `None` when the text is not
    /// one the field offers (a half-typed time), so nothing changes.
    fn edit(self, block: &Block, text: String) -> Option<Edit> {
        let id = block.id;
        Some(match self {
            BlockField::Title => Edit::SetText { id, field: BlockText::Title, text },
            BlockField::CoupleNotes => Edit::SetText { id, field: BlockText::CoupleNotes, text },
            BlockField::PrivateNotes => Edit::SetText { id, field: BlockText::PrivateNotes, text },
            BlockField::Kind => Edit::ChangeKind { id, kind: Choice::from_value(&text)? },
            BlockField::Day => Edit::MoveBlock { id, day: text.parse().ok()?, start: block.start },
            BlockField::Start => Edit::MoveBlock { id, day: block.day, start: parse_hhmm(&text)? },
            BlockField::Length => Edit::ResizeBlock { id, minutes: text.parse().ok()? },
            BlockField::Who => Edit::ChangeWho { id, who: Choice::from_value(&text)? },
            BlockField::KapFor => Edit::ChangeKapFor { id, kap_for: Choice::from_value(&text)? },
            // A value no list gives leaves the approach unset, as "Not set" does.
            BlockField::Modality => Edit::ChangeModality { id, modality: Choice::from_value(&text).flatten() },
        })
    }

    /// One form shows one block at a time, so a field's id is the same for every block.
    fn element_id(self, _: &Block) -> String {
        let name = match self {
            BlockField::Title => "title",
            BlockField::Kind => "kind",
            BlockField::Day => "day",
            BlockField::Start => "start",
            BlockField::Length => "length",
            BlockField::Who => "who",
            BlockField::KapFor => "kap-for",
            BlockField::Modality => "modality",
            BlockField::CoupleNotes => "couple-notes",
            BlockField::PrivateNotes => "private-notes",
        };
        format!("bf-{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{BlockKind, Modality, Participants, Partner, PartnerSet, Partners};
    use crate::domain::sample::sample_plan;
    use crate::domain::words::{kap_for_label, who_label};

    const ALL: [BlockField; 10] = [
        BlockField::Title,
        BlockField::Kind,
        BlockField::Day,
        BlockField::Start,
        BlockField::Length,
        BlockField::Who,
        BlockField::KapFor,
        BlockField::Modality,
        BlockField::CoupleNotes,
        BlockField::PrivateNotes,
    ];

    fn some_block() -> Block {
        sample_plan(3, 0).blocks[0].clone()
    }

    #[test]
    fn every_field_reads_back_the_text_it_shows_as_no_change() {
        let block = some_block();
        for field in ALL {
            let Some(edit) = field.edit(&block, field.text(&block)) else {
                panic!("{field:?} does not read its own text {:?}", field.text(&block));
            };
            let plan = sample_plan(3, 0);
            let after = crate::domain::edit::apply(&plan, &edit).expect("the same value is a valid edit");
            assert_eq!(after, plan, "{field:?} changed the block with its own text");
        }
    }

    #[test]
    fn each_field_makes_its_own_edit() {
        let block = some_block();
        let id = block.id;
        let edit = |field: BlockField, text: &str| field.edit(&block, text.to_string());
        assert_eq!(
            edit(BlockField::Title, "Arrival"),
            Some(Edit::SetText { id, field: BlockText::Title, text: "Arrival".into() })
        );
        assert_eq!(edit(BlockField::Day, "2"), Some(Edit::MoveBlock { id, day: 2, start: block.start }));
        assert_eq!(
            edit(BlockField::Start, "13:45"),
            Some(Edit::MoveBlock { id, day: block.day, start: parse_hhmm("13:45").expect("a time") })
        );
        assert_eq!(edit(BlockField::Length, "75"), Some(Edit::ResizeBlock { id, minutes: 75 }));
        assert_eq!(
            edit(BlockField::Who, "b"),
            Some(Edit::ChangeWho { id, who: Participants::OneOnTheirOwn(Partner::B) })
        );
        assert_eq!(
            edit(BlockField::KapFor, "a"),
            Some(Edit::ChangeKapFor { id, kap_for: Some(PartnerSet::only(Partner::A)) })
        );
        assert_eq!(edit(BlockField::KapFor, "all"), Some(Edit::ChangeKapFor { id, kap_for: None }));
        assert_eq!(edit(BlockField::Modality, ""), Some(Edit::ChangeModality { id, modality: None }));
        assert_eq!(edit(BlockField::Kind, "lunch"), Some(Edit::ChangeKind { id, kind: BlockKind::Lunch }));
        assert_eq!(edit(BlockField::Modality, "ifs"), Some(Edit::ChangeModality { id, modality: Some(Modality::Ifs) }));
        let partners = Partners { a: "Sam".into(), b: "Alex".into() };
        assert_eq!(kap_for_label(Some(PartnerSet::only(Partner::B)), &partners), "Alex");
        assert_eq!(kap_for_label(Some(PartnerSet::BOTH), &partners), "Both partners");
        assert_eq!(who_label(Participants::ALL[4], &partners), "Sam on their own");
    }

    #[test]
    fn text_a_field_does_not_offer_changes_nothing() {
        let block = some_block();
        for (field, text) in [
            (BlockField::Start, "13:"),
            (BlockField::Day, ""),
            (BlockField::Length, "long"),
            (BlockField::Who, "9"),
            (BlockField::Who, "someone"),
            (BlockField::KapFor, "c"),
            (BlockField::Kind, "party"),
        ] {
            assert_eq!(field.edit(&block, text.to_string()), None, "{field:?} took {text:?}");
        }
    }
}
