//! The paragraphs region: the body, one numbered paragraph at a time, with its portion marking,
//! sub-heading, list items and reading aids; the summary and comments set apart; the signer.

use std::rc::Rc;

use cable::{Cable, Paragraph, PortionMarking, Span};
use yew::prelude::*;

use super::rich_text::rich_text;
use super::source_snippet::{snippet_markup, use_snippets, SourceText};
use crate::markup::{use_selection_mark, Clicked, Markup};
use crate::state::{Selected, SharedParse};

/// Props of [`ParagraphsList`].
#[derive(Properties, PartialEq)]
pub struct ParagraphsListProps {
    /// The decomposition.
    pub parse: SharedParse,
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
    /// The page is being printed: every paragraph, each whole, whatever the view says.
    #[prop_or_default]
    pub printing: bool,
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

/// Writes the paragraph's text: lead-in and list items, with reading aids; a long paragraph is
/// cut at `LONG_PARAGRAPH` unless `whole`, with a button for the rest.
fn paragraph_body(out: &mut Markup, paragraph: &Paragraph, as_written: bool, whole: bool) {
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
    let aids = (paragraph.aids.as_slice(), paragraph.breaks.as_slice());
    let first = paragraph
        .items
        .first()
        .filter(|item| item.in_text.start < cut);
    let lead_end = first.map_or(cut, |first| {
        // Up to the item's marker: the text before it, less the marker and the spaces around.
        text.get(..first.in_text.start).map_or(0, |lead| {
            lead.trim_end()
                .trim_end_matches(|ch: char| !ch.is_whitespace())
                .trim_end()
                .len()
        })
    });
    out.open("span", &[("class", Some("paragraph-text"))]);
    rich_text(out, text, (0, lead_end), aids, as_written);
    out.close("span");
    if first.is_some() {
        out.open("ul", &[("class", Some("sub-items"))]);
        for item in paragraph
            .items
            .iter()
            .filter(|item| item.in_text.start < cut)
        {
            out.open("li", &[("class", Some("sub-item"))]);
            out.element(
                "span",
                &[
                    ("class", Some("sub-item-label")),
                    ("aria-hidden", Some("true")),
                ],
                &item.label,
            );
            out.text(" ");
            rich_text(
                out,
                text,
                (item.in_text.start, item.in_text.end.min(cut)),
                aids,
                as_written,
            );
            out.close("li");
        }
        out.close("ul");
    }
    if cut < text.len() {
        out.element(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("link-button show-rest")),
            ],
            &format!(
                "… show the whole paragraph ({} KB more)",
                (text.len() - cut).div_ceil(1000)
            ),
        );
    }
}

/// What the list shows: how many paragraphs, how, and which whole.
#[derive(PartialEq)]
struct Shown {
    limit: usize,
    as_written: bool,
    whole: Vec<usize>,
}

/// Writes the first `shown.limit` paragraphs as the list's items, each with its number,
/// portion marking, sub-heading and source; `selected` is marked (the component keeps the mark
/// up to date afterwards without writing the list again).
fn items_markup(
    cable: &Cable,
    source: &SourceText,
    shown: &Shown,
    selected: Option<usize>,
) -> Markup {
    let paragraphs = &cable.paragraphs;
    let text_len: usize = paragraphs
        .iter()
        .take(shown.limit)
        .map(|paragraph| paragraph.text.len() * 11 / 10 + 400)
        .sum();
    let mut out = Markup::with_capacity(text_len);
    let within = |outer: Span, inner: Span| outer.start < inner.end && inner.start < outer.end;
    for (idx, paragraph) in paragraphs.iter().take(shown.limit).enumerate() {
        let anchor = cable::anchors::paragraph(paragraph, idx);
        let summary = cable
            .summary
            .as_ref()
            .is_some_and(|summary| within(paragraph.span, summary.span));
        let comment = cable
            .comments
            .iter()
            .any(|comment| within(paragraph.span, comment.span));
        let mut class = String::from("paragraph selectable");
        for (on, name) in [
            (summary, " is-summary"),
            (comment, " is-comment"),
            (selected == Some(idx), " selected"),
        ] {
            if on {
                class.push_str(name);
            }
        }
        out.open(
            "li",
            &[
                ("class", Some(&class)),
                ("id", Some(&anchor)),
                ("data-idx", Some(&idx.to_string())),
            ],
        );
        if let Some(heading) = &paragraph.heading {
            out.element("h3", &[("class", Some("subheading"))], &heading.value);
        }
        let role = match (summary, comment) {
            (true, true) => Some("Summary and comment"),
            (true, false) => Some("Summary"),
            (false, true) => Some("Comment"),
            (false, false) => None,
        };
        if let Some(role) = role {
            out.element("span", &[("class", Some("paragraph-role"))], role);
        }
        out.open("div", &[("class", Some("paragraph-body"))]);
        if let Some(number) = &paragraph.number {
            let value = number.value.to_string();
            let title = (number.raw != value).then(|| format!("Written as {}", number.raw));
            out.element(
                "span",
                &[
                    ("class", Some("paragraph-number")),
                    ("title", title.as_deref()),
                ],
                &format!("{value}."),
            );
        }
        if let Some(marking) = &paragraph.marking {
            let level = paragraph
                .portion
                .as_ref()
                .map_or("", |portion| portion.level.as_str());
            let title = marking_title(paragraph.portion.as_ref());
            out.element(
                "span",
                &[
                    (
                        "class",
                        Some(&format!("marking marking-{}", level.to_ascii_lowercase())),
                    ),
                    ("title", Some(&title)),
                    ("aria-label", Some(&title)),
                ],
                &format!("({})", marking.value),
            );
        }
        paragraph_body(
            &mut out,
            paragraph,
            shown.as_written,
            shown.whole.contains(&idx),
        );
        out.close("div");
        out.open("div", &[("class", Some("element-tools"))]);
        snippet_markup(&mut out, source, paragraph.span);
        // A link to the paragraph; the list's click handler finds its anchor.
        let label = match &paragraph.number {
            Some(number) => format!("Copy a link to paragraph {}", number.value),
            None => format!("Copy a link to unnumbered paragraph {}", idx + 1),
        };
        out.button("copy-field element-link", None, &label, "link");
        out.close("div");
        out.close("li");
    }
    out
}

/// What a click inside the list asks for: the item it landed in, then the control if any.
fn on_list_click(
    event: &MouseEvent,
    cable: &Cable,
    whole: &UseStateHandle<Vec<usize>>,
    on_select: &Callback<Selected>,
    on_copy_link: &Callback<String>,
) {
    let Some(clicked) = Clicked::of(event) else {
        return;
    };
    let inside = |css: &str| clicked.inside(css);
    let Some((idx, paragraph)) = clicked
        .number("li.paragraph", "data-idx")
        .and_then(|idx| Some((idx, cable.paragraphs.get(idx)?)))
    else {
        return;
    };
    let anchor = cable::anchors::paragraph(paragraph, idx);
    if inside("button.show-rest").is_some() {
        let mut list = (**whole).clone();
        list.push(idx);
        whole.set(list);
    } else if inside("button.element-link").is_some() {
        on_copy_link.emit(anchor);
    } else if !clicked.on_control() {
        on_select.emit(Selected {
            anchor,
            span: paragraph.span,
        });
    }
}

/// Each paragraph with its number, portion marking, sub-heading and source. The items are
/// written as one piece of HTML ([`Markup`]): one click handler on the list serves them all.
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
            .position(|(idx, paragraph)| cable::anchors::paragraph(paragraph, idx) == selected)
    });
    let limit = if props.all_paragraphs || props.printing {
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
    // Shown whole: those asked for, the selected one when it is long, and all when printing.
    let mut shown_whole = (*whole).clone();
    if props.printing {
        shown_whole.extend(
            paragraphs
                .iter()
                .enumerate()
                .filter(|(idx, paragraph)| {
                    paragraph.text.len() > LONG_PARAGRAPH && !whole.contains(idx)
                })
                .map(|(idx, _)| idx),
        );
    }
    if let Some(idx) = selected_idx.filter(|&idx| {
        paragraphs
            .get(idx)
            .is_some_and(|paragraph| paragraph.text.len() > LONG_PARAGRAPH)
    }) {
        if !shown_whole.contains(&idx) {
            shown_whole.push(idx);
        }
    }
    let shown = Shown {
        limit,
        as_written: props.as_written,
        whole: shown_whole,
    };
    // Written again only when what is shown changes, not when the selection moves.
    let items = use_memo(
        (props.parse.clone(), props.source.clone(), shown),
        move |(parse, source, shown)| {
            items_markup(&parse.cable, source, shown, selected_idx).into_html()
        },
    );
    let list_ref = use_node_ref();
    use_selection_mark(list_ref.clone(), props.selected.clone(), items.clone());
    use_snippets(list_ref.clone(), props.source.clone());
    let on_list_click = {
        let parse = props.parse.clone();
        let on_select = props.on_select.clone();
        let on_copy_link = props.on_copy_link.clone();
        let whole = whole.clone();
        Callback::from(move |event: MouseEvent| {
            on_list_click(&event, &parse.cable, &whole, &on_select, &on_copy_link);
        })
    };
    let on_show_all = {
        let on_show_all = props.on_show_all.clone();
        Callback::from(move |_: MouseEvent| on_show_all.emit(()))
    };
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
                <ol class={classes!("paragraphs", long.then_some("long"))} ref={list_ref} onclick={on_list_click}>
                    { (*items).clone() }
                </ol>
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
