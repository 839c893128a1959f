//! Drives the stages over many files in parallel.
//!
//! `passes`: two parallel passes over a batch: (1) read, hash, extract, normalize and parse
//! every file; (2) check every parsed document against a registry that knows every document of
//! the batch (so a citation of a sibling document can be judged). `job`: what happens to one
//! file in each pass. `isolation` (and `worker`, its process on Linux): where pass 1 runs.
//! `outcome`: every input path comes out as one [`DocReport`] whose [`Outcome`] is checked, or
//! not checked with a typed reason: nothing is dropped.

use crate::check::Config;
use crate::extract::Limits;
use chrono::NaiveDate;

mod isolation;
mod job;
mod outcome;
mod pages;
mod passes;
#[cfg(target_os = "linux")]
mod worker;

pub use isolation::Isolation;
pub use outcome::{
    legal_identity, DocReport, IdentityMark, NoText, NotLegalDocument, Outcome, Parsed, SourceMeta,
    Status, Unreadable, WorkerExit,
};
pub use passes::{
    collect_inputs, extract_all, extract_one, extraction_json, index_path, process,
    process_and_index, process_with, Extracted, IndexSummary, InputError, Progress, Quiet,
    DOCUMENT_EXTENSIONS,
};
#[cfg(target_os = "linux")]
pub use worker::{serve as serve_worker, WORKER_ARG};

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
