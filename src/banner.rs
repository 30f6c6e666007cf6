//! The classification banner at the top and bottom of the decomposition.

/// The classification as the cable's own banner prints it (`CONFIDENTIAL//NOFORN`, from the
/// parser's reading of its controls: `cable::banner`), and the banner's style class.
pub fn classification_banner(parse: &cable::Parse) -> Option<(String, String)> {
    let text = cable::banner(&parse.cable)?;
    let classification = parse.cable.classification()?;
    let class = format!(
        "banner-{}",
        classification
            .as_str()
            .to_ascii_lowercase()
            .replace([' ', '/'], "-")
    );
    Some((text, class))
}
