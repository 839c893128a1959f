//! Exact locations: on real gazette PDFs, the page and line of a finding lead to its text in
//! `pdftotext -f N -l N` (poppler) output.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Accent-free, lowercase, letters and digits only: pdftotext and our normalizer may differ in
/// tone-mark placement, spacing and line joins, not in the letters.
fn key(text: &str) -> String {
    vbqppl::normalize::fold_str(&text.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn pdftotext_page(pdf: &Path, page: u64) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn page_and_line_lead_to_the_excerpt_in_the_pdf() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pdf-congbao");
    let poppler = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !folder.is_dir() || !poppler {
        eprintln!("skipping: ../shared/corpus/pdf-congbao or pdftotext is absent");
        return;
    }
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    // Enough gazette PDFs to hold 20 findings now that most false warnings are gone.
    pdfs.truncate(24);
    let out = Command::cargo_bin("vbqppl")
        .unwrap()
        .args(["check", "--format", "json", "--allow-unchecked"])
        .args(["--as-of", "2026-12-01", "--isolation", "thread"])
        .args(&pdfs)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (mut found, mut missed) = (0, Vec::new());
    for doc in report["documents"].as_array().unwrap() {
        if doc["status"] != "checked" {
            continue;
        }
        let pdf = PathBuf::from(doc["path"].as_str().unwrap());
        let pages = doc["meta"]["pages"].as_u64().unwrap();
        let extracted = Command::cargo_bin("vbqppl")
            .unwrap()
            .args(["extract", "--isolation", "thread"])
            .arg(&pdf)
            .output()
            .unwrap();
        let text = String::from_utf8(extracted.stdout).unwrap();
        for f in doc["findings"].as_array().unwrap() {
            let page = f["page"].as_u64().expect("a PDF finding names its page");
            assert!((1..=pages).contains(&page), "{f}");
            let line = f["line"].as_u64().unwrap() as usize;
            let excerpt = f["excerpt"].as_str().unwrap();
            assert!(!excerpt.is_empty(), "{f}");
            // The line named holds the evidence, and the excerpt is (a cut of) that line.
            let start = f["start"].as_u64().unwrap() as usize;
            let line_text = text.lines().nth(line - 1).unwrap_or("");
            assert_eq!(text[..start].matches('\n').count() + 1, line, "{f}");
            let evidence = if line_text.trim().is_empty() {
                excerpt.trim_matches('…').to_string()
            } else {
                text[start..].lines().next().unwrap_or("").to_string()
            };
            assert!(key(excerpt).contains(&key(&evidence).chars().take(12).collect::<String>()));
            // Its first letters are on page N of the PDF.
            let probe: String = key(&evidence).chars().take(12).collect();
            let page_text = key(&pdftotext_page(&pdf, page).unwrap());
            if probe.len() >= 6 && !page_text.contains(&probe) {
                missed.push(format!("{} p.{page} l.{line}: {evidence}", pdf.display()));
            } else {
                found += 1;
            }
        }
    }
    assert!(found >= 20, "too few findings to judge: {found}");
    // Table cells are read in another order by pdftotext: allow a few misses, no more.
    assert!(
        missed.len() * 10 <= found,
        "{found} found, missed:\n{}",
        missed.join("\n")
    );
}
