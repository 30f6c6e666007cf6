//! The parser's fuzz check, shared by the fuzz target `parse` and the regression test that plain
//! `cargo test -p cable` runs on every saved crash (`fuzz/regressions/parse/`).

/// Any bytes, read as the page reads a file (UTF-8, else Latin-1), parse without panicking and
/// every span of the result is valid.
pub fn parse_bytes(bytes: &[u8]) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&byte| char::from(byte)).collect(),
    };
    let parse = cable::parse(&text);
    if let Err(error) = cable::validate(&text, &parse) {
        panic!("invalid span: {error}");
    }
}
