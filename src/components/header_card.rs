//! The header region: who sent the cable, when, to whom, how classified, and what it is about.

use std::rc::Rc;

use cable::{Addressee, Cable, Span};
use yew::prelude::*;

use super::source_snippet::{snippet, use_snippets, SourceText};
use crate::markup::{use_selection_mark, Clicked, Markup};
use crate::state::{Selected, SharedParse};

/// Props of [`HeaderCard`].
#[derive(Properties, PartialEq)]
pub struct HeaderCardProps {
    /// The decomposition.
    pub parse: SharedParse,
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

/// Writes the header's rows; each knows its source span and can be selected.
struct Rows<'a> {
    out: Markup,
    spans: Vec<(String, Span)>,
    selected: Option<&'a str>,
    count: usize,
}

impl Rows<'_> {
    /// One row of the header table; `id` is the row's stable anchor, `value` writes its value.
    fn row(&mut self, id: &str, label: &str, value: &dyn Fn(&mut Markup)) {
        let anchor = format!("field-{id}");
        let selectable = self.spans.iter().any(|(field, _)| *field == anchor);
        let mut class = String::from("field");
        if self.selected == Some(anchor.as_str()) {
            class.push_str(" selected");
        }
        if selectable {
            class.push_str(" selectable");
        }
        let out = &mut self.out;
        out.open("div", &[("class", Some(&class)), ("id", Some(&anchor))]);
        out.element("dt", &[], label);
        out.open(
            "dd",
            &[
                ("data-field", Some(id)),
                ("id", Some(&format!("value-{id}"))),
            ],
        );
        value(out);
        out.close("dd");
        out.open("span", &[("class", Some("field-tools"))]);
        out.button("copy-field", Some("copy"), &format!("Copy {label}"), "copy");
        if selectable {
            let link = format!("Copy a link to {label}");
            out.button("copy-field", Some("link"), &link, "link");
        }
        out.close("span");
        out.close("div");
        self.count += 1;
    }

    /// A row whose value is plain text.
    fn text_row(&mut self, id: &str, label: &str, text: &str) {
        self.row(id, label, &|out| out.text(text));
    }
}

/// What "copy" copies of a header row: its value as the page shows it, one line for each
/// addressee, TAG or caveat (the rendered text, not the bare text content, which would run
/// `SIPDIS` and `NOFORN` together).
pub fn row_text(row: &web_sys::Element) -> String {
    use wasm_bindgen::JsCast;
    let Some(value) = row.query_selector("dd").ok().flatten() else {
        return String::new();
    };
    let text = match value.dyn_ref::<web_sys::HtmlElement>() {
        Some(value) => value.inner_text(),
        None => value.text_content().unwrap_or_default(),
    };
    text.trim().to_string()
}

/// What a click on the header's rows asks for: copying a row's value, a link to it, or
/// selecting it.
fn on_rows_click(
    event: &MouseEvent,
    cable: &Cable,
    on_select: &Callback<Selected>,
    on_copied: &Callback<String>,
    on_copy_link: &Callback<String>,
) {
    let Some(clicked) = Clicked::of(event) else {
        return;
    };
    let inside = |css: &str| clicked.inside(css);
    let Some(row) = inside("div.field") else {
        return;
    };
    let anchor = row.id();
    match inside("button.copy-field").and_then(|button| button.get_attribute("data-action")) {
        Some(action) if action == "copy" => {
            let text = row_text(&row);
            let label = row
                .query_selector("dt")
                .ok()
                .flatten()
                .and_then(|label| label.text_content())
                .unwrap_or_default();
            on_copied.emit(if crate::services::clipboard::copy(text.trim()) {
                format!("Copied {label}.")
            } else {
                "This browser would not copy to the clipboard.".to_string()
            });
        }
        Some(_) => on_copy_link.emit(anchor),
        None => {
            let span = cable::anchors::header_fields(cable)
                .into_iter()
                .find(|(field, _)| *field == anchor)
                .map(|(_, span)| span);
            if let Some(span) = span.filter(|_| !clicked.on_control()) {
                on_select.emit(Selected { anchor, span });
            }
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
    let mut lines = Markup::with_capacity(1024);
    let mut item = |term: &str, value: String, explanation: String| {
        lines.open("div", &[("class", Some("transmission-line"))]);
        lines.element("dt", &[], term);
        lines.open("dd", &[]);
        lines.element("code", &[], &value);
        lines.element("span", &[("class", Some("hint"))], &explanation);
        lines.close("dd");
        lines.close("div");
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
            <dl class="transmission-lines">{ lines.into_html() }</dl>
        </details>
    }
}

fn addressees(out: &mut Markup, list: &[Addressee]) {
    out.open("ul", &[("class", Some("addressees"))]);
    for addressee in list {
        out.open("li", &[]);
        if let Some(ri) = &addressee.routing_indicator {
            out.element(
                "span",
                &[
                    ("class", Some("routing-indicator")),
                    ("title", Some(&ri_title(ri))),
                ],
                ri,
            );
            out.text(" ");
        }
        out.text(&addressee.name);
        if let Some(precedence) = addressee.precedence {
            out.element(
                "span",
                &[("class", Some("precedence"))],
                &format!(" · {}", precedence.as_str()),
            );
        }
        if let Some(serial) = &addressee.serial {
            out.element(
                "span",
                &[
                    ("class", Some("precedence")),
                    ("title", Some("Message serial number for this addressee")),
                ],
                &format!(" · no. {serial}"),
            );
        }
        out.close("li");
    }
    out.close("ul");
}

/// A list of badges, one per item.
fn badges(out: &mut Markup, items: &[&str], class: &str) {
    out.open("ul", &[("class", Some("badges"))]);
    for text in items {
        out.element("li", &[("class", Some(class))], text);
    }
    out.close("ul");
}

/// Writes the header's rows, `selected` marked (the component keeps the mark up to date).
/// Absent fields are left out, not shown empty; the count says how many were written.
fn rows_markup(cable: &Cable, source: &SourceText, selected: Option<&str>) -> (Markup, usize) {
    let routing = cable.routing.as_ref();
    let mut rows = Rows {
        out: Markup::with_capacity(4096),
        spans: cable::anchors::header_fields(cable),
        selected,
        count: 0,
    };
    if let Some(id) = &cable.canonical_id {
        rows.row("canonical-id", "Canonical ID", &|out| {
            out.element("code", &[], &id.value);
        });
    } else if let Some((origin, serial)) = cable
        .classification
        .as_ref()
        .and_then(|line| Some((line.origin.as_ref()?, line.serial.as_ref()?)))
    {
        // The station and serial are known, the year is not: say so rather than guess.
        let partial: String = origin.value.split_whitespace().collect();
        rows.row("canonical-id", "Canonical ID", &|out| {
            out.element("code", &[], &format!("??{partial}{}", serial.value));
            out.element(
                "span",
                &[("class", Some("hint"))],
                " year not in the text (see Diagnostics)",
            );
        });
    }
    if let Some(date_time) = cable.date_time() {
        rows.row("date-time", "Date-time", &|out| {
            out.element("time", &[], &date_time.to_string());
            if let Some(local) = local_time(date_time) {
                out.element(
                    "span",
                    &[("class", Some("hint local-time"))],
                    &format!(" · your time: {local}"),
                );
            }
        });
    }
    if let Some(precedence) = routing.and_then(|routing| routing.precedence.as_ref()) {
        rows.text_row("precedence", "Precedence", precedence.value.as_str());
    }
    if let Some(from) = routing.and_then(|routing| routing.from.as_ref()) {
        rows.text_row("from", "From", &from.value);
    } else if let Some(origin) = cable
        .classification
        .as_ref()
        .and_then(|line| line.origin.as_ref())
    {
        rows.text_row("from", "Origin", &origin.value);
    }
    if let Some(routing) = routing.filter(|routing| !routing.to.is_empty()) {
        rows.row("to", "To", &|out| addressees(out, &routing.to));
    }
    if let Some(routing) = routing.filter(|routing| !routing.info.is_empty()) {
        rows.row("info", "Info", &|out| addressees(out, &routing.info));
    }
    if let Some(classification) = cable.classification() {
        rows.row("classification", "Classification", &|out| {
            let class = format!(
                "classification classification-{}",
                classification
                    .as_str()
                    .to_ascii_lowercase()
                    .replace([' ', '/'], "-")
            );
            out.element("span", &[("class", Some(&class))], classification.as_str());
        });
    }
    // Caveats: controls on the classification line and handling captions, each once.
    let controls = cable
        .classification
        .iter()
        .flat_map(|line| line.controls.iter().map(String::as_str));
    let handling = cable
        .captions
        .iter()
        .filter(|caption| caption.kind == cable::CaptionKind::Handling)
        .flat_map(|caption| caption.value.split_whitespace());
    let mut caveats: Vec<&str> = Vec::new();
    for caveat in controls.chain(handling) {
        if !caveats.contains(&caveat) {
            caveats.push(caveat);
        }
    }
    if !caveats.is_empty() {
        rows.row("caveats", "Caveats", &|out| {
            badges(out, &caveats, "badge");
        });
    }
    let other_captions: Vec<&cable::Caption> = cable
        .captions
        .iter()
        .filter(|caption| caption.kind != cable::CaptionKind::Handling)
        .collect();
    if !other_captions.is_empty() {
        rows.row("distribution", "Distribution", &|out| {
            out.open("ul", &[("class", Some("addressees"))]);
            for caption in &other_captions {
                out.element("li", &[], &caption.value);
            }
            out.close("ul");
        });
    }
    if let Some(section) = cable
        .classification
        .as_ref()
        .and_then(|line| line.section.as_ref())
    {
        let (this, count) = section.value;
        rows.text_row("section", "Section", &format!("{this} of {count}"));
    }
    if let Some(declassification) = &cable.declassification {
        let text = match (&declassification.order, &declassification.decl) {
            (Some(order), Some(decl)) => {
                format!("E.O. {}; declassify: {}", order.value, decl.value)
            }
            (None, Some(decl)) => format!("Declassify: {}", decl.value),
            (Some(order), None) => format!("E.O. {}", order.value),
            (None, None) => source.slice(declassification.span).to_string(),
        };
        rows.text_row("declassification", "Declassification", &text);
    }
    if !cable.tags.is_empty() {
        rows.row("tags", "TAGS", &|out| {
            // Each code with the glossary's meaning beside it, as the addressees' indicators
            // are: a reader cannot decode PARM, and a tooltip is out of reach on a phone.
            out.open("ul", &[("class", Some("tag-list"))]);
            for tag in &cable.tags {
                out.open("li", &[]);
                out.element("code", &[("class", Some("badge tag"))], &tag.value);
                if let Some(meaning) = &tag.meaning {
                    out.text(" ");
                    out.element("span", &[("class", Some("tag-meaning"))], meaning);
                }
                out.close("li");
            }
            out.close("ul");
        });
    }
    if let Some(subject) = &cable.subject {
        rows.text_row("subject", "Subject", &subject.value);
    }
    if let Some(classified_by) = &cable.classified_by {
        let classifier = cable.classifier.as_ref();
        let names = classifier
            .map(|classifier| classifier.names.join("; "))
            .unwrap_or_default();
        let reasons = classifier
            .map(|classifier| classifier.reasons.join(", "))
            .unwrap_or_default();
        rows.row("classified-by", "Classified by", &|out| {
            out.element(
                "span",
                &[("class", Some("classified-by-text"))],
                &classified_by.value,
            );
            if !names.is_empty() || !reasons.is_empty() {
                out.open("span", &[("class", Some("classified-by-parts"))]);
                if !names.is_empty() {
                    out.text(" · name: ");
                    out.element("strong", &[], &names);
                }
                if !reasons.is_empty() {
                    out.text(" · reasons: ");
                    out.text(&reasons);
                }
                out.close("span");
            }
        });
    }
    if let Some(signature) = &cable.signature {
        rows.text_row("signature", "Signed", &signature.value);
    }
    (rows.out, rows.count)
}

/// The header fields as a definition list, written as one piece of HTML ([`Markup`]) with one
/// click handler for all rows; the transmission details folded below them.
#[function_component(HeaderCard)]
pub fn header_card(props: &HeaderCardProps) -> Html {
    let cable: &Cable = &props.parse.cable;
    // Written again only when the text changes, not when the selection moves.
    let selected = props.selected.clone();
    let rows = use_memo(
        (props.parse.clone(), props.source.clone()),
        move |(parse, source)| {
            let (rows, count) = rows_markup(&parse.cable, source, selected.as_deref());
            (rows.into_html(), count)
        },
    );
    let fields_ref = use_node_ref();
    use_selection_mark(fields_ref.clone(), props.selected.clone(), rows.clone());
    let region = use_node_ref();
    use_snippets(region.clone(), props.source.clone());
    let onclick = {
        let parse = props.parse.clone();
        let on_select = props.on_select.clone();
        let on_copied = props.on_copied.clone();
        let on_copy_link = props.on_copy_link.clone();
        Callback::from(move |event: MouseEvent| {
            on_rows_click(&event, &parse.cable, &on_select, &on_copied, &on_copy_link);
        })
    };
    html! {
        <section class="region" id="header" aria-labelledby="header-title" ref={region}>
            <h2 id="header-title">{ "Header" }</h2>
            if rows.1 == 0 {
                <p class="empty">{ "No header fields were found in this text." }</p>
            } else {
                <dl class="fields" ref={fields_ref} {onclick}>{ rows.0.clone() }</dl>
            }
            if let Some(routing) = &cable.routing {
                { transmission(routing, props.transmission_open, details_toggle(&props.on_transmission)) }
            }
            if let Some(span) = cable.header_span() {
                { snippet(&props.source, span) }
            }
        </section>
    }
}
