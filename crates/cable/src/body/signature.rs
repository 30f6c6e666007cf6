//! The end of the body: the signer's name and the trailer lines a publisher or printer added.

use crate::lines::Line;
use crate::scan::classification::classification_line;
use crate::scan::controls;
use crate::scan::paragraph::is_page_break;

/// Lines a publisher, a printer or a web page added after the cable: release stamps and their
/// continuation (`Systematic Review 05 JUL 2006`), end-of-message marks (`NNNN`, `BT`), print
/// stamps (`1995ZAGREB04339 - Classification: CONFIDENTIAL`, `v1.6.2`), communications-center
/// notes (`NOTE BY OC/T: …`), a lone classification or handling word, punctuation left alone.
pub(crate) fn is_trailer_line(text: &str) -> bool {
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
        || upper == "BT"
        || upper.trim_end_matches('.') == "MINIMIZE CONSIDERED";
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
    // A transmission's filler: one letter four or five times (`AAAA`), as `NNNN` is.
    let filler = (4..=5).contains(&upper.len())
        && upper.bytes().all(|b| b.is_ascii_uppercase())
        && upper.bytes().all(|b| Some(b) == upper.bytes().next());
    // A page's number glued to its classification (`UNCLASSIFIED1`).
    let numbered_classification = {
        let word = upper.trim_end_matches(|ch: char| ch.is_ascii_digit());
        word.len() < upper.len()
            && matches!(
                word,
                "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET" | "LIMITED OFFICIAL USE"
            )
    };
    // A print stamp cut short: `2003VATICA01124`, `2003ZAGREB0` (year, station, serial).
    let cut_print_stamp = !upper.contains(' ')
        && upper.len() >= 7
        && upper.bytes().take(4).all(|byte| byte.is_ascii_digit())
        && (upper.starts_with("19") || upper.starts_with("20"))
        && upper.as_bytes().get(4).is_some_and(u8::is_ascii_uppercase)
        && upper.bytes().all(|byte| byte.is_ascii_alphanumeric());
    // What a web page left of a line it cut: `ED`, `od` after `Wood`, `me` after `La Lime`.
    let fragment = (1..=3).contains(&trimmed.len())
        && trimmed.chars().all(|ch| ch.is_ascii_alphabetic())
        && (trimmed.len() <= 2 || !trimmed.chars().any(|ch| ch.is_ascii_uppercase()));
    // A printer's footer: the station and the serial in eight digits (`STATE   00195704`).
    let station_and_serial = match upper.split_whitespace().collect::<Vec<_>>().as_slice() {
        [station, serial] => {
            station.bytes().all(|b| b.is_ascii_uppercase())
                && serial.len() == 8
                && serial.starts_with('0')
                && serial.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
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
    let caption = controls::is_control(&upper);
    starts
        || review_stamp
        || end_marks
        || filler
        || fragment
        || cut_print_stamp
        || numbered_classification
        || station_and_serial
        || print_stamp
        || version
        || no_letters
        || caption
        || classification_line(text).is_some_and(|parts| parts.origin.is_none())
}

/// The index of the signer's line among all the text's `lines`, when the text ends (past trailer
/// lines and a center's note) with a name on a line of its own under a finished sentence of a
/// paragraph at least two lines long. The driver stops the header's fields above it: a `REF`
/// block or a subject that runs on to the end of a text cut short (a partial extract whose
/// body is only the referenced cable's note) leaves the signer to the body.
pub(crate) fn signer_line(lines: &[Line], cleaned: &str) -> Option<usize> {
    let mut end = lines.len();
    loop {
        let last = lines.get(..end)?.last()?;
        let text = last.text(cleaned);
        if last.is_blank() || is_page_break(text) || is_trailer_line(text) {
            end -= 1;
        } else if let Some(at) = note_under_signer(lines.get(..end)?, cleaned) {
            end = at;
        } else {
            break;
        }
    }
    let idx = end.checked_sub(1)?;
    signature_name(lines.get(idx)?.text(cleaned))?;
    let mut above = lines
        .get(..idx)?
        .iter()
        .rev()
        .filter(|line| !line.is_blank())
        .map(|line| line.text(cleaned).trim_end());
    let last_sentence = above.next()?;
    let _line_before_it = above.next()?;
    last_sentence
        .ends_with(['.', '!', '?', '"', ')'])
        .then_some(idx)
}

/// A communications center's note under the signer (`NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)`,
/// `NOTE BY DO/CC: … OMISSION …` and its second line `CORRECTION TO FOLLOW.`): in the body's
/// last `lines` (trailer lines taken off), the index of the note's first line, when the note is
/// at most three lines long and the line above it, past trailer lines, is a signer's.
pub(crate) fn note_under_signer(lines: &[Line], cleaned: &str) -> Option<usize> {
    let mut n_seen = 0;
    for (idx, line) in lines.iter().enumerate().rev() {
        let text = line.text(cleaned).trim();
        if text.is_empty() {
            continue;
        }
        n_seen += 1;
        if n_seen > 3 {
            return None;
        }
        if !is_center_note(text) {
            continue;
        }
        let above = lines
            .get(..idx)?
            .iter()
            .rev()
            .map(|above| above.text(cleaned))
            .find(|above| !above.trim().is_empty() && !is_trailer_line(above))?;
        let signed = signature_name(above).is_some() || signed_at_line_end(above).is_some();
        return signed.then_some(idx);
    }
    None
}

/// A note the communications center typed under a cable, in capitals: `NOTE: …`, `NOTE BY …`.
fn is_center_note(text: &str) -> bool {
    let capitals = !text.chars().any(char::is_lowercase);
    let upper = text.to_ascii_uppercase();
    capitals
        && ["NOTE:", "NOTE :", "NOTE BY"]
            .iter()
            .any(|start| upper.starts_with(start))
}

/// Whether a line closes the text before the signer without a sentence's mark: `MINIMIZE
/// CONSIDERED`, `UNQUOTE` (the end of a quoted cable).
pub(crate) fn closes_the_text(text: &str) -> bool {
    let upper = text
        .trim()
        .trim_end_matches(['.', ':'])
        .to_ascii_uppercase();
    ["MINIMIZE CONSIDERED", "UNQUOTE", "UNQTE", "END QUOTE"]
        .iter()
        .any(|close| upper.ends_with(close))
}

/// Where a signer's name is at the end of a line that ends a sentence, as a range in the line:
/// one or two words in capitals, or one capitalised word, after the sentence's last mark
/// (`…CONSIDERED.  EAGLETON`, `…plane.  MEECE.`; `…the Act.  Cellucci`, set off by two blanks
/// as typists set a signature; in text whose line breaks were lost, `…END COMMENT. GFOELLER`,
/// `…Munich. Murphy`).
pub(crate) fn signed_at_line_end(text: &str) -> Option<(usize, usize)> {
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
        let written = trimmed.get(at..).unwrap_or("");
        // A full stop after a one-word signer is no part of it (`MEECE.`).
        let name = written
            .strip_suffix('.')
            .filter(|bare| n_words == 1 && !bare.ends_with('.'))
            .unwrap_or(written);
        let before = trimmed.get(..at).unwrap_or("").trim_end();
        let n_blanks_before = trimmed.get(..at).unwrap_or("").len() - before.len();
        // A declassification code between the last sentence and the signer: `GP-3 SACCIO`.
        let before = match before.rsplit_once(' ') {
            Some((head, code))
                if code.starts_with("GP-") || code == "GDS" || code.starts_with("XGDS") =>
            {
                head.trim_end()
            }
            _ => before,
        };
        let after_sentence =
            before.ends_with(['.', '?', '!', '"', '*', ')', '”']) || closes_the_text(before);
        let capitals = !name.chars().any(char::is_lowercase);
        // A capitalised word (`Murphy`) only where line breaks were lost (a long line) or set
        // off by two blanks.
        let capitalised_word = n_words == 1
            && (trimmed.len() > 80 || n_blanks_before >= 2)
            && name.len() >= 3
            && name.starts_with(|ch: char| ch.is_uppercase())
            && name.chars().skip(1).all(char::is_lowercase);
        let ok = after_sentence
            && (capitals || capitalised_word)
            && name.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            && !name
                .to_ascii_uppercase()
                .split_whitespace()
                .any(|word| COMMON_WORDS.contains(&word))
            && signature_name(name) == Some(name);
        if ok {
            return Some((at, at + name.len()));
        }
    }
    None
}

/// A one-word name written again right after itself, as a web page's copy does
/// (`DRUCKERDRUCKER`, `PalmerALMER`): the name once.
fn without_its_echo(name: &str) -> &str {
    if name.contains(' ') || !name.is_ascii() {
        return name;
    }
    let upper = name.to_ascii_uppercase();
    (4..upper.len())
        .find(|&at| {
            let (first, echo) = upper.split_at(at);
            echo.len() >= 3 && echo.len() + 1 >= first.len() && first.ends_with(echo)
        })
        .and_then(|at| name.get(..at))
        .unwrap_or(name)
}

/// Capitalised words that end sentences and are no signer.
pub(crate) const COMMON_WORDS: &[&str] = &[
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
    "HOWEVER",
    "MEANWHILE",
    "THERE",
    "THESE",
    "THEN",
    "POST",
    "THANKS",
];

/// A signer's name: one to four words of letters, e.g. `BREESE`, `SOBEL`, `Wilkins`, `DUNNIGAN/`,
/// `HORAN##`, `MCNAMARA.`.
pub(crate) fn signature_name(text: &str) -> Option<&str> {
    // Marks a typist or a web page left around it: `#Palmer`, `DUNNIGAN/`, `HORAN##`.
    let name = text
        .trim()
        .trim_start_matches('#')
        .trim_start()
        .trim_end_matches(['-', '/', '_', '=', ' ', '#']);
    // A full stop after a one-word name is dropped (`MCNAMARA.`).
    let name = name
        .strip_suffix('.')
        .filter(|bare| !bare.contains(' '))
        .unwrap_or(name);
    let name = without_its_echo(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters_only = name
        .chars()
        .all(|ch| ch.is_alphabetic() || matches!(ch, ' ' | '.' | '-' | '\''));
    let shouting = !name.chars().any(char::is_lowercase);
    let upper = name.to_ascii_uppercase();
    // Words that end a text but are no name: an end mark, a classification, a control, an
    // addressee's precedence or post (`PRIORITY USMISSION GENEVA` in routing lines a web page
    // put at the end).
    let is_phrase = upper.split_whitespace().any(|word| {
        let word = word.trim_matches('.');
        matches!(
            word,
            "END"
                | "COMMENT"
                | "SUMMARY"
                | "UNCLASSIFIED"
                | "CONFIDENTIAL"
                | "SECRET"
                | "PRIORITY"
                | "IMMEDIATE"
                | "ROUTINE"
                | "WASHDC"
                | "AMEMBASSY"
                | "AMCONSUL"
                | "USMISSION"
                | "CLASSIFIED"
                | "PARAGRAPH"
        ) || controls::is_control(word)
    });
    // Words after which a signer comes (`MINIMIZE CONSIDERED`), and a sentence of more than one
    // word (`JE VOUS REMERCIE.`), are no name.
    let sentence = words.len() > 1 && name.ends_with('.');
    // A signer's surname has three letters or more; `Y` and `ED` are what is left of a line.
    let n_letters = name.chars().filter(|ch| ch.is_alphabetic()).count();
    (!words.is_empty()
        && n_letters >= 3
        && words.len() <= 4
        && name.len() <= 40
        && letters_only
        && !is_phrase
        && !sentence
        && !closes_the_text(name)
        && (shouting || words.len() <= 2))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    /// The signer and the notes of `body`, written under a classification line.
    fn check(body: &str, expect: Expect) {
        let input = format!("UNCLAS STATE 195704\n\nSUBJECT: A TEST\n\n{body}");
        let options = crate::Options::with_year(2004);
        crate::testing::check_with(&input, options, &["signature", "notes"], expect);
    }

    #[test]
    fn reads_the_signer_above_a_communications_center_note() {
        check(
            "1.  THE TEXT.\n\nINDYK\n\nNOTE: NOT PASSED TO ABOVE ADDRESSEE(S)\n",
            expect![[r#"
                signature 53..58 = "INDYK"
                notes[0] 60..98 = "NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)"
            "#]],
        );
        check(
            "1.  THE TEXT.  QUAINTON\nNOTE BY DO/CC:  (##) POSSIBLE OMISSION.\n   CORRECTION TO FOLLOW.\n",
            expect![[r#"
                signature 53..61 = "QUAINTON"
                notes[0] 62..101 = "NOTE BY DO/CC:  (##) POSSIBLE OMISSION."
                notes[1] 105..126 = "CORRECTION TO FOLLOW."
            "#]],
        );
        // A note in the text, under no signer, is the text's.
        check(
            "1.  THE TEXT.\n\nNOTE: POST WILL REPORT.\n",
            expect![[r#""#]],
        );
    }

    #[test]
    fn reads_the_signer_after_the_last_sentence() {
        check(
            "1. (U) The plan fell apart.  MEECE.\n",
            expect![[r#"
                signature 67..72 = "MEECE"
            "#]],
        );
        check(
            "1. (U) We see no reason to act.  Cellucci\n",
            expect![[r#"
                signature 71..79 = "Cellucci"
            "#]],
        );
        // One blank after the sentence: the next sentence's first word.
        check("1. (U) We see no reason. Cellucci\n", expect![[r#""#]]);
    }

    #[test]
    fn leaves_what_a_page_left_under_the_signer() {
        check(
            "1. (U) The text.\n\nWood\nod\n",
            expect![[r#"
                signature 56..60 = "Wood"
                notes[0] 61..63 = "od"
            "#]],
        );
        check(
            "1. THE TEXT.\nCLOUD\nUNCLASSIFIED1\nSIPDIS\nED\n",
            expect![[r#"
                signature 51..56 = "CLOUD"
                notes[0] 57..70 = "UNCLASSIFIED1"
                notes[1] 71..77 = "SIPDIS"
                notes[2] 78..80 = "ED"
            "#]],
        );
        check(
            "1. THE TEXT.\nPOWELL\nNNNN\n   STATE   00195704\n",
            expect![[r#"
                signature 51..57 = "POWELL"
                notes[0] 58..62 = "NNNN"
                notes[1] 66..82 = "STATE   00195704"
            "#]],
        );
        check(
            "1. The text.\n#Palmer\n",
            expect![[r#"
            signature 52..58 = "Palmer"
        "#]],
        );
        // Addressees a page put at the end are no signer.
        check(
            "1. THE TEXT.\nPRIORITY USMISSION GENEVA\n",
            expect![[r#""#]],
        );
    }

    #[test]
    fn reads_the_signer_after_a_closing_line_without_a_stop() {
        check(
            "1. PLEASE REPLY.  UNQTE: MINIMIZE CONSIDERED\nTALBOTT\n",
            expect![[r#"
                signature 83..90 = "TALBOTT"
            "#]],
        );
        check(
            "1. THE CIRCLE WILL SURVIVE.  WALKER\nUNQUOTE BAKER\nCONFIDENTIAL\n",
            expect![[r#"
                signature 82..87 = "BAKER"
                notes[0] 88..100 = "CONFIDENTIAL"
            "#]],
        );
    }

    #[test]
    fn reads_the_signer_under_a_page_header_or_a_rule() {
        check(
            "1. THE GOVERNMENT WILL NOT CHANGE ITS POSITION.\nPAGE 04        ZAGREB  00523  02 OF 02  111303Z\nROSSIN\n",
            expect![[r#"
                signature 134..140 = "ROSSIN"
            "#]],
        );
        check(
            "1. THE TEXT.\n//////////////////////\nPLEASE DISREGARD CABLE WILL BE SENT WITH\nNEW NUMBERS\n//////////////////////\nHOLTZ\n",
            expect![[r#"
                signature 150..155 = "HOLTZ"
            "#]],
        );
    }

    #[test]
    fn takes_no_closing_words_for_a_signer() {
        check(
            "1. THE TEXT.\nUNQUOTE\nALBRIGHT\nMINIMIZE CONSIDERED\n",
            expect![[r#"
                signature 59..67 = "ALBRIGHT"
                notes[0] 68..87 = "MINIMIZE CONSIDERED"
            "#]],
        );
        check("1. MES VOEUX.\n\nJE VOUS REMERCIE.\n", expect![[r#""#]]);
        check(
            "1. The text.\n\nMISSING CLASSIFIED PARAGRAPH\n",
            expect![[r#""#]],
        );
    }

    #[test]
    fn reads_a_signer_written_twice_once() {
        check(
            "1. The text.\n\nDRUCKERDRUCKER\n",
            expect![[r#"
            signature 52..59 = "DRUCKER"
        "#]],
        );
        check(
            "1. The text.\n\nPalmerALMER\n",
            expect![[r#"
            signature 52..58 = "Palmer"
        "#]],
        );
        check(
            "1. The text.\n\nMOON\n 2003ZAGREB0\n",
            expect![[r#"
            signature 52..56 = "MOON"
            notes[0] 58..69 = "2003ZAGREB0"
        "#]],
        );
    }

    #[test]
    fn reads_the_signer_under_a_reference_block_that_runs_to_the_end() {
        check(
            "REF: SECSTATE 100878\n\n(U) Poloff delivered the demarche.  Al Hajiri said he\nwould pass the message to New York.\nMONROE\n",
            expect![[r#"
                signature 150..156 = "MONROE"
            "#]],
        );
    }
}
