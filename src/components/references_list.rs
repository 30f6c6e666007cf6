//! The references region: what the cable cites, in its REF block and in its text.

use std::rc::Rc;

use cable::{CitedCable, Parse, YearSource};
use yew::prelude::*;

use super::source_snippet::{SourceSnippet, SourceText};
use crate::state::Selected;

/// Props of [`ReferencesList`].
#[derive(Properties, PartialEq)]
pub struct ReferencesListProps {
    /// The decomposition.
    pub parse: Rc<Parse>,
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

fn cited_ids(
    cables: &[CitedCable],
    loaded: &[Option<String>],
    on_show_file: &Callback<usize>,
) -> Html {
    let ids = cables.iter().map(|cable| match &cable.canonical_id {
        Some(id) => {
            // A cable opened in this page is one click away; any other, its public page.
            let opened = loaded.iter().position(|loaded| loaded.as_deref() == Some(id.as_str()));
            let link = match opened {
                Some(idx) => {
                    let on_show_file = on_show_file.clone();
                    html! {
                        <button type="button" class="link-button cited-link" title="Opened in this page: show it"
                            onclick={move |_| on_show_file.emit(idx)}>{ "show" }</button>
                    }
                }
                None => html! {
                    <a class="cited-link" href={plusd_url(id)} target="_blank" rel="noopener noreferrer"
                        title="Its public page on WikiLeaks PlusD, in a new tab">{ "PlusD" }</a>
                },
            };
            html! {
                <span class="cited">
                    <code class="cited-id" title={year_note(cable)}>{ id }</code>
                    { " " }{ link }
                </span>
            }
        }
        None => html! {
            <span class="cited-id unknown-year" title={year_note(cable)}>
                { format!("{} {} (year?)", cable.station, cable.serial) }
            </span>
        },
    });
    html! { <>{ for ids }</> }
}

/// A table of references: letter, kind, original text and canonical IDs; then the cables the
/// text cites outside the REF block.
#[function_component(ReferencesList)]
pub fn references_list(props: &ReferencesListProps) -> Html {
    let cable = &props.parse.cable;
    let references = &cable.references;
    let rows = references.iter().enumerate().map(|(idx, reference)| {
        let anchor = crate::anchors::reference(reference, idx);
        let link_anchor = anchor.clone();
        let link_label = format!(
            "Copy a link to reference {}",
            reference.letter.clone().unwrap_or_else(|| (idx + 1).to_string())
        );
        let is_selected = props.selected.as_deref() == Some(anchor.as_str());
        let onclick = super::source_pane::select_on_click(
            &props.on_select,
            Selected {
                anchor: anchor.clone(),
                span: reference.span,
            },
        );
        html! {
            <tr id={anchor} class={classes!("reference", "selectable", is_selected.then_some("selected"))} onclick={onclick}>
                <th scope="row" class="reference-letter">{ reference.letter.clone().unwrap_or_default() }</th>
                <td class="reference-kind"><span class={format!("kind kind-{}", reference.kind.as_str())} aria-label={format!("Cites: {}", reference.kind.as_str())}>{ reference.kind.as_str() }</span></td>
                <td class="reference-text">
                    { &reference.text }
                    if reference.self_reference {
                        <span class="badge self-reference" title="This item cites the cable itself">{ "this cable" }</span>
                    }
                </td>
                <td class="reference-id">{ cited_ids(&reference.cables, &props.loaded, &props.on_show_file) }</td>
                <td class="reference-link">{ super::paragraphs_list::link_button(&props.on_copy_link, &link_anchor, &link_label) }</td>
            </tr>
        }
    });
    let inline = cable.inline_citations.iter().map(|cited| {
        html! {
            <li>
                { cited_ids(std::slice::from_ref(cited), &props.loaded, &props.on_show_file) }
                { " " }
                <span class="muted">{ format!("written \u{201c}{} {}\u{201d}", cited.station_raw, cited.serial) }</span>
            </li>
        }
    });
    html! {
        <section class="region" id="references" aria-labelledby="references-title">
            <h2 id="references-title">{ "References" }</h2>
            if references.is_empty() {
                <p class="empty">{ "This cable has no REF block." }</p>
            } else {
                <table class="references">
                    <thead><tr><th scope="col">{ "Ref" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "As written" }</th><th scope="col">{ "Canonical ID" }</th><th scope="col"><span class="visually-hidden">{ "Link" }</span></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            if !cable.inline_citations.is_empty() {
                <h3 class="subheading">{ "Cited in the text" }</h3>
                <ul class="inline-citations">{ for inline }</ul>
            }
            if let Some(span) = cable.references_span {
                <SourceSnippet source={props.source.clone()} span={span} />
            }
        </section>
    }
}
