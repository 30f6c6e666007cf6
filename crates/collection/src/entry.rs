//! What the collection keeps of one cable ([`Entry`], its columns) and the text it keeps beside
//! it ([`Doc`]), read from a parse.

use crate::bytes::{FormatError, Reader, Writer};

/// The columns of one cable: what facets, lists and citations are made from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// The record's line in its file (from 1), or the input's number for loose files.
    pub line: u32,
    /// The ID the publisher printed (a `cables.csv` record's ID column), as printed; empty for a
    /// loose text.
    pub published_id: String,
    /// The canonical ID (`08OTTAWA372`): the parse's, else the published ID's canonical form.
    pub id: Option<String>,
    /// Minutes since 1970-01-01 00:00 UTC: the text's date-time group, else the record's date
    /// column.
    pub date: Option<i64>,
    /// The originating station as canonical IDs write it (`OTTAWA`, `USUNNEWYORK`): the
    /// canonical ID's station part.
    pub origin: Option<String>,
    /// The classification in words (`CONFIDENTIAL`), as `cable::Classification::as_str`.
    pub classification: Option<String>,
    /// Handling controls: the classification line's (`NOFORN` in `SECRET//NOFORN`) and the
    /// handling captions (`SIPDIS`, `EXDIS`), upper-cased, each once, in order.
    pub caveats: Vec<String>,
    /// TAGS codes, upper-cased, each once, in order.
    pub tags: Vec<String>,
    /// The precedence in words (`IMMEDIATE`), when the routing header gives it.
    pub precedence: Option<String>,
    /// The subject line; empty when there is none.
    pub subject: String,
    /// Every cable the text cites, in order: the `REF` block's, then those in the body's text.
    pub citations: Vec<Citation>,
}

/// One cable cited by another.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    /// The cited cable's canonical ID.
    pub cited: String,
    /// Where the citing cable cites it.
    pub place: Place,
}

/// Where a cable cites another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// Item `idx` (from 0) of the `REF` blocks, in the order `Cable::references` keeps them.
    Reference(u32),
    /// The text of paragraph `idx` (from 0, as `Cable::paragraphs`).
    Paragraph(u32),
    /// The text outside any paragraph (a subject line, a header).
    Elsewhere,
}

/// One cable as handed to a segment: its columns and the text kept for it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    /// The columns.
    pub entry: Entry,
    /// The text as given: a whole `cables.csv` record, or a loose file's text. It is what the
    /// viewer parses again, exactly as if pasted.
    pub text: String,
    /// The byte ranges of `text` that are searched: a record's header and text columns, or the
    /// whole of a loose text. In order, not overlapping.
    pub searched: Vec<(usize, usize)>,
}

impl Doc {
    /// Parses `text` (a `cables.csv` record, with its own ID and date columns, or any text the
    /// page reads) as `cable parse` does, and keeps what the collection needs of it.
    pub fn read(line: u32, text: String) -> Doc {
        let parse = cable::parse(&text);
        Doc::from_parse(line, text, &parse)
    }

    /// Keeps what the collection needs of a parse of `text`.
    pub fn from_parse(line: u32, text: String, parse: &cable::Parse) -> Doc {
        let cable = &parse.cable;
        let row = (parse.input_form == cable::InputForm::CsvRecord)
            .then(|| cable::csv_row(&text))
            .flatten();
        let published_id = row.map(|row| row.column(2)).unwrap_or_default();
        let id = cable
            .canonical_id
            .as_ref()
            .map(|id| id.value.clone())
            .or_else(|| cable::canonicalize_id(&published_id));
        let date = cable
            .date_time()
            .map(|date_time| {
                minutes_since_epoch(
                    date_time.year,
                    date_time.month,
                    date_time.day,
                    date_time.hour,
                    date_time.minute,
                )
            })
            .or_else(|| row.and_then(|row| csv_date(row.columns[1])));
        let origin = id.as_deref().and_then(station_of);
        let mut caveats: Vec<String> = Vec::new();
        let controls = cable
            .classification
            .iter()
            .flat_map(|line| line.controls.iter().cloned());
        let handling = cable
            .captions
            .iter()
            .filter(|caption| caption.kind == cable::CaptionKind::Handling)
            .map(|caption| caption.value.clone());
        for caveat in controls.chain(handling) {
            let caveat = caveat.to_uppercase();
            if !caveats.contains(&caveat) {
                caveats.push(caveat);
            }
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in &cable.tags {
            let tag = tag.value.to_uppercase();
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let entry = Entry {
            line,
            published_id,
            date,
            origin,
            classification: cable
                .classification()
                .map(|class| class.as_str().to_string()),
            caveats,
            tags,
            precedence: cable
                .routing
                .as_ref()
                .and_then(|routing| routing.precedence.as_ref())
                .map(|precedence| precedence.value.as_str().to_string()),
            subject: cable
                .subject
                .as_ref()
                .map(|subject| subject.value.clone())
                .unwrap_or_default(),
            citations: citations(cable),
            id,
        };
        let searched = match row {
            Some(row) => [6, 7]
                .iter()
                .filter_map(|&idx| {
                    let column = row.columns.get(idx)?;
                    let start = column.as_ptr() as usize - text.as_ptr() as usize;
                    Some((start, start + column.len()))
                })
                .collect(),
            None => vec![(0, text.len())],
        };
        Doc {
            entry,
            text,
            searched,
        }
    }
}

/// Every cable `cable` cites that has a canonical ID: the `REF` items' (by item), then those in
/// the text (by the paragraph whose span holds the citation).
fn citations(cable: &cable::Cable) -> Vec<Citation> {
    let mut citations = Vec::new();
    for (idx, reference) in cable.references.iter().enumerate() {
        for cited in &reference.cables {
            if let Some(id) = &cited.canonical_id {
                citations.push(Citation {
                    cited: id.clone(),
                    place: Place::Reference(idx as u32),
                });
            }
        }
    }
    for cited in &cable.inline_citations {
        let Some(id) = &cited.canonical_id else {
            continue;
        };
        let paragraph = cable.paragraphs.iter().position(|paragraph| {
            paragraph.span.start <= cited.span.start && cited.span.end <= paragraph.span.end
        });
        citations.push(Citation {
            cited: id.clone(),
            place: paragraph.map_or(Place::Elsewhere, |idx| Place::Paragraph(idx as u32)),
        });
    }
    citations
}

/// The station of a canonical ID: what lies between the two-digit year and the serial.
pub fn station_of(id: &str) -> Option<String> {
    let rest = id.get(2..)?;
    let station = rest.trim_end_matches(|ch: char| ch.is_ascii_digit());
    (!station.is_empty()).then(|| station.to_string())
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
pub fn days_since_epoch(year: i64, month: u8, day: u8) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day counted from 1970-01-01: year, month, day (`civil_from_days`).
pub fn date_of_day(days: i64) -> (i64, u8, u8) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Minutes from 1970-01-01 00:00 UTC.
pub fn minutes_since_epoch(year: u16, month: u8, day: u8, hour: u8, minute: u8) -> i64 {
    days_since_epoch(i64::from(year), month, day) * 1440 + i64::from(hour) * 60 + i64::from(minute)
}

/// A `cables.csv` date column, `9/23/2000 15:10`, in minutes since the epoch.
fn csv_date(column: &str) -> Option<i64> {
    let mut parts = column.split_whitespace();
    let mut date = parts.next()?.split('/');
    let month: u8 = date.next()?.parse().ok()?;
    let day: u8 = date.next()?.parse().ok()?;
    let year: u16 = date.next()?.parse().ok()?;
    let (hour, minute) = match parts.next().and_then(|time| time.split_once(':')) {
        Some((hour, minute)) => (hour.parse().ok()?, minute.parse().ok()?),
        None => (0, 0),
    };
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (1900..=2099).contains(&year)
        && hour < 24
        && minute < 60;
    valid.then(|| minutes_since_epoch(year, month, day, hour, minute))
}

impl Entry {
    pub(crate) fn write(&self, writer: &mut Writer) {
        writer.varint(u64::from(self.line));
        writer.str(&self.published_id);
        write_option(writer, self.id.as_deref());
        match self.date {
            Some(date) => {
                writer.varint(1);
                writer.signed(date);
            }
            None => writer.varint(0),
        }
        write_option(writer, self.origin.as_deref());
        write_option(writer, self.classification.as_deref());
        write_list(writer, &self.caveats);
        write_list(writer, &self.tags);
        write_option(writer, self.precedence.as_deref());
        writer.str(&self.subject);
        writer.varint(self.citations.len() as u64);
        for citation in &self.citations {
            writer.str(&citation.cited);
            let (kind, idx) = match citation.place {
                Place::Reference(idx) => (0, idx),
                Place::Paragraph(idx) => (1, idx),
                Place::Elsewhere => (2, 0),
            };
            writer.varint(kind);
            writer.varint(u64::from(idx));
        }
    }

    pub(crate) fn read(reader: &mut Reader<'_>) -> Result<Entry, FormatError> {
        let line = reader.u32()?;
        let published_id = reader.str()?.to_string();
        let id = read_option(reader)?;
        let date = match reader.varint()? {
            0 => None,
            _ => Some(reader.signed()?),
        };
        let origin = read_option(reader)?;
        let classification = read_option(reader)?;
        let caveats = read_list(reader)?;
        let tags = read_list(reader)?;
        let precedence = read_option(reader)?;
        let subject = reader.str()?.to_string();
        let n_citations = reader.count()?;
        let mut citations = Vec::with_capacity(n_citations);
        for _ in 0..n_citations {
            let cited = reader.str()?.to_string();
            let kind = reader.varint()?;
            let idx = reader.u32()?;
            let place = match kind {
                0 => Place::Reference(idx),
                1 => Place::Paragraph(idx),
                2 => Place::Elsewhere,
                _ => return Err(FormatError::Malformed("a citation's place is unknown")),
            };
            citations.push(Citation { cited, place });
        }
        Ok(Entry {
            line,
            published_id,
            id,
            date,
            origin,
            classification,
            caveats,
            tags,
            precedence,
            subject,
            citations,
        })
    }
}

fn write_option(writer: &mut Writer, value: Option<&str>) {
    match value {
        Some(value) => {
            writer.varint(1);
            writer.str(value);
        }
        None => writer.varint(0),
    }
}

fn read_option(reader: &mut Reader<'_>) -> Result<Option<String>, FormatError> {
    Ok(match reader.varint()? {
        0 => None,
        _ => Some(reader.str()?.to_string()),
    })
}

fn write_list(writer: &mut Writer, values: &[String]) {
    writer.varint(values.len() as u64);
    for value in values {
        writer.str(value);
    }
}

fn read_list(reader: &mut Reader<'_>) -> Result<Vec<String>, FormatError> {
    let count = reader.count()?;
    let mut values = Vec::with_capacity(count);
    for _ in 0..count {
        values.push(reader.str()?.to_string());
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_agree() {
        assert_eq!(days_since_epoch(1970, 1, 1), 0);
        assert_eq!(days_since_epoch(2008, 3, 14), 13_952);
        assert_eq!(days_since_epoch(1966, 12, 31), -1097);
        for days in (-2000..20_000).step_by(37) {
            let (year, month, day) = date_of_day(days);
            assert_eq!(days_since_epoch(year, month, day), days);
        }
    }

    #[test]
    fn a_record_is_read_with_its_own_columns() {
        let text = "\"1289\",\"9/23/2000 15:10\",\"00ATHENS1501\",\"Embassy Athens\",\"UNCLASSIFIED\",\"\",\"\",\"UNCLAS ATHENS 001501\n\nSIPDIS\n\nTAGS: EAID, PREF\nSUBJECT: GREEK RESPONSE\n\nREF: STATE 70789\n\n1. (U) Text, see also (SEOUL 1144).\n\"";
        let doc = Doc::read(7, text.to_string());
        let entry = &doc.entry;
        assert_eq!(entry.line, 7);
        assert_eq!(entry.published_id, "00ATHENS1501");
        assert_eq!(entry.id.as_deref(), Some("00ATHENS1501"));
        assert_eq!(entry.origin.as_deref(), Some("ATHENS"));
        assert_eq!(entry.date, Some(minutes_since_epoch(2000, 9, 23, 15, 10)));
        assert_eq!(entry.tags, ["EAID", "PREF"]);
        assert_eq!(entry.caveats, ["SIPDIS"]);
        assert_eq!(entry.subject, "GREEK RESPONSE");
        assert_eq!(
            entry.citations,
            [
                Citation {
                    cited: "00STATE70789".to_string(),
                    place: Place::Reference(0)
                },
                Citation {
                    cited: "00SEOUL1144".to_string(),
                    place: Place::Paragraph(0)
                }
            ]
        );
        // The header and text columns are searched, not the ID or date columns.
        let searched: Vec<&str> = doc
            .searched
            .iter()
            .map(|&(start, end)| &doc.text[start..end])
            .collect();
        assert_eq!(searched[0], "");
        assert!(searched[1].starts_with("UNCLAS ATHENS"));
        let mut writer = Writer::default();
        entry.write(&mut writer);
        assert_eq!(
            Entry::read(&mut Reader::new(&writer.bytes)).as_ref(),
            Ok(entry)
        );
    }
}
