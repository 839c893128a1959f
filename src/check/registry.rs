//! Known documents (number, type, dates) for judging citations (CC-003, CC-004, CC-008, HL-006,
//! HL-007). Seeded from RULES.md §10 and the shipped `data/registry.csv`; the pipeline adds every
//! document of a batch with [`Registry::extend_with`].
//!
//! A citation resolves in the order of RULES.md §7: exact number key, else law name + passing
//! date, else name alone when exactly one known document carries it (ambiguous → unresolved).

use crate::normalize::number_key;
use crate::parse::{Citation, DocType, Document};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The shipped registry data (RULES.md §10 rows and main laws cited by local documents).
const REGISTRY_CSV: &str = include_str!("data/registry.csv");

/// How sure the row's dates are (RULES.md §0 tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    Confirmed,
    Secondary,
    Recalled,
    /// Added from a parsed document of the batch.
    Parsed,
}

#[derive(Debug, Clone)]
pub struct KnownDocument {
    pub number_key: String,
    pub number: String,
    pub title: String,
    pub doc_type: Option<DocType>,
    /// Official name used when the document is cited by name (`Luật Đất đai`), empty if none.
    pub name: String,
    pub issuer: Option<String>,
    pub issued: Option<NaiveDate>,
    pub in_force: Option<NaiveDate>,
    pub ceased: Option<NaiveDate>,
    pub replaced_by: Option<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub documents: Vec<KnownDocument>,
    by_key: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

/// A malformed row of the registry data.
#[derive(Debug, thiserror::Error)]
#[error("registry row {line}: {reason}")]
pub struct RegistryError {
    pub line: usize,
    pub reason: String,
}

/// Lower-cased, single-spaced name, for name lookups.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace("uỷ", "ủy")
        .replace("hoà", "hòa")
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn parse_type(s: &str) -> Option<DocType> {
    Some(match s.trim() {
        "luat" => DocType::Luat,
        "nghi_dinh" => DocType::NghiDinh,
        "nghi_quyet" => DocType::NghiQuyet,
        "quyet_dinh" => DocType::QuyetDinh,
        "thong_tu" => DocType::ThongTu,
        "hien_phap" => DocType::HienPhap,
        _ => return None,
    })
}

impl Registry {
    /// The built-in registry (RULES.md §10 and the shipped data file).
    pub fn builtin() -> Registry {
        // The shipped file is tested (`builtin_registry_parses`); a bad row cannot reach users.
        Registry::from_csv(REGISTRY_CSV).unwrap_or_default()
    }

    /// Parse rows `number;type;name;issued;in_force;ceased;replaced_by;confidence` (`#` comments).
    pub fn from_csv(data: &str) -> Result<Registry, RegistryError> {
        let mut reg = Registry::default();
        for (i, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split(';').collect();
            if cols.len() != 8 {
                return Err(RegistryError {
                    line: i + 1,
                    reason: format!("expected 8 columns, found {}", cols.len()),
                });
            }
            let date = |c: &str| -> Result<Option<NaiveDate>, RegistryError> {
                if c.trim().is_empty() {
                    return Ok(None);
                }
                parse_date(c).map(Some).ok_or_else(|| RegistryError {
                    line: i + 1,
                    reason: format!("bad date {c:?}"),
                })
            };
            let confidence = match cols[7].trim().chars().next() {
                Some('C') => Confidence::Confirmed,
                Some('S') => Confidence::Secondary,
                _ => Confidence::Recalled,
            };
            let number = cols[0].trim().to_string();
            reg.insert(KnownDocument {
                number_key: number_key(&number),
                title: cols[2].trim().to_string(),
                number,
                doc_type: parse_type(cols[1]),
                name: cols[2].trim().to_string(),
                issuer: None,
                issued: date(cols[3])?,
                in_force: date(cols[4])?,
                ceased: date(cols[5])?,
                replaced_by: Some(cols[6].trim().to_string()).filter(|s| !s.is_empty()),
                confidence,
            });
        }
        Ok(reg)
    }

    /// Add (or complete) a known document. A number already known keeps its curated dates.
    pub fn insert(&mut self, doc: KnownDocument) {
        if !doc.number_key.is_empty() {
            if let Some(&i) = self.by_key.get(&doc.number_key) {
                let known = &mut self.documents[i];
                if known.in_force.is_none() {
                    known.in_force = doc.in_force;
                }
                if known.issued.is_none() {
                    known.issued = doc.issued;
                }
                return;
            }
        }
        let idx = self.documents.len();
        if !doc.number_key.is_empty() {
            self.by_key.insert(doc.number_key.clone(), idx);
        }
        if !doc.name.is_empty() {
            self.by_name
                .entry(name_key(&doc.name))
                .or_default()
                .push(idx);
        }
        self.documents.push(doc);
    }

    /// Add a parsed document of the batch (number, type, issuer, issue and effective dates).
    pub fn extend_with(&mut self, doc: &Document) {
        let Some(number) = &doc.number else { return };
        if number.year.is_none() {
            return;
        }
        self.insert(KnownDocument {
            number_key: number.key.clone(),
            number: number.raw.clone(),
            title: doc
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            doc_type: doc.doc_type.as_ref().map(|t| t.value),
            name: String::new(),
            issuer: doc.issuer.as_ref().map(|i| i.name.clone()),
            issued: doc.issue_date(),
            in_force: plausible_entry_into_force(doc),
            ceased: None,
            replaced_by: None,
            confidence: Confidence::Parsed,
        });
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    pub fn by_number(&self, raw: &str) -> Option<&KnownDocument> {
        self.by_key
            .get(&number_key(raw))
            .map(|&i| &self.documents[i])
    }

    /// Resolve a citation: number key, else name + date, else a name carried by one row only.
    pub fn resolve(&self, cite: &Citation, cite_text: &str) -> Option<&KnownDocument> {
        let key = cite
            .number_key
            .clone()
            .or_else(|| cite.number.as_deref().map(number_key));
        if let Some(key) = key {
            if let Some(&i) = self.by_key.get(&key) {
                return Some(&self.documents[i]);
            }
            // A number we do not know: never guess by name.
            return None;
        }
        let name = cite
            .name
            .clone()
            .or_else(|| law_name_in(cite_text))
            .map(|n| name_key(&n))?;
        let rows = self.by_name.get(&name)?;
        if let Some(date) = cite.date {
            return rows
                .iter()
                .map(|&i| &self.documents[i])
                .find(|d| d.issued == Some(date));
        }
        match rows.as_slice() {
            [only] => Some(&self.documents[*only]),
            _ => None,
        }
    }

    /// Every known document carrying this official name (any date).
    pub fn named(&self, name: &str) -> Vec<&KnownDocument> {
        self.by_name
            .get(&name_key(name))
            .map(|rows| rows.iter().map(|&i| &self.documents[i]).collect())
            .unwrap_or_default()
    }
}

/// The law name just before ` ngày …` in a citation text (`Luật Đất đai ngày 18 tháng 01 …`).
pub fn law_name_in(text: &str) -> Option<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = flat.find("Luật ").or_else(|| flat.find("Bộ luật "))?;
    let rest = &flat[start..];
    let end = rest
        .find(" ngày ")
        .or_else(|| rest.find(" số "))
        .or_else(|| rest.find(';'))
        .unwrap_or(rest.len());
    let name = rest[..end].trim_end_matches([';', ',', '.']).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The effective date a parsed copy gives itself, when it can be its own: on or after its issue
/// date and within three years of it. A later date is most often an amendment's, read from a
/// consolidated or annotated copy (`… có hiệu lực từ ngày 15/08/2025` in a 2015 decree), and
/// would make HL-007 report every document based on it.
fn plausible_entry_into_force(doc: &Document) -> Option<NaiveDate> {
    let effective = doc.effective.as_ref()?.date?;
    let issued = doc.issue_date()?;
    let days = (effective - issued).num_days();
    (0..=3 * 366).contains(&days).then_some(effective)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::CitationRelation;
    use crate::parse::Span;

    fn cite(number: Option<&str>, name: Option<&str>, date: Option<NaiveDate>) -> Citation {
        Citation {
            doc_type: None,
            number: number.map(str::to_string),
            number_key: number.map(number_key),
            name: name.map(str::to_string),
            date,
            issuer: None,
            pin: None,
            internal: false,
            relation: CitationRelation::CanCu,
            span: Span::default(),
        }
    }

    #[test]
    fn builtin_registry_parses() {
        let reg = Registry::from_csv(REGISTRY_CSV).expect("shipped registry must parse");
        assert!(reg.len() >= 50);
    }

    #[test]
    fn resolves_by_number_and_by_name_date() {
        let reg = Registry::builtin();
        let d = reg
            .resolve(&cite(Some("34/2016/ND-CP"), None, None), "")
            .unwrap();
        assert_eq!(d.number, "34/2016/NĐ-CP");
        let date = NaiveDate::from_ymd_opt(2015, 6, 19);
        let d = reg
            .resolve(
                &cite(None, Some("Luật Tổ chức chính quyền địa phương"), date),
                "",
            )
            .unwrap();
        assert_eq!(d.number, "77/2015/QH13");
        // Same name, no date: ambiguous.
        assert!(reg
            .resolve(
                &cite(None, Some("Luật Tổ chức chính quyền địa phương"), None),
                ""
            )
            .is_none());
        // Name taken from the citation text.
        let d = reg.resolve(
            &cite(None, None, NaiveDate::from_ymd_opt(2024, 1, 18)),
            "Luật Đất đai ngày 18 tháng 01 năm 2024;",
        );
        assert_eq!(d.map(|d| d.number.as_str()), Some("31/2024/QH15"));
    }

    #[test]
    fn a_copy_dated_far_from_its_issue_does_not_set_the_date_in_force() {
        let text = |effective: &str| {
            format!("CHÍNH PHỦ\nSố: 08/2015/NĐ-CP\nHà Nội, ngày 21 tháng 01 năm 2015\nNGHỊ ĐỊNH\nĐiều 1. Hiệu lực\nNghị định này có hiệu lực thi hành từ ngày {effective}.\n")
        };
        let mut reg = Registry::default();
        reg.extend_with(&crate::parse::parse(&text("15 tháng 3 năm 2015")));
        assert_eq!(
            reg.by_number("08/2015/NĐ-CP").and_then(|k| k.in_force),
            NaiveDate::from_ymd_opt(2015, 3, 15)
        );
        let mut reg = Registry::default();
        reg.extend_with(&crate::parse::parse(&text("15 tháng 8 năm 2025")));
        assert_eq!(
            reg.by_number("08/2015/NĐ-CP").and_then(|k| k.in_force),
            None
        );
    }
}
