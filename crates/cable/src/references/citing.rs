//! What the citing cable says about itself: its year, station, serial and ID, to date what it
//! cites and to recognise citing itself.

use crate::given::GivenId;
use crate::stations;
use crate::tree::Cable;

/// What the citing cable says about itself, to date and recognise what it cites.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Citing<'a> {
    /// Four-digit year of the citing cable.
    pub(crate) year: Option<u16>,
    /// Its station (`OTTAWA`) and serial (`372`), from the classification line.
    pub(crate) station: Option<&'a str>,
    pub(crate) serial: Option<u64>,
    /// Its canonical ID.
    pub(crate) id: Option<&'a str>,
    /// Its TAGS codes: `REF: KPRP 28` cites a program by its code, not a cable.
    pub(crate) tags: &'a [String],
    /// The day of the year it was sent (1–366), from its date-time group.
    pub(crate) day_of_year: Option<u16>,
}

/// What the citing cable says about itself, owned: built from the parse so far.
pub(crate) struct OwnCable {
    year: Option<u16>,
    station: Option<String>,
    serial: Option<u64>,
    id: Option<String>,
    tags: Vec<String>,
    day_of_year: Option<u16>,
}

impl OwnCable {
    /// What `cable` says of itself so far, in the year `year` (its own or the caller's); where
    /// its classification line names no station and serial, the ID `given` (the caller's or
    /// the record's) names them.
    pub(crate) fn of(year: Option<u16>, cable: &Cable, given: Option<&GivenId>) -> OwnCable {
        let line = cable.classification.as_ref();
        let station = line
            .and_then(|line| line.origin.as_ref())
            .map(|origin| stations::normalise(&origin.value).value().to_string());
        let serial = line
            .and_then(|line| line.serial.as_ref())
            .and_then(|serial| serial.value.parse().ok());
        let (station, serial) = match (station, serial, given) {
            (None, None, Some(given)) => (Some(given.station.clone()), Some(given.serial)),
            (station, serial, _) => (station, serial),
        };
        OwnCable {
            year,
            station,
            serial,
            id: cable
                .canonical_id
                .as_ref()
                .map(|id| id.value.clone())
                .or_else(|| given.map(|given| given.canonical.clone())),
            tags: cable.tags.iter().map(|tag| tag.value.clone()).collect(),
            day_of_year: cable
                .date_time()
                .filter(|date_time| Some(date_time.year) == year)
                .map(|date_time| day_of_year(date_time.month, date_time.day)),
        }
    }

    pub(crate) fn citing(&self) -> Citing<'_> {
        Citing {
            year: self.year,
            station: self.station.as_deref(),
            serial: self.serial,
            id: self.id.as_deref(),
            tags: &self.tags,
            day_of_year: self.day_of_year,
        }
    }
}

/// The day of the year of `month` and `day` (leap days aside: a day either way changes nothing
/// the count is used for).
fn day_of_year(month: u8, day: u8) -> u16 {
    const DAYS_BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let before = DAYS_BEFORE
        .get(usize::from(month.saturating_sub(1)))
        .copied()
        .unwrap_or(0);
    before + u16::from(day)
}
