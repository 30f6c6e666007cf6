//! What is known of a cable from outside its text: the ID and year its caller gives, or that a
//! `cables.csv` record's own columns state. They date what the text cites when the text states no
//! year, and name the citing cable; what the text itself says always wins.

use crate::stations;

/// The year and ID of a cable, from outside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Given {
    /// Four-digit year.
    pub(crate) year: Option<u16>,
    pub(crate) id: Option<GivenId>,
}

/// A cable ID read into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GivenId {
    /// Canonical form: `08OTTAWA372`.
    pub(crate) canonical: String,
    /// Four-digit year: `66`–`99` are 1966–1999, the rest 2000–2065.
    pub(crate) year: u16,
    /// The station as canonical IDs write it: `OTTAWA`.
    pub(crate) station: String,
    pub(crate) serial: u64,
}

impl GivenId {
    /// Reads an ID in any form [`stations::canonicalize_id`] accepts (`08OTTAWA372`,
    /// `08 OTTAWA 000372`); `None` for anything else.
    pub(crate) fn read(written: &str) -> Option<GivenId> {
        let canonical = stations::canonicalize_id(written)?;
        let two: u16 = canonical.get(..2)?.parse().ok()?;
        let digits_at = canonical.len()
            - canonical
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count();
        let station = canonical.get(2..digits_at)?.to_string();
        let serial = canonical.get(digits_at..)?.parse().ok()?;
        Some(GivenId {
            year: if two >= 66 { 1900 + two } else { 2000 + two },
            station,
            serial,
            canonical,
        })
    }
}

impl Given {
    /// What the caller says, then what the record says where the caller is silent. The year
    /// comes from the caller's year, the caller's ID, the record's date, the record's ID, in
    /// that order.
    pub(crate) fn or(self, record: Given) -> Given {
        let year = self
            .year
            .or(self.id.as_ref().map(|id| id.year))
            .or(record.year)
            .or(record.id.as_ref().map(|id| id.year));
        Given {
            year,
            id: self.id.or(record.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_id_into_its_parts() {
        let parts = GivenId::read("08 OTTAWA 000372")
            .map(|id| (id.canonical, id.year, id.station, id.serial));
        assert_eq!(
            parts,
            Some(("08OTTAWA372".to_string(), 2008, "OTTAWA".to_string(), 372))
        );
        assert_eq!(GivenId::read("66STATE1").map(|id| id.year), Some(1966));
        assert_eq!(
            GivenId::read("05RIO123").map(|id| id.station),
            Some("RIODEJANEIRO".to_string())
        );
        assert_eq!(GivenId::read("OTTAWA 372"), None);
        assert_eq!(GivenId::read(""), None);
    }

    #[test]
    fn the_caller_wins_over_the_record() {
        let caller = Given {
            year: None,
            id: GivenId::read("09STATE5"),
        };
        let record = Given {
            year: Some(2008),
            id: GivenId::read("08OTTAWA372"),
        };
        let given = caller.or(record.clone());
        assert_eq!(given.year, Some(2009));
        assert_eq!(
            given.id.map(|id| id.canonical),
            Some("09STATE5".to_string())
        );
        let given = Given::default().or(record);
        assert_eq!(given.year, Some(2008));
        let given = Given {
            year: Some(2007),
            id: None,
        }
        .or(Given {
            year: None,
            id: GivenId::read("08OTTAWA372"),
        });
        assert_eq!(given.year, Some(2007));
    }
}
