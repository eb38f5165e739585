//! Why a stored record or a file could not be read, and why a plan could not be
//! stored. Its own module so that reading (`format`) and bringing old versions up
//! (`migrate`) share it without importing each other.

/// Why a stored record or a file could not be read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The file's bytes, and the most a file of its kind may be.
    TooLarge {
        bytes: usize,
        max: usize,
        /// The file was read as a backup (of several plans), not as one plan.
        backup: bool,
    },
    /// The bytes are not UTF-8 text; the first bad byte is at this offset.
    NotText(usize),
    NotJson(String),
    NotAPlan,
    FutureVersion(u32),
    UnknownVersion(u32),
    /// The JSON has the wrong shape: what and where ("blocks[3].minutes: …").
    Shape(String),
    /// Every value that is out of range, one sentence each.
    Invalid(Vec<String>),
    /// The settings record cannot be read, and why.
    Settings(String),
    /// A template cannot be read, and why.
    Template(String),
    /// Not a template of this app (the "format" field is missing or different).
    NotATemplate,
    /// A plan file or backup offered where a template is asked for.
    PlanNotTemplate,
    /// A template file offered where a plan is asked for.
    TemplateNotPlan,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::TooLarge { bytes, max, backup } => write!(
                f,
                "The file is {:.1} MB; a {} is at most {} MB. Choose an Intensive Planner export.",
                *bytes as f64 / 1_048_576.0,
                if *backup { "backup" } else { "plan file" },
                max / 1_048_576
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
                "This plan was saved by a newer version of Intensive Planner (format version {v}). Update the app to \
                 open it."
            ),
            FormatError::UnknownVersion(v) => write!(f, "Format version {v} is not one Intensive Planner ever wrote."),
            FormatError::Shape(detail) => write!(f, "The plan is damaged: {detail}."),
            FormatError::Invalid(problems) => {
                write!(f, "The plan has values that cannot be right: {}", problems.join(" "))
            }
            FormatError::Settings(detail) => write!(f, "The settings are damaged: {detail}"),
            FormatError::Template(detail) => write!(f, "The template cannot be used: {detail}"),
            FormatError::NotATemplate => {
                write!(f, "This is not an Intensive Planner template (the \"format\" field is missing or different).")
            }
            FormatError::PlanNotTemplate => write!(
                f,
                "This is a plan file, not a template: open it with \u{201c}Import a plan file\u{201d}, or open the \
                 plan and choose \u{201c}Save as my template\u{201d}."
            ),
            FormatError::TemplateNotPlan => write!(
                f,
                "This is a template file, not a plan: import it with \u{201c}Import a template file\u{201d} under My \
                 templates."
            ),
        }
    }
}

impl std::error::Error for FormatError {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused to store more (quota exceeded).
    Full,
    /// Storage is switched off or blocked.
    Unavailable,
    /// A record this app cannot read is stored under the plan's key; it is never
    /// overwritten without the person's say.
    UnreadableInTheWay,
    /// A plan is stored under this id already, and this tab never read it.
    AlreadyStored,
    /// The plan holds values it could not be read back with (a bug, never written).
    Invalid(Vec<String>),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Full => write!(f, "The browser's storage for this app is full."),
            StoreError::Unavailable => write!(f, "This browser is not letting the app save."),
            StoreError::UnreadableInTheWay => write!(
                f,
                "A stored record with the same id cannot be read, and it is never overwritten without asking."
            ),
            StoreError::AlreadyStored => write!(f, "A plan with the same id is already stored."),
            StoreError::Invalid(problems) => write!(f, "It has values that cannot be stored: {}", problems.join(" ")),
        }
    }
}
