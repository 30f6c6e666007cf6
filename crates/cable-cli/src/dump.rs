//! A whole `cables.csv` (WikiLeaks' dump, plain or gzipped) read record by record, and parsed
//! on every core with its output kept in input order.
//!
//! Memory stays the same however long the file: the reader holds the record it is reading and
//! the part of the file after it, and at most a few batches of records (about 256 KB each) a
//! worker wait between the reader, the workers and the writer (bounded channels).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;

use cable::{CsvItem, CsvSplitter};

/// How much is read from the file at a time.
const CHUNK: usize = 256 * 1024;

/// How many bytes of records a worker is handed at a time (about 40 cables), at least.
const BATCH: usize = 256 * 1024;

/// Opens a file, or standard input for `-`, gunzipping it when it starts as gzip does.
pub(crate) fn open(input: &str) -> io::Result<Box<dyn Read + Send>> {
    let reader: Box<dyn Read + Send> = if input == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(std::fs::File::open(input)?)
    };
    let mut reader = BufReader::with_capacity(CHUNK, reader);
    if reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(flate2::bufread::MultiGzDecoder::new(reader)))
    } else {
        Ok(Box::new(reader))
    }
}

/// One record of a dump, as bytes: it is decoded by the worker that parses it.
pub(crate) struct Record {
    /// The record's line in the file, from 1.
    pub(crate) line: usize,
    /// The record, from its first quote to its last.
    pub(crate) bytes: Vec<u8>,
}

/// What the reader met next in a dump.
pub(crate) enum Item {
    Record(Record),
    /// A stretch that is no record, from `line` on, `n_lines` lines long, passed over.
    Skipped {
        line: usize,
        n_lines: usize,
    },
}

/// The records of a dump, read as they are needed: a reader feeding the core's
/// [`CsvSplitter`], which does the cutting (the page feeds the same from a `File.stream()`).
pub(crate) struct Records {
    reader: Box<dyn Read + Send>,
    splitter: CsvSplitter,
    /// Everything read, while nothing was handed on: the input, should it be no dump.
    read_so_far: Option<Vec<u8>>,
    /// The piece being read, kept from one read to the next.
    chunk: Vec<u8>,
    at_end: bool,
}

impl Records {
    pub(crate) fn new(reader: Box<dyn Read + Send>) -> Records {
        Records {
            reader,
            splitter: CsvSplitter::new(),
            read_so_far: Some(Vec::new()),
            chunk: Vec::with_capacity(CHUNK),
            at_end: false,
        }
    }

    /// Whether the input is a dump: its first two records read as `cables.csv` records. (One
    /// record alone is read as one cable, as before there were dumps.)
    pub(crate) fn looks_like_a_dump(&mut self) -> io::Result<bool> {
        loop {
            if let Some(looks_like_a_dump) = self.splitter.looks_like_a_dump() {
                return Ok(looks_like_a_dump);
            }
            self.read_more()?;
        }
    }

    /// Everything not yet handed on, to the end of the input (called before any record is).
    pub(crate) fn into_rest(mut self) -> io::Result<Vec<u8>> {
        let mut rest = self.read_so_far.take().unwrap_or_default();
        self.reader.read_to_end(&mut rest)?;
        Ok(rest)
    }

    /// Reads the next piece of the file into the splitter, or tells it the file ended.
    fn read_more(&mut self) -> io::Result<()> {
        self.chunk.clear();
        let n_read = (&mut self.reader)
            .take(CHUNK as u64)
            .read_to_end(&mut self.chunk)?;
        if n_read == 0 {
            self.at_end = true;
            self.splitter.finish();
        } else {
            self.splitter.push(&self.chunk);
            if let Some(read_so_far) = &mut self.read_so_far {
                read_so_far.extend_from_slice(&self.chunk);
            }
        }
        Ok(())
    }

    /// The next record, or the stretch of lines passed over before a record can be read again.
    fn next_item(&mut self) -> io::Result<Option<Item>> {
        // From now on the input is read as a dump: no need to keep it whole.
        self.read_so_far = None;
        loop {
            match self.splitter.next_item() {
                Some(CsvItem::Record { line, bytes }) => {
                    return Ok(Some(Item::Record(Record {
                        line: line as usize,
                        bytes,
                    })))
                }
                Some(CsvItem::Skipped { line, n_lines }) => {
                    return Ok(Some(Item::Skipped {
                        line: line as usize,
                        n_lines: n_lines as usize,
                    }))
                }
                None if self.at_end => return Ok(None),
                None => self.read_more()?,
            }
        }
    }
}

impl Iterator for Records {
    type Item = io::Result<Item>;

    fn next(&mut self) -> Option<io::Result<Item>> {
        self.next_item().transpose()
    }
}

/// What became of a dump.
pub(crate) enum DumpOutcome {
    /// Every record was handed to `write`; `failed` when some part could not be read or handled.
    Done { failed: bool },
    /// `write` failed: the output is gone.
    OutputGone,
}

/// Turns each record into its output with `handle` on `jobs` threads, and writes the outputs in
/// the records' order with `write`. A stretch that is no record, a record `handle` refuses
/// (`Err(message)`), and a read error are reported on standard error, naming `input` and the
/// line; the others go on, except after a read error.
pub(crate) fn run(
    input: &str,
    records: Records,
    jobs: usize,
    handle: &(dyn Fn(&Record) -> Result<Vec<u8>, String> + Sync),
    out: &mut dyn Write,
) -> DumpOutcome {
    let jobs = jobs.max(1);
    // Records travel in batches, each to a worker with the channel its outputs come back on;
    // the writer holds those channels in the batches' order. Both queues are bounded, so the
    // reader waits when the workers or the writer fall behind. (A batch rather than a record:
    // fewer hand-overs between threads, which cost as much as a short cable's parse.)
    type Outputs = Vec<(usize, Result<Vec<u8>, String>)>;
    type Job = (Vec<Record>, SyncSender<Outputs>);
    let (job_sender, job_receiver) = sync_channel::<Job>(2 * jobs);
    let job_receiver = Mutex::new(job_receiver);
    let (order_sender, order_receiver) = sync_channel::<Receiver<Outputs>>(4 * jobs);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let job_receiver = &job_receiver;
            scope.spawn(move || loop {
                let job = match job_receiver.lock() {
                    Ok(receiver) => receiver.recv(),
                    Err(_) => return,
                };
                let Ok((batch, output)) = job else {
                    return;
                };
                let outputs = batch
                    .iter()
                    .map(|record| (record.line, handle(record)))
                    .collect();
                // The writer may be gone (a closed pipe): the queue is still emptied, so that
                // the reader, which stops at its next batch, is never left waiting.
                let _ = output.send(outputs);
            });
        }
        let reader = scope.spawn(move || {
            let mut failed = false;
            let mut batch: Vec<Record> = Vec::new();
            let mut batch_bytes = 0;
            let send = |batch: Vec<Record>| {
                let (output, returned) = sync_channel(1);
                order_sender.send(returned).is_ok() && job_sender.send((batch, output)).is_ok()
            };
            for item in records {
                match item {
                    Ok(Item::Record(record)) => {
                        batch_bytes += record.bytes.len();
                        batch.push(record);
                        if batch_bytes >= BATCH {
                            batch_bytes = 0;
                            if !send(std::mem::take(&mut batch)) {
                                return failed;
                            }
                        }
                    }
                    Ok(Item::Skipped { line, n_lines }) => {
                        eprintln!(
                            "cable: {input}, line {line}: {n_lines} line(s) that are no cables.csv record, passed over"
                        );
                        failed = true;
                    }
                    Err(error) => {
                        eprintln!("cable: cannot read {input}: {error}");
                        failed = true;
                        break;
                    }
                }
            }
            if !batch.is_empty() {
                send(batch);
            }
            failed
        });
        let mut failed = false;
        for returned in order_receiver {
            let Ok(outputs) = returned.recv() else {
                failed = true;
                continue;
            };
            for (line, output) in outputs {
                match output {
                    Ok(output) => {
                        if out.write_all(&output).is_err() {
                            // Dropping the queues on return stops the reader and the workers.
                            return DumpOutcome::OutputGone;
                        }
                    }
                    Err(problem) => {
                        eprintln!("cable: {input}, line {line}: {problem}");
                        failed = true;
                    }
                }
            }
        }
        failed |= reader.join().unwrap_or(true);
        DumpOutcome::Done { failed }
    })
}
