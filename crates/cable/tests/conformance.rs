//! Conformance with heuer/cablemap's own test cases (`corpus/conformance/`, or the directory in
//! `CABLE_CONFORMANCE_DIR`). Prints one line per suite, `suite: N passed, M failed`, then the
//! total, and asserts per-suite floors that may only go up.
//!
//! Cases that name a cable (`cable_id`) read it from `corpus/cables/`; a suite whose cables are not
//! in the corpus reports them as not run rather than failed.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn conformance_dir() -> PathBuf {
    std::env::var_os("CABLE_CONFORMANCE_DIR")
        .map_or_else(|| repo().join("corpus/conformance"), PathBuf::from)
}

fn suite(name: &str) -> Vec<Value> {
    let path = conformance_dir().join(format!("cablemap_{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let json: Value = serde_json::from_str(&text).expect("suite JSON");
    json["cases"].as_array().cloned().unwrap_or_default()
}

/// The text of a corpus cable, or `None` when the corpus does not have it.
fn corpus_cable(id: &str) -> Option<String> {
    std::fs::read_to_string(repo().join("corpus/cables").join(format!("{id}.txt"))).ok()
}

/// Parses a case's input with what the case says of its context, as cablemap's test gave it to
/// cablemap: its year and the citing cable's ID (`reference_id`), if any.
fn parse_case(case: &Value) -> cable::Parse {
    cable::parse_with(case["input"].as_str().unwrap_or(""), options(case))
}

fn options(case: &Value) -> cable::Options {
    cable::Options {
        year: case["year"]
            .as_u64()
            .and_then(|year| u16::try_from(year).ok()),
        id: case["reference_id"].as_str().map(str::to_string),
    }
}

/// A case's outcome: passed, failed with what was found, or not run (its cable is missing).
enum Outcome {
    Passed,
    Failed(String),
    NotRun,
}

fn compare(expected: &Value, found: Value) -> Outcome {
    if *expected == found {
        Outcome::Passed
    } else {
        Outcome::Failed(format!("expected {expected}, found {found}"))
    }
}

struct Report {
    name: &'static str,
    passed: usize,
    failed: Vec<String>,
    /// Of the failed, how many expectations are judged wrong (see `JUDGED_WRONG`).
    judged_wrong: usize,
    not_run: usize,
}

impl Report {
    /// The rate over the cases run whose expectation is not judged wrong.
    fn percent(&self) -> f64 {
        let total = self.passed + self.failed.len() - self.judged_wrong;
        if total == 0 {
            100.0
        } else {
            100.0 * self.passed as f64 / total as f64
        }
    }
}

fn run(name: &'static str, check: impl Fn(&Value) -> Outcome) -> Report {
    let mut report = Report {
        name,
        passed: 0,
        failed: Vec::new(),
        judged_wrong: 0,
        not_run: 0,
    };
    for (idx, case) in suite(name).iter().enumerate() {
        match check(case) {
            Outcome::Passed => report.passed += 1,
            Outcome::Failed(why) => {
                let unreachable = UNREACHABLE
                    .iter()
                    .find(|(suite, case_idx, _)| *suite == name && *case_idx == idx)
                    .map_or(String::new(), |(_, _, reason)| {
                        format!(" [not derivable from the input: {reason}]")
                    });
                let wrong = JUDGED_WRONG
                    .iter()
                    .find(|(suite, case_idx, _)| *suite == name && *case_idx == idx);
                report.judged_wrong += usize::from(wrong.is_some());
                let unreachable = match wrong {
                    Some((_, _, reason)) => format!(" [expectation judged wrong: {reason}]"),
                    None => unreachable,
                };
                report.failed.push(format!(
                    "case {idx} ({}): {why}{unreachable}",
                    case["cable_id"]
                ));
            }
            Outcome::NotRun => report.not_run += 1,
        }
    }
    report
}

fn subject_of(parse: &cable::Parse) -> Value {
    Value::String(
        parse
            .cable
            .subject
            .as_ref()
            .map(|field| field.value.clone())
            .unwrap_or_default(),
    )
}

fn subject_by_cable_id(case: &Value) -> Outcome {
    let Some(text) = case["cable_id"].as_str().and_then(corpus_cable) else {
        return Outcome::NotRun;
    };
    compare(&case["expected"], subject_of(&cable::parse(&text)))
}

fn addressees(list: &[cable::Addressee]) -> Value {
    list.iter()
        .map(|addressee| {
            serde_json::json!({
                "route": addressee.routing_indicator,
                "name": addressee.name,
                "precedence": addressee.precedence.map(cable::Precedence::as_str),
                "mcn": addressee.serial,
                "excluded": addressee.excluded,
            })
        })
        .collect()
}

/// Compares addressee lists field by field, ignoring key order.
fn compare_addressees(expected: &Value, found: Value) -> Outcome {
    let normalise = |value: &Value| -> Vec<Value> {
        value
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|mut item| {
                if let Some(object) = item.as_object_mut() {
                    object
                        .entry("excluded")
                        .or_insert_with(|| Value::Array(Vec::new()));
                }
                item
            })
            .collect()
    };
    compare(
        &Value::Array(normalise(expected)),
        Value::Array(normalise(&found)),
    )
}

/// A TO or INFO case: the addressees of one list, compared field by field.
fn recipients_case(case: &Value, list: fn(&cable::Routing) -> &Vec<cable::Addressee>) -> Outcome {
    let parse = parse_case(case);
    let found = parse
        .cable
        .routing
        .as_ref()
        .map_or(&[][..], |routing| list(routing).as_slice());
    compare_addressees(&case["expected"], addressees(found))
}

#[test]
fn header_suites() {
    let reports = vec![
        run("subject", |case| {
            // cablemap's `clean` only strips a leading portion marking, which no unclean case has.
            compare(&case["expected"], subject_of(&parse_case(case)))
        }),
        run("tags", |case| {
            let parse = parse_case(case);
            compare(
                &case["expected"],
                parse
                    .cable
                    .tags
                    .iter()
                    .map(|tag| Value::String(tag.value.clone()))
                    .collect(),
            )
        }),
        run("classified_by", |case| {
            let parse = parse_case(case);
            let names = parse
                .cable
                .classifier
                .as_ref()
                .map(|classifier| classifier.names.clone())
                .unwrap_or_default();
            // cablemap's `normalize` flag: names as a reader writes them.
            let names: Vec<String> = if case["normalize"].as_bool() == Some(true) {
                names
                    .iter()
                    .map(|name| cable::normalize_name(name))
                    .collect()
            } else {
                names
            };
            compare(
                &case["expected"],
                names.into_iter().map(Value::String).collect(),
            )
        }),
        run("recipients", |case| {
            recipients_case(case, |routing| &routing.to)
        }),
        run("info_recipients", |case| {
            recipients_case(case, |routing| &routing.info)
        }),
        run("nondisclosure_deadline", |case| {
            let parse = parse_case(case);
            let date = parse
                .cable
                .declassification
                .as_ref()
                .and_then(|line| line.date.as_ref());
            compare(
                &case["expected"],
                date.map_or(Value::Null, |date| Value::String(date.value.clone())),
            )
        }),
        run("subject_from_html", |case| {
            let Some(id) = case["cable_id"].as_str() else {
                return Outcome::NotRun;
            };
            let path = repo()
                .join("corpus/variants")
                .join(format!("{id}__cablemap-testdata-2011__pre.html"));
            let Ok(html) = std::fs::read_to_string(path) else {
                return Outcome::NotRun;
            };
            compare(&case["expected"], subject_of(&cable::parse(&html)))
        }),
        run("cables_without_subject", subject_by_cable_id),
        run("difficult_subjects", subject_by_cable_id),
        run("issue14_subjects", subject_by_cable_id),
        run("issue15_subjects", subject_by_cable_id),
    ];
    report_and_check("header conformance", &reports);
}

/// Prints one line per suite and a total, then asserts the floors.
fn report_and_check(total_name: &str, reports: &[Report]) {
    let verbose = std::env::var_os("CABLE_CONFORMANCE_VERBOSE").is_some();
    let (mut passed, mut failed, mut not_run) = (0, 0, 0);
    // Start on a line of its own: the test harness has printed the test's name.
    println!();
    for report in reports {
        let not_run_note = if report.not_run > 0 {
            format!(
                " ({} not run: their cables are not in the corpus)",
                report.not_run
            )
        } else {
            String::new()
        };
        let wrong_note = if report.judged_wrong > 0 {
            format!(
                " ({} of them judged wrong: {} of {} otherwise)",
                report.judged_wrong,
                report.passed,
                report.passed + report.failed.len() - report.judged_wrong
            )
        } else {
            String::new()
        };
        println!(
            "{}: {} passed, {} failed{wrong_note}{not_run_note}",
            report.name,
            report.passed,
            report.failed.len()
        );
        if verbose {
            for failure in &report.failed {
                println!("    {failure}");
            }
        }
        passed += report.passed;
        failed += report.failed.len();
        not_run += report.not_run;
    }
    println!("{total_name}: {passed} passed, {failed} failed, {not_run} not run");
    let mut below = Vec::new();
    for report in reports {
        let floor = FLOORS
            .iter()
            .find(|(name, _)| *name == report.name)
            .map_or(100.0, |(_, floor)| *floor);
        if report.percent() < floor {
            below.push(format!(
                "{}: {:.1} % < floor {floor} %",
                report.name,
                report.percent()
            ));
        }
    }
    assert!(below.is_empty(), "{below:#?}");
}

/// The cables a parse cites, by canonical ID, without repeats, leaving out `own_id`.
fn cited_ids(parse: &cable::Parse, own_id: Option<&str>) -> Value {
    let mut ids: Vec<String> = Vec::new();
    for reference in &parse.cable.references {
        for cable in &reference.cables {
            if let Some(id) = &cable.canonical_id {
                if Some(id.as_str()) != own_id && !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
    }
    Value::Array(ids.into_iter().map(Value::String).collect())
}

/// cablemap's reference objects: one per cited cable, one per other item of a kind it knows.
fn reference_objects(parse: &cable::Parse) -> Value {
    let mut objects = Vec::new();
    for reference in &parse.cable.references {
        let bullet = reference
            .letter
            .as_ref()
            .map_or(Value::Null, |letter| Value::String(letter.value.clone()));
        if reference.cables.is_empty() {
            let kind = match reference.kind {
                cable::ReferenceKind::Email => "EMAIL",
                cable::ReferenceKind::Telcon => "TEL",
                cable::ReferenceKind::Report => "REPORT",
                cable::ReferenceKind::Publication => "BOOK",
                _ => continue,
            };
            objects
                .push(serde_json::json!({"value": reference.text, "kind": kind, "bullet": bullet}));
        }
        for cable in &reference.cables {
            if let Some(id) = &cable.canonical_id {
                objects.push(serde_json::json!({"value": id, "kind": "CABLE", "bullet": bullet}));
            }
        }
    }
    Value::Array(objects)
}

/// The signer as written, or upper-cased (cablemap's `c14n`).
fn signers_of(parse: &cable::Parse, canonical: bool) -> Value {
    let signers: Vec<Value> = parse
        .cable
        .signature
        .iter()
        .map(|signature| {
            Value::String(if canonical {
                signature.value.to_uppercase()
            } else {
                signature.value.clone()
            })
        })
        .collect();
    Value::Array(signers)
}

#[test]
fn body_suites() {
    let reports = vec![
        run("references", |case| {
            let parse = parse_case(case);
            compare(
                &case["expected"],
                cited_ids(&parse, case["reference_id"].as_str()),
            )
        }),
        run("references_ng", |case| {
            let parse = parse_case(case);
            compare(&case["expected"], reference_objects(&parse))
        }),
        run("references_malformed_tripoli", |case| {
            let parse = parse_case(case);
            compare(
                &case["expected"],
                cited_ids(&parse, case["reference_id"].as_str()),
            )
        }),
        run("reference_oddities", references_by_cable_id),
        run("issue25_references", references_by_cable_id),
        run("signers", |case| {
            let parse = parse_case(case);
            compare(
                &case["expected"],
                signers_of(&parse, case["c14n"].as_bool() == Some(true)),
            )
        }),
        run("signers_by_cable_id", |case| {
            let Some(text) = case["cable_id"].as_str().and_then(corpus_cable) else {
                return Outcome::NotRun;
            };
            let parse = cable::parse(&text);
            compare(
                &case["expected"],
                signers_of(&parse, case["c14n"].as_bool() == Some(true)),
            )
        }),
        run("id_canonicalization", |case| {
            let found = cable::canonicalize_id(case["input"].as_str().unwrap_or(""));
            compare(&case["expected"], found.map_or(Value::Null, Value::String))
        }),
        run("summary", |case| {
            let parse = parse_case(case);
            let summary = parse
                .cable
                .summary
                .as_ref()
                .map_or(Value::Null, |summary| Value::String(summary.value.clone()));
            compare(&case["expected"], summary)
        }),
    ];
    report_and_check("body conformance", &reports);
}

fn references_by_cable_id(case: &Value) -> Outcome {
    let Some(id) = case["cable_id"].as_str() else {
        return Outcome::NotRun;
    };
    let Some(text) = corpus_cable(id) else {
        return Outcome::NotRun;
    };
    compare(&case["expected"], cited_ids(&cable::parse(&text), Some(id)))
}

/// Cases whose expectation this project judges wrong, and why. They count as failures in the
/// printed line, which says how many; floors apply to the other cases.
const JUDGED_WRONG: [(&str, usize, &str); 7] = [
    ("references", 22, "10STATE16220 cannot cite STATE 069339 … 125339 of its own year, serials it had not reached: they are 2009's; cablemap's test gives the year without using the citing cable's serial"),
    ("subject", 9, "`CONFIDENTIAL` alone on the line under the subject, before `PAGE 02`, is the page's furniture, not the subject's words (accuracy/BRIEF.md: a subject that runs into other text is wrong)"),
    ("references_ng", 8, "`[A] State 188314, 259032` cites two STATE cables; cablemap keeps only the first (the issue asks for comma lists)"),
    ("references_ng", 17, "`ADDIS 1556` is Addis Ababa's: canonical IDs write ADDISABABA, which cablemap's own ID table uses"),
    ("references_ng", 19, "a typo in the expectation: the input says `Paris 7472`, the expectation 05PARIS7572"),
    ("references_ng", 20, "`B. 2962 AND PREVIOUS` is MANILA 2962; the expectation repeats item A's 2969"),
    ("references_ng", 25, "a typo in the expectation: the input says `PANAMA 00789/08`, the expectation 08PANAMA798"),
];

/// Failing cases whose expectation the input alone cannot give, and why. They still count as
/// failures (the rates stay honest) and are printed with the reason; a case here that starts to
/// pass is fine.
const UNREACHABLE: [(&str, usize, &str); 12] = [
    ("tags", 21, "the input `OVIP STEINBERG JAMES` has no middle initial; cablemap's `B.` comes from its table of person tags"),
    ("tags", 24, "the input writes two words, `COUNTER TERRORISM`; the one-word spelling is cablemap's table's"),
    ("tags", 27, "a TAGS line without commas: where one phrase tag ends and the next begins needs a vocabulary of Cablegate's free-text tags, which cablemap has and this repository does not"),
    ("tags", 28, "a TAGS line without commas: phrase boundaries need cablemap's vocabulary of free-text tags"),
    ("tags", 32, "`HUMAN RIGHTSPOLMIL` without commas: phrase boundaries and POLMIL → POL, MIL need cablemap's vocabulary"),
    ("tags", 37, "person tags without commas (`NOVO GUILLERMO REMON PEDRO`): surname and given-name pairs need cablemap's vocabulary"),
    ("tags", 40, "a TAGS line without commas: phrase boundaries need cablemap's vocabulary of free-text tags"),
    ("tags", 44, "a TAGS line without commas: phrase boundaries need cablemap's vocabulary of free-text tags"),
    ("tags", 54, "cablemap keeps a repeated `TAGS:` label as a tag; the parser reads it as the label it is"),
    ("classified_by", 78, "the typo `RICAHRD` is mended by cablemap's table of name corrections; the parser keeps what is written"),
    ("signers_by_cable_id", 5, "`KEEGANPAAL` is two signers glued; which letters are whose needs cablemap's table of names"),
    ("issue14_subjects", 0, "10STATE284's subject is only in its web page's title, which no rendering in the corpus keeps"),
];

/// Per-suite floors in percent of the cases run. Raise them as the parser improves; cablemap's
/// own rates are 100 % on subject, 98 % on tags, 52 % on classified_by, 71 % on recipients,
/// 92 % on references, 19 % on references_ng, 100 % on signers, 74 % on summary.
const FLOORS: [(&str, f64); 20] = [
    ("subject", 100.0),
    ("tags", 83.6),
    ("classified_by", 99.3),
    ("recipients", 100.0),
    ("info_recipients", 100.0),
    ("nondisclosure_deadline", 100.0),
    ("subject_from_html", 100.0),
    ("cables_without_subject", 100.0),
    ("difficult_subjects", 100.0),
    ("issue14_subjects", 66.0),
    ("issue15_subjects", 100.0),
    ("references", 100.0),
    ("references_ng", 100.0),
    ("references_malformed_tripoli", 100.0),
    ("reference_oddities", 100.0),
    ("issue25_references", 100.0),
    ("signers", 100.0),
    ("signers_by_cable_id", 92.0),
    ("summary", 100.0),
    ("id_canonicalization", 100.0),
];
