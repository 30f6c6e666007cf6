//! What the parser noticed: choices it made and things it could not find.

use std::rc::Rc;

use cable::{Parse, Severity};
use yew::prelude::*;

use super::source_snippet::{snippet_markup, use_snippets, SourceText};
use crate::markup::{use_selection_mark, Clicked, Markup};
use crate::state::{Selected, SharedParse};

/// Props of [`DiagnosticsList`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticsListProps {
    /// The decomposition and its diagnostics.
    pub parse: SharedParse,
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

/// Writes the diagnostics, each with its source when it has a useful one; `selected` marked
/// (the component keeps the mark up to date).
fn items_markup(parse: &Parse, source: &SourceText, selected: Option<&str>) -> Markup {
    let whole = source.text.len();
    let mut out = Markup::with_capacity(parse.diagnostics.len() * 300);
    for (idx, diagnostic) in parse.diagnostics.iter().enumerate() {
        let anchor = cable::anchors::diagnostic(idx);
        let label = match diagnostic.severity {
            Severity::Note => "Note",
            Severity::Warning => "Warning",
        };
        // A diagnostic about the whole text has no useful source to show; a local one is linked
        // like any element: choosing it shows its source.
        let local = diagnostic.span.end - diagnostic.span.start < whole;
        let mut class = format!("diagnostic diagnostic-{}", label.to_ascii_lowercase());
        if local {
            class.push_str(" selectable");
        }
        if selected == Some(anchor.as_str()) {
            class.push_str(" selected");
        }
        out.open(
            "li",
            &[
                ("class", Some(&class)),
                ("id", Some(&anchor)),
                ("data-idx", Some(&idx.to_string())),
            ],
        );
        out.element("span", &[("class", Some("diagnostic-severity"))], label);
        out.text(" ");
        out.text(&diagnostic.message);
        if local {
            snippet_markup(&mut out, source, diagnostic.span);
        }
        out.close("li");
    }
    out
}

/// A folded list of diagnostics, each with its source, written as markup ([`Markup`]) with one
/// click handler for the list.
#[function_component(DiagnosticsList)]
pub fn diagnostics_list(props: &DiagnosticsListProps) -> Html {
    let diagnostics = &props.parse.diagnostics;
    // Written again only when the text changes, not when the selection moves.
    let selected = props.selected.clone();
    let items = use_memo(
        (props.parse.clone(), props.source.clone()),
        move |(parse, source)| items_markup(parse, source, selected.as_deref()).into_html(),
    );
    let list = use_node_ref();
    use_selection_mark(list.clone(), props.selected.clone(), items.clone());
    use_snippets(list.clone(), props.source.clone());
    let onclick = {
        let parse = props.parse.clone();
        let on_select = props.on_select.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(clicked) = Clicked::of(&event) else {
                return;
            };
            let chosen = clicked
                .number("li.diagnostic.selectable", "data-idx")
                .and_then(|idx| Some((idx, parse.diagnostics.get(idx)?)));
            if let Some((idx, diagnostic)) = chosen {
                if !clicked.on_control() {
                    on_select.emit(Selected {
                        anchor: cable::anchors::diagnostic(idx),
                        span: diagnostic.span,
                    });
                }
            }
        })
    };
    if diagnostics.is_empty() {
        return Html::default();
    }
    let n_warnings = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Warning)
        .count();
    let title = match n_warnings {
        0 => format!("Parser notes ({})", diagnostics.len()),
        1 => format!("Parser notes ({}, 1 warning)", diagnostics.len()),
        n => format!("Parser notes ({}, {n} warnings)", diagnostics.len()),
    };
    html! {
        <section class="region" id="diagnostics" aria-labelledby="diagnostics-title">
            <details open={props.open} ontoggle={super::header_card::details_toggle(&props.on_toggle)}>
                <summary><h2 id="diagnostics-title">{ title }</h2></summary>
                <ul class="diagnostics" ref={list} {onclick}>{ (*items).clone() }</ul>
            </details>
        </section>
    }
}
