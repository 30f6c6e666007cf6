//! The repository's files the tests read: the release build, the corpus, the seed, and links
//! made by the `cable` command.

use std::path::PathBuf;

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the release build's files in a scratch folder of its own (`label` names it),
/// without the file named `left_out` if one is: a page to change or to break.
pub fn copy_of_dist(label: &str, left_out: Option<&str>) -> PathBuf {
    let copy = std::env::temp_dir().join(format!("cablescope-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).expect("a scratch folder");
    for entry in std::fs::read_dir(dist()).expect("dist").flatten() {
        let path = entry.path();
        if path.is_file() && left_out.is_none_or(|name| entry.file_name() != name) {
            std::fs::copy(&path, copy.join(entry.file_name())).expect("copy a built file");
        }
    }
    copy
}

/// The release build, made by `./x test` (or `trunk build --release`) before this test runs.
pub fn dist() -> PathBuf {
    let dist =
        std::env::var_os("CABLESCOPE_DIST").map_or_else(|| repo().join("dist"), PathBuf::from);
    assert!(
        dist.join("index.html").is_file(),
        "no release build in {}: run `./x test`, which builds it first",
        dist.display()
    );
    dist
}

/// The text of the file at `relative` (a path from the repository's root).
pub fn repo_text(relative: &str) -> String {
    std::fs::read_to_string(repo().join(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// The corpus cable `id` (`corpus/cables/ID.txt`).
pub fn corpus_cable(id: &str) -> String {
    repo_text(&format!("corpus/cables/{id}.txt"))
}

/// The canonical ID of the seed, the cable the page opens with.
pub const SEED_ID: &str = "08OTTAWA372";

/// The seed, as the page opens with it.
pub fn seed_text() -> String {
    repo_text("corpus/seed/08OTTAWA372.txt")
}

/// The link the `cable` command makes to the corpus cable `id` for the page at `base`, with the
/// command's further `options` (a selection, the written form).
pub fn cable_command_link(base: &str, id: &str, options: &[&str]) -> String {
    cable_command_link_to(base, &format!("corpus/cables/{id}.txt"), options)
}

/// The link the `cable` command makes to the repository's file at `relative` for the page at
/// `base`, with the command's further `options`.
pub fn cable_command_link_to(base: &str, relative: &str, options: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO"))
        .args(["run", "-q", "-p", "cable-cli", "--", "link", "--base", base])
        .args(options)
        .arg(repo().join(relative))
        .current_dir(repo())
        .output()
        .expect("run the cable command");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}
