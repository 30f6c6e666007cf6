//! The link format's fuzz checks, shared by the fuzz targets `link_decode` and `link_roundtrip`
//! and the regression test that plain `cargo test -p permalink` runs on every saved crash
//! (`fuzz/regressions/link_*/`). Inputs are read from the fuzzer's bytes with `arbitrary`, as
//! libFuzzer's typed targets do.

use arbitrary::{Arbitrary, Unstructured};

/// Decoding runs at 0.25 (format 1) to 0.5 (format 2) MB/s: claimed lengths are kept small so
/// the fuzzer stays fast (the refusal of large claims is a unit test).
const MAX_CLAIMED: u16 = 4096;

/// Any string offered as a link fragment is either refused with a reason or opened, and so is any
/// payload behind a valid checksum (which random strings almost never reach): the bytes are read
/// either as a fragment, or as a text length, view flags and model code sealed with their
/// checksum, as format 2 (the one written now) or, when the claimed length's top bit is set,
/// format 1, so that both models read garbage. An opened link codes back to the same text and
/// view (in format 2).
pub fn link_decode(bytes: &[u8]) {
    let Ok((sealed, fragment, claimed, flags, code)) =
        <(bool, String, u16, u8, Vec<u8>)>::arbitrary_take_rest(Unstructured::new(bytes))
    else {
        return;
    };
    let fragment = if sealed {
        let mut rest = Vec::with_capacity(code.len() + 4);
        push_varint(&mut rest, u64::from(claimed % MAX_CLAIMED));
        rest.push(flags);
        rest.extend_from_slice(&code);
        let version = if claimed & 0x8000 != 0 { 1 } else { 2 };
        permalink::seal_version(version, &rest)
    } else {
        fragment
    };
    let checked = permalink::check(&fragment);
    match permalink::decode(&fragment) {
        Ok(link) => {
            assert!(checked.is_ok(), "check refused a link decode accepted");
            let again =
                permalink::encode(&link.text, &link.view).expect("an opened link re-encodes");
            assert_eq!(permalink::decode(&again).as_ref(), Ok(&link));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}

/// Any text and view make a link that opens to exactly that text and view; an anchor the format
/// cannot carry is refused, never mangled.
pub fn link_roundtrip(bytes: &[u8]) {
    let Ok((flags, anchor, text)) =
        <(u8, String, String)>::arbitrary_take_rest(Unstructured::new(bytes))
    else {
        return;
    };
    // Flag 32 also gives the view a cable ID, the anchor's letters in capitals: often no ID,
    // which must be refused, sometimes one, which must come back.
    let cable_id = (flags & 32 != 0).then(|| anchor.to_ascii_uppercase());
    let view = permalink::View {
        selected: (!anchor.is_empty()).then_some(anchor),
        source_open: flags & 1 != 0,
        as_written: flags & 2 != 0,
        transmission_open: flags & 4 != 0,
        notes_open: flags & 8 != 0,
        all_paragraphs: flags & 16 != 0,
        cable_id,
    };
    let Ok(fragment) = permalink::encode(&text, &view) else {
        return;
    };
    assert!(permalink::is_link(&fragment));
    assert_eq!(permalink::check(&fragment), Ok(()));
    let link = permalink::decode(&fragment).expect("a made link opens");
    assert_eq!(link.text, text);
    assert_eq!(link.view, view);
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7F) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}
