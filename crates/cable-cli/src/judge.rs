//! Judged samples of `cable diff`'s disagreements, and the estimates computed from them.
//!
//! `--sample N --seed S --sheets DIR` draws N disagreements a field at random (the seed
//! recorded, cables of earlier samples left out) and writes `DIR/sample.tsv`: for each, the two
//! readings as `A` and `B` in an order drawn with them, so a judge reading the cable's text does not
//! know which parser said what; the key is in `DIR/key.tsv`. Each cable's text goes to
//! `DIR/texts/<ID>.txt` for the judges (not kept: it is in the `cables.csv`). Judges write `DIR/verdicts.tsv`: field, ID,
//! `A`, `B`, `both` or `neither` (which reading is right), and why.
//!
//! `--judged DIR` reads both and estimates, per field, the share of all cables on which each
//! parser gives a wrong value: the share of cables where the two disagree times the share of
//! judged disagreements where that parser is wrong. Cables where the two agree count as right,
//! so the estimate is a floor where both can be wrong the same way.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// The fields compared, in the order they are reported.
pub(crate) const FIELDS: [&str; 6] = [
    "tags",
    "summary",
    "classified_by",
    "references",
    "signer",
    "subject",
];

/// One disagreement of the two parsers on one field of one cable.
pub(crate) struct Disagreement {
    pub(crate) field: usize,
    pub(crate) id: String,
    pub(crate) ours: Value,
    pub(crate) cablemap: Value,
    /// The cable's header and text, as a judge reads it.
    pub(crate) text: String,
}

/// A small seeded generator (SplitMix64): the same seed draws the same sample on every machine.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The IDs already sampled in any `sample.tsv` under `earlier` (other rounds beside this one).
fn earlier_ids(earlier: &Path, this: &Path) -> HashSet<String> {
    let mut ids = HashSet::new();
    let Ok(entries) = std::fs::read_dir(earlier) else {
        return ids;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path == this {
            continue;
        }
        let Ok(sample) = std::fs::read_to_string(path.join("sample.tsv")) else {
            continue;
        };
        for line in sample.lines().skip(1) {
            if let Some(id) = line.split('\t').nth(1) {
                ids.insert(id.to_string());
            }
        }
    }
    ids
}

/// Draws `per_field` disagreements a field and writes the sample and the texts into `sheets`.
pub(crate) fn write_sample(
    disagreements: &[Disagreement],
    per_field: usize,
    seed: u64,
    sheets: &Path,
) -> Result<String, String> {
    let texts = sheets.join("texts");
    std::fs::create_dir_all(&texts).map_err(|error| format!("{}: {error}", texts.display()))?;
    let excluded = sheets
        .parent()
        .map(|parent| earlier_ids(parent, sheets))
        .unwrap_or_default();
    let mut draw = Draw(seed);
    let mut sample = format!("field\tid\tA\tB\t# seed {seed}, {per_field} a field\n");
    let mut key_file = "field\tid\tkey\n".to_string();
    let mut report = String::new();
    for (field_idx, field) in FIELDS.iter().enumerate() {
        let mut pool: Vec<&Disagreement> = disagreements
            .iter()
            .filter(|d| d.field == field_idx && !excluded.contains(&d.id))
            .collect();
        let mut drawn = Vec::new();
        while drawn.len() < per_field && !pool.is_empty() {
            drawn.push(pool.swap_remove(draw.below(pool.len())));
        }
        drawn.sort_by(|a, b| a.id.cmp(&b.id));
        for disagreement in &drawn {
            let ours_first = draw.next().is_multiple_of(2);
            let (a, b, key) = if ours_first {
                (&disagreement.ours, &disagreement.cablemap, "A=ours")
            } else {
                (&disagreement.cablemap, &disagreement.ours, "A=cablemap")
            };
            let _ = writeln!(sample, "{field}\t{}\t{a}\t{b}", disagreement.id);
            let _ = writeln!(key_file, "{field}\t{}\t{key}", disagreement.id);
            let path = texts.join(format!("{}.txt", disagreement.id));
            std::fs::write(&path, &disagreement.text)
                .map_err(|error| format!("{}: {error}", path.display()))?;
        }
        let _ = writeln!(report, "{field}: {} drawn", drawn.len());
    }
    for (name, contents) in [("sample.tsv", sample), ("key.tsv", key_file)] {
        let path = sheets.join(name);
        std::fs::write(&path, contents).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    Ok(report)
}

/// A judge's verdict on one disagreement, read against the key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Right {
    Ours,
    Cablemap,
    Both,
    Neither,
}

/// Reads `sheets/key.tsv` and `sheets/verdicts.tsv` and writes the estimates, given each
/// field's share of cables where the parsers disagree.
pub(crate) fn estimate(sheets: &Path, disagreement_share: &[f64; 6]) -> Result<String, String> {
    let read = |name: &str| {
        let path = sheets.join(name);
        std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))
    };
    let key_file = read("key.tsv")?;
    let verdicts = read("verdicts.tsv")?;
    let mut keys: HashMap<(String, String), bool> = HashMap::new();
    for line in key_file.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        if let [field, id, key, ..] = columns.as_slice() {
            keys.insert((field.to_string(), id.to_string()), *key == "A=ours");
        }
    }
    let mut tally: HashMap<&str, [usize; 4]> = HashMap::new();
    for (number, line) in verdicts.lines().enumerate() {
        if line.starts_with("field\t") || line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let [field, id, verdict, ..] = columns.as_slice() else {
            return Err(format!(
                "verdicts.tsv line {}: not field, ID, verdict, why",
                number + 1
            ));
        };
        let Some(&ours_is_a) = keys.get(&(field.to_string(), id.to_string())) else {
            return Err(format!(
                "verdicts.tsv line {}: {field} {id} is not in the sample",
                number + 1
            ));
        };
        let right = match (*verdict, ours_is_a) {
            ("A", true) | ("B", false) => Right::Ours,
            ("A", false) | ("B", true) => Right::Cablemap,
            ("both", _) => Right::Both,
            ("neither", _) => Right::Neither,
            _ => {
                return Err(format!(
                    "verdicts.tsv line {}: verdict `{verdict}` is none of A, B, both, neither",
                    number + 1
                ))
            }
        };
        let Some(field) = FIELDS.iter().find(|known| *known == field) else {
            return Err(format!(
                "verdicts.tsv line {}: no field `{field}`",
                number + 1
            ));
        };
        let counts = tally.entry(field).or_default();
        let slot = match right {
            Right::Ours => 0,
            Right::Cablemap => 1,
            Right::Both => 2,
            Right::Neither => 3,
        };
        counts[slot] += 1;
    }
    let mut report = format!(
        "{:<14} {:>6} {:>5} {:>9} {:>5} {:>8} {:>9} {:>16} {:>10}\n",
        "field",
        "judged",
        "ours",
        "cablemap",
        "both",
        "neither",
        "disagree",
        "ours wrong",
        "cablemap wrong"
    );
    for (idx, field) in FIELDS.iter().enumerate() {
        let [ours, cablemap, both, neither] = tally.get(field).copied().unwrap_or_default();
        let judged = ours + cablemap + both + neither;
        let share = disagreement_share.get(idx).copied().unwrap_or(0.0);
        let ours_wrong = (cablemap + neither) as f64 / judged.max(1) as f64;
        let cablemap_wrong = (ours + neither) as f64 / judged.max(1) as f64;
        let (low, high) = wilson(cablemap + neither, judged);
        let _ = writeln!(
            report,
            "{field:<14} {judged:>6} {ours:>5} {cablemap:>9} {both:>5} {neither:>8} {:>8.1}% {:>5.2}% ({:.2}–{:.2}) {:>9.2}%",
            100.0 * share,
            100.0 * share * ours_wrong,
            100.0 * share * low,
            100.0 * share * high,
            100.0 * share * cablemap_wrong,
        );
    }
    Ok(report)
}

/// The 95 % Wilson interval of a share `k / n`.
fn wilson(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n, z) = (k as f64, n as f64, 1.96_f64);
    let p = k / n;
    let centre = p + z * z / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    let denominator = 1.0 + z * z / n;
    (
        ((centre - spread) / denominator).max(0.0),
        ((centre + spread) / denominator).min(1.0),
    )
}
