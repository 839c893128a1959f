//! One checked document as handed to the index, and its tantivy form.

use super::schema::Fields;
use crate::check::Finding;
use crate::extract::{Encoding, SourceFormat, TextLayer};
use crate::normalize::number_key;
use crate::parse::Document;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeSet;
use tantivy::{DateTime, TantivyDocument};

/// One checked document, as handed to the index.
pub struct IndexRecord<'a> {
    /// SHA-256 of the file bytes, hex.
    pub id: &'a str,
    pub path: &'a str,
    pub format: SourceFormat,
    pub pages: u32,
    pub text_layer: TextLayer,
    pub encoding: Encoding,
    pub document: &'a Document,
    pub findings: &'a [Finding],
}

/// The serde name of a unit enum (`DocType::QuyetDinh` → `quyet_dinh`): one spelling for index,
/// filters and JSON.
pub(crate) fn enum_key<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) fn to_datetime(date: NaiveDate) -> Option<DateTime> {
    let secs = date.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    Some(DateTime::from_timestamp_secs(secs))
}

pub(crate) fn from_datetime(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// Issuer as one line: the body, preceded by its parent line when the header has one.
pub(crate) fn issuer_line(doc: &Document) -> Option<String> {
    let issuer = doc.issuer.as_ref()?;
    let mut line = String::new();
    if let Some(parent) = &doc.parent_issuer {
        line.push_str(parent);
        line.push(' ');
    }
    line.push_str(&issuer.name);
    if let Some(locality) = &issuer.locality {
        if !issuer.name.contains(locality.as_str()) {
            line.push(' ');
            line.push_str(locality);
        }
    }
    Some(line)
}

impl IndexRecord<'_> {
    /// Year of the document: issue date first, else the year in its number.
    pub fn year(&self) -> Option<i32> {
        let doc = self.document;
        doc.issue_date()
            .map(|d| d.year())
            .or_else(|| doc.number.as_ref().and_then(|n| n.year))
    }

    pub(crate) fn to_document(&self, f: &Fields) -> TantivyDocument {
        let doc = self.document;
        let mut d = TantivyDocument::default();
        d.add_text(f.id, self.id);
        d.add_text(f.path, self.path);
        if let Some(n) = &doc.number {
            d.add_text(f.number, &n.raw);
            let key = if n.key.is_empty() {
                number_key(&n.raw)
            } else {
                n.key.clone()
            };
            d.add_text(f.number_key, key);
        }
        if let Some(t) = &doc.doc_type {
            d.add_text(f.doc_type, t.value.key());
        }
        if let Some(issuer) = issuer_line(doc) {
            d.add_text(f.issuer, issuer);
        }
        d.add_text(f.level, doc.level.key());
        if let Some(r) = &doc.regime {
            d.add_text(f.regime, enum_key(r));
        }
        if let Some(date) = doc.issue_date().and_then(to_datetime) {
            d.add_date(f.issue_date, date);
        }
        if let Some(date) = doc
            .effective
            .as_ref()
            .and_then(|e| e.date)
            .and_then(to_datetime)
        {
            d.add_date(f.effective_date, date);
        }
        if let Some(year) = self.year().and_then(|y| u64::try_from(y).ok()) {
            d.add_u64(f.year, year);
        }
        if let Some(title) = &doc.title {
            d.add_text(f.title, &title.value);
            d.add_text(f.title_folded, &title.value);
        }
        d.add_text(f.body, &doc.text);
        d.add_text(f.body_folded, &doc.text);
        d.add_text(f.body_pairs, &doc.text);
        let rules: BTreeSet<&str> = self.findings.iter().map(|x| x.rule.as_str()).collect();
        for rule in rules {
            d.add_text(f.rules, rule);
        }
        let severities: BTreeSet<&str> =
            self.findings.iter().map(|x| x.severity.as_str()).collect();
        for severity in severities {
            d.add_text(f.severities, severity);
        }
        if let Ok(json) = serde_json::to_string(self.findings) {
            d.add_text(f.findings, json);
        }
        d.add_text(f.format, enum_key(&self.format));
        d.add_text(f.text_layer, enum_key(&self.text_layer));
        d.add_text(f.encoding, enum_key(&self.encoding));
        d.add_u64(f.pages, u64::from(self.pages));
        d
    }
}
