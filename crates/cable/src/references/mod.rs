//! Pass 5: references — the items of each `REF` block the header found, what each cites, and the
//! cables cited in the body's text.
//!
//! A block is read as tokens (cleaned offsets kept), in four steps: page furniture inside the block
//! is dropped (`TRIPOLI 00000402 001.2 OF 003`, `CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02
//! 082030Z`); the block ends where something else begins (`Classified By`, `SENSITIVE BUT
//! UNCLASSIFIED`, a numbered paragraph); item letters split it (`A.`, `A)`, `(A)`, `[A]`, `A:`,
//! `A -`, a bare `A`, `a.`, `(1)`, with repeats such as `A. A)` or `A. REF A:`); and each item
//! is read for citations: `[YY] STATION SERIAL[-YY]`, with lists (`Kabul 692/317`, `Paris 7472 and
//! 7677`, `STATE 188314, 259032`) sharing station and year.

mod block;
mod citation;
mod citing;
mod inline;
#[cfg(test)]
mod tests;
mod tokens;

pub(crate) use block::read;
pub(crate) use citing::OwnCable;
pub(crate) use inline::inline;
