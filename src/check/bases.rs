//! The legal basis of every rule in every regime of RULES.md §1: the one owner of that fact.
//!
//! The data is `data/legal_bases.toml` (sources and judgement calls in `data/LEGAL_BASES.md`),
//! compiled in and parsed once. Each (rule, regime) pair is either a [`Basis`] (what a finding
//! cites, and the template of that period where the rule is about a form) or [`Absent`]: the rule
//! does not exist in that period and does not run.
//!
//! [`Absent`]: Period::Absent

use super::rules::RULES;
use super::RuleId;
use crate::parse::{Document, Regime};
use chrono::NaiveDate;
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How far a basis is confirmed (RULES.md §0); a text citing several instruments carries the
/// weakest tag of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BasisTag {
    /// Confirmed against the text of the instrument.
    C,
    /// From a secondary source.
    S,
    /// Recalled or inferred: unconfirmed, and findings say so.
    R,
}

impl BasisTag {
    /// Whether a reviewer may cite the basis as it stands.
    pub fn confirmed(self) -> bool {
        self != BasisTag::R
    }
}

/// What a finding of one rule cites for one regime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    /// Vietnamese citation, inspection-report style.
    pub text: String,
    pub text_en: String,
    pub tag: BasisTag,
    /// The form or template of that period the rule refers to (HL-008, TG-005, TT-005, BC-007,
    /// CK-004), for messages that name it.
    pub template: Option<String>,
}

/// One rule in one regime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    /// The rule applies; findings cite this.
    Basis(Basis),
    /// The rule does not exist in that period: it does not run. `why` in English, `why_vi` for
    /// reviewers.
    Absent { why: String, why_vi: String },
}

impl Period {
    pub fn basis(&self) -> Option<&Basis> {
        match self {
            Period::Basis(b) => Some(b),
            Period::Absent { .. } => None,
        }
    }
}

/// The regime a document is judged under, and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocRegime {
    /// From the document's own issue (or passing) date.
    Issued(Regime),
    /// No readable issue date: the regime of the date of judgement, which the basis says.
    AsOf(Regime, NaiveDate),
}

impl DocRegime {
    pub fn of(doc: &Document, as_of: NaiveDate) -> DocRegime {
        match doc.regime {
            Some(r) => DocRegime::Issued(r),
            None => DocRegime::AsOf(Regime::of(as_of), as_of),
        }
    }

    pub fn regime(self) -> Regime {
        match self {
            DocRegime::Issued(r) | DocRegime::AsOf(r, _) => r,
        }
    }

    /// The basis text a finding carries: with the date used when the issue date is unknown.
    pub fn cite(self, basis: &Basis) -> String {
        match self {
            DocRegime::Issued(_) => basis.text.clone(),
            DocRegime::AsOf(_, d) => format!(
                "{} (không đọc được ngày ban hành: theo thời kỳ của ngày {})",
                basis.text,
                d.format("%d/%m/%Y")
            ),
        }
    }
}

/// The whole table: for each rule, one [`Period`] per regime (indexed by [`Regime::index`]).
#[derive(Debug)]
pub struct Bases {
    by_rule: HashMap<RuleId, [Period; Regime::COUNT]>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BasesError {
    #[error("legal_bases.toml: {0}")]
    Toml(String),
    #[error("legal_bases.toml: unknown rule {0:?}")]
    UnknownRule(String),
    #[error("legal_bases.toml: {rule} × {regime:?} covered {count} times")]
    Coverage {
        rule: RuleId,
        regime: Regime,
        count: usize,
    },
    #[error("legal_bases.toml: {rule}: empty {field}")]
    Empty { rule: RuleId, field: &'static str },
    #[error("legal_bases.toml: {0}: entry lists no regime")]
    NoRegime(RuleId),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    basis: Vec<BasisEntry>,
    #[serde(default)]
    absent: Vec<AbsentEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BasisEntry {
    rule: String,
    regimes: Vec<Regime>,
    text: String,
    text_en: String,
    tag: BasisTag,
    #[serde(default)]
    template: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AbsentEntry {
    rule: String,
    regimes: Vec<Regime>,
    why: String,
    why_vi: String,
}

static SHIPPED: Lazy<Bases> = Lazy::new(|| {
    // The shipped file is validated by the unit test below: a failure here is a build defect.
    Bases::from_toml(include_str!("data/legal_bases.toml")).unwrap_or_else(|e| panic!("{e}"))
});

/// The shipped table.
pub fn bases() -> &'static Bases {
    &SHIPPED
}

/// What `rule` cites in `regime` (or why it does not run), from the shipped table.
pub fn of(rule: RuleId, regime: Regime) -> &'static Period {
    SHIPPED.get(rule, regime)
}

impl Bases {
    /// Parse and validate: every rule of the table × every regime covered exactly once, no
    /// unknown rule, no empty text.
    pub fn from_toml(text: &str) -> Result<Bases, BasesError> {
        let file: File = toml::from_str(text).map_err(|e| BasesError::Toml(one_line(&e)))?;
        let mut slots: HashMap<RuleId, [Vec<Period>; Regime::COUNT]> = HashMap::new();
        let entries = file
            .basis
            .into_iter()
            .map(|e| {
                let basis = Basis {
                    text: e.text,
                    text_en: e.text_en,
                    tag: e.tag,
                    template: e.template,
                };
                (e.rule, e.regimes, Period::Basis(basis))
            })
            .chain(file.absent.into_iter().map(|e| {
                let why = Period::Absent {
                    why: e.why,
                    why_vi: e.why_vi,
                };
                (e.rule, e.regimes, why)
            }));
        for (rule, regimes, period) in entries {
            let id: RuleId = rule
                .parse()
                .map_err(|_| BasesError::UnknownRule(rule.clone()))?;
            if id == RuleId::INTERNAL {
                return Err(BasesError::UnknownRule(rule));
            }
            if regimes.is_empty() {
                return Err(BasesError::NoRegime(id));
            }
            let texts: &[(&'static str, &str)] = match &period {
                Period::Basis(b) => &[
                    ("text", b.text.as_str()),
                    ("text_en", b.text_en.as_str()),
                    ("template", b.template.as_deref().unwrap_or("-")),
                ],
                Period::Absent { why, why_vi } => {
                    &[("why", why.as_str()), ("why_vi", why_vi.as_str())]
                }
            };
            if let Some((field, _)) = texts.iter().find(|(_, t)| t.trim().is_empty()) {
                return Err(BasesError::Empty { rule: id, field });
            }
            let row = slots.entry(id).or_default();
            for regime in regimes {
                row[regime.index()].push(period.clone());
            }
        }
        let mut by_rule = HashMap::new();
        for rule in RULES {
            let row = slots.remove(&rule.id).unwrap_or_default();
            let mut periods = Vec::with_capacity(Regime::COUNT);
            for (regime, mut cell) in Regime::ALL.into_iter().zip(row) {
                if cell.len() != 1 {
                    return Err(BasesError::Coverage {
                        rule: rule.id,
                        regime,
                        count: cell.len(),
                    });
                }
                periods.extend(cell.pop());
            }
            let periods: [Period; Regime::COUNT] = periods
                .try_into()
                .unwrap_or_else(|_| unreachable!("one period per regime"));
            by_rule.insert(rule.id, periods);
        }
        Ok(Bases { by_rule })
    }

    /// What `rule` cites in `regime`. Every rule of the table has a row (checked on load); the
    /// internal pseudo-rule has none and gets an absent period.
    pub fn get(&self, rule: RuleId, regime: Regime) -> &Period {
        static NONE: Lazy<Period> = Lazy::new(|| Period::Absent {
            why: "not a rule of RULES.md".into(),
            why_vi: "không phải quy tắc của RULES.md".into(),
        });
        self.by_rule
            .get(&rule)
            .map_or(&*NONE, |row| &row[regime.index()])
    }

    /// The periods of `rule` with equal consecutive entries merged, oldest first: (label of the
    /// dates they cover, entry). The compact form `vbqppl rules` and SARIF show.
    pub fn grouped(&self, rule: RuleId) -> Vec<(String, &Period)> {
        let mut groups: Vec<(Regime, Regime, &Period)> = Vec::new();
        for (regime, p) in self.periods(rule) {
            match groups.last_mut() {
                Some((_, last, q)) if *q == p => *last = regime,
                _ => groups.push((regime, regime, p)),
            }
        }
        groups
            .into_iter()
            .map(|(first, last, p)| (dates_label(first, last), p))
            .collect()
    }

    /// One line per group: `dates: basis`, or `dates: không áp dụng`.
    pub fn summary_vi(&self, rule: RuleId) -> String {
        self.grouped(rule)
            .into_iter()
            .map(|(dates, p)| match p {
                Period::Basis(b) => format!("{dates}: {}", b.text),
                Period::Absent { .. } => format!("{dates}: không áp dụng"),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The periods of `rule`, oldest first.
    pub fn periods(&self, rule: RuleId) -> impl Iterator<Item = (Regime, &Period)> {
        Regime::ALL.into_iter().map(move |r| (r, self.get(rule, r)))
    }
}

/// The dates covered by the regimes `first..=last` (`01/07/2016–31/03/2025`, `trước 01/04/2005`,
/// `từ 01/07/2025`).
fn dates_label(first: Regime, last: Regime) -> String {
    let fmt = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let end = Regime::ALL
        .get(last.index() + 1)
        .and_then(|next| next.first_day())
        .and_then(|d| d.pred_opt());
    match (first.first_day(), end) {
        (None, None) => "mọi thời kỳ".to_string(),
        (None, Some(e)) => format!("đến {}", fmt(e)),
        (Some(s), None) => format!("từ {}", fmt(s)),
        (Some(s), Some(e)) => format!("{}–{}", fmt(s), fmt(e)),
    }
}

fn one_line(e: &toml::de::Error) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED_TEXT: &str = include_str!("data/legal_bases.toml");

    #[test]
    fn shipped_table_covers_every_rule_and_regime_once() {
        let b = Bases::from_toml(SHIPPED_TEXT).expect("shipped table valid");
        assert_eq!(b.by_rule.len(), RULES.len());
        for rule in RULES {
            let applies = b.periods(rule.id).filter(|(_, p)| p.basis().is_some());
            assert!(applies.count() > 0, "{} applies in no period", rule.id);
        }
        // Rules that name a form in their message have the form of the 2025 periods.
        for id in ["HL-008", "TG-005", "TT-005", "BC-007", "CK-004"] {
            let id: RuleId = id.parse().expect("id");
            for (regime, p) in b.periods(id).filter(|(r, _)| *r >= Regime::L2025) {
                if let Period::Basis(basis) = p {
                    assert!(basis.template.is_some(), "{id} × {regime:?}: no template");
                }
            }
        }
    }

    #[test]
    fn periods_the_data_marks_absent() {
        let absent = |id: &str, r: Regime| {
            let id: RuleId = id.parse().expect("id");
            matches!(of(id, r), Period::Absent { .. })
        };
        assert!(absent("TT-005", Regime::L2015_2020));
        assert!(!absent("TT-005", Regime::L2025));
        assert!(absent("HT-006", Regime::L2008L2004));
        assert!(!absent("HT-006", Regime::L2015));
        assert!(absent("TG-004", Regime::L2025));
        assert!(!absent("TG-004", Regime::L2025_87));
    }

    #[test]
    fn grouped_merges_equal_periods_and_labels_dates() {
        let b = bases();
        let id: RuleId = "TT-005".parse().expect("id");
        let g = b.grouped(id);
        assert_eq!(g[0].0, "đến 31/03/2025");
        assert!(matches!(g[0].1, Period::Absent { .. }));
        assert_eq!(g[1].0, "01/04/2025–30/06/2025");
        assert_eq!(g.last().map(|x| x.0.as_str()), Some("từ 01/07/2025"));
        assert!(b
            .summary_vi(id)
            .starts_with("đến 31/03/2025: không áp dụng; "));
    }

    #[test]
    fn unknown_issue_date_cites_the_period_of_the_judgement_date() {
        let doc = crate::check::testkit::DocBuilder::new("x").build();
        let as_of = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let r = DocRegime::of(&doc, as_of);
        assert_eq!(r, DocRegime::AsOf(Regime::L2025_87, as_of));
        let basis = Basis {
            text: "Điều 1".into(),
            text_en: "Art. 1".into(),
            tag: BasisTag::C,
            template: None,
        };
        assert_eq!(
            r.cite(&basis),
            "Điều 1 (không đọc được ngày ban hành: theo thời kỳ của ngày 01/12/2026)"
        );
        assert_eq!(DocRegime::Issued(Regime::L2015).cite(&basis), "Điều 1");
    }

    fn entry(rule: &str, regimes: &str) -> String {
        format!("[[basis]]\nrule = \"{rule}\"\nregimes = [{regimes}]\ntext = \"t\"\ntext_en = \"e\"\ntag = \"C\"\n")
    }

    #[test]
    fn rejects_gaps_doubles_and_unknowns() {
        // Drop the first entry of the shipped file: one pair uncovered.
        let cut = SHIPPED_TEXT
            .find("\n[[basis]]\n")
            .and_then(|i| {
                SHIPPED_TEXT[i + 1..]
                    .find("\n[[basis]]\n")
                    .map(|j| (i, i + 1 + j))
            })
            .expect("two entries");
        let gap = format!("{}{}", &SHIPPED_TEXT[..cut.0], &SHIPPED_TEXT[cut.1..]);
        assert!(matches!(
            Bases::from_toml(&gap),
            Err(BasesError::Coverage { count: 0, .. })
        ));
        let double = format!("{SHIPPED_TEXT}\n{}", entry("HT-001", "\"L2015\""));
        assert_eq!(
            Bases::from_toml(&double).map(|_| ()),
            Err(BasesError::Coverage {
                rule: "HT-001".parse().expect("id"),
                regime: Regime::L2015,
                count: 2
            })
        );
        let unknown = format!("{SHIPPED_TEXT}\n{}", entry("XX-001", "\"L2015\""));
        assert_eq!(
            Bases::from_toml(&unknown).map(|_| ()),
            Err(BasesError::UnknownRule("XX-001".into()))
        );
        let bad_regime = format!("{SHIPPED_TEXT}\n{}", entry("HT-001", "\"L1990\""));
        assert!(matches!(
            Bases::from_toml(&bad_regime),
            Err(BasesError::Toml(_))
        ));
        let bad_tag = SHIPPED_TEXT.replacen("tag = \"C\"", "tag = \"X\"", 1);
        assert!(matches!(
            Bases::from_toml(&bad_tag),
            Err(BasesError::Toml(_))
        ));
        let empty = SHIPPED_TEXT.replacen("why = \"", "why = \" \" # ", 1);
        assert!(matches!(
            Bases::from_toml(&empty),
            Err(BasesError::Empty { field: "why", .. })
        ));
    }
}
