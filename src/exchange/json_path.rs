//! Which value of a JSON text an error position points at, as a path
//! (`board`, `items`, 3, `start`). An import reads the file with
//! serde_json's text reader, the same code that reads stored boards, and
//! names the field that failed from the error's position; tracking the path
//! while reading (serde_path_to_error) compiled a second copy of every
//! reader into the app. serde_json places an error for a value right after
//! it, or at its start for a value of the wrong kind, and an object's
//! missing field right after the object.

/// One step into a JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// The path to the innermost value that starts, ends or lies at byte
/// offset `at` of `text` (JSON that has already been parsed once, so
/// well-formed and not too deep). Empty: the whole text.
pub fn path_at(text: &str, at: usize) -> Vec<Segment> {
    let mut scan = Scan {
        b: text.as_bytes(),
        i: 0,
        at,
    };
    let mut path = Vec::new();
    scan.value(&mut path);
    path
}

/// The byte offset of serde_json's `line` (from 1) and `column` (bytes
/// into the line, as its text reader counts them).
pub fn offset(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    start + column
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(b'}')
    }

    fn space(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    /// Skips the value at `i`; true when `at` falls within it, with `path`
    /// leading to the innermost such value.
    fn value(&mut self, path: &mut Vec<Segment>) -> bool {
        self.space();
        let start = self.i;
        match self.peek() {
            b'{' => {
                self.i += 1;
                loop {
                    self.space();
                    if self.peek() != b'"' {
                        break;
                    }
                    let key = self.string();
                    self.space();
                    self.i += 1; // the colon
                    path.push(Segment::Key(key));
                    if self.value(path) {
                        return true;
                    }
                    path.pop();
                    self.separator();
                }
                self.i += 1;
            }
            b'[' => {
                self.i += 1;
                for index in 0.. {
                    self.space();
                    if self.peek() == b']' || self.i >= self.b.len() {
                        break;
                    }
                    path.push(Segment::Index(index));
                    if self.value(path) {
                        return true;
                    }
                    path.pop();
                    self.separator();
                }
                self.i += 1;
            }
            b'"' => {
                self.string();
            }
            _ => {
                while !matches!(
                    self.peek(),
                    b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                ) {
                    self.i += 1;
                }
            }
        }
        start <= self.at && self.at <= self.i
    }

    fn separator(&mut self) {
        self.space();
        if self.peek() == b',' {
            self.i += 1;
        }
    }

    /// Skips a string, returning its text (escapes decoded).
    fn string(&mut self) -> String {
        let start = self.i;
        self.i += 1;
        while self.i < self.b.len() && self.b[self.i] != b'"' {
            self.i += if self.b[self.i] == b'\\' { 2 } else { 1 };
        }
        self.i += 1;
        let raw = &self.b[start..self.i.min(self.b.len())];
        std::str::from_utf8(raw)
            .ok()
            .and_then(|raw| serde_json::from_str(raw).ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::*;

    fn key(k: &str) -> Segment {
        Key(k.into())
    }

    #[test]
    fn an_offset_names_the_innermost_value_there() {
        let text = r#"{"a": {"b": [1, "x\"y", {"c": null}]}, "d\n": 2}"#;
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(path_at(text, 0), vec![]);
        assert_eq!(path_at(text, text.len()), vec![]);
        // At a value's start and right after it.
        assert_eq!(path_at(text, at("{\"b")), vec![key("a")]);
        assert_eq!(path_at(text, at("[1")), vec![key("a"), key("b")]);
        assert_eq!(path_at(text, at("1,")), vec![key("a"), key("b"), Index(0)]);
        assert_eq!(
            path_at(text, at(", \"x")),
            vec![key("a"), key("b"), Index(0)]
        );
        let string_end = at("\", {") + 1;
        assert_eq!(
            path_at(text, string_end),
            vec![key("a"), key("b"), Index(1)]
        );
        assert_eq!(
            path_at(text, at("null") + 4),
            vec![key("a"), key("b"), Index(2), key("c")]
        );
        // Right after an object: a field missing from it.
        assert_eq!(
            path_at(text, at("}]")),
            vec![key("a"), key("b"), Index(2), key("c")]
        );
        assert_eq!(
            path_at(text, at("}]") + 1),
            vec![key("a"), key("b"), Index(2)]
        );
        assert_eq!(path_at(text, at("]}") + 1), vec![key("a"), key("b")]);
        assert_eq!(path_at(text, at("}, \"d") + 1), vec![key("a")]);
        assert_eq!(path_at(text, at("2}")), vec![key("d\n")]);
    }

    #[test]
    fn lines_and_columns_are_bytes_into_the_text() {
        let text = "{\n  \"é\": 1,\n  \"b\": 2\n}";
        assert_eq!(offset(text, 1, 0), 0);
        assert_eq!(offset(text, 3, 2), text.find("\"b").unwrap());
        assert_eq!(path_at(text, offset(text, 3, 8)), vec![key("b")]);
    }
}
