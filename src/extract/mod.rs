//! Stage 1: text out of issued documents (PDF, DOCX, TXT, HTML), as Unicode.
//!
//! Every input goes through [`extract_file`] (or [`extract_bytes`]), which sniffs the real format
//! from the bytes, runs the format's extractor in isolation (panics caught, time and size bounded)
//! and returns an [`Extraction`] or an [`ExtractError`] whose message names the reason in one line.

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::Duration;

mod doc;
mod docx;
mod html;
mod layout;
pub mod legacy;
pub mod misdecoded;
mod pdf;
mod text;

pub use layout::clean_text;

/// The real format of an input, found from its bytes (the file name is only a hint).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Pdf,
    Docx,
    Doc,
    Txt,
    Html,
}

/// How much of the document has a usable text layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextLayer {
    Full,
    Partial,
    None,
}

/// The character encoding the text was found in (converted to Unicode on output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    Unicode,
    Utf16,
    Tcvn3,
    Vni,
    Cp1258,
    /// Windows-1258 bytes previously read as Windows-1252 (`THÔNG TÝ`).
    Cp1252Misdecoded,
}

/// What came out of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub format: SourceFormat,
    /// Page count (1 for formats without pages).
    pub pages: u32,
    pub text_layer: TextLayer,
    pub encoding: Encoding,
    /// Body text, NFC, lines separated by `\n`, header read in reviewer order.
    pub text: String,
    /// Non-fatal problems, lowercase one-liners (`page 3 has no text layer: ocr needed`).
    pub warnings: Vec<String>,
    /// Page furniture kept out of the body: running heads, page numbers, signature stamps.
    pub furniture: Vec<String>,
    /// 0-based index of the line of `text` where each page starts, for sources with pages
    /// (PDF); empty otherwise. Lines, not bytes: they survive NFC unchanged.
    #[serde(default)]
    pub page_lines: Vec<usize>,
}

/// Per-document bounds, so that no single file can stall or exhaust a batch.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Wall-clock budget for one document.
    pub time: Duration,
    /// Largest input file accepted.
    pub max_file_bytes: u64,
    /// Cap on bytes produced by decompressing any one stream or zip entry.
    pub max_inflated_bytes: u64,
    /// Cap on nesting (form XObjects, arrays, XML).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time: Duration::from_secs(30),
            max_file_bytes: 512 << 20,
            max_inflated_bytes: 256 << 20,
            max_depth: 64,
        }
    }
}

/// Why a document could not be read. Messages are lowercase one-liners without the path; the
/// caller prefixes the path (`error: PATH: reason`).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("unsupported format: {0}")]
    Unsupported(String),
    #[error("malformed {format}: {reason}")]
    Malformed {
        format: &'static str,
        reason: String,
    },
    #[error("encrypted pdf needs a password")]
    Encrypted,
    #[error("file too large: {0} bytes")]
    TooLarge(u64),
    #[error("extraction exceeded its time budget of {0:?}")]
    Timeout(Duration),
    #[error("extractor crashed: {0}")]
    Panic(String),
}

/// Extract the text of the file at `path`.
pub fn extract_file(path: &Path, limits: &Limits) -> Result<Extraction, ExtractError> {
    let len = std::fs::metadata(path)?.len();
    if len > limits.max_file_bytes {
        return Err(ExtractError::TooLarge(len));
    }
    let bytes = std::fs::read(path)?;
    let hint = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    extract_bytes(&bytes, hint, limits)
}

/// Extract from bytes already in memory; `ext_hint` is the file extension, used only when the
/// bytes do not say what they are.
pub fn extract_bytes(
    bytes: &[u8],
    ext_hint: &str,
    limits: &Limits,
) -> Result<Extraction, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let format = sniff(bytes, ext_hint)?;
    let run = || match format {
        SourceFormat::Txt => text::extract_txt(bytes),
        SourceFormat::Html => html::extract_html(bytes, limits),
        SourceFormat::Docx => docx::extract_docx(bytes, limits),
        SourceFormat::Doc => doc::extract_doc(bytes, limits),
        SourceFormat::Pdf => pdf::extract_pdf(bytes, limits),
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .unwrap_or_else(|p| Err(ExtractError::Panic(panic_message(&p))))
}

/// Find the real format from the leading bytes.
pub fn sniff(bytes: &[u8], ext_hint: &str) -> Result<SourceFormat, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(SourceFormat::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") {
        return sniff_zip(bytes);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(SourceFormat::Doc);
    }
    if head.starts_with(b"{\\rtf") {
        return Err(ExtractError::Unsupported("rtf".into()));
    }
    if looks_like_html(head) {
        return Ok(SourceFormat::Html);
    }
    match ext_hint.to_ascii_lowercase().as_str() {
        "pdf" => Err(ExtractError::Malformed {
            format: "pdf",
            reason: "no %PDF header".into(),
        }),
        "docx" => Err(ExtractError::Malformed {
            format: "docx",
            reason: "not a zip archive".into(),
        }),
        _ => Ok(SourceFormat::Txt),
    }
}

/// A zip is a DOCX when it holds `word/document.xml`; other zips (ODT, XLSX) are named.
fn sniff_zip(bytes: &[u8]) -> Result<SourceFormat, ExtractError> {
    // Entry names sit in the local headers near the start and in the central directory at the
    // end; looking at both ends keeps the sniff cheap on large files.
    let front = &bytes[..bytes.len().min(1 << 16)];
    let back = &bytes[bytes.len().saturating_sub(1 << 16)..];
    let has = |name: &[u8]| find(front, name).is_some() || find(back, name).is_some();
    if has(b"word/document.xml") {
        return Ok(SourceFormat::Docx);
    }
    if has(b"application/vnd.oasis.opendocument.text") {
        return Err(ExtractError::Unsupported("opendocument text (.odt)".into()));
    }
    if has(b"xl/workbook.xml") {
        return Err(ExtractError::Unsupported("spreadsheet (.xlsx)".into()));
    }
    Err(ExtractError::Unsupported(
        "zip archive that is not a docx".into(),
    ))
}

/// HTML documents and bare HTML fragments (`<div>...`, as saved from portals), also when the
/// file is named `.pdf` or `.doc`.
fn looks_like_html(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    if [&b"<html"[..], b"<!doctype html", b"<body", b"<head>"]
        .iter()
        .any(|t| find(&lower, t).is_some())
    {
        return true;
    }
    let trimmed = lower
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&lower)
        .trim_ascii_start();
    trimmed.starts_with(b"<")
        && [
            &b"<div"[..],
            b"<p>",
            b"<p ",
            b"<table",
            b"<meta",
            b"<span",
            b"<br",
        ]
        .iter()
        .any(|t| find(trimmed, t).is_some())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub(crate) fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        return (*s).to_string();
    }
    if let Some(s) = p.downcast_ref::<String>() {
        return s.clone();
    }
    "unknown panic".to_string()
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn sniff_by_bytes_not_name() {
        let html = b"\n<div class=\"x\"><p>\xC4\x90i\xE1\xBB\x81u 1</p></div>";
        assert_eq!(sniff(html, "pdf").ok(), Some(SourceFormat::Html));
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>", "doc").ok(),
            Some(SourceFormat::Html)
        );
        assert_eq!(sniff(b"%PDF-1.4\n", "txt").ok(), Some(SourceFormat::Pdf));
        let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        cfb.resize(512, 0);
        assert_eq!(sniff(&cfb, "pdf").ok(), Some(SourceFormat::Doc));
        assert_eq!(sniff(b"plain text", "").ok(), Some(SourceFormat::Txt));
        assert!(matches!(
            sniff(b"{\\rtf1\\ansi", "doc"),
            Err(ExtractError::Unsupported(_))
        ));
        assert!(matches!(
            sniff(b"plain text", "pdf"),
            Err(ExtractError::Malformed { .. })
        ));
        assert!(matches!(
            sniff(b"PK\x03\x04 xl/workbook.xml", "docx"),
            Err(ExtractError::Unsupported(_))
        ));
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml", "pdf").ok(),
            Some(SourceFormat::Docx)
        );
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(matches!(
            extract_bytes(b"", "txt", &Limits::default()),
            Err(ExtractError::Empty)
        ));
    }
}
