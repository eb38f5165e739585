//! Writing values as JSON and reading them back from a `json::Json` tree: the
//! `ToJson` / `FromJson` traits, objects read by field name and written in order,
//! errors that say where (`ShapeError`), and the values every stored type is made of.
//! The plan's own types are in `stored_plan`.

use std::borrow::Cow;
use std::fmt;

use chrono::{NaiveDate, NaiveTime, Timelike};

use super::json::{write_text, Json};
use crate::domain::dates::{iso, parse_iso};
use crate::domain::time::parse_hhmm;

pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

pub trait FromJson: Sized {
    fn read_json(value: &Json) -> Result<Self, ShapeError>;
    /// The value of a field that is not there at all; `None` makes that an error.
    fn when_missing() -> Option<Self> {
        None
    }
}

pub fn to_json(value: &dyn ToJson) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// One step on the way to a value: a field name or a place in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Field(&'static str),
    Index(usize),
}

/// JSON of the wrong shape for a plan: what was wrong, and where ("blocks[3].minutes").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    /// Innermost step first: steps are added as the error travels outwards.
    path: Vec<Step>,
    message: String,
}

impl ShapeError {
    pub fn new(message: impl Into<String>) -> ShapeError {
        ShapeError { path: Vec::new(), message: message.into() }
    }
    fn inside(mut self, step: Step) -> ShapeError {
        self.path.push(step);
        self
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.path.iter().rev().enumerate() {
            match step {
                Step::Field(name) if i == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        if !self.path.is_empty() {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ShapeError {}

pub fn expected<T>(what: &str) -> Result<T, ShapeError> {
    Err(ShapeError::new(format!("expected {what}")))
}

/// The fields of a JSON object, read by name.
pub struct Fields<'a>(&'a [(Cow<'a, str>, Json<'a>)]);

impl<'a> Fields<'a> {
    pub fn of(value: &'a Json<'a>) -> Result<Fields<'a>, ShapeError> {
        match value {
            Json::Object(fields) => Ok(Fields(fields)),
            _ => expected("an object { … }"),
        }
    }

    /// The field's value as it is, if it is there once; a name given twice is an error.
    pub fn value(&self, name: &str) -> Result<Option<&'a Json<'a>>, ShapeError> {
        let mut found = self.0.iter().filter(|(key, _)| key == name).map(|(_, value)| value);
        match (found.next(), found.next()) {
            (Some(_), Some(_)) => Err(ShapeError::new(format!("the field `{name}` appears twice"))),
            (value, _) => Ok(value),
        }
    }

    pub fn get<T: FromJson>(&self, name: &'static str) -> Result<T, ShapeError> {
        match self.value(name)? {
            Some(value) => T::read_json(value).map_err(|e| e.inside(Step::Field(name))),
            None => T::when_missing().ok_or_else(|| missing(name)),
        }
    }

    /// A field holding a list whose items are left as JSON, for the caller to read
    /// each in its own way (a backup's plans, each in its own version).
    pub fn list(&self, name: &'static str) -> Result<&'a [Json<'a>], ShapeError> {
        match self.value(name)? {
            Some(value) => items(value).map_err(|e| e.inside(Step::Field(name))),
            None => Err(missing(name)),
        }
    }
}

fn missing(name: &str) -> ShapeError {
    ShapeError::new(format!("missing field `{name}`"))
}

fn items<'a>(value: &'a Json<'a>) -> Result<&'a [Json<'a>], ShapeError> {
    match value {
        Json::List(items) => Ok(items),
        _ => expected("a list [ … ]"),
    }
}

/// Writes `{"name":value,…}` in the order the fields are given.
pub struct ObjectOut<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectOut<'a> {
    pub fn new(out: &'a mut String) -> ObjectOut<'a> {
        out.push('{');
        ObjectOut { out, first: true }
    }
    pub fn field(mut self, name: &str, value: &dyn ToJson) -> Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_text(self.out, name);
        self.out.push(':');
        value.write_json(self.out);
        self
    }
    pub fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FromJson for bool {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        match value {
            Json::Bool(b) => Ok(*b),
            _ => expected("true or false"),
        }
    }
}

macro_rules! whole_numbers {
    ($($t:ty),+) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_whole(out, u64::from(*self));
            }
        }
        impl FromJson for $t {
            fn read_json(value: &Json) -> Result<Self, ShapeError> {
                read_whole(value, u64::from(<$t>::MAX))
            }
        }
    )+};
}
whole_numbers!(u8, u16, u32, u64);

/// Decimal digits without the formatting machinery: every save writes thousands.
fn write_whole(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|d| char::from(*d)));
}

/// A whole number that fits `T`, whose largest value is `max`.
fn read_whole<T: TryFrom<u64>>(value: &Json, max: u64) -> Result<T, ShapeError> {
    value
        .as_whole()
        .and_then(|n| T::try_from(n).ok())
        .map_or_else(|| expected(&format!("a whole number from 0 to {max}")), Ok)
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_text(out, self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_text(out, self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl FromJson for String {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        value.as_text().map(str::to_string).map_or_else(|| expected("text in quotes"), Ok)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        match value {
            Json::Null => Ok(None),
            value => T::read_json(value).map(Some),
        }
    }
    fn when_missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        let items = items(value)?;
        // A plain loop: collecting into a `Result` compiled a large adapter for each `T`.
        let mut list = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            list.push(T::read_json(item).map_err(|e| e.inside(Step::Index(i)))?);
        }
        Ok(list)
    }
}

impl ToJson for NaiveDate {
    fn write_json(&self, out: &mut String) {
        write_text(out, &iso(*self));
    }
}

impl FromJson for NaiveDate {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        let text = String::read_json(value)?;
        parse_iso(&text).ok_or_else(|| ShapeError::new(format!("\"{text}\" is not a date (YYYY-MM-DD)")))
    }
}

impl ToJson for NaiveTime {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        for (n, after) in [(self.hour(), ':'), (self.minute(), ':'), (self.second(), '"')] {
            out.push(char::from(b'0' + (n / 10 % 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
            out.push(after);
        }
    }
}

impl FromJson for NaiveTime {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        let text = String::read_json(value)?;
        parse_hhmm(&text).ok_or_else(|| ShapeError::new(format!("\"{text}\" is not a time (HH:MM:SS)")))
    }
}

/// Reads a variant name and returns its place in `names`; any other text is an error
/// that lists the names allowed.
pub fn read_name(value: &Json, names: &[&str]) -> Result<usize, ShapeError> {
    let text = value.as_text();
    text.and_then(|text| names.iter().position(|name| *name == text)).ok_or_else(|| {
        let allowed = names.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(", ");
        ShapeError::new(format!("expected one of {allowed}"))
    })
}

/// Data-less enums stored as their variant's name (`domain::stored_name`).
macro_rules! by_name {
    ($($t:ty),+) => {$(
        impl $crate::storage::codec::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                use $crate::domain::stored_name::StoredName;
                $crate::storage::json::write_text(out, self.stored_name());
            }
        }
        impl $crate::storage::codec::FromJson for $t {
            fn read_json(
                value: &$crate::storage::json::Json,
            ) -> Result<Self, $crate::storage::codec::ShapeError> {
                use $crate::domain::stored_name::StoredName;
                $crate::storage::codec::read_name(value, <$t>::NAMES).map(|index| <$t>::VARIANTS[index])
            }
        }
    )+};
}
pub(crate) use by_name;

/// A struct stored as an object of its fields, in this order.
macro_rules! stored_struct {
    ($t:ident { $($field:ident),+ $(,)? }) => {
        impl $crate::storage::codec::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                $crate::storage::codec::ObjectOut::new(out)$(.field(stringify!($field), &self.$field))+.end();
            }
        }
        impl $crate::storage::codec::FromJson for $t {
            fn read_json(
                value: &$crate::storage::json::Json,
            ) -> Result<Self, $crate::storage::codec::ShapeError> {
                let fields = $crate::storage::codec::Fields::of(value)?;
                Ok($t { $($field: fields.get(stringify!($field))?),+ })
            }
        }
    };
}
pub(crate) use stored_struct;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::json::parse;

    #[test]
    fn every_time_of_day_keeps_its_stored_form() {
        for minute in 0..24 * 60 {
            let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).expect("valid time");
            let text = to_json(&time);
            assert_eq!(text, format!("\"{time}\""));
            assert_eq!(parse(&text).ok().map(|json| NaiveTime::read_json(&json)), Some(Ok(time)));
        }
    }
}
