//! The stored and exported form of a plan: a versioned envelope around the plan,
//! written and read with serde. Pure (no browser types): the same code reads
//! localStorage records and files.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub use super::error::FormatError;
use super::migrate;
use crate::domain::dates::DateStyle;
use crate::domain::model::Plan;
use crate::domain::my_template::MyTemplate;
use crate::domain::status::{reopen_if_broken, reopened_words};
use crate::domain::validate::{validate, MAX_PLAN_BYTES};
use crate::domain::words::count;

/// Names what the JSON is, so a stray file is not mistaken for a plan.
pub const FORMAT_NAME: &str = "intensive-planner/plan";
/// Several plans in one file: the backup of every plan in a browser.
pub const BACKUP_FORMAT_NAME: &str = "intensive-planner/backup";
/// A template of the therapist's own (`templates.rs`), in a file or a stored record.
pub const TEMPLATE_FORMAT: &str = "intensive-planner/template";
/// The schema version this build writes. Older versions are migrated on read.
pub const CURRENT_VERSION: u32 = 5;
/// Largest plan file or record read. A plan holds at most `MAX_PLAN_BYTES` written
/// compactly; indented, as files are, it is at most this (a real plan is a few tens of
/// kilobytes), so whatever the app writes, it reads.
pub const MAX_FILE_BYTES: usize = 4 * MAX_PLAN_BYTES;
/// Largest backup read: no browser gives a site more than 10 MB of `localStorage`, so a
/// backup of every plan one can hold, indented, fits with room to spare.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
}

#[derive(Serialize)]
struct Backup<'a> {
    format: &'static str,
    version: u32,
    plans: Vec<&'a Plan>,
    /// Left out when there are none, so a backup of plans alone reads as it always did.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    templates: Vec<&'a MyTemplate>,
}

/// What any file of ours starts with; read before the rest, which depends on it.
#[derive(Deserialize)]
struct Head {
    format: Option<String>,
}

#[derive(Deserialize)]
struct Version {
    version: u32,
}

#[derive(Deserialize)]
struct PlanIn<P> {
    plan: P,
}

#[derive(Deserialize)]
struct PlansIn<P> {
    plans: Vec<P>,
    /// Backups made before templates existed have none.
    #[serde(default)]
    templates: Vec<P>,
}

pub(super) fn to_json(value: &impl Serialize, pretty: bool) -> String {
    // Plans and templates hold only strings, numbers, dates and lists: writing them cannot fail.
    let written = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    written.expect("a plan or template always serializes")
}

/// The stored form: compact, as every change is saved.
pub fn encode(plan: &Plan) -> String {
    to_json(&Envelope { format: FORMAT_NAME, version: CURRENT_VERSION, plan }, false)
}

/// Whether a plan may be written out (a file, a link): only a plan the reader takes. A
/// merged plan the store refuses, shown until it is mended, is not.
pub fn writable(plan: &Plan) -> Result<(), FormatError> {
    let problems = validate(plan);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(FormatError::Invalid(problems))
    }
}

/// The file form: the same envelope, indented for people who open it.
pub fn encode_pretty(plan: &Plan) -> String {
    to_json(&Envelope { format: FORMAT_NAME, version: CURRENT_VERSION, plan }, true)
}

/// Every plan, as one file.
pub fn encode_backup<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> String {
    encode_backup_with(plans, [])
}

/// Every plan and template, as one file.
pub fn encode_backup_with<'a>(
    plans: impl IntoIterator<Item = &'a Plan>,
    templates: impl IntoIterator<Item = &'a MyTemplate>,
) -> String {
    let plans = plans.into_iter().collect();
    let templates = templates.into_iter().collect();
    to_json(&Backup { format: BACKUP_FORMAT_NAME, version: CURRENT_VERSION, plans, templates }, true)
}

/// Refuses a file too large to be a backup, before it is read at all.
pub fn check_size(bytes: usize) -> Result<(), FormatError> {
    within(bytes, MAX_BACKUP_BYTES)
}

fn within(bytes: usize, max: usize) -> Result<(), FormatError> {
    if bytes > max {
        Err(FormatError::TooLarge { bytes, max, backup: max == MAX_BACKUP_BYTES })
    } else {
        Ok(())
    }
}

/// Reads `T` from `text`, naming where a value of the wrong shape is. Straight from
/// the text, so a field given twice is refused rather than silently taking one.
/// A text brought up from an older version is not the one the person has, so its line
/// and column would point nowhere: `migrated` leaves them out and the path alone says where.
/// Every stored type is read through here, so each is compiled with one deserializer.
pub(crate) fn read<T: DeserializeOwned>(text: &str, migrated: bool) -> Result<T, FormatError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut reader).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return FormatError::NotJson(inner.to_string());
        }
        let mut problem = inner.to_string();
        if migrated {
            let position = format!(" at line {} column {}", inner.line(), inner.column());
            if let Some(kept) = problem.strip_suffix(&position) {
                problem = kept.to_string();
            }
        }
        // Problems inside a single plan are named from the plan: "blocks[3].minutes".
        match path.strip_prefix("plan.").or((path == "plan" || path == ".").then_some("")) {
            Some("") => FormatError::Shape(problem),
            Some(inside) => FormatError::Shape(format!("{inside}: {problem}")),
            None => FormatError::Shape(format!("{path}: {problem}")),
        }
    })
}

/// The `format` a text names, once it is known to be JSON.
fn format_of(text: &str) -> Result<Option<String>, FormatError> {
    check_size(text.len())?;
    let format = match serde_json::from_str::<Head>(text) {
        Ok(head) => head.format,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(FormatError::NotJson(e.to_string())),
        Err(_) => return Err(FormatError::NotAPlan),
    };
    if format.as_deref() != Some(BACKUP_FORMAT_NAME) {
        within(text.len(), MAX_FILE_BYTES)?;
    }
    Ok(format)
}

/// The plans of a file, and the ids of those that arrived Confirmed with an error and
/// were reopened (`domain::status`).
#[derive(Clone, Debug, PartialEq)]
pub struct Arrival {
    pub plans: Vec<Plan>,
    /// A backup's templates, each checked as a template file is.
    pub templates: Vec<MyTemplate>,
    pub reopened: Vec<String>,
    /// The plans of a backup that cannot be read, one sentence each naming the plan:
    /// the others are restored only if the person chooses.
    pub refused: Vec<String>,
}

impl Arrival {
    /// A sentence for each plan reopened, in the reader's `style`.
    pub fn reopened_words(&self, style: DateStyle) -> Vec<String> {
        let reopened = self.plans.iter().filter(|plan| self.reopened.contains(&plan.id));
        reopened.map(|plan| reopened_words(plan, style)).collect()
    }

    /// The question a backup with some plans that cannot be read asks, naming them.
    pub fn refusal_question(&self, file: &str) -> String {
        let bad = self.refused.len();
        format!(
            "{} of {} in {file} cannot be restored. {} {}, or nothing?",
            plans(bad),
            bad + self.plans.len(),
            self.refused.join(" "),
            self.restore_the_others()
        )
    }

    /// The button that restores the plans that can be read.
    pub fn restore_the_others(&self) -> String {
        format!("Restore the other {}", plans(self.plans.len()))
    }
}

fn plans(n: usize) -> String {
    count(n, "plan", "plans")
}

/// The plans in a file of any version this app wrote: an older version's text is first
/// brought up to the current one (`migrate`, a step per version, tested against the
/// frozen examples in `tests/formats/`), then read as the current types.
fn plans_in(text: &str, one: bool) -> Result<Arrival, FormatError> {
    let brought_up;
    let (current, migrated) = match read::<Version>(text, false)?.version {
        CURRENT_VERSION => (text, false),
        v if v > CURRENT_VERSION => return Err(FormatError::FutureVersion(v)),
        v if migrate::STEPS.iter().any(|step| step.from == v) => {
            brought_up = migrate::to_current(text, v)?;
            (brought_up.as_str(), true)
        }
        v => return Err(FormatError::UnknownVersion(v)),
    };
    if one {
        let mut plan = read::<PlanIn<Plan>>(current, migrated)?.plan;
        let problems = validate(&plan);
        if !problems.is_empty() {
            return Err(FormatError::Invalid(problems));
        }
        let reopened = if reopen_if_broken(&mut plan) { vec![plan.id.clone()] } else { Vec::new() };
        return Ok(Arrival { plans: vec![plan], templates: Vec::new(), reopened, refused: Vec::new() });
    }
    // A backup is read plan by plan, so one bad plan does not hide the others. A line
    // and column inside one plan's text would point nowhere in the file: left out.
    let PlansIn { plans: raw, templates } = read::<PlansIn<Box<RawValue>>>(current, migrated)?;
    let count = raw.len();
    let mut arrival = Arrival { plans: Vec::new(), templates: Vec::new(), reopened: Vec::new(), refused: Vec::new() };
    let template_count = templates.len();
    for (index, text) in templates.iter().enumerate() {
        match read_checked(text, MyTemplate::problems) {
            Ok(template) => arrival.templates.push(template),
            Err(problem) => arrival.refused.push(format!("Template {} of {template_count}: {problem}", index + 1)),
        }
    }
    for (index, text) in raw.iter().enumerate() {
        match read_checked(text, validate) {
            Ok(mut plan) => {
                if reopen_if_broken(&mut plan) {
                    arrival.reopened.push(plan.id.clone());
                }
                arrival.plans.push(plan);
            }
            Err(problem) => {
                let which = match serde_json::from_str::<Titled>(text.get()) {
                    Ok(titled) => format!(" (\u{201c}{}\u{201d})", titled.title.chars().take(80).collect::<String>()),
                    Err(_) => String::new(),
                };
                arrival.refused.push(format!("Plan {} of {count}{which}: {problem}", index + 1));
            }
        }
    }
    if arrival.plans.is_empty() && arrival.templates.is_empty() && !arrival.refused.is_empty() {
        return Err(FormatError::Invalid(arrival.refused));
    }
    Ok(arrival)
}

/// One plan or template of a backup, read and checked; what is wrong with it, in a sentence.
fn read_checked<T: DeserializeOwned>(text: &RawValue, problems: impl Fn(&T) -> Vec<String>) -> Result<T, String> {
    let read = read::<T>(text.get(), true).map_err(|problem| problem.to_string())?;
    match problems(&read) {
        problems if problems.is_empty() => Ok(read),
        problems => Err(problems.join(" ")),
    }
}

#[derive(Deserialize)]
struct Titled {
    title: String,
}

/// One plan from a stored record or a plan file.
pub fn decode(text: &str) -> Result<Plan, FormatError> {
    match format_of(text)?.as_deref() {
        Some(FORMAT_NAME) => plans_in(text, true)?.plans.pop().ok_or(FormatError::NotAPlan),
        Some(TEMPLATE_FORMAT) => Err(FormatError::TemplateNotPlan),
        _ => Err(FormatError::NotAPlan),
    }
}

/// Every plan in a file: a single plan or a backup of several.
pub fn decode_file(text: &str) -> Result<Vec<Plan>, FormatError> {
    match decode_arrival(text)? {
        arrival if arrival.refused.is_empty() => Ok(arrival.plans),
        arrival => Err(FormatError::Invalid(arrival.refused)),
    }
}

/// Every plan in a file, with what was changed on the way in for the person to read.
pub fn decode_arrival(text: &str) -> Result<Arrival, FormatError> {
    match format_of(text)?.as_deref() {
        Some(FORMAT_NAME) => plans_in(text, true),
        Some(BACKUP_FORMAT_NAME) => plans_in(text, false),
        Some(TEMPLATE_FORMAT) => Err(FormatError::TemplateNotPlan),
        _ => Err(FormatError::NotAPlan),
    }
}

/// The revision of a stored record, read without the rest of the plan: saving happens
/// on every change, and most saves need nothing more. `None` for a record that is not
/// a readable plan of this format.
pub fn stored_revision(text: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Revision {
        revision: u64,
    }
    #[derive(Deserialize)]
    struct Record {
        format: String,
        plan: Revision,
    }
    let record: Record = serde_json::from_str(text).ok()?;
    (record.format == FORMAT_NAME).then_some(record.plan.revision)
}

/// The title a damaged record still shows, if it shows one.
pub fn stored_title(text: &str) -> Option<String> {
    Some(serde_json::from_str::<PlanIn<Titled>>(text).ok()?.plan.title)
}
