//! The message about the last thing the user did, with undo where it replaced their text.

use yew::prelude::*;

use crate::state::{Notice, NoticeKind};

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// What to say.
    pub notice: Notice,
    /// Shown when the user's text was replaced and can be brought back.
    pub on_undo: Option<Callback<()>>,
    /// Hides the notice.
    pub on_dismiss: Callback<()>,
}

/// A status line: polite for information, assertive for errors.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let (class, role) = match props.notice.kind {
        NoticeKind::Info => ("notice notice-info", "status"),
        NoticeKind::Error => ("notice notice-error", "alert"),
    };
    let undo = props.on_undo.as_ref().map(|on_undo| {
        let on_undo = on_undo.clone();
        html! { <button type="button" class="link-button" id="notice-undo" onclick={move |_| on_undo.emit(())}>{ "Undo" }</button> }
    });
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class={class} role={role} id="notice">
            <span class="notice-message">{ &props.notice.message }</span>
            { for undo }
            <button type="button" class="link-button" aria-label="Dismiss message" onclick={move |_| on_dismiss.emit(())}>{ "×" }</button>
        </div>
    }
}
