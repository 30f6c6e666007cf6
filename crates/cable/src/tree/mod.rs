//! Every node of the parse tree, and nothing else: what a [`crate::parse`] returns.
//!
//! Nodes that come from the text carry a [`crate::Span`] into the text as given and, beside each
//! normalised value, its raw text ([`crate::Field`]).

pub(crate) mod body;
pub(crate) mod cable;
pub(crate) mod diagnostic;
pub(crate) mod header;
pub(crate) mod references;

pub use body::{AidKind, Paragraph, PortionMarking, ReadingAid, SubItem};
pub use cable::{Cable, InputForm, Parse};
pub use diagnostic::{Diagnostic, Severity};
pub use header::{
    Addressee, Caption, CaptionKind, Classification, ClassificationLine, Classifier, DateTime,
    Declassification, Precedence, Routing, Tag,
};
pub use references::{CitedCable, Reference, ReferenceKind, YearSource};
