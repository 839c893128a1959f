//! TT: header, title and enacting formula (thể thức phần đầu), RULES.md §5.6.

use crate::check::support::{self, re};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{Document, IssuerKind, Span};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

static QUOC_HIEU: Lazy<Regex> = Lazy::new(|| {
    re(r"CỘNG[ \t]+H(?:ÒA|OÀ)[ \t]+XÃ[ \t]+HỘI[ \t]+CHỦ[ \t]+NGHĨA[ \t]+VIỆT[ \t]+NAM")
});
static QUOC_HIEU_ANY: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"));
static TIEU_NGU_ANY: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc"));
static TIEU_NGU: Lazy<Regex> =
    Lazy::new(|| re(r"Độc[ \t]+lập[ \t]*[-–—][ \t]*Tự[ \t]+do[ \t]*[-–—][ \t]*Hạnh[ \t]+phúc"));

fn recognised(doc: &Document) -> bool {
    doc.issuer.is_some() || doc.doc_type.is_some() || doc.number.is_some()
}

/// TT-001: national title or motto missing or wrong.
pub fn tt001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if !recognised(doc) {
        return vec![];
    }
    let mut out = Vec::new();
    let head = support::slice(doc, support::header(doc));
    if support::header_lost(doc)
        && misspelled_title(head).is_none()
        && misspelled_motto(head).is_none()
    {
        // One finding for the lost header: SK-001 and TG-001 stay silent on the same copy.
        let mut vi = vec!["Quốc hiệu, Tiêu ngữ"];
        let mut en = vec!["national title, motto"];
        if doc.number.is_none() {
            vi.push("số, ký hiệu");
            en.push("number");
        }
        if doc.place_date.is_none() && doc.passed_date.is_none() {
            vi.push("địa danh, ngày tháng năm");
            en.push("place and date");
        }
        return vec![emit.absent(
            Severity::Warning,
            0,
            format!("Không tìm thấy phần đầu văn bản ({}): bản sao có thể đã mất phần đầu khi trích xuất hoặc đăng tải, cần đối chiếu bản gốc", vi.join("; ")),
            format!("no header found ({}): the copy may have lost it in extraction or publishing; compare with the original", en.join("; ")),
        )];
    }
    // PDF extraction splits header lines ("CỘNG HÒA XÃ HỘI CHỦ / NGHĨA VIỆT NAM"): an element
    // found across lines is present.
    let title_split = QUOC_HIEU_ANY.is_match(head);
    let motto_split = TIEU_NGU_ANY.is_match(head);
    match &doc.national_title {
        None if title_split => {}
        // Written with a wrong letter or tone (`CHỦ NGHÍA`, `XẢ HỘI`, `VIỆT NAI`): misspelled,
        // not missing.
        None if misspelled_title(head).is_some() => {
            let (start, end) = misspelled_title(head).unwrap_or((0, 0));
            let base = support::header(doc).start;
            out.push(
                emit.at(
                    Severity::Warning,
                    Span::new(base + start, base + end),
                    "Quốc hiệu viết sai",
                    "the national title is misspelled",
                )
                .with_suggestion("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            );
        }
        None => out.push(emit.absent(
            Severity::Error,
            0,
            "Thiếu Quốc hiệu \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\"",
            "the national title is missing",
        )),
        Some(t) if !QUOC_HIEU.is_match(&t.value) => out.push(
            emit.at(
                Severity::Warning,
                t.span,
                "Quốc hiệu viết sai",
                "the national title is misspelled",
            )
            .with_suggestion("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ),
        _ => {}
    }
    match &doc.motto {
        None if motto_split => {}
        // Written with a missing dash or a wrong letter: misspelled, not missing.
        None if misspelled_motto(head).is_some() => {
            let (start, end) = misspelled_motto(head).unwrap_or((0, 0));
            let base = support::header(doc).start;
            out.push(
                emit.at(
                    Severity::Warning,
                    Span::new(base + start, base + end),
                    "Tiêu ngữ viết sai (chữ hoa, chính tả hoặc thiếu từ, dấu gạch nối)",
                    "the motto is misspelled or mis-punctuated",
                )
                .with_suggestion("Độc lập - Tự do - Hạnh phúc"),
            );
        }
        None => out.push(emit.absent(
            Severity::Error,
            0,
            "Thiếu Tiêu ngữ \"Độc lập - Tự do - Hạnh phúc\"",
            "the motto is missing",
        )),
        Some(m) if !TIEU_NGU.is_match(&m.value) => out.push(
            emit.at(
                Severity::Warning,
                m.span,
                "Tiêu ngữ viết sai (chữ hoa, chính tả hoặc thiếu từ)",
                "the motto is misspelled or mis-capitalised",
            )
            .with_suggestion("Độc lập - Tự do - Hạnh phúc"),
        ),
        _ => {}
    }
    out
}

static LOCALITY: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)\b(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\b")
});
static ABBR_BODY: Lazy<Regex> = Lazy::new(|| re(r"\b(?:UBND|HĐND|HDND)\b"));

/// TT-002: issuing body abbreviated or without its locality.
pub fn tt002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(issuer) = &doc.issuer else {
        return vec![];
    };
    if let Some(m) = ABBR_BODY.find(&issuer.name) {
        let full = if m.as_str() == "UBND" {
            "ỦY BAN NHÂN DÂN"
        } else {
            "HỘI ĐỒNG NHÂN DÂN"
        };
        return vec![emit
            .at(
                Severity::Warning,
                issuer.span,
                format!("Tên cơ quan ban hành viết tắt ({})", m.as_str()),
                format!("the issuing body is abbreviated ({})", m.as_str()),
            )
            .with_suggestion(issuer.name.replacen(m.as_str(), full, 1))];
    }
    let local = matches!(
        issuer.kind,
        IssuerKind::HoiDongNhanDan | IssuerKind::UyBanNhanDan
    );
    let has_locality = issuer
        .locality
        .as_deref()
        .is_some_and(|l| !l.trim().is_empty())
        || LOCALITY.is_match(&issuer.name);
    if local && !has_locality {
        return vec![emit.at(
            Severity::Warning,
            issuer.span,
            "Tên cơ quan ban hành thiếu tên đơn vị hành chính (tỉnh, huyện, xã …)",
            "the issuing body does not name its administrative unit",
        )];
    }
    vec![]
}

/// A header line that reads as `target` (upper-case ASCII letters) once its letters are folded
/// to ASCII and everything else dropped, within `slack` edits (`CHỦ NCHĨA`, `XẢ HỘI`, `VIỆT NAI`,
/// `Độc lập Tự do - Hạnh phúc`): its span within `head`.
fn near_line(head: &str, target: &str, slack: usize) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in head.split_inclusive('\n') {
        let folded: Vec<u8> = crate::normalize::fold_str(line)
            .to_uppercase()
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .collect();
        if folded.len().abs_diff(target.len()) <= slack
            && edit_distance(&folded, target.as_bytes()) <= slack
        {
            let t = line.trim_end();
            return Some((offset, offset + t.len()));
        }
        offset += line.len();
    }
    None
}

/// Levenshtein distance of two short byte strings.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn misspelled_title(head: &str) -> Option<(usize, usize)> {
    near_line(head, "CONGHOAXAHOICHUNGHIAVIETNAM", 3)
}

fn misspelled_motto(head: &str) -> Option<(usize, usize)> {
    near_line(head, "DOCLAPTUDOHANHPHUC", 2)
}

static OFFICIAL_LETTER: Lazy<Regex> =
    Lazy::new(|| re(r"(?m)^\s*(?:V/v\b|Kính\s+gửi\s*:)|\sKính\s+gửi\s*:"));

/// TT-003: no type line or no summary title.
pub fn tt003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if !recognised(doc) {
        return vec![];
    }
    // An official letter (công văn) has no type line by its form: `V/v …` and `Kính gửi:`.
    if OFFICIAL_LETTER.is_match(support::slice(doc, support::header(doc)))
        || OFFICIAL_LETTER.is_match(doc.text.get(..doc.text.len().min(1500)).unwrap_or(""))
    {
        return vec![];
    }
    let anchor = doc.place_date.as_ref().map(|p| p.span.end).unwrap_or(0);
    match (&doc.doc_type, &doc.title) {
        (None, _) => vec![emit.absent(
            support::absence_severity(doc),
            anchor,
            "Thiếu tên loại văn bản",
            "the document type line is missing",
        )],
        // Laws and codes carry their name on the type line ("LUẬT / ĐẤT ĐAI").
        (Some(t), None)
            if !matches!(
                t.value,
                crate::parse::DocType::Luat
                    | crate::parse::DocType::BoLuat
                    | crate::parse::DocType::HienPhap
                    | crate::parse::DocType::PhapLenh
            ) =>
        {
            // RULES.md: the title is missing when the next non-empty line is already `Căn cứ`
            // (or the articles); any other line there is a title the parser did not take.
            let next = doc.text[t.span.end.min(doc.text.len())..]
                .lines()
                .skip(1)
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            let starts_body = ["Căn cứ", "QUYẾT", "Chương "]
                .iter()
                .any(|p| next.starts_with(p))
                || next
                    .strip_prefix("Điều ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            if !next.is_empty() && !starts_body {
                return vec![];
            }
            // A type known only from the symbol means no type line was found at all: the
            // header is damaged rather than the title missing.
            let from_symbol = doc
                .number
                .as_ref()
                .is_some_and(|n| t.span.start < n.span.end && n.span.start < t.span.end);
            let severity = if from_symbol || support::header_lost(doc) {
                Severity::Warning
            } else {
                Severity::Error
            };
            vec![emit.at(
                severity,
                t.span,
                "Thiếu trích yếu nội dung sau tên loại văn bản",
                "the summary title after the type line is missing",
            )]
        }
        _ => vec![],
    }
}

static HARD_ABBR: Lazy<Regex> =
    Lazy::new(|| re(r"\bV/v\b|\bUBND\b|\bHĐND\b|\bQPPL\b|\bNSNN\b|\bTP\."));
static ABBR_TOKEN: Lazy<Regex> =
    Lazy::new(|| re(r"(?:^|[^\p{L}\p{N}/-])([A-ZĐ]{2,})(?:$|[^\p{L}\p{N}/-])"));

fn mostly_upper(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic());
    let (mut up, mut all) = (0usize, 0usize);
    for c in letters {
        all += 1;
        if c.is_uppercase() {
            up += 1;
        }
    }
    all > 0 && up * 10 >= all * 7
}

fn roman(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// A heading without the editorial notes that portal copies insert in square brackets
/// (`[Điều này được hướng dẫn bởi … Thông tư 60/2007/TT-BTC …]`): not the document's words.
fn without_annotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// TT-004: abbreviations in the summary title or headings.
pub fn tt004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let strict = doc
        .issue_date()
        .is_some_and(|d| d >= NaiveDate::from_ymd_opt(2025, 4, 1).unwrap_or(NaiveDate::MAX));
    let mut places: Vec<(&str, Span)> = Vec::new();
    if let Some(t) = &doc.title {
        places.push((t.value.as_str(), t.span));
    }
    let mut stack: Vec<&crate::parse::Unit> = doc.structure.iter().collect();
    let mut guard = 0;
    while let Some(u) = stack.pop() {
        guard += 1;
        if guard > 100_000 || u.quoted {
            continue;
        }
        if matches!(
            u.kind,
            crate::parse::UnitKind::Phan
                | crate::parse::UnitKind::Chuong
                | crate::parse::UnitKind::Muc
                | crate::parse::UnitKind::TieuMuc
                | crate::parse::UnitKind::Dieu
        ) {
            places.push((u.title.as_str(), u.heading_span));
            stack.extend(u.children.iter());
        }
    }
    let mut out = Vec::new();
    for (text, span) in places {
        let text = without_annotations(text);
        let text = text.as_str();
        if text.trim().is_empty() {
            continue;
        }
        // `UBND` in a cited number (`07/2018/QĐ-UBND`) is part of a symbol, not an abbreviation.
        let hard = HARD_ABBR
            .find_iter(text)
            .find(|m| !text[..m.start()].ends_with(['-', '/']))
            .map(|m| m.as_str().to_string());
        let soft = if mostly_upper(text) {
            None
        } else {
            ABBR_TOKEN
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .find(|m| {
                    let t = m.as_str();
                    !roman(t)
                        && !support::common_abbreviation(t)
                        && !support::in_code(text, m.start(), m.end())
                        && !support::defined_in_place(text, m.start(), m.end())
                })
                .map(|m| m.as_str().to_string())
        };
        let (token, severity) = match (hard, soft) {
            (Some(h), _) => (
                h,
                if strict {
                    Severity::Error
                } else {
                    Severity::Warning
                },
            ),
            (None, Some(s)) => (s, Severity::Warning),
            _ => continue,
        };
        out.push(emit.at(
            severity,
            span,
            format!("Tên văn bản hoặc tên phần, chương, mục, điều có từ viết tắt \"{token}\""),
            format!("abbreviation '{token}' in the document name or a heading"),
        ));
    }
    out
}

static ENACT_COLON: Lazy<Regex> =
    Lazy::new(|| re(r"(?m)^[ \t]*(?:QUYẾT NGHỊ|QUYẾT ĐỊNH)[ \t]*:[ \t]*$"));

/// TT-005: old-style enacting formula from 01/04/2025 (info).
pub fn tt005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    // The period (from 01/04/2025) is the data's: the rule is absent before. It still needs a
    // readable date, since an undated text cannot be placed in a period.
    if doc.issue_date().is_none() || !support::is_local(doc) || !support::has_normative_number(doc)
    {
        return vec![];
    }
    let Some(template) = emit.template() else {
        return vec![];
    };
    let (text, base) = match &doc.enacting_formula {
        Some(f) => (f.value.as_str(), None),
        None => match support::preamble(doc) {
            Some(p) => (support::slice(doc, p), Some(p.start)),
            None => return vec![],
        },
    };
    let Some(m) = ENACT_COLON.find(text) else {
        return vec![];
    };
    let span = match (base, &doc.enacting_formula) {
        (Some(b), _) => support::cap_span(m, b),
        (None, Some(f)) => f.span,
        _ => return vec![],
    };
    vec![emit.at(Severity::Info, span,
        format!("{template} dùng công thức \"<Cơ quan> ban hành <Loại văn bản> …\" thay cho dòng \"QUYẾT ĐỊNH:\"/\"QUYẾT NGHỊ:\""),
        format!("the form of the period ({template}) uses '<Body> ban hành <Type> …' instead of a standalone 'QUYẾT ĐỊNH:'/'QUYẾT NGHỊ:' line"))]
}

#[cfg(test)]
mod tests {
    use crate::check::testkit::run;

    fn tt004_tokens(articles: &str) -> Vec<String> {
        let doc = crate::parse::parse(&format!("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/2020/QĐ-UBND\nBình An, ngày 05 tháng 3 năm 2020\nQUYẾT ĐỊNH\nVề quản lý chợ\nQUYẾT ĐỊNH:\n{articles}"));
        let findings = run(&doc, "TT-004");
        let mut tokens: Vec<String> = findings
            .iter()
            .filter_map(|f| f.message.split('"').nth(1).map(str::to_string))
            .collect();
        tokens.sort();
        tokens
    }

    #[test]
    fn tt001_a_misspelled_title_is_not_a_missing_one() {
        let doc = crate::parse::parse("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHÍA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 03/2026/TT-BGDĐT\nHà Nội, ngày 30 tháng 1 năm 2026\nTHÔNG TƯ\nQuy định quy tắc ứng xử\nĐiều 1. Phạm vi\nNội dung.\n");
        let f = run(&doc, "TT-001");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "Quốc hiệu viết sai");
        assert!(f[0].excerpt.contains("NGHÍA"));
    }

    #[test]
    fn tt001_typos_in_title_and_motto_are_misspellings() {
        let doc = crate::parse::parse("THANH TRA CHÍNH PHỦ\nCỘNG HOÀ XÃ HỘI CHỦ NCHĨA VIỆT NAM\nĐộc lập Tự do - Hạnh phúc\nSố: 07/2025/TT-TTCP\nHà Nội, ngày 29 tháng 12 năm 2025\nTHÔNG TƯ\nQuy định thanh tra\nĐiều 1. Phạm vi\nNội dung.\n");
        let f = run(&doc, "TT-001");
        assert!(
            f.iter()
                .all(|f| f.severity == crate::check::Severity::Warning),
            "{f:?}"
        );
        assert!(f.iter().any(|f| f.message == "Quốc hiệu viết sai"), "{f:?}");
        assert_eq!(super::edit_distance(b"KITTEN", b"SITTING"), 3);
    }

    #[test]
    fn tt003_not_on_an_official_letter() {
        let letter = crate::parse::parse("BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\nSố: 3840/TCHQ-TXNK\nV/v: Hoàn thuế nhập khẩu\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 13 tháng 07 năm 2010\nKính gửi: Công ty TNHH Ford Việt Nam.\nTổng cục Hải quan có ý kiến như sau.\n");
        assert!(run(&letter, "TT-003").is_empty());
        // The same page without the marks of a letter lacks its type line.
        let no_type = crate::parse::parse("BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\nSố: 3840/TCHQ-TXNK\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 13 tháng 07 năm 2010\nTổng cục Hải quan có ý kiến như sau.\n");
        assert_eq!(run(&no_type, "TT-003").len(), 1);
    }

    #[test]
    fn tt004_reads_abbreviations_not_symbols_codes_or_notes() {
        let clean = "Điều 1. Sửa đổi Quyết định số 07/2018/QĐ-UBND\nĐiều 2. Dự án PPP và vốn ODA\nĐiều 3. Nhiệm vụ [Điều này được hướng dẫn bởi Thông tư 60/2007/TT-BTC (VB hết hiệu lực)]\nĐiều 4. Danh sách tàu cá (Danh sách tàu cá IUU)\n";
        assert_eq!(tt004_tokens(clean), Vec::<String>::new());
        assert_eq!(
            tt004_tokens(&format!(
                "{clean}Điều 5. Trách nhiệm của UBND cấp xã\nĐiều 6. Nhiệm vụ của BQL chợ\n"
            )),
            ["BQL", "UBND"]
        );
    }
}
