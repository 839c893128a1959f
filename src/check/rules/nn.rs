//! NN: recipients (nơi nhận), RULES.md §5.9.

use crate::check::support::{self, re};
use crate::check::{CheckContext, Confidence, Emit, Finding, Severity};
use crate::parse::Document;
use once_cell::sync::Lazy;
use regex::Regex;

/// NN-001: no recipients block (VBQPPL only; a warning). Not judged where the block is not
/// required or its absence proves nothing: laws, codes and ordinances (the National Assembly's
/// texts carry none), and a copy whose signature was not found either (its whole closing was lost). A copy with a
/// signature may still be a portal copy, which drops the block: low confidence. A copy known to
/// come from the Công báo (its running heads) is not judged.
pub fn nn001(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if doc.recipients.is_some() || !support::has_normative_number(doc) {
        return vec![];
    }
    // The Công báo prints documents without their recipients block.
    if ctx.source.gazette_copy {
        return vec![];
    }
    // From 01/04/2025 the block is optional ("nếu có"): the rule is absent from those periods in
    // the legal-bases data, so the runner does not call it.
    if support::parliamentary(doc) {
        return vec![];
    }
    let Some(anchor) = closing_anchor(doc) else {
        return vec![];
    };
    vec![emit
        .absent(
            Severity::Warning,
            anchor,
            "Văn bản không có phần nơi nhận (bản đăng Công báo, cổng thông tin có thể đã lược bỏ: cần đối chiếu bản gốc)",
            "the document has no recipients block (gazette and portal copies may drop it: compare with the original)",
        )
        .with_confidence(Confidence::Low)]
}

static SIGNER_TITLE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?m)^\s*(?:TM\.|KT\.|Q\.|(?:PHÓ )?CHỦ TỊCH|(?:THỨ|BỘ) TRƯỞNG|(?:PHÓ )?THỦ TƯỚNG|(?:PHÓ )?GIÁM ĐỐC|(?:PHÓ )?CHÁNH ÁN|(?:PHÓ )?VIỆN TRƯỞNG|(?:PHÓ )?THỐNG ĐỐC|(?:PHÓ )?TỔNG KIỂM TOÁN)\b",
    )
});

/// Where the signature is: the parser's block, else a signer's title line in the last lines of
/// the main text (a signature laid out in a table the parser did not read). `None` when the
/// copy has no closing at all.
fn closing_anchor(doc: &Document) -> Option<usize> {
    if let Some(s) = &doc.signature {
        return Some(s.span.start);
    }
    let end = doc.zones.closing.end.max(support::body(doc).end);
    let start = doc.text[..end.min(doc.text.len())]
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == '\n')
        .nth(8)
        .map_or(0, |(i, _)| i);
    SIGNER_TITLE
        .find(&doc.text[start..end.min(doc.text.len())])
        .map(|m| start + m.start())
}

/// The inspection body by name, or inside an aggregate that includes the Ministry of Justice: all
/// ministries (`Các bộ, cơ quan ngang bộ`, the standard line of Government and ministerial texts)
/// or a list of ministries naming it (`Các Bộ: Ngoại giao; Tư pháp; Công an`).
static INSPECTION_BODY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)cục\s+kiểm\s+tra\s+văn\s+bản|cục\s+ktvb|bộ\s+tư\s+pháp|sở\s+tư\s+pháp|phòng\s+tư\s+pháp|\bbtp\b|\bstp\b|các\s+bộ\s*,\s*cơ\s+quan\s+ngang\s+bộ|các\s+bộ\s*:[^\n]*\btư\s+pháp\b",
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

#[cfg(test)]
mod tests {
    use crate::check::testkit::{run, ymd, DocBuilder};
    use crate::check::Confidence;
    use crate::parse::{DocType, IssuerKind, Level, SigningMode};

    const TEXT: &str = "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH AN\nSố: 06/2021/NQ-HĐND\nBình An, ngày 29 tháng 6 năm 2021\nNGHỊ QUYẾT\nĐiều 1. Hiệu lực\nCHỦ TỊCH\nNguyễn Văn An\n";

    fn resolution(date: &str, on: chrono::NaiveDate, ty: DocType) -> DocBuilder {
        resolution_of(TEXT, date, on, ty)
    }

    fn resolution_of(text: &str, date: &str, on: chrono::NaiveDate, ty: DocType) -> DocBuilder {
        DocBuilder::new(&text.replace("ngày 29 tháng 6 năm 2021", date))
            .issuer(
                "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH AN",
                IssuerKind::HoiDongNhanDan,
                Level::Province,
            )
            .number("06/2021/NQ-HĐND")
            .date(date, on)
            .doc_type("NGHỊ QUYẾT", ty)
    }

    trait Signed {
        fn signed(self) -> Self;
    }

    impl Signed for DocBuilder {
        fn signed(self) -> Self {
            self.signature(
                "CHỦ TỊCH\nNguyễn Văn An",
                vec![SigningMode::Direct],
                &["CHỦ TỊCH"],
                Some("Nguyễn Văn An"),
            )
        }
    }

    #[test]
    fn nn001_missing_block_is_a_low_confidence_warning_before_2025() {
        let signed = resolution(
            "ngày 29 tháng 6 năm 2021",
            ymd(2021, 6, 29),
            DocType::NghiQuyet,
        )
        .signed()
        .build();
        let f = run(&signed, "NN-001");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].confidence, Confidence::Low);
        // A signature the parser did not read (a table cell) still shows the closing is there.
        let unread = resolution(
            "ngày 29 tháng 6 năm 2021",
            ymd(2021, 6, 29),
            DocType::NghiQuyet,
        )
        .build();
        assert_eq!(run(&unread, "NN-001").len(), 1);
    }

    #[test]
    fn nn001_not_judged_where_the_block_is_optional_or_the_closing_lost() {
        // From 01/04/2025 the block is "nếu có".
        let d2025 = resolution(
            "ngày 29 tháng 6 năm 2025",
            ymd(2025, 6, 29),
            DocType::NghiQuyet,
        )
        .signed()
        .build();
        assert!(run(&d2025, "NN-001").is_empty());
        // A law carries none.
        let law = resolution("ngày 29 tháng 6 năm 2021", ymd(2021, 6, 29), DocType::Luat)
            .signed()
            .build();
        assert!(run(&law, "NN-001").is_empty());
        // No signature either: the copy lost its closing.
        let text = TEXT.replace("CHỦ TỊCH\nNguyễn Văn An\n", "");
        let lost = resolution_of(
            &text,
            "ngày 29 tháng 6 năm 2021",
            ymd(2021, 6, 29),
            DocType::NghiQuyet,
        )
        .build();
        assert!(run(&lost, "NN-001").is_empty());
    }

    #[test]
    fn nn002_aggregates_that_include_the_ministry_of_justice_count() {
        use super::INSPECTION_BODY;
        for ok in [
            "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;",
            "- Các Bộ: Ngoại giao; Tư pháp; Công an;",
            "- Cục Kiểm tra văn bản quy phạm pháp luật (Bộ Tư pháp);",
            "- Cục KTVB (BTP);",
            "- Sở Tư pháp;",
        ] {
            assert!(INSPECTION_BODY.is_match(ok), "{ok}");
        }
        for missing in [
            "- Các Bộ: Ngoại giao; Công an;",
            "- Các cơ quan ngang bộ có liên quan;",
            "- Như Điều 3;\n- Lưu: VT.",
        ] {
            assert!(!INSPECTION_BODY.is_match(missing), "{missing}");
        }
    }
}
