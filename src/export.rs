//! What the page hands out: the parse as JSON (the `cable` CLI's shape, `docs/SCHEMA.md`), the
//! reading text, and the file name to save them under (`services` saves or copies them).

use std::fmt;

use cable::{AidKind, Parse};

/// Why the browser did not take what the page handed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportError {
    /// It would not save the file.
    NotSaved,
    /// It would not copy to the clipboard.
    NotCopied,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ExportError::NotSaved => "This browser would not save the file.",
            ExportError::NotCopied => "This browser would not copy to the clipboard.",
        })
    }
}

/// The parse as pretty JSON, as `cable parse --pretty` prints it (without `source`).
///
/// Writing the tree into a string cannot fail (its maps have string keys); should it, the
/// export says so in JSON without `serde_json`'s message, whose formatting (every parse and I/O
/// error's text) would otherwise be compiled into the page for nothing.
pub fn json(parse: &Parse) -> String {
    serde_json::to_string_pretty(parse)
        .unwrap_or_else(|_| String::from("{\"error\": \"the parse could not be written as JSON\"}"))
}

/// The cable as a reader wants to quote it: subject, then each paragraph with its number and
/// marking, reading aids applied (`POST'S`, `[redacted]`, garbles left out), then the signer.
pub fn reading_text(parse: &Parse) -> String {
    let cable = &parse.cable;
    let mut out = String::new();
    if let Some(id) = &cable.canonical_id {
        out.push_str(&id.value);
        out.push('\n');
    }
    if let Some(subject) = &cable.subject {
        out.push_str("SUBJECT: ");
        out.push_str(&subject.value);
        out.push_str("\n\n");
    }
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            out.push_str(&heading.value);
            out.push_str("\n\n");
        }
        if let Some(number) = &paragraph.number {
            out.push_str(&format!("{}. ", number.value));
        }
        if let Some(marking) = &paragraph.marking {
            out.push_str(&format!("({}) ", marking.value));
        }
        let mut at = 0;
        for aid in &paragraph.aids {
            if aid.in_text.start < at {
                continue;
            }
            out.push_str(paragraph.text.get(at..aid.in_text.start).unwrap_or(""));
            match aid.kind {
                AidKind::Garble => {}
                AidKind::Apostrophe | AidKind::Redaction => out.push_str(&aid.reading),
            }
            at = aid.in_text.end;
        }
        out.push_str(paragraph.text.get(at..).unwrap_or(""));
        out.push_str("\n\n");
    }
    if let Some(signature) = &cable.signature {
        out.push_str(&signature.value);
        out.push('\n');
    }
    out
}

/// A file name for the export: the canonical ID, else `cable`.
pub fn file_name(parse: &Parse, extension: &str) -> String {
    let stem = parse
        .cable
        .canonical_id
        .as_ref()
        .map_or("cable", |id| id.value.as_str());
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_text_applies_the_aids() {
        let parse = cable::parse(crate::samples::SEED_CABLE);
        let text = reading_text(&parse);
        assert!(text.starts_with("08OTTAWA372\nSUBJECT: CANADA: DISCORD OVER OSLO PROCESS"));
        assert!(text.contains("4. (C/NF) After listening to ref A points"));
        assert!(text.contains(
            "national policy, Turcotte responded, \"my remarks to the plenary are what matter.\""
        ));
        assert!(!text.contains("Qpolicy"));
        assert!(text.trim_end().ends_with("BREESE"));
        let json = json(&parse);
        assert!(json.contains("\"canonical_id\""));
        assert_eq!(file_name(&parse, "json"), "08OTTAWA372.json");
    }
}
