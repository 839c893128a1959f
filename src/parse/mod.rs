//! Stage 3: the document model. Turns normalized text into a [`Document`].
//!
//! [`parse`] never fails: what is not found is `None` or empty. Every element carries a byte span
//! into [`Document::text`]. The parse follows the zoning of RULES.md §6.4: header (up to the end
//! of the summary title), preamble (legal bases, enacting formula), body (articles), closing
//! (signature, recipients) and attachments (each `(Ban hành kèm theo …)` block).

mod citation;
mod closing;
mod header;
pub mod model;
mod structure;
mod text;

use once_cell::sync::Lazy;
use regex::Regex;

pub use citation::find_citations;
pub use header::{
    doc_type_from_abbr, doc_type_from_name, issuer_kind, locality_level, type_name_of,
};
pub use model::*;
pub use structure::walk;
pub use text::{
    label_ordinal, letter_ordinal, pattern, roman_value, to_roman, try_pattern, FlatText,
    VIETNAMESE_LETTERS,
};

use text::{lines, Line};

static ENACT_COLON: Lazy<Regex> =
    Lazy::new(|| pattern(r"^(?:QUYẾT NGHỊ|QUYẾT ĐỊNH|NGHỊ ĐỊNH|CHỈ THỊ|BAN HÀNH)[ \t]*:"));

static ENACT_2025: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?i)(?:ủy ban nhân dân|hội đồng nhân dân|chính phủ|thủ tướng chính phủ|bộ trưởng[^.;]{0,80}?|chủ tịch ủy ban nhân dân[^.;]{0,40}?|quốc hội|ủy ban thường vụ quốc hội|chánh án[^.;]{0,60}?|viện trưởng[^.;]{0,60}?|thống đốc[^.;]{0,60}?|tổng kiểm toán[^.;]{0,30}?) ban hành (?:quyết định|nghị quyết|nghị định|thông tư(?: liên tịch)?|luật|bộ luật|pháp lệnh|chỉ thị)\b",
    )
});

/// Parse normalized text into the document model. Never fails: what is not found is `None`.
pub fn parse(text: &str) -> Document {
    let mut h = header::parse_header(text);
    // A consolidated text carries its own number and date at the end; the header shows the
    // consolidated document's type.
    // A gazette page may show neither: its `Số: N/VBHN-X` line is then the only number.
    let consolidated = h.number.as_ref().is_none_or(|n| n.type_abbr == "VBHN")
        || text
            .get(..h.end.min(text.len()))
            .is_some_and(|t| t.contains("VĂN BẢN HỢP NHẤT"));
    if consolidated {
        if let Some((number, date)) = header::find_vbhn(text) {
            if h.issuer.is_none() {
                h.issuer = header::issuer_above(text, number.span.start);
            }
            h.number = Some(number);
            if date.is_some() {
                h.place_date = date;
            }
            let span = h.doc_type.as_ref().map(|t| t.span).unwrap_or_default();
            h.doc_type = Some(Spanned {
                value: DocType::VanBanHopNhat,
                span,
            });
        }
    }
    let header_end = h.end.min(text.len());
    let ls = lines(text);

    // Attachments: blocks introduced by `(Ban hành kèm theo …)` after the main text.
    let attach_starts = attachment_starts(&ls, header_end);

    let main_end = attach_starts.first().map(|a| a.0).unwrap_or(text.len());

    // Body: from the first structural heading after the header.
    let first_unit = ls
        .iter()
        .filter(|l| l.start >= header_end && l.end() <= main_end)
        .find(|l| is_body_heading(l.text.trim_start()))
        .map(|l| l.start);
    let preamble_lines: Vec<&Line> = ls
        .iter()
        .filter(|l| l.start >= header_end && first_unit.is_none_or(|f| l.start < f))
        .filter(|l| l.end() <= main_end)
        .collect();
    let enacting_formula = find_enacting(&preamble_lines);
    let body_start = match first_unit {
        Some(f) => f,
        None => enacting_formula
            .as_ref()
            .map(|e| e.span.end)
            .or_else(|| last_preamble_line_end(&preamble_lines))
            .unwrap_or(header_end),
    }
    .max(header_end);

    // Closing: signature and recipients after the last article heading of the main text.
    let last_article = ls
        .iter()
        .rev()
        .filter(|l| l.start >= body_start && l.end() <= main_end)
        .find(|l| is_body_heading(l.text.trim_start()))
        .map(|l| l.start)
        .unwrap_or(body_start);
    let (signature, recipients, closing_first) =
        closing::parse_closing(text, last_article, main_end);
    let closing_start = closing_first
        .map(|c| line_start_of(text, c))
        .unwrap_or(main_end)
        .max(body_start);

    let structure = structure::parse_structure(text, body_start, closing_start);
    let quoted: Vec<Span> = walk(&structure)
        .into_iter()
        .filter(|u| u.quoted)
        .map(|u| u.span)
        .collect();

    let issue_from_line = h.place_date.as_ref().and_then(|p| p.date);
    // One flat view of the whole text; the body's is a slice of it.
    let all_flat = FlatText::new(text, 0);
    let body_flat = all_flat.sub(body_start, main_end);
    let passed_date = closing::find_passed(&body_flat);
    let issue = issue_from_line.or(passed_date.as_ref().map(|p| p.value));
    let preamble_text = &text[header_end.min(body_start)..body_start];
    let own_type = h.type_name.as_deref().or_else(|| {
        h.doc_type
            .as_ref()
            .and_then(|t| header::type_name_of(t.value))
    });
    let effective = closing::find_effective(&body_flat, &quoted, issue, preamble_text, own_type);

    // Citations anywhere but in the document's own number.
    let own: Vec<Span> = h.number.iter().map(|n| n.span).collect();
    let citations = find_citations(&all_flat, &own);
    let legal_bases = legal_bases(&preamble_lines, &citations);

    let annexes = annex_spans(text, &ls, header_end, &attach_starts);
    let attachments = attachments(text, &ls, &attach_starts, &annexes);
    let mut quoted_all = quoted;
    for a in &attachments {
        quoted_all.extend(
            walk(&a.structure)
                .into_iter()
                .filter(|u| u.quoted)
                .map(|u| u.span),
        );
    }
    let zones = Zones {
        header: Span::new(0, header_end),
        preamble: Span::new(header_end.min(body_start), body_start),
        body: Span::new(body_start, closing_start),
        closing: Span::new(closing_start, main_end.max(closing_start)),
        attachments: attachments.iter().map(|a| a.span).collect(),
        annexes,
        quoted: quoted_all,
        // Also where the header did not say so (a portal copy that opens with the list of
        // amending texts): the block itself is the proof.
        authentication: authentication_span(text, &ls, header_end),
    };
    let level = h.issuer.as_ref().map(|i| i.level).unwrap_or(Level::Unknown);
    Document {
        text: text.to_string(),
        issuer: h.issuer,
        parent_issuer: h.parent_issuer,
        level,
        national_title: h.national_title,
        motto: h.motto,
        number: h.number,
        place_date: h.place_date,
        doc_type: h.doc_type,
        type_name: h.type_name,
        title: h.title,
        enacting_formula,
        legal_bases,
        structure,
        attachments,
        effective,
        signature,
        recipients,
        citations,
        regime: issue.map(Regime::of),
        zones,
        passed_date,
        page_starts: Vec::new(),
    }
}

fn line_start_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text[..pos].rfind('\n').map(|p| p + 1).unwrap_or(0)
}

/// Headings that open the body: Phần, Chương, Điều (not Khoản/Điểm, which also start lists in
/// preambles).
fn is_body_heading(t: &str) -> bool {
    let rest = if let Some(r) = t.strip_prefix("Điều ") {
        if r.starts_with("thứ ") {
            return true;
        }
        r
    } else if let Some(r) = t.strip_prefix("ĐIỀU ") {
        r
    } else if let Some(r) = t
        .strip_prefix("Chương ")
        .or_else(|| t.strip_prefix("CHƯƠNG "))
        .or_else(|| t.strip_prefix("Phần "))
        .or_else(|| t.strip_prefix("PHẦN "))
    {
        let r = r.trim_start();
        return r.starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L'))
            || r.starts_with("thứ")
            || r.starts_with("THỨ");
    } else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let after = rest[digits..].trim_start_matches(|c: char| c.is_ascii_lowercase());
    after.is_empty() || after.starts_with(['.', ':']) || after.trim_start().starts_with(['.', ':'])
}

fn find_enacting(preamble: &[&Line]) -> Option<Spanned<String>> {
    for l in preamble {
        let (t, start) = l.trimmed();
        if ENACT_COLON.is_match(t) {
            return Some(Spanned {
                value: t.to_string(),
                span: Span::new(start, start + t.len()),
            });
        }
    }
    for l in preamble {
        let (t, start) = l.trimmed();
        if t.starts_with("Căn cứ") || t.starts_with("Theo đề nghị") || t.starts_with("Xét ")
        {
            continue;
        }
        if ENACT_2025.is_match(t) {
            return Some(Spanned {
                value: t.to_string(),
                span: Span::new(start, start + t.len()),
            });
        }
    }
    None
}

fn last_preamble_line_end(preamble: &[&Line]) -> Option<usize> {
    preamble
        .iter()
        .rev()
        .find(|l| {
            let t = l.text.trim_start();
            t.starts_with("Căn cứ")
                || t.starts_with("Xét ")
                || t.starts_with("Theo đề nghị")
                || t.starts_with("Thực hiện")
        })
        .map(|l| l.end())
}

/// Each `Căn cứ …` line of the preamble (and law lines continuing a basis list) with the
/// citations it contains, marked as `CanCu`.
fn legal_bases(preamble: &[&Line], citations: &[Citation]) -> Vec<LegalBasis> {
    let mut out: Vec<LegalBasis> = Vec::new();
    let mut in_bases = false;
    for l in preamble {
        let (t, start) = l.trimmed();
        // Some copies set the bases as a list or in bold (`- Căn cứ …`, `**Căn cứ …`).
        let marker = t.len() - t.trim_start_matches(['-', '*', '•', ' ']).len();
        let (t, start) = if t[marker..].starts_with("Căn cứ") {
            (&t[marker..], start + marker)
        } else {
            (t, start)
        };
        let is_basis = t.starts_with("Căn cứ");
        let continues = in_bases
            && [
                "Luật ",
                "Bộ luật ",
                "Nghị định ",
                "Pháp lệnh ",
                "Nghị quyết ",
                "Thông tư ",
                "Quyết định ",
            ]
            .iter()
            .any(|p| t.starts_with(p));
        if !(is_basis || continues) {
            in_bases = false;
            continue;
        }
        in_bases = true;
        let span = Span::new(start, start + t.len());
        let cites = citations
            .iter()
            .filter(|c| c.span.start >= span.start && c.span.start < span.end)
            .map(|c| Citation {
                relation: CitationRelation::CanCu,
                ..c.clone()
            })
            .collect();
        out.push(LegalBasis {
            text: t.to_string(),
            citations: cites,
            span,
        });
    }
    out
}

/// Type lines of attached instruments.
const ATTACHMENT_TYPES: &[&str] = &[
    "QUY ĐỊNH",
    "QUY CHẾ",
    "ĐIỀU LỆ",
    "PHỤ LỤC",
    "DANH MỤC",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "KẾ HOẠCH",
    "BẢNG GIÁ",
    "ĐỀ ÁN",
    "NỘI QUY",
];

/// Attachment openers: (start of the block, index of the `(… kèm theo …)` line).
fn attachment_starts(ls: &[Line], header_end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Attached instruments follow the main signature: `(Kèm theo …)` lines inside the body
    // (forms, tables) are not attachments.
    let Some(signed) = signed_line(ls, header_end) else {
        return out;
    };
    for (k, l) in ls.iter().enumerate().skip(signed + 1) {
        let t = l.text.trim_start();
        if !t.starts_with('(') {
            continue;
        }
        let inner = t[1..].trim_start();
        let lower_ok = inner.starts_with("Ban hành kèm theo")
            || inner.starts_with("Kèm theo")
            || inner.starts_with("kèm theo")
            || inner.starts_with("ban hành kèm theo")
            || inner.starts_with("Được ban hành kèm theo");
        if !lower_ok {
            continue;
        }
        // The block starts at the title lines right above: capitals (not signature lines), or a
        // subtitle right under an attachment type line (`QUY ĐỊNH` / `Về quản lý chợ`).
        let mut first = k;
        let mut j = k;
        while j > 0 && k - j < 8 {
            j -= 1;
            let tt = ls[j].text.trim();
            if tt.is_empty() {
                continue;
            }
            let caps = tt.chars().any(char::is_alphabetic) && !tt.chars().any(char::is_lowercase);
            let ok = if caps {
                !closing::is_signature_line(tt)
            } else {
                let above = ls[..j]
                    .iter()
                    .rev()
                    .map(|l| l.text.trim())
                    .find(|t| !t.is_empty())
                    .unwrap_or("");
                ATTACHMENT_TYPES.contains(&above)
            };
            if !ok {
                break;
            }
            first = j;
        }
        let start = ls[first].start;
        if out.last().is_none_or(|&(s, _)| s < start) {
            out.push((start, k));
        }
    }
    out
}

/// The first signature or `Nơi nhận` line after the header: where the main instrument ends.
fn signed_line(ls: &[Line], header_end: usize) -> Option<usize> {
    ls.iter().position(|l| {
        l.start >= header_end && {
            let t = l.text.trim();
            closing::is_signature_line(t) || t.starts_with("Nơi nhận")
        }
    })
}

/// A line that opens an annex: `PHỤ LỤC` / `Phụ lục II` / `Mẫu số 01` / `Biểu số 2` /
/// `DANH MỤC CÁC BIỂU MẪU` standing as a heading (a short line, not a sentence that cites one).
static ANNEX_HEADING: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"^(?:PHỤ LỤC|Phụ lục(?:[ \t]+(?:số[ \t]+)?[0-9IVXLC]+[a-z]?\b|[ \t]*$)|(?:Mẫu|MẪU|Biểu|BIỂU)(?: số| SỐ)?[ \t]*[0-9IVXLC]+[a-zđ]?\b|BIỂU MẪU|DANH MỤC(?: CÁC)? (?:BIỂU )?MẪU)",
    )
});

/// Also asked by the pipeline: a text that opens with one is an annex detached from its document.
pub fn is_annex_heading(t: &str) -> bool {
    if t.chars().count() > 160 {
        return false;
    }
    // `Phụ lục I ban hành kèm theo …` continues a sentence: a heading is followed by nothing,
    // a separator or its capitalised name.
    ANNEX_HEADING.find(t).is_some_and(|m| {
        !t[m.end()..]
            .trim_start()
            .starts_with(|c: char| c.is_lowercase())
    })
}

fn is_national_title(t: &str) -> bool {
    t.starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
}

/// Annex spans (see [`Zones::annexes`]). After the main signature, an annex heading or a second
/// national title (a model form's own header) opens an annex, which runs to the start of the
/// next attached instrument or to the end of the text. Inside an attached instrument, an annex
/// heading after its first article opens one; an attached instrument that is itself a
/// `PHỤ LỤC`, `DANH MỤC`, `MẪU` or `BIỂU` is an annex as a whole.
fn annex_spans(text: &str, ls: &[Line], header_end: usize, starts: &[(usize, usize)]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let Some(signed) = signed_line(ls, header_end) else {
        return out;
    };
    // Regions: the rest of the main text, then each attached instrument.
    let mut regions: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let first_attach = starts.first().map_or(text.len(), |a| a.0);
    regions.push((ls[signed].start, first_attach, None));
    for (n, &(start, k)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(text.len(), |s| s.0);
        regions.push((start, end, Some(k)));
    }
    for (start, end, kem) in regions {
        if let Some(k) = kem {
            let title = ls
                .iter()
                .filter(|l| l.start >= start && l.start < ls[k].start)
                .map(|l| l.text.trim())
                .find(|t| !t.is_empty())
                .unwrap_or("");
            let annex_type = [
                "PHỤ LỤC",
                "Phụ lục",
                "DANH MỤC",
                "MẪU",
                "Mẫu",
                "BIỂU",
                "Biểu",
            ]
            .iter()
            .any(|p| title.starts_with(p));
            if annex_type {
                out.push(Span::new(start, end));
                continue;
            }
        }
        // Inside an attached instrument, only after its first article.
        let mut armed = kem.is_none();
        let from = kem.map_or(signed + 1, |k| k + 1);
        for l in ls.iter().skip(from).take_while(|l| l.start < end) {
            let t = l.text.trim();
            if !armed {
                armed = is_body_heading(t);
                continue;
            }
            if is_annex_heading(t) || (kem.is_none() && is_national_title(t)) {
                out.push(Span::new(l.start, end));
                break;
            }
        }
    }
    out
}

/// The authentication block of a consolidated text: from `XÁC THỰC VĂN BẢN HỢP NHẤT` to the end
/// of the text (its number, place and date, and the signature of the consolidating body).
fn authentication_span(text: &str, ls: &[Line], header_end: usize) -> Option<Span> {
    ls.iter()
        .find(|l| {
            l.start >= header_end && l.text.trim_start().starts_with("XÁC THỰC VĂN BẢN HỢP NHẤT")
        })
        .map(|l| Span::new(l.start, text.len()))
}

fn attachments(
    text: &str,
    ls: &[Line],
    starts: &[(usize, usize)],
    annexes: &[Span],
) -> Vec<Attachment> {
    let mut out = Vec::new();
    for (n, &(start, k)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map(|s| s.0).unwrap_or(text.len());
        // Forms annexed to an attached instrument are not its articles.
        let end = annexes
            .iter()
            .map(|a| a.start)
            .filter(|&a| a > ls[k].end() && a < end)
            .min()
            .unwrap_or(end);
        let title = ls
            .iter()
            .filter(|l| l.start >= start && l.start < ls[k].start)
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let kem = ls[k];
        let flat = FlatText::new(kem.text, kem.start);
        let parent = find_citations(&flat, &[]).into_iter().find(|c| !c.internal);
        let structure = structure::parse_structure(text, kem.end().min(end), end);
        out.push(Attachment {
            title,
            parent,
            structure,
            span: Span::new(start, end),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const SAMPLE: &str = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 15/2020/QĐ-UBND\nBình An, ngày 05 tháng 3 năm 2020\nQUYẾT ĐỊNH\nBan hành Quy định về quản lý chợ\nỦY BAN NHÂN DÂN TỈNH BÌNH AN\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;\nTheo đề nghị của Giám đốc Sở Công Thương.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về quản lý chợ.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 3 năm 2020.\nĐiều 3. Các cơ quan quy định tại Điều 1 Quyết định này chịu trách nhiệm thi hành.\nNơi nhận:\n- Như Điều 3;\n- Bộ Tư pháp (Cục KTVB);\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\nỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nQUY ĐỊNH\nVề quản lý chợ\n(Ban hành kèm theo Quyết định số 15/2020/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Bình An)\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nĐiều 2. Đối tượng\n";

    #[test]
    fn bases_set_as_a_list_are_bases() {
        let d = parse(
            &SAMPLE
                .replace("Căn cứ Luật", "- Căn cứ Luật")
                .replace("Căn cứ Nghị định", "**Căn cứ Nghị định"),
        );
        assert_eq!(d.legal_bases.len(), 2);
        assert!(d.legal_bases[0].text.starts_with("Căn cứ Luật"));
        assert_eq!(d.legal_bases[1].citations.len(), 1);
    }

    #[test]
    fn whole_document() {
        let d = parse(SAMPLE);
        assert_eq!(d.level, Level::Province);
        assert_eq!(
            d.number.as_ref().map(|n| n.key.as_str()),
            Some("15/2020/QD-UBND")
        );
        assert_eq!(d.issue_date(), NaiveDate::from_ymd_opt(2020, 3, 5));
        assert_eq!(d.regime, Some(Regime::L2015));
        assert_eq!(
            d.doc_type.as_ref().map(|t| t.value),
            Some(DocType::QuyetDinh)
        );
        assert_eq!(
            d.title.as_ref().map(|t| t.value.as_str()),
            Some("Ban hành Quy định về quản lý chợ")
        );
        assert_eq!(
            d.enacting_formula.as_ref().map(|e| e.value.as_str()),
            Some("QUYẾT ĐỊNH:")
        );
        assert_eq!(d.legal_bases.len(), 2);
        assert_eq!(
            d.legal_bases[1].citations[0].relation,
            CitationRelation::CanCu
        );
        assert_eq!(d.structure.len(), 3);
        let e = d.effective.as_ref().expect("effective");
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2020, 3, 20));
        let s = d.signature.as_ref().expect("signature");
        assert_eq!(s.signer.as_deref(), Some("Nguyễn Văn An"));
        assert_eq!(d.recipients.as_ref().map(|r| r.entries.len()), Some(3));
        assert_eq!(d.attachments.len(), 1);
        let a = &d.attachments[0];
        assert_eq!(a.structure.len(), 1);
        assert_eq!(a.structure[0].children.len(), 2);
        assert_eq!(
            a.parent.as_ref().and_then(|c| c.number_key.as_deref()),
            Some("15/2020/QD-UBND")
        );
        assert!(a.title.contains("QUY ĐỊNH"));
        assert!(d.citations.iter().any(|c| c.internal));
        assert!(d.zones.header.end <= d.zones.preamble.start);
        assert!(d.zones.body.end <= d.zones.closing.start);
        assert_eq!(
            d.slice(d.zones.body).lines().next(),
            Some("Điều 1. Ban hành kèm theo Quyết định này Quy định về quản lý chợ.")
        );
    }

    #[test]
    fn forms_after_an_attached_regulation_are_an_annex_not_its_clauses() {
        let t = format!("{SAMPLE}1. Nội dung.\nMẫu số 01\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBIÊN BẢN KIỂM TRA\n1. Lô hàng Đạt Không đạt\n2. Lô hàng Đạt Không đạt\n- Lưu: VT.\n");
        let d = parse(&t);
        assert_eq!(d.zones.annexes.len(), 1);
        let annex = d.zones.annexes[0];
        assert!(d.slice(annex).starts_with("Mẫu số 01"));
        assert_eq!(annex.end, t.len());
        let a = &d.attachments[0];
        assert!(a.span.end <= annex.start || a.structure.iter().all(|u| u.span.end <= annex.start));
        let last = walk(&a.structure)
            .into_iter()
            .rfind(|u| u.kind == UnitKind::Dieu)
            .expect("article");
        assert_eq!(
            last.children.len(),
            1,
            "the form's numbered lines are not clauses"
        );
        let lo = t.find("1. Lô").expect("form line");
        assert_eq!(d.zones.at(lo), Zone::Annex);
        assert_eq!(
            d.zones.at(t.find("Điều 2. Đối tượng").expect("article")),
            Zone::Attachment
        );
        // The conforming sample has no annex.
        assert!(parse(SAMPLE).zones.annexes.is_empty());
    }

    #[test]
    fn an_appendix_after_the_signature_is_an_annex() {
        let main_end = SAMPLE
            .find("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nQUY ĐỊNH")
            .expect("attachment");
        let t = format!(
            "{}PHỤ LỤC I\nDANH SÁCH CHỢ\nSTT Tên chợ\n",
            &SAMPLE[..main_end]
        );
        let d = parse(&t);
        assert_eq!(d.zones.annexes.len(), 1);
        assert!(d.slice(d.zones.annexes[0]).starts_with("PHỤ LỤC I"));
        assert_eq!(d.zones.at(t.find("STT").expect("column")), Zone::Annex);
        // A sentence that cites an annex inside an article does not open one.
        assert_eq!(d.zones.at(t.find("Điều 2.").expect("article")), Zone::Body);
        assert!(!is_annex_heading("Phụ lục I ban hành kèm theo Thông tư này quy định mẫu báo cáo gồm các nội dung sau đây và được cập nhật hằng năm theo quy định của Bộ trưởng Bộ Tài chính về chế độ báo cáo thống kê ngành."));
        assert!(!is_annex_heading("Phụ lục I quy định mẫu báo cáo."));
        assert!(is_annex_heading("Phụ lục II"));
        assert!(is_annex_heading("Mẫu số 01 - Phiếu đăng ký dự thi"));
        assert!(is_annex_heading("Mẫu số 02a"));
        assert!(!is_annex_heading("Mẫu thẻ Chấp hành viên"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "\n\n",
            "Số:",
            "Điều",
            "“",
            "Căn cứ",
            "(Ban hành kèm theo",
            "ngày 32 tháng 13 năm 2020",
            "Nơi nhận:\nTM.",
        ] {
            let _ = parse(t);
        }
    }

    #[test]
    fn consolidated_text_takes_its_own_number() {
        let t = "VĂN BẢN HỢP NHẤT\nBỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn\nĐiều 1. Một\nXÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 16/VBHN-BTC\nHà Nội, ngày 05 tháng 02 năm 2021\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn A";
        let d = parse(t);
        assert_eq!(
            d.number.as_ref().map(|n| n.key.as_str()),
            Some("16/VBHN-BTC")
        );
        assert_eq!(
            d.doc_type.as_ref().map(|t| t.value),
            Some(DocType::VanBanHopNhat)
        );
        assert_eq!(d.issue_date(), NaiveDate::from_ymd_opt(2021, 2, 5));
        let auth = d.zones.authentication.expect("authentication block");
        assert!(d.slice(auth).starts_with("XÁC THỰC VĂN BẢN HỢP NHẤT"));
        let date_line = t.find("Hà Nội, ngày").expect("date line");
        assert_eq!(d.zones.at(date_line), Zone::Authentication);
        assert_ne!(
            d.zones.at(t.find("Điều 1.").expect("article")),
            Zone::Authentication
        );
        // An issued document has none.
        assert_eq!(parse(SAMPLE).zones.authentication, None);
    }
}
