//! Where a cable comes in: a text area to paste or type into, a file picker, the sample button.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_file::callbacks::FileReader;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::MAX_FILE_BYTES;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// What the text area shows.
    pub text: Rc<str>,
    /// Every edit, at once (parsing is debounced elsewhere).
    pub on_edit: Callback<String>,
    /// A file's name and bytes, once read.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// A file that could not be read.
    pub on_file_error: Callback<String>,
    /// Put the sample cable back.
    pub on_restore: Callback<()>,
}

/// The input column.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    // The reader must live until it calls back; dropping it cancels the read.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let on_input = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let on_change_file = {
        let on_file = props.on_file.clone();
        let on_file_error = props.on_file_error.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be picked again later.
            input.set_value("");
            let file = gloo_file::File::from(file);
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                on_file_error.emit(format!(
                    "{name} is {:.1} MB; files over {} MB are refused. Your text is unchanged.",
                    file.size() as f64 / 1_048_576.0,
                    MAX_FILE_BYTES / 1_048_576
                ));
                return;
            }
            let on_file = on_file.clone();
            let on_file_error = on_file_error.clone();
            let read_name = name.clone();
            let handle = gloo_file::callbacks::read_as_bytes(&file, move |result| match result {
                Ok(bytes) => on_file.emit((read_name, bytes)),
                Err(error) => on_file_error.emit(format!(
                    "Could not read {read_name}: {error}. Your text is unchanged."
                )),
            });
            *reader.borrow_mut() = Some(handle);
        })
    };
    let on_restore = props.on_restore.clone();
    html! {
        <section class="input-panel" aria-labelledby="input-title">
            <div class="input-toolbar">
                <h2 id="input-title"><label for="cable-input">{ "Cable text" }</label></h2>
                <label class="button file-button">
                    { "Open .txt file" }
                    <input id="file-input" type="file" accept=".txt,text/plain" onchange={on_change_file} />
                </label>
                <button id="restore-sample" type="button" class="button" onclick={move |_| on_restore.emit(())}>
                    { "Restore sample" }
                </button>
            </div>
            <textarea
                id="cable-input"
                spellcheck="false"
                autocomplete="off"
                placeholder="Paste the raw text of a cable here: routing header, classification line, SUBJECT, REF, numbered paragraphs…"
                value={props.text.to_string()}
                oninput={on_input}
            />
            <p class="hint">{ "Everything happens in this browser tab: the text is never sent anywhere." }</p>
        </section>
    }
}
