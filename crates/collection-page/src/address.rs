//! What the page shows, written in its address's fragment so that a link to a search, a filter
//! or a cable of the collection shows the same to a reader with the same collection:
//! `collection.html#q=oslo%20process&by=date&f=year:2008|2009;origin:OTTAWA&cable=08OTTAWA372`.
//! The fragment never reaches a server.

use collection::{Facet, Filter};

/// The view of a collection a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    /// Words, phrases and IDs searched for.
    pub query: String,
    /// Newest first rather than best match first.
    pub by_date: bool,
    /// Facet values selected.
    pub filter: Filter,
    /// The cable shown, by its canonical ID.
    pub cable: Option<String>,
}

impl Address {
    /// The fragment, without its `#`; empty for the collection's plain view.
    pub fn to_fragment(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        if self.by_date {
            parts.push("by=date".to_string());
        }
        let facets: Vec<String> = self
            .filter
            .selected
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(facet, values)| {
                let values: Vec<String> = values.iter().map(|value| encode(value)).collect();
                format!("{}:{}", facet.name(), values.join("|"))
            })
            .collect();
        if !facets.is_empty() {
            parts.push(format!("f={}", facets.join(";")));
        }
        if let Some(cable) = &self.cable {
            parts.push(format!("cable={}", encode(cable)));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without its `#`); what it does not understand is left out.
    pub fn from_fragment(fragment: &str) -> Address {
        let mut address = Address::default();
        for part in fragment.trim_start_matches('#').split('&') {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            match key {
                "q" => address.query = decode(value),
                "by" => address.by_date = value == "date",
                "f" => address.filter = read_filter(value),
                "cable" => {
                    address.cable = Some(decode(value)).filter(|cable| !cable.is_empty());
                }
                _ => {}
            }
        }
        address
    }
}

impl Address {
    /// The year IDs written without one (`OTTAWA 372`) are read in: a year of the cables
    /// (1966–2010) written in the search, else the one year selected, if only one is.
    pub fn year(&self) -> Option<u16> {
        let written = self
            .query
            .split(|ch: char| !ch.is_ascii_digit())
            .filter(|word| word.len() == 4)
            .filter_map(|word| word.parse::<u16>().ok())
            .find(|year| (1966..=2010).contains(year));
        written.or_else(|| {
            let (_, years) = self
                .filter
                .selected
                .iter()
                .find(|(facet, _)| *facet == Facet::Year)?;
            match years.as_slice() {
                [year] => year.parse().ok(),
                _ => None,
            }
        })
    }
}

/// `year:2008|2009;origin:OTTAWA` as a filter; facets not known are left out.
fn read_filter(written: &str) -> Filter {
    let mut filter = Filter::none();
    for facet in written.split(';') {
        let Some((name, values)) = facet.split_once(':') else {
            continue;
        };
        let Some(facet) = Facet::from_name(name) else {
            continue;
        };
        for value in values
            .split('|')
            .map(decode)
            .filter(|value| !value.is_empty())
        {
            filter.select(facet, &value);
        }
    }
    filter
}

/// Percent-encodes everything but letters, digits and `-._~`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes [`encode`] (and reads `+` as a space, as forms write it); a broken escape is kept as
/// written, and bytes that are not UTF-8 are replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut idx = 0;
    while let Some(&byte) = bytes.get(idx) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(idx + 1..idx + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (escaped, byte) {
            (Some(value), _) => {
                out.push(value);
                idx += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                idx += 1;
            }
            (None, _) => {
                out.push(byte);
                idx += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_reads_back_as_written() {
        let mut filter = Filter::none();
        filter.select(Facet::Year, "2008");
        filter.select(Facet::Year, "2009");
        filter.select(Facet::Origin, "OTTAWA");
        filter.select(Facet::Tag, "PREL");
        let address = Address {
            query: "\"oslo process\" canada & 08 OTTAWA 372; 100%".to_string(),
            by_date: true,
            filter,
            cable: Some("08OTTAWA372".to_string()),
        };
        let fragment = address.to_fragment();
        assert!(!fragment.contains(' '), "{fragment}");
        assert_eq!(Address::from_fragment(&format!("#{fragment}")), address);
    }

    #[test]
    fn ids_without_a_year_take_the_one_written_or_selected() {
        let mut address = Address::from_fragment("q=OTTAWA%20372%202008");
        assert_eq!(address.year(), Some(2008));
        address.query = "OTTAWA 372 in 1492".to_string();
        assert_eq!(address.year(), None);
        address.filter.select(Facet::Year, "1979");
        assert_eq!(address.year(), Some(1979));
        address.filter.select(Facet::Year, "1980");
        assert_eq!(address.year(), None);
    }

    #[test]
    fn the_plain_view_has_an_empty_fragment() {
        assert_eq!(Address::default().to_fragment(), "");
        assert_eq!(Address::from_fragment(""), Address::default());
    }

    #[test]
    fn what_is_not_understood_is_left_out() {
        let address = Address::from_fragment("q=a%2&f=colour:red;year:1999&x=1&cable=&by=rank");
        assert_eq!(address.query, "a%2");
        assert_eq!(
            address.filter.selected,
            vec![(Facet::Year, vec!["1999".to_string()])]
        );
        assert_eq!(address.cable, None);
        assert!(!address.by_date);
    }

    #[test]
    fn non_ascii_and_broken_bytes_decode_without_loss_of_the_rest() {
        assert_eq!(decode(&encode("Défense – ÜBER")), "Défense – ÜBER");
        assert_eq!(decode("%FFok"), "\u{FFFD}ok");
        assert_eq!(decode("a+b"), "a b");
    }
}
