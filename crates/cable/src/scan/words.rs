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
    let mut start = None;
    for (idx, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (ch.is_whitespace(), start) {
            (true, Some(token_start)) => {
                tokens.push((token_start, idx, text.get(token_start..idx).unwrap_or("")));
                start = None;
            }
            (false, None) => start = Some(idx),
            _ => {}
        }
    }
    tokens
}
