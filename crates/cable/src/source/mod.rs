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
#[cfg(test)]
mod tests;

pub use csv::{csv_row, csv_rows, CsvRow, CSV_COLUMNS};
pub use decode::{decode, Encoding};
pub(crate) use map::Cleaned;

use crate::tree::InputForm;
use csv::csv_record;
use debris::{is_pilcrow_text, markdown_link, starts_with_marker};
use html::{html_entity, html_tag, looks_like_html};
use json::{json_escape, json_record, unescape};

/// Offsets where a line break is missing, consumed in order.
pub(crate) type Breaks = std::iter::Peekable<std::vec::IntoIter<(usize, bool)>>;

/// Which escapes a stretch of input uses.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Escapes {
    html: bool,
    csv: bool,
    json: bool,
}

impl Cleaned {
    pub(crate) fn new(input: &str) -> Cleaned {
        let html = looks_like_html(input);
        let form = if html {
            InputForm::Html
        } else {
            InputForm::Plain
        };
        let mut cleaned = Cleaned::empty(input.len(), form);
        let csv = csv_record(input);
        let json = csv.is_none().then(|| json_record(input)).flatten();
        // In a JSON record, line breaks are looked for in each string as it reads, unescaped.
        let breaks = match &json {
            Some(record) => record
                .ranges()
                .into_iter()
                .flat_map(|(start, end)| {
                    let (text, offsets) = unescape(input.get(start..end).unwrap_or(""));
                    reflow::missing_line_breaks(&text)
                        .into_iter()
                        .filter_map(move |(at, blank)| Some((start + *offsets.get(at)?, blank)))
                })
                .collect(),
            None => reflow::missing_line_breaks(input),
        };
        let mut breaks = breaks.into_iter().peekable();
        if let Some(record) = csv {
            // The header column, a blank line standing for the column break, the text column.
            cleaned.form = InputForm::CsvRecord;
            let escapes = Escapes {
                html,
                csv: true,
                json: false,
            };
            cleaned.clean_range(
                input,
                record.header.0,
                record.header.1,
                escapes,
                &mut breaks,
            );
            cleaned.replace(record.header.1, record.body.0 - record.header.1, "\n\n");
            cleaned.clean_range(input, record.body.0, record.body.1, escapes, &mut breaks);
        } else if let Some(record) = json {
            // The header string, a blank line standing for what lies between, the text string.
            cleaned.form = InputForm::JsonRecord;
            let escapes = Escapes {
                html,
                csv: false,
                json: true,
            };
            let mut previous_end: Option<usize> = None;
            for (start, end) in record.ranges() {
                if let Some(previous_end) = previous_end {
                    cleaned.replace(previous_end, start - previous_end, "\n\n");
                }
                cleaned.clean_range(input, start, end, escapes, &mut breaks);
                previous_end = Some(end);
            }
        } else {
            let escapes = Escapes {
                html,
                csv: false,
                json: false,
            };
            cleaned.clean_range(input, 0, input.len(), escapes, &mut breaks);
        }
        cleaned.count_restored_line_breaks();
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
        let candidates = range.bytes().enumerate().filter(|&(_, byte)| match byte {
            b'[' | 0xC2 => true,
            b'<' | b'&' => escapes.html,
            b'\\' => escapes.csv || escapes.json,
            _ => false,
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
                b'\\' => match rest.as_bytes().get(1) {
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
