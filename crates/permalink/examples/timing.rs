//! How long links take natively: the first (priming the model), then the seed and the longest
//! corpus cable, encoded and decoded. `cargo run --release -p permalink --example timing`
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let started = Instant::now();
    permalink::encode("x", &permalink::View::default()).expect("encodable");
    println!(
        "first link of a process (the model reads its primer): {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    for path in ["seed/08OTTAWA372.txt", "cables/00STATE228772.txt"] {
        let text = std::fs::read_to_string(root.join(path)).expect("cable");
        let mut encode_ms = f64::INFINITY;
        let mut decode_ms = f64::INFINITY;
        for _ in 0..3 {
            let started = Instant::now();
            let fragment =
                permalink::encode(&text, &permalink::View::default()).expect("encodable");
            encode_ms = encode_ms.min(started.elapsed().as_secs_f64() * 1e3);
            let started = Instant::now();
            let link = permalink::decode(&fragment).expect("decodable");
            decode_ms = decode_ms.min(started.elapsed().as_secs_f64() * 1e3);
            assert_eq!(link.text, text);
        }
        println!(
            "{path} ({} bytes): encode {encode_ms:.1} ms, decode {decode_ms:.1} ms (best of 3)",
            text.len()
        );
    }
}
