//! Indents compact JSON exactly as `serde_json::to_string_pretty` would.
//!
//! Files people download are indented, but every serializer for a second output style
//! is compiled again for every type it writes (9 KB of the browser's code,
//! BENCHMARKS.md). Writing compact JSON once and indenting the text needs no types.

/// `compact` must be JSON as serde_json writes it compactly: no white space outside strings.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                // serde_json writes an empty object or list on one line.
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))] // proptest is a native-only dev-dependency
mod tests {
    use super::indent;
    use crate::domain::sample::sample_plan;
    use crate::storage::codec::to_json;
    use crate::storage::format::encode;
    use proptest::prelude::*;

    /// serde_json (a dev-dependency, keeping field order) indents the same text.
    fn same_as_serde(compact: &str) {
        let value: serde_json::Value = serde_json::from_str(compact).expect("valid JSON");
        assert_eq!(indent(compact), serde_json::to_string_pretty(&value).expect("serializes"));
    }

    #[test]
    fn plans_indent_as_serde_does() {
        for (days, blocks) in [(1, 0), (3, 20), (7, 300)] {
            same_as_serde(&encode(&sample_plan(days, blocks)));
        }
        same_as_serde("[[],{},[[1,2],[3,4]],{\"a\":{}}]");
    }

    proptest! {
        #[test]
        fn any_text_inside_strings_is_left_alone(texts in proptest::collection::vec(any::<String>(), 0..6)) {
            let mut plan = sample_plan(2, 3);
            for (block, text) in plan.blocks.iter_mut().zip(&texts) {
                block.couple_notes = text.clone();
                block.title = format!("{{[\"{text}\\\",:]}}");
            }
            same_as_serde(&encode(&plan));
            same_as_serde(&to_json(&texts));
        }
    }
}
