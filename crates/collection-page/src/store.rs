//! The collection as the browser keeps it: a folder `collection` in the origin-private file
//! system holding each segment's stored form (`segment-00000.bin`, …) and `state.txt`
//! ([`Kept`]). A segment is written before the state that counts it, so a state never names a
//! segment that is not whole; a segment file the state does not count is written again.

use collection::Segment;
use web_sys::FileSystemDirectoryHandle;

use crate::browser::{self, StoreError};
use crate::kept::{segment_file, Kept};

/// The folder's name.
pub const FOLDER: &str = "collection";
const STATE_FILE: &str = "state.txt";

/// The kept collection's folder.
#[derive(Clone)]
pub struct Store {
    folder: FileSystemDirectoryHandle,
}

/// A kept collection read back.
pub struct Loaded {
    /// Its state.
    pub kept: Kept,
    /// Its segments, their texts released (read from the store when shown).
    pub segments: Vec<Segment>,
}

impl Store {
    /// The folder, made when there is none.
    pub async fn create() -> Result<Store, StoreError> {
        Ok(Store {
            folder: browser::folder(FOLDER, true).await?,
        })
    }

    /// The folder when there is one.
    pub async fn existing() -> Result<Option<Store>, StoreError> {
        match browser::folder(FOLDER, false).await {
            Ok(folder) => Ok(Some(Store { folder })),
            Err(StoreError::Missing) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// The state kept, if any.
    pub async fn kept(&self) -> Result<Option<Kept>, StoreError> {
        let Some(file) = browser::file(&self.folder, STATE_FILE).await? else {
            return Ok(None);
        };
        let bytes = browser::blob_bytes(&file, None)
            .await
            .map_err(StoreError::Other)?;
        Ok(Kept::from_text(&String::from_utf8_lossy(&bytes)))
    }

    /// Keeps the state.
    pub async fn save(&self, kept: &Kept) -> Result<(), StoreError> {
        browser::write_file(&self.folder, STATE_FILE, kept.to_text().as_bytes()).await
    }

    /// Keeps segment `idx`.
    pub async fn write_segment(&self, idx: u32, bytes: &[u8]) -> Result<(), StoreError> {
        browser::write_file(&self.folder, &segment_file(idx), bytes).await
    }

    /// Bytes `range` of segment `idx`'s file (a text block).
    pub async fn read_range(&self, idx: u32, range: (usize, usize)) -> Result<Vec<u8>, String> {
        let file = browser::file(&self.folder, &segment_file(idx))
            .await
            .map_err(|error| error.to_string())?
            .ok_or("a segment of the collection is missing from the browser's storage")?;
        browser::blob_bytes(&file, Some(range)).await
    }

    /// Reads the collection back, a segment at a time (each is checked by its CRC-32), calling
    /// `progress` with the cables read so far.
    pub async fn load(&self, mut progress: impl FnMut(usize)) -> Result<Option<Loaded>, String> {
        let Some(kept) = self.kept().await.map_err(|error| error.to_string())? else {
            return Ok(None);
        };
        let mut segments = Vec::with_capacity(kept.segments as usize);
        let mut n_cables = 0;
        for idx in 0..kept.segments {
            let file = browser::file(&self.folder, &segment_file(idx))
                .await
                .map_err(|error| error.to_string())?
                .ok_or_else(|| format!("segment {idx} of the kept collection is missing"))?;
            let bytes = browser::blob_bytes(&file, None).await?;
            let mut segment = Segment::from_bytes(bytes).map_err(|error| {
                format!("segment {idx} of the kept collection is damaged ({error})")
            })?;
            segment.release_texts();
            n_cables += segment.len();
            progress(n_cables);
            segments.push(segment);
        }
        Ok(Some(Loaded { kept, segments }))
    }
}

/// Forgets the kept collection: its folder and everything in it.
pub async fn forget() -> Result<(), StoreError> {
    browser::remove_folder(FOLDER).await
}
