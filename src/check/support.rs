//! Shared reading helpers for the rule families: zones with fallbacks, regime, dates, articles.
//! Nothing here parses the document again; it only reads the model and slices its text.

use super::registry::KnownDocument;
use super::{tables, CheckContext};
use crate::parse::{
    Citation, DocType, Document, IssuerKind, Level, Regime, Span, Unit, UnitKind, Zone,
};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

/// Compile a pattern of this module's families. Patterns are literals tested by the unit tests,
/// so a failure is a programming error caught before release; fall back to a never-matching
/// regex rather than panic.
pub fn re(pattern: &str) -> Regex {
    crate::parse::try_pattern(pattern).unwrap_or_else(|e| {
        debug_assert!(false, "bad rule pattern {pattern}: {e}");
        Regex::new(r"[^\s\S]").expect("never-matching regex")
    })
}

/// The regime of the document: the parser's, else derived from the issue date.
pub fn regime(doc: &Document) -> Option<Regime> {
    doc.regime.or_else(|| doc.issue_date().map(Regime::of))
}

/// Neither national title nor motto found: the header was most likely lost in extraction (web
/// renderings and gazette texts often drop it), so absences in it are only warnings.
pub fn header_lost(doc: &Document) -> bool {
    doc.national_title.is_none() && doc.motto.is_none()
}

/// Warning instead of error when the header seems lost.
pub fn absence_severity(doc: &Document) -> crate::check::Severity {
    if header_lost(doc) {
        crate::check::Severity::Warning
    } else {
        crate::check::Severity::Error
    }
}

/// The document's own number, unless it was found after the type line (then it is a number the
/// parser took from the title, not the `Số:` line, and number rules would judge the wrong one).
pub fn own_number(doc: &Document) -> Option<&crate::parse::DocNumber> {
    let n = doc.number.as_ref()?;
    match &doc.doc_type {
        Some(t) if n.span.start > t.span.end => None,
        _ => Some(n),
    }
}

/// Whether the number carries a four-digit year (`15/2020/QĐ-UBND`): the mark of a VBQPPL.
pub fn has_normative_number(doc: &Document) -> bool {
    doc.number.as_ref().is_some_and(|n| n.year.is_some())
}

/// A number read without a year (`126/NQ-CP`): the mark of an administrative document. `false`
/// when no number was read at all.
pub fn administrative_number(doc: &Document) -> bool {
    doc.number.as_ref().is_some_and(|n| n.year.is_none())
}

pub fn issuer_kind(doc: &Document) -> Option<IssuerKind> {
    doc.issuer.as_ref().map(|i| i.kind)
}

pub fn doc_type(doc: &Document) -> Option<DocType> {
    doc.doc_type.as_ref().map(|t| t.value)
}

/// The type's name as the document writes it, else the name of the type read from the symbol
/// (`Quyết định`); `None` when neither is known.
pub fn type_label(doc: &Document) -> Option<String> {
    if let Some(name) = doc
        .type_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        return Some(name.to_string());
    }
    let caps = crate::parse::type_name_of(doc_type(doc)?)?.to_lowercase();
    let mut chars = caps.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Level of the issuer (document's, else issuer's).
pub fn level(doc: &Document) -> Level {
    if doc.level != Level::Unknown {
        return doc.level;
    }
    doc.issuer.as_ref().map_or(Level::Unknown, |i| i.level)
}

/// A text of the National Assembly or its standing committee enacted as a law: the
/// Constitution, a code, a law or an ordinance. They carry no recipients block and name no
/// implementing body (NN-001, HL-008).
pub fn parliamentary(doc: &Document) -> bool {
    matches!(
        doc_type(doc),
        Some(DocType::HienPhap | DocType::BoLuat | DocType::Luat | DocType::PhapLenh)
    ) || issuer_kind(doc) == Some(IssuerKind::QuocHoi)
}

/// HĐND, UBND or the chair of an UBND.
pub fn is_local(doc: &Document) -> bool {
    matches!(
        issuer_kind(doc),
        Some(
            IssuerKind::HoiDongNhanDan | IssuerKind::UyBanNhanDan | IssuerKind::ChuTichUyBanNhanDan
        )
    ) || matches!(
        level(doc),
        Level::Province | Level::District | Level::Commune
    )
}

fn nonempty(span: Span) -> Option<Span> {
    (span.end > span.start).then_some(span)
}

/// Header zone: the parser's, else the text up to the type line, else the first 15 lines.
pub fn header(doc: &Document) -> Span {
    if let Some(s) = nonempty(doc.zones.header) {
        return s;
    }
    if let Some(t) = &doc.doc_type {
        return Span::new(0, t.span.start);
    }
    let end = doc
        .text
        .match_indices('\n')
        .nth(14)
        .map_or(doc.text.len(), |(i, _)| i);
    Span::new(0, end)
}

/// Body zone: the parser's, else the span of the main structure, else the whole text.
pub fn body(doc: &Document) -> Span {
    if let Some(s) = nonempty(doc.zones.body) {
        return s;
    }
    match (doc.structure.first(), doc.structure.last()) {
        (Some(first), Some(last)) => {
            Span::new(first.span.start, last.span.end.max(first.span.start))
        }
        _ => Span::new(0, doc.text.len()),
    }
}

/// Preamble zone (căn cứ lines), when known.
pub fn preamble(doc: &Document) -> Option<Span> {
    nonempty(doc.zones.preamble)
}

/// The byte is in text that is not the document's own provisions, whatever zone a rule reads:
/// an annexed form or table, quoted amending text, the authentication block of a consolidated
/// text.
pub fn outside_provisions(doc: &Document, offset: usize) -> bool {
    matches!(
        doc.zones.at(offset),
        Zone::Annex | Zone::Quoted | Zone::Authentication
    )
}

/// Byte ranges of quoted amending text inside `span`, whose contents belong to another document.
pub fn quoted_ranges(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    collect_quoted(&doc.structure, &mut out, 0);
    for a in &doc.attachments {
        collect_quoted(&a.structure, &mut out, 0);
    }
    out
}

fn collect_quoted(units: &[Unit], out: &mut Vec<Span>, depth: usize) {
    if depth > 16 {
        return;
    }
    for u in units {
        if u.quoted {
            out.push(u.span);
        } else {
            collect_quoted(&u.children, out, depth + 1);
        }
    }
}

pub fn inside_any(pos: usize, ranges: &[Span]) -> bool {
    ranges.iter().any(|r| pos >= r.start && pos < r.end)
}

/// Articles (Điều) of a structure tree in document order, not descending into quoted units.
pub fn articles(units: &[Unit]) -> Vec<&Unit> {
    let mut out = Vec::new();
    collect_kind(units, UnitKind::Dieu, &mut out, 0);
    out
}

/// Units of one kind in document order, outside quoted text.
pub fn units_of_kind(units: &[Unit], kind: UnitKind) -> Vec<&Unit> {
    let mut out = Vec::new();
    collect_kind(units, kind, &mut out, 0);
    out
}

fn collect_kind<'u>(units: &'u [Unit], kind: UnitKind, out: &mut Vec<&'u Unit>, depth: usize) {
    if depth > 16 {
        return;
    }
    for u in units {
        if u.quoted {
            continue;
        }
        if u.kind == kind {
            out.push(u);
        } else if u.kind < kind {
            collect_kind(&u.children, kind, out, depth + 1);
        }
    }
}

/// A calendar date from captured strings; `None` when impossible.
pub fn date_of(d: &str, m: &str, y: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Span of a regex capture group, shifted by `base`.
pub fn cap_span(m: regex::Match, base: usize) -> Span {
    Span::new(base + m.start(), base + m.end())
}

/// Text of `span`, never panicking.
pub fn slice(doc: &Document, span: Span) -> &str {
    doc.text
        .get(span.start..span.end.min(doc.text.len()))
        .unwrap_or("")
}

/// Entry-into-force date of the document, when computable.
pub fn effective_date(doc: &Document) -> Option<NaiveDate> {
    doc.effective.as_ref().and_then(|e| e.date)
}

/// Fold `Đ`/`đ` to `D`/`d` and upper-case: compare symbols tolerant of OCR.
pub fn sym_key(s: &str) -> String {
    tables::fold_d(s).to_uppercase()
}

/// Citations of the `Căn cứ` lines that are not internal references.
pub fn basis_citations(doc: &Document) -> impl Iterator<Item = &Citation> {
    doc.legal_bases
        .iter()
        .flat_map(|b| b.citations.iter())
        .filter(|c| !c.internal)
}

/// Resolve a citation against the registry, never to the document itself.
pub fn resolve<'r>(
    doc: &Document,
    ctx: &'r CheckContext,
    c: &Citation,
) -> Option<&'r KnownDocument> {
    let known = ctx.registry.resolve(c, slice(doc, c.span))?;
    let own = doc.number.as_ref().map(|n| n.key.as_str());
    (own != Some(known.number_key.as_str())).then_some(known)
}

/// The `Căn cứ` citations the registry knows together with the date each takes effect (HL-006,
/// HL-007 compare that date with the document's).
pub fn bases_in_force<'a>(
    doc: &'a Document,
    ctx: &'a CheckContext,
) -> impl Iterator<Item = (&'a Citation, &'a KnownDocument, chrono::NaiveDate)> + 'a {
    basis_citations(doc).filter_map(move |c| {
        let known = resolve(doc, ctx, c)?;
        Some((c, known, known.in_force?))
    })
}

/// Abbreviations read without spelling out in Vietnamese texts (units, currencies,
/// international bodies and formats, trade and product codes `HS`/`CAS`, national standards
/// `TCVN`/`QCVN`, the legal form `TNHH` in company names, water-quality parameters `BOD`/`COD`,
/// ship numbers `IMO`, column headers `STT`/`TT`): NĐ78 Điều 60 k4 asks to spell
/// out those a reader could not know.
const COMMON_ABBREVIATIONS: &[&str] = &[
    "ADB", "ADN", "AI", "AIDS", "APEC", "API", "ARN", "ASEAN", "ATM", "BOD", "BOT", "BT", "CAD",
    "CAS", "CD", "CIF", "CITES", "COD", "COVID", "CPTPP", "DNA", "DVD", "EU", "EUR", "FAO", "FDI",
    "FOB", "FTA", "GDP", "GIS", "GMP", "GPS", "HACCP", "HIV", "HS", "ID", "IMF", "IMO", "IP",
    "ISO", "IT", "LAN", "LED", "ODA", "OECD", "OTP", "PDF", "PIN", "PPP", "QCVN", "QR", "RCEP",
    "RFID", "SIM", "SMS", "STT", "TCVN", "TNHH", "TT", "UN", "UNDP", "UNESCO", "UNICEF", "URL",
    "USB", "USD", "VAT", "VND", "WB", "WHO", "WTO", "XML",
];

/// One of [`COMMON_ABBREVIATIONS`] (ND-001, TT-004).
pub fn common_abbreviation(token: &str) -> bool {
    COMMON_ABBREVIATIONS.contains(&token)
}

/// The token is a code, not a word: the tail of a document symbol broken after its dash or
/// slash (`TT- BXD`, `TT-⏎BLĐTBXH`), or a standard followed by its number (`QCVN 96:2025`,
/// `EN 81-21:2018`, `ISO 9001`).
pub fn in_code(zone: &str, start: usize, end: usize) -> bool {
    let before = zone[..start].trim_end();
    let after = &zone[end..];
    before.ends_with(['-', '/', '–'])
        || after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

/// The token is defined where it stands: the last word of a parenthesis (`(Hiệp định GMS)`,
/// `(… - MFDS)`, `(sau đây gọi là thông báo CSSX)`), or a legend line of a formula or a list of
/// variables (`TS: Giá trị quy đổi …`, `ĐTNLT là …`).
pub fn defined_in_place(zone: &str, start: usize, end: usize) -> bool {
    let after = &zone[end..];
    if after.starts_with(')') {
        let open = zone[..start].rfind('(');
        let close = zone[..start].rfind(')');
        let newline = zone[..start].rfind('\n');
        return open.is_some_and(|o| close.is_none_or(|c| c < o) && newline.is_none_or(|n| n < o));
    }
    let line_start = zone[..start].rfind('\n').map_or(0, |i| i + 1);
    zone[line_start..start].trim().is_empty()
        && (after.starts_with(':') || after.starts_with(" là ") || after.starts_with(" ="))
}

static NORM_CUES: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)phạm\s+vi\s+điều\s+chỉnh|đối\s+tượng\s+áp\s+dụng|áp\s+dụng\s+đối\s+với|mức\s+(?:thu|chi|hỗ\s+trợ|phạt)|quy\s+định\s+(?:về|mức|chi\s+tiết)|ban\s+hành\s+kèm\s+theo[^.;]{0,80}?quy\s+(?:định|chế)",
    )
});

/// A number without year on a local QĐ/NQ whose body reads as normative (RULES.md HT-004 cues):
/// the cues found, or `None`. Shared by HT-004 and SK-002.
pub fn yearless_normative_cues(doc: &Document) -> Option<Vec<String>> {
    doc.number.as_ref().filter(|n| n.year.is_none())?;
    if !is_local(doc) || !matches!(doc_type(doc), Some(DocType::QuyetDinh | DocType::NghiQuyet)) {
        return None;
    }
    let body = body(doc);
    let text = slice(doc, body);
    let mut cues: Vec<String> = Vec::new();
    for m in NORM_CUES.find_iter(text) {
        let cue: String = m
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let cue = cue.chars().take(40).collect::<String>();
        if !cues.contains(&cue) {
            cues.push(cue);
        }
    }
    // An effective-date clause with a date is a further cue (individual acts take effect on signing).
    let dated_effect = doc.effective.as_ref().is_some_and(|e| {
        matches!(
            e.rule,
            crate::parse::EffectiveRule::Absolute { .. }
                | crate::parse::EffectiveRule::AfterDays { .. }
        )
    });
    let chapters = !units_of_kind(&doc.structure, crate::parse::UnitKind::Chuong).is_empty()
        || doc
            .attachments
            .iter()
            .any(|a| !units_of_kind(&a.structure, crate::parse::UnitKind::Chuong).is_empty());
    let score = cues.len() + usize::from(dated_effect) + usize::from(chapters);
    (score >= 2).then_some(cues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(date_of("29", "02", "2023").is_none());
        assert!(date_of("29", "02", "2024").is_some());
        assert!(date_of("31", "4", "2023").is_none());
    }
}
