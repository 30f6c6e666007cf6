fn main() {
    let t = std::fs::read_to_string("corpus/cables/00STATE228772.txt").unwrap();
    let text = t.repeat(10_000_000 / t.len() + 1);
    let s = std::time::Instant::now();
    let p = cable::parse(&text);
    println!(
        "{:?} {:?} paragraphs {}",
        s.elapsed(),
        p.cable.canonical_id.map(|i| i.value),
        p.cable.paragraphs.len()
    );
}
