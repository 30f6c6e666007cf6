//! The references pass through `check`: what it gives for a text, not how.

use expect_test::{expect, Expect};

/// What the references pass gives for a `REF` block under a classification line, in a cable of
/// 2008 from Ottawa, serial 372.
fn check(block: &str, expect: Expect) {
    let input = format!("UNCLAS OTTAWA 000372\n\n{block}\n\n1. Text.\n");
    let members = ["references", "inline_citations"];
    let options = crate::Options::with_year(2008);
    crate::testing::check_with(&input, options, &members, expect);
}

#[test]
fn splits_items_on_every_bullet() {
    check(
        "REF: A. STATE 1\n(B) STATE 2\n[C] STATE 3\nd) STATE 4",
        expect![[r#"
        references[0] 27..37 text="STATE 1" kind=cable id=08STATE1
        references[0].letter 27..29 "A." = "A"
        references[0].cables[0] 30..37 "STATE" = "08STATE1" station=STATE serial=1 year=2008 year_source=cable
        references[1] 38..49 text="STATE 2" kind=cable id=08STATE2
        references[1].letter 38..41 "(B)" = "B"
        references[1].cables[0] 42..49 "STATE" = "08STATE2" station=STATE serial=2 year=2008 year_source=cable
        references[2] 50..61 text="STATE 3" kind=cable id=08STATE3
        references[2].letter 50..53 "[C]" = "C"
        references[2].cables[0] 54..61 "STATE" = "08STATE3" station=STATE serial=3 year=2008 year_source=cable
        references[3] 62..72 text="STATE 4" kind=cable id=08STATE4
        references[3].letter 62..64 "d)" = "D"
        references[3].cables[0] 65..72 "STATE" = "08STATE4" station=STATE serial=4 year=2008 year_source=cable
    "#]],
    );
    check(
        "REF: (1) 2005 STATE 1\n(2) STATE 2",
        expect![[r#"
        references[0] 27..43 text="2005 STATE 1" kind=cable id=05STATE1
        references[0].letter 27..30 "(1)" = "1"
        references[0].cables[0] 36..43 "STATE" = "05STATE1" station=STATE serial=1 year=2005 year_source=written
        references[1] 44..55 text="STATE 2" kind=cable id=08STATE2
        references[1].letter 44..47 "(2)" = "2"
        references[1].cables[0] 48..55 "STATE" = "08STATE2" station=STATE serial=2 year=2008 year_source=cable
    "#]],
    );
    check(
        "REF: A. SANAA 150\n\u{b6}B. SANAA 151\nB) TALLINN 347",
        expect![[r#"
        references[0] 27..39 text="SANAA 150" kind=cable id=08SANAA150
        references[0].letter 27..29 "A." = "A"
        references[0].cables[0] 30..39 "SANAA" = "08SANAA150" station=SANAA serial=150 year=2008 year_source=cable
        references[1] 42..54 text="SANAA 151" kind=cable id=08SANAA151
        references[1].letter 42..44 "B." = "B"
        references[1].cables[0] 45..54 "SANAA" = "08SANAA151" station=SANAA serial=151 year=2008 year_source=cable
        references[2] 55..69 text="TALLINN 347" kind=cable id=08TALLINN347
        references[2].letter 55..57 "B)" = "B"
        references[2].cables[0] 58..69 "TALLINN" = "08TALLINN347" station=TALLINN serial=347 year=2008 year_source=cable
        diagnostics[0] 0..80 note: Removed 1 piece of web-page debris (link markup, pilcrows) before reading.
    "#]],
    );
    // `AB.` and `A.B` are no letters.
    check(
        "REF: AB. STATE 12",
        expect![[r#"
        references[0] 27..39 text="AB. STATE 12" kind=cable id=08STATE12
        references[0].cables[0] 31..39 "STATE" = "08STATE12" station=STATE serial=12 year=2008 year_source=cable
    "#]],
    );
    check(
        "REF: A.B STATE 13",
        expect![[r#"
        references[0] 27..39 text="A.B STATE 13" kind=cable id=08STATE13
        references[0].cables[0] 31..39 "STATE" = "08STATE13" station=STATE serial=13 year=2008 year_source=cable
    "#]],
    );
}

#[test]
fn dates_what_it_cites() {
    check(
        "REF: A. 05 STATE 1234 B. '08 ROME 12 C. O4 PARIS 77 D. 1999 STATE 5",
        expect![[r#"
        references[0] 27..43 text="05 STATE 1234" kind=cable id=05STATE1234
        references[0].letter 27..29 "A." = "A"
        references[0].cables[0] 33..43 "STATE" = "05STATE1234" station=STATE serial=1234 year=2005 year_source=written
        references[1] 44..58 text="'08 ROME 12" kind=cable id=08ROME12
        references[1].letter 44..46 "B." = "B"
        references[1].cables[0] 51..58 "ROME" = "08ROME12" station=ROME serial=12 year=2008 year_source=written
        references[2] 59..73 text="O4 PARIS 77" kind=cable id=04PARIS77
        references[2].letter 59..61 "C." = "C"
        references[2].cables[0] 65..73 "PARIS" = "04PARIS77" station=PARIS serial=77 year=2004 year_source=written
        references[3] 74..89 text="1999 STATE 5" kind=cable id=99STATE5
        references[3].letter 74..76 "D." = "D"
        references[3].cables[0] 82..89 "STATE" = "99STATE5" station=STATE serial=5 year=1999 year_source=written
    "#]],
    );
    // The cable's own year, or the year before for its own post at a serial not reached yet.
    check(
        "REF: A. STATE 1234 B. OTTAWA 400 C. OTTAWA 300",
        expect![[r#"
            references[0] 27..40 text="STATE 1234" kind=cable id=08STATE1234
            references[0].letter 27..29 "A." = "A"
            references[0].cables[0] 30..40 "STATE" = "08STATE1234" station=STATE serial=1234 year=2008 year_source=cable
            references[1] 41..54 text="OTTAWA 400" kind=cable id=07OTTAWA400
            references[1].letter 41..43 "B." = "B"
            references[1].cables[0] 44..54 "OTTAWA" = "07OTTAWA400" station=OTTAWA serial=400 year=2007 year_source=previous_year
            references[2] 55..68 text="OTTAWA 300" kind=cable id=08OTTAWA300
            references[2].letter 55..57 "C." = "C"
            references[2].cables[0] 58..68 "OTTAWA" = "08OTTAWA300" station=OTTAWA serial=300 year=2008 year_source=cable
            diagnostics[0] 44..54 note: OTTAWA 400 is dated 2007: in 2008 that post had not yet reached that serial when this cable was sent.
        "#]],
    );
}

#[test]
fn reads_serials_as_written() {
    // A letter O for a zero; a portion marking glued to the serial.
    check(
        "REF: KUWAIT O1512",
        expect![[r#"
        references[0] 27..39 text="KUWAIT O1512" kind=cable id=08KUWAIT1512
        references[0].cables[0] 27..39 "KUWAIT" = "08KUWAIT1512" station=KUWAIT serial=1512 year=2008 year_source=cable
    "#]],
    );
    check(
        "REF: KUWAIT (C)02293",
        expect![[r#"
        references[0] 27..42 text="KUWAIT (C)02293" kind=cable id=08KUWAIT2293
        references[0].cables[0] 27..42 "KUWAIT" = "08KUWAIT2293" station=KUWAIT serial=2293 year=2008 year_source=cable
    "#]],
    );
    // A letter before the digits is no serial.
    check(
        "REF: STATE D328589",
        expect![[r#"
        references[0] 27..40 text="STATE D328589" kind=other
    "#]],
    );
}

#[test]
fn tells_what_an_item_without_cables_cites() {
    check(
        "REF: A. LAKHDHIR E-MAIL 12/01/09 B. MITCHELL/SIMS TELCON 02/16/2010 C. 9 FAM Appendix K, 406 (6)",
        expect![[r#"
            references[0] 27..54 text="LAKHDHIR E-MAIL 12/01/09" kind=e-mail
            references[0].letter 27..29 "A." = "A"
            references[1] 55..89 text="MITCHELL/SIMS TELCON 02/16/2010" kind=telcon
            references[1].letter 55..57 "B." = "B"
            references[2] 90..118 text="9 FAM Appendix K, 406 (6)" kind=publication
            references[2].letter 90..92 "C." = "C"
        "#]],
    );
    check(
        "REF: A. 2004 HUMAN RIGHTS REPORT FOR PANAMA B. (S/NF) TD-314/21795-05 C. SECDEF MSG DTG 301601z SEP 08",
        expect![[r#"
            references[0] 27..65 text="2004 HUMAN RIGHTS REPORT FOR PANAMA" kind=report
            references[0].letter 27..29 "A." = "A"
            references[1] 66..91 text="(S/NF) TD-314/21795-05" kind=report
            references[1].letter 66..68 "B." = "B"
            references[2] 92..124 text="SECDEF MSG DTG 301601z SEP 08" kind=cable
            references[2].letter 92..94 "C." = "C"
        "#]],
    );
    check(
        "REF: A. SECDEF R162245Z OCT 08 B. FAX MATTEI-PICO MARCH 13 C. PARIS POINTS JULY 15",
        expect![[r#"
            references[0] 27..52 text="SECDEF R162245Z OCT 08" kind=cable
            references[0].letter 27..29 "A." = "A"
            references[1] 53..80 text="FAX MATTEI-PICO MARCH 13" kind=fax
            references[1].letter 53..55 "B." = "B"
            references[2] 81..104 text="PARIS POINTS JULY 15" kind=other
            references[2].letter 81..83 "C." = "C"
        "#]],
    );
}

#[test]
fn finds_cables_cited_in_the_text() {
    let input = "UNCLAS OTTAWA 000372\n\n1. As reported (MOGADISHU 1520), SEE RIYADH 29 (NOTAL); (ARTICLE 12).\n";
    let options = crate::Options::with_year(2008);
    crate::testing::check_with(
        input,
        options,
        &["inline_citations"],
        expect![[r#"
        inline_citations[0] 38..52 "MOGADISHU" = "08MOGADISHU1520" station=MOGADISHU serial=1520 year=2008 year_source=cable
        inline_citations[1] 59..68 "RIYADH" = "08RIYADH29" station=RIYADH serial=29 year=2008 year_source=cable
    "#]],
    );
}

#[test]
fn writes_stations_as_canonical_ids_do() {
    check(
        "REF: A. USUN NEW YORK 12 B. SECSTATE 13 C. HCMC 14 D. BA 15 E. RIO 16 F. Rio de Janeiro 17",
        expect![[r#"
            references[0] 27..46 text="USUN NEW YORK 12" kind=cable id=08USUNNEWYORK12
            references[0].letter 27..29 "A." = "A"
            references[0].cables[0] 30..46 "USUN NEW YORK" = "08USUNNEWYORK12" station=USUNNEWYORK serial=12 year=2008 year_source=cable
            references[1] 47..61 text="SECSTATE 13" kind=cable id=08STATE13
            references[1].letter 47..49 "B." = "B"
            references[1].cables[0] 50..61 "SECSTATE" = "08STATE13" station=STATE serial=13 year=2008 year_source=cable
            references[2] 62..72 text="HCMC 14" kind=cable id=08HOCHIMINHCITY14
            references[2].letter 62..64 "C." = "C"
            references[2].cables[0] 65..72 "HCMC" = "08HOCHIMINHCITY14" station=HOCHIMINHCITY serial=14 year=2008 year_source=cable
            references[3] 73..81 text="BA 15" kind=cable id=08BUENOSAIRES15
            references[3].letter 73..75 "D." = "D"
            references[3].cables[0] 76..81 "BA" = "08BUENOSAIRES15" station=BUENOSAIRES serial=15 year=2008 year_source=cable
            references[4] 82..91 text="RIO 16" kind=cable id=08RIODEJANEIRO16
            references[4].letter 82..84 "E." = "E"
            references[4].cables[0] 85..91 "RIO" = "08RIODEJANEIRO16" station=RIODEJANEIRO serial=16 year=2008 year_source=cable
            references[5] 92..112 text="Rio de Janeiro 17" kind=cable id=08RIODEJANEIRO17
            references[5].letter 92..94 "F." = "F"
            references[5].cables[0] 95..112 "Rio de Janeiro" = "08RIODEJANEIRO17" station=RIODEJANEIRO serial=17 year=2008 year_source=cable
        "#]],
    );
    check(
        "REF: A. 0TTAWA 12 B. SANTIAG0 13 C. Port-au-Prince 14 D. ST. PETERSBURG 15 E. EMBASSYVIENNA 16 F. USDA FAS 17",
        expect![[r#"
            references[0] 27..39 text="0TTAWA 12" kind=cable id=08OTTAWA12
            references[0].letter 27..29 "A." = "A"
            references[0].cables[0] 30..39 "0TTAWA" = "08OTTAWA12" station=OTTAWA serial=12 year=2008 year_source=cable
            references[1] 40..54 text="SANTIAG0 13" kind=cable id=08SANTIAGO13
            references[1].letter 40..42 "B." = "B"
            references[1].cables[0] 43..54 "SANTIAG0" = "08SANTIAGO13" station=SANTIAGO serial=13 year=2008 year_source=cable
            references[2] 55..75 text="Port-au-Prince 14" kind=cable id=08PORTAUPRINCE14
            references[2].letter 55..57 "C." = "C"
            references[2].cables[0] 58..75 "Port-au-Prince" = "08PORTAUPRINCE14" station=PORTAUPRINCE serial=14 year=2008 year_source=cable
            references[3] 76..96 text="ST. PETERSBURG 15" kind=cable id=08STPETERSBURG15
            references[3].letter 76..78 "D." = "D"
            references[3].cables[0] 79..96 "ST. PETERSBURG" = "08STPETERSBURG15" station=STPETERSBURG serial=15 year=2008 year_source=cable
            references[4] 97..116 text="EMBASSYVIENNA 16" kind=cable id=08VIENNA16
            references[4].letter 97..99 "E." = "E"
            references[4].cables[0] 100..116 "EMBASSYVIENNA" = "08VIENNA16" station=VIENNA serial=16 year=2008 year_source=cable
            references[5] 117..131 text="USDA FAS 17" kind=cable id=08USDAFAS17
            references[5].letter 117..119 "F." = "F"
            references[5].cables[0] 120..131 "USDA FAS" = "08USDAFAS17" station=USDAFAS serial=17 year=2008 year_source=cable
        "#]],
    );
}

#[test]
fn mends_misspelt_and_cut_stations() {
    check(
        "REF: A. Colomobo 2304 B. BISHTEK 12 C. RIODEJANIERO 13 D. KUALALUMP 14 E. SAO PAUO 15",
        expect![[r#"
            references[0] 27..43 text="Colomobo 2304" kind=cable id=08COLOMBO2304
            references[0].letter 27..29 "A." = "A"
            references[0].cables[0] 30..43 "Colomobo" = "08COLOMBO2304" station=COLOMBO serial=2304 year=2008 year_source=cable
            references[1] 44..57 text="BISHTEK 12" kind=cable id=08BISHKEK12
            references[1].letter 44..46 "B." = "B"
            references[1].cables[0] 47..57 "BISHTEK" = "08BISHKEK12" station=BISHKEK serial=12 year=2008 year_source=cable
            references[2] 58..76 text="RIODEJANIERO 13" kind=cable id=08RIODEJANEIRO13
            references[2].letter 58..60 "C." = "C"
            references[2].cables[0] 61..76 "RIODEJANIERO" = "08RIODEJANEIRO13" station=RIODEJANEIRO serial=13 year=2008 year_source=cable
            references[3] 77..92 text="KUALALUMP 14" kind=cable id=08KUALALUMPUR14
            references[3].letter 77..79 "D." = "D"
            references[3].cables[0] 80..92 "KUALALUMP" = "08KUALALUMPUR14" station=KUALALUMPUR serial=14 year=2008 year_source=cable
            references[4] 93..107 text="SAO PAUO 15" kind=cable id=08SAOPAULO15
            references[4].letter 93..95 "E." = "E"
            references[4].cables[0] 96..107 "SAO PAUO" = "08SAOPAULO15" station=SAOPAULO serial=15 year=2008 year_source=cable
            diagnostics[0] 30..43 note: Read the station Colomobo as COLOMBO, the nearest known spelling.
            diagnostics[1] 47..57 note: Read the station BISHTEK as BISHKEK, the nearest known spelling.
            diagnostics[2] 61..76 note: Read the station RIODEJANIERO as RIODEJANEIRO, the nearest known spelling.
            diagnostics[3] 80..92 note: Read the station KUALALUMP as KUALALUMPUR, the nearest known spelling.
            diagnostics[4] 96..107 note: Read the station SAO PAUO as SAOPAULO, the nearest known spelling.
        "#]],
    );
    check(
        "REF: A. PHNOM PEN 12 B. TRIPOLII 13 C. MADRIDSP 14 D. SECDEFWASH 15 E. USUN NE YORK 16",
        expect![[r#"
            references[0] 27..42 text="PHNOM PEN 12" kind=cable id=08PHNOMPENH12
            references[0].letter 27..29 "A." = "A"
            references[0].cables[0] 30..42 "PHNOM PEN" = "08PHNOMPENH12" station=PHNOMPENH serial=12 year=2008 year_source=cable
            references[1] 43..57 text="TRIPOLII 13" kind=cable id=08TRIPOLI13
            references[1].letter 43..45 "B." = "B"
            references[1].cables[0] 46..57 "TRIPOLII" = "08TRIPOLI13" station=TRIPOLI serial=13 year=2008 year_source=cable
            references[2] 58..72 text="MADRIDSP 14" kind=cable id=08MADRID14
            references[2].letter 58..60 "C." = "C"
            references[2].cables[0] 61..72 "MADRIDSP" = "08MADRID14" station=MADRID serial=14 year=2008 year_source=cable
            references[3] 73..89 text="SECDEFWASH 15" kind=cable id=08SECDEF15
            references[3].letter 73..75 "D." = "D"
            references[3].cables[0] 76..89 "SECDEFWASH" = "08SECDEF15" station=SECDEF serial=15 year=2008 year_source=cable
            references[4] 90..108 text="USUN NE YORK 16" kind=cable id=08USUNNEWYORK16
            references[4].letter 90..92 "E." = "E"
            references[4].cables[0] 93..108 "USUN NE YORK" = "08USUNNEWYORK16" station=USUNNEWYORK serial=16 year=2008 year_source=cable
            diagnostics[0] 30..42 note: Read the station PHNOM PEN as PHNOMPENH, the nearest known spelling.
            diagnostics[1] 46..57 note: Read the station TRIPOLII as TRIPOLI, the nearest known spelling.
            diagnostics[2] 61..72 note: Read the station MADRIDSP as MADRID, the nearest known spelling.
            diagnostics[3] 76..89 note: Read the station SECDEFWASH as SECDEF, the nearest known spelling.
            diagnostics[4] 93..108 note: Read the station USUN NE YORK as USUNNEWYORK, the nearest known spelling.
        "#]],
    );
    // Too short to mend: kept as written.
    check(
        "REF: A. LIMX 12",
        expect![[r#"
        references[0] 27..37 text="LIMX 12" kind=cable id=08LIMX12
        references[0].letter 27..29 "A." = "A"
        references[0].cables[0] 30..37 "LIMX" = "08LIMX12" station=LIMX serial=12 year=2008 year_source=cable
    "#]],
    );
}

#[test]
fn dates_a_citation_by_what_is_written_around_its_serial() {
    // A year between station and serial; a month and year after the serial; a date-time group
    // with its year after the message.
    check(
        "REF: A. STATE 04 274600 B. STATE 156430 AUG 02\nC. TEGUCIGALPA TWX 01588 DATED 281320ZMAY02\nD. CARACAS 3161-2003",
        expect![[r#"
            references[0] 27..45 text="STATE 04 274600" kind=cable id=04STATE274600
            references[0].letter 27..29 "A." = "A"
            references[0].cables[0] 30..45 "STATE" = "04STATE274600" station=STATE serial=274600 year=2004 year_source=written
            references[1] 46..68 text="STATE 156430 AUG 02" kind=cable id=02STATE156430
            references[1].letter 46..48 "B." = "B"
            references[1].cables[0] 49..68 "STATE" = "02STATE156430" station=STATE serial=156430 year=2002 year_source=written
            references[2] 69..112 text="TEGUCIGALPA TWX 01588 DATED 281320ZMAY02" kind=cable id=02TEGUCIGALPA1588
            references[2].letter 69..71 "C." = "C"
            references[2].cables[0] 72..112 "TEGUCIGALPA" = "02TEGUCIGALPA1588" station=TEGUCIGALPA serial=1588 year=2002 year_source=written
            references[3] 113..133 text="CARACAS 3161-2003" kind=cable id=03CARACAS3161
            references[3].letter 113..115 "D." = "D"
            references[3].cables[0] 116..133 "CARACAS" = "03CARACAS3161" station=CARACAS serial=3161 year=2003 year_source=written
        "#]],
    );
}

#[test]
fn reads_no_cable_from_dates_numbers_and_documents() {
    // A day before its month, a glued date, a serial of zeros, a year after words that name no
    // station, a travel document's number.
    check(
        "REF: A. DOELL-LOGSDON 15 JULY TELCON\nB. FAX KENDRICK/USDOC 04OCT2004\nC. WHITE HOUSE O P 261812Z APR 03\nD. QUARTERLY REPORT 1 QUARTER 2004\nE. ATD 0706 F. ATLANTA GA 0781",
        expect![[r#"
            references[0] 27..58 text="DOELL-LOGSDON 15 JULY TELCON" kind=telcon
            references[0].letter 27..29 "A." = "A"
            references[1] 59..90 text="FAX KENDRICK/USDOC 04OCT2004" kind=fax
            references[1].letter 59..61 "B." = "B"
            references[2] 91..124 text="WHITE HOUSE O P 261812Z APR 03" kind=cable
            references[2].letter 91..93 "C." = "C"
            references[3] 125..159 text="QUARTERLY REPORT 1 QUARTER 2004" kind=report
            references[3].letter 125..127 "D." = "D"
            references[4] 160..171 text="ATD 0706" kind=other
            references[4].letter 160..162 "E." = "E"
            references[5] 172..190 text="ATLANTA GA 0781" kind=cable id=08CDCATLANTAGA781
            references[5].letter 172..174 "F." = "F"
            references[5].cables[0] 175..190 "ATLANTA GA" = "08CDCATLANTAGA781" station=CDCATLANTAGA serial=781 year=2008 year_source=cable
        "#]],
    );
}

#[test]
fn keeps_a_citation_apart_from_what_is_glued_to_it() {
    // A parenthesis glued to the serial; the same cable under another post's number; a word
    // after the serial.
    check(
        "REF: (A) Toronto 1714(Ontario SARS Update #39)\n(B) 03 Panama 3294)\n(C) 98 HANOI 3498 (98 HCMC 242)\n(D) SANAA 593-MEDIA",
        expect![[r#"
            references[0] 27..68 text="Toronto 1714(Ontario SARS Update #39)" kind=cable id=08TORONTO1714
            references[0].letter 27..30 "(A)" = "A"
            references[0].cables[0] 31..43 "Toronto" = "08TORONTO1714" station=TORONTO serial=1714 year=2008 year_source=cable
            references[0].annotation 43..68 = "(Ontario SARS Update #39)"
            references[1] 69..88 text="03 Panama 3294)" kind=cable id=03PANAMA3294
            references[1].letter 69..72 "(B)" = "B"
            references[1].cables[0] 76..88 "Panama" = "03PANAMA3294" station=PANAMA serial=3294 year=2003 year_source=written
            references[2] 89..120 text="98 HANOI 3498 (98 HCMC 242)" kind=cable id=98HANOI3498
            references[2].letter 89..92 "(C)" = "C"
            references[2].cables[0] 96..106 "HANOI" = "98HANOI3498" station=HANOI serial=3498 year=1998 year_source=written
            references[3] 121..140 text="SANAA 593-MEDIA" kind=cable id=08SANAA593
            references[3].letter 121..124 "(D)" = "D"
            references[3].cables[0] 125..140 "SANAA" = "08SANAA593" station=SANAA serial=593 year=2008 year_source=cable
        "#]],
    );
}
