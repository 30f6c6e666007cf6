//! `cable index`, `cable search`, `cable cites`, `cable cited-by`: a whole `cables.csv` made into
//! a collection (the `collection` crate) in a folder, and questions asked of it.
//!
//! Building uses the dump reader (`dump::Records`) and the same scheme as `cable parse`: one
//! reader, one worker a core, one writer, bounded queues between them. The reader hands each
//! worker a batch of records (about `--segment-mb` MB); the worker parses them and builds one
//! segment, as a Web Worker of the page will; the writer takes the segments in the file's order
//! and writes each to the folder as it comes, then keeps it without its texts. At the end the
//! segments are merged and the manifest written.

use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use std::time::Instant;

use collection::{Doc, Facet, Index, Order, Place, Query, Segment, SegmentBuilder};

use crate::dump::{self, Item, Records};

pub(crate) const USAGE: &str = "\
usage: cable index CABLES.CSV[.gz] --out DIR [--jobs N] [--segment-mb MB]
       cable search DIR QUERY [--facet NAME=VALUE]... [--by-date] [--limit N] [--year YYYY]
                    [--counts]
       cable cites DIR ID
       cable cited-by DIR ID
       cable missing DIR [--limit N]

index: reads a whole cables.csv (gzipped or not) record by record, parses each with its own ID
and date columns (as `cable parse` does) on N threads, and writes the collection to DIR: one
file a segment (segment-00000.bin, ...: about MB megabytes of records each, default 8) and
manifest.bin. Rows that are no record are reported with their line and counted. Progress goes
to standard error: records, cables a second; at the end the counts, the rows skipped and the
sizes.

search: the cables of DIR that have every word and \"quoted phrase\" of QUERY, best first (BM25),
or newest first with --by-date; one line a hit (number, ID, date, score, subject) and a snippet
with the matched words in [brackets]. A cable ID in QUERY (08OTTAWA372, 08 OTTAWA 372, or
OTTAWA 372 with --year 2008) is listed with the cable it names. --facet keeps cables with that
value (repeat: values of one facet are alternatives, facets all apply); facets are year (2008),
month (2008-03), origin (OTTAWA), classification (CONFIDENTIAL), caveat (NOFORN), tag (PREL),
precedence (IMMEDIATE). --counts prints each facet's most frequent values among the matches.

cites: every cable ID cites, REF items and citations in the text, each with where it is cited
and the collection's cable it names, or `not in this collection`.
cited-by: every cable of DIR that cites ID, with the REF item or paragraph that cites it.
missing: the IDs most cited by DIR's cables that DIR lacks.
";

/// The commands of this module, when `arguments` asks for one.
pub(crate) fn dispatch(arguments: &[String]) -> Option<ExitCode> {
    let (command, rest) = arguments.split_first()?;
    let run = match command.as_str() {
        "index" => run_index,
        "search" => run_search,
        "cites" => run_cites,
        "cited-by" => run_cited_by,
        "missing" => run_missing,
        _ => return None,
    };
    if rest
        .iter()
        .any(|argument| argument == "-h" || argument == "--help")
    {
        print!("{USAGE}");
        return Some(ExitCode::SUCCESS);
    }
    Some(match run(rest) {
        Ok(code) => code,
        Err(problem) => {
            eprint!("cable: {problem}\n\n{USAGE}");
            ExitCode::from(2)
        }
    })
}

/// A number after a flag.
fn number(flag: &str, value: Option<&String>) -> Result<usize, String> {
    value
        .and_then(|value| value.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{flag} takes a number, 1 or more"))
}

fn run_index(arguments: &[String]) -> Result<ExitCode, String> {
    let mut input = None;
    let mut out = None;
    let mut jobs = std::thread::available_parallelism().map_or(1, usize::from);
    let mut segment_mb = 8;
    let mut arguments = arguments.iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--out" => out = Some(arguments.next().ok_or("--out needs a folder")?.clone()),
            "--jobs" => jobs = number("--jobs", arguments.next())?,
            "--segment-mb" => segment_mb = number("--segment-mb", arguments.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            file if input.is_none() => input = Some(file.to_string()),
            _ => return Err("index takes one cables.csv".to_string()),
        }
    }
    let input = input.ok_or("index needs a cables.csv")?;
    let out = PathBuf::from(out.ok_or("index needs --out DIR")?);
    Ok(build(&input, &out, jobs, segment_mb * 1024 * 1024))
}

/// A batch of the dump for one segment: records and the stretches passed over, in order.
type Batch = Vec<Item>;

fn build(input: &str, out: &Path, jobs: usize, segment_bytes: usize) -> ExitCode {
    let started = Instant::now();
    let mut records = match dump::open(input) {
        Ok(reader) => Records::new(reader),
        Err(error) => {
            eprintln!("cable: cannot read {input}: {error}");
            return ExitCode::from(1);
        }
    };
    match records.looks_like_a_dump() {
        Ok(true) => {}
        Ok(false) => {
            eprintln!(
                "cable: {input} is not a cables.csv: its first two rows are not records of eight quoted columns"
            );
            return ExitCode::from(1);
        }
        Err(error) => {
            eprintln!("cable: cannot read {input}: {error}");
            return ExitCode::from(1);
        }
    }
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("cable: cannot make {}: {error}", out.display());
        return ExitCode::from(1);
    }
    let (job_sender, job_receiver) = sync_channel::<(Batch, SyncSender<Segment>)>(jobs);
    let job_receiver = Mutex::new(job_receiver);
    let (order_sender, order_receiver) = sync_channel::<Receiver<Segment>>(2 * jobs);
    let outcome = std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            let job_receiver = &job_receiver;
            scope.spawn(move || loop {
                let job = match job_receiver.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                let Ok((batch, returned)) = job else {
                    return;
                };
                let _ = returned.send(build_segment(batch));
            });
        }
        let reader = scope.spawn(move || -> Result<u64, String> {
            let mut record_bytes = 0u64;
            let mut batch = Vec::new();
            let mut batch_bytes = 0;
            let send = |batch: Batch| {
                let (returned, receiver) = sync_channel(1);
                order_sender.send(receiver).is_ok() && job_sender.send((batch, returned)).is_ok()
            };
            for item in records {
                let item = item.map_err(|error| format!("cannot read {input}: {error}"))?;
                if let Item::Record(record) = &item {
                    batch_bytes += record.bytes.len();
                    record_bytes += record.bytes.len() as u64;
                }
                batch.push(item);
                if batch_bytes >= segment_bytes {
                    batch_bytes = 0;
                    if !send(std::mem::take(&mut batch)) {
                        return Ok(record_bytes);
                    }
                }
            }
            if !batch.is_empty() {
                send(batch);
            }
            Ok(record_bytes)
        });
        let mut segments = Vec::new();
        let mut n_records = 0;
        for returned in order_receiver {
            let Ok(mut segment) = returned.recv() else {
                return Err("a worker stopped".to_string());
            };
            let path = out.join(format!("segment-{:05}.bin", segments.len()));
            // A segment just built holds its texts: its stored form is whole.
            std::fs::write(&path, segment.as_bytes().unwrap_or_default())
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
            for &(line, n_lines) in segment.skipped() {
                eprintln!(
                    "cable: {input}, line {line}: {n_lines} line(s) that are no cables.csv record, passed over"
                );
            }
            // Written: its texts are read from the file from now on, as the page will.
            segment.release_texts();
            n_records += segment.len();
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "cable index: {n_records} records, {:.0} cables/s",
                n_records as f64 / seconds.max(1e-9)
            );
            segments.push(segment);
        }
        let record_bytes = reader
            .join()
            .unwrap_or_else(|_| Err("the reader stopped".to_string()))?;
        Ok((segments, record_bytes))
    });
    let (segments, record_bytes) = match outcome {
        Ok(outcome) => outcome,
        Err(problem) => {
            eprintln!("cable: {problem}");
            return ExitCode::from(1);
        }
    };
    let index = Index::build(segments);
    let manifest = out.join("manifest.bin");
    if let Err(error) = std::fs::write(&manifest, index.manifest()) {
        eprintln!("cable: cannot write {}: {error}", manifest.display());
        return ExitCode::from(1);
    }
    let seconds = started.elapsed().as_secs_f64();
    let skipped = index.skipped();
    let sizes = index.sizes();
    let missing = index.most_cited_missing(1);
    eprintln!(
        "cable index: {} cables in {} segments in {seconds:.1} s ({:.0} cables/s); {} stretch(es) of rows skipped ({} lines)",
        index.len(),
        index.segments().len(),
        index.len() as f64 / seconds.max(1e-9),
        skipped.len(),
        skipped.iter().map(|&(_, n)| u64::from(n)).sum::<u64>(),
    );
    eprintln!(
        "cable index: {} stored: {} bytes (texts {}, search {}, the rest {}), {:.2} times the records' {record_bytes} bytes{}",
        out.display(),
        sizes.total,
        sizes.texts,
        sizes.search,
        sizes.total - sizes.texts - sizes.search,
        sizes.total as f64 / (record_bytes as f64).max(1.0),
        match missing.first() {
            Some((id, n)) => format!("; most cited not in it: {id} ({n} cables)"),
            None => String::new(),
        }
    );
    if skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Parses a batch's records and indexes them as one segment.
fn build_segment(batch: Batch) -> Segment {
    let mut builder = SegmentBuilder::new();
    for item in batch {
        match item {
            Item::Record(record) => {
                let text = match String::from_utf8(record.bytes) {
                    Ok(text) => text,
                    Err(error) => cable::decode(error.as_bytes()).0,
                };
                builder.push(Doc::read(record.line as u32, text));
            }
            Item::Skipped { line, n_lines } => builder.skip(line as u32, n_lines as u32),
        }
    }
    builder.finish()
}

/// Reads the collection in `dir`, leaving the texts in its segment files as the page will
/// (`read_text` reads one when it is shown).
fn open(dir: &str) -> Result<Index, String> {
    let dir = Path::new(dir);
    let manifest_path = dir.join("manifest.bin");
    let manifest = std::fs::read(&manifest_path)
        .map_err(|error| format!("cannot read {}: {error}", manifest_path.display()))?;
    let mut segments = Vec::new();
    loop {
        let path = dir.join(format!("segment-{:05}.bin", segments.len()));
        match std::fs::read(&path) {
            Ok(bytes) => segments.push(bytes),
            Err(error) if error.kind() == io::ErrorKind::NotFound => break,
            Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
        }
    }
    let mut index = Index::from_parts(&manifest, segments)
        .map_err(|error| format!("{}: {error}", dir.display()))?;
    index.release_texts();
    Ok(index)
}

/// Cable `doc`'s text and the ranges of it searched, read from its block in its segment file.
fn read_text(dir: &str, index: &Index, doc: u32) -> Result<(String, Vec<(usize, usize)>), String> {
    let (segment, (start, end)) = index
        .text_block(doc)
        .ok_or_else(|| format!("no cable {doc} in {dir}"))?;
    let path = Path::new(dir).join(format!("segment-{segment:05}.bin"));
    let mut block = vec![0; end - start];
    let mut file = std::fs::File::open(&path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    file.seek(io::SeekFrom::Start(start as u64))
        .and_then(|_| file.read_exact(&mut block))
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    index
        .text_in_block(doc, &block)
        .map_err(|error| format!("{}: {error}", path.display()))
}

/// `2008-03-14`, or `----------` for a cable without a date.
fn day(index: &Index, doc: u32) -> String {
    match index.entry(doc).and_then(|entry| entry.date) {
        Some(minutes) => {
            let (year, month, day) = collection::date_of_day(minutes.div_euclid(1440));
            format!("{year:04}-{month:02}-{day:02}")
        }
        None => "----------".to_string(),
    }
}

/// The cable's ID as the collection names it: canonical, else as published, else its line.
fn name(index: &Index, doc: u32) -> String {
    match index.entry(doc) {
        Some(entry) => entry
            .id
            .clone()
            .or_else(|| (!entry.published_id.is_empty()).then(|| entry.published_id.clone()))
            .unwrap_or_else(|| format!("line {}", entry.line)),
        None => format!("cable {doc}"),
    }
}

fn place(place: Place) -> String {
    match place {
        Place::Reference(idx) => format!("REF item {}", idx + 1),
        Place::Paragraph(idx) => format!("paragraph {}", idx + 1),
        Place::Elsewhere => "outside the paragraphs".to_string(),
    }
}

fn run_search(arguments: &[String]) -> Result<ExitCode, String> {
    let mut positional = Vec::new();
    let mut query = Query {
        limit: 10,
        ..Query::default()
    };
    let mut counts = false;
    let mut arguments = arguments.iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--facet" => {
                let value = arguments.next().ok_or("--facet needs NAME=VALUE")?;
                let (name, value) = value
                    .split_once('=')
                    .ok_or_else(|| format!("--facet takes NAME=VALUE, not `{value}`"))?;
                let facet = Facet::from_name(name).ok_or_else(|| {
                    format!("no facet `{name}`: year, month, origin, classification, caveat, tag, precedence")
                })?;
                query.filter.select(facet, &value.to_uppercase());
            }
            "--by-date" => query.order = Order::Date,
            "--limit" => query.limit = number("--limit", arguments.next())?,
            "--year" => {
                query.year = Some(
                    arguments
                        .next()
                        .and_then(|year| year.parse().ok())
                        .filter(|year| (1900..=2099).contains(year))
                        .ok_or("--year takes a four-digit year")?,
                )
            }
            "--counts" => counts = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            other => positional.push(other.to_string()),
        }
    }
    let [dir, text] = <[String; 2]>::try_from(positional)
        .map_err(|_| "search takes a folder and a query (quote a query of several words)")?;
    query.text = text;
    with_index(&dir, |index| print_search(&dir, &index, &query, counts))
}

/// Prints a search's hits, snippets and (with `counts`) facet counts.
fn print_search(dir: &str, index: &Index, query: &Query, counts: bool) -> Result<ExitCode, String> {
    let results = index.search(query);
    let mut lines = Vec::new();
    for id in &results.ids {
        lines.push(match id.doc {
            Some(doc) => format!("ID {}: cable {doc}, {}", id.id, day(index, doc)),
            None => format!("ID {}: not in this collection (cited by it)", id.id),
        });
    }
    lines.push(format!("{} matches", results.n_matches));
    for (rank, hit) in results.hits.iter().enumerate() {
        let subject = index
            .entry(hit.doc)
            .map(|entry| entry.subject.clone())
            .unwrap_or_default();
        lines.push(format!(
            "{:>3}. {} {} {:.3} {subject}",
            rank + 1,
            name(index, hit.doc),
            day(index, hit.doc),
            hit.score
        ));
        if !results.clauses.is_empty() {
            match read_text(dir, index, hit.doc) {
                Ok((text, searched)) => {
                    let snippet = collection::snippet(text, &searched, &results.clauses);
                    lines.push(format!("     {}", show_snippet(&snippet)));
                }
                Err(problem) => lines.push(format!("     (no snippet: {problem})")),
            }
        }
    }
    if counts {
        for facet in index.facet_counts(&query.filter, Some(&results.matching)) {
            let mut values = facet.counts;
            values.retain(|(_, count)| *count > 0);
            values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let shown: Vec<String> = values
                .iter()
                .take(8)
                .map(|(value, count)| format!("{value} {count}"))
                .collect();
            lines.push(format!("{}: {}", facet.facet.name(), shown.join(", ")));
        }
    }
    print_lines(lines.into_iter())
}

/// The snippet's window on one line, its marks in brackets.
fn show_snippet(snippet: &collection::Snippet) -> String {
    let (start, end) = snippet.window;
    let mut shown = String::new();
    let mut at = start;
    for &(mark_start, mark_end) in &snippet.marks {
        if mark_start < at || mark_end > end {
            continue;
        }
        shown.push_str(snippet.text.get(at..mark_start).unwrap_or_default());
        shown.push('[');
        shown.push_str(snippet.text.get(mark_start..mark_end).unwrap_or_default());
        shown.push(']');
        at = mark_end;
    }
    shown.push_str(snippet.text.get(at..end).unwrap_or_default());
    shown.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folder and the cable ID of `cites` and `cited-by`, the ID in canonical form.
fn folder_and_id(arguments: &[String], command: &str) -> Result<(String, String), String> {
    let [dir, id] = <[String; 2]>::try_from(arguments.to_vec())
        .map_err(|_| format!("{command} takes a folder and a cable ID"))?;
    let canonical = cable::canonicalize_id(&id).ok_or_else(|| {
        format!("{command} takes a cable ID (year, station, serial: 08OTTAWA372), not `{id}`")
    })?;
    Ok((dir, canonical))
}

/// Runs `answer` on the collection in `dir`; a folder that holds none is reported (exit 1).
fn with_index(
    dir: &str,
    answer: impl FnOnce(Index) -> Result<ExitCode, String>,
) -> Result<ExitCode, String> {
    match open(dir) {
        Ok(index) => answer(index),
        Err(problem) => {
            eprintln!("cable: {problem}");
            Ok(ExitCode::from(1))
        }
    }
}

fn run_cites(arguments: &[String]) -> Result<ExitCode, String> {
    let (dir, id) = folder_and_id(arguments, "cites")?;
    with_index(&dir, |index| {
        let Some(&doc) = index.docs_with_id(&id).first() else {
            eprintln!("cable: {id} is not in this collection");
            return Ok(ExitCode::from(1));
        };
        let lines = index.cites(doc).into_iter().map(|cited| {
            let found = match cited.doc {
                Some(doc) => format!("cable {doc}, {}", day(&index, doc)),
                None => "not in this collection".to_string(),
            };
            format!("{}\t{}\t{found}", cited.id, place(cited.place))
        });
        print_lines(lines)
    })
}

fn run_cited_by(arguments: &[String]) -> Result<ExitCode, String> {
    let (dir, id) = folder_and_id(arguments, "cited-by")?;
    with_index(&dir, |index| {
        let lines = index.cited_by(&id).into_iter().map(|citing| {
            format!(
                "{}\t{}\t{}",
                name(&index, citing.doc),
                day(&index, citing.doc),
                place(citing.place)
            )
        });
        print_lines(lines)
    })
}

fn run_missing(arguments: &[String]) -> Result<ExitCode, String> {
    let mut limit = 20;
    let mut dir = None;
    let mut arguments = arguments.iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--limit" => limit = number("--limit", arguments.next())?,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            folder => dir = Some(folder.to_string()),
        }
    }
    with_index(&dir.ok_or("missing takes a folder")?, |index| {
        let lines = index
            .most_cited_missing(limit)
            .into_iter()
            .map(|(id, n)| format!("{id}\t{n}"));
        print_lines(lines)
    })
}

fn print_lines(lines: impl Iterator<Item = String>) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(if out.flush().is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
