//! My templates in storage and in files: each under its own key, in a versioned
//! envelope of its own (`intensive-planner/template`), read through the same kinds of
//! check as a plan (size, format, version, shape, ranges). Unreadable records are set
//! aside like plans; the book keeps them by name.

use serde::{Deserialize, Serialize};

use super::book::PlanBook;
use super::error::FormatError;
use super::format::{read, to_json, BACKUP_FORMAT_NAME, FORMAT_NAME, MAX_FILE_BYTES, TEMPLATE_FORMAT};
use super::keys::template_key;
use super::store::{KeyValue, PlanStore, StoreError, Unreadable};
use crate::domain::my_template::{MyTemplate, MAX_TEMPLATES};
use crate::domain::words::fit_with_suffix;

pub const TEMPLATE_VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    template: &'a MyTemplate,
}

#[derive(Deserialize)]
struct Head {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct TemplateIn {
    template: MyTemplate,
}

/// The stored form (compact) or the file form (indented).
pub fn encode_template(template: &MyTemplate, pretty: bool) -> String {
    to_json(&Envelope { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, template }, pretty)
}

/// A template from a stored record or a template file; a plan file says it is one.
pub fn decode_template(text: &str) -> Result<MyTemplate, FormatError> {
    let problem = |detail: String| Err(FormatError::Template(detail));
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len(), max: MAX_FILE_BYTES, backup: false });
    }
    let head = match serde_json::from_str::<Head>(text) {
        Ok(head) => head,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(FormatError::NotJson(e.to_string())),
        Err(_) => return Err(FormatError::NotATemplate),
    };
    match head.format.as_deref() {
        Some(TEMPLATE_FORMAT) => {}
        Some(FORMAT_NAME | BACKUP_FORMAT_NAME) => return Err(FormatError::PlanNotTemplate),
        _ => return Err(FormatError::NotATemplate),
    }
    match head.version {
        Some(TEMPLATE_VERSION) => {}
        Some(v) if v > TEMPLATE_VERSION => return Err(FormatError::FutureVersion(v)),
        Some(v) => return Err(FormatError::UnknownVersion(v)),
        None => return problem("it gives no format version.".into()),
    }
    let template = match read::<TemplateIn>(text, false) {
        Ok(read) => read.template,
        Err(FormatError::Shape(detail)) => {
            return problem(format!("{}.", detail.strip_prefix("template.").unwrap_or(&detail)));
        }
        Err(other) => return Err(other),
    };
    match template.problems() {
        problems if problems.is_empty() => Ok(template),
        problems => problem(problems.join(" ")),
    }
}

impl<S: KeyValue> PlanStore<S> {
    /// Every stored template, by name; unreadable ones are set aside and reported.
    pub fn templates(&mut self) -> Result<(Vec<MyTemplate>, Vec<Unreadable>), StoreError> {
        let prefix = template_key("");
        let mut templates = Vec::new();
        let mut unreadable = Vec::new();
        for key in self.kv.keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
            let Some(raw) = self.kv.get(&key)? else { continue };
            let reason = match decode_template(&raw) {
                Ok(template) if template_key(&template.id) == key => {
                    templates.push(template);
                    continue;
                }
                Ok(_) => FormatError::Template("its id does not match where it is stored.".into()),
                Err(reason) => reason,
            };
            let aside = self.set_aside(&key, &raw);
            unreadable.push(Unreadable { key, aside, raw, reason });
        }
        sort_by_name(&mut templates);
        Ok((templates, unreadable))
    }

    pub fn save_template(&mut self, template: &MyTemplate) -> Result<(), StoreError> {
        self.kv.set(&template_key(&template.id), &encode_template(template, false))
    }

    pub fn remove_template(&mut self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&template_key(id))
    }
}

fn sort_by_name(templates: &mut [MyTemplate]) {
    templates.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
}

/// What taking in templates from a file or a backup did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplatesTakenIn {
    pub added: Vec<String>,
    /// Already here exactly as they arrived.
    pub unchanged: usize,
}

impl TemplatesTakenIn {
    /// "Added 2 templates to My templates: “A”, “B”." and what was already here.
    pub fn words(&self) -> String {
        use crate::domain::words::count;
        let mut said = match self.added.as_slice() {
            [] => String::new(),
            added => format!(
                "Added {} to My templates: {}.",
                count(added.len(), "template", "templates"),
                added.iter().map(|name| format!("\u{201c}{name}\u{201d}")).collect::<Vec<_>>().join(", ")
            ),
        };
        if self.unchanged > 0 {
            let already = match self.unchanged {
                1 => "One template is already here as it is in the file.".to_string(),
                n => format!("{n} templates are already here as they are in the file."),
            };
            said = [said, already].join(" ").trim().to_string();
        }
        said
    }
}

impl PlanBook {
    pub fn templates(&self) -> &[MyTemplate] {
        &self.templates
    }

    pub fn template(&self, id: &str) -> Option<&MyTemplate> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// Stores a new or changed template. It stands in this tab even when the store
    /// refuses; the error says it is not kept.
    pub fn put_template<S: KeyValue>(
        &mut self,
        template: MyTemplate,
        store: &mut PlanStore<S>,
    ) -> Result<(), StoreError> {
        let problems = template.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let known = self.template(&template.id).is_some();
        if !known && self.templates.len() >= MAX_TEMPLATES {
            return Err(StoreError::Invalid(vec![format!(
                "This browser keeps at most {MAX_TEMPLATES} templates; delete one first."
            )]));
        }
        let saved = store.save_template(&template);
        match &saved {
            Ok(()) => {
                self.templates_unsaved.remove(&template.id);
            }
            Err(problem) => {
                self.templates_unsaved.insert(template.id.clone());
                self.problem = Some(problem.clone());
            }
        }
        self.templates.retain(|t| t.id != template.id);
        self.templates.push(template);
        sort_by_name(&mut self.templates);
        saved
    }

    /// Removes a template; gives it back so the person can undo.
    pub fn remove_template<S: KeyValue>(&mut self, id: &str, store: &mut PlanStore<S>) -> Option<MyTemplate> {
        let at = self.templates.iter().position(|t| t.id == id)?;
        let _ = store.remove_template(id);
        self.templates_unsaved.remove(id);
        Some(self.templates.remove(at))
    }

    /// The templates as stored, and those this tab holds that the store refused.
    pub(super) fn reread_templates<S: KeyValue>(&mut self, store: &mut PlanStore<S>) {
        match store.templates() {
            Ok((mut templates, unreadable)) => {
                let waiting = self.templates.iter().filter(|t| self.templates_unsaved.contains(&t.id));
                let waiting: Vec<MyTemplate> = waiting.cloned().collect();
                templates.retain(|t| !self.templates_unsaved.contains(&t.id));
                templates.extend(waiting);
                sort_by_name(&mut templates);
                self.templates = templates;
                self.unreadable.extend(unreadable);
            }
            Err(problem) => self.problem = Some(problem),
        }
    }

    /// Tries again to store the templates the store refused; true once none are waiting.
    pub(super) fn write_templates_again<S: KeyValue>(&mut self, store: &mut PlanStore<S>) -> bool {
        for template in self.templates.iter().filter(|t| self.templates_unsaved.contains(&t.id)) {
            if let Err(problem) = store.save_template(template) {
                self.problem = Some(problem);
                return false;
            }
        }
        self.templates_unsaved.clear();
        true
    }

    /// Templates arriving from a file or a backup, never replacing one here: a new id
    /// is added, an identical copy changes nothing, and a different template under an
    /// id already here is added beside it under `fresh_id()`, named as a copy.
    pub fn take_in_templates<S: KeyValue>(
        &mut self,
        arriving: Vec<MyTemplate>,
        mut fresh_id: impl FnMut() -> String,
        store: &mut PlanStore<S>,
    ) -> Result<TemplatesTakenIn, StoreError> {
        let mut taken = TemplatesTakenIn::default();
        for mut template in arriving {
            match self.template(&template.id) {
                Some(here) if *here == template => {
                    taken.unchanged += 1;
                    continue;
                }
                Some(_) => {
                    template.id = fresh_id();
                    template.name =
                        fit_with_suffix(&template.name, " (imported)", crate::domain::validate::MAX_TITLE_CHARS);
                }
                None => {}
            }
            let name = template.name.clone();
            self.put_template(template, store)?;
            taken.added.push(name);
        }
        Ok(taken)
    }
}
