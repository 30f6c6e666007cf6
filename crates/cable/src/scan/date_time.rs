//! The date-time group (`O 141423Z MAR 08`): the routing header's, and those repeated by old
//! telegrams in later sections and page furniture.

use crate::scan::bytes::find_any;
use crate::scan::words::tokens;
use crate::tree::{DateTime, Precedence};

/// `O 141423Z MAR 08` → precedence, date-time, and where the date-time starts and ends.
pub(crate) fn date_time_group(text: &str) -> Option<(Option<Precedence>, DateTime, usize, usize)> {
    // The group is six digits and a `Z`; most lines hold none, and are not split into words.
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let at = from + find_any(bytes.get(from..)?, b"Z")?;
        let after_digits = at
            .checked_sub(6)
            .and_then(|start| bytes.get(start..at))
            .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit));
        if after_digits {
            break;
        }
        from = at + 1;
    }
    let tokens = tokens(text);
    let dtg_idx = tokens.iter().position(|(_, _, token)| {
        token.len() == 7
            && token.ends_with('Z')
            && token
                .get(..6)
                .is_some_and(|d| d.chars().all(|ch| ch.is_ascii_digit()))
    })?;
    let prosigns = tokens.get(..dtg_idx)?;
    if prosigns.len() > 2
        || prosigns
            .iter()
            .any(|(_, _, p)| Precedence::from_prosign(p).is_none())
    {
        return None;
    }
    let precedence = prosigns
        .first()
        .and_then(|(_, _, p)| Precedence::from_prosign(p));
    let &(dtg_start, _, dtg) = tokens.get(dtg_idx)?;
    let &(_, _, month) = tokens.get(dtg_idx + 1)?;
    let &(_, year_end, year) = tokens.get(dtg_idx + 2)?;
    let number =
        |range: std::ops::Range<usize>| dtg.get(range).and_then(|digits| digits.parse::<u8>().ok());
    let month = month_number(month)?;
    let year: u16 = year.parse().ok()?;
    let year = match (year, year < 100) {
        (yy, true) if yy >= 66 => 1900 + yy,
        (yy, true) => 2000 + yy,
        (yyyy, false) => yyyy,
    };
    let date_time = DateTime {
        year,
        month,
        day: number(0..2)?,
        hour: number(2..4)?,
        minute: number(4..6)?,
    };
    let valid = (1..=31).contains(&date_time.day) && date_time.hour < 24 && date_time.minute < 60;
    valid.then_some((precedence, date_time, dtg_start, year_end))
}

pub(crate) fn month_number(month: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let upper = month.to_ascii_uppercase();
    MONTHS
        .iter()
        .position(|name| *name == upper)
        .and_then(|idx| u8::try_from(idx + 1).ok())
}
