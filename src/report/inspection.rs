//! The inspection report's content (kết quả kiểm tra văn bản), built once from a checked batch or
//! from an earlier JSON report, with the reviewers' decisions applied; the XLSX, DOCX, CSV and
//! HTML writers only lay it out.

use super::handling;
use crate::check::{rules, Finding, Severity};
use crate::parse::{DocType, Level};
use crate::pipeline::{DocReport, Status};
use crate::review::{fingerprints, Decision, DocKey, Fingerprint, ReviewStatus, ReviewStore};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Default title of the report.
/// (The DOCX and HTML put "BÁO CÁO" above it, as administrative reports do.)
pub const DEFAULT_TITLE: &str = "Kết quả kiểm tra văn bản quy phạm pháp luật";

/// What the reviewer says about the report itself.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub title: String,
    /// The period inspected (kỳ kiểm tra), inclusive.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The inspecting body (cơ quan kiểm tra), e.g. `Sở Tư pháp tỉnh Bình An`.
    pub issuer: Option<String>,
    /// Date of the report; also picks the law the proposed handling follows.
    pub date: NaiveDate,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            title: DEFAULT_TITLE.to_string(),
            period: None,
            issuer: None,
            date: chrono::Local::now().date_naive(),
        }
    }
}

/// Parse `FROM..TO` (`2025-01-01..2025-06-30`).
pub fn parse_period(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("expected FROM..TO with dates YYYY-MM-DD, got {s:?}");
    let (from, to) = s.split_once("..").ok_or_else(bad)?;
    let date = |x: &str| NaiveDate::parse_from_str(x.trim(), "%Y-%m-%d").map_err(|_| bad());
    let (from, to) = (date(from)?, date(to)?);
    if from > to {
        return Err(format!("period {s:?} ends before it starts"));
    }
    Ok((from, to))
}

/// One finding with its fingerprint and the reviewer's decision.
#[derive(Debug, Clone)]
pub struct Entry {
    pub finding: Finding,
    pub fingerprint: Fingerprint,
    pub decision: Option<Decision>,
}

impl Entry {
    pub fn dismissed(&self) -> bool {
        self.decision
            .as_ref()
            .is_some_and(|d| d.status == ReviewStatus::Dismissed)
    }

    /// The proposed handling: the reviewer's, else the rule's with its ground as of `date`.
    pub fn handling_vi(&self, date: NaiveDate) -> String {
        match self.decision.as_ref().and_then(|d| d.handling.clone()) {
            Some(h) if !h.trim().is_empty() => h,
            _ => handling::of_rule(self.finding.rule.as_str()).proposal_vi(date),
        }
    }

    /// The review status, for reviewers.
    pub fn review_vi(&self) -> &'static str {
        self.decision
            .as_ref()
            .map_or(crate::review::NOT_REVIEWED_VI, |d| d.status.label_vi())
    }

    /// The reviewer's note, or nothing.
    pub fn note(&self) -> &str {
        self.decision
            .as_ref()
            .and_then(|d| d.note.as_deref())
            .unwrap_or("")
    }

    /// `trang 3, dòng 42` (or `dòng 42` without pages).
    pub fn place_vi(&self) -> String {
        let f = &self.finding;
        match f.page {
            Some(p) => format!("trang {p}, dòng {}", f.line),
            None => format!("dòng {}", f.line),
        }
    }

    /// The rule's Vietnamese name.
    pub fn rule_name_vi(&self) -> &'static str {
        rules::rule(self.finding.rule.as_str())
            .map_or("Lỗi của công cụ kiểm tra", |r| r.name_vi)
    }

    /// The message with the note on an unconfirmed basis.
    pub fn message_vi(&self) -> String {
        format!("{}{}", self.finding.message, self.finding.basis_note())
    }
}

/// One input file.
#[derive(Debug, Clone)]
pub struct DocEntry {
    pub path: String,
    pub sha256: String,
    pub status: Status,
    /// Why it was not checked (one line), `None` when checked.
    pub error: Option<String>,
    pub number: Option<String>,
    pub doc_type: Option<DocType>,
    pub issuer: Option<String>,
    pub level: Option<Level>,
    pub issue_date: Option<NaiveDate>,
    pub title: Option<String>,
    pub findings: Vec<Entry>,
}

impl DocEntry {
    /// Findings that count (not dismissed).
    pub fn kept(&self) -> impl Iterator<Item = &Entry> {
        self.findings.iter().filter(|e| !e.dismissed())
    }

    pub fn dismissed(&self) -> impl Iterator<Item = &Entry> {
        self.findings.iter().filter(|e| e.dismissed())
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.kept()
            .filter(|e| e.finding.severity == severity)
            .count()
    }

    /// `15/2020/QĐ-UBND` or `(không số)`.
    pub fn number_vi(&self) -> &str {
        self.number.as_deref().unwrap_or("(không số)")
    }

    /// The document's type and title, `Quyết định Về việc ...`.
    pub fn summary_vi(&self) -> String {
        let t = self.doc_type.map(|t| t.label_vi()).unwrap_or("");
        let title = self.title.as_deref().unwrap_or("");
        format!("{t} {title}").trim().to_string()
    }

    /// Status for reviewers: `đạt`, `có sai sót`, or why it was not checked.
    pub fn status_vi(&self) -> String {
        match self.status {
            Status::Checked if self.kept().next().is_none() => "Không phát hiện sai sót".into(),
            Status::Checked => "Có sai sót".into(),
            other => format!("Không kiểm tra được: {}", other.label_vi()),
        }
    }

    /// Whether the issue date is outside the period inspected.
    pub fn outside(&self, period: Option<(NaiveDate, NaiveDate)>) -> bool {
        match (period, self.issue_date) {
            (Some((from, to)), Some(d)) => d < from || d > to,
            _ => false,
        }
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub options: ReportOptions,
    pub documents: Vec<DocEntry>,
    /// The review file whose decisions were applied.
    pub review_file: Option<PathBuf>,
}

/// A row of a count table: label, documents, documents with findings, findings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub documents: usize,
    pub with_findings: usize,
    pub findings: usize,
    pub errors: usize,
}

/// Vietnamese names of the rule families (RULES.md §5 headings).
pub fn family_vi(prefix: &str) -> &'static str {
    match prefix {
        "HT" => "Hình thức, thẩm quyền",
        "HL" => "Hiệu lực",
        "CC" => "Căn cứ ban hành",
        "SK" => "Số, ký hiệu",
        "TG" => "Địa danh, thời gian ban hành",
        "TT" => "Thể thức phần đầu",
        "BC" => "Bố cục",
        "CK" => "Chữ ký",
        "NN" => "Nơi nhận",
        "SD" => "Sửa đổi, thay thế, bãi bỏ",
        "ND" => "Ngôn ngữ, mã hóa",
        _ => "Khác",
    }
}

impl Inspection {
    /// The report of a checked batch.
    pub fn from_reports(
        reports: &[DocReport],
        store: Option<&ReviewStore>,
        options: ReportOptions,
    ) -> Inspection {
        let documents = reports
            .iter()
            .map(|r| {
                let doc = r.parsed().map(|p| &p.document);
                let key = DocKey::of_report(r);
                DocEntry {
                    path: r.path.display().to_string(),
                    sha256: r.sha256.clone(),
                    status: r.status(),
                    error: r.not_checked(),
                    number: doc.and_then(|d| d.number.as_ref()).map(|n| n.raw.clone()),
                    doc_type: doc.and_then(|d| d.doc_type.as_ref()).map(|t| t.value),
                    issuer: doc.and_then(|d| d.issuer.as_ref()).map(|i| i.name.clone()),
                    level: doc.map(|d| d.level),
                    issue_date: doc.and_then(|d| d.issue_date()),
                    title: doc.and_then(|d| d.title.as_ref()).map(|t| t.value.clone()),
                    findings: entries(&key, r.findings(), store),
                }
            })
            .collect();
        Inspection {
            options,
            documents,
            review_file: store.map(|s| s.path().to_path_buf()),
        }
    }

    /// The report of an earlier `check --format json` (version 2).
    pub fn from_json(
        text: &str,
        store: Option<&ReviewStore>,
        options: ReportOptions,
    ) -> Result<Inspection, String> {
        let report: JsonReport =
            serde_json::from_str(text).map_err(|e| format!("not a check report: {e}"))?;
        if report.version != super::REPORT_VERSION {
            return Err(format!(
                "report version {} (expected {})",
                report.version,
                super::REPORT_VERSION
            ));
        }
        let mut documents = Vec::with_capacity(report.documents.len());
        for d in report.documents {
            let status = STATUSES
                .into_iter()
                .find(|s| s.key() == d.status)
                .ok_or_else(|| format!("{}: unknown status {:?}", d.path, d.status))?;
            let m = d.meta;
            let issue_date = m
                .issue_date
                .as_deref()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            let key = DocKey::new(
                m.number.as_deref(),
                issue_date,
                m.title.as_deref(),
                &d.sha256,
            );
            documents.push(DocEntry {
                findings: entries(&key, &d.findings, store),
                path: d.path,
                sha256: d.sha256,
                status,
                error: d.error,
                number: m.number,
                doc_type: m.doc_type,
                issuer: m.issuer,
                level: m.level,
                issue_date,
                title: m.title,
            });
        }
        Ok(Inspection {
            options,
            documents,
            review_file: store.map(|s| s.path().to_path_buf()),
        })
    }

    /// Every finding, dismissed or not.
    pub fn all(&self) -> impl Iterator<Item = (&DocEntry, &Entry)> {
        self.documents
            .iter()
            .flat_map(|d| d.findings.iter().map(move |e| (d, e)))
    }

    /// Findings that count, with their document.
    pub fn kept(&self) -> impl Iterator<Item = (&DocEntry, &Entry)> {
        self.all().filter(|(_, e)| !e.dismissed())
    }

    /// Dismissed findings (the appendix), with their document.
    pub fn dismissed(&self) -> impl Iterator<Item = (&DocEntry, &Entry)> {
        self.all().filter(|(_, e)| e.dismissed())
    }

    /// Files that were not checked.
    pub fn unchecked(&self) -> impl Iterator<Item = &DocEntry> {
        self.documents
            .iter()
            .filter(|d| d.status != Status::Checked)
    }

    /// The totals of the summary.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            documents: self.documents.len(),
            ..Totals::default()
        };
        for d in &self.documents {
            if d.status == Status::Checked {
                t.checked += 1;
            }
            if d.kept().next().is_some() {
                t.with_findings += 1;
            }
            if d.count(Severity::Error) > 0 {
                t.with_errors += 1;
            }
            if d.outside(self.options.period) {
                t.outside_period += 1;
            }
            for e in &d.findings {
                if e.dismissed() {
                    t.dismissed += 1;
                    continue;
                }
                t.findings += 1;
                match e.finding.severity {
                    Severity::Error => t.errors += 1,
                    Severity::Warning => t.warnings += 1,
                    Severity::Info => t.infos += 1,
                }
                match e.decision.as_ref().map(|d| d.status) {
                    Some(ReviewStatus::Confirmed) => t.confirmed += 1,
                    Some(ReviewStatus::Fixed) => t.fixed += 1,
                    _ => t.not_reviewed += 1,
                }
            }
        }
        t.not_checked = t.documents - t.checked;
        t
    }

    /// Documents and findings grouped by `key` (level, type, issuer...), in key order.
    pub fn tally_by<K: Ord>(&self, key: impl Fn(&DocEntry) -> K) -> BTreeMap<K, Tally> {
        let mut out: BTreeMap<K, Tally> = BTreeMap::new();
        for d in &self.documents {
            let t = out.entry(key(d)).or_default();
            t.documents += 1;
            let n = d.kept().count();
            t.with_findings += usize::from(n > 0);
            t.findings += n;
            t.errors += d.count(Severity::Error);
        }
        out
    }

    /// Findings that count, by rule in catalogue order: (rule ID, name, count, documents).
    pub fn by_rule(&self) -> Vec<(String, &'static str, usize, usize)> {
        let mut counts: BTreeMap<&str, (usize, std::collections::BTreeSet<&str>)> = BTreeMap::new();
        for (d, e) in self.kept() {
            let c = counts.entry(e.finding.rule.as_str()).or_default();
            c.0 += 1;
            c.1.insert(d.path.as_str());
        }
        let mut out: Vec<_> = rules::rules()
            .iter()
            .filter_map(|r| {
                counts
                    .get(r.id.as_str())
                    .map(|(n, docs)| (r.id.to_string(), r.name_vi, *n, docs.len()))
            })
            .collect();
        if let Some((n, docs)) = counts.get("INTERNAL") {
            out.push((
                "INTERNAL".into(),
                "Lỗi của công cụ kiểm tra",
                *n,
                docs.len(),
            ));
        }
        out
    }

    /// Findings that count, by family in catalogue order: (prefix, name, count).
    pub fn by_family(&self) -> Vec<(&'static str, &'static str, usize)> {
        let mut out: Vec<(&'static str, &'static str, usize)> = Vec::new();
        for (id, _, n, _) in self.by_rule() {
            let prefix = rules::rule(&id).map_or("", |r| family_key(r.family));
            match out.iter_mut().find(|(p, _, _)| *p == prefix) {
                Some(row) => row.2 += n,
                None => out.push((prefix, family_vi(prefix), n)),
            }
        }
        out
    }
}

fn family_key(f: rules::Family) -> &'static str {
    use rules::Family::*;
    match f {
        HT => "HT",
        HL => "HL",
        CC => "CC",
        SK => "SK",
        TG => "TG",
        TT => "TT",
        BC => "BC",
        CK => "CK",
        NN => "NN",
        SD => "SD",
        ND => "ND",
    }
}

/// The totals of the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub checked: usize,
    pub not_checked: usize,
    pub with_findings: usize,
    pub with_errors: usize,
    /// Findings that count (not dismissed).
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub confirmed: usize,
    pub fixed: usize,
    pub not_reviewed: usize,
    pub dismissed: usize,
    pub outside_period: usize,
}

const STATUSES: [Status; 4] = [
    Status::Checked,
    Status::NoTextLayer,
    Status::NotLegalDocument,
    Status::Unreadable,
];

fn entries(key: &DocKey, findings: &[Finding], store: Option<&ReviewStore>) -> Vec<Entry> {
    fingerprints(key, findings)
        .into_iter()
        .zip(findings)
        .map(|(fingerprint, f)| Entry {
            decision: store.and_then(|s| s.get(&fingerprint)).cloned(),
            finding: f.clone(),
            fingerprint,
        })
        .collect()
}

#[derive(Deserialize)]
struct JsonReport {
    version: u32,
    documents: Vec<JsonDoc>,
}

#[derive(Deserialize)]
struct JsonDoc {
    path: String,
    #[serde(default)]
    sha256: String,
    status: String,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    meta: JsonMeta,
    #[serde(default)]
    findings: Vec<Finding>,
}

#[derive(Deserialize, Default)]
struct JsonMeta {
    number: Option<String>,
    #[serde(rename = "type")]
    doc_type: Option<DocType>,
    issuer: Option<String>,
    level: Option<Level>,
    issue_date: Option<String>,
    title: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_and_reject_nonsense() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            parse_period("2025-01-01..2025-06-30"),
            Ok((d(2025, 1, 1), d(2025, 6, 30)))
        );
        assert!(parse_period("2025-06-30..2025-01-01")
            .unwrap_err()
            .contains("ends before"));
        assert!(parse_period("2025").is_err());
        assert!(parse_period("2025-01-01..x").is_err());
    }

    #[test]
    fn a_json_report_reads_back_with_its_statuses() {
        let text = r#"{"version": 2, "documents": [
            {"path": "a.pdf", "sha256": "ab", "status": "checked", "error": null,
             "meta": {"number": "5/2022/QĐ-UBND", "type": "quyet_dinh", "issuer": "UBND tỉnh Bình An",
                      "level": "province", "issue_date": "2022-03-04", "title": "Về việc thu phí"},
             "findings": [{"rule": "SK-003", "severity": "warning", "message": "Số thứ tự 5 thiếu số 0",
                           "message_en": "", "legal_basis": "NĐ34 Điều 58", "page": 1, "line": 3,
                           "start": 10, "end": 20, "excerpt": "Số: 5/2022/QĐ-UBND", "absent": false}]},
            {"path": "b.pdf", "sha256": "", "status": "unreadable", "error": "empty file", "meta": {}, "findings": []}],
            "summary": {}}"#;
        let r = Inspection::from_json(text, None, ReportOptions::default()).unwrap();
        assert_eq!(r.documents.len(), 2);
        assert_eq!(r.documents[0].doc_type, Some(DocType::QuyetDinh));
        assert_eq!(
            r.documents[0].issue_date,
            NaiveDate::from_ymd_opt(2022, 3, 4)
        );
        assert_eq!(r.documents[1].status, Status::Unreadable);
        let t = r.totals();
        assert_eq!(
            (t.documents, t.checked, t.not_checked, t.findings),
            (2, 1, 1, 1)
        );
        assert_eq!(r.by_family(), [("SK", "Số, ký hiệu", 1)]);
        let e = Inspection::from_json(
            "{\"version\": 1, \"documents\": []}",
            None,
            ReportOptions::default(),
        );
        assert_eq!(e.unwrap_err(), "report version 1 (expected 2)");
    }

    #[test]
    fn dismissed_findings_leave_the_counts() {
        let text = r#"{"version": 2, "documents": [
            {"path": "a.pdf", "sha256": "ab", "status": "checked", "meta": {"number": "5/2022/QĐ-UBND"},
             "findings": [
               {"rule": "SK-003", "severity": "warning", "message": "m", "message_en": "", "legal_basis": "",
                "page": null, "line": 3, "start": 1, "end": 2, "excerpt": "Số: 5/2022/QĐ-UBND"},
               {"rule": "HL-002", "severity": "error", "message": "m", "message_en": "", "legal_basis": "",
                "page": null, "line": 30, "start": 100, "end": 120, "excerpt": "Điều 3. Hiệu lực"}]}]}"#;
        let open = Inspection::from_json(text, None, ReportOptions::default()).unwrap();
        let fp = open.documents[0].findings[1].fingerprint.clone();
        let mut store = ReviewStore::empty("r.toml");
        let mut d = Decision::now(ReviewStatus::Dismissed);
        d.handling = Some("Không xử lý".into());
        store.decide(fp, d);
        let r = Inspection::from_json(text, Some(&store), ReportOptions::default()).unwrap();
        let t = r.totals();
        assert_eq!(
            (t.findings, t.dismissed, t.errors, t.with_errors),
            (1, 1, 0, 0)
        );
        assert_eq!(r.dismissed().count(), 1);
        assert_eq!(
            r.dismissed().next().unwrap().1.handling_vi(r.options.date),
            "Không xử lý"
        );
        assert_eq!(r.by_rule().len(), 1);
    }
}
