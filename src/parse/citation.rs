//! Citations: references to other documents (by number, by law name and date, bare numbers)
//! and to parts of this one (`Điều 3 Quyết định này`), with pin cites and the relation the
//! surrounding words express. Runs on the flat (whitespace-collapsed) view.

use once_cell::sync::Lazy;
use regex::Regex;

use super::header::{doc_type_from_abbr, doc_type_from_name};
use super::model::*;
use super::text::{make_date, pattern, FlatText};
use crate::normalize::number_key;

const TYPES: &str = r"Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết liên tịch|Nghị quyết|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị|Lệnh|Kế hoạch|Công văn|Thông báo|Văn bản hợp nhất|Hướng dẫn";

/// Number forms: normative (`34/2016/NĐ-CP`, `80/2015/QH13`), administrative without year
/// (`1234/QĐ-UBND`), Party (`18-NQ/TW`), old (`52-L/CTN`).
const NUMBER: &str = r"\d{1,5}/\d{4}/(?:[A-ZĐ]{1,6}-[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*|(?:UBTVQH|QH)\d{1,2}|[A-ZĐ]{2,8})|\d{1,6}/[A-ZĐ][A-Za-zĐđ]{0,5}-[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*|\d{1,5}-[A-ZĐ]{1,6}/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*";

const DATE: &str = r"ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})|ngày (?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4})";

/// `Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016`, `Nghị định 34/2016/NĐ-CP`.
static CITE_NUM: Lazy<Regex> = Lazy::new(|| {
    pattern(&format!(
        r"(?P<type>{TYPES})(?: số| Số)?:? (?P<num>{NUMBER})(?: (?:{DATE}))?"
    ))
});

/// `Luật Tổ chức Chính phủ số 63/2025/QH15`: a law named, then its number.
static CITE_LAW_NUM: Lazy<Regex> = Lazy::new(|| {
    pattern(&format!(
        r"(?P<type>Bộ luật|Luật|Pháp lệnh)(?P<name> (?:\p{{Lu}}[\p{{L}}\-]*|sửa đổi,?)(?: [\p{{L}}\-,]+){{0,30}}?) số:? (?P<num>{NUMBER})(?: (?:{DATE}))?"
    ))
});

/// `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015` (LAW_BY_DATE).
static CITE_NAMED: Lazy<Regex> = Lazy::new(|| {
    pattern(&format!(
        r"(?P<type>Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?P<name>(?: (?:\p{{Lu}}[\p{{L}}\-]*|sửa đổi,?)(?: [\p{{L}}\-,]+){{0,30}}?)?)(?: năm \d{{4}})? (?:{DATE})"
    ))
});

/// A bare number (`34/2016/NĐ-CP`) not preceded by a type name.
static BARE_NUM: Lazy<Regex> = Lazy::new(|| {
    pattern(
        r"(?P<num>\d{1,5}/\d{4}/(?:[A-ZĐ]{1,6}-[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*|(?:UBTVQH|QH)\d{1,2}))",
    )
});

const PIN: &str = r"(?:(?:điểm|Điểm) [a-zđ](?:(?:,| và| hoặc) [a-zđ])*,? )?(?:(?:khoản|Khoản) \d{1,3}(?:(?:,| và| hoặc) \d{1,3})*,? )?(?:Điều|điều) \d{1,3}[a-zđ]?(?:(?:,| và| hoặc) \d{1,3}[a-zđ]?)*";

/// `Điều 3 Quyết định này`, `khoản 2 Điều 5 Nghị quyết này`, `khoản 1 Điều này`.
static INTERNAL: Lazy<Regex> = Lazy::new(|| {
    pattern(&format!(
        r"(?P<pin>{PIN}|(?:(?:điểm|Điểm) [a-zđ](?:(?:,| và) [a-zđ])* )?(?:khoản|Khoản) \d{{1,3}}(?:(?:,| và) \d{{1,3}})* Điều) (?P<type>(?:{TYPES}|Quy định|Quy chế|Điều lệ)(?: này)|này)"
    ))
});

/// A pin cite ending right before a citation (`điểm a khoản 2 Điều 5 (của) `).
static PIN_BEFORE: Lazy<Regex> = Lazy::new(|| pattern(&format!(r"(?P<pin>{PIN})(?: của)? $")));

/// Issuing body after `của`: known bodies, then capitalized words with their lowercase tails.
static ISSUER_AFTER: Lazy<Regex> = Lazy::new(|| {
    pattern(concat!(
        r"^ của (?P<issuer>",
        r"(?:Chủ tịch )?(?:Hội đồng nhân dân|Ủy ban nhân dân)(?: (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn))?(?: \p{Lu}\p{L}*)*",
        r"|(?:(?:Bộ trưởng|Thứ trưởng) )?(?:Liên Bộ|Liên bộ|Bộ)(?: (?:\p{Lu}\p{L}*(?: \p{Ll}+)?|và|-))*",
        r"|Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Chủ tịch nước",
        r"|(?:Thống đốc )?Ngân hàng Nhà nước(?: Việt Nam)?|(?:Chánh án |Hội đồng Thẩm phán )?Tòa án nhân dân tối cao",
        r"|(?:Viện trưởng )?Viện kiểm sát nhân dân tối cao|(?:Tổng )?Kiểm toán (?:nhà nước|Nhà nước)",
        r"|(?:Tổng )?Thanh tra Chính phủ|Văn phòng Chính phủ|Ban Chấp hành Trung ương|Ban Bí thư",
        r")"
    ))
});

/// Relation words, checked in the clause before a citation; the last one wins.
const RELATIONS: &[(&str, CitationRelation)] = &[
    ("căn cứ", CitationRelation::CanCu),
    ("sửa đổi", CitationRelation::SuaDoi),
    ("bổ sung", CitationRelation::BoSung),
    ("thay thế", CitationRelation::ThayThe),
    ("bãi bỏ", CitationRelation::BaiBo),
    ("hết hiệu lực", CitationRelation::BaiBo),
    ("hướng dẫn", CitationRelation::HuongDan),
    ("quy định chi tiết", CitationRelation::QuyDinhChiTiet),
];

/// Find the citations in a flat view. `exclude` masks spans (the document's own number).
pub fn find_citations(flat: &FlatText, exclude: &[Span]) -> Vec<Citation> {
    let text = flat.text.as_str();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<(usize, Citation)> = Vec::new();
    let overlaps =
        |taken: &[(usize, usize)], s: usize, e: usize| taken.iter().any(|&(a, b)| s < b && a < e);
    let excluded = |sp: Span| exclude.iter().any(|x| sp.start < x.end && x.start < sp.end);

    let numbered = CITE_LAW_NUM
        .captures_iter(text)
        .chain(CITE_NUM.captures_iter(text));
    for c in numbered {
        let Some(all) = c.get(0) else { continue };
        let (s, e) = (all.start(), all.end());
        if overlaps(&taken, s, e) {
            continue;
        }
        let num = c.name("num").map(|m| m.as_str()).unwrap_or("");
        let span = flat.span(s, e);
        if excluded(span) {
            continue;
        }
        // A name is kept only for laws and codes (`Luật Đất đai số 45/2013/QH13`).
        let ty = c.name("type").map(|m| m.as_str()).unwrap_or("");
        let raw_name = c.name("name").map(|m| m.as_str().trim()).unwrap_or("");
        let name = (!raw_name.is_empty()).then(|| format!("{ty} {raw_name}"));
        let (pin, pin_start) = pin_before(text, s);
        let mut cit = Citation {
            doc_type: doc_type_from_name(ty),
            number: Some(num.to_string()),
            number_key: Some(number_key(num)),
            name,
            date: date_of(&c),
            issuer: None,
            pin,
            internal: false,
            relation: CitationRelation::Reference,
            span,
        };
        let end = extend_issuer(text, e, &mut cit);
        cit.span = flat.span(pin_start.unwrap_or(s), end);
        cit.relation = relation_before(text, pin_start.unwrap_or(s));
        taken.push((pin_start.unwrap_or(s), end));
        out.push((pin_start.unwrap_or(s), cit));
    }
    for c in CITE_NAMED.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let (s, e) = (all.start(), all.end());
        if overlaps(&taken, s, e) {
            continue;
        }
        let ty = c.name("type").map(|m| m.as_str()).unwrap_or("");
        let raw_name = c.name("name").map(|m| m.as_str().trim()).unwrap_or("");
        let (pin, pin_start) = pin_before(text, s);
        let mut cit = Citation {
            doc_type: doc_type_from_name(ty),
            number: None,
            number_key: None,
            name: Some(if raw_name.is_empty() {
                ty.to_string()
            } else {
                format!("{ty} {raw_name}")
            }),
            date: date_of(&c),
            issuer: None,
            pin,
            internal: false,
            relation: CitationRelation::Reference,
            span: flat.span(s, e),
        };
        let start = pin_start.unwrap_or(s);
        cit.span = flat.span(start, e);
        if excluded(cit.span) {
            continue;
        }
        cit.relation = relation_before(text, start);
        taken.push((start, e));
        out.push((start, cit));
    }
    for c in BARE_NUM.captures_iter(text) {
        let Some(m) = c.name("num") else { continue };
        let (s, e) = (m.start(), m.end());
        // Not the tail of a longer number (`1234/2020/…` seen from `234`).
        if text[..s].ends_with(|c: char| c.is_alphanumeric() || c == '/' || c == '.') {
            continue;
        }
        if overlaps(&taken, s, e) {
            continue;
        }
        let span = flat.span(s, e);
        if excluded(span) {
            continue;
        }
        let num = m.as_str();
        let abbr = num
            .split('/')
            .nth(2)
            .and_then(|x| x.split('-').next())
            .unwrap_or("");
        let (pin, pin_start) = pin_before(text, s);
        let start = pin_start.unwrap_or(s);
        let mut cit = Citation {
            doc_type: doc_type_from_abbr(abbr),
            number: Some(num.to_string()),
            number_key: Some(number_key(num)),
            name: None,
            date: None,
            issuer: None,
            pin,
            internal: false,
            relation: relation_before(text, start),
            span,
        };
        let end = extend_after_bare(text, e, &mut cit);
        cit.span = flat.span(start, end);
        taken.push((start, end));
        out.push((start, cit));
    }
    for c in INTERNAL.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let (s, e) = (all.start(), all.end());
        if overlaps(&taken, s, e) {
            continue;
        }
        let ty = c.name("type").map(|m| m.as_str()).unwrap_or("");
        let ty_word = ty.trim_end_matches(" này").trim_end_matches("này").trim();
        out.push((
            s,
            Citation {
                doc_type: doc_type_from_name(ty_word),
                number: None,
                number_key: None,
                name: None,
                date: None,
                issuer: None,
                pin: c.name("pin").map(|m| m.as_str().to_string()),
                internal: true,
                relation: relation_before(text, s),
                span: flat.span(s, e),
            },
        ));
        taken.push((s, e));
    }
    out.sort_by_key(|(s, _)| *s);
    out.into_iter().map(|(_, c)| c).collect()
}

fn date_of(c: &regex::Captures) -> Option<chrono::NaiveDate> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    match (g("d"), g("m"), g("y")) {
        (Some(d), Some(m), Some(y)) => make_date(d, m, y),
        _ => match (g("nd"), g("nm"), g("ny")) {
            (Some(d), Some(m), Some(y)) => make_date(d, m, y),
            _ => None,
        },
    }
}

/// The pin cite right before flat offset `s`, and where it starts.
fn pin_before(text: &str, s: usize) -> (Option<String>, Option<usize>) {
    // A pin ends with an article number or letter (`Điều 5 `, `Điều 5a của `): most citations
    // are not preceded by one, and this check spares them the regex.
    let before = text[..s].trim_end_matches(' ');
    let before = before
        .strip_suffix("của")
        .unwrap_or(before)
        .trim_end_matches(' ');
    if !before.ends_with(|c: char| c.is_ascii_digit() || c.is_lowercase()) {
        return (None, None);
    }
    let mut from = s.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..s];
    match PIN_BEFORE.captures(window) {
        Some(c) => {
            let Some(p) = c.name("pin") else {
                return (None, None);
            };
            let pin = p.as_str().to_string();
            (Some(pin), Some(from + p.start()))
        }
        None => (None, None),
    }
}

/// Extend a numbered citation over ` của <issuer>` (and a date written after the issuer is not
/// expected). Returns the new end.
fn extend_issuer(text: &str, e: usize, cit: &mut Citation) -> usize {
    let rest = &text[e..];
    let rest = &rest[..floor_boundary(rest, 200)];
    if !rest.starts_with(" của ") {
        return e;
    }
    if let Some(c) = ISSUER_AFTER.captures(rest) {
        if let Some(m) = c.name("issuer") {
            cit.issuer = Some(m.as_str().trim_end_matches([',', ' ']).to_string());
            return e + m.end();
        }
    }
    e
}

/// After a bare number: a date and an issuer may follow (`34/2016/NĐ-CP ngày 14/5/2016`).
fn extend_after_bare(text: &str, e: usize, cit: &mut Citation) -> usize {
    static AFTER_DATE: Lazy<Regex> = Lazy::new(|| pattern(&format!(r"^ (?:{DATE})")));
    let rest = &text[e..];
    let rest = &rest[..floor_boundary(rest, 200)];
    let mut end = e;
    if !rest.starts_with(" ngày ") {
        return extend_issuer(text, end, cit);
    }
    if let Some(c) = AFTER_DATE.captures(rest) {
        cit.date = date_of(&c);
        end = e + c.get(0).map(|m| m.end()).unwrap_or(0);
    }
    extend_issuer(text, end, cit)
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut k = max.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

/// Relation expressed in the clause before flat offset `s` (bounded by `.`, `;`, `:`).
fn relation_before(text: &str, s: usize) -> CitationRelation {
    let mut from = s.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..s];
    let clause_start = window.rfind(['.', ';', ':']).map(|p| p + 1).unwrap_or(0);
    let clause = window[clause_start..].to_lowercase();
    let mut best: Option<(usize, CitationRelation)> = None;
    for (word, rel) in RELATIONS {
        if let Some(p) = clause.rfind(word) {
            // `sửa đổi, bổ sung`: the first word names the relation.
            let better = match best {
                None => true,
                Some((bp, brel)) => {
                    p > bp
                        && !(brel == CitationRelation::SuaDoi
                            && *rel == CitationRelation::BoSung
                            && p < bp + 16)
                }
            };
            if better {
                best = Some((p, *rel));
            }
        }
    }
    best.map(|(_, r)| r).unwrap_or(CitationRelation::Reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cites(s: &str) -> Vec<Citation> {
        find_citations(&FlatText::new(s, 0), &[])
    }

    #[test]
    fn full_and_short_forms() {
        let c = cites("Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ quy định chi tiết;");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].doc_type, Some(DocType::NghiDinh));
        assert_eq!(c[0].number.as_deref(), Some("34/2016/NĐ-CP"));
        assert_eq!(c[0].number_key.as_deref(), Some("34/2016/ND-CP"));
        assert_eq!(c[0].date, chrono::NaiveDate::from_ymd_opt(2016, 5, 14));
        assert_eq!(c[0].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(c[0].relation, CitationRelation::CanCu);
        let c = cites("thực hiện theo Nghị định 34/2016/NĐ-CP.");
        assert_eq!(c[0].number.as_deref(), Some("34/2016/NĐ-CP"));
        assert_eq!(c[0].relation, CitationRelation::Reference);
    }

    #[test]
    fn law_by_name_and_date() {
        let c = cites("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;");
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].name.as_deref(),
            Some("Luật Ban hành văn bản quy phạm pháp luật")
        );
        assert_eq!(c[0].date, chrono::NaiveDate::from_ymd_opt(2015, 6, 22));
        let c = cites("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;");
        assert_eq!(c[0].name.as_deref(), Some("Luật Tổ chức Chính phủ"));
        assert_eq!(c[0].number.as_deref(), Some("63/2025/QH15"));
    }

    #[test]
    fn pins_internal_and_relations() {
        let c = cites("theo quy định tại điểm a khoản 2 Điều 5 Nghị định số 34/2016/NĐ-CP");
        assert_eq!(c[0].pin.as_deref(), Some("điểm a khoản 2 Điều 5"));
        let c = cites("Các cơ quan quy định tại Điều 3 Quyết định này chịu trách nhiệm");
        assert!(c[0].internal);
        assert_eq!(c[0].pin.as_deref(), Some("Điều 3"));
        let c = cites("Quyết định này thay thế Quyết định số 12/2015/QĐ-UBND ngày 5 tháng 3 năm 2015 của Ủy ban nhân dân tỉnh Bình An.");
        assert_eq!(c[0].relation, CitationRelation::ThayThe);
        assert_eq!(c[0].issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Bình An"));
        let c = cites("bãi bỏ Quyết định số 1234/QĐ-UBND ngày 01/02/2019");
        assert_eq!(c[0].relation, CitationRelation::BaiBo);
        assert_eq!(c[0].number.as_deref(), Some("1234/QĐ-UBND"));
        assert_eq!(c[0].date, chrono::NaiveDate::from_ymd_opt(2019, 2, 1));
    }
}
