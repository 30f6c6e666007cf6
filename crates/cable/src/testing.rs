//! The one way the passes are unit-tested: parse a text, and compare the outline lines of the
//! nodes a pass makes (and the parser's notes) with an expectation written in the test, which
//! `UPDATE_EXPECT=1` rewrites. Tests so see what a pass gives, not how it is written inside.

use expect_test::Expect;

/// Parses `input` and checks the outline's lines whose path starts with one of `members` (a
/// member of the cable, such as `routing` or `paragraphs`), and the diagnostics, against `expect`.
pub(crate) fn check(input: &str, members: &[&str], expect: Expect) {
    check_with(input, crate::Options::default(), members, expect);
}

/// [`check`] with options, such as the year of a snippet.
pub(crate) fn check_with(input: &str, options: crate::Options, members: &[&str], expect: Expect) {
    let outline = crate::outline(&crate::parse_with(input, options));
    let mut shown = String::new();
    for line in outline.lines() {
        let path = line.split(' ').next().unwrap_or("");
        let member = path.split(['.', '[']).next().unwrap_or("");
        if members.contains(&member) || member == "diagnostics" {
            shown.push_str(line);
            shown.push('\n');
        }
    }
    expect.assert_eq(&shown);
}
