//! What the page keeps of a collection beside its segments: where it came from and how far it
//! was read, in a small text file (`state.txt` in the collection's folder of the origin-private
//! file system), so that a reload finds the collection and a half-read one can be resumed.

/// The collection's state, as kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kept {
    /// The file's name (`cables.csv.gz`), or how many files a set of loose files held.
    pub source: String,
    /// The file's size in bytes, as the browser gave it (0 for loose files).
    pub size: u64,
    /// The file's last-modified time (milliseconds since 1970), to know it again.
    pub modified: u64,
    /// Whether all of it was read.
    pub finished: bool,
    /// Bytes of the file's records (after unzipping) handed to segments that are kept: a
    /// resumed read starts there.
    pub offset: u64,
    /// The line the resumed read starts on.
    pub line: u64,
    /// How many segments are kept: `segment-00000.bin` on.
    pub segments: u32,
    /// How many cables they hold.
    pub cables: u64,
    /// Stretches of the file that were no record: first line and number of lines.
    pub skipped: Vec<(u64, u64)>,
}

const MAGIC: &str = "cablescope-collection 1";

/// At most this many stretches passed over are kept (a file of another shape would list
/// thousands); the count of the rest is kept in the last.
pub const MAX_SKIPPED_KEPT: usize = 200;

impl Kept {
    /// The stored form: a line a field.
    pub fn to_text(&self) -> String {
        let skipped: Vec<String> = self
            .skipped
            .iter()
            .map(|(line, n)| format!("{line}+{n}"))
            .collect();
        format!(
            "{MAGIC}\nsource {}\nsize {}\nmodified {}\nfinished {}\noffset {}\nline {}\nsegments {}\ncables {}\nskipped {}\n",
            self.source.replace('\n', " "),
            self.size,
            self.modified,
            u8::from(self.finished),
            self.offset,
            self.line,
            self.segments,
            self.cables,
            skipped.join(",")
        )
    }

    /// Reads the stored form; `None` when it is not one.
    pub fn from_text(text: &str) -> Option<Kept> {
        let mut lines = text.lines();
        if lines.next()? != MAGIC {
            return None;
        }
        let mut kept = Kept::default();
        for line in lines {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "source" => kept.source = value.to_string(),
                "size" => kept.size = value.parse().ok()?,
                "modified" => kept.modified = value.parse().ok()?,
                "finished" => kept.finished = value == "1",
                "offset" => kept.offset = value.parse().ok()?,
                "line" => kept.line = value.parse().ok()?,
                "segments" => kept.segments = value.parse().ok()?,
                "cables" => kept.cables = value.parse().ok()?,
                "skipped" => {
                    kept.skipped = value
                        .split(',')
                        .filter(|item| !item.is_empty())
                        .filter_map(|item| {
                            let (line, n) = item.split_once('+')?;
                            Some((line.parse().ok()?, n.parse().ok()?))
                        })
                        .collect();
                }
                _ => {}
            }
        }
        Some(kept)
    }

    /// Whether `name`, `size` and `modified` name the file this collection was read from.
    pub fn is_from(&self, name: &str, size: u64, modified: u64) -> bool {
        self.source == name && self.size == size && self.modified == modified
    }
}

/// The name of segment `idx`'s file.
pub fn segment_file(idx: u32) -> String {
    format!("segment-{idx:05}.bin")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_reads_back_as_written() {
        let kept = Kept {
            source: "cables.csv.gz".to_string(),
            size: 70_123_456,
            modified: 1_700_000_000_000,
            finished: false,
            offset: 123_456_789,
            line: 4_567,
            segments: 3,
            cables: 1_234,
            skipped: vec![(12, 3), (99, 1)],
        };
        assert_eq!(Kept::from_text(&kept.to_text()), Some(kept));
    }

    #[test]
    fn another_file_is_not_a_state() {
        assert_eq!(Kept::from_text("hello\nsize 1"), None);
        assert_eq!(Kept::from_text(&format!("{MAGIC}\nsize many")), None);
    }

    #[test]
    fn a_file_is_known_by_its_name_size_and_time() {
        let kept = Kept {
            source: "a.csv".to_string(),
            size: 10,
            modified: 5,
            ..Kept::default()
        };
        assert!(kept.is_from("a.csv", 10, 5));
        assert!(!kept.is_from("a.csv", 11, 5));
        assert_eq!(segment_file(7), "segment-00007.bin");
    }
}
