//! A `REF` block split into items (letters in sequence; bare letters; `a.`; `(1)`; repeats like
//! `A. A)`), each read for what it cites.

use crate::context::Context;
use crate::references::citation::{citations, date};
use crate::references::citing::Citing;
use crate::references::tokens::{clean_tokens, tokenize, Token};
use crate::scan::reference_items::{bullet, is_digits};
use crate::span::Field;
use crate::stations::{self, Station};
use crate::tree::{Reference, ReferenceKind};

/// Reads the items of a reference block whose value is the cleaned ranges `pieces`.
pub(crate) fn read(
    context: &mut Context<'_>,
    pieces: &[(usize, usize)],
    citing: Citing<'_>,
) -> Vec<Reference> {
    let tokens = clean_tokens(tokenize(context, pieces));
    let items = split_items(&tokens);
    let mut references: Vec<Reference> = Vec::new();
    let mut last_station: Option<(String, Station)> = None;
    for (letter, item_tokens) in items {
        let inherited = last_station
            .as_ref()
            .map(|(raw, station)| (raw.as_str(), station));
        if let Some(reference) = read_item(context, letter, &item_tokens, citing, inherited) {
            if let Some(cable) = reference.cables.last() {
                last_station = Some((
                    cable.station_raw.clone(),
                    stations::normalise(&cable.station_raw),
                ));
            } else if let Some(first) = item_tokens.first().filter(|token| {
                // `A. KINSHASA '99 B. 8034`: a known station without a serial is still the
                // station the next item's bare serial continues.
                stations::is_known(&token.text)
            }) {
                last_station = Some((first.text.clone(), stations::normalise(&first.text)));
            }
            references.push(reference);
        }
    }
    references
}

/// An item: its letter and the letter's token, and its tokens.
pub(crate) type Item = (Option<(char, Token)>, Vec<Token>);

/// Splits tokens into items by their letters. Without letters, `;` separates items.
pub(crate) fn split_items(tokens: &[Token]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut expected: Option<char> = None;
    let mut current: Option<char> = None;
    let mut just_bulleted = false;
    let mut idx = 0;
    while let Some(token) = tokens.get(idx) {
        let upper = token.upper();
        // `REF:`, `REFERENCE:` repeated inside the block, and the letter repeated after it.
        if matches!(
            upper.trim_end_matches([':', '.']),
            "REF" | "REFS" | "REFERENCE" | "REFERENCES" | "REFTEL"
        ) && (just_bulleted || items.last().is_none_or(|(_, toks)| toks.is_empty()))
        {
            idx += 1;
            just_bulleted = true;
            continue;
        }
        let marker = bullet(&token.text)
            .filter(|(_, len)| *len == token.text.len())
            .map(|(letter, _)| letter)
            .or_else(|| bare_letter(tokens, idx, expected, current));
        if let Some(letter) = marker {
            let next_letter = |ch: char| char::from_u32(u32::from(ch) + 1);
            let is_expected = expected.map_or(
                letter == 'A' || letter == '1' || items.is_empty(),
                |expected| letter == expected,
            );
            if just_bulleted && Some(letter) == current {
                // `A. A)`, `A. REF A:`: the same letter again.
                idx += 1;
                continue;
            }
            let repeat = Some(letter) == current && token.line_start;
            if is_expected || repeat {
                items.push((Some((letter, token.clone())), Vec::new()));
                current = Some(letter);
                expected = next_letter(letter);
                just_bulleted = true;
                idx += 1;
                continue;
            }
        }
        just_bulleted = false;
        match items.last_mut() {
            Some((_, item)) => item.push(token.clone()),
            None => items.push((None, vec![token.clone()])),
        }
        idx += 1;
    }
    // Without letters, `;` separates items: `05 STATE 1234; 06 STATE 1234; E-Mail Tralala`.
    if items.len() == 1 && items.first().is_some_and(|(letter, _)| letter.is_none()) {
        if let Some((_, all)) = items.pop() {
            for piece in all.split(|token| token.text == ";") {
                if !piece.is_empty() {
                    items.push((None, piece.to_vec()));
                }
            }
        }
    }
    items
}

/// A bare letter as an item's letter (`REF A WELLINGTON 721 B WELLINGTON 690`): only the letter
/// expected next, after a citation's end or at the start, and before a name or a number.
pub(crate) fn bare_letter(
    tokens: &[Token],
    idx: usize,
    expected: Option<char>,
    current: Option<char>,
) -> Option<char> {
    let token = tokens.get(idx)?;
    let letter = token.text.chars().next()?;
    if token.text.len() != 1 || !letter.is_ascii_uppercase() {
        return None;
    }
    let wanted = expected.unwrap_or('A');
    // `A -` is a bullet too.
    let dash = tokens.get(idx + 1).is_some_and(|next| next.text == "-");
    let next = tokens.get(idx + 1 + usize::from(dash))?;
    let before_ok = idx == 0
        || tokens.get(idx - 1).is_some_and(|before| {
            is_digits(before.text.trim_end_matches([',', ';']))
                || before.text.ends_with(')')
                || before.is_separator()
        })
        || current.is_some() && token.line_start;
    let next_ok = next
        .text
        .starts_with(|ch: char| ch.is_ascii_uppercase() || ch.is_ascii_digit());
    (letter == wanted && before_ok && next_ok).then_some(letter)
}

/// Tokens from which an item reads as prose rather than a list of citations.
const PROSE_TOKENS: usize = 24;

pub(crate) fn read_item(
    context: &mut Context<'_>,
    letter: Option<(char, Token)>,
    tokens: &[Token],
    citing: Citing<'_>,
    inherited: Option<(&str, &Station)>,
) -> Option<Reference> {
    let first = tokens.first();
    let last = tokens.last();
    let start = letter
        .as_ref()
        .map(|(_, token)| token.start)
        .or(first.map(|token| token.start))?;
    let end = last.map_or_else(
        || letter.as_ref().map_or(start, |(_, token)| token.end),
        |token| token.end,
    );
    // Empty for an item that is only a letter.
    let text = join_tokens(context, tokens);
    let text = text.trim_end_matches([',', ';']).trim().to_string();
    let span = context.span(start, end);
    let (found, consumed) = citations(context, tokens, inherited);
    let mut cables = Vec::new();
    let mut previous_end: Option<usize> = None;
    // An item that reads as prose (a paragraph the block ran into) is read like the body's
    // text: only known stations cite cables there (`WOUNDED OVER 100 ON`), and so after a
    // citation (`STATE 264368. … PRESERNOVA 31, LJUBLJANA`).
    let prose = tokens.len() >= PROSE_TOKENS;
    let mut previous_station: Option<Station> = None;
    for citation in found {
        // A list goes on with its station: `USDOC 2720, 5725`.
        let unknown = matches!(citation.station, Station::Unknown(_));
        let list_goes_on = previous_station.as_ref() == Some(&citation.station);
        previous_station = Some(citation.station.clone());
        if unknown && (prose || previous_end.is_some() && !list_goes_on) {
            previous_end = Some(citation.end);
            continue;
        }
        // `ISLAMABAD 3198 (LAHORE 244)`, `98 HANOI 3498 (98 HCMC 242)`: a number in parentheses
        // after a citation is the same cable under another post's number.
        let in_parentheses = previous_end.is_some_and(|end| {
            let between = context.cleaned.slice(end, citation.start.max(end));
            between.contains('(') && !between.contains(')')
        });
        previous_end = Some(citation.end);
        if in_parentheses {
            continue;
        }
        let tag_code = !stations::is_known(&citation.station_raw)
            && citing
                .tags
                .iter()
                .any(|tag| tag.eq_ignore_ascii_case(&citation.station_raw));
        if !tag_code {
            cables.push(date(context, citation, citing));
        }
    }
    let self_reference = citing.id.is_some()
        && cables
            .iter()
            .any(|cable| cable.canonical_id.as_deref() == citing.id);
    if self_reference {
        context.note(span, "This reference cites the cable itself.");
    }
    let annotation = annotation(context, tokens, consumed).filter(|_| !cables.is_empty());
    let kind = if cables.is_empty() {
        kind_of(&text)
    } else {
        ReferenceKind::Cable
    };
    Some(Reference {
        span,
        letter: letter
            .map(|(letter, token)| context.field(token.start, token.end, letter.to_string())),
        text,
        kind,
        canonical_id: cables.iter().find_map(|cable| cable.canonical_id.clone()),
        cables,
        annotation,
        self_reference,
    })
}

/// The item's text: its tokens as written, one space between, furniture left out.
pub(crate) fn join_tokens(context: &Context<'_>, tokens: &[Token]) -> String {
    let mut text = String::new();
    let mut previous_end: Option<usize> = None;
    for token in tokens {
        let glued = previous_end == Some(token.start) || matches!(token.text.as_str(), "," | ";");
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        text.push_str(context.cleaned.slice(token.start, token.end));
        previous_end = Some(token.end);
    }
    text
}

/// What follows the last citation: `(NOTAL)`, `AND PREVIOUS`, `("A SPLENDID LITTLE VISIT")`;
/// written from its first token to its last, separators at either end left out.
pub(crate) fn annotation(
    context: &Context<'_>,
    tokens: &[Token],
    consumed: usize,
) -> Option<Field<String>> {
    let rest: Vec<Token> = tokens
        .iter()
        .filter(|token| token.start >= consumed)
        .cloned()
        .collect();
    let text = join_tokens(context, &rest);
    let text = text.trim_matches([',', ';', ' ']).to_string();
    if text.is_empty() {
        return None;
    }
    let words = |token: &&Token| !token.text.chars().all(|ch| matches!(ch, ',' | ';'));
    let first = rest.iter().find(words)?;
    let last = rest.iter().rev().find(words)?;
    Some(context.field(first.start, last.end, text))
}

/// What a non-cable item cites, from its words.
pub(crate) fn kind_of(text: &str) -> ReferenceKind {
    let upper = text.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|ch: char| !ch.is_ascii_alphanumeric() && ch != '-' && ch != '.')
        .filter(|word| !word.is_empty())
        .collect();
    let has_word = |options: &[&str]| words.iter().any(|word| options.contains(word));
    let has = |needles: &[&str]| needles.iter().any(|needle| upper.contains(needle));
    if has(&["HTTP", "WWW."]) {
        ReferenceKind::Web
    } else if has_word(&["E-MAIL", "EMAIL", "E-MAILS", "EMAILS", "EMAILED"]) {
        ReferenceKind::Email
    } else if has_word(&["FAX", "FAXES", "FAXED"]) {
        ReferenceKind::Fax
    } else if has_word(&[
        "TELCON",
        "TELCONS",
        "TELECON",
        "TELECONS",
        "PHONE",
        "TELEPHONE",
        "CALL",
    ]) {
        ReferenceKind::Telcon
    } else if has_word(&[
        "FAM", "FAH", "CFR", "U.S.C.", "USC", "ACT", "BOOK", "MANUAL", "STATUTE",
    ]) {
        ReferenceKind::Publication
    } else if has_word(&["REPORT", "REPORTS", "IIR"]) || has(&["TD-"]) {
        ReferenceKind::Report
    } else if has_word(&[
        "MEMO",
        "MEMORANDUM",
        "LETTER",
        "DIPNOTE",
        "NOTE",
        "NONPAPER",
        "NON-PAPER",
    ]) {
        ReferenceKind::Memo
    } else if has_word(&[
        "MEETING",
        "MEETINGS",
        "CONVERSATION",
        "MEMCON",
        "DISCUSSION",
    ]) {
        ReferenceKind::Meeting
    } else if has_word(&[
        "MSG",
        "DTG",
        "CABLE",
        "TELEGRAM",
        "TELEGRAMS",
        "SEPTEL",
        "REFTEL",
        "CIRCULAR",
        "AIRGRAM",
    ]) || dtg_word(&words)
    {
        ReferenceKind::Cable
    } else {
        ReferenceKind::Other
    }
}

/// `R162245Z`, `301601Z`: a date-time group, so a message.
pub(crate) fn dtg_word(words: &[&str]) -> bool {
    words.iter().any(|word| {
        let digits = word.trim_start_matches(['R', 'O', 'P', 'Z']);
        digits.len() == 7 && digits.ends_with('Z') && is_digits(digits.get(..6).unwrap_or(""))
    })
}
