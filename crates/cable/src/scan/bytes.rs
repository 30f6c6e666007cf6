//! Finding one of a few bytes in a long text, for the loops that look at every byte of a cable
//! (its lines, its escapes, where a citation may start).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The offset of the first byte of `bytes` that is one of `set`.
///
/// Eight bytes are looked at together, as one word: the word XOR a byte repeated eight times has
/// a zero byte exactly where that byte is, and `(word - 0x0101…) & !word & 0x8080…` sets the high
/// bit of every zero byte. It may set it in a byte above a zero byte too (a borrow), never below
/// the first: so the lowest bit set, over every byte of the set, is the first match, with no
/// second look at the word's bytes. The set is a fixed array, so the compiler unrolls the loop
/// over it. No table and no dependency: the page's build stays as small.
#[inline]
pub(crate) fn find_any<const N: usize>(bytes: &[u8], set: &[u8; N]) -> Option<usize> {
    let matches = |word: u64| {
        set.iter().fold(0, |found, &byte| {
            let zero_where_equal = word ^ (ONES * u64::from(byte));
            found | (zero_where_equal.wrapping_sub(ONES) & !zero_where_equal & HIGHS)
        })
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut checked = 0;
    for chunk in &mut chunks {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let found = matches(u64::from_le_bytes(eight));
        if found != 0 {
            return Some(checked + found.trailing_zeros() as usize / 8);
        }
        checked += 8;
    }
    let found = chunks
        .remainder()
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
        // A borrow marks the byte after a match (`c` is `b` + 1), never one before it.
        assert_eq!(find_any(b"xxxxxxbc", b"b"), Some(6));
        assert_eq!(find_any(b"xxxxxxcb", b"b"), Some(7));
    }
}
