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

/// How many bytes of `bytes` are `byte` (the line breaks of a stretch a reader hands on).
///
/// Eight bytes at a time again, exactly this time: `(word & 0x7F…) + 0x7F…` sets the high bit of
/// every byte whose low seven bits are not all zero, with no carry from one byte to the next;
/// OR-ed with the word, only a zero byte keeps its high bit clear. Each byte of a running sum
/// counts the matches in its place, for 255 words at most (a byte holds 255), then the eight
/// are added up: no count of ones per word, which is slow where the CPU has no instruction for it.
pub(crate) fn count_byte(bytes: &[u8], byte: u8) -> usize {
    const LOWS: u64 = !HIGHS;
    let pattern = ONES * u64::from(byte);
    // 0x01 in each byte of the word that is `byte`.
    let matches = |chunk: &[u8]| {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            return 0;
        };
        let zero_where_equal = u64::from_le_bytes(eight) ^ pattern;
        let nonzero = ((zero_where_equal & LOWS) + LOWS) | zero_where_equal;
        (!nonzero & HIGHS) >> 7
    };
    let sum_of_bytes = |counts: u64| {
        let pairs = (counts & 0x00FF_00FF_00FF_00FF) + ((counts >> 8) & 0x00FF_00FF_00FF_00FF);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    };
    let mut count = 0;
    let mut blocks = bytes.chunks_exact(8 * 255);
    for block in &mut blocks {
        count += sum_of_bytes(block.chunks_exact(8).map(matches).sum());
    }
    let mut words = blocks.remainder().chunks_exact(8);
    count += sum_of_bytes((&mut words).map(matches).sum());
    count
        + words
            .remainder()
            .iter()
            .filter(|&&found| found == byte)
            .count()
}

#[cfg(test)]
mod tests {
    use super::{count_byte, find_any};

    #[test]
    fn counts_a_byte_wherever_it_is_and_whatever_is_beside_it() {
        let text = b"a\nb\n\n\x0b\n\x00\n\xff\n\n\n\n\n\n\n\n\x8a\ncdefghij\n";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let part = text.get(start..end).unwrap_or_default();
                let expected = part.iter().filter(|&&byte| byte == b'\n').count();
                assert_eq!(count_byte(part, b'\n'), expected, "{start}..{end}");
            }
        }
        assert_eq!(count_byte(&[0x80; 20], 0x00), 0);
        assert_eq!(count_byte(&[0x00; 20], 0x00), 20);
        // Past one block of 255 words, where the running sum is added up and starts again.
        assert_eq!(
            count_byte(&[b'\n'; 8 * 255 * 3 + 13], b'\n'),
            8 * 255 * 3 + 13
        );
    }

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
