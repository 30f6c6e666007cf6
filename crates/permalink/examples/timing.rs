//! How long links take natively, in the format written now (2): opening the seed's link cold, as
//! a page does (priming the model included), making links once the model is primed, and the
//! longest corpus cable both ways; then format 1's priming, for comparison.
//! `cargo run --release -p permalink --example timing` (the page's size-optimised build; add
//! `--profile cli` for the command line's). Each figure is the best of several runs: on a
//! shared machine the best is the one least disturbed.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;

/// The best of `runs` runs of `work`, in milliseconds.
fn best_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let view = permalink::View {
        selected: Some("field-subject".into()),
        ..permalink::View::default()
    };
    let seed = std::fs::read_to_string(root.join("seed/08OTTAWA372.txt")).expect("the seed");
    let codec = permalink::Codec::current(permalink::PRIMER_V2).expect("the primer");
    let started = Instant::now();
    let seed_link = codec.encode(&seed, &view).expect("encodable");
    println!(
        "first link of a process (priming included): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let empty_link = codec
        .encode("", &permalink::View::default())
        .expect("encodable");
    let priming = best_ms(15, || {
        codec.decode_cold(&empty_link).expect("opens");
    });
    let cold = best_ms(15, || {
        let link = codec.decode_cold(&seed_link).expect("opens");
        assert_eq!(link.text, seed);
    });
    println!(
        "opening the seed's link ({} characters) cold: {cold:.1} ms, of which priming {priming:.1} ms (best of 15)",
        seed_link.len()
    );
    for path in ["seed/08OTTAWA372.txt", "cables/00STATE228772.txt"] {
        let text = std::fs::read_to_string(root.join(path)).expect("cable");
        let mut fragment = String::new();
        let encode_ms = best_ms(5, || {
            fragment = codec.encode(&text, &view).expect("encodable");
        });
        let decode_ms = best_ms(5, || {
            let link = codec.decode(&fragment).expect("decodable");
            assert_eq!(link.text, text);
        });
        println!(
            "{path} ({} bytes): encode {encode_ms:.1} ms, decode {decode_ms:.1} ms with the model primed (best of 5); {:.2} MB/s decoding",
            text.len(),
            text.len() as f64 / 1e3 / decode_ms
        );
    }
    let format_1 = best_ms(3, || {
        codec
            .priming(permalink::PRIMER_V1)
            .expect("the primer")
            .finish();
    });
    println!("format 1, for comparison: priming {format_1:.0} ms (best of 3)");
}
