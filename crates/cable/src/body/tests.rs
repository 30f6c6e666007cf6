//! The body pass through `check`: what it gives for a text, not how.

use expect_test::{expect, Expect};

/// What the body pass gives: every member of the cable it fills.
fn check(input: &str, expect: Expect) {
    let members = [
        "paragraphs",
        "page_breaks",
        "summary",
        "comments",
        "signature",
        "notes",
    ];
    crate::testing::check(input, &members, expect);
}

/// The body members of `body` written under a classification line, in a cable of 2008.
fn check_body(body: &str, expect: Expect) {
    let input = format!("C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372\n\n{body}");
    let members = ["paragraphs", "page_breaks", "signature", "notes"];
    let options = crate::Options::with_year(2008);
    crate::testing::check_with(&input, options, &members, expect);
}

#[test]
fn reads_numbers_and_portion_markings() {
    check(
        "1. (C/NF) Summary: text",
        expect![[r#"
        paragraphs[0] 0..23 level=C classification=CONFIDENTIAL controls=[NOFORN] text="Summary: text"
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].marking 4..8 = "C/NF"
        summary 19..23 = "text"
    "#]],
    );
    check(
        "(SBU) Text",
        expect![[r#"
        paragraphs[0] 0..10 level=SBU classification=UNCLASSIFIED//FOR OFFICIAL USE ONLY text="Text"
        paragraphs[0].marking 1..4 = "SBU"
    "#]],
    );
    check(
        "12. Text",
        expect![[r#"
        paragraphs[0] 0..8 text="Text"
        paragraphs[0].number 0..2 "12" = 12
    "#]],
    );
    check(
        "1998 was a year",
        expect![[r#"
        paragraphs[0] 0..15 text="1998 was a year"
    "#]],
    );
    check(
        "(Our preferred option is to delete)",
        expect![[r#"
        paragraphs[0] 0..35 text="(Our preferred option is to delete)"
    "#]],
    );
}

#[test]
fn mends_pilcrow_numbers_by_the_sequence() {
    // `¶4` copied as `14`: read as 4, with a note.
    check(
        "3. Text.\n\n14. Next.\n",
        expect![[r#"
        paragraphs[0] 0..8 text="Text."
        paragraphs[0].number 0..1 "3" = 3
        paragraphs[1] 10..19 text="Next."
        paragraphs[1].number 10..12 "14" = 4
        diagnostics[0] 10..12 note: Read paragraph number 14 as 4: a pilcrow (¶) copied as "1" before the number, as the sequence shows.
    "#]],
    );
    // 11 after 10 and a first paragraph 11 are what they say.
    check(
        "10. Text.\n\n11. Next.\n",
        expect![[r#"
        paragraphs[0] 0..9 text="Text."
        paragraphs[0].number 0..2 "10" = 10
        paragraphs[1] 11..20 text="Next."
        paragraphs[1].number 11..13 "11" = 11
    "#]],
    );
    check(
        "11. Text.\n",
        expect![[r#"
        paragraphs[0] 0..9 text="Text."
        paragraphs[0].number 0..2 "11" = 11
    "#]],
    );
}

#[test]
fn removes_page_breaks() {
    for (line, expect) in [
        (
            "OTTAWA 00000372 002 OF 002",
            expect![[r#"
            paragraphs[0] 56..108 breaks=[12] text="Text before and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 110..118 text="Last."
            paragraphs[1].number 110..111 "2" = 2
            page_breaks[0] 71..97
        "#]],
        ),
        (
            "C O N F I D E N T I A L SECTION 02 OF 02 OTTAWA 000372",
            expect![[r#"
            paragraphs[0] 56..136 breaks=[12] text="Text before and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 138..146 text="Last."
            paragraphs[1].number 138..139 "2" = 2
            page_breaks[0] 71..125
        "#]],
        ),
        (
            "DUBAI 00000049 001.2 OF 003",
            expect![[r#"
            paragraphs[0] 56..109 breaks=[12] text="Text before and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 111..119 text="Last."
            paragraphs[1].number 111..112 "2" = 2
            page_breaks[0] 71..98
        "#]],
        ),
        (
            "\tOTTAWA  00000372\t002 OF 002 ",
            expect![[r#"
            paragraphs[0] 56..111 breaks=[12] text="Text before and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 113..121 text="Last."
            paragraphs[1].number 113..114 "2" = 2
            page_breaks[0] 72..99
        "#]],
        ),
        (
            "   PAGE 03 STATE 228772 012054Z",
            expect![[r#"
            paragraphs[0] 56..113 breaks=[12] text="Text before and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 115..123 text="Last."
            paragraphs[1].number 115..116 "2" = 2
            page_breaks[0] 74..102
        "#]],
        ),
    ] {
        check_body(
            &format!("1. Text before\n{line}\nand after.\n\n2. Last.\n"),
            expect,
        );
    }
}

#[test]
fn keeps_lines_that_only_look_like_page_breaks() {
    for (line, expect) in [
        (
            "The vote was 12 OF 15",
            expect![[r#"
            paragraphs[0] 56..103 text="Text before The vote was 12 OF 15 and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 105..113 text="Last."
            paragraphs[1].number 105..106 "2" = 2
        "#]],
        ),
        (
            "OTTAWA 00000372 002 OFF 002",
            expect![[r#"
            paragraphs[0] 56..109 text="Text before OTTAWA 00000372 002 OFF 002 and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 111..119 text="Last."
            paragraphs[1].number 111..112 "2" = 2
        "#]],
        ),
        (
            "OTTAWA 00000372 002 002",
            expect![[r#"
            paragraphs[0] 56..105 text="Text before OTTAWA 00000372 002 002 and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 107..115 text="Last."
            paragraphs[1].number 107..108 "2" = 2
        "#]],
        ),
        (
            "00000372 002 OF 002",
            expect![[r#"
            paragraphs[0] 56..101 text="Text before 00000372 002 OF 002 and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 103..111 text="Last."
            paragraphs[1].number 103..104 "2" = 2
        "#]],
        ),
        (
            "PAGES 03 STATE 228772",
            expect![[r#"
            paragraphs[0] 56..103 text="Text before PAGES 03 STATE 228772 and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 105..113 text="Last."
            paragraphs[1].number 105..106 "2" = 2
        "#]],
        ),
        (
            "PAGE THREE 03",
            expect![[r#"
            paragraphs[0] 56..95 text="Text before PAGE THREE 03 and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 97..105 text="Last."
            paragraphs[1].number 97..98 "2" = 2
        "#]],
        ),
    ] {
        check_body(
            &format!("1. Text before\n{line}\nand after.\n\n2. Last.\n"),
            expect,
        );
    }
}

#[test]
fn removes_an_old_page_line_with_its_office_lines() {
    check_body(
        "1. Text before\nPAGE 02 ROME 01196 01 OF 02 082030Z\nACTION EUR-00\n\nINFO  LOG-00   ADS-00   AMAD-01  CIAE-00  DODE-00  ANHR-01  EB-01\n        /053W\n                  ------------------89773D  151435Z /48\nand after.\n\n2. Last.\n",
        expect![[r#"
            paragraphs[0] 56..268 breaks=[12] text="Text before and after."
            paragraphs[0].number 56..57 "1" = 1
            paragraphs[1] 270..278 text="Last."
            paragraphs[1].number 270..271 "2" = 2
            page_breaks[0] 71..257
        "#]],
    );
    // A vote count, and a report's number, are text.
    check(
        "1. THE VOTE WAS 12-00\nAND THE PTQ1234 REPORT SAYS SO.\n",
        expect![[r#"
        paragraphs[0] 0..53 text="THE VOTE WAS 12-00 AND THE PTQ1234 REPORT SAYS SO."
        paragraphs[0].number 0..1 "1" = 1
    "#]],
    );
}

#[test]
fn reads_the_signer() {
    check(
        "1. Text.\n\nBREESE----\n",
        expect![[r#"
        paragraphs[0] 0..8 text="Text."
        paragraphs[0].number 0..1 "1" = 1
        signature 10..16 = "BREESE"
    "#]],
    );
    check(
        "1. Text.\n\nEND SUMMARY.\n",
        expect![[r#"
        paragraphs[0] 0..8 text="Text."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[1] 10..22 text="END SUMMARY."
        summary 3..8 = "Text."
    "#]],
    );
    check(
        "1. Text.\n\nThe end of it all was near, they said\n",
        expect![[r#"
        paragraphs[0] 0..8 text="Text."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[1] 10..47 text="The end of it all was near, they said"
    "#]],
    );
}

#[test]
fn finds_summaries() {
    check("SUMMARY: FOLLOWING ASSASSINATION [...].\nEND SUMMARY\n\n1. IN WAKE OF THE KILLING, CALM.\n", expect![[r#"
        paragraphs[0] 0..51 text="SUMMARY: FOLLOWING ASSASSINATION [...]. END SUMMARY"
        paragraphs[1] 53..85 text="IN WAKE OF THE KILLING, CALM."
        paragraphs[1].number 53..54 "1" = 1
        summary 9..39 = "FOLLOWING ASSASSINATION [...]."
    "#]]);
    check(
        "1. (C) SUMMARY: Fidel Castro's [...].\n \n2. (C) What we know.\n",
        expect![[r#"
        paragraphs[0] 0..37 level=C classification=CONFIDENTIAL text="SUMMARY: Fidel Castro's [...]."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].marking 4..5 = "C"
        paragraphs[1] 40..60 level=C classification=CONFIDENTIAL text="What we know."
        paragraphs[1].number 40..41 "2" = 2
        paragraphs[1].marking 44..45 = "C"
        summary 16..37 = "Fidel Castro's [...]."
    "#]],
    );
    check(
        "SUMMARY\n-------\n\n1. (C) Chancellor Merkel [...].\nEnd Summary.\n\n2. (C) Overall, calm.\n",
        expect![[r#"
            paragraphs[0] 17..61 level=C classification=CONFIDENTIAL text="Chancellor Merkel [...]. End Summary."
            paragraphs[0].heading 0..7 = "SUMMARY"
            paragraphs[0].number 17..18 "1" = 1
            paragraphs[0].marking 21..22 = "C"
            paragraphs[1] 63..84 level=C classification=CONFIDENTIAL text="Overall, calm."
            paragraphs[1].number 63..64 "2" = 2
            paragraphs[1].marking 67..68 = "C"
            summary 24..48 = "Chancellor Merkel [...]."
        "#]],
    );
    check(
        "1. (C) German FM Westerwelle told [...]. END SUMMARY.\n",
        expect![[r#"
        paragraphs[0] 0..53 level=C classification=CONFIDENTIAL text="German FM Westerwelle told [...]. END SUMMARY."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].marking 4..5 = "C"
        summary 7..40 = "German FM Westerwelle told [...]."
    "#]],
    );
    check(
        "1. (C) Nothing to sum up here.\n",
        expect![[r#"
        paragraphs[0] 0..30 level=C classification=CONFIDENTIAL text="Nothing to sum up here."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].marking 4..5 = "C"
    "#]],
    );
}

#[test]
fn finds_comments() {
    check(
        "2. (C) Comment: They will not. End comment.\n\n3. (C) COMMENT: Nor will we.\n\n4. Text.\n",
        expect![[r#"
            paragraphs[0] 0..43 level=C classification=CONFIDENTIAL text="Comment: They will not. End comment."
            paragraphs[0].number 0..1 "2" = 2
            paragraphs[0].marking 4..5 = "C"
            paragraphs[1] 45..73 level=C classification=CONFIDENTIAL text="COMMENT: Nor will we."
            paragraphs[1].number 45..46 "3" = 3
            paragraphs[1].marking 49..50 = "C"
            paragraphs[2] 75..83 text="Text."
            paragraphs[2].number 75..76 "4" = 4
            comments[0] 16..30 = "They will not."
            comments[1] 61..73 = "Nor will we."
        "#]],
    );
}

#[test]
fn finds_reading_aids() {
    check(
        "1. STRAINS POST,S RESOURCES; WE DON,T KNOW.\n",
        expect![[r#"
        paragraphs[0] 0..43 text="STRAINS POST,S RESOURCES; WE DON,T KNOW."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].aids[0] 11..17 @8..14 "POST,S" kind=apostrophe reading="POST'S"
        paragraphs[0].aids[1] 32..37 @29..34 "DON,T" kind=apostrophe reading="DON'T"
    "#]],
    );
    // Commas between codes or words are commas.
    check(
        "1. PREL, SOCI, PGOV AND IRAN,SYRIA.\n",
        expect![[r#"
        paragraphs[0] 0..35 text="PREL, SOCI, PGOV AND IRAN,SYRIA."
        paragraphs[0].number 0..1 "1" = 1
    "#]],
    );
    // A word after a character of more than one byte (found by the fuzzer).
    check(
        "1. OF SY\u{87}IA,S DECLARATION\n",
        expect![[r#"
        paragraphs[0] 0..26 text="OF SY\u{87}IA,S DECLARATION"
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].aids[0] 10..14 @7..11 "IA,S" kind=apostrophe reading="IA'S"
    "#]],
    );
    check(
        "1. He met XXXXXXXXXXXX, who said EXXON and XXL were fine.\n",
        expect![[r#"
        paragraphs[0] 0..57 text="He met XXXXXXXXXXXX, who said EXXON and XXL were fine."
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].aids[0] 10..22 @7..19 "XXXXXXXXXXXX" kind=redaction reading="[redacted]"
    "#]],
    );
    check(
        "1. national policy, Turcotte responded, \"my remarks to the plenary are Qpolicy, Turcotte responded, \"my remarks to the plenary are what matter.\"\n",
        expect![[r#"
            paragraphs[0] 0..144 text="national policy, Turcotte responded, \"my remarks to the plenary are Qpolicy, Turcotte responded, \"my remarks to the plenary are what matter.\""
            paragraphs[0].number 0..1 "1" = 1
            paragraphs[0].aids[0] 71..131 @68..128 "Qpolicy, Turcotte responded, \"my remarks to the plenary are " kind=garble reading=""
            diagnostics[0] 71..131 note: Transmission garble: a Q and then a repeat of the text before it. Suggested reading leaves out "Qpolicy, Turcotte responded, "my remarks to the plenary are".
        "#]],
    );
    check(
        "1. The Qatari delegation and Quito agreed.\n",
        expect![[r#"
        paragraphs[0] 0..42 text="The Qatari delegation and Quito agreed."
        paragraphs[0].number 0..1 "1" = 1
    "#]],
    );
}

#[test]
fn reads_list_items() {
    check(
        "1. The points:\n-- first;\n-- second.\nA. one\nB. two\n\n2. Last.\n",
        expect![[r#"
        paragraphs[0] 0..49 text="The points: -- first; -- second. A. one B. two"
        paragraphs[0].number 0..1 "1" = 1
        paragraphs[0].items[0] 15..24 @15..21 label="--"
        paragraphs[0].items[1] 25..35 @25..32 label="--"
        paragraphs[0].items[2] 36..42 @36..39 label="A."
        paragraphs[0].items[3] 43..49 @43..46 label="B."
        paragraphs[1] 51..59 text="Last."
        paragraphs[1].number 51..52 "2" = 2
    "#]],
    );
}

#[test]
fn finds_summaries_under_numbered_and_titled_headings() {
    check(
        "----\n1. (C) SUMMARY\n----\n\nKABILA WAS BURIED.\nEND SUMMARY.\n\n2. (C) TEXT.\n",
        expect![[r#"
            paragraphs[0] 0..24 text="---- 1. (C) SUMMARY ----"
            paragraphs[1] 26..57 text="KABILA WAS BURIED. END SUMMARY."
            paragraphs[2] 59..71 level=C classification=CONFIDENTIAL text="TEXT."
            paragraphs[2].number 59..60 "2" = 2
            paragraphs[2].marking 63..64 = "C"
            summary 26..44 = "KABILA WAS BURIED."
        "#]],
    );
    check(
        "I.  Summary\n-----\n\n2.  Canada is committed.\n\nII.  Status\n\n3.  Text.\n",
        expect![[r#"
            paragraphs[0] 19..43 text="Canada is committed."
            paragraphs[0].heading 0..11 "I.  Summary" = "I. Summary"
            paragraphs[0].number 19..20 "2" = 2
            paragraphs[1] 58..67 text="Text."
            paragraphs[1].heading 45..56 "II.  Status" = "II. Status"
            paragraphs[1].number 58..59 "3" = 3
            summary 23..43 = "Canada is committed."
        "#]],
    );
    check(
        "SUMMARY: TORRIJOS WINS\n----------------------\n1. (SBU) Torrijos won.\n\n2. (SBU) Text.\n",
        expect![[r#"
            paragraphs[0] 0..68 text="SUMMARY: TORRIJOS WINS ---------------------- 1. (SBU) Torrijos won."
            paragraphs[1] 70..84 level=SBU classification=UNCLASSIFIED//FOR OFFICIAL USE ONLY text="Text."
            paragraphs[1].number 70..71 "2" = 2
            paragraphs[1].marking 74..77 = "SBU"
            summary 55..68 = "Torrijos won."
        "#]],
    );
    check(
        "1.  (U) Introduction/Summary.  Gasparovic won.  End Introduction/Summary.\n\n2. Text.\n",
        expect![[r#"
            paragraphs[0] 0..73 level=U classification=UNCLASSIFIED text="Introduction/Summary.  Gasparovic won.  End Introduction/Summary."
            paragraphs[0].number 0..1 "1" = 1
            paragraphs[0].marking 5..6 = "U"
            paragraphs[1] 75..83 text="Text."
            paragraphs[1].number 75..76 "2" = 2
            summary 31..46 = "Gasparovic won."
        "#]],
    );
    check(
        "2.  (C)  SUMMARY:  HAMAS GREW.\n3.  SUMMARY CONTINUED:  THE FIS DID NOT.  END SUMMARY.\n",
        expect![[r#"
            paragraphs[0] 0..30 level=C classification=CONFIDENTIAL text="SUMMARY:  HAMAS GREW."
            paragraphs[0].number 0..1 "2" = 2
            paragraphs[0].marking 5..6 = "C"
            paragraphs[1] 31..85 text="SUMMARY CONTINUED:  THE FIS DID NOT.  END SUMMARY."
            paragraphs[1].number 31..32 "3" = 3
            summary 19..71 "HAMAS GREW.\n3.  SUMMARY CONTINUED:  THE FIS DID NOT." = "HAMAS GREW.\nTHE FIS DID NOT."
        "#]],
    );
    check(
        "1.  SUMMARY\n\nTHE REPORT IS DUE.  (END SUMMARY.)\n\n2.  TEXT.\n",
        expect![[r#"
            paragraphs[0] 0..11 text="SUMMARY"
            paragraphs[0].number 0..1 "1" = 1
            paragraphs[1] 49..58 text="TEXT."
            paragraphs[1].heading 13..47 "THE REPORT IS DUE.  (END SUMMARY.)" = "THE REPORT IS DUE. (END SUMMARY.)"
            paragraphs[1].number 49..50 "2" = 2
            summary 13..31 = "THE REPORT IS DUE."
        "#]],
    );
}

#[test]
fn leaves_summaries_that_are_not_the_cables() {
    // A topic's digest of its press in a media reaction.
    check(
        "------------\n1.  Mideast:\n------------\n\n        Summary:\n        --------\nBenn wrote.\n\n        Block Quotes:\n",
        expect![[r#"
            paragraphs[0] 0..38 text="------------ 1.  Mideast: ------------"
            paragraphs[1] 48..85 text="Summary: -------- Benn wrote."
            paragraphs[2] 95..108 text="Block Quotes:"
        "#]],
    );
    // An entry of a numbered table of contents.
    check(
        "2. Summary and Comment\n3. Candidates\n\n-------\nSummary and Comment\n-------\n2. (SBU) Five run.\nEnd Summary and Comment.\n",
        expect![[r#"
            paragraphs[0] 0..22 text="Summary and Comment"
            paragraphs[0].number 0..1 "2" = 2
            paragraphs[1] 23..117 text="Candidates\n\n------- Summary and Comment ------- 2. (SBU) Five run. End Summary and Comment."
            paragraphs[1].number 23..24 "3" = 3
            summary 83..92 = "Five run."
        "#]],
    );
}

#[test]
fn finds_summaries_in_paragraphs_numbered_in_parentheses() {
    check(
        "  (1)  (SBU) Summary: The pact failed.\n\n  (2)  (SBU) Markets shrugged.  End Summary\n\n  (3)  (SBU) Text.\n",
        expect![[r#"
            paragraphs[0] 2..38 text="(1)  (SBU) Summary: The pact failed."
            paragraphs[0].items[0] 2..38 @5..36 label="(1)"
            paragraphs[1] 42..83 text="(2)  (SBU) Markets shrugged.  End Summary"
            paragraphs[2] 87..103 text="(3)  (SBU) Text."
            summary 22..70 "The pact failed.\n\n  (2)  (SBU) Markets shrugged." = "The pact failed.\nMarkets shrugged."
        "#]],
    );
}

#[test]
fn reads_summaries_without_their_inner_furniture() {
    // A number wrapped onto a line is not the next paragraph; bullets lose their markings.
    check(
        "SUMMARY\n\n1. Routes No. 2 and No.\n4.  The States signed.\n-- (C) Observers doubt it.\n\n2. Text.\n",
        expect![[r#"
            paragraphs[0] 9..82 text="Routes No. 2 and No. 4.  The States signed. -- (C) Observers doubt it."
            paragraphs[0].heading 0..7 = "SUMMARY"
            paragraphs[0].number 9..10 "1" = 1
            paragraphs[0].items[0] 56..82 @47..70 label="--"
            paragraphs[1] 84..92 text="Text."
            paragraphs[1].number 84..85 "2" = 2
            summary 12..82 "Routes No. 2 and No.\n4.  The States signed.\n-- (C) Observers doubt it." = "Routes No. 2 and No.\n4.  The States signed.\n-- Observers doubt it."
        "#]],
    );
    // A marking closed by a colon; a handling control put into a sentence.
    check(
        "SUMMARY\n-------\n\n1. (C): With the class back, the\n\nSIPDIS\nAmbassador met them.  END SUMMARY.\n\n2. (C) Text.\n",
        expect![[r#"
            paragraphs[0] 17..92 level=C classification=CONFIDENTIAL text=": With the class back, the\n\nSIPDIS Ambassador met them.  END SUMMARY."
            paragraphs[0].heading 0..7 = "SUMMARY"
            paragraphs[0].number 17..18 "1" = 1
            paragraphs[0].marking 21..22 = "C"
            paragraphs[1] 94..106 level=C classification=CONFIDENTIAL text="Text."
            paragraphs[1].number 94..95 "2" = 2
            paragraphs[1].marking 98..99 = "C"
            summary 23..78 ": With the class back, the\n\nSIPDIS\nAmbassador met them." = "With the class back, the\nAmbassador met them."
        "#]],
    );
}
