//! Drives the stages over many files in parallel.
//!
//! Two parallel passes: (1) read, hash, extract, normalize and parse every file; (2) check every
//! parsed document against a registry that knows every document of the batch (so a citation of a
//! sibling document can be judged). Every input path comes out as one [`DocReport`], checked or
//! unreadable with a one-line reason: nothing is dropped.

use crate::check::{self, registry::Registry, CheckContext, Config, Finding, Severity, SourceInfo};
use crate::extract::{self, Encoding, ExtractError, Extraction, Limits, SourceFormat, TextLayer};
use crate::index::{IndexError, IndexOptions, IndexRecord, IndexStats, Indexer};
use crate::normalize;
use crate::parse::{self, Document};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
mod worker;
#[cfg(target_os = "linux")]
pub use worker::{serve as serve_worker, WORKER_ARG};

/// File extensions picked up when walking a folder. Files named explicitly are always read.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "txt", "html", "htm"];

/// Stack for the isolated extraction thread: deep but bounded recursion must not overflow.
const WORKER_STACK_BYTES: usize = 64 << 20;

/// Where each document is extracted, normalized and parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// A thread with a large stack under a watchdog: panics and stalls are caught, but a runaway
    /// thread is abandoned (not stopped) and memory is not capped.
    Thread,
    /// A worker process (Linux) whose address space is capped at `memory_mib` MiB beyond its own
    /// mappings, killed and replaced when it overruns the deadline or dies. Elsewhere: `Thread`.
    Process { memory_mib: u64 },
}

impl Isolation {
    /// Default `--doc-memory-mib`.
    pub const DEFAULT_MEMORY_MIB: u64 = 2048;

    /// Whether [`Isolation::Process`] really runs a worker process on this platform.
    pub const PROCESS_SUPPORTED: bool = cfg!(target_os = "linux");
}

/// Options shared by every document of a batch.
#[derive(Clone)]
pub struct Options {
    pub limits: Limits,
    /// Date at which "in force" is judged.
    pub as_of: NaiveDate,
    pub config: Config,
    /// Library callers get [`Isolation::Thread`] (a worker process needs this crate's binary);
    /// the command line picks [`Isolation::Process`] on Linux.
    pub isolation: Isolation,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            as_of: chrono::Local::now().date_naive(),
            config: Config::default(),
            isolation: Isolation::Thread,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Checked,
    Unreadable,
}

/// What the extractor reported about the source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceMeta {
    pub format: SourceFormat,
    pub pages: u32,
    pub text_layer: TextLayer,
    pub encoding: Encoding,
    pub warnings: Vec<String>,
    pub furniture: Vec<String>,
}

impl SourceMeta {
    fn from_extraction(x: &Extraction) -> SourceMeta {
        SourceMeta {
            format: x.format,
            pages: x.pages,
            text_layer: x.text_layer,
            encoding: x.encoding,
            warnings: x.warnings.clone(),
            furniture: x.furniture.clone(),
        }
    }
}

/// One input file after the pipeline: checked, or unreadable with why.
#[derive(Debug, Clone)]
pub struct DocReport {
    pub path: PathBuf,
    /// SHA-256 of the file bytes (empty when the file could not be read at all).
    pub sha256: String,
    pub status: Status,
    /// One-line reason when unreadable.
    pub error: Option<String>,
    pub source: Option<SourceMeta>,
    pub document: Option<Document>,
    pub findings: Vec<Finding>,
    pub elapsed: Duration,
}

impl DocReport {
    fn unreadable(path: &Path, sha256: String, error: String, elapsed: Duration) -> DocReport {
        DocReport {
            path: path.to_path_buf(),
            sha256,
            status: Status::Unreadable,
            error: Some(error),
            source: None,
            document: None,
            findings: Vec::new(),
            elapsed,
        }
    }

    /// Highest severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

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

/// First pass result for one file.
struct Parsed {
    path: PathBuf,
    sha256: String,
    outcome: Result<(SourceMeta, Document), String>,
    elapsed: Duration,
}

/// Runs the extraction of each document of a batch under the chosen [`Isolation`].
enum Isolator {
    Thread,
    #[cfg(target_os = "linux")]
    Process(worker::Pool),
}

impl Isolator {
    fn new(isolation: Isolation) -> Isolator {
        match isolation {
            Isolation::Thread => Isolator::Thread,
            #[cfg(target_os = "linux")]
            Isolation::Process { memory_mib } => Isolator::Process(worker::Pool::new(memory_mib)),
            #[cfg(not(target_os = "linux"))]
            Isolation::Process { .. } => Isolator::Thread,
        }
    }
}

/// Read, extract, normalize and parse one file, isolated: a panic or a stall in any stage (or,
/// in a worker process, running out of memory) turns into an unreadable report, never into a
/// crashed or stuck batch.
fn read_and_parse(path: &Path, limits: &Limits, isolator: &Isolator) -> Parsed {
    let started = Instant::now();
    let bytes = match read_bounded(path, limits.max_file_bytes) {
        Ok(b) => b,
        Err(reason) => {
            return Parsed {
                path: path.into(),
                sha256: String::new(),
                outcome: Err(reason),
                elapsed: started.elapsed(),
            }
        }
    };
    let sha256 = hex::encode(Sha256::digest(&bytes));
    // The watchdog gives the worker a little more than the extractor's own budget, which the
    // extractor checks cooperatively; the watchdog catches what cooperation misses.
    let deadline = limits.time + Duration::from_secs(5);
    let outcome = match isolator {
        Isolator::Thread => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_string();
            let limits_for_worker = limits.clone();
            isolate(deadline, move || {
                extract_normalize_parse(&bytes, &ext, &limits_for_worker)
            })
        }
        #[cfg(target_os = "linux")]
        Isolator::Process(pool) => {
            // The worker reads the file itself: the bytes do not cross the pipe.
            drop(bytes);
            pool.run(path, limits, deadline)
        }
    };
    Parsed {
        path: path.into(),
        sha256,
        outcome,
        elapsed: started.elapsed(),
    }
}

/// The work that is isolated, the same in a thread and in a worker process.
fn extract_normalize_parse(
    bytes: &[u8],
    ext: &str,
    limits: &Limits,
) -> Result<(SourceMeta, Document), String> {
    let extraction = extract::extract_bytes(bytes, ext, limits).map_err(|e| reason_of(&e))?;
    let text = normalize::normalize(&extraction.text);
    let document = parse::parse(&text);
    Ok((SourceMeta::from_extraction(&extraction), document))
}

fn reason_of(e: &ExtractError) -> String {
    e.to_string()
}

fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.len() > max {
        return Err(format!(
            "file too large: {} bytes (limit {max})",
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| io_reason(&e))
}

fn io_reason(e: &std::io::Error) -> String {
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg);
    format!("cannot read file: {}", msg.to_lowercase())
}

/// Run `work` on its own thread with a large stack; give up after `deadline`.
///
/// A worker that overruns is left to finish on its own (threads cannot be killed); the document
/// is reported as unreadable and the batch goes on. `work` must not wait on the rayon pool that
/// called it: that pool's thread is blocked here (this is why lopdf is built without rayon).
fn isolate<T: Send + 'static>(
    deadline: Duration,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("vbqppl-doc".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                .unwrap_or_else(|p| {
                    Err(format!("internal error while reading: {}", panic_text(&p)))
                });
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(format!("cannot start worker: {e}"));
    }
    match rx.recv_timeout(deadline) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("timed out after {}s", deadline.as_secs()))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("worker stopped without a result".into()),
    }
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// One file extracted, normalized and parsed (what `vbqppl extract` shows).
pub struct Extracted {
    pub sha256: String,
    pub source: SourceMeta,
    /// The parsed model; `document.text` is the normalized text.
    pub document: Document,
}

impl Extracted {
    pub fn text(&self) -> &str {
        &self.document.text
    }
}

/// Extract, normalize and parse one file in an isolated thread.
pub fn extract_one(path: &Path, limits: &Limits) -> Result<Extracted, String> {
    extracted(read_and_parse(path, limits, &Isolator::Thread))
}

/// [`extract_one`] for many files, in parallel on the current rayon pool, under `isolation`.
/// Results come back in the order of `files`.
pub fn extract_all(
    files: &[PathBuf],
    limits: &Limits,
    isolation: Isolation,
) -> Vec<Result<Extracted, String>> {
    let isolator = Isolator::new(isolation);
    files
        .par_iter()
        .map(|path| extracted(read_and_parse(path, limits, &isolator)))
        .collect()
}

fn extracted(parsed: Parsed) -> Result<Extracted, String> {
    let (source, document) = parsed.outcome?;
    Ok(Extracted {
        sha256: parsed.sha256,
        source,
        document,
    })
}

/// The JSON of `vbqppl extract --format json` (fields are a contract: path, format, pages,
/// text_layer, encoding, text, warnings, document, error).
pub fn extraction_json(path: &Path, result: &Result<Extracted, String>) -> serde_json::Value {
    let path = path.display().to_string();
    match result {
        Ok(x) => serde_json::json!({
            "path": path,
            "sha256": x.sha256,
            "format": x.source.format,
            "pages": x.source.pages,
            "text_layer": x.source.text_layer,
            "encoding": x.source.encoding,
            "text": x.text(),
            "warnings": x.source.warnings,
            "furniture": x.source.furniture,
            "document": x.document,
            "error": null,
        }),
        Err(reason) => serde_json::json!({
            "path": path,
            "format": null,
            "pages": 0,
            "text_layer": null,
            "encoding": null,
            "text": "",
            "warnings": [],
            "document": null,
            "error": reason,
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
    let parsed: Vec<Parsed> = files
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
    for p in &parsed {
        if let Ok((_, doc)) = &p.outcome {
            registry.extend_with(doc);
        }
    }

    progress.start("kiểm tra", parsed.len());
    let reports = parsed
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

fn check_one(parsed: Parsed, registry: &Registry, options: &Options) -> DocReport {
    let Parsed {
        path,
        sha256,
        outcome,
        elapsed,
    } = parsed;
    let (source, document) = match outcome {
        Ok(ok) => ok,
        Err(reason) => return DocReport::unreadable(&path, sha256, reason, elapsed),
    };
    let started = Instant::now();
    let findings = if source.text_layer == TextLayer::None {
        // Nothing was read: checking would only report the absence of everything.
        Vec::new()
    } else {
        let ctx = CheckContext {
            as_of: options.as_of,
            source: SourceInfo {
                encoding: source.encoding,
                text_layer: source.text_layer,
            },
            registry,
            config: &options.config,
        };
        let doc = &document;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check::check(doc, &ctx)))
            .unwrap_or_else(|p| vec![internal_finding(&panic_text(&p))])
    };
    DocReport {
        path,
        sha256,
        status: Status::Checked,
        error: None,
        source: Some(source),
        document: Some(document),
        findings,
        elapsed: elapsed + started.elapsed(),
    }
}

/// A checker bug must not hide the document: it shows up as a finding a reviewer can report.
fn internal_finding(reason: &str) -> Finding {
    Finding {
        rule: check::RuleId::INTERNAL,
        severity: Severity::Warning,
        message: format!("lỗi nội bộ của công cụ khi kiểm tra: {reason}"),
        message_en: format!("internal error while checking: {reason}"),
        legal_basis: String::new(),
        legal_basis_tag: None,
        line: 0,
        start: 0,
        end: 0,
        excerpt: String::new(),
        suggestion: None,
    }
}

/// What an indexing run did.
#[derive(Debug, Clone)]
pub struct IndexSummary {
    pub stats: IndexStats,
    /// Checked documents not indexed because they have no usable text layer (scans).
    pub skipped_no_text: usize,
    /// Unreadable files (never indexed).
    pub unreadable: usize,
}

impl std::fmt::Display for IndexSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.stats;
        write!(
            f,
            "{} thêm, {} cập nhật, {} không đổi, {} xóa; {} tài liệu trong chỉ mục; {} bản quét không lập chỉ mục, {} không đọc được",
            s.added, s.replaced, s.unchanged, s.deleted, s.docs_total, self.skipped_no_text, self.unreadable
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

/// Process `files` and index every checked document with a text layer, in one atomic commit.
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
        let (Some(source), Some(document)) = (&report.source, &report.document) else {
            return;
        };
        if source.text_layer == TextLayer::None {
            return;
        }
        let path = index_path(&report.path);
        let record = IndexRecord {
            id: &report.sha256,
            path: &path,
            format: source.format,
            pages: source.pages,
            text_layer: source.text_layer,
            encoding: source.encoding,
            document,
            findings: &report.findings,
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
    let skipped_no_text = reports
        .iter()
        .filter(|r| {
            r.source
                .as_ref()
                .is_some_and(|s| s.text_layer == TextLayer::None)
        })
        .count();
    let unreadable = reports
        .iter()
        .filter(|r| r.status == Status::Unreadable)
        .count();
    Ok((
        reports,
        IndexSummary {
            stats,
            skipped_no_text,
            unreadable,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolate_turns_panics_into_errors() {
        let r: Result<(), String> = isolate(Duration::from_secs(5), || panic!("boom"));
        assert_eq!(r.unwrap_err(), "internal error while reading: boom");
    }

    #[test]
    fn isolate_gives_up_on_stalls() {
        let r: Result<(), String> = isolate(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
            Ok(())
        });
        assert!(r.unwrap_err().starts_with("timed out"));
    }

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
        let statuses: Vec<_> = reports.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            vec![Status::Checked, Status::Unreadable, Status::Unreadable]
        );
        assert_eq!(reports[1].error.as_deref(), Some("empty file"));
    }
}
