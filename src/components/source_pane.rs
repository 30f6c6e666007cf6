//! The source view: the parsed text with line numbers, the selected element's span highlighted
//! and scrolled into view; clicking a line selects the element that line belongs to.

use std::rc::Rc;

use cable::Span;
use yew::prelude::*;

use super::source_snippet::SourceText;

/// Props of [`SourcePane`].
#[derive(Properties, PartialEq)]
pub struct SourcePaneProps {
    /// The parsed text.
    pub source: Rc<SourceText>,
    /// The selected element's span, highlighted.
    pub selected: Option<Span>,
    /// A line was clicked: its byte range.
    pub on_select_line: Callback<(usize, usize)>,
}

/// Scrolls the element with `id` into view (`center`: to the middle of its scrolling box).
pub fn scroll_into_view(id: &str, center: bool) {
    let Some(element) = crate::services::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Every source line is this tall (CSS: `.src-line`), so the pane can render only the lines on
/// screen and place them by arithmetic.
pub const LINE_PX: i32 = 18;

/// Lines rendered above and below the visible ones, so that scrolling shows no gap.
const OVERSCAN: usize = 15;

/// How many lines a pane `height` pixels tall shows (at least 40, and a part-line).
fn lines_in(height: i32) -> usize {
    (height.max(LINE_PX * 40) / LINE_PX) as usize + 1
}

/// The lines to render (first, count) for the pane's scroll position and height.
fn visible_lines(pane: &web_sys::HtmlElement) -> (usize, usize) {
    let first = (pane.scroll_top().max(0) / LINE_PX) as usize;
    (
        first.saturating_sub(OVERSCAN),
        lines_in(pane.client_height()) + 2 * OVERSCAN,
    )
}

/// The lines to render when the pane appears, scrolled to the top: as many as fit in its
/// largest height (CSS: 78 % of the window), and those below. Measuring the pane instead would
/// make the browser lay out the whole page in the middle of rendering it, and then again (10 ms
/// for a long cable).
fn first_lines() -> (usize, usize) {
    let height = crate::services::window()
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .map_or(0, |height| (height * 0.78) as i32);
    (0, lines_in(height) + OVERSCAN)
}

/// The whole text, one numbered line at a time. Only the lines on screen are in the page (a
/// megabyte has twenty thousand lines): a spacer as tall as the whole text keeps the scroll bar
/// true, and scrolling renders the lines that come into view.
#[function_component(SourcePane)]
pub fn source_pane(props: &SourcePaneProps) -> Html {
    let pane_ref = use_node_ref();
    let shown = use_state(first_lines);
    // A new selection: scroll its first line to the middle, then render what is there. (No
    // selection leaves the scroll where it is, and what it shows is what `on_scroll` last set.)
    {
        let pane_ref = pane_ref.clone();
        let source = props.source.clone();
        let shown = shown.clone();
        use_effect_with(props.selected, move |selected| {
            if let (Some(pane), Some(span)) = (pane_ref.cast::<web_sys::HtmlElement>(), selected) {
                let line = source.line_number(span.start) as i32 - 1;
                pane.set_scroll_top((line * LINE_PX - pane.client_height() / 2).max(0));
                shown.set(visible_lines(&pane));
            }
        });
    }
    let on_scroll = {
        let pane_ref = pane_ref.clone();
        let shown = shown.clone();
        Callback::from(move |_: Event| {
            if let Some(pane) = pane_ref.cast::<web_sys::HtmlElement>() {
                let lines = visible_lines(&pane);
                if lines != *shown {
                    shown.set(lines);
                }
            }
        })
    };
    let source = &props.source;
    let text: &str = &source.text;
    let selected = props.selected;
    let n_lines = source.n_lines();
    let (first, count) = *shown;
    let first = first.min(n_lines.saturating_sub(1));
    let last = (first + count).min(n_lines);
    // The selection's first line holds the mark the page scrolls to and tests look for.
    let first_selected_line = selected.map(|span| source.line_number(span.start) - 1);
    let lines = (first..last).map(|idx| {
        let (start, end) = source.line_range(idx);
        let shown_text = text.get(start..end).unwrap_or("").trim_end_matches('\r');
        let on_click = {
            let on_select_line = props.on_select_line.clone();
            Callback::from(move |_: MouseEvent| on_select_line.emit((start, end)))
        };
        let content = match selected {
            Some(span) if span.start < end.max(start + 1) && span.end > start => {
                let from = span.start.saturating_sub(start).min(shown_text.len());
                let to = span.end.saturating_sub(start).min(shown_text.len()).max(from);
                let id = (first_selected_line == Some(idx)).then_some("source-selection");
                html! {
                    <>
                        { shown_text.get(..from).unwrap_or("") }
                        <mark class="source-highlight" id={id}>{ shown_text.get(from..to).unwrap_or("") }</mark>
                        { shown_text.get(to..).unwrap_or("") }
                    </>
                }
            }
            _ => html! { { shown_text } },
        };
        html! {
            // The number is drawn by CSS from `data-line`: one element a line, not three (a long
            // text's pane shows a hundred lines or more, rendered again on each scroll step).
            <div class="src-line" data-line={(idx + 1).to_string()} data-offset={start.to_string()} onclick={on_click}>
                { content }
            </div>
        }
    });
    html! {
        <div class="source-pane" id="source-pane" role="region" aria-label="Source with line numbers"
            ref={pane_ref} onscroll={on_scroll}>
            <pre class="source-view" style={format!("height:{}px", n_lines as i32 * LINE_PX)}>
                <div class="source-window" style={format!("transform:translateY({}px)", first as i32 * LINE_PX)}>
                    { for lines }
                </div>
            </pre>
        </div>
    }
}
