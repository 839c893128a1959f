//! The sample documents as local offices make their PDFs: each catalogue document written to
//! DOCX (header and closing as borderless two-column tables), exported to PDF by LibreOffice
//! (`soffice --headless --convert-to pdf`, one batch), then extracted, parsed and checked. The
//! header table must read as a table (left column, then right, then what follows): issuer,
//! number, type, title and date come out as from the document's text, and the checker's errors
//! are the same. The footer (signature, recipients) is compared and its differences printed:
//! a closing table split over two pages is not joined yet, and the text's own reading of
//! `Lưu: VT, KT.` takes `KT.` for a signing mode. Skips with a message when LibreOffice is absent.

mod check_support;
mod libreoffice;

use std::collections::BTreeSet;
use vbqppl::check::{Finding, Severity};
use vbqppl::extract::{extract_bytes, Limits};
use vbqppl::parse::Document;
use vbqppl_samples as samples;

/// What the header table yields, compared between the text and the PDF.
fn header(d: &Document) -> Vec<(&'static str, String)> {
    vec![
        (
            "issuer",
            format!("{:?}", d.issuer.as_ref().map(|i| &i.name)),
        ),
        ("number", format!("{:?}", d.number.as_ref().map(|n| &n.key))),
        (
            "type",
            format!("{:?}", d.doc_type.as_ref().map(|t| t.value)),
        ),
        ("title", format!("{:?}", d.title.as_ref().map(|t| &t.value))),
        (
            "date",
            format!("{:?}", d.place_date.as_ref().map(|p| (&p.place, p.date))),
        ),
    ]
}

/// What the closing table yields.
fn footer(d: &Document) -> Vec<(&'static str, String)> {
    vec![
        (
            "signature",
            format!(
                "{:?}",
                d.signature
                    .as_ref()
                    .map(|s| (&s.modes, &s.titles, &s.signer))
            ),
        ),
        (
            "recipients",
            format!("{:?}", d.recipients.as_ref().map(|r| &r.entries)),
        ),
    ]
}

fn errors(f: &[Finding]) -> BTreeSet<String> {
    f.iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.to_string())
        .collect()
}

#[test]
fn libreoffice_pdfs_read_like_their_text() {
    if libreoffice::soffice().is_none() {
        return;
    }
    let docs = samples::sample_documents();
    let docx: Vec<(String, Vec<u8>)> = docs
        .iter()
        .map(|d| {
            let bytes = samples::docx::render_docx(d).expect("docx");
            (d.stem.clone(), bytes)
        })
        .collect();
    let Some(pdfs) = libreoffice::docx_to_pdf(&docx) else {
        return;
    };
    let mut failures = Vec::new();
    let mut footer_differences = Vec::new();
    for (doc, pdf) in docs.iter().zip(&pdfs) {
        let text = doc.to_text();
        let extracted = extract_bytes(pdf, "pdf", &Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}", doc.stem));
        let (from_pdf, from_text) = (
            check_support::parse(&extracted.text),
            check_support::parse(&text),
        );
        for ((what, p), (_, t)) in header(&from_pdf).into_iter().zip(header(&from_text)) {
            if p != t {
                failures.push(format!("{} {what}: PDF {p}, text {t}", doc.stem));
            }
        }
        for ((what, p), (_, t)) in footer(&from_pdf).into_iter().zip(footer(&from_text)) {
            if p != t {
                footer_differences.push(format!("{} {what}: PDF {p}, text {t}", doc.stem));
            }
        }
        let (p, t) = (
            errors(&check_support::run(&extracted.text)),
            errors(&check_support::run(&text)),
        );
        if p != t {
            failures.push(format!("{} errors: PDF {p:?}, text {t:?}", doc.stem));
        }
    }
    println!("{} sample documents through LibreOffice", docs.len());
    println!("footer differences ({}):", footer_differences.len());
    for f in &footer_differences {
        println!("  {f}");
    }
    for f in &failures {
        println!("  {f}");
    }
    assert!(failures.is_empty(), "{} disagreements", failures.len());
}
