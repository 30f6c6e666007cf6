//! A file's bytes as text, the way cablescope reads files everywhere.

/// How [`decode`] read a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, removed).
    Utf8,
    /// Not UTF-8: read as ISO-8859-1, one character per byte, as old cable dumps were written.
    Latin1,
}

/// Turns a file's bytes into text the way cablescope reads files everywhere: UTF-8 when it is
/// valid (without a byte-order mark), else ISO-8859-1 byte for byte, which never fails.
///
/// ```
/// assert_eq!(cable::decode(b"CAF\xc9"), ("CAF\u{c9}".to_string(), cable::Encoding::Latin1));
/// assert_eq!(cable::decode("\u{feff}UNCLAS".as_bytes()), ("UNCLAS".to_string(), cable::Encoding::Utf8));
/// ```
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&byte| char::from(byte)).collect(),
            Encoding::Latin1,
        ),
    }
}
