//! Numbers as the page's messages write them.

/// `value` with one decimal (`12.3`), by integer arithmetic: formatting floats would add
/// kilobytes of code to the page.
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_decimal_rounds_like_format() {
        for value in [0.0, 0.04, 0.05, 1.25, 12.345, 99.96, 1234.5, -0.3] {
            let expected = format!("{value:.1}");
            // `format!` rounds half to even; both are fine for a timing, but they must agree off
            // the midpoint.
            if (value * 100.0) % 5.0 != 0.0 {
                assert_eq!(super::one_decimal(value), expected, "{value}");
            }
        }
        assert_eq!(super::one_decimal(12.34), "12.3");
        assert_eq!(super::one_decimal(-0.3), "-0.3");
    }
}
