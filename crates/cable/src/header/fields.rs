//! The keyword fields under the classification line — `E.O.`, `TAGS`, `SUBJECT`, `REF`,
//! `Classified By` — and the captions among them.

use crate::context::Context;
use crate::header::captions::{caption, is_caption};
use crate::header::keywords::{keyword_hits, Keyword};
use crate::header::{classifier, tags};
use crate::lines::Line;
use crate::scan::bytes::find_any;
use crate::scan::classification::classification_line;
use crate::scan::paragraph::{is_page_break, paragraph_start};
use crate::scan::reference_items;
use crate::span::{Field, Span};
use crate::stations;
use crate::tree::{Cable, Declassification};

/// `03/14/2018` (month first, as State wrote them), `2020/02/23`, `12/31/34` → `2018-03-14`.
pub(crate) fn iso_date(decl: &str) -> Option<String> {
    let token = decl
        .split_whitespace()
        .next()?
        .trim_end_matches([',', '.', ';']);
    let parts: Vec<&str> = token.split(['/', '-', '.']).collect();
    let number = |text: &str| text.parse::<u16>().ok();
    let (year, month, day) = match parts.as_slice() {
        [year, month, day] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
        [month, day, year] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
        [month, day, year] if year.len() == 2 => {
            (2000 + number(year)?, number(month)?, number(day)?)
        }
        _ => return None,
    };
    let valid =
        (1..=12).contains(&month) && (1..=31).contains(&day) && (1900..=2099).contains(&year);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Where the keyword fields start when they follow a short remark at line `from`: the index of
/// the first line starting with `E.O.`, `TAGS` or `SUBJECT` within 15 lines, with no numbered
/// paragraph before it.
pub(crate) fn fields_after_remark(lines: &[Line], from: usize, cleaned: &str) -> Option<usize> {
    for (idx, line) in lines.iter().enumerate().skip(from).take(15) {
        let text = line.text(cleaned);
        if paragraph_start(text).is_some_and(|start| start.number.is_some()) {
            return None;
        }
        let starts_field = keyword_hits(text).first().is_some_and(|&(at, keyword, _)| {
            at == 0
                && matches!(
                    keyword,
                    Keyword::ExecutiveOrder | Keyword::Tags | Keyword::Subject
                )
        });
        if starts_field {
            return Some(idx);
        }
    }
    None
}

/// A keyword field being gathered: the keyword, where its value starts, and its lines' ranges.
pub(crate) struct FieldRanges {
    keyword: Keyword,
    start: usize,
    value_start: usize,
    pieces: Vec<(usize, usize)>,
}

/// Reads captions and keyword fields from line `first` up to line `end`; returns the index of the
/// first body line (or `end`).
pub(crate) fn read_fields(
    context: &mut Context<'_>,
    cable: &mut Cable,
    (first, end): (usize, usize),
    // Below a classification line, captions may come before the first field; in a snippet
    // without one, a line is a caption only when a field follows it.
    after_classification: bool,
    reference_blocks: &mut Vec<Vec<(usize, usize)>>,
) -> usize {
    let cleaned = &context.cleaned.text;
    let lines = context.lines.get(..end).unwrap_or(context.lines);
    let mut fields: Vec<FieldRanges> = Vec::new();
    let mut open = false;
    let mut body_start = lines.len();
    let mut skip_until = 0;
    // A lone classification line (page furniture) under an open subject: `Some(page_turned)`
    // until the next line of text. The subject goes on after it only on the next page.
    let mut furniture: Option<bool> = None;
    for (idx, line) in lines.iter().enumerate().skip(first) {
        if idx < skip_until {
            continue;
        }
        let text = line.text(cleaned);
        let subject_open = open
            && fields
                .last()
                .is_some_and(|field| field.keyword == Keyword::Subject);
        if line.is_blank() && furniture.is_some() {
            continue;
        }
        if line.is_blank() {
            // `… JOSEPH` / a page break / `MERANTE. REASONS 1.5 (B)`: a classifier cut before
            // its reasons goes on past blank lines.
            if open && classifier_resumes(fields.last(), lines, idx, cleaned) {
                continue;
            }
            // `SUBJECT:` alone on its line: the subject is on the next non-blank line.
            open = fields
                .last()
                .is_some_and(|field| field.keyword == Keyword::Subject && field.is_empty(cleaned));
            continue;
        }
        // A page break inside the header fields neither ends nor joins a field.
        if is_page_break(text) {
            cable.page_breaks.push(context.span(line.start, line.end));
            if let Some(page_turned) = furniture.as_mut() {
                *page_turned = true;
            }
            continue;
        }
        // The classification printed at a page's foot inside `Classified By` is no part of it.
        let in_classifier = fields
            .last()
            .is_some_and(|field| field.keyword == Keyword::ClassifiedBy);
        if open && in_classifier && is_banner(text) {
            continue;
        }
        if subject_open && is_lone_classification(text) {
            furniture = Some(false);
            continue;
        }
        // Past the furniture, the subject goes on only on the next page, and not into a
        // paragraph there.
        match furniture.take() {
            Some(false) => open = false,
            Some(true) if paragraph_start(text).is_some() => open = false,
            _ => {}
        }
        let mut hits = keyword_hits(text);
        // Keywords inside a subject, on its own line or the next ones, may be its words.
        let value = if subject_open {
            fields.last().map(|field| field.value(cleaned))
        } else {
            None
        };
        let mut in_subject = subject_open;
        hits.retain(|&hit| {
            let words = in_subject && subject_goes_on(text, hit, value.as_deref().unwrap_or(""));
            if !words {
                in_subject = hit.1 == Keyword::Subject;
            }
            !words
        });
        if hits.is_empty() {
            let last = fields.last();
            let continues = open && last.is_some_and(|field| field.continues_with(text, cleaned));
            // After a blank line a reference block goes on with its next item, or with the
            // rest of an item the blank line cut (`B) Rio de Janeiro` / `00723`).
            let reference_item = !open
                && last.is_some_and(|field| {
                    field.keyword == Keyword::Reference
                        && (starts_reference_item(text)
                            || field.item_is_cut(cleaned)
                                && reference_items::continues_item(text, stations::is_known))
                });
            if continues || reference_item {
                if let Some(field) = fields.last_mut() {
                    field.pieces.push((line.start, line.end));
                    open = true;
                }
                continue;
            }
            // A caption between fields (`DEPARTMENT FOR WHA, M, T` after `Classified By`) is
            // still header when a keyword field follows it.
            // A keyword field follows, perhaps after more captions.
            let field_follows = || {
                lines
                    .iter()
                    .skip(idx + 1)
                    .find(|next| {
                        let next_text = next.text(cleaned);
                        !next.is_blank()
                            && (!is_caption(next_text) || !keyword_hits(next_text).is_empty())
                    })
                    .is_some_and(|next| {
                        keyword_hits(next.text(cleaned))
                            .first()
                            .is_some_and(|&(at, _, _)| at == 0)
                    })
            };
            if is_caption(text) && (fields.is_empty() && after_classification || field_follows()) {
                cable.captions.push(caption(context, line.start, line.end));
                continue;
            }
            // A publisher's remark between the classification line and the fields
            // (`Original Telegram was Confidential…`, `Copy from the National Archives`): when
            // the fields come a few lines later, before any paragraph, the remark is a note.
            if fields.is_empty() && after_classification {
                if let Some(fields_at) = fields_after_remark(lines, idx, cleaned) {
                    for remark in lines.get(idx..fields_at).unwrap_or(&[]) {
                        if !remark.is_blank() {
                            let remark_text = remark.text(cleaned).to_string();
                            cable
                                .notes
                                .push(context.field(remark.start, remark.end, remark_text));
                        }
                    }
                    skip_until = fields_at;
                    continue;
                }
            }
            body_start = idx;
            break;
        }
        let before_first = hits.first().map_or(0, |&(at, _, _)| at);
        if before_first > 0 {
            let before = text.get(..before_first).unwrap_or("").trim_end();
            if open {
                if let Some(field) = fields.last_mut() {
                    field.pieces.push((line.start, line.start + before.len()));
                }
            } else if !before.is_empty() {
                cable
                    .captions
                    .push(caption(context, line.start, line.start + before.len()));
            }
        }
        for (hit_idx, &(at, keyword, keyword_len)) in hits.iter().enumerate() {
            let end = hits
                .get(hit_idx + 1)
                .map_or(text.len(), |&(next, _, _)| next);
            let piece_text = text.get(at..end).unwrap_or("").trim_end();
            fields.push(FieldRanges {
                keyword,
                start: line.start + at,
                value_start: line.start + at + keyword_len,
                pieces: vec![(line.start + at, line.start + at + piece_text.len())],
            });
        }
        open = true;
    }
    for field in fields {
        store_field(context, cable, &field, reference_blocks);
    }
    if cable.classified_by.is_none() {
        read_classifier_in_body(context, cable, lines, body_start);
    }
    body_start
}

impl FieldRanges {
    /// The value written so far, after the keyword.
    fn value(&self, cleaned: &str) -> String {
        self.pieces
            .iter()
            .map(|&(start, end)| {
                cleaned
                    .get(start.max(self.value_start).min(end)..end)
                    .unwrap_or("")
                    .trim()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the last line of a reference block stops inside an item: on a station's name or
    /// a year, before the serial.
    fn item_is_cut(&self, cleaned: &str) -> bool {
        let last_line = self
            .pieces
            .last()
            .map_or("", |&(start, end)| cleaned.get(start..end).unwrap_or(""));
        reference_items::ends_inside_item(last_line)
    }

    /// Whether this is a `Classified By` field that has not reached its reasons yet.
    fn awaits_reasons(&self, cleaned: &str) -> bool {
        self.keyword == Keyword::ClassifiedBy && !classifier::states_reasons(&self.value(cleaned))
    }

    /// The lines written after the keyword, without lines skipped between them (a page break,
    /// a banner): the text between two adjacent lines as written, a line break elsewhere.
    fn written_lines(&self, cleaned: &str) -> String {
        let mut written = String::new();
        let mut previous_end: Option<usize> = None;
        for &(start, end) in &self.pieces {
            let start = start.max(self.value_start).min(end);
            if let Some(previous_end) = previous_end {
                let gap = cleaned.get(previous_end..start).unwrap_or("\n");
                let adjacent = gap.chars().all(char::is_whitespace);
                written.push_str(if adjacent { gap } else { "\n" });
            }
            written.push_str(cleaned.get(start..end).unwrap_or(""));
            previous_end = Some(end);
        }
        written
    }

    fn is_empty(&self, cleaned: &str) -> bool {
        self.value(cleaned)
            .trim_start_matches([':', ' '])
            .is_empty()
    }

    /// Whether a line without keywords continues this field rather than starting the body.
    fn continues_with(&self, text: &str, cleaned: &str) -> bool {
        // `(C) Sao Paulo 42`: in a reference block, a letter in parentheses is an item's.
        if self.keyword == Keyword::Reference
            && starts_reference_item(text)
            && paragraph_start(text).is_none_or(|start| start.number.is_none())
        {
            return true;
        }
        let paragraph = paragraph_start(text);
        if paragraph.is_some_and(|start| start.marking.is_some()) {
            return false;
        }
        // A numbered paragraph ends a reference block even without a marking (`1.  PRESS …`).
        if self.keyword == Keyword::Reference
            && paragraph.is_some_and(|start| start.number.is_some())
        {
            return false;
        }
        if self.keyword == Keyword::Tags {
            let previous = self
                .pieces
                .last()
                .map_or("", |&(start, end)| cleaned.get(start..end).unwrap_or(""));
            return tags::continues(previous, text);
        }
        if self.keyword != Keyword::Subject {
            return true;
        }
        let value = self.value(cleaned);
        // A line of dashes (a heading's underline) is the body's.
        if !text.chars().any(char::is_alphanumeric) && text.contains(['-', '_', '=']) {
            return false;
        }
        // A word broken at the line's end (`(PC-` / `123) September`) or a parenthesis still
        // open (`(LIST` / `62)`) goes on, even where the next line looks numbered.
        let open_parenthesis = value.matches('(').count() > value.matches(')').count();
        let broken_word = value
            .strip_suffix('-')
            .is_some_and(|before| before.ends_with(char::is_alphanumeric));
        if (open_parenthesis || broken_word)
            && paragraph.is_none_or(|start| start.marking.is_none())
        {
            return true;
        }
        // A subject ends at a numbered paragraph, and an upper-case subject at a sentence in
        // mixed case (`This is an Action request.`): three words in lower case, not a name or
        // a date (`NAS` / `Monthly Report, August 2004:`, `SPAIN, ANDORRA, and WESTERN SAHARA`).
        let shouting = !value.is_empty() && !value.chars().any(char::is_lowercase);
        let n_lowercase_words = text
            .split_whitespace()
            .filter(|word| {
                word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_uppercase)
            })
            .count();
        paragraph.is_none() && !(shouting && n_lowercase_words >= 3)
    }
}

pub(crate) fn store_field(
    context: &mut Context<'_>,
    cable: &mut Cable,
    field: &FieldRanges,
    reference_blocks: &mut Vec<Vec<(usize, usize)>>,
) {
    let end = field
        .pieces
        .last()
        .map_or(field.value_start, |&(_, end)| end);
    let span = context.span(field.start, end);
    // The value: every piece after the keyword, joined with single spaces.
    let value_pieces: Vec<(usize, usize)> = field
        .pieces
        .iter()
        .map(|&(start, end)| (start.max(field.value_start).min(end), end))
        .collect();
    // The value: every piece after the keyword, joined with single spaces (none after a
    // hyphen that ended a line), blanks collapsed.
    let mut joined = String::new();
    for piece in value_pieces
        .iter()
        .map(|&(start, end)| context.cleaned.slice(start, end).trim())
    {
        if piece.is_empty() {
            continue;
        }
        let word_hyphen = joined
            .strip_suffix('-')
            .is_some_and(|before| before.ends_with(|ch: char| ch.is_alphanumeric()));
        if !joined.is_empty() && !word_hyphen {
            joined.push(' ');
        }
        joined.push_str(piece);
    }
    let value = joined
        .trim_start_matches([':', ' ', ';', ',', '-'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let raw = context.cleaned.slice(field.start, end).to_string();
    match field.keyword {
        Keyword::Subject => {
            if cable.subject.is_none() {
                // A portion marking before the subject (`(C/NF) WHO WOULD…`, `(c) TURKISH…`)
                // is not part of it; a letter in parentheses inside a word is
                // (`(S)ELECTING A LEBANESE PRESIDENT`).
                let marked = paragraph_start(&value.to_ascii_uppercase()).filter(|start| {
                    start.number.is_none()
                        && start.marking.is_some()
                        && value
                            .get(..start.text_start)
                            .is_some_and(|marking| marking.ends_with(char::is_whitespace))
                });
                let value = match marked {
                    Some(start) => value.get(start.text_start..).unwrap_or("").to_string(),
                    None => value,
                };
                cable.subject = Some(Field { span, raw, value });
            }
        }
        Keyword::ClassifiedBy => {
            // The classifier reads the lines as written, to mend words broken across them.
            let written = field.written_lines(&context.cleaned.text);
            let after_keyword = written.trim_start_matches([':', ' ']);
            let after_keyword_start = field.value_start + (written.len() - after_keyword.len());
            let classifier =
                classifier::read(context.span(after_keyword_start, end), after_keyword);
            // A second `Classified By` replaces a first that gave no reasons (`CLASSIFIED BY
            // LINE ADDED` in a corrected copy, a REF list typed into the field).
            let replaces = cable
                .classifier
                .as_ref()
                .is_some_and(|first| first.reasons.is_empty() && !classifier.reasons.is_empty());
            if cable.classified_by.is_none() || replaces {
                cable.classifier = Some(classifier);
                cable.classified_by = Some(Field { span, raw, value });
            } else if let Some(first) = cable.classifier.as_mut() {
                // `Classified By: Acting RSO Paul O'Keefe …` then `Classified By: DCM Nabeel
                // Khoury …`: a second official with reasons of their own classified it too.
                let another = !classifier.reasons.is_empty()
                    && !classifier.names.is_empty()
                    && classifier
                        .names
                        .iter()
                        .all(|name| !first.names.contains(name));
                if another {
                    first.names.extend(classifier.names);
                    for reason in classifier.reasons {
                        if !first.reasons.contains(&reason) {
                            first.reasons.push(reason);
                        }
                    }
                    first.span = first.span.cover(classifier.span);
                    first.raw = format!("{}\n\n{}", first.raw, classifier.raw);
                }
            }
        }
        Keyword::ExecutiveOrder => {
            cable.declassification = Some(declassification(
                context,
                span,
                &value,
                (field.value_start, end),
            ));
        }
        Keyword::Tags => {
            for tag in tags::read(context, &value_pieces) {
                if !cable.tags.iter().any(|known| known.value == tag.value) {
                    cable.tags.push(tag);
                }
            }
        }
        Keyword::Reference => {
            cable.references_span.get_or_insert(span);
            cable.reference_spans.push(span);
            reference_blocks.push(value_pieces);
        }
    }
}

/// Whether the `Classified By` field `field`, cut before its reasons at the blank line `idx`,
/// goes on after it: past blank lines, page breaks and banners, the next line gives the reasons'
/// section number and starts no paragraph or field (`k Del Vecchio.  Reasons 1.4 (b) and (d).`).
fn classifier_resumes(
    field: Option<&FieldRanges>,
    lines: &[Line],
    idx: usize,
    cleaned: &str,
) -> bool {
    if !field.is_some_and(|field| field.awaits_reasons(cleaned)) {
        return false;
    }
    let next = lines.iter().skip(idx + 1).take(8).find(|line| {
        let text = line.text(cleaned);
        !line.is_blank() && !is_page_break(text) && !is_banner(text)
    });
    next.is_some_and(|line| {
        let text = line.text(cleaned);
        // The section number after a few words (the name's end, `REASONS:`): not a sentence
        // of the text that mentions one.
        let early_section = classifier::section_number_at(text).is_some_and(|at| {
            text.get(..at)
                .is_some_and(|before| before.split_whitespace().count() <= 5)
        });
        keyword_hits(text).is_empty() && paragraph_start(text).is_none() && early_section
    })
}

/// A classification alone on its line (`CONFIDENTIAL`), as printed at the foot of a page.
fn is_banner(text: &str) -> bool {
    classification_line(text.trim()).is_some_and(|parts| {
        parts.origin.is_none() && parts.section.is_none() && parts.serial.is_none()
    })
}

/// The classification statement of a cable whose header has none, written in its text from line
/// `body_start` on: as its own paragraph (`1.  (U) CLASSIFIED BY PETER W. GALBRAITH, AMBASSADOR,`
/// / `PER 1.5 (B) AND (D).`) or under the last one (`CLASSIFIED BY: COL DAVID BRACKETT, DATT`).
/// Only a line that starts with the keyword, after a paragraph's number and marking, and goes on
/// to give reasons is one: a sentence that says what someone classified is not. Another cable's
/// classification line (a cable quoted, or glued on by a web page) ends the search: what follows
/// it is that cable's.
fn read_classifier_in_body(
    context: &mut Context<'_>,
    cable: &mut Cable,
    lines: &[Line],
    body_start: usize,
) {
    let cleaned = &context.cleaned.text;
    let own_serial = cable
        .classification
        .as_ref()
        .and_then(|line| line.serial.as_ref())
        .map(|serial| serial.value.clone());
    let another_cable = |text: &str| {
        !is_page_break(text)
            && classification_line(text).is_some_and(|parts| {
                let serial = parts
                    .serial
                    .and_then(|(start, end)| text.get(start..end))
                    .map(|serial| serial.trim_start_matches('0'));
                parts.origin.is_some() && (own_serial.is_none() || serial != own_serial.as_deref())
            })
    };
    // The lines before a candidate are read as classification lines only when there is one, and
    // each once: most texts have no candidate (reading every line was a fifth of the parse).
    let mut checked = body_start;
    for (idx, line) in lines.iter().enumerate().skip(body_start) {
        let text = line.text(cleaned);
        // `CLASSIFIED`, `Classified`, `classified`: a fast search, as most lines have none.
        if !holds_lassified(text) {
            continue;
        }
        let earlier = lines.get(checked..=idx).unwrap_or(&[]);
        if earlier.iter().any(|line| another_cable(line.text(cleaned))) {
            return;
        }
        checked = idx + 1;
        let Some(&(at, Keyword::ClassifiedBy, keyword_len)) = keyword_hits(text).first() else {
            continue;
        };
        let before = text.get(..at).unwrap_or("").trim_end();
        let at_paragraph_start = before.is_empty()
            || paragraph_start(before).is_some_and(|start| start.text_start >= before.len());
        if !at_paragraph_start {
            continue;
        }
        let mut field = FieldRanges {
            keyword: Keyword::ClassifiedBy,
            start: line.start + at,
            value_start: line.start + at + keyword_len,
            pieces: vec![(line.start + at, line.start + text.trim_end().len())],
        };
        for (next_idx, next) in lines.iter().enumerate().skip(idx + 1) {
            let next_text = next.text(cleaned);
            let skipped = is_page_break(next_text)
                || is_banner(next_text)
                || next.is_blank() && classifier_resumes(Some(&field), lines, next_idx, cleaned);
            if skipped {
                continue;
            }
            let goes_on = !next.is_blank()
                && keyword_hits(next_text).is_empty()
                && paragraph_start(next_text).is_none();
            if !goes_on {
                break;
            }
            field.pieces.push((next.start, next.end));
        }
        if field.awaits_reasons(cleaned) {
            continue;
        }
        store_field(context, cable, &field, &mut Vec::new());
        return;
    }
}

/// The `E.O.` line read from its `value` (the text after the keyword, blanks collapsed), each
/// part with where it was written in the cleaned range `start..end` after the keyword.
fn declassification(
    context: &Context<'_>,
    span: Span,
    value: &str,
    (start, end): (usize, usize),
) -> Declassification {
    let written = context.cleaned.slice(start, end);
    // A part written at `at` in `written`, `len` bytes long; where the text cannot be found
    // (it always can), the line's span.
    let part = |at: Option<usize>, len: usize, value: String| match at {
        Some(at) => context.field(start + at, start + at + len, value),
        None => Field {
            span,
            raw: value.clone(),
            value,
        },
    };
    let order: String = value.chars().take_while(|ch| ch.is_ascii_digit()).collect();
    let order = (!order.is_empty()).then(|| part(written.find(&order), order.len(), order.clone()));
    let decl = value
        .to_ascii_uppercase()
        .find("DECL")
        .and_then(|at| value.get(at + 4..))
        .map(|rest| rest.trim_start_matches([':', ' ']).trim().to_string())
        .filter(|decl| !decl.is_empty())
        .map(|decl| {
            // As written: from after `DECL` and its colon to the end of the line.
            let decl_at = written.to_ascii_uppercase().find("DECL").map(|at| at + 4);
            let written_decl = decl_at.and_then(|at| written.get(at..)).map(|rest| {
                let trimmed = rest.trim_start_matches([':', ' ']);
                (rest.len() - trimmed.len(), trimmed.trim_end().len())
            });
            match (decl_at, written_decl) {
                (Some(at), Some((skip, len))) => part(Some(at + skip), len, decl),
                _ => part(None, 0, decl),
            }
        });
    let date = decl.as_ref().and_then(|decl| {
        Some(Field {
            span: decl.span,
            raw: decl.raw.clone(),
            value: iso_date(&decl.value)?,
        })
    });
    Declassification {
        span,
        order,
        decl,
        date,
    }
}

/// Whether a line is a classification alone (`UNCLASSIFIED`, `LIMITED OFFICIAL USE`), the
/// page furniture a printer centred at a page's foot and head.
fn is_lone_classification(text: &str) -> bool {
    let letters: String = text
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(
        letters.as_str(),
        "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET" | "LIMITEDOFFICIALUSE" | "TOPSECRET"
    )
}

/// Whether a keyword `hit` in a line under an open subject whose `value` is so far is the
/// subject's own words: `SUBJECT TO UNSCR 1483` (the word without its colon, continuing
/// `…INDIVIDUALS AND ENTITIES`), `…FOUNDATION TO E.O. 13224 ASSET FREEZE` (an order named
/// after a preposition, within the line).
fn subject_goes_on(
    text: &str,
    (at, keyword, keyword_len): (usize, Keyword, usize),
    value: &str,
) -> bool {
    let written = text.get(at..at + keyword_len).unwrap_or("");
    let word_without_colon = keyword == Keyword::Subject
        && at == 0
        && !written.contains(':')
        && !value.trim_start_matches([':', ' ']).is_empty();
    let order_in_words = keyword == Keyword::ExecutiveOrder
        && at > 0
        && text
            .get(..at)
            .and_then(|before| before.split_whitespace().last())
            .is_some_and(|word| {
                matches!(
                    word.to_ascii_uppercase().as_str(),
                    "TO" | "UNDER" | "OF" | "BY" | "PER" | "AND" | "IN" | "WITH"
                )
            });
    word_without_colon || order_in_words
}

/// Whether a line starts a reference block's item (`B. …`, `(C) Sao Paulo 42`): not a
/// paragraph numbered after its marking (`(U)  1.  Poloff delivered …`).
fn starts_reference_item(text: &str) -> bool {
    let numbered_after_marking = paragraph_start(text).is_some_and(|start| {
        start.marking.is_some()
            && paragraph_start(text.get(start.text_start..).unwrap_or(""))
                .is_some_and(|inner| inner.number.is_some())
    });
    reference_items::starts_with_item_letter(text) && !numbered_after_marking
}

/// Whether `text` holds `LASSIFIED` or `lassified`: from one `L` or `l` to the next, which is
/// cheaper on a short line than setting up two substring searches.
fn holds_lassified(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes.get(from..).and_then(|rest| find_any(rest, b"Ll")) {
        let at = from + found;
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.starts_with(b"LASSIFIED") || rest.starts_with(b"lassified") {
            return true;
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    /// The subject of `fields`, written under a classification line.
    fn check(fields: &str, expect: Expect) {
        let input = format!("UNCLAS STATE 000001\n\n{fields}");
        let options = crate::Options::with_year(2004);
        crate::testing::check_with(&input, options, &["subject"], expect);
    }

    #[test]
    fn leaves_page_furniture_out_of_the_subject() {
        check(
            "SUBJECT: MICROSOFT STRIKES BACK\n                       UNCLASSIFIED\n\n1. Text.\n",
            expect![[r#"
                subject 21..52 "SUBJECT: MICROSOFT STRIKES BACK" = "MICROSOFT STRIKES BACK"
            "#]],
        );
        // On the next page, the subject goes on.
        check(
            "SUBJECT: SLOW PROGRESS ON\n          UNCLASSIFIED\n\nPAGE 02        ZAGREB  03944  01 OF 02  101335Z\nESTABLISHING SAFEGUARDS\n\n1. Text.\n",
            expect![[r#"
                subject 21..142 "SUBJECT: SLOW PROGRESS ON\n          UNCLASSIFIED\n\nPAGE 02        ZAGREB  03944  01 OF 02  101335Z\nESTABLISHING SAFEGUARDS" = "SLOW PROGRESS ON ESTABLISHING SAFEGUARDS"
            "#]],
        );
        // A classification with more words is the subject's.
        check(
            "SUBJECT: 1987 TERRORISM REPORT:\n          UNCLASSIFIED SECTION\n\n1. Text.\n",
            expect![[r#"
                subject 21..83 "SUBJECT: 1987 TERRORISM REPORT:\n          UNCLASSIFIED SECTION" = "1987 TERRORISM REPORT: UNCLASSIFIED SECTION"
            "#]],
        );
    }

    #[test]
    fn reads_a_subject_over_its_line_breaks() {
        check(
            "SUBJECT: TERRORIST FINANCE: IARA (LIST\n62)\n\n1. Text.\n",
            expect![[r#"
                subject 21..63 "SUBJECT: TERRORIST FINANCE: IARA (LIST\n62)" = "TERRORIST FINANCE: IARA (LIST 62)"
            "#]],
        );
        check(
            "SUBJECT: WORKSHOP AT FSI, (PC-\n123) September 13-17,2004.\n\n1. Text.\n",
            expect![[r#"
                subject 21..78 "SUBJECT: WORKSHOP AT FSI, (PC-\n123) September 13-17,2004." = "WORKSHOP AT FSI, (PC-123) September 13-17,2004."
            "#]],
        );
        check(
            "SUBJECT: LISTING OF ENTITIES\nSUBJECT TO UNSCR 1483\n\n1. Text.\n",
            expect![[r#"
                subject 21..71 "SUBJECT: LISTING OF ENTITIES\nSUBJECT TO UNSCR 1483" = "LISTING OF ENTITIES SUBJECT TO UNSCR 1483"
            "#]],
        );
        check(
            "SUBJECT: ADDITION OF AL AQSA TO E.O. 13224 ASSET FREEZE\nLIST\n\n1. Text.\n",
            expect![[r#"
                subject 21..81 "SUBJECT: ADDITION OF AL AQSA TO E.O. 13224 ASSET FREEZE\nLIST" = "ADDITION OF AL AQSA TO E.O. 13224 ASSET FREEZE LIST"
            "#]],
        );
        check(
            "SUBJECT: VALIDITY OF PASSPORTS\nDATES:  SPAIN, ANDORRA, and WESTERN SAHARA\n\n1. Text.\n",
            expect![[r#"
                subject 21..94 "SUBJECT: VALIDITY OF PASSPORTS\nDATES:  SPAIN, ANDORRA, and WESTERN SAHARA" = "VALIDITY OF PASSPORTS DATES: SPAIN, ANDORRA, and WESTERN SAHARA"
            "#]],
        );
        // A sentence in mixed case is the body's.
        check(
            "SUBJECT: VISIT OF THE MINISTER\nThis is an action request.\n",
            expect![[r#"
                subject 21..51 "SUBJECT: VISIT OF THE MINISTER" = "VISIT OF THE MINISTER"
            "#]],
        );
        // An underlined heading is the body's.
        check(
            "SUBJECT: ECONOMIC WRAP-UP\n-----------\nFOREIGN INVESTMENT\n-----------\n",
            expect![[r#"
                subject 21..46 "SUBJECT: ECONOMIC WRAP-UP" = "ECONOMIC WRAP-UP"
            "#]],
        );
    }

    #[test]
    fn leaves_a_portion_marking_out_of_the_subject() {
        check(
            "SUBJ: (c) TURKISH VIEWS\n\n1. Text.\n",
            expect![[r#"
            subject 21..44 "SUBJ: (c) TURKISH VIEWS" = "TURKISH VIEWS"
        "#]],
        );
        check(
            "SUBJECT:  (S)ELECTING A PRESIDENT\n\n1. Text.\n",
            expect![[r#"
                subject 21..54 "SUBJECT:  (S)ELECTING A PRESIDENT" = "(S)ELECTING A PRESIDENT"
            "#]],
        );
    }
}
