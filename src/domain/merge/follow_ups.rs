//! The follow-ups and the integration guide of two versions brought together: each
//! follow-up field by field, as blocks are; one deleted on one side and changed on the
//! other is kept, and its deletion offered.

use super::keyed::{merge_keyed, Items};
use super::Merger;
use crate::domain::edit::Edit;
use crate::domain::follow_up_edit::GuideChange;
use crate::domain::model::*;
use crate::domain::words::{describe_follow_up, length_words, names, quoted, who_for_couple};

pub(super) fn merge_follow_ups(m: &mut Merger, base: &Plan, mine: &Plan, theirs: &Plan, plan: &mut Plan) {
    let follow_ups = Items {
        list: |plan| &plan.follow_ups,
        id: |session| session.id,
        describe: |_, session, style| describe_follow_up(session, style),
        delete: |id| Edit::DeleteFollowUp { id },
        max: (MAX_FOLLOW_UPS, "follow-up sessions"),
        restore: Edit::RestoreFollowUp,
        merge_one,
    };
    let mut counter = mine.next_follow_up_id.max(theirs.next_follow_up_id);
    let merged = merge_keyed(m, [base, mine, theirs], follow_ups, |_, session| {
        let id = FollowUpId(counter);
        counter = counter.saturating_add(1);
        FollowUpSession { id, ..session.clone() }
    });
    plan.follow_ups = merged;
    plan.next_follow_up_id = counter;
}

fn merge_one(
    m: &mut Merger,
    theirs: &Plan,
    b: &FollowUpSession,
    mi: &FollowUpSession,
    t: &FollowUpSession,
) -> FollowUpSession {
    let id = t.id;
    let name = describe_follow_up(t, m.style);
    let what = |part: &str| format!("{name}: {part}");
    let edit = |change: FollowUpChange| Edit::ChangeFollowUp { id, change };
    let style = m.style;
    let date = m.field(
        &b.date,
        &mi.date,
        &t.date,
        what("its date"),
        |d| style.short_with_year(*d),
        |d| edit(FollowUpChange::Date(d)),
    );
    let start = m.field(
        &b.start,
        &mi.start,
        &t.start,
        what("its start"),
        |s| style.time(*s),
        |s| edit(FollowUpChange::Start(s)),
    );
    let minutes = m.field(
        &b.minutes,
        &mi.minutes,
        &t.minutes,
        what("its length"),
        |v| length_words(*v),
        |v| edit(FollowUpChange::Length(v)),
    );
    let who_words = |w: &Participants| who_for_couple(*w, &theirs.partners, &theirs.therapist.name);
    let who = m.field(&b.who, &mi.who, &t.who, what("who takes part"), who_words, |w| edit(FollowUpChange::Who(w)));
    let kap_words =
        |k: &Option<PartnerSet>| k.map_or_else(|| "no one's medicine".to_string(), |s| names(theirs, s.iter()));
    let kap_for = m.field(&b.kap_for, &mi.kap_for, &t.kap_for, what("whose medicine"), kap_words, |k| {
        edit(FollowUpChange::KapFor(k))
    });
    let mut text = |field: FollowUpText, part: &str| {
        m.field(b.text(field), mi.text(field), t.text(field), what(part), quoted, |text| {
            edit(FollowUpChange::Text(field, text))
        })
    };
    let title = text(FollowUpText::Title, "its title");
    let couple_notes = text(FollowUpText::CoupleNotes, "its notes for the couple");
    let private_notes = text(FollowUpText::PrivateNotes, "its private notes");
    let mut session = FollowUpSession { id, date, start, minutes, title, who, kap_for, couple_notes, private_notes };
    // A start from one side and a length from the other could run past midnight:
    // the saved timing is kept then, and the clash already lists this side's.
    if !crate::domain::time::fits_in_day(session.start, session.minutes) {
        (session.start, session.minutes) = (t.start, t.minutes);
    }
    session
}

pub(super) fn merge_guide(m: &mut Merger, base: &Plan, mine: &Plan, theirs: &Plan) -> IntegrationGuide {
    let (b, mi, t) = (&base.guide, &mine.guide, &theirs.guide);
    let days_for = m.field(&b.days_for, &mi.days_for, &t.days_for, "The integration guide", quoted, |text| {
        Edit::ChangeGuide(GuideChange::DaysFor(text))
    });
    let prompts = if b.prompts.len() == mi.prompts.len() && b.prompts.len() == t.prompts.len() {
        (0..b.prompts.len())
            .map(|i| {
                let what = format!("Journaling prompt {}", i + 1);
                m.field(&b.prompts[i], &mi.prompts[i], &t.prompts[i], what, quoted, |text| {
                    Edit::ChangeGuide(GuideChange::Prompt(i, text))
                })
            })
            .collect()
    } else {
        // Prompts added or removed on a side: the list as a whole.
        let words = |list: &Vec<String>| format!("{} prompts", list.len());
        m.field(&b.prompts, &mi.prompts, &t.prompts, "The journaling prompts", words, |list| {
            Edit::ChangeGuide(GuideChange::Prompts(list))
        })
    };
    IntegrationGuide { days_for, prompts }
}
