//! The body's lines grouped into paragraphs: numbers (recovered from pilcrow debris by the
//! sequence), portion markings, sub-headings, page breaks removed and split paragraphs rejoined.

use crate::body::aids;
use crate::body::furniture::section_header_end;
use crate::body::items::{item_marker, items, PieceMap};
use crate::context::Context;
use crate::lines::Line;
use crate::scan::classification::{classification_line, ClassificationParts};
use crate::scan::paragraph::{is_page_break, paragraph_start, ParagraphStart};
use crate::span::Field;
use crate::tree::{Cable, Paragraph, PortionMarking};

/// A run of non-blank lines with page breaks taken out.
pub(crate) struct Block<'a> {
    lines: &'a [Line],
}

/// A line of capitals that is only a classification (`CONFIDENTIAL`, `S E C R E T`): page
/// furniture in the body. `parts` is the line read as a classification line.
fn is_lone_classification(text: &str, parts: Option<&ClassificationParts>) -> bool {
    text.len() <= 60
        && parts
            .is_some_and(|parts| parts.origin.is_none() && !text.chars().any(char::is_lowercase))
}

pub(crate) fn read_paragraphs(context: &mut Context<'_>, cable: &mut Cable, lines: &[Line]) {
    let cleaned = &context.cleaned.text;
    // The blocks' lines one after another, and where each block's begin and end among them:
    // one list for all, rather than one a block.
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    let mut block_ranges: Vec<(usize, usize)> = Vec::new();
    let mut block_start = 0;
    // Where each page break began (cleaned offsets), to mark it in the paragraph it split.
    let mut break_starts: Vec<usize> = Vec::new();
    let own_line_known = cable
        .classification
        .as_ref()
        .is_some_and(|own| own.origin.is_some() && own.serial.is_some());
    let mut idx = 0;
    while let Some(&line) = lines.get(idx) {
        let text = line.text(cleaned);
        if line.is_blank() {
            if kept.len() > block_start {
                block_ranges.push((block_start, kept.len()));
                block_start = kept.len();
            }
            idx += 1;
            continue;
        }
        // A line comes trimmed (`lines::split`): its text is trimmed already.
        let trimmed = text;
        if trimmed.starts_with("PAGE ") && is_page_break(trimmed) {
            // An old page line, and the office lines and repeated header after it: one break.
            let end = section_header_end(lines, cleaned, idx);
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
        // The line is read as a classification line once, for both questions below, and only
        // when one of them can be asked: of a short line, or in a cable whose own is known.
        let page_break = is_page_break(text);
        let parts = (!page_break && (text.len() <= 60 || own_line_known))
            .then(|| classification_line(trimmed))
            .flatten();
        if page_break || is_lone_classification(text, parts.as_ref()) {
            cable.page_breaks.push(context.span(line.start, line.end));
            break_starts.push(line.start);
        } else {
            if let Some(other) = parts.and_then(|parts| another_cable(cable, trimmed, parts)) {
                context.warn(
                    context.span(line.start, line.end),
                    &format!("Another cable seems to start here ({other}): the text may join two cables."),
                );
            }
            kept.push(line);
        }
        idx += 1;
    }
    if kept.len() > block_start {
        block_ranges.push((block_start, kept.len()));
    }
    let blocks: Vec<Block<'_>> = block_ranges
        .iter()
        .map(|&(start, end)| Block {
            lines: kept.get(start..end).unwrap_or(&[]),
        })
        .collect();

    let mut last_number: Option<u32> = None;
    let mut pending_heading: Option<Field<String>> = None;
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut maps: Vec<PieceMap> = Vec::with_capacity(blocks.len());
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
        paragraph.aids = aids::find(context, &paragraph.text, map);
        // A break inside the paragraph: before the first of its lines that comes after it.
        // The breaks are in text order: only those between the paragraph's first and last
        // lines are looked at, so a long text with many breaks stays linear.
        let first = map.first().map_or(usize::MAX, |&(_, cleaned, _)| cleaned);
        let last = map.last().map_or(0, |&(_, cleaned, _)| cleaned);
        let inside = break_starts.partition_point(|&at| at <= first);
        paragraph.breaks = break_starts
            .get(inside..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&at| at < last)
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
pub(crate) fn another_cable(
    cable: &Cable,
    text: &str,
    parts: ClassificationParts,
) -> Option<String> {
    let own = cable.classification.as_ref()?;
    let (own_origin, own_serial) = (own.origin.as_ref()?, own.serial.as_ref()?);
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

pub(crate) fn begin_paragraph(
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
pub(crate) fn fixed_number(written: u32, last: Option<u32>) -> Option<u32> {
    let expected = last? + 1;
    if written == expected {
        return None;
    }
    let digits = written.to_string();
    let rest = digits.strip_prefix('1')?;
    (rest.parse::<u32>().ok()? == expected).then_some(expected)
}

pub(crate) fn append(
    context: &Context<'_>,
    paragraph: &mut Paragraph,
    map: &mut PieceMap,
    line: Line,
    separator: &str,
) {
    let text = context.cleaned.slice(line.start, line.end);
    // A paragraph is built a line at a time: room for a typical paragraph at once, rather
    // than growing through every power of two.
    if paragraph.text.capacity() == paragraph.text.len() {
        paragraph.text.reserve(
            (separator.len() + text.len())
                .max(paragraph.text.len())
                .max(512),
        );
    }
    if !paragraph.text.is_empty() {
        paragraph.text.push_str(separator);
    }
    map.push((paragraph.text.len(), line.start, text.len()));
    paragraph.text.push_str(text);
    paragraph.span = paragraph.span.cover(context.span(line.start, line.end));
}

pub(crate) fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// Whether an unnumbered block continues the paragraph before it (split by a page break or a
/// stray blank line) rather than starting a new one.
pub(crate) fn continues_previous(
    previous: Option<&Paragraph>,
    text: &str,
    saw_numbered: bool,
) -> bool {
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
pub(crate) fn is_rule(text: &str) -> bool {
    let text = text.trim();
    // Some renderings break a long rule with a space: `--------- ----`.
    text.len() >= 3
        && text
            .chars()
            .all(|ch| matches!(ch, '-' | '=' | '_' | '‐' | ' '))
}

/// The heading line of a block that is only a heading: one line, a line and its underline, or a
/// line between two rules.
pub(crate) fn heading_of(block: &Block<'_>, cleaned: &str) -> Option<Line> {
    let is_rule_line = |line: &Line| is_rule(line.text(cleaned));
    let (first_idx, last_idx) = match block.lines {
        [_] => (0, 0),
        [_, second] if is_rule_line(second) => (0, 0),
        // Between rules, on up to three lines.
        [first, middle @ .., last]
            if is_rule_line(first) && is_rule_line(last) && (1..=3).contains(&middle.len()) =>
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
pub(crate) fn is_heading(text: &str) -> bool {
    text.len() <= 80 && !text.ends_with(['.', ',', ';']) && text.split_whitespace().count() <= 10
}
