//! Drives the stages over many files in parallel (filled in by the foundation work).
