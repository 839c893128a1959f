//! vbqppl: extract, normalize, parse, check and index Vietnamese legal normative documents.
//!
//! The pipeline runs one way: `extract` → `normalize` → `parse` → `check` → `index` → `serve`.
//! A stage may use the ones before it, never the ones after it. `pipeline` drives the stages over
//! many files in parallel; `cli` is a thin layer over `pipeline`.

pub mod atomic;
mod bytescan;
pub mod check;
pub mod extract;
pub mod index;
pub mod normalize;
pub mod parse;
pub mod pipeline;
pub mod report;
pub mod review;
pub mod serve;
