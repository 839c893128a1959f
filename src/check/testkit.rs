//! Test-only builder of [`Document`]s: every field is set explicitly by the test, with spans found
//! by locating the given string in the text. This is not a parser; it lets rule tests run without
//! depending on the parse stage.

use super::registry::Registry;
use super::{CheckContext, Config, Finding};
use crate::normalize::number_key;
use crate::parse::*;
use chrono::NaiveDate;

pub struct DocBuilder {
    pub doc: Document,
}

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

impl DocBuilder {
    pub fn new(text: &str) -> DocBuilder {
        DocBuilder {
            doc: Document {
                text: text.to_string(),
                issuer: None,
                parent_issuer: None,
                level: Level::Unknown,
                national_title: None,
                motto: None,
                number: None,
                place_date: None,
                doc_type: None,
                type_name: None,
                title: None,
                enacting_formula: None,
                legal_bases: Vec::new(),
                structure: Vec::new(),
                attachments: Vec::new(),
                effective: None,
                signature: None,
                recipients: None,
                citations: Vec::new(),
                regime: None,
                zones: Zones::default(),
                passed_date: None,
                page_starts: Vec::new(),
            },
        }
    }

    fn span_of(&self, needle: &str) -> Span {
        let start = self
            .doc
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in test text"));
        Span::new(start, start + needle.len())
    }

    pub fn issuer(mut self, name: &str, kind: IssuerKind, level: Level) -> Self {
        let span = self.span_of(name);
        self.doc.issuer = Some(Issuer {
            name: name.to_string(),
            locality: None,
            kind,
            level,
            span,
        });
        self.doc.level = level;
        self
    }

    /// `raw` like `15/2022/QĐ-UBND`.
    pub fn number(mut self, raw: &str) -> Self {
        let span = self.span_of(raw);
        let parts: Vec<&str> = raw.split('/').collect();
        let (year, symbol) = match parts.as_slice() {
            [_, y, s] => (y.parse().ok(), *s),
            [_, s] => (None, *s),
            _ => (None, ""),
        };
        let (type_abbr, issuer_abbr) = symbol.split_once('-').unwrap_or(("", symbol));
        self.doc.number = Some(DocNumber {
            raw: raw.to_string(),
            serial: parts.first().unwrap_or(&"").to_string(),
            year,
            type_abbr: type_abbr.to_string(),
            issuer_abbr: issuer_abbr.to_string(),
            key: number_key(raw),
            ocr_suspect: false,
            span,
        });
        self
    }

    pub fn date(mut self, line: &str, date: NaiveDate) -> Self {
        let span = self.span_of(line);
        self.doc.place_date = Some(PlaceDate {
            place: None,
            date: Some(date),
            day_raw: format!("{:02}", chrono::Datelike::day(&date)),
            month_raw: chrono::Datelike::month(&date).to_string(),
            year_raw: chrono::Datelike::year(&date).to_string(),
            numeric: false,
            span,
        });
        self.doc.regime = Some(Regime::of(date));
        self
    }

    pub fn doc_type(mut self, line: &str, ty: DocType) -> Self {
        let span = self.span_of(line);
        self.doc.doc_type = Some(Spanned { value: ty, span });
        self.doc.type_name = Some(line.to_string());
        self
    }

    pub fn effective(mut self, clause: &str, rule: EffectiveRule, date: Option<NaiveDate>) -> Self {
        let span = self.span_of(clause);
        self.doc.effective = Some(EffectiveDate {
            rule,
            date,
            shortened_procedure: false,
            span,
        });
        self
    }

    /// A `Căn cứ` item with one citation (number or name + date).
    pub fn basis(
        mut self,
        text: &str,
        number: Option<&str>,
        name: Option<&str>,
        date: Option<NaiveDate>,
    ) -> Self {
        let span = self.span_of(text);
        let citation = Citation {
            doc_type: None,
            number: number.map(str::to_string),
            number_key: number.map(number_key),
            name: name.map(str::to_string),
            date,
            issuer: None,
            pin: None,
            internal: false,
            relation: CitationRelation::CanCu,
            span,
        };
        self.doc.legal_bases.push(LegalBasis {
            text: text.to_string(),
            citations: vec![citation],
            span,
        });
        self
    }

    pub fn article(mut self, heading: &str, n: u32) -> Self {
        let span = self.span_of(heading);
        self.doc.structure.push(Unit {
            kind: UnitKind::Dieu,
            label: n.to_string(),
            ordinal: Some(n),
            title: heading
                .split_once(". ")
                .map(|x| x.1.to_string())
                .unwrap_or_default(),
            heading_span: span,
            span,
            quoted: false,
            children: Vec::new(),
        });
        self
    }

    pub fn signature(
        mut self,
        block: &str,
        modes: Vec<SigningMode>,
        titles: &[&str],
        signer: Option<&str>,
    ) -> Self {
        let span = self.span_of(block);
        self.doc.signature = Some(SignatureBlock {
            modes,
            on_behalf_of: None,
            titles: titles.iter().map(|t| t.to_string()).collect(),
            signer: signer.map(str::to_string),
            span,
        });
        self
    }

    pub fn build(self) -> Document {
        self.doc
    }
}

/// Run the rule with this ID with the built-in registry, judged as of 2026-11-23.
pub fn run(doc: &Document, id: &str) -> Vec<Finding> {
    let rule = super::rules::rule(id).unwrap_or_else(|| panic!("no rule {id}"));
    let registry = Registry::builtin();
    let config = Config::default();
    let mut ctx = CheckContext::new(&registry, &config);
    ctx.as_of = ymd(2026, 11, 23);
    rule.run(doc, &ctx)
}
