//! The header region: who sent the cable, when, to whom, how classified, and what it is about.

use std::rc::Rc;

use cable::{Addressee, Cable, Parse, Span};
use yew::prelude::*;

use super::source_snippet::{SourceSnippet, SourceText};
use crate::state::Selected;

/// Props of [`HeaderCard`].
#[derive(Properties, PartialEq)]
pub struct HeaderCardProps {
    /// The decomposition.
    pub parse: Rc<Parse>,
    /// The parsed text.
    pub source: Rc<SourceText>,
    /// The anchor of the selected element, if any.
    #[prop_or_default]
    pub selected: Option<String>,
    /// A row was chosen: its anchor and source span.
    #[prop_or_default]
    pub on_select: Callback<Selected>,
    /// A row's value was copied (or not): what to tell the reader.
    #[prop_or_default]
    pub on_copied: Callback<String>,
    /// The transmission details are unfolded.
    #[prop_or_default]
    pub transmission_open: bool,
    /// The reader unfolded (`true`) or folded the transmission details.
    #[prop_or_default]
    pub on_transmission: Callback<bool>,
    /// Copy a link to the field with this anchor.
    #[prop_or_default]
    pub on_copy_link: Callback<String>,
}

/// Builds the header's rows; each knows its source span and can be selected.
struct Rows<'a> {
    spans: Vec<(String, Span)>,
    selected: Option<&'a str>,
    on_select: &'a Callback<Selected>,
    on_copied: Callback<String>,
    on_copy_link: &'a Callback<String>,
}

impl Rows<'_> {
    /// One row of the header table; `id` is the row's stable anchor.
    fn row(&self, id: &str, label: &str, value: Html) -> Html {
        let anchor = format!("field-{id}");
        let span = self
            .spans
            .iter()
            .find(|(field, _)| *field == anchor)
            .map(|(_, span)| *span);
        let is_selected = self.selected == Some(anchor.as_str());
        let anchor_for_link = anchor.clone();
        let onclick = span.map(|span| {
            let selected = Selected {
                anchor: anchor.clone(),
                span,
            };
            super::source_pane::select_on_click(self.on_select, selected)
        });
        // Copies what the row shows (its text as the page renders it).
        let on_copy = {
            let on_copied = self.on_copied.clone();
            let label = label.to_string();
            let dd_id = format!("value-{id}");
            Callback::from(move |_: MouseEvent| {
                let text = web_sys::window()
                    .and_then(|window| window.document())
                    .and_then(|document| document.get_element_by_id(&dd_id))
                    .and_then(|element| element.text_content())
                    .unwrap_or_default();
                let copied = crate::export::copy(text.trim());
                on_copied.emit(if copied {
                    format!("Copied {label}.")
                } else {
                    "This browser would not copy to the clipboard.".to_string()
                });
            })
        };
        html! {
            <div class={classes!("field", is_selected.then_some("selected"), span.is_some().then_some("selectable"))}
                id={anchor} onclick={onclick}>
                <dt>{ label }</dt>
                <dd data-field={id.to_string()} id={format!("value-{id}")}>{ value }</dd>
                <span class="field-tools">
                    <button type="button" class="copy-field" aria-label={format!("Copy {label}")} title={format!("Copy {label}")}
                        onclick={on_copy}>{ "copy" }</button>
                    if span.is_some() {
                        <button type="button" class="copy-field" aria-label={format!("Copy a link to {label}")} title={format!("Copy a link to {label}")}
                            onclick={let on_copy_link = self.on_copy_link.clone(); move |_| on_copy_link.emit(anchor_for_link.clone())}>{ "link" }</button>
                    }
                </span>
            </div>
        }
    }
}

/// What a routing indicator is, and which station it names when the glossary knows.
fn ri_title(ri: &str) -> String {
    match cable::glossary::routing_indicator(ri) {
        Some(name) => format!("Routing indicator of {name}"),
        None => "Routing indicator (the station is not in the glossary)".to_string(),
    }
}

/// The date-time group in the reader's own time zone, as the browser tells it.
fn local_time(date_time: cable::DateTime) -> Option<String> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let millis = js_sys::Date::utc(f64::from(date_time.year), f64::from(date_time.month) - 1.0)
        + (f64::from(date_time.day) - 1.0) * 86_400_000.0
        + f64::from(date_time.hour) * 3_600_000.0
        + f64::from(date_time.minute) * 60_000.0;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    let text: String = date
        .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into();
    (!text.is_empty()).then_some(text)
}

/// The transmission lines, folded away as PlusD's "Show Headers" does, each explained.
/// The `toggle` handler of a `<details>`: reports whether it is now open.
pub fn details_toggle(on_toggle: &Callback<bool>) -> Callback<Event> {
    let on_toggle = on_toggle.clone();
    Callback::from(move |event: Event| {
        let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
        on_toggle.emit(details.open());
    })
}

fn transmission(routing: &cable::Routing, open: bool, on_toggle: Callback<Event>) -> Html {
    let mut items: Vec<Html> = Vec::new();
    let mut item = |term: &str, value: String, explanation: String| {
        items.push(html! {
            <div class="transmission-line">
                <dt>{ term.to_string() }</dt>
                <dd><code>{ value }</code><span class="hint">{ explanation }</span></dd>
            </div>
        });
    };
    if let Some(id) = &routing.transmission_id {
        item("Transmission ID", id.value.clone(), " — VZCZC opens every message in the ACP-127 format; the rest identifies the sending channel and its message count.".to_string());
    }
    if let Some(relay) = &routing.relay {
        let names: Vec<String> = routing
            .relay_indicators
            .iter()
            .map(|ri| match cable::glossary::routing_indicator(ri) {
                Some(name) => format!("{ri} ({name})"),
                None => ri.clone(),
            })
            .collect();
        item(
            "Relay",
            relay.value.clone(),
            format!(
                " — precedence prosigns, then the stations that relay the message: {}.",
                names.join(", ")
            ),
        );
    }
    if let Some(station) = &routing.station {
        let name = cable::glossary::routing_indicator(&station.value)
            .map_or(String::new(), |name| format!(" ({name})"));
        let serial = routing
            .station_serial
            .as_ref()
            .map_or(String::new(), |serial| format!(", its message {serial}"));
        let section = routing
            .station_section
            .map_or(String::new(), |section| format!(", section {section}"));
        let filed = routing.filing_time.as_ref().map_or(String::new(), |time| {
            format!(
                ", filed on day {} of the year at {} UTC",
                time.get(..3).unwrap_or(""),
                time.get(4..).unwrap_or("")
            )
        });
        item(
            "DE",
            station.raw.clone(),
            format!(
                " — sent from station {}{name}{serial}{section}{filed}.",
                station.value
            ),
        );
    }
    if let Some(security) = &routing.security {
        item(
            "Security",
            security.raw.clone(),
            format!(
                " — the transmission's classification: {}.",
                security.value.as_str()
            ),
        );
    }
    if let Some(date_time) = &routing.date_time {
        item(
            "Date-time group",
            date_time.raw.clone(),
            format!(
                " — day, hour and minute (Z: UTC), month, year: {}.",
                date_time.value
            ),
        );
    }
    html! {
        <details class="transmission" id="transmission" open={open} ontoggle={on_toggle}>
            <summary>{ "Transmission details" }</summary>
            <dl class="transmission-lines">{ for items }</dl>
        </details>
    }
}

fn addressees(list: &[Addressee]) -> Html {
    html! {
        <ul class="addressees">
            { for list.iter().map(|addressee| html! {
                <li>
                    if let Some(ri) = &addressee.routing_indicator {
                        <span class="routing-indicator" title={ri_title(ri)}>{ ri }</span>{ " " }
                    }
                    { &addressee.name }
                    if let Some(precedence) = addressee.precedence {
                        <span class="precedence">{ " · " }{ precedence.as_str() }</span>
                    }
                    if let Some(serial) = &addressee.serial {
                        <span class="precedence" title="Message serial number for this addressee">{ " · no. " }{ serial }</span>
                    }
                </li>
            }) }
        </ul>
    }
}

/// Header fields as a definition list; absent fields are left out, not shown empty.
#[function_component(HeaderCard)]
pub fn header_card(props: &HeaderCardProps) -> Html {
    let cable: &Cable = &props.parse.cable;
    let routing = cable.routing.as_ref();
    let builder = Rows {
        spans: crate::anchors::header_fields(cable),
        selected: props.selected.as_deref(),
        on_select: &props.on_select,
        on_copied: props.on_copied.clone(),
        on_copy_link: &props.on_copy_link,
    };
    let row = |id: &str, label: &str, value: Html| builder.row(id, label, value);
    let mut rows = Vec::new();
    if let Some(id) = &cable.canonical_id {
        rows.push(row(
            "canonical-id",
            "Canonical ID",
            html! { <code>{ &id.value }</code> },
        ));
    } else if let Some((origin, serial)) = cable
        .classification
        .as_ref()
        .and_then(|line| Some((line.origin.as_ref()?, line.serial.as_ref()?)))
    {
        // The station and serial are known, the year is not: say so rather than guess.
        let partial: String = origin.value.split_whitespace().collect();
        rows.push(row(
            "canonical-id",
            "Canonical ID",
            html! {
                <>
                    <code>{ format!("??{partial}{}", serial.value) }</code>
                    <span class="hint">{ " year not in the text (see Diagnostics)" }</span>
                </>
            },
        ));
    }
    if let Some(date_time) = cable.date_time() {
        rows.push(row(
            "date-time",
            "Date-time",
            html! {
                <>
                    <time>{ date_time.to_string() }</time>
                    if let Some(local) = local_time(date_time) {
                        <span class="hint local-time">{ format!(" · your time: {local}") }</span>
                    }
                </>
            },
        ));
    }
    if let Some(precedence) = routing.and_then(|routing| routing.precedence.as_ref()) {
        rows.push(row(
            "precedence",
            "Precedence",
            html! { { precedence.value.as_str() } },
        ));
    }
    if let Some(from) = routing.and_then(|routing| routing.from.as_ref()) {
        rows.push(row("from", "From", html! { { &from.value } }));
    } else if let Some(origin) = cable
        .classification
        .as_ref()
        .and_then(|line| line.origin.as_ref())
    {
        rows.push(row("from", "Origin", html! { { &origin.value } }));
    }
    if let Some(routing) = routing.filter(|routing| !routing.to.is_empty()) {
        rows.push(row("to", "To", addressees(&routing.to)));
    }
    if let Some(routing) = routing.filter(|routing| !routing.info.is_empty()) {
        rows.push(row("info", "Info", addressees(&routing.info)));
    }
    if let Some(classification) = cable.classification() {
        rows.push(row("classification", "Classification", html! {
            <span class={format!("classification classification-{}", classification.as_str().to_ascii_lowercase().replace([' ', '/'], "-"))}>
                { classification.as_str() }
            </span>
        }));
    }
    // Caveats: controls on the classification line and handling captions, each once.
    let controls = cable
        .classification
        .iter()
        .flat_map(|line| line.controls.iter().cloned());
    let handling = cable
        .captions
        .iter()
        .filter(|caption| caption.kind == cable::CaptionKind::Handling);
    let mut caveats: Vec<String> = Vec::new();
    for caveat in controls.chain(handling.flat_map(|caption| {
        caption
            .value
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    })) {
        if !caveats.contains(&caveat) {
            caveats.push(caveat);
        }
    }
    if !caveats.is_empty() {
        rows.push(row("caveats", "Caveats", html! {
            <ul class="badges">{ for caveats.iter().map(|caveat| html! { <li class="badge">{ caveat }</li> }) }</ul>
        }));
    }
    let other_captions: Vec<&cable::Caption> = cable
        .captions
        .iter()
        .filter(|caption| caption.kind != cable::CaptionKind::Handling)
        .collect();
    if !other_captions.is_empty() {
        rows.push(row("distribution", "Distribution", html! {
            <ul class="addressees">{ for other_captions.iter().map(|caption| html! { <li>{ &caption.value }</li> }) }</ul>
        }));
    }
    if let Some(section) = cable
        .classification
        .as_ref()
        .and_then(|line| line.section.as_ref())
    {
        let (this, count) = section.value;
        rows.push(row(
            "section",
            "Section",
            html! { { format!("{this} of {count}") } },
        ));
    }
    if let Some(declassification) = &cable.declassification {
        let text = match (&declassification.order, &declassification.decl) {
            (Some(order), Some(decl)) => format!("E.O. {order}; declassify: {decl}"),
            (None, Some(decl)) => format!("Declassify: {decl}"),
            (Some(order), None) => format!("E.O. {order}"),
            (None, None) => props.source.slice(declassification.span).to_string(),
        };
        rows.push(row(
            "declassification",
            "Declassification",
            html! { { text } },
        ));
    }
    if !cable.tags.is_empty() {
        rows.push(row(
            "tags",
            "TAGS",
            html! {
                <ul class="badges">{ for cable.tags.iter().map(|tag| {
                    // The glossary's meaning, for hover and for screen readers.
                    let meaning = tag.meaning.clone();
                    html! { <li class="badge tag" title={meaning}>{ &tag.value }</li> }
                }) }</ul>
            },
        ));
    }
    if let Some(subject) = &cable.subject {
        rows.push(row("subject", "Subject", html! { { &subject.value } }));
    }
    if let Some(classified_by) = &cable.classified_by {
        let classifier = cable.classifier.as_ref();
        let names = classifier
            .map(|classifier| classifier.names.join("; "))
            .unwrap_or_default();
        let reasons = classifier
            .map(|classifier| classifier.reasons.join(", "))
            .unwrap_or_default();
        rows.push(row(
            "classified-by",
            "Classified by",
            html! {
                <>
                    <span class="classified-by-text">{ &classified_by.value }</span>
                    if !names.is_empty() || !reasons.is_empty() {
                        <span class="classified-by-parts">
                            if !names.is_empty() { { " · name: " }<strong>{ names }</strong> }
                            if !reasons.is_empty() { { " · reasons: " }{ reasons } }
                        </span>
                    }
                </>
            },
        ));
    }
    if let Some(signature) = &cable.signature {
        rows.push(row("signature", "Signed", html! { { &signature.value } }));
    }
    html! {
        <section class="region" id="header" aria-labelledby="header-title">
            <h2 id="header-title">{ "Header" }</h2>
            if rows.is_empty() {
                <p class="empty">{ "No header fields were found in this text." }</p>
            } else {
                <dl class="fields">{ for rows }</dl>
            }
            if let Some(routing) = routing {
                { transmission(routing, props.transmission_open, details_toggle(&props.on_transmission)) }
            }
            if let Some(span) = cable.header_span() {
                <SourceSnippet source={props.source.clone()} span={span} />
            }
        </section>
    }
}
