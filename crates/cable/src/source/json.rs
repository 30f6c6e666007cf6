//! One record of a JSON dump, such as the first release's: `{"header": "…", "content": "…"}`
//! (or a list of them, the first read), its strings written with JSON's escapes (`\n`, `\"`,
//! `\u00e9`).
//!
//! Read with a small scanner for string fields rather than a JSON parser: the crate has no JSON
//! dependency, and what is wanted is where each string's text lies in the input, escapes and all,
//! so that spans point into the file as given.

/// The keys a record's header is found under, in order of preference.
const HEADER_KEYS: [&str; 2] = ["header", "Header"];

/// The keys a record's text is found under, in order of preference.
const BODY_KEYS: [&str; 6] = ["content", "body", "text", "Content", "Body", "Text"];

/// The content ranges (between the quotes) of a JSON record's header and text strings.
pub(crate) struct JsonRecord {
    pub(crate) header: Option<(usize, usize)>,
    pub(crate) body: Option<(usize, usize)>,
}

impl JsonRecord {
    /// The header's and the text's ranges in the order they are written in the input.
    pub(crate) fn ranges(&self) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> =
            [self.header, self.body].into_iter().flatten().collect();
        ranges.dedup();
        if let [first, second] = ranges.as_mut_slice() {
            if second.0 < first.0 {
                std::mem::swap(first, second);
            }
        }
        ranges
    }
}

/// Recognises a JSON record: the input (after blanks) opens an object or a list and holds a
/// header or text string under one of the keys records use.
pub(crate) fn json_record(input: &str) -> Option<JsonRecord> {
    let opening = input.trim_start_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}');
    if !opening.starts_with(['{', '[']) {
        return None;
    }
    let find = |keys: &[&str]| keys.iter().find_map(|key| string_field(input, key));
    let record = JsonRecord {
        header: find(&HEADER_KEYS),
        body: find(&BODY_KEYS),
    };
    (record.header.is_some() || record.body.is_some()).then_some(record)
}

/// The content range of the first string value of key `name` (`"name": "…"`).
fn string_field(input: &str, name: &str) -> Option<(usize, usize)> {
    let key = format!("\"{name}\"");
    let mut from = 0;
    while let Some(found) = input.get(from..)?.find(&key) {
        let after_key = from + found + key.len();
        let rest = input.get(after_key..)?;
        let after_colon = rest.trim_start().strip_prefix(':').map(str::trim_start);
        if let Some(value) = after_colon.and_then(|value| value.strip_prefix('"')) {
            let start = input.len() - value.len();
            return Some((start, start + string_length(value)?));
        }
        from = after_key;
    }
    None
}

/// The length of a JSON string's content up to its closing quote, escapes skipped whole.
fn string_length(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let mut at = 0;
    loop {
        match bytes.get(at)? {
            b'"' => return Some(at),
            b'\\' => at += 2,
            _ => at += 1,
        }
    }
}

/// The JSON escape at the start of `rest` (which starts with a backslash): its length and what it
/// stands for (`None` for a control character no cable holds: a backspace or a form feed).
pub(crate) fn json_escape(rest: &str) -> Option<(usize, Option<char>)> {
    let escaped = rest.strip_prefix('\\')?;
    let decoded = match escaped.as_bytes().first()? {
        b'n' => '\n',
        b't' => '\t',
        b'r' => '\r',
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' | b'f' => return Some((2, None)),
        b'u' => return unicode_escape(escaped),
        _ => return None,
    };
    Some((2, Some(decoded)))
}

/// `\u00e9`, or a surrogate pair `\ud83d\ude00`: its length and character (U+FFFD for a lone
/// surrogate, which is no character).
fn unicode_escape(escaped: &str) -> Option<(usize, Option<char>)> {
    let hex = |at: usize| {
        escaped
            .get(at..at + 4)
            .and_then(|digits| u32::from_str_radix(digits, 16).ok())
    };
    let code = hex(1)?;
    if (0xD800..0xDC00).contains(&code) {
        let low = escaped
            .get(5..)
            .filter(|rest| rest.starts_with("\\u"))
            .and_then(|_| hex(7))
            .filter(|low| (0xDC00..0xE000).contains(low));
        if let Some(low) = low {
            let pair = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            return Some((12, Some(char::from_u32(pair).unwrap_or('\u{fffd}'))));
        }
    }
    Some((6, Some(char::from_u32(code).unwrap_or('\u{fffd}'))))
}
