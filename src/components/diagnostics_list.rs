//! What the parser noticed: choices it made and things it could not find.

use std::rc::Rc;

use cable::{Parse, Severity};
use yew::prelude::*;

use super::source_snippet::{SourceSnippet, SourceText};

/// Props of [`DiagnosticsList`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticsListProps {
    /// The decomposition and its diagnostics.
    pub parse: Rc<Parse>,
    /// The parsed text.
    pub source: Rc<SourceText>,
}

/// A folded list of diagnostics, each with its source.
#[function_component(DiagnosticsList)]
pub fn diagnostics_list(props: &DiagnosticsListProps) -> Html {
    let diagnostics = &props.parse.diagnostics;
    if diagnostics.is_empty() {
        return Html::default();
    }
    let whole = props.source.text.len();
    let n_warnings = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Warning)
        .count();
    let title = match n_warnings {
        0 => format!("Parser notes ({})", diagnostics.len()),
        1 => format!("Parser notes ({}, 1 warning)", diagnostics.len()),
        n => format!("Parser notes ({}, {n} warnings)", diagnostics.len()),
    };
    let items = diagnostics.iter().map(|diagnostic| {
        let label = match diagnostic.severity {
            Severity::Note => "Note",
            Severity::Warning => "Warning",
        };
        // A diagnostic about the whole text has no useful source to show.
        let local = diagnostic.span.end - diagnostic.span.start < whole;
        html! {
            <li class={format!("diagnostic diagnostic-{}", label.to_ascii_lowercase())}>
                <span class="diagnostic-severity">{ label }</span>{ " " }{ &diagnostic.message }
                if local {
                    <SourceSnippet source={props.source.clone()} span={diagnostic.span} />
                }
            </li>
        }
    });
    html! {
        <section class="region" id="diagnostics" aria-labelledby="diagnostics-title">
            // Open by default when something is wrong, folded when there are only notes.
            <details open={n_warnings > 0}>
                <summary><h2 id="diagnostics-title">{ title }</h2></summary>
                <ul class="diagnostics">{ for items }</ul>
            </details>
        </section>
    }
}
