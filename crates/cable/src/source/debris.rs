//! Web-page debris: markdown links (`[PARM](#)`) and pilcrow links before paragraph numbers
//! (`[1](#)1.`).

pub(crate) struct MarkdownLink<'a> {
    pub(crate) text: &'a str,
    /// Bytes from `[` to the closing `)` inclusive.
    pub(crate) len: usize,
}

/// Recognises `[text](target)` at the start of `rest`, on one line.
pub(crate) fn markdown_link(rest: &str) -> Option<MarkdownLink<'_>> {
    let inner = rest.strip_prefix('[')?;
    let close = inner.find(']')?;
    let text = inner.get(..close)?;
    if text.is_empty() || text.len() > 60 || text.contains(['\n', '[']) {
        return None;
    }
    let target_part = inner.get(close + 1..)?.strip_prefix('(')?;
    let target_end = target_part.find(')')?;
    let target = target_part.get(..target_end)?;
    if target.len() > 300 || target.contains(char::is_whitespace) {
        return None;
    }
    Some(MarkdownLink {
        text,
        len: 1 + close + 2 + target_end + 1,
    })
}

/// Pilcrow links (`¶`) lose their glyph when a page is copied and often come out as `1`.
pub(crate) fn is_pilcrow_text(text: &str) -> bool {
    matches!(text, "1" | "¶")
}

/// Whether `rest` starts with a paragraph or list marker such as `1.`, `B.` or `(C)`.
pub(crate) fn starts_with_marker(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let n_alnum = rest.chars().take_while(char::is_ascii_alphanumeric).count();
    (1..=3).contains(&n_alnum)
        && rest
            .get(n_alnum..)
            .is_some_and(|after| after.starts_with(['.', ')', ':']))
}
