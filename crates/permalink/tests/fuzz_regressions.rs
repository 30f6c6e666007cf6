//! Every input saved under `fuzz/regressions/link_decode/` and `link_roundtrip/` goes through its
//! fuzz target's own check.
#![allow(clippy::expect_used, clippy::panic)]

#[path = "../../../fuzz/checks/link.rs"]
mod checks;

fn replay(target: &str, check: fn(&[u8])) {
    let folder = format!(
        "{}/../../fuzz/regressions/{target}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("fuzz/regressions folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no saved inputs in {folder}");
    for path in paths {
        let bytes = std::fs::read(&path).expect("saved input");
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            panic!("{} fails again", path.display());
        }
    }
}

#[test]
fn saved_link_decode_inputs() {
    replay("link_decode", checks::link_decode);
}

#[test]
fn saved_link_roundtrip_inputs() {
    replay("link_roundtrip", checks::link_roundtrip);
}
