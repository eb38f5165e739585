//! The stored and exported form of a plan: a versioned envelope around the plan.
//! Pure (no browser types): the same code reads localStorage records and files.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::model::Plan;

/// Names what the JSON is, so a stray file is not mistaken for a plan.
pub const FORMAT_NAME: &str = "intensive-planner/plan";
/// The schema version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    plan: Value,
}

/// Why a stored record or a file could not be read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    NotJson(String),
    NotAPlan,
    FutureVersion(u32),
    UnknownVersion(u32),
    Invalid(String),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::NotJson(detail) => write!(f, "The text is not valid JSON ({detail})."),
            FormatError::NotAPlan => write!(f, "This is not an Intensive Planner plan (the \"format\" field is missing or different)."),
            FormatError::FutureVersion(v) => write!(
                f,
                "This plan was saved by a newer version of Intensive Planner (format version {v}; this one reads up to {CURRENT_VERSION}). Update the app to open it."
            ),
            FormatError::UnknownVersion(v) => write!(f, "Format version {v} is not one Intensive Planner ever wrote."),
            FormatError::Invalid(detail) => write!(f, "The plan is damaged: {detail}."),
        }
    }
}

impl std::error::Error for FormatError {}

pub fn encode(plan: &Plan) -> String {
    let envelope = serde_json::json!({ "format": FORMAT_NAME, "version": CURRENT_VERSION, "plan": plan });
    envelope.to_string()
}

pub fn decode(text: &str) -> Result<Plan, FormatError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            FormatError::NotAPlan
        } else {
            FormatError::NotJson(e.to_string())
        }
    })?;
    if envelope.format != FORMAT_NAME {
        return Err(FormatError::NotAPlan);
    }
    let plan = match envelope.version {
        0 => return Err(FormatError::UnknownVersion(0)),
        CURRENT_VERSION => envelope.plan,
        v => return Err(FormatError::FutureVersion(v)),
    };
    let plan: Plan = serde_json::from_value(plan).map_err(|e| FormatError::Invalid(e.to_string()))?;
    validate(&plan)?;
    Ok(plan)
}

/// Checks serde cannot express: ranges the rest of the app relies on.
pub fn validate(plan: &Plan) -> Result<(), FormatError> {
    let days = plan.days.len();
    if !(1..=usize::from(crate::domain::model::MAX_DAYS)).contains(&days) {
        return Err(FormatError::Invalid(format!("it has {days} days; a plan has 1 to 7")));
    }
    if plan.id.trim().is_empty() || plan.id.len() > 100 {
        return Err(FormatError::Invalid("its id is empty or too long".into()));
    }
    for block in &plan.blocks {
        if block.day == 0 || usize::from(block.day) > days + 1 {
            return Err(FormatError::Invalid(format!("block \"{}\" is on day {}", block.title, block.day)));
        }
        if block.minutes == 0 || block.minutes > 24 * 60 {
            return Err(FormatError::Invalid(format!("block \"{}\" lasts {} minutes", block.title, block.minutes)));
        }
    }
    let mut ids: Vec<_> = plan.blocks.iter().map(|b| b.id).collect();
    ids.sort();
    ids.dedup();
    if ids.len() != plan.blocks.len() {
        return Err(FormatError::Invalid("two blocks share one id".into()));
    }
    if plan.blocks.iter().any(|b| b.id.0 >= plan.next_block_id) {
        return Err(FormatError::Invalid("a block id is beyond the plan's counter".into()));
    }
    Ok(())
}
