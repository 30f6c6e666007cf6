//! cablescope's links: a cable's text and the view of it (the selected element, the open
//! sections, the reading), compressed into a URL fragment that no server ever sees.
//!
//! A link's fragment is `#` + the format version + `.` + base64url of the payload:
//!
//! ```text
//! #2.<base64url>
//! payload = CRC-32 of the rest (4 bytes, big-endian)
//!           length of the rest (varint), so that a cut link is told from a damaged one
//!           text length in bytes (varint)
//!           view flags (1 byte), then the selected element's anchor (varint length + ASCII)
//!           when flag 32 is set, then the cable's ID the reader gave (varint length + ASCII)
//!           when flag 64 is set (a later addition: links without it read as before)
//!           the text, compressed by the version's model
//! ```
//!
//! Format 2 (written since 2026-12) and format 1 lay the payload out alike; they differ in the
//! model. Format 1's reads a 44 KB primer through the whole model before a text, a fifth of a
//! second; format 2's is laid out for the memory cache and reads its primer
//! (`data/primer-v2.txt`) mostly by counting, in a few tens of milliseconds.
//!
//! **Invariant: every version ever released keeps decoding.** `tests/frozen.rs` holds links made
//! by each version; a new format gets a new version number and its own model, beside the old.
//!
//! **Invariant: decoding never panics and never returns a wrong text.** A link that is cut,
//! damaged, from a later version or too large gives a [`LinkError`] whose message says what to do.
//!
//! # Example
//!
//! ```
//! let view = permalink::View { selected: Some("p-3".into()), source_open: true, ..Default::default() };
//! let fragment = permalink::encode("1. (C) THE EMBASSY REPORTS.", &view).unwrap();
//! assert!(fragment.starts_with("2."));
//! let link = permalink::decode(&fragment).unwrap();
//! assert_eq!(link.text, "1. (C) THE EMBASSY REPORTS.");
//! assert_eq!(link.view, view);
//! ```
#![deny(missing_docs)]

mod base64url;
mod crc32;
mod model;
mod model2;

use std::fmt;
use std::sync::{Arc, OnceLock};

/// The format this crate writes.
pub const FORMAT_VERSION: u32 = 2;

/// The largest text a link may carry, in bytes: 128 KiB, half as much again as the longest cable
/// of the corpus. Decoding runs at about half a megabyte a second (slower in a browser), so the
/// limit is also what bounds the time a hostile link can make the page spend: a link
/// claiming more is refused before anything is decoded or allocated.
pub const MAX_TEXT_BYTES: usize = 128 * 1024;

/// The longest anchor a link may select (anchors are short: `p-12`, `ref-B`, `field-subject`).
pub const MAX_ANCHOR_BYTES: usize = 64;

/// What the version-1 model reads before the text: phrases that recur across cables, then the
/// text of a few cables (see `data/README.md`). Frozen: links made with it must keep decoding.
/// The page fetches it rather than carrying it in its wasm; the CLI and tests compile it in.
#[cfg(feature = "builtin-primer")]
pub const PRIMER_V1: &[u8] = include_bytes!("../data/primer-v1.txt");

/// The CRC-32 and length of the version-1 primer: a primer fetched from elsewhere must match.
pub const PRIMER_V1_CHECK: (u32, usize) = (0xAA3E_598D, 44_340);

/// What the version-2 model reads before the text (see `data/README.md`): read by the counters
/// alone but for its end, which is fast enough to do at each open. Frozen: links made with it
/// must keep decoding. Like format 1's, the page fetches it; the CLI and tests compile it in.
#[cfg(feature = "builtin-primer")]
pub const PRIMER_V2: &[u8] = include_bytes!("../data/primer-v2.txt");

/// The CRC-32 and length of the version-2 primer: a primer fetched from elsewhere must match.
pub const PRIMER_V2_CHECK: (u32, usize) = (0x80E4_D94A, 42_543);

/// Links made and read. A codec is made from format 2's primer ([`Codec::current`]), which it
/// reads when it first needs it, in a few tens of milliseconds. Reading a format-1 link also
/// needs format 1's primer, read by that format's slow model (about a fifth of a second
/// natively), so a codec has format 1's model only once primed with it ([`Codec::priming`]), or
/// with both primers compiled in ([`Codec::builtin`]).
#[derive(Clone)]
pub struct Codec {
    /// Format 2's primer, checked.
    primer_v2: Arc<[u8]>,
    /// Format 2's model, primed, once a link has been made: making links copies it. (A link
    /// opened before then primes a model of its own: cheaper than priming one and copying it.)
    primed_v2: Arc<OnceLock<model2::Model>>,
    /// Format 1's model, primed, when this codec reads format-1 links.
    primed_v1: Option<model::Model>,
}

/// A codec being primed for format 1: see [`Codec::priming`].
pub struct Priming {
    codec: Codec,
    model: model::Model,
    primer: Vec<u8>,
    done: usize,
}

impl Priming {
    /// Reads up to `n_bytes` more of the primer; `true` once it has read all of it.
    pub fn step(&mut self, n_bytes: usize) -> bool {
        let end = self.done.saturating_add(n_bytes).min(self.primer.len());
        if let Some(bytes) = self.primer.get(self.done..end) {
            self.model.feed(bytes);
        }
        self.done = end;
        self.done >= self.primer.len()
    }

    /// The codec, now also reading format 1 (reading whatever of the primer is left).
    pub fn finish(mut self) -> Codec {
        while !self.step(usize::MAX) {}
        Codec {
            primed_v1: Some(self.model),
            ..self.codec
        }
    }
}

/// A primer given to [`Codec::current`] or [`Codec::priming`] is not its format's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimerError;

impl fmt::Display for PrimerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the link model's primer did not arrive whole (its checksum does not match)"
        )
    }
}

impl std::error::Error for PrimerError {}

impl Codec {
    /// A codec that makes links and opens those of format 2, from format 2's primer (the bytes
    /// of `data/primer-v2.txt`, checked), but not format 1's links
    /// ([`LinkError::FormatNotLoaded`]) until primed for them ([`Codec::priming`]).
    pub fn current(primer_v2: &[u8]) -> Result<Codec, PrimerError> {
        if (crc32::crc32(primer_v2), primer_v2.len()) != PRIMER_V2_CHECK {
            return Err(PrimerError);
        }
        Ok(Codec {
            primer_v2: Arc::from(primer_v2),
            primed_v2: Arc::new(OnceLock::new()),
            primed_v1: None,
        })
    }

    /// Starts priming format 1's model with `primer_v1` (the bytes of `data/primer-v1.txt`,
    /// checked first), to be done in steps so that a page can answer between them: the result
    /// is this codec, also reading format 1.
    pub fn priming(&self, primer_v1: &[u8]) -> Result<Priming, PrimerError> {
        if (crc32::crc32(primer_v1), primer_v1.len()) != PRIMER_V1_CHECK {
            return Err(PrimerError);
        }
        Ok(Priming {
            codec: self.clone(),
            model: model::Model::new(&[]),
            primer: primer_v1.to_vec(),
            done: 0,
        })
    }

    /// Whether this codec opens format 1's links.
    pub fn reads_format_1(&self) -> bool {
        self.primed_v1.is_some()
    }

    /// The codec with both primers compiled in, format 1's read once per process (when first
    /// asked for).
    #[cfg(feature = "builtin-primer")]
    pub fn builtin() -> &'static Codec {
        static CODEC: OnceLock<Codec> = OnceLock::new();
        CODEC.get_or_init(|| Codec {
            primed_v1: Some(model::Model::new(PRIMER_V1)),
            ..Codec::builtin_current().clone()
        })
    }

    /// The codec with format 2's primer compiled in, without format 1's model.
    #[cfg(feature = "builtin-primer")]
    pub fn builtin_current() -> &'static Codec {
        static CODEC: OnceLock<Codec> = OnceLock::new();
        CODEC.get_or_init(|| Codec {
            primer_v2: Arc::from(PRIMER_V2),
            primed_v2: Arc::new(OnceLock::new()),
            primed_v1: None,
        })
    }

    /// The fragment (without `#`) of a link to `text` shown as `view`, in the current format.
    pub fn encode(&self, text: &str, view: &View) -> Result<String, EncodeError> {
        self.compress(text)?.fragment(view)
    }

    /// Primes format 2's model for making links now, rather than at the first link made: the
    /// page's link worker does it once it has answered, while the page has nothing to ask.
    pub fn prime(&self) {
        self.primed_v2
            .get_or_init(|| model2::Model::new(&self.primer_v2));
    }

    /// Compresses `text` for links (current format), once: the view can then change cheaply.
    pub fn compress(&self, text: &str) -> Result<CompressedText, EncodeError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(EncodeError::TextTooLarge(text.len()));
        }
        let primed = self
            .primed_v2
            .get_or_init(|| model2::Model::new(&self.primer_v2));
        Ok(CompressedText {
            len: text.len(),
            code: model2::compress(primed.clone(), text.as_bytes()),
        })
    }

    /// The fragment of a format-1 link to `text` shown as `view`, as format 1 made them; for
    /// the frozen tests and the size benchmark. `None` when this codec has no format-1 model.
    #[doc(hidden)]
    pub fn encode_v1(&self, text: &str, view: &View) -> Option<Result<String, EncodeError>> {
        let model = self.primed_v1.clone()?;
        if text.len() > MAX_TEXT_BYTES {
            return Some(Err(EncodeError::TextTooLarge(text.len())));
        }
        let code = model::compress(model, text.as_bytes());
        Some(encode_with(1, text.len(), &code, view))
    }

    /// [`Codec::decode`] with format 2's model primed afresh, as when a page opens a link:
    /// for timing.
    #[doc(hidden)]
    pub fn decode_cold(&self, fragment: &str) -> Result<Link, LinkError> {
        let parts = read_fragment(fragment)?;
        let model = model2::Model::new(&self.primer_v2);
        let text = model2::decompress(model, &parts.code, parts.len);
        let text = String::from_utf8(text).map_err(|_| LinkError::Damaged)?;
        Ok(Link {
            text,
            view: parts.view,
        })
    }

    /// What the link in `fragment` (with or without its `#`) carries.
    pub fn decode(&self, fragment: &str) -> Result<Link, LinkError> {
        let parts = read_fragment(fragment)?;
        let text = if parts.version == 1 {
            let model = self
                .primed_v1
                .clone()
                .ok_or(LinkError::FormatNotLoaded(1))?;
            model::decompress(model, &parts.code, parts.len)
        } else {
            let model = match self.primed_v2.get() {
                Some(primed) => primed.clone(),
                None => model2::Model::new(&self.primer_v2),
            };
            model2::decompress(model, &parts.code, parts.len)
        };
        let text = String::from_utf8(text).map_err(|_| LinkError::Damaged)?;
        Ok(Link {
            text,
            view: parts.view,
        })
    }
}

/// How the cable is shown: everything a link restores besides the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// The selected element's anchor (`p-4`, `ref-B`, `field-subject`), scrolled to and
    /// highlighted when the link is opened.
    pub selected: Option<String>,
    /// The source view is open in place of the text area.
    pub source_open: bool,
    /// Reading aids are shown as written (`POST,S`) rather than read (`POST'S`).
    pub as_written: bool,
    /// The transmission details (VZCZC, DE and security lines) are unfolded.
    pub transmission_open: bool,
    /// The parser's notes are unfolded.
    pub notes_open: bool,
    /// Every paragraph is shown, not only the first ones of a long text.
    pub all_paragraphs: bool,
    /// The cable's ID as the reader gave it (`08OTTAWA372`), for a text that does not state
    /// its year: it dates the cables the text cites.
    pub cable_id: Option<String>,
}

impl View {
    const SOURCE_OPEN: u8 = 1;
    const AS_WRITTEN: u8 = 2;
    const TRANSMISSION_OPEN: u8 = 4;
    const NOTES_OPEN: u8 = 8;
    const ALL_PARAGRAPHS: u8 = 16;
    const SELECTED: u8 = 32;
    const CABLE_ID: u8 = 64;
    /// Flags this version knows; any other bit set means the link is damaged.
    const KNOWN: u8 = 127;

    fn flags(&self) -> u8 {
        let mut flags = 0;
        for (on, flag) in [
            (self.source_open, View::SOURCE_OPEN),
            (self.as_written, View::AS_WRITTEN),
            (self.transmission_open, View::TRANSMISSION_OPEN),
            (self.notes_open, View::NOTES_OPEN),
            (self.all_paragraphs, View::ALL_PARAGRAPHS),
            (self.selected.is_some(), View::SELECTED),
            (self.cable_id.is_some(), View::CABLE_ID),
        ] {
            if on {
                flags |= flag;
            }
        }
        flags
    }
}

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The cable's text, exactly as it was.
    pub text: String,
    /// How it was shown.
    pub view: View,
}

/// Why a link could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// The text is over [`MAX_TEXT_BYTES`].
    TextTooLarge(usize),
    /// The selected anchor is not a short ASCII name.
    BadAnchor(String),
    /// The cable ID is not a short run of capital letters and digits.
    BadId(String),
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::TextTooLarge(bytes) => write!(
                f,
                "the text is {} KB; a link can carry at most {} KB (send the cable as a file instead)",
                kilobytes(*bytes as u64),
                MAX_TEXT_BYTES / 1024
            ),
            EncodeError::BadAnchor(anchor) => write!(f, "\"{anchor}\" is not an element's anchor"),
            EncodeError::BadId(id) => write!(f, "\"{id}\" is not a cable ID"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Why a link could not be opened. The messages say what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is not a cablescope link at all.
    NotALink,
    /// Made by a later version of cablescope than this one.
    FutureVersion(u32),
    /// Shorter than it says it is: cut somewhere on the way.
    Incomplete,
    /// Changed on the way: the checksum does not match, or a part cannot be read.
    Damaged,
    /// Claims a text over [`MAX_TEXT_BYTES`]; not decoded.
    TooLarge(u64),
    /// In an older format whose model was not loaded (see [`Codec::reads_format_1`]).
    FormatNotLoaded(u32),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => write!(
                f,
                "This address does not hold a cablescope link. Check that the whole link was copied."
            ),
            LinkError::FutureVersion(version) => write!(
                f,
                "This link was made by a newer version of cablescope (link format {version}; this page reads up to {FORMAT_VERSION}). Reload the page to get the newest version."
            ),
            LinkError::Incomplete => write!(
                f,
                "This link is incomplete: its end is missing, as happens when a chat or mail program cuts a long link. Ask the sender for the whole link, or for the cable as a file."
            ),
            LinkError::Damaged => write!(
                f,
                "This link is damaged: some of its characters were changed on the way, so the cable it held cannot be trusted and is not shown. Ask the sender for the link again."
            ),
            LinkError::TooLarge(bytes) => write!(
                f,
                "This link claims a text of {} KB, more than the {} KB a link may carry; it was not opened.",
                kilobytes(*bytes),
                MAX_TEXT_BYTES / 1024
            ),
            LinkError::FormatNotLoaded(version) => write!(
                f,
                "This link is in the older link format {version}, whose model was not loaded. Reload the page."
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// `bytes` in megabytes with one decimal, by integer arithmetic: formatting floats would add
/// kilobytes of code to the page.
fn kilobytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024)
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7F) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at `*pos`; `None` when the bytes end first or it runs past 64 bits.
fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// Whether `anchor` can be carried: short, ASCII letters, digits and `-_`.
fn valid_anchor(anchor: &str) -> bool {
    !anchor.is_empty()
        && anchor.len() <= MAX_ANCHOR_BYTES
        && anchor
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

/// A cable ID as the page keeps it: canonical, so capital letters and digits, and short.
fn valid_id(id: &str) -> bool {
    (4..=40).contains(&id.len())
        && id
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
}

/// The fragment (without `#`) of a link to `text` shown as `view`, in the current format, with
/// the built-in primer.
#[cfg(feature = "builtin-primer")]
pub fn encode(text: &str, view: &View) -> Result<String, EncodeError> {
    Codec::builtin_current().encode(text, view)
}

/// A text compressed once, so that a link can follow the view (a new selection, a section
/// opened) without compressing the text again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompressedText {
    len: usize,
    code: Vec<u8>,
}

impl CompressedText {
    /// A text of `len` bytes compressed into `code` elsewhere (the page's link worker): the
    /// page makes the link from it without the model.
    pub fn from_code(len: usize, code: Vec<u8>) -> CompressedText {
        CompressedText { len, code }
    }

    /// The compressed text, for [`CompressedText::from_code`] on the other side.
    pub fn code(&self) -> &[u8] {
        &self.code
    }

    /// The length of the text, in bytes.
    pub fn text_len(&self) -> usize {
        self.len
    }

    /// The fragment (without `#`) of a link to this text shown as `view`.
    pub fn fragment(&self, view: &View) -> Result<String, EncodeError> {
        encode_with(FORMAT_VERSION, self.len, &self.code, view)
    }
}

fn encode_with(
    version: u32,
    len: usize,
    compressed: &[u8],
    view: &View,
) -> Result<String, EncodeError> {
    let mut rest = Vec::with_capacity(compressed.len() + 16);
    push_varint(&mut rest, len as u64);
    rest.push(view.flags());
    if let Some(anchor) = &view.selected {
        if !valid_anchor(anchor) {
            return Err(EncodeError::BadAnchor(anchor.clone()));
        }
        push_varint(&mut rest, anchor.len() as u64);
        rest.extend_from_slice(anchor.as_bytes());
    }
    if let Some(id) = &view.cable_id {
        if !valid_id(id) {
            return Err(EncodeError::BadId(id.clone()));
        }
        push_varint(&mut rest, id.len() as u64);
        rest.extend_from_slice(id.as_bytes());
    }
    rest.extend_from_slice(compressed);
    Ok(seal_version(version, &rest))
}

/// The fragment of a link whose payload, after its length, is `rest` (text length, view flags,
/// anchor, code): the length and checksum put in front, then base64url. Not part of the API:
/// public so that fuzzers and tests can reach the decoder behind the checksum.
#[doc(hidden)]
pub fn seal(rest: &[u8]) -> String {
    seal_version(FORMAT_VERSION, rest)
}

/// [`seal`] for a given format version (1 or 2: both payloads are laid out alike).
#[doc(hidden)]
pub fn seal_version(version: u32, rest: &[u8]) -> String {
    let mut payload = Vec::with_capacity(rest.len() + 8);
    let mut counted = Vec::with_capacity(4);
    push_varint(&mut counted, rest.len() as u64);
    let crc = crc32::crc32(&[&counted[..], rest].concat());
    payload.extend_from_slice(&crc.to_be_bytes());
    payload.extend_from_slice(&counted);
    payload.extend_from_slice(rest);
    format!("{version}.{}", base64url::encode(&payload))
}

/// What the link in `fragment` (with or without its `#`) carries, with the built-in primers.
#[cfg(feature = "builtin-primer")]
pub fn decode(fragment: &str) -> Result<Link, LinkError> {
    if format_version(fragment) == Some(1) {
        Codec::builtin().decode(fragment)
    } else {
        Codec::builtin_current().decode(fragment)
    }
}

/// The format version a link fragment claims (`1` for `#1.…`), if it is one: the page loads
/// format 1's model only for a format-1 link.
pub fn format_version(fragment: &str) -> Option<u32> {
    version_and_body(fragment).map(|(version, _)| version)
}

/// Whether `fragment` is meant as a cablescope link (`#1.…`, or a later version's), as opposed
/// to an anchor such as `#p-4`: the page tells the two apart before loading the model.
pub fn is_link(fragment: &str) -> bool {
    version_and_body(fragment).is_some()
}

/// A fragment's version number (one to nine digits, then a dot) and what follows it.
fn version_and_body(fragment: &str) -> Option<(u32, &str)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (version, body) = fragment.split_once('.')?;
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|byte| byte.is_ascii_digit())
    {
        return None;
    }
    Some((version.parse().ok()?, body))
}

/// A link's parts, checked, before its text is decompressed.
struct Parts {
    version: u32,
    len: usize,
    view: View,
    code: Vec<u8>,
}

/// The view a link carries, checked as [`check`] does, without its text: what the page reads
/// itself while its link worker decompresses the text.
pub fn view_of(fragment: &str) -> Result<View, LinkError> {
    read_fragment(fragment).map(|parts| parts.view)
}

impl LinkError {
    /// The error as a kind and a number, to cross from a worker to the page.
    pub fn to_wire(&self) -> (u8, u64) {
        match *self {
            LinkError::NotALink => (0, 0),
            LinkError::FutureVersion(version) => (1, u64::from(version)),
            LinkError::Incomplete => (2, 0),
            LinkError::Damaged => (3, 0),
            LinkError::TooLarge(n) => (4, n),
            LinkError::FormatNotLoaded(version) => (5, u64::from(version)),
        }
    }

    /// The error [`LinkError::to_wire`] gave as `(kind, n)`; an unknown kind is a damaged link.
    pub fn from_wire(kind: u8, n: u64) -> LinkError {
        let version = u32::try_from(n).unwrap_or(u32::MAX);
        match kind {
            0 => LinkError::NotALink,
            1 => LinkError::FutureVersion(version),
            2 => LinkError::Incomplete,
            4 => LinkError::TooLarge(n),
            5 => LinkError::FormatNotLoaded(version),
            _ => LinkError::Damaged,
        }
    }
}

/// Reads and checks everything of a link but its compressed text: version, checksum, lengths
/// and view. Cheap: the page can refuse a bad link before it has the model.
pub fn check(fragment: &str) -> Result<(), LinkError> {
    read_fragment(fragment).map(|_| ())
}

fn read_fragment(fragment: &str) -> Result<Parts, LinkError> {
    let (version, body) = version_and_body(fragment).ok_or(LinkError::NotALink)?;
    match version {
        // Both versions lay the payload out alike; only the text's model differs.
        1 | 2 => read_payload(version, body),
        0 => Err(LinkError::NotALink),
        later => Err(LinkError::FutureVersion(later)),
    }
}

fn read_payload(version: u32, body: &str) -> Result<Parts, LinkError> {
    if body.is_empty() {
        return Err(LinkError::Incomplete);
    }
    // A character outside the alphabet is damage. A last group no encoder writes (one character,
    // or bits after the last byte) is most often a cut: read the whole groups, and let the
    // declared length tell a cut from a change.
    let (payload, odd_end) = match base64url::decode(body) {
        Ok(payload) => (payload, false),
        Err(base64url::Base64Error::Length | base64url::Base64Error::TrailingBits) => {
            let whole = body.len() / 4 * 4;
            let payload = base64url::decode(body.get(..whole).unwrap_or(""))
                .map_err(|_| LinkError::Damaged)?;
            (payload, true)
        }
        Err(base64url::Base64Error::Character(_)) => return Err(LinkError::Damaged),
    };
    let crc_bytes: [u8; 4] = payload
        .get(..4)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(LinkError::Incomplete)?;
    let mut pos = 4;
    let declared = read_varint(&payload, &mut pos).ok_or(LinkError::Incomplete)?;
    // How many characters the whole link has, by its own account.
    let expected_chars = (pos as u64)
        .saturating_add(declared)
        .saturating_mul(4)
        .div_ceil(3);
    if (body.len() as u64) < expected_chars {
        return Err(LinkError::Incomplete);
    }
    let available = (payload.len() - pos) as u64;
    if odd_end
        || available != declared
        || crc32::crc32(payload.get(4..).unwrap_or(&[])) != u32::from_be_bytes(crc_bytes)
    {
        return Err(LinkError::Damaged);
    }
    let rest = payload.get(pos..).unwrap_or(&[]);
    let mut pos = 0;
    let len = read_varint(rest, &mut pos).ok_or(LinkError::Damaged)?;
    if len > MAX_TEXT_BYTES as u64 {
        return Err(LinkError::TooLarge(len));
    }
    let flags = *rest.get(pos).ok_or(LinkError::Damaged)?;
    pos += 1;
    if flags & !View::KNOWN != 0 {
        return Err(LinkError::Damaged);
    }
    let mut name = |flag: u8, valid: fn(&str) -> bool| -> Result<Option<String>, LinkError> {
        if flags & flag == 0 {
            return Ok(None);
        }
        let len = read_varint(rest, &mut pos).ok_or(LinkError::Damaged)? as usize;
        let name = rest
            .get(pos..pos.saturating_add(len))
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .filter(|name| valid(name))
            .ok_or(LinkError::Damaged)?;
        pos += len;
        Ok(Some(name.to_string()))
    };
    let selected = name(View::SELECTED, valid_anchor)?;
    let cable_id = name(View::CABLE_ID, valid_id)?;
    let code = rest.get(pos..).unwrap_or(&[]).to_vec();
    Ok(Parts {
        version,
        len: len as usize,
        code,
        view: View {
            selected,
            source_open: flags & View::SOURCE_OPEN != 0,
            as_written: flags & View::AS_WRITTEN != 0,
            transmission_open: flags & View::TRANSMISSION_OPEN != 0,
            notes_open: flags & View::NOTES_OPEN != 0,
            all_paragraphs: flags & View::ALL_PARAGRAPHS != 0,
            cable_id,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_round_trip(text: &str, view: &View) {
        let fragment = encode(text, view).unwrap_or_else(|error| unreachable!("{error}"));
        let link = decode(&fragment);
        assert_eq!(
            link,
            Ok(Link {
                text: text.to_string(),
                view: view.clone()
            })
        );
    }

    #[test]
    fn round_trips_texts_and_views() {
        check_round_trip("", &View::default());
        check_round_trip("x", &View::default());
        check_round_trip(
            "C O N F I D E N T I A L OTTAWA 000372\n\nSIPDIS\n\nE.O. 12958: DECL: 03/14/2018\n",
            &View {
                selected: Some("field-subject".into()),
                source_open: true,
                as_written: true,
                transmission_open: true,
                notes_open: true,
                all_paragraphs: true,
                cable_id: Some("08OTTAWA372".into()),
            },
        );
        check_round_trip(
            "é ü — ¶ \u{202E} \0 \r\n",
            &View {
                selected: Some("p-u3".into()),
                ..View::default()
            },
        );
    }

    #[test]
    fn the_builtin_primers_pass_their_own_checks() {
        let current = Codec::current(PRIMER_V2).unwrap_or_else(|error| unreachable!("{error}"));
        // Priming in steps gives the same model as priming at once.
        let mut priming = current
            .priming(PRIMER_V1)
            .unwrap_or_else(|error| unreachable!("{error}"));
        while !priming.step(1000) {}
        let stepped = priming.finish();
        assert!(stepped.reads_format_1());
        let view = View::default();
        assert_eq!(
            stepped.encode_v1("THE EMBASSY", &view),
            Codec::builtin().encode_v1("THE EMBASSY", &view)
        );
        assert_eq!(
            stepped.encode("THE EMBASSY", &view),
            encode("THE EMBASSY", &view)
        );
        assert_eq!(current.priming(&PRIMER_V1[1..]).err(), Some(PrimerError));
        assert_eq!(current.priming(PRIMER_V2).err(), Some(PrimerError));
        assert_eq!(Codec::current(&PRIMER_V2[1..]).err(), Some(PrimerError));
        assert_eq!(Codec::current(PRIMER_V1).err(), Some(PrimerError));
    }

    #[test]
    fn a_link_made_and_read_in_two_places_is_the_same() {
        let view = View {
            selected: Some("p-4".into()),
            notes_open: true,
            ..View::default()
        };
        let here = Codec::builtin_current()
            .compress("THE EMBASSY")
            .unwrap_or_else(|_| CompressedText::from_code(0, vec![]));
        let there = CompressedText::from_code(here.text_len(), here.code().to_vec());
        assert_eq!(here, there);
        let primed_first = Codec::current(PRIMER_V2).map(|codec| {
            codec.prime();
            codec.compress("THE EMBASSY")
        });
        assert_eq!(primed_first, Ok(Ok(here.clone())));
        let fragment = there.fragment(&view).unwrap_or_default();
        assert_eq!(view_of(&fragment), Ok(view));
        assert_eq!(view_of("2.AAAA"), check("2.AAAA").map(|()| View::default()));
        for error in [
            LinkError::NotALink,
            LinkError::FutureVersion(7),
            LinkError::Incomplete,
            LinkError::Damaged,
            LinkError::TooLarge(1 << 40),
            LinkError::FormatNotLoaded(1),
        ] {
            let (kind, n) = error.to_wire();
            assert_eq!(LinkError::from_wire(kind, n), error);
        }
        assert_eq!(LinkError::from_wire(99, 0), LinkError::Damaged);
    }

    #[test]
    fn format_1_links_need_format_1_model() {
        let view = View::default();
        let v1 = Codec::builtin()
            .encode_v1("THE EMBASSY", &view)
            .and_then(Result::ok)
            .unwrap_or_default();
        assert!(v1.starts_with("1."));
        assert_eq!(format_version(&v1), Some(1));
        let current = Codec::current(PRIMER_V2).unwrap_or_else(|error| unreachable!("{error}"));
        assert!(!current.reads_format_1());
        assert_eq!(current.decode(&v1), Err(LinkError::FormatNotLoaded(1)));
        assert!(current.encode_v1("x", &view).is_none());
        assert_eq!(decode(&v1).map(|link| link.text), Ok("THE EMBASSY".into()));
        // Format 2's links open without it, and both codecs make the same ones.
        let v2 = current.encode("THE EMBASSY", &view);
        assert_eq!(v2, Codec::builtin().encode("THE EMBASSY", &view));
        let v2 = v2.unwrap_or_default();
        assert!(v2.starts_with("2."));
        assert_eq!(
            current.decode(&v2).map(|link| link.text),
            Ok("THE EMBASSY".into())
        );
        assert_eq!(current.decode_cold(&v2), current.decode(&v2));
    }

    #[test]
    fn anchors_are_not_links() {
        assert!(is_link("#1.AAAA"));
        assert!(is_link("2.x"));
        assert!(!is_link("#p-4"));
        assert!(!is_link("#field-subject"));
        assert!(!is_link(""));
        assert!(!is_link("#.AAAA"));
        assert!(!is_link("#1a.AAAA"));
        assert!(!is_link("#1234567890.AAAA"));
        assert!(is_link("#999999999.AAAA"));
        assert_eq!(check("#1.AAAA"), Err(LinkError::Incomplete));
        assert_eq!(check("#0.AAAA"), Err(LinkError::NotALink));
        assert_eq!(check("#p-4"), Err(LinkError::NotALink));
        assert_eq!(
            check("#999999999.x"),
            Err(LinkError::FutureVersion(999_999_999))
        );
    }

    #[test]
    fn the_view_can_change_without_compressing_again() {
        let text = "1. (C) SUMMARY: THE MINISTER AGREED. END SUMMARY.";
        let compressed = Codec::builtin()
            .compress(text)
            .unwrap_or_else(|error| unreachable!("{error}"));
        let view = View {
            selected: Some("p-1".into()),
            ..View::default()
        };
        assert_eq!(compressed.fragment(&view), encode(text, &view));
    }

    #[test]
    fn carries_the_cable_id_the_reader_gave() {
        let view = View {
            selected: Some("ref-A".into()),
            cable_id: Some("08OTTAWA372".into()),
            ..View::default()
        };
        let fragment =
            encode("REF: A. STATE 24735", &view).unwrap_or_else(|error| unreachable!("{error}"));
        assert_eq!(decode(&fragment).map(|link| link.view), Ok(view));
        let bad = View {
            cable_id: Some("08 OTTAWA 372".into()),
            ..View::default()
        };
        assert_eq!(
            encode("x", &bad),
            Err(EncodeError::BadId("08 OTTAWA 372".into()))
        );
    }

    #[test]
    fn refuses_what_it_cannot_carry() {
        let view = View {
            selected: Some("p 1\"><script>".into()),
            ..View::default()
        };
        assert!(matches!(encode("x", &view), Err(EncodeError::BadAnchor(_))));
    }

    #[test]
    fn tells_what_is_wrong_with_a_link() {
        assert_eq!(decode(""), Err(LinkError::NotALink));
        assert_eq!(decode("#top"), Err(LinkError::NotALink));
        assert_eq!(decode("#p-3"), Err(LinkError::NotALink));
        assert_eq!(decode("#3.AAAA"), Err(LinkError::FutureVersion(3)));
        assert_eq!(decode("#1."), Err(LinkError::Incomplete));
        assert_eq!(decode("#2."), Err(LinkError::Incomplete));
        let fragment = encode("THE EMBASSY", &View::default()).unwrap_or_default();
        for extra in ["A", "AA", "AAA", "AAAA"] {
            assert_eq!(
                decode(&format!("{fragment}{extra}")),
                Err(LinkError::Damaged),
                "{extra}"
            );
        }
    }

    #[test]
    fn a_link_claiming_a_huge_text_is_not_decoded() {
        // A well-formed payload (right checksum) whose text length is 1 TB.
        let mut rest = Vec::new();
        push_varint(&mut rest, 1 << 40);
        rest.push(0);
        assert_eq!(decode(&seal(&rest)), Err(LinkError::TooLarge(1 << 40)));
        // Just over the limit is refused too, and the limit itself is not.
        let mut rest = Vec::new();
        push_varint(&mut rest, MAX_TEXT_BYTES as u64 + 1);
        rest.push(0);
        let over = MAX_TEXT_BYTES as u64 + 1;
        assert_eq!(decode(&seal(&rest)), Err(LinkError::TooLarge(over)));
        assert!(encode(&"A".repeat(MAX_TEXT_BYTES), &View::default()).is_ok());
        assert_eq!(
            encode(&"A".repeat(MAX_TEXT_BYTES + 1), &View::default()),
            Err(EncodeError::TextTooLarge(MAX_TEXT_BYTES + 1))
        );
    }
}
