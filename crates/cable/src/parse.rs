//! The driver: runs the passes in order over one input and puts their results together.
//!
//! The passes never call one another: where one needs another's result (the header's `REF`
//! blocks read by the references pass; the body's text searched for cables it cites), the
//! driver hands it over here.

use crate::context::{Context, Options};
use crate::given::{Given, GivenId};
use crate::source::Cleaned;
use crate::span::Span;
use crate::tree::{Cable, Diagnostic, Parse};
use crate::{body, header, lines, references};

/// Parses the text of a cable. Never fails: see the crate documentation.
pub fn parse(input: &str) -> Parse {
    parse_with(input, Options::default())
}

/// Parses the text of a cable with context it may lack, such as its year.
///
/// ```
/// let snippet = "UNCLAS STATE 000123\n\nREF: A. ROME 456\n";
/// let parse = cable::parse_with(snippet, cable::Options::with_year(2009));
/// assert_eq!(parse.cable.canonical_id.map(|id| id.value).as_deref(), Some("09STATE123"));
/// assert_eq!(parse.cable.references[0].canonical_id.as_deref(), Some("09ROME456"));
/// ```
pub fn parse_with(input: &str, options: Options) -> Parse {
    let cleaned = Cleaned::new(input);
    let lines = lines::split(&cleaned.text);
    let mut diagnostics = Vec::new();
    let whole = Span::new(0, input.len());
    if cleaned.n_debris > 0 {
        diagnostics.push(Diagnostic::note(
            whole,
            format!(
                "Removed {} of web-page debris (link markup, pilcrows) before reading.",
                plural(cleaned.n_debris, "piece", "pieces")
            ),
        ));
    }
    if cleaned.n_line_breaks_restored > 0 {
        diagnostics.push(Diagnostic::note(whole, format!(
                "Put back {} that were missing (lines glued together, as in the first Cablegate release).",
                plural(cleaned.n_line_breaks_restored, "line break", "line breaks")
            )));
    }
    let mut cable = Cable {
        span: whole,
        ..Cable::default()
    };
    let caller_id = options.id.as_deref().and_then(GivenId::read);
    if let (Some(written), None) = (&options.id, &caller_id) {
        diagnostics.push(Diagnostic::warning(
            whole,
            format!("The ID given, {written:?}, is not a cable ID (year, station, serial: 08OTTAWA372), so it was not used."),
        ));
    }
    let given = Given {
        year: options.year,
        id: caller_id,
    }
    .or(cleaned.given.clone());
    let mut context = Context {
        cleaned: &cleaned,
        lines: &lines,
        diagnostics: &mut diagnostics,
        given,
    };
    // The header's fields stop above the signer's line, which a REF block or a subject running
    // on to the end of the text would otherwise take.
    let signer_line = body::signer_line(&lines, &cleaned.text).unwrap_or(lines.len());
    context.lines = lines.get(..signer_line).unwrap_or(&lines);
    let header = header::read(&mut context, &mut cable);
    context.lines = &lines;
    // What the cable says of itself dates what it cites, in the REF blocks and in the text.
    let own = references::OwnCable::of(
        context.cable_year(&cable),
        &cable,
        context.given.id.as_ref(),
    );
    for block in &header.reference_blocks {
        let items = references::read(&mut context, block, own.citing());
        cable.references.extend(items);
    }
    header::check(&mut context, &cable);
    if let Some(text) = body::read(&mut context, &mut cable, header.body_start) {
        cable.inline_citations = references::inline(&mut context, text, own.citing());
    }
    Parse {
        input_form: cleaned.form,
        cable,
        diagnostics,
    }
}

/// `1 piece`, `2 pieces`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
