//! Marked sections of the body: the summary (`Summary:` … `End summary.`) and comments
//! (`Comment:` … `End comment.`), in the forms cables write them: an inline label (`1. (C)
//! SUMMARY: …`, `Summary and Comment: …`), a heading line (`SUMMARY`, `------- SUMMARY -------`,
//! `Summary =======`), or only the end marker (`… END SUMMARY.` closing paragraph 1).

use std::borrow::Cow;

use crate::scan::classification::classification_line;
use crate::scan::controls;
use crate::scan::paragraph::{is_page_break, paragraph_start};

/// A marked section found in `text`: the byte range of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Section {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// What may follow the section's word in its label: `Summary and Comment:`, `Summary/Comment`,
/// `Summary continued:`, a heading `SUMMARY COMMENT`. The longest that fits is taken
/// (`label_tail`), so `AND COMMENTS` is not read as `AND COMMENT` and a stray `S`.
pub(crate) const LABEL_TAILS: [&str; 14] = [
    " AND COMMENT",
    "/COMMENT",
    " COMMENT",
    " AND ACTION REQUEST",
    " AND ACTION REQUESTED",
    " AND INTRODUCTION",
    "/INTRODUCTION",
    " AND COMMENTS",
    " AND ACTION REQUESTS",
    " CONT'D",
    " CONTD",
    " CONTINUED",
    " (CONTINUED)",
    // A media reaction's `B) SUMMARY OF COVERAGE:`, the digest of the day's press.
    " OF COVERAGE",
];

/// The length of the longest label tail at the start of `rest` (upper case) that ends a word.
pub(crate) fn label_tail(rest: &str) -> usize {
    LABEL_TAILS
        .iter()
        .filter(|tail| {
            rest.strip_prefix(**tail)
                .is_some_and(|after| !after.starts_with(|ch: char| ch.is_ascii_alphanumeric()))
        })
        .map(|tail| tail.len())
        .max()
        .unwrap_or(0)
}

/// What may come before the section's word in its label: `Introduction and summary.`,
/// `END INTRODUCTION AND SUMMARY`, `Executive Summary`, `Begin Summary:`,
/// `Introduction/Summary.`.
pub(crate) const LABEL_HEADS: [&str; 7] = [
    "INTRODUCTION AND",
    "ADDENDUM",
    "BACKGROUND AND",
    "EXECUTIVE",
    "BEGIN",
    "INTRODUCTION/",
    "BACKGROUND/",
];

/// `before` (upper case, ending where the section's word starts) without a label head at its end.
fn without_head(before: &str) -> &str {
    let trimmed = before.trim_end();
    LABEL_HEADS
        .iter()
        .find_map(|head| {
            let rest = trimmed.strip_suffix(head)?;
            (rest.is_empty() || rest.ends_with(|ch: char| !ch.is_ascii_alphanumeric()))
                .then_some(rest)
        })
        .unwrap_or(before)
}

/// The longest title a section's heading may carry after its colon (`SUMMARY: Martin Torrijos
/// wins May 2 General Elections`); a longer line is the section's text, whatever follows it.
const MAX_TITLE_LEN: usize = 80;

/// Finds the summary and every comment in `text` (the body as cleaned).
pub(crate) fn marked(text: &str) -> (Option<Section>, Vec<Section>) {
    // Made once: the body of a long cable is tens of kilobytes.
    let upper = text.to_ascii_uppercase();
    (summary(text, &upper), comments(text, &upper))
}

/// Finds the summary in `text`, whose upper-case form is `upper`.
pub(crate) fn summary(text: &str, upper: &str) -> Option<Section> {
    let end_marker = find_end(upper, "SUMMARY", 0);
    let start = match find_start(text, upper, "SUMMARY", 0) {
        Some(found) if end_marker.is_none_or(|(end, _)| found <= end) => found,
        // Only `End summary`: the summary is the paragraph that starts with the word
        // (`2. SUMMARY AN ISLAMIC JIHAD ACTIVIST …`), else the first paragraph, up to the marker.
        _ => {
            let (end, _) = end_marker?;
            paragraph_headed_by(text, upper, "SUMMARY", end)
                .unwrap_or_else(|| first_paragraph_text(text, end))
        }
    };
    let end = match end_marker {
        // `(End summary.)`: the opening parenthesis belongs to the marker.
        Some((end, _)) if end >= start => text
            .get(..end)
            .and_then(|head| head.trim_end().strip_suffix('('))
            .map_or(end, str::len)
            .max(start),
        _ => paragraph_end(text, start),
    };
    section(text, start, end)
}

/// Finds every comment in `text`, whose upper-case form is `upper`.
pub(crate) fn comments(text: &str, upper: &str) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut from = 0;
    while let Some(start) = find_start(text, upper, "COMMENT", from) {
        let end = match find_end(upper, "COMMENT", start) {
            // An end marker belongs to this comment when no other comment starts first.
            Some((end, _))
                if find_start(text, upper, "COMMENT", start).is_none_or(|next| next > end) =>
            {
                end
            }
            _ => paragraph_end(text, start),
        };
        let Some(found) = section(text, start, end) else {
            break;
        };
        from = end.max(start + 1);
        sections.push(found);
    }
    sections
}

/// Trims the range and refuses an empty one.
pub(crate) fn section(text: &str, start: usize, end: usize) -> Option<Section> {
    let content = text.get(start..end)?;
    let leading = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    (!trimmed.is_empty()).then(|| Section {
        start: start + leading,
        end: start + leading + trimmed.len(),
    })
}

/// The section's content as a reader wants it: each line trimmed, lines joined with line
/// breaks, and what is not its text left out — page furniture (a page marker, a lone
/// classification), rules and underlines, and at the start of each of its paragraphs the
/// number, the portion marking and a label of the section's `word` (`2. (SBU)`, `Begin
/// Summary:`, `Summary Cont'd:`).
/// `number` is that of the paragraph the section starts in, when it has one
/// (`paragraph_number_at`).
pub(crate) fn content(text: &str, word: &str, number: Option<u32>) -> String {
    let mut kept: Vec<Cow<'_, str>> = Vec::new();
    let mut paragraph_starts = true;
    // The number of the paragraph being read, when it has one.
    let mut number = number;
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut index = 0;
    while let Some(&line) = lines.get(index) {
        index += 1;
        if line.is_empty() {
            paragraph_starts = true;
            continue;
        }
        // An old telegram's next section: its end of message (`NNNN`), then the repeated
        // routing and header (`ACTION EUR-01`, `INFO LOG-00 …`, addressees, `SUBJECT: …`),
        // up to the blank line after the subject: page furniture, not the section's text.
        if line == "NNNN" {
            if let Some(subject) = lines
                .iter()
                .skip(index)
                .position(|next| next.starts_with("SUBJECT:"))
            {
                index += subject + 1;
                while lines.get(index).is_some_and(|next| !next.is_empty()) {
                    index += 1;
                }
            }
            continue;
        }
        // A handling control the system put into a sentence (`LEFT-OF-CENTER` / `SIPDIS` /
        // `LIBERATION`) is not the section's text.
        if controls::is_controls_caption(line)
            && kept
                .last()
                .is_some_and(|previous| !previous.ends_with(['.', '?', '!', '"', ':']))
        {
            continue;
        }
        let decoration = is_decoration(line);
        let furniture = is_page_break(line)
            || classification_line(line).is_some_and(|parts| parts.origin.is_none())
                && !line.chars().any(char::is_lowercase);
        if decoration || furniture {
            continue;
        }
        let mut line = line;
        // A numbered line after a finished sentence starts a paragraph even with no blank
        // line before it, as in old teleprinted cables (`3.  SUMMARY CONTINUED:  THE FIS, …`);
        // after an unfinished one it is a number wrapped onto the line (`April` / `30. The`).
        let line_number = paragraph_start(line)
            .and_then(|start| start.number)
            .map(|(_, value)| value);
        let numbered = line_number.is_some_and(|next| follows(number, next))
            && kept
                .last()
                .is_some_and(|previous| previous.ends_with(['.', '?', '!', '"']));
        if paragraph_starts || numbered || kept.is_empty() {
            if line_number.is_some() {
                number = line_number;
            }
            line = without_number_in_parentheses(line);
            if let Some(start) = paragraph_start(line).filter(|start| start.number.is_some()) {
                line = line.get(start.text_start..).unwrap_or(line);
            }
            line = without_marking_colon(line);
            line = without_label(line, word);
        }
        paragraph_starts = false;
        if !line.is_empty() {
            kept.push(without_bullet_marking(line));
        }
    }
    kept.join("\n")
}

/// `line` without a paragraph number in parentheses and the portion marking after it at its
/// start (`(2)  (SBU) A close reading`), as some posts number their paragraphs. A number in
/// parentheses without a marking is a list's item (`(1) the first`) and stays.
fn without_number_in_parentheses(line: &str) -> &str {
    let Some(inside) = line.strip_prefix('(') else {
        return line;
    };
    let digits = inside.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = inside
        .get(digits..)
        .and_then(|rest| rest.strip_prefix(") "))
    else {
        return line;
    };
    if !(1..=3).contains(&digits) {
        return line;
    }
    let rest = rest.trim_start();
    match paragraph_start(rest) {
        Some(start) if start.number.is_none() && start.marking.is_some() => {
            rest.get(start.text_start..).unwrap_or(line)
        }
        _ => line,
    }
}

/// `line` without its portion marking when the marking carries a colon (`(C): With the`),
/// or without only that colon when the marking is gone (`: With the`).
fn without_marking_colon(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix(':') {
        return rest.trim_start();
    }
    match paragraph_start(line) {
        Some(start) if start.number.is_none() && start.marking.is_some() => {
            let rest = line.get(start.text_start..).unwrap_or("");
            rest.strip_prefix(':').map_or(line, str::trim_start)
        }
        _ => line,
    }
}

/// A bullet line without the portion marking after its dashes: `-- (C) OAS observers` is
/// `-- OAS observers`.
fn without_bullet_marking(line: &str) -> Cow<'_, str> {
    let dashes = line.len() - line.trim_start_matches('-').len();
    let rest = line.get(dashes..).unwrap_or("");
    let after_blank = rest.trim_start();
    if !(1..=3).contains(&dashes) || after_blank.len() == rest.len() {
        return Cow::Borrowed(line);
    }
    match paragraph_start(after_blank) {
        Some(start) if start.number.is_none() && start.marking.is_some() => {
            let text = after_blank.get(start.text_start..).unwrap_or("");
            if text.is_empty() {
                Cow::Borrowed(line)
            } else {
                Cow::Owned(format!("{} {text}", line.get(..dashes).unwrap_or("")))
            }
        }
        _ => Cow::Borrowed(line),
    }
}

/// `line` without a label of the section's `word` at its start: `Summary:`, `Begin Summary:`,
/// `Summary Cont'd:`, `Summary -`, a portion marking after it.
fn without_label<'a>(line: &'a str, word: &str) -> &'a str {
    let upper = line.to_ascii_uppercase();
    let mut at = 0;
    for head in LABEL_HEADS {
        if head.ends_with('/') && upper.starts_with(head) {
            at = head.len();
            break;
        }
        if upper.starts_with(head)
            && upper
                .get(head.len()..)
                .is_some_and(|rest| rest.starts_with(' '))
        {
            at = head.len() + 1;
            break;
        }
    }
    let Some(rest) = upper.get(at..).and_then(|rest| rest.strip_prefix(word)) else {
        return line;
    };
    let after = upper.len() - rest.len() + label_tail(rest);
    let rest = upper.get(after..).unwrap_or("");
    let label_end = if let Some(stripped) = rest.strip_prefix([':', '.', ';']) {
        upper.len() - stripped.len()
    } else if rest.starts_with(" -") {
        upper.len() - rest.trim_start_matches([' ', '-']).len()
    } else {
        return line;
    };
    let after_label = line.get(label_end..).unwrap_or("").trim_start();
    match paragraph_start(after_label) {
        Some(start) if start.number.is_none() => after_label.get(start.text_start..).unwrap_or(""),
        _ => after_label,
    }
}

pub(crate) fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
}

/// Occurrences of `word` in `upper` standing as a word, from `from`.
pub(crate) fn word_positions<'a>(
    upper: &'a str,
    word: &'a str,
    from: usize,
) -> impl Iterator<Item = usize> + 'a {
    let bytes = upper.as_bytes();
    upper
        .get(from..)
        .unwrap_or("")
        .match_indices(word)
        .map(move |(at, _)| at + from)
        .filter(move |&at| {
            let before = at.checked_sub(1).and_then(|idx| bytes.get(idx));
            let after = bytes.get(at + word.len());
            !before.is_some_and(|byte| is_word_byte(*byte))
                && !after.is_some_and(|byte| is_word_byte(*byte))
        })
}

/// `END SUMMARY`, `End\nSummary.`, `END SUMMARY AND COMMENT.`, `End of Summary`: where the marker
/// starts and ends.
pub(crate) fn find_end(upper: &str, word: &str, from: usize) -> Option<(usize, usize)> {
    word_positions(upper, word, from).find_map(|at| {
        let before = without_head(upper.get(..at)?).trim_end();
        // `End of Summary`, as some posts write it.
        let before = before.strip_suffix(" OF").map_or(before, str::trim_end);
        let end_word = before.strip_suffix("END")?;
        if end_word.ends_with(|ch: char| ch.is_ascii_alphanumeric()) {
            return None;
        }
        let marker_end = at + word.len();
        let marker_end = marker_end + label_tail(upper.get(marker_end..).unwrap_or(""));
        Some((end_word.len(), marker_end))
    })
}

/// Where the section's content starts: after an inline label (`SUMMARY:`, `Summary and
/// Comment.`), or at the paragraph after a heading line. The flag says it came from a heading.
pub(crate) fn find_start(text: &str, upper: &str, word: &str, from: usize) -> Option<usize> {
    for at in word_positions(upper, word, from) {
        // Not the end marker itself.
        let before = without_head(upper.get(..at).unwrap_or("")).trim_end();
        if before.ends_with("END") {
            continue;
        }
        let after = at + word.len();
        let after = after + label_tail(upper.get(after..).unwrap_or(""));
        let line_start = text
            .get(..at)
            .and_then(|head| head.rfind('\n'))
            .map_or(0, |idx| idx + 1);
        let line_end = text
            .get(after..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |idx| after + idx);
        // A head of the label (`Introduction and`, `Begin`) belongs to it.
        let head_len = upper
            .get(..at)
            .map_or(0, |all| all.len() - without_head(all).len());
        let before_on_line = text
            .get(line_start..at - head_len.min(at - line_start))
            .unwrap_or("");
        let after_on_line = text.get(after..line_end).unwrap_or("");
        // A heading: the line holds only the word, rules and spaces, perhaps after the
        // paragraph's number and marking or a list's numeral (`1. (C) SUMMARY`, `I. Summary`),
        // perhaps closed by a colon or full stop; or `SUMMARY: Martin Torrijos wins` over an
        // underline, whose words are the section's title, not its text.
        let title_underlined = after_on_line.starts_with(':')
            && after_on_line.trim_end().len() <= MAX_TITLE_LEN
            && underlined(text, line_end);
        if is_heading_prefix(before_on_line)
            && (is_decoration(after_on_line.trim_start_matches([':', '.'])) || title_underlined)
        {
            // Under a topic's heading (`Mideast:`, `1.  Performance of the Government:`), the
            // heading names the summary of that topic (a media reaction's digest of its
            // press), not the cable's.
            if under_topic_heading(text, line_start) {
                continue;
            }
            // `2. Summary and Comment` over `3. Presidential Candidates`: an entry of a
            // numbered table of contents, not a heading.
            let next_line = text
                .get(line_end..)
                .and_then(|rest| rest.strip_prefix('\n'))
                .and_then(|rest| rest.split('\n').next())
                .unwrap_or("")
                .trim();
            if !is_decoration(before_on_line)
                && paragraph_start(next_line).is_some_and(|start| start.number.is_some())
            {
                continue;
            }
            let start = after_heading(text, line_end);
            let start = skip_paragraph_start(text, start);
            // `1. Summary: On March 21, …` after the heading: the label goes too.
            let start = match inline_label(text, upper, word, start) {
                Some(label_end) => label_end,
                None => start,
            };
            return Some(start);
        }
        // An inline label: the word (and its tail) followed by `:` or `.`, at the start of a
        // paragraph's text or a sentence.
        // `Summary - A March 2003 …`: a dash between blanks ends a label too.
        let dashed = text
            .get(after..)
            .and_then(|rest| rest.strip_prefix(" -").or_else(|| rest.strip_prefix(" --")))
            .is_some_and(|rest| rest.starts_with(' '));
        if dashed {
            let dash = text.get(after..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches([' ', '-']).len()
            });
            if paragraph_prefix_len(before_on_line.trim_end()).is_some()
                || before_on_line.trim().is_empty()
            {
                return Some(skip_marking(text, after + dash));
            }
        }
        let punctuation = text.get(after..).and_then(|rest| rest.chars().next());
        let starts_sentence = {
            let head = before_on_line.trim_end();
            head.is_empty()
                || head.ends_with(['.', ')', ':'])
                || paragraph_prefix_len(head) == Some(head.len())
                // `1- SUMMARY:`: a paragraph numbered with a dash.
                || head.strip_suffix('-').is_some_and(|number| {
                    !number.is_empty() && number.bytes().all(|byte| byte.is_ascii_digit())
                })
        };
        if matches!(punctuation, Some(':' | '.' | ';')) && starts_sentence {
            let start = skip_marking(text, after + 1);
            return Some(start);
        }
    }
    None
}

/// A rule or underline, or blank: only dashes, equals signs, underscores, asterisks, slashes
/// (`/------`, a teleprinter's slip) and spaces.
pub(crate) fn is_decoration(part: &str) -> bool {
    part.chars()
        .all(|ch| matches!(ch, '-' | '=' | ' ' | '‐' | '_' | '*' | '/'))
}

/// What may stand before a heading's word on its line: rules, the paragraph's number and
/// marking (`1. (C)`, `2)`), or a list's numeral or letter (`I.`, `IV.`, `B.`).
fn is_heading_prefix(before: &str) -> bool {
    let trimmed =
        before.trim_matches(|ch: char| matches!(ch, '-' | '=' | ' ' | '‐' | '_' | '*' | '/'));
    if trimmed.is_empty() || paragraph_prefix_len(trimmed) == Some(trimmed.len()) {
        return true;
    }
    let Some(numeral) = trimmed.strip_suffix(['.', ')']) else {
        return false;
    };
    let roman = !numeral.is_empty()
        && numeral.len() <= 4
        && numeral.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X'));
    let letter = numeral.len() == 1 && numeral.chars().all(|ch| ch.is_ascii_uppercase());
    roman || letter
}

/// Whether a topic's heading stands above `line_start` (blank lines between): a short title
/// closed by a colon with a rule over or under it (`Mideast:`, `2. Iraq: Anniversary of
/// War's Outbreak:`, `2.  U.S. Foreign Policy:`).
fn under_topic_heading(text: &str, line_start: usize) -> bool {
    let above = text.get(..line_start).unwrap_or("");
    let lines: Vec<&str> = above
        .lines()
        .rev()
        .map(str::trim)
        .skip_while(|line| line.is_empty())
        .take(3)
        .collect();
    let is_title = |line: &str| {
        let title = paragraph_start(line)
            .and_then(|start| line.get(start.text_start..))
            .unwrap_or(line);
        title.len() <= 60
            && title
                .strip_suffix(':')
                .is_some_and(|words| !words.trim().is_empty())
    };
    match lines.as_slice() {
        [rule, title, ..] if underlined_rule(rule) && is_title(title) => true,
        [title, rule, ..] => is_title(title) && underlined_rule(rule),
        _ => false,
    }
}

/// A rule of three or more dashes, equals signs or underscores.
fn underlined_rule(line: &str) -> bool {
    line.chars()
        .filter(|ch| matches!(ch, '-' | '=' | '_'))
        .count()
        >= 3
        && is_decoration(line)
}

/// Whether the line after the one ending at `line_end` is an underline: a rule of three or more.
fn underlined(text: &str, line_end: usize) -> bool {
    let next = text.get(line_end + 1..).unwrap_or("");
    underlined_rule(next.split('\n').next().unwrap_or("").trim())
}

/// Where the text after a heading line ending at `line_end` starts: past its underline, blank
/// lines, and page furniture a page break put between the heading and its text (a lone
/// classification, the next page's marker).
fn after_heading(text: &str, line_end: usize) -> usize {
    let mut offset = line_end;
    let rest = text.get(line_end..).unwrap_or("");
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim();
        let furniture = is_page_break(trimmed)
            || classification_line(trimmed).is_some_and(|parts| parts.origin.is_none())
                && !trimmed.chars().any(char::is_lowercase);
        if !(is_decoration(trimmed) || furniture) {
            break;
        }
        offset += line.len();
    }
    offset
}

/// After a heading: `1. Summary: …` or `Summary. …` at `start` (after blank space, number and
/// marking); where the content after that label starts.
pub(crate) fn inline_label(text: &str, upper: &str, word: &str, start: usize) -> Option<usize> {
    let rest = upper.get(start..)?;
    let rest_trimmed = rest.trim_start();
    let at = start + (rest.len() - rest_trimmed.len());
    let after = at + rest_trimmed.strip_prefix(word).map(|_| word.len())?;
    let after = after + label_tail(upper.get(after..).unwrap_or(""));
    matches!(
        text.get(after..).and_then(|rest| rest.chars().next()),
        Some(':' | '.')
    )
    .then(|| skip_marking(text, after + 1))
}

/// The length of `1. `, `12.`, `1.(C) `, `(C) ` at the start of `text`, if it is only that.
pub(crate) fn paragraph_prefix_len(text: &str) -> Option<usize> {
    let start = paragraph_start(text)?;
    Some(start.text_start)
}

/// Skips blank space, a paragraph number and a portion marking at `from`.
pub(crate) fn skip_paragraph_start(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let trimmed = rest.trim_start();
    let at = from + (rest.len() - trimmed.len());
    match paragraph_start(trimmed) {
        Some(start) => at + start.text_start,
        None => at,
    }
}

/// Skips blank space and a portion marking (`(SBU)`) at `from`.
pub(crate) fn skip_marking(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let trimmed = rest.trim_start();
    let at = from + (rest.len() - trimmed.len());
    match paragraph_start(trimmed) {
        Some(start) if start.number.is_none() => at + start.text_start,
        _ => at,
    }
}

/// Where the paragraph holding `start` ends: a blank line, a numbered paragraph's line, or a
/// dashed heading inside the line (`… [...]. -------- Training --------`).
pub(crate) fn paragraph_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    let number = paragraph_number_at(text, start);
    let mut offset = 0;
    let mut previous = "";
    // Lines are walked one by one: the paragraph usually ends within a few, and collecting the
    // rest of the text first made every call cost the text's whole length (quadratic in a long
    // text with many comments).
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim();
        if offset > 0 && trimmed.is_empty() && inserted_control(previous, &rest[offset..]) {
            offset += line.len();
            continue;
        }
        if !trimmed.is_empty() && !controls::is_controls_caption(trimmed) {
            previous = trimmed;
        }
        if offset > 0
            && (trimmed.is_empty()
                || paragraph_start(trimmed)
                    .and_then(|p| p.number)
                    .is_some_and(|(_, next)| follows(number, next)))
        {
            return start + offset;
        }
        if let Some(dashes) = line.find(" --------") {
            return start + offset + dashes;
        }
        offset += line.len();
    }
    start + offset
}

/// Whether the blank line starting `from` only sets off a handling control the system put
/// into a sentence (`… LEFT-OF-CENTER` / blank / `SIPDIS` / blank / `LIBERATION AND …`): the
/// text before it is unfinished, the next text line is the control alone and text follows.
fn inserted_control(previous: &str, from: &str) -> bool {
    if previous.is_empty() || previous.ends_with(['.', '?', '!', '"', ':']) {
        return false;
    }
    let mut after = from
        .split_inclusive('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty());
    let control = after.next().is_some_and(controls::is_controls_caption);
    control
        && after
            .next()
            .is_some_and(|next| !controls::is_controls_caption(next))
}

/// The number of the paragraph whose line holds `at` in `text`, if it starts with one.
pub(crate) fn paragraph_number_at(text: &str, at: usize) -> Option<u32> {
    let line_start = text
        .get(..at)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |idx| idx + 1);
    let line = text.get(line_start..)?.trim_start();
    paragraph_start(line)?.number.map(|(_, value)| value)
}

/// Whether a number at the start of a line with no blank line before it numbers the paragraph
/// after the one numbered `current`: `2.` after `1.`, any number when `current` is not known.
/// Otherwise it is a number wrapped onto the line (`National Routes No. 2 and No.` / `4.  The`).
fn follows(current: Option<u32>, next: u32) -> bool {
    current.is_none_or(|current| next == current + 1)
}

/// Where the text of the first paragraph before `end` starts (after its number and marking).
pub(crate) fn first_paragraph_text(text: &str, end: usize) -> usize {
    let head = text.get(..end).unwrap_or("");
    let mut offset = 0;
    let mut first_text: Option<usize> = None;
    for line in head.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(start) = paragraph_start(trimmed).filter(|p| p.number.is_some()) {
            return offset + indent + start.text_start;
        }
        if first_text.is_none() && !trimmed.trim().is_empty() {
            first_text = Some(offset + indent);
        }
        offset += line.len();
    }
    first_text.unwrap_or(0)
}

/// Where the text of the first paragraph before `end` that starts with `word` and a blank
/// (after its number and marking) goes on after the word.
fn paragraph_headed_by(text: &str, upper: &str, word: &str, end: usize) -> Option<usize> {
    let mut offset = 0;
    let mut paragraph_starts = true;
    for line in upper.get(..end)?.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            paragraph_starts = true;
            offset += line.len();
            continue;
        }
        if paragraph_starts {
            let indent = line.len() - trimmed.len();
            let text_start = paragraph_start(trimmed).map_or(0, |start| start.text_start);
            let rest = trimmed.get(text_start..).unwrap_or("");
            if rest
                .strip_prefix(word)
                .is_some_and(|after| after.starts_with(' '))
            {
                return Some(skip_marking(
                    text,
                    offset + indent + text_start + word.len(),
                ));
            }
        }
        paragraph_starts = false;
        offset += line.len();
    }
    None
}
