//! Pass 1: clean the text a user pasted, keeping a map back to it.
//!
//! Users paste cables copied from web pages and data dumps, so the text carries material that is
//! not part of the cable: markdown links (`[PARM](#)`), pilcrow links in front of paragraph numbers
//! (`[1](#)1.`, `¶1.`), HTML tags and entities (`<a href=…>`, `&#x000A;`), the quoting of a
//! `cables.csv` record (`"1289","9/23/2000 15:10",…`, `\"`). Later passes read the *cleaned*
//! text; every offset they produce goes through [`Cleaned::span`] so spans always point into the
//! text the user gave.

use crate::{InputForm, Span};

/// One run of the cleaned text and where it came from.
///
/// A copy piece (`clean_len == orig_len`) maps byte for byte; a replacement piece (an entity, an
/// escape, a line break standing for a tag) maps as a whole.
#[derive(Debug, Clone, Copy)]
struct Piece {
    clean_start: usize,
    orig_start: usize,
    clean_len: usize,
    orig_len: usize,
    copied: bool,
}

/// Cleaned text plus the piecewise map from its byte offsets to the original's.
#[derive(Debug)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pieces: Vec<Piece>,
    orig_len: usize,
    /// Number of pieces of debris removed; reported as one diagnostic.
    pub(crate) n_debris: usize,
    /// What the input was recognised as.
    pub(crate) form: InputForm,
    /// Line breaks put back where a publisher had dropped them.
    pub(crate) n_line_breaks_restored: usize,
}

/// Offsets where a line break is missing, consumed in order.
type Breaks = std::iter::Peekable<std::vec::IntoIter<(usize, bool)>>;

/// Which escapes a stretch of input uses.
#[derive(Debug, Clone, Copy)]
struct Escapes {
    html: bool,
    csv: bool,
}

impl Cleaned {
    pub(crate) fn new(input: &str) -> Cleaned {
        let html = looks_like_html(input);
        let mut cleaned = Cleaned {
            text: String::with_capacity(input.len()),
            pieces: Vec::new(),
            orig_len: input.len(),
            n_debris: 0,
            form: if html {
                InputForm::Html
            } else {
                InputForm::Plain
            },
            n_line_breaks_restored: 0,
        };
        let breaks = crate::reflow::missing_line_breaks(input);
        let mut breaks = breaks.into_iter().peekable();
        if let Some(record) = csv_record(input) {
            // The header column, a blank line standing for the column break, the text column.
            cleaned.form = InputForm::CsvRecord;
            let escapes = Escapes { html, csv: true };
            cleaned.clean_range(
                input,
                record.header.0,
                record.header.1,
                escapes,
                &mut breaks,
            );
            cleaned.replace(record.header.1, record.body.0 - record.header.1, "\n\n");
            cleaned.clean_range(input, record.body.0, record.body.1, escapes, &mut breaks);
        } else {
            cleaned.clean_range(
                input,
                0,
                input.len(),
                Escapes { html, csv: false },
                &mut breaks,
            );
        }
        cleaned.n_line_breaks_restored = cleaned
            .pieces
            .iter()
            .filter(|piece| piece.orig_len == 0)
            .count();
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
            b'\\' => escapes.csv,
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

    /// Appends `input[orig_start..orig_start + len]`, extending the last piece when contiguous.
    fn copy(&mut self, orig_start: usize, len: usize, input: &str) {
        if len == 0 {
            return;
        }
        let Some(piece_text) = input.get(orig_start..orig_start + len) else {
            return;
        };
        let clean_start = self.text.len();
        self.text.push_str(piece_text);
        if let Some(last) = self.pieces.last_mut() {
            if last.copied
                && last.clean_start + last.clean_len == clean_start
                && last.orig_start + last.orig_len == orig_start
            {
                last.clean_len += len;
                last.orig_len += len;
                return;
            }
        }
        self.pieces.push(Piece {
            clean_start,
            orig_start,
            clean_len: len,
            orig_len: len,
            copied: true,
        });
    }

    /// Appends `text` standing for `orig_len` bytes of the original at `orig_start`.
    fn replace(&mut self, orig_start: usize, orig_len: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let clean_start = self.text.len();
        self.text.push_str(text);
        self.pieces.push(Piece {
            clean_start,
            orig_start,
            clean_len: text.len(),
            orig_len,
            copied: false,
        });
    }

    /// Maps a cleaned start offset to the original text.
    fn map_start(&self, clean: usize) -> usize {
        match self.piece_at(clean) {
            Some(piece) if piece.copied => piece.orig_start + (clean - piece.clean_start),
            Some(piece) => piece.orig_start,
            None => self.orig_len,
        }
    }

    /// Maps a cleaned exclusive end offset to the original text.
    fn map_end(&self, clean: usize) -> usize {
        let Some(last_byte) = clean.checked_sub(1) else {
            return 0;
        };
        match self.piece_at(last_byte) {
            Some(piece) if piece.copied => piece.orig_start + (last_byte - piece.clean_start) + 1,
            Some(piece) => piece.orig_start + piece.orig_len,
            None => self.orig_len,
        }
    }

    fn piece_at(&self, clean: usize) -> Option<&Piece> {
        let idx = self
            .pieces
            .partition_point(|piece| piece.clean_start + piece.clean_len <= clean);
        self.pieces
            .get(idx)
            .filter(|piece| piece.clean_start <= clean)
    }

    /// The span in the original text of the cleaned range `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        if end <= start {
            let at = self.map_start(start);
            return Span::new(at, at);
        }
        Span::new(self.map_start(start), self.map_end(end))
    }

    /// The cleaned text between two cleaned offsets (empty when out of range).
    pub(crate) fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// Text from a cable web page: `<pre>` blocks, `&#x000A;` line breaks or `<a>` links.
fn looks_like_html(input: &str) -> bool {
    let head = input.get(..input.len().min(4096)).unwrap_or(input);
    ["<pre", "<PRE", "&#x000A;", "&#10;", "</a>", "<br"]
        .iter()
        .any(|marker| head.contains(marker))
}

/// The content ranges of a `cables.csv` record's header and text columns.
struct CsvRecord {
    header: (usize, usize),
    body: (usize, usize),
}

/// Recognises one `cables.csv` record: eight double-quoted columns (row number, date, ID,
/// origin, classification, references, header, text) with quotes inside escaped as `\"`.
fn csv_record(input: &str) -> Option<CsvRecord> {
    let bytes = input.as_bytes();
    let mut fields: Vec<(usize, usize)> = Vec::with_capacity(8);
    let mut pos = bytes.iter().position(|byte| {
        !byte.is_ascii_whitespace() && *byte != 0xEF && *byte != 0xBB && *byte != 0xBF
    })?;
    while fields.len() < 8 {
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let content_start = pos + 1;
        let mut cursor = content_start;
        loop {
            match bytes.get(cursor)? {
                b'\\' => cursor += 2,
                b'"' => break,
                _ => cursor += 1,
            }
        }
        fields.push((content_start, cursor));
        pos = cursor + 1;
        match bytes.get(pos) {
            Some(b',') => pos += 1,
            _ if fields.len() == 8 => {}
            _ => return None,
        }
    }
    let row_number = input.get(fields.first()?.0..fields.first()?.1)?;
    if row_number.is_empty() || !row_number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(CsvRecord {
        header: *fields.get(6)?,
        body: *fields.get(7)?,
    })
}

/// An HTML tag at the start of `rest`: its length, and whether it breaks a line (`<br>`).
fn html_tag(rest: &str) -> Option<(usize, bool)> {
    let inner = rest.strip_prefix('<')?;
    let name = inner.strip_prefix('/').unwrap_or(inner);
    if !name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return None;
    }
    // Bytes, not a string slice: 1,000 bytes on may fall inside a character.
    let close = inner
        .bytes()
        .take(1000)
        .position(|byte| byte == b'>' || byte == b'<')?;
    if inner.as_bytes().get(close) != Some(&b'>') {
        return None;
    }
    let tag_name: String = name
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    Some((close + 2, tag_name == "br"))
}

/// An HTML entity at the start of `rest`: its length and the character it stands for.
fn html_entity(rest: &str) -> Option<(usize, char)> {
    let inner = rest.strip_prefix('&')?;
    let semicolon = inner.bytes().take(12).position(|byte| byte == b';')?;
    let name = inner.get(..semicolon)?;
    let decoded = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
    } else if let Some(decimal) = name.strip_prefix('#') {
        char::from_u32(decimal.parse().ok()?)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => return None,
        }
    };
    Some((semicolon + 2, decoded))
}

struct MarkdownLink<'a> {
    text: &'a str,
    /// Bytes from `[` to the closing `)` inclusive.
    len: usize,
}

/// Recognises `[text](target)` at the start of `rest`, on one line.
fn markdown_link(rest: &str) -> Option<MarkdownLink<'_>> {
    let inner = rest.strip_prefix('[')?;
    let close = inner.find(']')?;
    let text = inner.get(..close)?;
    if text.is_empty() || text.len() > 60 || text.contains(['\n', '[']) {
        return None;
    }
    let target_part = inner.get(close + 1..)?.strip_prefix('(')?;
    let target_end = target_part.find(')')?;
    let target = target_part.get(..target_end)?;
    if target.len() > 300 || target.contains(char::is_whitespace) {
        return None;
    }
    Some(MarkdownLink {
        text,
        len: 1 + close + 2 + target_end + 1,
    })
}

/// Pilcrow links (`¶`) lose their glyph when a page is copied and often come out as `1`.
fn is_pilcrow_text(text: &str) -> bool {
    matches!(text, "1" | "¶")
}

/// Whether `rest` starts with a paragraph or list marker such as `1.`, `B.` or `(C)`.
fn starts_with_marker(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let n_alnum = rest.chars().take_while(char::is_ascii_alphanumeric).count();
    (1..=3).contains(&n_alnum)
        && rest
            .get(n_alnum..)
            .is_some_and(|after| after.starts_with(['.', ')', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, cleaned: &str) {
        let result = Cleaned::new(input);
        assert_eq!(result.text, cleaned);
    }

    #[test]
    fn removes_link_debris_but_keeps_link_text() {
        check("TAGS: [PARM](#) [PREL](#)\n", "TAGS: PARM PREL\n");
        check(
            "[1](#)1. (C) Text\n[1](#)B. E-MAIL\n",
            "1. (C) Text\nB. E-MAIL\n",
        );
        check("\u{b6}2. (C) Text\n", "2. (C) Text\n");
        check("see [1](#) here", "see 1 here");
        check("[not a link] (x)", "[not a link] (x)");
    }

    #[test]
    fn reads_html_pages() {
        check(
            "<code><pre>TAGS: <a href='/tag/PREL_0.html'>PREL</a>&#x000A;SUBJECT: A &amp; B</pre></code>",
            "TAGS: PREL\nSUBJECT: A & B",
        );
        check(
            "<pre><a id='par1' href='#par1'>\u{b6}</a>1. (C) Text</pre>",
            "1. (C) Text",
        );
        check("a<br>b", "a\nb");
    }

    #[test]
    fn reads_cables_csv_records() {
        let record = r#""1289","9/23/2000 15:10","00ATHENS1501","Embassy Athens","UNCLASSIFIED","","FM AMEMBASSY ATHENS
","UNCLAS ATHENS 001501 \"QUOTED\" HAMAS\' LEADERS""#;
        let cleaned = Cleaned::new(record);
        assert_eq!(cleaned.form, InputForm::CsvRecord);
        assert_eq!(
            cleaned.text,
            "FM AMEMBASSY ATHENS\n\n\nUNCLAS ATHENS 001501 \"QUOTED\" HAMAS' LEADERS"
        );
        let at = cleaned.text.find("QUOTED").unwrap_or(0);
        let span = cleaned.span(at - 1, at + 7);
        assert_eq!(&record[span.range()], r#"\"QUOTED\""#);
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let input = "TAGS: [PARM](#) [PREL](#)\n[1](#)1. Text";
        let cleaned = Cleaned::new(input);
        let at = cleaned.text.find("PREL").unwrap_or(0);
        let span = cleaned.span(at, at + 4);
        assert_eq!(&input[span.start..span.end], "PREL");
        let at = cleaned.text.find("1. Text").unwrap_or(0);
        let span = cleaned.span(at, cleaned.text.len());
        assert_eq!(&input[span.start..span.end], "1. Text");
        let whole = cleaned.span(0, cleaned.text.len());
        assert_eq!(whole, Span::new(0, input.len()));
    }
}
