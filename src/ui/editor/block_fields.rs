//! What each field of the block form shows, and the one edit a change to it makes.
//! No browser types, so it is tested natively: the form's components only pass the
//! field they are and its new text.

use crate::domain::edit::{BlockText, Edit};
use crate::domain::model::{Block, BlockKind, Modality, Participants, Partner, PartnerSet, Partners};
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

/// Whose medicine a KAP block is for, in the order the form lists them; `None` is
/// everyone taking part.
pub const KAP_FOR: [Option<PartnerSet>; 4] = [
    None,
    Some(PartnerSet { a: true, b: false }),
    Some(PartnerSet { a: false, b: true }),
    Some(PartnerSet { a: true, b: true }),
];

/// The values the "who takes part" list gives `Participants::ALL`.
pub const WHO_VALUES: [&str; 6] = ["both-t", "a-t", "b-t", "couple", "a", "b"];
/// The values the "whose medicine" list gives `KAP_FOR`.
pub const KAP_FOR_VALUES: [&str; 4] = ["all", "a", "b", "both"];

/// The value of a choice in a list: its place among the choices, or the name `values`
/// gives that place.
fn value<T: PartialEq>(choices: &[T], values: Option<&[&str]>, chosen: &T) -> String {
    let Some(i) = choices.iter().position(|c| c == chosen) else { return String::new() };
    values.and_then(|v| v.get(i)).map_or_else(|| i.to_string(), |name| name.to_string())
}

/// The choice a list's value names.
fn chosen<T: Copy>(choices: &[T], values: Option<&[&str]>, text: &str) -> Option<T> {
    let index = match values {
        Some(values) => values.iter().position(|v| *v == text)?,
        None => text.parse::<usize>().ok()?,
    };
    choices.get(index).copied()
}

impl BlockField {
    /// The text the field shows for `block` (for a list, the value of its choice).
    pub fn text(self, block: &Block) -> String {
        match self {
            BlockField::Title => block.title.clone(),
            BlockField::Kind => value(&BlockKind::ALL, None, &block.kind),
            BlockField::Day => block.day.to_string(),
            BlockField::Start => hhmm(block.start),
            BlockField::Length => block.minutes.to_string(),
            BlockField::Who => value(&Participants::ALL, Some(&WHO_VALUES), &block.who),
            BlockField::KapFor => value(&KAP_FOR, Some(&KAP_FOR_VALUES), &block.kap_for),
            BlockField::Modality => block.modality.map(|m| value(&Modality::ALL, None, &m)).unwrap_or_default(),
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
            BlockField::Kind => Edit::ChangeKind { id, kind: chosen(&BlockKind::ALL, None, &text)? },
            BlockField::Day => Edit::MoveBlock { id, day: text.parse().ok()?, start: block.start },
            BlockField::Start => Edit::MoveBlock { id, day: block.day, start: parse_hhmm(&text)? },
            BlockField::Length => Edit::ResizeBlock { id, minutes: text.parse().ok()? },
            BlockField::Who => Edit::ChangeWho { id, who: chosen(&Participants::ALL, Some(&WHO_VALUES), &text)? },
            BlockField::KapFor => Edit::ChangeKapFor { id, kap_for: chosen(&KAP_FOR, Some(&KAP_FOR_VALUES), &text)? },
            BlockField::Modality => Edit::ChangeModality { id, modality: chosen(&Modality::ALL, None, &text) },
        })
    }
}

/// A partner set's words in the "whose medicine" list.
pub fn kap_for_label(kap_for: Option<PartnerSet>, partners: &Partners) -> String {
    match kap_for {
        None => "Everyone taking part".to_string(),
        Some(set) if set == PartnerSet::BOTH => "Both partners".to_string(),
        Some(set) if set.contains(Partner::A) => partners.a.clone(),
        Some(_) => partners.b.clone(),
    }
}

/// Who takes part, in the words of the "who takes part" list.
pub fn who_label(who: Participants, partners: &Partners) -> String {
    match who {
        Participants::BothWithTherapist => format!("{} and {} with the therapist", partners.a, partners.b),
        Participants::OneWithTherapist(p) => format!("{} with the therapist", partners.name(p)),
        Participants::CoupleOnTheirOwn => "The couple on their own".to_string(),
        Participants::OneOnTheirOwn(p) => format!("{} on their own", partners.name(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_plan;

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
        assert_eq!(edit(BlockField::Kind, "1"), Some(Edit::ChangeKind { id, kind: BlockKind::ALL[1] }));
        let partners = Partners { a: "Sam".into(), b: "Alex".into() };
        assert_eq!(kap_for_label(KAP_FOR[2], &partners), "Alex");
        assert_eq!(kap_for_label(KAP_FOR[3], &partners), "Both partners");
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
