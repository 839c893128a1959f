//! The header: issuer, national title and motto, number and symbol, place and date, type name
//! and summary title. Works on line-preserving text and on headers whose two columns were
//! flattened onto one line (substrings are searched, not anchored: RULES.md §6.4).

use once_cell::sync::Lazy;
use regex::Regex;

use super::model::*;
use super::text::{lines, make_date, pattern, Line};
use crate::normalize::number_key;

/// How far into the document the header is searched (bytes). Real headers end well before.
const HEADER_WINDOW: usize = 6000;

static QUOC_HIEU: Lazy<Regex> = Lazy::new(|| {
    pattern(r"(?i)CỘNG[ \t]+H(?:ÒA|OÀ)[ \t]+XÃ[ \t]+HỘI[ \t]+CHỦ[ \t]+NGHĨA[ \t]+VIỆT[ \t]+NAM")
});

static TIEU_NGU: Lazy<Regex> = Lazy::new(|| {
    pattern(r"(?i)Độc[ \t]+lập[ \t]*[-–—][ \t]*Tự[ \t]+do[ \t]*[-–—][ \t]*Hạnh[ \t]+phúc")
});

static SO_LAW: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?P<kind>Bộ luật|Luật|Pháp lệnh|Nghị quyết|Lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH|NGHỊ QUYẾT)\s+(?:số|Số|SỐ)\s*:?\s*(?P<num>\d{1,4})\s*/\s*(?P<year>\d{4})\s*/\s*(?P<issuer>UBTVQH|QH)(?P<khoa>\d{1,2})",
    )
});

static SO_QPPL: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?:^|[^\p{L}])(?:Số|SỐ|số)\s*:?\s*(?P<num>\d{1,5})\s*/\s*(?P<year>\d{4})\s*/\s*(?P<type>[A-ZĐ]{1,6})\s*[-–]\s*(?P<issuer>[A-ZĐ][A-Za-zĐđ0-9]*(?:[ \t]*[-–]\s*[A-ZĐ][A-Za-zĐđ0-9]*)*)",
    )
});

/// The number of a consolidated text (`Số: 462/VBHN-BLĐTBXH`), written in its closing
/// attestation rather than in the header.
static SO_VBHN: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?:^|[^\p{L}])(?:Số|SỐ)\s*:\s*(?P<num>\d{1,6})\s*/\s*(?P<type>VBHN)\s*-\s*(?P<issuer>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)",
    )
});

static SO_ADMIN: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?:^|[^\p{L}])(?:Số|SỐ|số)\s*:?\s*(?P<num>\d{1,6})\s*/\s*(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})\s*[-–]\s*(?P<issuer>[A-ZĐ][A-Za-zĐđ0-9]*(?:[-–][A-ZĐ][A-Za-zĐđ0-9]*)*)",
    )
});

/// Law numbers and other forms with the year but no type element (`80/2015/QH13` after `Số:`).
static SO_YEAR_ISSUER: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?:^|[^\p{L}])(?:Số|SỐ|số)\s*:?\s*(?P<num>\d{1,5})\s*/\s*(?P<year>\d{4})\s*/\s*(?P<issuer>[A-ZĐ][A-Za-zĐđ0-9]*)",
    )
});

/// Old forms (`Số: 52-L/CTN`, `Số: 05-TT/LB`).
static SO_OLD: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?:^|[^\p{L}])(?:Số|SỐ)\s*:?\s*(?P<num>\d{1,5})\s*-\s*(?P<type>[A-ZĐ]{1,6})\s*/\s*(?P<issuer>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)",
    )
});

static DATE_WORDS: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r",?[ \t]*[Nn]gày[ \t]*(?P<d>\d{1,2})[ \t]+tháng[ \t]*(?P<m>\d{1,2})[ \t]+năm[ \t]*(?P<y>\d{4})",
    )
});

static DATE_NUMERIC: Lazy<Regex> = Lazy::new(|| {
    pattern(r",[ \t]*(?:ngày[ \t]*)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b")
});

/// A date line left for the signing day: `ngày …… tháng …… năm 2025`, or the day alone blank
/// (`ngày      tháng 10 năm 2025`, whose spaces a PDF text layer keeps as one).
static UNFILLED_DATE: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r",[ \t]*ngày[ \t]*(?:[.…_ \t]*)[ \t]*tháng[ \t.…_]*(?:(?P<m>\d{1,2})[ \t.…_]*)?năm[ \t]*(?P<y>\d{4})?",
    )
});

/// Type names in capitals as the type line writes them (`QUYẾT ĐỊNH`), from the model's labels,
/// longest first so that `NGHỊ QUYẾT LIÊN TỊCH` wins over `NGHỊ QUYẾT`.
static TYPE_NAMES: Lazy<Vec<(String, DocType)>> = Lazy::new(|| {
    let mut names: Vec<(String, DocType)> = DocType::ALL
        .into_iter()
        .filter(|t| *t != DocType::Other)
        .map(|t| (t.label_vi().to_uppercase(), t))
        .collect();
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    names
});

/// Document type from a type name in any case (`Nghị định`, `NGHỊ ĐỊNH`).
pub fn doc_type_from_name(name: &str) -> Option<DocType> {
    let up = name.trim().to_uppercase();
    TYPE_NAMES.iter().find(|(n, _)| up == *n).map(|(_, t)| *t)
}

/// The type name in capitals (`QUYẾT ĐỊNH`) of a type, when it has one.
pub fn type_name_of(t: DocType) -> Option<&'static str> {
    TYPE_NAMES
        .iter()
        .find(|(_, d)| *d == t)
        .map(|(n, _)| n.as_str())
}

/// Document type from the type element of a symbol (`NĐ`, `QĐ`, `TTLT`...).
pub fn doc_type_from_abbr(abbr: &str) -> Option<DocType> {
    DocType::from_symbol(abbr)
}

/// Provincial-level cities: `THÀNH PHỐ X` is a province when X is one of these.
const PROVINCIAL_CITIES: &[&str] = &[
    "HÀ NỘI",
    "HỒ CHÍ MINH",
    "HẢI PHÒNG",
    "ĐÀ NẴNG",
    "CẦN THƠ",
    "HUẾ",
];

/// Everything the header yields.
#[derive(Debug, Default)]
pub struct Header {
    pub issuer: Option<Issuer>,
    pub parent_issuer: Option<String>,
    pub national_title: Option<Spanned<String>>,
    pub motto: Option<Spanned<String>>,
    pub number: Option<DocNumber>,
    pub place_date: Option<PlaceDate>,
    pub doc_type: Option<Spanned<DocType>>,
    pub type_name: Option<String>,
    pub title: Option<Spanned<String>>,
    /// End of the header zone (end of the summary title, or of the type line, or of the date).
    pub end: usize,
}

/// Parse the header of `text` (the whole document; only its start is read).
pub fn parse_header(text: &str) -> Header {
    let mut window_end = HEADER_WINDOW.min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    // The header never runs past the first legal basis or the first article.
    if let Some(p) = first_preamble_line(&text[..window_end]) {
        window_end = p;
    }
    let head = &text[..window_end];
    let mut h = Header {
        national_title: find_spanned(&QUOC_HIEU, head),
        motto: find_spanned(&TIEU_NGU, head),
        number: find_number(head),
        place_date: find_place_date(head),
        ..Header::default()
    };
    let after = [
        h.number.as_ref().map(|n| n.span.end),
        h.place_date.as_ref().map(|p| p.span.end),
        h.motto.as_ref().map(|m| m.span.end),
        h.national_title.as_ref().map(|m| m.span.end),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    find_type_and_title(text, head, after, &mut h);
    if let Some(n) = &h.number {
        if n.type_abbr.eq_ignore_ascii_case("VBHN") {
            if let Some(dt) = &mut h.doc_type {
                dt.value = DocType::VanBanHopNhat;
            }
        }
    }
    if h.doc_type.is_none() {
        // No type line: fall back on the symbol (`QĐ` → Quyết định), spanning the number.
        if let Some(n) = &h.number {
            let t = if n.type_abbr.is_empty() && n.issuer_abbr.starts_with("QH") {
                None
            } else {
                doc_type_from_abbr(&n.type_abbr)
            };
            if let Some(t) = t {
                h.doc_type = Some(Spanned {
                    value: t,
                    span: n.span,
                });
            }
        }
    }
    let issuer_limit = [
        h.number.as_ref().map(|n| n.span.start),
        h.doc_type.as_ref().map(|t| t.span.start),
        h.place_date.as_ref().map(|p| p.span.start),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(head.len().min(600));
    let (issuer, parent) = find_issuer(text, issuer_limit, &h);
    h.issuer = issuer;
    h.parent_issuer = parent;
    h.end = [
        h.title.as_ref().map(|t| t.span.end),
        h.doc_type.as_ref().map(|t| t.span.end),
        Some(after),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    h
}

fn find_spanned(re: &Regex, hay: &str) -> Option<Spanned<String>> {
    re.find(hay).map(|m| Spanned {
        value: m.as_str().to_string(),
        span: Span::new(m.start(), m.end()),
    })
}

/// Offset of the first line that opens the preamble or the body (`Căn cứ`, `Điều 1`).
fn first_preamble_line(head: &str) -> Option<usize> {
    let mut start = 0;
    for l in head.split('\n') {
        let t = l.trim_start();
        if t.starts_with("Căn cứ") || t.starts_with("Điều 1.") || t.starts_with("Điều 1:")
        {
            return Some(start);
        }
        start += l.len() + 1;
    }
    None
}

fn find_number(head: &str) -> Option<DocNumber> {
    // Every form is tried and the earliest wins: a title below the number line may cite
    // another document (`… Nghị quyết số 197/2025/QH15 …`).
    let law = SO_LAW.captures(head).and_then(|c| {
        let all = c.get(0)?;
        let num = c.name("num")?;
        let raw_start = num.start();
        let raw = head[raw_start..all.end()].to_string();
        let issuer = format!("{}{}", &c["issuer"], &c["khoa"]);
        Some(DocNumber {
            key: number_key(&raw),
            raw,
            serial: num.as_str().to_string(),
            year: c["year"].parse().ok(),
            type_abbr: String::new(),
            issuer_abbr: issuer,
            ocr_suspect: false,
            span: Span::new(raw_start, all.end()),
        })
    });
    let from_caps = |c: regex::Captures, year: bool| -> Option<DocNumber> {
        let all = c.get(0)?;
        let num = c.name("num")?;
        let raw = head[num.start()..all.end()].to_string();
        let type_abbr = c.name("type").map(|m| m.as_str()).unwrap_or("").to_string();
        let issuer_abbr: String = c["issuer"]
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .map(|ch| if ch == '–' { '-' } else { ch })
            .collect();
        let ocr_suspect = is_ocr_variant(&type_abbr, &issuer_abbr);
        Some(DocNumber {
            key: number_key(&raw),
            raw,
            serial: num.as_str().to_string(),
            year: if year {
                c.name("year").and_then(|y| y.as_str().parse().ok())
            } else {
                None
            },
            type_abbr,
            issuer_abbr,
            ocr_suspect,
            span: Span::new(num.start(), all.end()),
        })
    };
    // Ordered by preference at the same position.
    let candidates = [
        law,
        SO_QPPL.captures(head).and_then(|c| from_caps(c, true)),
        SO_YEAR_ISSUER
            .captures(head)
            .and_then(|c| from_caps(c, true)),
        SO_ADMIN.captures(head).and_then(|c| from_caps(c, false)),
        SO_OLD.captures(head).and_then(|c| from_caps(c, false)),
    ];
    let mut best: Option<DocNumber> = None;
    for n in candidates.into_iter().flatten() {
        if cites_another(head, n.span.start) || in_a_sentence(head, n.span.end) {
            continue;
        }
        if best.as_ref().is_none_or(|b| n.span.start < b.span.start) {
            best = Some(n);
        }
    }
    best
}

/// A consolidated text (văn bản hợp nhất): its `VBHN` number and the attestation date line
/// that follows it, searched in the whole text.
pub fn find_vbhn(text: &str) -> Option<(DocNumber, Option<PlaceDate>)> {
    let c = SO_VBHN.captures(text)?;
    let all = c.get(0)?;
    let num = c.name("num")?;
    let raw = text[num.start()..all.end()].to_string();
    let number = DocNumber {
        key: number_key(&raw),
        raw,
        serial: num.as_str().to_string(),
        year: None,
        type_abbr: "VBHN".to_string(),
        issuer_abbr: c["issuer"].to_string(),
        ocr_suspect: false,
        span: Span::new(num.start(), all.end()),
    };
    let mut after_end = (all.end() + 400).min(text.len());
    while !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let date = find_place_date(&text[all.end()..after_end]).map(|mut p| {
        p.span = Span::new(p.span.start + all.end(), p.span.end + all.end());
        p
    });
    Some((number, date))
}

/// `… của Thông tư số 39/2016/TT-NHNN`: a number named after a type inside a sentence (a title
/// amending another document), not the document's own number line (`Số: …`, `Nghị quyết số:
/// …` opening its line).
fn cites_another(head: &str, num_start: usize) -> bool {
    const TYPES: &[&str] = &[
        "Thông tư",
        "Nghị định",
        "Quyết định",
        "Nghị quyết",
        "Chỉ thị",
        "Luật",
        "Pháp lệnh",
        "THÔNG TƯ",
        "NGHỊ ĐỊNH",
        "QUYẾT ĐỊNH",
        "NGHỊ QUYẾT",
        "CHỈ THỊ",
        "LUẬT",
        "PHÁP LỆNH",
        "liên tịch",
        "LIÊN TỊCH",
    ];
    let before = head[..num_start].trim_end();
    let Some(rest) = before
        .strip_suffix("số")
        .or_else(|| before.strip_suffix("SỐ"))
    else {
        return false;
    };
    let rest = rest.trim_end();
    let Some(ty) = TYPES.iter().find(|t| rest.ends_with(*t)) else {
        return false;
    };
    let line_start = rest.rfind('\n').map(|p| p + 1).unwrap_or(0);
    // Text before the type name on its line: the type is inside a sentence.
    !rest[line_start..rest.len() - ty.len()].trim().is_empty()
}

/// `Thông tư số 34/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ trưởng …`: a number the
/// rest of its line dates and attributes is a cited document (a consolidated text lists what
/// it consolidates under its type line), not the document's own number line.
fn in_a_sentence(head: &str, num_end: usize) -> bool {
    let rest = &head[num_end..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    // Past what is left of the symbol when a shorter form matched (`34/2016/TT` + `-BLĐTBXH`).
    let after = line.trim_start_matches(|c: char| c.is_alphanumeric() || matches!(c, '-' | '/'));
    after.trim_start().starts_with("ngày ") && after.contains(" của ")
}

/// `ND`, `QD`, `HDND`... where the official symbol has `Đ`: OCR or keyboard variants.
fn is_ocr_variant(type_abbr: &str, issuer: &str) -> bool {
    const WITH_D: &[&str] = &["ND", "QD", "HDND", "HDTP", "BLDTBXH", "BGDDT", "BKHDT"];
    let bad = |s: &str| WITH_D.contains(&s);
    bad(type_abbr) || issuer.split('-').any(bad)
}

fn find_place_date(head: &str) -> Option<PlaceDate> {
    // A date followed by `của` belongs to a document named in the title (`… Thông tư số
    // 39/2016/TT-NHNN ngày 30 tháng 12 năm 2016 của Thống đốc …`), not to this one.
    // And a date line starts with the date or with its place (`Hà Nội, ngày …`), not in the
    // middle of a sentence (`Thông tư số 43/2015/TT-BGTVT ngày 20 tháng 8 năm 2015 …`).
    let words = DATE_WORDS.captures_iter(head).find(|c| {
        c.get(0).is_some_and(|m| {
            let line_start = head[..m.start()].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let prefix = &head[line_start..m.start()];
            let opens_line = prefix.trim().is_empty()
                || m.as_str().starts_with(',')
                || prefix.trim_end().ends_with(',')
                || place_before(prefix).is_some();
            opens_line && !head[m.end()..].trim_start_matches(' ').starts_with("của")
        })
    });
    let numeric = DATE_NUMERIC.captures(head);
    let unfilled = UNFILLED_DATE.captures(head);
    let start_of = |c: &Option<regex::Captures>| {
        c.as_ref()
            .and_then(|c| c.get(0))
            .map(|m| m.start())
            .unwrap_or(usize::MAX)
    };
    let (ws, ns, us) = (start_of(&words), start_of(&numeric), start_of(&unfilled));
    let (caps, is_numeric) = if ws <= ns && ws <= us {
        (words?, false)
    } else if ns <= us {
        (numeric?, true)
    } else {
        (unfilled?, false)
    };
    let all = caps.get(0)?;
    let line_start = head[..all.start()].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let place = place_before(&head[line_start..all.start()]);
    let place_start = place
        .as_ref()
        .map(|(_, off)| line_start + off)
        .unwrap_or(all.start());
    let get = |n: &str| {
        caps.name(n)
            .map(|m| m.as_str().to_string())
            .unwrap_or_default()
    };
    let (d, m, y) = (get("d"), get("m"), get("y"));
    Some(PlaceDate {
        place: place.map(|(p, _)| p),
        date: make_date(&d, &m, &y),
        day_raw: d,
        month_raw: m,
        year_raw: y,
        numeric: is_numeric,
        span: Span::new(place_start, all.end()),
    })
}

/// The place name at the end of `before` (the text on the date line before `, ngày`): the
/// trailing run of capitalized words, with `Thành phố`/`TP.` kept. Returns it with its offset.
fn place_before(before: &str) -> Option<(String, usize)> {
    let trimmed = before.trim_end().trim_end_matches(',').trim_end();
    let words: Vec<(usize, &str)> = trimmed
        .split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut first = words.len();
    for (k, (_, w)) in words.iter().enumerate().rev() {
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
        let connector = matches!(*w, "phố" | "-" | "xã" | "trấn");
        if !(cap || connector) || words.len() - k > 7 {
            break;
        }
        // Stop at header furniture merged on the same line (`Hạnh phúc`, dashes, numbers).
        if w.chars().any(|c| c.is_ascii_digit()) || w.ends_with(':') {
            break;
        }
        first = k;
    }
    // Drop a motto tail merged on the line (`Hạnh phúc Hà Nội` → `Hà Nội`).
    if let Some(p) = words[first..].iter().position(|(_, w)| *w == "phúc") {
        first += p + 1;
    }
    let (off, _) = *words.get(first)?;
    let place = trimmed[off..].trim().to_string();
    if place.is_empty() || place.chars().all(|c| !c.is_alphabetic()) {
        return None;
    }
    Some((place, off))
}

/// Find the type-name line (after `after`) and the summary title below it.
fn find_type_and_title(text: &str, head: &str, after: usize, h: &mut Header) {
    let ls = lines(head);
    for (k, line) in ls.iter().enumerate() {
        if line.end() <= after && !(after >= line.start && after <= line.end()) {
            continue;
        }
        let seg_start = after.max(line.start);
        let Some(seg) = head.get(seg_start..line.end()) else {
            continue;
        };
        let Some((name, dt, off)) = find_type_name(seg) else {
            continue;
        };
        let abs = seg_start + off;
        h.type_name = Some(name.to_string());
        h.doc_type = Some(Spanned {
            value: dt,
            span: Span::new(abs, abs + name.len()),
        });
        // Title: rest of the line, then following lines until the preamble.
        let rest_start = abs + name.len();
        let rest = text[rest_start..line.end()].trim();
        let mut title_start = None;
        let mut title_end = rest_start;
        let mut parts: Vec<&str> = Vec::new();
        if !rest.is_empty() && !is_decoration(rest) {
            let off = text[rest_start..line.end()].find(rest).unwrap_or(0);
            title_start = Some(rest_start + off);
            title_end = rest_start + off + rest.len();
            parts.push(rest);
        }
        for next in ls.iter().skip(k + 1).take(8) {
            let (t, tstart) = next.trimmed();
            if t.is_empty() {
                if parts.is_empty() {
                    continue;
                }
                break;
            }
            if is_decoration(t) {
                if parts.is_empty() {
                    continue;
                }
                break;
            }
            if ends_title(t, !parts.is_empty()) {
                break;
            }
            title_start.get_or_insert(tstart);
            title_end = tstart + t.len();
            parts.push(t);
        }
        if let Some(s) = title_start {
            h.title = Some(Spanned {
                value: parts.join(" "),
                span: Span::new(s, title_end),
            });
        }
        return;
    }
}

/// A type name written in capitals as a whole word sequence in `seg`, with its offset.
fn find_type_name(seg: &str) -> Option<(&'static str, DocType, usize)> {
    let mut best: Option<(&'static str, DocType, usize)> = None;
    for (name, dt) in TYPE_NAMES.iter() {
        let name = name.as_str();
        let mut from = 0;
        while let Some(p) = seg[from..].find(name) {
            let pos = from + p;
            from = pos + name.len();
            let before_ok = seg[..pos]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = seg[pos + name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !before_ok || !after_ok {
                continue;
            }
            // `CHỦ TỊCH NƯỚC`-style merged lines aside, reject type words inside a longer caps
            // phrase that is clearly not a type line: `DỰ THẢO` handled by the caller.
            if best.is_none_or(|(_, _, b)| pos < b) {
                best = Some((name, *dt, pos));
            }
            break;
        }
    }
    best
}

fn is_decoration(t: &str) -> bool {
    t.chars()
        .all(|c| matches!(c, '-' | '_' | '–' | '—' | '=' | '*' | '.' | ' ' | '…'))
}

/// Lines that end the summary title: the preamble, the enacting authority of HĐND/laws, an
/// article heading.
fn ends_title(t: &str, have_title: bool) -> bool {
    const OPENERS: &[&str] = &[
        "Căn cứ",
        "Xét ",
        "Theo đề nghị",
        "Thực hiện",
        "Điều ",
        "Chương ",
        "CHƯƠNG ",
        "QUYẾT ĐỊNH:",
        "QUYẾT NGHỊ:",
        "Phần ",
        "PHẦN ",
        "Nơi nhận",
        "Trong ",
        "Để ",
        "Ngày ",
    ];
    if OPENERS.iter().any(|o| t.starts_with(o)) {
        return true;
    }
    if have_title {
        const AUTHORITIES: &[&str] = &[
            "HỘI ĐỒNG NHÂN DÂN",
            "ỦY BAN NHÂN DÂN",
            "QUỐC HỘI",
            "CHỦ TỊCH",
            "BỘ TRƯỞNG",
            "THỦ TƯỚNG",
            "ỦY BAN THƯỜNG VỤ",
            "KHÓA ",
            "HỘI ĐỒNG THẨM PHÁN",
            "CHÁNH ÁN",
            "VIỆN TRƯỞNG",
            "THỐNG ĐỐC",
            "TỔNG KIỂM TOÁN",
            "GIÁM ĐỐC",
        ];
        if AUTHORITIES.iter().any(|a| t.starts_with(a)) {
            return true;
        }
        // A sentence (ends with `.` after a lowercase word) is body text, not the title.
        if t.len() > 400 {
            return true;
        }
    }
    false
}

/// Issuer from the lines above `limit`, minus the national title and motto.
fn find_issuer(text: &str, limit: usize, h: &Header) -> (Option<Issuer>, Option<String>) {
    let limit = limit.min(text.len());
    let Some(region) = text.get(..limit) else {
        return (None, None);
    };
    let cut_spans: Vec<Span> = [
        h.national_title.as_ref().map(|s| s.span),
        h.motto.as_ref().map(|s| s.span),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Collect uppercase fragments (line parts outside the title/motto) with their spans.
    let mut frags: Vec<(String, Span)> = Vec::new();
    for line in lines(region) {
        for (piece, start) in split_out(&line, &cut_spans) {
            let t = piece.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '_' | '–' | '—' | '=' | '*')
            });
            if t.is_empty() || !is_caps_name(t) {
                continue;
            }
            let off = piece.find(t).unwrap_or(0);
            frags.push((t.to_string(), Span::new(start + off, start + off + t.len())));
        }
    }
    let all = frags
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let frags = issuer_fragments(frags);
    issuer_from_fragments(frags, all)
}

/// The issuer of a consolidated text's attestation block (`BỘ X` / `XÁC THỰC VĂN BẢN HỢP NHẤT`
/// above `Số: N/VBHN-X`), for gazette pages whose header shows no issuer: the lines in
/// capitals right above the line at `at`.
pub fn issuer_above(text: &str, at: usize) -> Option<Issuer> {
    let region = text.get(..at.min(text.len()))?;
    let region = &region[..region.rfind('\n').unwrap_or(0)];
    let mut frags: Vec<(String, Span)> = Vec::new();
    for line in lines(region).iter().rev().take(3) {
        let (t, start) = line.trimmed();
        if t.is_empty() || !is_caps_name(t) {
            break;
        }
        frags.insert(0, (t.to_string(), Span::new(start, start + t.len())));
    }
    issuer_from_fragments(issuer_fragments(frags), String::new()).0
}

/// The gazette's (Công báo) section banners and the attestation heading of a consolidated text:
/// furniture printed beside or above the issuer, never part of it.
const GAZETTE_BANNERS: &[&str] = &[
    "VĂN BẢN QUY PHẠM PHÁP LUẬT",
    "VĂN BẢN PHÁP LUẬT KHÁC",
    "XÁC THỰC VĂN BẢN HỢP NHẤT",
    "VĂN BẢN HỢP NHẤT",
];

/// Fragments in capitals above the number, cut to the issuer: banners dropped wherever they
/// stand, a fragment cut where the national title or a number starts, nothing kept after the
/// type line, and a name repeated by the gazette's running head kept once.
fn issuer_fragments(frags: Vec<(String, Span)>) -> Vec<(String, Span)> {
    const QUOC_HIEU_TEXT: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    let mut out: Vec<(String, Span)> = Vec::new();
    let mut title_open = false;
    for (t, span) in frags {
        let mut pieces = vec![(t.as_str(), span.start)];
        for banner in GAZETTE_BANNERS {
            pieces = pieces
                .into_iter()
                .flat_map(|(p, at)| {
                    let mut parts = Vec::new();
                    let mut from = 0;
                    for (k, _) in p.match_indices(banner) {
                        parts.push((&p[from..k], at + from));
                        from = k + banner.len();
                    }
                    parts.push((&p[from..], at + from));
                    parts
                })
                .collect();
        }
        let mut type_line = false;
        for (p, at) in pieces {
            let cut = issuer_end(p);
            let kept = p[..cut].trim_end_matches(is_dash);
            let lead = kept.len() - kept.trim_start_matches(is_dash).len();
            let kept = &kept[lead..];
            // The end of a national title broken over lines (`… VIỆT` / `NAM`).
            let title_tail = title_open && QUOC_HIEU_TEXT.ends_with(kept);
            title_open = p[cut..].starts_with("CỘNG H") && !p.trim_end().ends_with("NAM");
            if kept.is_empty() || title_tail {
                continue;
            }
            if doc_type_from_name(kept.trim_end_matches(|c: char| c.is_ascii_digit())).is_some() {
                type_line = true;
                break;
            }
            out.push((
                kept.to_string(),
                Span::new(at + lead, at + lead + kept.len()),
            ));
        }
        if type_line {
            break;
        }
    }
    drop_repeat(&mut out);
    out
}

/// What may stand between a banner and the issuer, or around a fragment.
fn is_dash(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '–' | '—' | '_' | '=' | '*')
}

/// What is no word when two spellings of a name are compared (`BỘ X - Y` = `BỘ X` / `Y`).
fn is_separator(c: char) -> bool {
    is_dash(c) || c == ','
}

/// Where the issuer ends in a fragment: before the national title glued to it on a flattened
/// line (possibly misspelt, so only its first words are sought), before a number (`SỐ: …`,
/// `95/2025/NĐ-CP`).
fn issuer_end(p: &str) -> usize {
    let mut end = p.len();
    for stop in ["CỘNG HÒA", "CỘNG HOÀ", "SỐ:", "SỐ :", "Số:", "Số :"] {
        if let Some(k) = p.find(stop) {
            end = end.min(k);
        }
    }
    let mut at = 0;
    for w in p.split(' ') {
        if w.chars().any(|c| c.is_ascii_digit()) && w.contains('/') {
            end = end.min(at);
            break;
        }
        at += w.len() + 1;
    }
    end
}

/// Keep a name once when the fragments spell it twice (the gazette's running head above the
/// header, `BỘ X` then `BỘ X` over two lines; a joint header repeated): the second copy, the
/// header's own, is kept.
fn drop_repeat(frags: &mut Vec<(String, Span)>) {
    // Words with their fragment and offset; separators (`-`, `,`) are no words.
    let mut words: Vec<(String, usize, usize)> = Vec::new();
    for (k, (t, _)) in frags.iter().enumerate() {
        let mut at = 0;
        for w in t.split(' ') {
            let key: String = w.chars().filter(|c| !is_separator(*c)).collect();
            if !key.is_empty() {
                words.push((key, k, at));
            }
            at += w.len() + 1;
        }
    }
    let n = words.len();
    if n >= 2 && n.is_multiple_of(2) && (0..n / 2).all(|i| words[i].0 == words[i + n / 2].0) {
        let (_, k, off) = words[n / 2];
        frags.drain(..k);
        let (t, span) = &mut frags[0];
        *t = t[off..].to_string();
        span.start += off;
        return;
    }
    // A running head that is the start of the header's first line (`BỘ X` / `BỘ X - Y`).
    if frags.len() >= 2 {
        let rest = frags[1..]
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if rest.starts_with(frags[0].0.as_str()) {
            frags.remove(0);
        }
    }
}

/// The issuer (and its parent body) from its cleaned fragments; `all` is what the header showed,
/// kept as the parent when no fragment is left.
fn issuer_from_fragments(
    frags: Vec<(String, Span)>,
    all: String,
) -> (Option<Issuer>, Option<String>) {
    if frags.is_empty() {
        return (None, if all.is_empty() { None } else { Some(all) });
    }
    // Split parent / issuer: a subordinate body (`SỞ`, `BAN`, `PHÒNG`, `CỤC`, `VĂN PHÒNG`) in a
    // later fragment has the earlier fragments as parent.
    const SUBORDINATE: &[&str] = &[
        "SỞ ",
        "BAN ",
        "PHÒNG ",
        "CỤC ",
        "TỔNG CỤC ",
        "VĂN PHÒNG ",
        "THANH TRA ",
        "CHI CỤC ",
    ];
    let mut parent = None;
    let mut issuer_frags = &frags[..];
    if let Some(k) = frags
        .iter()
        .skip(1)
        .position(|(t, _)| SUBORDINATE.iter().any(|s| t.starts_with(s)))
    {
        let k = k + 1;
        parent = Some(
            frags[..k]
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        issuer_frags = &frags[k..];
    }
    let name = issuer_frags
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let span = Span::new(
        issuer_frags[0].1.start,
        issuer_frags[issuer_frags.len() - 1].1.end,
    );
    let name = repair_split_name(name);
    let kind = issuer_kind(&name);
    let locality = locality_of(&name, issuer_frags);
    let level = level_of(kind, &name, parent.as_deref());
    (
        Some(Issuer {
            name,
            locality,
            kind,
            level,
            span,
        }),
        parent,
    )
}

/// Bodies whose name a broken text layer splits inside a syllable (`CHÍ NH PHỦ`, `QU ỐC HỘI`).
const CENTRAL_NAMES: &[&str] = &[
    "QUỐC HỘI",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
    "CHỦ TỊCH NƯỚC",
    "CHÍNH PHỦ",
    "THỦ TƯỚNG CHÍNH PHỦ",
];

/// `CHÍ NH PHỦ` → `CHÍNH PHỦ`: a central body's name with spaces inside its syllables.
fn repair_split_name(name: String) -> String {
    let squeezed: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    CENTRAL_NAMES
        .iter()
        .find(|n| n.replace(' ', "") == squeezed)
        .map_or(name, |n| n.to_string())
}

/// Pieces of a line outside the given spans, with their start offsets.
fn split_out<'a>(line: &Line<'a>, cuts: &[Span]) -> Vec<(&'a str, usize)> {
    let mut pieces = vec![(line.start, line.end())];
    for c in cuts {
        let mut next = Vec::new();
        for (s, e) in pieces {
            if c.end <= s || c.start >= e {
                next.push((s, e));
                continue;
            }
            if c.start > s {
                next.push((s, c.start));
            }
            if c.end < e {
                next.push((c.end, e));
            }
        }
        pieces = next;
    }
    pieces
        .into_iter()
        .filter_map(|(s, e)| {
            line.text
                .get(s - line.start..e - line.start)
                .map(|t| (t, s))
        })
        .collect()
}

/// An issuer fragment: letters mostly uppercase (`ỦY BAN NHÂN DÂN`, `UBND TỈNH X`).
fn is_caps_name(t: &str) -> bool {
    let mut upper = 0;
    let mut lower = 0;
    for c in t.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 2 && lower * 4 <= upper && !t.starts_with("CÔNG BÁO")
}

/// Kind of body from its name.
pub fn issuer_kind(name: &str) -> IssuerKind {
    let n = name.trim().to_uppercase().replace("UỶ", "ỦY");
    let starts = |p: &str| n.starts_with(p);
    if starts("CHỦ TỊCH ỦY BAN NHÂN DÂN") || starts("CHỦ TỊCH UBND") {
        IssuerKind::ChuTichUyBanNhanDan
    } else if starts("ỦY BAN THƯỜNG VỤ QUỐC HỘI") {
        IssuerKind::UyBanThuongVuQuocHoi
    } else if starts("HỘI ĐỒNG NHÂN DÂN") || starts("HĐND") {
        IssuerKind::HoiDongNhanDan
    } else if starts("ỦY BAN NHÂN DÂN") || starts("UBND") {
        IssuerKind::UyBanNhanDan
    } else if starts("QUỐC HỘI") {
        IssuerKind::QuocHoi
    } else if starts("CHỦ TỊCH NƯỚC") {
        IssuerKind::ChuTichNuoc
    } else if starts("THỦ TƯỚNG") {
        IssuerKind::ThuTuong
    } else if starts("CHÍNH PHỦ") {
        IssuerKind::ChinhPhu
    } else if starts("TÒA ÁN NHÂN DÂN TỐI CAO") || starts("HỘI ĐỒNG THẨM PHÁN") {
        IssuerKind::ToaAnNhanDanToiCao
    } else if starts("VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO") {
        IssuerKind::VienKiemSatNhanDanToiCao
    } else if starts("KIỂM TOÁN NHÀ NƯỚC") {
        IssuerKind::KiemToanNhaNuoc
    } else if starts("NGÂN HÀNG NHÀ NƯỚC")
        || starts("THANH TRA CHÍNH PHỦ")
        || starts("VĂN PHÒNG CHÍNH PHỦ")
        || starts("ỦY BAN DÂN TỘC")
    {
        IssuerKind::CoQuanNgangBo
    } else if starts("BỘ ") || starts("LIÊN BỘ") {
        IssuerKind::Bo
    } else if starts("SỞ ") {
        IssuerKind::So
    } else {
        IssuerKind::Other
    }
}

fn locality_of(name: &str, frags: &[(String, Span)]) -> Option<String> {
    if frags.len() >= 2 {
        let last = &frags[frags.len() - 1].0;
        if locality_level(last).is_some() {
            return Some(last.clone());
        }
    }
    // One line: the locality starts at the first level word after the body name.
    const MARKERS: &[&str] = &[
        " TỈNH ",
        " THÀNH PHỐ ",
        " HUYỆN ",
        " QUẬN ",
        " THỊ XÃ ",
        " XÃ ",
        " PHƯỜNG ",
        " THỊ TRẤN ",
        " ĐẶC KHU ",
    ];
    MARKERS
        .iter()
        .filter_map(|m| name.find(m))
        .min()
        .map(|p| name[p + 1..].to_string())
}

/// Level named by a locality (`TỈNH X`, `THÀNH PHỐ HÀ NỘI`, `HUYỆN Y`, `XÃ Z`).
pub fn locality_level(loc: &str) -> Option<Level> {
    let l = loc.trim().to_uppercase();
    if let Some(rest) = l.strip_prefix("THÀNH PHỐ ") {
        let rest = rest.trim();
        return Some(if PROVINCIAL_CITIES.iter().any(|c| rest.starts_with(c)) {
            Level::Province
        } else {
            Level::District
        });
    }
    if l.starts_with("TỈNH ") {
        Some(Level::Province)
    } else if l.starts_with("HUYỆN ") || l.starts_with("QUẬN ") || l.starts_with("THỊ XÃ ") {
        Some(Level::District)
    } else if l.starts_with("XÃ ")
        || l.starts_with("PHƯỜNG ")
        || l.starts_with("THỊ TRẤN ")
        || l.starts_with("ĐẶC KHU ")
    {
        Some(Level::Commune)
    } else {
        None
    }
}

fn level_of(kind: IssuerKind, name: &str, parent: Option<&str>) -> Level {
    match kind {
        IssuerKind::QuocHoi
        | IssuerKind::UyBanThuongVuQuocHoi
        | IssuerKind::ChuTichNuoc
        | IssuerKind::ChinhPhu
        | IssuerKind::ThuTuong
        | IssuerKind::Bo
        | IssuerKind::CoQuanNgangBo
        | IssuerKind::ToaAnNhanDanToiCao
        | IssuerKind::VienKiemSatNhanDanToiCao
        | IssuerKind::KiemToanNhaNuoc => Level::Central,
        IssuerKind::So => Level::Province,
        _ => {
            let own = level_in(name);
            own.or_else(|| parent.and_then(level_in))
                .unwrap_or(Level::Unknown)
        }
    }
}

/// Level from the first locality word in a body name.
fn level_in(name: &str) -> Option<Level> {
    let up = name.to_uppercase();
    let words: Vec<&str> = up.split_whitespace().collect();
    for k in 0..words.len() {
        // `XÃ` names a commune after the body (`ỦY BAN NHÂN DÂN XÃ …`) or at the start of a
        // line, not inside a name (`THƯƠNG BINH VÀ XÃ HỘI`, `BẢO HIỂM XÃ HỘI`).
        if words[k] == "XÃ" && k > 0 && words[k - 1] != "DÂN" {
            continue;
        }
        let tail = words[k..].join(" ");
        if let Some(l) = locality_level(&tail) {
            return Some(l);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_without_the_space_after_thang() {
        let h = parse_header(
            "BỘ Y TẾ\nSố: 51/2025/TT-BYT\nHà Nội, ngày 31 tháng12 năm 2025\nTHÔNG TƯ\n",
        );
        let date = h.place_date.and_then(|p| p.date);
        assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2025, 12, 31));
    }

    #[test]
    fn xa_hoi_in_a_ministry_name_is_no_commune() {
        assert_eq!(level_in("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), None);
        assert_eq!(level_in("VĂN BẢN QUY PHẠM PHÁP LUẬT BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO"), None);
        assert_eq!(
            level_in("BẢO HIỂM XÃ HỘI TỈNH BÌNH AN"),
            Some(Level::Province)
        );
        assert_eq!(level_in("ỦY BAN NHÂN DÂN XÃ HỘI AN"), Some(Level::Commune));
        assert_eq!(level_in("ỦY BAN NHÂN DÂN XÃ TÂN HỘI"), Some(Level::Commune));
    }

    #[test]
    fn local_header_two_lines() {
        let t = "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 15/2020/QĐ-UBND\nThái Nguyên, ngày 05 tháng 3 năm 2020\nQUYẾT ĐỊNH\nBan hành Quy định về quản lý\nCăn cứ Luật X;";
        let h = parse_header(t);
        let i = h.issuer.expect("issuer");
        assert_eq!(i.name, "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN");
        assert_eq!(i.locality.as_deref(), Some("TỈNH THÁI NGUYÊN"));
        assert_eq!(i.kind, IssuerKind::UyBanNhanDan);
        assert_eq!(i.level, Level::Province);
        let n = h.number.expect("number");
        assert_eq!(n.serial, "15");
        assert_eq!(n.year, Some(2020));
        assert_eq!(n.type_abbr, "QĐ");
        assert_eq!(n.issuer_abbr, "UBND");
        let pd = h.place_date.expect("date");
        assert_eq!(pd.place.as_deref(), Some("Thái Nguyên"));
        assert_eq!(pd.day_raw, "05");
        assert_eq!(pd.month_raw, "3");
        assert_eq!(pd.date, NaiveDate::from_ymd_opt(2020, 3, 5));
        assert_eq!(h.doc_type.map(|d| d.value), Some(DocType::QuyetDinh));
        assert_eq!(
            h.title.map(|t| t.value).as_deref(),
            Some("Ban hành Quy định về quản lý")
        );
    }

    use chrono::NaiveDate;

    #[test]
    fn flattened_header() {
        let t = "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố:\n99/2022/ND-CP\nĐà Nẵng, ngày 30 tháng 11 năm 2022 QUYẾT ĐỊNH VỀ ĐĂNG KÝ BIỆN PHÁP\nCăn cứ";
        let h = parse_header(t);
        let i = h.issuer.expect("issuer");
        assert_eq!(i.name, "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG");
        assert_eq!(i.level, Level::Province);
        let n = h.number.expect("number");
        assert!(n.ocr_suspect);
        assert_eq!(n.key, "99/2022/ND-CP");
        assert_eq!(h.doc_type.map(|d| d.value), Some(DocType::QuyetDinh));
        assert_eq!(
            h.title.map(|t| t.value).as_deref(),
            Some("VỀ ĐĂNG KÝ BIỆN PHÁP")
        );
        assert!(h.national_title.is_some() && h.motto.is_some());
    }

    #[test]
    fn a_number_cited_in_the_title_is_not_the_documents() {
        let h = parse_header("THÔNG TƯ\nSửa đổi, bổ sung một số điều của Thông tư số 39/2016/TT-NHNN\nngày 30 tháng 12 năm 2016 của Thống đốc Ngân hàng Nhà nước\n");
        assert!(h.number.is_none(), "{:?}", h.number);
        assert!(h.place_date.is_none(), "{:?}", h.place_date);
        let own = parse_header(
            "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 99/2025/UBTVQH15\nNGHỊ QUYẾT\n",
        );
        assert_eq!(
            own.number.map(|n| n.raw).as_deref(),
            Some("99/2025/UBTVQH15")
        );
    }

    #[test]
    fn law_and_admin_numbers() {
        let h = parse_header("QUỐC HỘI\nLuật số: 80/2015/QH13\nLUẬT\nBAN HÀNH VĂN BẢN");
        let n = h.number.expect("law number");
        assert_eq!(n.issuer_abbr, "QH13");
        assert_eq!(n.type_abbr, "");
        assert_eq!(h.issuer.map(|i| i.kind), Some(IssuerKind::QuocHoi));
        let h = parse_header("UBND HUYỆN A\nSố: 1234/QĐ-UBND\nA, ngày 1 tháng 2 năm 2020");
        let n = h.number.expect("admin number");
        assert_eq!(n.year, None);
        assert_eq!(h.issuer.map(|i| i.level), Some(Level::District));
    }

    #[test]
    fn parent_and_commune() {
        let h = parse_header("UBND TỈNH BÌNH AN\nSỞ TƯ PHÁP\nSố: 1/HD-STP");
        let i = h.issuer.expect("issuer");
        assert_eq!(i.name, "SỞ TƯ PHÁP");
        assert_eq!(h.parent_issuer.as_deref(), Some("UBND TỈNH BÌNH AN"));
        assert_eq!(i.level, Level::Province);
        let h = parse_header("HỘI ĐỒNG NHÂN DÂN\nXÃ TÂN HÒA\nSố: 05/2021/NQ-HĐND");
        assert_eq!(h.issuer.map(|i| i.level), Some(Level::Commune));
    }

    fn issuer_name(t: &str) -> Option<String> {
        parse_header(t).issuer.map(|i| i.name)
    }

    #[test]
    fn gazette_banner_and_running_head_are_no_issuer() {
        // Công báo page: section banner, running head, then the two-column header.
        let t = "VĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nBỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVÀ XÃ HỘI\nSố: 03/2022/TT-BLĐTBXH\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 30 tháng 3 năm 2022\nTHÔNG TƯ\nQuy định Danh mục nhà tù\nCăn cứ Nghị định số 14/2017/NĐ-CP;";
        let h = parse_header(t);
        let i = h.issuer.expect("issuer");
        assert_eq!(i.name, "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI");
        assert_eq!(i.kind, IssuerKind::Bo);
        // The span is the header's own copy, not the running head.
        assert!(t[i.span.start..].starts_with("BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA"));
        assert!(i.span.start > t.find("XÃ HỘI\n").unwrap_or(0));
        assert_eq!(
            issuer_name("VĂN BẢN QUY PHẠM PHÁP LUẬT\nCHÍNH PHỦ\nCHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 158/2025/NĐ-CP\nHà Nội, ngày 25 tháng 6 năm 2025\nNGHỊ ĐỊNH\nQuy định chi tiết\n").as_deref(),
            Some("CHÍNH PHỦ")
        );
    }

    #[test]
    fn consolidated_banners_and_the_type_line_are_no_issuer() {
        let t = "VĂN BẢN PHÁP LUẬT KHÁC\nVĂN BẢN HỢP NHẤT -\nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn thực hiện\n";
        assert_eq!(
            issuer_name(t).as_deref(),
            Some("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
        );
        // Banner and body on one line; a type line with a footnote mark glued to the header.
        let t = "VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH\nQUYẾT ĐỊNH1\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nCơ chế quản lý tài chính\n";
        assert_eq!(issuer_name(t).as_deref(), Some("BỘ TÀI CHÍNH"));
    }

    #[test]
    fn joint_issuer_keeps_each_body_once() {
        let bodies =
            "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nTÒA ÁN NHÂN DÂN TỐI CAO\nBỘ CÔNG AN\nBỘ QUỐC PHÒNG\n";
        let t = format!("VĂN BẢN QUY PHẠM PHÁP LUẬT\n{bodies}{bodies}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP\nHà Nội, ngày 20 tháng 5 năm 2022\nTHÔNG TƯ LIÊN TỊCH\n");
        assert_eq!(
            issuer_name(&t).as_deref(),
            Some("VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO TÒA ÁN NHÂN DÂN TỐI CAO BỘ CÔNG AN BỘ QUỐC PHÒNG")
        );
    }

    #[test]
    fn issuer_stops_at_the_number_and_a_misspelt_national_title() {
        let t = "CHÍNH PHỦ\nSố: 66.15/2026/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 10 tháng 2 năm 2026\nNGHỊ QUYẾT\n";
        assert_eq!(issuer_name(t).as_deref(), Some("CHÍNH PHỦ"));
        let t = "CHÍNH PHỦ\n95/2025/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 10 tháng 2 năm 2025\nNGHỊ ĐỊNH\n";
        assert_eq!(issuer_name(t).as_deref(), Some("CHÍNH PHỦ"));
        let t = "BỘ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHÍA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/2025/TT-BGDĐT\nHà Nội, ngày 10 tháng 2 năm 2025\nTHÔNG TƯ\n";
        assert_eq!(issuer_name(t).as_deref(), Some("BỘ GIÁO DỤC VÀ ĐÀO TẠO"));
        // The national title broken over lines leaves no `NAM` in the issuer.
        let t = "BỘ VĂN HÓA,\nTHỂ THAO VÀ DU LỊCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 16/2025/TT-BVHTTDL\nTHÔNG TƯ\n";
        assert_eq!(
            issuer_name(t).as_deref(),
            Some("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
        );
    }

    #[test]
    fn a_central_body_split_inside_a_syllable_is_repaired() {
        let t = "CHÍ NH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 10/2005/NĐ-CP\nNGHỊ ĐỊNH\n";
        let i = parse_header(t).issuer.expect("issuer");
        assert_eq!(i.name, "CHÍNH PHỦ");
        assert_eq!(i.kind, IssuerKind::ChinhPhu);
    }

    #[test]
    fn a_cited_number_dated_on_its_line_is_not_the_documents() {
        // A consolidated text's header lists what it consolidates; its own number is at the end.
        let t = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn quản lý lao động\nThông tư số 34/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có hiệu lực từ ngày 10 tháng 12 năm 2016\n";
        assert!(parse_header(t).number.is_none());
    }

    #[test]
    fn attestation_block_gives_the_issuer_of_a_consolidated_text() {
        let t = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn\nĐiều 1. Phạm vi\nNội dung.\nBỘ LAO ĐỘNG - THƯƠNG BINH XÁC THỰC VĂN BẢN HỢP NHẤT\nVÀ XÃ HỘI\nSố: 463/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02 năm 2025\n";
        let at = t.find("463").unwrap_or(0);
        let i = issuer_above(t, at).expect("issuer");
        assert_eq!(i.name, "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI");
        assert_eq!(i.kind, IssuerKind::Bo);
    }

    #[test]
    fn a_blank_day_is_an_unfilled_date_however_many_spaces() {
        for line in [
            "Bình An, ngày    tháng 10 năm 2025",
            "Bình An, ngày tháng 10 năm 2025",
        ] {
            let t =
                format!("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 12/2025/QĐ-UBND\n{line}\nQUYẾT ĐỊNH\n");
            let pd = parse_header(&t).place_date.expect("date line");
            assert_eq!(pd.date, None, "{line}");
            assert_eq!((pd.day_raw.as_str(), pd.month_raw.as_str()), ("", "10"));
            assert_eq!(pd.place.as_deref(), Some("Bình An"));
        }
    }
}
