//! The size benchmark: for every corpus cable, URL characters per byte of text for cablescope's
//! links (format 2, written now, and format 1), lz-string's `compressToEncodedURIComponent` (the TypeScript playground's links) and
//! pako-style zlib deflate at level 9 + base64url (mermaid's `#pako:` links), and that deflate
//! with a preset dictionary (the primer's last 32 KB, the most a deflate window holds), each
//! counting only what follows the `#`.
//!
//! `cargo run --release -p permalink --example sizes [--each] [--held-out] [--check] [DIR]`
//! (`--check`: exit 1 unless format 2's median is at most `MEDIAN_LIMIT`, the seed's fragment
//! at most `SEED_LIMIT` characters and every cable's link shorter than both others'; the sizes
//! are deterministic, so this cannot flake; DIR defaults to the corpus). `--held-out` measures
//! only the cables the primers were not made from (the odd-numbered half, see
//! `data/make_primer.py`): what to expect of cables outside the corpus.
//!
//! The limits guard what format 2 reaches; issue 21 asks for 0.36 and 1,950, which it does not
//! yet (0.370 and 2,390): the run prints how far each is.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::time::Instant;

/// What `--check` holds format 2 to: what it reaches, rounded up a little.
const MEDIAN_LIMIT: f64 = 0.38;
const SEED_LIMIT: usize = 2_450;

/// What issue 21 asks for.
const MEDIAN_TARGET: f64 = 0.36;
const SEED_TARGET: usize = 1_950;

fn base64url(bytes: &[u8]) -> usize {
    (bytes.len() * 4).div_ceil(3)
}

/// zlib deflate (level 9) of `text` with a preset dictionary: the deflate window holds `dictionary`
/// before the text starts, as zlib's `deflateSetDictionary` does. Emulated with miniz_oxide by
/// compressing the dictionary, flushing, and counting only what the text adds; plus zlib's
/// header, dictionary ID and checksum (10 bytes).
fn deflate_with_dictionary(dictionary: &[u8], text: &[u8]) -> usize {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
    };
    let mut compressor = CompressorOxide::new(create_comp_flags_from_zip_params(9, -15, 0));
    let mut out = vec![0u8; (dictionary.len() + text.len()) * 2 + 1024];
    let (_, _, after_dictionary) =
        compress(&mut compressor, dictionary, &mut out, TDEFLFlush::Sync);
    let (_, _, written) = compress(
        &mut compressor,
        text,
        &mut out[after_dictionary..],
        TDEFLFlush::Finish,
    );
    written + 10
}

fn main() {
    let mut each = false;
    let mut held_out = false;
    let mut check = false;
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/cables");
    for arg in std::env::args().skip(1) {
        if arg == "--each" {
            each = true;
        } else if arg == "--held-out" {
            held_out = true;
        } else if arg == "--check" {
            check = true;
        } else {
            dir = PathBuf::from(arg);
        }
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    if held_out {
        paths = paths.into_iter().step_by(2).collect();
    }
    let view = permalink::View::default();
    let (mut ours, mut format_1, mut lz, mut pako, mut pako_dictionary) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // The deflate window is 32 KB: the primer's last 32 KB are the dictionary.
    let dictionary = permalink::PRIMER_V2
        .get(permalink::PRIMER_V2.len().saturating_sub(32 * 1024)..)
        .unwrap_or_default();
    let codec = permalink::Codec::builtin();
    let mut losses = Vec::new();
    let (mut encode_time, mut decode_time, mut total_bytes) = (0.0, 0.0, 0usize);
    if each {
        println!(
            "{:<24} {:>8} {:>10} {:>10} {:>10} {:>10}",
            "cable", "bytes", "cablescope", "format 1", "lz-string", "pako"
        );
    }
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("cable text");
        let started = Instant::now();
        let fragment = permalink::encode(&text, &view).expect("encodable");
        encode_time += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let link = permalink::decode(&fragment).expect("decodable");
        decode_time += started.elapsed().as_secs_f64();
        assert_eq!(link.text, text, "{}", path.display());
        let format_1_chars = codec
            .encode_v1(&text, &view)
            .expect("the built-in codec reads format 1")
            .expect("encodable")
            .len();
        total_bytes += text.len();
        let n = text.len() as f64;
        let lz_chars = lz_str::compress_to_encoded_uri_component(&text).len();
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
        let pako_chars = base64url(&deflated);
        let dictionary_chars =
            (deflate_with_dictionary(dictionary, text.as_bytes()) * 4).div_ceil(3);
        let (a, b, c) = (
            fragment.len() as f64 / n,
            lz_chars as f64 / n,
            pako_chars as f64 / n,
        );
        if a >= b || a >= c {
            losses.push(
                path.file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
        if each {
            println!(
                "{:<24} {:>8} {:>10.3} {:>10.3} {:>10.3} {:>10.3}",
                path.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text.len(),
                a,
                format_1_chars as f64 / n,
                b,
                c
            );
        }
        ours.push(a);
        format_1.push(format_1_chars as f64 / n);
        lz.push(b);
        pako.push(c);
        pako_dictionary.push(dictionary_chars as f64 / n);
    }
    let mut sorted = ours.clone();
    sorted.sort_by(f64::total_cmp);
    let our_median = sorted[sorted.len() / 2];
    let summary = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        (
            values[values.len() / 2],
            values[values.len() - 1],
            values[0],
        )
    };
    println!(
        "{} cables, {} bytes; URL characters per byte of text (median, max, min):",
        paths.len(),
        total_bytes
    );
    for (name, values) in [
        ("cablescope (format 2)", &mut ours),
        ("cablescope format 1", &mut format_1),
        ("lz-string", &mut lz),
        ("pako deflate + base64url", &mut pako),
        ("deflate, primer as dictionary", &mut pako_dictionary),
    ] {
        let (median, max, min) = summary(values);
        println!("  {name:<30} {median:.3}  {max:.3}  {min:.3}");
    }
    println!(
        "cablescope shorter than both on {} of {} cables{}",
        paths.len() - losses.len(),
        paths.len(),
        if losses.is_empty() {
            String::new()
        } else {
            format!(" (not on {})", losses.join(", "))
        }
    );
    let seed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/seed/08OTTAWA372.txt"),
    )
    .expect("the seed cable");
    let seed_link = permalink::encode(&seed, &view).expect("encodable");
    let seed_link_1 = codec
        .encode_v1(&seed, &view)
        .expect("the built-in codec reads format 1")
        .expect("encodable");
    println!(
        "the seed (08OTTAWA372, {} bytes): {} characters after the '#' ({:.3} a byte; format 1: {})",
        seed.len(),
        seed_link.len(),
        seed_link.len() as f64 / seed.len() as f64,
        seed_link_1.len()
    );
    println!(
        "issue 21's targets: median {MEDIAN_TARGET} ({}), the seed {SEED_TARGET} characters ({})",
        if our_median <= MEDIAN_TARGET {
            "met".to_string()
        } else {
            format!("{:.3} over", our_median - MEDIAN_TARGET)
        },
        if seed_link.len() <= SEED_TARGET {
            "met".to_string()
        } else {
            format!("{} over", seed_link.len() - SEED_TARGET)
        },
    );
    println!(
        "cablescope speed (format 2): encode {:.1} MB/s, decode {:.1} MB/s",
        total_bytes as f64 / 1e6 / encode_time,
        total_bytes as f64 / 1e6 / decode_time
    );
    if check && (our_median > MEDIAN_LIMIT || seed_link.len() > SEED_LIMIT || !losses.is_empty()) {
        eprintln!(
            "link size limit missed: median {our_median:.3} (limit {MEDIAN_LIMIT}), the seed {} characters (limit {SEED_LIMIT}), {} cables not shorter than both",
            seed_link.len(),
            losses.len()
        );
        std::process::exit(1);
    }
}
