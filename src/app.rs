//! Lays out the page and wires the state to the components: the input on one side, the
//! decomposition on the other. The effects are hooks of their own (`hooks`), the browser's
//! services small modules (`services`).

use yew::prelude::*;

use crate::banner::classification_banner;
use crate::components::cable_id_box::CableIdBox;
use crate::components::diagnostics_list::DiagnosticsList;
use crate::components::drafts_list::DraftsList;
use crate::components::header_card::HeaderCard;
use crate::components::input_panel::InputPanel;
use crate::components::notice_bar::NoticeBar;
use crate::components::paragraphs_list::ParagraphsList;
use crate::components::references_list::ReferencesList;
use crate::components::source_pane::SourcePane;
use crate::components::source_snippet::SourceText;
use crate::export::ExportError;
use crate::hooks::use_address_sync::use_address_sync;
use crate::hooks::use_debounced_parse::use_debounced_parse;
use crate::hooks::use_drafts::use_drafts;
use crate::hooks::use_link_box::use_link_box;
use crate::hooks::use_print::use_print;
use crate::hooks::use_scroll_to_selection::use_scroll_to_selection;
use crate::hooks::use_shortcuts::{use_shortcuts, Keys, SHORTCUTS};
use crate::hooks::use_theme::{use_theme, Theme};
use crate::page_state::starting_state;
use crate::services::files::FileError;
use crate::services::history::Arrival;
use crate::state::{Action, Selected};

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    // What the address asked for as the page started: read, and a link checked, once.
    let arrival = use_memo((), |()| Arrival::read());
    let state = use_reducer({
        let arrival = arrival.clone();
        move || starting_state((*arrival).as_ref())
    });
    use_debounced_parse(state.text.clone(), state.dispatcher());

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
                    crate::samples::SEED_CABLE.to_string(),
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
    let (printing, on_print) = use_print();
    use_scroll_to_selection(state.selected.clone());
    let selected_anchor = state
        .selected
        .as_ref()
        .map(|selected| selected.anchor.clone());
    let selected_span = state.selected.as_ref().map(|selected| selected.span);

    let theme = use_theme();
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
    use_address_sync(
        arrival,
        state.dispatcher(),
        state.parsed_text.clone(),
        view.clone(),
        state.is_pristine(),
    );
    let drafts = use_drafts(&state, &view, state.dispatcher());
    let link_box = use_link_box();
    let on_copy_link = {
        let dispatcher = state.dispatcher();
        let link_box = link_box.clone();
        let text = state.parsed_text.clone();
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            link_box.copy_link(dispatcher.clone(), text.clone(), view.clone())
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
            link_box.copy_link(dispatcher.clone(), text.clone(), view)
        },
    );
    use_shortcuts(Keys {
        dispatcher: state.dispatcher(),
        theme: theme.clone(),
        show_shortcuts: show_shortcuts.clone(),
        link_box: link_box.clone(),
        text: state.parsed_text.clone(),
        view: view.clone(),
    });
    let on_shortcuts = {
        let show_shortcuts = show_shortcuts.clone();
        Callback::from(move |_: MouseEvent| show_shortcuts.set(!*show_shortcuts))
    };

    let on_parse_held = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ParseHeld))
    };
    let on_set_id = {
        let dispatcher = state.dispatcher();
        Callback::from(move |written: String| dispatcher.dispatch(Action::SetCableId(written)))
    };
    let on_forget_id = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::ForgetCableId))
    };
    let id_box = (state.cable_id.is_some() || crate::state::wants_id(&parse)).then(|| html! {
        // Keyed by the ID offered, so that a new file's offer replaces what was written.
        <CableIdBox key={state.offered_id.clone().unwrap_or_default()} given={state.cable_id.clone()} offered={state.offered_id.clone()}
            undated={parse.cable.undated_citations().count()} on_set={on_set_id} on_forget={on_forget_id} />
    });
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
        cable::InputForm::JsonRecord => {
            Some("Read from a JSON record: its header and text strings, escapes read.")
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
                <a class="button" id="collection-link" href="collection.html">{ "Your collection" }</a>
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
                    <DraftsList drafts={drafts.list} current={drafts.current} problem={drafts.problem.map(|problem| problem.to_string())}
                        on_open={drafts.on_open} on_remove={drafts.on_remove} />
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
                        if let Some(url) = link_box.link() {
                            <div class="link-box" id="link-box">
                                <label for="link-output">{ format!("Link ({} characters)", url.chars().count()) }</label>
                                <input id="link-output" type="text" readonly=true value={url.clone()} />
                                <button type="button" class="link-button" id="close-link-box"
                                    onclick={let link_box = link_box.clone(); move |_| link_box.close()}>{ "Close" }</button>
                                if url.chars().count() > crate::services::link::LONG_LINK {
                                    <p class="link-warning" id="link-warning">{ "Over 2,000 characters: some chat applications cut links this long." }</p>
                                }
                            </div>
                        }
                        <HeaderCard parse={parse.clone()} source={source.clone()} selected={selected_anchor.clone()} on_select={on_select.clone()} on_copied={on_copied}
                            transmission_open={state.transmission_open} {on_transmission} on_copy_link={on_copy_element_link.clone()} />
                        { for id_box }
                        <ReferencesList parse={parse.clone()} source={source.clone()} selected={selected_anchor.clone()} on_select={on_select.clone()}
                            loaded={state.files.iter().map(|file| file.id.clone()).collect::<Vec<_>>()} on_show_file={on_show_file.clone()}
                            on_copy_link={on_copy_element_link.clone()} />
                        <ParagraphsList parse={parse.clone()} source={source.clone()} selected={selected_anchor} on_select={on_select.clone()}
                            as_written={state.as_written} {on_toggle_written} all_paragraphs={state.all_paragraphs} {on_show_all}
                            {printing}
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
