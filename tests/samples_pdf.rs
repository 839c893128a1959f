//! The sample PDF writer produces well-formed PDFs with embedded Identity-H fonts and ToUnicode
//! maps, and `corpus/` matches its manifest and the generator's current output.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lopdf::{Document, Object};
use vbqppl_samples::{self as samples, pdf::FontSet, Format, SampleDoc};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match obj {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(obj),
        _ => obj,
    }
}

fn name_of(doc: &Document, dict: &lopdf::Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    dict.get(key)
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_name().ok())
        .map(|n| n.to_vec())
}

fn first_pdf(docs: &[SampleDoc]) -> &SampleDoc {
    docs.iter()
        .find(|d| d.format == Format::Pdf)
        .expect("the corpus has PDF documents")
}

#[test]
fn pdf_has_type0_identity_h_fonts_with_tounicode() {
    let fonts = FontSet::load_fixtures().expect("font fixtures");
    let docs = samples::sample_documents();
    let sample = first_pdf(&docs);
    let bytes = samples::pdf::render_pdf(sample, &fonts).expect("render");
    let pdf = Document::load_mem(&bytes).expect("lopdf parses the output");
    assert!(!pdf.get_pages().is_empty());

    let mut type0 = 0;
    let mut font_files = BTreeSet::new();
    for (_, obj) in pdf.objects.iter() {
        let Ok(dict) = obj.as_dict() else { continue };
        if name_of(&pdf, dict, b"Subtype").as_deref() != Some(b"Type0") {
            continue;
        }
        type0 += 1;
        assert_eq!(
            name_of(&pdf, dict, b"Encoding").as_deref(),
            Some(&b"Identity-H"[..])
        );
        let tu = dict.get(b"ToUnicode").expect("ToUnicode present");
        let tu = deref(&pdf, tu).as_stream().expect("ToUnicode is a stream");
        let cmap = tu
            .decompressed_content()
            .unwrap_or_else(|_| tu.content.clone());
        let cmap = String::from_utf8_lossy(&cmap);
        assert!(cmap.contains("beginbfchar") && cmap.contains("begincodespacerange"));
        let kids = deref(&pdf, dict.get(b"DescendantFonts").expect("descendants"))
            .as_array()
            .expect("array");
        let cid = deref(&pdf, &kids[0]).as_dict().expect("CIDFont dict");
        assert_eq!(
            name_of(&pdf, cid, b"Subtype").as_deref(),
            Some(&b"CIDFontType2"[..])
        );
        assert_eq!(
            name_of(&pdf, cid, b"CIDToGIDMap").as_deref(),
            Some(&b"Identity"[..])
        );
        let w = deref(&pdf, cid.get(b"W").expect("W"))
            .as_array()
            .expect("W array");
        assert!(w.len() >= 2, "widths listed");
        let fd = deref(&pdf, cid.get(b"FontDescriptor").expect("descriptor"))
            .as_dict()
            .expect("descriptor dict");
        let ff = fd.get(b"FontFile2").expect("FontFile2");
        if let Object::Reference(id) = ff {
            font_files.insert(*id);
        }
        let stream = deref(&pdf, ff).as_stream().expect("font stream");
        let program = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        assert_eq!(&program[..4], &[0, 1, 0, 0], "TrueType sfnt version");
    }
    assert!(type0 >= 2, "regular and bold faces at least");
    assert_eq!(font_files.len(), type0, "each font program embedded once");
}

#[test]
fn pdf_text_layer_reads_back_in_vietnamese() {
    let fonts = FontSet::load_fixtures().expect("font fixtures");
    let docs = samples::sample_documents();
    let sample = first_pdf(&docs);
    let bytes = samples::pdf::render_pdf(sample, &fonts).expect("render");
    let pdf = Document::load_mem(&bytes).expect("parse");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).expect("extract text");
    for needle in ["QUYẾT ĐỊNH", "Độc lập", "Căn cứ", "Điều 1", "Nơi nhận"] {
        assert!(
            text.contains(needle),
            "missing {needle:?} in extracted text"
        );
    }
}

#[test]
fn manifest_and_corpus_files_match() {
    let dir = corpus_dir();
    let manifest =
        std::fs::read_to_string(dir.join("manifest.toml")).expect("corpus/manifest.toml");
    let value: toml::Value = toml::from_str(&manifest).expect("manifest parses");
    let listed: BTreeSet<String> = value
        .get("document")
        .and_then(|d| d.as_array())
        .expect("[[document]] entries")
        .iter()
        .map(|e| {
            e.get("file")
                .and_then(|f| f.as_str())
                .expect("file")
                .to_string()
        })
        .collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "manifest.toml" && n != "README.md")
        .collect();
    assert_eq!(listed, on_disk, "manifest lists exactly the corpus files");
    assert!(listed.len() >= 32);
    let total: u64 = on_disk
        .iter()
        .filter_map(|n| std::fs::metadata(dir.join(n)).ok())
        .map(|m| m.len())
        .sum();
    assert!(total < 8 * 1024 * 1024, "corpus is {total} bytes");
    for entry in value["document"].as_array().into_iter().flatten() {
        for key in [
            "type",
            "issuer",
            "level",
            "issue_date",
            "number",
            "description",
        ] {
            assert!(entry.get(key).is_some(), "{key} missing in {entry:?}");
        }
        let expect = entry
            .get("expect")
            .and_then(|e| e.as_array())
            .expect("expect");
        let defects = entry
            .get("defects")
            .and_then(|e| e.as_array())
            .expect("defects");
        assert_eq!(expect.is_empty(), defects.is_empty(), "{entry:?}");
    }
}

#[test]
fn corpus_is_what_the_generator_writes() {
    let fonts = FontSet::load_fixtures().expect("font fixtures");
    let docs = samples::sample_documents();
    let dir = corpus_dir();
    for doc in &docs {
        let fresh = doc.render(&fonts).expect("render");
        let committed = std::fs::read(dir.join(doc.file_name())).expect("committed file");
        assert!(
            fresh == committed,
            "{} is stale: run `cargo run --example gen_corpus`",
            doc.file_name()
        );
    }
    let manifest = samples::manifest_toml(&docs).expect("manifest");
    let committed = std::fs::read_to_string(dir.join("manifest.toml")).expect("manifest");
    assert_eq!(manifest, committed, "manifest.toml is stale");
}

#[test]
fn legacy_text_files_are_not_utf8() {
    let docs = samples::sample_documents();
    let legacy: Vec<&SampleDoc> = docs
        .iter()
        .filter(|d| matches!(d.format, Format::TxtTcvn3 | Format::TxtVni))
        .collect();
    assert_eq!(legacy.len(), 2);
    for doc in legacy {
        let bytes = std::fs::read(corpus_dir().join(doc.file_name())).expect("file");
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{} should be 8-bit",
            doc.file_name()
        );
        assert!(bytes.iter().any(|&b| b >= 0xA0));
    }
}
