//! Pass 1: clean the text a user pasted, keeping a map back to it.
//!
//! Users paste cables copied from web pages and data dumps, so the text carries material that is
//! not part of the cable: markdown links (`[PARM](#)`), pilcrow links in front of paragraph numbers
//! (`[1](#)1.`, `¶1.`), HTML tags and entities (`<a href=…>`, `&#x000A;`), the quoting of a
//! `cables.csv` record (`"1289","9/23/2000 15:10",…`, `\"`). Later passes read the *cleaned*
//! text; every offset they produce goes through [`Cleaned::span`] so spans always point into the
//! text the user gave.

mod csv;
mod debris;
mod decode;
mod glued;
mod html;
mod json;
mod map;
mod reflow;
mod splitter;
#[cfg(test)]
mod tests;

pub use csv::{csv_extent, csv_row, csv_rows, CsvDialect, CsvExtent, CsvRow, CSV_COLUMNS};
pub use decode::{decode, Encoding};
pub(crate) use map::Cleaned;
pub use splitter::{CsvItem, CsvSplitter};

use crate::given::Given;
use crate::scan::bytes::find_any;
use crate::tree::InputForm;
use csv::{csv_record, CsvDialect as Dialect};
use debris::{is_pilcrow_text, markdown_link, starts_with_marker};
use html::{html_entity, html_tag, looks_like_html};
use json::{json_escape, json_record};

/// Offsets where a line break is missing, consumed in order.
pub(crate) type Breaks = std::iter::Peekable<std::vec::IntoIter<(usize, bool)>>;

/// Which escapes a stretch of input uses.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Escapes {
    html: bool,
    /// A `cables.csv` record's, in its dialect.
    csv: Option<Dialect>,
    json: bool,
}

impl Escapes {
    /// The byte that starts an escape in a record: a backslash (JSON, WikiLeaks' `cables.csv`)
    /// or a quote (RFC 4180's `""`).
    fn escape_byte(self) -> Option<u8> {
        match self.csv {
            Some(Dialect::Rfc4180) => Some(b'"'),
            Some(Dialect::WikiLeaks) => Some(b'\\'),
            None => self.json.then_some(b'\\'),
        }
    }
}

impl Cleaned {
    pub(crate) fn new(input: &str) -> Cleaned {
        let html = looks_like_html(input);
        // What the input is — a `cables.csv` record, a JSON record, or text — the stretches that
        // hold the cable (a record's header and text) and the escapes they are written with.
        let escapes = |csv, json| Escapes { html, csv, json };
        let mut given = Given::default();
        let (form, ranges, escapes) = if let Some(record) = csv_record(input) {
            let ranges = vec![record.header, record.body];
            given = record.given;
            (
                InputForm::CsvRecord,
                ranges,
                escapes(Some(record.dialect), false),
            )
        } else if let Some(record) = json_record(input) {
            (InputForm::JsonRecord, record.ranges(), escapes(None, true))
        } else {
            let form = if html {
                InputForm::Html
            } else {
                InputForm::Plain
            };
            (form, vec![(0, input.len())], escapes(None, false))
        };
        // A JSON record's strings are read once as written, to find where lines were glued
        // (escapes hide a line break from a look at the input), then again with the breaks.
        let first_pass = escapes.json.then(|| {
            Cleaned::read(
                input,
                form,
                &ranges,
                escapes,
                &mut Vec::new().into_iter().peekable(),
            )
        });
        let found =
            reflow::missing_line_breaks(first_pass.as_ref().map_or(input, |pass| &pass.text));
        let breaks: Vec<(usize, bool)> = match &first_pass {
            Some(pass) => found
                .into_iter()
                .map(|(at, blank)| (pass.map_start(at), blank))
                .collect(),
            None => found,
        };
        let mut cleaned = Cleaned::read(
            input,
            form,
            &ranges,
            escapes,
            &mut breaks.into_iter().peekable(),
        );
        cleaned.count_restored_line_breaks();
        cleaned.given = given;
        cleaned
    }

    /// Cleans each of `ranges` of the input in turn, a blank line standing for what lies between
    /// two (a record's column or string break).
    // Called twice for a JSON record; one copy of it is enough.
    #[inline(never)]
    fn read(
        input: &str,
        form: InputForm,
        ranges: &[(usize, usize)],
        escapes: Escapes,
        breaks: &mut Breaks,
    ) -> Cleaned {
        let mut cleaned = Cleaned::empty(input.len(), form);
        let mut previous_end: Option<usize> = None;
        for &(start, end) in ranges {
            if let Some(previous_end) = previous_end {
                cleaned.replace(previous_end, start - previous_end, "\n\n");
            }
            cleaned.clean_range(input, start, end, escapes, breaks);
            previous_end = Some(end);
        }
        cleaned
    }

    /// Inserts the missing line breaks before `until`, copying the text up to each.
    fn restore_line_breaks(
        &mut self,
        input: &str,
        run_start: &mut usize,
        until: usize,
        breaks: &mut Breaks,
    ) {
        while let Some((at, blank)) = breaks.next_if(|&(at, _)| at < until) {
            if at < *run_start {
                continue;
            }
            self.copy(*run_start, at - *run_start, input);
            self.replace(at, 0, if blank { "\n\n" } else { "\n" });
            *run_start = at;
        }
    }

    /// Cleans `input[start..end]` onto the end of the text. Everything between two candidates
    /// for removal is copied in one run.
    fn clean_range(
        &mut self,
        input: &str,
        start: usize,
        end: usize,
        escapes: Escapes,
        breaks: &mut Breaks,
    ) {
        let Some(range) = input.get(start..end) else {
            return;
        };
        let mut run_start = start;
        let mut pos = start;
        // Markdown links and pilcrows (`¶` starts with 0xC2) in every form; tags and entities
        // in HTML; escapes in a record.
        let find = |bytes: &[u8]| match (escapes.html, escapes.escape_byte()) {
            (false, None) => find_any(bytes, b"[\xC2"),
            (false, Some(escape)) => find_any(bytes, &[b'[', 0xC2, escape]),
            (true, None) => find_any(bytes, b"[\xC2<&"),
            (true, Some(escape)) => find_any(bytes, &[b'[', 0xC2, b'<', b'&', escape]),
        };
        let range_bytes = range.as_bytes();
        let mut from = 0;
        let candidates = std::iter::from_fn(|| {
            let found = from + find(range_bytes.get(from..)?)?;
            from = found + 1;
            Some((found, *range_bytes.get(found)?))
        });
        for (offset, byte) in candidates {
            let at = start + offset;
            if at < pos {
                continue;
            }
            // A break at the candidate itself comes first: `¶` must then be at a line start.
            self.restore_line_breaks(input, &mut run_start, at + 1, breaks);
            let rest = input.get(at..end).unwrap_or("");
            // Flush first: whether debris is at a line start depends on the cleaned text.
            self.copy(run_start, at - run_start, input);
            run_start = at;
            let at_line_start = self
                .text
                .rsplit('\n')
                .next()
                .is_some_and(|line| line.trim().is_empty());
            let consumed = match byte {
                b'[' => self.markdown_link(rest, at, at_line_start, input),
                0xC2 if at_line_start && rest.starts_with('¶') => {
                    self.n_debris += 1;
                    // A pilcrow is often followed by a space before the number: drop that too.
                    Some(
                        '¶'.len_utf8()
                            + usize::from(rest.get(2..).is_some_and(|r| r.starts_with(' '))),
                    )
                }
                b'<' => html_tag(rest).map(|(len, is_break)| {
                    if is_break {
                        self.replace(at, len, "\n");
                    }
                    len
                }),
                b'&' => html_entity(rest).map(|(len, decoded)| {
                    self.replace(at, len, decoded.encode_utf8(&mut [0; 4]));
                    len
                }),
                b'\\' if escapes.json => json_escape(rest).map(|(len, decoded)| match decoded {
                    // A pilcrow written `\u00b6` is debris like one written as itself.
                    Some('¶') if at_line_start => {
                        self.n_debris += 1;
                        len + usize::from(rest.get(len..).is_some_and(|r| r.starts_with(' ')))
                    }
                    Some(decoded) => {
                        self.replace(at, len, decoded.encode_utf8(&mut [0; 4]));
                        len
                    }
                    None => len,
                }),
                // In RFC 4180's dialect every quote inside a column is the first of a pair.
                b'"' if escapes.csv == Some(Dialect::Rfc4180) => {
                    (rest.as_bytes().get(1) == Some(&b'"')).then(|| {
                        self.replace(at, 2, "\"");
                        2
                    })
                }
                b'\\' if escapes.csv == Some(Dialect::WikiLeaks) => match rest.as_bytes().get(1) {
                    Some(&escaped @ (b'"' | b'\'' | b'\\')) => {
                        self.replace(
                            at,
                            2,
                            if escaped == b'"' {
                                "\""
                            } else if escaped == b'\'' {
                                "'"
                            } else {
                                "\\"
                            },
                        );
                        Some(2)
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(len) = consumed {
                pos = at + len;
                run_start = pos;
            }
        }
        self.restore_line_breaks(input, &mut run_start, end, breaks);
        self.copy(run_start, end.saturating_sub(run_start), input);
    }

    /// Handles `[text](target)` at `at`: pilcrow debris at a line start goes, other links keep
    /// their text. Returns the bytes consumed, or `None` when `rest` is not a link.
    fn markdown_link(
        &mut self,
        rest: &str,
        at: usize,
        at_line_start: bool,
        input: &str,
    ) -> Option<usize> {
        let link = markdown_link(rest)?;
        let after = rest.get(link.len..).unwrap_or("");
        if !(at_line_start && is_pilcrow_text(link.text) && starts_with_marker(after)) {
            self.copy(at + 1, link.text.len(), input);
        }
        self.n_debris += 1;
        Some(link.len)
    }
}
