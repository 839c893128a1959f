//! PDF extraction against the shared corpus: gazette PDFs read with a syllable F1 floor
//! against their reference text, image-only scans reported as having no text layer, and
//! TCVN3 PDFs decoded to readable Vietnamese. Skips when `../shared` is absent.

mod extract_pdf_f1;
mod shared_corpus;

use vbqppl::extract::{extract_bytes, extract_file, Encoding, ExtractError, Limits, TextLayer};

use shared_corpus::{corpus, files};

/// Every tenth gazette PDF (8 of 80) must reach the F1 floor against its reference; the
/// reference keeps gazette furniture, so furniture is scored along with the body.
#[test]
fn gazette_sample_reaches_f1_floor() {
    let Some(dir) = corpus("pdf-congbao") else {
        return;
    };
    let limits = Limits::default();
    let files = files(&dir, &["pdf"]);
    let mut scores = Vec::new();
    for path in files.iter().step_by(10) {
        let reference = std::fs::read_to_string(path.with_extension("txt")).expect("reference txt");
        let x = extract_file(path, &limits).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(x.text_layer, TextLayer::Full, "{}", path.display());
        let all = format!("{}\n{}", x.text, x.furniture.join("\n"));
        let f1 = extract_pdf_f1::syllable_f1(&all, &reference);
        println!("{}: F1 {f1:.4}", path.display());
        scores.push((f1, path.clone()));
    }
    assert!(!scores.is_empty());
    for (f1, path) in &scores {
        assert!(*f1 >= 0.95, "{}: F1 {f1:.4} below 0.95", path.display());
    }
    let mean = scores.iter().map(|s| s.0).sum::<f64>() / scores.len() as f64;
    assert!(mean >= 0.97, "mean F1 {mean:.4} below 0.97");
}

#[test]
fn scans_have_no_text_layer() {
    let Some(dir) = corpus("pdf-scanned") else {
        return;
    };
    let limits = Limits::default();
    let files = files(&dir, &["pdf"]);
    assert!(!files.is_empty());
    for path in files {
        let x = extract_file(&path, &limits).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            x.text_layer,
            TextLayer::None,
            "{}: {:?}",
            path.display(),
            x.text
        );
        assert!(
            x.warnings.iter().any(|w| w.contains("ocr needed")),
            "{}: {:?}",
            path.display(),
            x.warnings
        );
    }
}

#[test]
fn tcvn3_pdfs_decode_to_vietnamese() {
    let Some(dir) = corpus("pdf-tcvn3") else {
        return;
    };
    let limits = Limits::default();
    let files = files(&dir, &["pdf"]);
    assert!(!files.is_empty());
    for path in files {
        let x = extract_file(&path, &limits).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let t = &x.text;
        assert!(
            t.contains("SẮC LỆNH"),
            "{}: {}",
            path.display(),
            t.chars().take(400).collect::<String>()
        );
        assert!(
            t.contains("CHỦ TỊCH") || t.contains("Chính phủ") || t.contains("Chủ tịch"),
            "{}",
            path.display()
        );
        assert!(
            !t.contains("S¾C"),
            "{}: undecoded TCVN3 left",
            path.display()
        );
    }
}

#[test]
fn tcvn3_encoding_is_reported() {
    let Some(dir) = corpus("pdf-tcvn3") else {
        return;
    };
    let path = dir.join("45000002.pdf");
    let x = extract_file(&path, &Limits::default()).expect("readable");
    assert_eq!(x.encoding, Encoding::Tcvn3);
}

#[test]
fn garbage_pdf_is_an_error_not_a_panic() {
    let bytes = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF";
    match extract_bytes(bytes, "pdf", &Limits::default()) {
        Err(ExtractError::Malformed { .. }) => {}
        other => panic!("expected malformed, got {other:?}"),
    }
}
