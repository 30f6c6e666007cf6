//! `cable parse [--year YYYY] [--id ID] [--pretty | --outline] [--csv] [--jobs N] [FILE|-]...`: one
//! JSON object per input, one per line, or the parse's outline (one line a node, as
//! `corpus/parses/` keeps it); a whole `cables.csv` gives one a record, parsed on every core.
//! `cable link [--base URL] [--select ELEMENT] [view options] [FILE|-]...`: the page's link to
//! each input, one per line.
//! `cable diff CABLES.CSV CABLEMAP.JSONL [--out FILE]`: agreement with heuer/cablemap, per field.
//!
//! A bad cable is not a failure: its problems are diagnostics in the JSON and the exit code is 0.
//! Only unreadable files, bad arguments and links that cannot be made give a non-zero code,
//! after every other input has been printed.

mod diff;
mod dump;
mod index;
mod json;
mod judge;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use diff::DiffRequest;

/// mimalloc rather than the system's allocator: a parse is many small allocations, which it
/// serves from each thread's own free lists in a fraction of glibc's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
usage: cable parse [--year YYYY] [--id ID] [--pretty | --outline] [--csv] [--jobs N] [FILE|-]...
       cable link [--base URL] [--select ELEMENT] [--source] [--as-written] [--transmission]
                  [--notes] [--all-paragraphs] [FILE|-]...
       cable diff CABLES.CSV CABLEMAP.JSONL [--out FILE] [--sample N --seed S --sheets DIR]
                  [--judged DIR]
       cable index CABLES.CSV --out DIR | search DIR QUERY | cites DIR ID | cited-by DIR ID
                  (a collection: `cable index --help`)

parse: reads each FILE (or standard input, for `-` or no FILE) as the text of a US diplomatic
cable and prints one JSON object per input, one per line. The schema is docs/SCHEMA.md.
A whole cables.csv (WikiLeaks' dump; an input whose first two records are cables.csv records)
is read record by record: one JSON object a record, in the file's order, each parsed with its
own ID and date columns, its `source` the FILE and the record's row number (`cables.csv:1289`);
a stretch that is no record is reported on standard error with its line, and skipped. A FILE
(or standard input) that is gzipped is read unzipped.

  --year YYYY   the cable's year, for text without a date-time group (a snippet)
  --id ID       the cable's ID (08OTTAWA372), for text that does not state it: its year dates
                the cables it cites, its station and serial name it; one FILE only. (A
                cables.csv record's own ID and date columns are used without asking.)
  --csv         read each input as a whole cables.csv, even one of a single record
  --jobs N      parse a cables.csv's records on N threads (default: one a core); the output
                keeps the file's order
  --pretty      indent the JSON (then objects span several lines)
  --outline     print the parse as an outline instead: one line a node (path, span, text as
                written, value), the form corpus/parses/ keeps; inputs are separated by a line
                `# FILE`

link: prints, for each input, the link the page makes to it: the page's address, then `#` and
the text and view, compressed (the cable never reaches a server).

  --base URL          the page's address (default http://127.0.0.1:8080/, what `./x serve` serves)
  --select ELEMENT    select and scroll to an element: p-4 (paragraph 4), ref-B (reference B),
                      field-subject, field-tags, field-date-time, ... (its anchor in the page)
  --source            open the source view
  --as-written        show reading aids as written (POST,S), not read (POST'S)
  --transmission      unfold the transmission details
  --notes             unfold the parser's notes
  --all-paragraphs    show every paragraph of a long text

diff: parses every record of a cables.csv (with its own ID and date) and compares tags, summary,
classified-by, references, signer and subject with heuer/cablemap's reading of the same cables
(JSON Lines keyed by the published ID); either file may be gzipped. Prints agreement per field
and writes each disagreement as a line of JSON.

  --out FILE          where the disagreements go (default disagreements.jsonl)
  --sample N --seed S --sheets DIR
                      draw N disagreements a field at random (cables sampled in DIR's sibling
                      folders left out) into DIR/sample.tsv, the readings shown as A and B in a
                      drawn order, each cable's text in DIR/texts/, for judging into
                      DIR/verdicts.tsv (field, ID, A|B|both|neither, why)
  --judged DIR        estimate from DIR's judged sample the share of all cables on which each
                      parser gives a wrong value, per field
";

/// Links longer than this are cut by some chat applications (Discord's limit); `cable link` warns.
const LONG_LINK: usize = 2000;

/// What `cable parse` was asked for.
struct Request {
    options: cable::Options,
    pretty: bool,
    outline: bool,
    /// Read every input as a whole `cables.csv`.
    csv: bool,
    /// Threads parsing a `cables.csv`'s records.
    jobs: usize,
    inputs: Vec<String>,
}

/// What `cable link` was asked for.
struct LinkRequest {
    base: String,
    view: permalink::View,
    inputs: Vec<String>,
}

/// The command line.
enum Command {
    Parse(Request),
    Link(LinkRequest),
    Diff(DiffRequest),
}

fn parse_arguments(arguments: &[String]) -> Result<Command, String> {
    let mut arguments = arguments.iter();
    match arguments.next().map(String::as_str) {
        Some("parse") => {}
        Some("link") => return parse_link_arguments(arguments).map(Command::Link),
        Some("diff") => return parse_diff_arguments(arguments).map(Command::Diff),
        Some("-h" | "--help" | "help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("no command given".to_string()),
    }
    let mut request = Request {
        options: cable::Options::default(),
        pretty: false,
        outline: false,
        csv: false,
        jobs: std::thread::available_parallelism().map_or(1, usize::from),
        inputs: Vec::new(),
    };
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--jobs" => {
                let value = arguments.next().ok_or("--jobs needs a number of threads")?;
                request.jobs = parse_jobs(value)?;
            }
            jobs if jobs.starts_with("--jobs=") => {
                request.jobs = parse_jobs(jobs.trim_start_matches("--jobs="))?;
            }
            "--csv" => request.csv = true,
            "--year" => {
                let value = arguments.next().ok_or("--year needs a four-digit year")?;
                request.options.year = Some(parse_year(value)?);
            }
            year if year.starts_with("--year=") => {
                request.options.year = Some(parse_year(year.trim_start_matches("--year="))?);
            }
            "--id" => {
                let value = arguments
                    .next()
                    .ok_or("--id needs a cable ID, like 08OTTAWA372")?;
                request.options.id = Some(parse_id(value)?);
            }
            id if id.starts_with("--id=") => {
                request.options.id = Some(parse_id(id.trim_start_matches("--id="))?);
            }
            "--pretty" => request.pretty = true,
            "--outline" => request.outline = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            input => request.inputs.push(input.to_string()),
        }
    }
    if request.pretty && request.outline {
        return Err("--pretty and --outline are two forms: choose one".to_string());
    }
    if request.inputs.is_empty() {
        request.inputs.push("-".to_string());
    }
    if request.options.id.is_some() && request.inputs.len() > 1 {
        return Err("--id names one cable: give one FILE with it".to_string());
    }
    Ok(Command::Parse(request))
}

fn parse_link_arguments<'a>(
    mut arguments: impl Iterator<Item = &'a String>,
) -> Result<LinkRequest, String> {
    let mut request = LinkRequest {
        base: "http://127.0.0.1:8080/".to_string(),
        view: permalink::View::default(),
        inputs: Vec::new(),
    };
    while let Some(argument) = arguments.next() {
        let (flag, inline) = match argument.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (argument.as_str(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| arguments.next().cloned())
                .ok_or(format!("{flag} needs {what}"))
        };
        match flag {
            "--base" => {
                let base = value("the page's address")?;
                if base.contains('#') {
                    return Err(format!(
                        "--base takes the page's address without a `#`, not `{base}`"
                    ));
                }
                request.base = base;
            }
            "--select" => request.view.selected = Some(value("an element's anchor, like p-4")?),
            "--source" => request.view.source_open = true,
            "--as-written" => request.view.as_written = true,
            "--transmission" => request.view.transmission_open = true,
            "--notes" => request.view.notes_open = true,
            "--all-paragraphs" => request.view.all_paragraphs = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            input => request.inputs.push(input.to_string()),
        }
    }
    if request.inputs.is_empty() {
        request.inputs.push("-".to_string());
    }
    Ok(request)
}

fn parse_diff_arguments<'a>(
    mut arguments: impl Iterator<Item = &'a String>,
) -> Result<DiffRequest, String> {
    let mut files: Vec<String> = Vec::new();
    let mut out = "disagreements.jsonl".to_string();
    let (mut sample, mut seed, mut sheets, mut judged) = (None, None, None, None);
    while let Some(argument) = arguments.next() {
        let mut value = |what: &str| {
            arguments
                .next()
                .cloned()
                .ok_or(format!("{argument} needs {what}"))
        };
        match argument.as_str() {
            "--out" => out = value("a file")?,
            "--sample" => {
                sample = Some(
                    value("a number")?
                        .parse::<usize>()
                        .map_err(|_| "--sample takes a number")?,
                )
            }
            "--seed" => {
                seed = Some(
                    value("a number")?
                        .parse::<u64>()
                        .map_err(|_| "--seed takes a number")?,
                )
            }
            "--sheets" => sheets = Some(value("a folder")?),
            "--judged" => judged = Some(value("a folder")?),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file => files.push(file.to_string()),
        }
    }
    match <[String; 2]>::try_from(files) {
        Ok([cables, cablemap]) => Ok(DiffRequest {
            cables,
            cablemap,
            out,
            sample: match (sample, seed, sheets) {
                (Some(n), Some(seed), Some(sheets)) => Some((n, seed, sheets)),
                (None, None, None) => None,
                _ => return Err("--sample, --seed and --sheets go together".to_string()),
            },
            judged,
        }),
        Err(_) => Err("diff takes two files: a cables.csv and cablemap's JSON Lines".to_string()),
    }
}

fn parse_year(value: &str) -> Result<u16, String> {
    value
        .parse::<u16>()
        .ok()
        .filter(|year| (1900..=2099).contains(year))
        .ok_or_else(|| format!("--year takes a four-digit year, not `{value}`"))
}

fn parse_jobs(value: &str) -> Result<usize, String> {
    value
        .parse::<usize>()
        .ok()
        .filter(|&jobs| jobs > 0)
        .ok_or_else(|| format!("--jobs takes a number of threads, 1 or more, not `{value}`"))
}

fn parse_id(value: &str) -> Result<String, String> {
    cable::canonicalize_id(value).ok_or_else(|| {
        format!("--id takes a cable ID (year, station, serial: 08OTTAWA372), not `{value}`")
    })
}

/// Reads a file or standard input (gunzipped, when it is gzipped) as the page does: UTF-8, else
/// ISO-8859-1 (`cable::decode`).
fn read_input(input: &str) -> io::Result<String> {
    let mut bytes = Vec::new();
    dump::open(input)?.read_to_end(&mut bytes)?;
    Ok(cable::decode(&bytes).0)
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = index::dispatch(&arguments) {
        return code;
    }
    let command = match parse_arguments(&arguments) {
        Ok(command) => command,
        Err(problem) if problem.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprint!("cable: {problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Parse(request) => run_parse(&request),
        Command::Link(request) => run_link(&request),
        Command::Diff(request) => diff::run_diff(&request),
    }
}

/// What handling one input came to.
enum Outcome {
    /// Printed.
    Done,
    /// Reported on standard error; the other inputs go on.
    Failed,
    /// Standard output is gone (a closed pipe): nothing more can be printed.
    OutputGone,
}

/// Reads each input (a file, or `-` for standard input) and hands its text to `handle`, which
/// prints to standard output; an unreadable input is reported and the others go on.
fn each_input(
    inputs: &[String],
    mut handle: impl FnMut(&str, String, &mut dyn Write) -> Outcome,
) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for input in inputs {
        let text = match read_input(input) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cable: cannot read {input}: {error}");
                failed = true;
                continue;
            }
        };
        match handle(input, text, &mut out) {
            Outcome::Done => {}
            Outcome::Failed => failed = true,
            Outcome::OutputGone => return ExitCode::from(1),
        }
    }
    finish(out, failed)
}

fn run_parse(request: &Request) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let mut failed = false;
    for input in &request.inputs {
        match parse_input(request, input, &mut out) {
            Outcome::Done => {}
            Outcome::Failed => failed = true,
            Outcome::OutputGone => return ExitCode::from(1),
        }
    }
    finish(out, failed)
}

/// Prints the parse of one input: one cable, or every record of a whole `cables.csv`.
fn parse_input(request: &Request, input: &str, out: &mut dyn Write) -> Outcome {
    let cannot_read = |error: io::Error| {
        eprintln!("cable: cannot read {input}: {error}");
        Outcome::Failed
    };
    let mut records = match dump::open(input) {
        Ok(reader) => dump::Records::new(reader),
        Err(error) => return cannot_read(error),
    };
    let is_dump = match records.looks_like_a_dump() {
        Ok(looks_like_a_dump) => request.csv || looks_like_a_dump,
        Err(error) => return cannot_read(error),
    };
    if !is_dump {
        let text = match records.into_rest() {
            Ok(bytes) => cable::decode(&bytes).0,
            Err(error) => return cannot_read(error),
        };
        let parse = cable::parse_with(&text, request.options.clone());
        return match render(request, input, &parse) {
            Ok(output) if out.write_all(&output).is_err() => Outcome::OutputGone,
            Ok(_) => Outcome::Done,
            Err(problem) => {
                eprintln!("cable: {input}: {problem}");
                Outcome::Failed
            }
        };
    }
    if request.options.id.is_some() {
        eprintln!("cable: --id names one cable, and {input} is a whole cables.csv");
        return Outcome::Failed;
    }
    let handle = |record: &dump::Record| {
        // A record is mostly UTF-8: read in place, without the copy `decode` makes.
        let text = match std::str::from_utf8(&record.bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => std::borrow::Cow::Owned(cable::decode(&record.bytes).0),
        };
        // The row number is the first column, digits between quotes (a record is read only when
        // it is): no need to read the whole record again for it.
        let row = text.split('"').nth(1).unwrap_or_default();
        let parse = cable::parse_with(&text, request.options.clone());
        render(request, &format!("{input}:{row}"), &parse)
    };
    match dump::run(input, records, request.jobs, &handle, out) {
        dump::DumpOutcome::Done { failed: false } => Outcome::Done,
        dump::DumpOutcome::Done { failed: true } => Outcome::Failed,
        dump::DumpOutcome::OutputGone => Outcome::OutputGone,
    }
}

/// The printed form of one parse: a line of JSON (the parse with `source` first), indented
/// JSON, or the outline under a line `# SOURCE`.
fn render(request: &Request, source: &str, parse: &cable::Parse) -> Result<Vec<u8>, String> {
    let mut output = Vec::with_capacity(4 * parse.cable.span.end.max(1024));
    if request.outline {
        let outline = cable::outline(parse);
        output.extend_from_slice(format!("# {source}\n{outline}").as_bytes());
        return Ok(output);
    }
    let not_json = |_| "could not turn the parse into JSON".to_string();
    if request.pretty {
        let mut object = serde_json::Map::new();
        object.insert(
            "source".to_string(),
            serde_json::Value::String(source.to_string()),
        );
        match serde_json::to_value(parse).map_err(not_json)? {
            serde_json::Value::Object(fields) => object.extend(fields),
            _ => return Err("could not turn the parse into JSON".to_string()),
        }
        serde_json::to_writer_pretty(&mut output, &serde_json::Value::Object(object))
            .map_err(not_json)?;
    } else {
        // The parse written straight out (no `Value` tree between), its opening brace
        // replaced by `source` and a comma; by `json`, which writes what `serde_json` would,
        // faster.
        output.extend_from_slice(b"{\"source\":");
        json::write_str(&mut output, source);
        let parse_start = output.len();
        json::write(&mut output, parse)
            .map_err(|_| "could not turn the parse into JSON".to_string())?;
        match output.get(parse_start..) {
            Some(b"{}") => {
                output.truncate(parse_start);
                output.push(b'}');
            }
            Some([b'{', ..]) => {
                if let Some(brace) = output.get_mut(parse_start) {
                    *brace = b',';
                }
            }
            _ => return Err("could not turn the parse into JSON".to_string()),
        }
    }
    output.push(b'\n');
    Ok(output)
}

fn run_link(request: &LinkRequest) -> ExitCode {
    each_input(&request.inputs, |input, text, out| {
        // A link to an element the cable does not have would open on nothing: refuse it here.
        if let Some(anchor) = &request.view.selected {
            let parse = cable::parse(&text);
            if cable::anchors::find(&parse, anchor).is_none() {
                eprintln!(
                    "cable: {input} has no element `{anchor}` (anchors look like p-4, ref-B, field-subject, diag-2)"
                );
                return Outcome::Failed;
            }
        }
        let fragment = match permalink::encode(&text, &request.view) {
            Ok(fragment) => fragment,
            Err(error) => {
                eprintln!("cable: no link for {input}: {error}");
                return Outcome::Failed;
            }
        };
        let link = format!("{}#{fragment}", request.base);
        if link.len() > LONG_LINK {
            eprintln!(
                "cable: the link to {input} is {} characters; some chat applications cut links over {LONG_LINK}",
                link.len()
            );
        }
        if writeln!(out, "{link}").is_err() {
            return Outcome::OutputGone;
        }
        Outcome::Done
    })
}

fn finish(mut out: impl Write, failed: bool) -> ExitCode {
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
