//! "Show source": the exact original text an element came from, with its line numbers.

use std::rc::Rc;

use cable::Span;
use yew::prelude::*;

use crate::markup::Markup;

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

/// The label of a snippet's toggle: `Source · line 4` or `Source · lines 4–9`.
fn snippet_label(source: &SourceText, span: Span) -> String {
    let first_line = source.line_number(span.start);
    let last_line = source.line_number(span.end.saturating_sub(1).max(span.start));
    if first_line == last_line {
        format!("Source · line {first_line}")
    } else {
        format!("Source · lines {first_line}–{last_line}")
    }
}

/// The original lines of `span`, each with its number.
fn lines_markup(source: &SourceText, span: Span) -> Markup {
    let shown = source.slice(span);
    let first_line = source.line_number(span.start);
    let mut out = Markup::with_capacity(shown.len() + 100);
    for (idx, line) in shown.split('\n').enumerate() {
        out.open("span", &[("class", Some("source-line"))]);
        out.element(
            "span",
            &[
                ("class", Some("line-number")),
                ("aria-hidden", Some("true")),
            ],
            &(first_line + idx).to_string(),
        );
        out.element(
            "span",
            &[("class", Some("line-text"))],
            line.trim_end_matches('\r'),
        );
        out.close("span");
    }
    out
}

/// A closed snippet of `span` inside a part written as [`Markup`]: its lines are filled in when
/// it is first opened, by the listener of [`use_snippets`] on an element around it.
pub fn snippet_markup(out: &mut Markup, source: &SourceText, span: Span) {
    out.open(
        "details",
        &[
            ("class", Some("source")),
            ("data-from", Some(&span.start.to_string())),
            ("data-to", Some(&span.end.to_string())),
        ],
    );
    out.element("summary", &[], &snippet_label(source, span));
    out.element("pre", &[("class", Some("source-text"))], "");
    out.close("details");
}

/// A snippet on its own, for a component that shows one; its container must call
/// [`use_snippets`].
pub fn snippet(source: &SourceText, span: Span) -> Html {
    let mut out = Markup::with_capacity(200);
    snippet_markup(&mut out, source, span);
    out.into_html()
}

/// Fills in each snippet written by [`snippet_markup`] inside `root` when it is opened: one
/// listener for all of them, in the capture phase, as `toggle` does not bubble.
#[hook]
pub fn use_snippets(root: NodeRef, source: Rc<SourceText>) {
    use_effect_with((root, source), |(root, source)| {
        let listener = root.cast::<web_sys::Element>().map(|element| {
            let source = source.clone();
            gloo_events::EventListener::new_with_options(
                &element,
                "toggle",
                gloo_events::EventListenerOptions::run_in_capture_phase(),
                move |event| fill_snippet(event, &source),
            )
        });
        move || drop(listener)
    });
}

/// Writes the lines of the snippet that `event` opened, the first time it is opened.
fn fill_snippet(event: &Event, source: &SourceText) {
    use wasm_bindgen::JsCast;
    let Some(details) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok())
    else {
        return;
    };
    let offset = |name: &str| {
        details
            .get_attribute(name)
            .and_then(|value| value.parse::<usize>().ok())
    };
    let (Some(start), Some(end)) = (offset("data-from"), offset("data-to")) else {
        return;
    };
    let Some(pre) = details.query_selector("pre.source-text").ok().flatten() else {
        return;
    };
    if details.open() && pre.child_element_count() == 0 {
        pre.set_inner_html(lines_markup(source, Span::new(start, end)).as_str());
    }
}
