//! The page's state and every change to it, as a pure reducer that native tests can drive.

use std::rc::Rc;

use cable::Parse;
use yew::Reducible;

use crate::export::ExportError;
use crate::services::files::{decode_file, unwrap_json_record, FileError};
use crate::services::link::{LinkNotMade, LinkNotOpened};
use crate::SEED_CABLE;

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

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// What is in the text area now.
    pub text: Rc<str>,
    /// The text the current `parse` was made from (lags `text` while the user types).
    pub parsed_text: Rc<str>,
    /// The decomposition of `parsed_text`.
    pub parse: Rc<Parse>,
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
}

/// Parses `text` unless it is over [`AUTO_PARSE_LIMIT`] (then an empty parse, held: `true`).
fn parse_or_hold(text: &str) -> (Rc<Parse>, bool) {
    if text.len() > AUTO_PARSE_LIMIT {
        return (Rc::new(cable::parse("")), true);
    }
    (Rc::new(cable::parse(text)), false)
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
    OpenDraft(crate::services::drafts::Draft),
    /// Parse a text held for its size (over [`AUTO_PARSE_LIMIT`]), now.
    ParseHeld,
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
        let (parse, parse_held) = parse_or_hold(&text);
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
        }
    }

    /// The page opened with a link in its address, before the link is decoded: no text, and a
    /// notice that says what is coming.
    pub fn opening_link() -> AppState {
        AppState {
            opening_link: true,
            notice: Some(Notice {
                kind: NoticeKind::Info,
                message: OPENING_LINK.to_string(),
            }),
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
    }

    /// Replaces the text, parses it at once and remembers the old text for undo.
    fn replace(&self, text: Rc<str>, notice: Notice) -> AppState {
        let large = text.len() > LARGE_TEXT;
        let replaced_text =
            (self.text != text && !self.text.trim().is_empty()).then(|| self.text.clone());
        let (parse, parse_held) = parse_or_hold(&text);
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
        }
    }

    /// The same state, saying that something the reader asked for could not be done.
    fn with_error(&self, message: String) -> AppState {
        AppState {
            notice: Some(Notice {
                kind: NoticeKind::Error,
                message,
            }),
            ..self.clone()
        }
    }

    /// Shows the text as `view` says (a link's or a draft's); returns a note when the element it
    /// selects is not in the text.
    fn show_view(&mut self, view: permalink::View) -> Option<String> {
        self.source_open = view.source_open;
        self.as_written = view.as_written;
        self.transmission_open = view.transmission_open;
        self.notes_open = Some(view.notes_open);
        self.all_paragraphs = view.all_paragraphs;
        let anchor = view.selected?;
        match crate::anchors::find(&self.parse, &anchor) {
            Some(span) => {
                self.selected = Some(Selected { anchor, span });
                None
            }
            None => Some(format!(
                " It pointed at {anchor}, which this text does not have."
            )),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) => {
                if *self.text == *text {
                    return self;
                }
                Rc::new(AppState {
                    text: Rc::from(text),
                    // Typed while a link was opening: the link's cable, when it comes, keeps
                    // this text for undo like any other.
                    opening_link: false,
                    ..(*self).clone()
                })
            }
            Action::Parse => {
                if self.parsed_text == self.text {
                    return self;
                }
                let (parse, parse_held) = parse_or_hold(&self.text);
                Rc::new(AppState {
                    parse_held,
                    parse,
                    parsed_text: self.text.clone(),
                    // A span of the old text means nothing in the new one.
                    selected: None,
                    all_paragraphs: false,
                    ..(*self).clone()
                })
            }
            Action::LoadFile { name, bytes } => match decode_file(&name, &bytes) {
                Ok((text, encoding_note)) => {
                    let (text, form_note) = unwrap_json_record(&name, text);
                    let mut message = format!("Opened {name}.");
                    for note in [encoding_note, form_note].into_iter().flatten() {
                        message.push(' ');
                        message.push_str(note);
                    }
                    let text: Rc<str> = Rc::from(text);
                    let mut next = self.replace(
                        text.clone(),
                        Notice {
                            kind: NoticeKind::Info,
                            message,
                        },
                    );
                    next.files.retain(|file| file.name != name);
                    let id = next
                        .parse
                        .cable
                        .canonical_id
                        .as_ref()
                        .map(|id| id.value.clone());
                    next.files.push(LoadedFile { name, text, id });
                    Rc::new(next)
                }
                Err(problem) => Rc::new(self.with_error(problem.to_string())),
            },
            // The same message again (a link opening announced at start and by its effect)
            // changes nothing, and the page is not rendered again for it.
            Action::Info(message)
                if self.notice.as_ref().is_some_and(|notice| {
                    notice.kind == NoticeKind::Info && notice.message == message
                }) =>
            {
                self
            }
            Action::Info(message) => Rc::new(AppState {
                notice: Some(Notice {
                    kind: NoticeKind::Info,
                    message,
                }),
                ..(*self).clone()
            }),
            Action::FileError(problem) => Rc::new(self.with_error(problem.to_string())),
            Action::ExportFailed(problem) => Rc::new(self.with_error(problem.to_string())),
            Action::RestoreSample => {
                let notice = Notice {
                    kind: NoticeKind::Info,
                    message: "Showing the sample cable, 08OTTAWA372.".to_string(),
                };
                Rc::new(self.replace(Rc::from(SEED_CABLE), notice))
            }
            Action::LoadSample(label, text) => {
                let notice = Notice {
                    kind: NoticeKind::Info,
                    message: format!("Showing the sample {label}."),
                };
                Rc::new(self.replace(Rc::from(text), notice))
            }
            Action::ShowFile(idx) => match self.files.get(idx) {
                Some(file) => {
                    let notice = Notice {
                        kind: NoticeKind::Info,
                        message: format!("Showing {} again.", file.name),
                    };
                    Rc::new(self.replace(file.text.clone(), notice))
                }
                None => self,
            },
            Action::UndoReplace => match &self.replaced_text {
                Some(previous) => {
                    let notice = Notice {
                        kind: NoticeKind::Info,
                        message: "Your text is back.".to_string(),
                    };
                    Rc::new(AppState {
                        replaced_text: None,
                        ..self.replace(previous.clone(), notice)
                    })
                }
                None => self,
            },
            Action::DismissNotice => Rc::new(AppState {
                notice: None,
                ..(*self).clone()
            }),
            Action::Select(selected) => Rc::new(AppState {
                selected: Some(selected),
                source_open: true,
                ..(*self).clone()
            }),
            Action::SelectLine(start, end) => match element_at(&self.parse, start, end) {
                Some(selected) => Rc::new(AppState {
                    selected: Some(selected),
                    ..(*self).clone()
                }),
                None => self,
            },
            Action::StepParagraph(step) => {
                let paragraphs = &self.parse.cable.paragraphs;
                let current = self.selected.as_ref().and_then(|selected| {
                    paragraphs.iter().enumerate().position(|(idx, paragraph)| {
                        crate::anchors::paragraph(paragraph, idx) == selected.anchor
                    })
                });
                let next = match current {
                    Some(idx) => idx
                        .checked_add_signed(step)
                        .filter(|&next| next < paragraphs.len()),
                    None if step > 0 => (!paragraphs.is_empty()).then_some(0),
                    None => paragraphs.len().checked_sub(1),
                };
                match next.and_then(|idx| Some((idx, paragraphs.get(idx)?))) {
                    Some((idx, paragraph)) => Rc::new(AppState {
                        selected: Some(Selected {
                            anchor: crate::anchors::paragraph(paragraph, idx),
                            span: paragraph.span,
                        }),
                        ..(*self).clone()
                    }),
                    None => self,
                }
            }
            Action::PasteLarge(text) => {
                let n_kb = text.len().div_ceil(1024);
                // A paste like any other, read at once, then shown in the source view.
                let parsed = self.reduce(Action::Edit(text)).reduce(Action::Parse);
                Rc::new(AppState {
                    source_open: true,
                    notice: Some(Notice {
                        kind: NoticeKind::Info,
                        message: format!(
                            "Pasted {n_kb} KB: shown in the source view, read-only, so that the page stays fast. \"Edit text\" puts it in the text area."
                        ),
                    }),
                    ..(*parsed).clone()
                })
            }
            Action::SelectAnchor(anchor) => match crate::anchors::find(&self.parse, &anchor) {
                Some(span) => Rc::new(AppState {
                    selected: Some(Selected { anchor, span }),
                    ..(*self).clone()
                }),
                None => self,
            },
            Action::ToggleWritten => Rc::new(AppState {
                as_written: !self.as_written,
                ..(*self).clone()
            }),
            Action::SetTransmissionOpen(open) => {
                if self.transmission_open == open {
                    return self;
                }
                Rc::new(AppState {
                    transmission_open: open,
                    ..(*self).clone()
                })
            }
            Action::SetNotesOpen(open) => {
                if self.link_view().notes_open == open && self.notes_open.is_some() {
                    return self;
                }
                Rc::new(AppState {
                    notes_open: Some(open),
                    ..(*self).clone()
                })
            }
            Action::ShowAllParagraphs => Rc::new(AppState {
                all_paragraphs: true,
                ..(*self).clone()
            }),
            Action::OpenLink { link, drafts_kept } => {
                let n_bytes = link.text.len();
                let mut next = self.replace(
                    Rc::from(link.text),
                    Notice {
                        kind: NoticeKind::Info,
                        message: format!("Opened the cable this link carries ({n_bytes} bytes)."),
                    },
                );
                // The untouched sample is not a draft worth offering back.
                if next.replaced_text.as_deref() == Some(SEED_CABLE) {
                    next.replaced_text = None;
                }
                if let Some(replaced) = &next.replaced_text {
                    if let Some(notice) = &mut next.notice {
                        notice.message.push_str(&format!(
                            " What was in the text area ({} bytes) is kept: Undo brings it back, and so does Recent drafts.",
                            replaced.len()
                        ));
                    }
                } else if drafts_kept > 0 {
                    if let Some(notice) = &mut next.notice {
                        notice
                            .message
                            .push_str(" Your drafts are kept: see Recent drafts.");
                    }
                }
                if let (Some(missing), Some(notice)) = (next.show_view(link.view), &mut next.notice)
                {
                    notice.message.push_str(&missing);
                }
                Rc::new(next)
            }
            Action::ParseHeld => {
                if !self.parse_held {
                    return self;
                }
                Rc::new(AppState {
                    parse: Rc::new(cable::parse(&self.parsed_text)),
                    parse_held: false,
                    ..(*self).clone()
                })
            }
            Action::OpenDraft(draft) => {
                let mut next = self.replace(
                    Rc::from(draft.text),
                    Notice {
                        kind: NoticeKind::Info,
                        message: format!("Your draft is back: {}.", draft.title),
                    },
                );
                if next.replaced_text.as_deref() == Some(SEED_CABLE) {
                    next.replaced_text = None;
                }
                if let (Some(missing), Some(notice)) =
                    (next.show_view(draft.view), &mut next.notice)
                {
                    notice.message.push_str(&missing);
                }
                next.draft = Some(draft.id);
                Rc::new(next)
            }
            Action::LinkNotOpened(problem) if self.opening_link => Rc::new(self.replace(
                Rc::from(SEED_CABLE),
                Notice {
                    kind: NoticeKind::Error,
                    message: format!("{problem} The sample cable is shown instead."),
                },
            )),
            Action::LinkNotOpened(problem) => {
                Rc::new(self.with_error(format!("{problem} Your text is unchanged.")))
            }
            Action::LinkNotMade(problem) => Rc::new(self.with_error(problem.to_string())),
            Action::ToggleSource => Rc::new(AppState {
                source_open: !self.source_open,
                ..(*self).clone()
            }),
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
                anchor: crate::anchors::paragraph(paragraph, idx),
                span: paragraph.span,
            });
        }
    }
    for (idx, reference) in cable.references.iter().enumerate() {
        if holds(reference.span) {
            found.push(Selected {
                anchor: crate::anchors::reference(reference, idx),
                span: reference.span,
            });
        }
    }
    for (anchor, span) in crate::anchors::header_fields(cable) {
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
mod tests {
    use super::*;
    use crate::services::fetch::FetchError;
    use crate::services::link::ModelError;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn selecting_an_element_opens_its_source_and_a_line_selects_its_element() {
        let state = AppState::default();
        let fourth = state.parse.cable.paragraphs[3].clone();
        let state = reduce(
            state,
            Action::Select(Selected {
                anchor: "p-4".to_string(),
                span: fourth.span,
            }),
        );
        assert!(state.source_open);
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("p-4")
        );
        // A byte inside reference B selects reference B; one inside the subject, the subject.
        let reference = state.parse.cable.references[1].span;
        let state = reduce(state, Action::SelectLine(reference.start, reference.end));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("ref-B")
        );
        let subject = state.parse.cable.subject.as_ref().expect("subject").span;
        let state = reduce(state, Action::SelectLine(subject.start, subject.start + 20));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("field-subject")
        );
        // Editing and parsing clears a selection whose span no longer means anything.
        let state = reduce(state, Action::Edit("UNCLAS STATE 000001".to_string()));
        let state = reduce(state, Action::Parse);
        assert!(state.selected.is_none());
        let state = reduce(state, Action::ToggleSource);
        assert!(!state.source_open);
    }

    #[test]
    fn a_link_opens_its_text_and_view_and_keeps_the_draft() {
        let state = AppState::default();
        assert!(state.is_pristine());
        let state = reduce(state, Action::Edit("MY DRAFT".to_string()));
        let state = reduce(state, Action::Parse);
        assert!(!state.is_pristine());
        let view = permalink::View {
            selected: Some("ref-B".to_string()),
            source_open: true,
            as_written: true,
            transmission_open: true,
            notes_open: false,
            all_paragraphs: true,
        };
        let state = reduce(
            state,
            Action::OpenLink {
                link: permalink::Link {
                    text: SEED_CABLE.to_string(),
                    view: view.clone(),
                },
                drafts_kept: 0,
            },
        );
        assert_eq!(&*state.parsed_text, SEED_CABLE);
        assert_eq!(state.link_view(), view);
        assert_eq!(state.replaced_text.as_deref(), Some("MY DRAFT"));
        let notice = state.notice.clone().expect("a notice");
        assert!(
            notice.message.contains("Undo brings it back"),
            "{}",
            notice.message
        );
        // The draft comes back.
        let state = reduce(state, Action::UndoReplace);
        assert_eq!(&*state.text, "MY DRAFT");
        // A link to an element the text lacks opens the text and says so.
        let state = reduce(
            AppState::default(),
            Action::OpenLink {
                link: permalink::Link {
                    text: "1. ONLY ONE PARAGRAPH.".to_string(),
                    view: permalink::View {
                        selected: Some("p-9".to_string()),
                        ..permalink::View::default()
                    },
                },
                drafts_kept: 2,
            },
        );
        assert!(state.selected.is_none());
        assert!(
            state.replaced_text.is_none(),
            "the untouched sample is not a draft"
        );
        let message = state
            .notice
            .map(|notice| notice.message)
            .unwrap_or_default();
        assert!(
            message.contains("p-9, which this text does not have"),
            "{message}"
        );
        assert!(message.contains("see Recent drafts"), "{message}");
    }

    #[test]
    fn a_page_opened_with_a_link_shows_only_the_links_cable_or_says_why_not() {
        let waiting = AppState::opening_link();
        assert!(waiting.text.is_empty() && waiting.parse.cable.paragraphs.is_empty());
        assert!(
            !waiting.is_pristine(),
            "the address keeps the link meanwhile"
        );
        let link = permalink::Link {
            text: SEED_CABLE.to_string(),
            view: permalink::View {
                selected: Some("p-3".to_string()),
                ..permalink::View::default()
            },
        };
        let open = Action::OpenLink {
            link,
            drafts_kept: 0,
        };
        let opened = reduce(waiting.clone(), open.clone());
        assert!(!opened.opening_link);
        assert_eq!(&*opened.text, SEED_CABLE);
        assert_eq!(
            opened.selected.map(|selected| selected.anchor).as_deref(),
            Some("p-3")
        );
        assert_eq!(opened.replaced_text, None, "nothing was there to undo");
        // A link that cannot be opened: the seed, and why.
        let failed = reduce(
            waiting.clone(),
            Action::LinkNotOpened(LinkNotOpened::Model(ModelError::NotFetched(
                FetchError::NoAnswer,
            ))),
        );
        assert!(!failed.opening_link);
        assert_eq!(&*failed.parsed_text, SEED_CABLE);
        let notice = failed.notice.expect("a notice");
        assert_eq!(notice.kind, NoticeKind::Error);
        assert!(
            notice
                .message
                .ends_with("The sample cable is shown instead."),
            "{}",
            notice.message
        );
        // Typed while it was opening: kept, and the link's cable can be undone back to it.
        let typed = reduce(waiting, Action::Edit("MY NOTES".to_string()));
        assert!(!typed.opening_link);
        let failed = reduce(
            typed.clone(),
            Action::LinkNotOpened(LinkNotOpened::Refused(permalink::LinkError::Damaged)),
        );
        assert_eq!(&*failed.text, "MY NOTES");
        let opened = reduce(typed, open);
        assert_eq!(opened.replaced_text.as_deref(), Some("MY NOTES"));
    }

    #[test]
    fn a_draft_opens_with_its_view_and_goes_on_under_its_id() {
        let draft = crate::services::drafts::Draft {
            id: 42,
            saved_ms: 0.0,
            title: "08OTTAWA372".to_string(),
            text: format!("MY NOTE\n{SEED_CABLE}"),
            view: permalink::View {
                selected: Some("p-3".to_string()),
                transmission_open: true,
                ..permalink::View::default()
            },
        };
        let state = reduce(AppState::default(), Action::OpenDraft(draft.clone()));
        assert_eq!(*state.text, *draft.text);
        assert_eq!(state.draft, Some(42));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("p-3")
        );
        assert!(state.transmission_open);
        assert!(
            state.replaced_text.is_none(),
            "the untouched sample is not offered back"
        );
        // Typing goes on with the same draft; a file starts another.
        let state = reduce(state, Action::Edit(format!("{}!", draft.text)));
        assert_eq!(state.draft, Some(42));
        let generation = state.draft_generation;
        let state = reduce(state, Action::RestoreSample);
        assert_eq!(state.draft, None);
        assert_ne!(state.draft_generation, generation);
    }

    #[test]
    fn a_huge_text_is_parsed_only_when_asked() {
        let cable = include_str!("../corpus/cables/00STATE228772.txt");
        let huge = cable.repeat(AUTO_PARSE_LIMIT / cable.len() + 1);
        let state = reduce(AppState::default(), Action::PasteLarge(huge.clone()));
        assert!(state.parse_held && state.source_open);
        assert_eq!(&*state.parsed_text, huge.as_str());
        assert!(state.parse.cable.canonical_id.is_none());
        let state = reduce(state, Action::ParseHeld);
        assert!(!state.parse_held);
        let id = state
            .parse
            .cable
            .canonical_id
            .as_ref()
            .map(|id| id.value.as_str());
        assert_eq!(id, Some("00STATE228772"));
        // A small text after it is parsed as it arrives again.
        let state = reduce(state, Action::Edit(SEED_CABLE.to_string()));
        let state = reduce(state, Action::Parse);
        assert!(!state.parse_held);
        assert_eq!(
            state.parse.cable.paragraphs.len(),
            AppState::default().parse.cable.paragraphs.len()
        );
    }

    #[test]
    fn a_large_text_goes_to_the_source_view() {
        let large = "1. (U) A LINE OF A LONG CABLE.\n".repeat(LARGE_TEXT / 20);
        let state = reduce(AppState::default(), Action::PasteLarge(large.clone()));
        assert!(state.source_open);
        assert_eq!(&*state.parsed_text, large.as_str());
        let notice = state
            .notice
            .clone()
            .map(|notice| notice.message)
            .unwrap_or_default();
        assert!(notice.starts_with("Pasted "), "{notice}");
        // So does a large file; a small one leaves the view as it was.
        let state = reduce(
            AppState::default(),
            Action::LoadFile {
                name: "long.txt".to_string(),
                bytes: large.into_bytes(),
            },
        );
        assert!(state.source_open);
        let state = reduce(
            AppState::default(),
            Action::LoadFile {
                name: "short.txt".to_string(),
                bytes: b"1. (U) SHORT.".to_vec(),
            },
        );
        assert!(!state.source_open);
    }

    #[test]
    fn a_broken_link_leaves_the_text_and_an_anchor_selects() {
        let state = reduce(AppState::default(), Action::Edit("MY DRAFT".to_string()));
        let state = reduce(
            state,
            Action::LinkNotOpened(LinkNotOpened::Refused(permalink::LinkError::Damaged)),
        );
        assert_eq!(&*state.text, "MY DRAFT");
        assert_eq!(
            state.notice.map(|notice| notice.kind),
            Some(NoticeKind::Error)
        );
        let state = reduce(AppState::default(), Action::SelectAnchor("p-5".to_string()));
        assert_eq!(
            state.selected.map(|selected| selected.anchor),
            Some("p-5".to_string())
        );
        let state = reduce(
            AppState::default(),
            Action::SelectAnchor("p-50".to_string()),
        );
        assert!(state.selected.is_none());
        // A parser note too: the seed has some (its garble, its pilcrow numbers).
        assert!(!AppState::default().parse.diagnostics.is_empty());
        let state = reduce(
            AppState::default(),
            Action::SelectAnchor("diag-1".to_string()),
        );
        assert_eq!(
            state.selected.map(|selected| selected.anchor),
            Some("diag-1".to_string())
        );
    }

    #[test]
    fn j_and_k_step_through_the_paragraphs() {
        let state = reduce(AppState::default(), Action::StepParagraph(1));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("p-1")
        );
        let state = reduce(state, Action::StepParagraph(1));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("p-2")
        );
        let state = reduce(state, Action::StepParagraph(-1));
        let state = reduce(state, Action::StepParagraph(-1));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("p-1")
        );
        let state = reduce(AppState::default(), Action::StepParagraph(-1));
        assert_eq!(
            state.selected.as_ref().map(|s| s.anchor.as_str()),
            Some("p-7")
        );
    }

    #[test]
    fn starts_with_the_seed_parsed() {
        let state = AppState::default();
        let id = state
            .parse
            .cable
            .canonical_id
            .as_ref()
            .map(|id| id.value.clone());
        assert_eq!(id.as_deref(), Some("08OTTAWA372"));
    }

    #[test]
    fn typing_keeps_the_text_at_once_and_parses_on_demand() {
        let state = reduce(
            AppState::default(),
            Action::Edit("1. (C) Hello.".to_string()),
        );
        assert_eq!(&*state.text, "1. (C) Hello.");
        assert_eq!(&*state.parsed_text, SEED_CABLE);
        let state = reduce(state, Action::Parse);
        assert_eq!(&*state.parsed_text, "1. (C) Hello.");
        assert_eq!(state.parse.cable.paragraphs.len(), 1);
    }

    #[test]
    fn a_refused_file_keeps_the_text() {
        let state = reduce(AppState::default(), Action::Edit("my notes".to_string()));
        let state = reduce(
            state,
            Action::LoadFile {
                name: "x.bin".to_string(),
                bytes: vec![0, 1, 2],
            },
        );
        assert_eq!(&*state.text, "my notes");
        assert_eq!(
            state.notice.map(|notice| notice.kind),
            Some(NoticeKind::Error)
        );
    }

    #[test]
    fn replacing_the_text_can_be_undone() {
        let state = reduce(AppState::default(), Action::Edit("my notes".to_string()));
        let state = reduce(
            state,
            Action::LoadFile {
                name: "c.txt".to_string(),
                bytes: b"UNCLAS STATE 000001".to_vec(),
            },
        );
        assert_eq!(&*state.text, "UNCLAS STATE 000001");
        let state = reduce(state, Action::UndoReplace);
        assert_eq!(&*state.text, "my notes");
        assert_eq!(&*state.parsed_text, "my notes");
    }
}
