//! Stage 5: the tantivy index reviewers search.
//!
//! [`Indexer`] adds checked documents (one writer thread fed by a bounded channel, atomic commits,
//! incremental by content hash); [`IndexSearcher`] / [`search`] answer queries with filters and
//! highlighted snippets; [`export_ndjson`] writes the normalized fields for other engines
//! (`docs/scale-out.md`).

mod export;
mod filter;
mod record;
mod schema;
mod search;
mod snippet;
mod text_query;
pub use snippet::escape_html;
mod writer;

pub use export::{export_ndjson, ExportDoc};
pub use filter::{parse_filter, FilterValue, Param, ParamError};
pub use record::IndexRecord;
pub use schema::{
    build_schema, exact_analyzer, folded_analyzer, pairs_analyzer, Fields, TOKENIZER_EXACT,
    TOKENIZER_FOLDED, TOKENIZER_PAIRS,
};
pub use search::{
    search, IndexSearcher, SearchHit, SearchRequest, SearchResults, SortOrder, StoredDocument,
};
pub use writer::{IndexOptions, IndexStats, Indexer, RecordSender};

use std::path::{Path, PathBuf};
use tantivy::Index;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("index write failed: {0}")]
    Write(String),
    /// The query itself is unusable: the user's error, not the index's.
    #[error("invalid query: {0}")]
    Query(#[from] QueryError),
    #[error("export failed: {0}")]
    Export(#[from] std::io::Error),
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Why a query cannot be run as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("không có từ nào để tìm (no word to search)")]
    NoWords,
    /// Tantivy's query grammar rejected it, even read leniently.
    #[error("{0}")]
    Syntax(String),
}

fn open_error(dir: &Path, reason: impl ToString) -> IndexError {
    IndexError::Open {
        path: dir.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// Open an existing index for reading, with our tokenizers, refusing one built with another
/// schema (it would answer queries wrongly).
fn open_existing(dir: &Path) -> Result<(Index, Fields), IndexError> {
    if !dir.join("meta.json").is_file() {
        return Err(open_error(dir, "no index here (run `vbqppl index` first)"));
    }
    let index = Index::open_in_dir(dir).map_err(|e| open_error(dir, e))?;
    let (schema, fields) = build_schema();
    if index.schema() != schema {
        return Err(open_error(
            dir,
            "index was built by another version: rebuild it (--rebuild)",
        ));
    }
    schema::register_tokenizers(&index);
    Ok((index, fields))
}
