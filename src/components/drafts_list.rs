//! The recent drafts kept in this browser: each can be shown again or forgotten.

use std::rc::Rc;

use yew::prelude::*;

use crate::services::drafts::Draft;

/// Props of [`DraftsList`].
#[derive(Properties, PartialEq)]
pub struct DraftsListProps {
    /// The kept drafts, newest first.
    pub drafts: Rc<Vec<Draft>>,
    /// The draft the page shows now, if it is one of them.
    pub current: Option<u64>,
    /// Why the text shown is not kept, when it is not (too large, storage full).
    pub problem: Option<String>,
    /// Show draft `id`.
    pub on_open: Callback<u64>,
    /// Forget draft `id`.
    pub on_remove: Callback<u64>,
}

/// A folded list under the text area: "Recent drafts (3)".
#[function_component(DraftsList)]
pub fn drafts_list(props: &DraftsListProps) -> Html {
    if props.drafts.is_empty() && props.problem.is_none() {
        return html! {};
    }
    let items = props.drafts.iter().map(|draft| {
        let id = draft.id;
        let on_open = props.on_open.reform(move |_: MouseEvent| id);
        let on_remove = props.on_remove.reform(move |_: MouseEvent| id);
        let shown = props.current == Some(id);
        let when = crate::services::clock::local_time(draft.saved_ms);
        let size = draft.text.len().div_ceil(1024);
        html! {
            <li key={id.to_string()} class={classes!(shown.then_some("current"))} data-draft={id.to_string()}>
                <button type="button" class="link-button draft-open" onclick={on_open} aria-current={shown.then_some("true")}>
                    { &draft.title }
                </button>
                <span class="hint">{ format!(" {when}, {size} KB") }{ if shown { " (shown)" } else { "" } }</span>
                <button type="button" class="link-button draft-remove" onclick={on_remove}
                    aria-label={format!("Forget the draft {}", draft.title)}>{ "forget" }</button>
            </li>
        }
    });
    html! {
        <>
            if let Some(problem) = &props.problem {
                <p class="hint draft-problem" id="draft-problem" role="status">{ problem }</p>
            }
            if !props.drafts.is_empty() {
                <details class="drafts" id="drafts">
                    <summary>{ format!("Recent drafts ({})", props.drafts.len()) }</summary>
                    <ul id="drafts-list">{ for items }</ul>
                    <p class="hint">{ format!("Your texts are kept in this browser only, the {} most recent; nothing is sent anywhere.", crate::services::drafts::MAX_DRAFTS) }</p>
                </details>
            }
        </>
    }
}
