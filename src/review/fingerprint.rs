//! The stable identity of a finding across reruns: `DOC/RULE/EVIDENCE`.
//!
//! - `DOC` (12 hex digits) names the document: its number, issue date and title words when it
//!   has a number (so a re-extracted or lightly edited file keeps its decisions, and the same
//!   number of two provinces stays apart), else the SHA-256 of its bytes. These three are what
//!   every holder of a document has: the batch, the JSON report and the search index.
//! - `RULE` is the rule ID, for people reading the key.
//! - `EVIDENCE` (8 hex digits) hashes the rule and the excerpt folded (no accents, case,
//!   punctuation or spacing), plus the occurrence count when the same rule reports the same line
//!   twice in one document.
//!
//! Page, line and byte offsets are left out on purpose: they move when text is added above.

use crate::check::Finding;
use crate::normalize::{fold_str, number_key};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

const DOC_HEX: usize = 12;
const EVIDENCE_HEX: usize = 8;

/// The document part of a fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey(String);

impl DocKey {
    /// The key of a document with this number, issue date, title and file hash.
    pub fn new(
        number: Option<&str>,
        issue_date: Option<NaiveDate>,
        title: Option<&str>,
        sha256: &str,
    ) -> DocKey {
        let number = number.map(number_key).filter(|n| !n.is_empty());
        let basis = match number {
            Some(n) => format!(
                "number:{n}|date:{}|title:{}",
                issue_date.map(|d| d.to_string()).unwrap_or_default(),
                words(title.unwrap_or(""))
            ),
            None => format!("sha256:{sha256}"),
        };
        DocKey(hex_prefix(basis.as_bytes(), DOC_HEX))
    }

    /// The key of a document of a batch.
    pub fn of_report(report: &crate::pipeline::DocReport) -> DocKey {
        let doc = report.parsed().map(|p| &p.document);
        DocKey::new(
            doc.and_then(|d| d.number.as_ref()).map(|n| n.raw.as_str()),
            doc.and_then(|d| d.issue_date()),
            doc.and_then(|d| d.title.as_ref()).map(|t| t.value.as_str()),
            &report.sha256,
        )
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A finding's key in the review file (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// The fingerprint of the `occurrence`-th (0-based) finding of `rule` on this excerpt.
    pub fn new(doc: &DocKey, rule: &str, excerpt: &str, occurrence: usize) -> Fingerprint {
        let evidence = format!("{rule}|{}|{occurrence}", words(excerpt));
        Fingerprint(format!(
            "{}/{rule}/{}",
            doc.0,
            hex_prefix(evidence.as_bytes(), EVIDENCE_HEX)
        ))
    }

    /// The document part.
    pub fn doc(&self) -> &str {
        &self.0[..DOC_HEX]
    }

    /// The rule part.
    pub fn rule(&self) -> &str {
        let rest = &self.0[DOC_HEX + 1..];
        &rest[..rest.len() - EVIDENCE_HEX - 1]
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid fingerprint {0:?} (expected DOC/RULE/EVIDENCE, e.g. 0123456789ab/SK-003/89abcdef)"
)]
pub struct FingerprintError(pub String);

impl FromStr for Fingerprint {
    type Err = FingerprintError;

    fn from_str(s: &str) -> Result<Fingerprint, FingerprintError> {
        let bad = || FingerprintError(s.to_string());
        let parts: Vec<&str> = s.split('/').collect();
        let [doc, rule, evidence] = parts[..] else {
            return Err(bad());
        };
        let hex = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit());
        let rule_ok = !rule.is_empty()
            && rule
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if !(hex(doc, DOC_HEX) && rule_ok && hex(evidence, EVIDENCE_HEX)) {
            return Err(bad());
        }
        Ok(Fingerprint(format!(
            "{}/{rule}/{}",
            doc.to_ascii_lowercase(),
            evidence.to_ascii_lowercase()
        )))
    }
}

/// The fingerprints of a document's findings, in order.
pub fn fingerprints(doc: &DocKey, findings: &[Finding]) -> Vec<Fingerprint> {
    let mut seen: HashMap<(&str, String), usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let n = seen
                .entry((f.rule.as_str(), words(&f.excerpt)))
                .or_default();
            let fp = Fingerprint::new(doc, f.rule.as_str(), &f.excerpt, *n);
            *n += 1;
            fp
        })
        .collect()
}

/// Folded words only: what survives re-extraction (accents, case, punctuation, spacing and the
/// `…` of a cut excerpt do not count).
fn words(text: &str) -> String {
    fold_str(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hex_prefix(bytes: &[u8], n: usize) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = hex::encode(digest);
    s.truncate(n);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, excerpt: &str, line: usize) -> Finding {
        Finding {
            rule: rule.parse().unwrap(),
            severity: crate::check::Severity::Warning,
            message: String::new(),
            message_en: String::new(),
            legal_basis: String::new(),
            legal_basis_tag: None,
            page: None,
            line,
            start: line * 10,
            end: line * 10 + 3,
            excerpt: excerpt.into(),
            absent: false,
            suggestion: None,
            confidence: Default::default(),
            also_at: vec![],
        }
    }

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2022, 3, d)
    }

    #[test]
    fn the_same_finding_after_re_extraction_keeps_its_fingerprint() {
        let a = DocKey::new(
            Some("Số: 5/2022/QĐ-UBND"),
            day(4),
            Some("Về việc thu phí"),
            "aa",
        );
        // Another copy of the same document: other bytes, spacing, case and đ/Đ spelled differently.
        let b = DocKey::new(
            Some("5/2022/QD - UBND"),
            day(4),
            Some("VỀ VIỆC  THU PHÍ"),
            "bb",
        );
        assert_eq!(a, b);
        let x = fingerprints(&a, &[finding("SK-003", "Số: 5/2022/QĐ-UBND", 3)]);
        // Moved ten lines down, excerpt cut with an ellipsis and respaced: same fingerprint.
        let y = fingerprints(&b, &[finding("SK-003", "Số:  5/2022/QĐ-UBND…", 13)]);
        assert_eq!(x, y);
        assert_eq!(x[0].rule(), "SK-003");
        assert_eq!(x[0].doc(), a.as_str());
    }

    #[test]
    fn different_documents_rules_and_repeats_differ() {
        let a = DocKey::new(
            Some("5/2022/QĐ-UBND"),
            day(4),
            Some("Về việc thu phí"),
            "aa",
        );
        // The same number in another province: another date or title.
        let other_date = DocKey::new(
            Some("5/2022/QĐ-UBND"),
            day(7),
            Some("Về việc thu phí"),
            "aa",
        );
        let other_title = DocKey::new(Some("5/2022/QĐ-UBND"), day(4), Some("Về giá đất"), "aa");
        let no_number = DocKey::new(None, day(4), None, "aa");
        assert_ne!(a, other_date);
        assert_ne!(a, other_title);
        assert_ne!(no_number, DocKey::new(None, day(4), None, "ab"));
        let fs = fingerprints(
            &a,
            &[
                finding("BC-003", "2. Khoản hai", 5),
                finding("BC-003", "2. Khoản hai", 9),
                finding("BC-004", "2. Khoản hai", 5),
            ],
        );
        assert_ne!(fs[0], fs[1], "a repeat gets its own fingerprint");
        assert_ne!(fs[0], fs[2]);
    }

    #[test]
    fn fingerprints_parse_back_and_reject_garbage() {
        let a = DocKey::new(None, None, None, "aa");
        let fp = Fingerprint::new(&a, "HL-002", "Điều 3. Hiệu lực", 0);
        assert_eq!(fp.to_string().parse::<Fingerprint>().unwrap(), fp);
        assert_eq!(
            "0123456789AB/SK-003/89ABCDEF"
                .parse::<Fingerprint>()
                .unwrap()
                .as_str(),
            "0123456789ab/SK-003/89abcdef"
        );
        for bad in [
            "",
            "x",
            "0123456789ab/SK-003",
            "0123456789ax/SK-003/89abcdef",
            "0123456789ab//89abcdef",
            "0123456789ab/SK-003/89abcdef/1",
        ] {
            assert!(bad.parse::<Fingerprint>().is_err(), "{bad}");
        }
    }
}
