//! ND: language (ngôn ngữ), RULES.md §5.11.

use crate::check::support::{self, re};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::extract::Encoding;
use crate::parse::{Document, Span};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashSet;

static ABBR_TOKEN: Lazy<Regex> = Lazy::new(|| re(r"[A-ZĐ]{2,}"));
static RECIPIENTS_LINE: Lazy<Regex> = Lazy::new(|| re(r"(?m)^[ \t|]*Nơi nhận[ \t]*:"));
static DEFINED_ABBR: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\((?:sau\s+đây\s+(?:gọi|viết)\s+(?:tắt|chung)\s+là\s+)?(?:[“”\x22])?([A-ZĐ]{2,})(?:[“”\x22])?\)",
    )
});

fn roman(s: &str) -> bool {
    s.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

fn mostly_upper(line: &str) -> bool {
    let (mut up, mut all) = (0usize, 0usize);
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        all += 1;
        up += usize::from(c.is_uppercase());
    }
    all > 0 && up * 10 >= all * 7
}

/// At most this many ND-001 findings per document: one per token, the first few tokens.
const MAX_FINDINGS: usize = 10;

/// A capitals-only word of a Vietnamese phrase in capitals: three capitals words in a row
/// (`THANH TRA CHÍNH PHỦ`), or two with tone marks somewhere (`THI HÀNH`, `VIỆT NAM`);
/// abbreviations have none and rarely come three in a row.
fn in_caps_phrase(zone: &str, start: usize, end: usize) -> bool {
    let before = zone[..start].split(' ').rev().skip(1);
    let after = zone[end..].split(' ').skip(1);
    let mut run: Vec<&str> = vec![&zone[start..end]];
    run.extend(
        before
            .take(4)
            .map_while(|w| (!w.contains('\n')).then_some(w))
            .map_while(caps_word),
    );
    run.extend(
        after
            .take(4)
            .map_while(|w| (!w.contains('\n')).then_some(w))
            .map_while(caps_word),
    );
    run.len() >= 3
        || (run.len() == 2
            && run
                .iter()
                .any(|w| w.chars().any(|c| !c.is_ascii() && c != 'Đ')))
}

/// Inside square brackets on its line: a portal's editorial note (`[… (VB hết hiệu lực: …)]`),
/// not the document's words.
fn in_note(zone: &str, start: usize) -> bool {
    let line = &zone[zone[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    line.rfind('[')
        .is_some_and(|o| line.rfind(']').is_none_or(|c| c < o))
}

/// Lines that are not running prose, where a bare capitals token is a label: a table row
/// (`| STT | Tên chất | Mã CAS |`), the filing line of a recipients block (`- Lưu: VT, …`), a
/// recipients entry in a table cell (`|- Văn phòng TW …`), or a list label at the start of a line
/// (`IA. Các chất gây nghiện …`, `TL)`).
fn not_prose(line: &str, at: usize, len: usize) -> bool {
    let trimmed = line.trim_start();
    if line.contains('|') || trimmed.starts_with("- Lưu") || trimmed.starts_with("Lưu:") {
        return true;
    }
    // A formula (`T'TH = TTH + TTH x MƯĐ`), or a table header row flattened onto one line
    // (`STT Tên dự án Cơ quan trình … Tiến độ trình UBTVQH`).
    if line.contains(" = ") || line.split_whitespace().any(|w| w == "STT") {
        return true;
    }
    // A literal quoted from another text (`cụm từ “Cơ quan TTGSNH”`, `chữ “THADS”`).
    let before = &line[..at];
    let open = before.rfind(['“', '"']);
    let close = before.rfind('”');
    if open.is_some_and(|o| close.is_none_or(|c| c < o)) && line[at + len..].contains(['”', '"'])
    {
        return true;
    }
    line[..at].trim().is_empty() && line[at + len..].starts_with(['.', ')'])
}

/// Defined where it stands, in the forms support::defined_in_place does not read: a
/// parenthesis that opens with it and spells it out (`(LGSP - Local Government Service
/// Platform)`), `viết tắt là VEPF`, a legend with a space before its colon (`IMR : Tỷ suất …`).
fn defined_here(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let after = &text[end..];
    (before.ends_with('(')
        && (after.starts_with(" - ") || after.starts_with(" – ") || after.starts_with(": ")))
        || before.ends_with("viết tắt là")
        || before.ends_with("viết tắt:")
        || ((before.is_empty() || before.ends_with('\n'))
            && after.trim_start_matches(' ').starts_with(':'))
}

fn caps_word(w: &str) -> Option<&str> {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    (w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())).then_some(w)
}

/// ND-001: abbreviation used before being spelled out (warning). Reads the document's own
/// provisions only: not annexed forms and tables, quoted amending text, or the authentication
/// block of a consolidated text.
pub fn nd001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut zones = vec![support::body(doc)];
    zones.extend(
        doc.zones
            .attachments
            .iter()
            .copied()
            .filter(|z| z.end > z.start),
    );
    zones.extend(
        doc.attachments
            .iter()
            .map(|a| a.span)
            .filter(|z| z.end > z.start && !doc.zones.attachments.contains(z)),
    );
    let mut defined: Vec<(String, usize)> = DEFINED_ABBR
        .captures_iter(&doc.text)
        .filter_map(|c| Some((c.get(1)?.as_str().to_string(), c.get(0)?.start())))
        .collect();
    // Legends and in-place definitions count wherever they stand (a legend follows its formula).
    for m in ABBR_TOKEN.find_iter(&doc.text) {
        if support::defined_in_place(&doc.text, m.start(), m.end())
            || defined_here(&doc.text, m.start(), m.end())
        {
            defined.push((m.as_str().to_string(), 0));
        }
    }
    let mut reported: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for body in zones {
        let zone = support::slice(doc, body);
        // A recipients block the parser did not set apart: its entries abbreviate by custom.
        let recipients_from = RECIPIENTS_LINE.find(zone).map_or(zone.len(), |m| m.start());
        for m in ABBR_TOKEN.find_iter(zone) {
            let token = m.as_str();
            if m.start() > recipients_from {
                let line_start = zone[..m.start()].rfind('\n').map_or(0, |i| i + 1);
                if zone[line_start..].trim_start().starts_with(['-', '+', '•']) {
                    continue;
                }
            }
            // Whole tokens only: not inside a word, a number or a symbol (`QĐ-UBND`, `15/2020`).
            let before = zone[..m.start()].chars().next_back();
            let after = zone[m.end()..].chars().next();
            let joined =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '-');
            if joined(before) || joined(after) {
                continue;
            }
            let pos = body.start + m.start();
            if roman(token) || reported.contains(token) || support::common_abbreviation(token) {
                continue;
            }
            if support::outside_provisions(doc, pos)
                || in_caps_phrase(zone, m.start(), m.end())
                || support::in_code(zone, m.start(), m.end())
                || in_note(zone, m.start())
            {
                continue;
            }
            let line_start = zone[..m.start()].rfind('\n').map_or(0, |i| i + 1);
            let line_end = zone[m.end()..]
                .find('\n')
                .map_or(zone.len(), |i| m.end() + i);
            let line = &zone[line_start..line_end];
            if mostly_upper(line) || not_prose(line, m.start() - line_start, token.len()) {
                continue;
            }
            {
                if defined
                    .iter()
                    .any(|(t, at)| t == token && *at <= pos + token.len() + 40)
                {
                    reported.insert(token.to_string());
                    continue;
                }
                reported.insert(token.to_string());
                out.push(emit.at(Severity::Warning, Span::new(pos, pos + token.len()),
                format!("Từ viết tắt \"{token}\" được dùng mà không giải thích ở lần xuất hiện đầu tiên"),
                format!("abbreviation '{token}' used without being spelled out at first use")));
                if out.len() >= MAX_FINDINGS {
                    return out;
                }
            }
        }
    }
    out
}

/// ND-002: non-standard character encoding of the source (info).
pub fn nd002(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let legacy = match ctx.source.encoding {
        Encoding::Unicode | Encoding::Utf16 => None,
        Encoding::Tcvn3 => Some("TCVN3 (ABC)"),
        Encoding::Vni => Some("VNI"),
        Encoding::Cp1258 => Some("Windows-1258"),
        Encoding::Cp1252Misdecoded => Some("Windows-1258 đọc nhầm thành Windows-1252"),
    };
    if let Some(enc) = legacy {
        return vec![emit.absent(
            Severity::Info,
            0,
            format!("Văn bản nguồn dùng bảng mã {enc}, không phải Unicode theo TCVN 6909:2001"),
            format!("the source uses the {enc} encoding, not Unicode (TCVN 6909:2001)"),
        )];
    }
    // Byte scan: combining marks U+0300–U+036F are CC 80–CD AF in UTF-8; Ð/ð are C3 90/C3 B0.
    let bytes = doc.text.as_bytes();
    let odd = bytes.windows(2).position(|w| {
        matches!(
            (w[0], w[1]),
            (0xCC, _) | (0xCD, 0x80..=0xAF) | (0xC3, 0x90 | 0xB0)
        )
    });
    let odd = odd.and_then(|i| doc.text.get(i..)?.chars().next().map(|c| (i, c)));
    match odd {
        Some((i, c)) => vec![emit.at(
            Severity::Info,
            Span::new(i, i + c.len_utf8()),
            "Văn bản có dấu tổ hợp (NFD) hoặc ký tự Ð thay cho Đ: mã hóa không chuẩn",
            "the text has combining diacritics (NFD) or Ð for Đ: non-standard encoding",
        )],
        None => vec![],
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testkit::{run, DocBuilder};

    fn tokens(body: &str) -> Vec<String> {
        let doc = DocBuilder::new(body).build();
        run(&doc, "ND-001")
            .iter()
            .flat_map(|f| {
                std::iter::once(f.message.clone())
                    .chain(f.also_at.iter().filter_map(|l| l.message.clone()))
            })
            .filter_map(|m| m.split('"').nth(1).map(str::to_string))
            .collect()
    }

    #[test]
    fn undefined_abbreviation_is_reported() {
        assert_eq!(
            tokens("Điều 1. Trách nhiệm\nUBND cấp xã có trách nhiệm phối hợp.\n"),
            ["UBND"]
        );
        assert!(tokens(
            "Điều 1. Trách nhiệm\nỦy ban nhân dân (UBND) cấp xã phối hợp; UBND báo cáo.\n"
        )
        .is_empty());
    }

    #[test]
    fn words_that_are_not_abbreviations_are_not_reported() {
        let body = "Điều 1. Nội dung\n\
            Dòng chữ “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” in hoa; Mục 4. THI HÀNH QUYẾT ĐỊNH.\n\
            Rút tiền tại ATM, thanh toán bằng VND hoặc USD; tệp PDF.\n\
            Theo Thông tư số 16/2025/TT- BXD và QCVN 96:2025/BNNMT, tiêu chuẩn EN 81-21:2018.\n\
            Hiệp định tạo thuận lợi vận tải (Hiệp định GMS), sau đó Hiệp định GMS áp dụng.\n\
            Mục 2. THANH TRA HÀNH CHÍNH; khoản 3 [Khoản này bị bãi bỏ (VB hết hiệu lực)].\n\
            Giá trị quy đổi = TS x TL, trong đó:\n\
            TS: Giá trị quy đổi của tài sản;\n\
            TL là tỷ lệ quy đổi.\n\
            | STT | Tên chất | Mã CAS | Mã BHXH |\n\
            IA. Các chất gây nghiện và muối của chúng;\n\
            - Lưu: VT, NC.\n\
            Sản phẩm có mã HS 9405.11.99 và của công ty TNHH An Bình.\n\
            Thay thế cụm từ “Cơ quan TTGSNH” bằng cụm từ “Thanh tra Ngân hàng”.\n\
            Nền tảng chia sẻ (LGSP - Local Government Service Platform) và LGSP cấp tỉnh.\n\
            Quỹ có tên viết tắt là VEPF; VEPF hoạt động theo điều lệ.\n\
            T'TH = TTH + TTH x MƯĐ\n\
            IMR : Tỷ suất chết của trẻ em dưới 1 tuổi; IMR giảm.\n\
            Nơi nhận:\n\
            - Văn phòng TW và các Ban của Đảng;\n\
            - Lãnh đạo TCHQ;\n";
        assert_eq!(tokens(body), Vec::<String>::new());
        // A defective use beside them is still reported.
        assert_eq!(
            tokens(&format!("{body}Báo cáo gửi BQL trước ngày 15.\n")),
            ["BQL"]
        );
    }
}
