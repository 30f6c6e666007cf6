//! The paragraphs region: the body, one numbered paragraph at a time, with its portion marking,
//! sub-heading, list items and reading aids; the summary and comments set apart; the signer.

use std::rc::Rc;

use cable::{Paragraph, Parse, PortionMarking, Span};
use yew::prelude::*;

use super::rich_text::rich_text;
use super::source_snippet::{SourceSnippet, SourceText};
use crate::state::Selected;

/// Props of [`ParagraphsList`].
#[derive(Properties, PartialEq)]
pub struct ParagraphsListProps {
    /// The decomposition.
    pub parse: Rc<Parse>,
    /// The parsed text.
    pub source: Rc<SourceText>,
    /// The anchor of the selected element, if any.
    #[prop_or_default]
    pub selected: Option<String>,
    /// A paragraph was chosen: its anchor and source span.
    #[prop_or_default]
    pub on_select: Callback<Selected>,
    /// Show reading aids as written (`POST,S`) rather than read (`POST'S`).
    #[prop_or_default]
    pub as_written: bool,
    /// Switch between the two.
    #[prop_or_default]
    pub on_toggle_written: Callback<()>,
    /// Show every paragraph, not only the first ones of a long text.
    #[prop_or_default]
    pub all_paragraphs: bool,
    /// The reader asked for every paragraph.
    #[prop_or_default]
    pub on_show_all: Callback<()>,
    /// Copy a link to the element with this anchor.
    #[prop_or_default]
    pub on_copy_link: Callback<String>,
}

/// What a portion marking means, for its badge's title: `CONFIDENTIAL, NOFORN`.
fn marking_title(portion: Option<&PortionMarking>) -> String {
    let Some(portion) = portion else {
        return "Portion marking".to_string();
    };
    let level = portion
        .classification
        .map_or(portion.level.as_str(), |classification| {
            classification.as_str()
        });
    let mut words = vec![format!("Portion marking: {level}")];
    words.extend(portion.controls.iter().cloned());
    words.join(", ")
}

/// How many paragraphs are rendered at first; the rest wait for "Show all" (or for the reader
/// to choose one of them), so that a megabyte of text does not stall the tab.
pub const PARAGRAPHS_AT_FIRST: usize = 60;

/// Paragraphs holding more text than this (in bytes, those shown) are laid out and painted only
/// as they come near the screen (`content-visibility`, the list's `long` class). Fewer are all
/// laid out at once: the browser would skip them all in the first frame, find the ones on screen
/// and lay those out again in the same frame, which cost the seed's first frame a third (9 of 31
/// ms) and saves nothing when there is little to skip.
pub const SKIP_OFFSCREEN_FROM: usize = 16 * 1024;

/// Paragraphs longer than this (bytes) show their start until the reader asks for the rest.
const LONG_PARAGRAPH: usize = 12_000;

/// The paragraph's text: lead-in and list items, with reading aids; a long paragraph is cut at
/// `LONG_PARAGRAPH` unless `whole`, with a button (`on_whole`) for the rest.
fn paragraph_body(
    paragraph: &Paragraph,
    as_written: bool,
    whole: bool,
    on_whole: Callback<MouseEvent>,
) -> Html {
    let text = paragraph.text.as_str();
    let cut = if whole || text.len() <= LONG_PARAGRAPH {
        text.len()
    } else {
        // At a word boundary, on a character boundary.
        let mut at = LONG_PARAGRAPH;
        while at > 0 && !text.is_char_boundary(at) {
            at -= 1;
        }
        text.get(..at)
            .and_then(|head| head.rfind(char::is_whitespace))
            .unwrap_or(at)
    };
    let rest = (cut < text.len()).then(|| {
        html! {
            <button type="button" class="link-button show-rest" onclick={on_whole}>
                { format!("… show the whole paragraph ({} KB more)", (text.len() - cut).div_ceil(1000)) }
            </button>
        }
    });
    let first = paragraph.items.first().filter(|item| item.start < cut);
    let Some(first) = first else {
        return html! {
            <>
                <span class="paragraph-text">{ rich_text(text, 0, cut, &paragraph.aids, &paragraph.breaks, as_written) }</span>
                { for rest }
            </>
        };
    };
    let lead_end = text.get(..first.start).map_or(0, |lead| {
        lead.trim_end_matches(|ch: char| !ch.is_whitespace())
            .trim_end()
            .len()
    });
    let items = paragraph.items.iter().filter(|item| item.start < cut).map(|item| {
        html! {
            <li class="sub-item">
                <span class="sub-item-label" aria-hidden="true">{ &item.label }</span>
                { " " }
                { rich_text(text, item.start, item.end.min(cut), &paragraph.aids, &paragraph.breaks, as_written) }
            </li>
        }
    });
    html! {
        <>
            <span class="paragraph-text">{ rich_text(text, 0, lead_end, &paragraph.aids, &paragraph.breaks, as_written) }</span>
            <ul class="sub-items">{ for items }</ul>
            { for rest }
        </>
    }
}

/// A small button that copies a link to the element `anchor` (its label says which, for screen
/// readers).
pub fn link_button(on_copy_link: &Callback<String>, anchor: &str, label: &str) -> Html {
    let onclick = {
        let on_copy_link = on_copy_link.clone();
        let anchor = anchor.to_string();
        Callback::from(move |_: MouseEvent| on_copy_link.emit(anchor.clone()))
    };
    html! {
        <button type="button" class="copy-field element-link" aria-label={label.to_string()} title={label.to_string()} {onclick}>
            { "link" }
        </button>
    }
}

/// Each paragraph with its number, portion marking, sub-heading and source.
#[function_component(ParagraphsList)]
pub fn paragraphs_list(props: &ParagraphsListProps) -> Html {
    let cable = &props.parse.cable;
    let paragraphs = &cable.paragraphs;
    // The paragraphs the reader asked to see whole; forgotten when the text changes.
    let whole: UseStateHandle<Vec<usize>> = use_state(Vec::new);
    {
        let whole = whole.clone();
        use_effect_with(props.parse.clone(), move |_| whole.set(Vec::new()));
    }
    let selected_idx = props.selected.as_deref().and_then(|selected| {
        paragraphs
            .iter()
            .enumerate()
            .position(|(idx, paragraph)| crate::anchors::paragraph(paragraph, idx) == selected)
    });
    let limit = if props.all_paragraphs {
        paragraphs.len()
    } else {
        PARAGRAPHS_AT_FIRST
            .max(selected_idx.map_or(0, |idx| idx + 1))
            .min(paragraphs.len())
    };
    let n_more = paragraphs.len() - limit;
    let shown_text: usize = paragraphs
        .iter()
        .take(limit)
        .map(|paragraph| paragraph.text.len())
        .sum();
    let long = shown_text > SKIP_OFFSCREEN_FROM;
    let on_show_all = {
        let on_show_all = props.on_show_all.clone();
        Callback::from(move |_: MouseEvent| on_show_all.emit(()))
    };
    let within = |outer: Span, inner: Span| outer.start < inner.end && inner.start < outer.end;
    let items = paragraphs.iter().take(limit).enumerate().map(|(idx, paragraph)| {
        let is_whole = whole.contains(&idx) || selected_idx == Some(idx);
        let on_whole = {
            let whole = whole.clone();
            Callback::from(move |_: MouseEvent| {
                let mut list = (*whole).clone();
                list.push(idx);
                whole.set(list);
            })
        };
        let anchor = crate::anchors::paragraph(paragraph, idx);
        let anchor_for_link = anchor.clone();
        let label_for_link = match &paragraph.number {
            Some(number) => format!("Copy a link to paragraph {}", number.value),
            None => format!("Copy a link to unnumbered paragraph {}", idx + 1),
        };
        let is_selected = props.selected.as_deref() == Some(anchor.as_str());
        let onclick = super::source_pane::select_on_click(
            &props.on_select,
            Selected {
                anchor: anchor.clone(),
                span: paragraph.span,
            },
        );
        let number = paragraph.number.as_ref().map(|number| {
            let title = (number.raw != number.value.to_string()).then(|| format!("Written as {}", number.raw));
            html! { <span class="paragraph-number" title={title}>{ format!("{}.", number.value) }</span> }
        });
        let marking = paragraph.marking.as_ref().map(|marking| {
            let level = paragraph.portion.as_ref().map_or("", |portion| portion.level.as_str());
            html! {
                <span class={classes!("marking", format!("marking-{}", level.to_ascii_lowercase()))}
                    title={marking_title(paragraph.portion.as_ref())} aria-label={marking_title(paragraph.portion.as_ref())}>
                    { format!("({})", marking.value) }
                </span>
            }
        });
        let summary = cable.summary.as_ref().is_some_and(|summary| within(paragraph.span, summary.span));
        let comment = cable.comments.iter().any(|comment| within(paragraph.span, comment.span));
        let role = match (summary, comment) {
            (true, true) => Some("Summary and comment"),
            (true, false) => Some("Summary"),
            (false, true) => Some("Comment"),
            (false, false) => None,
        };
        html! {
            <li class={classes!("paragraph", "selectable", summary.then_some("is-summary"), comment.then_some("is-comment"), is_selected.then_some("selected"))}
                id={anchor} onclick={onclick}>
                if let Some(heading) = &paragraph.heading {
                    <h3 class="subheading">{ &heading.value }</h3>
                }
                if let Some(role) = role {
                    <span class="paragraph-role">{ role }</span>
                }
                <p>
                    { for number }
                    { for marking }
                    { paragraph_body(paragraph, props.as_written, is_whole, on_whole) }
                </p>
                <div class="element-tools">
                    <SourceSnippet source={props.source.clone()} span={paragraph.span} />
                    { link_button(&props.on_copy_link, &anchor_for_link, &label_for_link) }
                </div>
            </li>
        }
    });
    html! {
        <section class="region" id="paragraphs" aria-labelledby="paragraphs-title">
            <div class="region-title">
                <h2 id="paragraphs-title">{ "Paragraphs" }</h2>
                if paragraphs.iter().any(|paragraph| !paragraph.aids.is_empty()) {
                    <button type="button" class="button" id="toggle-written" aria-pressed={props.as_written.to_string()}
                        onclick={let on_toggle = props.on_toggle_written.clone(); move |_| on_toggle.emit(())}>
                        { if props.as_written { "Show the reading" } else { "Show as written" } }
                    </button>
                }
            </div>
            if paragraphs.is_empty() {
                <p class="empty">{ "No paragraphs were found." }</p>
            } else {
                <ol class={classes!("paragraphs", long.then_some("long"))}>{ for items }</ol>
                if n_more > 0 {
                    <button type="button" class="button" id="show-all-paragraphs" onclick={on_show_all}>
                        { format!("Show all {} paragraphs ({n_more} more)", paragraphs.len()) }
                    </button>
                }
            }
            if let Some(signature) = &cable.signature {
                <p class="signature">
                    <span class="signature-label">{ "Signed" }</span>
                    { " " }
                    <strong>{ &signature.value }</strong>
                </p>
            }
        </section>
    }
}
