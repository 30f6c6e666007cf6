//! Where things are: [`Span`], byte offsets into the text given to [`crate::parse`], and
//! [`Field`], a value read from the text beside where and how it was written.

use std::ops::Range;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// Byte offsets `start..end` into the text given to [`crate::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a range, for slicing the input.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value read from the text, with where it was and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Field<T> {
    /// Where the value was written.
    pub span: Span,
    /// The text as written, after removing page debris (link markup, pilcrows).
    pub raw: String,
    /// The normalised value.
    pub value: T,
}

impl Field<String> {
    /// The value, for comparing and showing.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// Byte offsets `start..end` into a paragraph's reading text ([`crate::Paragraph::text`]), not
/// into the input: where a list item or a reading aid stands in the text the page shows. Its
/// source in the input is the node's [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TextSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl TextSpan {
    /// A span of a paragraph's text from `start` to `end`.
    pub fn new(start: usize, end: usize) -> TextSpan {
        TextSpan { start, end }
    }

    /// The span as a range, for slicing the paragraph's text.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}
