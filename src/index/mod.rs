//! Stage 5: the tantivy index reviewers search.
//!
//! [`Indexer`] adds checked documents (one writer, atomic commits, incremental by content hash);
//! [`search`] answers queries with filters and highlighted snippets.

use crate::check::Finding;
use crate::extract::{Encoding, SourceFormat, TextLayer};
use crate::parse::Document;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("index write failed: {0}")]
    Write(String),
    #[error("invalid query: {0}")]
    Query(String),
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
}

/// One checked document, as handed to the index.
pub struct IndexRecord<'a> {
    /// SHA-256 of the file bytes, hex.
    pub id: &'a str,
    pub path: &'a str,
    pub format: SourceFormat,
    pub pages: u32,
    pub text_layer: TextLayer,
    pub encoding: Encoding,
    pub document: &'a Document,
    pub findings: &'a [Finding],
}

/// The index writer used by `run` and `index`.
pub struct Indexer {
    _dir: PathBuf,
}

impl Indexer {
    /// Open the index in `dir`, creating it when absent; `rebuild` starts over.
    pub fn open(dir: &Path, rebuild: bool) -> Result<Indexer, IndexError> {
        let _ = rebuild;
        Err(IndexError::Open {
            path: dir.to_path_buf(),
            reason: "not built yet".into(),
        })
    }
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub path: String,
    pub number: Option<String>,
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub issue_date: Option<String>,
    pub score: f32,
    pub snippet: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
}

/// Search the index in `dir`.
pub fn search(dir: &Path, request: &SearchRequest) -> Result<SearchResults, IndexError> {
    let _ = request;
    Err(IndexError::Open {
        path: dir.to_path_buf(),
        reason: "not built yet".into(),
    })
}
