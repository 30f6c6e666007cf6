//! Reading a collection: a `cables.csv` (plain or gzipped, as a stream, never whole in memory)
//! or loose cable files, cut into batches of records, each indexed as a segment by a worker,
//! kept in the store as it comes back, in the file's order.

use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;

use cable::{CsvItem, CsvSplitter};
use collection::Segment;
use js_sys::Promise;
use web_sys::File;

use crate::browser::{self, ByteStream, StoreError};
use crate::kept::{Kept, MAX_SKIPPED_KEPT};
use crate::pool::{self, Pool};
use crate::store::Store;

/// How many bytes of records make a segment: large enough that a search visits few segments
/// at full scale (about 200), small enough that a worker's batch and its segment stay a few
/// megabytes and both cores have work on the bulk file.
pub const SEGMENT_BYTES: usize = 8 * 1024 * 1024;

/// What the item triple's third number is for a stretch passed over (`crates/collection-worker`).
const SKIPPED: u32 = u32::MAX;

/// How a read is going.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// Cables indexed and kept.
    pub cables: u64,
    /// Bytes of the file read (before unzipping).
    pub bytes_read: f64,
    /// The file's size.
    pub bytes_total: f64,
    /// Milliseconds since the read began.
    pub elapsed_ms: f64,
    /// Lines passed over that were no record.
    pub skipped_lines: u64,
    /// Bytes of records (unzipped) handed to the workers so far.
    pub records_read: u64,
    /// Bytes of records (unzipped) in the segments kept so far.
    pub records_kept: u64,
}

impl Progress {
    /// Cables a second so far.
    pub fn rate(&self) -> f64 {
        self.cables as f64 / (self.elapsed_ms / 1000.0).max(1e-3)
    }

    /// The share of the file whose cables are kept: the share read, scaled by how much of what
    /// was read the workers have given back (the reader runs ahead of them by a few batches,
    /// which at the end of a file are most of what is left to wait for).
    pub fn share(&self) -> f64 {
        let read = self.bytes_read / self.bytes_total.max(1.0);
        let kept = self.records_kept as f64 / (self.records_read as f64).max(1.0);
        (read * kept.min(1.0)).clamp(0.0, 1.0)
    }

    /// Seconds left, from the share kept so far; `None` before it can be said.
    pub fn seconds_left(&self) -> Option<f64> {
        let share = self.share();
        (share > 0.02 && self.elapsed_ms > 500.0)
            .then(|| self.elapsed_ms / 1000.0 * (1.0 - share) / share)
    }
}

/// How a read ended.
pub struct Outcome {
    /// The segments read (their texts released when kept).
    pub segments: Vec<Segment>,
    /// The state as kept at the end.
    pub kept: Kept,
    /// Why it stopped early, if it did (cancelled, storage full, a bad file).
    pub stopped: Option<String>,
    /// Where the segments are kept, if anywhere.
    pub store: Option<Store>,
}

/// What to read.
pub enum Source {
    /// A `cables.csv`, gzipped or not; resumed after `resume`'s offset when given.
    Dump { file: File, resume: Option<Kept> },
    /// Cable files, a cable each.
    Loose(Vec<File>),
}

/// A batch of records on its way to a worker.
struct Batch {
    records: Vec<u8>,
    items: Vec<u32>,
    skipped: Vec<(u64, u64)>,
}

impl Batch {
    /// An empty batch with room for a segment's records, so that it is not grown (and the
    /// wasm's memory, which never shrinks, not left with the holes of its smaller sizes).
    fn new() -> Batch {
        Batch {
            records: Vec::with_capacity(SEGMENT_BYTES + SEGMENT_BYTES / 8),
            items: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// A batch handed to a worker, with where the file stands after it.
struct Sent {
    answer: Promise,
    offset: u64,
    line: u64,
    skipped: Vec<(u64, u64)>,
}

/// Where the segments read are kept.
pub enum Keep {
    /// Added to this store's collection (a resumed read).
    In(Store),
    /// In a new collection that replaces the one kept (given here, if any) once its first
    /// segment is kept: a file of another shape, or a disk too full for one segment, loses
    /// nothing.
    Replacing(Option<Store>),
    /// Nowhere: the browser keeps no files for the page.
    Nowhere,
}

/// Reads `source` into segments, keeping each as `keep` says as it comes back.
/// `report` is called as cables are kept; `cancelled` is looked at between pieces of the file.
/// `kept` is the state the segments read are added to (a resumed read's, or a new one).
pub async fn read(
    source: Source,
    keep: Keep,
    mut kept: Kept,
    cancelled: Rc<Cell<bool>>,
    mut report: impl FnMut(Progress),
) -> Result<Outcome, String> {
    let n_workers = browser::window()
        .map(|window| window.navigator().hardware_concurrency() as usize)
        .unwrap_or(2)
        .clamp(1, 4);
    let mut pool = Pool::start(n_workers)?;
    let started = browser::now_ms();
    let (store, replacing) = match keep {
        Keep::In(store) => (Some(store), None),
        Keep::Replacing(before) => (None, Some(before)),
        Keep::Nowhere => (None, None),
    };
    let mut reader = Reader {
        pool: &mut pool,
        store,
        replacing,
        sent: VecDeque::new(),
        segments: Vec::new(),
        progress: Progress::default(),
        started,
        buffer: Vec::new(),
    };
    let stopped = match source {
        Source::Dump { file, resume } => {
            reader.progress.bytes_total = file.size();
            reader
                .read_dump(&file, resume.is_some(), &mut kept, &cancelled, &mut report)
                .await
        }
        Source::Loose(files) => {
            reader.progress.bytes_total = files.iter().map(|file| file.size()).sum();
            reader
                .read_loose(&files, &mut kept, &cancelled, &mut report)
                .await
        }
    };
    let stopped = match stopped {
        Ok(()) => {
            let failed = reader.finish_all(&mut kept, &mut report).await.err();
            // Finished only once every segment is kept (a state saved on the way says not).
            kept.finished = failed.is_none() && !cancelled.get();
            failed
        }
        Err(why) => {
            // What was handed on before the stop is kept: wait for it, then say why.
            let _ = reader.finish_all(&mut kept, &mut report).await;
            Some(why)
        }
    };
    let stopped = stopped.or_else(|| {
        cancelled.get().then(|| {
            "Stopped: the cables read so far are kept, and the rest can be read later.".to_string()
        })
    });
    if reader.replacing.is_some() {
        // No segment was kept: the new folder goes, and the collection kept before stays.
        if let Some(store) = reader.store.take() {
            let _ = store.discard().await;
        }
    }
    if let Some(store) = &reader.store {
        if let Err(error) = store.save(&kept).await {
            return Ok(Outcome {
                segments: reader.segments,
                kept,
                stopped: Some(error.to_string()),
                store: reader.store,
            });
        }
    }
    Ok(Outcome {
        segments: reader.segments,
        kept,
        stopped,
        store: reader.store,
    })
}

struct Reader<'a> {
    pool: &'a mut Pool,
    store: Option<Store>,
    /// This collection replaces the one kept before (given, if any) once its first segment is
    /// kept: `Some` until then.
    replacing: Option<Option<Store>>,
    sent: VecDeque<Sent>,
    segments: Vec<Segment>,
    progress: Progress,
    started: f64,
    /// One buffer for every segment that comes back (see `Segment::from_bytes_without_texts`).
    buffer: Vec<u8>,
}

impl Reader<'_> {
    async fn read_dump(
        &mut self,
        file: &File,
        resuming: bool,
        kept: &mut Kept,
        cancelled: &Cell<bool>,
        report: &mut impl FnMut(Progress),
    ) -> Result<(), String> {
        let head = browser::blob_bytes(file, Some((0, 2))).await?;
        let gzipped = head == [0x1f, 0x8b];
        let mut stream = ByteStream::open(file, gzipped)?;
        let counted = stream.file_bytes_read.clone();
        let mut splitter = if resuming {
            CsvSplitter::resume(kept.offset, kept.line)
        } else {
            CsvSplitter::new()
        };
        let mut to_skip = if resuming { kept.offset } else { 0 };
        let mut known_dump = resuming;
        let mut batch = Batch::new();
        let mut ended = false;
        let mut failure = None;
        while !ended {
            if cancelled.get() {
                stream.cancel();
                break;
            }
            let piece = match stream.next(!gzipped).await {
                Ok(piece) => piece,
                Err(why) => {
                    // What was read before is kept: the records in hand go to a segment.
                    failure = Some(format!("The file could not be read to its end: {why}. The cables read before are kept, and the collection is marked as read in part."));
                    break;
                }
            };
            self.progress.bytes_read = counted.get();
            match piece {
                None => {
                    splitter.finish();
                    ended = true;
                }
                Some(mut piece) => {
                    // A resumed read passes over what was kept before.
                    if to_skip > 0 {
                        let n = (to_skip as usize).min(piece.len());
                        piece.drain(..n);
                        to_skip -= n as u64;
                    }
                    splitter.push(&piece);
                }
            }
            if !known_dump {
                match splitter.looks_like_a_dump() {
                    None => continue,
                    Some(false) => {
                        return Err(format!(
                            "{} is not a cables.csv: its first rows are not records of eight quoted columns (row number, date, ID, origin, classification, references, header, text). Nothing was kept from it.",
                            file.name()
                        ))
                    }
                    Some(true) => known_dump = true,
                }
            }
            while let Some(item) = splitter.next_item() {
                match item {
                    CsvItem::Record { line, bytes } => {
                        let start = batch.records.len() as u32;
                        batch.records.extend_from_slice(&bytes);
                        batch
                            .items
                            .extend([line as u32, start, batch.records.len() as u32]);
                    }
                    CsvItem::Skipped { line, n_lines } => {
                        batch.items.extend([line as u32, n_lines as u32, SKIPPED]);
                        batch.skipped.push((line, n_lines));
                        self.progress.skipped_lines += n_lines;
                    }
                }
                if batch.records.len() >= SEGMENT_BYTES {
                    let full = std::mem::replace(&mut batch, Batch::new());
                    self.send(full, splitter.offset(), splitter.line(), kept, report)
                        .await?;
                }
            }
            self.progress.records_read = splitter.offset();
            report(self.progress_now());
        }
        if !batch.items.is_empty() {
            self.send(batch, splitter.offset(), splitter.line(), kept, report)
                .await?;
        }
        failure.map_or(Ok(()), Err)
    }

    async fn read_loose(
        &mut self,
        files: &[File],
        kept: &mut Kept,
        cancelled: &Cell<bool>,
        report: &mut impl FnMut(Progress),
    ) -> Result<(), String> {
        let mut batch = Batch::new();
        for (idx, file) in files.iter().enumerate() {
            if cancelled.get() {
                break;
            }
            let bytes = browser::blob_bytes(file, None)
                .await
                .map_err(|why| format!("{} could not be read: {why}", file.name()))?;
            self.progress.bytes_read += file.size();
            self.progress.records_read += bytes.len() as u64;
            let start = batch.records.len() as u32;
            batch.records.extend_from_slice(&bytes);
            batch
                .items
                .extend([idx as u32 + 1, start, batch.records.len() as u32]);
            if batch.records.len() >= SEGMENT_BYTES {
                let full = std::mem::replace(&mut batch, Batch::new());
                let read = self.progress.records_read;
                self.send(full, read, idx as u64 + 2, kept, report).await?;
            }
            report(self.progress_now());
        }
        if !batch.items.is_empty() {
            let read = self.progress.records_read;
            self.send(batch, read, files.len() as u64 + 1, kept, report)
                .await?;
        }
        Ok(())
    }

    fn progress_now(&self) -> Progress {
        Progress {
            elapsed_ms: browser::now_ms() - self.started,
            ..self.progress
        }
    }

    /// Hands a batch to a worker; when every worker has two, waits for the oldest first.
    async fn send(
        &mut self,
        batch: Batch,
        offset: u64,
        line: u64,
        kept: &mut Kept,
        report: &mut impl FnMut(Progress),
    ) -> Result<(), String> {
        if self.replacing.is_some() && self.store.is_none() {
            // The file reads as a collection: a folder of its own, in use once a segment is kept.
            self.store = Some(Store::create().await.map_err(|error| error.to_string())?);
        }
        while self.sent.len() >= 2 * self.pool.len() {
            self.finish_oldest(kept, report).await?;
        }
        let answer = self.pool.segment(batch.records, batch.items);
        self.sent.push_back(Sent {
            answer,
            offset,
            line,
            skipped: batch.skipped,
        });
        Ok(())
    }

    /// Waits for the oldest batch's segment and keeps it.
    async fn finish_oldest(
        &mut self,
        kept: &mut Kept,
        report: &mut impl FnMut(Progress),
    ) -> Result<(), String> {
        let Some(sent) = self.sent.pop_front() else {
            return Ok(());
        };
        let built = pool::answer(sent.answer).await?;
        browser::copy_into(&built.bytes, &mut self.buffer);
        let read = |bytes: &[u8], whole: bool| {
            if whole {
                Segment::from_bytes(bytes.to_vec())
            } else {
                Segment::from_bytes_without_texts(bytes)
            }
            .map_err(|error| format!("a worker's segment could not be read ({error})"))
        };
        let segment = read(&self.buffer, self.store.is_none())?;
        let mut next = kept.clone();
        next.segments += 1;
        next.cables += built.n_cables as u64;
        next.offset = sent.offset;
        next.line = sent.line;
        extend_skipped(&mut next.skipped, &sent.skipped);
        if let Some(store) = &self.store {
            // The segment first, then the state that counts it.
            store
                .write_segment(kept.segments, &built.bytes)
                .await
                .map_err(|error| stopped_by_store(&error))?;
            store
                .save(&next)
                .await
                .map_err(|error| stopped_by_store(&error))?;
            if let Some(before) = self.replacing.take() {
                store
                    .make_current(before.as_ref())
                    .await
                    .map_err(|error| stopped_by_store(&error))?;
            }
        }
        *kept = next;
        self.segments.push(segment);
        self.progress.cables = kept.cables;
        self.progress.records_kept = sent.offset;
        report(self.progress_now());
        Ok(())
    }

    async fn finish_all(
        &mut self,
        kept: &mut Kept,
        report: &mut impl FnMut(Progress),
    ) -> Result<(), String> {
        while !self.sent.is_empty() {
            self.finish_oldest(kept, report).await?;
        }
        Ok(())
    }
}

fn stopped_by_store(error: &StoreError) -> String {
    error.to_string()
}

fn extend_skipped(kept: &mut Vec<(u64, u64)>, more: &[(u64, u64)]) {
    for &stretch in more {
        if kept.len() < MAX_SKIPPED_KEPT {
            kept.push(stretch);
        }
    }
}
