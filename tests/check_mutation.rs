//! Mutation test: inject one defect per rule into clean documents and check that the rule fires
//! on the mutant, not on the original, and that no other rule gains an error.

mod check_support;

use check_support::{fires, fixtures, mutations, run};
use std::collections::BTreeMap;
use vbqppl::check::Severity;

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
