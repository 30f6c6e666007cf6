//! Finding one of a few bytes in a long text, for the loops that look at every byte of a cable
//! (its lines, its escapes, where a citation may start).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The offset of the first byte of `bytes` that is one of `set`.
///
/// Eight bytes are looked at together, as one word: the word XOR a byte repeated eight times has
/// a zero byte exactly where that byte is, and a word has a zero byte exactly when
/// `(word - 0x0101…) & !word & 0x8080…` is not zero. No table and no dependency: the page's
/// build stays as small.
#[inline]
pub(crate) fn find_any(bytes: &[u8], set: &[u8]) -> Option<usize> {
    let has_zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS != 0;
    let mut checked = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(eight);
        if set
            .iter()
            .any(|&byte| has_zero_byte(word ^ (ONES * u64::from(byte))))
        {
            break;
        }
        checked += 8;
    }
    let found = bytes
        .get(checked..)?
        .iter()
        .position(|byte| set.contains(byte))?;
    Some(checked + found)
}

#[cfg(test)]
mod tests {
    use super::find_any;

    #[test]
    fn finds_the_first_of_the_set_in_any_of_the_eight_places() {
        let text = b"0123456789abcdefghijklmnopqrstuvwxyz";
        for (at, &byte) in text.iter().enumerate() {
            assert_eq!(find_any(text, &[byte]), Some(at));
            assert_eq!(find_any(text, &[b'#', byte, b'z']), Some(at));
            assert_eq!(find_any(text.get(..at).unwrap_or_default(), &[byte]), None);
        }
        assert_eq!(find_any(b"", b"ab"), None);
        assert_eq!(find_any("é\"ü\\".as_bytes(), b"\\\""), Some(2));
        assert_eq!(find_any(&[0x80; 20], &[0x7F, 0x00]), None);
    }
}
