//! The page's state and every change to it, as a pure reducer that native tests can drive.

use std::ops::Deref;
use std::rc::Rc;

use cable::Parse;
use yew::Reducible;

use crate::export::ExportError;
use crate::samples::SEED_CABLE;
use crate::services::drafts::Draft;
use crate::services::files::{decode_file, FileError};
use crate::services::link::{LinkNotMade, LinkNotOpened};

/// Texts longer than this (bytes) are shown in the source view, line by line, rather than put
/// in the text area: Chromium takes about 100 ms to lay out 90 KB in a text area, and a second
/// for a megabyte, on every change. "Edit text" still puts them there.
pub const LARGE_TEXT: usize = 32 * 1024;

/// Texts longer than this (bytes) are not parsed as they arrive: in Chromium here parsing runs
/// at a few megabytes a second, so a 10 MB text would hold the page for seconds. The page shows
/// the text in the source view at once and parses it when the reader asks.
pub const AUTO_PARSE_LIMIT: usize = 2 * 1024 * 1024;

/// What the page says while it decodes a link's cable.
pub const OPENING_LINK: &str = "Opening the cable this link carries…";

/// A parse shared by the state and the views. Two are equal only when they are the same
/// parse: each new text gets a new one, so comparing the pointer says whether the views must
/// draw again, without walking two trees on every render.
#[derive(Debug, Clone)]
pub struct SharedParse(Rc<Parse>);

impl SharedParse {
    /// Shares `parse`.
    pub fn new(parse: Parse) -> Self {
        Self(Rc::new(parse))
    }

    /// Whether `self` and `other` are the same parse.
    pub fn same(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for SharedParse {
    fn eq(&self, other: &Self) -> bool {
        self.same(other)
    }
}

impl Deref for SharedParse {
    type Target = Parse;

    fn deref(&self) -> &Parse {
        &self.0
    }
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// What is in the text area now.
    pub text: Rc<str>,
    /// The text the current `parse` was made from (lags `text` while the user types).
    pub parsed_text: Rc<str>,
    /// The decomposition of `parsed_text`.
    pub parse: SharedParse,
    /// A message about the last thing the user did, e.g. a refused file.
    pub notice: Option<Notice>,
    /// What the text area held before the last file or sample replaced it, for undo.
    pub replaced_text: Option<Rc<str>>,
    /// The element the reader selected, whose source is highlighted.
    pub selected: Option<Selected>,
    /// Whether the source view is open.
    pub source_open: bool,
    /// Files opened in this tab, newest last: each can be shown again.
    pub files: Vec<LoadedFile>,
    /// Reading aids are shown as written (`POST,S`) rather than read (`POST'S`).
    pub as_written: bool,
    /// The transmission details are unfolded.
    pub transmission_open: bool,
    /// The parser's notes are unfolded (`Some`), or folded as the page chooses (`None`: open
    /// when there are warnings).
    pub notes_open: Option<bool>,
    /// Every paragraph is shown, not only the first ones of a long text.
    pub all_paragraphs: bool,
    /// The kept draft this text continues, when it was opened from the drafts list.
    pub draft: Option<u64>,
    /// The text is over [`AUTO_PARSE_LIMIT`] and waits for the reader to ask for its parse;
    /// `parse` is then empty.
    pub parse_held: bool,
    /// Counts wholesale replacements of the text (a file, a sample, a link, a draft): each
    /// starts a new draft, so the one it replaced is kept as it was.
    pub draft_generation: u32,
    /// The page was opened with a link in its address and waits for its cable (the link is
    /// decoded after the first frame): nothing else is shown meanwhile, not the seed.
    pub opening_link: bool,
    /// The cable's ID as the reader gave it (canonical), for a text that states no year: the
    /// parse takes its year and station from it to date what the text cites.
    pub cable_id: Option<String>,
    /// An ID the page offers the reader: the name of the file the text came from, when that
    /// name is a cable ID and the text states no year.
    pub offered_id: Option<String>,
}

/// Parses `text` (as the cable `id`, if given) unless it is over [`AUTO_PARSE_LIMIT`] (then an
/// empty parse, held: `true`).
fn parse_or_hold(text: &str, id: Option<&str>) -> (SharedParse, bool) {
    if text.len() > AUTO_PARSE_LIMIT {
        return (SharedParse::new(cable::parse("")), true);
    }
    (SharedParse::new(parse_as(text, id)), false)
}

/// Parses `text` as the cable `id`, if given.
fn parse_as(text: &str, id: Option<&str>) -> Parse {
    let options = cable::Options {
        year: None,
        id: id.map(str::to_string),
    };
    cable::parse_with(text, options)
}

/// Whether the page should ask for (or show) the cable's ID: the text states no year, and
/// something in it is left undated (its own ID, or a cited cable).
pub fn wants_id(parse: &Parse) -> bool {
    let cable = &parse.cable;
    cable.date_time().is_none()
        && (cable.canonical_id.is_none() && cable.classification.is_some()
            || cable.undated_citations().next().is_some())
}

/// A file the user opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    /// Its name.
    pub name: String,
    /// Its text, decoded.
    pub text: Rc<str>,
    /// Its canonical ID, when the text gives one: references to it link here.
    pub id: Option<String>,
}

/// A selected element: its anchor (`p-4`, `ref-B`, `field-subject`) and its source span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selected {
    /// The element's stable anchor, its `id` in the page.
    pub anchor: String,
    /// Where it came from in the parsed text.
    pub span: cable::Span,
}

/// A message shown above the decomposition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Whether something went wrong or just happened.
    pub kind: NoticeKind,
    /// One or two sentences for the reader.
    pub message: String,
}

/// How a [`Notice`] is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened that the user may want to know or undo.
    Info,
    /// Something the user asked for could not be done.
    Error,
}

impl Notice {
    /// Something happened that the user may want to know or undo.
    fn info(message: String) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            message,
        }
    }

    /// Something the user asked for could not be done.
    fn error(message: String) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            message,
        }
    }
}

/// Everything that changes the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user typed or pasted: keep the text now, parse it later (debounced).
    Edit(String),
    /// Parse the current text if it changed since the last parse.
    Parse,
    /// A file was read.
    LoadFile {
        /// The file's name, for the notice.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A file (or a sample) could not be read, or was refused.
    FileError(FileError),
    /// The browser would not save or copy what the reader asked for.
    ExportFailed(ExportError),
    /// Something the user asked for was done: say so.
    Info(String),
    /// Put the seed cable back.
    RestoreSample,
    /// Show a sample of [`crate::samples::SAMPLES`]: its label and text.
    LoadSample(String, String),
    /// Show opened file `n` again.
    ShowFile(usize),
    /// Bring back what the last file or sample replaced.
    UndoReplace,
    /// Hide the notice.
    DismissNotice,
    /// Select an element (its anchor and span) and show its source.
    Select(Selected),
    /// Select the element a line of the parsed text belongs to: the line's byte range.
    SelectLine(usize, usize),
    /// Open or close the source view.
    ToggleSource,
    /// Select the next (`1`) or previous (`-1`) paragraph.
    StepParagraph(isize),
    /// Select the element with this anchor (`p-4`, `ref-B`, `field-subject`), if there is one.
    SelectAnchor(String),
    /// Show reading aids as written, or as read.
    ToggleWritten,
    /// The transmission details were unfolded (`true`) or folded.
    SetTransmissionOpen(bool),
    /// The parser's notes were unfolded (`true`) or folded.
    SetNotesOpen(bool),
    /// Show every paragraph of a long text.
    ShowAllParagraphs,
    /// A paste too large for the text area: the whole new text, shown in the source view.
    PasteLarge(String),
    /// Show the cable and view a link carried; what was in the text area can be brought back.
    OpenLink {
        /// What the link carries.
        link: permalink::Link,
        /// How many drafts are kept in this browser (the notice says where they are).
        drafts_kept: usize,
    },
    /// A link could not be made: why, and what to do.
    LinkNotMade(LinkNotMade),
    /// A link could not be opened: why, and what to do. The text is left alone; a page that
    /// was waiting for the link's cable shows the seed instead.
    LinkNotOpened(LinkNotOpened),
    /// Show a kept draft (text and view) and go on with it.
    OpenDraft(Draft),
    /// Parse a text held for its size (over [`AUTO_PARSE_LIMIT`]), now.
    ParseHeld,
    /// Read the text as the cable with this ID (as the reader wrote it): it dates what the text
    /// cites when the text states no year.
    SetCableId(String),
    /// Read the text on its own again, without the ID given.
    ForgetCableId,
}

impl Default for AppState {
    fn default() -> AppState {
        AppState::with_text(SEED_CABLE)
    }
}

impl AppState {
    /// A state showing `text`, already parsed.
    pub fn with_text(text: &str) -> AppState {
        let text: Rc<str> = Rc::from(text);
        let (parse, parse_held) = parse_or_hold(&text, None);
        AppState {
            parse_held,
            parse,
            parsed_text: text.clone(),
            text,
            notice: None,
            replaced_text: None,
            selected: None,
            source_open: false,
            files: Vec::new(),
            as_written: false,
            transmission_open: false,
            notes_open: None,
            all_paragraphs: false,
            draft: None,
            draft_generation: 0,
            opening_link: false,
            cable_id: None,
            offered_id: None,
        }
    }

    /// The page opened with a link in its address, before the link is decoded: no text, and a
    /// notice that says what is coming.
    pub fn opening_link() -> AppState {
        AppState {
            opening_link: true,
            notice: Some(Notice::info(OPENING_LINK.to_string())),
            ..AppState::with_text("")
        }
    }

    /// What a link to this state carries besides the text.
    pub fn link_view(&self) -> permalink::View {
        let n_warnings = self
            .parse
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == cable::Severity::Warning)
            .count();
        permalink::View {
            selected: self
                .selected
                .as_ref()
                .map(|selected| selected.anchor.clone()),
            source_open: self.source_open,
            as_written: self.as_written,
            transmission_open: self.transmission_open,
            notes_open: self.notes_open.unwrap_or(n_warnings > 0),
            all_paragraphs: self.all_paragraphs,
            cable_id: self.cable_id.clone(),
        }
    }

    /// Whether the page shows what it opens with: the seed, nothing chosen or unfolded. Its
    /// address then carries no link.
    pub fn is_pristine(&self) -> bool {
        *self.parsed_text == *SEED_CABLE
            && *self.text == *SEED_CABLE
            && self.selected.is_none()
            && !self.source_open
            && !self.as_written
            && !self.transmission_open
            && self.notes_open.is_none()
            && !self.all_paragraphs
            && self.cable_id.is_none()
    }

    /// A copy of this state with `change` made to it.
    fn with(&self, change: impl FnOnce(&mut AppState)) -> Rc<AppState> {
        let mut next = self.clone();
        change(&mut next);
        Rc::new(next)
    }

    /// This state, saying `notice`.
    fn noting(&self, notice: Notice) -> Rc<AppState> {
        self.with(|next| next.notice = Some(notice))
    }

    /// Adds `words` to the notice.
    fn add_to_notice(&mut self, words: &str) {
        if let Some(notice) = &mut self.notice {
            notice.message.push_str(words);
        }
    }

    /// Replaces the text, parses it at once and remembers the old text for undo.
    fn replace(&self, text: Rc<str>, notice: Notice) -> AppState {
        let large = text.len() > LARGE_TEXT;
        let replaced_text =
            (self.text != text && !self.text.trim().is_empty()).then(|| self.text.clone());
        let (parse, parse_held) = parse_or_hold(&text, None);
        AppState {
            parse_held,
            parse,
            parsed_text: text.clone(),
            text,
            notice: Some(notice),
            replaced_text,
            selected: None,
            // A large text goes to the source view, not into the text area.
            source_open: self.source_open || large,
            files: self.files.clone(),
            as_written: self.as_written,
            transmission_open: self.transmission_open,
            notes_open: self.notes_open,
            all_paragraphs: false,
            draft: None,
            draft_generation: self.draft_generation.wrapping_add(1),
            opening_link: false,
            // An ID belongs to the text it was given for.
            cable_id: None,
            offered_id: None,
        }
    }

    /// Replaces the text with a link's or a draft's, like [`AppState::replace`], except that the
    /// untouched sample it replaces is not offered back.
    fn replace_with_kept(&self, text: String, notice: Notice) -> AppState {
        let mut next = self.replace(Rc::from(text), notice);
        if next.replaced_text.as_deref() == Some(SEED_CABLE) {
            next.replaced_text = None;
        }
        next
    }

    /// Shows the text as `view` says (a link's or a draft's); the notice says so when the
    /// element it selects is not in the text.
    fn show_view(&mut self, view: permalink::View) {
        self.set_id(view.cable_id);
        self.source_open = view.source_open;
        self.as_written = view.as_written;
        self.transmission_open = view.transmission_open;
        self.notes_open = Some(view.notes_open);
        self.all_paragraphs = view.all_paragraphs;
        let Some(anchor) = view.selected else {
            return;
        };
        match cable::anchors::find(&self.parse, &anchor) {
            Some(span) => self.selected = Some(Selected { anchor, span }),
            None => self.add_to_notice(&format!(
                " It pointed at {anchor}, which this text does not have."
            )),
        }
    }

    /// Reads the text again as the cable `id` (or as no known cable): the selection is kept, as
    /// the text is the same.
    fn set_id(&mut self, id: Option<String>) {
        if self.cable_id == id {
            return;
        }
        self.cable_id = id;
        if !self.parse_held {
            self.parse = SharedParse::new(parse_as(&self.parsed_text, self.cable_id.as_deref()));
        }
    }

    /// The paragraph `step` (`1`, `-1`) after the selected one, or the first (last) when none is.
    fn paragraph_after(&self, step: isize) -> Option<Selected> {
        let paragraphs = &self.parse.cable.paragraphs;
        let current = self.selected.as_ref().and_then(|selected| {
            paragraphs.iter().enumerate().position(|(idx, paragraph)| {
                cable::anchors::paragraph(paragraph, idx) == selected.anchor
            })
        });
        let next = match current {
            Some(idx) => idx
                .checked_add_signed(step)
                .filter(|&next| next < paragraphs.len()),
            None if step > 0 => (!paragraphs.is_empty()).then_some(0),
            None => paragraphs.len().checked_sub(1),
        };
        let idx = next?;
        let paragraph = paragraphs.get(idx)?;
        Some(Selected {
            anchor: cable::anchors::paragraph(paragraph, idx),
            span: paragraph.span,
        })
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) if *self.text == *text => self,
            Action::Edit(text) => self.with(|next| {
                next.text = Rc::from(text);
                // Typed while a link was opening: the link's cable, when it comes, keeps this
                // text for undo like any other.
                next.opening_link = false;
            }),
            Action::Parse if self.parsed_text == self.text => self,
            Action::Parse => self.with(|next| {
                (next.parse, next.parse_held) = parse_or_hold(&next.text, next.cable_id.as_deref());
                next.parsed_text = next.text.clone();
                // A span of the old text means nothing in the new one.
                next.selected = None;
                next.all_paragraphs = false;
            }),
            Action::LoadFile { name, bytes } => match decode_file(&name, &bytes) {
                Ok((text, encoding_note)) => {
                    let mut message = format!("Opened {name}.");
                    if let Some(note) = encoding_note {
                        message.push(' ');
                        message.push_str(note);
                    }
                    let text: Rc<str> = Rc::from(text);
                    let mut next = self.replace(text.clone(), Notice::info(message));
                    // A file named by its cable's ID (08OTTAWA372.txt) offers it, when the text
                    // states no year; the reader says whether to use it.
                    let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
                    next.offered_id = cable::canonicalize_id(stem).filter(|_| wants_id(&next.parse));
                    if let Some(id) = &next.offered_id {
                        next.add_to_notice(&format!(
                            " The text states no year; its name, {id}, is offered as its cable ID below."
                        ));
                    }
                    next.files.retain(|file| file.name != name);
                    let id = next.parse.cable.canonical_id.as_ref();
                    let id = id.map(|id| id.value.clone());
                    next.files.push(LoadedFile { name, text, id });
                    Rc::new(next)
                }
                Err(problem) => self.noting(Notice::error(problem.to_string())),
            },
            Action::Info(message) => self.noting(Notice::info(message)),
            Action::FileError(problem) => self.noting(Notice::error(problem.to_string())),
            Action::ExportFailed(problem) => self.noting(Notice::error(problem.to_string())),
            Action::LinkNotMade(problem) => self.noting(Notice::error(problem.to_string())),
            Action::RestoreSample => {
                let notice = Notice::info("Showing the sample cable, 08OTTAWA372.".to_string());
                Rc::new(self.replace(Rc::from(SEED_CABLE), notice))
            }
            Action::LoadSample(label, text) => {
                let notice = Notice::info(format!("Showing the sample {label}."));
                Rc::new(self.replace(Rc::from(text), notice))
            }
            Action::ShowFile(idx) => match self.files.get(idx) {
                Some(file) => {
                    let notice = Notice::info(format!("Showing {} again.", file.name));
                    Rc::new(self.replace(file.text.clone(), notice))
                }
                None => self,
            },
            Action::UndoReplace => match &self.replaced_text {
                Some(previous) => {
                    let notice = Notice::info("Your text is back.".to_string());
                    Rc::new(AppState {
                        replaced_text: None,
                        ..self.replace(previous.clone(), notice)
                    })
                }
                None => self,
            },
            Action::DismissNotice => self.with(|next| next.notice = None),
            Action::Select(selected) => self.with(|next| {
                next.selected = Some(selected);
                next.source_open = true;
            }),
            Action::SelectLine(start, end) => match element_at(&self.parse, start, end) {
                Some(selected) => self.with(|next| next.selected = Some(selected)),
                None => self,
            },
            Action::StepParagraph(step) => match self.paragraph_after(step) {
                Some(selected) => self.with(|next| next.selected = Some(selected)),
                None => self,
            },
            Action::SelectAnchor(anchor) => match cable::anchors::find(&self.parse, &anchor) {
                Some(span) => self.with(|next| next.selected = Some(Selected { anchor, span })),
                None => self,
            },
            Action::PasteLarge(text) => {
                let n_kb = text.len().div_ceil(1024);
                // A paste like any other, read at once, then shown in the source view.
                let parsed = self.reduce(Action::Edit(text)).reduce(Action::Parse);
                parsed.with(|next| {
                    next.source_open = true;
                    next.notice = Some(Notice::info(format!(
                        "Pasted {n_kb} KB: shown in the source view, read-only, so that the page stays fast. \"Edit text\" puts it in the text area."
                    )));
                })
            }
            Action::ToggleSource => self.with(|next| next.source_open = !next.source_open),
            Action::ToggleWritten => self.with(|next| next.as_written = !next.as_written),
            Action::SetTransmissionOpen(open) if self.transmission_open == open => self,
            Action::SetTransmissionOpen(open) => self.with(|next| next.transmission_open = open),
            Action::SetNotesOpen(open)
                if self.link_view().notes_open == open && self.notes_open.is_some() =>
            {
                self
            }
            Action::SetNotesOpen(open) => self.with(|next| next.notes_open = Some(open)),
            Action::ShowAllParagraphs => self.with(|next| next.all_paragraphs = true),
            Action::OpenLink { link, drafts_kept } => {
                let n_bytes = link.text.len();
                let message = format!("Opened the cable this link carries ({n_bytes} bytes).");
                let mut next = self.replace_with_kept(link.text, Notice::info(message));
                if let Some(replaced) = &next.replaced_text {
                    let kept = format!(
                        " What was in the text area ({} bytes) is kept: Undo brings it back, and so does Recent drafts.",
                        replaced.len()
                    );
                    next.add_to_notice(&kept);
                } else if drafts_kept > 0 {
                    next.add_to_notice(" Your drafts are kept: see Recent drafts.");
                }
                next.show_view(link.view);
                Rc::new(next)
            }
            Action::OpenDraft(draft) => {
                let message = format!("Your draft is back: {}.", draft.title);
                let mut next = self.replace_with_kept(draft.text, Notice::info(message));
                next.show_view(draft.view);
                next.draft = Some(draft.id);
                Rc::new(next)
            }
            Action::ParseHeld if !self.parse_held => self,
            Action::ParseHeld => self.with(|next| {
                next.parse = SharedParse::new(parse_as(&next.parsed_text, next.cable_id.as_deref()));
                next.parse_held = false;
            }),
            Action::SetCableId(written) => match cable::canonicalize_id(&written) {
                Some(id) => self.with(|next| {
                    let before = next.parse.cable.undated_citations().count();
                    next.set_id(Some(id.clone()));
                    next.offered_id = None;
                    let dated = before.saturating_sub(next.parse.cable.undated_citations().count());
                    let message = match dated {
                        0 => format!("Reading the text as {id}."),
                        1 => format!("Reading the text as {id}: the cable it cites is dated."),
                        n => format!("Reading the text as {id}: the {n} cables it cites are dated."),
                    };
                    next.notice = Some(Notice::info(message));
                }),
                None => self.noting(Notice::error(format!(
                    "\u{201c}{}\u{201d} is not a cable ID: write its year, station and serial, like 08OTTAWA372. The text is read as before.",
                    written.trim()
                ))),
            },
            Action::ForgetCableId => self.with(|next| {
                next.set_id(None);
                next.notice = Some(Notice::info("The cable ID is forgotten: the text is read on its own.".to_string()));
            }),
            Action::LinkNotOpened(problem) if self.opening_link => {
                let message = format!("{problem} The sample cable is shown instead.");
                Rc::new(self.replace(Rc::from(SEED_CABLE), Notice::error(message)))
            }
            Action::LinkNotOpened(problem) => {
                self.noting(Notice::error(format!("{problem} Your text is unchanged.")))
            }
        }
    }
}

/// The element a line (`start..end` of the parsed text) belongs to: a paragraph, a reference or a
/// header field whose source overlaps the line — one that starts on the line first, then the
/// smallest.
pub fn element_at(parse: &cable::Parse, start: usize, end: usize) -> Option<Selected> {
    let cable = &parse.cable;
    let holds = |span: cable::Span| span.start < end.max(start + 1) && start < span.end;
    let mut found: Vec<Selected> = Vec::new();
    for (idx, paragraph) in cable.paragraphs.iter().enumerate() {
        if holds(paragraph.span) {
            found.push(Selected {
                anchor: cable::anchors::paragraph(paragraph, idx),
                span: paragraph.span,
            });
        }
    }
    for (idx, reference) in cable.references.iter().enumerate() {
        if holds(reference.span) {
            found.push(Selected {
                anchor: cable::anchors::reference(reference, idx),
                span: reference.span,
            });
        }
    }
    for (anchor, span) in cable::anchors::header_fields(cable) {
        if holds(span) {
            found.push(Selected { anchor, span });
        }
    }
    found.into_iter().min_by_key(|selected| {
        let starts_here = selected.span.start >= start && selected.span.start <= end;
        (!starts_here, selected.span.end - selected.span.start)
    })
}

#[cfg(test)]
mod tests;
