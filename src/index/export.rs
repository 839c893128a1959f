//! NDJSON export of the normalized fields, for engines that scale past one machine
//! (Quickwit, OpenSearch: see `docs/scale-out.md`).

use super::search::{stored_document, StoredDocument};
use super::{open_existing, IndexError};
use std::io::Write;
use std::path::Path;
use tantivy::{DocAddress, ReloadPolicy, TantivyDocument};

/// One exported line: every stored field (`body` is the normalized text).
pub type ExportDoc = StoredDocument;

/// Write every live document of the index in `dir` as one JSON object per line. Returns the
/// number of documents written.
pub fn export_ndjson(dir: &Path, out: &mut dyn Write) -> Result<u64, IndexError> {
    let (index, fields) = open_existing(dir)?;
    let reader: tantivy::IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let mut written = 0u64;
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let ord = u32::try_from(ord).map_err(|_| IndexError::Write("too many segments".into()))?;
        for doc_id in segment.doc_ids_alive() {
            let doc: TantivyDocument = searcher.doc(DocAddress::new(ord, doc_id))?;
            let line: ExportDoc = stored_document(&fields, &doc);
            serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            written += 1;
        }
    }
    out.flush()?;
    Ok(written)
}
