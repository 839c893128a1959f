//! CC: legal basis (căn cứ ban hành), RULES.md §5.3. Reads the parsed `Căn cứ` items and their
//! citations; resolves them against the registry for dates.

use crate::check::registry::{self, Confidence, KnownDocument};
use crate::check::support::{self, re};
use crate::check::tables;
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{DocType, Document, IssuerKind, LegalBasis, Level, Span};
use chrono::{Datelike, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

fn fmt(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn label(k: &KnownDocument) -> String {
    if k.number.is_empty() {
        k.name.clone()
    } else {
        k.number.clone()
    }
}

/// Registry rows only recalled support a warning, not an error.
fn by_confidence(k: &KnownDocument) -> Severity {
    if k.confidence == Confidence::Recalled {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// CC-001: no `Căn cứ` section.
pub fn cc001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if !doc.legal_bases.is_empty() || !support::has_normative_number(doc) {
        return vec![];
    }
    if matches!(
        support::doc_type(doc),
        Some(DocType::HienPhap | DocType::VanBanHopNhat)
    ) {
        return vec![];
    }
    let anchor = doc.title.as_ref().map(|t| t.span.end).unwrap_or(0);
    vec![emit.absent(
        Severity::Error,
        anchor,
        "Văn bản không có phần căn cứ ban hành",
        "the document has no legal-basis section",
    )]
}

/// Items that are not `Căn cứ` (Xét, Theo đề nghị, Thực hiện) may cite anything.
fn is_can_cu(b: &LegalBasis) -> bool {
    let t = b.text.trim_start().to_lowercase();
    !(t.starts_with("xét")
        || t.starts_with("theo đề nghị")
        || t.starts_with("thực hiện")
        || t.starts_with("trên cơ sở")
        || t.starts_with("theo "))
}

/// The basis text with its offset in the document (the span's slice, else the stored text).
fn basis_text<'d>(doc: &'d Document, b: &'d LegalBasis) -> (&'d str, usize) {
    let s = support::slice(doc, b.span);
    if s.is_empty() {
        (b.text.as_str(), b.span.start)
    } else {
        (s, b.span.start)
    }
}

static DOCREF_QPPL: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\d{1,5}\s*/\s*\d{4}\s*/\s*(?:[A-ZĐ]{1,6}\s*-\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*|(?:UBTVQH|QH)\d{2})",
    )
});
static DOCREF_ADMIN: Lazy<Regex> = Lazy::new(|| {
    re(r"\b\d{1,6}/[A-ZĐ][A-Za-zĐđ]{0,5}-[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*")
});
static DOCREF_PARTY: Lazy<Regex> =
    Lazy::new(|| re(r"\b\d{1,5}-(?:NQ|KL|CT|HD|QĐ|QC|TB)/(?:TW|TƯ|TU|HU|ĐU|BCSĐ|ĐĐ|VPTW)\b"));
static ADMIN_TYPE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:^|[;,]\s*|(?i:căn\s+cứ)\s+(?:vào\s+)?)(Công\s+văn|Kế\s+hoạch|Thông\s+báo|Kết\s+luận|Tờ\s+trình|Báo\s+cáo|Hướng\s+dẫn|Chương\s+trình|Đề\s+án)\b",
    )
});
static CHI_THI: Lazy<Regex> = Lazy::new(|| re(r"Chỉ\s+thị\s+(?:số\s+)?\d{1,5}/(\d{4})/CT-"));

/// CC-002: a `Căn cứ` cites something that is not a VBQPPL.
pub fn cc002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    // A document numbered without a year is itself administrative (`126/NQ-CP`, `420/QĐ-BTP`):
    // the rule on what a VBQPPL may be based on does not bind it.
    if support::administrative_number(doc) {
        return vec![];
    }
    let mut out = Vec::new();
    for b in doc.legal_bases.iter().filter(|b| is_can_cu(b)) {
        let (text, base) = basis_text(doc, b);
        let masked: Vec<(usize, usize)> = DOCREF_QPPL
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        let in_mask = |s: usize| masked.iter().any(|&(a, e)| s >= a && s < e);
        let mut push = |start: usize, end: usize, what_vi: &str, what_en: &str| {
            let span = Span::new(base + start, base + end);
            if out.iter().any(|f: &Finding| f.start == span.start) {
                return;
            }
            out.push(emit.at(Severity::Error, span,
                format!("Căn cứ ban hành viện dẫn {what_vi}, không phải văn bản quy phạm pháp luật; nên chuyển sang dòng \"Thực hiện …\""),
                format!("a legal basis cites {what_en}, which is not a VBQPPL; move it to a 'Thực hiện …' line")));
        };
        for m in DOCREF_PARTY.find_iter(text) {
            push(m.start(), m.end(), "văn bản của Đảng", "a Party document");
        }
        for m in DOCREF_ADMIN.find_iter(text).filter(|m| !in_mask(m.start())) {
            // Party numbers (`45-NQ/TW`) are reported above.
            if DOCREF_PARTY.is_match(text.get(m.start().saturating_sub(6)..m.end()).unwrap_or("")) {
                continue;
            }
            // A decree is normative whatever its number says: `Nghị định số 308/NĐ-CP` lost its
            // year in the writing (a CC-008 matter), it is no administrative document.
            if m.as_str().contains("/NĐ-CP") {
                continue;
            }
            push(
                m.start(),
                m.end(),
                "văn bản hành chính (số không có năm)",
                "an administrative document (number without year)",
            );
        }
        for c in ADMIN_TYPE.captures_iter(text) {
            if let Some(t) = c.get(1) {
                push(
                    t.start(),
                    t.end(),
                    &format!("văn bản loại {}", t.as_str()),
                    "a non-normative document type",
                );
            }
        }
        for c in CHI_THI.captures_iter(text) {
            let (Some(all), Some(y)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if y.as_str().parse::<i32>().is_ok_and(|y| y > 2016) {
                push(
                    all.start(),
                    all.end(),
                    "Chỉ thị ban hành sau ngày 01/7/2016",
                    "a Chỉ thị issued after 01/07/2016",
                );
            }
        }
        for c in b
            .citations
            .iter()
            .filter(|c| c.doc_type == Some(DocType::ChiThi))
        {
            if c.date
                .is_some_and(|d| d >= NaiveDate::from_ymd_opt(2016, 7, 1).unwrap_or(NaiveDate::MIN))
            {
                let rel = c.span.start.saturating_sub(base);
                push(
                    rel,
                    rel + (c.span.end - c.span.start),
                    "Chỉ thị ban hành sau ngày 01/7/2016",
                    "a Chỉ thị issued after 01/07/2016",
                );
            }
        }
    }
    out
}

/// The date at which the bases must be in force: entry into force, else the issue date.
fn judged_at(doc: &Document) -> Option<NaiveDate> {
    support::effective_date(doc).or_else(|| doc.issue_date())
}

/// CC-003: a basis no longer in force.
pub fn cc003(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(at) = judged_at(doc) else {
        return vec![];
    };
    let mut out = Vec::new();
    for c in support::basis_citations(doc) {
        let Some(known) = support::resolve(doc, ctx, c) else {
            continue;
        };
        let Some(ceased) = known.ceased.filter(|&d| d <= at) else {
            continue;
        };
        let mut f = emit.at(
            by_confidence(known),
            c.span,
            format!(
                "Căn cứ {} đã hết hiệu lực từ ngày {} (văn bản có hiệu lực/ban hành ngày {})",
                label(known),
                fmt(ceased),
                fmt(at)
            ),
            format!(
                "basis {} ceased to have effect on {} (document dated/effective {})",
                label(known),
                fmt(ceased),
                fmt(at)
            ),
        );
        if let Some(next) = &known.replaced_by {
            let repl = ctx.registry.by_number(next);
            let hint = match repl {
                Some(r) if !r.name.is_empty() => match r.issued {
                    Some(d) => format!(
                        "{} ngày {} tháng {:02} năm {} ({})",
                        r.name,
                        d.day(),
                        d.month(),
                        d.year(),
                        r.number
                    ),
                    None => format!("{} ({})", r.name, r.number),
                },
                _ => next.clone(),
            };
            f = f.with_suggestion(format!("thay bằng {hint}"));
        }
        out.push(f);
    }
    out
}

/// Year inside a cited number (`34/2016/NĐ-CP` → 2016).
fn number_year(number: &str) -> Option<i32> {
    let mut parts = number.split('/');
    parts.next()?;
    let y = parts.next()?.trim();
    (y.len() == 4).then(|| y.parse().ok()).flatten()
}

/// CC-004: a basis dated after the document.
pub fn cc004(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(issued) = doc.issue_date() else {
        return vec![];
    };
    // A date line whose year differs from the number's is itself the defect (SK-004); judging
    // the bases against it would repeat that one slip once per basis.
    if doc
        .number
        .as_ref()
        .and_then(|n| n.year)
        .is_some_and(|y| y != issued.year())
    {
        return vec![];
    }
    let mut out = Vec::new();
    for c in support::basis_citations(doc) {
        let cited_date = c
            .date
            .or_else(|| support::resolve(doc, ctx, c).and_then(|k| k.issued));
        let year = c.number.as_deref().and_then(number_year);
        let what = c
            .number
            .clone()
            .or_else(|| c.name.clone())
            .unwrap_or_default();
        if let Some(d) = cited_date.filter(|&d| d > issued) {
            out.push(emit.at(
                Severity::Error,
                c.span,
                format!(
                    "Căn cứ {} ngày {} ban hành sau văn bản (ngày {})",
                    what,
                    fmt(d),
                    fmt(issued)
                ),
                format!(
                    "basis {} dated {} is later than the document ({})",
                    what,
                    fmt(d),
                    fmt(issued)
                ),
            ));
        } else if let Some(y) = year.filter(|&y| y > issued.year()) {
            out.push(emit.at(
                Severity::Error,
                c.span,
                format!(
                    "Căn cứ {} mang năm {} sau năm ban hành văn bản ({})",
                    what,
                    y,
                    issued.year()
                ),
                format!(
                    "basis {} carries year {}, after the document's year {}",
                    what,
                    y,
                    issued.year()
                ),
            ));
        }
    }
    out
}

static QPPL_PARTS: Lazy<Regex> = Lazy::new(|| {
    re(r"^\s*\d{1,5}\s*/\s*\d{4}\s*/\s*(?:([A-ZĐD]{1,6})\s*-\s*([A-Za-zĐđ0-9-]+)|(UBTVQH|QH)\d{2})")
});

fn type_of_abbr(abbr: &str) -> Option<DocType> {
    Some(match support::sym_key(abbr).as_str() {
        "NQ" => DocType::NghiQuyet,
        "QD" => DocType::QuyetDinh,
        "ND" => DocType::NghiDinh,
        "TT" => DocType::ThongTu,
        "TTLT" => DocType::ThongTuLienTich,
        "CT" => DocType::ChiThi,
        _ => return None,
    })
}

/// Level named in a citation's issuer (`của Ủy ban nhân dân tỉnh Bình An`).
fn cited_level(issuer: &str) -> Option<Level> {
    let l = issuer.to_lowercase();
    let words = |ws: &[&str]| {
        ws.iter()
            .any(|w| l.contains(&format!(" {w} ")) || l.ends_with(&format!(" {w}")))
    };
    if words(&["xã", "phường", "thị trấn", "đặc khu"]) {
        Some(Level::Commune)
    } else if words(&["huyện", "quận", "thị xã"]) {
        Some(Level::District)
    } else if words(&["tỉnh", "thành phố"]) {
        Some(Level::Province)
    } else {
        None
    }
}

/// CC-005: a basis of the same issuer or of equal/lower legal force.
pub fn cc005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(own), Some(own_type)) = (&doc.number, support::doc_type(doc)) else {
        return vec![];
    };
    if own.year.is_none() {
        return vec![];
    }
    let level = support::level(doc);
    let Some(own_rank) = tables::legal_rank(own_type, &own.issuer_abbr, level) else {
        return vec![];
    };
    let local = support::is_local(doc);
    let mut out = Vec::new();
    for b in doc.legal_bases.iter().filter(|b| is_can_cu(b)) {
        for c in b.citations.iter().filter(|c| !c.internal) {
            let Some(number) = &c.number else { continue };
            let Some(caps) = QPPL_PARTS.captures(number) else {
                continue;
            };
            let (ty, issuer_abbr) = match (caps.get(1), caps.get(2), caps.get(3)) {
                (Some(t), Some(i), _) => match type_of_abbr(t.as_str()) {
                    Some(ty) => (ty, i.as_str().to_string()),
                    None => continue,
                },
                (_, _, Some(q)) => (DocType::Luat, q.as_str().to_string()),
                _ => continue,
            };
            if c.number_key.as_deref() == Some(own.key.as_str()) {
                continue;
            }
            // The amending text of the basis before it (`Hiến pháp … đã được sửa đổi, bổ sung
            // một số điều theo Nghị quyết số 203/2025/QH15`) takes the rank of what it amends.
            if amendment_of_the_basis(doc, b.span.start, c.span.start) {
                continue;
            }
            let named_level = c.issuer.as_deref().and_then(cited_level);
            let cited_lvl = if local {
                named_level.unwrap_or(level)
            } else {
                Level::Central
            };
            let Some(rank) = tables::legal_rank(ty, &issuer_abbr, cited_lvl) else {
                continue;
            };
            let same_issuer = support::sym_key(&issuer_abbr) == support::sym_key(&own.issuer_abbr)
                && cited_lvl == level;
            let severity = if rank < own_rank
                || (same_issuer && (named_level.is_some() || level == Level::Province))
            {
                Severity::Error
            } else if rank == own_rank {
                Severity::Warning
            } else {
                continue;
            };
            // Ministries cite each other's circulars rarely, but joint circulars legitimately.
            if !local && rank == own_rank && !same_issuer && ty == DocType::ThongTuLienTich {
                continue;
            }
            out.push(emit.at(
                severity,
                c.span,
                format!(
                    "Căn cứ {number} có hiệu lực pháp lý không cao hơn văn bản được ban hành{}",
                    if same_issuer {
                        " (cùng cơ quan ban hành)"
                    } else {
                        ""
                    }
                ),
                format!(
                    "basis {number} does not have higher legal force than the document{}",
                    if same_issuer { " (same issuer)" } else { "" }
                ),
            ));
        }
    }
    out
}

static LOCAL_GOV: Lazy<Regex> = Lazy::new(|| re(r"(?i)tổ\s+chức\s+chính\s+quyền\s+địa\s+phương"));
static GOV_ORG: Lazy<Regex> = Lazy::new(|| re(r"(?i)tổ\s+chức\s+chính\s+phủ"));
static MINISTRY_FUNCS: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)chức\s+năng,?\s+nhiệm\s+vụ,?\s+quyền\s+hạn"));

/// CC-006: no basis establishing the issuer's competence (warning).
pub fn cc006(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if doc.legal_bases.is_empty() || !support::has_normative_number(doc) {
        return vec![];
    }
    let (pattern, vi, en): (&Regex, &str, &str) = match support::issuer_kind(doc) {
        Some(
            IssuerKind::HoiDongNhanDan | IssuerKind::UyBanNhanDan | IssuerKind::ChuTichUyBanNhanDan,
        ) => (
            &LOCAL_GOV,
            "Luật Tổ chức chính quyền địa phương",
            "the law on local government",
        ),
        Some(IssuerKind::ChinhPhu | IssuerKind::ThuTuong) => (
            &GOV_ORG,
            "Luật Tổ chức Chính phủ",
            "the law on the organisation of the Government",
        ),
        Some(IssuerKind::Bo | IssuerKind::CoQuanNgangBo)
            if support::doc_type(doc) == Some(DocType::ThongTu) =>
        {
            (
                &MINISTRY_FUNCS,
                "Nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ",
                "the decree on the ministry's functions",
            )
        }
        _ => return vec![],
    };
    if doc.legal_bases.iter().any(|b| pattern.is_match(&b.text)) {
        return vec![];
    }
    let first = doc.legal_bases[0].span;
    vec![emit.at(
        Severity::Warning,
        first,
        format!(
            "Phần căn cứ không viện dẫn văn bản quy định thẩm quyền của cơ quan ban hành ({vi})"
        ),
        format!("the bases cite no text establishing the issuer's competence ({en})"),
    )]
}

static DETAILING: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)quy\s+định\s+chi\s+tiết|quy\s+định\s+cụ\s+thể|hướng\s+dẫn\s+thi\s+hành"));
static ARTICLE_CITE: Lazy<Regex> = Lazy::new(|| re(r"(?i)(?:^|\W)điều\s+\d+"));
static CITED_NUMBER: Lazy<Regex> = Lazy::new(|| re(r"(?i)\bsố\s+\d+/|\d+/\d{4}/"));
/// A text detailing "một số điều" (or "các điều") of a law is delegated by many of its articles;
/// the templates' practice is to cite the law itself, and the title names the scope.
static MANY_ARTICLES: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)(?:một\s+số|các)\s+điều(?:\s|,|$)|biện\s+pháp\s+thi\s+hành"));

static AMENDED_BY: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)sửa\s+đổi,?\s*(?:bổ\s+sung)?[^;]{0,80}?(?:theo|bởi|tại)\s+(?:(?:Nghị\s+quyết|Luật|Nghị\s+định|Thông\s+tư|Pháp\s+lệnh|Quyết\s+định)(?:\s+số)?\s*)?$",
    )
});

/// The citation at `at` is introduced as the amendment of the basis named before it on its line
/// (`… đã được sửa đổi, bổ sung một số điều theo Nghị quyết số …`).
fn amendment_of_the_basis(doc: &Document, line_start: usize, at: usize) -> bool {
    doc.text
        .get(line_start..at)
        .is_some_and(|before| AMENDED_BY.is_match(before))
}

/// CC-007: detailing document whose bases cite no article (warning).
pub fn cc007(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(title) = &doc.title else {
        return vec![];
    };
    // The cue must be the document's own: in `Sửa đổi … Thông tư số 80/2021/TT-BTC … hướng dẫn
    // thi hành …` it names what the amended circular did.
    let own = CITED_NUMBER
        .find(&title.value)
        .map_or(title.value.as_str(), |m| &title.value[..m.start()]);
    if doc.legal_bases.is_empty()
        || !support::has_normative_number(doc)
        || !DETAILING.is_match(own)
        || MANY_ARTICLES.is_match(own)
    {
        return vec![];
    }
    if doc
        .legal_bases
        .iter()
        .any(|b| ARTICLE_CITE.is_match(&b.text))
    {
        return vec![];
    }
    vec![emit.at(Severity::Warning, title.span,
        "Văn bản quy định chi tiết nhưng phần căn cứ không nêu điều, khoản của văn bản giao quy định chi tiết",
        "a detailing document whose bases do not cite the delegating article or clause")]
}

static QH_KHOA: Lazy<Regex> = Lazy::new(|| re(r"/(\d{4})/(?:UBTVQH|QH)(\d{2})\b"));

/// CC-008: wrong particulars of a cited basis.
pub fn cc008(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in support::basis_citations(doc) {
        let number = c.number.as_deref().unwrap_or("");
        if let (Some(y), Some(d)) = (number_year(number), c.date) {
            if y != d.year() {
                out.push(emit.at(
                    Severity::Error,
                    c.span,
                    format!(
                        "Năm trong số hiệu {number} khác năm của ngày ban hành ghi kèm ({})",
                        fmt(d)
                    ),
                    format!(
                        "the year in {number} differs from the date given with it ({})",
                        fmt(d)
                    ),
                ));
                continue;
            }
        }
        if let Some(caps) = QH_KHOA.captures(number) {
            let (y, k) = (
                caps[1].parse::<i32>().unwrap_or(0),
                caps[2].parse::<u32>().unwrap_or(0),
            );
            if tables::khoa_fits_year(k, y) == Some(false) {
                out.push(emit.at(
                    Severity::Error,
                    c.span,
                    format!("Khóa Quốc hội trong số hiệu {number} không khớp với năm {y}"),
                    format!("the legislature number in {number} does not fit the year {y}"),
                ));
                continue;
            }
        }
        let Some(date) = c.date else { continue };
        if let Some(known) = support::resolve(doc, ctx, c) {
            if let Some(issued) = known.issued.filter(|&i| i != date) {
                out.push(
                    emit.at(
                        by_confidence(known),
                        c.span,
                        format!(
                            "Căn cứ {} ghi ngày {} nhưng văn bản được ban hành ngày {}",
                            label(known),
                            fmt(date),
                            fmt(issued)
                        ),
                        format!(
                            "basis {} is dated {} but was issued on {}",
                            label(known),
                            fmt(date),
                            fmt(issued)
                        ),
                    )
                    .with_suggestion(format!(
                        "ngày {:02} tháng {:02} năm {}",
                        issued.day(),
                        issued.month(),
                        issued.year()
                    )),
                );
            }
            continue;
        }
        // Cited by name with a wrong date: one law of that name passed that year, on another day.
        if c.number.is_some() {
            continue;
        }
        let name = c
            .name
            .clone()
            .or_else(|| registry::law_name_in(support::slice(doc, c.span)));
        let Some(name) = name else { continue };
        let same_year: Vec<&KnownDocument> = ctx
            .registry
            .named(&name)
            .into_iter()
            .filter(|k| k.issued.is_some_and(|i| i.year() == date.year()))
            .collect();
        if let [known] = same_year.as_slice() {
            if let Some(issued) = known.issued.filter(|&i| i != date) {
                out.push(
                    emit.at(
                        by_confidence(known),
                        c.span,
                        format!(
                            "{} được thông qua ngày {}, không phải ngày {}",
                            known.name,
                            fmt(issued),
                            fmt(date)
                        ),
                        format!(
                            "{} was passed on {}, not {}",
                            known.name,
                            fmt(issued),
                            fmt(date)
                        ),
                    )
                    .with_suggestion(format!(
                        "ngày {:02} tháng {:02} năm {}",
                        issued.day(),
                        issued.month(),
                        issued.year()
                    )),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_refs() {
        let t = "Căn cứ Công văn số 1234/BTC-NSNN ngày 12 tháng 3 năm 2021 của Bộ Tài chính;";
        assert!(DOCREF_ADMIN.is_match(t));
        assert!(ADMIN_TYPE.is_match(t));
        let ok = "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;";
        let m = DOCREF_QPPL.find(ok).unwrap();
        assert!(DOCREF_ADMIN
            .find_iter(ok)
            .all(|a| a.start() >= m.start() && a.start() < m.end()));
        assert!(DOCREF_PARTY.is_match("Căn cứ Nghị quyết số 45-NQ/TW"));
        assert_eq!(number_year("34/2016/NĐ-CP"), Some(2016));
        assert_eq!(
            cited_level("Ủy ban nhân dân tỉnh Bình An"),
            Some(Level::Province)
        );
    }

    #[test]
    fn cc007_reads_the_documents_own_detailing_cue() {
        let own = |t: &str| {
            let own = CITED_NUMBER.find(t).map_or(t, |m| &t[..m.start()]);
            DETAILING.is_match(own) && !MANY_ARTICLES.is_match(own)
        };
        assert!(own("Quy định chi tiết khoản 4 Điều 21 Luật Thủy lợi"));
        assert!(own("Quy định chi tiết một số nội dung về quản lý chợ"));
        // Many articles of a law: the law itself is cited.
        assert!(!own(
            "Quy định chi tiết một số điều và biện pháp thi hành Luật Đất đai"
        ));
        // The cue describes the amended circular, not this one.
        assert!(!own("Sửa đổi, bổ sung một số điều của Thông tư số 80/2021/TT-BTC ngày 29 tháng 9 năm 2021 hướng dẫn thi hành Luật Quản lý thuế"));
    }

    #[test]
    fn cc002_judges_normative_documents_only() {
        let text = |number: &str| {
            format!("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: {number}\nHà Nội, ngày 05 tháng 3 năm 2020\nNGHỊ QUYẾT\nVề chương trình hành động\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị quyết số 02-NQ/TW ngày 12 tháng 6 năm 2019 của Bộ Chính trị;\nĐiều 1. Phạm vi\nNội dung.\n")
        };
        let normative = crate::parse::parse(&text("12/2020/NQ-CP"));
        assert_eq!(crate::check::testkit::run(&normative, "CC-002").len(), 1);
        let administrative = crate::parse::parse(&text("126/NQ-CP"));
        assert!(crate::check::testkit::run(&administrative, "CC-002").is_empty());
    }

    #[test]
    fn cc005_an_amendment_of_the_basis_takes_its_rank() {
        let text = |basis: &str| {
            format!("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLuật số: 131/2025/QH15\nLUẬT\nSỬA ĐỔI LUẬT\n{basis}\nĐiều 1. Phạm vi\nNội dung.\n")
        };
        let amended = crate::parse::parse(&text("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;"));
        assert!(crate::check::testkit::run(&amended, "CC-005").is_empty());
        assert!(AMENDED_BY
            .is_match("Căn cứ Hiến pháp đã được sửa đổi, bổ sung một số điều theo Nghị quyết số "));
        assert!(!AMENDED_BY.is_match("Căn cứ Nghị quyết số "));
    }
}
