//! A reference block as tokens (cleaned offsets kept), with page furniture dropped and the block
//! cut where something else begins.

use crate::context::Context;
use crate::scan::controls;
use crate::scan::reference_items::{bullet, is_digits, CLASSIFICATION_WORDS};

/// A token: cleaned offsets and text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
    /// First token of a line.
    pub(crate) line_start: bool,
}

impl Token {
    pub(crate) fn upper(&self) -> String {
        self.text.to_ascii_uppercase()
    }

    pub(crate) fn is_separator(&self) -> bool {
        matches!(self.text.as_str(), "," | ";" | "&" | "/" | "-")
            || self.text.eq_ignore_ascii_case("and")
    }
}

/// Splits the block's pieces into tokens; separators (`,`, `;`) become tokens of their own, and
/// glued bullets (`(A)05`, `A)STATE`, `D.01`, `¶B.`) are split off.
pub(crate) fn tokenize(context: &Context<'_>, pieces: &[(usize, usize)]) -> Vec<Token> {
    let mut tokens = Vec::new();
    for &(piece_start, piece_end) in pieces {
        let text = context.cleaned.slice(piece_start, piece_end);
        let mut line_start = true;
        let mut pos = 0;
        while pos < text.len() {
            let rest = text.get(pos..).unwrap_or("");
            let Some(ch) = rest.chars().next() else { break };
            // A backslash left by an escaped line end (`\` or `\n` written out) is no text.
            if ch.is_whitespace() || ch == '\\' || ch == '¶' {
                let skip = if rest.starts_with("\\n") {
                    2
                } else {
                    ch.len_utf8()
                };
                pos += skip;
                continue;
            }
            let len = rest
                .find(|c: char| c.is_whitespace() || c == '\\' || c == '¶')
                .unwrap_or(rest.len());
            let word = rest.get(..len).unwrap_or("");
            split_word(piece_start + pos, word, line_start, &mut tokens);
            line_start = false;
            pos += len;
        }
    }
    tokens
}

/// Pushes the tokens of one whitespace-separated word.
pub(crate) fn split_word(start: usize, word: &str, line_start: bool, tokens: &mut Vec<Token>) {
    let push = |from: usize, to: usize, tokens: &mut Vec<Token>, first: bool| {
        if let Some(text) = word.get(from..to).filter(|text| !text.is_empty()) {
            tokens.push(Token {
                start: start + from,
                end: start + to,
                text: text.to_string(),
                line_start: line_start && first,
            });
        }
    };
    let mut from = 0;
    // A glued bullet: `(A)05`, `(B)O4`, `A)STATE`, `D.01`.
    if let Some((_, len)) = bullet(word) {
        let rest = word.get(len..).unwrap_or("");
        let glued = rest.starts_with(|ch: char| ch.is_ascii_alphanumeric());
        let is_initial = word.get(1..2) == Some(".") && rest.starts_with(char::is_alphabetic);
        if glued && !is_initial {
            push(0, len, tokens, true);
            from = len;
        }
    }
    // `Toronto 1714(Ontario SARS Update #39)`: a parenthesis glued after a serial opens a
    // remark of its own.
    let glued_remark = word
        .get(from..)
        .and_then(|rest| rest.find('('))
        .map(|at| from + at)
        .filter(|&at| {
            at >= from + 3
                && word.get(from..at).is_some_and(is_digits)
                && word.get(at + 1..).is_some_and(|rest| !rest.is_empty())
        });
    if let Some(at) = glued_remark {
        push(from, at, tokens, from == 0);
        split_word(start + at, word.get(at..).unwrap_or(""), false, tokens);
        return;
    }
    // Trailing commas and semicolons are separators; full stops stay (`K.`, `ST.`, `A.`).
    let body_end = word.trim_end_matches([',', ';']).len().max(from);
    push(from, body_end, tokens, from == 0);
    if let Some(tail) = word.get(body_end..) {
        for (offset, ch) in tail.char_indices() {
            push(
                body_end + offset,
                body_end + offset + ch.len_utf8(),
                tokens,
                false,
            );
        }
    }
}

/// Drops page furniture inside the block and cuts it where something else begins.
pub(crate) fn clean_tokens(mut tokens: Vec<Token>) -> Vec<Token> {
    let mut kept: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut idx = 0;
    while let Some(token) = tokens.get(idx) {
        let upper = token.upper();
        // `TRIPOLI 00000402 001.2 OF 003`: the page marker and the station words before it.
        // Not a serial written with eight digits (`Djibouti 00001097`): a page number follows.
        let page_follows = tokens.get(idx + 1).is_some_and(|next| {
            next.text.len() >= 3 && next.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
        });
        if token.text.len() == 8
            && is_digits(&token.text)
            && token.text.starts_with("00")
            && page_follows
        {
            while kept.last().is_some_and(|last| {
                last.text
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch == '.')
                    && !is_digits(&last.text)
            }) {
                kept.pop();
            }
            idx += 1;
            let page = tokens.get(idx).is_some_and(|t| {
                t.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.') && t.text.len() >= 3
            });
            if page && tokens.get(idx + 1).is_some_and(|t| t.text == "OF") {
                idx += 3;
            }
            continue;
        }
        // `CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02 082030Z`.
        if upper == "PAGE" && tokens.get(idx + 1).is_some_and(|t| is_digits(&t.text)) {
            while kept
                .last()
                .is_some_and(|last| CLASSIFICATION_WORDS.contains(&last.upper().as_str()))
            {
                kept.pop();
            }
            let dtg_end = tokens
                .iter()
                .skip(idx)
                .take(12)
                .position(|t| {
                    let bytes = t.text.as_bytes();
                    bytes.len() == 7
                        && bytes.last() == Some(&b'Z')
                        && bytes.iter().take(6).all(u8::is_ascii_digit)
                })
                .map_or(idx + 2, |offset| idx + offset + 1);
            idx = dtg_end;
            continue;
        }
        if ends_block(&tokens, idx) {
            break;
        }
        kept.push(token.clone());
        idx += 1;
    }
    tokens.clear();
    kept
}

/// Whether the block ends at token `idx`: another field, a caption, a paragraph.
pub(crate) fn ends_block(tokens: &[Token], idx: usize) -> bool {
    let upper = |offset: usize| {
        tokens
            .get(idx + offset)
            .map(Token::upper)
            .unwrap_or_default()
    };
    let first = upper(0);
    let phrase = |words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(offset, word)| upper(offset).trim_end_matches([':', '.', ',']) == *word)
    };
    phrase(&["CLASSIFIED", "BY"])
        || phrase(&["SENSITIVE", "BUT", "UNCLASSIFIED"])
        || phrase(&["THIS", "MESSAGE"])
        || phrase(&["THIS", "CABLE"])
        || phrase(&["END", "SUMMARY"])
        || matches!(
            first.as_str(),
            "SUMMARY" | "SUMMARY:" | "SUMMARY." | "TAGS:" | "SUBJECT:" | "E.O."
        )
        // A handling caption after the block: `SIPDIS`, `NOFORN`.
        || controls::is_control(&first)
        // A paragraph numbered after its marking: `(U)  1.  Poloff delivered …`.
        || (tokens.get(idx).is_some_and(|t| t.line_start)
            && first.starts_with('(')
            && first.ends_with(')')
            && first.len() <= 8
            && upper(1).len() <= 3
            && upper(1).ends_with('.')
            && is_digits(upper(1).trim_end_matches('.')))
        // A numbered paragraph: `1. (SBU)`, `1.(SBU)`, `1.  Summary`.
        || (first.len() <= 3
            && first.ends_with('.')
            && is_digits(first.trim_end_matches('.'))
            && tokens.get(idx).is_some_and(|t| t.line_start || idx > 0)
            && upper(1).starts_with('('))
        || (first.starts_with(|ch: char| ch.is_ascii_digit())
            && first.contains(".(")
            && first.len() <= 8)
        // Spaced letters of a classification line: `C O N F I D E N T I A L`.
        || (first.len() == 1 && {
            let letters: String = (0..12)
                .map(upper)
                .take_while(|word| word.len() == 1)
                .collect();
            letters.starts_with("CONFIDENTIAL")
                || letters.starts_with("SECRET")
                || letters.starts_with("UNCLASSIFIED")
        })
}
