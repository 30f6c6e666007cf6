//! Pass 1: clean the text a user pasted, keeping a map back to it.
//!
//! Users paste cables copied from web pages, so the text carries debris that is not part of the
//! cable: markdown links (`[PARM](#)`), pilcrow links in front of paragraph numbers (`[1](#)1.`,
//! `¶1.`). Later passes read the *cleaned* text; every offset they produce goes through
//! [`Cleaned::span`] so spans always point into the text the user gave.

use crate::Span;

/// One run of the cleaned text and where it came from.
///
/// A copy piece (`clean_len == orig_len`) maps byte for byte; a replacement piece maps as a whole.
#[derive(Debug, Clone, Copy)]
struct Piece {
    clean_start: usize,
    orig_start: usize,
    clean_len: usize,
    orig_len: usize,
}

/// Cleaned text plus the piecewise map from its byte offsets to the original's.
#[derive(Debug)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pieces: Vec<Piece>,
    orig_len: usize,
    /// Number of pieces of debris removed; reported as one diagnostic.
    pub(crate) n_debris: usize,
}

impl Cleaned {
    pub(crate) fn new(input: &str) -> Cleaned {
        let mut cleaned = Cleaned {
            text: String::with_capacity(input.len()),
            pieces: Vec::new(),
            orig_len: input.len(),
            n_debris: 0,
        };
        // Debris starts with `[` or `¶`; everything between two candidates is copied in one run.
        let mut run_start = 0;
        let mut pos = 0;
        // A byte scan: `[` is one byte and `¶` starts with 0xC2, so this finds every candidate.
        let candidates = input
            .bytes()
            .enumerate()
            .filter_map(|(at, byte)| match byte {
                b'[' => Some((at, "[")),
                0xC2 if input.get(at..).is_some_and(|rest| rest.starts_with('¶')) => {
                    Some((at, "¶"))
                }
                _ => None,
            });
        for (at, ch) in candidates {
            if at < pos {
                continue;
            }
            let at_line_start = input.get(..at).is_some_and(|before| {
                before
                    .rsplit('\n')
                    .next()
                    .is_some_and(|line| line.trim().is_empty())
            });
            let rest = input.get(at..).unwrap_or("");
            let removal = if ch == "[" {
                markdown_link(rest).map(|link| {
                    let after = rest.get(link.len..).unwrap_or("");
                    let keep =
                        !(at_line_start && is_pilcrow_text(link.text) && starts_with_marker(after));
                    (link.len, keep.then_some(link.text.len()))
                })
            } else if at_line_start {
                // A pilcrow is often followed by a space before the number: drop that too.
                let len = ch.len()
                    + usize::from(rest.get(ch.len()..).is_some_and(|r| r.starts_with(' ')));
                Some((len, None))
            } else {
                None
            };
            let Some((len, kept_text_len)) = removal else {
                continue;
            };
            cleaned.copy(run_start, at - run_start, input);
            if let Some(text_len) = kept_text_len {
                cleaned.copy(at + 1, text_len, input);
            }
            cleaned.n_debris += 1;
            pos = at + len;
            run_start = pos;
        }
        cleaned.copy(run_start, input.len() - run_start, input);
        cleaned
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
            if last.clean_len == last.orig_len
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
        });
    }

    /// Maps a cleaned start offset to the original text.
    fn map_start(&self, clean: usize) -> usize {
        match self.piece_at(clean) {
            Some(piece) if piece.clean_len == piece.orig_len => {
                piece.orig_start + (clean - piece.clean_start)
            }
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
            Some(piece) if piece.clean_len == piece.orig_len => {
                piece.orig_start + (last_byte - piece.clean_start) + 1
            }
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
