//! The header pass through `check`: what it gives for a text, not how.

use expect_test::{expect, Expect};

/// What the header pass gives: every member of the cable it fills.
fn check(input: &str, expect: Expect) {
    let members = [
        "canonical_id",
        "routing",
        "later_date_time",
        "classification",
        "captions",
        "declassification",
        "tags",
        "subject",
        "classified_by",
        "classifier",
    ];
    crate::testing::check(input, &members, expect);
}

/// Only `members`, of a keyword field written under a classification line.
fn check_fields(field: &str, members: &[&str], expect: Expect) {
    let input = format!("UNCLAS STATE 000001\n\n{field}");
    let options = crate::Options::with_year(2009);
    crate::testing::check_with(&input, options, members, expect);
}

#[test]
fn reads_classification_lines() {
    check(
        "C O N F I D E N T I A L SECTION 01 OF 02 OTTAWA 000372",
        expect![[r#"
            classification 0..54
            classification.classification 0..23 "C O N F I D E N T I A L" = CONFIDENTIAL
            classification.section 24..40 "SECTION 01 OF 02" = 1/2
            classification.origin 41..47 = "OTTAWA"
            classification.serial 48..54 "000372" = "372"
            diagnostics[0] 0..54 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
        "#]],
    );
    check(
        "UNCLAS SECTION 01 OF 03 USUN NEW YORK 000123",
        expect![[r#"
            classification 0..44
            classification.classification 0..6 "UNCLAS" = UNCLASSIFIED
            classification.section 7..23 "SECTION 01 OF 03" = 1/3
            classification.origin 24..37 = "USUN NEW YORK"
            classification.serial 38..44 "000123" = "123"
            diagnostics[0] 0..44 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
        "#]],
    );
    check(
        "S E C R E T STATE 012345",
        expect![[r#"
        classification 0..24
        classification.classification 0..11 "S E C R E T" = SECRET
        classification.origin 12..17 = "STATE"
        classification.serial 18..24 "012345" = "12345"
        diagnostics[0] 0..24 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
    "#]],
    );
    check(
        "LIMITED OFFICIAL USE ROME 01196",
        expect![[r#"
        classification 0..31
        classification.classification 0..20 "LIMITED OFFICIAL USE" = LIMITED OFFICIAL USE
        classification.origin 21..25 = "ROME"
        classification.serial 26..31 "01196" = "1196"
        diagnostics[0] 0..31 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
    "#]],
    );
    check(
        "S E C R E T STATE 183691 TOSEC 140193",
        expect![[r#"
        classification 0..37
        classification.classification 0..11 "S E C R E T" = SECRET
        classification.origin 12..17 = "STATE"
        classification.serial 18..24 = "183691"
        diagnostics[0] 0..37 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
    "#]],
    );
    check(
        "S e c r e t state 015220",
        expect![[r#"
        classification 0..24
        classification.classification 0..11 "S e c r e t" = SECRET
        classification.origin 12..17 "state" = "STATE"
        classification.serial 18..24 "015220" = "15220"
        diagnostics[0] 0..24 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
    "#]],
    );
    check(
        "CO N F I D E N T I A L SECTION 01 OF 06 PARIS 001501",
        expect![[r#"
            classification 0..52
            classification.classification 0..22 "CO N F I D E N T I A L" = CONFIDENTIAL
            classification.section 23..39 "SECTION 01 OF 06" = 1/6
            classification.origin 40..45 = "PARIS"
            classification.serial 46..52 "001501" = "1501"
            diagnostics[0] 0..52 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
        "#]],
    );
    check(
        "UNCLASSIFIED LIMITED OFFICIAL USE SECTION 01 OF 09 ZAGREB  02038",
        expect![[r#"
            classification 0..64
            classification.classification 0..33 "UNCLASSIFIED LIMITED OFFICIAL USE" = LIMITED OFFICIAL USE
            classification.section 34..50 "SECTION 01 OF 09" = 1/9
            classification.origin 51..57 = "ZAGREB"
            classification.serial 59..64 "02038" = "2038"
            diagnostics[0] 0..33 note: UNCLASSIFIED here is a downgrade stamp; the cable was sent LIMITED OFFICIAL USE, which is the classification shown.
            diagnostics[1] 0..64 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
        "#]],
    );
    check(
        "UNCLASSIFIED FOR OFFICIAL USE ONLY STATE 001234",
        expect![[r#"
            classification 0..47 controls=[FOR OFFICIAL USE ONLY]
            classification.classification 0..12 "UNCLASSIFIED" = UNCLASSIFIED
            classification.origin 35..40 = "STATE"
            classification.serial 41..47 "001234" = "1234"
            diagnostics[0] 0..47 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
        "#]],
    );
    check(
        "S E C R E T N O F O R N MOGADISHU 01643",
        expect![[r#"
        classification 0..39 controls=[NOFORN]
        classification.classification 0..23 "S E C R E T N O F O R N" = SECRET
        classification.origin 24..33 = "MOGADISHU"
        classification.serial 34..39 "01643" = "1643"
        diagnostics[0] 0..39 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
    "#]],
    );
    check(
        "SECRET//NOFORN BAGHDAD 000697",
        expect![[r#"
        classification 0..29 controls=[NOFORN]
        classification.classification 0..14 "SECRET//NOFORN" = SECRET
        classification.origin 15..22 = "BAGHDAD"
        classification.serial 23..29 "000697" = "697"
        diagnostics[0] 0..29 note: The year of this cable is not written in its text (no date-time group), so its canonical ID is incomplete.
    "#]],
    );
}

#[test]
fn tells_a_classification_line_from_a_sentence() {
    check(
        "TO SECSTATE WASHDC 4013",
        expect![[r#"
        routing 0..23
        routing.to[0] 0..23 name="SECSTATE WASHDC" serial=4013
    "#]],
    );
    check("Secret talks began on May 15", expect![[r#""#]]);
    check(
        "SECRET police arrested three people today.",
        expect![[r#""#]],
    );
}

#[test]
fn reads_routing_lines() {
    check(
        "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n",
        expect![[r#"
            routing 0..72 info_precedence=ROUTINE
            routing.precedence 0..1 "P" = PRIORITY
            routing.date_time 4..18 "281848Z DEC 66" = 1966-12-28T18:48Z
            routing.from 19..44 "FM AMEMBASSY BUENOS AIRES" = "AMEMBASSY BUENOS AIRES"
            routing.to[0] 45..72 name="SECSTATE WASHDC" precedence=PRIORITY
        "#]],
    );
    check(
        "O 141423Z MAR 08\nFM AMEMBASSY OTTAWA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 7513\n",
        expect![[r#"
            routing 0..76
            routing.precedence 0..1 "O" = IMMEDIATE
            routing.date_time 2..16 "141423Z MAR 08" = 2008-03-14T14:23Z
            routing.from 17..36 "FM AMEMBASSY OTTAWA" = "AMEMBASSY OTTAWA"
            routing.to[0] 37..76 ri=RUEHC name="SECSTATE WASHDC" precedence=IMMEDIATE serial=7513
        "#]],
    );
    check(
        "R 311843Z MAR 66\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC NIACT IMMEDIATE 0732\n",
        expect![[r#"
            routing 0..74
            routing.precedence 0..1 "R" = ROUTINE
            routing.date_time 2..16 "311843Z MAR 66" = 1966-03-31T18:43Z
            routing.from 17..34 "FM AMEMBASSY ROME" = "AMEMBASSY ROME"
            routing.to[0] 35..74 name="SECSTATE WASHDC" precedence=NIACT IMMEDIATE serial=0732
        "#]],
    );
    // 14:99 is no time: the line is no date-time group.
    check("O 141499Z MAR 08\nFM AMEMBASSY OTTAWA\n", expect![[r#""#]]);
}

#[test]
fn reads_names_and_reasons_of_classifiers() {
    for (text, expect) in [
        (
            "PolMinCouns Scott Bellard, reasons 1.4 (b) and (d).",
            expect![[r#"
                classifier 36..87 "PolMinCouns Scott Bellard, reasons 1.4 (b) and (d)." names=["Scott Bellard"] title="PolMinCouns" reasons=[1.4(b), 1.4(d)]
            "#]],
        ),
        (
            "Acting Deputy Chief of Mission Marc Wall for Reasons 1.4 (b) and (d)",
            expect![[r#"
                classifier 36..104 "Acting Deputy Chief of Mission Marc Wall for Reasons 1.4 (b) and (d)" names=["Marc Wall"] title="Acting Deputy Chief of Mission" reasons=[1.4(b), 1.4(d)]
            "#]],
        ),
        (
            "ROBERT P. FINN, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D)",
            expect![[r#"
                classifier 36..92 "ROBERT P. FINN, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D)" names=["ROBERT P. FINN"] title="DEPUTY CHIEF OF MISSION" reasons=[1.5(d)]
            "#]],
        ),
        (
            "THOMAS W. SIMONS, JR., AMBASSADOR. REASON: 1.5 (B), (C) AND (D).",
            expect![[r#"
                classifier 36..100 "THOMAS W. SIMONS, JR., AMBASSADOR. REASON: 1.5 (B), (C) AND (D)." names=["THOMAS W. SIMONS, JR."] title="AMBASSADOR" reasons=[1.5(b), 1.5(c), 1.5(d)]
            "#]],
        ),
        (
            "CDA Kelly A. Keiderling under 1.4 (b) and (d)",
            expect![[r#"
                classifier 36..81 "CDA Kelly A. Keiderling under 1.4 (b) and (d)" names=["Kelly A. Keiderling"] title="CDA" reasons=[1.4(b), 1.4(d)]
            "#]],
        ),
        (
            "Political Minister Counselor, Brian Flora. Reason 1.5b.",
            expect![[r#"
                classifier 36..91 "Political Minister Counselor, Brian Flora. Reason 1.5b." names=["Brian Flora"] title="Political Minister Counselor" reasons=[1.5(b)]
            "#]],
        ),
        (
            "DCM Nancy McEldowney; reasons 1.4 b and d.",
            expect![[r#"
                classifier 36..78 "DCM Nancy McEldowney; reasons 1.4 b and d." names=["Nancy McEldowney"] title="DCM" reasons=[1.4(b), 1.4(d)]
            "#]],
        ),
        (
            "AMBASSADOR TO SUDAN TIMOTHY CARNEY. REASON 1.5(D).",
            expect![[r#"
                classifier 36..86 "AMBASSADOR TO SUDAN TIMOTHY CARNEY. REASON 1.5(D)." names=["TIMOTHY CARNEY"] title="AMBASSADOR TO SUDAN" reasons=[1.5(d)]
            "#]],
        ),
        (
            "EUR/PRA, Dir. AFriedt, Reason 1.4 (b/d)",
            expect![[r#"
            classifier 36..75 "EUR/PRA, Dir. AFriedt, Reason 1.4 (b/d)" names=["AFriedt"] title="EUR/PRA, Dir." reasons=[1.4(b), 1.4(d)]
        "#]],
        ),
        (
            "AF/C - MARY BETH LEONARD, REASON 1.5 (D).",
            expect![[r#"
                classifier 36..77 "AF/C - MARY BETH LEONARD, REASON 1.5 (D)." names=["MARY BETH LEONARD"] title="AF/C" reasons=[1.5(d)]
            "#]],
        ),
    ] {
        check_fields(&format!("Classified By: {text}\n"), &["classifier"], expect);
    }
}

#[test]
fn reads_tags_whose_separators_were_mistyped() {
    // A period or a `<` for a comma; a code glued to a person's parentheses, a code inside them.
    check_fields(
        "TAGS: PTER.YM, DR.XK, ECON< VE, CO(DUNCAN, CAMERON), LY(OVIP, RUMSFELD DONALD)\n",
        &["tags"],
        expect![[r#"
            tags[0] 27..31 = "PTER" kind=subject meaning="Political Affairs--Terrorists and Terrorism"
            tags[1] 32..34 = "YM" kind=geo meaning="Yemen"
            tags[2] 36..38 = "DR" kind=geo meaning="Dominican Republic"
            tags[3] 39..41 = "XK"
            tags[4] 43..47 = "ECON" kind=subject meaning="Economic Affairs--Economic Conditions, Trends and Potential"
            tags[5] 49..51 = "VE" kind=geo meaning="Venezuela"
            tags[6] 53..55 = "CO" kind=geo meaning="Colombia"
            tags[7] 55..72 "(DUNCAN, CAMERON)" = "DUNCAN, CAMERON"
            tags[8] 74..76 = "LY" kind=geo meaning="Libya"
            tags[9] 77..81 = "OVIP" kind=subject meaning="Operations--VIP Travel Arrangements"
            tags[10] 83..98 "RUMSFELD DONALD" = "RUMSFELD, DONALD"
        "#]],
    );
    // A comma typed twice inside a person's parentheses; `U.S.` is no pair of codes.
    check_fields(
        "TAGS: PGOV, (GHONDA,, ANTOINE), U.S.-Oman Relations\n",
        &["tags"],
        expect![[r#"
            tags[0] 27..31 = "PGOV" kind=subject meaning="Political Affairs--Government; Internal Governmental Affairs"
            tags[1] 33..51 "(GHONDA,, ANTOINE)" = "GHONDA, ANTOINE"
            tags[2] 53..72 "U.S.-Oman Relations" = "U.S.-OMAN RELATIONS"
        "#]],
    );
}

#[test]
fn splits_a_glued_code_the_list_writes_alone() {
    // `RU` is not in the glossary, but the list writes it as a code of its own.
    check_fields(
        "TAGS: PREL, RUPREL, RU\n",
        &["tags"],
        expect![[r#"
            tags[0] 27..31 = "PREL" kind=subject meaning="Political Affairs--External Political Relations"
            tags[1] 33..35 = "RU"
        "#]],
    );
    // Without it, a word is not taken apart into unknown pairs.
    check_fields(
        "TAGS: PREL, RUPREL\n",
        &["tags"],
        expect![[r#"
        tags[0] 27..31 = "PREL" kind=subject meaning="Political Affairs--External Political Relations"
        tags[1] 33..39 = "RUPREL"
    "#]],
    );
}

#[test]
fn keeps_a_phrase_tag_with_its_parentheses() {
    check_fields(
        "TAGS: HR, Trafficking (in persons), Defense Reform (Mil & NATO), Visit (SMITH, JOHN)\n",
        &["tags"],
        expect![[r#"
            tags[0] 27..29 = "HR" kind=geo meaning="Croatia"
            tags[1] 31..55 "Trafficking (in persons)" = "TRAFFICKING (IN PERSONS)"
            tags[2] 57..84 "Defense Reform (Mil & NATO)" = "DEFENSE REFORM (MIL & NATO)"
            tags[3] 86..91 "Visit" = "VISIT"
            tags[4] 92..105 "(SMITH, JOHN)" = "SMITH, JOHN"
        "#]],
    );
}

#[test]
fn tags_end_where_the_next_field_starts() {
    check_fields(
        "TAGS: CH, VT\nSUBJECT: SUBJECT: NO RED CARPET\n",
        &["tags", "subject"],
        expect![[r#"
            tags[0] 27..29 = "CH" kind=geo meaning="China (Mainland)"
            tags[1] 31..33 = "VT" kind=geo meaning="Vatican"
            subject 43..65 "SUBJECT: NO RED CARPET" = "NO RED CARPET"
        "#]],
    );
    check_fields(
        "TAGS: N/A\nSUBJECT: WEAPON SEIZURE\n",
        &["tags"],
        expect![[r#""#]],
    );
}

#[test]
fn splits_glued_tags_and_mends_doubled_letters() {
    check_fields(
        "TAGS: PRELPTER, PHUMBA\n",
        &["tags"],
        expect![[r#"
        tags[0] 27..31 = "PREL" kind=subject meaning="Political Affairs--External Political Relations"
        tags[1] 31..35 = "PTER" kind=subject meaning="Political Affairs--Terrorists and Terrorism"
        tags[2] 37..41 = "PHUM" kind=subject meaning="Political Affairs--Human Rights"
        tags[3] 41..43 = "BA" kind=geo meaning="Bahrain"
    "#]],
    );
    check_fields(
        "TAGS: HUMAN RIGHTS, MOPPS, KFRDKIRFCVISEG\n",
        &["tags"],
        expect![[r#"
            tags[0] 27..39 = "HUMAN RIGHTS"
            tags[1] 41..46 "MOPPS" = "MOPS" kind=subject meaning="Military and Defense Affairs--Military Operations"
            tags[2] 48..52 = "KFRD"
            tags[3] 52..56 = "KIRF"
            tags[4] 56..60 = "CVIS" kind=subject meaning="Consular Affairs--Visas"
            tags[5] 60..62 = "EG" kind=geo meaning="Egypt"
        "#]],
    );
    check_fields(
        "TAGS: PREL, PGOV, (steinberg, james b.)\n",
        &["tags"],
        expect![[r#"
            tags[0] 27..31 = "PREL" kind=subject meaning="Political Affairs--External Political Relations"
            tags[1] 33..37 = "PGOV" kind=subject meaning="Political Affairs--Government; Internal Governmental Affairs"
            tags[2] 39..60 "(steinberg, james b.)" = "STEINBERG, JAMES B."
        "#]],
    );
}

#[test]
fn reads_a_classification_statement_written_in_the_text() {
    // As its own paragraph, or under the last one, when the header has no `Classified By`.
    for (text, expect) in [
        (
            "SUBJECT: GRANIC\n\n1.  (U) CLASSIFIED BY PETER W. GALBRAITH, AMBASSADOR,\nPER 1.5 (B) AND (D).\n\n2.  (S) TEXT.\n",
            expect![[r#"
                classified_by 46..112 "CLASSIFIED BY PETER W. GALBRAITH, AMBASSADOR,\nPER 1.5 (B) AND (D)." = "PETER W. GALBRAITH, AMBASSADOR, PER 1.5 (B) AND (D)."
                classifier 60..112 "PETER W. GALBRAITH, AMBASSADOR,\nPER 1.5 (B) AND (D)." names=["PETER W. GALBRAITH"] title="AMBASSADOR" reasons=[1.5(b), 1.5(d)]
            "#]],
        ),
        (
            "SUBJECT: VISIT\n\n9. (U) POC IS CAPT JOHN K MCCLAIN.\n\nCLASSIFIED BY: COL DAVID BRACKETT, DATT\nREASON: 1.5(C,D)\n",
            expect![[r#"
                classified_by 73..129 "CLASSIFIED BY: COL DAVID BRACKETT, DATT\nREASON: 1.5(C,D)" = "COL DAVID BRACKETT, DATT REASON: 1.5(C,D)"
                classifier 88..129 "COL DAVID BRACKETT, DATT\nREASON: 1.5(C,D)" names=["DAVID BRACKETT"] title="COL" reasons=[1.5(c), 1.5(d)]
            "#]],
        ),
        // A sentence that says what someone classified, or a statement without reasons, is not
        // one.
        (
            "SUBJECT: PAPERS\n\n1.  TEXT.\n\n2.  THE PAPERS, CLASSIFIED BY THE MINISTRY FOR REASONS OF STATE.\n\n3.  CLASSIFIED BY THE MINISTRY, THEY ARE SECRET.\n",
            expect![""],
        ),
        // Below another cable's classification line, the statement is that cable's.
        (
            "SUBJECT: SHAH\n\n1.  TEXT.\n\nS E C R E T THE HAGUE 000174\nClassified By: CDA Andrew Schofer, reasons 1.4 (b,d)\n",
            expect![[r#"
                diagnostics[0] 47..75 warning: Another cable seems to start here (THE HAGUE 174): the text may join two cables.
            "#]],
        ),
    ] {
        check_fields(text, &["classified_by", "classifier"], expect);
    }
}

#[test]
fn keeps_a_classifier_cut_before_its_reasons_whole() {
    // Past a banner, a blank line and a page break; past a blank line inside a word.
    for (text, expect) in [
        (
            "1. (U) CLASSIFIED BY CHARGE D'AFFAIRES A.I. JOSEPH\n                       CONFIDENTIAL\n\nPAGE 02        VATICA  02295  01 OF 04  270100Z\nMERANTE.  REASONS: 1.5 (B) AND (D).\n\n2. (C) TEXT.\n",
            expect![[r#"
                classified_by 28..192 "CLASSIFIED BY CHARGE D'AFFAIRES A.I. JOSEPH\n                       CONFIDENTIAL\n\nPAGE 02        VATICA  02295  01 OF 04  270100Z\nMERANTE.  REASONS: 1.5 (B) AND (D)." = "CHARGE D'AFFAIRES A.I. JOSEPH MERANTE. REASONS: 1.5 (B) AND (D)."
                classifier 42..192 "CHARGE D'AFFAIRES A.I. JOSEPH\nMERANTE.  REASONS: 1.5 (B) AND (D)." names=["JOSEPH MERANTE"] title="CHARGE D'AFFAIRES A.I." reasons=[1.5(b), 1.5(d)]
            "#]],
        ),
        (
            "Classified By: Labor Officer\nPatric\n\nk Del Vecchio.  Reasons 1.4 (b) and (d).\n\n1. (C) Text.\n",
            expect![[r#"
                classified_by 21..98 "Classified By: Labor Officer\nPatric\n\nk Del Vecchio.  Reasons 1.4 (b) and (d)." = "Labor Officer Patric k Del Vecchio. Reasons 1.4 (b) and (d)."
                classifier 36..98 "Labor Officer\nPatric\n\nk Del Vecchio.  Reasons 1.4 (b) and (d)." names=["Patrick Del Vecchio"] title="Labor Officer" reasons=[1.4(b), 1.4(d)]
            "#]],
        ),
        // A classifier without reasons ends at the blank line.
        (
            "Classified By: Ambassador John Doe\n\nTHE AMBASSADOR WILL RAISE THE ISSUES OF PARAGRAPH 1.4 OF THE PLAN.\n",
            expect![[r#"
                classified_by 21..55 "Classified By: Ambassador John Doe" = "Ambassador John Doe"
                classifier 36..55 "Ambassador John Doe" names=["John Doe"] title="Ambassador"
            "#]],
        ),
    ] {
        check_fields(text, &["classified_by", "classifier"], expect);
    }
}

#[test]
fn a_classifier_read_from_the_text_is_not_part_of_the_header() {
    let input = include_str!(
        "../../../../corpus/regressions/classifier-statement-after-the-last-paragraph.txt"
    );
    let parse = crate::parse(input);
    let classified_by = parse.cable.classified_by.as_ref().map(|field| field.span);
    let header = parse.cable.header_span();
    let first_paragraph = parse
        .cable
        .paragraphs
        .first()
        .map(|paragraph| paragraph.span.start);
    assert!(classified_by.is_some_and(|span| Some(span.start) > first_paragraph));
    assert!(header
        .zip(first_paragraph)
        .is_some_and(|(header, body)| header.end <= body));
}
