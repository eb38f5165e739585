//! The stored and exported form of a plan: a versioned envelope around the plan.
//! Pure (no browser types): the same code reads localStorage records and files.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::indent::indent;
use super::validate::validate;
use crate::domain::model::Plan;

/// Names what the JSON is, so a stray file is not mistaken for a plan.
pub const FORMAT_NAME: &str = "intensive-planner/plan";
/// Several plans in one file: the backup offered when storage fails.
pub const BACKUP_FORMAT_NAME: &str = "intensive-planner/backup";
/// The schema version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 1;
/// Largest file import accepts; a real plan is a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// What any file of ours starts with. The plan inside stays raw text until its
/// version is known: a typed read, with no generic JSON tree in between.
#[derive(Deserialize)]
struct Head {
    format: String,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    format: String,
    version: u32,
    #[serde(borrow)]
    plan: &'a RawValue,
}

#[derive(Deserialize)]
struct Backup<'a> {
    version: u32,
    #[serde(borrow)]
    plans: Vec<&'a RawValue>,
}

/// Why a stored record or a file could not be read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    TooLarge(usize),
    NotJson(String),
    NotAPlan,
    FutureVersion(u32),
    UnknownVersion(u32),
    /// The JSON has the wrong shape: a field missing or of the wrong type.
    Shape(String),
    /// Every value that is out of range, one sentence each.
    Invalid(Vec<String>),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::TooLarge(bytes) => write!(
                f,
                "The file is {} MB; a plan file is at most {} MB. Choose an Intensive Planner export.",
                megabytes(*bytes),
                MAX_FILE_BYTES / 1_048_576
            ),
            FormatError::NotJson(detail) => write!(f, "The text is not valid JSON ({detail})."),
            FormatError::NotAPlan => {
                write!(f, "This is not an Intensive Planner plan (the \"format\" field is missing or different).")
            }
            FormatError::FutureVersion(v) => write!(
                f,
                "This plan was saved by a newer version of Intensive Planner (format version {v}; this one reads up to {CURRENT_VERSION}). Update the app to open it."
            ),
            FormatError::UnknownVersion(v) => write!(f, "Format version {v} is not one Intensive Planner ever wrote."),
            FormatError::Shape(detail) => write!(f, "The plan is damaged: {detail}."),
            FormatError::Invalid(problems) => write!(f, "The plan has values that cannot be right: {}", problems.join(" ")),
        }
    }
}

impl std::error::Error for FormatError {}

/// Bytes as megabytes with one decimal, "3.0", without float formatting.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The envelope as written: serialized straight from the plan, with no
/// intermediate JSON tree (saving happens on every change).
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    plan: &'a Plan,
}

pub fn encode(plan: &Plan) -> String {
    serde_json::to_string(&EnvelopeOut { format: FORMAT_NAME, version: CURRENT_VERSION, plan }).unwrap_or_default()
}

/// The file form: the same envelope, indented for people who open it.
pub fn encode_pretty(plan: &Plan) -> String {
    indent(&encode(plan))
}

#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'a str,
    version: u32,
    plans: &'a [Plan],
}

pub fn encode_backup(plans: &[Plan]) -> String {
    indent(
        &serde_json::to_string(&BackupOut { format: BACKUP_FORMAT_NAME, version: CURRENT_VERSION, plans })
            .unwrap_or_default(),
    )
}

/// Brings a plan written by an older version up to the current one.
/// Version 1 is the first; each later version adds one step here (reading the
/// old shape as its own type), tested against the frozen examples in `tests/formats/`.
fn migrate(version: u32, plan: &RawValue) -> Result<Plan, FormatError> {
    match version {
        CURRENT_VERSION => serde_json::from_str(plan.get()).map_err(|e| FormatError::Shape(e.to_string())),
        v if v > CURRENT_VERSION => Err(FormatError::FutureVersion(v)),
        v => Err(FormatError::UnknownVersion(v)),
    }
}

fn plan_from(version: u32, raw: &RawValue) -> Result<Plan, FormatError> {
    let plan = migrate(version, raw)?;
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(FormatError::Invalid(problems))
    }
}

/// Reads `text` as `T`: text that is not JSON at all says so; JSON of another
/// shape is `not_ours`.
fn read<'a, T: Deserialize<'a>>(
    text: &'a str,
    not_ours: impl FnOnce(serde_json::Error) -> FormatError,
) -> Result<T, FormatError> {
    check_size(text.len())?;
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => not_ours(e),
        _ => FormatError::NotJson(e.to_string()),
    })
}

/// Refuses a file too large to be a plan, before it is read at all.
pub fn check_size(bytes: usize) -> Result<(), FormatError> {
    if bytes > MAX_FILE_BYTES {
        Err(FormatError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// One plan from a stored record or a plan file.
pub fn decode(text: &str) -> Result<Plan, FormatError> {
    let envelope: Envelope = read(text, |_| FormatError::NotAPlan)?;
    if envelope.format != FORMAT_NAME {
        return Err(FormatError::NotAPlan);
    }
    plan_from(envelope.version, envelope.plan)
}

/// Every plan in a file: a single plan or a backup of several.
pub fn decode_file(text: &str) -> Result<Vec<Plan>, FormatError> {
    let head: Head = read(text, |_| FormatError::NotAPlan)?;
    match head.format.as_str() {
        FORMAT_NAME => decode(text).map(|plan| vec![plan]),
        BACKUP_FORMAT_NAME => {
            let backup: Backup = read(text, |e| FormatError::Shape(e.to_string()))?;
            backup.plans.into_iter().map(|plan| plan_from(backup.version, plan)).collect()
        }
        _ => Err(FormatError::NotAPlan),
    }
}
