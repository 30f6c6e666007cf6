//! `Classified By:` → names, title and reasons.
//!
//! The line is free text written by hundreds of officers: `Acting Deputy Chief of Mission Marc
//! Wall for Reasons 1.4 (b) and (d)`, `ROBERT P. FINN, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D)`,
//! `CDA Kelly A. Keiderling under 1.4 (b) and (d)`. The name is the run of name-like words just
//! before the reasons (or before the first comma, when a title follows it).

use crate::glossary;
use crate::header::titles::{is_after_name, is_title_word, REASON_MARKERS};
use crate::span::Span;
use crate::tree::Classifier;

/// Reads who classified the cable and why from `raw`, the text after `Classified By` written at
/// `span`.
pub(crate) fn read(span: Span, raw: &str) -> Classifier {
    let text = join_lines(raw);
    // `Classified By: Classified by …`, `Classified By: ADANA 222 … Classified by DCM …`: the
    // last `classified by` starts the real text.
    let text = match text.to_lowercase().rfind("classified by") {
        Some(at) => text.get(at + "classified by".len()..).unwrap_or(""),
        None => text.as_str(),
    };
    let text = text.trim_start_matches([':', ' ']);
    // A transmission garble (`for reQ#8$UQ8ML#C may choke …`) ends what can be read.
    let text = match text.find(['#', '$', '@', '{', '}', '\\', '~', '`', '=', '|', '^']) {
        Some(at) => {
            let word_start = text.get(..at).and_then(|head| head.rfind(' ')).unwrap_or(0);
            text.get(..word_start).unwrap_or(text)
        }
        None => text,
    };
    let lower = text.to_lowercase();
    // The reasons start at a marker word or at the section number (`1.4`), whichever is first.
    let section_at = section_number_at(text);
    let reasons_at = REASON_MARKERS
        .iter()
        .filter_map(|marker| lower.find(marker))
        .chain(section_at)
        .min()
        .unwrap_or(text.len());
    let (who, why) = text.split_at(floor_char_boundary(text, reasons_at));
    // `DCM/Ted Osius`, `AMB:RCROCKER`: a title glued to the name; `EUR/PRA`, `SCA/DAS`: one
    // office.
    let who = without_remarks(who);
    let who = split_glued_titles(&who);
    let who = first_sentence(strip_reason_words(who.trim()));
    let who = with_suffix_stop(
        who,
        who.trim()
            .trim_end_matches([',', '.', ';', ':', '-', ' ', '/']),
    );
    let who = who.as_str();
    let (names, title) = if who.chars().any(char::is_uppercase) {
        names_and_title(who)
    } else {
        // `cda stephen g. mcfarland`: written all in lower case, its words are read as if
        // capitalised, and given back as written.
        let (names, title) = names_and_title(&capitalised(who));
        let lower = |text: String| text.to_lowercase();
        (names.into_iter().map(lower).collect(), title.map(lower))
    };
    Classifier {
        span,
        raw: raw.to_string(),
        names,
        title: title.map(|title| title.replace(" / ", "/")),
        reasons: reasons(why),
    }
}

/// A name as a reader writes it: an all-capitals name in title case (`THOMAS W. SIMONS, JR.` →
/// `Thomas W. Simons, Jr.`, `MCELDOWNEY` → `McEldowney`, `O'NEILL` → `O'Neill`), and a zero typed
/// for the letter O in an initial (`LEE 0. COLDREN` → `Lee O. Coldren`). Misspellings stay.
///
/// ```
/// assert_eq!(cable::normalize_name("THOMAS W. SIMONS, JR."), "Thomas W. Simons, Jr.");
/// assert_eq!(cable::normalize_name("LEE 0. COLDREN"), "Lee O. Coldren");
/// assert_eq!(cable::normalize_name("Nancy McEldowney"), "Nancy McEldowney");
/// ```
pub fn normalize_name(name: &str) -> String {
    let shouting = !name.chars().any(char::is_lowercase);
    let words: Vec<String> = name
        .split(' ')
        .map(|word| {
            let word = if is_initial(word) {
                word.replace('0', "O")
            } else {
                word.to_string()
            };
            let bare = word.trim_end_matches([',', '.']);
            if !shouting || is_initial(&word) || matches!(bare, "II" | "III" | "IV") {
                return word;
            }
            title_case(&word)
        })
        .collect();
    words.join(" ")
}

/// `MCELDOWNEY` → `McEldowney`, `O'NEILL` → `O'Neill`, `SMITH-JONES` → `Smith-Jones`.
pub(crate) fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut capital_next = true;
    for ch in word.chars() {
        if capital_next {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        capital_next = matches!(ch, '-' | '\'') || (out == "Mc" && ch == 'C');
    }
    out
}

/// `who` without remarks in brackets (`Gene A. Cretz (Releasable to Former NEA A/S Richard
/// Murphy)`): a bracket of two words or more says something about the cable or the name, and
/// names in it are not the classifier's. A one-word bracket (`(U)`, `(Acting)`) stays.
pub(crate) fn without_remarks(who: &str) -> String {
    let mut out = String::with_capacity(who.len());
    let mut rest = who;
    while let Some(open) = rest.find('(') {
        let (before, from_open) = rest.split_at(open);
        let close = from_open
            .find(')')
            .map_or(from_open.len(), |close| close + 1);
        let (bracket, after) = from_open.split_at(close);
        out.push_str(before);
        if bracket.split_whitespace().count() < 2 {
            out.push_str(bracket);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `trimmed`, the classifier's words without their last stop, given back its stop when it ends
/// in `Jr.` or `Sr.` as written in `who` (`RSO THOMAS F. GREY JR., REASON 1.4`).
fn with_suffix_stop(who: &str, trimmed: &str) -> String {
    let last = trimmed.rsplit(' ').next().unwrap_or("");
    let stopped = who
        .get(trimmed.len()..)
        .is_some_and(|after| after.starts_with('.'));
    if stopped && matches!(last.to_ascii_uppercase().as_str(), "JR" | "SR") {
        format!("{trimmed}.")
    } else {
        trimmed.to_string()
    }
}

/// Puts spaces around a `/` or `:` that glues a title to a name, not inside an office code
/// (`EUR/PRA`: capitals of at most four letters after the slash).
pub(crate) fn split_glued_titles(who: &str) -> String {
    let mut out = String::with_capacity(who.len() + 8);
    for (idx, ch) in who.char_indices() {
        if ch == ':' || ch == '/' {
            let next: String = who
                .get(idx + 1..)
                .unwrap_or("")
                .chars()
                .take_while(|ch| ch.is_alphanumeric())
                .collect();
            let office = ch == '/'
                && (1..=4).contains(&next.chars().count())
                && next.chars().all(|ch| ch.is_ascii_uppercase());
            if !office {
                out.push_str(&format!(" {ch} "));
                continue;
            }
        }
        out.push(ch);
    }
    out
}

/// Joins the field's lines with spaces, except where a word was broken across the line end
/// (`Ambassador Richa` / `rd Hoagland`, `Hoyt Y` / `ee`, `for r` / `easons`).
pub(crate) fn join_lines(raw: &str) -> String {
    const SHORT_WORDS: [&str; 16] = [
        "a", "an", "of", "to", "by", "in", "at", "on", "or", "as", "is", "it", "be", "we", "he",
        "and",
    ];
    let mut joined = String::new();
    for line in raw.lines().map(str::trim).filter(|line| !line.is_empty()) {
        let last = joined.split_whitespace().last().unwrap_or("");
        let first = line.split_whitespace().next().unwrap_or("");
        let first_bare = first.trim_end_matches([',', '.', ';', ':']);
        let fragment = |word: &str| {
            (1..=2).contains(&word.chars().count())
                && word.chars().all(char::is_alphabetic)
                && !SHORT_WORDS.contains(&word.to_lowercase().as_str())
        };
        // `Charles O. Blah` / `a, E.O. 12958`: a short word glued to a comma after a name.
        let name_tail = first.len() > first_bare.len()
            && first_bare.chars().count() <= 2
            && last.starts_with(char::is_uppercase)
            && last.chars().count() >= 3;
        // `Michael Galla` / `gher.`: a name's end alone before the full stop.
        let capitalised =
            last.starts_with(char::is_uppercase) && last.chars().skip(1).all(char::is_lowercase);
        let name_end = first.ends_with('.')
            && capitalised
            && first_bare.chars().all(char::is_lowercase)
            && !SHORT_WORDS.contains(&first_bare);
        let broken = !joined.is_empty()
            && first.starts_with(char::is_lowercase)
            && last.ends_with(char::is_alphabetic)
            && (fragment(last) || fragment(first_bare) || name_tail || name_end);
        if !joined.is_empty() && !broken {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    joined
}

/// Whether `text` gives classification reasons: a section number (`1.4 (b)`) or the word
/// `reason`.
pub(crate) fn states_reasons(text: &str) -> bool {
    section_number_at(text).is_some() || text.to_lowercase().contains("reason")
}

/// Where `1.4`, `1.5`, `1. 4` or `1.4(b)` starts, if anywhere.
pub(crate) fn section_number_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&at| {
        let before_ok = at == 0
            || bytes
                .get(at - 1)
                .is_some_and(|byte| !byte.is_ascii_alphanumeric());
        let digits: Vec<u8> = bytes
            .get(at..(at + 6).min(bytes.len()))
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|byte| !byte.is_ascii_whitespace())
            .collect();
        before_ok
            && digits.first() == Some(&b'1')
            && digits.get(1) == Some(&b'.')
            && digits
                .get(2)
                .is_some_and(|digit| (b'2'..=b'7').contains(digit))
    })
}

/// Words of the reason clause left before the section number, including pieces of `reasons`
/// split across a line break (`for re asons`, `f or reasons`, `under Se ction`).
pub(crate) fn strip_reason_words(who: &str) -> &str {
    const REASON_WORDS: [&str; 22] = [
        "for", "f", "or", "re", "r", "rea", "reas", "asons", "easons", "reasons", "reason",
        "resons", "rasons", "per", "under", "section", "se", "ction", "e.o", "e.o.", "12958",
        "(acting)",
    ];
    let mut rest = who;
    loop {
        let trimmed = rest.trim_end().trim_end_matches([',', '.', ';', ':']);
        let Some((head, last)) = trimmed.rsplit_once(char::is_whitespace) else {
            return rest;
        };
        let bare = last.trim_matches([',', '.', ';', ':']).to_lowercase();
        if REASON_WORDS.contains(&bare.as_str()) {
            rest = head;
        } else {
            return rest;
        }
    }
}

/// Up to the first full stop that ends a word rather than an initial: `TOM MCDONALD. CONFIDENTIAL`.
/// A stop typed after a given name that an initial and a surname follow (`Hans. H. Hertell`)
/// ends no sentence.
pub(crate) fn first_sentence(who: &str) -> &str {
    let mut offset = 0;
    let words: Vec<&str> = who.split_inclusive(char::is_whitespace).collect();
    for (idx, word) in words.iter().enumerate() {
        offset += word.len();
        let bare = word.trim_end();
        let next = |ahead: usize| {
            words
                .iter()
                .skip(idx + 1)
                .map(|word| word.trim_end())
                .filter(|word| !word.is_empty())
                .nth(ahead)
                .unwrap_or("")
        };
        let initial_and_surname = || {
            is_initial(next(0))
                && next(1).starts_with(char::is_uppercase)
                && !is_title_word(next(1))
        };
        if bare.ends_with('.')
            && !is_initial(bare)
            && !is_title_word(bare)
            && !is_suffix(bare)
            && bare.len() > 3
            && !initial_and_surname()
        {
            return who.get(..offset).unwrap_or(who);
        }
    }
    who
}

pub(crate) fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at.min(text.len())
}

/// An initial such as `F.`, `S.K.`, `0.` (a zero for an O).
pub(crate) fn is_initial(word: &str) -> bool {
    word.ends_with('.')
        && word.len() <= 5
        && word.trim_end_matches('.').split('.').all(|part| {
            part.chars().count() == 1 && part.chars().all(|ch| ch.is_uppercase() || ch == '0')
        })
}

/// `Jr` → `Jr.`; `III` stays.
pub(crate) fn with_dot(suffix: &str) -> String {
    let bare = suffix.trim_end_matches(['.', ',']);
    if matches!(bare.to_ascii_uppercase().as_str(), "JR" | "SR") {
        format!("{bare}.")
    } else {
        bare.to_string()
    }
}

pub(crate) fn is_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.'])
            .to_ascii_uppercase()
            .as_str(),
        "JR" | "SR" | "II" | "III" | "IV"
    )
}

/// A word that can be part of a name: capitalised, all capitals, an initial or a suffix.
pub(crate) fn is_name_word(word: &str) -> bool {
    let bare = word.trim_end_matches([',', ';']);
    // `A.I.` (ad interim) has the shape of initials but is a title.
    let initial = is_initial(bare) && !(bare.len() > 2 && is_title_word(bare));
    !bare.is_empty()
        && (initial || !is_title_word(bare))
        && (initial || is_suffix(bare) || bare.chars().next().is_some_and(char::is_uppercase))
}

/// Each word with its first letter in capitals (ASCII only, so that byte offsets stay).
fn capitalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for ch in text.chars() {
        out.push(if word_start {
            ch.to_ascii_uppercase()
        } else {
            ch
        });
        word_start = ch.is_whitespace();
    }
    out
}

pub(crate) fn names_and_title(who: &str) -> (Vec<String>, Option<String>) {
    // `ROBERT P. FINN, DEPUTY CHIEF OF MISSION`, `THOMAS W. SIMONS, JR., AMBASSADOR`: a name
    // first, then a comma and a title.
    let mut parts = who.splitn(3, ',').map(str::trim);
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    let first_words: Vec<&str> = first.split_whitespace().collect();
    // `susan keogh, consul general, Quebec`: a name typed in lower case before a title.
    let lower_case_name = !first.chars().any(char::is_uppercase)
        && first_words.iter().all(|word| {
            !is_title_word(word) && word.chars().all(|ch| ch.is_alphabetic() || ch == '.')
        })
        && second.is_some_and(|title| {
            let mut words = title.split_whitespace().peekable();
            words.peek().is_some() && words.all(is_title_word)
        });
    let name_first = first_words.iter().all(|word| is_name_word(word)) || lower_case_name;
    if (2..=5).contains(&first_words.len()) && name_first {
        let mut name = first.to_string();
        let mut rest: Vec<&str> = Vec::new();
        match second {
            Some(suffix) if is_suffix(suffix) => name.push_str(&format!(", {}", with_dot(suffix))),
            Some(title) => rest.push(title),
            None => {}
        }
        rest.extend(parts);
        let title = rest.join(", ");
        let title = title.trim().trim_end_matches(['.', ',']).to_string();
        return (vec![name], (!title.is_empty()).then_some(title));
    }
    // Otherwise the name is the run of name words at the end of a clause: the first clause that
    // has one (`Political Minister Counselor, Brian Flora`).
    let clauses: Vec<&str> = who.split(',').map(str::trim).collect();
    for (idx, clause) in clauses.iter().enumerate() {
        let mut words: Vec<&str> = clause.split_whitespace().collect();
        // `ECON Kenneth Merten as confidential`: words that follow a name are not it.
        // So are lower-case remnants of a garble (`CDA Roberto Powers a.y`).
        let garbled = |word: &str| {
            !word.chars().any(char::is_uppercase)
                && word.chars().any(char::is_lowercase)
                && !is_suffix(word)
                && word
                    .chars()
                    .any(|ch| !(ch.is_alphabetic() || ch == '\'' || ch == '-'))
        };
        while words.len() > 1
            && words
                .last()
                .is_some_and(|word| is_after_name(word) || garbled(word))
        {
            words.pop();
        }
        let mut start = words.len();
        // `POLOff Mitch benedict`: a surname typed in lower case after a given name.
        let lower_surname = words.len() >= 2
            && words.last().is_some_and(|word| {
                word.chars()
                    .all(|ch| ch.is_lowercase() || ch == '\'' || ch == '-')
                    && word.chars().count() >= 3
                    && !is_title_word(word)
            })
            && words
                .get(words.len() - 2)
                .is_some_and(|word| is_name_word(word) && !is_initial(word));
        if lower_surname {
            start -= 1;
        }
        while start > 0 && words.get(start - 1).is_some_and(|word| is_name_word(word)) {
            start -= 1;
        }
        // A single letter without a dot is the end of a word broken across lines (`AFFAIR S`).
        while words
            .get(start)
            .is_some_and(|word| word.chars().count() == 1 && start + 1 < words.len())
        {
            start += 1;
        }
        // `AMBASSADOR TO SUDAN TIMOTHY CARNEY`, `DAS for Central Asia George Krol`: the place
        // of a title is not part of the name that follows it.
        let after_connector = start > 0
            && words.get(start - 1).is_some_and(|word| {
                matches!(word.to_lowercase().as_str(), "to" | "for" | "of" | "and")
            });
        if after_connector {
            let real = |from: usize| {
                words
                    .get(from..)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|word| !is_initial(word) && !is_suffix(word))
                    .count()
            };
            while real(start) > 2
                && words
                    .get(start)
                    .is_some_and(|word| glossary::is_place_word(word))
            {
                start += 1;
            }
        }
        let name_words = words.get(start..).unwrap_or(&[]);
        let n_real_words = name_words
            .iter()
            .filter(|word| !is_initial(word) && !is_suffix(word))
            .count();
        if n_real_words == 0 {
            continue;
        }
        let mut name = name_words.join(" ");
        if let Some(suffix) = clauses.get(idx + 1).filter(|next| is_suffix(next)) {
            name.push_str(&format!(", {}", with_dot(suffix)));
        }
        let mut title_parts: Vec<String> = clauses
            .get(..idx)
            .unwrap_or(&[])
            .iter()
            .map(|part| part.to_string())
            .collect();
        title_parts.push(words.get(..start).unwrap_or(&[]).join(" "));
        let title = title_parts.join(", ");
        let title = title
            .trim_start_matches("(U)")
            .trim()
            .trim_matches([',', '-', ' '])
            .to_string();
        return (vec![name], (!title.is_empty()).then_some(title));
    }
    (Vec::new(), (!who.is_empty()).then(|| who.to_string()))
}

/// `1.4 (b) and (d)`, `1.4(B,D)`, `1.5 (b/d)`, `1. 4 (b)(d)`, `1.4 b and d` → `["1.4(b)", "1.4(d)"]`.
pub(crate) fn reasons(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    // The first section number: `1`, `.`, a digit 2–7, spaces allowed between.
    let skip_spaces = |mut idx: usize| {
        while chars.get(idx).is_some_and(|ch| ch.is_whitespace()) {
            idx += 1;
        }
        idx
    };
    let section = (0..chars.len()).find_map(|at| {
        let before_ok = at == 0 || chars.get(at - 1).is_some_and(|ch| !ch.is_alphanumeric());
        if !before_ok || chars.get(at) != Some(&'1') {
            return None;
        }
        let dot = skip_spaces(at + 1);
        (chars.get(dot) == Some(&'.')).then_some(())?;
        let digit_at = skip_spaces(dot + 1);
        let digit = *chars.get(digit_at)?;
        ('2'..='7')
            .contains(&digit)
            .then(|| (format!("1.{digit}"), digit_at + 1))
    });
    let Some((section, after)) = section else {
        return Vec::new();
    };
    let mut letters = Vec::new();
    for idx in after..chars.len() {
        let Some(&ch) = chars.get(idx) else { break };
        let before = idx
            .checked_sub(1)
            .and_then(|before| chars.get(before))
            .copied();
        let next = chars.get(idx + 1).copied();
        let standalone =
            !before.is_some_and(char::is_alphabetic) && !next.is_some_and(char::is_alphabetic);
        if standalone && ('a'..='h').contains(&ch) && !letters.contains(&ch) {
            letters.push(ch);
        }
        // The next section number ends this one's letters.
        if ch == '.'
            && chars
                .get(skip_spaces(idx + 1))
                .is_some_and(char::is_ascii_digit)
        {
            break;
        }
    }
    letters
        .into_iter()
        .map(|letter| format!("{section}({letter})"))
        .collect()
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    /// The classifier read from `Classified By: {text}` under a classification line.
    fn check(text: &str, expect: Expect) {
        let input = format!("UNCLAS STATE 000001\n\nClassified By: {text}\n");
        let options = crate::Options::with_year(2004);
        crate::testing::check_with(&input, options, &["classifier"], expect);
    }

    #[test]
    fn a_remark_in_brackets_is_not_the_name() {
        check(
            "Charge D'Affaires Gene A. Cretz\n(Releasable to Former NEA A/S Richard Murphy)",
            expect![[r#"
                classifier 36..113 "Charge D'Affaires Gene A. Cretz\n(Releasable to Former NEA A/S Richard Murphy)" names=["Gene A. Cretz"] title="Charge D'Affaires"
            "#]],
        );
        check(
            "(U) Ambassador John Smith (Acting), reasons 1.4 (b)",
            expect![[r#"
                classifier 36..87 "(U) Ambassador John Smith (Acting), reasons 1.4 (b)" names=["John Smith"] title="Ambassador" reasons=[1.4(b)]
            "#]],
        );
    }

    #[test]
    fn a_stop_after_a_given_name_ends_no_sentence() {
        check(
            "Ambassador Hans. H. Hertell, reasons 1.5(b) and (d).",
            expect![[r#"
                classifier 36..88 "Ambassador Hans. H. Hertell, reasons 1.5(b) and (d)." names=["Hans. H. Hertell"] title="Ambassador" reasons=[1.5(b), 1.5(d)]
            "#]],
        );
        check(
            "TOM MCDONALD. CONFIDENTIAL",
            expect![[r#"
            classifier 36..62 "TOM MCDONALD. CONFIDENTIAL" names=["TOM MCDONALD"]
        "#]],
        );
    }

    #[test]
    fn a_suffix_keeps_its_stop() {
        check(
            "RSO THOMAS F. GREY JR., REASON 1.4",
            expect![[r#"
            classifier 36..70 "RSO THOMAS F. GREY JR., REASON 1.4" names=["THOMAS F. GREY JR."] title="RSO"
        "#]],
        );
    }

    #[test]
    fn a_rank_is_a_title() {
        check(
            "Col. Michael Ryan, USEU Defense Advisor for reasons 1.4 (b)",
            expect![[r#"
                classifier 36..95 "Col. Michael Ryan, USEU Defense Advisor for reasons 1.4 (b)" names=["Michael Ryan"] title="Col." reasons=[1.4(b)]
            "#]],
        );
        check(
            "DATT/ARMA - COL JOSEPH H. DAVES, USA,\nREASON, 1.5 (B) AND (D).",
            expect![[r#"
            classifier 36..98 "DATT/ARMA - COL JOSEPH H. DAVES, USA,\nREASON, 1.5 (B) AND (D)." names=["JOSEPH H. DAVES"] title="DATT/ARMA - COL" reasons=[1.5(b), 1.5(d)]
        "#]],
        );
        check(
            "SECRETARY OF STATE MADELEINE K. ALBRIGHT\nREASON: 1.5 (B) AND (D).",
            expect![[r#"
            classifier 36..101 "SECRETARY OF STATE MADELEINE K. ALBRIGHT\nREASON: 1.5 (B) AND (D)." names=["MADELEINE K. ALBRIGHT"] title="SECRETARY OF STATE" reasons=[1.5(b), 1.5(d)]
        "#]],
        );
    }
}
