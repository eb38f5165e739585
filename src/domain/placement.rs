//! Where dosing sessions go: the placement table (README, *Where dosing goes*), and the
//! order in which several dosing sessions follow one another.

use super::kap::{BothDosing, KapSettings, Placement, WhoDoses};
use super::model::{Partner, PartnerSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeOfDay {
    Morning,
    Afternoon,
}

/// One dosing session as placed by a template: its day, part of day and who doses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DosingSlot {
    pub day: u8,
    pub time: TimeOfDay,
    pub partners: PartnerSet,
}

/// Why a placement cannot be made; the message says what to change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlacementError {
    #[error("A 1-day intensive has no midway: choose opening placement or add a day.")]
    MidwayNeedsTwoDays,
    #[error(
        "{sessions} dosing sessions do not fit a {days}-day intensive: a partner's next dose starts at least 24 h \
         after the last one ends, with that dose's integration session between, and two dosing days in a row are \
         followed by a day of joint work. Choose fewer sessions, dose together, or add days."
    )]
    NoRoomForSessions { days: u8, sessions: usize },
}

/// Day and part of day of the first dosing session, exactly as the README's table.
pub fn first_dosing(days: u8, placement: Placement) -> Result<(u8, TimeOfDay), PlacementError> {
    match (placement, days) {
        (Placement::Opening, _) => Ok((1, TimeOfDay::Morning)),
        (Placement::Midway, 0 | 1) => Err(PlacementError::MidwayNeedsTwoDays),
        (Placement::Midway, 2) => Ok((1, TimeOfDay::Afternoon)),
        (Placement::Midway, 3 | 4) => Ok((2, TimeOfDay::Morning)),
        (Placement::Midway, 5) => Ok((3, TimeOfDay::Morning)),
        (Placement::Midway, n) => Ok((n.div_ceil(2), TimeOfDay::Morning)),
    }
}

/// All dosing sessions a template places, in time order.
///
/// One group (one partner, or both together) doses every other day: the day between
/// holds the integration session, and the next dose starts well over 24 hours after the
/// last one ends. Two partners dosing separately dose on two days in a row, then a day
/// of joint work, then again. A session on the last day is integrated at a follow-up
/// the day after the intensive.
///
/// The first session is where the placement table puts it; a session on the last day
/// or on the day after another is in the afternoon.
pub fn dosing_slots(days: u8, kap: &KapSettings) -> Result<Vec<DosingSlot>, PlacementError> {
    let groups: Vec<PartnerSet> = match (kap.who_doses, kap.both_dosing) {
        (WhoDoses::Nobody, _) => return Ok(Vec::new()),
        (WhoDoses::Both, BothDosing::SeparateSessions) => {
            vec![PartnerSet::only(Partner::A), PartnerSet::only(Partner::B)]
        }
        (who, _) => vec![who.partners()],
    };
    let (first_day, first_time) = first_dosing(days, kap.placement)?;
    let rounds = usize::from(kap.sessions_per_partner.max(1));
    let sessions = rounds * groups.len();
    let mut slots = Vec::with_capacity(sessions);
    for round in 0..rounds {
        for (index, partners) in groups.iter().enumerate() {
            let offset = round * (groups.len() + 1) + index;
            let day = usize::from(first_day) + offset;
            if day > usize::from(days) {
                return Err(PlacementError::NoRoomForSessions { days, sessions });
            }
            let time = if offset == 0 { first_time } else { TimeOfDay::Morning };
            slots.push(DosingSlot { day: u8::try_from(day).unwrap_or(days), time, partners: *partners });
        }
    }
    // A dose on the day after another, or on the last day, comes in the afternoon: the
    // morning keeps the couple's joint work, and on the last day the feedback, which
    // nothing demanding may follow on a dosing day (R7).
    let days_with_slots: Vec<u8> = slots.iter().map(|slot| slot.day).collect();
    for slot in &mut slots {
        if slot.day == days || days_with_slots.contains(&(slot.day - 1)) {
            slot.time = TimeOfDay::Afternoon;
        }
    }
    Ok(slots)
}
