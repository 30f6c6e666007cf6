//! Prints a compact outline of a parse, for looking at real cables while developing.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        return eprintln!("usage: dump FILE");
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return eprintln!("cannot read {path}");
    };
    let text = String::from_utf8_lossy(&bytes);
    let parse = cable::parse(&text);
    let cable = &parse.cable;
    println!("id: {:?}", cable.canonical_id.as_ref().map(|f| &f.value));
    println!(
        "class: {:?}",
        cable
            .classification
            .as_ref()
            .map(|c| c.classification.value)
    );
    println!(
        "dtg: {:?}",
        cable
            .routing
            .as_ref()
            .and_then(|r| r.date_time.as_ref())
            .map(|f| f.value.to_string())
    );
    println!("subject: {:?}", cable.subject.as_ref().map(|f| &f.value));
    println!(
        "tags: {:?}",
        cable.tags.iter().map(|f| &f.value).collect::<Vec<_>>()
    );
    for r in &cable.references {
        println!(
            "ref {:?} {:?} {:?} {:?}",
            r.letter, r.kind, r.canonical_id, r.text
        );
    }
    for p in &cable.paragraphs {
        let text: String = p.text.chars().take(70).collect();
        let tail: String = p
            .text
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        println!(
            "para {:?} {:?} h={:?} | {text} … {tail}",
            p.number.as_ref().map(|n| n.value),
            p.marking.as_ref().map(|m| &m.value),
            p.heading.as_ref().map(|h| &h.value)
        );
    }
    println!("breaks: {}", cable.page_breaks.len());
    println!(
        "signature: {:?}",
        cable.signature.as_ref().map(|f| &f.value)
    );
    for n in &cable.notes {
        println!("note: {:?}", n.value);
    }
    for d in &parse.diagnostics {
        println!("diag {:?}: {}", d.severity, d.message);
    }
    if let Err(error) = cable::validate(&text, &parse) {
        println!("INVALID: {error}");
    }
}
