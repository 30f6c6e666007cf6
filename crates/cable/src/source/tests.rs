//! The source pass through `check`: the cleaned text, line by line, beside what each line was
//! read from in the input.

use expect_test::{expect, Expect};

use super::Cleaned;

/// The input's form and what was removed or put back, then each line of the cleaned text with
/// its span in the input, and the input there when it differs.
fn check(input: &str, expect: Expect) {
    let cleaned = Cleaned::new(input);
    let mut shown = format!(
        "form={} debris={} restored={}\n",
        cleaned.form.as_str(),
        cleaned.n_debris,
        cleaned.n_line_breaks_restored
    );
    let mut start = 0;
    for line in cleaned.text.split('\n') {
        let span = cleaned.span(start, start + line.len());
        let written = input.get(span.range()).unwrap_or("<not in the input>");
        shown.push_str(&format!("{}..{} {line:?}", span.start, span.end));
        if written != line {
            shown.push_str(&format!(" <- {written:?}"));
        }
        shown.push('\n');
        start += line.len() + 1;
    }
    expect.assert_eq(&shown);
}

#[test]
fn removes_link_debris_but_keeps_link_text() {
    check(
        "TAGS: [PARM](#) [PREL](#)\n[1](#)1. Text",
        expect![[r#"
        form=plain debris=3 restored=0
        0..21 "TAGS: PARM PREL" <- "TAGS: [PARM](#) [PREL"
        32..39 "1. Text"
    "#]],
    );
    check(
        "[1](#)1. (C) Text\n[1](#)B. E-MAIL\n",
        expect![[r#"
        form=plain debris=2 restored=0
        6..17 "1. (C) Text"
        24..33 "B. E-MAIL"
        34..34 ""
    "#]],
    );
    check(
        "\u{b6}2. (C) Text\n",
        expect![[r#"
        form=plain debris=1 restored=0
        2..13 "2. (C) Text"
        14..14 ""
    "#]],
    );
    check(
        "see [1](#) here\n[not a link] (x)",
        expect![[r#"
        form=plain debris=1 restored=0
        0..15 "see 1 here" <- "see [1](#) here"
        16..32 "[not a link] (x)"
    "#]],
    );
}

#[test]
fn reads_html_pages() {
    check(
        "<code><pre>TAGS: <a href='/tag/PREL_0.html'>PREL</a>&#x000A;SUBJECT: A &amp; B</pre></code>",
        expect![[r#"
            form=html debris=0 restored=0
            11..48 "TAGS: PREL" <- "TAGS: <a href='/tag/PREL_0.html'>PREL"
            60..78 "SUBJECT: A & B" <- "SUBJECT: A &amp; B"
        "#]],
    );
    check(
        "<pre><a id='par1' href='#par1'>\u{b6}</a>1. (C) Text</pre>",
        expect![[r#"
        form=html debris=1 restored=0
        37..48 "1. (C) Text"
    "#]],
    );
    check(
        "a<br>b",
        expect![[r#"
        form=html debris=0 restored=0
        0..1 "a"
        5..6 "b"
    "#]],
    );
}

#[test]
fn reads_cables_csv_records() {
    check(
        r#""1289","9/23/2000 15:10","00ATHENS1501","Embassy Athens","UNCLASSIFIED","","FM AMEMBASSY ATHENS
","UNCLAS ATHENS 001501 \"QUOTED\" HAMAS\' LEADERS""#,
        expect![[r#"
            form=csv_record debris=0 restored=0
            76..95 "FM AMEMBASSY ATHENS"
            96..96 ""
            96..96 ""
            99..146 "UNCLAS ATHENS 001501 \"QUOTED\" HAMAS' LEADERS" <- "UNCLAS ATHENS 001501 \\\"QUOTED\\\" HAMAS\\' LEADERS"
        "#]],
    );
}

#[test]
fn reads_cables_csv_records_written_as_a_spreadsheet_writes_them() {
    check(
        r#""1289","9/23/2000 15:10","00ATHENS1501","Embassy Athens","UNCLASSIFIED","","FM AMEMBASSY ATHENS
","UNCLAS ATHENS 001501 ""QUOTED"" HAMAS' LEADERS \ ""\""""#,
        expect![[r#"
            form=csv_record debris=0 restored=0
            76..95 "FM AMEMBASSY ATHENS"
            96..96 ""
            96..96 ""
            99..153 "UNCLAS ATHENS 001501 \"QUOTED\" HAMAS' LEADERS \\ \"\\\"" <- "UNCLAS ATHENS 001501 \"\"QUOTED\"\" HAMAS' LEADERS \\ \"\"\\\"\""
        "#]],
    );
}

#[test]
fn reads_json_records() {
    check(
        r#"{"id": "X", "header": "FM AMEMBASSY ATHENS\r\n", "content": "UNCLAS ATHENS 001501\n\n\u00b61. \"QUOTED\" caf\u00e9 \ud83d\ude00 a\/b"}"#,
        expect![[r#"
            form=json_record debris=1 restored=0
            23..44 "FM AMEMBASSY ATHENS\r" <- "FM AMEMBASSY ATHENS\\r"
            46..46 ""
            46..46 ""
            61..81 "UNCLAS ATHENS 001501"
            83..83 ""
            91..132 "1. \"QUOTED\" café 😀 a/b" <- "1. \\\"QUOTED\\\" caf\\u00e9 \\ud83d\\ude00 a\\/b"
        "#]],
    );
    // A list of records: the first is read. The text before the header: read in file order.
    check(
        r#"[{"content": "1. Text", "header": "FM X"}, {"content": "other"}]"#,
        expect![[r#"
        form=json_record debris=0 restored=0
        14..21 "1. Text"
        21..21 ""
        35..39 "FM X"
    "#]],
    );
    // Braces without a record's strings are text.
    check(
        r#"{"name": "not a cable"}"#,
        expect![[r#"
        form=plain debris=0 restored=0
        0..23 "{\"name\": \"not a cable\"}"
    "#]],
    );
}

#[test]
fn restores_a_glued_routing_header() {
    check(
        "VZCZCXYZ0015OO RUEHWEBDE RUEHRL #0242 0371748ZNY SSSSS ZZHO 061748Z FEB 07FM AMEMBASSY BERLINTO SECSTATE WASHDC IMMEDIATE 6940INFO RUEHZG/NATO EU COLLECTIVE PRIORITYRUEHBUL/AMEMBASSY KABUL PRIORITY 0564",
        expect![[r#"
            form=plain debris=0 restored=8
            0..12 "VZCZCXYZ0015"
            12..22 "OO RUEHWEB"
            22..45 "DE RUEHRL #0242 0371748"
            45..58 "ZNY SSSSS ZZH"
            58..74 "O 061748Z FEB 07"
            74..93 "FM AMEMBASSY BERLIN"
            93..126 "TO SECSTATE WASHDC IMMEDIATE 6940"
            126..165 "INFO RUEHZG/NATO EU COLLECTIVE PRIORITY"
            165..202 "RUEHBUL/AMEMBASSY KABUL PRIORITY 0564"
        "#]],
    );
}

#[test]
fn restores_glued_header_fields() {
    check(
        "S E C R E T BERLIN 000242  SIPDIS  NOFORN SIPDIS  E.O. 12958: DECL: 02/06/2017 TAGS: KJUS PTER GMSUBJECT: AL-MASRI CASE  REF: A. BERLIN 230       \u{b6}B. BERLIN 200  Classified By: DCM John M. Koenig  \u{b6}1.  (S/NF) In a February 6 discussion.  \u{b6}2. (C) More.",
        expect![[r#"
            form=plain debris=3 restored=11
            0..27 "S E C R E T BERLIN 000242  "
            27..35 "SIPDIS  "
            35..42 "NOFORN "
            42..50 "SIPDIS  "
            50..79 "E.O. 12958: DECL: 02/06/2017 "
            79..97 "TAGS: KJUS PTER GM"
            97..121 "SUBJECT: AL-MASRI CASE  "
            121..146 "REF: A. BERLIN 230       "
            148..163 "B. BERLIN 200  "
            163..198 "Classified By: DCM John M. Koenig  "
            200..240 "1.  (S/NF) In a February 6 discussion.  "
            242..254 "2. (C) More."
        "#]],
    );
    // In a JSON record too, where the first release kept it.
    check(
        r#"{"content": "S E C R E T BERLIN 000242  SIPDIS  E.O. 12958: DECL: 02/06/2017 TAGS: KJUS PTER GMSUBJECT: AL-MASRI CASE  \u00b61. (S/NF) Text."}"#,
        expect![[r#"
            form=json_record debris=1 restored=5
            13..40 "S E C R E T BERLIN 000242  "
            40..48 "SIPDIS  "
            48..77 "E.O. 12958: DECL: 02/06/2017 "
            77..95 "TAGS: KJUS PTER GM"
            95..119 "SUBJECT: AL-MASRI CASE  "
            125..140 "1. (S/NF) Text."
        "#]],
    );
}

#[test]
fn unglues_a_classification_line_from_an_addressee() {
    check(
        "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVEC O N F I D E N T I A L SECTION 01 OF 02 MADRID 000049",
        expect![[r#"
            form=plain debris=0 restored=1
            0..41 "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE"
            41..95 "C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000049"
        "#]],
    );
}

#[test]
fn leaves_ordinary_lines_alone() {
    check(
        "1. (C) The SECRET police arrested E.O. TAGS: people.\nSUBJECT: X\n",
        expect![[r#"
        form=plain debris=0 restored=0
        0..52 "1. (C) The SECRET police arrested E.O. TAGS: people."
        53..63 "SUBJECT: X"
        64..64 ""
    "#]],
    );
    check(
        "<pre>S E C R E T BERLIN 000242 &#x000A;&#x000A;SIPDIS &#x000A;E.O. 12958: DECL: 02/06/2017 &#x000A;TAGS: KJUS PTER GM &#x000A;SUBJECT: AL-MASRI CASE AND MORE TEXT HERE</pre>",
        expect![[r#"
            form=html debris=0 restored=0
            5..31 "S E C R E T BERLIN 000242 "
            39..39 ""
            47..54 "SIPDIS "
            62..91 "E.O. 12958: DECL: 02/06/2017 "
            99..118 "TAGS: KJUS PTER GM "
            126..167 "SUBJECT: AL-MASRI CASE AND MORE TEXT HERE"
        "#]],
    );
}
