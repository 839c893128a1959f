//! Non-PDF inputs from the shared corpus (`../shared/corpus`): Word 97, TCVN3 Word files, HTML,
//! files named `.pdf` that are HTML or DOCX, misdecoded text. Skips with a message when the
//! corpus is absent.

mod shared_corpus;

use std::path::{Path, PathBuf};
use vbqppl::extract::{extract_file, Encoding, Extraction, Limits, SourceFormat, TextLayer};

use shared_corpus::{corpus, files};

/// Shared guarantees of every extraction: NFC, `\n` only, no control characters but tab.
fn assert_clean(path: &Path, e: &Extraction) {
    use unicode_normalization::is_nfc;
    assert!(is_nfc(&e.text), "{}: not NFC", path.display());
    assert!(
        e.text
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control()),
        "{}: control character in text",
        path.display()
    );
}

/// Share of words that carry a Vietnamese-only letter: a real Vietnamese text has many.
fn vietnamese_share(text: &str) -> f64 {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return 0.0;
    }
    let viet = words
        .iter()
        .filter(|w| {
            w.chars().any(|c| {
                matches!(
                    c,
                    '\u{1EA0}'..='\u{1EF9}' | 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
                )
            })
        })
        .count();
    viet as f64 / words.len() as f64
}

#[test]
fn word97_unicode_documents() {
    let Some(dir) = corpus("doc-unicode") else {
        return;
    };
    let limits = Limits::default();
    let mut ok = 0;
    let mut with_motto_order = 0;
    let all = files(&dir, &["doc"]);
    for path in &all {
        let e = match extract_file(path, &limits) {
            Ok(e) => e,
            Err(err) => panic!("{}: {err}", path.display()),
        };
        assert_eq!(e.format, SourceFormat::Doc);
        assert_clean(path, &e);
        assert_eq!(e.text_layer, TextLayer::Full, "{}", path.display());
        assert!(
            vietnamese_share(&e.text) > 0.2,
            "{}: little Vietnamese: {}",
            path.display(),
            e.text.chars().take(300).collect::<String>()
        );
        // Header table read issuer block first, then the number, then the motto.
        let lower = e.text.to_lowercase();
        if let (Some(so), Some(motto)) = (
            lower.find("số:"),
            lower.find("cộng hòa").or(lower.find("cộng hoà")),
        ) {
            if so < motto {
                with_motto_order += 1;
            }
        }
        ok += 1;
    }
    assert!(ok > 0 || all.is_empty());
    eprintln!("doc-unicode: {ok} files, {with_motto_order} with number before motto");
    assert!(
        with_motto_order * 2 >= ok,
        "header tables not read column by column"
    );
}

#[test]
fn word_tcvn3_documents_are_converted() {
    let Some(dir) = corpus("doc-tcvn3") else {
        return;
    };
    for path in files(&dir, &["doc"]) {
        let e = extract_file(&path, &Limits::default())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_clean(&path, &e);
        // Most are TCVN3 bytes; some were converted to Unicode in Word long ago.
        assert!(
            matches!(e.encoding, Encoding::Tcvn3 | Encoding::Unicode),
            "{}: {:?}",
            path.display(),
            e.encoding
        );
        assert!(e.text.starts_with("SẮC LỆNH"), "{}", path.display());
        assert!(
            vietnamese_share(&e.text) > 0.2,
            "{}: {}",
            path.display(),
            e.text.chars().take(300).collect::<String>()
        );
    }
    let first = dir.join("45000002.DOC");
    if first.is_file() {
        let e = extract_file(&first, &Limits::default()).expect("45000002");
        assert!(e.text.contains("SẮC LỆNH"), "{}", e.text);
        assert!(e.text.contains("Thiết quân luật ở Hà Nội"), "{}", e.text);
    }
}

#[test]
fn vbpl_html_fragments() {
    let Some(dir) = corpus("html-vbpl") else {
        return;
    };
    let mut n = 0;
    for path in files(&dir, &["html", "htm"]) {
        let e = extract_file(&path, &Limits::default())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_eq!(e.format, SourceFormat::Html);
        assert_clean(&path, &e);
        assert!(
            !e.text.contains('<') || !e.text.contains("</"),
            "{}: markup left",
            path.display()
        );
        assert!(
            !e.text.contains("&amp;") && !e.text.contains("&nbsp;"),
            "{}",
            path.display()
        );
        n += 1;
    }
    eprintln!("html-vbpl: {n} files");
}

#[test]
fn mixed_folder_sniffs_real_format() {
    let Some(dir) = corpus("pdf-mixed") else {
        return;
    };
    for path in files(&dir, &["pdf", "docx"]) {
        let head = std::fs::read(&path)
            .map(|b| b[..b.len().min(1024)].to_vec())
            .unwrap_or_default();
        let is_html = String::from_utf8_lossy(&head)
            .to_lowercase()
            .contains("<html");
        let is_zip = head.starts_with(b"PK\x03\x04");
        if !is_html && !is_zip {
            continue; // real PDFs belong to the pdf extractor's tests
        }
        let e = extract_file(&path, &Limits::default())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_clean(&path, &e);
        if is_html {
            assert_eq!(e.format, SourceFormat::Html, "{}", path.display());
        } else {
            assert_eq!(e.format, SourceFormat::Docx, "{}", path.display());
            assert!(vietnamese_share(&e.text) > 0.2, "{}", path.display());
        }
    }
}

#[test]
fn misdecoded_texts_are_repaired() {
    let Some(dir) = corpus("text-misdecoded") else {
        return;
    };
    let name = "data__raw__vbpl__extracted__108311__68-TC_TCDN.txt";
    let path = dir.join(name);
    if !path.is_file() {
        eprintln!("skipping: {name} not found");
        return;
    }
    let e = extract_file(&path, &Limits::default()).expect("txt");
    assert_eq!(e.encoding, Encoding::Cp1252Misdecoded);
    assert!(
        e.text.starts_with("THÔNG TƯ"),
        "{}",
        &e.text[..200.min(e.text.len())]
    );
    assert!(e.text.contains("Nghị định số 59/CP"));
    assert!(e.text.contains("doanh nghiệp Nhà nước"));
    assert!(!e.text.contains('ð'));
}

#[test]
fn clean_texts_stay_unchanged() {
    let Some(dir) = corpus("text-vbpl") else {
        return;
    };
    for path in files(&dir, &["txt"]).into_iter().take(60) {
        let e = extract_file(&path, &Limits::default())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_clean(&path, &e);
        let raw = std::fs::read_to_string(&path).unwrap_or_default();
        if raw.trim().is_empty() {
            continue;
        }
        assert!(
            matches!(e.encoding, Encoding::Unicode),
            "{}: detected {:?}",
            path.display(),
            e.encoding
        );
    }
}

/// Damaged copies of real files (cut short, bytes overwritten) give a result or an
/// `ExtractError`, never a panic caught by the stage's guard.
#[test]
fn damaged_real_files_never_panic() {
    use vbqppl::extract::{extract_bytes, ExtractError};
    let mut inputs: Vec<PathBuf> = Vec::new();
    for (sub, ext) in [
        ("doc-unicode", &["doc"][..]),
        ("doc-tcvn3", &["doc"][..]),
        ("pdf-mixed", &["docx"][..]),
        ("html-vbpl", &["html"][..]),
    ] {
        let Some(dir) = corpus(sub) else { return };
        inputs.extend(files(&dir, ext).into_iter().take(12));
    }
    let limits = Limits::default();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for path in inputs {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let mut variants: Vec<Vec<u8>> = (1..8)
            .map(|k| bytes[..bytes.len() * k / 8].to_vec())
            .collect();
        for _ in 0..12 {
            let mut v = bytes.clone();
            for _ in 0..16 {
                let at = (next() % v.len().max(1) as u64) as usize;
                if let Some(b) = v.get_mut(at) {
                    *b = (next() & 0xFF) as u8;
                }
            }
            variants.push(v);
        }
        for v in variants {
            if let Err(ExtractError::Panic(msg)) = extract_bytes(&v, ext, &limits) {
                panic!(
                    "{}: extractor panicked on damaged input: {msg}",
                    path.display()
                );
            }
        }
    }
}
