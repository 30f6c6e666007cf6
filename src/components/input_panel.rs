//! Where a cable comes in: a text area to paste or type into, a file picker, the sample button.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_file::callbacks::FileReader;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::services::files::read_files;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the text area shows.
    pub text: Rc<str>,
    /// Every edit, at once (parsing is debounced elsewhere).
    pub on_edit: Callback<String>,
    /// A paste or drop into the text area: parsed at once.
    #[prop_or_default]
    pub on_paste: Callback<String>,
    /// A paste that would make the text longer than [`crate::state::LARGE_TEXT`]: the whole new
    /// text, which the text area never receives (laying it out would hold the page up).
    #[prop_or_default]
    pub on_large_paste: Callback<String>,
    /// A file's name and bytes, once read.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// A file that could not be read.
    pub on_file_error: Callback<crate::services::files::FileError>,
    /// Put the sample cable back.
    pub on_restore: Callback<()>,
    /// Show sample `n`.
    #[prop_or_default]
    pub on_sample: Callback<usize>,
    /// The names of the files opened so far.
    #[prop_or_default]
    pub files: Vec<String>,
    /// Show opened file `n` again.
    #[prop_or_default]
    pub on_show_file: Callback<usize>,
}

/// The input column.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    // The readers must live until they call back; dropping one cancels its read.
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new);
    // The text the area is known to hold without asking it: its default value at first, then
    // each text written into it. Typing makes it unknown. Reading a text area's value copies it
    // into wasm a character at a time: the start does not, for the text it just put there.
    let known: Rc<RefCell<Option<Rc<str>>>> = use_mut_ref({
        let text = props.text.clone();
        move || Some(text)
    });
    let on_input = {
        let on_edit = props.on_edit.clone();
        let on_paste = props.on_paste.clone();
        let known = known.clone();
        Callback::from(move |event: InputEvent| {
            known.replace(None);
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            // A paste or a drop is one change: read it at once. Typing waits for a pause.
            // Read without assuming an `InputEvent`: a script may send a plain `Event`.
            let input_type = js_sys::Reflect::get(&event, &"inputType".into())
                .ok()
                .and_then(|value| value.as_string())
                .unwrap_or_default();
            if matches!(input_type.as_str(), "insertFromPaste" | "insertFromDrop") {
                on_paste.emit(area.value());
            } else {
                on_edit.emit(area.value());
            }
        })
    };
    // A large paste is taken before the browser puts it in the text area.
    let on_paste_event = {
        let on_large_paste = props.on_large_paste.clone();
        Callback::from(move |event: Event| {
            use wasm_bindgen::JsCast;
            // Read `clipboardData` without assuming the event's class: an event made in another
            // frame is not an instance of this frame's `ClipboardEvent`.
            let Some(pasted) = js_sys::Reflect::get(&event, &"clipboardData".into())
                .ok()
                .filter(|data| data.is_object())
                .and_then(|data| {
                    data.unchecked_ref::<web_sys::DataTransfer>()
                        .get_data("text/plain")
                        .ok()
                })
            else {
                return;
            };
            if pasted.len() <= crate::state::LARGE_TEXT / 2 {
                return;
            }
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let value = area.value();
            // The selection is in UTF-16 units; the text, in UTF-8.
            let utf16: Vec<u16> = value.encode_utf16().collect();
            let at = |units: Option<u32>, default: usize| {
                units.map_or(default, |units| (units as usize).min(utf16.len()))
            };
            let start = at(area.selection_start().ok().flatten(), utf16.len());
            let end = at(area.selection_end().ok().flatten(), utf16.len()).max(start);
            let mut text = String::from_utf16_lossy(utf16.get(..start).unwrap_or(&[]));
            text.push_str(&pasted);
            text.push_str(&String::from_utf16_lossy(utf16.get(end..).unwrap_or(&[])));
            if text.len() <= crate::state::LARGE_TEXT {
                return;
            }
            event.prevent_default();
            on_large_paste.emit(text);
        })
    };
    let on_change_file = {
        let on_file = props.on_file.clone();
        let on_file_error = props.on_file_error.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                read_files(&files, &on_file, &on_file_error, &readers);
            }
            // Let the same file be picked again later.
            input.set_value("");
        })
    };
    // The text area is not re-rendered on every keystroke: what the user typed is already in it.
    // It starts with its text as its default value (which yew sets only when the element is
    // made, so in the first frame: an effect can run a frame later); after that only a text from
    // elsewhere (a file, a sample, an undo) is written into it, since rewriting a megabyte on
    // each key would stall typing.
    let area_ref = use_node_ref();
    {
        let area_ref = area_ref.clone();
        let known = known.clone();
        use_effect_with(props.text.clone(), move |text| {
            if known.borrow().as_ref().is_some_and(|known| known == text) {
                return;
            }
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                if area.value() != **text {
                    area.set_value(text);
                }
                known.replace(Some(text.clone()));
            }
        });
    }
    let on_sample = {
        let on_sample = props.on_sample.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Ok(idx) = select.value().parse::<usize>() {
                on_sample.emit(idx);
            }
            select.set_value("");
        })
    };
    let files = props.files.iter().enumerate().map(|(idx, name)| {
        let on_show_file = props.on_show_file.clone();
        html! {
            <li>
                <button type="button" class="link-button" onclick={move |_| on_show_file.emit(idx)}>{ name }</button>
            </li>
        }
    });
    let on_restore = props.on_restore.clone();
    html! {
        <section class="input-panel" aria-labelledby="input-title">
            <div class="input-toolbar">
                <h2 id="input-title"><label for="cable-input">{ "Cable text" }</label></h2>
                <label class="button file-button">
                    { "Open files" }
                    <input id="file-input" type="file" multiple=true
                        accept=".txt,.text,.html,.htm,.csv,.json,text/plain,text/html,text/csv,application/json"
                        onchange={on_change_file} />
                </label>
                <label class="visually-hidden" for="samples">{ "Samples" }</label>
                <select id="samples" class="button" onchange={on_sample}>
                    <option value="" selected=true>{ "Samples…" }</option>
                    { for crate::samples::SAMPLES.iter().enumerate().map(|(idx, (label, _))| html! {
                        <option value={idx.to_string()}>{ *label }</option>
                    }) }
                </select>
                <button id="restore-sample" type="button" class="button" onclick={move |_| on_restore.emit(())}>
                    { "Restore sample" }
                </button>
            </div>
            <textarea
                id="cable-input"
                spellcheck="false"
                autocomplete="off"
                placeholder="Paste the raw text of a cable here: routing header, classification line, SUBJECT, REF, numbered paragraphs…"
                ref={area_ref}
                defaultvalue={AttrValue::from(props.text.clone())}
                oninput={on_input}
                onpaste={on_paste_event}
            />
            if !props.files.is_empty() {
                <nav class="opened-files" aria-label="Opened files">
                    <h3>{ "Opened files" }</h3>
                    <ul id="opened-files">{ for files }</ul>
                </nav>
            }
            <p class="hint">{ "Drop .txt, .html, .csv or .json files anywhere on the page. Everything happens in this browser tab: the text is never sent anywhere." }</p>
        </section>
    }
}
