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

/// How sure the rule is that its evidence is a defect, set by the rule: `high` when the text
/// itself shows the defect, `medium` when the parser's reading of the text could be wrong,
/// `low` when the source copy may have lost what is missing (gazette and portal copies).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    #[default]
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    /// The key used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// Vietnamese name, for reviewers.
    pub fn label_vi(self) -> &'static str {
        match self {
            Confidence::Low => "thấp",
            Confidence::Medium => "trung bình",
            Confidence::High => "cao",
        }
    }
}

impl FromStr for Confidence {
    type Err = UnknownConfidence;

    fn from_str(s: &str) -> Result<Confidence, UnknownConfidence> {
        Confidence::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| UnknownConfidence(s.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown confidence {0:?} (expected high, medium or low)")]
pub struct UnknownConfidence(pub String);

/// Another place where the same rule found the same kind of defect in the same document: the
/// runner folds repeats into the first finding (see [`Finding::also_at`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based page of the source, when pages are known.
    pub page: Option<u32>,
    /// 1-based line (for an absence, the line where the element is expected).
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub excerpt: String,
    /// The message at this place, when it differs from the finding's (e.g. another token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

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
    /// 1-based page of the source (PDF) holding the evidence; `None` when pages are unknown.
    pub page: Option<u32>,
    /// 1-based line of the evidence in the normalized text; for an absence, the line of the
    /// anchor, where the missing element is expected.
    pub line: usize,
    /// Byte span of the evidence in the normalized text.
    pub start: usize,
    pub end: usize,
    /// The whole line around the evidence (cut around the span when long), never empty.
    pub excerpt: String,
    /// The finding is about something absent: `page` and `line` point where it is expected,
    /// and `excerpt` is the text there.
    #[serde(default)]
    pub absent: bool,
    /// A mechanical fix, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// How sure the rule is (see [`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
    /// Further places of the same defect in this document, after the first (`line`, `start`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<Location>,
}

/// Longest excerpt, in characters.
pub const EXCERPT_CHARS: usize = 160;

/// Shown when a document has no text at all around an offset (never in a checked document,
/// which has at least one of the marks of a legal document).
const NO_TEXT: &str = "(không có nội dung)";

/// The line holding `offset`, whitespace collapsed; a blank line (an absence anchored between
/// blocks, or at the end) gives the nearest non-blank line before it, else after it. A line
/// longer than [`EXCERPT_CHARS`] is cut around `offset`, with `…` where it was cut.
pub fn line_excerpt(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let (start, end) = line_bounds(text, offset);
    let (start, end) = if text[start..end].trim().is_empty() {
        let before = text[..start].trim_end();
        match before.is_empty() {
            false => line_bounds(text, before.len()),
            true => {
                let after = text[end..].len() - text[end..].trim_start().len();
                line_bounds(text, end + after)
            }
        }
    } else {
        (start, end)
    };
    let line = &text[start..end];
    if line.trim().is_empty() {
        return NO_TEXT.to_string();
    }
    if line.chars().count() <= EXCERPT_CHARS {
        return excerpt(line);
    }
    // Keep a third of the window before the evidence, so its context reads.
    let at = offset.clamp(start, end) - start;
    let before: Vec<(usize, char)> = line[..at].char_indices().collect();
    let from = before
        .len()
        .checked_sub(EXCERPT_CHARS / 3)
        .map_or(0, |k| before[k].0);
    let rest = line[from..]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(rest.chars().take(EXCERPT_CHARS));
    if rest.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

/// Byte bounds of the line holding `offset` (without its `\n`).
fn line_bounds(text: &str, offset: usize) -> (usize, usize) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

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
            page: self.doc.page_of(start),
            line: self.doc.line_of(start),
            start,
            end,
            excerpt: line_excerpt(text, start),
            absent: false,
            suggestion: None,
            confidence: Confidence::High,
            also_at: Vec::new(),
        }
    }

    /// A finding about something absent: an empty span at `anchor`, the place where it is
    /// expected, whose line and page the finding names.
    pub fn absent(
        self,
        severity: Severity,
        anchor: usize,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Finding {
        let anchor = anchor.min(self.doc.text.len());
        let mut f = self.at(severity, Span::new(anchor, anchor), message, message_en);
        f.absent = true;
        // An absence may be the parser's miss rather than the document's.
        f.confidence = Confidence::Medium;
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

    pub fn with_confidence(mut self, confidence: Confidence) -> Finding {
        self.confidence = confidence;
        self
    }

    /// Every place of this finding: the first, then [`Finding::also_at`].
    pub fn occurrences(&self) -> usize {
        1 + self.also_at.len()
    }

    /// Fold `other`, a repeat of this finding's rule and severity, into [`Finding::also_at`];
    /// the finding keeps the lower of the two confidences.
    pub fn absorb(&mut self, other: Finding) {
        self.confidence = self.confidence.min(other.confidence);
        let message = (other.message != self.message).then_some(other.message);
        self.also_at.push(Location {
            page: other.page,
            line: other.line,
            start: other.start,
            end: other.end,
            excerpt: other.excerpt,
            message,
        });
        self.also_at.extend(other.also_at);
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Finding {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// Repeated findings of one rule at one severity become one finding carrying every place, in
/// the order given (the first place leads), so that counts are of defects, not of lines.
pub fn fold_repeats(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        match out
            .iter_mut()
            .find(|o| o.rule == f.rule && o.severity == f.severity)
        {
            Some(head) => head.absorb(f),
            None => out.push(f),
        }
    }
    out
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
    fn absent_finding_points_at_its_anchor() {
        let doc = crate::check::testkit::DocBuilder::new("a\nb\n").build();
        let id: RuleId = "NN-001".parse().expect("id");
        let f = Emit::new(&doc, id).absent(Severity::Warning, 99, "vi", "en");
        assert_eq!(
            (f.line, f.start, f.end, f.rule, f.absent),
            (3, 4, 4, id, true)
        );
        // The anchor is past the last line: the excerpt is the last line with text.
        assert_eq!(f.excerpt, "b");
        assert_eq!(f.page, None);
        let f = Emit::new(&doc, id).at(Severity::Error, Span::new(2, 3), "vi", "en");
        assert_eq!((f.line, f.excerpt.as_str(), f.absent), (2, "b", false));
    }

    #[test]
    fn a_finding_names_its_page() {
        let mut doc = crate::check::testkit::DocBuilder::new("a\nb\nc\n").build();
        doc.page_starts = vec![0, 4];
        let id: RuleId = "NN-001".parse().expect("id");
        let f = Emit::new(&doc, id).at(Severity::Error, Span::new(4, 5), "vi", "en");
        assert_eq!((f.page, f.line, f.excerpt.as_str()), (Some(2), 3, "c"));
    }

    #[test]
    fn the_excerpt_is_the_whole_line() {
        let text = "Điều 1. Phạm vi\n  Quyết định này  quy định về UBND tỉnh.\n\n";
        let at = text.find("UBND").unwrap();
        assert_eq!(
            line_excerpt(text, at),
            "Quyết định này quy định về UBND tỉnh."
        );
        // A blank line gives the line before it; nothing before, the line after.
        assert_eq!(
            line_excerpt(text, text.len()),
            "Quyết định này quy định về UBND tỉnh."
        );
        assert_eq!(line_excerpt("\n\nĐiều 1.\n", 0), "Điều 1.");
        assert_eq!(line_excerpt(" \n", 1), NO_TEXT);
    }

    #[test]
    fn a_long_line_is_cut_around_the_evidence() {
        let text = format!("{} MỤCTIÊU {}", "ư ".repeat(200), "ơ ".repeat(200));
        let at = text.find("MỤCTIÊU").unwrap();
        let cut = line_excerpt(&text, at);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("MỤCTIÊU"));
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 2);
    }

    #[test]
    fn repeats_of_one_rule_fold_into_one_finding() {
        let doc = crate::check::testkit::DocBuilder::new("UBND\nHĐND\nVT\n").build();
        let nd: RuleId = "ND-001".parse().expect("id");
        let nn: RuleId = "NN-001".parse().expect("id");
        let at = |id, s, e, msg: &str| {
            Emit::new(&doc, id).at(Severity::Warning, Span::new(s, e), msg, msg)
        };
        let folded = fold_repeats(vec![
            at(nd, 0, 4, "UBND"),
            at(nn, 5, 9, "nn").with_confidence(Confidence::Low),
            at(nd, 5, 9, "HĐND"),
            at(nd, 10, 12, "UBND"),
        ]);
        assert_eq!(folded.len(), 2);
        let head = &folded[0];
        assert_eq!((head.rule, head.line, head.occurrences()), (nd, 1, 3));
        assert_eq!(head.also_at[0].line, 2);
        assert_eq!(head.also_at[0].message.as_deref(), Some("HĐND"));
        assert_eq!(
            head.also_at[1].message, None,
            "same message is not repeated"
        );
        assert_eq!(folded[1].confidence, Confidence::Low);
        // Another severity of the same rule stays apart.
        let e = Emit::new(&doc, nd).at(Severity::Error, Span::new(0, 4), "x", "x");
        assert_eq!(fold_repeats(vec![at(nd, 0, 4, "x"), e]).len(), 2);
        let json = serde_json::to_value(head).expect("json");
        assert_eq!(json["confidence"], "high");
        assert_eq!(json["also_at"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn confidence_keys_and_order() {
        for c in Confidence::ALL {
            assert_eq!(c.as_str().parse::<Confidence>(), Ok(c));
        }
        assert!(Confidence::Low < Confidence::Medium && Confidence::Medium < Confidence::High);
        assert!("certain".parse::<Confidence>().is_err());
        let doc = crate::check::testkit::DocBuilder::new("a\n").build();
        let id: RuleId = "NN-001".parse().expect("id");
        assert_eq!(
            Emit::new(&doc, id)
                .absent(Severity::Warning, 0, "v", "e")
                .confidence,
            Confidence::Medium
        );
    }

    #[test]
    fn excerpt_collapses_and_cuts() {
        assert_eq!(excerpt("  a \n b  "), "a b");
        let long = "ư".repeat(300);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS);
    }
}
