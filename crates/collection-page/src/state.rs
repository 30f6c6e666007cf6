//! The collection page's state and messages: what `app` (the component) changes and the
//! views draw. Below both, so that neither imports the other's module.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use collection::{Facet, FacetCounts, IdMatch, Index, Segment};
use web_sys::File;

use crate::address::Address;
use crate::browser::StoreError;
use crate::kept::Kept;
use crate::reading::{Outcome, Progress};
use crate::store::{self, Store};

/// Where the page is.
pub enum Stage {
    /// Looking for a kept collection.
    Starting,
    /// Reading a kept collection back: cables read so far.
    Restoring(usize),
    /// No collection.
    Empty,
    /// Reading a file.
    Reading(Progress),
    /// A collection is open.
    Ready,
}

/// A notice's kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something done.
    Info,
    /// Something that went wrong; what was kept is still there.
    Error,
}

/// The cables passing the search and the filter, in order, and the counts beside the facets.
pub struct Listing {
    /// Every cable that passes, in the order asked for.
    pub docs: Vec<u32>,
    /// Each facet's values and counts under the search and the other facets' selections.
    pub counts: Vec<FacetCounts>,
    /// The words and phrases searched for, for snippets.
    pub clauses: Vec<collection::Clause>,
    /// IDs written in the search that the collection knows.
    pub ids: Vec<IdMatch>,
}

/// A cable's text, read for the cable panel.
pub struct Text {
    /// The text, as kept (a whole `cables.csv` record, or a file's text).
    pub text: String,
    /// The parts that are searched.
    pub searched: Vec<(usize, usize)>,
}

/// The page's messages.
pub enum Msg {
    Restored(Result<Option<(Store, store::Loaded)>, String>),
    RestoreProgress(usize),
    NoStore(StoreError),
    Open(Vec<File>),
    Resume(File),
    Progress(Progress),
    Read(Result<Outcome, String>, Vec<Segment>),
    Cancel,
    Query(String),
    RunQuery(u32),
    ByDate(bool),
    Toggle(Facet, String),
    SetValues(Facet, Vec<String>),
    ShowAll(Facet),
    ClearFilter,
    Select(Option<u32>),
    Scrolled(f64),
    /// Texts read for the index opened `generation`-th: the cables and what was read.
    TextsRead(u32, Vec<(u32, Result<Text, String>)>),
    OpenInViewer(u32),
    Forget,
    Forgotten(Result<(), String>),
    Export(bool),
    CopyLink,
    Space(Option<(f64, f64)>),
    Notice(Option<(Level, String)>),
}

/// The page.
pub struct App {
    pub(crate) stage: Stage,
    pub(crate) notice: Option<(Level, String)>,
    pub(crate) address: Address,
    pub(crate) index: Option<Rc<Index>>,
    pub(crate) kept: Option<Kept>,
    pub(crate) store: Option<Store>,
    pub(crate) listing: Option<Rc<Listing>>,
    pub(crate) selected: Option<u32>,
    pub(crate) texts: HashMap<u32, Rc<Text>>,
    /// Texts asked of the store and not yet read.
    pub(crate) reading_texts: std::collections::HashSet<u32>,
    /// Counts the indexes opened: a text read for an earlier one is not kept.
    pub(crate) index_generation: u32,
    pub(crate) scroll_top: f64,
    pub(crate) space: Option<(f64, f64)>,
    pub(crate) shown_all: Vec<Facet>,
    /// The IDs most cited that the collection lacks, and by how many cables: found once when
    /// the collection opens, not on every render.
    pub(crate) most_cited_missing: Rc<Vec<(String, u32)>>,
    pub(crate) cancelled: Rc<Cell<bool>>,
    pub(crate) query_generation: u32,
    /// The browser keeps no files for the page: collections stay in memory.
    pub(crate) no_store: bool,
    /// The link's view, kept while there is no collection to show it in.
    pub(crate) arrived: Address,
}
