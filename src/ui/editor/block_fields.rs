//! What each field of the block form holds, and the one edit a change to it makes.
//!
//! The form has a single change listener for all its fields (BENCHMARKS.md, "Size,
//! seventh round": a listener per field cost about a kilobyte of download each). It
//! passes the field that changed and its new text here; everything about reading a
//! field's text lives in this file, without browser types, so it is tested natively.

use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{Block, BlockKind, Modality, Participants, Partner, PartnerSet};
use crate::domain::time::{hhmm, parse_hhmm};

/// A field of the block form, named by its element id.
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

impl BlockField {
    pub const ALL: [BlockField; 10] = [
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

    /// The element id, which its `<label for>` names too.
    pub fn dom_id(self) -> &'static str {
        match self {
            BlockField::Title => "bf-title",
            BlockField::Kind => "bf-kind",
            BlockField::Day => "bf-day",
            BlockField::Start => "bf-start",
            BlockField::Length => "bf-length",
            BlockField::Who => "bf-who",
            BlockField::KapFor => "bf-kap-for",
            BlockField::Modality => "bf-modality",
            BlockField::CoupleNotes => "bf-couple-notes",
            BlockField::PrivateNotes => "bf-private-notes",
        }
    }

    /// The field whose element has this id, if it is one of the block's fields (the
    /// new checklist item's box is not: it is added with its button).
    pub fn from_dom_id(id: &str) -> Option<BlockField> {
        BlockField::ALL.into_iter().find(|field| field.dom_id() == id)
    }

    /// The text the field shows for `block`.
    pub fn text(self, block: &Block) -> String {
        match self {
            BlockField::Title => block.title.clone(),
            BlockField::Kind => block.kind.css_name().to_string(),
            BlockField::Day => block.day.to_string(),
            BlockField::Start => hhmm(block.start),
            BlockField::Length => block.minutes.to_string(),
            BlockField::Who => who_value(block.who).to_string(),
            BlockField::KapFor => kap_for_value(block.kap_for).to_string(),
            BlockField::Modality => block.modality.map(|m| m.code().to_string()).unwrap_or_default(),
            BlockField::CoupleNotes => block.couple_notes.clone(),
            BlockField::PrivateNotes => block.private_notes.clone(),
        }
    }

    /// The edit that gives `block` the field's new `text`; `None` when the text is not
    /// one the field offers (a half-typed time), so nothing changes.
    pub fn edit(self, block: &Block, text: String) -> Option<Edit> {
        let id = block.id;
        Some(match self {
            BlockField::Title => Edit::SetText { id, field: BlockText::Title, text },
            BlockField::CoupleNotes => Edit::SetText { id, field: BlockText::CoupleNotes, text },
            BlockField::PrivateNotes => Edit::SetText { id, field: BlockText::PrivateNotes, text },
            BlockField::Kind => {
                Edit::ChangeKind { id, kind: BlockKind::ALL.into_iter().find(|k| k.css_name() == text)? }
            }
            BlockField::Day => Edit::MoveBlock { id, day: text.parse().ok()?, start: block.start },
            BlockField::Start => Edit::MoveBlock { id, day: block.day, start: parse_hhmm(&text)? },
            BlockField::Length => Edit::ResizeBlock { id, minutes: text.parse().ok()? },
            BlockField::Who => Edit::ChangeWho { id, who: who_from(&text)? },
            BlockField::KapFor => Edit::ChangeKapFor { id, kap_for: kap_for_from(&text)? },
            BlockField::Modality => {
                Edit::ChangeModality { id, modality: Modality::ALL.into_iter().find(|m| m.code() == text) }
            }
        })
    }
}

/// Who takes part, as the options of the form's list name them.
const WHO: [(Participants, &str); 6] = [
    (Participants::BothWithTherapist, "both-t"),
    (Participants::OneWithTherapist(Partner::A), "a-t"),
    (Participants::OneWithTherapist(Partner::B), "b-t"),
    (Participants::CoupleOnTheirOwn, "couple"),
    (Participants::OneOnTheirOwn(Partner::A), "a"),
    (Participants::OneOnTheirOwn(Partner::B), "b"),
];

fn who_value(who: Participants) -> &'static str {
    WHO.iter().find(|(w, _)| *w == who).map_or("both-t", |(_, value)| value)
}

fn who_from(value: &str) -> Option<Participants> {
    WHO.iter().find(|(_, v)| *v == value).map(|(who, _)| *who)
}

/// Whose medicine a dosing block is for; "all" is everyone taking part.
const KAP_FOR: [(Option<PartnerSet>, &str); 4] = [
    (None, "all"),
    (Some(PartnerSet { a: true, b: false }), "a"),
    (Some(PartnerSet { a: false, b: true }), "b"),
    (Some(PartnerSet { a: true, b: true }), "both"),
];

fn kap_for_value(kap_for: Option<PartnerSet>) -> &'static str {
    KAP_FOR.iter().find(|(k, _)| *k == kap_for).map_or("all", |(_, value)| value)
}

fn kap_for_from(value: &str) -> Option<Option<PartnerSet>> {
    KAP_FOR.iter().find(|(_, v)| *v == value).map(|(kap_for, _)| *kap_for)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_plan;

    fn some_block() -> Block {
        sample_plan(3, 0).blocks[0].clone()
    }

    #[test]
    fn every_field_reads_back_the_text_it_shows_as_no_change() {
        let block = some_block();
        for field in BlockField::ALL {
            assert_eq!(BlockField::from_dom_id(field.dom_id()), Some(field));
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
        assert_eq!(
            edit(BlockField::Kind, BlockKind::ALL[1].css_name()),
            Some(Edit::ChangeKind { id, kind: BlockKind::ALL[1] })
        );
    }

    #[test]
    fn text_a_field_does_not_offer_changes_nothing() {
        let block = some_block();
        for (field, text) in [
            (BlockField::Start, "13:"),
            (BlockField::Day, ""),
            (BlockField::Length, "long"),
            (BlockField::Who, "someone"),
            (BlockField::KapFor, "c"),
            (BlockField::Kind, "party"),
        ] {
            assert_eq!(field.edit(&block, text.to_string()), None, "{field:?} took {text:?}");
        }
        assert_eq!(BlockField::from_dom_id("bf-new-item"), None);
    }
}
