//! `TAGS:` → codes, upper-cased and deduplicated, with what typing and publishing did to them
//! undone where the glossary can tell: glued codes (`PRELPTER`, `KFRDKIRFCVIS…`) split, a doubled
//! letter (`MOPPS`) fixed, person tags (`OVIP (STEINBERG, JAMES B.)`, `OVIP BIDEN JOSEPH`) read as
//! `SURNAME, GIVEN`, and runs of plain words (`HUMAN RIGHTS`) kept as one tag.

use crate::context::Context;
use crate::glossary;
use crate::glossary::is_known_tag;
use crate::scan::controls;
use crate::tree::Tag;

/// English words that are also two-letter country codes.
pub(crate) const FUNCTION_WORDS: [&str; 8] = ["IN", "OF", "TO", "ON", "AT", "BY", "AN", "OR"];

/// A token of the TAGS value: where it is (cleaned offsets), its text, and whether a comma or
/// semicolon came before it.
pub(crate) struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    after_comma: bool,
}

/// Reads the tags in the cleaned ranges `pieces` (the value after `TAGS:`).
pub(crate) fn read(context: &Context<'_>, pieces: &[(usize, usize)]) -> Vec<Tag> {
    let tokens = tokenize(context, pieces);
    let mut tags: Vec<Tag> = Vec::new();
    let push = |tags: &mut Vec<Tag>, start: usize, end: usize, value: String| {
        if !value.is_empty()
            && !controls::is_control(&value)
            && !tags.iter().any(|tag| tag.value == value)
        {
            let entry = glossary::tag(&value);
            tags.push(Tag {
                span: context.span(start, end),
                raw: context.cleaned.slice(start, end).to_string(),
                kind: entry.map(|entry| entry.kind.to_string()),
                meaning: entry
                    .map(|entry| entry.meaning)
                    .filter(|meaning| !meaning.is_empty())
                    .map(str::to_string),
                value,
            });
        }
    };
    let mut idx = 0;
    while let Some(token) = tokens.get(idx) {
        idx += 1;
        if let Some(inside) = token
            .text
            .strip_prefix('(')
            .and_then(|rest| rest.strip_suffix(')'))
        {
            push(&mut tags, token.start, token.end, person(inside));
            continue;
        }
        let upper = token.text.to_uppercase();
        if is_known_tag(&upper) {
            push(&mut tags, token.start, token.end, upper.clone());
            // `OVIP BIDEN JOSEPH`: a visiting person's surname and given name follow.
            if upper == "OVIP" {
                if let (Some(surname), Some(given)) = (tokens.get(idx), tokens.get(idx + 1)) {
                    let plain = |token: &Token<'_>| {
                        is_word(token.text) && !is_known_tag(token.text) && !token.after_comma
                    };
                    if plain(surname) && plain(given) {
                        let value = format!(
                            "{}, {}",
                            surname.text.to_uppercase(),
                            given.text.to_uppercase()
                        );
                        push(&mut tags, surname.start, given.end, value);
                        idx += 2;
                    }
                }
            }
            continue;
        }
        if let Some(parts) = split_glued(&upper) {
            // Offsets within the token are byte offsets: codes are ASCII.
            let mut offset = token.start;
            for part in parts {
                push(&mut tags, offset, offset + part.len(), part.to_string());
                offset += part.len();
            }
            continue;
        }
        if let Some(fixed) = fix_doubled_letter(&upper) {
            push(&mut tags, token.start, token.end, fixed);
            continue;
        }
        // A run of plain words not separated by commas is one tag: `HUMAN RIGHTS`. A function
        // word that is also a country code (`IN`) stays in the run when a word follows it:
        // `TIP IN TURKEY`.
        let mut end_idx = idx;
        while let Some(next) = tokens.get(end_idx) {
            let next_upper = next.text.to_uppercase();
            let function_word = FUNCTION_WORDS.contains(&next_upper.as_str())
                && tokens.get(end_idx + 1).is_some_and(|after| {
                    !after.after_comma && is_word(after.text) && !is_known_tag(after.text)
                });
            let code = is_known_tag(&next_upper) || split_glued(&next_upper).is_some();
            if next.after_comma || !is_word(next.text) || (code && !function_word) {
                break;
            }
            end_idx += 1;
        }
        let words: Vec<String> = tokens
            .get(idx - 1..end_idx)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.text.to_uppercase())
            .collect();
        let end = tokens.get(end_idx - 1).map_or(token.end, |last| last.end);
        push(
            &mut tags,
            token.start,
            end,
            words.join(" ").trim_matches(['.', ':']).to_string(),
        );
        idx = end_idx;
    }
    tags
}

pub(crate) fn tokenize<'a>(context: &'a Context<'_>, pieces: &[(usize, usize)]) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    let mut after_comma = false;
    for &(piece_start, piece_end) in pieces {
        let text = context.cleaned.slice(piece_start, piece_end);
        // A wide gap ends the list: what follows is page furniture (`IT      SECRET   PAGE 02`).
        let text = text
            .find("    ")
            .map_or(text, |gap| text.get(..gap).unwrap_or(text));
        let mut pos = 0;
        while pos < text.len() {
            let rest = text.get(pos..).unwrap_or("");
            let Some(ch) = rest.chars().next() else { break };
            if ch == ',' || ch == ';' {
                after_comma = true;
                pos += 1;
                continue;
            }
            if ch.is_whitespace() || ch == ':' {
                pos += ch.len_utf8();
                continue;
            }
            let len = if ch == '(' {
                rest.find(')').map_or(rest.len(), |close| close + 1)
            } else {
                rest.find(|c: char| c.is_whitespace() || c == ',' || c == ';')
                    .unwrap_or(rest.len())
            };
            let token_text = rest.get(..len).unwrap_or("").trim_end_matches('.');
            if !token_text.is_empty() {
                tokens.push(Token {
                    start: piece_start + pos,
                    end: piece_start + pos + token_text.len(),
                    text: token_text,
                    after_comma,
                });
            }
            after_comma = false;
            pos += len.max(1);
        }
        // A line break separates tags where commas do; in a list without commas a phrase may
        // run on (`… KU COUNTRY` / `CLEARANCE`).
        after_comma = text.contains([',', ';']);
    }
    tokens
}

/// Letters only (an apostrophe or hyphen inside allowed).
pub(crate) fn is_word(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|ch| ch.is_alphabetic() || ch == '-' || ch == '\'')
}

/// `steinberg, james b.` → `STEINBERG, JAMES B.`
pub(crate) fn person(inside: &str) -> String {
    inside
        .split(',')
        .map(|part| {
            part.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_uppercase()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits `PRELPTER` into known codes, preferring four-letter subject codes.
pub(crate) fn split_glued(upper: &str) -> Option<Vec<&str>> {
    if upper.len() < 4
        || upper.len() > 64
        || !upper.bytes().all(|byte| byte.is_ascii_uppercase())
        || is_known_tag(upper)
    {
        return None;
    }
    // A piece is a known code, or has the shape of a program tag (K and three letters), which
    // the glossary does not list completely.
    fn is_code(piece: &str) -> bool {
        is_known_tag(piece) || (piece.len() == 4 && piece.starts_with('K'))
    }
    fn split<'a>(rest: &'a str, parts: &mut Vec<&'a str>) -> bool {
        if rest.is_empty() {
            return true;
        }
        for len in [4, 2] {
            if let Some(head) = rest.get(..len).filter(|head| is_code(head)) {
                parts.push(head);
                if split(rest.get(len..).unwrap_or(""), parts) {
                    return true;
                }
                parts.pop();
            }
        }
        false
    }
    let mut parts = Vec::new();
    // Plain words also split into two-letter country codes (`RIGHTS` = RI GH TS); a real glued
    // list has at least as many four-letter codes as two-letter ones.
    let n_long = |parts: &[&str]| parts.iter().filter(|part| part.len() == 4).count();
    let n_short = |parts: &[&str]| parts.iter().filter(|part| part.len() == 2).count();
    (split(upper, &mut parts)
        && parts.len() >= 2
        && n_long(&parts) >= 1
        && n_short(&parts) <= n_long(&parts))
    .then_some(parts)
}

/// `MOPPS` → `MOPS`: a letter typed twice.
pub(crate) fn fix_doubled_letter(upper: &str) -> Option<String> {
    if upper.len() < 5 || !upper.bytes().all(|byte| byte.is_ascii_uppercase()) {
        return None;
    }
    let bytes = upper.as_bytes();
    (1..bytes.len())
        .filter(|&at| bytes.get(at) == bytes.get(at - 1))
        .find_map(|at| {
            let candidate = format!("{}{}", upper.get(..at)?, upper.get(at + 1..)?);
            is_known_tag(&candidate).then_some(candidate)
        })
}

/// Whether a line continues a TAGS list: the list ended with a comma, or the line holds only
/// known codes (`NATO, UK, CN`).
pub(crate) fn continues(previous: &str, line: &str) -> bool {
    if previous.trim_end().ends_with(',') {
        return true;
    }
    // A phrase tag broken across lines: `… KU COUNTRY` / `CLEARANCE`.
    let last_word = previous.split_whitespace().last().unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    let plain = |word: &str| word.len() >= 4 && word.bytes().all(|byte| byte.is_ascii_uppercase());
    if plain(last_word)
        && !is_known_tag(last_word)
        && (1..=2).contains(&words.len())
        && words
            .iter()
            .all(|word| plain(word) && !controls::is_control(word))
    {
        return true;
    }
    // Known codes, or tokens with the shape of one (two to four capitals: the glossary is not
    // complete), and nothing else.
    let code_shaped = |code: &str| {
        is_known_tag(code)
            || split_glued(&code.to_uppercase()).is_some()
            || ((2..=4).contains(&code.len()) && code.bytes().all(|byte| byte.is_ascii_uppercase()))
    };
    let mut codes = line
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|code| !code.is_empty())
        .peekable();
    codes.peek().is_some() && codes.all(code_shaped)
}
