//! The source view: the parsed text with line numbers, the selected element's span highlighted
//! and scrolled into view; clicking a line selects the element that line belongs to.

use std::rc::Rc;

use cable::Span;
use yew::prelude::*;

use super::source_snippet::SourceText;
use crate::state::Selected;

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

/// Scrolls the element with `id` into the middle of its scrolling box.
pub fn scroll_into_view(id: &str, center: bool) {
    let Some(element) = web_sys::window()
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

/// The whole text, one numbered line at a time.
#[function_component(SourcePane)]
pub fn source_pane(props: &SourcePaneProps) -> Html {
    {
        let selected = props.selected;
        use_effect_with(selected, move |selected| {
            if selected.is_some() {
                scroll_into_view("source-selection", true);
            }
        });
    }
    let text: &str = &props.source.text;
    let selected = props.selected;
    let mut first_mark = true;
    let mut offset = 0;
    let mut lines = Vec::new();
    for (idx, line) in text.split('\n').enumerate() {
        let start = offset;
        let end = start + line.len();
        offset = end + 1;
        let shown = line.trim_end_matches('\r');
        let on_click = {
            let on_select_line = props.on_select_line.clone();
            Callback::from(move |_: MouseEvent| on_select_line.emit((start, end)))
        };
        let content = match selected {
            Some(span) if span.start < end.max(start + 1) && span.end > start => {
                let from = span.start.saturating_sub(start).min(shown.len());
                let to = span.end.saturating_sub(start).min(shown.len()).max(from);
                let id = first_mark.then_some("source-selection");
                first_mark = false;
                html! {
                    <>
                        { shown.get(..from).unwrap_or("") }
                        <mark class="source-highlight" id={id}>{ shown.get(from..to).unwrap_or("") }</mark>
                        { shown.get(to..).unwrap_or("") }
                    </>
                }
            }
            _ => html! { { shown } },
        };
        lines.push(html! {
            <div class="src-line" data-offset={start.to_string()} onclick={on_click}>
                <span class="line-number" aria-hidden="true">{ idx + 1 }</span>
                <span class="line-text">{ content }</span>
            </div>
        });
    }
    html! {
        <div class="source-pane" id="source-pane" role="region" aria-label="Source with line numbers">
            <pre class="source-view">{ for lines }</pre>
        </div>
    }
}

/// The click handler of a selectable element: a click selects it and shows its source, unless
/// the click landed on a control inside it (see [`on_control`]).
pub fn select_on_click(on_select: &Callback<Selected>, selected: Selected) -> Callback<MouseEvent> {
    let on_select = on_select.clone();
    Callback::from(move |event: MouseEvent| {
        if !on_control(&event) {
            on_select.emit(selected.clone())
        }
    })
}

/// Whether a click landed on a control inside an element (a link, a button, a `<details>`
/// toggle): such clicks do what the control does, not select the element.
fn on_control(event: &MouseEvent) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| {
            element
                .closest("a, button, summary, details.source, input, textarea, select")
                .ok()
        })
        .flatten()
        .is_some()
}
