//! Numbers, dates, places and sizes as the collection page writes them.

use collection::{date_of_day, Place};

/// `12,345`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, ch) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A date kept as minutes since 1970: `2008-03-14`.
pub fn day(minutes: Option<i64>) -> String {
    minutes.map_or_else(String::new, |minutes| {
        let (year, month, day) = date_of_day(minutes.div_euclid(1440));
        format!("{year:04}-{month:02}-{day:02}")
    })
}

/// A size in bytes: `1.4 GB`, `820 KB`.
pub fn size(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    let mut value = bytes / 1000.0;
    let mut unit = UNITS[0];
    for next in UNITS.iter().skip(1) {
        if value < 1000.0 {
            break;
        }
        value /= 1000.0;
        unit = next;
    }
    if value < 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.0} {unit}")
    }
}

/// Seconds as `1 min 05 s` or `42 s`.
pub fn duration(seconds: f64) -> String {
    let seconds = seconds.max(0.0).round() as u64;
    if seconds >= 60 {
        format!("{} min {:02} s", seconds / 60, seconds % 60)
    } else {
        format!("{seconds} s")
    }
}

/// Where a cable cites another: `REF C`, `¶ 4`, `elsewhere`.
pub fn place(place: Place) -> String {
    match place {
        Place::Reference(idx) => format!("REF {}", reference_letter(idx)),
        Place::Paragraph(idx) => format!("¶ {}", idx + 1),
        Place::Elsewhere => "in its header".to_string(),
    }
}

/// A, B, …, Z, AA, …: how REF blocks letter their items.
fn reference_letter(mut idx: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (idx % 26) as u8));
        if idx < 26 {
            break;
        }
        idx = idx / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The public page of a cable at WikiLeaks' PlusD.
pub fn plusd(id: &str) -> String {
    format!("https://search.wikileaks.org/plusd/cables/{id}_a.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(251_287), "251,287");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn sizes_and_durations_read_naturally() {
        assert_eq!(size(820_000.0), "820 KB");
        assert_eq!(size(1_400_000_000.0), "1.4 GB");
        assert_eq!(duration(65.2), "1 min 05 s");
        assert_eq!(duration(42.0), "42 s");
    }

    #[test]
    fn places_are_written_as_cables_write_them() {
        assert_eq!(place(Place::Reference(2)), "REF C");
        assert_eq!(place(Place::Reference(27)), "REF AB");
        assert_eq!(place(Place::Paragraph(3)), "¶ 4");
    }

    #[test]
    fn ids_link_to_their_public_page() {
        assert_eq!(
            plusd("08OTTAWA372"),
            "https://search.wikileaks.org/plusd/cables/08OTTAWA372_a.html"
        );
    }
}
