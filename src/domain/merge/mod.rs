//! Two versions of one plan changed apart (in two tabs) brought together, field by
//! field, against the version both started from. A field only one side changed takes
//! that change; a field both changed keeps the other (saved) version and becomes a
//! `Clash` offering this tab's value; a block one side deleted while the other changed
//! it is kept, and the deletion is offered. Nothing either side did is dropped unseen.

mod follow_ups;
mod keyed;
pub mod settings;
mod three_way;

use crate::domain::words::{day_label, describe_block, fit, length_words, names, quoted, who_for_couple};
use strum::VariantArray;

use super::clash::{Clash, Side};
use super::dates::DateStyle;
use super::edit::{fresh_block_id, BlockText, Edit};
use super::kap::{ReadinessItem, ReadinessValue};
use super::limits::EditableLimit;
use super::model::*;
use super::status::reopen_if_broken;
use super::time::fits_in_day;
use super::validate::MAX_BLOCKS;
use chrono::NaiveTime;
use keyed::{merge_keyed, Items};
use three_way::{changed, pick, Changed};

/// The merged plan (with the other version's revision) and what the person must decide.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub plan: Plan,
    pub clashes: Vec<Clash>,
    /// Each change of `mine` the merged plan took, in words ("The location").
    pub brought: Vec<String>,
    /// The two sides, each free of errors, made one together: no longer Confirmed.
    pub reopened: bool,
}

/// Merges `mine` (this tab's) and `theirs` (the other tab's, saved), both changed from
/// `base`; the clashes word dates and times in the reader's `style`.
pub fn merge(base: &Plan, mine: &Plan, theirs: &Plan, style: DateStyle) -> Merged {
    merge_sides(base, mine, theirs, [Side::ThisTab, Side::OtherTab], style)
}

/// Merges `mine` and `theirs`, both changed from `base`; `sides` says whose each is,
/// for the clashes' words. A clash keeps `theirs` and offers `mine`.
pub fn merge_sides(base: &Plan, mine: &Plan, theirs: &Plan, sides: [Side; 2], style: DateStyle) -> Merged {
    let mut m = Merger { clashes: Vec::new(), brought: Vec::new(), sides, style };
    let mut plan = theirs.clone();
    plan.title = m.field(&base.title, &mine.title, &theirs.title, "The title", quoted, Edit::SetTitle);
    plan.partners.a =
        m.field(&base.partners.a, &mine.partners.a, &theirs.partners.a, "Partner A's name", quoted, |n| {
            Edit::SetPartnerName(Partner::A, n)
        });
    plan.partners.b =
        m.field(&base.partners.b, &mine.partners.b, &theirs.partners.b, "Partner B's name", quoted, |n| {
            Edit::SetPartnerName(Partner::B, n)
        });
    let (b, mi, t) = (&base.therapist, &mine.therapist, &theirs.therapist);
    plan.therapist.name = m.field(&b.name, &mi.name, &t.name, "The therapist", quoted, Edit::SetTherapistName);
    plan.therapist.contact =
        m.field(&b.contact, &mi.contact, &t.contact, "The therapist's contact", quoted, Edit::SetTherapistContact);
    plan.location =
        m.field(&base.location, &mine.location, &theirs.location, "The location", quoted, Edit::SetLocation);
    plan.first_day = m.field(
        &base.first_day,
        &mine.first_day,
        &theirs.first_day,
        "The first day",
        |d| style.long(*d),
        Edit::SetFirstDay,
    );
    plan.status =
        m.field(&base.status, &mine.status, &theirs.status, "The status", |s| s.label().into(), Edit::SetStatus);
    plan.review.reviewed_on = m.field(
        &base.review.reviewed_on,
        &mine.review.reviewed_on,
        &theirs.review.reviewed_on,
        "The couple's \u{201c}reviewed\u{201d} mark",
        |d| d.map_or_else(|| "not marked".to_string(), |d| style.day_month_year(d)),
        Edit::MarkReviewed,
    );
    plan.shared_from = pick(&base.shared_from, &mine.shared_from, &theirs.shared_from);
    plan.kind = pick(&base.kind, &mine.kind, &theirs.kind);
    plan.days = merge_days(&mut m, base, mine, theirs);
    for &limit in EditableLimit::VARIANTS {
        let value = m.field(
            &limit.get(&base.limits),
            &limit.get(&mine.limits),
            &limit.get(&theirs.limits),
            limit.label(),
            u16::to_string,
            |v| Edit::SetLimit(limit, v),
        );
        plan.limits = limit.set(plan.limits, value);
    }
    merge_kap(&mut m, base, mine, theirs, &mut plan);
    merge_blocks(&mut m, base, mine, theirs, &mut plan);
    follow_ups::merge_follow_ups(&mut m, base, mine, theirs, &mut plan);
    plan.guide = follow_ups::merge_guide(&mut m, base, mine, theirs);
    let reopened = reopen_if_broken(&mut plan);
    Merged { plan, clashes: m.clashes, brought: m.brought, reopened }
}

struct Merger {
    clashes: Vec<Clash>,
    brought: Vec<String>,
    /// Whose `mine` and `theirs` are.
    sides: [Side; 2],
    style: DateStyle,
}

impl Merger {
    /// A three-way merge of one field; a clash keeps `theirs` and offers `mine`.
    fn field<T: PartialEq + Clone>(
        &mut self,
        base: &T,
        mine: &T,
        theirs: &T,
        what: impl Into<String>,
        words: impl Fn(&T) -> String,
        alternative: impl FnOnce(T) -> Edit,
    ) -> T {
        match changed(base, mine, theirs) {
            Changed::Neither | Changed::Theirs => return theirs.clone(),
            Changed::Mine => {
                self.brought.push(what.into());
                return mine.clone();
            }
            Changed::Both => {}
        }
        self.clashes.push(Clash {
            what: what.into(),
            kept: words(theirs),
            other: words(mine),
            other_side: self.sides[0],
            alternative: alternative(mine.clone()),
        });
        theirs.clone()
    }
}

fn merge_days(m: &mut Merger, base: &Plan, mine: &Plan, theirs: &Plan) -> Vec<DayWindow> {
    if base.days.len() != mine.days.len() || base.days.len() != theirs.days.len() {
        return pick(&base.days, &mine.days, &theirs.days);
    }
    let style = m.style;
    let words = |w: &DayWindow| style.time_range(w.start, w.end);
    (0..base.days.len())
        .map(|i| {
            let day = u8::try_from(i + 1).unwrap_or(MAX_DAYS);
            let what = format!("Day {day}'s hours");
            m.field(&base.days[i], &mine.days[i], &theirs.days[i], what, words, |window| Edit::SetDayWindow {
                day,
                window,
            })
        })
        .collect()
}

fn merge_kap(m: &mut Merger, base: &Plan, mine: &Plan, theirs: &Plan, plan: &mut Plan) {
    let (b, mi, t) = (&base.kap, &mine.kap, &theirs.kap);
    plan.kap.who_doses = pick(&b.who_doses, &mi.who_doses, &t.who_doses);
    plan.kap.placement = pick(&b.placement, &mi.placement, &t.placement);
    plan.kap.both_dosing = pick(&b.both_dosing, &mi.both_dosing, &t.both_dosing);
    plan.kap.sessions_per_partner = pick(&b.sessions_per_partner, &mi.sessions_per_partner, &t.sessions_per_partner);
    for partner in [Partner::A, Partner::B] {
        let mut record = t.readiness(partner).clone();
        for item in ReadinessItem::ALL {
            let what = format!("{}'s readiness: {}", theirs.partner_name(partner), item.label());
            let value = m.field(
                &b.readiness(partner).value(item),
                &mi.readiness(partner).value(item),
                &t.readiness(partner).value(item),
                what,
                |v| readiness_words(v, &theirs.partners),
                |value| Edit::SetReadiness { partner, item, value },
            );
            record = record.with(item, value);
        }
        *plan.kap.readiness_mut(partner) = record;
    }
}

fn readiness_words(value: &ReadinessValue, partners: &Partners) -> String {
    match value {
        ReadinessValue::Done(true) => "done".to_string(),
        ReadinessValue::Done(false) => "not done".to_string(),
        ReadinessValue::Answer(answer) => answer.label().to_string(),
        ReadinessValue::Driver(driver) => fit(&driver.describe(partners), 60),
    }
}

fn merge_blocks(m: &mut Merger, base: &Plan, mine: &Plan, theirs: &Plan, plan: &mut Plan) {
    let blocks = Items {
        list: |plan| &plan.blocks,
        id: |block| block.id,
        describe: describe_block,
        delete: |id| Edit::DeleteBlock { id },
        max: (MAX_BLOCKS, "blocks"),
        restore: |block| Edit::RestoreBlock(Box::new(block)),
        merge_one: merge_block,
    };
    let mut counter = mine.next_block_id.max(theirs.next_block_id);
    plan.blocks = merge_keyed(m, [base, mine, theirs], blocks, |merged, block| {
        let (id, next) = fresh_block_id(merged, counter);
        counter = next;
        Block { id, ..block.clone() }
    });
    plan.next_block_id = counter;
}

fn merge_block(m: &mut Merger, theirs: &Plan, b: &Block, mi: &Block, t: &Block) -> Block {
    let id = t.id;
    let name = describe_block(theirs, t, m.style);
    let what = |part: &str| format!("{name}: {part}");
    let (day, start, minutes) = merge_timing(m, theirs, &what, b, mi, t);
    let kind = m.field(
        &b.kind,
        &mi.kind,
        &t.kind,
        what("its kind"),
        |k| k.label().to_string(),
        |kind| Edit::ChangeKind { id, kind },
    );
    let who_words = |w: &Participants| who_for_couple(*w, &theirs.partners, &theirs.therapist.name);
    let who = m.field(&b.who, &mi.who, &t.who, what("who takes part"), who_words, |who| Edit::ChangeWho { id, who });
    let kap_words =
        |k: &Option<PartnerSet>| k.map_or_else(|| "everyone taking part".to_string(), |s| names(theirs, s.iter()));
    let kap_for = m.field(&b.kap_for, &mi.kap_for, &t.kap_for, what("whose medicine"), kap_words, |k| {
        Edit::ChangeKapFor { id, kap_for: k }
    });
    let modality_words = |x: &Option<Modality>| x.map_or("not set", Modality::label).to_string();
    let modality = m.field(&b.modality, &mi.modality, &t.modality, what("its approach"), modality_words, |x| {
        Edit::ChangeModality { id, modality: x }
    });
    let mut text = |field: BlockText, part: &str, get: fn(&Block) -> &String| {
        m.field(get(b), get(mi), get(t), what(part), quoted, |text| Edit::SetText { id, field, text })
    };
    let title = text(BlockText::Title, "its title", |x| &x.title);
    let couple_notes = text(BlockText::CoupleNotes, "its notes for the couple", |x| &x.couple_notes);
    let private_notes = text(BlockText::PrivateNotes, "its private notes", |x| &x.private_notes);
    let couple_question = text(BlockText::CoupleQuestion, "the couple's question", |x| &x.couple_question);
    let checklist = merge_checklist(m, what("its checklist"), id, &b.checklist, &mi.checklist, &t.checklist);
    Block {
        id,
        kind,
        day,
        start,
        minutes,
        title,
        who,
        kap_for,
        modality,
        couple_notes,
        private_notes,
        checklist,
        couple_question,
    }
}

/// A block's place and its length, each from the side that changed it; but when the
/// two together would run past midnight (moved later here, made longer there), they are
/// one choice: the saved timing is kept and this tab's change is offered.
fn merge_timing(
    m: &mut Merger,
    theirs: &Plan,
    what: &dyn Fn(&str) -> String,
    b: &Block,
    mi: &Block,
    t: &Block,
) -> (u8, NaiveTime, u16) {
    let id = t.id;
    let place = |x: &Block| (x.day, x.start);
    let style = m.style;
    let place_words = |(day, start): &(u8, NaiveTime)| format!("{}, {}", day_label(theirs, *day), style.time(*start));
    let length = |minutes: &u16| length_words(*minutes);
    let (_, start) = pick(&place(b), &place(mi), &place(t));
    if fits_in_day(start, pick(&b.minutes, &mi.minutes, &t.minutes)) {
        let (day, start) = m.field(&place(b), &place(mi), &place(t), what("its place"), place_words, |(d, s)| {
            Edit::MoveBlock { id, day: d, start: s }
        });
        let minutes = m.field(&b.minutes, &mi.minutes, &t.minutes, what("its length"), length, |v| Edit::ResizeBlock {
            id,
            minutes: v,
        });
        return (day, start, minutes);
    }
    let timing = |x: &Block| (x.day, x.start, x.minutes);
    let words = |(d, s, v): &(u8, NaiveTime, u16)| format!("{} for {}", place_words(&(*d, *s)), length(v));
    let offered = if place(mi) == place(b) {
        Edit::ResizeBlock { id, minutes: mi.minutes }
    } else {
        Edit::MoveBlock { id, day: mi.day, start: mi.start }
    };
    m.field(&timing(b), &timing(mi), &timing(t), what("its place and length"), words, |_| offered)
}

/// Item by item when no side added or removed any (a tick here, a rename there);
/// otherwise the list as a whole.
fn merge_checklist(
    m: &mut Merger,
    what: String,
    id: BlockId,
    base: &[ChecklistItem],
    mine: &[ChecklistItem],
    theirs: &[ChecklistItem],
) -> Vec<ChecklistItem> {
    let words = |items: &Vec<ChecklistItem>| {
        let ticked = items.iter().filter(|i| i.done).count();
        format!("{} items, {ticked} ticked", items.len())
    };
    let whole = |m: &mut Merger| {
        m.field(&base.to_vec(), &mine.to_vec(), &theirs.to_vec(), what.clone(), words, |items| Edit::SetChecklist {
            id,
            items,
        })
    };
    if base.len() != mine.len() || base.len() != theirs.len() {
        return whole(m);
    }
    let mut merged = Vec::with_capacity(base.len());
    for ((b, mi), t) in base.iter().zip(mine).zip(theirs) {
        let text = if mi.text == b.text {
            &t.text
        } else if t.text == b.text || t.text == mi.text {
            &mi.text
        } else {
            return whole(m);
        };
        let done = if mi.done == b.done { t.done } else { mi.done };
        merged.push(ChecklistItem { text: text.clone(), done });
    }
    merged
}
