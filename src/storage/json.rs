//! JSON text: a reader into a small tree and the writing of strings, for our own
//! stored format only (`storage::codec` and `stored_plan` map the tree to plans and back).
//!
//! Written here instead of using serde_json because that reader and its derived
//! visitors were about a sixth of the app's wasm (BENCHMARKS.md, "Size, sixth round").
//! The text it must read and write is frozen in `tests/formats/v1/`.

use std::borrow::Cow;
use std::fmt;

/// Deeper than any plan, shallow enough that hostile text cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A whole number from 0 up, or `None` for any other number (negative, with a
    /// fraction or exponent, or too large): no stored field holds one.
    Number(Option<u64>),
    /// Borrowed from the text read, unless it held escapes.
    Text(Cow<'a, str>),
    List(Vec<Json<'a>>),
    /// Fields in the order written; a name may repeat, and `codec` refuses that.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The value of `name` when this is an object that has it.
    pub fn get(&self, name: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(fields) => fields.iter().find(|(key, _)| key == name).map(|(_, value)| value),
            _ => None,
        }
    }
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }
    pub fn as_whole(&self) -> Option<u64> {
        match self {
            Json::Number(number) => *number,
            _ => None,
        }
    }
}

/// Where text stops being JSON, in the words of a person fixing the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

impl std::error::Error for SyntaxError {}

/// Reads one JSON value that fills `text` (surrounding whitespace aside).
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &'static str) -> SyntaxError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        // Columns count characters, not bytes: continuation bytes are skipped.
        let column = before[line_start..].iter().filter(|b| (**b & 0xC0) != 0x80).count() + 1;
        SyntaxError { what, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], value: Json<'a>) -> Result<Json<'a>, SyntaxError> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'n') => self.expect_word(b"null", Json::Null),
            Some(b't') => self.expect_word(b"true", Json::Bool(true)),
            Some(b'f') => self.expect_word(b"false", Json::Bool(false)),
            Some(b'"') => self.text().map(Json::Text),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') if depth < MAX_DEPTH => self.list(depth + 1),
            Some(b'{') if depth < MAX_DEPTH => self.object(depth + 1),
            Some(b'[' | b'{') => Err(self.error("nested more than 128 levels deep")),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    /// Reads the items of `[...]` or the fields of `{...}`: `item` reads one, after
    /// which a comma or the closing bracket must follow.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b) if b == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ if close == b']' => return Err(self.error("expected `,` or `]`")),
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn list(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        let mut list = Vec::new();
        self.items(b']', |reader| {
            list.push(reader.value(depth)?);
            Ok(())
        })?;
        Ok(Json::List(list))
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        let mut fields = Vec::new();
        self.items(b'}', |reader| {
            reader.skip_space();
            if reader.peek() != Some(b'"') {
                return Err(reader.error("expected a field name in quotes"));
            }
            let name = reader.text()?;
            reader.skip_space();
            if reader.peek() != Some(b':') {
                return Err(reader.error("expected `:`"));
            }
            reader.at += 1;
            fields.push((name, reader.value(depth)?));
            Ok(())
        })?;
        Ok(Json::Object(fields))
    }

    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits_start = self.at;
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error("invalid number")),
        }
        let whole_end = self.at;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.require_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.require_digits()?;
        }
        let plain = !negative && whole_end == self.at;
        let whole = std::str::from_utf8(&self.bytes[digits_start..whole_end]).ok().and_then(|d| d.parse().ok());
        Ok(Json::Number(if plain { whole } else { None }))
    }

    fn skip_digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn require_digits(&mut self) -> Result<(), SyntaxError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error("invalid number"));
        }
        self.skip_digits();
        Ok(())
    }

    /// Reads a string from its opening quote to its closing one. Text without
    /// escapes is borrowed from the input, so reading a plan allocates little.
    fn text(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.at += 1;
        let mut owned: Option<String> = None;
        loop {
            let run_start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The run ends at an ASCII byte (or the end), so it is whole UTF-8 of the input.
            let bytes: &'a [u8] = self.bytes;
            let run = std::str::from_utf8(&bytes[run_start..self.at]).unwrap_or_default();
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut text) => {
                            text.push_str(run);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.escape()?;
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(run);
                    text.push(escaped);
                }
                Some(_) => return Err(self.error("a control character (U+0000 to U+001F) inside a string")),
                None => return Err(self.error("the text ends inside a string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(byte) = self.peek() else { return Err(self.error("the text ends inside a string")) };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if !(0xD800..0xDC00).contains(&first) {
                    return char::from_u32(first).ok_or_else(|| self.error("a lone surrogate in a \\u escape"));
                }
                // A leading surrogate must be followed by a trailing one: one character.
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(self.error("a lone surrogate in a \\u escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..0xE000).contains(&second) {
                    return Err(self.error("a lone surrogate in a \\u escape"));
                }
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                char::from_u32(code).ok_or_else(|| self.error("a lone surrogate in a \\u escape"))?
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("the text ends in a \\u escape"))?;
        let mut code = 0;
        for digit in digits {
            let value = char::from(*digit).to_digit(16).ok_or_else(|| self.error("invalid \\u escape"))?;
            code = code * 16 + value;
        }
        self.at += 4;
        Ok(code)
    }
}

/// Writes `text` as a JSON string, escaped exactly as serde_json escapes it (the stored
/// text must stay byte-identical): quote, backslash and control characters only.
pub fn write_text(out: &mut String, text: &str) {
    out.push('"');
    let mut run_start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..0x20 => "",
            _ => continue,
        };
        // Every byte escaped is ASCII, so `run_start..at` is whole UTF-8.
        out.push_str(&text[run_start..at]);
        run_start = at + 1;
        if escaped.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        } else {
            out.push_str(escaped);
        }
    }
    out.push_str(&text[run_start..]);
    out.push('"');
}

#[cfg(all(test, not(target_arch = "wasm32")))] // serde_json and proptest are native-only dev-dependencies
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#" {"a": [1, 0, -2, 3.5, 1e3, 18446744073709551616], "b": {"c": null, "d": true, "e": false},
            "f": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00y", "a": []} "#;
        let value = parse(text).expect("valid JSON");
        let Json::Object(fields) = &value else { panic!("not an object") };
        assert_eq!(fields.len(), 4, "a repeated name is kept for the codec to refuse");
        assert_eq!(
            value.get("a"),
            Some(&Json::List(vec![
                Json::Number(Some(1)),
                Json::Number(Some(0)),
                Json::Number(None),
                Json::Number(None),
                Json::Number(None),
                Json::Number(None),
            ]))
        );
        assert_eq!(value.get("b").and_then(|b| b.get("d")), Some(&Json::Bool(true)));
        assert_eq!(value.get("f").and_then(Json::as_text), Some("x\"\\/\u{8}\u{c}\n\r\té😀y"));
    }

    #[test]
    fn names_where_the_text_stops_being_json() {
        let cases = [
            ("", "the text ends where a value should be at line 1 column 1"),
            ("{\"a\": 1,\n  \"b\" 2}", "expected `:` at line 2 column 7"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("{\"a\":1 \"b\":2}", "expected `,` or `}` at line 1 column 8"),
            ("{a:1}", "expected a field name in quotes at line 1 column 2"),
            ("[1,]", "expected a value at line 1 column 4"),
            ("nul", "expected a value at line 1 column 1"),
            ("01", "trailing characters at line 1 column 2"),
            ("-", "invalid number at line 1 column 2"),
            ("1.", "invalid number at line 1 column 3"),
            ("\"é\u{1}\"", "a control character (U+0000 to U+001F) inside a string at line 1 column 3"),
            ("\"abc", "the text ends inside a string at line 1 column 5"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
            ("\"\\ud83d\"", "a lone surrogate in a \\u escape at line 1 column 8"),
            ("\"\\ude00\"", "a lone surrogate in a \\u escape at line 1 column 8"),
            ("\"\\u12xy\"", "invalid \\u escape at line 1 column 4"),
            ("\"\\u12", "the text ends in a \\u escape at line 1 column 4"),
            ("{} {}", "trailing characters at line 1 column 4"),
        ];
        for (text, message) in cases {
            assert_eq!(parse(text).map_err(|e| e.to_string()), Err(message.to_string()), "{text:?}");
        }
    }

    #[test]
    fn refuses_nesting_deep_enough_to_exhaust_the_stack() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep).is_ok());
        let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse(&deeper).map_err(|e| e.what), Err("nested more than 128 levels deep"));
    }

    #[test]
    fn writes_strings_as_serde_json_does() {
        let awkward = "\"\\/\u{0}\u{7}\u{8}\u{c}\n\r\t\u{1f}\u{7f}é😀\u{2028}";
        let mut ours = String::new();
        write_text(&mut ours, awkward);
        assert_eq!(ours, serde_json::to_string(awkward).expect("serializes"));
        assert_eq!(parse(&ours).ok().as_ref().and_then(Json::as_text), Some(awkward));
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_json_writes_it_and_read_back(text in any::<String>()) {
            let mut ours = String::new();
            write_text(&mut ours, &text);
            prop_assert_eq!(&ours, &serde_json::to_string(&text).expect("serializes"));
            prop_assert_eq!(parse(&ours).ok(), Some(Json::Text(text.into())));
        }

        #[test]
        fn text_escaped_every_way_reads_as_serde_json_reads_it(text in any::<String>()) {
            // Every character as a \u escape, surrogate pairs included.
            let escaped: String = text.encode_utf16().map(|unit| format!("\\u{unit:04X}")).collect();
            let quoted = format!("\"{escaped}\"");
            prop_assert_eq!(serde_json::from_str::<String>(&quoted).ok(), Some(text.clone()));
            prop_assert_eq!(parse(&quoted).ok(), Some(Json::Text(text.into())));
        }
    }
}
