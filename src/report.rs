//! Batch reports: JSON (the public contract), SARIF 2.1.0 and human-readable text; the
//! inspection report (XLSX, DOCX, CSV, HTML) in `report/`, with reviewers' decisions applied.

mod csv;
pub mod docx;
pub mod handling;
pub mod html;
pub mod inspection;
mod output;
pub mod triage;
pub mod xlsx;

pub use inspection::{Inspection, ReportOptions};
pub use output::{write_report, ReportError, ReportFormat};

use crate::check::{Finding, Severity};
use crate::parse::Document;
use crate::pipeline::{DocReport, Outcome, Status};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::time::Duration;

/// Version of the JSON report format. 2: `status` names why a file was not checked (a scan is
/// no longer `checked`), `error` holds the reason of every unchecked file, the summary counts
/// `not_checked` by reason, and each finding has a `page`, the line of its anchor when it is
/// about an absence, and a whole-line excerpt.
pub const REPORT_VERSION: u32 = 2;

/// Counts over a batch.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub checked: usize,
    /// Files not checked, by reason ([`Status::key`]); every reason is listed, zero or not.
    pub not_checked: BTreeMap<&'static str, usize>,
    pub findings: usize,
    pub by_severity: BTreeMap<String, usize>,
    pub by_rule: BTreeMap<String, usize>,
    pub elapsed_ms: u128,
}

impl Summary {
    pub fn of(reports: &[DocReport], elapsed: Duration) -> Summary {
        let mut s = Summary {
            documents: reports.len(),
            elapsed_ms: elapsed.as_millis(),
            not_checked: Status::NOT_CHECKED.iter().map(|st| (st.key(), 0)).collect(),
            ..Summary::default()
        };
        for r in reports {
            match r.status() {
                Status::Checked => s.checked += 1,
                other => *s.not_checked.entry(other.key()).or_default() += 1,
            }
            for f in r.findings() {
                s.findings += 1;
                *s.by_severity
                    .entry(f.severity.as_str().to_string())
                    .or_default() += 1;
                *s.by_rule.entry(f.rule.to_string()).or_default() += 1;
            }
        }
        s
    }

    /// Files that were not checked, whatever the reason.
    pub fn not_checked_total(&self) -> usize {
        self.not_checked.values().sum()
    }
}

/// Metadata of a checked document, as the JSON report shows it.
pub fn meta_json(report: &DocReport) -> Value {
    let mut meta = serde_json::Map::new();
    let Some(parsed) = report.parsed() else {
        return Value::Object(meta);
    };
    let src = &parsed.source;
    meta.insert("format".into(), json!(src.format));
    meta.insert("pages".into(), json!(src.pages));
    meta.insert("text_layer".into(), json!(src.text_layer));
    meta.insert("encoding".into(), json!(src.encoding));
    meta.insert("warnings".into(), json!(src.warnings));
    for (k, v) in document_meta(&parsed.document) {
        meta.insert(k.into(), v);
    }
    Value::Object(meta)
}

/// The few fields of the model that identify a document.
pub fn document_meta(doc: &Document) -> Vec<(&'static str, Value)> {
    vec![
        ("number", json!(doc.number.as_ref().map(|n| n.raw.clone()))),
        ("type", json!(doc.doc_type.as_ref().map(|t| t.value))),
        ("issuer", json!(doc.issuer.as_ref().map(|i| i.name.clone()))),
        ("level", json!(doc.level)),
        (
            "place",
            json!(doc.place_date.as_ref().and_then(|p| p.place.clone())),
        ),
        ("issue_date", json!(doc.issue_date().map(|d| d.to_string()))),
        (
            "effective_date",
            json!(doc
                .effective
                .as_ref()
                .and_then(|e| e.date)
                .map(|d| d.to_string())),
        ),
        ("regime", json!(doc.regime)),
        ("title", json!(doc.title.as_ref().map(|t| t.value.clone()))),
    ]
}

/// The JSON report of `check` (contract: version, documents[path, sha256, status, error, meta,
/// findings], summary).
pub fn to_json(reports: &[DocReport], summary: &Summary) -> Value {
    let documents: Vec<Value> = reports
        .iter()
        .map(|r| {
            json!({
                "path": r.path.display().to_string(),
                "sha256": r.sha256,
                "status": r.status().key(),
                "error": r.not_checked(),
                "meta": meta_json(r),
                "findings": r.findings().iter().map(finding_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "version": REPORT_VERSION, "documents": documents, "summary": summary })
}

/// A finding as JSON, with `expected_at` (where a missing element belongs, from the rule table)
/// for the rules about missing elements.
fn finding_json(f: &Finding) -> Value {
    let mut v = serde_json::to_value(f).unwrap_or(Value::Null);
    if let (Some(obj), Some(at)) = (v.as_object_mut(), expected_at(f)) {
        obj.insert("expected_at".into(), json!(at));
    }
    v
}

/// Where the element a finding misses belongs (rule table), for rules about missing elements.
fn expected_at(f: &Finding) -> Option<&'static str> {
    crate::check::rules::rule(f.rule.as_str()).and_then(|r| r.expected_at)
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF 2.1.0, so code-scanning viewers can show findings. Files that were not checked become
/// tool execution notifications (not a finding about them, but never a silent pass).
pub fn to_sarif(reports: &[DocReport]) -> Value {
    let rules: Vec<Value> = crate::check::rules()
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "name": d.name_en,
                "shortDescription": {"text": d.name_vi},
                "fullDescription": {"text": d.description},
                "help": {"text": format!("{} — {}. Căn cứ theo thời kỳ: {}", d.name_vi, d.name_en, crate::check::bases::bases().summary_vi(d.id))},
                "defaultConfiguration": {"level": sarif_level(d.severity())},
                "properties": {"family": d.family, "legal_basis": crate::check::bases::bases().summary_vi(d.id), "severities": d.severities, "status": d.status},
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for r in reports {
        let uri = r.path.display().to_string();
        if let Some(reason) = r.not_checked() {
            notifications.push(json!({
                "level": "error",
                "message": {"text": format!("{uri}: {reason}")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                "properties": {"status": r.status().key()},
            }));
        }
        for f in r.findings() {
            results.push(sarif_result(&uri, f));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vbqppl",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/vbqppl/vbqppl",
                "rules": rules,
            }},
            "invocations": [{"executionSuccessful": true, "toolExecutionNotifications": notifications}],
            "results": results,
        }]
    })
}

fn sarif_result(uri: &str, f: &Finding) -> Value {
    let location = json!({"physicalLocation": {
        "artifactLocation": {"uri": uri},
        "region": {"startLine": f.line, "snippet": {"text": f.excerpt}},
    }});
    let mut result = json!({
        "ruleId": f.rule,
        "level": sarif_level(f.severity),
        "message": {"text": format!("{}{} — {}", f.message, f.basis_note(), f.message_en)},
        "locations": [location],
        "properties": {"legal_basis": f.legal_basis, "legal_basis_tag": f.legal_basis_tag, "page": f.page, "absent": f.absent},
    });
    if let Some(fix) = &f.suggestion {
        result["properties"]["suggestion"] = json!(fix);
    }
    result
}

/// Terminal colours, off unless writing to a terminal without NO_COLOR.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn detect() -> Style {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && io::stdout().is_terminal(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// A search snippet (HTML with `<b>` around matches) for the terminal: matches in bold
    /// when colours are on, `[…]` otherwise; entities decoded.
    pub fn highlight_html(&self, snippet: &str) -> String {
        let (open, close) = if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("[", "]")
        };
        snippet
            .replace("<b>", open)
            .replace("</b>", close)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn severity(&self, s: Severity) -> String {
        let colour = match s {
            Severity::Error => "1;31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        self.paint(colour, &s.label_vi().to_lowercase())
    }
}

/// The human report's mark of a file that was not checked: never "đạt".
const NOT_CHECKED_VI: &str = "không kiểm tra được";

/// Why a file was not checked, for reviewers: the status, then the detail.
fn not_checked_vi(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Checked { .. } => String::new(),
        Outcome::NoTextLayer(_) => {
            format!("{} (bản quét, cần OCR)", Status::NoTextLayer.label_vi())
        }
        Outcome::NotLegalDocument { reason, .. } => format!(
            "{} ({})",
            Status::NotLegalDocument.label_vi(),
            reason.label_vi()
        ),
        Outcome::Unreadable(err) => format!("{}: {err}", Status::Unreadable.label_vi()),
    }
}

/// Where a finding is, for reviewers: `trang 3, dòng 42`; for an absence, where the missing
/// element is expected.
fn place_vi(f: &Finding) -> String {
    let line = match f.page {
        Some(page) => format!("trang {page}, dòng {}", f.line),
        None => format!("dòng {}", f.line),
    };
    if f.absent {
        format!("{line} (cần bổ sung tại đây)")
    } else {
        line
    }
}

/// Human report, grouped by document. Low-confidence findings (the copy may have lost what is
/// missing, or the parser's reading may be wrong) are listed apart, after every document, so
/// that a reviewer reads the sure ones first.
pub fn write_human(
    out: &mut dyn Write,
    reports: &[DocReport],
    summary: &Summary,
    style: Style,
) -> io::Result<()> {
    let mut doubtful: Vec<(String, String, Vec<&Finding>)> = Vec::new();
    for r in reports {
        let path = r.path.display();
        let Outcome::Checked { parsed, findings } = &r.outcome else {
            let label = style.paint("1;31", NOT_CHECKED_VI);
            let reason = not_checked_vi(&r.outcome);
            writeln!(out, "{label} {path}: {reason}")?;
            continue;
        };
        let ident = {
            let d = &parsed.document;
            let number = d
                .number
                .as_ref()
                .map(|n| n.raw.as_str())
                .unwrap_or("(không số)");
            let date = d
                .issue_date()
                .map(|x| x.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            format!("{number} {date}").trim().to_string()
        };
        let (sure, low): (Vec<&Finding>, Vec<&Finding>) = findings
            .iter()
            .partition(|f| f.confidence > crate::check::Confidence::Low);
        if !low.is_empty() {
            doubtful.push((path.to_string(), ident.clone(), low));
        }
        if sure.is_empty() {
            let verdict = if findings.is_empty() {
                style.paint("32", "đạt")
            } else {
                style.paint("33", "chỉ có phát hiện độ tin cậy thấp (xem cuối báo cáo)")
            };
            writeln!(out, "{verdict} {path} [{ident}]")?;
            continue;
        }
        writeln!(out, "{} [{ident}]", style.paint("1", &path.to_string()))?;
        for f in sure {
            write_finding(out, f, style)?;
        }
    }
    if !doubtful.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.paint(
                "1",
                "Phát hiện độ tin cậy thấp (bản sao có thể đã lược bỏ, hoặc cần đối chiếu hồ sơ, bản gốc):"
            )
        )?;
        for (path, ident, low) in doubtful {
            writeln!(out, "{} [{ident}]", style.paint("1", &path))?;
            for f in low {
                write_finding(out, f, style)?;
            }
        }
    }
    write_summary(out, summary)
}

/// One finding: severity, rule, place, message; its excerpt; where a missing element belongs;
/// the other places of a repeated finding; the suggestion.
fn write_finding(out: &mut dyn Write, f: &Finding, style: Style) -> io::Result<()> {
    writeln!(
        out,
        "  {} {} {}: {}{}",
        style.severity(f.severity),
        style.paint("1", f.rule.as_str()),
        place_vi(f),
        f.message,
        f.basis_note()
    )?;
    writeln!(out, "      « {} »", f.excerpt)?;
    if let Some(at) = expected_at(f) {
        writeln!(out, "      cần có: {at}")?;
    }
    if !f.also_at.is_empty() {
        let places: Vec<String> = f
            .also_at
            .iter()
            .map(|l| match l.page {
                Some(page) => format!("trang {page}, dòng {}", l.line),
                None => format!("dòng {}", l.line),
            })
            .collect();
        writeln!(out, "      cũng tại: {}", places.join("; "))?;
    }
    if let Some(fix) = &f.suggestion {
        writeln!(out, "      đề xuất: {fix}")?;
    }
    Ok(())
}

/// The closing summary lines (also used by `run`).
pub fn write_summary(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    writeln!(out)?;
    let reasons: Vec<String> = Status::NOT_CHECKED
        .iter()
        .map(|st| {
            let n = s.not_checked.get(st.key()).copied().unwrap_or(0);
            format!("{n} {}", st.label_vi())
        })
        .collect();
    writeln!(
        out,
        "{} tài liệu: {} {}, {} {} ({}); {} phát hiện ({} lỗi, {} cảnh báo, {} thông tin) trong {:.2}s",
        s.documents,
        s.checked,
        Status::Checked.label_vi(),
        s.not_checked_total(),
        NOT_CHECKED_VI,
        reasons.join(", "),
        s.findings,
        s.by_severity.get("error").copied().unwrap_or(0),
        s.by_severity.get("warning").copied().unwrap_or(0),
        s.by_severity.get("info").copied().unwrap_or(0),
        s.elapsed_ms as f64 / 1000.0
    )?;
    if !s.by_rule.is_empty() {
        let rules: Vec<String> = s.by_rule.iter().map(|(r, n)| format!("{r}×{n}")).collect();
        writeln!(out, "theo quy tắc: {}", rules.join(", "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Encoding, SourceFormat, TextLayer};
    use crate::pipeline::{Parsed, SourceMeta, Unreadable};

    fn report(name: &str, outcome: Outcome) -> DocReport {
        DocReport {
            path: name.into(),
            sha256: String::new(),
            elapsed: Duration::ZERO,
            outcome,
        }
    }

    fn parsed(text_layer: TextLayer) -> Box<Parsed> {
        Box::new(Parsed {
            source: SourceMeta {
                format: SourceFormat::Pdf,
                pages: 1,
                text_layer,
                encoding: Encoding::Unicode,
                warnings: vec![],
                furniture: vec![],
                gazette_copy: false,
            },
            document: crate::parse::parse("Số: 12/2024/QĐ-UBND\n"),
        })
    }

    fn batch() -> Vec<DocReport> {
        let greeting = Box::new(Parsed {
            source: parsed(TextLayer::Full).source,
            document: crate::parse::parse("xin chào\n"),
        });
        let reason = crate::pipeline::legal_identity(&greeting.document).unwrap_err();
        vec![
            report(
                "a.pdf",
                Outcome::Checked {
                    parsed: parsed(TextLayer::Full),
                    findings: vec![],
                },
            ),
            report("b.pdf", Outcome::NoTextLayer(parsed(TextLayer::None))),
            report(
                "c.pdf",
                Outcome::Unreadable(Unreadable::Extract("empty file".into())),
            ),
            report(
                "d.txt",
                Outcome::NotLegalDocument {
                    parsed: greeting,
                    reason,
                },
            ),
        ]
    }

    /// A provincial decision without legal bases (CC-001, an absence) whose findings are
    /// checked for real, one of them then marked low-confidence.
    fn decision_with_a_doubtful_finding() -> DocReport {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/2022/QĐ-UBND\nBình An, ngày 05 tháng 5 năm 2022\nQUYẾT ĐỊNH\nVề quản lý chợ\nĐiều 1. Phạm vi\nQuy định về chợ.\nĐiều 2. Hiệu lực\nQuyết định này có hiệu lực từ ngày 20 tháng 5 năm 2022.\n";
        let document = crate::parse::parse(text);
        let registry = crate::check::registry::Registry::builtin();
        let config = crate::check::Config::default();
        let ctx = crate::check::CheckContext::new(&registry, &config);
        let mut findings = crate::check::check(&document, &ctx);
        assert!(findings.iter().any(|f| f.rule == "CC-001" && f.absent));
        let doubtful = findings
            .iter_mut()
            .find(|f| f.rule != "CC-001")
            .expect("another finding");
        doubtful.confidence = crate::check::Confidence::Low;
        report(
            "qd.txt",
            Outcome::Checked {
                parsed: Box::new(Parsed {
                    source: parsed(TextLayer::Full).source,
                    document,
                }),
                findings,
            },
        )
    }

    #[test]
    fn human_report_says_where_a_missing_element_belongs_and_keeps_doubtful_findings_for_the_end() {
        let reports = vec![decision_with_a_doubtful_finding()];
        let summary = Summary::of(&reports, Duration::ZERO);
        let mut out = Vec::new();
        write_human(&mut out, &reports, &summary, Style { color: false }).unwrap();
        let text = String::from_utf8(out).unwrap();
        let cc001 = text.find("CC-001").expect("CC-001 listed");
        let section = text
            .find("Phát hiện độ tin cậy thấp")
            .expect("doubtful section");
        assert!(cc001 < section, "{text}");
        assert!(
            text.contains("cần có: sau tên loại và trích yếu, trước Điều 1"),
            "{text}"
        );
        // The doubtful finding is listed after the section title, not before.
        let after = &text[section..];
        assert!(after.contains("qd.txt"), "{text}");
        let json = to_json(&reports, &summary);
        let cc = json["documents"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "CC-001")
            .unwrap()
            .clone();
        assert!(cc["expected_at"].as_str().unwrap().contains("Căn cứ"));
    }

    #[test]
    fn unchecked_files_are_counted_apart_by_reason() {
        let s = Summary::of(&batch(), Duration::ZERO);
        assert_eq!((s.documents, s.checked, s.not_checked_total()), (4, 1, 3));
        let by_reason: Vec<(&str, usize)> = s.not_checked.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(
            by_reason,
            [
                ("no_text_layer", 1),
                ("not_legal_document", 1),
                ("unreadable", 1)
            ]
        );
        let json = to_json(&batch(), &s);
        assert_eq!(json["version"], 2);
        assert_eq!(json["summary"]["not_checked"]["no_text_layer"], 1);
        let docs = json["documents"].as_array().unwrap();
        let statuses: Vec<&str> = docs.iter().map(|d| d["status"].as_str().unwrap()).collect();
        assert_eq!(
            statuses,
            [
                "checked",
                "no_text_layer",
                "unreadable",
                "not_legal_document"
            ]
        );
        assert_eq!(docs[0]["error"], Value::Null);
        assert_eq!(
            docs[1]["error"],
            "no text layer (scanned); OCR is not available yet"
        );
        assert_eq!(docs[1]["meta"]["text_layer"], "none");
        assert_eq!(docs[2]["error"], "empty file");
        assert_eq!(docs[2]["meta"], json!({}));
        assert!(docs[3]["error"]
            .as_str()
            .unwrap()
            .starts_with("not a legal document: no header, no number"));
    }

    #[test]
    fn the_human_report_never_passes_an_unchecked_file() {
        let reports = batch();
        let mut out = Vec::new();
        let summary = Summary::of(&reports, Duration::ZERO);
        write_human(&mut out, &reports, &summary, Style { color: false }).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "đạt a.pdf [12/2024/QĐ-UBND]");
        assert_eq!(
            lines[1],
            "không kiểm tra được b.pdf: không có lớp văn bản (bản quét, cần OCR)"
        );
        assert_eq!(
            lines[2],
            "không kiểm tra được c.pdf: không đọc được: empty file"
        );
        assert_eq!(
            lines[3],
            "không kiểm tra được d.txt: không phải văn bản quy phạm (không có quốc hiệu, tiêu ngữ; \
             số, ký hiệu; tên loại; điều; căn cứ ban hành)"
        );
        assert!(lines[5].starts_with(
            "4 tài liệu: 1 đã kiểm tra, 3 không kiểm tra được (1 không đọc được, 1 không có lớp \
             văn bản, 1 không phải văn bản quy phạm); 0 phát hiện"
        ));
    }

    #[test]
    fn the_human_report_names_page_and_line() {
        let mut p = parsed(TextLayer::Full);
        p.document.page_starts = vec![0, 10];
        let finding = |absent: bool, message: &str| Finding {
            rule: "NN-001".parse().unwrap(),
            severity: Severity::Warning,
            message: message.into(),
            message_en: String::new(),
            legal_basis: String::new(),
            legal_basis_tag: None,
            page: p.document.page_of(12),
            line: 1,
            start: 12,
            end: 12,
            excerpt: "Số: 12/2024/QĐ-UBND".into(),
            absent,
            suggestion: None,
            confidence: Default::default(),
            also_at: Vec::new(),
        };
        let findings = vec![finding(false, "sai"), finding(true, "thiếu")];
        let reports = vec![report(
            "a.pdf",
            Outcome::Checked {
                parsed: p,
                findings,
            },
        )];
        let mut out = Vec::new();
        let summary = Summary::of(&reports, Duration::ZERO);
        write_human(&mut out, &reports, &summary, Style { color: false }).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "  cảnh báo NN-001 trang 2, dòng 1: sai");
        assert_eq!(lines[2], "      « Số: 12/2024/QĐ-UBND »");
        assert!(lines[3].starts_with("      cần có: góc dưới bên trái"));
        assert_eq!(
            lines[4],
            "  cảnh báo NN-001 trang 2, dòng 1 (cần bổ sung tại đây): thiếu"
        );
    }

    #[test]
    fn unchecked_files_become_sarif_notifications() {
        let sarif = to_sarif(&batch());
        let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
        assert_eq!(notes.as_array().unwrap().len(), 3);
        assert_eq!(
            notes[0]["message"]["text"],
            "b.pdf: no text layer (scanned); OCR is not available yet"
        );
        assert_eq!(notes[1]["message"]["text"], "c.pdf: empty file");
        assert_eq!(notes[2]["properties"]["status"], "not_legal_document");
    }
}
