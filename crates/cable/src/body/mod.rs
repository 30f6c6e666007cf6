//! Pass 4: the body — paragraphs, sub-headings, page breaks, signature and trailing notes.

mod aids;
mod furniture;
mod items;
mod paragraphs;
mod sections;
mod signature;
#[cfg(test)]
mod tests;

use crate::context::Context;
use crate::lines::Line;
use crate::scan::paragraph::is_page_break;
use crate::tree::Cable;
use paragraphs::read_paragraphs;
pub(crate) use signature::signer_line;
use signature::{
    closes_the_text, is_trailer_line, note_under_signer, signature_name, signed_at_line_end,
};

/// Reads the body, from line `first` to the end.
/// Reads the body, from line `first` to the end, into `cable`; returns the cleaned range of the
/// body's text (without signature and trailer), where the driver looks for cited cables.
pub(crate) fn read(
    context: &mut Context<'_>,
    cable: &mut Cable,
    first: usize,
) -> Option<(usize, usize)> {
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
        } else if let Some(at) = note_under_signer(body.get(..end).unwrap_or(&[]), cleaned) {
            let note = body.get(at..end).unwrap_or(&[]);
            trailer.extend(note.iter().rev().filter(|line| !line.is_blank()));
            end = at;
        } else {
            break;
        }
    }
    let mixed_case = body.get(..end).unwrap_or(&[]).iter().any(|line| {
        // More than ten: the eleventh is enough to know.
        line.text(cleaned)
            .bytes()
            .filter(u8::is_ascii_lowercase)
            .nth(10)
            .is_some()
    });
    if let Some(&line) = body.get(..end).and_then(<[Line]>::last) {
        let text = line.text(cleaned);
        // The line above, past a page's header (`PAGE 04  ZAGREB 00523 02 OF 02 111303Z`).
        let before = body
            .get(..end.saturating_sub(1))
            .unwrap_or(&[])
            .iter()
            .rev()
            .map(|above| above.text(cleaned))
            .find(|above| !is_page_break(above))
            .unwrap_or("");
        // Or the header ran on to the signer's line, which the driver kept from it.
        let has_paragraphs = body
            .get(..end - 1)
            .is_some_and(|before| before.iter().any(|l| !l.is_blank()))
            || signer_line(lines, cleaned) == Some(first + end - 1);
        // The signer's line stands apart: after a blank line, a finished sentence, a short line
        // (the end of a list), or, in a cable written in mixed case, by being in capitals.
        let before = before.trim_end();
        let apart = before.is_empty()
            || before.ends_with(['.', '!', '?', '"', ')', ':'])
            || closes_the_text(before)
            || !before.chars().any(char::is_alphanumeric)
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
        } else if let Some((at, name_end)) = signed_at_line_end(text) {
            // `21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON`: the signer after the last sentence.
            let name = text.get(at..name_end).unwrap_or("");
            cable.signature =
                Some(context.field(line.start + at, line.start + name_end, name.to_string()));
            signed_inline = true;
        }
    }
    read_paragraphs(context, cable, body.get(..end).unwrap_or(&[]));
    let text = read_sections(context, cable, body.get(..end).unwrap_or(&[]));
    // A signer written after the last sentence is not part of the last paragraph's text.
    if let (true, Some(signature), Some(paragraph)) =
        (signed_inline, &cable.signature, cable.paragraphs.last_mut())
    {
        let text = paragraph.text.trim_end();
        // A full stop after the signer goes with it (`MEECE.`).
        let text = text
            .strip_suffix('.')
            .filter(|before| before.ends_with(signature.value.as_str()))
            .unwrap_or(text);
        if let Some(stripped) = text.strip_suffix(signature.value.as_str()) {
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
            paragraph.aids.retain(|aid| aid.in_text.end <= len);
            paragraph.breaks.retain(|&at| at < len);
            for item in &mut paragraph.items {
                let in_text = &mut item.in_text;
                if in_text.end > len {
                    in_text.end = len.max(in_text.start);
                    item.text = paragraph
                        .text
                        .get(in_text.range())
                        .unwrap_or("")
                        .trim_end()
                        .to_string();
                    in_text.end = in_text.start + item.text.len();
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
    text
}

/// The summary and the comments, from the body's `lines`; returns their cleaned range.
fn read_sections(
    context: &mut Context<'_>,
    cable: &mut Cable,
    lines: &[Line],
) -> Option<(usize, usize)> {
    let (first, last) = (lines.first()?, lines.last()?);
    let base = first.start;
    let text = context.cleaned.text.get(base..last.end)?;
    // A section whose content is only furniture, rules and labels is none.
    let field = |context: &Context<'_>, section: sections::Section, word: &str| {
        let raw = text.get(section.start..section.end).unwrap_or("");
        let number = sections::paragraph_number_at(text, section.start);
        let content = sections::content(raw, word, number);
        (!content.is_empty())
            .then(|| context.field(base + section.start, base + section.end, content))
    };
    let (summary, comments) = sections::marked(text);
    cable.summary = summary.and_then(|section| field(context, section, "SUMMARY"));
    cable.comments = comments
        .into_iter()
        .filter_map(|section| field(context, section, "COMMENT"))
        .collect();
    Some((base, last.end))
}
