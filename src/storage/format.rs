//! The stored and exported form of a plan: a versioned envelope around the plan.
//! Pure (no browser types): the same code reads localStorage records and files.

use super::codec::{to_json, Fields, FromJson, ObjectOut, ShapeError, ToJson};
use super::indent::indent;
use super::json::{parse, Json};
use crate::domain::model::Plan;
use crate::domain::validate::validate;

/// Names what the JSON is, so a stray file is not mistaken for a plan.
pub const FORMAT_NAME: &str = "intensive-planner/plan";
/// Several plans in one file: the backup offered when storage fails.
pub const BACKUP_FORMAT_NAME: &str = "intensive-planner/backup";
/// The schema version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 1;
/// Largest file import accepts; a real plan is a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Why a stored record or a file could not be read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    TooLarge(usize),
    /// The bytes are not UTF-8 text; the first bad byte is at this offset.
    NotText(usize),
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
            FormatError::NotText(at) => write!(
                f,
                "The file is not plain UTF-8 text (byte {} is not part of any character), so it is not a plan file \
                 this app wrote.",
                at + 1
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

/// The envelope: `{"format":…,"version":…,"plan":{…}}`, written straight from the plan
/// (saving happens on every change).
struct EnvelopeOut<'a>(&'a Plan);

impl ToJson for EnvelopeOut<'_> {
    fn write_json(&self, out: &mut String) {
        ObjectOut::new(out)
            .field("format", &FORMAT_NAME)
            .field("version", &CURRENT_VERSION)
            .field("plan", self.0)
            .end();
    }
}

pub fn encode(plan: &Plan) -> String {
    to_json(&EnvelopeOut(plan))
}

/// The file form: the same envelope, indented for people who open it.
pub fn encode_pretty(plan: &Plan) -> String {
    indent(&encode(plan))
}

struct BackupOut<'a>(&'a [Plan]);

impl ToJson for BackupOut<'_> {
    fn write_json(&self, out: &mut String) {
        ObjectOut::new(out)
            .field("format", &BACKUP_FORMAT_NAME)
            .field("version", &CURRENT_VERSION)
            .field("plans", &self.0)
            .end();
    }
}

pub fn encode_backup(plans: &[Plan]) -> String {
    indent(&to_json(&BackupOut(plans)))
}

/// Brings a plan written by an older version up to the current one.
/// Version 1 is the first; each later version adds one step here (reading the
/// old shape as its own type), tested against the frozen examples in `tests/formats/`.
fn migrate(version: u32, plan: &Json) -> Result<Plan, FormatError> {
    match version {
        CURRENT_VERSION => Plan::read_json(plan).map_err(|e| FormatError::Shape(e.to_string())),
        v if v > CURRENT_VERSION => Err(FormatError::FutureVersion(v)),
        v => Err(FormatError::UnknownVersion(v)),
    }
}

fn plan_from(version: u32, raw: &Json) -> Result<Plan, FormatError> {
    let plan = migrate(version, raw)?;
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(FormatError::Invalid(problems))
    }
}

/// Reads `text` as JSON, refusing text too large to be a plan before reading it.
fn read(text: &str) -> Result<Json<'_>, FormatError> {
    check_size(text.len())?;
    parse(text).map_err(|e| FormatError::NotJson(e.to_string()))
}

/// Refuses a file too large to be a plan, before it is read at all.
pub fn check_size(bytes: usize) -> Result<(), FormatError> {
    if bytes > MAX_FILE_BYTES {
        Err(FormatError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// The `format` name any file of ours starts with.
pub fn format_of(document: &Json) -> Option<String> {
    Fields::of(document).and_then(|fields| fields.get("format")).ok()
}

/// The plan in a single-plan envelope, read in the version it was written in.
fn plan_in(document: &Json) -> Result<Plan, FormatError> {
    let envelope = || -> Result<(String, u32, Option<&Json>), ShapeError> {
        let fields = Fields::of(document)?;
        Ok((fields.get("format")?, fields.get("version")?, fields.value("plan")?))
    };
    match envelope() {
        Ok((format, version, Some(plan))) if format == FORMAT_NAME => plan_from(version, plan),
        _ => Err(FormatError::NotAPlan),
    }
}

/// One plan from a stored record or a plan file.
pub fn decode(text: &str) -> Result<Plan, FormatError> {
    plan_in(&read(text)?)
}

/// Every plan in a file: a single plan or a backup of several.
pub fn decode_file(text: &str) -> Result<Vec<Plan>, FormatError> {
    let document = read(text)?;
    match format_of(&document).as_deref() {
        Some(FORMAT_NAME) => plan_in(&document).map(|plan| vec![plan]),
        Some(BACKUP_FORMAT_NAME) => {
            let backup = || -> Result<(u32, &[Json]), ShapeError> {
                let fields = Fields::of(&document)?;
                let plans = fields.list("plans")?;
                Ok((fields.get("version")?, plans))
            };
            let (version, plans) = backup().map_err(|e| FormatError::Shape(e.to_string()))?;
            plans.iter().map(|plan| plan_from(version, plan)).collect()
        }
        _ => Err(FormatError::NotAPlan),
    }
}
