//! NN: recipients (nơi nhận), RULES.md §5.9.

use crate::check::support::{self, re};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::Document;
use once_cell::sync::Lazy;
use regex::Regex;

/// NN-001: no recipients block (VBQPPL only; optional under NĐ78, hence a warning).
pub fn nn001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if doc.recipients.is_some() || !support::has_normative_number(doc) {
        return vec![];
    }
    let anchor = doc
        .signature
        .as_ref()
        .map_or(doc.text.len(), |s| s.span.start);
    vec![emit.absent(
        Severity::Warning,
        anchor,
        "Văn bản không có phần nơi nhận",
        "the document has no recipients block",
    )]
}

static INSPECTION_BODY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)cục\s+kiểm\s+tra\s+văn\s+bản|bộ\s+tư\s+pháp|sở\s+tư\s+pháp|phòng\s+tư\s+pháp|\bbtp\b|\bstp\b",
    )
});
static PUBLICATION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)công\s+báo|cổng\s+thông\s+tin\s+điện\s+tử|trang\s+thông\s+tin\s+điện\s+tử|cơ\s+sở\s+dữ\s+liệu\s+quốc\s+gia|cổng\s+ttđt|website",
    )
});

fn recipients_check(
    doc: &Document,
    emit: Emit,
    pattern: &Regex,
    vi: &str,
    en: &str,
) -> Vec<Finding> {
    let Some(r) = &doc.recipients else {
        return vec![];
    };
    if !support::has_normative_number(doc) {
        return vec![];
    }
    let text = support::slice(doc, r.span);
    if pattern.is_match(text) || r.entries.iter().any(|e| pattern.is_match(e)) {
        return vec![];
    }
    vec![emit.at(Severity::Warning, r.span, vi, en)]
}

/// NN-002: no inspection body among recipients.
pub fn nn002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    recipients_check(doc, emit, &INSPECTION_BODY,
        "Nơi nhận không có cơ quan kiểm tra văn bản (Cục Kiểm tra văn bản – Bộ Tư pháp, Sở Tư pháp, Phòng Tư pháp)",
        "recipients include no document-inspection body (Ministry/Department of Justice)")
}

/// NN-003: no publication channel among recipients.
pub fn nn003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    recipients_check(doc, emit, &PUBLICATION,
        "Nơi nhận không có Công báo, Cổng thông tin điện tử hoặc Cơ sở dữ liệu quốc gia về pháp luật",
        "recipients include no gazette, web portal or national legal database")
}
