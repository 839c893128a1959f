//! SD: amendment, replacement, repeal (sửa đổi, thay thế, bãi bỏ), RULES.md §5.10.

use crate::check::support::{self, re};
use crate::check::tables;
use crate::check::{CheckContext, Emit, Finding, Severity};
use crate::parse::{CitationRelation, Document, IssuerKind, Level};
use once_cell::sync::Lazy;
use regex::Regex;

static GENERIC_REPEAL: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:[Cc]ác|[Nn]hững)\s+(?:quy\s+định|văn\s+bản|nội\s+dung)[^.;]{0,80}?(?:trái\s+(?:với\s+)?[^.;]{0,60}?|trước\s+đây[^.;]{0,60}?)(?:đều\s+)?(?:bị\s+)?(?:bãi\s+bỏ|hết\s+hiệu\s+lực|không\s+còn\s+hiệu\s+lực)",
    )
});

/// SD-001: blanket repeal clause.
pub fn sd001(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let body = support::body(doc);
    let quoted = support::quoted_ranges(doc);
    GENERIC_REPEAL
        .find_iter(support::slice(doc, body))
        .map(|m| support::cap_span(m, body.start))
        .filter(|s| !support::inside_any(s.start, &quoted))
        .map(|s| emit.at(Severity::Error, s,
            "Bãi bỏ chung chung: phải nêu rõ tên, số, ngày văn bản và điều, khoản bị bãi bỏ, thay thế",
            "blanket repeal: the repealed or replaced text and its exact parts must be named"))
        .collect()
}

/// First element of an issuer symbol, folded (`HĐND` → `HDND`).
fn issuer_of(number: &str) -> Option<(String, String)> {
    let symbol = number.rsplit('/').next()?.trim();
    let (ty, issuer) = symbol.split_once('-')?;
    let issuer = issuer.split('-').next()?;
    Some((support::sym_key(ty.trim()), support::sym_key(issuer.trim())))
}

/// SD-002: amending or replacing a VBQPPL of another issuer.
pub fn sd002(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let Some(own) = doc.number.as_ref().filter(|n| n.year.is_some()) else {
        return vec![];
    };
    // Central bodies take over predecessors' texts (ministries merged in 2025): only local
    // HĐND/UBND pairs are judged.
    if !matches!(
        support::issuer_kind(doc),
        Some(
            IssuerKind::HoiDongNhanDan | IssuerKind::UyBanNhanDan | IssuerKind::ChuTichUyBanNhanDan
        )
    ) {
        return vec![];
    }
    // The header's body decides who the issuer is; the symbol only when the header is unknown.
    let own_issuer = match doc
        .issuer
        .as_ref()
        .and_then(|i| tables::issuer_abbreviations(i.kind))
    {
        Some(list) => support::sym_key(list[0]),
        None => support::sym_key(own.issuer_abbr.split('-').next().unwrap_or("")),
    };
    let own_type = support::doc_type(doc);
    let level = support::level(doc);
    let in_bases = |pos: usize| {
        doc.legal_bases
            .iter()
            .any(|b| pos >= b.span.start && pos < b.span.end)
    };
    let quoted = support::quoted_ranges(doc);
    let mut out = Vec::new();
    for c in &doc.citations {
        if c.internal || in_bases(c.span.start) || support::inside_any(c.span.start, &quoted) {
            continue;
        }
        let amend = matches!(
            c.relation,
            CitationRelation::SuaDoi | CitationRelation::BoSung | CitationRelation::ThayThe
        );
        let repeal = c.relation == CitationRelation::BaiBo;
        if !amend && !repeal {
            continue;
        }
        let Some(number) = c.number.as_deref() else {
            continue;
        };
        if !number.contains('/') || number.split('/').nth(1).is_none_or(|y| y.trim().len() != 4) {
            continue;
        }
        let Some((ty, issuer)) = issuer_of(number) else {
            continue;
        };
        if issuer == own_issuer || own_issuer.is_empty() {
            continue;
        }
        if repeal {
            // Repeal by a competent superior is lawful: flag only peers and subordinates.
            let own_rank = own_type.and_then(|t| tables::legal_rank(t, &own.issuer_abbr, level));
            let cited_type = match ty.as_str() {
                "NQ" => crate::parse::DocType::NghiQuyet,
                "QD" => crate::parse::DocType::QuyetDinh,
                "TT" => crate::parse::DocType::ThongTu,
                "ND" => crate::parse::DocType::NghiDinh,
                _ => continue,
            };
            let cited_rank = tables::legal_rank(
                cited_type,
                &issuer,
                if level == Level::Central {
                    Level::Central
                } else {
                    level
                },
            );
            match (own_rank, cited_rank) {
                (Some(o), Some(r)) if r >= o => {}
                _ => continue,
            }
        }
        let verb = if repeal {
            "bãi bỏ"
        } else {
            "sửa đổi, thay thế"
        };
        out.push(emit.at(
            Severity::Error,
            c.span,
            format!(
                "Văn bản {} {verb} văn bản {number} của cơ quan khác",
                own.raw
            ),
            format!(
                "{} amends, replaces or repeals {number}, issued by another body",
                own.raw
            ),
        ));
    }
    out
}

static AMEND_AS_FOLLOWS: Lazy<Regex> =
    Lazy::new(|| re(r"[Ss]ửa\s+đổi(?:,\s*bổ\s+sung)?\s+([^:\n]{0,200}?)\s*như\s+sau\s*:"));
/// A location, or the opening of a list whose items name the locations (`Sửa đổi, bổ sung một số
/// điều của Luật Thủ đô như sau:` / `a) Sửa đổi khoản 2 Điều 5 …`).
static LOCATION: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)điều\s+\d+|khoản\s+\d+|điểm\s+(?:[a-zđ]\b|\d)|chương\s+[IVXLC\d]+|mục\s+\d+|phụ\s+lục|\btên\b|biểu|mẫu|trích\s+yếu|điều\s+này|khoản\s+này|(?:một\s+số|các)\s+(?:điều|khoản|điểm)",
    )
});

/// SD-003: amendment without exact location (warning).
pub fn sd003(doc: &Document, _ctx: &CheckContext, emit: Emit) -> Vec<Finding> {
    let body = support::body(doc);
    let quoted = support::quoted_ranges(doc);
    let mut out = Vec::new();
    for c in AMEND_AS_FOLLOWS.captures_iter(support::slice(doc, body)) {
        let (Some(all), Some(target)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let span = support::cap_span(all, body.start);
        if support::inside_any(span.start, &quoted) || LOCATION.is_match(target.as_str()) {
            continue;
        }
        out.push(emit.at(
            Severity::Warning,
            span,
            "Sửa đổi, bổ sung không nêu rõ điều, khoản, điểm được sửa đổi",
            "amendment does not name the article, clause or point amended",
        ));
    }
    out
}
