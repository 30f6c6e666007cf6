//! What the collection page shows: the opening panel, the reading progress, and the browsing
//! view (search bar, facets, the list, the cable panel).

use collection::{Facet, FacetCounts};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser::chosen_files;
use crate::format;
use crate::state::{App, Level, Listing, Msg, Stage};

/// A list row's height in CSS pixels (`.cable-row` in static/collection.css).
pub const ROW_HEIGHT: f64 = 56.0;
/// Rows drawn beyond those in sight, above and below.
const OVERSCAN: usize = 8;
/// Rows in sight at most (the list is at most 800 px tall).
const ROWS_IN_SIGHT: usize = 16;
/// Values listed of a facet before "all N".
const VALUES_SHOWN: usize = 12;

/// The whole page.
pub fn page(app: &App, ctx: &Context<App>) -> Html {
    html! {
        <>
            <header class="page-header collection-header">
                <div>
                    <h1><a class="home" href="./">{ "cablescope" }</a>{ " · your collection" }</h1>
                    <p class="tagline">{ "Your copy of the cables, read and kept in this browser only: browse, search, follow references both ways." }</p>
                </div>
                <nav><a class="button" href="./">{ "Read one cable" }</a></nav>
            </header>
            { notice(app, ctx) }
            {
                match &app.stage {
                    Stage::Starting => html! { <p class="status" role="status">{ "Looking for a collection kept in this browser…" }</p> },
                    Stage::Restoring(n) => html! {
                        <p class="status" role="status">{ format!("Reading the kept collection back: {} cables…", format::count(*n as u64)) }</p>
                    },
                    Stage::Empty => open_panel(app, ctx),
                    Stage::Reading(progress) => reading(progress, ctx),
                    Stage::Ready => browse(app, ctx),
                }
            }
        </>
    }
}

fn notice(app: &App, ctx: &Context<App>) -> Html {
    let Some((level, text)) = &app.notice else {
        return Html::default();
    };
    let (class, role) = match level {
        Level::Info => ("notice notice-info", "status"),
        Level::Error => ("notice notice-error", "alert"),
    };
    html! {
        <div class={class} role={role} id="collection-notice">
            <span class="notice-message">{ text }</span>
            <button type="button" class="button" onclick={ctx.link().callback(|_| Msg::Notice(None))}>{ "Dismiss" }</button>
        </div>
    }
}

fn file_input(
    id: &'static str,
    label: &'static str,
    folder: bool,
    ctx: &Context<App>,
    resume: bool,
) -> Html {
    let onchange = ctx.link().batch_callback(move |event: Event| {
        let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
        let files = chosen_files(&input);
        input.set_value("");
        if resume {
            files.into_iter().next().map(Msg::Resume)
        } else {
            Some(Msg::Open(files))
        }
    });
    html! {
        <label class="button file-button" for={id}>
            { label }
            if folder {
                <input id={id} type="file" class="visually-hidden" multiple=true webkitdirectory=true onchange={onchange} />
            } else {
                <input id={id} type="file" class="visually-hidden" multiple={!resume} accept=".csv,.gz,.txt,.html,.htm,text/csv,application/gzip,text/plain,text/html" onchange={onchange} />
            }
        </label>
    }
}

fn open_panel(app: &App, ctx: &Context<App>) -> Html {
    let ondrop = ctx.link().batch_callback(|event: DragEvent| {
        event.prevent_default();
        let list = event.data_transfer()?.files()?;
        Some(Msg::Open(
            (0..list.length()).filter_map(|idx| list.get(idx)).collect(),
        ))
    });
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let arrived = &app.arrived;
    html! {
        <section class="open-panel" ondrop={ondrop} ondragover={ondragover} aria-labelledby="open-title">
            if arrived.cable.is_some() || !arrived.query.is_empty() || !arrived.filter.selected.is_empty() {
                { arrived_note(app) }
            }
            <h2 id="open-title">{ "Open your collection" }</h2>
            <p>{ "Drop WikiLeaks' " }<code>{ "cables.csv" }</code>{ " here (the whole release, a part of it, or gzipped), or cable files (.txt, .html), or pick them:" }</p>
            <div class="open-buttons">
                { file_input("open-file", "Choose cables.csv or cable files…", false, ctx, false) }
                { file_input("open-folder", "Choose a folder of cables…", true, ctx, false) }
            </div>
            <p class="hint">{ "Nothing is uploaded: the file is read in this browser, a worker a core, and kept in the browser's own storage for this page, so it is here after a reload. The whole release (1.7 GB) takes a few minutes and about as much disk." }</p>
        </section>
    }
}

fn arrived_note(app: &App) -> Html {
    let arrived = &app.arrived;
    let mut what = Vec::new();
    if !arrived.query.is_empty() {
        what.push(format!("the search “{}”", arrived.query));
    }
    if !arrived.filter.selected.is_empty() {
        let facets: Vec<String> = arrived
            .filter
            .selected
            .iter()
            .map(|(facet, values)| format!("{} {}", facet.name(), values.join(" or ")))
            .collect();
        what.push(format!("the filter {}", facets.join(", ")));
    }
    html! {
        <div class="notice notice-info arrived" role="status" id="arrived">
            <span class="notice-message">
                { "This link shows " }
                if let Some(id) = &arrived.cable {
                    { format!("cable {id}") }
                    if !what.is_empty() { { " with " } }
                }
                { what.join(" and ") }
                { " in a collection of cables. This browser has none open: open your copy of cables.csv below to see it." }
                if let Some(id) = &arrived.cable {
                    { " Meanwhile, its public page: " }
                    <a href={format::plusd(id)} rel="noreferrer noopener" target="_blank">{ format!("{id} at WikiLeaks PlusD") }</a>
                    { "." }
                }
            </span>
        </div>
    }
}

fn reading(progress: &crate::reading::Progress, ctx: &Context<App>) -> Html {
    let share = progress.share();
    let left = progress.seconds_left().map_or_else(String::new, |seconds| {
        format!(" · about {} left", format::duration(seconds))
    });
    html! {
        <section class="reading" aria-labelledby="reading-title">
            <h2 id="reading-title">{ "Reading the collection" }</h2>
            <progress id="reading-progress" max="1" value={format!("{:.4}", share.clamp(0.0, 1.0))}></progress>
            <p class="reading-figures" role="status">
                { format!("{} cables · {:.0} cables a second · {:.0} % of the file kept{left}", format::count(progress.cables), progress.rate(), share * 100.0) }
                if progress.skipped_lines > 0 {
                    { format!(" · {} lines that are no record passed over", format::count(progress.skipped_lines)) }
                }
            </p>
            <button type="button" class="button" id="cancel-reading" onclick={ctx.link().callback(|_| Msg::Cancel)}>{ "Stop (keep what is read)" }</button>
        </section>
    }
}

fn browse(app: &App, ctx: &Context<App>) -> Html {
    let (Some(index), Some(listing)) = (&app.index, &app.listing) else {
        return Html::default();
    };
    let oninput = ctx.link().batch_callback(|event: InputEvent| {
        let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
        Some(Msg::Query(input.value()))
    });
    let onorder = ctx.link().batch_callback(|event: Event| {
        let select: HtmlSelectElement = event.target()?.dyn_into().ok()?;
        Some(Msg::ByDate(select.value() == "date"))
    });
    let kept = app.kept.as_ref();
    html! {
        <div class="collection">
            <div class="collection-bar">
                <input id="collection-search" type="search" class="search" placeholder="Words, \"a phrase\", or a cable ID such as 08OTTAWA372"
                    aria-label="Search the collection" value={app.address.query.clone()} oninput={oninput} />
                <select id="collection-order" aria-label="Order" onchange={onorder}>
                    <option value="rank" selected={!app.address.by_date}>{ if app.address.query.trim().is_empty() { "File order" } else { "Best match" } }</option>
                    <option value="date" selected={app.address.by_date}>{ "Newest first" }</option>
                </select>
                <span class="count" id="collection-count" role="status">
                    { format!("{} of {} cables", format::count(listing.docs.len() as u64), format::count(index.len() as u64)) }
                </span>
                <button type="button" class="button" id="copy-link" onclick={ctx.link().callback(|_| Msg::CopyLink)}>{ "Copy link" }</button>
                <button type="button" class="button" id="export-csv" onclick={ctx.link().callback(|_| Msg::Export(false))}>{ "Export CSV" }</button>
                <button type="button" class="button" id="export-jsonl" onclick={ctx.link().callback(|_| Msg::Export(true))}>{ "Export JSON Lines" }</button>
            </div>
            { id_chips(app, listing, ctx) }
            <div class="collection-body">
                <aside class="facets" aria-label="Filters">
                    { facets(app, listing, ctx) }
                    { missing(app) }
                    { about(app, kept, ctx) }
                </aside>
                { list(app, listing, ctx) }
                { crate::views_cable::panel(app, ctx) }
            </div>
        </div>
    }
}

/// IDs written in the search that the collection holds: a button each to open it.
fn id_chips(app: &App, listing: &Listing, ctx: &Context<App>) -> Html {
    let known: Vec<_> = listing
        .ids
        .iter()
        .filter_map(|id| Some((id.id.clone(), id.doc?)))
        .collect();
    if known.is_empty() || app.address.query.trim().is_empty() {
        return Html::default();
    }
    html! {
        <p class="id-chips">
            { "Open: " }
            { for known.into_iter().map(|(id, doc)| html! {
                <button type="button" class="chip" onclick={ctx.link().callback(move |_| Msg::Select(Some(doc)))}>{ id }</button>
            }) }
        </p>
    }
}

fn selected_values(app: &App, facet: Facet) -> Vec<String> {
    app.address
        .filter
        .selected
        .iter()
        .find(|(f, _)| *f == facet)
        .map(|(_, values)| values.clone())
        .unwrap_or_default()
}

fn facets(app: &App, listing: &Listing, ctx: &Context<App>) -> Html {
    let counts = |facet: Facet| listing.counts.iter().find(|c| c.facet == facet);
    let any = !app.address.filter.selected.is_empty();
    html! {
        <>
            if any {
                <button type="button" class="button clear-filter" onclick={ctx.link().callback(|_| Msg::ClearFilter)}>{ "Clear every filter" }</button>
            }
            if let Some(years) = counts(Facet::Year) {
                { crate::views_histogram::histogram(app, years, Facet::Year, "Year", ctx) }
            }
            if let Some(months) = counts(Facet::Month) {
                if !selected_values(app, Facet::Year).is_empty() {
                    { crate::views_histogram::months(app, months, ctx) }
                }
            }
            { for [
                (Facet::Classification, "Classification"),
                (Facet::Caveat, "Handling"),
                (Facet::Origin, "Origin"),
                (Facet::Tag, "TAGS"),
                (Facet::Precedence, "Precedence"),
            ].into_iter().filter_map(|(facet, title)| Some(value_list(app, counts(facet)?, title, ctx))) }
        </>
    }
}

fn value_list(app: &App, counts: &FacetCounts, title: &'static str, ctx: &Context<App>) -> Html {
    let facet = counts.facet;
    let selected = selected_values(app, facet);
    let mut values: Vec<&(String, u32)> = counts
        .counts
        .iter()
        .filter(|(value, n)| *n > 0 || selected.contains(value))
        .collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let all = app.shown_all.contains(&facet);
    let n_values = values.len();
    if !all {
        values.truncate(VALUES_SHOWN);
        // What is selected stays in sight.
        for value in &counts.counts {
            if selected.contains(&value.0) && !values.iter().any(|v| v.0 == value.0) {
                values.push(value);
            }
        }
    }
    html! {
        <fieldset class="facet" id={format!("facet-{}", facet.name())}>
            <legend>{ title }</legend>
            <ul>
                { for values.into_iter().map(|(value, n)| {
                    let checked = selected.contains(value);
                    let toggled = value.clone();
                    let meaning = (facet == Facet::Tag)
                        .then(|| cable::glossary::tag(value).map(|entry| entry.meaning).filter(|m| !m.is_empty()))
                        .flatten();
                    html! {
                        <li>
                            <label title={meaning.unwrap_or_default()}>
                                <input type="checkbox" checked={checked} data-value={value.clone()}
                                    onchange={ctx.link().callback(move |_| Msg::Toggle(facet, toggled.clone()))} />
                                <span class="value">{ value }</span>
                                if let Some(meaning) = meaning {
                                    <span class="meaning">{ meaning }</span>
                                }
                                <span class="n">{ format::count(u64::from(*n)) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if !all && n_values > VALUES_SHOWN {
                <button type="button" class="link-button" onclick={ctx.link().callback(move |_| Msg::ShowAll(facet))}>
                    { format!("All {}", format::count(n_values as u64)) }
                </button>
            }
        </fieldset>
    }
}

fn missing(app: &App) -> Html {
    let missing = &app.most_cited_missing;
    if missing.is_empty() {
        return Html::default();
    }
    html! {
        <section class="facet missing" id="most-cited-missing">
            <h3>{ "Most cited, not in this collection" }</h3>
            <ol>
                { for missing.iter().map(|(id, n)| html! {
                    <li>
                        <a href={format::plusd(id)} rel="noreferrer noopener" target="_blank">{ id.clone() }</a>
                        <span class="n">{ format!(" cited by {}", format::count(u64::from(*n))) }</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn about(app: &App, kept: Option<&crate::kept::Kept>, ctx: &Context<App>) -> Html {
    let Some(kept) = kept else {
        return Html::default();
    };
    html! {
        <section class="facet about-collection" id="about-collection">
            <h3>{ "This collection" }</h3>
            <p>{ format!("{} cables from {}", format::count(kept.cables), kept.source) }</p>
            if !kept.finished {
                <p class="half-read">{ "Read in part. " }{ file_input("resume-file", "Read the rest…", false, ctx, true) }</p>
            }
            if let Some((usage, quota)) = app.space {
                <p id="space-used">{ format!("The browser keeps {} for this page (of {} it allows){}.", format::size(usage), format::size(quota), app.store.as_ref().map_or(String::new(), |store| format!(", in {}", store.kind()))) }</p>
            } else if app.store.is_none() {
                <p>{ "Kept in memory only: it is gone when the page closes." }</p>
            }
            <div class="open-buttons">
                { file_input("open-another", "Open another file…", false, ctx, false) }
                <button type="button" class="button danger" id="forget" onclick={ctx.link().callback(|_| Msg::Forget)}>{ "Forget this collection" }</button>
            </div>
        </section>
    }
}

/// The rows drawn for a list scrolled to `scroll_top`: those in sight and a few more each way.
pub fn rows_drawn(scroll_top: f64, n_rows: usize) -> (usize, usize) {
    let first = ((scroll_top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
    let last = (first + ROWS_IN_SIGHT + 2 * OVERSCAN).min(n_rows);
    (first.min(last), last)
}

fn list(app: &App, listing: &Listing, ctx: &Context<App>) -> Html {
    let Some(index) = &app.index else {
        return Html::default();
    };
    let onscroll = ctx.link().batch_callback(|event: Event| {
        let element: web_sys::Element = event.target()?.dyn_into().ok()?;
        Some(Msg::Scrolled(f64::from(element.scroll_top())))
    });
    let (first, last) = rows_drawn(app.scroll_top, listing.docs.len());
    let searched = !listing.clauses.is_empty();
    let total = listing.docs.len() as f64 * ROW_HEIGHT;
    html! {
        <div class="cable-list" id="cable-list" role="list" aria-label="Cables" onscroll={onscroll}>
            if listing.docs.is_empty() {
                <p class="empty">{ "No cable matches." }</p>
            }
            <div class="cable-list-space" style={format!("height:{total}px")}>
                { for listing.docs.get(first..last).unwrap_or_default().iter().enumerate().map(|(offset, &doc)| {
                    let entry = index.entry(doc);
                    let top = (first + offset) as f64 * ROW_HEIGHT;
                    let selected = app.selected == Some(doc);
                    let id = entry.and_then(|e| e.id.clone()).or_else(|| entry.map(|e| e.published_id.clone())).unwrap_or_default();
                    html! {
                        <button type="button" role="listitem" class={classes!("cable-row", selected.then_some("selected"))}
                            style={format!("top:{top}px")} data-doc={doc.to_string()}
                            onclick={ctx.link().callback(move |_| Msg::Select(Some(doc)))}>
                            <span class="row-line">
                                <span class="row-id">{ if id.is_empty() { "(no ID)".to_string() } else { id } }</span>
                                <span class="row-date">{ format::day(entry.and_then(|e| e.date)) }</span>
                                <span class="row-class">{ entry.and_then(|e| e.classification.clone()).unwrap_or_default() }</span>
                            </span>
                            {
                                match app.texts.get(&doc).filter(|_| searched) {
                                    Some(text) => crate::views_cable::row_snippet(text, &listing.clauses),
                                    None => html! { <span class="row-subject">{ entry.map(|e| e.subject.clone()).unwrap_or_default() }</span> },
                                }
                            }
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}
