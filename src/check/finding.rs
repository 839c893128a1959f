//! A finding: one rule violated at one place.

use super::bases::{Basis, BasisTag};
use crate::parse::{Document, Span};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// The key used in JSON, SARIF levels and configuration files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Vietnamese name, for reviewers.
    pub fn label_vi(self) -> &'static str {
        match self {
            Severity::Info => "Thông tin",
            Severity::Warning => "Cảnh báo",
            Severity::Error => "Lỗi",
        }
    }

    /// English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Severity::Info => "Info",
            Severity::Warning => "Warning",
            Severity::Error => "Error",
        }
    }
}

impl FromStr for Severity {
    type Err = UnknownSeverity;

    /// The key as written in JSON and configuration files (`"error"`), nothing else.
    fn from_str(s: &str) -> Result<Severity, UnknownSeverity> {
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownSeverity(s.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity {0:?} (expected error, warning or info)")]
pub struct UnknownSeverity(pub String);

/// A rule's ID exactly as in RULES.md (`HL-002`), a public contract. It is spelled once, in the
/// rule table ([`crate::check::rules::RULES`]); anything else gets it from there, by parsing
/// (which rejects IDs the checker does not know) or from the [`Emit`] the runner hands a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(&'static str);

impl RuleId {
    /// Not a rule of RULES.md: the checker itself failed on a document (a caught panic), which
    /// must show up as a finding rather than hide the document.
    pub const INTERNAL: RuleId = RuleId("INTERNAL");

    /// Only the rule table creates IDs.
    pub(in crate::check) const fn new(id: &'static str) -> RuleId {
        RuleId(id)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule id {0:?}")]
pub struct UnknownRuleId(pub String);

impl FromStr for RuleId {
    type Err = UnknownRuleId;

    fn from_str(s: &str) -> Result<RuleId, UnknownRuleId> {
        if s == RuleId::INTERNAL.0 {
            return Ok(RuleId::INTERNAL);
        }
        crate::check::rules::rule(s)
            .map(|r| r.id)
            .ok_or_else(|| UnknownRuleId(s.to_string()))
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleId, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// One rule violated at one place in the document. Field names are part of the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule ID exactly as in RULES.md (`HL-002`).
    pub rule: RuleId,
    pub severity: Severity,
    /// Message in Vietnamese, for reviewers.
    pub message: String,
    /// English gloss of `message`.
    pub message_en: String,
    /// Legal basis of the rule in the document's regime (`Điều 151 Luật 80/2015/QH13`), stamped
    /// by the runner from [`crate::check::bases`].
    pub legal_basis: String,
    /// How far that basis is confirmed (RULES.md §0); `R` means a reviewer must verify it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis_tag: Option<BasisTag>,
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

/// Builds the findings of one rule. The runner hands each rule the `Emit` that carries its ID,
/// so a rule never spells its own ID and cannot report under another's.
#[derive(Clone, Copy)]
pub struct Emit<'d> {
    doc: &'d Document,
    rule: RuleId,
    basis: Option<&'static Basis>,
}

impl<'d> Emit<'d> {
    pub(in crate::check) fn new(doc: &'d Document, rule: RuleId) -> Emit<'d> {
        Emit {
            doc,
            rule,
            basis: None,
        }
    }

    /// The same, knowing the basis of the document's period (for messages that name its form).
    pub(in crate::check) fn citing(self, basis: &'static Basis) -> Emit<'d> {
        Emit {
            basis: Some(basis),
            ..self
        }
    }

    /// The form or template of the document's period the rule refers to, when the data names
    /// one (RULES.md gives none before 2016 for most rules).
    pub fn template(self) -> Option<&'static str> {
        self.basis.and_then(|b| b.template.as_deref())
    }

    /// A finding with evidence at `span` of the document. The legal basis is stamped by
    /// [`crate::check::check`] from the document's regime.
    pub fn at(
        self,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Finding {
        let text = &self.doc.text;
        let end = span.end.min(text.len());
        let start = span.start.min(end);
        Finding {
            rule: self.rule,
            severity,
            message: message.into(),
            message_en: message_en.into(),
            legal_basis: String::new(),
            legal_basis_tag: None,
            line: self.doc.line_of(start),
            start,
            end,
            excerpt: excerpt(text.get(start..end).unwrap_or("")),
            suggestion: None,
        }
    }

    /// A finding about something absent: line 0, an empty span at `anchor`.
    pub fn absent(
        self,
        severity: Severity,
        anchor: usize,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Finding {
        let anchor = anchor.min(self.doc.text.len());
        let mut f = self.at(severity, Span::new(anchor, anchor), message, message_en);
        f.line = 0;
        f
    }
}

impl Finding {
    /// The Vietnamese marker that human and SARIF text append when the basis is unconfirmed.
    pub fn basis_note(&self) -> &'static str {
        match self.legal_basis_tag {
            Some(tag) if !tag.confirmed() => " (căn cứ chưa được xác nhận)",
            _ => "",
        }
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
    fn rule_id_round_trips_and_rejects_unknown() {
        let id: RuleId = "HL-002".parse().expect("known id");
        assert_eq!(id, "HL-002");
        assert_eq!(serde_json::to_string(&id).expect("json"), "\"HL-002\"");
        let back: RuleId = serde_json::from_str("\"HL-002\"").expect("json");
        assert_eq!(back, id);
        assert_eq!("INTERNAL".parse::<RuleId>(), Ok(RuleId::INTERNAL));
        assert_eq!(
            "XX-999".parse::<RuleId>(),
            Err(UnknownRuleId("XX-999".into()))
        );
        assert!(serde_json::from_str::<RuleId>("\"hl-002\"").is_err());
    }

    #[test]
    fn severity_keys_and_labels() {
        for s in Severity::ALL {
            assert_eq!(s.as_str().parse::<Severity>(), Ok(s));
        }
        assert_eq!(Severity::Error.label_vi(), "Lỗi");
        assert_eq!(Severity::Warning.label_vi(), "Cảnh báo");
        assert_eq!(Severity::Info.label_vi(), "Thông tin");
        assert_eq!(Severity::Warning.label_en(), "Warning");
        assert!("fatal".parse::<Severity>().is_err());
        assert!("Error".parse::<Severity>().is_err());
    }

    #[test]
    fn absent_finding_has_line_zero_and_empty_span() {
        let doc = crate::check::testkit::DocBuilder::new("a\nb\n").build();
        let id: RuleId = "NN-001".parse().expect("id");
        let f = Emit::new(&doc, id).absent(Severity::Warning, 99, "vi", "en");
        assert_eq!((f.line, f.start, f.end, f.rule), (0, 4, 4, id));
        let f = Emit::new(&doc, id).at(Severity::Error, Span::new(2, 3), "vi", "en");
        assert_eq!((f.line, f.excerpt.as_str()), (2, "b"));
    }

    #[test]
    fn excerpt_collapses_and_cuts() {
        assert_eq!(excerpt("  a \n b  "), "a b");
        let long = "ư".repeat(300);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS);
    }
}
