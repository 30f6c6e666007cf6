//! `TAGS:` → codes, upper-cased and deduplicated, with what typing and publishing did to them
//! undone where the glossary can tell: glued codes (`PRELPTER`, `KFRDKIRFCVIS…`) split, a doubled
//! letter (`MOPPS`) fixed, person tags (`OVIP (STEINBERG, JAMES B.)`, `OVIP BIDEN JOSEPH`) read as
//! `SURNAME, GIVEN`, and runs of plain words (`HUMAN RIGHTS`) kept as one tag.

use crate::context::Context;
use crate::glossary;
use crate::glossary::is_known_tag;
use crate::header::keywords::keyword_hits;
use crate::scan::controls;
use crate::tree::Tag;

/// English words that are also two-letter country codes.
pub(crate) const FUNCTION_WORDS: [&str; 8] = ["IN", "OF", "TO", "ON", "AT", "BY", "AN", "OR"];

/// The TAGS value as written, its lines joined by line breaks, with the cleaned offset of each of
/// its bytes (and of its end), so that a tag read across lines keeps its span.
struct Written {
    text: String,
    offsets: Vec<usize>,
}

impl Written {
    /// The value's lines (cleaned ranges), each cut at a wide gap: what follows a run of four
    /// blanks after the first tag is page furniture (`IT      SECRET   PAGE 02`). A line that
    /// starts with a field's keyword ends the value: `SUBJECT: SUBJECT: …` hands its first
    /// keyword to the TAGS field, but it is the next field's.
    fn new(context: &Context<'_>, pieces: &[(usize, usize)]) -> Written {
        let mut written = Written {
            text: String::new(),
            offsets: Vec::new(),
        };
        let mut value_end = pieces.first().map_or(0, |&(_, end)| end);
        for (idx, &(start, end)) in pieces.iter().enumerate() {
            let line = context.cleaned.slice(start, end);
            let starts_field = keyword_hits(line.trim_start())
                .first()
                .is_some_and(|&(at, _, _)| at == 0);
            if idx > 0 && starts_field {
                break;
            }
            value_end = end;
            let leading = line.len() - line.trim_start().len();
            let kept = line
                .get(leading..)
                .and_then(|rest| rest.find("    ").map(|gap| leading + gap))
                .map_or(line, |gap| line.get(..gap).unwrap_or(line));
            if idx > 0 {
                written.text.push('\n');
                written.offsets.push(start);
            }
            written.text.push_str(kept);
            written
                .offsets
                .extend((0..kept.len()).map(|offset| start + offset));
        }
        written.offsets.push(value_end);
        written
    }

    /// The cleaned range of the written stretch `start..end`.
    fn cleaned(&self, start: usize, end: usize) -> (usize, usize) {
        let at = |offset: usize| self.offsets.get(offset).copied().unwrap_or(0);
        let last = end.checked_sub(1).map_or(at(start), |last| at(last) + 1);
        (at(start), last.max(at(start)))
    }
}

/// A token of the TAGS value: where it is (offsets in the written value), its text, and whether a
/// comma or semicolon came before it.
pub(crate) struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    after_comma: bool,
}

/// Reads the tags in the cleaned ranges `pieces` (the value after `TAGS:`). A list written with
/// commas is read item by item, each item one tag unless it is only codes (`PGOV VE`): a phrase
/// stays whole (`USEU BRUSSELS`, `Macroeconomics & Financial`, `Political Parties/Elections`). A
/// list without commas is read word by word, runs of plain words kept together (`HUMAN RIGHTS`).
pub(crate) fn read(context: &Context<'_>, pieces: &[(usize, usize)]) -> Vec<Tag> {
    let written = Written::new(context, pieces);
    let mut tags: Vec<Tag> = Vec::new();
    let push = |tags: &mut Vec<Tag>, start: usize, end: usize, value: String| {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !value.is_empty()
            && !controls::is_control(&value)
            && !tags.iter().any(|tag| tag.value == value)
        {
            let (start, end) = written.cleaned(start, end);
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
    // `TAGS: N/A`: the cable says it has no tags.
    let placeholder = written.text.trim().trim_end_matches('.');
    if ["N/A", "NONE"].contains(&placeholder.to_uppercase().as_str()) {
        return Vec::new();
    }
    let listed = listed_codes(&written.text);
    let items = items(&written.text);
    if items.len() > 1 {
        for (start, end) in items {
            read_item(
                &written.text,
                start,
                end,
                &listed,
                &mut |start, end, value| push(&mut tags, start, end, value),
            );
        }
    } else {
        read_words(
            &tokenize(&written.text, 0, written.text.len()),
            &listed,
            &mut |start, end, value| push(&mut tags, start, end, value),
        );
    }
    tags
}

/// The items of a list written with commas or semicolons: their ranges in `text`, trimmed. A
/// comma inside parentheses (`(STEINBERG, JAMES B.)`) separates nothing; nor does a line break.
fn items(text: &str) -> Vec<(usize, usize)> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (at, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ',')))
    {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ch if is_separator(ch) && depth == 0 => {
                let item = text.get(start..at).unwrap_or("");
                let leading = item.len() - item.trim_start().len();
                let trimmed = item.trim().trim_end_matches('.');
                if !trimmed.is_empty() {
                    items.push((start + leading, start + leading + trimmed.len()));
                }
                start = at + 1;
            }
            _ => {}
        }
    }
    items
}

/// One item of a list written with commas: a person in parentheses, codes, or a phrase.
fn read_item(
    text: &str,
    start: usize,
    end: usize,
    listed: &[&str],
    push: &mut dyn FnMut(usize, usize, String),
) {
    let tokens = tokenize(text, start, end);
    // A code is known, glued or mistyped codes, or has a code's shape: two to four capitals (the
    // glossary is not complete: `KFLU`).
    let is_code = |token: &Token<'_>| {
        let upper = token.text.to_uppercase();
        let shaped = (2..=4).contains(&token.text.len())
            && token.text.bytes().all(|byte| byte.is_ascii_uppercase());
        shaped
            || is_known_tag(&upper)
            || controls::is_control(&upper)
            || split_glued(&upper, listed).is_some()
            || fix_doubled_letter(&upper).is_some()
            || token.text.starts_with('(')
    };
    let only_codes = tokens.iter().all(is_code);
    let ovip = tokens
        .first()
        .is_some_and(|first| first.text.eq_ignore_ascii_case("OVIP"));
    if only_codes || ovip {
        read_words(&tokens, listed, push);
        return;
    }
    // A phrase: its words as written, a person in parentheses after it a tag of its own. A
    // person is written `SURNAME, GIVEN`; parentheses without a comma are the phrase's own
    // (`Defense Reform (Mil & NATO)`, `Trafficking (in persons)`, `… of America (FTAA)`).
    let first_person = tokens
        .iter()
        .position(|token| token.text.starts_with('(') && token.text.contains(','));
    let phrase_end = first_person
        .and_then(|idx| idx.checked_sub(1))
        .and_then(|idx| tokens.get(idx))
        .map_or(end, |last| last.end);
    let phrase = text.get(start..phrase_end).unwrap_or("");
    push(start, phrase_end, phrase.to_uppercase());
    let persons = tokens
        .iter()
        .skip(first_person.unwrap_or(tokens.len()))
        .filter(|token| token.text.starts_with('('));
    read_words(
        &persons.map(|token| Token { ..*token }).collect::<Vec<_>>(),
        listed,
        push,
    );
}

/// Codes and words in order: a person in parentheses, a known code, glued codes split, a doubled
/// letter mended, and a run of plain words not separated by commas as one tag (`HUMAN RIGHTS`).
fn read_words(tokens: &[Token<'_>], listed: &[&str], push: &mut dyn FnMut(usize, usize, String)) {
    let mut idx = 0;
    while let Some(token) = tokens.get(idx) {
        idx += 1;
        if let Some(inside) = token.text.strip_prefix('(') {
            let inside = inside.strip_suffix(')').unwrap_or(inside);
            // `(OVIP, RUMSFELD DONALD)`: a code first, then the person it is about.
            if let Some((written_code, rest)) = inside.split_once(',') {
                let code = written_code.trim();
                if is_known_tag(code) && code.bytes().all(|byte| byte.is_ascii_uppercase()) {
                    let code_start =
                        token.start + 1 + (written_code.len() - written_code.trim_start().len());
                    push(code_start, code_start + code.len(), code.to_string());
                    // Surname and given names, as after `OVIP` outside parentheses.
                    let who = rest.trim();
                    let who = match who.split_once(' ') {
                        Some((surname, given)) if !who.contains(',') => {
                            format!("{surname}, {given}")
                        }
                        _ => who.to_string(),
                    };
                    let who_start = token.start + 1 + written_code.len() + 1;
                    let who_start = who_start + (rest.len() - rest.trim_start().len());
                    let who_end = token.end - usize::from(token.text.ends_with(')'));
                    push(who_start, who_end.max(who_start), person(&who));
                    continue;
                }
            }
            push(token.start, token.end, person(inside));
            continue;
        }
        let upper = token.text.to_uppercase();
        if is_known_tag(&upper) {
            push(token.start, token.end, upper.clone());
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
                        push(surname.start, given.end, value);
                        idx += 2;
                    }
                }
            }
            continue;
        }
        if let Some(parts) = split_glued(&upper, listed) {
            // Offsets within the token are byte offsets: codes are ASCII.
            let mut offset = token.start;
            for part in parts {
                push(offset, offset + part.len(), part.to_string());
                offset += part.len();
            }
            continue;
        }
        if let Some(fixed) = fix_doubled_letter(&upper) {
            push(token.start, token.end, fixed);
            continue;
        }
        // A function word that is also a country code (`IN`) stays in the run when a word
        // follows it: `TIP IN TURKEY`.
        let mut end_idx = idx;
        while let Some(next) = tokens.get(end_idx) {
            let next_upper = next.text.to_uppercase();
            let function_word = FUNCTION_WORDS.contains(&next_upper.as_str())
                && tokens.get(end_idx + 1).is_some_and(|after| {
                    !after.after_comma && is_word(after.text) && !is_known_tag(after.text)
                });
            let code = is_known_tag(&next_upper) || split_glued(&next_upper, listed).is_some();
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
            token.start,
            end,
            words.join(" ").trim_matches(['.', ':']).to_string(),
        );
        idx = end_idx;
    }
}

/// The words of `text[start..end]`: separated by blanks, line breaks, commas and semicolons, a
/// person in parentheses one token however many words and lines it takes.
fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut after_comma = false;
    let mut pos = start;
    while pos < end {
        let rest = text.get(pos..end).unwrap_or("");
        let Some(ch) = rest.chars().next() else { break };
        if is_separator(ch) {
            after_comma = true;
            pos += 1;
            continue;
        }
        if ch.is_whitespace() || ch == ':' {
            // A line break separates tags where commas do.
            if ch == '\n'
                && text
                    .get(start..end)
                    .is_some_and(|all| all.contains(is_separator))
            {
                after_comma = true;
            }
            pos += ch.len_utf8();
            continue;
        }
        // A code glued to a person's parentheses (`CO(DUNCAN, CAMERON)`) ends at them.
        let len = if ch == '(' {
            rest.find(')').map_or(rest.len(), |close| close + 1)
        } else {
            rest.find(|c: char| c.is_whitespace() || is_separator(c) || c == '(')
                .unwrap_or(rest.len())
        };
        let token_text = rest.get(..len).unwrap_or("").trim_end_matches('.');
        // Codes joined by a period instead of a comma (`PTER.YM`, `DR.XK`) are codes apart:
        // each part has a code's shape (two to four capitals) and one at least is known.
        let parts: Vec<&str> = token_text.split('.').collect();
        let code_shaped = |part: &&str| {
            (2..=4).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_uppercase())
        };
        let codes_apart = parts.len() > 1
            && parts.iter().all(code_shaped)
            && parts.iter().any(|part| is_known_tag(part));
        if codes_apart {
            let mut part_start = pos;
            for part in parts {
                tokens.push(Token {
                    start: part_start,
                    end: part_start + part.len(),
                    text: part,
                    after_comma,
                });
                part_start += part.len() + 1;
            }
        } else if !token_text.is_empty() {
            tokens.push(Token {
                start: pos,
                end: pos + token_text.len(),
                text: token_text,
                after_comma,
            });
        }
        after_comma = false;
        pos += len.max(1);
    }
    tokens
}

/// What separates tags: a comma, a semicolon, or a `<` (a comma typed with the shift key held:
/// `ECON< VE`).
fn is_separator(ch: char) -> bool {
    matches!(ch, ',' | ';' | '<')
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
    // A comma typed twice (`GHONDA,, ANTOINE`) separates nothing more.
    inside
        .split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            part.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_uppercase()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The two-letter codes a TAGS value also writes on their own (`RUPREL, RU`): a country code
/// the glossary lacks is still one where the cable uses it as a code.
fn listed_codes(text: &str) -> Vec<&str> {
    text.split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|word| word.len() == 2 && word.bytes().all(|byte| byte.is_ascii_uppercase()))
        .collect()
}

/// Splits `PRELPTER` into known codes (or codes the same value writes on their own, `listed`),
/// preferring four-letter subject codes.
pub(crate) fn split_glued<'a>(upper: &'a str, listed: &[&str]) -> Option<Vec<&'a str>> {
    if upper.len() < 4
        || upper.len() > 64
        || !upper.bytes().all(|byte| byte.is_ascii_uppercase())
        || is_known_tag(upper)
    {
        return None;
    }
    // A piece is a known code, or has the shape of a program tag (K and three letters), which
    // the glossary does not list completely.
    let is_code = |piece: &str| {
        is_known_tag(piece)
            || (piece.len() == 4 && piece.starts_with('K'))
            || listed.contains(&piece)
    };
    fn split<'a>(rest: &'a str, parts: &mut Vec<&'a str>, is_code: &dyn Fn(&str) -> bool) -> bool {
        if rest.is_empty() {
            return true;
        }
        for len in [4, 2] {
            if let Some(head) = rest.get(..len).filter(|head| is_code(head)) {
                parts.push(head);
                if split(rest.get(len..).unwrap_or(""), parts, is_code) {
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
    (split(upper, &mut parts, &is_code)
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

/// Whether a line continues a TAGS list: the list ended with a comma or inside a person's
/// parentheses, or the line holds only known codes (`NATO, UK, CN`).
pub(crate) fn continues(previous: &str, line: &str) -> bool {
    let unclosed = previous.matches('(').count() > previous.matches(')').count();
    if previous.trim_end().ends_with(',') || unclosed {
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
            || split_glued(&code.to_uppercase(), &[]).is_some()
            || ((2..=4).contains(&code.len()) && code.bytes().all(|byte| byte.is_ascii_uppercase()))
    };
    let mut codes = line
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|code| !code.is_empty())
        .peekable();
    codes.peek().is_some() && codes.all(code_shaped)
}
