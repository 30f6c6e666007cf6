//! The references region: what the cable cites.

use std::rc::Rc;

use cable::Parse;
use yew::prelude::*;

use super::source_snippet::{SourceSnippet, SourceText};

/// Props of [`ReferencesList`].
#[derive(Properties, PartialEq)]
pub struct ReferencesListProps {
    /// The decomposition.
    pub parse: Rc<Parse>,
    /// The parsed text.
    pub source: Rc<SourceText>,
}

/// A table of references: letter, kind, original text and canonical ID.
#[function_component(ReferencesList)]
pub fn references_list(props: &ReferencesListProps) -> Html {
    let references = &props.parse.cable.references;
    let rows = references.iter().enumerate().map(|(idx, reference)| {
        let anchor = match &reference.letter {
            Some(letter) => format!("ref-{letter}"),
            None => format!("ref-{}", idx + 1),
        };
        html! {
            <tr id={anchor} class="reference">
                <th scope="row" class="reference-letter">{ reference.letter.clone().unwrap_or_default() }</th>
                <td class="reference-kind"><span class={format!("kind kind-{}", reference.kind.as_str())}>{ reference.kind.as_str() }</span></td>
                <td class="reference-text">{ &reference.text }</td>
                <td class="reference-id">
                    if let Some(id) = &reference.canonical_id {
                        <code>{ id }</code>
                    }
                </td>
            </tr>
        }
    });
    html! {
        <section class="region" id="references" aria-labelledby="references-title">
            <h2 id="references-title">{ "References" }</h2>
            if references.is_empty() {
                <p class="empty">{ "This cable cites no references." }</p>
            } else {
                <table class="references">
                    <thead><tr><th scope="col">{ "Ref" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "As written" }</th><th scope="col">{ "Canonical ID" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            if let Some(span) = props.parse.cable.references_span {
                <SourceSnippet source={props.source.clone()} span={span} />
            }
        </section>
    }
}
