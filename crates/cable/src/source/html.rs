//! A cable page's HTML: `<pre>` blocks, tags, entities such as `&#x000A;`.

/// Text from a cable web page: `<pre>` blocks, `&#x000A;` line breaks or `<a>` links.
pub(crate) fn looks_like_html(input: &str) -> bool {
    let head = input.get(..input.len().min(4096)).unwrap_or(input);
    // Every marker starts with `<` or `&`, which most texts lack: two quick looks first.
    if !head.as_bytes().contains(&b'<') && !head.as_bytes().contains(&b'&') {
        return false;
    }
    ["<pre", "<PRE", "&#x000A;", "&#10;", "</a>", "<br"]
        .iter()
        .any(|marker| head.contains(marker))
}

/// An HTML tag at the start of `rest`: its length, and whether it breaks a line (`<br>`).
pub(crate) fn html_tag(rest: &str) -> Option<(usize, bool)> {
    let inner = rest.strip_prefix('<')?;
    let name = inner.strip_prefix('/').unwrap_or(inner);
    if !name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return None;
    }
    // Bytes, not a string slice: 1,000 bytes on may fall inside a character.
    let close = inner
        .bytes()
        .take(1000)
        .position(|byte| byte == b'>' || byte == b'<')?;
    if inner.as_bytes().get(close) != Some(&b'>') {
        return None;
    }
    let tag_name: String = name
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    Some((close + 2, tag_name == "br"))
}

/// An HTML entity at the start of `rest`: its length and the character it stands for.
pub(crate) fn html_entity(rest: &str) -> Option<(usize, char)> {
    let inner = rest.strip_prefix('&')?;
    let semicolon = inner.bytes().take(12).position(|byte| byte == b';')?;
    let name = inner.get(..semicolon)?;
    let decoded = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
    } else if let Some(decimal) = name.strip_prefix('#') {
        char::from_u32(decimal.parse().ok()?)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => return None,
        }
    };
    Some((semicolon + 2, decoded))
}
