//! The passes over a batch: collect the inputs; pass 1 (read and parse every file, in parallel);
//! the citation registry of the batch; pass 2 (check every parsed file, in parallel); and the
//! streaming of checked reports into the index.

use super::isolation::{Isolation, Isolator};
use super::job::{check_one, read_and_parse, FirstPass};
use super::outcome::{DocReport, Outcome, Parsed, Status, Unreadable};
use super::Options;
use crate::check::registry::Registry;
use crate::extract::Limits;
use crate::index::{IndexError, IndexOptions, IndexRecord, IndexStats, Indexer};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// File extensions picked up when walking a folder. Files named explicitly are always read.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "txt", "html", "htm"];

/// A problem with the inputs themselves (a path that does not exist), reported before any work.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: cannot walk folder: {reason}")]
    Walk { path: PathBuf, reason: String },
}

/// Expand files and folders (recursively) into the sorted list of document files.
///
/// Folders contribute files with a [`DOCUMENT_EXTENSIONS`] extension; files named explicitly are
/// kept whatever their name, since the extractor recognises formats by their bytes.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_file() {
            files.push(input.clone());
            continue;
        }
        if !input.is_dir() {
            return Err(InputError::Missing {
                path: input.clone(),
            });
        }
        for entry in walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| InputError::Walk {
                path: input.clone(),
                reason: e.to_string(),
            })?;
            if entry.file_type().is_file() && has_document_extension(entry.path()) {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn has_document_extension(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    DOCUMENT_EXTENSIONS
        .iter()
        .any(|d| d.eq_ignore_ascii_case(ext))
}

/// One file extracted, normalized and parsed (what `vbqppl extract` shows).
pub struct Extracted {
    pub sha256: String,
    pub parsed: Parsed,
}

impl Extracted {
    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.parsed.document.text
    }
}

/// Extract, normalize and parse one file in an isolated thread.
pub fn extract_one(path: &Path, limits: &Limits) -> Result<Extracted, Unreadable> {
    extracted(read_and_parse(path, limits, &Isolator::Thread))
}

/// [`extract_one`] for many files, in parallel on the current rayon pool, under `isolation`.
/// Results come back in the order of `files`.
pub fn extract_all(
    files: &[PathBuf],
    limits: &Limits,
    isolation: Isolation,
) -> Vec<Result<Extracted, Unreadable>> {
    let isolator = Isolator::new(isolation);
    files
        .par_iter()
        .map(|path| extracted(read_and_parse(path, limits, &isolator)))
        .collect()
}

fn extracted(first: FirstPass) -> Result<Extracted, Unreadable> {
    Ok(Extracted {
        sha256: first.sha256,
        parsed: first.parsed?,
    })
}

/// The JSON of `vbqppl extract --format json` (fields are a contract: path, format, pages,
/// text_layer, encoding, text, warnings, document, error).
pub fn extraction_json(path: &Path, result: &Result<Extracted, Unreadable>) -> serde_json::Value {
    let path = path.display().to_string();
    match result {
        Ok(x) => {
            let source = &x.parsed.source;
            serde_json::json!({
                "path": path,
                "sha256": x.sha256,
                "format": source.format,
                "pages": source.pages,
                "text_layer": source.text_layer,
                "encoding": source.encoding,
                "text": x.text(),
                "warnings": source.warnings,
                "furniture": source.furniture,
                "document": x.parsed.document,
                "error": null,
            })
        }
        Err(reason) => serde_json::json!({
            "path": path,
            "format": null,
            "pages": 0,
            "text_layer": null,
            "encoding": null,
            "text": "",
            "warnings": [],
            "document": null,
            "error": reason.to_string(),
        }),
    }
}

/// Called once per finished file of each pass (for progress bars).
pub trait Progress: Sync {
    fn start(&self, _phase: &str, _total: usize) {}
    fn advance(&self, _path: &Path) {}
    fn finish(&self) {}
}

/// No progress reporting.
pub struct Quiet;
impl Progress for Quiet {}

/// Run the whole pipeline (up to checking) over `files`, in parallel on the current rayon pool.
/// Reports come back in the order of `files`.
pub fn process(files: &[PathBuf], options: &Options, progress: &dyn Progress) -> Vec<DocReport> {
    process_with(files, options, progress, &|_| {})
}

/// [`process`], handing each report to `sink` as soon as it is checked (from worker threads).
pub fn process_with(
    files: &[PathBuf],
    options: &Options,
    progress: &dyn Progress,
    sink: &(dyn Fn(&DocReport) + Sync),
) -> Vec<DocReport> {
    progress.start("đọc", files.len());
    let isolator = Isolator::new(options.isolation);
    let first: Vec<FirstPass> = files
        .par_iter()
        .map(|path| {
            let p = read_and_parse(path, &options.limits, &isolator);
            progress.advance(path);
            p
        })
        .collect();
    // Workers are not needed for checking: stop them now.
    drop(isolator);
    progress.finish();

    let mut registry = Registry::builtin();
    for parsed in first.iter().filter_map(|p| p.parsed.as_ref().ok()) {
        registry.extend_with(&parsed.document);
    }

    progress.start("kiểm tra", first.len());
    let reports = first
        .into_par_iter()
        .map(|p| {
            let report = check_one(p, &registry, options);
            sink(&report);
            progress.advance(&report.path);
            report
        })
        .collect();
    progress.finish();
    reports
}

/// What an indexing run did.
#[derive(Debug, Clone)]
pub struct IndexSummary {
    pub stats: IndexStats,
    /// Documents not indexed because they have no usable text layer (scans).
    pub skipped_no_text: usize,
    /// Unreadable files (never indexed).
    pub unreadable: usize,
}

impl std::fmt::Display for IndexSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.stats;
        write!(
            f,
            "{} thêm, {} cập nhật, {} không đổi, {} xóa; {} tài liệu trong chỉ mục; {} bản quét không lập chỉ mục, {} {}",
            s.added,
            s.replaced,
            s.unchanged,
            s.deleted,
            s.docs_total,
            self.skipped_no_text,
            self.unreadable,
            Status::Unreadable.label_vi()
        )
    }
}

/// The path under which a file is indexed: absolute, so that runs from another folder match.
pub fn index_path(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Process `files` and index every checked document, in one atomic commit.
///
/// Checked documents stream to the index writer while other files are still being checked (a
/// bounded channel gives back-pressure). Files under `roots` that are indexed but no longer
/// present are deleted. Returns the reports (for the summary) and what the index did.
pub fn process_and_index(
    files: &[PathBuf],
    roots: &[PathBuf],
    options: &Options,
    progress: &dyn Progress,
    index: IndexOptions,
    dir: &Path,
) -> Result<(Vec<DocReport>, IndexSummary), IndexError> {
    let indexer = Indexer::open(dir, index)?;
    if indexer.rebuilt_old_schema() {
        eprintln!(
            "note: {}: index built by another version of vbqppl; rebuilding it",
            dir.display()
        );
    }
    let sender = indexer.sender();
    let send_error = std::sync::Mutex::new(None);
    let sink = |report: &DocReport| {
        // Only checked documents are indexed: a scan has no text to search.
        let Outcome::Checked { parsed, findings } = &report.outcome else {
            return;
        };
        let path = index_path(&report.path);
        let record = IndexRecord {
            id: &report.sha256,
            path: &path,
            format: parsed.source.format,
            pages: parsed.source.pages,
            text_layer: parsed.source.text_layer,
            encoding: parsed.source.encoding,
            document: &parsed.document,
            findings,
        };
        if let Err(e) = sender.send(&record) {
            if let Ok(mut slot) = send_error.lock() {
                slot.get_or_insert(e);
            }
        }
    };
    let reports = process_with(files, options, progress, &sink);
    drop(sender);
    if let Some(e) = send_error.into_inner().ok().flatten() {
        return Err(e);
    }
    // Every input that exists stays: an unreadable file keeps its last readable version until it
    // is removed from disk.
    let seen: HashSet<String> = files.iter().map(|p| index_path(p)).collect();
    let canonical_roots: Vec<PathBuf> =
        roots.iter().map(|r| PathBuf::from(index_path(r))).collect();
    let root_refs: Vec<&Path> = canonical_roots.iter().map(|p| p.as_path()).collect();
    indexer.retain_paths(&root_refs, seen)?;
    let stats = indexer.finish()?;
    let count = |status: Status| reports.iter().filter(|r| r.status() == status).count();
    let summary = IndexSummary {
        stats,
        skipped_no_text: count(Status::NoTextLayer),
        unreadable: count(Status::Unreadable),
    };
    Ok((reports, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_input_is_an_error() {
        let err = collect_inputs(&[PathBuf::from("/no/such/path")]).unwrap_err();
        assert_eq!(err.to_string(), "/no/such/path: no such file or folder");
    }

    #[test]
    fn every_file_gets_a_report() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Điều 1. Phạm vi").unwrap();
        std::fs::write(dir.path().join("b.pdf"), "").unwrap();
        std::fs::write(dir.path().join("c.pdf"), "not a pdf").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let files = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(files.len(), 3);
        let reports = process(&files, &Options::default(), &Quiet);
        let statuses: Vec<_> = reports.iter().map(|r| r.status()).collect();
        assert_eq!(
            statuses,
            vec![Status::Checked, Status::Unreadable, Status::Unreadable]
        );
        assert_eq!(
            reports[1].unreadable(),
            Some(&Unreadable::Extract("empty file".into()))
        );
    }
}
