//! The job of one document: read (size-capped) and hash, then extract → normalize → parse under
//! isolation (pass 1); then check against the batch's registry (pass 2).

use super::isolation::{panic_text, Isolator};
use super::outcome::{legal_identity, DocReport, Outcome, Parsed, SourceMeta, Unreadable};
use super::{pages, Options};
use crate::check::{self, registry::Registry, CheckContext, Finding, Severity, SourceInfo};
use crate::extract::{self, Limits, TextLayer};
use crate::normalize;
use crate::parse;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Pass 1 for one file.
pub(super) struct FirstPass {
    pub(super) path: PathBuf,
    pub(super) sha256: String,
    pub(super) parsed: Result<Parsed, Unreadable>,
    pub(super) elapsed: Duration,
}

/// Read, extract, normalize and parse one file, isolated: a panic or a stall in any stage (or,
/// in a worker process, running out of memory) turns into an unreadable report, never into a
/// crashed or stuck batch.
pub(super) fn read_and_parse(path: &Path, limits: &Limits, isolator: &Isolator) -> FirstPass {
    let started = Instant::now();
    let bytes = match read_bounded(path, limits.max_file_bytes) {
        Ok(b) => b,
        Err(reason) => {
            return FirstPass {
                path: path.into(),
                sha256: String::new(),
                parsed: Err(reason),
                elapsed: started.elapsed(),
            }
        }
    };
    let sha256 = hex::encode(Sha256::digest(&bytes));
    // The watchdog gives the worker a little more than the extractor's own budget, which the
    // extractor checks cooperatively; the watchdog catches what cooperation misses.
    let deadline = limits.time + Duration::from_secs(5);
    FirstPass {
        path: path.into(),
        sha256,
        parsed: isolator.run(path, bytes, limits, deadline),
        elapsed: started.elapsed(),
    }
}

/// The work that is isolated, the same in a thread and in a worker process.
pub(super) fn extract_normalize_parse(
    bytes: &[u8],
    ext: &str,
    limits: &Limits,
) -> Result<Parsed, Unreadable> {
    let extraction = extract::extract_bytes(bytes, ext, limits)
        .map_err(|e| Unreadable::Extract(e.to_string()))?;
    let text = normalize::normalize(&extraction.text);
    let mut document = parse::parse(&text);
    document.page_starts = pages::page_starts(&extraction.text, &extraction.page_lines, &text);
    Ok(Parsed {
        source: SourceMeta::from_extraction(&extraction),
        document,
    })
}

pub(super) fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, Unreadable> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.len() > max {
        return Err(Unreadable::TooLarge {
            bytes: meta.len(),
            limit: max,
        });
    }
    std::fs::read(path).map_err(|e| io_reason(&e))
}

/// The OS message without its error code, which means nothing to a reviewer.
fn io_reason(e: &std::io::Error) -> Unreadable {
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg);
    Unreadable::Io(msg.to_lowercase())
}

/// Pass 2 for one file: check what pass 1 parsed.
pub(super) fn check_one(first: FirstPass, registry: &Registry, options: &Options) -> DocReport {
    let FirstPass {
        path,
        sha256,
        parsed,
        elapsed,
    } = first;
    let started = Instant::now();
    let outcome = match parsed {
        Err(reason) => Outcome::Unreadable(reason),
        Ok(parsed) if parsed.source.text_layer == TextLayer::None => {
            Outcome::NoTextLayer(Box::new(parsed))
        }
        Ok(parsed) => match legal_identity(&parsed.document) {
            Err(reason) => Outcome::NotLegalDocument {
                parsed: Box::new(parsed),
                reason,
            },
            Ok(()) => check_parsed(parsed, registry, options),
        },
    };
    DocReport {
        path,
        sha256,
        elapsed: elapsed + started.elapsed(),
        outcome,
    }
}

/// Run the rules over a document that passed every gate of [`check_one`].
fn check_parsed(parsed: Parsed, registry: &Registry, options: &Options) -> Outcome {
    let ctx = CheckContext {
        as_of: options.as_of,
        source: SourceInfo {
            encoding: parsed.source.encoding,
            text_layer: parsed.source.text_layer,
            gazette_copy: parsed.source.gazette_copy,
        },
        registry,
        config: &options.config,
    };
    let doc = &parsed.document;
    let findings =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check::check(doc, &ctx)))
            .unwrap_or_else(|p| vec![internal_finding(doc, &panic_text(&p))]);
    Outcome::Checked {
        parsed: Box::new(parsed),
        findings,
    }
}

/// A checker bug must not hide the document: it shows up as a finding a reviewer can report,
/// located at the start of the document (it is about no place in particular).
fn internal_finding(doc: &parse::Document, reason: &str) -> Finding {
    Finding {
        rule: check::RuleId::INTERNAL,
        severity: Severity::Warning,
        message: format!("lỗi nội bộ của công cụ khi kiểm tra: {reason}"),
        message_en: format!("internal error while checking: {reason}"),
        legal_basis: String::new(),
        legal_basis_tag: None,
        page: doc.page_of(0),
        line: 1,
        start: 0,
        end: 0,
        excerpt: check::finding::line_excerpt(&doc.text, 0),
        absent: false,
        suggestion: None,
        confidence: Default::default(),
        also_at: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_errors_are_typed() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_bounded(&dir.path().join("none.txt"), 10).unwrap_err();
        assert_eq!(missing, Unreadable::Io("no such file or directory".into()));
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "0123456789ab").unwrap();
        assert_eq!(
            read_bounded(&big, 10).unwrap_err(),
            Unreadable::TooLarge {
                bytes: 12,
                limit: 10
            }
        );
    }

    #[test]
    fn a_scan_is_reported_not_checked() {
        let text = "Điều 1. Phạm vi";
        let mut parsed =
            extract_normalize_parse(text.as_bytes(), "txt", &Limits::default()).unwrap();
        parsed.source.text_layer = TextLayer::None;
        let first = FirstPass {
            path: "scan.pdf".into(),
            sha256: "00".into(),
            parsed: Ok(parsed),
            elapsed: Duration::ZERO,
        };
        let report = check_one(first, &Registry::builtin(), &Options::default());
        assert!(matches!(report.outcome, Outcome::NoTextLayer(_)));
        assert!(report.findings().is_empty());
    }

    #[test]
    fn a_text_without_identity_is_reported_not_checked() {
        let parsed =
            extract_normalize_parse("xin chào".as_bytes(), "txt", &Limits::default()).unwrap();
        let first = FirstPass {
            path: "hello.txt".into(),
            sha256: "00".into(),
            parsed: Ok(parsed),
            elapsed: Duration::ZERO,
        };
        let report = check_one(first, &Registry::builtin(), &Options::default());
        assert!(matches!(report.outcome, Outcome::NotLegalDocument { .. }));
        assert_eq!(
            report.not_checked().as_deref(),
            Some(
                "not a legal document: no header, no number, no type, no articles, no legal basis"
            )
        );
    }
}
