//! Drafts: what the reader is working on, kept in the browser's local storage as they work, so
//! that a reload, a crashed tab or a restarted browser loses nothing, and opening a link or a
//! file over a text never loses it either. The most recent [`MAX_DRAFTS`] are kept and listed.
//!
//! Each draft is one storage entry, `cablescope-draft-<id>`, in a small line format (below);
//! `cablescope-drafts` lists the ids, newest first. The format is written by hand: a serializer
//! would add kilobytes to the page for five lines. `static/start.js` writes it too (the text kept
//! when the wasm stops), so the two change together.

use std::fmt;

use permalink::View;

/// How many drafts are kept; saving one more forgets the oldest.
pub const MAX_DRAFTS: usize = 8;

/// The largest text kept as a draft, in bytes. Browsers give a page about five million
/// characters of local storage in all; a larger text is shown but not kept, and the drafts
/// list says so.
pub const MAX_DRAFT_BYTES: usize = 1024 * 1024;

const INDEX_KEY: &str = "cablescope-drafts";
const KEY_PREFIX: &str = "cablescope-draft-";
const MAGIC: &str = "cablescope-draft 1";

/// Why the text shown is not kept as a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftNotKept {
    /// The browser gives the page no local storage.
    NoStorage,
    /// The storage is full even with every other draft forgotten.
    StorageFull,
    /// The draft was written but the list of drafts was not.
    IndexNotSaved,
    /// The text is over [`MAX_DRAFT_BYTES`]; `n_kb` is its size, rounded up.
    TooLarge {
        /// The text's size in kilobytes, rounded up (what the message says: typing that does
        /// not change it does not change the message).
        n_kb: usize,
    },
}

impl fmt::Display for DraftNotKept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftNotKept::NoStorage => f.write_str(
                "This browser keeps no local storage for the page (private mode?), so drafts are not kept.",
            ),
            DraftNotKept::StorageFull => f.write_str(
                "The browser's storage for this page is full, so this text is not kept as a draft.",
            ),
            DraftNotKept::IndexNotSaved => f.write_str("The list of drafts could not be saved."),
            DraftNotKept::TooLarge { n_kb } => write!(
                f,
                "This text is {n_kb} KB; drafts keep texts up to {} KB, so it will not be here after a reload.",
                MAX_DRAFT_BYTES / 1024
            ),
        }
    }
}

/// A kept text and how it was shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// When the draft was first saved (milliseconds since 1970): its identity.
    pub id: u64,
    /// When it was last saved (milliseconds since 1970).
    pub saved_ms: f64,
    /// What the list calls it: the cable's ID, else its subject, else its first words.
    pub title: String,
    /// The text, exactly.
    pub text: String,
    /// The view it was shown with.
    pub view: View,
}

impl Draft {
    /// The stored form: a header of four lines, a blank line, then the text.
    ///
    /// ```text
    /// cablescope-draft 1
    /// saved 1795796400000
    /// view stn p-4 08OTTAWA372  (letters: source, as written, transmission, notes, all
    ///                           paragraphs; the selected anchor or -; the ID given, if any)
    /// title 08OTTAWA372
    ///
    /// <text>
    /// ```
    pub fn to_stored(&self) -> String {
        let view = &self.view;
        let mut flags = String::new();
        for (on, letter) in [
            (view.source_open, 's'),
            (view.as_written, 'w'),
            (view.transmission_open, 't'),
            (view.notes_open, 'n'),
            (view.all_paragraphs, 'a'),
        ] {
            if on {
                flags.push(letter);
            }
        }
        if flags.is_empty() {
            flags.push('-');
        }
        let anchor = view.selected.as_deref().unwrap_or("-");
        let id = view
            .cable_id
            .as_deref()
            .map_or(String::new(), |id| format!(" {id}"));
        let title: String = self.title.chars().filter(|ch| *ch != '\n').collect();
        format!(
            "{MAGIC}\nsaved {}\nview {flags} {anchor}{id}\ntitle {title}\n\n{}",
            self.saved_ms as u64, self.text
        )
    }

    /// Reads a stored draft; `None` if it is not one (damaged, or another program's entry).
    pub fn from_stored(id: u64, stored: &str) -> Option<Draft> {
        let mut parts = stored.splitn(6, '\n');
        if parts.next()? != MAGIC {
            return None;
        }
        let saved_ms = parts.next()?.strip_prefix("saved ")?.parse::<u64>().ok()? as f64;
        let mut view_line = parts.next()?.strip_prefix("view ")?.split(' ');
        let flags = view_line.next()?;
        let anchor = view_line.next()?;
        let cable_id = view_line.next().map(str::to_string);
        let title = parts.next()?.strip_prefix("title ")?.to_string();
        if !parts.next()?.is_empty() {
            return None;
        }
        let text = parts.next().unwrap_or("").to_string();
        Some(Draft {
            id,
            saved_ms,
            title,
            text,
            view: View {
                selected: (anchor != "-").then(|| anchor.to_string()),
                source_open: flags.contains('s'),
                as_written: flags.contains('w'),
                transmission_open: flags.contains('t'),
                notes_open: flags.contains('n'),
                all_paragraphs: flags.contains('a'),
                cable_id,
            },
        })
    }
}

/// What the drafts list calls a text: the cable's ID, else its subject, else its first words.
pub fn title(parse: &cable::Parse, text: &str) -> String {
    let cable = &parse.cable;
    let subject = cable.subject.as_ref().map(|subject| subject.value.as_str());
    let title = match (&cable.canonical_id, subject) {
        (Some(id), Some(subject)) => format!("{} — {subject}", id.value),
        (Some(id), None) => id.value.clone(),
        (None, Some(subject)) => subject.to_string(),
        (None, None) => text
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" "),
    };
    let mut title: String = title.chars().take(90).collect();
    if title.trim().is_empty() {
        title = "(empty)".to_string();
    }
    title
}

/// The ids in the index, newest first, without duplicates.
pub fn parse_index(index: &str) -> Vec<u64> {
    let mut ids: Vec<u64> = Vec::new();
    for id in index.split(',').filter_map(|id| id.trim().parse().ok()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The index after saving `id`: it first, then the others, at most [`MAX_DRAFTS`]; and the ids
/// that fell off the end.
pub fn index_after_saving(ids: &[u64], id: u64) -> (Vec<u64>, Vec<u64>) {
    let mut kept = vec![id];
    kept.extend(ids.iter().copied().filter(|&other| other != id));
    let forgotten = kept.split_off(kept.len().min(MAX_DRAFTS));
    (kept, forgotten)
}

fn key(id: u64) -> String {
    format!("{KEY_PREFIX}{id}")
}

fn write_index(storage: &web_sys::Storage, ids: &[u64]) -> Result<(), wasm_bindgen::JsValue> {
    let index: Vec<String> = ids.iter().map(u64::to_string).collect();
    storage.set_item(INDEX_KEY, &index.join(","))
}

/// The kept ids, newest first.
fn read_index(storage: &web_sys::Storage) -> Vec<u64> {
    let index = storage.get_item(INDEX_KEY).ok().flatten();
    parse_index(&index.unwrap_or_default())
}

/// Draft `id` as stored, if it is there and readable.
fn read(storage: &web_sys::Storage, id: u64) -> Option<Draft> {
    let stored = storage.get_item(&key(id)).ok().flatten()?;
    Draft::from_stored(id, &stored)
}

/// The kept drafts, newest first.
pub fn list() -> Vec<Draft> {
    let Some(storage) = super::storage::local() else {
        return Vec::new();
    };
    read_index(&storage)
        .into_iter()
        .filter_map(|id| read(&storage, id))
        .collect()
}

/// Draft `id`, read alone.
pub fn load(id: u64) -> Option<Draft> {
    read(&super::storage::local()?, id)
}

/// The newest kept draft, read alone.
pub fn latest() -> Option<Draft> {
    let storage = super::storage::local()?;
    read_index(&storage)
        .into_iter()
        .find_map(|id| read(&storage, id))
}

/// How many drafts are kept.
pub fn count() -> usize {
    super::storage::local().map_or(0, |storage| read_index(&storage).len())
}

/// Keeps `draft` as the newest. When storage is full, the oldest drafts are forgotten until it
/// fits; an error says why it could not be kept at all. Texts over [`MAX_DRAFT_BYTES`] are for
/// the caller to turn away.
pub fn save(draft: &Draft) -> Result<(), DraftNotKept> {
    let storage = super::storage::local().ok_or(DraftNotKept::NoStorage)?;
    let mut known = read_index(&storage);
    // The same text kept under another id (opened again from a link or a file): this one
    // takes its place.
    known.retain(|&id| {
        let same =
            id != draft.id && read(&storage, id).is_some_and(|other| other.text == draft.text);
        if same {
            let _ = storage.remove_item(&key(id));
        }
        !same
    });
    let (mut ids, forgotten) = index_after_saving(&known, draft.id);
    for id in forgotten {
        let _ = storage.remove_item(&key(id));
    }
    let stored = draft.to_stored();
    while storage.set_item(&key(draft.id), &stored).is_err() {
        // Full: forget the oldest other draft and try again.
        if ids.len() <= 1 {
            let _ = write_index(&storage, &[]);
            return Err(DraftNotKept::StorageFull);
        }
        if let Some(oldest) = ids.pop() {
            let _ = storage.remove_item(&key(oldest));
        }
    }
    write_index(&storage, &ids).map_err(|_| DraftNotKept::IndexNotSaved)
}

/// Forgets draft `id`.
pub fn remove(id: u64) {
    if let Some(storage) = super::storage::local() {
        let ids: Vec<u64> = read_index(&storage)
            .into_iter()
            .filter(|&other| other != id)
            .collect();
        let _ = write_index(&storage, &ids);
        let _ = storage.remove_item(&key(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str, view: View) -> Draft {
        Draft {
            id: 1_795_796_400_123,
            saved_ms: 1_795_796_460_000.0,
            title: "08OTTAWA372 — CANADA".to_string(),
            text: text.to_string(),
            view,
        }
    }

    #[test]
    fn a_draft_reads_back_exactly() {
        let views = [
            View::default(),
            View {
                selected: Some("p-4".to_string()),
                source_open: true,
                as_written: true,
                transmission_open: true,
                notes_open: true,
                all_paragraphs: true,
                cable_id: Some("08OTTAWA372".to_string()),
            },
            View {
                cable_id: Some("66STATE1".to_string()),
                ..View::default()
            },
            View {
                selected: Some("field-subject".to_string()),
                notes_open: true,
                ..View::default()
            },
        ];
        for text in [
            "",
            "\n\nsaved 1\ntitle x\n",
            "UNCLAS\r\n\r\n1. (U) TEXT.\n",
            "é\u{202e}\u{0}",
        ] {
            for view in &views {
                let draft = draft(text, view.clone());
                let stored = draft.to_stored();
                assert_eq!(Draft::from_stored(draft.id, &stored), Some(draft));
            }
        }
    }

    #[test]
    fn other_entries_are_not_drafts() {
        for stored in [
            "",
            "dark",
            "cablescope-draft 2\nsaved 1\nview - -\ntitle x\n\ntext",
            "cablescope-draft 1\nsaved x\nview - -\ntitle x\n\n",
        ] {
            assert_eq!(Draft::from_stored(1, stored), None, "{stored:?}");
        }
    }

    #[test]
    fn the_index_keeps_the_newest_first_and_at_most_eight() {
        assert_eq!(parse_index("3,2,x,2,1"), vec![3, 2, 1]);
        assert_eq!(index_after_saving(&[3, 2, 1], 2), (vec![2, 3, 1], vec![]));
        let full: Vec<u64> = (1..=8).rev().collect();
        let (kept, forgotten) = index_after_saving(&full, 9);
        assert_eq!(kept, (2..=9).rev().collect::<Vec<_>>());
        assert_eq!(forgotten, vec![1]);
    }

    #[test]
    fn titles_name_the_cable() {
        let cable = "R 251500Z FEB 08\nFM AMEMBASSY OTTAWA\nTO SECSTATE WASHDC 7399\nBT\n\
                     UNCLAS OTTAWA 000372\n\nSUBJECT: CANADA AND CLUSTER MUNITIONS\n\n1. Text.\n";
        assert_eq!(
            title(&cable::parse(cable), cable),
            "08OTTAWA372 — CANADA AND CLUSTER MUNITIONS"
        );
        let plain = "just some words that are not a cable at all, more than eight of them";
        assert_eq!(
            title(&cable::parse(plain), plain),
            "just some words that are not a cable"
        );
        assert_eq!(title(&cable::parse("  "), "  "), "(empty)");
    }
}
