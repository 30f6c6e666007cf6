//! Words: whitespace-separated tokens with their offsets, and where a word starts.

/// Where the run of `in_word` characters that ends at byte `end` of `text` starts: after the
/// character before it, whatever that character's length (`SY\u{87}IA,S`: at `I`), or 0.
pub(crate) fn word_start(text: &str, end: usize, in_word: impl Fn(char) -> bool) -> usize {
    text.get(..end)
        .and_then(|head| head.char_indices().rev().find(|&(_, ch)| !in_word(ch)))
        .map_or(0, |(idx, ch)| idx + ch.len_utf8())
}

/// Whitespace-separated tokens with their byte offsets.
pub(crate) fn tokens(text: &str) -> Vec<(usize, usize, &str)> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut start = None;
    let mut idx = 0;
    // One past the end counts as a blank, which ends the last token.
    while idx <= bytes.len() {
        // ASCII is read as a byte (`\t`..=`\r` and the space are the ASCII characters
        // `char::is_whitespace` takes); anything else as the character it starts.
        let (is_blank, len) = match bytes.get(idx) {
            None => (true, 1),
            Some(&byte) if byte.is_ascii() => (matches!(byte, b'\t'..=b'\r' | b' '), 1),
            Some(_) => text
                .get(idx..)
                .and_then(|rest| rest.chars().next())
                .map_or((false, 1), |ch| (ch.is_whitespace(), ch.len_utf8())),
        };
        match (is_blank, start) {
            (true, Some(token_start)) => {
                tokens.push((token_start, idx, text.get(token_start..idx).unwrap_or("")));
                start = None;
            }
            (false, None) => start = Some(idx),
            _ => {}
        }
        idx += len;
    }
    tokens
}
