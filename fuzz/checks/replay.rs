//! Replays every input saved under `fuzz/regressions/<target>/` through a fuzz check; included
//! by the regression tests of `crates/cable` and `crates/permalink`.

/// Runs `check` on every file in `fuzz/regressions/<target>/` (of the repository at `root`),
/// naming the one that fails. The folder must hold at least one input.
pub fn replay(root: &str, target: &str, check: fn(&[u8])) {
    let folder = format!("{root}/fuzz/regressions/{target}");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{folder}: {error}"))
        .flatten()
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no saved inputs in {folder}");
    for path in paths {
        let bytes =
            std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            panic!("{} fails again", path.display());
        }
    }
}
