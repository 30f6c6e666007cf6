//! HTML written as text, for the parts of the view that show a cable and hold no controls of
//! their own: the browser builds such a part from one string in one call, where yew's virtual
//! DOM makes a call into the browser for every element, attribute and text (a paragraphs list
//! built this way is several times quicker to appear; see BENCHMARKS.md).
//!
//! Every piece of text and every attribute value is escaped on the way in; element and attribute
//! names can only be the page's own (`&'static str`), so no text of a cable can become markup.
//! Clicks inside such a part are handled by its component, from the element's `data-` attributes.

use yew::{AttrValue, Html};

/// A piece of HTML under construction.
#[derive(Debug, Default)]
pub struct Markup {
    html: String,
}

impl Markup {
    /// An empty piece with room for `bytes` of HTML.
    pub fn with_capacity(bytes: usize) -> Markup {
        Markup {
            html: String::with_capacity(bytes),
        }
    }

    /// Opens `<tag name="value" …>`; an attribute whose value is `None` is left out.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, Option<&str>)]) {
        self.html.push('<');
        self.html.push_str(tag);
        for (name, value) in attributes {
            if let Some(value) = value {
                self.html.push(' ');
                self.html.push_str(name);
                self.html.push_str("=\"");
                escape_into(&mut self.html, value);
                self.html.push('"');
            }
        }
        self.html.push('>');
    }

    /// Closes `tag`.
    pub fn close(&mut self, tag: &'static str) {
        self.html.push_str("</");
        self.html.push_str(tag);
        self.html.push('>');
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.html, text);
    }

    /// A whole element holding only `text`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, Option<&str>)],
        text: &str,
    ) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    /// A small button whose `label` names it for screen readers and on hover; `action`, when
    /// given, tells the part's click handler what it does (`data-action`).
    pub fn button(&mut self, class: &str, action: Option<&str>, label: &str, text: &str) {
        self.element(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some(class)),
                ("data-action", action),
                ("aria-label", Some(label)),
                ("title", Some(label)),
            ],
            text,
        );
    }

    /// The HTML written so far.
    pub fn as_str(&self) -> &str {
        &self.html
    }

    /// The piece, for yew to place: the browser parses it in one go.
    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.html))
    }
}

/// The element a click in a part written as markup landed on, to ask what it is inside of.
pub struct Clicked(web_sys::Element);

impl Clicked {
    /// The click's target, when it is an element.
    pub fn of(event: &web_sys::Event) -> Option<Clicked> {
        use wasm_bindgen::JsCast;
        event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .map(Clicked)
    }

    /// The nearest element matching `css` from the target up, the target included.
    pub fn inside(&self, css: &str) -> Option<web_sys::Element> {
        self.0.closest(css).ok().flatten()
    }

    /// The number in `attribute` (such as `data-idx`) of the nearest element matching `css`.
    pub fn number(&self, css: &str, attribute: &str) -> Option<usize> {
        self.inside(css)?.get_attribute(attribute)?.parse().ok()
    }

    /// Whether the click landed on a control inside an element (a link, a button, a
    /// `<details>` toggle): such clicks do what the control does, not select the element.
    pub fn on_control(&self) -> bool {
        self.inside("a, button, summary, details.source, input, textarea, select")
            .is_some()
    }
}

/// Keeps the `selected` class on the element inside `container` whose id is `selected`, after
/// each render in which the selection or the written `part` changed.
#[yew::hook]
pub fn use_selection_mark<T: PartialEq + 'static>(
    container: yew::NodeRef,
    selected: Option<String>,
    part: std::rc::Rc<T>,
) {
    yew::use_effect_with((selected, part), move |(selected, _)| {
        if let Some(container) = container.cast::<web_sys::Element>() {
            mark_selected(&container, selected.as_deref());
        }
    });
}

/// Moves the `selected` class among the elements inside `container` to the one whose id is
/// `selected`: a part written as markup is not written again when only the selection moves.
fn mark_selected(container: &web_sys::Element, selected: Option<&str>) {
    use wasm_bindgen::JsCast;
    // Looked up inside the container, not the document: the page's ids are unique, but a
    // component rendered twice (as in tests) would find the other copy.
    let chosen = selected.and_then(|id| {
        let quoted = id.replace('\\', "\\\\").replace('"', "\\\"");
        container
            .query_selector(&format!("[id=\"{quoted}\"]"))
            .ok()
            .flatten()
    });
    if let Ok(marked) = container.query_selector_all(".selected") {
        for element in (0..marked.length())
            .filter_map(|idx| marked.item(idx))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            if Some(&element) != chosen.as_ref() {
                let _ = element.class_list().remove_1("selected");
            }
        }
    }
    if let Some(chosen) = chosen {
        let _ = chosen.class_list().add_1("selected");
    }
}

/// Appends `text` with the five characters that mean something in HTML (in text or in a quoted
/// attribute value) written as character references; runs between them are copied whole.
fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        let (run, tail) = rest.split_at(at);
        out.push_str(run);
        let mut chars = tail.chars();
        out.push_str(match chars.next() {
            Some('&') => "&amp;",
            Some('<') => "&lt;",
            Some('>') => "&gt;",
            Some('"') => "&quot;",
            _ => "&#39;",
        });
        rest = chars.as_str();
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_cannot_become_markup() {
        let mut markup = Markup::default();
        markup.open(
            "span",
            &[
                ("title", Some("\"><script>alert('x')</script>")),
                ("id", None),
            ],
        );
        markup.text("<img src=x onerror=alert(1)> & AT&T's");
        markup.close("span");
        assert_eq!(
            markup.as_str(),
            "<span title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">\
             &lt;img src=x onerror=alert(1)&gt; &amp; AT&amp;T&#39;s</span>"
        );
    }

    #[test]
    fn text_without_special_characters_is_copied_as_it_is() {
        let mut markup = Markup::with_capacity(16);
        markup.element("p", &[], "ΑΒΓ — 1. (C) TEXT");
        assert_eq!(markup.as_str(), "<p>ΑΒΓ — 1. (C) TEXT</p>");
    }
}
