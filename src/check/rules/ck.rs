//! CK: signature block (chữ ký, thẩm quyền ký), RULES.md §5.8.

use crate::check::support::{self, re};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{DocType, Document, IssuerKind, SigningMode};
use once_cell::sync::Lazy;
use regex::Regex;

/// CK-001: VBQPPL signed `TL.` or `TUQ.`.
pub fn ck001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(sig) = &doc.signature else {
        return vec![];
    };
    if !support::has_normative_number(doc) {
        return vec![];
    }
    let Some(mode) = sig
        .modes
        .iter()
        .find(|m| matches!(m, SigningMode::ThuaLenh | SigningMode::ThuaUyQuyen))
    else {
        return vec![];
    };
    let m = if *mode == SigningMode::ThuaLenh {
        "TL."
    } else {
        "TUQ."
    };
    // RULES.md §12 item 8: the prohibition is an inference [R], so a warning.
    vec![emit.at(Severity::Warning, sig.span,
        format!("VBQPPL được ký \"{m}\" (thừa lệnh/thừa ủy quyền): chỉ người đứng đầu hoặc cấp phó ký thay mới có thẩm quyền ký VBQPPL"),
        format!("a VBQPPL signed '{m}' (by delegation): only the head or a deputy signing for the head may sign a VBQPPL"))]
}

/// CK-002: collective body signed without `TM.`.
pub fn ck002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(sig) = &doc.signature else {
        return vec![];
    };
    if !support::has_normative_number(doc) || sig.modes.contains(&SigningMode::ThayMat) {
        return vec![];
    }
    let (body, ty) = match (support::issuer_kind(doc), support::doc_type(doc)) {
        (Some(IssuerKind::ChinhPhu), Some(DocType::NghiDinh | DocType::NghiQuyet)) => {
            ("CHÍNH PHỦ", "Nghị định")
        }
        (Some(IssuerKind::UyBanNhanDan), Some(DocType::QuyetDinh)) => {
            ("ỦY BAN NHÂN DÂN", "Quyết định của Ủy ban nhân dân")
        }
        _ => return vec![],
    };
    vec![emit
        .at(
            Severity::Error,
            sig.span,
            format!("{ty} phải được ký thay mặt tập thể: thiếu dòng \"TM. {body}\""),
            format!(
            "a collective body's document must be signed on its behalf: 'TM. {body}' is missing"
        ),
        )
        .with_suggestion(format!("TM. {body}"))]
}

static KNOWN_POSITION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?:PHÓ CHỦ TỊCH|CHỦ TỊCH|PHÓ THỦ TƯỚNG|THỦ TƯỚNG|THỨ TRƯỞNG|BỘ TRƯỞNG|PHÓ CHỦ NHIỆM|CHỦ NHIỆM|PHÓ THỐNG ĐỐC|THỐNG ĐỐC|PHÓ TỔNG THANH TRA|TỔNG THANH TRA|PHÓ CHÁNH ÁN|CHÁNH ÁN|PHÓ VIỆN TRƯỞNG|VIỆN TRƯỞNG|PHÓ TỔNG KIỂM TOÁN|TỔNG KIỂM TOÁN|PHÓ GIÁM ĐỐC|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|VỤ TRƯỞNG|CỤC TRƯỞNG)\b",
    )
});

static KT_LINE: Lazy<Regex> = Lazy::new(|| {
    re(r"(?m)^[ \t]*KT\.[ \t]*(\S[^\n]*?)[ \t]*\n(?:[ \t]*\n)*[ \t]*(\S[^\n]*?)[ \t]*$")
});

/// CK-003: signer's title inconsistent with the signing mode.
pub fn ck003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(sig) = &doc.signature else {
        return vec![];
    };
    let mut out = Vec::new();
    let text = support::slice(doc, sig.span);
    if let Some(c) = KT_LINE.captures(text) {
        let (Some(all), Some(head), Some(next)) = (c.get(0), c.get(1), c.get(2)) else {
            return out;
        };
        let head = head.as_str().to_uppercase();
        let next_up = next.as_str().to_uppercase();
        let deputy = next_up.starts_with("PHÓ ") || next_up.starts_with("THỨ TRƯỞNG");
        // Only judge titles that read cleanly (OCR splits letters: `B Ộ TRƯỞNG`).
        if !KNOWN_POSITION.is_match(&head) || !KNOWN_POSITION.is_match(&next_up) {
            return out;
        }
        let wrong = if head.starts_with("BỘ TRƯỞNG") {
            !next_up.starts_with("THỨ TRƯỞNG")
        } else {
            !deputy
        };
        // OCR sometimes joins the name line; only judge lines written in capitals.
        if wrong && next.as_str() == next_up {
            out.push(emit.at(Severity::Error, support::cap_span(all, sig.span.start),
                format!("Ký thay (KT.) {} nhưng chức vụ người ký là \"{}\"; người ký thay phải là cấp phó", head, next.as_str()),
                format!("signed 'KT.' for {} but the signer's title is '{}'; a deputy must sign", head, next.as_str())));
        }
    }
    if support::issuer_kind(doc) == Some(IssuerKind::UyBanNhanDan) {
        if let Some(t) = sig
            .titles
            .iter()
            .find(|t| t.to_uppercase().contains("GIÁM ĐỐC"))
        {
            out.push(emit.at(
                Severity::Error,
                sig.span,
                format!("Văn bản của Ủy ban nhân dân do \"{t}\" ký"),
                format!("an UBND document signed by '{t}'"),
            ));
        }
    }
    out
}

/// CK-004: HĐND resolution signature not per template.
pub fn ck004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(sig) = &doc.signature else {
        return vec![];
    };
    if support::issuer_kind(doc) != Some(IssuerKind::HoiDongNhanDan)
        || !support::has_normative_number(doc)
    {
        return vec![];
    }
    let mut out = Vec::new();
    if sig.modes.contains(&SigningMode::ThayMat) {
        // The form of the document's own period; RULES.md names none before 2025 (hence [R]).
        let (vi, en) = match emit.template() {
            Some(t) => (format!("Nghị quyết HĐND ký \"TM. HỘI ĐỒNG NHÂN DÂN\"; {t} chỉ ghi \"CHỦ TỊCH\""),
                format!("HĐND resolution signed 'TM.'; the form of its period ({t}) shows 'CHỦ TỊCH' alone")),
            None => ("Nghị quyết HĐND ký \"TM. HỘI ĐỒNG NHÂN DÂN\"; cần đối chiếu mẫu chữ ký của thời kỳ ban hành (Chủ tịch HĐND ký chứng thực)".to_string(),
                "HĐND resolution signed 'TM.'; compare with the signature form of its period (the chair authenticates)".to_string()),
        };
        out.push(emit.at(Severity::Warning, sig.span, vi, en));
    }
    let on_behalf_ubnd = sig.on_behalf_of.as_deref().is_some_and(|b| {
        b.to_uppercase().contains("ỦY BAN") || b.to_uppercase().contains("UỶ BAN")
    });
    let position = sig.titles.last().map(|t| t.trim().to_uppercase());
    let bad_title = position
        .as_deref()
        .is_some_and(|p| p != "CHỦ TỊCH" && p != "PHÓ CHỦ TỊCH");
    if on_behalf_ubnd || bad_title {
        let who = position.unwrap_or_default();
        // RULES.md §12 item 7: the HĐND signature form is unconfirmed [R].
        out.push(emit.at(Severity::Warning, sig.span,
            format!("Nghị quyết HĐND phải do Chủ tịch (hoặc Phó Chủ tịch ký thay) Hội đồng nhân dân ký, không phải \"{who}\""),
            format!("an HĐND resolution must be signed by the HĐND chair (or a vice-chair for the chair), not '{who}'")));
    }
    out
}

/// CK-005: signer's name missing.
pub fn ck005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    match &doc.signature {
        Some(sig) if sig.signer.as_deref().is_none_or(|s| s.trim().is_empty()) => {
            vec![emit.at(
                Severity::Warning,
                sig.span,
                "Khối chữ ký không có họ tên người ký",
                "the signature block has no signer's name",
            )]
        }
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testkit::{run, ymd, DocBuilder};
    use crate::parse::Level;

    const TEXT: &str = "ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 15/2022/QĐ-UBND\nBình An, ngày 05 tháng 5 năm 2022\nQUYẾT ĐỊNH\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nCHỦ TỊCH\nNguyễn Văn An\n";

    fn doc(block: &str, modes: Vec<SigningMode>, titles: &[&str]) -> Document {
        DocBuilder::new(TEXT)
            .issuer(
                "ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
                IssuerKind::UyBanNhanDan,
                Level::Province,
            )
            .number("15/2022/QĐ-UBND")
            .date("Bình An, ngày 05 tháng 5 năm 2022", ymd(2022, 5, 5))
            .doc_type("QUYẾT ĐỊNH", DocType::QuyetDinh)
            .signature(block, modes, titles, Some("Nguyễn Văn An"))
            .build()
    }

    #[test]
    fn signature_rules() {
        let kt = doc(
            "KT. CHỦ TỊCH\nCHỦ TỊCH\nNguyễn Văn An",
            vec![SigningMode::KyThay],
            &["CHỦ TỊCH", "CHỦ TỊCH"],
        );
        assert_eq!(run(&kt, "CK-002").len(), 1, "no TM.");
        assert_eq!(
            run(&kt, "CK-003").len(),
            1,
            "KT. followed by the head's title"
        );
        let ok = doc(
            "TM. ỦY BAN NHÂN DÂN",
            vec![SigningMode::ThayMat],
            &["CHỦ TỊCH"],
        );
        assert!(run(&ok, "CK-002").is_empty());
        let tl = doc(
            "TM. ỦY BAN NHÂN DÂN",
            vec![SigningMode::ThayMat, SigningMode::ThuaLenh],
            &["CHỦ TỊCH"],
        );
        assert_eq!(run(&tl, "CK-001").len(), 1);
    }
}
