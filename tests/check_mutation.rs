//! Mutation test: inject one defect per rule into clean documents and check that the rule fires
//! on the mutant, not on the original, and that no other rule gains an error.

mod check_support;
mod libreoffice;

use check_support::{fires, fixtures, mutations, run};
use std::collections::{BTreeMap, BTreeSet};
use vbqppl::check::Severity;
use vbqppl::extract::{extract_bytes, Limits};

/// Rules whose defect necessarily implies another rule's error (a TL. signature is also a signer
/// who is not the chair; a number changed in place breaks the attachment line …).
const COUPLED: &[(&str, &str)] = &[
    ("CK-001", "CK-002"),
    ("CK-001", "CK-004"),
    ("CK-001", "CK-003"),
    ("SK-001", "TT-003"),
    ("TG-001", "SK-004"),
];

#[test]
fn every_rule_detects_its_mutation() {
    let docs = fixtures();
    assert!(docs.len() >= 5, "fixtures missing");
    let mut clean_errors = Vec::new();
    let originals: Vec<_> = docs
        .iter()
        .map(|(name, text)| {
            let f = run(text);
            for e in f.iter().filter(|f| f.severity == Severity::Error) {
                clean_errors.push(format!("{name}: {} {} [{}]", e.rule, e.message, e.excerpt));
            }
            f
        })
        .collect();
    let mut table: BTreeMap<&str, (usize, usize, Vec<String>)> = BTreeMap::new();
    for (rule, mutate) in mutations() {
        let row = table.entry(rule).or_default();
        for ((name, text), original) in docs.iter().zip(&originals) {
            let Some(mutant) = mutate(text) else { continue };
            assert!(!fires(original, rule), "{rule} fires on clean {name}");
            row.0 += 1;
            let found = run(&mutant);
            if fires(&found, rule) {
                row.1 += 1;
            } else {
                row.2.push(format!("{name}: missed"));
            }
            for f in found
                .iter()
                .filter(|f| f.severity == Severity::Error && f.rule != rule)
            {
                let before = original
                    .iter()
                    .any(|o| o.rule == f.rule && o.severity == Severity::Error);
                if !before && !COUPLED.contains(&(rule, f.rule.as_str())) {
                    row.2
                        .push(format!("{name}: new error {} ({})", f.rule, f.excerpt));
                }
            }
        }
    }
    println!("| rule | mutants | detected | recall | notes |\n|---|---|---|---|---|");
    let mut failures = Vec::new();
    for (rule, (n, hit, notes)) in &table {
        let recall = if *n == 0 {
            0.0
        } else {
            *hit as f64 / *n as f64
        };
        println!(
            "| {rule} | {n} | {hit} | {recall:.2} | {} |",
            notes.join("; ")
        );
        if *n > 0 && recall < 0.9 {
            failures.push(format!("{rule} recall {recall:.2}"));
        }
        if notes.iter().any(|n| n.contains("new error")) {
            failures.push(format!("{rule}: {}", notes.join("; ")));
        }
    }
    println!("errors on clean fixtures: {clean_errors:#?}");
    assert!(
        clean_errors.is_empty(),
        "clean fixtures have errors: {clean_errors:#?}"
    );
    assert!(failures.is_empty(), "mutation failures: {failures:#?}");
}

/// The same mutants sent through LibreOffice: each fixture and mutant laid out as offices type
/// it (header and closing tables), exported to PDF by `soffice` in one batch, then extracted,
/// parsed and checked. Each rule must be found through the PDF exactly where it is found in the
/// text, and a clean fixture's PDF must carry the same errors as its text. Skips with a message
/// when LibreOffice is absent.
#[test]
fn every_rule_is_found_through_a_libreoffice_pdf() {
    if libreoffice::soffice().is_none() {
        return;
    }
    let docs = fixtures();
    // (rule, fixture, text); rule "" is the clean fixture.
    let mut cases: Vec<(&str, String, String)> = Vec::new();
    for (name, text) in &docs {
        cases.push(("", name.clone(), text.clone()));
    }
    for (rule, mutate) in mutations() {
        for (name, text) in &docs {
            if let Some(m) = mutate(text) {
                cases.push((rule, name.clone(), m));
            }
        }
    }
    let docx: Vec<(String, Vec<u8>)> = cases
        .iter()
        .enumerate()
        .map(|(k, (_, _, text))| {
            let bytes = vbqppl_samples::docx::render_text_docx(text).expect("docx");
            (format!("case{k:04}"), bytes)
        })
        .collect();
    let Some(pdfs) = libreoffice::docx_to_pdf(&docx) else {
        return;
    };
    let errors = |f: &[vbqppl::check::Finding]| -> BTreeSet<String> {
        f.iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule.to_string())
            .collect()
    };
    let mut table: BTreeMap<&str, (usize, usize, usize, Vec<String>)> = BTreeMap::new();
    let mut failures = Vec::new();
    for ((rule, name, text), pdf) in cases.iter().zip(&pdfs) {
        let extracted = extract_bytes(pdf, "pdf", &Limits::default())
            .unwrap_or_else(|e| panic!("{rule} {name}: {e}"));
        let through_pdf = run(&extracted.text);
        let through_txt = run(text);
        if rule.is_empty() {
            let (p, t) = (errors(&through_pdf), errors(&through_txt));
            if p != t {
                failures.push(format!(
                    "clean {name}: errors through PDF {p:?}, text {t:?}"
                ));
            }
            continue;
        }
        let row = table.entry(rule).or_default();
        row.0 += 1;
        let (t, p) = (fires(&through_txt, rule), fires(&through_pdf, rule));
        row.1 += usize::from(t);
        row.2 += usize::from(p);
        if t != p {
            row.3.push(format!("{name}: text {t}, PDF {p}"));
        }
    }
    println!(
        "| rule | mutants | found in text | found through PDF | notes |\n|---|---|---|---|---|"
    );
    for (rule, (n, t, p, notes)) in &table {
        println!("| {rule} | {n} | {t} | {p} | {} |", notes.join("; "));
        if t != p || !notes.is_empty() {
            failures.push(format!("{rule}: {}", notes.join("; ")));
        }
    }
    assert!(failures.is_empty(), "PDF and text disagree: {failures:#?}");
}
