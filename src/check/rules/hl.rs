//! HL: entry into force (hiệu lực), RULES.md §5.2, driven by Table C and the registry.

use crate::check::support::{self, re};
use crate::check::tables;
use crate::check::{CheckContext, Confidence, Emit, Finding, Severity};
use crate::parse::{DocType, Document, EffectiveRule, Level, Span, UnitKind};
use chrono::{Datelike, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

fn fmt(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// HL-001: a VBQPPL without an effective-date clause.
pub fn hl001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if doc.effective.is_some() || !support::has_normative_number(doc) {
        return vec![];
    }
    let anchor = support::body(doc).start;
    // Without a signature block the text is probably cut short: the clause may be in the lost part.
    let severity = if doc.signature.is_some() {
        Severity::Error
    } else {
        Severity::Warning
    };
    vec![emit.absent(
        severity,
        anchor,
        "Không có điều khoản quy định thời điểm có hiệu lực của văn bản",
        "no clause fixes the document's entry into force",
    )]
}

/// The law-making procedure named anywhere in the text. Emergencies and "trường hợp đặc biệt"
/// count only in the preamble or the effective-date sentence (the parser's
/// `shortened_procedure`): in a body they are mostly the subject matter.
static RUT_GON: Lazy<Regex> = Lazy::new(|| re(r"(?i)trình\s+tự,?\s*thủ\s+tục\s+rút\s+gọn"));

/// Days from issue to entry into force, when the clause makes it computable.
fn gap_days(doc: &Document) -> Option<i64> {
    let eff = doc.effective.as_ref()?;
    let issued = doc.issue_date()?;
    match &eff.rule {
        EffectiveRule::FromSigning { .. } => Some(0),
        EffectiveRule::AfterDays { days, .. } => Some(i64::from(*days)),
        EffectiveRule::Absolute { .. } => eff.date.map(|d| (d - issued).num_days()),
        EffectiveRule::Unverifiable { .. } => None,
    }
}

/// HL-002: gap below the minimum of Table C.
pub fn hl002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(eff) = &doc.effective else {
        return vec![];
    };
    if !support::has_normative_number(doc) {
        return vec![];
    }
    // The National Assembly sets the entry into force of its own laws and resolutions: the
    // minimum of the law on VBQPPL binds the instruments below it, and the inspection of
    // documents does not reach them.
    if support::parliamentary(doc) {
        return vec![];
    }
    let (Some(regime), Some(gap)) = (support::regime(doc), gap_days(doc)) else {
        return vec![];
    };
    if gap < 0 {
        return vec![]; // HL-004 (retroactive).
    }
    let level = support::level(doc);
    let Some((min, basis)) = tables::min_gap(regime, level) else {
        return vec![];
    };
    if gap >= i64::from(min) {
        return vec![];
    }
    let exception = eff.shortened_procedure || RUT_GON.is_match(&doc.text);
    // Central bodies routinely use the shortened procedure, which the text need not mention.
    let severity = if exception || level == Level::Central {
        Severity::Warning
    } else {
        Severity::Error
    };
    let lvl = match level {
        Level::Central => "cơ quan trung ương",
        Level::Province => "cấp tỉnh",
        Level::District => "cấp huyện",
        Level::Commune => "cấp xã",
        Level::Unknown => "",
    };
    // Whether a central text went through the shortened procedure is in its dossier, not in its
    // words: without a mention in the text the reviewer has to look it up.
    let confidence = if level == Level::Central && !exception {
        Confidence::Low
    } else {
        Confidence::High
    };
    let mut f = emit.at(severity, eff.span,
        format!("Thời điểm có hiệu lực chỉ cách ngày ban hành {gap} ngày, ít hơn {min} ngày tối thiểu đối với văn bản {lvl} ({basis}){}", if exception { "; văn bản có nhắc thủ tục rút gọn/trường hợp đặc biệt, cần kiểm tra" } else { "" }),
        format!("enters into force {gap} days after issue, below the {min}-day minimum ({basis}){}", if exception { "; an exception is mentioned, verify" } else { "" }));
    f = f.with_confidence(confidence);
    if let Some(issued) = doc.issue_date() {
        if let Some(earliest) = issued.checked_add_days(chrono::Days::new(u64::from(min))) {
            f = f.with_suggestion(format!(
                "có hiệu lực từ ngày {} tháng {} năm {} (sớm nhất)",
                earliest.day(),
                earliest.month(),
                earliest.year()
            ));
        }
    }
    vec![f]
}

/// HL-003: entry into force tied to an unverifiable event; numeric dates as info.
pub fn hl003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(eff) = &doc.effective else {
        return vec![];
    };
    match &eff.rule {
        EffectiveRule::Unverifiable { event } => vec![emit.at(
            Severity::Warning,
            eff.span,
            format!("Thời điểm có hiệu lực gắn với mốc không xác định được từ văn bản ({event})"),
            format!("entry into force tied to an event the text cannot fix ({event})"),
        )],
        EffectiveRule::Absolute { numeric: true, .. } => vec![emit.at(
            Severity::Info,
            eff.span,
            "Ngày có hiệu lực viết dạng số (dd/mm/yyyy) thay vì ngày … tháng … năm …",
            "effective date written as numerals instead of 'ngày … tháng … năm …'",
        )],
        _ => vec![],
    }
}

static RETRO_APPLY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:được\s+)?(?:[Áá]p\s+dụng|[Tt]hực\s+hiện|[Tt]ính)\s+(?:kể\s+)?từ\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    )
});

/// HL-004: effective or application date before the issue date.
pub fn hl004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(issued) = doc.issue_date() else {
        return vec![];
    };
    if !support::has_normative_number(doc) {
        return vec![];
    }
    // RULES.md §12 item 1: the ban on retroactive local texts is recalled [R], not confirmed
    // in the statute's wording: a warning for every issuer until it is.
    let severity = Severity::Warning;
    let mut out = Vec::new();
    if let Some(eff) = &doc.effective {
        if let Some(d) = eff.date.filter(|&d| d < issued) {
            out.push(emit.at(
                severity,
                eff.span,
                format!(
                    "Ngày có hiệu lực {} trước ngày ban hành {}: quy định hiệu lực trở về trước",
                    fmt(d),
                    fmt(issued)
                ),
                format!(
                    "effective date {} precedes the issue date {}: retroactive effect",
                    fmt(d),
                    fmt(issued)
                ),
            ));
        }
    }
    let body = support::body(doc);
    let quoted = support::quoted_ranges(doc);
    for c in RETRO_APPLY.captures_iter(support::slice(doc, body)) {
        let (Some(all), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let span = support::cap_span(all, body.start);
        if support::inside_any(span.start, &quoted)
            || doc
                .effective
                .as_ref()
                .is_some_and(|e| span.start >= e.span.start && span.start < e.span.end)
        {
            continue;
        }
        let Some(date) = support::date_of(d.as_str(), m.as_str(), y.as_str()) else {
            continue;
        };
        if date < issued {
            out.push(emit.at(
                severity,
                span,
                format!(
                    "Quy định áp dụng từ ngày {} trước ngày ban hành {}: hiệu lực trở về trước",
                    fmt(date),
                    fmt(issued)
                ),
                format!(
                    "provision applied from {} before the issue date {}: retroactive effect",
                    fmt(date),
                    fmt(issued)
                ),
            ));
        }
    }
    out
}

static DATE_WORDS: Lazy<Regex> = Lazy::new(|| {
    re(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(\d{1,2})/(\d{1,2})/(\d{4})")
});

/// `ngày … tháng … năm 2026`: a date left blank in the effective clause.
static UNFILLED_DATE: Lazy<Regex> = Lazy::new(|| re(r"ngày[\s.…_]*tháng[\s.…_]*năm"));

/// HL-005: impossible, implausible or blank effective date.
pub fn hl005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(eff) = &doc.effective else {
        return vec![];
    };
    if !matches!(eff.rule, EffectiveRule::Absolute { .. }) {
        return vec![];
    }
    let text = support::slice(doc, eff.span);
    if eff.date.is_none() && UNFILLED_DATE.is_match(text) {
        return vec![emit.at(
            Severity::Error,
            eff.span,
            "Ngày có hiệu lực chưa được điền (ngày … tháng … năm)",
            "the effective date was left blank",
        )];
    }
    let Some(c) = DATE_WORDS.captures(text) else {
        return vec![];
    };
    let get = |a: usize, b: usize| c.get(a).or_else(|| c.get(b)).map_or("", |m| m.as_str());
    let (d, m, y) = (get(1, 4), get(2, 5), get(3, 6));
    let Some(all) = c.get(0) else { return vec![] };
    let span = support::cap_span(all, eff.span.start);
    match support::date_of(d, m, y) {
        None => vec![emit.at(
            Severity::Error,
            span,
            format!("Ngày có hiệu lực không tồn tại: ngày {d} tháng {m} năm {y}"),
            format!("the effective date does not exist: {d}/{m}/{y}"),
        )],
        Some(date) => match doc.issue_date() {
            Some(issued) if date.year() > issued.year() + 5 => vec![emit.at(
                Severity::Warning,
                span,
                format!(
                    "Ngày có hiệu lực {} cách năm ban hành hơn 5 năm, cần kiểm tra",
                    fmt(date)
                ),
                format!(
                    "effective date {} is more than five years after issue; verify",
                    fmt(date)
                ),
            )],
            _ => vec![],
        },
    }
}

static DETAILING: Lazy<Regex> = Lazy::new(|| re(r"(?i)quy\s+định\s+chi\s+tiết"));

/// HL-006: detailing document not taking effect with the detailed law.
pub fn hl006(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(title), Some(eff), Some(issued)) =
        (&doc.title, support::effective_date(doc), doc.issue_date())
    else {
        return vec![];
    };
    if !DETAILING.is_match(&title.value) {
        return vec![];
    }
    let mut out = Vec::new();
    for (c, known, law_eff) in support::bases_in_force(doc, ctx) {
        if !matches!(known.doc_type, Some(crate::parse::DocType::Luat)) {
            continue;
        }
        let cited_in_title = title.value.contains(&known.name)
            || (!known.number.is_empty() && title.value.contains(&known.number));
        if cited_in_title && eff > law_eff && issued < law_eff {
            out.push(emit.at(Severity::Warning, c.span,
                format!("Văn bản quy định chi tiết có hiệu lực {} sau ngày {} có hiệu lực ({}) dù được ban hành trước ngày đó", fmt(eff), known.number, fmt(law_eff)),
                format!("detailing text takes effect on {}, after {} ({}), though issued before that date", fmt(eff), known.number, fmt(law_eff))));
        }
    }
    out
}

/// HL-007: a basis takes effect after the document.
pub fn hl007(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(eff) = support::effective_date(doc) else {
        return vec![];
    };
    let mut out = Vec::new();
    for (c, known, basis_eff) in support::bases_in_force(doc, ctx) {
        if basis_eff > eff {
            let label = if known.number.is_empty() {
                known.name.clone()
            } else {
                known.number.clone()
            };
            // Laws often bring some provisions into force before the rest (`… trừ quy định
            // tại khoản 2 …`); the registry keeps one date, so the basis may be in force in
            // the part the document relies on.
            let staged = matches!(known.doc_type, Some(DocType::Luat | DocType::BoLuat));
            let recalled = known.confidence == crate::check::registry::Confidence::Recalled;
            let (severity, confidence) = if staged || recalled {
                (Severity::Warning, Confidence::Medium)
            } else {
                (Severity::Error, Confidence::High)
            };
            let (note_vi, note_en) = if staged {
                (
                    "; luật có thể có điều khoản có hiệu lực sớm hơn, cần kiểm tra điều khoản được viện dẫn",
                    "; a law may bring some provisions into force earlier: check the provision relied on",
                )
            } else {
                ("", "")
            };
            out.push(
                emit.at(
                    severity,
                    c.span,
                    format!(
                        "Văn bản có hiệu lực từ {} nhưng căn cứ {} đến {} mới có hiệu lực{note_vi}",
                        fmt(eff),
                        label,
                        fmt(basis_eff)
                    ),
                    format!(
                        "the document takes effect on {} but its basis {} only on {}{note_en}",
                        fmt(eff),
                        label,
                        fmt(basis_eff)
                    ),
                )
                .with_confidence(confidence)
                .with_suggestion(format!(
                    "có hiệu lực từ ngày {} tháng {} năm {} trở đi",
                    basis_eff.day(),
                    basis_eff.month(),
                    basis_eff.year()
                )),
            );
        }
    }
    out
}

static RESP_TITLE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm\s+(?:thi\s+hành|thực\s+hiện)|điều\s+khoản\s+thi\s+hành",
    )
});
/// Someone is made responsible, in any wording (`có trách nhiệm`, `chịu trách nhiệm`, `chủ trì`).
static IMPL_RESP_ANY: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)trách\s+nhiệm|chủ\s+trì|tổ\s+chức\s+thực\s+hiện|hướng\s+dẫn\s+thực\s+hiện")
});
static IMPL_RESP: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)chịu\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành|trách\s+nhiệm\s+thi\s+hành|tổ\s+chức\s+thực\s+hiện|chịu\s+trách\s+nhiệm\s+thực\s+hiện|tổ\s+chức\s+triển\s+khai|giao\s+(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân[^.]{0,40}tổ\s+chức|(?:chủ\s+trì|đôn\s+đốc)[^.;]{0,200}?thực\s+hiện\s+(?:thông\s+tư|nghị\s+định|quyết\s+định|nghị\s+quyết)\s+này",
    )
});

/// HL-008: no implementation-responsibility clause in the last two articles, or in the last
/// chapter when it holds them (`Chương V. TỔ CHỨC THỰC HIỆN`). Laws, codes and ordinances name
/// no implementing body; the basis is unconfirmed ([R] in RULES.md): low confidence.
pub fn hl008(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if !support::has_normative_number(doc) || support::parliamentary(doc) {
        return vec![];
    }
    let arts = support::articles(&doc.structure);
    if arts.is_empty() {
        return vec![];
    }
    let tail = &arts[arts.len().saturating_sub(2)..];
    let end = tail.iter().map(|a| a.span.end).max().unwrap_or(0);
    let last_chapter = support::units_of_kind(&doc.structure, UnitKind::Chuong)
        .into_iter()
        .rfind(|c| c.span.start <= tail[0].span.start && tail[0].span.start < c.span.end);
    let start = last_chapter.map_or(tail[0].span.start, |c| c.span.start);
    if IMPL_RESP.is_match(support::slice(doc, Span::new(start, end.max(start)))) {
        return vec![];
    }
    // The implementing article set before a transitional one (`Điều 9. Tổ chức thực hiện`,
    // `Điều 10. Quy định chuyển tiếp`, `Điều 11. Hiệu lực thi hành`): named by its title.
    if arts[arts.len().saturating_sub(4)..].iter().any(|a| {
        RESP_TITLE.is_match(&a.title) && IMPL_RESP_ANY.is_match(support::slice(doc, a.span))
    }) {
        return vec![];
    }
    let last = tail[tail.len() - 1];
    let per = emit.template().map_or(String::new(), |t| {
        format!(" (điều khoản trách nhiệm thi hành theo {t})")
    });
    vec![emit
        .at(
            Severity::Warning,
            last.heading_span,
            format!(
                "Hai điều cuối không quy định cơ quan, người chịu trách nhiệm thi hành văn bản{per}"
            ),
            "the last two articles name nobody responsible for implementing the document",
        )
        .with_confidence(Confidence::Low)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A circular whose last articles are `tail`.
    fn circular(tail: &str) -> Document {
        crate::parse::parse(&format!("BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 05/2022/TT-BTC\nHà Nội, ngày 05 tháng 5 năm 2022\nTHÔNG TƯ\nHướng dẫn quản lý phí\nCăn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn quản lý phí.\n{tail}"))
    }

    #[test]
    fn hl008_finds_the_implementing_article_before_a_transitional_one() {
        let doc = circular("Điều 2. Tổ chức thực hiện\nCục Quản lý giá có trách nhiệm hướng dẫn, kiểm tra.\nĐiều 3. Quy định chuyển tiếp\nHồ sơ đã nộp được xử lý theo quy định cũ.\nĐiều 4. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày 20 tháng 6 năm 2022.\n");
        assert!(crate::check::testkit::run(&doc, "HL-008").is_empty());
    }

    #[test]
    fn hl008_recognises_responsibility_worded_otherwise() {
        let missing = circular(
            "Điều 2. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày 20 tháng 6 năm 2022.\n",
        );
        let f = crate::check::testkit::run(&missing, "HL-008");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].confidence, Confidence::Low);
        for ok in [
            "Điều 2. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày 20 tháng 6 năm 2022.\nCục Quản lý giá chủ trì, đôn đốc các đơn vị thực hiện Thông tư này.\n",
            "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 2. Hiệu lực\nThông tư này có hiệu lực từ ngày 20 tháng 6 năm 2022.\nĐiều 3. Chuyển tiếp\nHồ sơ đã nộp được giải quyết theo quy định cũ.\n",
        ] {
            assert!(crate::check::testkit::run(&circular(ok), "HL-008").is_empty(), "{ok}");
        }
        // A law names no implementing body.
        let law = crate::parse::parse("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLuật số: 80/2015/QH13\nLUẬT\nBAN HÀNH VĂN BẢN QUY PHẠM PHÁP LUẬT\nĐiều 1. Phạm vi\nLuật này quy định.\nĐiều 2. Hiệu lực thi hành\nLuật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2016.\n");
        assert!(crate::check::testkit::run(&law, "HL-008").is_empty());
    }
    use crate::check::testkit::{run, ymd, DocBuilder};
    use crate::parse::{DocType, IssuerKind};

    const TEXT: &str = "ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSố: 15/2022/QĐ-UBND\nBình An, ngày 05 tháng 5 năm 2022\nQUYẾT ĐỊNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;\nĐiều 1. Hiệu lực\nQuyết định này có hiệu lực từ ngày 16 tháng 5 năm 2022.\nQuyết định này có hiệu lực kể từ ngày ký.\n";

    fn base() -> DocBuilder {
        DocBuilder::new(TEXT)
            .issuer(
                "ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
                IssuerKind::UyBanNhanDan,
                Level::Province,
            )
            .number("15/2022/QĐ-UBND")
            .date("Bình An, ngày 05 tháng 5 năm 2022", ymd(2022, 5, 5))
            .doc_type("QUYẾT ĐỊNH", DocType::QuyetDinh)
    }

    #[test]
    fn hl002_gap() {
        let ok = base()
            .effective(
                "có hiệu lực từ ngày 16 tháng 5 năm 2022",
                EffectiveRule::Absolute {
                    date: Some(ymd(2022, 5, 16)),
                    numeric: false,
                },
                Some(ymd(2022, 5, 16)),
            )
            .build();
        assert!(run(&ok, "HL-002").is_empty());
        let bad = base()
            .effective(
                "có hiệu lực kể từ ngày ký",
                EffectiveRule::FromSigning {
                    event: "ký".into()
                },
                Some(ymd(2022, 5, 5)),
            )
            .build();
        let f = run(&bad, "HL-002");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0]
            .suggestion
            .as_deref()
            .is_some_and(|s| s.contains("15 tháng 5 năm 2022")));
        assert!(run(&bad, "HL-001").is_empty());
        assert_eq!(run(&base().build(), "HL-001").len(), 1);
    }

    #[test]
    fn hl002_central_without_mention_is_low_confidence_and_laws_set_their_own_date() {
        let central = |issuer: &str, kind, number: &str, type_line: &str, ty| {
            let text = format!("{issuer}\nSố: {number}\nHà Nội, ngày 05 tháng 5 năm 2022\n{type_line}\nĐiều 1. Hiệu lực\nVăn bản này có hiệu lực kể từ ngày ký.\n");
            DocBuilder::new(&text)
                .issuer(issuer, kind, Level::Central)
                .number(number)
                .date("Hà Nội, ngày 05 tháng 5 năm 2022", ymd(2022, 5, 5))
                .doc_type(type_line, ty)
                .effective(
                    "có hiệu lực kể từ ngày ký",
                    EffectiveRule::FromSigning {
                        event: "ký".into()
                    },
                    Some(ymd(2022, 5, 5)),
                )
                .build()
        };
        let circular = central(
            "BỘ TÀI CHÍNH",
            IssuerKind::Bo,
            "15/2022/TT-BTC",
            "THÔNG TƯ",
            DocType::ThongTu,
        );
        let f = run(&circular, "HL-002");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].confidence, Confidence::Low);
        let law = central(
            "QUỐC HỘI",
            IssuerKind::QuocHoi,
            "15/2022/QH15",
            "LUẬT",
            DocType::Luat,
        );
        assert!(run(&law, "HL-002").is_empty());
    }

    #[test]
    fn hl007_basis_not_yet_in_force() {
        let doc = base()
            .effective(
                "có hiệu lực từ ngày 16 tháng 5 năm 2022",
                EffectiveRule::Absolute {
                    date: Some(ymd(2022, 5, 16)),
                    numeric: false,
                },
                Some(ymd(2022, 5, 16)),
            )
            .basis(
                "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2025;",
                None,
                Some("Luật Ngân sách nhà nước"),
                Some(ymd(2025, 6, 25)),
            )
            .basis(
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                None,
                Some("Luật Tổ chức chính quyền địa phương"),
                Some(ymd(2015, 6, 19)),
            )
            .build();
        let f = run(&doc, "HL-007");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("89/2025/QH15"));
        // A law may bring some provisions into force earlier: a warning to verify.
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("cần kiểm tra"));
        // The same 2025 law cited in 2022 is also dated after the document.
        assert_eq!(run(&doc, "CC-004").len(), 1);
    }
}
