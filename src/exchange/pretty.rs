//! How a board file is written: pretty JSON (two spaces, as
//! `serde_json::to_string_pretty`), except that each comment and each
//! history change is one line. A worked card has dozens of those; one
//! value per line with its indentation tripled their size, and a line per
//! change is also how a person reads a log.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// Keys whose array elements are written on one line each.
const ONE_LINE_ROWS: [&str; 2] = ["changes", "comments"];

#[derive(Default)]
struct Rows {
    indent: usize,
    has_value: bool,
    /// Reading an object key (its text goes into `key`).
    in_key: bool,
    key: String,
    /// Per open container: whether its elements are rows, and whether it
    /// is itself written on one line.
    stack: Vec<(bool, bool)>,
    /// Depth of open containers written on one line (0: none).
    inline: usize,
}

impl Rows {
    fn newline_indent<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.indent {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    /// A container opens: on one line if it is a row or inside one.
    fn open<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let parent_rows = self.stack.last().is_some_and(|(rows, _)| *rows);
        let rows = ONE_LINE_ROWS.contains(&self.key.as_str());
        self.key.clear();
        let inline = self.inline > 0 || parent_rows;
        self.stack.push((rows && !inline, inline));
        if inline {
            self.inline += 1;
        } else {
            self.indent += 1;
            self.has_value = false;
        }
        w.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let (_, inline) = self.stack.pop().unwrap_or((false, false));
        if inline {
            self.inline -= 1;
        } else {
            self.indent -= 1;
            if self.has_value {
                self.newline_indent(w)?;
            }
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.inline > 0 {
            if !first {
                w.write_all(b",")?;
            }
            return Ok(());
        }
        w.write_all(if first { b"" } else { b"," })?;
        self.newline_indent(w)
    }
}

impl Formatter for Rows {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.key.clear();
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.in_key = true;
        self.key.clear();
        self.item(w, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.inline > 0 { b":" } else { b": " })
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.key.clear();
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_key && self.key.len() < 16 {
            self.key.push_str(fragment);
        }
        w.write_all(fragment.as_bytes())
    }
}

/// `value` as a board file writes it (see the module documentation).
pub fn to_string<T: Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Rows::default());
    value.serialize(&mut ser)?;
    // The serializer writes only valid UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn without_rows_it_is_serde_json_pretty() {
        let v = json!({
            "a": [1, [], {}, {"b": [true, null, "x\"y"]}],
            "c": {"d": [], "e": {"f": 1.5}},
            "changesx": [[1, 2]],
        });
        assert_eq!(
            to_string(&v).unwrap(),
            serde_json::to_string_pretty(&v).unwrap()
        );
        let board = crate::model::testutil::nieuw_west_zuid();
        assert_eq!(
            to_string(&board).unwrap(),
            serde_json::to_string_pretty(&board).unwrap()
        );
    }

    #[test]
    fn comments_and_changes_are_one_line_each() {
        let v = json!({
            "comments": [{"id": 1, "text": "a\nb"}, {"id": 2, "text": "c"}],
            "history": {"changes": [["t Anna", "dates", "", "x"], ["t", "notes"]]},
            "changes": [],
        });
        let text = to_string(&v).unwrap();
        assert_eq!(
            text,
            "{\n  \"changes\": [],\n  \"comments\": [\n    {\"id\":1,\"text\":\"a\\nb\"},\n    \
             {\"id\":2,\"text\":\"c\"}\n  ],\n  \"history\": {\n    \"changes\": [\n      \
             [\"t Anna\",\"dates\",\"\",\"x\"],\n      [\"t\",\"notes\"]\n    ]\n  }\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
