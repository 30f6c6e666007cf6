//! "Show source": the exact original text an element came from, with its line numbers.

use std::rc::Rc;

use cable::Span;
use yew::prelude::*;

/// The text that was parsed, with the byte offset of every line start.
/// `Eq` lets `Rc<SourceText>` props compare by pointer first.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceText {
    /// The text exactly as the user gave it.
    pub text: Rc<str>,
    line_starts: Vec<usize>,
}

impl SourceText {
    /// Indexes the line starts of `text` once, so that every snippet finds its lines quickly.
    pub fn new(text: Rc<str>) -> SourceText {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(idx, _)| idx + 1))
            .collect();
        SourceText { text, line_starts }
    }

    /// How many lines the text has.
    pub fn n_lines(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of line `idx` (0-based), without its `\n`.
    pub fn line_range(&self, idx: usize) -> (usize, usize) {
        let start = self
            .line_starts
            .get(idx)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.text.len(), |next| next - 1);
        (start, end.max(start))
    }

    /// The 1-based number of the line holding byte `offset`.
    pub fn line_number(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }

    /// The text of `span`, or an empty string when it does not fit the text.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Props of [`SourceSnippet`].
#[derive(Properties, PartialEq)]
pub struct SourceSnippetProps {
    /// The parsed text.
    pub source: Rc<SourceText>,
    /// What to show.
    pub span: Span,
}

/// A closed `<details>` that shows the original lines of `span` when opened. The lines are only
/// rendered once it is opened: a long cable has hundreds of snippets.
#[function_component(SourceSnippet)]
pub fn source_snippet(props: &SourceSnippetProps) -> Html {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            open.set(details.open());
        })
    };
    let source = &props.source;
    let first_line = source.line_number(props.span.start);
    let last_line = source.line_number(props.span.end.saturating_sub(1).max(props.span.start));
    let label = if first_line == last_line {
        format!("Source · line {first_line}")
    } else {
        format!("Source · lines {first_line}–{last_line}")
    };
    let shown = if *open { source.slice(props.span) } else { "" };
    let numbered = shown
        .split('\n')
        .filter(|_| *open)
        .enumerate()
        .map(|(idx, line)| {
            html! {
                <span class="source-line">
                    <span class="line-number" aria-hidden="true">{ first_line + idx }</span>
                    <span class="line-text">{ line.trim_end_matches('\r') }</span>
                </span>
            }
        });
    html! {
        <details class="source" ontoggle={on_toggle}>
            <summary>{ label }</summary>
            <pre class="source-text">{ for numbered }</pre>
        </details>
    }
}
