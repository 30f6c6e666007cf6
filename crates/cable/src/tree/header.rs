//! The header's nodes: the routing lines, the classification line, captions and keyword fields.

use std::fmt;

use crate::span::{Field, Span};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The ACP-127 transmission header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Routing {
    /// The whole header.
    pub span: Span,
    /// `VZCZCXRO5278`.
    pub transmission_id: Option<Field<String>>,
    /// The precedence and relay line, e.g. `OO RUEHGA RUEHHA`.
    pub relay: Option<Field<String>>,
    /// The routing indicators of the relay line, e.g. `["RUEHGA", "RUEHHA"]`.
    pub relay_indicators: Vec<String>,
    /// The `DE` line; `value` is the station's routing indicator, e.g. `RUEHOT`.
    pub station: Option<Field<String>>,
    /// The station serial number on the `DE` line without leading zeros: `#0372/01` → `372`.
    pub station_serial: Option<String>,
    /// The section number on the `DE` line: `#0372/01` → `1`.
    pub station_section: Option<u32>,
    /// The filing time on the `DE` line as day of the year and UTC time: `0741423` → `074 1423`.
    pub filing_time: Option<String>,
    /// Classification from the security line (`ZNY CCCCC`).
    pub security: Option<Field<Classification>>,
    /// Precedence of the message, from the date-time group line.
    pub precedence: Option<Field<Precedence>>,
    /// Precedence for the info addressees, when the line gives a second prosign (`P R`).
    pub info_precedence: Option<Precedence>,
    /// The date-time group.
    pub date_time: Option<Field<DateTime>>,
    /// `FM` line: the originator.
    pub from: Option<Field<String>>,
    /// Action addressees.
    pub to: Vec<Addressee>,
    /// Information addressees.
    pub info: Vec<Addressee>,
}

/// One addressee of a `TO` or `INFO` list, e.g. `RUEHC/SECSTATE WASHDC IMMEDIATE 7513`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Addressee {
    /// The addressee's line.
    pub span: Span,
    /// Routing indicator before the slash, e.g. `RUEHC`.
    pub routing_indicator: Option<String>,
    /// Plain-language address, e.g. `SECSTATE WASHDC`.
    pub name: String,
    /// Precedence given to this addressee.
    pub precedence: Option<Precedence>,
    /// Message serial number for this addressee, as written.
    pub serial: Option<String>,
    /// Posts excluded from this (collective) addressee by an `XMT` line.
    pub excluded: Vec<String>,
}

/// How urgently a cable was to be delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Precedence {
    /// `Z`.
    Flash,
    /// `NIACT IMMEDIATE`: night action, wake the officer.
    Niact,
    /// `O`.
    Immediate,
    /// `P`.
    Priority,
    /// `R`.
    Routine,
}

impl Precedence {
    /// The prosign letter (`Z`, `O`, `P`, `R`) or word.
    pub fn from_prosign(prosign: &str) -> Option<Precedence> {
        Some(match prosign {
            "Z" | "FLASH" => Precedence::Flash,
            "NIACT" => Precedence::Niact,
            // `0` is how a retyped or scanned copy often renders `O`.
            "O" | "0" | "IMMEDIATE" => Precedence::Immediate,
            "P" | "PRIORITY" => Precedence::Priority,
            "R" | "ROUTINE" => Precedence::Routine,
            _ => return None,
        })
    }

    /// The precedence in words, as a reader knows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Precedence::Flash => "FLASH",
            Precedence::Niact => "NIACT IMMEDIATE",
            Precedence::Immediate => "IMMEDIATE",
            Precedence::Priority => "PRIORITY",
            Precedence::Routine => "ROUTINE",
        }
    }
}

/// A date and time in UTC, as written in a date-time group (`141423Z MAR 08`).
///
/// In JSON it is an ISO 8601 string, `"2008-03-14T14:23Z"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime {
    /// Four-digit year.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
    /// 0–23.
    pub hour: u8,
    /// 0–59.
    pub minute: u8,
}

impl fmt::Display for DateTime {
    /// `2008-03-14 14:23Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

impl DateTime {
    /// `2008-03-14T14:23Z`.
    pub fn to_iso8601(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// Reads what [`DateTime::to_iso8601`] writes.
    pub fn from_iso8601(text: &str) -> Option<DateTime> {
        let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
        let mut date = date.splitn(3, '-');
        let (hour, minute) = time.split_once(':')?;
        let date_time = DateTime {
            year: date.next()?.parse().ok()?,
            month: date.next()?.parse().ok()?,
            day: date.next()?.parse().ok()?,
            hour: hour.parse().ok()?,
            minute: minute.parse().ok()?,
        };
        let valid = (1..=12).contains(&date_time.month)
            && (1..=31).contains(&date_time.day)
            && date_time.hour < 24
            && date_time.minute < 60;
        valid.then_some(date_time)
    }
}

#[cfg(feature = "serde")]
impl Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso8601())
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::from_iso8601(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("not a date-time like 2008-03-14T14:23Z: {text}"))
        })
    }
}

/// Security classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "SCREAMING_SNAKE_CASE"))]
pub enum Classification {
    /// `UNCLAS`, `UNCLASSIFIED`.
    Unclassified,
    /// `UNCLASSIFIED//FOR OFFICIAL USE ONLY` and `SENSITIVE BUT UNCLASSIFIED`.
    UnclassifiedForOfficialUseOnly,
    /// `EFTO`: unclassified, encrypted for transmission only.
    EncryptForTransmissionOnly,
    /// `LIMITED OFFICIAL USE`.
    LimitedOfficialUse,
    /// `CONFIDENTIAL`.
    Confidential,
    /// `SECRET`.
    Secret,
    /// `TOP SECRET`.
    TopSecret,
}

impl Classification {
    /// The marking in words, as printed on a banner.
    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Unclassified => "UNCLASSIFIED",
            Classification::UnclassifiedForOfficialUseOnly => "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
            Classification::EncryptForTransmissionOnly => "UNCLASSIFIED//EFTO",
            Classification::LimitedOfficialUse => "LIMITED OFFICIAL USE",
            Classification::Confidential => "CONFIDENTIAL",
            Classification::Secret => "SECRET",
            Classification::TopSecret => "TOP SECRET",
        }
    }
}

/// The classification line under the routing header.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ClassificationLine {
    /// The whole line.
    pub span: Span,
    /// The classification.
    pub classification: Field<Classification>,
    /// Dissemination controls written with the classification, e.g. `NOFORN` in `SECRET//NOFORN`.
    pub controls: Vec<String>,
    /// `SECTION 01 OF 02`: this section and the count.
    pub section: Option<Field<(u32, u32)>>,
    /// Originating station, e.g. `OTTAWA`, `USUN NEW YORK`.
    pub origin: Option<Field<String>>,
    /// Station serial number without leading zeros, e.g. `372`.
    pub serial: Option<Field<String>>,
}

/// The `E.O.` line: which executive order classified the cable and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Declassification {
    /// The whole line.
    pub span: Span,
    /// The executive order's number, `12958`.
    pub order: Option<Field<String>>,
    /// What follows `DECL:`, e.g. `03/14/2018`, `OADR`; `value` has its blanks collapsed.
    pub decl: Option<Field<String>>,
    /// The declassification date in ISO form, `2018-03-14`, when `decl` is a date: written
    /// where `decl` is.
    pub date: Option<Field<String>>,
}

/// Who classified a cable and why: `Classified By: PolMinCouns Scott Bellard, reasons 1.4 (b)
/// and (d).`
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Classifier {
    /// What follows `Classified By`, from the official's name or title to the reasons.
    pub span: Span,
    /// That text as written, line breaks included (the texts of both fields, a blank line
    /// between, when two officials each wrote one).
    pub raw: String,
    /// The names of the classifying officials as written, e.g. `Scott Bellard`.
    pub names: Vec<String>,
    /// Their title or office as written, e.g. `PolMinCouns`.
    pub title: Option<String>,
    /// The classification reasons, e.g. `["1.4(b)", "1.4(d)"]`.
    pub reasons: Vec<String>,
}

/// A caption line under the classification line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Caption {
    /// The line.
    pub span: Span,
    /// As written.
    pub raw: String,
    /// Upper-cased, blanks collapsed: `NOFORN`, `DEPT FOR EUR/RPM`.
    pub value: String,
    /// What it does.
    pub kind: CaptionKind,
}

/// What a caption does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum CaptionKind {
    /// A handling or dissemination control: `SIPDIS`, `NOFORN`, `EXDIS`, `NODIS`, `SENSITIVE`.
    Handling,
    /// Who should get it: `DEPT FOR WHA`, `PASS TO USAID`, `STATE FOR EUR/RUS`.
    Distribution,
    /// Anything else: `C O R R E C T E D COPY`, a publisher's line.
    Other,
}

impl CaptionKind {
    /// The kind in words, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CaptionKind::Handling => "handling",
            CaptionKind::Distribution => "distribution",
            CaptionKind::Other => "other",
        }
    }
}

/// A TAGS code, with what the glossary says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Tag {
    /// Where the code (or the words of a multi-word tag) was written.
    pub span: Span,
    /// As written, after removing page debris.
    pub raw: String,
    /// The code, upper-cased: `PREL`, `STEINBERG, JAMES B.`, `HUMAN RIGHTS`.
    pub value: String,
    /// The glossary's kind: `subject`, `program`, `geo`, `organization`, `person`, `other`.
    pub kind: Option<String>,
    /// The glossary's meaning, e.g. `Political Affairs--External Political Relations`.
    pub meaning: Option<String>,
}
