//! The seed's view written into `index.html` by the build (`src/bin/prerender.rs`), and taken
//! out again by the wasm as it renders the same view (`src/main.rs`).

/// The id of the element holding the prerendered view.
pub const PRERENDERED_ID: &str = "prerendered";

/// The id of `index.html`'s notice shown, from the first paint, to a reader who opens a link
/// (`static/boot.js` marks such a start), until the page shows the link's cable.
pub const OPENING_LINK_ID: &str = "opening-link";

/// `page` with `view` as the first thing in its `<body>` (the first after `</head>`), inside the element the wasm removes;
/// none when the page has no `<body>` or has been given a view already. A text area's first
/// line break is dropped by the HTML parser, so one is added to keep the text exact.
pub fn insert(page: &str, view: &str) -> Option<String> {
    let marker = format!("<div id=\"{PRERENDERED_ID}\">");
    if page.contains(&marker) {
        return None;
    }
    let head_end = page.find("</head>")?;
    let open = head_end + page.get(head_end..)?.find("<body")?;
    let end = open + page.get(open..)?.find('>')? + 1;
    let (head, rest) = page.split_at(end);
    let view = keep_first_line_break(view);
    Some(format!("{head}\n    {marker}{view}</div>{rest}"))
}

/// `view` with a line break after each `<textarea …>`'s start tag, which the HTML parser drops:
/// a text starting with a blank line (as the seed does) keeps it.
fn keep_first_line_break(view: &str) -> String {
    let mut out = String::with_capacity(view.len() + 1);
    let mut rest = view;
    while let Some(at) = rest.find("<textarea") {
        let Some(close) = rest.get(at..).and_then(|tag| tag.find('>')) else {
            break;
        };
        let (before, after) = rest.split_at(at + close + 1);
        out.push_str(before);
        out.push('\n');
        rest = after;
    }
    out.push_str(rest);
    out
}

thread_local! {
    /// What the reader typed into the prerendered text area before the wasm arrived.
    static TYPED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Takes the prerendered view out of the page, before the wasm renders its own in the same task:
/// the browser paints one or the other, never neither. What the reader typed into the
/// prerendered text area meanwhile is kept for [`typed`], to start from instead of the seed.
/// `index.html`'s notice for a link being opened goes too: the page says so itself.
pub fn take_out() {
    #[cfg(target_arch = "wasm32")]
    take_out_of_the_document();
}

#[cfg(target_arch = "wasm32")]
fn take_out_of_the_document() {
    use wasm_bindgen::JsCast;
    let Some(document) = crate::services::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(notice) = document.get_element_by_id(OPENING_LINK_ID) {
        notice.remove();
    }
    let Some(prerendered) = document.get_element_by_id(PRERENDERED_ID) else {
        return;
    };
    let typed = prerendered
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|area| area.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .filter(|area| {
            area.default_value()
                .is_ok_and(|written| written != area.value())
        })
        .map(|area| area.value());
    TYPED.with(|cell| *cell.borrow_mut() = typed);
    prerendered.remove();
}

/// What the reader typed into the prerendered view before the page ran, once.
pub fn typed() -> Option<String> {
    TYPED.with(|cell| cell.borrow_mut().take())
}

#[cfg(test)]
mod tests {
    use super::insert;

    #[test]
    fn the_view_goes_first_in_the_body_once() {
        let page = "<html><head><!-- <body> --></head><body class=\"x\">\n<noscript>n</noscript></body></html>";
        let once = insert(page, "<main>v</main>").unwrap_or_default();
        assert_eq!(
            once,
            "<html><head><!-- <body> --></head><body class=\"x\">\n    <div id=\"prerendered\"><main>v</main></div>\n<noscript>n</noscript></body></html>"
        );
        let area = insert(page, "<textarea id=\"a\">\n\nVZCZC</textarea>").unwrap_or_default();
        assert!(area.contains("<textarea id=\"a\">\n\n\nVZCZC</textarea>"));
        assert_eq!(insert(&once, "<main>v</main>"), None);
        assert_eq!(insert("<html></html>", "v"), None);
    }
}
