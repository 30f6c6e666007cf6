//! `cable parse [--year YYYY] [--pretty] [FILE|-]...`: one JSON object per input, one per line.
//!
//! A bad cable is not a failure: its problems are diagnostics in the JSON and the exit code is 0.
//! Only unreadable files and bad arguments give a non-zero code, after every other input has
//! been printed.

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cable parse [--year YYYY] [--pretty] [FILE|-]...

Parses each FILE (or standard input, for `-` or no FILE) as the text of a US diplomatic cable and
prints one JSON object per input, one per line. The schema is docs/SCHEMA.md.

  --year YYYY   the cable's year, for text without a date-time group (a snippet)
  --pretty      indent the JSON (then objects span several lines)
";

/// What the command line asked for.
struct Request {
    options: cable::Options,
    pretty: bool,
    inputs: Vec<String>,
}

fn parse_arguments(arguments: &[String]) -> Result<Request, String> {
    let mut arguments = arguments.iter();
    match arguments.next().map(String::as_str) {
        Some("parse") => {}
        Some("-h" | "--help" | "help") => return Err(String::new()),
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("no command given".to_string()),
    }
    let mut request = Request {
        options: cable::Options::default(),
        pretty: false,
        inputs: Vec::new(),
    };
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--year" => {
                let value = arguments.next().ok_or("--year needs a four-digit year")?;
                request.options.year = Some(parse_year(value)?);
            }
            year if year.starts_with("--year=") => {
                request.options.year = Some(parse_year(year.trim_start_matches("--year="))?);
            }
            "--pretty" => request.pretty = true,
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

fn parse_year(value: &str) -> Result<u16, String> {
    value
        .parse::<u16>()
        .ok()
        .filter(|year| (1900..=2099).contains(year))
        .ok_or_else(|| format!("--year takes a four-digit year, not `{value}`"))
}

/// Reads a file or standard input as the page does: UTF-8, else ISO-8859-1 (`cable::decode`).
fn read_input(input: &str) -> io::Result<String> {
    let bytes = if input == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        bytes
    } else {
        std::fs::read(input)?
    };
    Ok(cable::decode(&bytes).0)
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let request = match parse_arguments(&arguments) {
        Ok(request) => request,
        Err(problem) if problem.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprint!("cable: {problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for input in &request.inputs {
        let text = match read_input(input) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cable: cannot read {input}: {error}");
                failed = true;
                continue;
            }
        };
        let parse = cable::parse_with(&text, request.options);
        let mut object = serde_json::Map::new();
        object.insert(
            "source".to_string(),
            serde_json::Value::String(input.clone()),
        );
        match serde_json::to_value(&parse) {
            Ok(serde_json::Value::Object(fields)) => object.extend(fields),
            Ok(_) | Err(_) => {
                eprintln!("cable: could not turn the parse of {input} into JSON");
                failed = true;
                continue;
            }
        }
        let json = serde_json::Value::Object(object);
        let written = if request.pretty {
            serde_json::to_writer_pretty(&mut out, &json)
        } else {
            serde_json::to_writer(&mut out, &json)
        };
        if written.is_err() || writeln!(out).is_err() {
            // Standard output is gone (a closed pipe): nothing more can be printed.
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
