//! The classification banner at the top and bottom of the decomposition.

/// The classification as the cable's own banner prints it (`CONFIDENTIAL//NOFORN`), and the
/// banner's style class.
pub fn classification_banner(parse: &cable::Parse) -> Option<(String, String)> {
    let cable = &parse.cable;
    let classification = cable.classification()?;
    let mut controls: Vec<String> = cable
        .classification
        .as_ref()
        .map(|line| line.controls.clone())
        .unwrap_or_default();
    for caption in &cable.captions {
        let dissemination = matches!(
            caption.value.as_str(),
            "NOFORN" | "EXDIS" | "NODIS" | "LIMDIS" | "ORCON" | "STADIS" | "ROGER CHANNEL"
        );
        if dissemination && !controls.contains(&caption.value) {
            controls.push(caption.value.clone());
        }
    }
    let mut text = classification.as_str().to_string();
    for control in controls {
        text.push_str("//");
        text.push_str(&control);
    }
    let class = format!(
        "banner-{}",
        classification
            .as_str()
            .to_ascii_lowercase()
            .replace([' ', '/'], "-")
    );
    Some((text, class))
}
