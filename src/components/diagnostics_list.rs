//! What the parser noticed: choices it made and things it could not find.

use std::rc::Rc;

use cable::{Parse, Severity};
use yew::prelude::*;

use super::source_snippet::{SourceSnippet, SourceText};
use crate::state::Selected;

/// Props of [`DiagnosticsList`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticsListProps {
    /// The decomposition and its diagnostics.
    pub parse: Rc<Parse>,
    /// The parsed text.
    pub source: Rc<SourceText>,
    /// The anchor of the selected element, if any.
    #[prop_or_default]
    pub selected: Option<String>,
    /// A diagnostic was chosen: its anchor and span.
    #[prop_or_default]
    pub on_select: Callback<Selected>,
    /// Unfolded (`AppState::link_view` decides: as the reader left it, else open when something
    /// is wrong).
    #[prop_or_default]
    pub open: bool,
    /// The reader unfolded (`true`) or folded the list.
    #[prop_or_default]
    pub on_toggle: Callback<bool>,
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
    let items = diagnostics.iter().enumerate().map(|(idx, diagnostic)| {
        let anchor = crate::anchors::diagnostic(idx);
        let is_selected = props.selected.as_deref() == Some(anchor.as_str());
        let label = match diagnostic.severity {
            Severity::Note => "Note",
            Severity::Warning => "Warning",
        };
        // A diagnostic about the whole text has no useful source to show.
        let local = diagnostic.span.end - diagnostic.span.start < whole;
        // A local diagnostic is linked like any element: choosing it shows its source.
        let onclick = local.then(|| {
            let selected = Selected {
                anchor: anchor.clone(),
                span: diagnostic.span,
            };
            super::source_pane::select_on_click(&props.on_select, selected)
        });
        html! {
            <li class={classes!("diagnostic", format!("diagnostic-{}", label.to_ascii_lowercase()),
                    local.then_some("selectable"), is_selected.then_some("selected"))}
                id={anchor} onclick={onclick}>
                <span class="diagnostic-severity">{ label }</span>{ " " }{ &diagnostic.message }
                if local {
                    <SourceSnippet source={props.source.clone()} span={diagnostic.span} />
                }
            </li>
        }
    });
    html! {
        <section class="region" id="diagnostics" aria-labelledby="diagnostics-title">
            <details open={props.open} ontoggle={super::header_card::details_toggle(&props.on_toggle)}>
                <summary><h2 id="diagnostics-title">{ title }</h2></summary>
                <ul class="diagnostics">{ for items }</ul>
            </details>
        </section>
    }
}
