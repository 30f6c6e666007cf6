//! The `cable` binary as a user runs it.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::process::{Command, Stdio};

fn cable(arguments: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cable"))
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .spawn()
        .expect("run cable");
    // Written from another thread: `cable` prints while it reads, and would wait for its
    // output to be read while this thread waits for it to take its input.
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_string();
    let writer = std::thread::spawn(move || input.write_all(stdin.as_bytes()));
    let output = child.wait_with_output().expect("cable finishes");
    // A `cable` that stops early (bad arguments) leaves its input unread: no matter.
    let _ = writer.join();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn parses_files_into_one_json_object_per_line() {
    let (code, stdout, _) = cable(
        &[
            "parse",
            "corpus/seed/08OTTAWA372.txt",
            "corpus/cables/08BERLIN1387.txt",
        ],
        "",
    );
    assert_eq!(code, 0);
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[0]["source"], "corpus/seed/08OTTAWA372.txt");
    assert_eq!(objects[0]["cable"]["canonical_id"]["value"], "08OTTAWA372");
    assert_eq!(
        objects[0]["cable"]["references"][4]["canonical_id"],
        "07STATE164503"
    );
    assert_eq!(objects[0]["input_form"], "plain");
    assert_eq!(
        objects[0]["cable"]["tags"][1]["meaning"],
        "Political Affairs--External Political Relations"
    );
    assert_eq!(
        objects[0]["cable"]["routing"]["date_time"]["value"],
        "2008-03-14T14:23Z"
    );
    let round_trip: cable::Parse =
        serde_json::from_value(objects[0].clone()).expect("the JSON reads back");
    assert_eq!(
        round_trip.cable.canonical_id.map(|id| id.value).as_deref(),
        Some("08OTTAWA372")
    );
    assert_eq!(objects[1]["cable"]["canonical_id"]["value"], "08BERLIN1387");
}

#[test]
fn reads_standard_input_and_takes_a_year() {
    let (code, stdout, _) = cable(
        &["parse", "--year", "2007", "-"],
        "UNCLAS ROME 001196\n\nREF: A. STATE 12\n",
    );
    assert_eq!(code, 0);
    let object: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(object["cable"]["canonical_id"]["value"], "07ROME1196");
    assert_eq!(
        object["cable"]["references"][0]["canonical_id"],
        "07STATE12"
    );
}

#[test]
fn takes_the_cables_id_to_date_what_it_cites() {
    // A snippet without a classification line: the ID names the cable and dates its REF block,
    // and a January serial of its own post above its own is last year's.
    let snippet = "SUBJECT: TEST\n\nREF: A. STATE 12 B. ROME 2000\n\n1. Text.\n";
    let (code, stdout, _) = cable(&["parse", "--id", "07 ROME 0150", "-"], snippet);
    assert_eq!(code, 0);
    let object: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    let references = &object["cable"]["references"];
    assert_eq!(references[0]["canonical_id"], "07STATE12");
    assert_eq!(references[1]["canonical_id"], "06ROME2000");
    // Without it, they stay undated, with a note saying how to date them.
    let (_, stdout, _) = cable(&["parse", "-"], snippet);
    let object: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert!(object["cable"]["references"][0]["canonical_id"].is_null());
    let notes = object["diagnostics"].to_string();
    assert!(
        notes.contains("2 cited cables have no year written"),
        "{notes}"
    );
    // One ID is one cable, and it must be an ID.
    let (code, _, stderr) = cable(&["parse", "--id", "07ROME150", "a.txt", "b.txt"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("one FILE"), "{stderr}");
    let (code, _, stderr) = cable(&["parse", "--id", "ROME 150"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("takes a cable ID"), "{stderr}");
}

#[test]
fn reads_a_json_record_with_spans_into_the_file() {
    let path = "corpus/records/05TELAVIV1580__made__record.json";
    let (code, stdout, _) = cable(&["parse", path], "");
    assert_eq!(code, 0);
    let object: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(object["input_form"], "json_record");
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/records/05TELAVIV1580__made__record.json"
    ))
    .expect("the record");
    // The subject's span is where it is written in the file, its line break the escape `\n`.
    let subject = &object["cable"]["subject"];
    let (start, end) = (
        subject["span"]["start"].as_u64().expect("start") as usize,
        subject["span"]["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(
        &file[start..end],
        "SUBJECT: MOSSAD CHIEF TO CODEL CORZINE: SOME FOREIGN \\nFIGHTERS BEGINNING TO LEAVE IRAQ"
    );
    assert_eq!(
        subject["value"],
        "MOSSAD CHIEF TO CODEL CORZINE: SOME FOREIGN FIGHTERS BEGINNING TO LEAVE IRAQ"
    );
}

#[test]
fn prints_the_outline_the_corpus_keeps() {
    let (code, stdout, _) = cable(&["parse", "--outline", "corpus/seed/08OTTAWA372.txt"], "");
    assert_eq!(code, 0);
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/parses/seed/08OTTAWA372.txt.parse"
    ))
    .expect("the seed's snapshot");
    assert_eq!(stdout, format!("# corpus/seed/08OTTAWA372.txt\n{expected}"));
    let (code, _, stderr) = cable(&["parse", "--outline", "--pretty", "-"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("choose one"));
}

#[test]
fn a_bad_cable_is_diagnostics_not_failure() {
    let (code, stdout, _) = cable(&["parse"], "no cable here \u{0} at all");
    assert_eq!(code, 0);
    let object: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(
        object["cable"]["paragraphs"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn io_errors_and_bad_arguments_fail_clearly() {
    let (code, stdout, stderr) = cable(
        &["parse", "no/such/file.txt", "corpus/seed/08OTTAWA372.txt"],
        "",
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read no/such/file.txt"), "{stderr}");
    assert_eq!(
        stdout.lines().count(),
        1,
        "the readable file is still printed"
    );
    let (code, _, stderr) = cable(&["parse", "--year", "soon"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("four-digit year"), "{stderr}");
    let (code, _, stderr) = cable(&["frobnicate"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown command"), "{stderr}");
}

#[test]
fn makes_the_page_link_to_each_file() {
    let seed = "corpus/seed/08OTTAWA372.txt";
    let (code, out, err) = cable(
        &[
            "link",
            "--base",
            "https://cablescope.example/",
            "--select",
            "p-3",
            "--source",
            seed,
            "-",
        ],
        "1. FIRST.\n\n2. SECOND.\n\n3. (C) A SNIPPET FROM STANDARD INPUT.\n",
    );
    assert_eq!(code, 0, "{err}");
    let links: Vec<&str> = out.lines().collect();
    assert_eq!(links.len(), 2, "{out}");
    // The seed's link is long, and says so.
    assert!(
        err.contains("characters; some chat applications cut links over 2000"),
        "{err}"
    );
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../corpus/seed/08OTTAWA372.txt"
    ))
    .expect("the seed");
    let (base, fragment) = links[0].split_once('#').expect("a fragment");
    assert_eq!(base, "https://cablescope.example/");
    let link = permalink::decode(fragment).expect("a link that opens");
    assert_eq!(link.text, text);
    assert_eq!(link.view.selected.as_deref(), Some("p-3"));
    assert!(link.view.source_open);
    let snippet =
        permalink::decode(links[1].split_once('#').expect("a fragment").1).expect("opens");
    assert_eq!(
        snippet.text,
        "1. FIRST.\n\n2. SECOND.\n\n3. (C) A SNIPPET FROM STANDARD INPUT.\n"
    );
}

#[test]
fn refuses_a_link_to_an_element_the_cable_lacks() {
    let (code, out, err) = cable(
        &["link", "--select", "ref-Z", "corpus/seed/08OTTAWA372.txt"],
        "",
    );
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("has no element `ref-Z`"), "{err}");
    let (code, _, err) = cable(&["link", "--base", "https://x.example/#old"], "");
    assert_eq!(code, 2);
    assert!(err.contains("without a `#`"), "{err}");
}

#[test]
fn compares_a_cables_csv_with_cablemaps_readings() {
    let folder = std::env::temp_dir().join(format!("cable-diff-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/variants");
    // Two real rows, one after the other as in the release.
    let mut rows = String::new();
    for name in ["00ATHENS1501", "00STATE228220"] {
        let row = std::fs::read_to_string(format!("{corpus}/{name}__cablescsv__row.csv"))
            .expect("a corpus row");
        rows.push_str(row.trim_end());
        rows.push('\n');
    }
    let cables = folder.join("cables.csv");
    std::fs::write(&cables, rows).expect("written");
    // A second opinion that reads the first cable's tags in another order and its signer
    // otherwise, and has no reading of the second cable.
    let reading = serde_json::json!({
        "id": "00ATHENS1501",
        "tags": ["PREF", "EAID", "EAGR", "ET", "KE", "SO", "EUN", "GR"],
        "subject": "GREEK RESPONSE ON URGENT SUPPORT NEEDED FOR HUMANITARIAN CRISIS IN  ETHIOPIA, SOMALIA, AND KENYA",
        "summary": null,
        "classified_by": [],
        "references": [],
        "signed_by": ["SOMEONE"],
    });
    let cablemap = folder.join("cablemap.jsonl");
    std::fs::write(&cablemap, format!("{reading}\n")).expect("written");
    let out = folder.join("disagreements.jsonl");
    let (code, stdout, _) = cable(
        &[
            "diff",
            cables.to_str().expect("a path"),
            cablemap.to_str().expect("a path"),
            "--out",
            out.to_str().expect("a path"),
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("2 records read, 1 with cablemap's reading"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\ntags                 1         0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nsigner               0         1"),
        "{stdout}"
    );
    let disagreements = std::fs::read_to_string(&out).expect("the disagreements");
    let lines: Vec<serde_json::Value> = disagreements
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON"))
        .collect();
    let fields: Vec<&str> = lines
        .iter()
        .filter_map(|line| line["field"].as_str())
        .collect();
    assert!(fields.contains(&"signer"), "{disagreements}");
    assert!(
        !fields.contains(&"tags") && !fields.contains(&"subject"),
        "{disagreements}"
    );
    std::fs::remove_dir_all(&folder).expect("removed");
}

/// Every `cables.csv` row of the corpus, one after the other as in the release, each trimmed.
fn corpus_rows() -> Vec<String> {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/variants");
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .expect("the corpus")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with("__cablescsv__row.csv"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|name| {
            let bytes = std::fs::read(format!("{corpus}/{name}")).expect("a corpus row");
            cable::decode(&bytes).0.trim().to_string()
        })
        .collect()
}

#[test]
fn parses_a_whole_cables_csv_in_order_on_any_number_of_threads() {
    let rows = corpus_rows();
    assert!(rows.len() > 50, "{} rows", rows.len());
    let folder = std::env::temp_dir().join(format!("cable-dump-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let dump = rows.join("\n") + "\n";
    let cables = folder.join("cables.csv");
    std::fs::write(&cables, &dump).expect("written");
    let cables_path = cables.to_str().expect("a path");

    let (code, one_thread, err) = cable(&["parse", "--jobs", "1", cables_path], "");
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, three_threads, _) = cable(&["parse", "--jobs", "3", cables_path], "");
    assert_eq!(code, 0);
    assert_eq!(one_thread, three_threads);

    // One line a record, in the file's order, each the parse of that record alone, named by
    // the file and the record's row number.
    let lines: Vec<&str> = one_thread.lines().collect();
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        let mut object: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let record = cable::csv_row(row).expect("a record");
        assert_eq!(
            object["source"],
            format!("{cables_path}:{}", record.column(0))
        );
        object.as_object_mut().expect("an object").remove("source");
        let expected = serde_json::to_value(cable::parse(row)).expect("JSON");
        assert!(object == expected, "record {}", record.column(2));
    }

    // Gzipped, and from standard input, it reads the same.
    let mut gzipped = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gzipped.write_all(dump.as_bytes()).expect("compressed");
    let gzipped_path = folder.join("cables.csv.gz");
    std::fs::write(&gzipped_path, gzipped.finish().expect("compressed")).expect("written");
    let (code, from_gzip, _) = cable(
        &[
            "parse",
            "--jobs",
            "2",
            gzipped_path.to_str().expect("a path"),
        ],
        "",
    );
    assert_eq!(code, 0);
    let (code, from_stdin, _) = cable(&["parse", "-"], &dump);
    assert_eq!(code, 0);
    let without_sources = |output: &str| -> Vec<String> {
        output
            .lines()
            .map(|line| {
                line.split_once(",\"input_form\"")
                    .expect("a parse")
                    .1
                    .to_string()
            })
            .collect()
    };
    assert_eq!(without_sources(&from_gzip), without_sources(&one_thread));
    assert_eq!(without_sources(&from_stdin), without_sources(&one_thread));
    std::fs::remove_dir_all(&folder).expect("removed");
}

#[test]
fn a_stretch_of_a_cables_csv_that_is_no_record_is_reported_and_passed_over() {
    let rows = corpus_rows();
    let (first, second, third) = (&rows[0], &rows[1], &rows[2]);
    let first_lines = first.lines().count();
    let dump = format!("{first}\n{second}\nnot a record\n\"7\",\"half a record\n{third}\n");
    let (code, stdout, err) = cable(&["parse", "--jobs", "2", "-"], &dump);
    assert_eq!(code, 1, "{err}");
    assert_eq!(stdout.lines().count(), 3);
    let bad_line = first_lines + second.lines().count() + 1;
    assert!(
        err.contains(&format!(
            "line {bad_line}: 2 line(s) that are no cables.csv record"
        )),
        "{err}"
    );
    // One record alone is one cable, as before; `--csv` reads it as a dump of one.
    let (code, alone, _) = cable(&["parse", "-"], &format!("{first}\n"));
    assert_eq!(code, 0);
    let (code, dump_of_one, _) = cable(&["parse", "--csv", "-"], &format!("{first}\n"));
    assert_eq!(code, 0);
    let row_number = cable::csv_row(first).expect("a record").column(0);
    assert!(alone.starts_with("{\"source\":\"-\","), "{alone}");
    assert!(
        dump_of_one.starts_with(&format!("{{\"source\":\"-:{row_number}\",")),
        "{dump_of_one}"
    );
}
