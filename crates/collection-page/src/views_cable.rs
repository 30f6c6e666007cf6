//! The cable panel: the selected cable's fields, its text around what was searched, what it
//! cites and what cites it (each resolved in the collection or marked not in it), its
//! citation map, and the way to the viewer.

use collection::{snippet, Index};
use yew::prelude::*;

use crate::format;
use crate::state::{App, Msg};

/// The panel for the selected cable; a hint when none is.
pub fn panel(app: &App, ctx: &Context<App>) -> Html {
    let (Some(index), Some(doc)) = (&app.index, app.selected) else {
        return html! {
            <section class="cable-panel empty" id="cable-panel">
                <p>{ "Choose a cable in the list to see what it cites and what cites it." }</p>
            </section>
        };
    };
    let Some(entry) = index.entry(doc) else {
        return Html::default();
    };
    let id = entry
        .id
        .clone()
        .unwrap_or_else(|| entry.published_id.clone());
    let cites = index.cites(doc);
    let cited_by = entry
        .id
        .as_deref()
        .map(|id| index.cited_by(id))
        .unwrap_or_default();
    let text = app.texts.get(&doc);
    html! {
        <section class="cable-panel" id="cable-panel" aria-labelledby="cable-title">
            <h2 id="cable-title">{ if id.is_empty() { "A cable without an ID".to_string() } else { id.clone() } }</h2>
            <p class="subject">{ entry.subject.clone() }</p>
            <dl class="fields">
                <dt>{ "Date" }</dt><dd>{ format::day(entry.date) }</dd>
                if let Some(origin) = &entry.origin { <dt>{ "Origin" }</dt><dd>{ origin }</dd> }
                if let Some(class) = &entry.classification { <dt>{ "Classification" }</dt><dd>{ class }</dd> }
                if !entry.caveats.is_empty() { <dt>{ "Handling" }</dt><dd>{ entry.caveats.join(", ") }</dd> }
                if !entry.tags.is_empty() { <dt>{ "TAGS" }</dt><dd>{ entry.tags.join(", ") }</dd> }
                if let Some(precedence) = &entry.precedence { <dt>{ "Precedence" }</dt><dd>{ precedence }</dd> }
                <dt>{ "In the file" }</dt><dd>{ format!("line {}", entry.line) }</dd>
            </dl>
            <div class="panel-actions">
                <button type="button" class="button primary" id="open-in-viewer" disabled={text.is_none()}
                    onclick={ctx.link().callback(move |_| Msg::OpenInViewer(doc))}>{ "Open in the viewer" }</button>
                if entry.id.is_some() {
                    <a class="button" href={format::plusd(&id)} rel="noreferrer noopener" target="_blank">{ "PlusD page" }</a>
                }
            </div>
            { excerpt(app, text.map(|text| text.as_ref())) }
            <h3>{ format!("Cites ({})", cites.len()) }</h3>
            if cites.is_empty() {
                <p class="none">{ "No cable is cited in its REF lines or its text." }</p>
            } else {
                <ul class="citations" id="cites">
                    { for cites.iter().map(|cited| {
                        let place = format::place(cited.place);
                        match cited.doc {
                            Some(target) => html! {
                                <li>
                                    <button type="button" class="link-button" onclick={ctx.link().callback(move |_| Msg::Select(Some(target)))}>{ cited.id.clone() }</button>
                                    <span class="place">{ format!(" {place}") }</span>
                                    <span class="subject-small">{ subject_of(index, target) }</span>
                                </li>
                            },
                            None => html! {
                                <li class="missing">
                                    <a href={format::plusd(&cited.id)} rel="noreferrer noopener" target="_blank">{ cited.id.clone() }</a>
                                    <span class="place">{ format!(" {place}") }</span>
                                    <span class="not-here">{ " not in this collection" }</span>
                                </li>
                            },
                        }
                    }) }
                </ul>
            }
            <h3>{ format!("Cited by ({})", cited_by.len()) }</h3>
            if cited_by.is_empty() {
                <p class="none">{ "No cable of this collection cites it." }</p>
            } else {
                <ul class="citations" id="cited-by">
                    { for cited_by.iter().take(500).map(|citing| {
                        let source = citing.doc;
                        let citing_id = index.entry(source).and_then(|e| e.id.clone()).unwrap_or_default();
                        html! {
                            <li>
                                <button type="button" class="link-button" onclick={ctx.link().callback(move |_| Msg::Select(Some(source)))}>{ citing_id }</button>
                                <span class="place">{ format!(" in its {}", format::place(citing.place)) }</span>
                                <span class="subject-small">{ subject_of(index, source) }</span>
                            </li>
                        }
                    }) }
                    if cited_by.len() > 500 {
                        <li>{ format!("and {} more", format::count((cited_by.len() - 500) as u64)) }</li>
                    }
                </ul>
            }
            { crate::views_map::map(app, index, doc, ctx) }
        </section>
    }
}

fn subject_of(index: &Index, doc: u32) -> String {
    index
        .entry(doc)
        .map(|entry| format!(" — {}", entry.subject))
        .filter(|subject| subject.len() > 3)
        .unwrap_or_default()
}

/// The text around the first word searched for, the words marked; the text's start when
/// nothing is searched.
fn excerpt(app: &App, text: Option<&crate::state::Text>) -> Html {
    let Some(text) = text else {
        return html! { <p class="excerpt loading">{ "Reading its text…" }</p> };
    };
    let clauses = app
        .listing
        .as_ref()
        .map(|listing| listing.clauses.clone())
        .unwrap_or_default();
    let shown = snippet(text.text.clone(), &text.searched, &clauses);
    let (start, end) = if shown.marks.is_empty() {
        opening(&shown.text, &text.searched)
    } else {
        shown.window
    };
    let mut parts = Vec::new();
    let mut at = start;
    for &(mark_start, mark_end) in shown.marks.iter().filter(|(s, e)| *s >= start && *e <= end) {
        if mark_start < at {
            continue;
        }
        parts.push(html! { { unescaped(shown.text.get(at..mark_start)) } });
        parts.push(html! { <mark>{ unescaped(shown.text.get(mark_start..mark_end)) }</mark> });
        at = mark_end;
    }
    parts.push(html! { { unescaped(shown.text.get(at..end)) } });
    html! {
        <blockquote class="excerpt" id="excerpt">
            if start > 0 { { "… " } }
            { for parts }
            if end < shown.text.len() { { " …" } }
        </blockquote>
    }
}

/// A list row's second line under a search: the words found, marked, in one line of the text.
pub fn row_snippet(text: &crate::state::Text, clauses: &[collection::Clause]) -> Html {
    let shown = snippet(text.text.clone(), &text.searched, clauses);
    let Some(&(first_start, _)) = shown.marks.first() else {
        return html! { <span class="row-subject row-snippet">{ "(the words are in its header)" }</span> };
    };
    // From a few words before the first mark: one line shows about a hundred characters.
    let mut start = first_start.saturating_sub(40).max(shown.window.0);
    while !shown.text.is_char_boundary(start) {
        start -= 1;
    }
    let end = shown.window.1;
    let mut parts = Vec::new();
    let mut at = start;
    for &(mark_start, mark_end) in shown.marks.iter().filter(|(s, e)| *s >= start && *e <= end) {
        if mark_start < at {
            continue;
        }
        parts.push(html! { { flat(unescaped(shown.text.get(at..mark_start))) } });
        parts
            .push(html! { <mark>{ flat(unescaped(shown.text.get(mark_start..mark_end))) }</mark> });
        at = mark_end;
    }
    parts.push(html! { { flat(unescaped(shown.text.get(at..end))) } });
    html! { <span class="row-subject row-snippet">{ "… " }{ for parts }</span> }
}

/// Line breaks as spaces, runs of blanks as one: a snippet on one line.
fn flat(stretch: String) -> String {
    let mut out = String::with_capacity(stretch.len());
    let mut blank = false;
    for ch in stretch.chars() {
        if ch.is_whitespace() {
            if !blank {
                out.push(' ');
            }
            blank = true;
        } else {
            out.push(ch);
            blank = false;
        }
    }
    out
}

/// The first 600 bytes or so of the cable's own text (a record's text column, not its other
/// columns), ending between words.
fn opening(text: &str, searched: &[(usize, usize)]) -> (usize, usize) {
    let start = searched.last().map_or(0, |&(start, _)| start);
    let rest = text.get(start..).unwrap_or_default();
    let mut end = (start + 600).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        if let Some(blank) = rest
            .get(..end - start)
            .and_then(|head| head.rfind(char::is_whitespace))
        {
            end = start + blank;
        }
    }
    (start, end)
}

/// A stretch of a kept text as the reader reads it: a `cables.csv` record's escapes undone.
fn unescaped(stretch: Option<&str>) -> String {
    let stretch = stretch.unwrap_or_default();
    if stretch.contains('\\') {
        stretch
            .replace("\\\"", "\"")
            .replace("\\'", "'")
            .replace("\\\\", "\\")
    } else {
        stretch.to_string()
    }
}
