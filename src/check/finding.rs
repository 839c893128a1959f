//! A finding: one rule violated at one place.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One rule violated at one place in the document. Field names are part of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule ID exactly as in RULES.md (`HL-002`).
    pub rule: String,
    pub severity: Severity,
    /// Message in Vietnamese, for reviewers.
    pub message: String,
    /// English gloss of `message`.
    pub message_en: String,
    /// Legal basis of the rule (`Điều 151 Luật 80/2015/QH13`).
    pub legal_basis: String,
    /// 1-based line of the evidence in the normalized text, 0 when the finding is about an absence.
    pub line: usize,
    /// Byte span of the evidence in the normalized text.
    pub start: usize,
    pub end: usize,
    pub excerpt: String,
    /// A mechanical fix, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}
