//! A finding: one rule violated at one place.

use crate::parse::{Document, Span};
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

/// Longest excerpt, in characters.
pub const EXCERPT_CHARS: usize = 120;

impl Finding {
    /// A finding with evidence at `span` of `doc`. The legal basis is filled in from the rule
    /// table by [`crate::check::check`] when left empty.
    pub fn at(
        doc: &Document,
        rule: &str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Finding {
        let end = span.end.min(doc.text.len());
        let start = span.start.min(end);
        Finding {
            rule: rule.to_string(),
            severity,
            message: message.into(),
            message_en: message_en.into(),
            legal_basis: String::new(),
            line: doc.line_of(start),
            start,
            end,
            excerpt: excerpt(doc.text.get(start..end).unwrap_or("")),
            suggestion: None,
        }
    }

    /// A finding about something absent: line 0, an empty span at `anchor`.
    pub fn absent(
        doc: &Document,
        rule: &str,
        severity: Severity,
        anchor: usize,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Finding {
        let mut f = Finding::at(doc, rule, severity, Span::new(0, 0), message, message_en);
        let anchor = anchor.min(doc.text.len());
        f.start = anchor;
        f.end = anchor;
        f.line = 0;
        f
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Finding {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// Whitespace collapsed to single spaces, cut to [`EXCERPT_CHARS`] characters.
pub fn excerpt(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        for (i, c) in word.chars().enumerate() {
            if count >= EXCERPT_CHARS {
                return out;
            }
            if i == 0 && !out.is_empty() {
                out.push(' ');
                count += 1;
                if count >= EXCERPT_CHARS {
                    return out;
                }
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_collapses_and_cuts() {
        assert_eq!(excerpt("  a \n b  "), "a b");
        let long = "ư".repeat(300);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS);
    }
}
