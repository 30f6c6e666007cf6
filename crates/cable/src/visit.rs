//! One walk over every node of a parse that comes from the text, in the tree's order.
//!
//! [`walk`] visits each node once, parents before their children, with its path in the tree
//! (`references[2].cables[0]`) and the element of the page it belongs to ([`Element`]). It
//! takes every struct apart with a pattern that names each member, so a member added to the
//! tree does not compile until it is walked: [`crate::validate`], [`crate::anchors`] and
//! [`crate::outline`] are built on this walk, and none of them can forget a node.

use crate::span::{Field, Span, TextSpan};
use crate::tree::{
    Addressee, Cable, CitedCable, Classification, ClassificationLine, Classifier, DateTime,
    Declassification, Diagnostic, Paragraph, Parse, Precedence, ReadingAid, Reference, Routing,
    SubItem, Tag,
};
use crate::tree::{Caption, CaptionKind};

/// The element of the page a node is shown in, which gives it its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    /// No element of its own: the cable, a page break, a reference block, a note, the summary.
    None,
    /// A row of the header card.
    Row(Row),
    /// The reference at this position.
    Reference(usize),
    /// The paragraph at this position.
    Paragraph(usize),
    /// The parser's note at this position.
    Diagnostic(usize),
}

/// The rows of the header card, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The canonical ID, and the origin and serial it is made of.
    CanonicalId,
    /// The date-time group.
    DateTime,
    /// The precedence.
    Precedence,
    /// The `FM` line.
    From,
    /// The action addressees.
    To,
    /// The information addressees.
    Info,
    /// The classification line.
    Classification,
    /// Handling captions.
    Caveats,
    /// Other captions.
    Distribution,
    /// `SECTION 01 OF 02`.
    Section,
    /// The `E.O.` line.
    Declassification,
    /// TAGS.
    Tags,
    /// The subject.
    Subject,
    /// `Classified By` and the classifier read from it.
    ClassifiedBy,
    /// The signer.
    Signature,
    /// The transmission lines of the routing header.
    Transmission,
}

impl Row {
    /// Every row, in the order the page shows them.
    pub const ALL: [Row; 16] = [
        Row::CanonicalId,
        Row::DateTime,
        Row::Precedence,
        Row::From,
        Row::To,
        Row::Info,
        Row::Classification,
        Row::Caveats,
        Row::Distribution,
        Row::Section,
        Row::Declassification,
        Row::Tags,
        Row::Subject,
        Row::ClassifiedBy,
        Row::Signature,
        Row::Transmission,
    ];

    /// The row's name in its anchor: `subject` for `field-subject`.
    pub fn name(self) -> &'static str {
        match self {
            Row::CanonicalId => "canonical-id",
            Row::DateTime => "date-time",
            Row::Precedence => "precedence",
            Row::From => "from",
            Row::To => "to",
            Row::Info => "info",
            Row::Classification => "classification",
            Row::Caveats => "caveats",
            Row::Distribution => "distribution",
            Row::Section => "section",
            Row::Declassification => "declassification",
            Row::Tags => "tags",
            Row::Subject => "subject",
            Row::ClassifiedBy => "classified-by",
            Row::Signature => "signature",
            Row::Transmission => "transmission",
        }
    }
}

/// What a visited node is.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    /// The whole cable.
    Cable(&'a Cable),
    /// The routing header.
    Routing(&'a Routing),
    /// A `TO` or `INFO` addressee.
    Addressee(&'a Addressee),
    /// The classification line.
    ClassificationLine(&'a ClassificationLine),
    /// A caption under the classification line.
    Caption(&'a Caption),
    /// The `E.O.` line.
    Declassification(&'a Declassification),
    /// A TAGS code.
    Tag(&'a Tag),
    /// Who classified the cable and why.
    Classifier(&'a Classifier),
    /// An item of a `REF` block.
    Reference(&'a Reference),
    /// A cable cited in a reference or in the text.
    CitedCable(&'a CitedCable),
    /// A paragraph of the body.
    Paragraph(&'a Paragraph),
    /// A list item inside a paragraph.
    Item(&'a SubItem),
    /// A reading aid inside a paragraph.
    Aid(&'a ReadingAid),
    /// A note of the parser's.
    Diagnostic(&'a Diagnostic),
    /// A value read as text.
    Text(&'a Field<String>),
    /// A date-time group.
    DateTime(&'a Field<DateTime>),
    /// A precedence.
    Precedence(&'a Field<Precedence>),
    /// A classification.
    Classification(&'a Field<Classification>),
    /// `SECTION 01 OF 02`.
    Section(&'a Field<(u32, u32)>),
    /// A paragraph's number.
    Number(&'a Field<u32>),
    /// A stretch with no value of its own: a page break, a reference block.
    Stretch(Span),
}

impl Node<'_> {
    /// Where the node was read from in the input.
    pub fn span(&self) -> Span {
        match self {
            Node::Cable(node) => node.span,
            Node::Routing(node) => node.span,
            Node::Addressee(node) => node.span,
            Node::ClassificationLine(node) => node.span,
            Node::Caption(node) => node.span,
            Node::Declassification(node) => node.span,
            Node::Tag(node) => node.span,
            Node::Classifier(node) => node.span,
            Node::Reference(node) => node.span,
            Node::CitedCable(node) => node.span,
            Node::Paragraph(node) => node.span,
            Node::Item(node) => node.span,
            Node::Aid(node) => node.span,
            Node::Diagnostic(node) => node.span,
            Node::Text(field) => field.span,
            Node::DateTime(field) => field.span,
            Node::Precedence(field) => field.span,
            Node::Classification(field) => field.span,
            Node::Section(field) => field.span,
            Node::Number(field) => field.span,
            Node::Stretch(span) => *span,
        }
    }

    /// Where a list item or a reading aid stands in its paragraph's text.
    pub fn text_span(&self) -> Option<TextSpan> {
        match self {
            Node::Item(item) => Some(item.in_text),
            Node::Aid(aid) => Some(aid.in_text),
            _ => None,
        }
    }
}

/// One step of a path: a member's name and, in a list, the position.
pub type Step = (&'static str, Option<usize>);

/// A node being visited: where it is in the tree, the page element it belongs to, and itself.
#[derive(Debug, Clone, Copy)]
pub struct Visit<'a> {
    /// Its step under its parent: `("cables", Some(0))`. No node lies deeper than two steps.
    pub step: Step,
    /// Its parent's step under the cable, for a node two steps deep: `("references", Some(2))`.
    pub parent: Option<Step>,
    /// The element of the page it is shown in.
    pub element: Element,
    /// The node.
    pub node: Node<'a>,
}

impl Visit<'_> {
    /// The path written out: `references[2].cables[0]`, `cable` for the root.
    pub fn path_text(&self) -> String {
        let mut text = String::new();
        for (name, index) in self.parent.iter().chain(std::iter::once(&self.step)) {
            if !text.is_empty() {
                text.push('.');
            }
            text.push_str(name);
            if let Some(index) = index {
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
        }
        text
    }
}

/// Visits every node of `parse`: the cable's, then the diagnostics.
pub fn walk<'a>(parse: &'a Parse, visit: &mut dyn FnMut(&Visit<'a>)) {
    let Parse {
        input_form: _,
        cable,
        diagnostics,
    } = parse;
    let mut walker = Walker {
        parent: None,
        visit,
    };
    walker.cable(cable);
    for (idx, diagnostic) in diagnostics.iter().enumerate() {
        let element = Element::Diagnostic(idx);
        walker.leaf(
            ("diagnostics", Some(idx)),
            element,
            Node::Diagnostic(diagnostic),
        );
    }
}

/// Visits every node of `cable` (not the diagnostics, which live beside it in the parse).
pub fn walk_cable<'a>(cable: &'a Cable, visit: &mut dyn FnMut(&Visit<'a>)) {
    let mut walker = Walker {
        parent: None,
        visit,
    };
    walker.cable(cable);
}

struct Walker<'a, 'v> {
    /// The step of the node whose children are being visited.
    parent: Option<Step>,
    visit: &'v mut dyn FnMut(&Visit<'a>),
}

impl<'a> Walker<'a, '_> {
    /// Visits `node` at `step`, then what `children` visits under it.
    fn node(
        &mut self,
        step: Step,
        element: Element,
        node: Node<'a>,
        children: impl FnOnce(&mut Self),
    ) {
        (self.visit)(&Visit {
            step,
            parent: self.parent,
            element,
            node,
        });
        let outer = self.parent.replace(step);
        children(self);
        self.parent = outer;
    }

    // Not inlined: the walk calls these at every member, and one call is smaller than a copy.
    #[inline(never)]
    fn leaf(&mut self, step: Step, element: Element, node: Node<'a>) {
        self.node(step, element, node, |_| {});
    }

    #[inline(never)]
    fn text(&mut self, name: &'static str, element: Element, field: &'a Option<Field<String>>) {
        if let Some(field) = field {
            self.leaf((name, None), element, Node::Text(field));
        }
    }

    fn cable(&mut self, cable: &'a Cable) {
        let Cable {
            span: _,
            canonical_id,
            routing,
            later_date_time,
            classification,
            captions,
            declassification,
            tags,
            subject,
            references_span,
            inline_citations,
            reference_spans,
            references,
            classified_by,
            classifier,
            paragraphs,
            page_breaks,
            summary,
            comments,
            signature,
            notes,
        } = cable;
        (self.visit)(&Visit {
            step: ("cable", None),
            parent: None,
            element: Element::None,
            node: Node::Cable(cable),
        });
        self.text("canonical_id", Element::Row(Row::CanonicalId), canonical_id);
        if let Some(routing) = routing {
            self.routing(routing);
        }
        if let Some(field) = later_date_time {
            let element = Element::Row(Row::DateTime);
            self.leaf(("later_date_time", None), element, Node::DateTime(field));
        }
        if let Some(line) = classification {
            self.classification_line(line);
        }
        for (idx, caption) in captions.iter().enumerate() {
            let row = match caption.kind {
                CaptionKind::Handling => Row::Caveats,
                CaptionKind::Distribution | CaptionKind::Other => Row::Distribution,
            };
            self.leaf(
                ("captions", Some(idx)),
                Element::Row(row),
                Node::Caption(caption),
            );
        }
        if let Some(line) = declassification {
            self.declassification(line);
        }
        for (idx, tag) in tags.iter().enumerate() {
            self.leaf(("tags", Some(idx)), Element::Row(Row::Tags), Node::Tag(tag));
        }
        self.text("subject", Element::Row(Row::Subject), subject);
        if let Some(span) = references_span {
            self.leaf(
                ("references_span", None),
                Element::None,
                Node::Stretch(*span),
            );
        }
        for (idx, span) in reference_spans.iter().enumerate() {
            let step = ("reference_spans", Some(idx));
            self.leaf(step, Element::None, Node::Stretch(*span));
        }
        for (idx, reference) in references.iter().enumerate() {
            self.reference(idx, reference);
        }
        self.text(
            "classified_by",
            Element::Row(Row::ClassifiedBy),
            classified_by,
        );
        if let Some(classifier) = classifier {
            let element = Element::Row(Row::ClassifiedBy);
            self.leaf(("classifier", None), element, Node::Classifier(classifier));
        }
        for (idx, paragraph) in paragraphs.iter().enumerate() {
            self.paragraph(idx, paragraph);
        }
        for (idx, span) in page_breaks.iter().enumerate() {
            self.leaf(
                ("page_breaks", Some(idx)),
                Element::None,
                Node::Stretch(*span),
            );
        }
        self.text("summary", Element::None, summary);
        for (idx, comment) in comments.iter().enumerate() {
            self.leaf(("comments", Some(idx)), Element::None, Node::Text(comment));
        }
        self.text("signature", Element::Row(Row::Signature), signature);
        for (idx, note) in notes.iter().enumerate() {
            self.leaf(("notes", Some(idx)), Element::None, Node::Text(note));
        }
        for (idx, cited) in inline_citations.iter().enumerate() {
            let step = ("inline_citations", Some(idx));
            self.leaf(step, Element::None, Node::CitedCable(cited));
        }
    }

    fn routing(&mut self, routing: &'a Routing) {
        let Routing {
            span: _,
            transmission_id,
            relay,
            relay_indicators: _,
            station,
            station_serial: _,
            station_section: _,
            filing_time: _,
            security,
            precedence,
            info_precedence: _,
            date_time,
            from,
            to,
            info,
        } = routing;
        let transmission = Element::Row(Row::Transmission);
        self.node(
            ("routing", None),
            transmission,
            Node::Routing(routing),
            |walker| {
                walker.text("transmission_id", transmission, transmission_id);
                walker.text("relay", transmission, relay);
                walker.text("station", transmission, station);
                if let Some(field) = security {
                    walker.leaf(
                        ("security", None),
                        transmission,
                        Node::Classification(field),
                    );
                }
                if let Some(field) = precedence {
                    let element = Element::Row(Row::Precedence);
                    walker.leaf(("precedence", None), element, Node::Precedence(field));
                }
                if let Some(field) = date_time {
                    let element = Element::Row(Row::DateTime);
                    walker.leaf(("date_time", None), element, Node::DateTime(field));
                }
                walker.text("from", Element::Row(Row::From), from);
                for (idx, addressee) in to.iter().enumerate() {
                    let element = Element::Row(Row::To);
                    walker.leaf(("to", Some(idx)), element, Node::Addressee(addressee));
                }
                for (idx, addressee) in info.iter().enumerate() {
                    let element = Element::Row(Row::Info);
                    walker.leaf(("info", Some(idx)), element, Node::Addressee(addressee));
                }
            },
        );
    }

    fn classification_line(&mut self, line: &'a ClassificationLine) {
        let ClassificationLine {
            span: _,
            classification,
            controls: _,
            section,
            origin,
            serial,
        } = line;
        let row = Element::Row(Row::Classification);
        let node = Node::ClassificationLine(line);
        self.node(("classification", None), row, node, |walker| {
            let node = Node::Classification(classification);
            walker.leaf(("classification", None), row, node);
            if let Some(field) = section {
                let element = Element::Row(Row::Section);
                walker.leaf(("section", None), element, Node::Section(field));
            }
            // Origin and serial make the canonical ID, which has the row of its own.
            walker.text("origin", Element::Row(Row::CanonicalId), origin);
            walker.text("serial", Element::Row(Row::CanonicalId), serial);
        });
    }

    fn declassification(&mut self, line: &'a Declassification) {
        let Declassification {
            span: _,
            order,
            decl,
            date,
        } = line;
        let row = Element::Row(Row::Declassification);
        let node = Node::Declassification(line);
        self.node(("declassification", None), row, node, |walker| {
            walker.text("order", row, order);
            walker.text("decl", row, decl);
            walker.text("date", row, date);
        });
    }

    fn reference(&mut self, idx: usize, reference: &'a Reference) {
        let Reference {
            span: _,
            letter,
            text: _,
            kind: _,
            canonical_id: _,
            cables,
            annotation,
            self_reference: _,
        } = reference;
        let element = Element::Reference(idx);
        let node = Node::Reference(reference);
        self.node(("references", Some(idx)), element, node, |walker| {
            walker.text("letter", element, letter);
            for (cable_idx, cited) in cables.iter().enumerate() {
                let node = Node::CitedCable(cited);
                walker.leaf(("cables", Some(cable_idx)), element, node);
            }
            walker.text("annotation", element, annotation);
        });
    }

    fn paragraph(&mut self, idx: usize, paragraph: &'a Paragraph) {
        let Paragraph {
            span: _,
            number,
            marking,
            portion: _,
            heading,
            text: _,
            items,
            aids,
            breaks: _,
        } = paragraph;
        let element = Element::Paragraph(idx);
        let node = Node::Paragraph(paragraph);
        self.node(("paragraphs", Some(idx)), element, node, |walker| {
            walker.text("heading", element, heading);
            if let Some(field) = number {
                walker.leaf(("number", None), element, Node::Number(field));
            }
            walker.text("marking", element, marking);
            for (item_idx, item) in items.iter().enumerate() {
                walker.leaf(("items", Some(item_idx)), element, Node::Item(item));
            }
            for (aid_idx, aid) in aids.iter().enumerate() {
                walker.leaf(("aids", Some(aid_idx)), element, Node::Aid(aid));
            }
        });
    }
}
