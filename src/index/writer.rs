//! The index writer: one thread owns tantivy's `IndexWriter`, fed by a bounded channel so that
//! many pipeline workers can hand over documents at once without unbounded memory.
//!
//! Incremental by content hash: a path whose hash is already indexed is skipped, a changed one is
//! replaced (delete by path term, then add, in the same commit), and [`Indexer::retain_paths`]
//! deletes documents under the indexed roots that are no longer there. Nothing is visible until
//! [`Indexer::commit`], which tantivy makes atomic: a crash leaves the previous commit searchable,
//! and a rerun finds the already committed hashes and completes the job.

use super::record::IndexRecord;
use super::schema::{build_schema, register_tokenizers, Fields};
use super::{open_error, IndexError};
use crossbeam_channel::{bounded, Receiver, Sender};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Tantivy refuses less than this per indexing thread (`MEMORY_BUDGET_NUM_BYTES_MIN`).
const MEMORY_BUDGET_NUM_BYTES_MIN: usize = 15_000_000;

/// How an [`Indexer`] is opened.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Start over: every document already in the index is dropped by the first commit.
    pub rebuild: bool,
    /// Total heap tantivy may use for in-memory segments before flushing them to disk.
    pub memory_budget: usize,
    /// Tantivy indexing threads (each needs at least 15 MB of the budget).
    pub threads: usize,
    /// Documents that may wait in the channel before senders block.
    pub channel_capacity: usize,
    /// Commit after this many added documents (each commit is a consistent state); `None`: only
    /// at [`Indexer::commit`].
    pub commit_every: Option<usize>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            rebuild: false,
            memory_budget: 256 << 20,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(4)),
            channel_capacity: 256,
            commit_every: None,
        }
    }
}

impl IndexOptions {
    pub fn rebuild(mut self, rebuild: bool) -> Self {
        self.rebuild = rebuild;
        self
    }

    pub fn with_memory_budget(mut self, bytes: usize) -> Self {
        self.memory_budget = bytes;
        self
    }

    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    pub fn commit_every(mut self, docs: Option<usize>) -> Self {
        self.commit_every = docs.filter(|&n| n > 0);
        self
    }
}

/// What a run did, counted since the index was opened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IndexStats {
    /// New paths.
    pub added: usize,
    /// Paths already indexed whose content changed.
    pub replaced: usize,
    /// Paths already indexed with the same content hash.
    pub unchanged: usize,
    /// Paths removed by [`Indexer::retain_paths`].
    pub deleted: usize,
    /// Bytes of normalized text handed to tantivy.
    pub text_bytes: u64,
    /// Documents searchable after the last commit.
    pub docs_total: u64,
    pub commits: usize,
}

enum Msg {
    Upsert {
        path: String,
        id: String,
        text_bytes: usize,
        doc: Box<TantivyDocument>,
    },
    Retain {
        roots: Vec<PathBuf>,
        seen: HashSet<String>,
    },
    Commit(Sender<Result<IndexStats, IndexError>>),
    Shutdown,
}

/// A cloneable handle for worker threads: turns a record into a tantivy document on the calling
/// thread and queues it for the writer (blocks while the channel is full).
#[derive(Clone)]
pub struct RecordSender {
    tx: Sender<Msg>,
    fields: Fields,
}

impl RecordSender {
    pub fn send(&self, record: &IndexRecord) -> Result<(), IndexError> {
        let doc = record.to_document(&self.fields);
        self.tx
            .send(Msg::Upsert {
                path: record.path.to_string(),
                id: record.id.to_string(),
                text_bytes: record.document.text.len(),
                doc: Box::new(doc),
            })
            .map_err(|_| IndexError::Write("index writer thread stopped".into()))
    }
}

/// The index writer used by `run` and `index`.
///
/// ```no_run
/// # use vbqppl::index::{Indexer, IndexOptions};
/// # fn f(dir: &std::path::Path) -> Result<(), vbqppl::index::IndexError> {
/// let mut ix = Indexer::open(dir, IndexOptions::default())?;
/// let known = ix.known(); // path -> hash already indexed: skip those before parsing
/// let tx = ix.sender(); // clone into rayon workers, `tx.send(&record)`
/// drop(tx);
/// let stats = ix.commit()?;
/// # Ok(()) }
/// ```
pub struct Indexer {
    dir: PathBuf,
    /// The folder held an index of another schema, emptied and rebuilt.
    rebuilt_old_schema: bool,
    fields: Fields,
    known: HashMap<String, String>,
    tx: Sender<Msg>,
    thread: Option<JoinHandle<()>>,
}

impl Indexer {
    /// Whether `open` found an index of another version and rebuilt it from scratch.
    pub fn rebuilt_old_schema(&self) -> bool {
        self.rebuilt_old_schema
    }

    /// Open the index in `dir`, creating it when absent; an index of another version (another
    /// schema) is emptied and rebuilt, see [`Indexer::rebuilt_old_schema`].
    pub fn open(dir: &Path, options: IndexOptions) -> Result<Indexer, IndexError> {
        std::fs::create_dir_all(dir).map_err(|e| open_error(dir, e))?;
        let (schema, fields) = build_schema();
        let exists = dir.join("meta.json").is_file();
        let mut options = options;
        let mut rebuilt_old_schema = false;
        let index = if exists {
            let index = Index::open_in_dir(dir).map_err(|e| open_error(dir, e))?;
            if index.schema() != schema {
                // The index is derived from the inputs being indexed: one of another version
                // is rebuilt from them (searching it would misread it, see `IndexSearcher`).
                options.rebuild = true;
                rebuilt_old_schema = true;
                drop(index);
                recreate_dir(dir)?;
                Index::create_in_dir(dir, schema).map_err(|e| open_error(dir, e))?
            } else {
                index
            }
        } else {
            Index::create_in_dir(dir, schema).map_err(|e| open_error(dir, e))?
        };
        register_tokenizers(&index);

        let known = if options.rebuild {
            HashMap::new()
        } else {
            read_known(&index)?
        };
        let threads = options.threads.clamp(
            1,
            (options.memory_budget / MEMORY_BUDGET_NUM_BYTES_MIN).max(1),
        );
        let budget = options
            .memory_budget
            .max(threads * MEMORY_BUDGET_NUM_BYTES_MIN);
        let writer: IndexWriter = index
            .writer_with_num_threads(threads, budget)
            .map_err(|e| open_error(dir, e))?;
        if options.rebuild {
            writer.delete_all_documents()?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;

        let (tx, rx) = bounded(options.channel_capacity.max(1));
        let state = WriterState {
            writer: Some(writer),
            reader,
            fields: fields.clone(),
            known: known.clone(),
            stats: IndexStats::default(),
            error: None,
            since_commit: 0,
            commit_every: options.commit_every,
        };
        let thread = std::thread::Builder::new()
            .name("index-writer".into())
            .spawn(move || state.run(rx))
            .map_err(|e| open_error(dir, e))?;
        Ok(Indexer {
            dir: dir.to_path_buf(),
            rebuilt_old_schema,
            fields,
            known,
            tx,
            thread: Some(thread),
        })
    }

    /// Open with default options and the given memory budget.
    pub fn with_memory_budget(dir: &Path, bytes: usize) -> Result<Indexer, IndexError> {
        Indexer::open(dir, IndexOptions::default().with_memory_budget(bytes))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Paths already indexed (as of the last commit before opening), with their content hash.
    pub fn known(&self) -> &HashMap<String, String> {
        &self.known
    }

    /// True when `path` is indexed with this content hash: the caller may skip the file.
    pub fn is_current(&self, path: &str, id: &str) -> bool {
        self.known.get(path).is_some_and(|h| h == id)
    }

    /// A handle for worker threads. Drop every sender before dropping the [`Indexer`].
    pub fn sender(&self) -> RecordSender {
        RecordSender {
            tx: self.tx.clone(),
            fields: self.fields.clone(),
        }
    }

    /// Queue one record (same as `self.sender().send(record)`).
    pub fn add(&self, record: &IndexRecord) -> Result<(), IndexError> {
        self.sender().send(record)
    }

    /// Delete every indexed path under one of `roots` that is not in `seen` (the full set of
    /// inputs of this run). Paths outside the roots are left alone.
    pub fn retain_paths(&self, roots: &[&Path], seen: HashSet<String>) -> Result<(), IndexError> {
        self.tx
            .send(Msg::Retain {
                roots: roots.iter().map(|r| r.to_path_buf()).collect(),
                seen,
            })
            .map_err(|_| IndexError::Write("index writer thread stopped".into()))
    }

    /// Commit everything queued so far (atomically) and return the counters. Make sure the
    /// workers are done sending: what they send later goes into the next commit.
    pub fn commit(&mut self) -> Result<IndexStats, IndexError> {
        let (reply_tx, reply_rx) = bounded(1);
        self.tx
            .send(Msg::Commit(reply_tx))
            .map_err(|_| IndexError::Write("index writer thread stopped".into()))?;
        reply_rx
            .recv()
            .map_err(|_| IndexError::Write("index writer thread stopped".into()))?
    }

    /// Commit, then wait for background merges to end.
    pub fn finish(mut self) -> Result<IndexStats, IndexError> {
        let stats = self.commit()?;
        self.shutdown();
        Ok(stats)
    }

    fn shutdown(&mut self) {
        let _ = self.tx.send(Msg::Shutdown);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Indexer {
    /// Uncommitted work is dropped: the index stays at its last commit.
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Remove an index folder built with another schema. Only called with `rebuild` and only on a
/// folder that holds a tantivy `meta.json`, so a mistyped path cannot wipe unrelated files.
/// Empty an index folder of another schema. Only top-level files go (tantivy writes nothing
/// deeper), and a README kept beside the index (as in the repository's `index/`) stays.
fn recreate_dir(dir: &Path) -> Result<(), IndexError> {
    debug_assert!(dir.join("meta.json").is_file());
    for entry in std::fs::read_dir(dir).map_err(|e| open_error(dir, e))? {
        let entry = entry.map_err(|e| open_error(dir, e))?;
        let is_readme = entry.file_name().to_string_lossy().starts_with("README");
        if entry.file_type().map_err(|e| open_error(dir, e))?.is_file() && !is_readme {
            std::fs::remove_file(entry.path()).map_err(|e| open_error(dir, e))?;
        }
    }
    Ok(())
}

/// Path → hash of every live document, from the fast fields (no stored-document decoding).
fn read_known(index: &Index) -> Result<HashMap<String, String>, IndexError> {
    let reader: IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let mut known = HashMap::new();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let (Some(paths), Some(ids)) = (ff.str("path")?, ff.str("id")?) else {
            continue;
        };
        let (mut path, mut id) = (String::new(), String::new());
        for doc in segment.doc_ids_alive() {
            let (Some(p), Some(i)) = (paths.term_ords(doc).next(), ids.term_ords(doc).next())
            else {
                continue;
            };
            if paths.ord_to_str(p, &mut path)? && ids.ord_to_str(i, &mut id)? {
                known.insert(path.clone(), id.clone());
            }
        }
    }
    Ok(known)
}

struct WriterState {
    writer: Option<IndexWriter>,
    reader: IndexReader,
    fields: Fields,
    known: HashMap<String, String>,
    stats: IndexStats,
    /// First failure since the last commit: the next commit rolls back and reports it.
    error: Option<String>,
    since_commit: usize,
    commit_every: Option<usize>,
}

impl WriterState {
    fn run(mut self, rx: Receiver<Msg>) {
        while let Ok(msg) = rx.recv() {
            match msg {
                Msg::Upsert {
                    path,
                    id,
                    text_bytes,
                    doc,
                } => self.upsert(path, id, text_bytes, *doc),
                Msg::Retain { roots, seen } => self.retain(&roots, &seen),
                Msg::Commit(reply) => {
                    let _ = reply.send(self.commit());
                }
                Msg::Shutdown => break,
            }
        }
        if let Some(writer) = self.writer.take() {
            let _ = writer.wait_merging_threads();
        }
    }

    fn upsert(&mut self, path: String, id: String, text_bytes: usize, doc: TantivyDocument) {
        let Some(writer) = self.writer.as_ref() else {
            return;
        };
        match self.known.get(&path) {
            Some(h) if *h == id => {
                self.stats.unchanged += 1;
                return;
            }
            Some(_) => self.stats.replaced += 1,
            None => self.stats.added += 1,
        }
        writer.delete_term(Term::from_field_text(self.fields.path, &path));
        if let Err(e) = writer.add_document(doc) {
            self.error.get_or_insert_with(|| e.to_string());
            return;
        }
        self.known.insert(path, id);
        self.stats.text_bytes += text_bytes as u64;
        self.since_commit += 1;
        if self.commit_every.is_some_and(|n| self.since_commit >= n) {
            // A failed periodic commit is kept in `error` and reported by the final one.
            if let Err(e) = self.commit() {
                self.error.get_or_insert_with(|| e.to_string());
            }
        }
    }

    fn retain(&mut self, roots: &[PathBuf], seen: &HashSet<String>) {
        let Some(writer) = self.writer.as_ref() else {
            return;
        };
        let gone: Vec<String> = self
            .known
            .keys()
            .filter(|p| !seen.contains(*p) && roots.iter().any(|r| Path::new(p).starts_with(r)))
            .cloned()
            .collect();
        for path in gone {
            writer.delete_term(Term::from_field_text(self.fields.path, &path));
            self.known.remove(&path);
            self.stats.deleted += 1;
        }
    }

    fn commit(&mut self) -> Result<IndexStats, IndexError> {
        let Some(writer) = self.writer.as_mut() else {
            return Err(IndexError::Write("index writer is closed".into()));
        };
        if let Some(e) = self.error.take() {
            // Back to the last commit; `known` must follow or the rerun would skip lost docs.
            let rollback = writer.rollback();
            self.known = read_known_after_rollback(&self.reader)?;
            rollback?;
            return Err(IndexError::Write(e));
        }
        writer.commit()?;
        self.since_commit = 0;
        self.stats.commits += 1;
        self.reader.reload()?;
        self.stats.docs_total = self.reader.searcher().num_docs();
        Ok(self.stats.clone())
    }
}

fn read_known_after_rollback(reader: &IndexReader) -> Result<HashMap<String, String>, IndexError> {
    reader.reload()?;
    read_known(reader.searcher().index())
}
