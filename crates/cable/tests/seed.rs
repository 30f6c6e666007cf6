//! The seed cable, 08OTTAWA372 as copied from a scraped page, decomposed field by field. Every
//! span is checked against the text it must point at in the original, debris included.
#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::type_complexity)]

use cable::{Classification, Precedence, ReferenceKind};

const SEED: &str = include_str!("../../../corpus/seed/08OTTAWA372.txt");

fn source(span: cable::Span) -> &'static str {
    &SEED[span.range()]
}

#[test]
fn header() {
    let parse = cable::parse(SEED);
    cable::validate(SEED, &parse).expect("valid spans");
    let cable = &parse.cable;
    let id = cable.canonical_id.as_ref().expect("canonical ID");
    assert_eq!(id.value, "08OTTAWA372");
    assert_eq!(source(id.span), "OTTAWA 000372");

    let routing = cable.routing.as_ref().expect("routing header");
    assert_eq!(
        routing.transmission_id.as_ref().map(|f| f.value.as_str()),
        Some("VZCZCXRO5278")
    );
    assert_eq!(
        routing.station.as_ref().map(|f| f.value.as_str()),
        Some("RUEHOT")
    );
    assert_eq!(routing.station_serial.as_deref(), Some("372"));
    assert_eq!(
        routing.relay_indicators,
        ["RUEHGA", "RUEHHA", "RUEHHM", "RUEHPW", "RUEHQU", "RUEHVC"]
    );
    assert_eq!(routing.info_precedence, None);
    assert_eq!(routing.station_section, Some(1));
    assert_eq!(routing.filing_time.as_deref(), Some("074 1423"));
    assert!(
        !parse
            .diagnostics
            .iter()
            .any(|d| d.severity == cable::Severity::Warning),
        "{:#?}",
        parse.diagnostics
    );
    assert_eq!(
        routing.security.as_ref().map(|f| f.value),
        Some(Classification::Confidential)
    );
    assert_eq!(
        routing.precedence.as_ref().map(|f| f.value),
        Some(Precedence::Immediate)
    );
    let date_time = routing.date_time.as_ref().expect("date-time group");
    assert_eq!(date_time.value.to_string(), "2008-03-14 14:23Z");
    assert_eq!(source(date_time.span), "141423Z MAR 08");
    assert_eq!(
        routing.from.as_ref().map(|f| f.value.as_str()),
        Some("AMEMBASSY OTTAWA")
    );
    assert_eq!(routing.to.len(), 1);
    assert_eq!(routing.to[0].name, "SECSTATE WASHDC");
    assert_eq!(
        source(routing.to[0].span),
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 7513"
    );
    assert_eq!(routing.info.len(), 11);
    assert_eq!(
        routing.info[10].routing_indicator.as_deref(),
        Some("RUCNDT")
    );
    assert_eq!(routing.info[10].name, "USMISSION USUN NEW YORK");
    assert_eq!(routing.info[10].serial.as_deref(), Some("0391"));

    let line = cable.classification.as_ref().expect("classification line");
    assert_eq!(line.classification.value, Classification::Confidential);
    assert_eq!(source(line.classification.span), "C O N F I D E N T I A L");
    assert_eq!(line.section.as_ref().map(|f| f.value), Some((1, 2)));
    let captions: Vec<&str> = cable.captions.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(captions, ["SIPDIS", "NOFORN", "SIPDIS"]);
    assert!(cable
        .captions
        .iter()
        .all(|caption| caption.kind == cable::CaptionKind::Handling));
    let declassification = cable.declassification.as_ref().expect("E.O. line");
    assert_eq!(
        declassification.order.as_ref().map(cable::Field::as_str),
        Some("12958")
    );
    assert_eq!(
        declassification.decl.as_ref().map(cable::Field::as_str),
        Some("03/14/2018")
    );

    // TAGS come from inside link debris; each span is the bare code in the original.
    let tags: Vec<(&str, &str)> = cable
        .tags
        .iter()
        .map(|f| (f.value.as_str(), source(f.span)))
        .collect();
    assert_eq!(
        tags,
        [
            ("PARM", "PARM"),
            ("PREL", "PREL"),
            ("NATO", "NATO"),
            ("MOPS", "MOPS"),
            ("CA", "CA")
        ]
    );
    let subject = cable.subject.as_ref().expect("subject");
    assert_eq!(
        subject.value,
        "CANADA: DISCORD OVER OSLO PROCESS AND NATO INTEROPERABILITY"
    );
    assert_eq!(
        source(subject.span),
        "SUBJECT: CANADA: DISCORD OVER OSLO PROCESS AND NATO\nINTEROPERABILITY"
    );
    let classified_by = cable.classified_by.as_ref().expect("classified by");
    assert_eq!(
        classified_by.value,
        "PolMinCouns Scott Bellard, reasons 1.4 (b) and (d)."
    );
}

#[test]
fn references() {
    let parse = cable::parse(SEED);
    let found: Vec<(Option<&str>, &str, ReferenceKind, Option<&str>, &str)> = parse
        .cable
        .references
        .iter()
        .map(|r| {
            (
                r.letter.as_ref().map(cable::Field::as_str),
                r.text.as_str(),
                r.kind,
                r.canonical_id.as_deref(),
                source(r.span),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("A"),
                "STATE 24735",
                ReferenceKind::Cable,
                Some("08STATE24735"),
                "A. STATE 24735"
            ),
            (
                Some("B"),
                "E-MAIL BAKER-MATTEI MARCH 7",
                ReferenceKind::Email,
                None,
                "B. E-MAIL BAKER-MATTEI MARCH 7"
            ),
            (
                Some("C"),
                "FAX MATTEI-PICO MARCH 13",
                ReferenceKind::Fax,
                None,
                "C. FAX MATTEI-PICO MARCH 13"
            ),
            (
                Some("D"),
                "OTTAWA 258",
                ReferenceKind::Cable,
                Some("08OTTAWA258"),
                "D. OTTAWA 258"
            ),
            (
                Some("E"),
                "07 STATE 164503",
                ReferenceKind::Cable,
                Some("07STATE164503"),
                "E. 07 STATE 164503"
            ),
        ]
    );
}

#[test]
fn paragraphs_signature_and_notes() {
    let parse = cable::parse(SEED);
    let cable = &parse.cable;
    let numbers: Vec<(u32, &str, &str)> = cable
        .paragraphs
        .iter()
        .map(|p| {
            let number = p.number.as_ref().expect("numbered");
            (
                number.value,
                number.raw.as_str(),
                p.marking.as_ref().map_or("", |m| m.value.as_str()),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [
            (1, "1", "C/NF"),
            (2, "2", "C/NF"),
            (3, "3", "C/NF"),
            (4, "14", "C/NF"),
            (5, "15", "C/NF"),
            (6, "16", "C"),
            (7, "17", "C/NF")
        ]
    );
    let headings: Vec<Option<&str>> = cable
        .paragraphs
        .iter()
        .map(|p| p.heading.as_ref().map(|h| h.value.as_str()))
        .collect();
    assert_eq!(
        headings,
        [
            None,
            Some("DFAIT NATO Surprised"),
            Some("DND Committed to...Interoperability"),
            Some("HOD: Playing Both Sides Against Middle?"),
            None,
            None,
            Some("Comment")
        ]
    );
    // Paragraph 3 was split by a stray blank line and paragraph 6 by a page break: both whole.
    assert!(cable.paragraphs[2]
        .text
        .contains("LeBlanc promised to raise the matter directly"));
    assert!(cable.paragraphs[5]
        .text
        .contains("he would like to discuss with U.S. experts"));
    assert!(!cable.paragraphs[5].text.contains("00000372"));
    // Where the break was: before "to discuss with U.S. experts".
    let sixth = &cable.paragraphs[5];
    assert_eq!(sixth.breaks.len(), 1);
    assert!(sixth.text[sixth.breaks[0]..].starts_with("to discuss with U.S. experts"));
    assert!(cable
        .paragraphs
        .iter()
        .enumerate()
        .all(|(idx, p)| idx == 5 || p.breaks.is_empty()));
    assert!(source(cable.paragraphs[5].span).contains("OTTAWA 00000372 002 OF 002"));
    assert_eq!(cable.page_breaks.len(), 1);
    assert!(source(cable.paragraphs[0].span).starts_with("1. (C/NF) Summary:"));

    let signature = cable.signature.as_ref().expect("signature");
    assert_eq!(signature.value, "BREESE");
    assert_eq!(source(signature.span), "BREESE");
    assert!(cable
        .notes
        .iter()
        .any(|note| note.value.starts_with("Visit Canada,s Economy")));
    // The four renumbered paragraphs are each explained.
    let renumbered = parse
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("Read paragraph number"))
        .count();
    assert_eq!(renumbered, 4);
}

#[test]
fn markings_summary_comment_and_reading_aids() {
    let parse = cable::parse(SEED);
    let cable = &parse.cable;
    // Portion markings as structured data.
    let portions: Vec<(String, Option<cable::Classification>, Vec<String>)> = cable
        .paragraphs
        .iter()
        .map(|p| {
            let portion = p.portion.clone().expect("marked");
            (portion.level, portion.classification, portion.controls)
        })
        .collect();
    let confidential = Some(cable::Classification::Confidential);
    let noforn = || vec!["NOFORN".to_string()];
    assert_eq!(
        portions,
        [
            ("C".to_string(), confidential, noforn()),
            ("C".to_string(), confidential, noforn()),
            ("C".to_string(), confidential, noforn()),
            ("C".to_string(), confidential, noforn()),
            ("C".to_string(), confidential, noforn()),
            ("C".to_string(), confidential, Vec::new()),
            ("C".to_string(), confidential, noforn()),
        ]
    );
    // The summary is paragraph 1 up to `End summary`, without the markers.
    let summary = cable.summary.as_ref().expect("summary");
    assert!(summary
        .value
        .starts_with("Embassy discussions with Canadian officials"));
    assert!(summary.value.ends_with("merits continued close scrutiny."));
    assert!(source(summary.span).ends_with("merits continued close scrutiny."));
    assert!(cable.paragraphs[0].span.contains(summary.span));
    // The comment is paragraph 7, under its heading.
    assert_eq!(cable.comments.len(), 1);
    assert!(cable.paragraphs[6].span.contains(cable.comments[0].span));
    // The garble in paragraph 4: flagged, with the reading that drops the repeat.
    let aids = &cable.paragraphs[3].aids;
    assert_eq!(aids.len(), 1);
    let garble = &aids[0];
    assert_eq!(garble.kind, cable::AidKind::Garble);
    assert!(garble.raw.starts_with("Qpolicy, Turcotte responded"));
    assert_eq!(source(garble.span), garble.raw);
    let text = &cable.paragraphs[3].text;
    let reading = format!(
        "{}{}",
        &text[..garble.in_text.start],
        &text[garble.in_text.end..]
    );
    assert!(reading.ends_with(
        "national policy, Turcotte responded, \"my remarks to the plenary are what matter.\""
    ));
    assert!(parse
        .diagnostics
        .iter()
        .any(|d| d.message.starts_with("Transmission garble")));
    // No other paragraph has an aid; the trailer's `Canada,s` is a note, not a paragraph.
    assert!(cable
        .paragraphs
        .iter()
        .enumerate()
        .all(|(idx, p)| idx == 3 || p.aids.is_empty()));
    // Every reference's kind, and the cables cited.
    let kinds: Vec<cable::ReferenceKind> = cable.references.iter().map(|r| r.kind).collect();
    use cable::ReferenceKind::{Cable, Email, Fax};
    assert_eq!(kinds, [Cable, Email, Fax, Cable, Cable]);
    let cited: Vec<(&str, cable::YearSource)> = cable
        .references
        .iter()
        .flat_map(|r| r.cables.iter())
        .map(|c| (c.canonical_id.as_deref().unwrap_or(""), c.year_source))
        .collect();
    assert_eq!(
        cited,
        [
            ("08STATE24735", cable::YearSource::Cable),
            ("08OTTAWA258", cable::YearSource::Cable),
            ("07STATE164503", cable::YearSource::Written),
        ]
    );
    assert!(cable::validate(SEED, &parse).is_ok());
}

#[test]
fn text_that_is_not_a_cable_is_said_to_be_so() {
    for text in [
        "",
        "   \n\n",
        "Dear colleague, here are my notes from Tuesday.",
        "\u{0}\u{1}binary\u{ff}",
    ] {
        let parse = cable::parse(text);
        cable::validate(text, &parse).expect("valid spans");
        assert!(!parse.looks_like_cable(), "{text:?}");
    }
}
