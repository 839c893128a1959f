//! TG: place and date line (địa danh, thời gian ban hành), RULES.md §5.5.

use crate::check::support::{self, re};
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{Document, IssuerKind, Level};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

static DATE_PRESENT: Lazy<Regex> =
    Lazy::new(|| re(r"tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}"));
static UNFILLED_DATE: Lazy<Regex> =
    Lazy::new(|| re(r",[ \t]*ngày[ \t]*(?:[.…_]+|[ \t]{2,}|[ \t]*tháng)[ \t.…_]*tháng"));

fn digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// TG-001: no (filled) date line.
pub fn tg001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    if let Some(pd) = &doc.place_date {
        if pd.date.is_none()
            && !(digits(&pd.day_raw) && digits(&pd.month_raw) && digits(&pd.year_raw))
        {
            return vec![emit.at(
                Severity::Error,
                pd.span,
                "Ngày, tháng, năm ban hành chưa được ghi đầy đủ",
                "the issue date was left blank",
            )];
        }
        return vec![];
    }
    if doc.doc_type.is_none() && doc.issuer.is_none() {
        return vec![];
    }
    let header = support::header(doc);
    if let Some(m) = UNFILLED_DATE.find(support::slice(doc, header)) {
        return vec![emit.at(
            Severity::Error,
            support::cap_span(m, header.start),
            "Ngày, tháng, năm ban hành chưa được ghi đầy đủ",
            "the issue date was left blank",
        )];
    }
    // A date the parser could not read (a line broken inside words: `Hà N / ội, ng / ày 10 tháng
    // 9 năm 2025`) is present, not missing.
    if DATE_PRESENT.is_match(support::slice(doc, header)) {
        return vec![];
    }
    // Laws and National Assembly resolutions have no date line: their date is the passing date.
    if matches!(
        support::issuer_kind(doc),
        Some(IssuerKind::QuocHoi | IssuerKind::UyBanThuongVuQuocHoi)
    ) || doc.passed_date.is_some()
    {
        return vec![];
    }
    // A copy that lost its whole header is reported once, by TT-001.
    if support::header_lost(doc) {
        return vec![];
    }
    vec![emit.absent(
        Severity::Error,
        header.start,
        "Văn bản không có địa danh, ngày tháng năm ban hành",
        "the document has no place-and-date line",
    )]
}

/// TG-002: day 1–9 or month 1–2 without a leading zero.
pub fn tg002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(pd) = &doc.place_date else {
        return vec![];
    };
    if pd.numeric || pd.date.is_none() {
        return vec![];
    }
    let day_short = pd.day_raw.len() == 1;
    let month_short = matches!(pd.month_raw.as_str(), "1" | "2");
    if !day_short && !month_short {
        return vec![];
    }
    let day = if day_short {
        format!("0{}", pd.day_raw)
    } else {
        pd.day_raw.clone()
    };
    let month = if month_short {
        format!("0{}", pd.month_raw)
    } else {
        pd.month_raw.clone()
    };
    let place = pd
        .place
        .as_deref()
        .map(|p| format!("{p}, "))
        .unwrap_or_default();
    vec![emit
        .at(
            Severity::Warning,
            pd.span,
            "Ngày dưới 10 và tháng 1, 2 phải ghi thêm số 0 phía trước",
            "days below 10 and months 1 and 2 take a leading zero",
        )
        .with_suggestion(format!(
            "{place}ngày {day} tháng {month} năm {}",
            pd.year_raw
        ))]
}

/// TG-003: numeric, impossible or future issue date.
pub fn tg003(doc: &Document, ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(pd) = &doc.place_date else {
        return vec![];
    };
    let mut out = Vec::new();
    if pd.date.is_none() && digits(&pd.day_raw) && digits(&pd.month_raw) && digits(&pd.year_raw) {
        out.push(emit.at(
            Severity::Error,
            pd.span,
            format!(
                "Ngày ban hành không tồn tại: ngày {} tháng {} năm {}",
                pd.day_raw, pd.month_raw, pd.year_raw
            ),
            format!(
                "the issue date does not exist: {}/{}/{}",
                pd.day_raw, pd.month_raw, pd.year_raw
            ),
        ));
    }
    if pd.numeric {
        let mut f = emit.at(
            Severity::Warning,
            pd.span,
            "Ngày ban hành viết dạng số; phải viết \"ngày … tháng … năm …\"",
            "the issue date is written as numerals; it must read 'ngày … tháng … năm …'",
        );
        if let Some(d) = pd.date {
            let place = pd
                .place
                .as_deref()
                .map(|p| format!("{p}, "))
                .unwrap_or_default();
            f = f.with_suggestion(format!("{place}ngày {}", d.format("%d tháng %m năm %Y")));
        }
        out.push(f);
    }
    if let Some(d) = pd.date.filter(|&d| d > ctx.as_of) {
        out.push(emit.at(
            Severity::Warning,
            pd.span,
            format!("Ngày ban hành {} sau ngày kiểm tra", d.format("%d/%m/%Y")),
            format!("issue date {} is in the future", d.format("%d/%m/%Y")),
        ));
    }
    out
}

/// TG-004: a district-level issuer or place on a date from 01/07/2025 (no gazetteer).
pub fn tg004(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let (Some(issuer), Some(date)) = (&doc.issuer, doc.issue_date()) else {
        return vec![];
    };
    let cutoff = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or(NaiveDate::MAX);
    if date < cutoff
        || support::level(doc) != Level::District
        || !matches!(
            issuer.kind,
            IssuerKind::HoiDongNhanDan | IssuerKind::UyBanNhanDan | IssuerKind::ChuTichUyBanNhanDan
        )
    {
        return vec![];
    }
    vec![emit.at(
        Severity::Warning,
        issuer.span,
        format!(
            "{} là đơn vị hành chính cấp huyện, không còn tồn tại vào ngày {}",
            issuer.name,
            date.format("%d/%m/%Y")
        ),
        format!(
            "{} is a district-level unit, which no longer existed on {}",
            issuer.name,
            date.format("%d/%m/%Y")
        ),
    )]
}

static HDND_CLOSING: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)nghị\s+quyết\s+này\s+(?:đã\s+)?được\s+hội\s+đồng\s+nhân\s+dân[^.]{0,160}?thông\s+qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    )
});

/// TG-005: HĐND closing line passing date differs from the date line.
pub fn tg005(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(date) = doc.issue_date() else {
        return vec![];
    };
    if support::issuer_kind(doc) != Some(IssuerKind::HoiDongNhanDan) {
        return vec![];
    }
    let quoted = support::quoted_ranges(doc);
    // The resolution form of the period, which dates the resolution on its passing day.
    let (per_vi, per_en) = emit.template().map_or((String::new(), String::new()), |t| {
        (
            format!(" (theo {t}, ngày ghi ở dòng địa danh là ngày thông qua)"),
            format!(" (per {t}, the date line is the passing date)"),
        )
    });
    let mut out = Vec::new();
    for c in HDND_CLOSING.captures_iter(&doc.text) {
        let (Some(all), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if support::inside_any(all.start(), &quoted) {
            continue;
        }
        let Some(passed) = support::date_of(d.as_str(), m.as_str(), y.as_str()) else {
            continue;
        };
        if passed != date {
            out.push(emit.at(
                Severity::Warning,
                support::cap_span(all, 0),
                format!(
                    "Ngày thông qua ở câu kết ({}) khác ngày ban hành ở dòng địa danh ({}){per_vi}",
                    passed.format("%d/%m/%Y"),
                    date.format("%d/%m/%Y")
                ),
                format!(
                    "the passing date in the closing line ({}) differs from the date line ({}){per_en}",
                    passed.format("%d/%m/%Y"),
                    date.format("%d/%m/%Y")
                ),
            ));
        }
    }
    out
}
