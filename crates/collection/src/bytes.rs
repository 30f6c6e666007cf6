//! The stored form's primitives: LEB128 varints, length-prefixed strings, and a reader that
//! reports a short or malformed input as a [`FormatError`] instead of panicking.

use std::fmt;

/// Why stored bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes do not start with the expected magic: not a stored index or segment.
    NotAnIndex,
    /// Written by a format version this code does not read.
    Version {
        /// The version the bytes declare.
        found: u32,
        /// The version this code reads.
        supported: u32,
    },
    /// Fewer or more bytes than the stored length says: cut short or with bytes added.
    Length {
        /// The length the bytes declare.
        declared: u64,
        /// The length given.
        actual: u64,
    },
    /// The checksum does not match: some byte was changed.
    Checksum,
    /// The checksum matched but a part could not be read (a bug, or a forged checksum).
    Malformed(&'static str),
    /// A text was asked of a segment whose text blocks were released: read its block from the
    /// stored form instead.
    TextsReleased,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::NotAnIndex => write!(f, "not a stored cable collection"),
            FormatError::Version { found, supported } => write!(
                f,
                "stored by format version {found}, and this version reads version {supported}: build the collection again"
            ),
            FormatError::Length { declared, actual } => write!(
                f,
                "the store is damaged: {declared} bytes were written and {actual} are there"
            ),
            FormatError::Checksum => write!(f, "the store is damaged: its checksum does not match"),
            FormatError::Malformed(what) => write!(f, "the store is damaged: {what}"),
            FormatError::TextsReleased => {
                write!(f, "the texts are not held in memory: read the text's block from the store")
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// Appends the stored form of values to a byte vector.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn varint(&mut self, value: u64) {
        write_varint(&mut self.bytes, value);
    }

    pub(crate) fn u32_fixed(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn u64_fixed(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// A signed value, zigzag-coded so small negative numbers stay short.
    pub(crate) fn signed(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }

    pub(crate) fn str(&mut self, value: &str) {
        self.varint(value.len() as u64);
        self.bytes.extend_from_slice(value.as_bytes());
    }

    pub(crate) fn blob(&mut self, value: &[u8]) {
        self.varint(value.len() as u64);
        self.bytes.extend_from_slice(value);
    }
}

/// Appends `value` as a LEB128 varint: seven bits a byte, low bits first.
pub(crate) fn write_varint(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads values back from stored bytes, front to back.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

const SHORT: FormatError = FormatError::Malformed("a part ends early");

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub(crate) fn varint(&mut self) -> Result<u64, FormatError> {
        let (value, len) = read_varint(self.bytes.get(self.pos..).unwrap_or_default())
            .ok_or(FormatError::Malformed("a number is cut or too long"))?;
        self.pos += len;
        Ok(value)
    }

    /// A varint that must fit in 32 bits.
    pub(crate) fn u32(&mut self) -> Result<u32, FormatError> {
        u32::try_from(self.varint()?).map_err(|_| FormatError::Malformed("a number is too large"))
    }

    /// A count of things each at least one byte long: never more than the bytes left, so a
    /// damaged count cannot ask for a huge allocation.
    pub(crate) fn count(&mut self) -> Result<usize, FormatError> {
        let count = self.varint()?;
        let left = self.bytes.len().saturating_sub(self.pos) as u64;
        if count > left {
            return Err(FormatError::Malformed(
                "a count is larger than the bytes left",
            ));
        }
        Ok(count as usize)
    }

    pub(crate) fn u32_fixed(&mut self) -> Result<u32, FormatError> {
        let bytes = self.take(4)?;
        let mut array = [0; 4];
        array.copy_from_slice(bytes);
        Ok(u32::from_le_bytes(array))
    }

    pub(crate) fn u64_fixed(&mut self) -> Result<u64, FormatError> {
        let bytes = self.take(8)?;
        let mut array = [0; 8];
        array.copy_from_slice(bytes);
        Ok(u64::from_le_bytes(array))
    }

    pub(crate) fn signed(&mut self) -> Result<i64, FormatError> {
        let zigzag = self.varint()?;
        Ok(((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64))
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, FormatError> {
        let bytes = self.blob()?;
        std::str::from_utf8(bytes).map_err(|_| FormatError::Malformed("a text is not UTF-8"))
    }

    pub(crate) fn blob(&mut self) -> Result<&'a [u8], FormatError> {
        let len = self.count()?;
        self.take(len)
    }

    pub(crate) fn take(&mut self, len: usize) -> Result<&'a [u8], FormatError> {
        let end = self.pos.checked_add(len).ok_or(SHORT)?;
        let bytes = self.bytes.get(self.pos..end).ok_or(SHORT)?;
        self.pos = end;
        Ok(bytes)
    }
}

/// Reads a LEB128 varint from the start of `bytes`: the value and how many bytes it took;
/// `None` when the bytes end inside it or it runs past 64 bits.
pub(crate) fn read_varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (idx, &byte) in bytes.iter().enumerate().take(10) {
        let shift = 7 * idx as u32;
        let low = u64::from(byte & 0x7f);
        if shift == 63 && low > 1 {
            return None;
        }
        value |= low << shift;
        if byte & 0x80 == 0 {
            return Some((value, idx + 1));
        }
    }
    None
}

/// A part of the stored form: `magic`, format version, the content's length and CRC-32, then
/// the content. Checked whole by [`open_framed`] before anything in it is read.
pub(crate) fn frame(magic: &[u8; 8], version: u32, content: &[u8]) -> Vec<u8> {
    let mut writer = Writer {
        bytes: Vec::with_capacity(content.len() + 24),
    };
    writer.bytes.extend_from_slice(magic);
    writer.u32_fixed(version);
    writer.u64_fixed(content.len() as u64);
    writer.u32_fixed(crc32fast::hash(content));
    writer.bytes.extend_from_slice(content);
    writer.bytes
}

/// The content of a part written by [`frame`], after checking magic, version, length and
/// checksum; also returns the bytes after the part.
pub(crate) fn open_framed<'a>(
    bytes: &'a [u8],
    magic: &[u8; 8],
    version: u32,
) -> Result<(&'a [u8], &'a [u8]), FormatError> {
    let mut reader = Reader::new(bytes);
    let found_magic = reader.take(8).map_err(|_| FormatError::NotAnIndex)?;
    if found_magic != magic {
        return Err(FormatError::NotAnIndex);
    }
    let short = |_| FormatError::Length {
        declared: 0,
        actual: bytes.len() as u64,
    };
    let found_version = reader.u32_fixed().map_err(short)?;
    if found_version != version {
        return Err(FormatError::Version {
            found: found_version,
            supported: version,
        });
    }
    let declared = reader.u64_fixed().map_err(short)?;
    let checksum = reader.u32_fixed().map_err(short)?;
    let header = 24;
    let available = bytes.len().saturating_sub(header) as u64;
    if declared > available {
        return Err(FormatError::Length {
            declared,
            actual: available,
        });
    }
    let content = reader
        .take(declared as usize)
        .map_err(|_| FormatError::Length {
            declared,
            actual: available,
        })?;
    if crc32fast::hash(content) != checksum {
        return Err(FormatError::Checksum);
    }
    let rest = bytes.get(header + content.len()..).unwrap_or_default();
    Ok((content, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_signed_values_come_back() {
        let mut writer = Writer::default();
        for value in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            writer.varint(value);
        }
        for value in [0i64, -1, 1, -20_000_000, i64::MIN, i64::MAX] {
            writer.signed(value);
        }
        writer.str("héllo");
        let mut reader = Reader::new(&writer.bytes);
        for value in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            assert_eq!(reader.varint(), Ok(value));
        }
        for value in [0i64, -1, 1, -20_000_000, i64::MIN, i64::MAX] {
            assert_eq!(reader.signed(), Ok(value));
        }
        assert_eq!(reader.str(), Ok("héllo"));
        assert!(reader.is_empty());
        assert!(reader.varint().is_err());
    }

    #[test]
    fn a_frame_tells_cut_changed_and_foreign_bytes_apart() {
        let framed = frame(b"TESTPART", 3, b"content");
        assert_eq!(
            open_framed(&framed, b"TESTPART", 3),
            Ok((&b"content"[..], &b""[..]))
        );
        assert!(matches!(
            open_framed(&framed[..framed.len() - 1], b"TESTPART", 3),
            Err(FormatError::Length { .. })
        ));
        let mut changed = framed.clone();
        changed[26] ^= 1;
        assert_eq!(
            open_framed(&changed, b"TESTPART", 3),
            Err(FormatError::Checksum)
        );
        assert_eq!(
            open_framed(&framed, b"TESTPART", 4),
            Err(FormatError::Version {
                found: 3,
                supported: 4
            })
        );
        assert_eq!(
            open_framed(b"\"1\",\"2\"", b"TESTPART", 3),
            Err(FormatError::NotAnIndex)
        );
    }
}
