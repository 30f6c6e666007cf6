//! The reference block's nodes: items and the cables they cite.

use crate::span::{Field, Span};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// One item of the reference block, e.g. `A. STATE 24735` or `B) Kabul 692/317 (NOTAL)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Reference {
    /// The item, letter included.
    pub span: Span,
    /// `A`, `B`, … (upper-cased) or `1`, `2`, … when the item has one; `raw` is the bullet as
    /// written (`b)`, `(A)`, `[C]`).
    pub letter: Option<Field<String>>,
    /// The item's text without its letter, e.g. `07 STATE 164503`.
    pub text: String,
    /// What kind of document is cited.
    pub kind: ReferenceKind,
    /// Canonical ID of the first cable the item cites, e.g. `07STATE164503`.
    pub canonical_id: Option<String>,
    /// Every cable the item cites, in order (`Kabul 692/317` cites two).
    pub cables: Vec<CitedCable>,
    /// What follows the citation: `(NOTAL)`, `AND PREVIOUS`, a title in quotes or parentheses.
    pub annotation: Option<Field<String>>,
    /// The item cites the cable itself.
    pub self_reference: bool,
}

/// A cable cited in a reference item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CitedCable {
    /// The citation: year (when written), station and serial.
    pub span: Span,
    /// The station as written, e.g. `USUN NEW YORK`, `Colomobo`.
    pub station_raw: String,
    /// The station as canonical IDs write it, e.g. `USUNNEWYORK`, `COLOMBO`.
    pub station: String,
    /// The serial without leading zeros.
    pub serial: String,
    /// The four-digit year, when known.
    pub year: Option<u16>,
    /// Where the year came from.
    pub year_source: YearSource,
    /// `07STATE164503`, when the year is known.
    pub canonical_id: Option<String>,
}

/// Where the year of a cited cable came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum YearSource {
    /// Written with the citation: `07 STATE 1234`, `'08`, `2007`, `QUITO 4525-91`, `00789/08`.
    Written,
    /// Shared with the citation before it in a list: `06 Kabul 5353/5194`.
    List,
    /// The citing cable's own year (from its date-time group or the caller).
    Cable,
    /// The year before the citing cable's: the same station with a serial at or above the
    /// citing cable's own, which it cannot have sent yet that year.
    PreviousYear,
    /// Not known: no year written and the citing cable's year unknown.
    Unknown,
}

impl YearSource {
    /// Where the year came from, in words, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            YearSource::Written => "written",
            YearSource::List => "list",
            YearSource::Cable => "cable",
            YearSource::PreviousYear => "previous_year",
            YearSource::Unknown => "unknown",
        }
    }
}

/// What a reference cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum ReferenceKind {
    /// Another cable.
    Cable,
    /// An e-mail.
    Email,
    /// A fax.
    Fax,
    /// A telephone call.
    Telcon,
    /// A memorandum or letter.
    Memo,
    /// A meeting or conversation.
    Meeting,
    /// A report (including intelligence reports, `TD-314/…`, `IIR …`).
    Report,
    /// A web page.
    Web,
    /// A manual, law or other publication (`9 FAM Appendix K`).
    Publication,
    /// Anything else.
    Other,
}

impl ReferenceKind {
    /// The kind in words.
    pub fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Cable => "cable",
            ReferenceKind::Email => "e-mail",
            ReferenceKind::Fax => "fax",
            ReferenceKind::Telcon => "telcon",
            ReferenceKind::Memo => "memo",
            ReferenceKind::Meeting => "meeting",
            ReferenceKind::Report => "report",
            ReferenceKind::Web => "web",
            ReferenceKind::Publication => "publication",
            ReferenceKind::Other => "other",
        }
    }
}
