//! HT: form and competence (hình thức, thẩm quyền), RULES.md §5.1, driven by Table A.

use crate::check::support::{self, re};
use crate::check::tables::{self, Allow, CompetenceVerdict};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{DocType, Document, IssuerKind, Level, Span};
use once_cell::sync::Lazy;
use regex::Regex;

/// Where a finding about the document's form points: the type line, else the number.
fn form_span(doc: &Document) -> Span {
    doc.doc_type
        .as_ref()
        .map(|t| t.span)
        .or_else(|| doc.number.as_ref().map(|n| n.span))
        .unwrap_or_default()
}

fn number_span(doc: &Document) -> Span {
    doc.number
        .as_ref()
        .map(|n| n.span)
        .unwrap_or_else(|| form_span(doc))
}

/// Joint-circular parties are all ministries (`TTLT-BTC-BNV`): not a VBQPPL from 01/07/2016.
fn ttlt_ministries_only(issuer_abbr: &str) -> bool {
    let parties: Vec<&str> = issuer_abbr
        .split('-')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parties.len() >= 2
        && parties
            .iter()
            .all(|p| tables::ministry_by_initials(p).is_some())
}

/// HT-001: a type that is not a VBQPPL on the issue date carries a normative number.
pub fn ht001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(number) = doc.number.as_ref().filter(|n| n.year.is_some()) else {
        return vec![];
    };
    let Some(regime) = support::regime(doc) else {
        return vec![];
    };
    let ty = support::doc_type(doc);
    let abbr = support::sym_key(&number.type_abbr);
    let mut out = Vec::new();
    let never = ty.is_some_and(|t| tables::NEVER_NORMATIVE.contains(&t))
        || matches!(abbr.as_str(), "KH" | "HD" | "TB" | "CV");
    if never {
        out.push(emit.at(
            Severity::Error,
            form_span(doc),
            format!(
                "Văn bản loại {} mang số, ký hiệu của VBQPPL ({}) nhưng loại này không phải VBQPPL",
                doc.type_name.as_deref().unwrap_or(&number.type_abbr),
                number.raw
            ),
            format!(
                "a {} carries a normative number ({}) but this type is never a VBQPPL",
                doc.type_name.as_deref().unwrap_or(&number.type_abbr),
                number.raw
            ),
        ));
        return out;
    }
    let is_chi_thi = ty == Some(DocType::ChiThi) || abbr == "CT";
    if is_chi_thi && regime >= crate::parse::Regime::L2015 {
        out.push(emit.at(Severity::Error, form_span(doc),
            format!("Chỉ thị {} mang số VBQPPL nhưng từ ngày 01/7/2016 Chỉ thị không còn là VBQPPL (Bảng A dòng 16)", number.raw),
            format!("directive {} carries a normative number, but from 01/07/2016 a Chỉ thị is not a VBQPPL (Table A row 16)", number.raw)));
    }
    let is_ttlt = ty == Some(DocType::ThongTuLienTich) || abbr == "TTLT";
    if is_ttlt && regime >= crate::parse::Regime::L2015 && ttlt_ministries_only(&number.issuer_abbr)
    {
        out.push(emit.at(Severity::Error, number_span(doc),
            format!("Thông tư liên tịch giữa các Bộ ({}) không còn là VBQPPL từ ngày 01/7/2016 (Bảng A dòng 12)", number.raw),
            format!("a joint circular between ministries only ({}) is not a VBQPPL from 01/07/2016 (Table A row 12)", number.raw)));
    }
    out
}

/// Issuer kinds whose VBQPPL pairing is judged from Table A (others: departments, units).
fn is_other_body(doc: &Document) -> bool {
    matches!(
        support::issuer_kind(doc),
        Some(IssuerKind::So | IssuerKind::Other)
    )
}

/// HT-002: issuer/type pairing absent from Table A.
pub fn ht002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(number) = doc.number.as_ref().filter(|n| n.year.is_some()) else {
        return vec![];
    };
    let Some(issuer) = &doc.issuer else {
        return vec![];
    };
    let Some(ty) = support::doc_type(doc) else {
        return vec![];
    };
    if tables::NEVER_NORMATIVE.contains(&ty)
        || matches!(
            ty,
            DocType::ChiThi | DocType::ThongTuLienTich | DocType::VanBanHopNhat | DocType::Other
        )
    {
        return vec![];
    }
    let Some(regime) = support::regime(doc) else {
        return vec![];
    };
    // Named from the type line, else from the symbol: never an empty name in the message.
    let type_label = support::type_label(doc);
    if is_other_body(doc) {
        // A department, office or unit issuing a normative number. `Other` is only trusted when
        // the header names a subordinate unit, since unknown central bodies also map to Other.
        let upper = issuer.name.to_uppercase();
        let subordinate = issuer.kind == IssuerKind::So
            || ["SỞ ", "PHÒNG ", "CHI CỤC ", "CÔNG AN ", "BAN "]
                .iter()
                .any(|p| upper.starts_with(p));
        if !subordinate {
            return vec![];
        }
        return vec![emit.at(
            Severity::Error,
            issuer.span,
            format!(
                "{} không có thẩm quyền ban hành VBQPPL ({} số {})",
                issuer.name,
                type_label.as_deref().unwrap_or("văn bản"),
                number.raw
            ),
            format!(
                "{} has no power to issue a VBQPPL ({} {})",
                issuer.name,
                type_label.as_deref().unwrap_or("document"),
                number.raw
            ),
        )];
    }
    match tables::competence(ty, issuer.kind, support::level(doc), regime) {
        // A minister's Quyết định was a VBQPPL only under the 1996 law (before 01/01/2009).
        CompetenceVerdict::NoSuchPairing | CompetenceVerdict::NotInRegime { row: 10, .. } => vec![emit.at(Severity::Error, form_span(doc),
            match &type_label {
                Some(t) => format!("{} không có thẩm quyền ban hành {t} là VBQPPL (Bảng A)", issuer.name),
                None => format!("{} không có thẩm quyền ban hành loại văn bản này là VBQPPL (Bảng A)", issuer.name),
            },
            format!("{} is not competent to issue a normative {} (Table A)", issuer.name, type_label.as_deref().unwrap_or("document of this type")))],
        CompetenceVerdict::NotInRegime { row: 17, .. } => vec![emit.at(Severity::Error, form_span(doc),
            "Quyết định của Chủ tịch Ủy ban nhân dân chỉ là VBQPPL ở cấp tỉnh và từ ngày 01/7/2025 (Bảng A dòng 17)",
            "a decision of an UBND chair is a VBQPPL only at provincial level and from 01/07/2025 (Table A row 17)")],
        _ => vec![],
    }
}

/// HT-003: level without normative power on the date; dissolved ministries.
pub fn ht003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(number) = doc.number.as_ref().filter(|n| n.year.is_some()) else {
        return vec![];
    };
    let Some(date) = doc.issue_date() else {
        return vec![];
    };
    let mut out = Vec::new();
    for part in number.issuer_abbr.split('-') {
        if let Some(m) = tables::ministry_by_initials(part.trim()) {
            if let Some(last) = m.last_day().filter(|&l| date > l) {
                // The list of abbreviations that ceased is derived [R]: a warning.
                out.push(emit.at(Severity::Warning, number.span,
                    format!("Ký hiệu {} là của {} đã chấm dứt hoạt động từ ngày {}, không thể ban hành văn bản ngày {}", m.initials, m.name, last.succ_opt().unwrap_or(last).format("%d/%m/%Y"), date.format("%d/%m/%Y")),
                    format!("symbol {} belongs to a ministry that ceased on {}; it cannot issue on {}", m.initials, last.succ_opt().unwrap_or(last).format("%d/%m/%Y"), date.format("%d/%m/%Y"))));
            }
        }
    }
    let (Some(issuer), Some(ty)) = (&doc.issuer, support::doc_type(doc)) else {
        return out;
    };
    let Some(regime) = support::regime(doc) else {
        return out;
    };
    if let CompetenceVerdict::NotInRegime { allow, row } =
        tables::competence(ty, issuer.kind, support::level(doc), regime)
    {
        if matches!(row, 19..=22) {
            let severity = if allow == Allow::No {
                Severity::Error
            } else {
                Severity::Warning
            };
            let (vi, en) = if support::level(doc) == Level::District {
                (
                    "cấp huyện không còn tổ chức chính quyền từ ngày 01/7/2025",
                    "the district level was abolished from 01/07/2025",
                )
            } else {
                ("Luật 64/2025/QH15 (01/4–30/6/2025) không trao quyền ban hành VBQPPL cho cấp xã", "Law 64/2025/QH15 (01/04–30/06/2025) gave communes no normative power")
            };
            out.push(emit.at(
                severity,
                issuer.span,
                format!(
                    "{} ban hành VBQPPL số {} ngày {}: {} (Bảng A dòng {})",
                    issuer.name,
                    number.raw,
                    date.format("%d/%m/%Y"),
                    vi,
                    row
                ),
                format!(
                    "{} issued VBQPPL {} on {}: {} (Table A row {})",
                    issuer.name,
                    number.raw,
                    date.format("%d/%m/%Y"),
                    en,
                    row
                ),
            ));
        }
    }
    out
}

/// HT-004: administrative number (no year) on a text with normative cues (warning).
pub fn ht004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(number), Some(cues)) = (&doc.number, support::yearless_normative_cues(doc)) else {
        return vec![];
    };
    vec![emit.at(Severity::Warning, number.span,
        format!("Văn bản số {} (không có năm, là văn bản hành chính) nhưng có dấu hiệu chứa quy phạm pháp luật: {}", number.raw, cues.join("; ")),
        format!("document {} is numbered as an administrative act (no year) but shows normative cues: {}", number.raw, cues.join("; ")))]
}

static INDIVIDUAL_TITLE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\s*(?:về\s+việc\s+)?(?:bổ\s+nhiệm|miễn\s+nhiệm|điều\s+động|khen\s+thưởng|kỷ\s+luật|phê\s+duyệt|thành\s+lập|giải\s+thể|giao|cấp|thu\s+hồi|cho\s+phép)\s",
    )
});

/// HT-005: normative number on an individual act (warning).
pub fn ht005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if !support::has_normative_number(doc) {
        return vec![];
    }
    let Some(title) = &doc.title else {
        return vec![];
    };
    // `Phê duyệt … quy định/quy chế/bảng giá` can be normative: a warning for a human.
    if !INDIVIDUAL_TITLE.is_match(&title.value) {
        return vec![];
    }
    vec![emit.at(Severity::Warning, title.span,
        "Văn bản mang số, ký hiệu VBQPPL nhưng trích yếu là của văn bản cá biệt (bổ nhiệm, khen thưởng, phê duyệt, thành lập…)",
        "normative numbering on a title that reads as an individual act (appointment, award, approval, establishment…)")]
}

static DELEGATING: Lazy<Regex> = Lazy::new(|| re(r"(?i)(?:^|\W)điều\s+\d+"));

/// HT-006: district/commune VBQPPL citing no delegating article (warning).
pub fn ht006(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if !support::has_normative_number(doc)
        || !matches!(support::level(doc), Level::District | Level::Commune)
    {
        return vec![];
    }
    if doc.legal_bases.is_empty() {
        return vec![]; // CC-001 reports the absence.
    }
    if doc.legal_bases.iter().any(|b| DELEGATING.is_match(&b.text)) {
        return vec![];
    }
    let anchor = doc.legal_bases[0].span;
    vec![emit.at(Severity::Warning, anchor,
        "VBQPPL cấp huyện, cấp xã không viện dẫn điều, khoản của luật, nghị quyết giao quyền quy định",
        "district/commune VBQPPL cites no article of a law or resolution delegating the matter")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttlt_parties() {
        assert!(ttlt_ministries_only("BTC-BNV"));
        assert!(!ttlt_ministries_only("VKSNDTC-TANDTC-BCA-BQP"));
        assert!(!ttlt_ministries_only("BTC"));
    }

    #[test]
    fn individual_titles() {
        assert!(INDIVIDUAL_TITLE.is_match("Về việc bổ nhiệm ông Trần Văn A"));
        assert!(!INDIVIDUAL_TITLE.is_match("Quy định về phân cấp quản lý"));
    }

    #[test]
    fn a_ministers_decision_was_normative_only_before_2009() {
        let decision = |date: &str| {
            crate::parse::parse(&format!("BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 70/{}/QĐ-BTC\nHà Nội, ngày 15 tháng 5 năm {}\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\nCăn cứ Nghị định số 77/2003/NĐ-CP;\nĐiều 1. Phạm vi\nNội dung.\n", date, date))
        };
        assert!(crate::check::testkit::run(&decision("2003"), "HT-002").is_empty());
        assert_eq!(
            crate::check::testkit::run(&decision("2012"), "HT-002").len(),
            1
        );
    }
}
