//! One record of a `cables.csv` dump: eight double-quoted columns, quotes escaped as `\"`.

/// The content ranges of a `cables.csv` record's header and text columns.
pub(crate) struct CsvRecord {
    pub(crate) header: (usize, usize),
    pub(crate) body: (usize, usize),
}

/// Recognises one `cables.csv` record: eight double-quoted columns (row number, date, ID,
/// origin, classification, references, header, text) with quotes inside escaped as `\"`.
pub(crate) fn csv_record(input: &str) -> Option<CsvRecord> {
    let bytes = input.as_bytes();
    let mut fields: Vec<(usize, usize)> = Vec::with_capacity(8);
    let mut pos = bytes.iter().position(|byte| {
        !byte.is_ascii_whitespace() && *byte != 0xEF && *byte != 0xBB && *byte != 0xBF
    })?;
    while fields.len() < 8 {
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let content_start = pos + 1;
        let mut cursor = content_start;
        loop {
            match bytes.get(cursor)? {
                b'\\' => cursor += 2,
                b'"' => break,
                _ => cursor += 1,
            }
        }
        fields.push((content_start, cursor));
        pos = cursor + 1;
        match bytes.get(pos) {
            Some(b',') => pos += 1,
            _ if fields.len() == 8 => {}
            _ => return None,
        }
    }
    let row_number = input.get(fields.first()?.0..fields.first()?.1)?;
    if row_number.is_empty() || !row_number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some(CsvRecord {
        header: *fields.get(6)?,
        body: *fields.get(7)?,
    })
}
