//! Base64 with the URL-safe alphabet (RFC 4648 §5), without padding: nothing in it needs
//! escaping in a URL fragment, and chat applications keep it whole inside a link.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as base64url, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = u32::from(chunk.first().copied().unwrap_or(0));
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let group = (b0 << 16) | (b1 << 8) | b2;
        for idx in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * idx)) & 63;
            if let Some(&ch) = ALPHABET.get(sextet as usize) {
                out.push(char::from(ch));
            }
        }
    }
    out
}

/// The value of one base64url character.
fn value(ch: u8) -> Option<u32> {
    let value = match ch {
        b'A'..=b'Z' => ch - b'A',
        b'a'..=b'z' => ch - b'a' + 26,
        b'0'..=b'9' => ch - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Why a text is not base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet, at this character index.
    Character(usize),
    /// A length no encoding produces (one character past a group of four).
    Length,
    /// Bits after the last byte that are not zero: no encoder writes them.
    TrailingBits,
}

/// The bytes `text` encodes; strict, so that one encoding has one text.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(Base64Error::Length);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for (chunk_idx, chunk) in bytes.chunks(4).enumerate() {
        let mut group = 0u32;
        for (idx, &ch) in chunk.iter().enumerate() {
            let sextet = value(ch).ok_or(Base64Error::Character(chunk_idx * 4 + idx))?;
            group |= sextet << (18 - 6 * idx);
        }
        let n_bytes = chunk.len() - 1;
        let mask = match n_bytes {
            1 => 0xFFFF,
            2 => 0xFF,
            _ => 0,
        };
        if group & mask != 0 {
            return Err(Base64Error::TrailingBits);
        }
        for idx in 0..n_bytes {
            out.push((group >> (16 - 8 * idx)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length_and_byte() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|idx| (idx * 37 + 11) as u8).collect();
            assert_eq!(decode(&encode(&bytes)), Ok(bytes));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&all)), Ok(all));
    }

    #[test]
    fn matches_the_rfc_vectors() {
        // RFC 4648 §10, with the padding dropped.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded), Ok(plain.as_bytes().to_vec()));
        }
        assert_eq!(encode(&[0xFB, 0xFF]), "-_8");
    }

    #[test]
    fn refuses_what_no_encoder_writes() {
        assert_eq!(decode("Zg="), Err(Base64Error::Character(2)));
        assert_eq!(decode("Zm9vY"), Err(Base64Error::Length));
        assert_eq!(decode("Zh"), Err(Base64Error::TrailingBits));
        assert_eq!(decode("Zm9v+g"), Err(Base64Error::Character(4)));
    }
}
