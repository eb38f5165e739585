//! Why a stored record or a file could not be read, and why a plan could not be
//! stored. Its own module so that reading (`format`) and bringing old versions up
//! (`migrate`) share it without importing each other.

/// Why a stored record or a file could not be read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The file's bytes, and the most a file of its kind may be; `backup`: the file was
    /// read as a backup (of several plans), not as one plan.
    #[error(
        "The file is {:.1} MB; a {} is at most {} MB. Choose an Intensive Planner export.",
        *bytes as f64 / 1_048_576.0,
        if *backup { "backup" } else { "plan file" },
        max / 1_048_576
    )]
    TooLarge { bytes: usize, max: usize, backup: bool },
    /// The bytes are not UTF-8 text; the first bad byte is at this offset.
    #[error(
        "The file is not plain UTF-8 text (byte {} is not part of any character), so it is not a plan file this \
         app wrote.",
        .0 + 1
    )]
    NotText(usize),
    #[error("The text is not valid JSON ({0}).")]
    NotJson(String),
    #[error("This is not an Intensive Planner plan (the \"format\" field is missing or different).")]
    NotAPlan,
    #[error(
        "This plan was saved by a newer version of Intensive Planner (format version {0}). Update the app to open it."
    )]
    FutureVersion(u32),
    #[error("Format version {0} is not one Intensive Planner ever wrote.")]
    UnknownVersion(u32),
    /// The JSON has the wrong shape: what and where ("blocks[3].minutes: …").
    #[error("The plan is damaged: {0}.")]
    Shape(String),
    /// Every value that is out of range, one sentence each.
    #[error("The plan has values that cannot be right: {}", .0.join(" "))]
    Invalid(Vec<String>),
    /// The settings record cannot be read, and why.
    #[error("The settings are damaged: {0}")]
    Settings(String),
    /// A template cannot be read, and why.
    #[error("The template cannot be used: {0}")]
    Template(String),
    /// Not a template of this app (the "format" field is missing or different).
    #[error("This is not an Intensive Planner template (the \"format\" field is missing or different).")]
    NotATemplate,
    /// A plan file or backup offered where a template is asked for.
    #[error(
        "This is a plan file, not a template: open it with \u{201c}Import a plan file\u{201d}, or open the plan and \
         choose \u{201c}Save as my template\u{201d}."
    )]
    PlanNotTemplate,
    /// A template file offered where a plan is asked for.
    #[error(
        "This is a template file, not a plan: import it with \u{201c}Import a template file\u{201d} under My \
         templates."
    )]
    TemplateNotPlan,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The browser refused to store more (quota exceeded).
    #[error("The browser's storage for this app is full.")]
    Full,
    /// Storage is switched off or blocked.
    #[error("This browser is not letting the app save.")]
    Unavailable,
    /// A record this app cannot read is stored under the plan's key; it is never
    /// overwritten without the person's say.
    #[error("A stored record with the same id cannot be read, and it is never overwritten without asking.")]
    UnreadableInTheWay,
    /// A plan is stored under this id already, and this tab never read it.
    #[error("A plan with the same id is already stored.")]
    AlreadyStored,
    /// The plan holds values it could not be read back with (a bug, never written).
    #[error("It has values that cannot be stored: {}", .0.join(" "))]
    Invalid(Vec<String>),
}
