//! The classification banner a cable is printed with: `CONFIDENTIAL//NOFORN`.

use crate::scan::controls;
use crate::tree::{Cable, CaptionKind};

/// The cable's classification as its banner prints it, with the controls that limit who may
/// read it: those written with the classification line (`SECRET//NOFORN`) and the captions under
/// it that are such controls (`NOFORN`, `EXDIS`, `ROGER CHANNEL`; not `SIPDIS`, which says where
/// a copy goes), each once, in order. `None` when the text gives no classification.
///
/// ```
/// let parse = cable::parse("C O N F I D E N T I A L OTTAWA 000372\n\nSIPDIS\nNOFORN\n");
/// assert_eq!(cable::banner(&parse.cable).as_deref(), Some("CONFIDENTIAL//NOFORN"));
/// ```
pub fn banner(cable: &Cable) -> Option<String> {
    let classification = cable.classification()?;
    let mut shown: Vec<&str> = Vec::new();
    let written = cable.classification.iter().flat_map(|line| &line.controls);
    for control in written {
        if !shown.contains(&control.as_str()) {
            shown.push(control);
        }
    }
    for caption in &cable.captions {
        if caption.kind != CaptionKind::Handling {
            continue;
        }
        // A caption is one control (`ROGER CHANNEL`) or several (`NOFORN SIPDIS`).
        let words: Vec<&str> = if controls::is_control(&caption.value) {
            vec![caption.value.as_str()]
        } else {
            caption.value.split_whitespace().collect()
        };
        for word in words {
            if controls::is_dissemination(word) && !shown.contains(&word) {
                shown.push(word);
            }
        }
    }
    let mut banner = classification.as_str().to_string();
    for control in shown {
        banner.push_str("//");
        banner.push_str(control);
    }
    Some(banner)
}
