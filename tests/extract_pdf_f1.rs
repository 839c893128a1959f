//! Syllable-level F1 between an extraction and a reference text, shared by the PDF quality
//! test (`tests/extract_pdf.rs`) and the quality/speed report (`benches/extract.rs`).
//!
//! Both texts are lowercased and NFC-normalised, split on whitespace, and stripped of
//! punctuation (anything neither letter nor digit); empty tokens are dropped. F1 compares the
//! two multisets of tokens, so reading order does not count, only what was read.

#![allow(dead_code)]

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// The tokens of `text` as the F1 counts them.
pub fn syllables(text: &str) -> Vec<String> {
    let norm: String = text.nfc().collect::<String>().to_lowercase();
    norm.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// F1 of `ours` against `reference` over syllable multisets (1.0 when both are empty).
pub fn syllable_f1(ours: &str, reference: &str) -> f64 {
    let a = syllables(ours);
    let b = syllables(reference);
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in &b {
        *counts.entry(w.as_str()).or_default() += 1;
    }
    let mut common = 0i64;
    for w in &a {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / a.len() as f64;
    let r = common as f64 / b.len() as f64;
    2.0 * p * r / (p + r)
}

#[test]
fn f1_ignores_case_punctuation_and_order() {
    assert_eq!(syllable_f1("Điều 1. Phạm vi", "phạm vi, ĐIỀU 1"), 1.0);
    assert!((syllable_f1("a b", "a c") - 0.5).abs() < 1e-9);
    assert_eq!(syllable_f1("x", "y"), 0.0);
    // NFD and NFC spellings are the same syllable.
    assert_eq!(syllable_f1("Vie\u{302}\u{323}t", "Việt"), 1.0);
}
