//! Triage that survives reruns: a store of reviewers' decisions about findings, keyed by a
//! stable [`Fingerprint`] of each finding.
//!
//! The checker stays a pure function of the document and the law; this module only remembers
//! what a reviewer decided (`confirmed`, `dismissed`, `fixed`, the handling, a note, who and
//! when). `check`, `report` and `serve` read it. The file is TOML (`vbqppl-review.toml` beside
//! the inputs by default), written atomically so a crash never leaves half a file:
//!
//! ```toml
//! version = 1
//!
//! [decisions."a1b2c3d4e5f6/SK-003/0f1e2d3c"]
//! status = "dismissed"
//! note = "số thứ tự đúng theo bản gốc"
//! by = "nguyenvana"
//! at = "2026-12-03T10:00:00Z"
//! rule = "SK-003"
//! document = "5/2022/QĐ-UBND"
//! excerpt = "Số: 5/2022/QĐ-UBND"
//! ```
//!
//! A web server uses [`ReviewStore::load`], [`ReviewStore::decide`] and [`ReviewStore::save`]
//! (behind a mutex); every write replaces the whole file atomically.

mod fingerprint;

pub use fingerprint::{fingerprints, DocKey, Fingerprint, FingerprintError};

use crate::atomic::{self, WriteError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Name of the review file looked for beside the inputs.
pub const DEFAULT_FILE: &str = "vbqppl-review.toml";

/// Version of the review file format.
pub const FORMAT_VERSION: u32 = 1;

/// What a reviewer decided about a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewStatus {
    /// A real defect: it stays in the report and the counts.
    Confirmed,
    /// Not a defect: left out of the counts, listed in the report's appendix.
    Dismissed,
    /// A defect the issuer has since corrected: stays in the report, marked so.
    Fixed,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 3] = [
        ReviewStatus::Confirmed,
        ReviewStatus::Dismissed,
        ReviewStatus::Fixed,
    ];

    /// The key of the review file, the command line and JSON.
    pub fn key(self) -> &'static str {
        match self {
            ReviewStatus::Confirmed => "confirmed",
            ReviewStatus::Dismissed => "dismissed",
            ReviewStatus::Fixed => "fixed",
        }
    }

    /// Vietnamese name, for reviewers.
    pub fn label_vi(self) -> &'static str {
        match self {
            ReviewStatus::Confirmed => "Đã xác nhận sai sót",
            ReviewStatus::Dismissed => "Đã loại (không phải sai sót)",
            ReviewStatus::Fixed => "Đã khắc phục",
        }
    }
}

/// Shown for a finding no reviewer has decided on.
pub const NOT_REVIEWED_VI: &str = "Chưa rà soát";

impl fmt::Display for ReviewStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for ReviewStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<ReviewStatus, String> {
        ReviewStatus::ALL
            .into_iter()
            .find(|v| v.key() == s)
            .ok_or_else(|| {
                format!("unknown review status {s:?} (expected confirmed, dismissed or fixed)")
            })
    }
}

/// One decision about one finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub status: ReviewStatus,
    /// The handling the reviewer proposes instead of the rule's default (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// For people reading the file: the rule, the document and the excerpt the decision was
    /// taken on (the fingerprint is what matches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

impl Decision {
    /// A decision taken now by `by` (default: the `USER` of the environment).
    pub fn now(status: ReviewStatus) -> Decision {
        Decision {
            status,
            handling: None,
            note: None,
            by: std::env::var("USER").ok().filter(|u| !u.is_empty()),
            at: Some(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            rule: None,
            document: None,
            excerpt: None,
        }
    }
}

/// Why the review file could not be used (one line naming the file when displayed).
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{}: cannot read review file: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: invalid review file: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
    #[error(transparent)]
    Write(#[from] WriteError),
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    version: u32,
    #[serde(default)]
    decisions: BTreeMap<String, Decision>,
}

/// Which findings a gate lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Everything but dismissed findings (the default of every report).
    NotDismissed,
    /// Only findings with no decision at all (`check --new-only`: the CI gate of a batch that
    /// was reviewed before).
    NewOnly,
}

/// The decisions of one review file.
#[derive(Debug, Clone, Default)]
pub struct ReviewStore {
    path: PathBuf,
    decisions: BTreeMap<Fingerprint, Decision>,
}

impl ReviewStore {
    /// An empty store that will be saved to `path`.
    pub fn empty(path: impl Into<PathBuf>) -> ReviewStore {
        ReviewStore {
            path: path.into(),
            decisions: BTreeMap::new(),
        }
    }

    /// Read `path`; a file that does not exist is an empty store (saved there on first write).
    pub fn load(path: impl Into<PathBuf>) -> Result<ReviewStore, ReviewError> {
        let path = path.into();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ReviewStore::empty(path))
            }
            Err(source) => return Err(ReviewError::Read { path, source }),
        };
        ReviewStore::parse(path, &text)
    }

    /// The store held in `text` (the content of `path`).
    pub fn parse(path: impl Into<PathBuf>, text: &str) -> Result<ReviewStore, ReviewError> {
        let path = path.into();
        let invalid = |message: String| ReviewError::Invalid {
            path: path.clone(),
            message,
        };
        let file: FileFormat =
            toml::from_str(text).map_err(|e| invalid(one_line(&e.to_string())))?;
        if file.version != FORMAT_VERSION {
            return Err(invalid(format!(
                "version {} (expected {FORMAT_VERSION})",
                file.version
            )));
        }
        let mut decisions = BTreeMap::new();
        for (key, decision) in file.decisions {
            let fp: Fingerprint = key
                .parse()
                .map_err(|e: FingerprintError| invalid(e.to_string()))?;
            decisions.insert(fp, decision);
        }
        Ok(ReviewStore { path, decisions })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.decisions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
    }

    pub fn get(&self, fp: &Fingerprint) -> Option<&Decision> {
        self.decisions.get(fp)
    }

    /// Record a decision, replacing any earlier one; returns the earlier one.
    pub fn decide(&mut self, fp: Fingerprint, decision: Decision) -> Option<Decision> {
        self.decisions.insert(fp, decision)
    }

    /// Forget the decision on `fp`.
    pub fn remove(&mut self, fp: &Fingerprint) -> Option<Decision> {
        self.decisions.remove(fp)
    }

    /// Every decision, in fingerprint order.
    pub fn iter(&self) -> impl Iterator<Item = (&Fingerprint, &Decision)> {
        self.decisions.iter()
    }

    /// Whether a finding with this fingerprint passes `gate`.
    pub fn shows(&self, fp: &Fingerprint, gate: Gate) -> bool {
        match (gate, self.get(fp)) {
            (_, None) => true,
            (Gate::NewOnly, Some(_)) => false,
            (Gate::NotDismissed, Some(d)) => d.status != ReviewStatus::Dismissed,
        }
    }

    /// Whether a finding with this fingerprint was dismissed.
    pub fn dismissed(&self, fp: &Fingerprint) -> bool {
        self.get(fp)
            .is_some_and(|d| d.status == ReviewStatus::Dismissed)
    }

    /// The file's text.
    pub fn to_toml(&self) -> String {
        let file = FileFormat {
            version: FORMAT_VERSION,
            decisions: self
                .decisions
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        };
        let body = toml::to_string(&file).unwrap_or_default();
        format!(
            "# vbqppl review decisions: edit with `vbqppl review set FINGERPRINT --status ...`\n{body}"
        )
    }

    /// Write the store to its file, atomically.
    pub fn save(&self) -> Result<(), ReviewError> {
        atomic::write(&self.path, self.to_toml().as_bytes())?;
        Ok(())
    }
}

/// TOML errors span several lines (source excerpt, caret); reviewers get one.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the review file is by default: `vbqppl-review.toml` in the first input if it is a
/// folder, else in the folder of the first input.
pub fn default_path(inputs: &[PathBuf]) -> PathBuf {
    let Some(first) = inputs.first() else {
        return PathBuf::from(DEFAULT_FILE);
    };
    if first.is_dir() {
        return first.join(DEFAULT_FILE);
    }
    match first.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(DEFAULT_FILE),
        _ => PathBuf::from(DEFAULT_FILE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(s: &str) -> Fingerprint {
        s.parse().unwrap()
    }

    #[test]
    fn decisions_survive_a_save_and_load() {
        let dir = std::env::temp_dir().join(format!("vbqppl-review-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(DEFAULT_FILE);
        let mut store = ReviewStore::load(&path).unwrap();
        assert!(store.is_empty(), "a missing file is an empty store");
        let mut d = Decision::now(ReviewStatus::Dismissed);
        d.note = Some("số thứ tự đúng theo bản gốc".into());
        d.handling = Some("Không xử lý".into());
        store.decide(fp("0123456789ab/SK-003/89abcdef"), d.clone());
        store.decide(
            fp("0123456789ab/HL-002/01234567"),
            Decision::now(ReviewStatus::Confirmed),
        );
        store.save().unwrap();
        let back = ReviewStore::load(&path).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back.get(&fp("0123456789ab/SK-003/89abcdef")), Some(&d));
        assert!(!back.shows(&fp("0123456789ab/SK-003/89abcdef"), Gate::NotDismissed));
        assert!(back.shows(&fp("0123456789ab/HL-002/01234567"), Gate::NotDismissed));
        assert!(!back.shows(&fp("0123456789ab/HL-002/01234567"), Gate::NewOnly));
        assert!(back.shows(&fp("0123456789ab/HL-002/ffffffff"), Gate::NewOnly));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_bad_file_is_one_line_naming_it() {
        let cases = [
            ("version = 2\n", "version 2 (expected 1)"),
            ("version = 1\n[decisions.\"x\"]\nstatus = \"dismissed\"\n", "fingerprint"),
            (
                "version = 1\n[decisions.\"0123456789ab/SK-003/89abcdef\"]\nstatus = \"maybe\"\n",
                "unknown variant",
            ),
            (
                "version = 1\n[decisions.\"0123456789ab/SK-003/89abcdef\"]\nstatus = \"fixed\"\nwho = \"x\"\n",
                "unknown field",
            ),
        ];
        for (text, expected) in cases {
            let e = ReviewStore::parse("r.toml", text).unwrap_err().to_string();
            assert!(e.starts_with("r.toml: invalid review file: "), "{e}");
            assert!(e.contains(expected), "{e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }

    #[test]
    fn the_default_file_sits_beside_the_inputs() {
        let here = std::env::temp_dir();
        assert_eq!(
            default_path(std::slice::from_ref(&here)),
            here.join(DEFAULT_FILE)
        );
        assert_eq!(
            default_path(&[PathBuf::from("batch/a.pdf")]),
            PathBuf::from("batch").join(DEFAULT_FILE)
        );
        assert_eq!(
            default_path(&[PathBuf::from("a.pdf")]),
            PathBuf::from(DEFAULT_FILE)
        );
    }
}
