//! SK: number and symbol (số, ký hiệu), RULES.md §5.4, driven by Table B.

use crate::check::support::{self, re};
use crate::check::tables;
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{DocNumber, Document};
use chrono::Datelike;
use once_cell::sync::Lazy;
use regex::Regex;

static NUMBER_PRESENT: Lazy<Regex> = Lazy::new(|| re(r"(?i)(?:^|\s)số\s*:\s*\d"));
static UNFILLED_NO: Lazy<Regex> = Lazy::new(|| re(r"(?:^|\s)Số\s*:[ \t.…_]*/"));

/// SK-001: no number, or an unfilled template.
pub fn sk001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if let Some(n) = &doc.number {
        if n.serial.trim().is_empty() || !n.serial.chars().any(|c| c.is_ascii_digit()) {
            return vec![emit.at(
                Severity::Error,
                n.span,
                "Số văn bản chưa được điền (mẫu số, ký hiệu còn trống)",
                "the number was left blank in the template",
            )];
        }
        return vec![];
    }
    // A text that is not a recognisable document (no type, no issuer) is left to other stages;
    // the Constitution carries no number.
    if (doc.doc_type.is_none() && doc.issuer.is_none())
        || support::doc_type(doc) == Some(crate::parse::DocType::HienPhap)
    {
        return vec![];
    }
    let header = support::header(doc);
    // A `Số:` followed by a number the parser could not read (`66.15/2026/NQ-CP`, or split over
    // lines) is present, not missing.
    if NUMBER_PRESENT.is_match(support::slice(doc, header)) {
        return vec![];
    }
    if let Some(m) = UNFILLED_NO.find(support::slice(doc, header)) {
        return vec![emit.at(
            Severity::Error,
            support::cap_span(m, header.start),
            "Số văn bản chưa được điền (mẫu số, ký hiệu còn trống)",
            "the number was left blank in the template",
        )];
    }
    // A copy that lost its whole header is reported once, by TT-001.
    if support::header_lost(doc) {
        return vec![];
    }
    vec![emit.absent(
        Severity::Error,
        header.start,
        "Văn bản không có số, ký hiệu",
        "the document has no number and symbol",
    )]
}

static REVERSED: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^\s*(?:\d{1,5}\s*/\s*[A-ZĐD]{1,6}\s*-\s*[^/\s]+\s*/\s*\d{4}|[A-ZĐD]{1,6}\s*-\s*[^/\s]+\s*/\s*\d{4}\s*/\s*\d{1,5})\s*$",
    )
});
static TWO_DIGIT_YEAR: Lazy<Regex> = Lazy::new(|| re(r"^\s*\d{1,5}\s*/\s*\d{2}\s*/\s*[A-ZĐD]"));
static BAD_SEPARATOR: Lazy<Regex> =
    Lazy::new(|| re(r"^\s*\d{1,5}/\d{4}/[A-ZĐD]{1,6}[^-/A-Za-zĐđ0-9\s]|[A-ZĐD][_.–—][A-ZĐD]"));

/// Canonical form of a number: no spaces, `/` and `-` separators.
fn canonical(n: &DocNumber) -> Option<String> {
    let year = n.year?;
    let serial = n.serial.trim();
    if n.type_abbr.is_empty() {
        return Some(format!(
            "{serial}/{year}/{}",
            n.issuer_abbr.replace(' ', "")
        ));
    }
    Some(format!(
        "{serial}/{year}/{}-{}",
        n.type_abbr.trim(),
        n.issuer_abbr.replace(' ', "")
    ))
}

/// SK-002: malformed number and symbol.
pub fn sk002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(n) = &doc.number else { return vec![] };
    // The whole rest of the number line: a misplaced year may lie after what was parsed.
    let line_end = doc.text[n.span.start.min(doc.text.len())..]
        .find('\n')
        .map_or(doc.text.len(), |i| n.span.start + i);
    let rest = support::slice(
        doc,
        crate::parse::Span::new(n.span.start, line_end.max(n.span.start)),
    );
    let raw_line = rest.split("  ").next().unwrap_or(rest).trim();
    let raw = n.raw.trim();
    if REVERSED.is_match(raw) || REVERSED.is_match(raw_line) {
        let raw = if REVERSED.is_match(raw) {
            raw
        } else {
            raw_line
        };
        return vec![emit.at(
            Severity::Error,
            n.span,
            format!("Số, ký hiệu {raw} sai thứ tự: phải là số/năm/ký hiệu loại-cơ quan"),
            format!("number {raw} in the wrong order: must be number/year/TYPE-ISSUER"),
        )];
    }
    if TWO_DIGIT_YEAR.is_match(raw) {
        return vec![emit.at(
            Severity::Error,
            n.span,
            format!("Năm trong số, ký hiệu {raw} phải ghi đủ bốn chữ số"),
            format!("the year in {raw} must have four digits"),
        )];
    }
    let mut out = Vec::new();
    if n.year.is_some() && raw.chars().any(char::is_whitespace) {
        let mut f = emit.at(
            Severity::Warning,
            n.span,
            format!("Số, ký hiệu {raw} có khoảng trắng bên trong"),
            format!("number {raw} contains spaces"),
        );
        if let Some(c) = canonical(n) {
            f = f.with_suggestion(c);
        }
        out.push(f);
    } else if n.year.is_some() && !n.ocr_suspect && BAD_SEPARATOR.is_match(raw) {
        out.push(emit.at(
            Severity::Warning,
            n.span,
            format!("Số, ký hiệu {raw} dùng dấu phân cách khác \"/\" và \"-\""),
            format!("number {raw} uses separators other than '/' and '-'"),
        ));
    } else if n.year.is_none() && support::yearless_normative_cues(doc).is_some() {
        // RULES.md: a VBQPPL numbered without its year. Whether the text is a VBQPPL at all is
        // HT-004's question, so this stays a warning beside it.
        let mut f = emit.at(
            Severity::Warning,
            n.span,
            format!(
                "Số, ký hiệu {raw} không có năm ban hành: nếu là VBQPPL, phải ghi số/năm/ký hiệu"
            ),
            format!("number {raw} has no year: a VBQPPL must be numbered number/year/TYPE-ISSUER"),
        );
        if let (Some(date), Some((serial, symbol))) = (doc.issue_date(), raw.split_once('/')) {
            f = f.with_suggestion(format!("{serial}/{}/{symbol}", date.year()));
        }
        out.push(f);
    }
    out
}

/// SK-003: one-digit serial.
pub fn sk003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(n) = &doc.number else { return vec![] };
    let serial = n.serial.trim();
    if serial.len() != 1 || !serial.chars().all(|c| c.is_ascii_digit()) {
        return vec![];
    }
    let fixed = n.raw.trim().replacen(serial, &format!("0{serial}"), 1);
    vec![emit
        .at(
            Severity::Warning,
            n.span,
            format!("Số thứ tự {serial} nhỏ hơn 10 phải ghi thêm số 0 phía trước"),
            format!("serial {serial} below 10 must carry a leading zero"),
        )
        .with_suggestion(fixed)]
}

/// SK-004: year in the number differs from the issue year.
pub fn sk004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(n), Some(date)) = (support::own_number(doc), doc.issue_date()) else {
        return vec![];
    };
    let Some(year) = n.year else { return vec![] };
    if year == date.year() {
        return vec![];
    }
    let fixed = n
        .raw
        .trim()
        .replacen(&format!("/{year}/"), &format!("/{}/", date.year()), 1);
    vec![emit
        .at(
            Severity::Error,
            n.span,
            format!(
                "Năm trong số, ký hiệu ({year}) khác năm ban hành ({})",
                date.year()
            ),
            format!(
                "the year in the number ({year}) differs from the issue year ({})",
                date.year()
            ),
        )
        .with_suggestion(fixed)]
}

/// SK-005: type abbreviation does not match the type line.
pub fn sk005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(n), Some(ty)) = (support::own_number(doc), &doc.doc_type) else {
        return vec![];
    };
    if n.ocr_suspect || n.type_abbr.is_empty() {
        return vec![];
    }
    // Laws, codes, ordinances and letters carry no type element (Table B).
    let Some(expected) = ty.value.symbol() else {
        return vec![];
    };
    let got = support::sym_key(&n.type_abbr);
    if support::sym_key(expected) == got {
        return vec![];
    }
    // The symbol's own type stands as a line of the opening (`THÔNG TƯ` over `CỦA BỘ TÀI
    // CHÍNH SỐ 07/2010/TT-BTC` / `HƯỚNG DẪN …`): the parser took a word of the title for the
    // type line, the symbol agrees with the document.
    if let Some(own) = crate::parse::DocType::from_symbol(&n.type_abbr) {
        let name = own.label_vi().to_uppercase();
        let opening_end = n.span.end.saturating_add(600).min(doc.text.len());
        let opening = doc.text.get(..opening_end).unwrap_or("");
        if opening.lines().any(|l| l.trim().to_uppercase() == name) {
            return vec![];
        }
    }
    let type_name = doc.type_name.as_deref().unwrap_or("");
    vec![emit
        .at(
            Severity::Error,
            n.span,
            format!(
                "Ký hiệu loại văn bản {} không khớp tên loại {} (phải là {})",
                n.type_abbr, type_name, expected
            ),
            format!(
                "type abbreviation {} does not match the type {} (expected {})",
                n.type_abbr, type_name, expected
            ),
        )
        .with_suggestion(n.raw.trim().replacen(&n.type_abbr, expected, 1))]
}

/// SK-006: issuer abbreviation does not match the issuing body.
pub fn sk006(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(n), Some(issuer)) = (support::own_number(doc), &doc.issuer) else {
        return vec![];
    };
    if n.ocr_suspect || n.issuer_abbr.is_empty() {
        return vec![];
    }
    let first = n.issuer_abbr.split('-').next().unwrap_or("").trim();
    let expected: Vec<&str> = match tables::issuer_abbreviations(issuer.kind) {
        Some(list) => list.to_vec(),
        None => match tables::ministry_by_name(&issuer.name.to_uppercase()) {
            Some(m)
                if matches!(
                    issuer.kind,
                    crate::parse::IssuerKind::Bo
                        | crate::parse::IssuerKind::CoQuanNgangBo
                        | crate::parse::IssuerKind::Other
                ) =>
            {
                vec![m.initials]
            }
            _ => return vec![],
        },
    };
    // Joint documents list several issuers; only the first is the header's.
    let got = support::sym_key(first);
    // A joint header names every body (`BỘ TƯ PHÁP - BỘ CÔNG AN - …`): the symbol's first
    // element must be one of them.
    let bodies: Vec<&str> = issuer.name.split(" - ").map(str::trim).collect();
    let joint_match = bodies.len() > 1
        && bodies.iter().any(|b| {
            tables::ministry_by_name(&b.to_uppercase())
                .is_some_and(|m| support::sym_key(m.initials) == got)
        });
    // A joint symbol (`TTLT-BLĐTBXH-BTC`) whose first body is named anywhere in a joint header,
    // however the bodies are separated (`—`, `-` without spaces, a line break).
    let joint_symbol =
        n.issuer_abbr.contains('-') || support::sym_key(&n.type_abbr).starts_with("TTLT");
    let named = tables::ministry_by_initials(first).is_some_and(|m| {
        let header = issuer.name.to_uppercase().replace(['–', '—'], "-");
        header.contains(m.name) || header.contains(&m.name.replace(" - ", " "))
    });
    if joint_symbol && named {
        return vec![];
    }
    if joint_match {
        return vec![];
    }
    // Decisions of the Prime Minister sit under a header the parser may read as the Government.
    let pm_decision = issuer.kind == crate::parse::IssuerKind::ChinhPhu
        && got == "TTG"
        && support::doc_type(doc) == Some(crate::parse::DocType::QuyetDinh);
    if pm_decision || expected.iter().any(|e| support::sym_key(e) == got) {
        return vec![];
    }
    // When the type element does not fit the type line either, or the symbol looks truncated
    // (`BT` for `BTC`), the header was probably misread: let a human look.
    let type_fits = doc
        .doc_type
        .as_ref()
        .and_then(|t| t.value.symbol())
        .is_some_and(|e| support::sym_key(e) == support::sym_key(&n.type_abbr));
    let truncated = expected
        .iter()
        .any(|e| support::sym_key(e).starts_with(&got) || got.starts_with(&support::sym_key(e)));
    // A pairing Table A does not know (a circular under a Government header) means the header
    // was misread, not the symbol.
    let pairing_lawful = doc.doc_type.as_ref().is_some_and(|t| {
        !matches!(
            tables::competence(
                t.value,
                issuer.kind,
                issuer.level,
                crate::parse::Regime::L2025_87
            ),
            tables::CompetenceVerdict::NoSuchPairing
        )
    });
    let severity = if type_fits && !truncated && pairing_lawful {
        Severity::Error
    } else {
        Severity::Warning
    };
    vec![emit
        .at(
            severity,
            n.span,
            format!(
                "Ký hiệu cơ quan {} không khớp cơ quan ban hành {} (phải là {})",
                first, issuer.name, expected[0]
            ),
            format!(
                "issuer abbreviation {} does not match the issuing body {} (expected {})",
                first, issuer.name, expected[0]
            ),
        )
        .with_suggestion(n.raw.trim().replacen(first, expected[0], 1))]
}

static OWN_KHOA: Lazy<Regex> = Lazy::new(|| re(r"^(?:UBTVQH|QH)(\d{2})$"));

/// SK-007: legislature number impossible in the year.
pub fn sk007(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(n) = support::own_number(doc) else {
        return vec![];
    };
    let (Some(year), Some(c)) = (n.year, OWN_KHOA.captures(n.issuer_abbr.trim())) else {
        return vec![];
    };
    let khoa: u32 = c[1].parse().unwrap_or(0);
    if tables::khoa_fits_year(khoa, year) != Some(false) {
        return vec![];
    }
    vec![emit.at(
        Severity::Error,
        n.span,
        format!("Khóa Quốc hội {khoa} không khớp năm {year} trong số hiệu"),
        format!("legislature {khoa} does not fit the year {year} in the number"),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(REVERSED.is_match("15/QĐ-UBND/2020"));
        assert!(REVERSED.is_match("QĐ-UBND/2020/15"));
        assert!(!REVERSED.is_match("15/2020/QĐ-UBND"));
        assert!(TWO_DIGIT_YEAR.is_match("15/20/QĐ-UBND"));
        assert!(!BAD_SEPARATOR.is_match("15/2020/QĐ-UBND"));
        assert!(BAD_SEPARATOR.is_match("15/2020/QĐ.UBND"));
    }

    use crate::check::testkit::{run, ymd, DocBuilder};
    use crate::parse::{DocType, IssuerKind, Level};

    fn doc(number: &str, header: &str, kind: IssuerKind, ty: &str, doc_type: DocType) -> Document {
        let text = format!(
            "{header} TỈNH BÌNH AN\nSố: {number}\nBình An, ngày 03 tháng 01 năm 2024\n{ty}\n"
        );
        DocBuilder::new(&text)
            .issuer(&format!("{header} TỈNH BÌNH AN"), kind, Level::Province)
            .number(number)
            .date("Bình An, ngày 03 tháng 01 năm 2024", ymd(2024, 1, 3))
            .doc_type(ty, doc_type)
            .build()
    }

    #[test]
    fn number_rules() {
        let ok = doc(
            "05/2024/NQ-HĐND",
            "HỘI ĐỒNG NHÂN DÂN",
            IssuerKind::HoiDongNhanDan,
            "NGHỊ QUYẾT",
            DocType::NghiQuyet,
        );
        for rule in [
            "SK-001", "SK-002", "SK-003", "SK-004", "SK-005", "SK-006", "SK-007",
        ] {
            assert!(run(&ok, rule).is_empty());
        }
        let d = doc(
            "5/2024/NQ-HĐND",
            "HỘI ĐỒNG NHÂN DÂN",
            IssuerKind::HoiDongNhanDan,
            "NGHỊ QUYẾT",
            DocType::NghiQuyet,
        );
        assert_eq!(
            run(&d, "SK-003")[0].suggestion.as_deref(),
            Some("05/2024/NQ-HĐND")
        );
        let d = doc(
            "01/2023/NQ-HĐND",
            "HỘI ĐỒNG NHÂN DÂN",
            IssuerKind::HoiDongNhanDan,
            "NGHỊ QUYẾT",
            DocType::NghiQuyet,
        );
        assert_eq!(
            run(&d, "SK-004")[0].suggestion.as_deref(),
            Some("01/2024/NQ-HĐND")
        );
        let d = doc(
            "11/2024/QĐ-HĐND",
            "HỘI ĐỒNG NHÂN DÂN",
            IssuerKind::HoiDongNhanDan,
            "NGHỊ QUYẾT",
            DocType::NghiQuyet,
        );
        assert_eq!(run(&d, "SK-005").len(), 1);
        let d = doc(
            "06/2024/NQ-UBND",
            "HỘI ĐỒNG NHÂN DÂN",
            IssuerKind::HoiDongNhanDan,
            "NGHỊ QUYẾT",
            DocType::NghiQuyet,
        );
        assert_eq!(run(&d, "SK-006").len(), 1);
    }

    #[test]
    fn sk006_joint_symbol_names_a_body_of_the_joint_header() {
        let joint = |header: &str, number: &str| {
            let doc = crate::parse::parse(&format!("{header}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: {number}\nHà Nội, ngày 27 tháng 02 năm 2009\nTHÔNG TƯ LIÊN TỊCH\nHướng dẫn chế độ\nĐiều 1. Phạm vi\nNội dung.\n"));
            crate::check::testkit::run(&doc, "SK-006").len()
        };
        assert_eq!(
            joint(
                "BỘ LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI — BỘ TÀI CHÍNH",
                "06/2009/TTLT-BLĐTBXH-BTC"
            ),
            0
        );
        assert_eq!(
            joint(
                "BỘ TÀI CHÍNH-BỘ KHOA HỌC VÀ CÔNG NGHỆ",
                "49/2014/TTLT-BTC-BKHCN"
            ),
            0
        );
    }

    #[test]
    fn sk005_trusts_a_type_line_that_agrees_with_the_symbol() {
        let doc = crate::parse::parse("BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nCỦA BỘ TÀI CHÍNH SỐ 07/2010/TT-BTC NGÀY 14 THÁNG 01 NĂM 2010\nHƯỚNG DẪN\nchế độ quản lý phí\nCăn cứ Luật Ngân sách nhà nước;\nĐiều 1. Phạm vi\nNội dung.\n");
        assert!(crate::check::testkit::run(&doc, "SK-005").is_empty());
    }
}
