//! The collection page: finding a kept collection, reading a new one, and the browsing view.

use std::collections::HashMap;
use std::rc::Rc;

use collection::{Index, Order, Query, Segment};
use wasm_bindgen::JsCast;
use web_sys::File;
use yew::prelude::*;

use crate::address::Address;
use crate::browser::{self, StoreError};
use crate::format;
use crate::handoff;
use crate::kept::Kept;
use crate::reading::{self, Keep, Outcome, Progress, Source};
use crate::state::{App, Level, Listing, Msg, Stage, Text};
use crate::store::{self, Store};
use crate::views;

/// Texts held at most (for the rows in sight and the cable chosen): beyond, those out of sight
/// are let go.
const MAX_TEXTS_HELD: usize = 128;

/// Milliseconds the search waits after a keystroke before it runs.
const QUERY_DELAY_MS: u32 = 150;

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let address = Address::from_fragment(&browser::fragment());
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let store = match Store::existing().await {
                Ok(store) => store,
                Err(error) => {
                    link.send_message(Msg::NoStore(error));
                    return;
                }
            };
            let Some(store) = store else {
                link.send_message(Msg::Restored(Ok(None)));
                return;
            };
            let progress = link.clone();
            let loaded = store
                .load(|n| progress.send_message(Msg::RestoreProgress(n)))
                .await;
            link.send_message(Msg::Restored(
                loaded.map(|loaded| loaded.map(|l| (store, l))),
            ));
        });
        App {
            stage: Stage::Starting,
            notice: None,
            address: address.clone(),
            index: None,
            kept: None,
            store: None,
            listing: None,
            selected: None,
            texts: HashMap::new(),
            reading_texts: std::collections::HashSet::new(),
            index_generation: 0,
            scroll_top: 0.0,
            space: None,
            shown_all: Vec::new(),
            most_cited_missing: Rc::default(),
            cancelled: Rc::default(),
            query_generation: 0,
            no_store: false,
            arrived: address,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::RestoreProgress(n) => self.stage = Stage::Restoring(n),
            Msg::NoStore(error) => {
                self.stage = Stage::Empty;
                self.no_store = matches!(error, StoreError::Unavailable(_));
                self.notice = Some((Level::Info, error.to_string()));
            }
            Msg::Restored(Ok(Some((store, loaded)))) => {
                self.store = Some(store);
                self.open_index(ctx, loaded.segments, loaded.kept);
                if self.kept.as_ref().is_some_and(|kept| !kept.finished) {
                    self.notice = Some((Level::Info, "This collection was read in part: pick the same file again to read the rest.".to_string()));
                }
            }
            Msg::Restored(Ok(None)) => self.stage = Stage::Empty,
            Msg::Restored(Err(why)) => {
                self.stage = Stage::Empty;
                self.notice = Some((Level::Error, format!("The kept collection could not be read back: {why}. Forget it and open the file again.")));
            }
            Msg::Open(files) => self.start_reading(ctx, files, None),
            Msg::Resume(file) => {
                let kept = self.kept.clone();
                self.start_reading(ctx, vec![file], kept);
            }
            Msg::Progress(progress) => self.stage = Stage::Reading(progress),
            Msg::Read(outcome, earlier) => self.finish_reading(ctx, outcome, earlier),
            Msg::Cancel => self.cancelled.set(true),
            Msg::Query(text) => {
                self.address.query = text;
                self.query_generation = self.query_generation.wrapping_add(1);
                let generation = self.query_generation;
                let link = ctx.link().clone();
                // Not cancelled when a later keystroke comes: RunQuery checks the generation.
                gloo_timers::callback::Timeout::new(QUERY_DELAY_MS, move || {
                    link.send_message(Msg::RunQuery(generation))
                })
                .forget();
            }
            Msg::RunQuery(generation) => {
                if generation != self.query_generation {
                    return false;
                }
                self.refresh(ctx);
                self.open_typed_id(ctx);
            }
            Msg::ByDate(by_date) => {
                self.address.by_date = by_date;
                self.refresh(ctx);
            }
            Msg::Toggle(facet, value) => {
                let selected = &mut self.address.filter.selected;
                match selected.iter_mut().find(|(f, _)| *f == facet) {
                    Some((_, values)) => match values.iter().position(|v| *v == value) {
                        Some(at) => {
                            values.remove(at);
                        }
                        None => values.push(value),
                    },
                    None => selected.push((facet, vec![value])),
                }
                selected.retain(|(_, values)| !values.is_empty());
                self.refresh(ctx);
            }
            Msg::SetValues(facet, values) => {
                let selected = &mut self.address.filter.selected;
                selected.retain(|(f, _)| *f != facet);
                if !values.is_empty() {
                    selected.push((facet, values));
                }
                self.refresh(ctx);
            }
            Msg::ShowAll(facet) => {
                if !self.shown_all.contains(&facet) {
                    self.shown_all.push(facet);
                }
            }
            Msg::ClearFilter => {
                self.address.filter.selected.clear();
                self.refresh(ctx);
            }
            Msg::Select(doc) => {
                self.select(ctx, doc);
            }
            Msg::Scrolled(top) => {
                if (top - self.scroll_top).abs() < views::ROW_HEIGHT / 2.0 {
                    return false;
                }
                self.scroll_top = top;
                self.read_texts_in_sight(ctx);
            }
            Msg::TextsRead(generation, _) if generation != self.index_generation => return false,
            Msg::TextsRead(_, read) => {
                if self.texts.len() + read.len() > MAX_TEXTS_HELD {
                    // Those in sight and the one chosen stay.
                    let keep = self.texts_wanted();
                    self.texts.retain(|doc, _| keep.contains(doc));
                }
                for (doc, text) in read {
                    self.reading_texts.remove(&doc);
                    match text {
                        Ok(text) => {
                            self.texts.insert(doc, Rc::new(text));
                        }
                        Err(why) if self.selected == Some(doc) => {
                            self.notice = Some((
                                Level::Error,
                                format!("The cable's text could not be read: {why}."),
                            ));
                        }
                        Err(_) => {}
                    }
                }
            }
            Msg::OpenInViewer(doc) => self.open_in_viewer(doc),
            Msg::Forget => {
                self.cancelled.set(true);
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let done = store::forget().await.map_err(|error| error.to_string());
                    link.send_message(Msg::Forgotten(done));
                });
            }
            Msg::Forgotten(Ok(())) => {
                self.index = None;
                self.most_cited_missing = Rc::default();
                self.kept = None;
                self.store = None;
                self.listing = None;
                self.selected = None;
                self.texts.clear();
                self.reading_texts.clear();
                self.index_generation = self.index_generation.wrapping_add(1);
                self.stage = Stage::Empty;
                self.notice = Some((
                    Level::Info,
                    "The collection is forgotten: nothing of it is kept in this browser."
                        .to_string(),
                ));
                self.write_address();
                self.measure_space(ctx);
            }
            Msg::Forgotten(Err(why)) => {
                self.notice = Some((
                    Level::Error,
                    format!("The collection could not be forgotten: {why}"),
                ));
            }
            Msg::Export(json_lines) => self.export(json_lines),
            Msg::CopyLink => {
                let href = browser::window()
                    .and_then(|window| window.location().href().ok())
                    .unwrap_or_default();
                copy_text(&href);
                self.notice = Some((Level::Info, "The link to this view is copied. Whoever opens it with the same collection sees the same.".to_string()));
            }
            Msg::Space(space) => self.space = space,
            Msg::Notice(notice) => self.notice = notice,
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        views::page(self, ctx)
    }
}

impl App {
    fn start_reading(&mut self, ctx: &Context<Self>, files: Vec<File>, resume: Option<Kept>) {
        if files.is_empty() {
            return;
        }
        self.cancelled = Rc::default();
        self.notice = None;
        let csv = files.len() == 1
            && files.first().is_some_and(|file| {
                let name = file.name().to_ascii_lowercase();
                name.ends_with(".csv")
                    || name.ends_with(".gz")
                    || name.ends_with(".tsv")
                    || !name.contains('.')
            });
        let (source, kept, earlier) = match (csv, resume) {
            (true, Some(kept)) => {
                let Some(file) = files.into_iter().next() else {
                    return;
                };
                if !kept.is_from(
                    &file.name(),
                    file.size() as u64,
                    file.last_modified() as u64,
                ) {
                    self.notice = Some((Level::Error, format!("{} is not the file this collection was read from ({}): pick that one to read the rest, or open this one as a new collection.", file.name(), kept.source)));
                    return;
                }
                let earlier = self
                    .index
                    .as_ref()
                    .map(|index| index.segments().to_vec())
                    .unwrap_or_default();
                (
                    Source::Dump {
                        file,
                        resume: Some(kept.clone()),
                    },
                    kept,
                    earlier,
                )
            }
            (true, None) => {
                let Some(file) = files.into_iter().next() else {
                    return;
                };
                let kept = Kept {
                    source: file.name(),
                    size: file.size() as u64,
                    modified: file.last_modified() as u64,
                    line: 1,
                    ..Kept::default()
                };
                (Source::Dump { file, resume: None }, kept, Vec::new())
            }
            (false, _) => {
                let files: Vec<File> = files
                    .into_iter()
                    .filter(|file| {
                        let name = file.name().to_ascii_lowercase();
                        [".txt", ".html", ".htm", ".eml", ".csv"]
                            .iter()
                            .any(|end| name.ends_with(end))
                    })
                    .collect();
                if files.is_empty() {
                    self.notice = Some((
                        Level::Error,
                        "None of those files is a cable's text (.txt or .html) or a cables.csv."
                            .to_string(),
                    ));
                    return;
                }
                let kept = Kept {
                    source: format!("{} files", files.len()),
                    ..Kept::default()
                };
                (Source::Loose(files), kept, Vec::new())
            }
        };
        let fresh = earlier.is_empty();
        self.stage = Stage::Reading(Progress::default());
        let link = ctx.link().clone();
        let cancelled = self.cancelled.clone();
        let store = self.store.clone();
        let keep = match (fresh, store, self.no_store) {
            (_, _, true) => Keep::Nowhere,
            (false, Some(store), false) => Keep::In(store),
            (_, before, false) => Keep::Replacing(before),
        };
        wasm_bindgen_futures::spawn_local(async move {
            let progress = link.clone();
            let outcome = reading::read(source, keep, kept, cancelled, move |p| {
                progress.send_message(Msg::Progress(p));
            })
            .await;
            link.send_message(Msg::Read(outcome, earlier));
        });
    }

    fn finish_reading(
        &mut self,
        ctx: &Context<Self>,
        outcome: Result<Outcome, String>,
        earlier: Vec<Segment>,
    ) {
        match outcome {
            Ok(outcome) => {
                if outcome.store.is_some() {
                    self.store = outcome.store.clone();
                }
                let mut segments = earlier;
                segments.extend(outcome.segments);
                let stopped = outcome.stopped;
                if segments.is_empty() {
                    self.stage = self.stage_as_before();
                    self.notice = stopped.map(|why| (Level::Error, why));
                    return;
                }
                let skipped = outcome.kept.skipped.clone();
                self.open_index(ctx, segments, outcome.kept);
                self.notice = match (stopped, skipped.is_empty()) {
                    (Some(why), _) => Some((Level::Error, why)),
                    (None, false) => Some((Level::Info, skipped_message(&skipped))),
                    (None, true) => None,
                };
            }
            Err(why) => {
                self.stage = self.stage_as_before();
                self.notice = Some((Level::Error, why));
            }
        }
    }

    /// The stage after a read that gave no new collection: the one open before, if any.
    fn stage_as_before(&self) -> Stage {
        if self.index.is_some() {
            Stage::Ready
        } else {
            Stage::Empty
        }
    }

    fn open_index(&mut self, ctx: &Context<Self>, segments: Vec<Segment>, kept: Kept) {
        let index = Index::build(segments);
        self.most_cited_missing = Rc::new(index.most_cited_missing(10));
        self.index = Some(Rc::new(index));
        self.kept = Some(kept);
        self.stage = Stage::Ready;
        self.texts.clear();
        self.reading_texts.clear();
        self.index_generation = self.index_generation.wrapping_add(1);
        // A link's view, read before there was a collection to show it in.
        let arrived = std::mem::take(&mut self.arrived);
        if arrived != Address::default() {
            self.address = arrived;
        }
        self.refresh(ctx);
        if let Some(id) = self.address.cable.clone() {
            let doc = self
                .index
                .as_ref()
                .and_then(|index| index.docs_with_id(&id).first().copied());
            if doc.is_none() {
                self.notice = Some((
                    Level::Info,
                    format!("The link names {id}, which is not in this collection."),
                ));
            }
            self.select(ctx, doc);
        }
        self.measure_space(ctx);
    }

    fn measure_space(&self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            link.send_message(Msg::Space(browser::storage_estimate().await));
        });
    }

    /// Runs the search and the filter, and writes the view into the address.
    fn refresh(&mut self, ctx: &Context<Self>) {
        let Some(index) = &self.index else {
            return;
        };
        let query = Query {
            text: self.address.query.clone(),
            filter: self.address.filter.clone(),
            order: if self.address.by_date {
                Order::Date
            } else {
                Order::Relevance
            },
            limit: index.len(),
            year: self.address.year(),
        };
        let results = index.search(&query);
        let within = (!query.text.trim().is_empty()).then_some(&results.matching);
        let counts = index.facet_counts(&query.filter, within);
        self.listing = Some(Rc::new(Listing {
            docs: results.hits.iter().map(|hit| hit.doc).collect(),
            counts,
            clauses: results.clauses,
            ids: results.ids,
        }));
        // A new list starts at its top: the list element's own scroll goes back too (the rows
        // are drawn for scroll_top, and the element would otherwise show where it was).
        self.scroll_top = 0.0;
        if let Some(list) = browser::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("cable-list"))
        {
            list.set_scroll_top(0);
        }
        self.write_address();
        self.read_texts_in_sight(ctx);
    }

    /// The cables whose texts the page shows now: the rows in sight under a search, and the
    /// one chosen.
    fn texts_wanted(&self) -> Vec<u32> {
        let mut wanted: Vec<u32> = self.selected.into_iter().collect();
        if let Some(listing) = self
            .listing
            .as_ref()
            .filter(|listing| !listing.clauses.is_empty())
        {
            let (first, last) = views::rows_drawn(self.scroll_top, listing.docs.len());
            wanted.extend(listing.docs.get(first..last).unwrap_or_default());
        }
        wanted
    }

    /// Reads the texts of the rows in sight, for their snippets: all in one message, so that
    /// the page is drawn once for them.
    fn read_texts_in_sight(&mut self, ctx: &Context<Self>) {
        let wanted: Vec<u32> = self
            .texts_wanted()
            .into_iter()
            .filter(|doc| !self.texts.contains_key(doc) && self.reading_texts.insert(*doc))
            .collect();
        self.read_texts(ctx, wanted);
    }

    /// A search that is only a cable ID opens that cable.
    fn open_typed_id(&mut self, ctx: &Context<Self>) {
        let Some(listing) = &self.listing else {
            return;
        };
        let query = self.address.query.trim();
        let whole = listing.ids.iter().find(|id| {
            id.doc.is_some()
                && query
                    .get(id.range.clone())
                    .is_some_and(|written| written.trim() == query)
        });
        if let Some(doc) = whole.and_then(|id| id.doc) {
            self.select(ctx, Some(doc));
        }
    }

    pub(crate) fn select(&mut self, ctx: &Context<Self>, doc: Option<u32>) {
        self.selected = doc;
        self.address.cable = doc.and_then(|doc| self.index.as_ref()?.entry(doc)?.id.clone());
        self.write_address();
        if let Some(doc) = doc {
            if !self.texts.contains_key(&doc) && self.reading_texts.insert(doc) {
                self.read_texts(ctx, vec![doc]);
            }
        }
    }

    fn read_texts(&self, ctx: &Context<Self>, docs: Vec<u32>) {
        let Some(index) = self.index.clone().filter(|_| !docs.is_empty()) else {
            return;
        };
        let generation = self.index_generation;
        let store = self.store.clone();
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut read = Vec::with_capacity(docs.len());
            for doc in docs {
                read.push((doc, read_text(&index, store.as_ref(), doc).await));
            }
            link.send_message(Msg::TextsRead(generation, read));
        });
    }

    fn write_address(&self) {
        browser::replace_fragment(&self.address.to_fragment());
    }

    fn open_in_viewer(&mut self, doc: u32) {
        let Some(index) = &self.index else {
            return;
        };
        let Some(text) = self.texts.get(&doc) else {
            self.notice = Some((
                Level::Error,
                "The cable's text is still being read: try again in a moment.".to_string(),
            ));
            return;
        };
        let entry = index.entry(doc);
        let id = entry.and_then(|entry| entry.id.clone());
        let subject = entry.map(|entry| entry.subject.clone()).unwrap_or_default();
        let title = match (&id, subject.is_empty()) {
            (Some(id), false) => format!("{id} — {subject} (from your collection)"),
            (Some(id), true) => format!("{id} (from your collection)"),
            (None, _) => "A cable from your collection".to_string(),
        };
        if let Err(why) = handoff::open_in_viewer(id.as_deref(), &title, &text.text) {
            self.notice = Some((
                Level::Error,
                format!("The cable could not be opened in the viewer: {why}."),
            ));
        }
    }

    fn export(&mut self, json_lines: bool) {
        let (Some(index), Some(listing)) = (&self.index, &self.listing) else {
            return;
        };
        let format = if json_lines {
            collection::ExportFormat::JsonLines
        } else {
            collection::ExportFormat::Csv
        };
        let mut out = Vec::new();
        collection::export_header(format, &mut out);
        collection::export_rows(index, listing.docs.iter().copied(), format, &mut out);
        let (name, mime) = if json_lines {
            ("cables.jsonl", "application/x-ndjson")
        } else {
            ("cables-parsed.csv", "text/csv")
        };
        match browser::download(name, mime, &out) {
            Ok(()) => {
                self.notice = Some((
                    Level::Info,
                    format!(
                        "Exported {} cables as {name}.",
                        format::count(listing.docs.len() as u64)
                    ),
                ));
            }
            Err(why) => {
                self.notice = Some((
                    Level::Error,
                    format!("The export could not be saved: {why}."),
                ))
            }
        }
    }
}

/// A cable's text: from memory when the segment holds it, else its block from the store.
async fn read_text(index: &Index, store: Option<&Store>, doc: u32) -> Result<Text, String> {
    let (segment, range) = index.text_block(doc).ok_or("no such cable")?;
    let held = index
        .segments()
        .get(segment)
        .is_some_and(Segment::holds_texts);
    let (text, searched) = if held {
        index.text(doc).map_err(|error| error.to_string())?
    } else {
        let store = store.ok_or("the collection's store is not open")?;
        let block = store.read_range(segment as u32, range).await?;
        index
            .text_in_block(doc, &block)
            .map_err(|error| error.to_string())?
    };
    Ok(Text { text, searched })
}

fn skipped_message(skipped: &[(u64, u64)]) -> String {
    let n_lines: u64 = skipped.iter().map(|(_, n)| n).sum();
    let first: Vec<String> = skipped
        .iter()
        .take(5)
        .map(|(line, n)| {
            if *n == 1 {
                format!("line {line}")
            } else {
                format!("lines {line}–{}", line + n - 1)
            }
        })
        .collect();
    format!(
        "{} line(s) that are no cables.csv record were passed over ({}{}); every record around them was read.",
        format::count(n_lines),
        first.join(", "),
        if skipped.len() > 5 { ", …" } else { "" }
    )
}

/// Puts `text` on the clipboard, when the browser lets the page.
fn copy_text(text: &str) {
    let Some(window) = browser::window() else {
        return;
    };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
        return;
    };
    if let Some(write) = write.dyn_ref::<js_sys::Function>() {
        let _ = write.call1(&clipboard, &text.into());
    }
}
