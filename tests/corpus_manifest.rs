//! Holds the checker to `corpus/manifest.toml`: every expected rule fires on its document, and no
//! document gets an `error` finding of a rule its manifest entry does not expect.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use vbqppl::check::Severity;
use vbqppl::pipeline::{self, Options, Quiet};

#[derive(serde::Deserialize)]
struct Manifest {
    document: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    file: String,
    #[serde(default)]
    expect: Vec<String>,
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn manifest() -> Manifest {
    let text =
        std::fs::read_to_string(corpus().join("manifest.toml")).expect("corpus/manifest.toml");
    toml::from_str(&text).expect("valid manifest")
}

/// The documents are judged as of a fixed date so that the outcome does not move with the calendar.
fn options() -> Options {
    Options {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        ..Options::default()
    }
}

#[test]
fn corpus_has_at_least_30_documents_all_listed() {
    let m = manifest();
    assert!(
        m.document.len() >= 30,
        "only {} documents",
        m.document.len()
    );
    let files = pipeline::collect_inputs(&[corpus()]).unwrap();
    let listed: BTreeSet<PathBuf> = m.document.iter().map(|e| corpus().join(&e.file)).collect();
    let found: BTreeSet<PathBuf> = files.into_iter().collect();
    assert_eq!(listed, found, "manifest and corpus/ disagree");
    let pdfs = m
        .document
        .iter()
        .filter(|e| e.file.ends_with(".pdf"))
        .count();
    assert!(
        pdfs * 3 >= m.document.len(),
        "about half should be PDFs, got {pdfs}"
    );
}

#[test]
fn checker_matches_the_manifest() {
    let m = manifest();
    let files: Vec<PathBuf> = m.document.iter().map(|e| corpus().join(&e.file)).collect();
    let reports = pipeline::process(&files, &options(), &Quiet);
    let mut problems = Vec::new();
    for (entry, report) in m.document.iter().zip(&reports) {
        if let Some(reason) = report.unreadable() {
            problems.push(format!("{}: unreadable: {reason}", entry.file));
            continue;
        }
        let fired: BTreeSet<&str> = report.findings().iter().map(|f| f.rule.as_str()).collect();
        for rule in &entry.expect {
            if !fired.contains(rule.as_str()) {
                problems.push(format!(
                    "{}: expected {rule} did not fire (fired: {fired:?})",
                    entry.file
                ));
            }
        }
        for f in report
            .findings()
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            if !entry.expect.iter().any(|e| f.rule == e.as_str()) {
                problems.push(format!(
                    "{}: unexpected error {} at line {}: {}",
                    entry.file, f.rule, f.line, f.message
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
