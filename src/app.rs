//! Wires the state to the components: the input on one side, the decomposition on the other.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::banner::classification_banner;
use crate::components::diagnostics_list::DiagnosticsList;
use crate::components::drafts_list::DraftsList;
use crate::components::header_card::HeaderCard;
use crate::components::input_panel::InputPanel;
use crate::components::notice_bar::NoticeBar;
use crate::components::paragraphs_list::ParagraphsList;
use crate::components::references_list::ReferencesList;
use crate::components::source_pane::{scroll_into_view, SourcePane};
use crate::components::source_snippet::SourceText;
use crate::export::ExportError;
use crate::page_state::{starting_state, Dispatcher};
use crate::services::drafts::DraftNotKept;
use crate::services::files::FileError;
use crate::services::link::{LinkNotMade, LinkNotOpened};
use crate::state::{Action, Selected};

/// How long typing must pause before the text is parsed again.
pub const PARSE_DEBOUNCE_MS: u32 = 120;

/// The reader's theme: follow the system, or always light or dark. Kept in local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    const KEY: &'static str = "cablescope-theme";

    fn stored() -> Theme {
        let value = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(Theme::KEY).ok().flatten());
        match value.as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }

    /// Sets `data-theme` on the root element.
    fn show(self) {
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    }

    /// The reader chose the theme after `theme`: shows it, remembers it, and re-renders.
    fn choose_next(theme: &UseStateHandle<Theme>) {
        let next = theme.next();
        next.show();
        if let Some(Ok(Some(storage))) = web_sys::window().map(|window| window.local_storage()) {
            let _ = match next {
                Theme::System => storage.remove_item(Theme::KEY),
                Theme::Light => storage.set_item(Theme::KEY, "light"),
                Theme::Dark => storage.set_item(Theme::KEY, "dark"),
            };
        }
        theme.set(next);
    }
}

/// Keyboard shortcuts, as the help lists them.
const SHORTCUTS: [(&str, &str); 7] = [
    ("/", "focus the cable text"),
    ("j", "next paragraph"),
    ("k", "previous paragraph"),
    ("s", "open or close the source view"),
    ("c", "copy a link to this view"),
    ("t", "change the theme"),
    ("?", "show or hide these shortcuts"),
];

/// The text and view shown when a fragment the page did not write came into the address.
type HeldView = std::rc::Rc<std::cell::RefCell<Option<(std::rc::Rc<str>, permalink::View)>>>;

/// How long the view must rest before the address follows it (Safari throttles faster
/// `replaceState` calls).
const ADDRESS_DEBOUNCE_MS: u32 = 300;

/// How long the text and view must rest before the draft is saved (and on leaving the page,
/// at once).
const DRAFT_DEBOUNCE_MS: u32 = 400;

/// A draft waiting for its debounced save.
type PendingDraft = std::rc::Rc<std::cell::RefCell<Option<crate::services::drafts::Draft>>>;

/// Saves `pending`'s draft now, if there is one; returns why it could not be kept, if so.
fn flush_draft(
    pending: &PendingDraft,
) -> Option<Result<(), crate::services::drafts::DraftNotKept>> {
    let draft = pending.borrow_mut().take()?;
    Some(crate::services::drafts::save(&draft))
}

/// What the keyboard shortcuts act on, as of the page's last render.
#[derive(Clone)]
struct Keys {
    dispatcher: Dispatcher,
    theme: UseStateHandle<Theme>,
    show_shortcuts: UseStateHandle<bool>,
    link_box: UseStateHandle<Option<String>>,
    text: Rc<str>,
    view: permalink::View,
}

/// A shortcut key pressed outside any field (README, "Keyboard").
fn on_key(event: &web_sys::KeyboardEvent, keys: Keys) {
    use wasm_bindgen::JsCast;
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return;
    }
    let typing = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
        });
    if typing {
        return;
    }
    match event.key().as_str() {
        "/" => {
            event.prevent_default();
            let area = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id("cable-input"))
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(area) = area {
                let _ = area.focus();
            }
        }
        "j" => keys.dispatcher.dispatch(Action::StepParagraph(1)),
        "k" => keys.dispatcher.dispatch(Action::StepParagraph(-1)),
        "s" => keys.dispatcher.dispatch(Action::ToggleSource),
        "c" => copy_link(keys.dispatcher, keys.link_box, keys.text, keys.view),
        "t" => Theme::choose_next(&keys.theme),
        "?" => keys.show_shortcuts.set(!*keys.show_shortcuts),
        _ => {}
    }
}

/// Makes a link to `text` shown as `view`, copies it and shows it in the link box (selected, for
/// a browser that will not copy), saying how long it is.
fn copy_link(
    dispatcher: Dispatcher,
    link_box: UseStateHandle<Option<String>>,
    text: std::rc::Rc<str>,
    view: permalink::View,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let codec = match crate::services::link::codec().await {
            Ok(codec) => codec,
            Err(problem) => {
                dispatcher.dispatch(Action::LinkNotMade(LinkNotMade::Model(problem)));
                return;
            }
        };
        match crate::services::link::fragment(&codec, &text, &view) {
            Ok(fragment) => {
                let url = crate::services::history::address(Some(&fragment));
                let n_chars = url.chars().count();
                let what = match &view.selected {
                    Some(anchor) => format!("a link to {anchor}"),
                    None => "a link to this view".to_string(),
                };
                let mut message = if crate::services::clipboard::copy(&url) {
                    format!("Copied {what}: {n_chars} characters.")
                } else {
                    format!("This browser would not copy to the clipboard: {what} ({n_chars} characters) is selected below; copy it with Ctrl+C.")
                };
                if n_chars > crate::services::link::LONG_LINK {
                    message.push_str(" Links over 2,000 characters are cut by some chat applications (Discord; Slack keeps about 4,000): for a long cable, send the file.");
                }
                link_box.set(Some(url));
                dispatcher.dispatch(Action::Info(message));
            }
            Err(problem) => dispatcher.dispatch(Action::LinkNotMade(problem)),
        }
    });
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(starting_state);

    // Parse after the user pauses, so typing is never held up by parsing.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.text.clone(), move |_| {
            let timeout = Timeout::new(PARSE_DEBOUNCE_MS, move || {
                dispatcher.dispatch(Action::Parse)
            });
            move || drop(timeout)
        });
    }

    let source = use_memo(state.parsed_text.clone(), |text| {
        SourceText::new(text.clone())
    });
    let parse = state.parse.clone();
    let dispatch = |make: fn(String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(make(text)))
    };
    let on_edit = dispatch(Action::Edit);
    let on_large_paste = dispatch(Action::PasteLarge);
    let on_paste = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| {
            dispatcher.dispatch(Action::Edit(text));
            dispatcher.dispatch(Action::Parse);
        })
    };
    let on_file_error = {
        let dispatcher = state.dispatcher();
        Callback::from(move |problem: FileError| dispatcher.dispatch(Action::FileError(problem)))
    };
    let on_file = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            dispatcher.dispatch(Action::LoadFile { name, bytes })
        })
    };
    let on_sample = {
        let dispatcher = state.dispatcher();
        Callback::from(move |idx: usize| {
            let Some(&(label, file)) = crate::samples::SAMPLES.get(idx) else {
                return;
            };
            let Some(file) = file else {
                dispatcher.dispatch(Action::LoadSample(
                    label.to_string(),
                    crate::SEED_CABLE.to_string(),
                ));
                return;
            };
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatcher.dispatch(match crate::samples::fetch(file).await {
                    Ok(text) => Action::LoadSample(label.to_string(), text),
                    Err(problem) => Action::FileError(FileError::SampleNotFetched {
                        label: label.to_string(),
                        problem,
                    }),
                });
            });
        })
    };
    let on_show_file = use_callback(state.dispatcher(), |idx: usize, dispatcher| {
        dispatcher.dispatch(Action::ShowFile(idx))
    });
    let file_names: Vec<String> = state.files.iter().map(|file| file.name.clone()).collect();
    // Files dropped anywhere on the page are read like picked ones.
    let readers = use_mut_ref(Vec::new);
    let on_drop = {
        let on_file = on_file.clone();
        let on_file_error = on_file_error.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(files) = event.data_transfer().and_then(|transfer| transfer.files()) {
                crate::services::files::read_files(&files, &on_file, &on_file_error, &readers);
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_restore = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::RestoreSample))
    };
    let on_undo = state.replaced_text.as_ref().map(|_| {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::UndoReplace))
    });
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::DismissNotice))
    };
    // Callbacks the decomposition's components take are made once (`use_callback`), so that
    // typing, which changes none of their data, does not re-render them.
    let on_select = use_callback(state.dispatcher(), |selected: Selected, dispatcher| {
        dispatcher.dispatch(Action::Select(selected))
    });
    let on_select_line = use_callback(
        state.dispatcher(),
        |(start, end): (usize, usize), dispatcher| {
            dispatcher.dispatch(Action::SelectLine(start, end))
        },
    );
    let on_toggle_source = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ToggleSource))
    };
    let tool = |run: fn(&cable::Parse) -> Result<String, ExportError>| {
        let dispatcher = state.dispatcher();
        let parse = state.parse.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(match run(&parse) {
                Ok(message) => Action::Info(message),
                Err(problem) => Action::ExportFailed(problem),
            })
        })
    };
    let on_export = tool(|parse| {
        let name = crate::export::file_name(parse, "json");
        if crate::services::files::download(&name, "application/json", &crate::export::json(parse))
        {
            Ok(format!(
                "Saved {name}: the whole decomposition, as docs/SCHEMA.md describes it."
            ))
        } else {
            Err(ExportError::NotSaved)
        }
    });
    let on_copy_json = tool(|parse| {
        if crate::services::clipboard::copy(&crate::export::json(parse)) {
            Ok("Copied the decomposition as JSON.".to_string())
        } else {
            Err(ExportError::NotCopied)
        }
    });
    let on_copy_text = tool(|parse| {
        if crate::services::clipboard::copy(&crate::export::reading_text(parse)) {
            Ok("Copied the reading text: numbered paragraphs, apostrophes restored, garbles left out.".to_string())
        } else {
            Err(ExportError::NotCopied)
        }
    });
    let on_copied = use_callback(state.dispatcher(), |message: String, dispatcher| {
        dispatcher.dispatch(Action::Info(message))
    });
    // Print: every paragraph is rendered, each whole, then the browser's print is called (the
    // effect runs after that render). Printed any other way (the browser's menu), a text longer
    // than the page shows at first prints what is shown, with the notes of what is not.
    let printing = use_state(|| false);
    let on_print = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| printing.set(true))
    };
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |&asked| {
            if asked {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
                printing.set(false);
            }
        });
    }
    // Whatever selected an element, bring it into view in the decomposition.
    use_effect_with(state.selected.clone(), |selected| {
        if let Some(selected) = selected {
            scroll_into_view(&selected.anchor, false);
        }
    });
    let selected_anchor = state
        .selected
        .as_ref()
        .map(|selected| selected.anchor.clone());
    let selected_span = state.selected.as_ref().map(|selected| selected.span);

    // Theme: shown as the page first renders, before its first frame (effects can run after
    // that frame, which would show a reader who chose dark the page light first), and at once
    // when the reader changes it.
    let theme = use_state(|| {
        let theme = Theme::stored();
        theme.show();
        theme
    });
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| Theme::choose_next(&theme))
    };
    let show_shortcuts = use_state(|| false);
    let on_toggle_written = use_callback(state.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(Action::ToggleWritten)
    });
    let on_show_all = use_callback(state.dispatcher(), |(), dispatcher| {
        dispatcher.dispatch(Action::ShowAllParagraphs)
    });
    let on_transmission = use_callback(state.dispatcher(), |open: bool, dispatcher| {
        dispatcher.dispatch(Action::SetTransmissionOpen(open))
    });
    let on_notes = use_callback(state.dispatcher(), |open: bool, dispatcher| {
        dispatcher.dispatch(Action::SetNotesOpen(open))
    });

    // What a link to the page as shown carries besides the text; computed once per render.
    let view = state.link_view();
    // Links. The address follows the view; a link in the address (at start, or typed into the
    // address bar later) opens; "Copy link" copies one.
    let link_box: UseStateHandle<Option<String>> = use_state(|| None);
    // The fragment this page last wrote, and, while a fragment it did not write is in the
    // address (a link being opened, a broken one, an anchor), the view it was shown with: that
    // fragment stays until the view changes.
    let written = use_mut_ref(String::new);
    let held: HeldView = use_mut_ref(|| None);
    {
        let dispatcher = state.dispatcher();
        let written = written.clone();
        let held = held.clone();
        use_effect_with((), move |_| {
            let open = move |fragment: String| {
                // `replaceState`, which the page writes with, fires no `hashchange`: whatever
                // arrives here came from outside (the address bar, a link, the start).
                if fragment.is_empty() {
                    return;
                }
                held.replace(None);
                if !permalink::is_link(&fragment) {
                    // An anchor: #p-4, #ref-B, #field-subject.
                    dispatcher.dispatch(Action::SelectAnchor(fragment));
                    return;
                }
                if let Err(error) = permalink::check(&fragment) {
                    dispatcher.dispatch(Action::LinkNotOpened(LinkNotOpened::Refused(error)));
                    return;
                }
                dispatcher.dispatch(Action::Info(crate::state::OPENING_LINK.to_string()));
                let dispatcher = dispatcher.clone();
                let written = written.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let opened = match crate::services::link::codec().await {
                        Ok(codec) => codec.decode(&fragment).map_err(LinkNotOpened::Refused),
                        Err(problem) => Err(LinkNotOpened::Model(problem)),
                    };
                    match opened {
                        Ok(link) => {
                            written.replace(fragment);
                            let drafts_kept = crate::services::drafts::count();
                            dispatcher.dispatch(Action::OpenLink { link, drafts_kept });
                        }
                        Err(problem) => dispatcher.dispatch(Action::LinkNotOpened(problem)),
                    }
                });
            };
            // (A visit without a link or anchor started with the last draft: `starting_state`.)
            open(crate::services::history::current_fragment());
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    open(crate::services::history::current_fragment())
                })
            });
            move || drop(listener)
        });
    }
    {
        let written = written.clone();
        let held = held.clone();
        let view = view.clone();
        let pristine = state.is_pristine();
        use_effect_with(
            (state.parsed_text.clone(), view, pristine),
            move |(text, view, pristine)| {
                let (text, view, pristine) = (text.clone(), view.clone(), *pristine);
                let timeout = Timeout::new(ADDRESS_DEBOUNCE_MS, move || {
                    let current = crate::services::history::current_fragment();
                    if !current.is_empty() && current != *written.borrow() {
                        let mut held = held.borrow_mut();
                        let unchanged = held.as_ref().is_some_and(|(held_text, held_view)| {
                            **held_text == *text && *held_view == view
                        });
                        if held.is_none() || unchanged {
                            if held.is_none() {
                                *held = Some((text, view));
                            }
                            return;
                        }
                        *held = None;
                    }
                    if pristine {
                        if !current.is_empty() {
                            crate::services::history::replace_fragment(None);
                        }
                        written.borrow_mut().clear();
                        return;
                    }
                    wasm_bindgen_futures::spawn_local(async move {
                        let Ok(codec) = crate::services::link::codec().await else {
                            return;
                        };
                        match crate::services::link::fragment(&codec, &text, &view) {
                            Ok(fragment) => {
                                if fragment != crate::services::history::current_fragment() {
                                    crate::services::history::replace_fragment(Some(&fragment));
                                }
                                written.replace(fragment);
                            }
                            // Too long for a link: the address carries none.
                            Err(_) => {
                                if !crate::services::history::current_fragment().is_empty() {
                                    crate::services::history::replace_fragment(None);
                                }
                                written.borrow_mut().clear();
                            }
                        }
                    });
                });
                move || drop(timeout)
            },
        );
    }
    let on_copy_link = {
        let dispatcher = state.dispatcher();
        let link_box = link_box.clone();
        let text = state.parsed_text.clone();
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            copy_link(
                dispatcher.clone(),
                link_box.clone(),
                text.clone(),
                view.clone(),
            )
        })
    };
    let on_copy_element_link = use_callback(
        (
            state.dispatcher(),
            link_box.clone(),
            state.parsed_text.clone(),
            view.clone(),
        ),
        |anchor: String, (dispatcher, link_box, text, view)| {
            let view = permalink::View {
                selected: Some(anchor),
                ..view.clone()
            };
            copy_link(dispatcher.clone(), link_box.clone(), text.clone(), view)
        },
    );
    // Drafts: the text and view are kept in local storage once they rest, each wholesale
    // replacement (a file, a sample, a link, a draft) starting a new draft; a draft still
    // waiting is saved at once when the text is replaced or the page is left.
    let drafts_version = use_state(|| 0u32);
    let draft_problem: UseStateHandle<Option<DraftNotKept>> = use_state(|| None);
    let drafts = use_memo(*drafts_version, |_| {
        std::rc::Rc::new(crate::services::drafts::list())
    });
    let pending: PendingDraft = use_mut_ref(|| None);
    // The id given to the draft of each replacement generation.
    let draft_ids = use_mut_ref(|| (u32::MAX, 0u64));
    let current_draft = state.draft.or_else(|| {
        let ids = draft_ids.borrow();
        (ids.0 == state.draft_generation).then_some(ids.1)
    });
    {
        let pending = pending.clone();
        let drafts_version = drafts_version.clone();
        let draft_problem = draft_problem.clone();
        // Nothing to keep while a link's cable is on its way.
        let pristine = state.is_pristine() || state.opening_link;
        let key = (
            state.text.clone(),
            view.clone(),
            state.draft,
            state.draft_generation,
            pristine,
        );
        let parse = state.parse.clone();
        use_effect_with(key, move |(text, view, draft, generation, pristine)| {
            let id = match *draft {
                Some(id) => id,
                None => {
                    let mut ids = draft_ids.borrow_mut();
                    if ids.0 != *generation {
                        *ids = (*generation, crate::services::clock::now_ms() as u64);
                    }
                    ids.1
                }
            };
            let report = {
                let drafts_version = drafts_version.clone();
                let draft_problem = draft_problem.clone();
                move |saved: Result<(), DraftNotKept>| {
                    draft_problem.set(saved.err());
                    drafts_version.set(drafts_version.wrapping_add(1));
                }
            };
            // The text was replaced: what it replaced is saved before anything else happens.
            let replaced = pending
                .borrow()
                .as_ref()
                .is_some_and(|waiting| waiting.id != id);
            if replaced {
                if let Some(saved) = flush_draft(&pending) {
                    report(saved);
                }
            }
            let mut timeout = None;
            if text.len() > crate::services::drafts::MAX_DRAFT_BYTES {
                pending.replace(None);
                let problem = DraftNotKept::TooLarge {
                    n_kb: text.len().div_ceil(1024),
                };
                // Typing in a huge text must not re-render the page for the same message.
                if *draft_problem != Some(problem) {
                    draft_problem.set(Some(problem));
                }
            } else if !*pristine {
                pending.replace(Some(crate::services::drafts::Draft {
                    id,
                    saved_ms: crate::services::clock::now_ms(),
                    title: crate::services::drafts::title(&parse, text),
                    text: text.to_string(),
                    view: view.clone(),
                }));
                let pending = pending.clone();
                timeout = Some(Timeout::new(DRAFT_DEBOUNCE_MS, move || {
                    if let Some(saved) = flush_draft(&pending) {
                        report(saved);
                    }
                }));
            }
            move || drop(timeout)
        });
    }
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "pagehide", move |_| {
                    let _ = flush_draft(&pending);
                })
            });
            move || drop(listener)
        });
    }
    let on_open_draft = {
        let dispatcher = state.dispatcher();
        let pending = pending.clone();
        Callback::from(move |id: u64| {
            let _ = flush_draft(&pending);
            if let Some(draft) = crate::services::drafts::load(id) {
                dispatcher.dispatch(Action::OpenDraft(draft));
            }
        })
    };
    let on_remove_draft = {
        let drafts_version = drafts_version.clone();
        Callback::from(move |id: u64| {
            crate::services::drafts::remove(id);
            drafts_version.set(drafts_version.wrapping_add(1));
        })
    };

    // The link box's text is selected as it appears, ready to copy.
    use_effect_with((*link_box).clone(), |shown| {
        if shown.is_some() {
            use wasm_bindgen::JsCast;
            if let Some(input) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id("link-output"))
                .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.select();
            }
        }
    });
    // Keyboard shortcuts, except while typing in a field: one listener for the page's life,
    // which reads what it acts on from `keys`, brought up to date at each render.
    let current = Keys {
        dispatcher: state.dispatcher(),
        theme: theme.clone(),
        show_shortcuts: show_shortcuts.clone(),
        link_box: link_box.clone(),
        text: state.parsed_text.clone(),
        view: view.clone(),
    };
    let keys = use_mut_ref(|| current.clone());
    *keys.borrow_mut() = current;
    use_effect_with((), move |()| {
        let listener = web_sys::window()
            .and_then(|window| window.document())
            .map(|document| {
                gloo_events::EventListener::new(&document, "keydown", move |event| {
                    use wasm_bindgen::JsCast;
                    if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                        // Cloned out: a dispatch may render at once, and the render writes `keys`.
                        let current = keys.borrow().clone();
                        on_key(event, current);
                    }
                })
            });
        move || drop(listener)
    });
    let on_shortcuts = {
        let show_shortcuts = show_shortcuts.clone();
        Callback::from(move |_: MouseEvent| show_shortcuts.set(!*show_shortcuts))
    };

    let on_parse_held = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ParseHeld))
    };
    let status = if state.parse_held || state.opening_link {
        None
    } else if state.parsed_text.trim().is_empty() {
        Some("The text area is empty. Paste the raw text of a cable, open a .txt file, or restore the sample.")
    } else if !parse.looks_like_cable() {
        Some("This text does not look like a cable: no routing header, classification line, TAGS, SUBJECT or REF field, and no numbered paragraph was found. What could be read is shown below.")
    } else {
        None
    };
    let pending = state.text != state.parsed_text;
    let banner = classification_banner(&parse);
    let input_form = match parse.input_form {
        cable::InputForm::Plain => None,
        cable::InputForm::Html => {
            Some("Read from a cable page's HTML: tags and entities were set aside.")
        }
        cable::InputForm::CsvRecord => {
            Some("Read from a cables.csv record: its header and text columns, quotes unescaped.")
        }
    };

    html! {
        <>
            <header class="page-header">
                <h1>{ "cablescope" }</h1>
                <p class="tagline">{ "Paste a US diplomatic cable and read it decomposed: header, references, paragraphs." }</p>
                <button type="button" class="button theme-toggle" id="theme-toggle" onclick={on_theme}
                    aria-label={format!("{} (press t to change)", theme.label())}>{ theme.label() }</button>
                <button type="button" class="button" id="shortcuts-toggle" aria-expanded={show_shortcuts.to_string()}
                    onclick={on_shortcuts}>{ "Shortcuts" }</button>
            </header>
            if *show_shortcuts {
                <aside class="shortcuts region" id="shortcuts" aria-label="Keyboard shortcuts">
                    <ul>{ for SHORTCUTS.iter().map(|(key, what)| html! { <li><kbd>{ *key }</kbd>{ " " }{ *what }</li> }) }</ul>
                </aside>
            }
            <main class="layout" ondrop={on_drop} ondragover={on_drag_over}>
                <div class="left-column">
                    <div class="view-switch" role="group" aria-label="Left column">
                        <button type="button" id="show-editor" class="button"
                            aria-pressed={(!state.source_open).to_string()}
                            onclick={on_toggle_source.clone()} disabled={!state.source_open}>
                            { "Edit text" }
                        </button>
                        <button type="button" id="show-source" class="button"
                            aria-pressed={state.source_open.to_string()}
                            onclick={on_toggle_source} disabled={state.source_open || state.parsed_text.trim().is_empty()}>
                            { "Source view" }
                        </button>
                    </div>
                    if state.source_open && state.text.len() > crate::state::LARGE_TEXT {
                        <p class="hint" id="large-text-note">
                            { format!("This text is {} KB: it is shown here line by line, read-only, so that the page stays fast. \"Edit text\" puts it in the text area, where typing is slower.", state.text.len().div_ceil(1024)) }
                        </p>
                    }
                    if state.source_open {
                        <SourcePane source={source.clone()} selected={selected_span} {on_select_line} />
                    } else {
                        <InputPanel text={state.text.clone()} {on_edit} {on_paste} {on_large_paste} {on_file} {on_file_error} {on_restore} {on_sample} files={file_names} on_show_file={on_show_file.clone()} />
                    }
                    <DraftsList drafts={(*drafts).clone()} current={current_draft} problem={draft_problem.map(|problem| problem.to_string())}
                        on_open={on_open_draft} on_remove={on_remove_draft} />
                </div>
                <div class="decomposition" aria-busy={pending.to_string()} aria-live="polite">
                    if let Some(notice) = &state.notice {
                        <NoticeBar notice={notice.clone()} {on_undo} {on_dismiss} />
                    }
                    if let Some(status) = status {
                        <p class="status-message" id="status-message" role="status">{ status }</p>
                    }
                    if state.parse_held {
                        <p class="status-message" id="parse-held" role="status">
                            { format!(
                                "This text is {} MB, far more than any cable (the longest known is about 90 KB): it is shown in the source view but not parsed as it arrives, which would hold the page up for seconds. ",
                                crate::format::one_decimal(state.parsed_text.len() as f64 / 1_048_576.0)
                            ) }
                            <button type="button" class="button" id="parse-held-text" onclick={on_parse_held}>{ "Parse it now" }</button>
                        </p>
                    }
                    if let Some(input_form) = input_form {
                        <p class="input-form" id="input-form">{ input_form }</p>
                    }
                    if !state.parsed_text.trim().is_empty() {
                        <div class="toolbar" role="toolbar" aria-label="Export">
                            <button type="button" class="button" id="export-json" onclick={on_export}>{ "Export JSON" }</button>
                            <button type="button" class="button" id="copy-json" onclick={on_copy_json}>{ "Copy JSON" }</button>
                            <button type="button" class="button" id="copy-text" onclick={on_copy_text}>{ "Copy reading text" }</button>
                            <button type="button" class="button" id="print" onclick={on_print}>{ "Print" }</button>
                            <button type="button" class="button" id="copy-link" onclick={on_copy_link}
                                title="A link that carries this cable and this view; the text travels in the link, never to a server">{ "Copy link" }</button>
                        </div>
                    }
                    if let Some(banner) = banner.clone() {
                        <div class={classes!("classification-banner", banner.1.clone())} id="banner-top" role="note" aria-label="Classification">{ &banner.0 }</div>
                    }
                    if !state.parsed_text.trim().is_empty() {
                        if let Some(url) = (*link_box).clone() {
                            <div class="link-box" id="link-box">
                                <label for="link-output">{ format!("Link ({} characters)", url.chars().count()) }</label>
                                <input id="link-output" type="text" readonly=true value={url.clone()} />
                                <button type="button" class="link-button" id="close-link-box"
                                    onclick={let link_box = link_box.clone(); move |_| link_box.set(None)}>{ "Close" }</button>
                                if url.chars().count() > crate::services::link::LONG_LINK {
                                    <p class="link-warning" id="link-warning">{ "Over 2,000 characters: some chat applications cut links this long." }</p>
                                }
                            </div>
                        }
                        <HeaderCard parse={parse.clone()} source={source.clone()} selected={selected_anchor.clone()} on_select={on_select.clone()} on_copied={on_copied}
                            transmission_open={state.transmission_open} {on_transmission} on_copy_link={on_copy_element_link.clone()} />
                        <ReferencesList parse={parse.clone()} source={source.clone()} selected={selected_anchor.clone()} on_select={on_select.clone()}
                            loaded={state.files.iter().map(|file| file.id.clone()).collect::<Vec<_>>()} on_show_file={on_show_file.clone()}
                            on_copy_link={on_copy_element_link.clone()} />
                        <ParagraphsList parse={parse.clone()} source={source.clone()} selected={selected_anchor} on_select={on_select.clone()}
                            as_written={state.as_written} {on_toggle_written} all_paragraphs={state.all_paragraphs} {on_show_all}
                            printing={*printing}
                            on_copy_link={on_copy_element_link} />
                        <DiagnosticsList parse={parse.clone()} source={source.clone()} selected={state.selected.as_ref().map(|selected| selected.anchor.clone())} on_select={on_select.clone()}
                            open={view.notes_open} on_toggle={on_notes} />
                    }
                    if let Some(banner) = banner {
                        <div class={classes!("classification-banner", banner.1)} id="banner-bottom" role="note" aria-label="Classification">{ banner.0 }</div>
                    }
                    if let Some(ms) = state.parse_ms {
                        <p class="hint" id="parse-time" data-ms={crate::format::one_decimal(ms)}>
                            { format!("Read {} bytes in {} ms, in this tab.", state.parsed_text.len(), crate::format::one_decimal(ms)) }
                        </p>
                    }
                </div>
            </main>
        </>
    }
}
