//! What each field of a follow-up shows, and the one edit a change to it makes. No
//! browser types, so it is tested natively.

use super::field_binding::FieldOf;
use crate::domain::choice::Choice;
use crate::domain::dates;
use crate::domain::edit::Edit;
use crate::domain::model::{FollowUpChange, FollowUpDose, FollowUpSession, FollowUpText, FOLLOW_UP_WHO};
use crate::domain::time::{hhmm, parse_hhmm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpField {
    Date,
    Start,
    Length,
    Who,
    KapFor,
    Title,
    CoupleNotes,
    PrivateNotes,
}

impl FieldOf<FollowUpSession> for FollowUpField {
    fn text(self, session: &FollowUpSession) -> String {
        match self {
            FollowUpField::Date => dates::iso(session.date),
            FollowUpField::Start => hhmm(session.start),
            FollowUpField::Length => session.minutes.to_string(),
            FollowUpField::Who => session.who.value().to_string(),
            FollowUpField::KapFor => FollowUpDose(session.kap_for).value().to_string(),
            FollowUpField::Title => session.title.clone(),
            FollowUpField::CoupleNotes => session.couple_notes.clone(),
            FollowUpField::PrivateNotes => session.private_notes.clone(),
        }
    }

    /// The edit that gives `session` the field's new `text`; `None` for text the field
    /// does not offer (a half-typed date), so nothing changes.
    fn edit(self, session: &FollowUpSession, text: String) -> Option<Edit> {
        let change = match self {
            FollowUpField::Date => FollowUpChange::Date(dates::parse_iso(&text)?),
            FollowUpField::Start => FollowUpChange::Start(parse_hhmm(&text)?),
            FollowUpField::Length => FollowUpChange::Length(text.parse().ok()?),
            FollowUpField::Who => {
                FollowUpChange::Who(Choice::from_value(&text).filter(|who| FOLLOW_UP_WHO.contains(who))?)
            }
            FollowUpField::KapFor => FollowUpChange::KapFor(FollowUpDose::from_value(&text)?.0),
            FollowUpField::Title => FollowUpChange::Text(FollowUpText::Title, text),
            FollowUpField::CoupleNotes => FollowUpChange::Text(FollowUpText::CoupleNotes, text),
            FollowUpField::PrivateNotes => FollowUpChange::Text(FollowUpText::PrivateNotes, text),
        };
        Some(Edit::ChangeFollowUp { id: session.id, change })
    }

    fn element_id(self, session: &FollowUpSession) -> String {
        self.dom_id(session.id.0)
    }
}

impl FollowUpField {
    /// The element id of this field of follow-up `id`.
    pub fn dom_id(self, id: u32) -> String {
        let name = match self {
            FollowUpField::Date => "date",
            FollowUpField::Start => "start",
            FollowUpField::Length => "length",
            FollowUpField::Who => "who",
            FollowUpField::KapFor => "kap-for",
            FollowUpField::Title => "title",
            FollowUpField::CoupleNotes => "couple-notes",
            FollowUpField::PrivateNotes => "private-notes",
        };
        format!("fu-{id}-{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::apply;
    use crate::domain::model::{Participants, Partner, PartnerSet};

    const ALL: [FollowUpField; 8] = [
        FollowUpField::Date,
        FollowUpField::Start,
        FollowUpField::Length,
        FollowUpField::Who,
        FollowUpField::KapFor,
        FollowUpField::Title,
        FollowUpField::CoupleNotes,
        FollowUpField::PrivateNotes,
    ];

    fn planned() -> crate::domain::model::Plan {
        let plan = crate::domain::sample::sample_plan(3, 0);
        assert!(!plan.follow_ups.is_empty(), "the sample plans its follow-ups");
        plan
    }

    #[test]
    fn every_field_reads_back_its_own_text_as_no_change() {
        let plan = planned();
        let session = plan.follow_ups[0].clone();
        for field in ALL {
            let edit = field.edit(&session, field.text(&session)).unwrap_or_else(|| panic!("{field:?}"));
            assert_eq!(apply(&plan, &edit).expect("valid"), plan, "{field:?}");
        }
    }

    #[test]
    fn each_field_makes_its_own_change_and_refuses_what_it_does_not_offer() {
        let plan = planned();
        let session = plan.follow_ups[0].clone();
        let change = |field: FollowUpField, text: &str| match field.edit(&session, text.into()) {
            Some(Edit::ChangeFollowUp { change, .. }) => Some(change),
            _ => None,
        };
        assert_eq!(
            change(FollowUpField::Who, "a-t"),
            Some(FollowUpChange::Who(Participants::OneWithTherapist(Partner::A)))
        );
        assert_eq!(change(FollowUpField::Who, "couple"), None, "always with the therapist");
        assert_eq!(change(FollowUpField::KapFor, "none"), Some(FollowUpChange::KapFor(None)));
        assert_eq!(
            change(FollowUpField::KapFor, "b"),
            Some(FollowUpChange::KapFor(Some(PartnerSet::only(Partner::B))))
        );
        assert_eq!(change(FollowUpField::KapFor, "all"), None);
        assert_eq!(change(FollowUpField::Date, "2027-02"), None);
        assert_eq!(change(FollowUpField::Start, "9:"), None);
        assert_eq!(change(FollowUpField::Length, "long"), None);
    }
}
