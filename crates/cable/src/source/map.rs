//! The offset map from cleaned text back to the text the user gave.

use std::cell::Cell;

use crate::given::Given;
use crate::span::Span;
use crate::tree::InputForm;

/// One run of the cleaned text and where it came from.
///
/// A copy piece (`clean_len == orig_len`) maps byte for byte; a replacement piece (an entity, an
/// escape, a line break standing for a tag) maps as a whole.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    clean_start: usize,
    orig_start: usize,
    clean_len: usize,
    orig_len: usize,
    copied: bool,
}

/// Cleaned text plus the piecewise map from its byte offsets to the original's.
#[derive(Debug)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pieces: Vec<Piece>,
    orig_len: usize,
    /// Number of pieces of debris removed; reported as one diagnostic.
    pub(crate) n_debris: usize,
    /// What the input was recognised as.
    pub(crate) form: InputForm,
    /// Line breaks put back where a publisher had dropped them.
    pub(crate) n_line_breaks_restored: usize,
    /// What a `cables.csv` record's own columns say of the cable (its ID and year).
    pub(crate) given: Given,
    /// The piece [`Cleaned::piece_at`] found last: spans are mostly asked for in the text's
    /// order, so the next is most often in it or the piece after it.
    last_piece: Cell<usize>,
}

impl Cleaned {
    /// An empty cleaned text for an input of `orig_len` bytes.
    pub(crate) fn empty(orig_len: usize, form: InputForm) -> Cleaned {
        Cleaned {
            text: String::with_capacity(orig_len),
            pieces: Vec::new(),
            orig_len,
            n_debris: 0,
            form,
            n_line_breaks_restored: 0,
            given: Given::default(),
            last_piece: Cell::new(0),
        }
    }

    /// Line breaks put back: the pieces that stand for no input at all.
    pub(crate) fn count_restored_line_breaks(&mut self) {
        self.n_line_breaks_restored = self
            .pieces
            .iter()
            .filter(|piece| piece.orig_len == 0)
            .count();
    }

    /// Appends `input[orig_start..orig_start + len]`, extending the last piece when contiguous.
    pub(crate) fn copy(&mut self, orig_start: usize, len: usize, input: &str) {
        if len == 0 {
            return;
        }
        let Some(piece_text) = input.get(orig_start..orig_start + len) else {
            return;
        };
        let clean_start = self.text.len();
        self.text.push_str(piece_text);
        if let Some(last) = self.pieces.last_mut() {
            if last.copied
                && last.clean_start + last.clean_len == clean_start
                && last.orig_start + last.orig_len == orig_start
            {
                last.clean_len += len;
                last.orig_len += len;
                return;
            }
        }
        self.pieces.push(Piece {
            clean_start,
            orig_start,
            clean_len: len,
            orig_len: len,
            copied: true,
        });
    }

    /// Appends `text` standing for `orig_len` bytes of the original at `orig_start`.
    pub(crate) fn replace(&mut self, orig_start: usize, orig_len: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let clean_start = self.text.len();
        self.text.push_str(text);
        self.pieces.push(Piece {
            clean_start,
            orig_start,
            clean_len: text.len(),
            orig_len,
            copied: false,
        });
    }

    /// Maps a cleaned start offset to the original text.
    pub(crate) fn map_start(&self, clean: usize) -> usize {
        match self.piece_at(clean) {
            Some(piece) if piece.copied => piece.orig_start + (clean - piece.clean_start),
            Some(piece) => piece.orig_start,
            None => self.orig_len,
        }
    }

    /// Maps a cleaned exclusive end offset to the original text.
    fn map_end(&self, clean: usize) -> usize {
        let Some(last_byte) = clean.checked_sub(1) else {
            return 0;
        };
        match self.piece_at(last_byte) {
            Some(piece) if piece.copied => piece.orig_start + (last_byte - piece.clean_start) + 1,
            Some(piece) => piece.orig_start + piece.orig_len,
            None => self.orig_len,
        }
    }

    /// The piece that holds the cleaned offset `clean`. The pieces tile the cleaned text in
    /// order, none empty: the one found last and the one after it are tried before a search.
    fn piece_at(&self, clean: usize) -> Option<&Piece> {
        let holds = |piece: &Piece| {
            piece.clean_start <= clean && clean < piece.clean_start + piece.clean_len
        };
        let last = self.last_piece.get();
        for idx in [last, last + 1] {
            if let Some(piece) = self.pieces.get(idx).filter(|piece| holds(piece)) {
                self.last_piece.set(idx);
                return Some(piece);
            }
        }
        let idx = self
            .pieces
            .partition_point(|piece| piece.clean_start + piece.clean_len <= clean);
        let piece = self
            .pieces
            .get(idx)
            .filter(|piece| piece.clean_start <= clean)?;
        self.last_piece.set(idx);
        Some(piece)
    }

    /// The span in the original text of the cleaned range `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        if end <= start {
            let at = self.map_start(start);
            return Span::new(at, at);
        }
        Span::new(self.map_start(start), self.map_end(end))
    }

    /// The cleaned text between two cleaned offsets (empty when out of range).
    pub(crate) fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}
