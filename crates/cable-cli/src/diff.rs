//! `cable diff CABLES.CSV CABLEMAP.JSONL [--out FILE]`: reads every record of a `cables.csv`
//! (gzipped or not), parses it with the publisher's year, and compares six fields with what
//! heuer/cablemap read from the same cable (one JSON object a line, keyed by the published ID):
//! prints agreement per field and writes each disagreement as a line of JSON.
//!
//! A disagreement is not an error of either parser: it is where to look. The fields are compared
//! as a reader would: TAGS and cited cables as sets, names whatever their case (cablemap title-cases
//! `McMullen` as `Mcmullen`), text with its blanks collapsed.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde_json::{json, Value};

use crate::judge::{self, Disagreement, FIELDS};

/// What `cable diff` was asked for.
pub(crate) struct DiffRequest {
    pub(crate) cables: String,
    pub(crate) cablemap: String,
    pub(crate) out: String,
    /// Draw this many disagreements a field, with this seed, into this folder.
    pub(crate) sample: Option<(usize, u64, String)>,
    /// Estimate from the judged sample in this folder.
    pub(crate) judged: Option<String>,
}

/// Reads a file whole, gunzipping it when it is gzipped.
pub(crate) fn read_maybe_gzipped(path: &str) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    crate::dump::open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One field of one cable as both parsers read it, in the form they are compared in.
fn fields(parse: &cable::Parse) -> [Value; 6] {
    let cable = &parse.cable;
    let mut tags: Vec<String> = cable.tags.iter().map(|tag| tag.value.clone()).collect();
    tags.sort();
    tags.dedup();
    let mut cited: Vec<String> = cable
        .references
        .iter()
        .flat_map(|reference| &reference.cables)
        .filter_map(|cited| cited.canonical_id.clone())
        .collect();
    cited.sort();
    cited.dedup();
    let names: Vec<String> = cable
        .classifier
        .iter()
        .flat_map(|classifier| &classifier.names)
        .map(|name| collapse(name).to_uppercase())
        .collect();
    let signer: Vec<String> = cable
        .signature
        .iter()
        .map(|signature| collapse(&signature.value).to_uppercase())
        .collect();
    [
        json!(tags),
        text(cable.summary.as_ref().map(|field| field.value.as_str())),
        json!(names),
        json!(cited),
        json!(signer),
        text(cable.subject.as_ref().map(|field| field.value.as_str())),
    ]
}

/// cablemap's reading of the same six fields, in the same form.
fn cablemap_fields(object: &Value) -> [Value; 6] {
    let strings = |key: &str| -> Vec<String> {
        object[key]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let set = |key: &str, upper: bool| {
        let mut items: Vec<String> = strings(key)
            .into_iter()
            .map(|item| if upper { item.to_uppercase() } else { item })
            .collect();
        items.sort();
        items.dedup();
        json!(items)
    };
    let signers: Vec<String> = strings("signed_by")
        .iter()
        .map(|name| collapse(name).to_uppercase())
        .collect();
    [
        set("tags", true),
        text(object["summary"].as_str()),
        json!(strings("classified_by")
            .iter()
            .map(|name| collapse(name).to_uppercase())
            .collect::<Vec<_>>()),
        set("references", false),
        json!(signers),
        text(object["subject"].as_str()),
    ]
}

/// Text with its blanks collapsed; none and empty are the same.
fn text(value: Option<&str>) -> Value {
    match value.map(collapse) {
        Some(text) if !text.is_empty() => Value::String(text),
        _ => Value::Null,
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn run_diff(request: &DiffRequest) -> ExitCode {
    let (cables, cablemap) = match (
        read_maybe_gzipped(&request.cables),
        read_maybe_gzipped(&request.cablemap),
    ) {
        (Ok(cables), Ok(cablemap)) => (cables, cablemap),
        (Err(error), _) => return fail(&format!("cannot read {}: {error}", request.cables)),
        (_, Err(error)) => return fail(&format!("cannot read {}: {error}", request.cablemap)),
    };
    let readings: HashMap<String, Value> = String::from_utf8_lossy(&cablemap)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter_map(|object| Some((object["id"].as_str()?.to_string(), object)))
        .collect();
    let (text, _) = cable::decode(&cables);
    let out = match std::fs::File::create(&request.out) {
        Ok(file) => file,
        Err(error) => return fail(&format!("cannot write {}: {error}", request.out)),
    };
    let mut out = io::BufWriter::new(out);
    let mut agree = [0usize; 6];
    let mut disagree = [0usize; 6];
    let mut kept: Vec<Disagreement> = Vec::new();
    let (mut n_rows, mut n_compared) = (0, 0);
    let mut invalid: Vec<String> = Vec::new();
    for row in cable::csv_rows(&text) {
        n_rows += 1;
        let id = row.column(2);
        let Some(reading) = readings.get(&id) else {
            continue;
        };
        n_compared += 1;
        let record = text.get(row.span.range()).unwrap_or("");
        let options = cable::Options::default();
        let parse = cable::parse_with(record, options);
        if let Err(error) = cable::validate(record, &parse) {
            invalid.push(format!("{id}: {error}"));
        }
        let ours = fields(&parse);
        let theirs = cablemap_fields(reading);
        for (idx, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
            if ours == theirs {
                agree[idx] += 1;
                continue;
            }
            disagree[idx] += 1;
            if request.sample.is_some() {
                kept.push(Disagreement {
                    field: idx,
                    id: id.clone(),
                    ours: ours.clone(),
                    cablemap: theirs.clone(),
                    text: format!(
                        "# {id}, dated {} by the publisher, from {}\n\n{}\n\n{}\n",
                        row.column(1),
                        row.column(3),
                        row.column(6).trim_end(),
                        row.column(7)
                    ),
                });
            }
            let line = json!({
                "id": id,
                "field": FIELDS[idx],
                "ours": ours,
                "cablemap": theirs,
            });
            if writeln!(out, "{line}").is_err() {
                return fail(&format!("cannot write {}", request.out));
            }
        }
    }
    if out.flush().is_err() {
        return fail(&format!("cannot write {}", request.out));
    }
    println!(
        "{n_rows} records read, {n_compared} with cablemap's reading; disagreements in {}",
        request.out
    );
    println!("parses whose spans break the invariant: {}", invalid.len());
    for problem in invalid.iter().take(10) {
        println!("  {problem}");
    }
    println!(
        "{:<14} {:>7} {:>9} {:>8}",
        "field", "agree", "disagree", "share"
    );
    let mut shares = [0.0; 6];
    for (idx, field) in FIELDS.iter().enumerate() {
        shares[idx] = disagree[idx] as f64 / n_compared.max(1) as f64;
        println!(
            "{field:<14} {:>7} {:>9} {:>7.1} %",
            agree[idx],
            disagree[idx],
            100.0 * shares[idx]
        );
    }
    if let Some((per_field, seed, sheets)) = &request.sample {
        match judge::write_sample(&kept, *per_field, *seed, Path::new(sheets)) {
            Ok(report) => print!("\nsample (seed {seed}) in {sheets}/sample.tsv:\n{report}"),
            Err(problem) => return fail(&problem),
        }
    }
    if let Some(sheets) = &request.judged {
        match judge::estimate(Path::new(sheets), &shares) {
            Ok(report) => print!(
                "\nestimated share of all cables with a wrong value, from {sheets}:\n{report}"
            ),
            Err(problem) => return fail(&problem),
        }
    }
    ExitCode::SUCCESS
}

fn fail(problem: &str) -> ExitCode {
    eprintln!("cable: {problem}");
    ExitCode::from(1)
}
