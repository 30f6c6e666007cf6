//! The cable's ID, asked of the reader when the text states no year: it dates what the text
//! cites. Offered from a file's name when that is an ID; once given, shown with a way to forget.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CableIdBox`].
#[derive(Properties, PartialEq)]
pub struct CableIdBoxProps {
    /// The ID the text is read as, when the reader gave one.
    pub given: Option<String>,
    /// An ID to offer (a file's name), filled in for the reader to accept.
    pub offered: Option<String>,
    /// How many cited cables have no year now.
    pub undated: usize,
    /// Read the text as this ID (as the reader wrote it).
    pub on_set: Callback<String>,
    /// Read the text on its own again.
    pub on_forget: Callback<()>,
}

/// A line under the header: the ID given and Forget, or a field to give one.
#[function_component(CableIdBox)]
pub fn cable_id_box(props: &CableIdBoxProps) -> Html {
    // What the reader has written, kept here so that a render of the page (a draft saved, the
    // address updated) never puts the offered ID back over it.
    let written = use_state(|| props.offered.clone().unwrap_or_default());
    if let Some(id) = &props.given {
        let on_forget = props.on_forget.clone();
        return html! {
            <p class="cable-id-box" id="cable-id-box">
                { "The text states no year; it is read as the cable " }
                <code id="cable-id-given">{ id }</code>
                { ", the ID you gave. " }
                <button type="button" class="link-button" id="forget-cable-id" onclick={move |_| on_forget.emit(())}>{ "Forget the ID" }</button>
            </p>
        };
    }
    // No `<form>`: the page has none, so that one in the page is always a sign of injected
    // markup (the hostile-input test looks for any). Enter in the field and the button use it.
    let use_written = {
        let (written, on_set) = (written.clone(), props.on_set.clone());
        Callback::from(move |()| on_set.emit((*written).clone()))
    };
    let onclick = {
        let use_written = use_written.clone();
        move |_: MouseEvent| use_written.emit(())
    };
    let onkeydown = move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            event.prevent_default();
            use_written.emit(());
        }
    };
    let oninput = {
        let written = written.clone();
        move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                written.set(input.value());
            }
        }
    };
    let why = match props.undated {
        0 => "The text states no year, so its own ID is incomplete. Give its cable ID: ".to_string(),
        1 => "The text states no year, so the cable it cites is undated. Its cable ID dates it: ".to_string(),
        n => format!("The text states no year, so the {n} cables it cites are undated. Its cable ID dates them: "),
    };
    html! {
        <div class="cable-id-box" id="cable-id-box" role="group" aria-label="Cable ID">
            <label for="cable-id-input">{ why }</label>
            <input id="cable-id-input" type="text" size="18" spellcheck="false" autocomplete="off"
                placeholder="08OTTAWA372" value={(*written).clone()} {oninput} {onkeydown} />
            <button type="button" class="button" id="use-cable-id" {onclick}>{ "Use this ID" }</button>
            if props.offered.is_some() {
                <span class="hint">{ " (the file's name)" }</span>
            }
        </div>
    }
}
