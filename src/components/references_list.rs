//! The references region: what the cable cites, in its REF block and in its text.

use std::rc::Rc;

use cable::{Cable, CitedCable, YearSource};
use yew::prelude::*;

use super::source_snippet::{snippet, use_snippets, SourceText};
use crate::markup::{use_selection_mark, Clicked, Markup};
use crate::state::{Selected, SharedParse};

/// Props of [`ReferencesList`].
#[derive(Properties, PartialEq)]
pub struct ReferencesListProps {
    /// The decomposition.
    pub parse: SharedParse,
    /// The parsed text.
    pub source: Rc<SourceText>,
    /// The anchor of the selected element, if any.
    #[prop_or_default]
    pub selected: Option<String>,
    /// A reference was chosen: its anchor and source span.
    #[prop_or_default]
    pub on_select: Callback<Selected>,
    /// Canonical IDs of the files opened in the page, by position.
    #[prop_or_default]
    pub loaded: Vec<Option<String>>,
    /// Show opened file `n`.
    #[prop_or_default]
    pub on_show_file: Callback<usize>,
    /// Copy a link to the element with this anchor.
    #[prop_or_default]
    pub on_copy_link: Callback<String>,
}

/// WikiLeaks' public page of a cable, which the reader may choose to open.
pub fn plusd_url(id: &str) -> String {
    format!("https://search.wikileaks.org/plusd/cables/{id}_a.html")
}

/// Where a cited cable's year came from, in words.
fn year_note(cable: &CitedCable) -> &'static str {
    match cable.year_source {
        YearSource::Written => "year written in the citation",
        YearSource::List => "year shared with the citation before it",
        YearSource::Cable => "no year written: the citing cable's year",
        YearSource::PreviousYear => {
            "no year written: the year before the citing cable's, whose own post had not reached this serial yet"
        }
        YearSource::Unknown => "no year written, and the citing cable's year is unknown",
    }
}

/// Writes the canonical IDs of `cables`: a cable opened in this page is one click away (a
/// button with its file's position in `data-file`); any other, its public page.
fn cited_ids(out: &mut Markup, cables: &[CitedCable], loaded: &[Option<String>]) {
    for cable in cables {
        let Some(id) = &cable.canonical_id else {
            out.element(
                "span",
                &[
                    ("class", Some("cited-id unknown-year")),
                    ("title", Some(year_note(cable))),
                ],
                &format!("{} {} (year?)", cable.station, cable.serial),
            );
            continue;
        };
        out.open("span", &[("class", Some("cited"))]);
        out.element(
            "code",
            &[
                ("class", Some("cited-id")),
                ("title", Some(year_note(cable))),
            ],
            id,
        );
        out.text(" ");
        match loaded
            .iter()
            .position(|loaded| loaded.as_deref() == Some(id.as_str()))
        {
            Some(idx) => out.element(
                "button",
                &[
                    ("type", Some("button")),
                    ("class", Some("link-button cited-link")),
                    ("data-file", Some(&idx.to_string())),
                    ("title", Some("Opened in this page: show it")),
                ],
                "show",
            ),
            None => out.element(
                "a",
                &[
                    ("class", Some("cited-link")),
                    ("href", Some(&plusd_url(id))),
                    ("target", Some("_blank")),
                    ("rel", Some("noopener noreferrer")),
                    (
                        "title",
                        Some("Its public page on WikiLeaks PlusD, in a new tab"),
                    ),
                ],
                "PlusD",
            ),
        }
        out.close("span");
    }
}

/// Writes the REF block's table (`selected` marked; the component keeps the mark up to date)
/// and the citations in the text. The table is written whole: the browser reads table rows
/// only inside a table.
fn references_markup(
    cable: &Cable,
    loaded: &[Option<String>],
    selected: Option<&str>,
) -> (Markup, Markup) {
    let mut rows = Markup::with_capacity(2048);
    rows.open("table", &[("class", Some("references"))]);
    rows.open("thead", &[]);
    rows.open("tr", &[]);
    for heading in ["Ref", "Kind", "As written", "Canonical ID"] {
        rows.element("th", &[("scope", Some("col"))], heading);
    }
    rows.open("th", &[("scope", Some("col"))]);
    rows.element("span", &[("class", Some("visually-hidden"))], "Link");
    rows.close("th");
    rows.close("tr");
    rows.close("thead");
    rows.open("tbody", &[]);
    for (idx, reference) in cable.references.iter().enumerate() {
        let anchor = cable::anchors::reference(reference, idx);
        let class = if selected == Some(anchor.as_str()) {
            "reference selectable selected"
        } else {
            "reference selectable"
        };
        rows.open(
            "tr",
            &[
                ("id", Some(&anchor)),
                ("class", Some(class)),
                ("data-idx", Some(&idx.to_string())),
            ],
        );
        rows.element(
            "th",
            &[("scope", Some("row")), ("class", Some("reference-letter"))],
            reference.letter.as_ref().map_or("", cable::Field::as_str),
        );
        rows.open("td", &[("class", Some("reference-kind"))]);
        let kind = reference.kind.as_str();
        rows.element(
            "span",
            &[
                ("class", Some(&format!("kind kind-{kind}"))),
                ("aria-label", Some(&format!("Cites: {kind}"))),
            ],
            kind,
        );
        rows.close("td");
        rows.open("td", &[("class", Some("reference-text"))]);
        rows.text(&reference.text);
        if reference.self_reference {
            rows.element(
                "span",
                &[
                    ("class", Some("badge self-reference")),
                    ("title", Some("This item cites the cable itself")),
                ],
                "this cable",
            );
        }
        rows.close("td");
        rows.open("td", &[("class", Some("reference-id"))]);
        cited_ids(&mut rows, &reference.cables, loaded);
        rows.close("td");
        rows.open("td", &[("class", Some("reference-link"))]);
        let letter = reference
            .letter
            .as_ref()
            .map_or_else(|| (idx + 1).to_string(), |letter| letter.value.clone());
        rows.button(
            "copy-field element-link",
            None,
            &format!("Copy a link to reference {letter}"),
            "link",
        );
        rows.close("td");
        rows.close("tr");
    }
    rows.close("tbody");
    rows.close("table");
    let mut inline = Markup::with_capacity(256);
    for cited in &cable.inline_citations {
        inline.open("li", &[]);
        cited_ids(&mut inline, std::slice::from_ref(cited), loaded);
        inline.text(" ");
        inline.element(
            "span",
            &[("class", Some("muted"))],
            &format!(
                "written \u{201c}{} {}\u{201d}",
                cited.station_raw, cited.serial
            ),
        );
        inline.close("li");
    }
    (rows, inline)
}

/// What a click in the region asks for: a cited cable opened in the page shown, a link to a
/// reference copied, or a reference selected.
fn on_references_click(
    event: &MouseEvent,
    cable: &Cable,
    on_select: &Callback<Selected>,
    on_show_file: &Callback<usize>,
    on_copy_link: &Callback<String>,
) {
    let Some(clicked) = Clicked::of(event) else {
        return;
    };
    if let Some(file) = clicked.number("button[data-file]", "data-file") {
        on_show_file.emit(file);
        return;
    }
    let Some((idx, reference)) = clicked
        .number("tr.reference", "data-idx")
        .and_then(|idx| Some((idx, cable.references.get(idx)?)))
    else {
        return;
    };
    let anchor = cable::anchors::reference(reference, idx);
    if clicked.inside("button.element-link").is_some() {
        on_copy_link.emit(anchor);
    } else if !clicked.on_control() {
        on_select.emit(Selected {
            anchor,
            span: reference.span,
        });
    }
}

/// A table of references: letter, kind, original text and canonical IDs; then the cables the
/// text cites outside the REF block. Rows and citations are written as markup ([`Markup`]), with
/// one click handler for the region.
#[function_component(ReferencesList)]
pub fn references_list(props: &ReferencesListProps) -> Html {
    let cable = &props.parse.cable;
    // Written again when the text or the opened files change, not when the selection moves.
    let selected = props.selected.clone();
    let written = use_memo(
        (props.parse.clone(), props.loaded.clone()),
        move |(parse, loaded)| {
            let (rows, inline) = references_markup(&parse.cable, loaded, selected.as_deref());
            (rows.into_html(), inline.into_html())
        },
    );
    let region = use_node_ref();
    use_selection_mark(region.clone(), props.selected.clone(), written.clone());
    use_snippets(region.clone(), props.source.clone());
    let onclick = {
        let parse = props.parse.clone();
        let on_select = props.on_select.clone();
        let on_show_file = props.on_show_file.clone();
        let on_copy_link = props.on_copy_link.clone();
        Callback::from(move |event: MouseEvent| {
            on_references_click(
                &event,
                &parse.cable,
                &on_select,
                &on_show_file,
                &on_copy_link,
            );
        })
    };
    html! {
        <section class="region" id="references" aria-labelledby="references-title" ref={region} {onclick}>
            <h2 id="references-title">{ "References" }</h2>
            if cable.references.is_empty() {
                <p class="empty">{ "This cable has no REF block." }</p>
            } else {
                { written.0.clone() }
            }
            if !cable.inline_citations.is_empty() {
                <h3 class="subheading">{ "Cited in the text" }</h3>
                <ul class="inline-citations">{ written.1.clone() }</ul>
            }
            if let Some(span) = cable.references_span {
                { snippet(&props.source, span) }
            }
        </section>
    }
}
