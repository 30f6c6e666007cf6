//! The classification line (`C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372`) as a
//! recogniser: the header reads the cable's own, the body tells page furniture and another
//! cable's line by it.

use crate::scan::controls;
use crate::scan::words::tokens;
use crate::tree::Classification;

/// The parts of a classification line, as offsets into the line.
pub(crate) struct ClassificationParts {
    pub(crate) classification: Classification,
    /// End of the classification word(s) in the line.
    pub(crate) classification_end: usize,
    /// The line starts with an `UNCLASSIFIED` downgrade stamp before the original marking.
    pub(crate) downgraded: bool,
    pub(crate) controls: Vec<String>,
    pub(crate) section: Option<(usize, usize, u32, u32)>,
    pub(crate) origin: Option<(usize, usize)>,
    pub(crate) serial: Option<(usize, usize)>,
}

/// Recognises `C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372` and its relatives.
///
/// The whole line must parse: classification, controls, section, origin and serial, each optional
/// after the first; a sentence that merely starts with `SECRET` is not a classification line.
pub(crate) fn classification_line(text: &str) -> Option<ClassificationParts> {
    // Every classification starts with one of these letters; most lines are rejected here.
    if !text.starts_with(['U', 'C', 'S', 'L', 'T', 'u', 'c', 's', 'l', 't']) {
        return None;
    }
    // Cheaply, before any copy: the line must start with a classification word or its spaced
    // letters (`C O N…`, `CO N…`).
    let head: [u8; 4] = {
        let mut head = [b' '; 4];
        for (slot, byte) in head.iter_mut().zip(text.bytes()) {
            *slot = byte.to_ascii_uppercase();
        }
        head
    };
    let plausible = matches!(
        &head,
        b"UNCL" | b"CONF" | b"SECR" | b"LIMI" | b"TOP " | b"TOPS"
    ) || head[1] == b' '
        || head[2] == b' ' && head[0].is_ascii_alphabetic() && head[1].is_ascii_alphabetic();
    if !plausible {
        return None;
    }
    // A lower-cased copy (`S e c r e t state 015220`) is read like the original when its
    // classification is spaced out, which no sentence is.
    let spaced = text.as_bytes().get(1) == Some(&b' ') && text.as_bytes().get(3) == Some(&b' ');
    let upper;
    let text = if spaced {
        upper = text.to_ascii_uppercase();
        upper.as_str()
    } else {
        text
    };
    let tokens = tokens(text);
    let (classification, mut controls, n_tokens) = leading_classification(&tokens)?;
    let classification_end = tokens.get(n_tokens.checked_sub(1)?)?.1;
    let mut rest = tokens.get(n_tokens..).unwrap_or(&[]);
    // Controls written as separate words: `SECRET NOFORN`, `CONFIDENTIAL //NOFORN`.
    while let Some((&(_, _, token), tail)) = rest.split_first() {
        let bare = token.trim_start_matches('/').trim_end_matches(',');
        // `UNCLAS E F T O`: a control spelled out in spaced letters.
        let n_letters = rest
            .iter()
            .take_while(|(_, _, letter)| letter.len() == 1)
            .count();
        let spelled: String = rest
            .iter()
            .take(n_letters)
            .map(|(_, _, letter)| *letter)
            .collect();
        if n_letters >= 3 && controls::is_control(&spelled) {
            controls.push(spelled);
            rest = rest.get(n_letters..).unwrap_or(&[]);
            continue;
        }
        if token.starts_with("//") || controls::is_control(bare) {
            controls.extend(
                bare.split('/')
                    .filter(|part| !part.is_empty())
                    .map(str::to_string),
            );
            rest = tail;
        } else {
            break;
        }
    }
    // `UNCLASSIFIED LIMITED OFFICIAL USE`: a downgrade stamp over the marking the cable was sent
    // with, which is the classification; `UNCLASSIFIED FOR OFFICIAL USE ONLY`: a control.
    let mut classification = classification;
    let mut classification_end = classification_end;
    let mut downgraded = false;
    if classification == Classification::Unclassified {
        let words: Vec<&str> = rest.iter().take(4).map(|&(_, _, word)| word).collect();
        if words.starts_with(&["LIMITED", "OFFICIAL", "USE"]) {
            classification = Classification::LimitedOfficialUse;
            classification_end = rest.get(2).map_or(classification_end, |token| token.1);
            downgraded = true;
            rest = rest.get(3..).unwrap_or(&[]);
        } else if words.starts_with(&["FOR", "OFFICIAL", "USE", "ONLY"]) {
            controls.push("FOR OFFICIAL USE ONLY".to_string());
            rest = rest.get(4..).unwrap_or(&[]);
        }
    }
    let mut parts = ClassificationParts {
        classification,
        downgraded,
        classification_end,
        controls,
        section: None,
        origin: None,
        serial: None,
    };
    if let [(start, _, "SECTION"), (_, _, this), (_, _, "OF"), (_, end, count), tail @ ..] = rest {
        if let (Ok(this), Ok(count)) = (this.parse(), count.parse()) {
            parts.section = Some((*start, *end, this, count));
            rest = tail;
        }
    }
    // Travel series numbers after the serial (`STATE 183691 TOSEC 140193`) are not the origin's.
    if let [head @ .., (_, _, series), (_, _, number)] = rest {
        if matches!(*series, "TOSEC" | "SECTO" | "TOAID" | "AIDTO")
            && number.chars().all(|ch| ch.is_ascii_digit())
        {
            rest = head;
        }
    }
    // What is left is the origin's words and the serial, or nothing.
    match rest {
        [] => Some(parts),
        [origin @ .., (serial_start, serial_end, serial)] => {
            let is_word = |word: &str| {
                !word.is_empty()
                    && word
                        .chars()
                        .all(|ch| ch.is_ascii_uppercase() || ch == '-' || ch == '.')
            };
            let (first, last) = (origin.first()?, origin.last()?);
            let fits = origin.len() <= 4
                && origin.iter().all(|(_, _, word)| is_word(word))
                && serial.len() >= 2
                && serial.chars().all(|ch| ch.is_ascii_digit());
            fits.then(|| {
                parts.origin = Some((first.0, last.1));
                parts.serial = Some((*serial_start, *serial_end));
                parts
            })
        }
    }
}

/// A token before and after its first `//`, found a byte at a time: most tokens are a few
/// letters, and have none.
fn split_controls(token: &str) -> Option<(&str, &str)> {
    let at = token.as_bytes().windows(2).position(|pair| pair == b"//")?;
    Some((token.get(..at)?, token.get(at + 2..)?))
}

/// The classification at the start of a line, written as words or spaced letters: the
/// classification, controls glued on with `//`, and how many tokens it took.
pub(crate) fn leading_classification<'a>(
    tokens: &[(usize, usize, &'a str)],
) -> Option<(Classification, Vec<String>, usize)> {
    let head = |token: &'a str| split_controls(token).map_or(token, |(head, _)| head);
    let tail = |token: &str| -> Vec<String> {
        split_controls(token).map_or(Vec::new(), |(_, tail)| {
            tail.split('/')
                .filter(|part| !part.is_empty())
                .map(str::to_string)
                .collect()
        })
    };
    // Spaced letters, one of which may have lost its space (`CO N F I D E N T I A L`).
    let mut n_pairs = 0;
    let n_letters = tokens
        .iter()
        .take_while(|(_, _, token)| {
            let head = head(token);
            n_pairs += usize::from(head.len() == 2);
            (1..=2).contains(&head.len())
                && n_pairs <= 1
                && head.chars().all(|ch| ch.is_ascii_uppercase())
        })
        .count();
    let letters: String;
    let (word, n_tokens) = if n_letters >= 3 {
        letters = tokens
            .get(..n_letters)?
            .iter()
            .map(|(_, _, token)| head(token))
            .collect();
        (letters.as_str(), n_letters)
    } else {
        // The first three words, joined without a copy: `LIMITED OFFICIAL USE`, `TOP SECRET`.
        let mut words = [""; 3];
        for (word, (_, _, token)) in words.iter_mut().zip(tokens) {
            *word = head(token);
        }
        let joined_is = |n: usize, whole: &str| {
            tokens.len() >= n
                && words
                    .get(..n)
                    .and_then(|words| {
                        words
                            .iter()
                            .try_fold(whole, |rest, word| rest.strip_prefix(word))
                    })
                    .is_some_and(str::is_empty)
        };
        if joined_is(3, "LIMITEDOFFICIALUSE") {
            ("LIMITEDOFFICIALUSE", 3)
        } else if joined_is(2, "TOPSECRET") {
            ("TOPSECRET", 2)
        } else {
            let [first, ..] = words;
            (first, 1)
        }
    };
    // Spaced letters may run on into a control: `S E C R E T N O F O R N`.
    const CLASSIFICATIONS: [(&str, Classification); 6] = [
        ("UNCLASSIFIED", Classification::Unclassified),
        ("UNCLAS", Classification::Unclassified),
        ("LIMITEDOFFICIALUSE", Classification::LimitedOfficialUse),
        ("CONFIDENTIAL", Classification::Confidential),
        ("TOPSECRET", Classification::TopSecret),
        ("SECRET", Classification::Secret),
    ];
    let (classification, spelled_control) =
        CLASSIFICATIONS.iter().find_map(|(name, classification)| {
            let rest = word.strip_prefix(name)?;
            let control_ok =
                rest.is_empty() || (n_letters >= 3 && controls::is_dissemination(rest));
            control_ok.then(|| (*classification, rest.to_string()))
        })?;
    let last = tokens.get(n_tokens.checked_sub(1)?)?.2;
    let mut controls = tail(last);
    if !spelled_control.is_empty() {
        controls.insert(0, spelled_control);
    }
    Some((classification, controls, n_tokens))
}
