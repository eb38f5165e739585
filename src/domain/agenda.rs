//! What the couple is told: standard notes and checklists of KAP blocks, and the
//! preparation card of a dosing day (what to bring, fasting, ride home).

use chrono::{NaiveTime, TimeDelta};

use super::kap::Driver;
use super::model::{Block, BlockKind, ChecklistItem, Partner, Plan};
use super::time::hhmm;

pub const PREPARATION_NOTES: &str =
    "We set your intention for the medicine session together and check your vitals (blood pressure and pulse).";
pub const DOSING_NOTES: &str = "The medicine is a lozenge that dissolves under the tongue; its effects last about \
45 minutes to 1.5 hours. You rest with an eye mask and music while the therapist stays with you. Vitals are checked \
before and after, and the session ends with a first, gentle integration.";
pub const INTEGRATION_NOTES: &str =
    "We make sense of the medicine session together, while its insights are fresh and the mind is most open to change.";
pub const REST_NOTES: &str = "Quiet time: rest, journaling, a short walk. No demanding conversations today.";

/// What to bring to a dosing day.
pub const WHAT_TO_BRING: [&str; 5] = [
    "A pillow and a blanket",
    "An eye mask",
    "Your prescribed medication",
    "Comfort items (a photo, a soft sweater, headphones)",
    "A water bottle for after the session",
];

pub fn default_checklist(kind: BlockKind) -> Vec<ChecklistItem> {
    let items: &[&str] = match kind {
        BlockKind::KapPreparation => &WHAT_TO_BRING,
        BlockKind::KapDosing => &["Ride home arranged (no driving until tomorrow)"],
        _ => &[],
    };
    items.iter().map(|text| ChecklistItem { text: (*text).to_string(), done: false }).collect()
}

/// Everything the couple needs to get ready for one dosing session.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PreparationCard {
    pub day: u8,
    pub dosing_starts: NaiveTime,
    /// Names of the partners taking the medicine.
    pub dosing: Vec<String>,
    pub no_food_after: NaiveTime,
    pub no_liquids_after: NaiveTime,
    /// One line per dosing partner: who drives them home.
    pub ride_home: Vec<String>,
}

/// Clear liquids are fine until two hours before the dose, as the couple's preparation
/// card says; the fasting from food is rule R5's.
pub const LIQUIDS_HOURS: i64 = 2;

pub fn preparation_cards(plan: &Plan) -> Vec<PreparationCard> {
    let mut dosings: Vec<&Block> = plan.blocks.iter().filter(|b| b.kind == BlockKind::KapDosing).collect();
    Block::sort_in_time(&mut dosings);
    dosings
        .into_iter()
        .map(|dosing| {
            let partners: Vec<Partner> = dosing.kap_partners().iter().collect();
            let ride_home = partners
                .iter()
                .map(|p| match drives_home(plan, *p) {
                    Some(driver) => {
                        format!("{}: {driver} drives you home. No driving until tomorrow.", plan.partner_name(*p))
                    }
                    None => format!(
                        "{}: not arranged yet. Please arrange a ride: no driving until tomorrow.",
                        plan.partner_name(*p)
                    ),
                })
                .collect();
            PreparationCard {
                day: dosing.day,
                dosing_starts: dosing.start,
                dosing: partners.iter().map(|p| plan.partner_name(*p).to_string()).collect(),
                no_food_after: dosing.start - TimeDelta::hours(i64::from(plan.limits.fasting_hours)),
                no_liquids_after: dosing.start - TimeDelta::hours(LIQUIDS_HOURS),
                ride_home,
            }
        })
        .collect()
}

/// Who drives `partner` home after a dose, if the readiness record names someone.
fn drives_home(plan: &Plan, partner: Partner) -> Option<String> {
    match &plan.kap.readiness(partner).ride_home {
        Driver::NotArranged => None,
        driver => Some(driver.describe(&plan.partners)),
    }
}

/// The evening before a dosing day, when the couple is reminded of the ride home.
pub const RIDE_HOME_REMINDER_AT: (u32, u32) = (19, 0);

/// A reminder the calendar file sets before a dosing session, in the couple's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// How long before the session starts it goes off.
    pub before: TimeDelta,
    pub text: String,
}

/// The reminders before `dosing`: last food (rule R5's fasting), last clear liquids,
/// and the ride home the evening before.
pub fn dosing_reminders(plan: &Plan, dosing: &Block) -> Vec<Reminder> {
    let at = hhmm(dosing.start);
    let fasting = TimeDelta::hours(i64::from(plan.limits.fasting_hours));
    let starts = plan.starts_at(dosing);
    let (hour, minute) = RIDE_HOME_REMINDER_AT;
    let evening_before = (starts.date() - TimeDelta::days(1)).and_hms_opt(hour, minute, 0);
    let rides: Vec<String> = dosing
        .kap_partners()
        .iter()
        .map(|p| match drives_home(plan, p) {
            Some(driver) => format!("{}: {driver} drives you home.", plan.partner_name(p)),
            None => format!("{}: no ride home arranged yet, please arrange one.", plan.partner_name(p)),
        })
        .collect();
    let when = if (starts - fasting).date() < starts.date() { "tomorrow's" } else { "today's" };
    let mut reminders = vec![
        Reminder {
            before: fasting,
            text: format!(
                "Last food now: nothing more to eat before {when} medicine session at {at}. Clear liquids are fine for {} more hours.",
                (fasting - TimeDelta::hours(LIQUIDS_HOURS)).num_hours()
            ),
        },
        Reminder {
            before: TimeDelta::hours(LIQUIDS_HOURS),
            text: format!("Last clear liquids now: nothing more to drink before the medicine session at {at}."),
        },
    ];
    if let Some(evening) = evening_before {
        reminders.push(Reminder {
            before: starts - evening,
            text: format!(
                "Tomorrow is the medicine session at {at}. No driving after it until the next day. {}",
                rides.join(" ")
            ),
        });
    }
    reminders
}
