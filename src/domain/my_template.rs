//! My templates: the structure of a plan the therapist runs again and again, kept
//! without anything of the couple it was made for (README, *My templates*). A
//! template holds its own types, so what it never carries (names, readiness, private
//! notes, questions, ticks, review, status) has nowhere to be written.

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::kap::{BothDosing, KapSettings, Placement, WhoDoses};
use super::limits::RuleLimits;
use super::model::*;
use super::template::plan_title;
use super::validate::{is_valid_id, too_long, validate, MAX_TITLE_CHARS};
use super::words::fit;

/// Most templates a browser keeps: more than any practice runs.
pub const MAX_TEMPLATES: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTemplate {
    pub id: String,
    pub name: String,
    pub kind: IntensiveKind,
    /// One window per day, as in a plan.
    pub days: Vec<DayWindow>,
    pub blocks: Vec<TemplateBlock>,
    pub kap: TemplateKap,
    pub limits: RuleLimits,
    pub follow_ups: Vec<TemplateFollowUp>,
    pub guide: IntegrationGuide,
}

/// A block as a template keeps it: its place and its words for the couple.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateBlock {
    pub kind: BlockKind,
    pub day: u8,
    pub start: NaiveTime,
    pub minutes: u16,
    pub title: String,
    pub who: Participants,
    pub kap_for: Option<PartnerSet>,
    pub modality: Option<Modality>,
    pub couple_notes: String,
    /// Its checklist's items, every one unticked in a plan made from it.
    pub checklist: Vec<String>,
}

/// The KAP choices without either partner's readiness.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateKap {
    pub who_doses: WhoDoses,
    pub placement: Placement,
    pub both_dosing: BothDosing,
    pub sessions_per_partner: u8,
}

/// A follow-up as days after the last day, so it moves with the next intensive's dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateFollowUp {
    pub days_after: u16,
    pub start: NaiveTime,
    pub minutes: u16,
    pub title: String,
    pub who: Participants,
    pub kap_for: Option<PartnerSet>,
    pub couple_notes: String,
}

/// What a plan made from a template needs of the next couple.
#[derive(Clone, Debug, PartialEq)]
pub struct ForCouple {
    pub first_day: NaiveDate,
    pub partners: Partners,
    pub therapist: Therapist,
    pub location: String,
}

impl MyTemplate {
    /// The structure of `plan` under `name`. The partners' names in its texts become
    /// "Partner A" and "Partner B", which the next couple's names replace.
    pub fn of(plan: &Plan, id: String, name: &str) -> MyTemplate {
        let anonymous = |text: &str| {
            let partners = [Partner::A, Partner::B].into_iter();
            partners.fold(text.to_string(), |text, p| replace_word(&text, plan.partner_name(p), p.stand_in()))
        };
        let last = plan.last_date();
        MyTemplate {
            id,
            name: fit(name.trim(), MAX_TITLE_CHARS),
            kind: plan.kind,
            days: plan.days.clone(),
            blocks: plan
                .blocks
                .iter()
                .map(|b| TemplateBlock {
                    kind: b.kind,
                    day: b.day,
                    start: b.start,
                    minutes: b.minutes,
                    title: anonymous(&b.title),
                    who: b.who,
                    kap_for: b.kap_for,
                    modality: b.modality,
                    couple_notes: anonymous(&b.couple_notes),
                    checklist: b.checklist.iter().map(|item| anonymous(&item.text)).collect(),
                })
                .collect(),
            kap: TemplateKap {
                who_doses: plan.kap.who_doses,
                placement: plan.kap.placement,
                both_dosing: plan.kap.both_dosing,
                sessions_per_partner: plan.kap.sessions_per_partner,
            },
            limits: plan.limits,
            follow_ups: plan
                .follow_ups
                .iter()
                .map(|f| TemplateFollowUp {
                    days_after: u16::try_from((f.date - last).num_days()).unwrap_or(0),
                    start: f.start,
                    minutes: f.minutes,
                    title: anonymous(&f.title),
                    who: f.who,
                    kap_for: f.kap_for,
                    couple_notes: anonymous(&f.couple_notes),
                })
                .collect(),
            guide: IntegrationGuide {
                days_for: anonymous(&plan.guide.days_for),
                prompts: plan.guide.prompts.iter().map(|p| anonymous(p)).collect(),
            },
        }
    }

    /// A new draft plan for `couple`, laid out as the template is; the same checks as
    /// any plan, so a template that holds what no plan may is refused here too.
    pub fn plan_for(&self, id: &str, couple: &ForCouple) -> Result<Plan, Vec<String>> {
        let named = |text: &str| {
            let partners = [Partner::A, Partner::B].into_iter();
            partners.fold(text.to_string(), |text, p| replace_word(&text, p.stand_in(), couple.partners.name(p)))
        };
        let days = u8::try_from(self.days.len()).unwrap_or(u8::MAX);
        let last = couple.first_day + TimeDelta::days(i64::from(days.max(1)) - 1);
        let blocks: Vec<Block> = self
            .blocks
            .iter()
            .zip(1..)
            .map(|(b, id)| Block {
                id: BlockId(id),
                kind: b.kind,
                day: b.day,
                start: b.start,
                minutes: b.minutes,
                title: named(&b.title),
                who: b.who,
                kap_for: b.kap_for,
                modality: b.modality,
                couple_notes: named(&b.couple_notes),
                private_notes: String::new(),
                checklist: b.checklist.iter().map(|text| ChecklistItem { text: named(text), done: false }).collect(),
                couple_question: String::new(),
            })
            .collect();
        let follow_ups: Vec<FollowUpSession> = self
            .follow_ups
            .iter()
            .zip(1..)
            .map(|(f, id)| FollowUpSession {
                id: FollowUpId(id),
                date: last + TimeDelta::days(i64::from(f.days_after)),
                start: f.start,
                minutes: f.minutes,
                title: named(&f.title),
                who: f.who,
                kap_for: f.kap_for,
                couple_notes: named(&f.couple_notes),
                private_notes: String::new(),
            })
            .collect();
        let plan = Plan {
            id: id.to_string(),
            revision: 0,
            title: plan_title(&couple.partners, self.kind),
            kind: self.kind,
            partners: couple.partners.clone(),
            therapist: couple.therapist.clone(),
            location: couple.location.clone(),
            first_day: couple.first_day,
            days: self.days.clone(),
            status: PlanStatus::Draft,
            next_block_id: u32::try_from(blocks.len() + 1).unwrap_or(u32::MAX),
            blocks,
            kap: KapSettings {
                who_doses: self.kap.who_doses,
                placement: self.kap.placement,
                both_dosing: self.kap.both_dosing,
                sessions_per_partner: self.kap.sessions_per_partner,
                ..KapSettings::default()
            },
            limits: self.limits,
            review: CoupleReview::default(),
            next_follow_up_id: u32::try_from(follow_ups.len() + 1).unwrap_or(u32::MAX),
            follow_ups,
            guide: IntegrationGuide {
                days_for: named(&self.guide.days_for),
                prompts: self.guide.prompts.iter().map(|p| named(p)).collect(),
            },
            shared_from: None,
        };
        match validate(&plan) {
            problems if problems.is_empty() => Ok(plan),
            problems => Err(problems),
        }
    }

    /// What is out of range, one sentence each: its own fields, and whatever a plan
    /// made from it would hold that no plan may (the one check every plan passes).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !is_valid_id(&self.id) {
            problems.push("Its id must be letters, digits, '-' or '_'.".to_string());
        }
        if self.name.trim().is_empty() {
            problems.push("It has no name.".to_string());
        }
        too_long(&mut problems, || "Its name".to_string(), &self.name, MAX_TITLE_CHARS);
        let sample = ForCouple {
            first_day: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            partners: Partners::named("", ""),
            therapist: Therapist::default(),
            location: String::new(),
        };
        if let Err(more) = self.plan_for("template-check", &sample) {
            problems.extend(more);
        }
        problems
    }

    /// The name a template of `plan` is offered under: "Couples intensive, 3 days".
    pub fn suggested_name(plan: &Plan) -> String {
        format!("{}, {}", plan.kind.label(), super::words::count(plan.days.len(), "day", "days"))
    }

    /// What saving a template keeps and leaves out, as the person is told.
    pub fn saved_words(&self) -> String {
        format!(
            "Saved \u{201c}{}\u{201d} to My templates on the start page: its days, blocks, KAP choices, limits \
             and follow-ups. The couple's names, readiness, private notes, questions and ticks are not in it.",
            self.name
        )
    }

    /// "Affair-recovery intensive, 3 days, 14 blocks, 2 follow-ups": what the list shows.
    pub fn summary(&self) -> String {
        use super::words::count;
        format!(
            "{}, {}, {}, {}",
            self.kind.label(),
            count(self.days.len(), "day", "days"),
            count(self.blocks.len(), "block", "blocks"),
            count(self.follow_ups.len(), "follow-up", "follow-ups")
        )
    }
}

/// `text` with every whole-word `word` replaced by `with`; an empty word or a name
/// that is already the stand-in changes nothing.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let word = word.trim();
    if word.is_empty() || word == with {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut previous: Option<char> = None;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back().or(previous);
        let after = rest[at + word.len()..].chars().next();
        let whole = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if whole { with } else { word });
        previous = word.chars().next_back();
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_word;

    #[test]
    fn only_whole_words_are_replaced() {
        assert_eq!(
            replace_word("Sam, bring Samantha's notes. Sam", "Sam", "Partner A"),
            "Partner A, bring Samantha's notes. Partner A"
        );
        assert_eq!(replace_word("SamSam Sam", "Sam", "X"), "SamSam X");
        assert_eq!(replace_word("anything", "", "X"), "anything");
    }
}
