//! The paragraphs region: the body, one numbered paragraph at a time.

use std::rc::Rc;

use cable::Parse;
use yew::prelude::*;

use super::source_snippet::{SourceSnippet, SourceText};

/// Props of [`ParagraphsList`].
#[derive(Properties, PartialEq)]
pub struct ParagraphsListProps {
    /// The decomposition.
    pub parse: Rc<Parse>,
    /// The parsed text.
    pub source: Rc<SourceText>,
}

/// Each paragraph with its number, portion marking, sub-heading and source.
#[function_component(ParagraphsList)]
pub fn paragraphs_list(props: &ParagraphsListProps) -> Html {
    let paragraphs = &props.parse.cable.paragraphs;
    let items = paragraphs.iter().enumerate().map(|(idx, paragraph)| {
        let anchor = match &paragraph.number {
            Some(number) => format!("p-{}", number.value),
            None => format!("p-u{}", idx + 1),
        };
        let number = paragraph.number.as_ref().map(|number| {
            let title = (number.raw != number.value.to_string()).then(|| format!("Written as {}", number.raw));
            html! { <span class="paragraph-number" title={title}>{ format!("{}.", number.value) }</span> }
        });
        let marking = paragraph.marking.as_ref().map(|marking| {
            html! { <span class="marking" title="Portion marking">{ format!("({})", marking.value) }</span> }
        });
        html! {
            <li class="paragraph" id={anchor}>
                if let Some(heading) = &paragraph.heading {
                    <h3 class="subheading">{ &heading.value }</h3>
                }
                <p>
                    { for number }
                    { for marking }
                    <span class="paragraph-text">{ &paragraph.text }</span>
                </p>
                <SourceSnippet source={props.source.clone()} span={paragraph.span} />
            </li>
        }
    });
    html! {
        <section class="region" id="paragraphs" aria-labelledby="paragraphs-title">
            <h2 id="paragraphs-title">{ "Paragraphs" }</h2>
            if paragraphs.is_empty() {
                <p class="empty">{ "No paragraphs were found." }</p>
            } else {
                <ol class="paragraphs">{ for items }</ol>
            }
        </section>
    }
}
