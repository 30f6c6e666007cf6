//! Pass 4: the body — paragraphs, sub-headings, page breaks, signature and trailing notes.

use crate::header::classification_line;
use crate::lines::Line;
use crate::{Cable, Context, Field, Paragraph, PortionMarking, SubItem};

/// Where the number, marking and text of a paragraph's first line are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ParagraphStart {
    /// The number's digits: end offset and value.
    pub(crate) number: Option<(usize, u32)>,
    /// The marking between its parentheses: start and end offsets.
    pub(crate) marking: Option<(usize, usize)>,
    /// Where the paragraph's own text starts.
    pub(crate) text_start: usize,
}

/// Recognises `1. (C/NF) Text`, `12. Text`, `(SBU) Text` at the start of a line.
pub(crate) fn paragraph_start(text: &str) -> Option<ParagraphStart> {
    let n_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut pos = 0;
    let mut number = None;
    if (1..=3).contains(&n_digits) {
        let after = text.get(n_digits..)?;
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let after_spaces = after.get(spaces..)?;
        if after_spaces.starts_with(['.', ')']) {
            let rest = after_spaces.get(1..)?;
            if rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with('(') {
                number = Some((n_digits, text.get(..n_digits)?.parse().ok()?));
                pos = n_digits + spaces + 1;
            }
        }
    }
    let after_number = text.get(pos..)?;
    let blank = after_number.len() - after_number.trim_start().len();
    let mut marking = None;
    if let Some(inside) = after_number
        .get(blank..)
        .and_then(|rest| rest.strip_prefix('('))
    {
        if let Some(close) = inside.find(')') {
            let candidate = inside.get(..close)?;
            if is_portion_marking(candidate) {
                let start = pos + blank + 1;
                marking = Some((start, start + close));
                pos = start + close + 1;
            }
        }
    }
    if number.is_none() && marking.is_none() {
        return None;
    }
    let rest = text.get(pos..)?;
    let text_start = pos + (rest.len() - rest.trim_start().len());
    Some(ParagraphStart {
        number,
        marking,
        text_start,
    })
}

/// `U`, `C`, `S`, `TS`, `SBU`, `C/NF`, `S//NF`, `C/REL UK`, `SBU/N`, `LOU`.
fn is_portion_marking(text: &str) -> bool {
    let head = text.split(['/', ' ']).next().unwrap_or("");
    matches!(
        head,
        "U" | "C"
            | "S"
            | "TS"
            | "SBU"
            | "LOU"
            | "FOUO"
            | "CONFIDENTIAL"
            | "SECRET"
            | "UNCLASSIFIED"
    ) && text.len() <= 30
        && text
            .chars()
            .all(|ch| ch.is_ascii_uppercase() || matches!(ch, '/' | ' ' | ',' | '-'))
}

/// A page or section break: `OTTAWA 00000372 002 OF 002`, a repeated classification line with a
/// section, or an old-format `PAGE 02 …` line.
pub(crate) fn is_page_break(text: &str) -> bool {
    // Every form is short and holds a digit; most lines are rejected here.
    if text.len() > 120 || !text.bytes().any(|byte| byte.is_ascii_digit()) {
        return false;
    }
    // Page numbers may carry a sub-page: `001.2 OF 003`.
    let all_digits =
        |word: &str| !word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
    // `STATION… SERIAL PAGE OF COUNT`, read from the end (no list of words made for each line).
    if text.as_bytes().windows(2).any(|pair| pair == b"OF") {
        let mut back = text.split_whitespace().rev();
        if let (Some(count), Some("OF"), Some(page), Some(serial)) =
            (back.next(), back.next(), back.next(), back.next())
        {
            let mut station = back.peekable();
            if serial.len() >= 5
                && all_digits(serial)
                && all_digits(page)
                && all_digits(count)
                && station.peek().is_some()
                && station.all(|word| word.chars().all(|ch| ch.is_ascii_uppercase()))
            {
                return true;
            }
        }
    }
    let mut words = text.split_whitespace();
    if words.next() == Some("PAGE") && words.next().is_some_and(all_digits) {
        return true;
    }
    text.contains("SECTION")
        && classification_line(text).is_some_and(|parts| parts.origin.is_some())
}

/// Lines a publisher, a printer or a web page added after the cable: release stamps and their
/// continuation (`Systematic Review 05 JUL 2006`), end-of-message marks (`NNNN`, `BT`), print
/// stamps (`1995ZAGREB04339 - Classification: CONFIDENTIAL`, `v1.6.2`), communications-center
/// notes (`NOTE BY OC/T: …`), a lone classification or handling word, punctuation left alone.
fn is_trailer_line(text: &str) -> bool {
    let trimmed = text.trim();
    let upper = trimmed.to_ascii_uppercase();
    let starts = [
        "DECLASSIFIED/RELEASED",
        "THIS RECORD IS A PARTIAL EXTRACT",
        "NOTE BY OC/T",
        "NOTE BY OCT",
    ]
    .iter()
    .any(|start| upper.starts_with(start))
        || upper == "BT";
    let review_stamp = {
        let words: Vec<&str> = upper.split_whitespace().collect();
        let at = words.iter().position(|word| *word == "REVIEW");
        at.is_some_and(|at| {
            words.len() == at + 4
                && words.get(at + 3).is_some_and(|year| year.len() == 4)
                && words
                    .iter()
                    .take(at)
                    .all(|word| *word == "SYSTEMATIC" || *word == "EO")
        })
    };
    let end_marks = !upper.is_empty() && upper.len() <= 5 && upper.bytes().all(|b| b == b'N');
    // `2004CARACA01540 - UNCLASSIFIED`: year, station, serial, then a classification.
    let print_stamp = {
        let id = upper.split_whitespace().next().unwrap_or("");
        id.len() >= 10
            && id.bytes().take(4).all(|byte| byte.is_ascii_digit())
            && id.bytes().rev().take(4).all(|byte| byte.is_ascii_digit())
            && upper.contains(" - ")
    };
    let version = upper.starts_with('V')
        && upper.len() <= 10
        && upper.get(1..).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|byte| byte.is_ascii_digit() || byte == b'.')
        });
    let no_letters = !trimmed.is_empty() && !trimmed.chars().any(char::is_alphanumeric);
    let caption = matches!(upper.as_str(), "SIPDIS" | "NOFORN" | "EXDIS" | "NODIS");
    starts
        || review_stamp
        || end_marks
        || print_stamp
        || version
        || no_letters
        || caption
        || classification_line(text).is_some_and(|parts| parts.origin.is_none())
}

/// Where a signer's name starts at the end of a line that ends a sentence: one or two words in
/// capitals, or one capitalised word, after the sentence's last mark (`…CONSIDERED.  EAGLETON`;
/// in text whose line breaks were lost, `…END COMMENT. GFOELLER`, `…Munich. Murphy`).
fn signed_at_line_end(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    // Where each word starts.
    let starts: Vec<usize> = trimmed
        .char_indices()
        .filter(|&(at, ch)| {
            !ch.is_whitespace()
                && (at == 0
                    || trimmed
                        .get(..at)
                        .is_some_and(|head| head.ends_with(char::is_whitespace)))
        })
        .map(|(at, _)| at)
        .collect();
    for n_words in [2, 1] {
        let Some(&at) = starts
            .len()
            .checked_sub(n_words)
            .and_then(|idx| starts.get(idx))
        else {
            continue;
        };
        if at == 0 {
            continue;
        }
        let name = trimmed.get(at..).unwrap_or("");
        let before = trimmed.get(..at).unwrap_or("").trim_end();
        // A declassification code between the last sentence and the signer: `GP-3 SACCIO`.
        let before = match before.rsplit_once(' ') {
            Some((head, code))
                if code.starts_with("GP-") || code == "GDS" || code.starts_with("XGDS") =>
            {
                head.trim_end()
            }
            _ => before,
        };
        let after_sentence = before.ends_with(['.', '?', '!', '"', '*', ')', '”']);
        let capitals = !name.chars().any(char::is_lowercase);
        // A capitalised word (`Murphy`) only where line breaks were lost: a long line.
        let capitalised_word = n_words == 1
            && trimmed.len() > 80
            && name.len() >= 3
            && name.starts_with(|ch: char| ch.is_uppercase())
            && name.chars().skip(1).all(char::is_lowercase);
        let ok = after_sentence
            && (capitals || capitalised_word)
            && name.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            && !COMMON_WORDS.contains(&name.to_ascii_uppercase().as_str())
            && signature_name(name) == Some(name);
        if ok {
            return Some(at);
        }
    }
    None
}

/// Capitalised words that end sentences and are no signer.
const COMMON_WORDS: [&str; 22] = [
    "THE",
    "AND",
    "BUT",
    "FOR",
    "THIS",
    "THAT",
    "THEY",
    "SHE",
    "WE",
    "ALSO",
    "GOVERNMENT",
    "EMBASSY",
    "DEPARTMENT",
    "STATES",
    "NATIONS",
    "UNION",
    "CONSIDERED",
    "ENDS",
    "TEXT",
    "ACTION",
    "INFORMATION",
    "PARTY",
];

/// A signer's name: one to four words of letters, e.g. `BREESE`, `SOBEL`, `Wilkins`, `DUNNIGAN/`,
/// `HORAN##`, `MCNAMARA.`.
fn signature_name(text: &str) -> Option<&str> {
    let name = text.trim().trim_end_matches(['-', '/', '_', '=', ' ', '#']);
    // A full stop after a one-word name is dropped (`MCNAMARA.`).
    let name = name
        .strip_suffix('.')
        .filter(|bare| !bare.contains(' '))
        .unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters_only = name
        .chars()
        .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | '.' | '-' | '\''));
    let shouting = !name.chars().any(char::is_lowercase);
    let upper = name.to_ascii_uppercase();
    let is_phrase = [
        "END",
        "COMMENT",
        "SUMMARY",
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
        "SIPDIS",
        "NOFORN",
    ]
    .iter()
    .any(|word| {
        upper
            .split_whitespace()
            .any(|w| w.trim_matches('.') == *word)
    });
    (!words.is_empty()
        && words.len() <= 4
        && name.len() <= 40
        && letters_only
        && !is_phrase
        && (shouting || words.len() <= 2))
        .then_some(name)
}

/// Reads the body, from line `first` to the end.
pub(crate) fn read(context: &mut Context<'_>, cable: &mut Cable, first: usize) {
    let cleaned = &context.cleaned.text;
    let lines = context.lines;
    let body = lines.get(first..).unwrap_or(&[]);
    // Trailer and signature, read from the end.
    let mut signed_inline = false;
    let mut end = body.len();
    let mut trailer: Vec<Line> = Vec::new();
    while let Some(&line) = body.get(..end).and_then(<[Line]>::last) {
        let text = line.text(cleaned);
        if line.is_blank() {
            end -= 1;
        } else if is_page_break(text) {
            cable.page_breaks.push(context.span(line.start, line.end));
            end -= 1;
        } else if is_trailer_line(text) {
            trailer.push(line);
            end -= 1;
        } else {
            break;
        }
    }
    let mixed_case = body.get(..end).unwrap_or(&[]).iter().any(|line| {
        line.text(cleaned)
            .chars()
            .filter(char::is_ascii_lowercase)
            .count()
            > 10
    });
    if let Some(&line) = body.get(..end).and_then(<[Line]>::last) {
        let text = line.text(cleaned);
        let before = end
            .checked_sub(2)
            .and_then(|idx| body.get(idx))
            .map_or("", |before| before.text(cleaned));
        let has_paragraphs = body
            .get(..end - 1)
            .is_some_and(|before| before.iter().any(|l| !l.is_blank()));
        // The signer's line stands apart: after a blank line, a finished sentence, a short line
        // (the end of a list), or, in a cable written in mixed case, by being in capitals.
        let before = before.trim_end();
        let apart = before.is_empty()
            || before.ends_with(['.', '!', '?', '"', ')', ':'])
            || before.len() < 30
            || mixed_case && !text.chars().any(|ch| ch.is_lowercase());
        if let Some(name) = signature_name(text).filter(|_| apart && has_paragraphs) {
            let offset = text.find(name).unwrap_or(0);
            cable.signature = Some(context.field(
                line.start + offset,
                line.start + offset + name.len(),
                name.to_string(),
            ));
            end -= 1;
        } else if let Some(at) = signed_at_line_end(text) {
            // `21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON`: the signer after the last sentence.
            let name = text.get(at..).unwrap_or("").trim_end();
            cable.signature = Some(context.field(
                line.start + at,
                line.start + at + name.len(),
                name.to_string(),
            ));
            signed_inline = true;
        }
    }
    read_paragraphs(context, cable, body.get(..end).unwrap_or(&[]));
    read_sections(context, cable, body.get(..end).unwrap_or(&[]));
    // A signer written after the last sentence is not part of the last paragraph's text.
    if let (true, Some(signature), Some(paragraph)) =
        (signed_inline, &cable.signature, cable.paragraphs.last_mut())
    {
        if let Some(stripped) = paragraph
            .text
            .trim_end()
            .strip_suffix(signature.value.as_str())
        {
            let mut stripped = stripped.trim_end();
            // A declassification code before the signer goes with it: `SUCCEED. GP-3 SACCIO`.
            if let Some((head, code)) = stripped.rsplit_once(' ') {
                if code.starts_with("GP-") || code == "GDS" || code.starts_with("XGDS") {
                    stripped = head.trim_end();
                }
            }
            paragraph.text = stripped.to_string();
            // Items and aids keep to the shortened text.
            let len = paragraph.text.len();
            paragraph.aids.retain(|aid| aid.end <= len);
            paragraph.breaks.retain(|&at| at < len);
            for item in &mut paragraph.items {
                if item.end > len {
                    item.end = len.max(item.start);
                    item.text = paragraph
                        .text
                        .get(item.start..item.end)
                        .unwrap_or("")
                        .trim_end()
                        .to_string();
                    item.end = item.start + item.text.len();
                }
            }
            paragraph.items.retain(|item| !item.text.is_empty());
        }
    }
    for line in trailer.into_iter().rev() {
        cable
            .notes
            .push(context.field(line.start, line.end, line.text(cleaned).to_string()));
    }
}

/// The summary and the comments, from the body's text.
fn read_sections(context: &mut Context<'_>, cable: &mut Cable, lines: &[Line]) {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return;
    };
    let base = first.start;
    let Some(text) = context.cleaned.text.get(base..last.end) else {
        return;
    };
    let field = |context: &Context<'_>, section: crate::sections::Section| {
        let raw = text.get(section.start..section.end).unwrap_or("");
        // Page furniture inside the section is not its text.
        let kept: String = raw
            .lines()
            .filter(|line| !is_page_break(line.trim()))
            .collect::<Vec<_>>()
            .join("\n");
        context.field(
            base + section.start,
            base + section.end,
            crate::sections::content(&kept),
        )
    };
    let own = crate::references::OwnCable::of(context, cable);
    cable.inline_citations = crate::references::inline(context, (base, last.end), own.citing());
    let (summary, comments) = crate::sections::marked(text);
    cable.summary = summary.map(|section| field(context, section));
    cable.comments = comments
        .into_iter()
        .map(|section| field(context, section))
        .collect();
}

/// A run of non-blank lines with page breaks taken out.
struct Block {
    lines: Vec<Line>,
}

/// Where each line of a paragraph's text came from: `(offset in the text, cleaned start, length)`.
type PieceMap = Vec<(usize, usize, usize)>;

/// A line of capitals that is only a classification (`CONFIDENTIAL`, `S E C R E T`): page
/// furniture in the body.
fn is_lone_classification(text: &str) -> bool {
    text.len() <= 60
        && classification_line(text.trim())
            .is_some_and(|parts| parts.origin.is_none() && !text.chars().any(char::is_lowercase))
}

fn read_paragraphs(context: &mut Context<'_>, cable: &mut Cable, lines: &[Line]) {
    let cleaned = &context.cleaned.text;
    let mut blocks: Vec<Block> = Vec::new();
    // Where each page break began (cleaned offsets), to mark it in the paragraph it split.
    let mut break_starts: Vec<usize> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut idx = 0;
    while let Some(&line) = lines.get(idx) {
        let text = line.text(cleaned);
        if line.is_blank() {
            if !current.is_empty() {
                blocks.push(Block {
                    lines: std::mem::take(&mut current),
                });
            }
            idx += 1;
            continue;
        }
        let trimmed = text.trim();
        if trimmed.starts_with("PAGE ") && is_page_break(trimmed) {
            // An old page line, and the office lines and repeated header after it: one break.
            let end = crate::furniture::section_header_end(lines, cleaned, idx);
            let last = lines
                .get(idx..end)
                .unwrap_or(&[])
                .iter()
                .rev()
                .find(|line| !line.is_blank())
                .map_or(line.end, |last| last.end);
            cable.page_breaks.push(context.span(line.start, last));
            break_starts.push(line.start);
            idx = end.max(idx + 1);
            continue;
        }
        if is_page_break(text) || is_lone_classification(text) {
            cable.page_breaks.push(context.span(line.start, line.end));
            break_starts.push(line.start);
        } else {
            if let Some(other) = another_cable(cable, trimmed) {
                context.warn(
                    context.span(line.start, line.end),
                    &format!("Another cable seems to start here ({other}): the text may join two cables."),
                );
            }
            current.push(line);
        }
        idx += 1;
    }
    if !current.is_empty() {
        blocks.push(Block { lines: current });
    }

    let mut last_number: Option<u32> = None;
    let mut pending_heading: Option<Field<String>> = None;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut maps: Vec<PieceMap> = Vec::new();
    let mut saw_numbered = false;
    for (block_idx, block) in blocks.iter().enumerate() {
        // A rule alone (a heading whose words a publisher removed) is no text.
        if block.lines.iter().all(|line| is_rule(line.text(cleaned))) {
            continue;
        }
        let next_is_numbered = blocks
            .get(block_idx + 1)
            .and_then(|next| next.lines.first())
            .and_then(|line| paragraph_start(line.text(cleaned)))
            .is_some_and(|start| start.number.is_some());
        // A heading, perhaps between rules: `Comment`; `BACKGROUND` / `-------`; `-----` /
        // `(U) Summary` / `-----`; `---- Iran ----`.
        if let Some(heading_line) = heading_of(block, cleaned).filter(|_| next_is_numbered) {
            let text = heading_line.text(cleaned);
            let bare = text
                .trim()
                .trim_matches(|ch| matches!(ch, '-' | '=' | '_' | '‐' | ' '));
            let offset = text.find(bare).unwrap_or(0);
            pending_heading = Some(context.field(
                heading_line.start + offset,
                heading_line.start + offset + bare.len(),
                bare.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
            continue;
        }
        for (line_idx, &line) in block.lines.iter().enumerate() {
            let text = line.text(cleaned);
            let start = paragraph_start(text).filter(|start| match (line_idx, start.number) {
                // Inside a block only the next number in sequence starts a paragraph.
                (0, _) => true,
                (_, Some((_, number))) => {
                    Some(number) == last_number.map(|n| n + 1)
                        || fixed_number(number, last_number).is_some()
                }
                (_, None) => false,
            });
            match start {
                Some(start) => {
                    let paragraph = begin_paragraph(
                        context,
                        line,
                        start,
                        &mut last_number,
                        pending_heading.take(),
                    );
                    saw_numbered |= paragraph.number.is_some();
                    maps.push(vec![(
                        0,
                        line.start + start.text_start,
                        paragraph.text.len(),
                    )]);
                    paragraphs.push(paragraph);
                }
                None => {
                    // Wrapped lines continue the paragraph; so does a block split off by a
                    // page break, one that starts in lower case, and a list item under it.
                    let item = line_idx == 0 && saw_numbered && item_marker(text).is_some();
                    let continues = line_idx > 0
                        || item
                        || continues_previous(paragraphs.last(), text, saw_numbered);
                    match (paragraphs.last_mut(), maps.last_mut()) {
                        (Some(paragraph), Some(map)) if continues => {
                            let separator = if line_idx > 0 || starts_lowercase(text) {
                                " "
                            } else {
                                "\n\n"
                            };
                            append(context, paragraph, map, line, separator);
                        }
                        _ => {
                            let mut paragraph = Paragraph {
                                span: context.span(line.start, line.end),
                                number: None,
                                marking: None,
                                portion: None,
                                heading: pending_heading.take(),
                                text: String::new(),
                                items: Vec::new(),
                                aids: Vec::new(),
                                breaks: Vec::new(),
                            };
                            let mut map = Vec::new();
                            append(context, &mut paragraph, &mut map, line, "");
                            paragraphs.push(paragraph);
                            maps.push(map);
                        }
                    }
                }
            }
        }
    }
    // Unnumbered text with a web address after the last numbered paragraph is page furniture.
    while paragraphs.last().is_some_and(|p| {
        p.number.is_none()
            && saw_numbered
            && (p.text.contains("http://") || p.text.contains("https://"))
    }) {
        maps.pop();
        if let Some(paragraph) = paragraphs.pop() {
            cable.notes.push(Field {
                span: paragraph.span,
                raw: paragraph.text.clone(),
                value: paragraph.text,
            });
        }
    }
    if let Some(heading) = pending_heading {
        cable.notes.push(heading);
    }
    for (paragraph, map) in paragraphs.iter_mut().zip(&maps) {
        paragraph.items = items(context, paragraph, map);
        paragraph.aids = crate::aids::find(context, &paragraph.text, map);
        // A break inside the paragraph: before the first of its lines that comes after it.
        let first = map.first().map_or(usize::MAX, |&(_, cleaned, _)| cleaned);
        paragraph.breaks = break_starts
            .iter()
            .filter(|&&at| at > first)
            .filter_map(|&at| {
                let next = map.partition_point(|&(_, cleaned, _)| cleaned <= at);
                map.get(next).map(|&(offset, _, _)| offset)
            })
            .collect();
        paragraph.breaks.dedup();
    }
    cable.paragraphs = paragraphs;
}

/// A classification line in the body naming another station or serial than the cable's own
/// (`S E C R E T THE HAGUE 000174` inside TEHRAN 8233): the other cable, as `THE HAGUE 174`.
fn another_cable(cable: &Cable, text: &str) -> Option<String> {
    let own = cable.classification.as_ref()?;
    let (own_origin, own_serial) = (own.origin.as_ref()?, own.serial.as_ref()?);
    let parts = classification_line(text)?;
    let (origin, serial) = (parts.origin?, parts.serial?);
    let origin = text
        .get(origin.0..origin.1)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let serial = text.get(serial.0..serial.1)?.trim_start_matches('0');
    let same = origin.eq_ignore_ascii_case(&own_origin.value) && serial == own_serial.value;
    (!same).then(|| format!("{origin} {serial}"))
}

/// A list item's marker at the start of a line: dashes (`--`, `-`), a bullet, or a letter or number
/// in sequence form (`A.`, `(a)`, `1)`); returns the marker's length.
fn item_marker(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    // Dashes, bullets and stars start with one of three bytes (`•` is E2 80 A2).
    let dashed = matches!(trimmed.as_bytes().first(), Some(b'-' | b'*' | 0xE2));
    for dash in ["--", "-", "•", "*"].into_iter().filter(|_| dashed) {
        if let Some(rest) = trimmed.strip_prefix(dash) {
            if rest.starts_with(char::is_whitespace) || (dash == "--" && !rest.starts_with('-')) {
                return Some(indent + dash.len());
            }
        }
    }
    let bytes = trimmed.as_bytes();
    let label = |byte: u8| byte.is_ascii_alphabetic() || byte.is_ascii_digit();
    let len = match bytes {
        [b'(', l, b')', b' ', ..] if label(*l) => 3,
        [l, b'.' | b')', b' ', ..] if l.is_ascii_alphabetic() => 2,
        [l, b')', b' ', ..] if label(*l) => 2,
        _ => return None,
    };
    Some(indent + len)
}

/// The paragraph's list items, from its lines that start with an item marker.
fn items(context: &Context<'_>, paragraph: &Paragraph, map: &PieceMap) -> Vec<SubItem> {
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
    for (idx, &(offset, _, len)) in map.iter().enumerate() {
        // The first line is an item only in a paragraph without a number.
        if idx == 0 && paragraph.number.is_some() {
            continue;
        }
        let line = paragraph.text.get(offset..offset + len).unwrap_or("");
        if let Some(marker_len) = item_marker(line) {
            let label = line.get(..marker_len).unwrap_or("").trim().to_string();
            starts.push((offset, offset + marker_len, label));
        }
    }
    // Letters and numbers count only in sequence from the first (`A.`, `B.`; `1)`, `2)`), so a
    // sentence that starts `I.` is no item.
    let lettered = |label: &str| {
        label
            .chars()
            .find(|ch| ch.is_ascii_alphanumeric())
            .filter(|_| !label.starts_with('-'))
    };
    let mut kept: Vec<(usize, usize, String)> = Vec::new();
    let mut expected: Option<char> = None;
    for start in starts {
        match lettered(&start.2) {
            Some(letter) => {
                let first = matches!(letter, 'A' | 'a' | '1');
                if expected == Some(letter) || (expected.is_none() && first) {
                    expected = char::from_u32(u32::from(letter) + 1);
                    kept.push(start);
                }
            }
            None => kept.push(start),
        }
    }
    let mut items = Vec::new();
    for (idx, (offset, text_start, label)) in kept.iter().enumerate() {
        let end = kept
            .get(idx + 1)
            .map_or(paragraph.text.len(), |next| next.0);
        let raw = paragraph.text.get(*text_start..end).unwrap_or("");
        let text = raw.trim().to_string();
        let text_from = *text_start + (raw.len() - raw.trim_start().len());
        let last_byte = paragraph
            .text
            .get(..end)
            .map_or(end, |head| head.trim_end().len());
        let span_start = to_cleaned(map, *offset);
        let span_end = to_cleaned(map, last_byte);
        let (Some(span_start), Some(span_end)) = (span_start, span_end) else {
            continue;
        };
        items.push(SubItem {
            span: context.span(span_start, span_end.max(span_start)),
            label: label.clone(),
            start: text_from,
            end: text_from + text.len(),
            text,
        });
    }
    items
}

/// The cleaned offset of byte `offset` of a paragraph's text (an offset between two lines maps
/// to the end of the earlier one).
pub(crate) fn to_cleaned(map: &[(usize, usize, usize)], offset: usize) -> Option<usize> {
    // The pieces are in order of both offsets: the last that starts at or before `offset`.
    let after = map.partition_point(|&(start, _, _)| start <= offset);
    let &(start, cleaned, len) = map.get(after.checked_sub(1)?)?;
    Some(cleaned + (offset - start).min(len))
}

fn begin_paragraph(
    context: &mut Context<'_>,
    line: Line,
    start: ParagraphStart,
    last_number: &mut Option<u32>,
    heading: Option<Field<String>>,
) -> Paragraph {
    let number = start.number.map(|(digits_end, written)| {
        let value = fixed_number(written, *last_number).unwrap_or(written);
        let field = context.field(line.start, line.start + digits_end, value);
        if value != written {
            context.note(
                field.span,
                &format!("Read paragraph number {written} as {value}: a pilcrow (¶) copied as \"1\" before the number, as the sequence shows."),
            );
        } else if let Some(last) = *last_number {
            if value != last + 1 {
                context.note(field.span, &format!("Paragraph {value} follows paragraph {last}."));
            }
        }
        *last_number = Some(value);
        field
    });
    let marking = start.marking.map(|(from, to)| {
        let text = context
            .cleaned
            .slice(line.start + from, line.start + to)
            .to_string();
        context.field(line.start + from, line.start + to, text)
    });
    let text = context
        .cleaned
        .slice(line.start + start.text_start, line.end)
        .to_string();
    let portion = marking
        .as_ref()
        .map(|marking| PortionMarking::read(&marking.value));
    Paragraph {
        span: context.span(line.start, line.end),
        number,
        marking,
        portion,
        heading,
        text,
        items: Vec::new(),
        aids: Vec::new(),
        breaks: Vec::new(),
    }
}

/// A number written `1N` where `N` is the next in sequence: the `1` is a pilcrow that lost its
/// glyph (`¶4` → `14`).
fn fixed_number(written: u32, last: Option<u32>) -> Option<u32> {
    let expected = last? + 1;
    if written == expected {
        return None;
    }
    let digits = written.to_string();
    let rest = digits.strip_prefix('1')?;
    (rest.parse::<u32>().ok()? == expected).then_some(expected)
}

fn append(
    context: &Context<'_>,
    paragraph: &mut Paragraph,
    map: &mut PieceMap,
    line: Line,
    separator: &str,
) {
    let text = context.cleaned.slice(line.start, line.end);
    if !paragraph.text.is_empty() {
        paragraph.text.push_str(separator);
    }
    map.push((paragraph.text.len(), line.start, text.len()));
    paragraph.text.push_str(text);
    paragraph.span = paragraph.span.cover(context.span(line.start, line.end));
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether an unnumbered block continues the paragraph before it (split by a page break or a
/// stray blank line) rather than starting a new one.
fn continues_previous(previous: Option<&Paragraph>, text: &str, saw_numbered: bool) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    if !saw_numbered {
        return false;
    }
    let ends_sentence = previous
        .text
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', ')']);
    starts_lowercase(text) || !ends_sentence
}

/// A line of rule characters: `-------`, `=======`.
fn is_rule(text: &str) -> bool {
    let text = text.trim();
    // Some renderings break a long rule with a space: `--------- ----`.
    text.len() >= 3
        && text
            .chars()
            .all(|ch| matches!(ch, '-' | '=' | '_' | '‐' | ' '))
}

/// The heading line of a block that is only a heading: one line, a line and its underline, or a
/// line between two rules.
fn heading_of(block: &Block, cleaned: &str) -> Option<Line> {
    let texts: Vec<&str> = block.lines.iter().map(|line| line.text(cleaned)).collect();
    let (first_idx, last_idx) = match texts.as_slice() {
        [_] => (0, 0),
        [_, second] if is_rule(second) => (0, 0),
        // Between rules, on up to three lines.
        [first, middle @ .., last]
            if is_rule(first) && is_rule(last) && (1..=3).contains(&middle.len()) =>
        {
            (1, middle.len())
        }
        _ => return None,
    };
    let first = *block.lines.get(first_idx)?;
    let last = *block.lines.get(last_idx)?;
    let line = Line {
        start: first.start,
        end: last.end,
    };
    let text = line.text(cleaned);
    let bare = text
        .trim()
        .trim_matches(|ch| matches!(ch, '-' | '=' | '_' | '‐' | ' '));
    (!bare.is_empty()
        && paragraph_start(text).is_none_or(|start| start.number.is_none() && !bare.ends_with('.'))
        && is_heading(bare)
        // A dashed list item is no heading; a heading between rules (`---- Iran ----`) is.
        && !(item_marker(text).is_some() && text.trim_start().starts_with(['-', '•', '*'])))
    .then_some(line)
}

/// A sub-heading: a short line that is not a sentence.
fn is_heading(text: &str) -> bool {
    text.len() <= 80 && !text.ends_with(['.', ',', ';']) && text.split_whitespace().count() <= 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_paragraph_starts() {
        let start = paragraph_start("1. (C/NF) Summary: text");
        assert_eq!(start.map(|s| s.number), Some(Some((1, 1))));
        assert_eq!(start.and_then(|s| s.marking), Some((4, 8)));
        assert_eq!(start.map(|s| s.text_start), Some(10));
        assert!(paragraph_start("(SBU) Text")
            .is_some_and(|s| s.number.is_none() && s.marking.is_some()));
        assert!(paragraph_start("12. Text").is_some_and(|s| s.number == Some((2, 12))));
        assert!(paragraph_start("1998 was a year").is_none());
        assert!(paragraph_start("(Our preferred option is to delete)").is_none());
    }

    #[test]
    fn fixes_pilcrow_numbers_from_the_sequence() {
        assert_eq!(fixed_number(14, Some(3)), Some(4));
        assert_eq!(fixed_number(4, Some(3)), None);
        assert_eq!(fixed_number(11, Some(10)), None);
        assert_eq!(fixed_number(11, None), None);
    }

    #[test]
    fn recognises_page_breaks_and_signatures() {
        assert!(is_page_break("OTTAWA 00000372 002 OF 002"));
        assert!(is_page_break(
            "C O N F I D E N T I A L SECTION 02 OF 02 OTTAWA 000372"
        ));
        assert!(is_page_break("PAGE 02 ROME 01196 01 OF 02 082030Z"));
        assert!(is_page_break("DUBAI 00000049 001.2 OF 003"));
        assert!(!is_page_break("The vote was 12 OF 15"));
        // The forms' words exactly: `OF` standing alone, `PAGE` first (after any indent).
        assert!(is_page_break("\tOTTAWA  00000372\t002 OF 002 "));
        assert!(!is_page_break("OTTAWA 00000372 002 OFF 002"));
        assert!(!is_page_break("OTTAWA 00000372 002 002"));
        assert!(!is_page_break("00000372 002 OF 002"));
        assert!(is_page_break("   PAGE 03 STATE 228772 012054Z"));
        assert!(!is_page_break("PAGES 03 STATE 228772"));
        assert!(!is_page_break("PAGE THREE 03"));
        assert_eq!(signature_name("BREESE----"), Some("BREESE"));
        assert_eq!(signature_name("END SUMMARY."), None);
        assert_eq!(
            signature_name("The end of it all was near, they said"),
            None
        );
    }
}
