//! Page furniture inside the body of old telegrams printed section by section: after a `PAGE 02 …`
//! line come the receiving office's action and distribution lines (`ACTION EUR-01`, `INFO
//! LOG-00 ADS-00 …`, `------------------89773D 151435Z /48`), and often the whole routing header
//! and classification line again, with the captions and the `E.O.`, `TAGS` and `SUBJECT` fields.
//! None of it is the cable's text; the paragraph it interrupts goes on after it.

use crate::lines::Line;
use crate::scan::classification::classification_line;
use crate::scan::date_time::date_time_group;
use crate::scan::paragraph::paragraph_start;

/// Lines from `idx` (a page line) that are furniture: the index of the first line after them.
pub(crate) fn section_header_end(lines: &[Line], cleaned: &str, idx: usize) -> usize {
    let mut end = idx + 1;
    let mut in_addressees = false;
    let mut after_classification = false;
    let mut in_subject = false;
    let mut j = idx + 1;
    while let Some(line) = lines.get(j) {
        let text = line.text(cleaned).trim();
        if line.is_blank() {
            // A blank line ends the repeated subject; elsewhere it is part of the furniture.
            if in_subject {
                return j;
            }
            j += 1;
            continue;
        }
        let upper = text.to_ascii_uppercase();
        let first = upper.split_whitespace().next().unwrap_or("");
        let furniture = if first == "ACTION"
            || is_distribution_line(&upper)
            || is_office_line(&upper)
        {
            true
        } else if date_time_line(text) || matches!(first, "FM" | "TO" | "INFO" | "XMT" | "BT") {
            in_addressees = matches!(first, "TO" | "INFO" | "XMT");
            true
        } else if classification_line(text).is_some() {
            in_addressees = false;
            after_classification = true;
            true
        } else if after_classification && starts_field(&upper) {
            in_subject = first.starts_with("SUBJ");
            true
        } else {
            in_subject
                || in_addressees && is_addressee_line(text)
                || after_classification && is_caption_line(text) && field_follows(lines, cleaned, j)
        };
        if !furniture {
            break;
        }
        j += 1;
        end = j;
    }
    end
}

/// `INFO  LOG-00   ADS-00   AMAD-01 …` and its continuation lines, `/053W`.
pub(crate) fn is_distribution_line(upper: &str) -> bool {
    let words: Vec<&str> = upper
        .split_whitespace()
        .filter(|word| *word != "INFO")
        .collect();
    !words.is_empty()
        && words.iter().all(|word| {
            let office = word.split_once('-').is_some_and(|(office, number)| {
                !office.is_empty()
                    && office.chars().all(|ch| ch.is_ascii_alphanumeric())
                    && number.len() == 2
                    && number.chars().all(|ch| ch.is_ascii_digit())
            });
            let count = word.starts_with('/')
                && word.ends_with('W')
                && word.len() >= 3
                && word
                    .get(1..word.len() - 1)
                    .is_some_and(|digits| digits.chars().all(|ch| ch.is_ascii_digit()));
            office || count
        })
}

/// `------------------89773D  151435Z /48`, `PTQ6974`, `CONFIDENTIAL     PTQ8384`.
pub(crate) fn is_office_line(upper: &str) -> bool {
    let trimmed = upper.trim();
    if trimmed.starts_with("-----") {
        return true;
    }
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let ptq = |word: &&str| {
        word.len() >= 6
            && word
                .get(..3)
                .is_some_and(|prefix| prefix.chars().all(|ch| ch.is_ascii_uppercase()))
            && word
                .get(3..)
                .is_some_and(|rest| rest.chars().all(|ch| ch.is_ascii_digit()))
    };
    !words.is_empty()
        && words.last().is_some_and(ptq)
        && words.len() <= 3
        && words
            .iter()
            .take(words.len() - 1)
            .all(|word| classification_line(word).is_some())
}

pub(crate) fn date_time_line(text: &str) -> bool {
    date_time_group(text).is_some_and(|(precedence, ..)| precedence.is_some())
}

/// An addressee line of an old header: capitals, no sentence.
pub(crate) fn is_addressee_line(text: &str) -> bool {
    text.len() <= 70
        && !text.chars().any(char::is_lowercase)
        && !text.ends_with('.')
        && paragraph_start(text).is_none()
}

pub(crate) fn is_caption_line(text: &str) -> bool {
    text.len() <= 100 && paragraph_start(text).is_none()
}

pub(crate) fn starts_field(upper: &str) -> bool {
    ["E.O.", "E. O.", "EO ", "TAGS", "SUBJECT", "SUBJ:", "REF"]
        .iter()
        .any(|keyword| upper.starts_with(keyword))
}

/// Whether an `E.O.`, `TAGS` or `SUBJECT` line comes within the next ten lines.
pub(crate) fn field_follows(lines: &[Line], cleaned: &str, idx: usize) -> bool {
    lines
        .iter()
        .skip(idx + 1)
        .take(10)
        .any(|line| starts_field(&line.text(cleaned).trim().to_ascii_uppercase()))
}
