//! What a rule may read besides the document: the date of judgement, the source, the citation
//! registry and the user's configuration.

use super::{registry, Config};
use crate::extract::{Encoding, TextLayer};
use chrono::NaiveDate;

/// What the extractor said about the source, for rules that look at it (ND-002, NN-001).
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo {
    pub encoding: Encoding,
    pub text_layer: TextLayer,
    /// A copy printed in the Công báo (`normalize::gazette_copy`), which drops the recipients
    /// block (NN-001).
    pub gazette_copy: bool,
}

impl Default for SourceInfo {
    fn default() -> Self {
        SourceInfo {
            encoding: Encoding::Unicode,
            text_layer: TextLayer::Full,
            gazette_copy: false,
        }
    }
}

/// Everything a rule may read besides the document.
pub struct CheckContext<'a> {
    /// Date at which "in force" is judged (defaults to today).
    pub as_of: NaiveDate,
    pub source: SourceInfo,
    /// Known documents, for citation checks (CC-003, CC-004, HL-007, CC-002).
    pub registry: &'a registry::Registry,
    pub config: &'a Config,
}

impl<'a> CheckContext<'a> {
    /// A context judged as of today, for a Unicode source with a full text layer.
    pub fn new(registry: &'a registry::Registry, config: &'a Config) -> CheckContext<'a> {
        CheckContext {
            as_of: chrono::Local::now().date_naive(),
            source: SourceInfo::default(),
            registry,
            config,
        }
    }
}
