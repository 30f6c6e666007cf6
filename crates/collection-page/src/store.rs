//! The collection as the browser keeps it, in the origin-private file system (or IndexedDB
//! where there is none: `files`): a folder
//! `collection-<time>` holding each segment's stored form (`segment-00000.bin`, …) and
//! `state.txt` ([`Kept`]), and at the root `collection.txt`, naming the folder in use.
//!
//! A segment is written before the state that counts it, so a state never names a segment that
//! is not whole. A new collection is written into a folder of its own and named in
//! `collection.txt` only once its first segment and state are written: until then the one kept
//! before is the collection (a file of another shape, or a disk too full for even one segment,
//! loses nothing), and only then is the one before removed.

use collection::Segment;
use js_sys::Uint8Array;

use crate::browser::{self, StoreError};
use crate::files::Folder;
use crate::kept::{segment_file, Kept};

/// The file at the root naming the folder in use.
const POINTER: &str = "collection.txt";
const STATE_FILE: &str = "state.txt";

/// A collection's folder.
#[derive(Clone)]
pub struct Store {
    folder: Folder,
    name: String,
}

/// A kept collection read back.
pub struct Loaded {
    /// Its state.
    pub kept: Kept,
    /// Its segments, their texts left in the store (read from it when shown).
    pub segments: Vec<Segment>,
}

impl Store {
    /// A new, empty folder for a collection, not yet the one in use ([`Store::make_current`]).
    pub async fn create() -> Result<Store, StoreError> {
        let name = format!("collection-{}", js_sys::Date::now() as u64);
        let root = Folder::root().await?;
        Ok(Store {
            folder: root.folder(&name, true).await?,
            name,
        })
    }

    /// The collection in use, when there is one.
    pub async fn existing() -> Result<Option<Store>, StoreError> {
        let root = Folder::root().await?;
        let Some(pointer) = root.file(POINTER).await? else {
            return Ok(None);
        };
        let name = browser::blob_bytes(&pointer, None)
            .await
            .map_err(StoreError::Other)?;
        let name = String::from_utf8_lossy(&name).trim().to_string();
        if !name.starts_with("collection-") {
            return Ok(None);
        }
        match root.folder(&name, false).await {
            Ok(folder) => Ok(Some(Store { folder, name })),
            Err(StoreError::Missing) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Makes this folder the collection in use, and removes the one used before, if any.
    pub async fn make_current(&self, before: Option<&Store>) -> Result<(), StoreError> {
        let root = Folder::root().await?;
        root.write_file(POINTER, &Uint8Array::from(self.name.as_bytes()))
            .await?;
        if let Some(before) = before.filter(|before| before.name != self.name) {
            root.remove(&before.name).await?;
        }
        Ok(())
    }

    /// Where it is kept, as the page says it (`the origin-private file system`, `IndexedDB`).
    pub fn kind(&self) -> &'static str {
        self.folder.kind()
    }

    /// Removes this folder (a collection that never became the one in use).
    pub async fn discard(&self) -> Result<(), StoreError> {
        Folder::root().await?.remove(&self.name).await
    }

    /// The state kept, if any.
    pub async fn kept(&self) -> Result<Option<Kept>, StoreError> {
        let Some(file) = self.folder.file(STATE_FILE).await? else {
            return Ok(None);
        };
        let bytes = browser::blob_bytes(&file, None)
            .await
            .map_err(StoreError::Other)?;
        Ok(Kept::from_text(&String::from_utf8_lossy(&bytes)))
    }

    /// Keeps the state.
    pub async fn save(&self, kept: &Kept) -> Result<(), StoreError> {
        let text = Uint8Array::from(kept.to_text().as_bytes());
        self.folder.write_file(STATE_FILE, &text).await
    }

    /// Keeps segment `idx`.
    pub async fn write_segment(&self, idx: u32, bytes: &Uint8Array) -> Result<(), StoreError> {
        self.folder.write_file(&segment_file(idx), bytes).await
    }

    /// Bytes `range` of segment `idx`'s file (a text block).
    pub async fn read_range(&self, idx: u32, range: (usize, usize)) -> Result<Vec<u8>, String> {
        let file = self
            .folder
            .file(&segment_file(idx))
            .await
            .map_err(|error| error.to_string())?
            .ok_or("a segment of the collection is missing from the browser's storage")?;
        browser::blob_bytes(&file, Some(range)).await
    }

    /// Reads the collection back, a segment at a time (each is checked by its CRC-32, read
    /// through one buffer and kept without its texts), calling `progress` with the cables read
    /// so far.
    pub async fn load(&self, mut progress: impl FnMut(usize)) -> Result<Option<Loaded>, String> {
        let Some(kept) = self.kept().await.map_err(|error| error.to_string())? else {
            return Ok(None);
        };
        let mut segments = Vec::with_capacity(kept.segments as usize);
        let mut n_cables = 0;
        let mut buffer = Vec::new();
        for idx in 0..kept.segments {
            let file = self
                .folder
                .file(&segment_file(idx))
                .await
                .map_err(|error| error.to_string())?
                .ok_or_else(|| format!("segment {idx} of the kept collection is missing"))?;
            browser::blob_into(&file, &mut buffer).await?;
            let segment = Segment::from_bytes_without_texts(&buffer).map_err(|error| {
                format!("segment {idx} of the kept collection is damaged ({error})")
            })?;
            n_cables += segment.len();
            progress(n_cables);
            segments.push(segment);
        }
        Ok(Some(Loaded { kept, segments }))
    }
}

/// Forgets the collection in use: its folder and the file naming it.
pub async fn forget() -> Result<(), StoreError> {
    let current = Store::existing().await?;
    let root = Folder::root().await?;
    root.remove(POINTER).await?;
    if let Some(current) = current {
        root.remove(&current.name).await?;
    }
    Ok(())
}
